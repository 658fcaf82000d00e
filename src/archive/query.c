/*
 * The search syntax of query.h: a hand-written scanner over the user's
 * text and a compiler that emits FTS5. Nothing the user types reaches
 * FTS5 outside a double-quoted string, so no input can produce an FTS5
 * syntax error; the operators (AND, OR, NOT, parentheses, column filters,
 * '*') are written only here.
 *
 * Input is whatever the search pane or the command line gives: possibly
 * invalid UTF-8, possibly very long. Work is linear in its length and
 * the number of terms is capped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "archive/date.h"
#include "archive/query.h"
#include "util/buf.h"
#include "util/xalloc.h"

static const struct {
	const char	*name;
	const char	*column;	/* NULL: a filter, not a column */
} query_fields[] = {
	{ "title", "title" },
	{ "author", "author" },
	{ "caption", "caption" },
	{ "body", "body" },
	{ "source", NULL },
	{ "date", NULL },
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/*
 * Read a word or a quoted phrase at *pp into *text. Returns 1 for a
 * phrase. A trailing '*' sets *prefix.
 */
static int
scan_value(const char **pp, char **text, int *prefix)
{
	const char *p = *pp, *start;
	int phrase = 0;

	*prefix = 0;
	if (*p == '"') {
		phrase = 1;
		start = ++p;
		while (*p != '\0' && *p != '"')
			p++;
		*text = xstrndup(start, p - start);
		if (*p == '"')
			p++;
		if (*p == '*') {
			*prefix = 1;
			while (*p == '*')
				p++;
		}
	} else {
		const char *end;

		start = p;
		while (*p != '\0' && !is_space(*p))
			p++;
		end = p;
		while (end > start && end[-1] == '*')
			end--;
		*prefix = end != p && end != start;
		*text = xstrndup(start, end - start);
	}
	*pp = p;
	return phrase;
}

/* A date: value: A, A..B, ..B, A.. with A and B partial dates. */
static int
parse_date_range(const char *v, char **since, char **until)
{
	const char *dots = strstr(v, "..");
	char *a, *b;
	int ok = 1;

	if (dots == NULL) {
		if (archive_date_first(v) < 0)
			return 0;
		free(*since);
		free(*until);
		*since = xstrdup(v);
		*until = xstrdup(v);
		return 1;
	}
	a = xstrndup(v, dots - v);
	b = xstrdup(dots + 2);
	if ((*a == '\0' && *b == '\0') || (*a != '\0' &&
	    archive_date_first(a) < 0) || (*b != '\0' &&
	    archive_date_first(b) < 0))
		ok = 0;
	if (ok && *a != '\0') {
		free(*since);
		*since = a;
		a = NULL;
	}
	if (ok && *b != '\0') {
		free(*until);
		*until = b;
		b = NULL;
	}
	free(a);
	free(b);
	return ok;
}

static struct query_term *
add_term(struct query *q, char *text, const char *column, int prefix,
    int negated)
{
	struct query_term *t;

	if (q->nterms == QUERY_MAX_TERMS) {
		q->truncated = 1;
		free(text);
		return NULL;
	}
	if (strlen(text) > QUERY_MAX_TERM_BYTES) {
		size_t n = QUERY_MAX_TERM_BYTES;

		/* Cut before a UTF-8 continuation byte, never inside a character. */
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
		text[n] = '\0';
		q->truncated = 1;
	}
	q->terms = xreallocarray(q->terms, q->nterms + 1, sizeof *q->terms);
	t = &q->terms[q->nterms++];
	t->text = text;
	t->column = column;
	t->prefix = prefix;
	t->negated = negated;
	t->or_next = 0;
	return t;
}

/* Match "name:" at p for a known field; return its index or -1. */
static int
field_at(const char *p)
{
	size_t i, n;

	for (i = 0; i < sizeof query_fields / sizeof query_fields[0]; i++) {
		n = strlen(query_fields[i].name);
		if (strncasecmp(p, query_fields[i].name, n) == 0 &&
		    p[n] == ':' && p[n + 1] != '\0' && !is_space(p[n + 1]))
			return (int)i;
	}
	return -1;
}

/*
 * One item at *pp: [-][field:](word|"phrase")[*]. Filters are stored in
 * q; text becomes a term. Returns the term added, or NULL.
 */
static struct query_term *
parse_item(struct query *q, const char **pp)
{
	const char *p = *pp, *item = *pp;
	const char *column = NULL;
	int negated = 0, prefix, f;
	char *text;

	if (*p == '-' && p[1] != '\0' && !is_space(p[1]) && p[1] != '-') {
		negated = 1;
		p++;
	}
	if ((f = field_at(p)) != -1) {
		const char *after = p + strlen(query_fields[f].name) + 1;

		if (query_fields[f].column != NULL) {
			column = query_fields[f].column;
			p = after;
		} else {
			scan_value(&after, &text, &prefix);
			if (strcmp(query_fields[f].name, "source") == 0 &&
			    *text != '\0') {
				char **slot = negated ? &q->not_source :
				    &q->source;

				free(*slot);
				*slot = text;
				*pp = after;
				return NULL;
			}
			if (strcmp(query_fields[f].name, "date") == 0 &&
			    !negated && !prefix &&
			    parse_date_range(text, &q->since, &q->until)) {
				free(text);
				*pp = after;
				return NULL;
			}
			/* Not a valid filter: search the item as text. */
			free(text);
			p = item + negated;
		}
	}
	scan_value(&p, &text, &prefix);
	*pp = p;
	if (*text == '\0') {
		q->empty_items++;
		free(text);
		return NULL;
	}
	return add_term(q, text, column, prefix, negated);
}

void
query_parse(const char *text, struct query *q)
{
	const char *p = text != NULL ? text : "";
	struct query_term *t;
	size_t before;
	int pending_or = 0;

	memset(q, 0, sizeof *q);
	for (;;) {
		while (is_space(*p))
			p++;
		if (*p == '\0')
			break;
		/*
		 * A standalone OR is always the operator; it joins the terms on
		 * either side when both are positive and is dropped otherwise.
		 */
		if (p[0] == 'O' && p[1] == 'R' && (p[2] == '\0' ||
		    is_space(p[2]))) {
			pending_or = q->nterms > 0 &&
			    !q->terms[q->nterms - 1].negated;
			p += 2;
			continue;
		}
		before = q->nterms;
		t = parse_item(q, &p);
		if (t == NULL)
			continue;
		if (pending_or && !t->negated && before > 0)
			q->terms[before - 1].or_next = 1;
		pending_or = 0;
	}
	/* An OR before a term that was dropped joins nothing. */
	if (q->nterms > 0)
		q->terms[q->nterms - 1].or_next = 0;
}

void
query_release(struct query *q)
{
	size_t i;

	for (i = 0; i < q->nterms; i++)
		free(q->terms[i].text);
	free(q->terms);
	free(q->source);
	free(q->not_source);
	free(q->since);
	free(q->until);
	memset(q, 0, sizeof *q);
}

/* Append t as an FTS5 phrase: [column : ] "text with "" doubled" [*]. */
static void
emit_term(struct buf *b, const struct query_term *t)
{
	const char *s;

	if (t->column != NULL)
		buf_printf(b, "%s : ", t->column);
	buf_addc(b, '"');
	for (s = t->text; *s != '\0'; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
	if (t->prefix)
		buf_adds(b, " *");
}

static int
usable(const struct query_term *t, query_has_terms_fn has_terms, void *arg)
{
	if (has_terms == NULL)
		return t->text[0] != '\0';
	return has_terms(t->text, strlen(t->text), arg);
}

/*
 * The positive terms: OR groups joined by AND. An OR group whose members
 * were all dropped disappears; one with a single member loses its
 * parentheses.
 */
static void
emit_positive(struct buf *b, const struct query *q, const char *ok)
{
	size_t i = 0, j, n, groups = 0;

	while (i < q->nterms) {
		j = i;
		while (j + 1 < q->nterms && q->terms[j].or_next)
			j++;
		n = 0;
		for (size_t k = i; k <= j; k++)
			n += ok[k] && !q->terms[k].negated;
		if (n > 0) {
			if (groups++ > 0)
				buf_adds(b, " AND ");
			if (n > 1)
				buf_addc(b, '(');
			n = 0;
			for (size_t k = i; k <= j; k++) {
				if (!ok[k] || q->terms[k].negated)
					continue;
				if (n++ > 0)
					buf_adds(b, " OR ");
				emit_term(b, &q->terms[k]);
			}
			if (n > 1)
				buf_addc(b, ')');
		}
		i = j + 1;
	}
}

void
query_compile(const struct query *q, query_has_terms_fn has_terms, void *arg,
    char **match, char **exclude)
{
	struct buf pos = BUF_INIT, neg = BUF_INIT;
	char *ok;
	size_t i, nneg = 0;

	*match = *exclude = NULL;
	if (q->nterms == 0)
		return;
	ok = xcalloc(q->nterms, 1);
	for (i = 0; i < q->nterms; i++)
		ok[i] = usable(&q->terms[i], has_terms, arg);
	emit_positive(&pos, q, ok);
	for (i = 0; i < q->nterms; i++) {
		if (!ok[i] || !q->terms[i].negated)
			continue;
		if (nneg++ > 0)
			buf_adds(&neg, " OR ");
		emit_term(&neg, &q->terms[i]);
	}
	free(ok);
	if (pos.len > 0 && nneg > 0) {
		*match = xasprintf("(%s) NOT (%s)", buf_str(&pos), buf_str(&neg));
		buf_release(&pos);
	} else if (pos.len > 0)
		*match = buf_detach(&pos);
	else if (nneg > 0)
		*exclude = buf_detach(&neg);
	buf_release(&pos);
	buf_release(&neg);
}
