/*
 * The line editor (see prompt.h). The cursor always sits on a character
 * boundary: moves and deletions step over whole UTF-8 sequences together
 * with any combining marks that follow, so no edit can leave half a
 * character behind.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/prompt.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
prompt_init(struct prompt *p, int kind, const char *label, const char *text,
    struct history *hist)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	strncpy(p->label, label, sizeof p->label - 1);
	if (text != NULL) {
		p->len = utf8_fit(text, strlen(text), PROMPT_MAX, NULL);
		if (p->len > PROMPT_MAX)
			p->len = PROMPT_MAX;
		memcpy(p->text, text, p->len);
	}
	p->cur = p->len;
	p->hist = hist;
	p->hpos = hist != NULL ? hist->n : 0;
}

void
prompt_release(struct prompt *p)
{
	free(p->saved);
	p->saved = NULL;
}

/* Offset of the character cluster after (or before) the cursor. */
static size_t
next_boundary(const struct prompt *p, size_t at)
{
	uint32_t cp;
	size_t n;

	if (at >= p->len)
		return p->len;
	at += utf8_decode(p->text + at, p->len - at, &cp);
	while (at < p->len) {
		n = utf8_decode(p->text + at, p->len - at, &cp);
		if (utf8_cpwidth(cp) != 0)
			break;
		at += n;
	}
	return at;
}

static size_t
prev_boundary(const struct prompt *p, size_t at)
{
	size_t b = 0, n;

	/* Walk from the start: lines are short, and it is always right. */
	while (b < at && (n = next_boundary(p, b)) < at)
		b = n;
	return at == 0 ? 0 : b;
}

static void
cut(struct prompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, p->len - to);
	p->len -= to - from;
	p->text[p->len] = '\0';
	if (p->cur >= to)
		p->cur -= to - from;
	else if (p->cur > from)
		p->cur = from;
}

int
prompt_insert(struct prompt *p, uint32_t cp)
{
	char enc[4];
	size_t n;

	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return 0;
	n = utf8_encode(cp, enc);
	if (p->len + n > PROMPT_MAX)
		return -1;
	memmove(p->text + p->cur + n, p->text + p->cur, p->len - p->cur);
	memcpy(p->text + p->cur, enc, n);
	p->len += n;
	p->cur += n;
	p->text[p->len] = '\0';
	return 0;
}

void
prompt_left(struct prompt *p)
{
	p->cur = prev_boundary(p, p->cur);
}

void
prompt_right(struct prompt *p)
{
	p->cur = next_boundary(p, p->cur);
}

void
prompt_home(struct prompt *p)
{
	p->cur = 0;
}

void
prompt_end(struct prompt *p)
{
	p->cur = p->len;
}

void
prompt_delete_back(struct prompt *p)
{
	if (p->cur > 0)
		cut(p, prev_boundary(p, p->cur), p->cur);
}

void
prompt_delete_forward(struct prompt *p)
{
	if (p->cur < p->len)
		cut(p, p->cur, next_boundary(p, p->cur));
}

void
prompt_delete_word(struct prompt *p)
{
	size_t at = p->cur;

	while (at > 0 && p->text[at - 1] == ' ')
		at--;
	while (at > 0 && p->text[at - 1] != ' ')
		at--;
	cut(p, at, p->cur);
}

void
prompt_kill_to_end(struct prompt *p)
{
	cut(p, p->cur, p->len);
}

void
prompt_kill_to_start(struct prompt *p)
{
	cut(p, 0, p->cur);
}

static void
set_text(struct prompt *p, const char *s)
{
	p->len = strlen(s);
	if (p->len > PROMPT_MAX)
		p->len = PROMPT_MAX;
	memcpy(p->text, s, p->len);
	p->text[p->len] = '\0';
	p->cur = p->len;
}

void
prompt_history(struct prompt *p, int dir)
{
	struct history *h = p->hist;

	if (h == NULL || h->n == 0)
		return;
	if (dir < 0 && p->hpos > 0) {
		if (p->hpos == h->n) {
			free(p->saved);
			p->saved = xstrndup(p->text, p->len);
		}
		set_text(p, h->items[--p->hpos]);
	} else if (dir > 0 && p->hpos < h->n) {
		if (++p->hpos == h->n)
			set_text(p, p->saved != NULL ? p->saved : "");
		else
			set_text(p, h->items[p->hpos]);
	}
}

void
history_add(struct history *h, const char *s)
{
	if (*s == '\0' || (h->n > 0 && strcmp(h->items[h->n - 1], s) == 0))
		return;
	if (h->n == HISTORY_MAX) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (HISTORY_MAX - 1) *
		    sizeof h->items[0]);
		h->n--;
	}
	h->items[h->n++] = xstrdup(s);
}

void
history_release(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->items[i]);
	h->n = 0;
}
