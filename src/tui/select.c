/*
 * Selection arithmetic (see select.h). Units are sorted, do not overlap
 * and are trimmed, so "the next unit end after x" and "the previous unit
 * start before x" are binary searches; an article of any length costs a
 * few comparisons per key.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tui/select.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define NONE	((size_t)-1)

static int
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static void
push(struct extract_span **out, size_t *n, size_t *cap, size_t start,
    size_t end)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*out = xreallocarray(*out, *cap, sizeof **out);
	}
	(*out)[*n].start = start;
	(*out)[(*n)++].end = end;
}

size_t
select_words(const char *body, size_t len, struct extract_span **out)
{
	size_t i = 0, start, n = 0, cap = 0;

	*out = NULL;
	while (i < len) {
		while (i < len && space(body[i]))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && !space(body[i]))
			i++;
		push(out, &n, &cap, start, i);
	}
	return n;
}

int
select_trim(const char *body, struct extract_span *s)
{
	while (s->start < s->end && space(body[s->start]))
		s->start++;
	while (s->end > s->start && space(body[s->end - 1]))
		s->end--;
	return s->end > s->start ? 0 : -1;
}

size_t
select_paragraphs(const char *body, size_t len, struct extract_span **out)
{
	struct extract_span s;
	size_t i = 0, n = 0, cap = 0;
	const char *nl;

	*out = NULL;
	while (i < len) {
		nl = memchr(body + i, '\n', len - i);
		s.start = i;
		s.end = nl != NULL ? (size_t)(nl - body) : len;
		i = s.end + 1;
		if (select_trim(body, &s) == 0)
			push(out, &n, &cap, s.start, s.end);
	}
	return n;
}

/* Index of the first unit whose end is > off (n if none). */
static size_t
first_ending_after(const struct extract_span *u, size_t n, size_t off)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u[mid].end > off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Index of the first unit whose start is >= off (n if none). */
static size_t
first_starting_at(const struct extract_span *u, size_t n, size_t off)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u[mid].start >= off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int
select_at(struct selection *s, const struct extract_span *u, size_t n,
    size_t off)
{
	size_t i = first_ending_after(u, n, off);

	if (i == n)
		return -1;
	s->start = u[i].start;
	s->end = u[i].end;
	s->at_start = 0;
	return 0;
}

int
select_extend(struct selection *s, const struct extract_span *u, size_t n)
{
	size_t i;

	if (s->at_start) {
		/* the last unit starting before the start */
		i = first_starting_at(u, n, s->start);
		if (i == 0)
			return -1;
		s->start = u[i - 1].start;
		return 0;
	}
	i = first_ending_after(u, n, s->end);
	if (i == n)
		return -1;
	s->end = u[i].end;
	return 0;
}

int
select_shrink(struct selection *s, const struct extract_span *u, size_t n)
{
	size_t i;

	if (s->at_start) {
		/* the first unit starting after the start, before the end */
		i = first_starting_at(u, n, s->start + 1);
		if (i == n || u[i].start >= s->end)
			return -1;
		s->start = u[i].start;
		return 0;
	}
	/* the last unit ending before the end, after the start */
	i = first_ending_after(u, n, s->end - 1);
	if (i == 0 || u[i - 1].end <= s->start)
		return -1;
	s->end = u[i - 1].end;
	return 0;
}

int
select_step(struct selection *s, const struct extract_span *u, size_t n,
    int dir)
{
	size_t i;

	if (dir > 0) {
		if ((i = first_starting_at(u, n, s->end)) == n)
			return -1;
	} else {
		/* the last unit ending at or before the start */
		if ((i = first_ending_after(u, n, s->start)) == 0)
			return -1;
		i--;
	}
	s->start = u[i].start;
	s->end = u[i].end;
	return 0;
}

size_t
select_head(const struct selection *s)
{
	if (s->at_start || s->end == s->start)
		return s->start;
	return s->end - 1;
}

size_t
select_find(const char *body, size_t from, size_t to, const char *term)
{
	size_t i = from, tl = strlen(term);
	uint32_t cp;

	if (tl == 0)
		return NONE;
	while (i < to) {
		if (utf8_casematch(body + i, to - i, term, tl) > 0)
			return i;
		i += utf8_decode(body + i, to - i, &cp);
	}
	return NONE;
}
