/*
 * lede_snippet(articles_fts, max_bytes): an FTS5 auxiliary function that
 * returns up to max_bytes of one column around the first match, with
 * every match in the window between \x02 and \x03. Any \x02 or \x03 in
 * the stored text is dropped first, so content cannot forge a marker
 * (FTS5's snippet() copies such bytes through). The column shown is the
 * body when it matches, else the caption, the title, the author; line
 * breaks become spaces. Windows start and end on UTF-8 boundaries and,
 * when one is near, on spaces.
 *
 * Cost: one tokenization of the chosen column, so it runs only for the
 * rows of the page on screen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive_int.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define SNIPPET_MAX_RANGES 64

struct range {
	int	 tfirst, tlast;		/* token indexes, inclusive */
	int	 bstart, bend;		/* byte offsets, -1 until seen */
};

struct walk {
	struct range	*r;
	int		 nr;
	int		 tok;		/* index of the next token */
	int		 last;		/* highest token index needed */
};

static int
walk_cb(void *p, int tflags, const char *t, int n, int start, int end)
{
	struct walk *w = p;
	int i;

	if (tflags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	for (i = 0; i < w->nr; i++) {
		if (w->r[i].tfirst == w->tok)
			w->r[i].bstart = start;
		if (w->r[i].tlast == w->tok)
			w->r[i].bend = end;
	}
	/* Past the last match nothing more is needed: stop tokenizing. */
	return w->tok++ >= w->last ? SQLITE_DONE : SQLITE_OK;
}

/* The column to show: the first in body, caption, title, author to match. */
static int
pick_column(const Fts5ExtensionApi *api, Fts5Context *fts, int ninst)
{
	static const int order[] = { 3, 2, 0, 1 };
	int i, j, phrase, col, off;

	for (j = 0; j < 4; j++)
		for (i = 0; i < ninst; i++)
			if (api->xInst(fts, i, &phrase, &col, &off) ==
			    SQLITE_OK && col == order[j])
				return col;
	return 3;
}

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* The window [*ws, *we) of at most max bytes around byte offset at. */
static void
window(const char *text, int n, int at, int max, int *ws, int *we)
{
	int s, e, k;

	s = at - max / 4;
	if (s < 0)
		s = 0;
	while (s > 0 && s < n && is_cont((unsigned char)text[s]))
		s++;
	for (k = s; s > 0 && k < n && k < s + 24 && k < at; k++)
		if (text[k] == ' ' || text[k] == '\n') {
			s = k + 1;
			break;
		}
	e = s + max;
	if (e >= n)
		e = n;
	else {
		while (e > s && is_cont((unsigned char)text[e]))
			e--;
		for (k = e; k > s && k > e - 24; k--)
			if (text[k] == ' ' || text[k] == '\n') {
				e = k;
				break;
			}
	}
	*ws = s;
	*we = e;
}

static void
render(struct buf *b, const char *text, int n, int ws, int we,
    const struct range *r, int nr)
{
	int p, i, depth = 0, nd, opens, closes;
	char c;

	if (ws > 0)
		buf_adds(b, "\xE2\x80\xA6");
	for (p = ws; p <= we; p++) {
		opens = closes = 0;
		for (i = 0; i < nr; i++) {
			int s = r[i].bstart < ws ? ws : r[i].bstart;
			int e = r[i].bend > we ? we : r[i].bend;

			if (r[i].bstart < 0 || r[i].bend < 0 || s >= e)
				continue;
			opens += s == p;
			closes += e == p;
		}
		nd = depth - closes + opens;
		if (nd < 0)
			nd = 0;
		if (depth > 0 && nd == 0)
			buf_addc(b, '\x03');
		else if (depth == 0 && nd > 0)
			buf_addc(b, '\x02');
		depth = nd;
		if (p == we)
			break;
		c = text[p];
		if (c == '\x02' || c == '\x03')
			continue;
		buf_addc(b, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
	}
	if (depth > 0)
		buf_addc(b, '\x03');
	if (we < n)
		buf_adds(b, "\xE2\x80\xA6");
}

static void
snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct range r[SNIPPET_MAX_RANGES];
	struct walk w;
	struct buf b = BUF_INIT;
	const char *text;
	int max = 160, ninst = 0, col, i, phrase, c, off, n, at, ws, we;

	if (nval > 0 && sqlite3_value_int(val[0]) > 16)
		max = sqlite3_value_int(val[0]);
	if (api->xInstCount(fts, &ninst) != SQLITE_OK)
		ninst = 0;
	col = pick_column(api, fts, ninst);
	if (api->xColumnText(fts, col, &text, &n) != SQLITE_OK ||
	    text == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	memset(&w, 0, sizeof w);
	w.r = r;
	for (i = 0; i < ninst && w.nr < SNIPPET_MAX_RANGES; i++) {
		if (api->xInst(fts, i, &phrase, &c, &off) != SQLITE_OK ||
		    c != col)
			continue;
		r[w.nr].tfirst = off;
		r[w.nr].tlast = off + api->xPhraseSize(fts, phrase) - 1;
		r[w.nr].bstart = r[w.nr].bend = -1;
		if (r[w.nr].tlast > w.last)
			w.last = r[w.nr].tlast;
		w.nr++;
	}
	if (w.nr > 0)
		api->xTokenize(fts, text, n, &w, walk_cb);
	at = n;
	for (i = 0; i < w.nr; i++)
		if (r[i].bstart >= 0 && r[i].bstart < at)
			at = r[i].bstart;
	if (at == n)
		at = 0;
	window(text, n, at, max, &ws, &we);
	render(&b, text, n, ws, we, r, w.nr);
	sqlite3_result_text(ctx, buf_str(&b), (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

int
archive_snippet_register(fts5_api *api, char **cause)
{
	if (api->xCreateFunction(api, "lede_snippet", NULL, snippet_fn,
	    NULL) != SQLITE_OK) {
		*cause = xstrdup("registering lede_snippet()");
		return -1;
	}
	return 0;
}
