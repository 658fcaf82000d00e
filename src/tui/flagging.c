/*
 * Selecting a passage in the reader and flagging it for correction.
 *
 * The reader has no cursor, so "the cursor" is the current match (or
 * mention) when one is on screen, else the top of the view: `select`
 * starts a selection at the word there, `select-sentence` selects the
 * sentence there, and `flag` does that and asks for the note at once.
 * While selecting, the keys of [select] grow and shrink the selection by
 * words, sentences, lines on screen and paragraphs (select.c does the
 * arithmetic), the view follows the moving end, and `flag` asks for the
 * note; the note prompt's `editor` key writes a long note in $EDITOR.
 *
 * The flag is stored with flag_create_span() over body offsets of the
 * open article; its passage then stays marked (MS_FLAG) and the article's
 * flag count in the lists follows. The units (words, sentences,
 * paragraphs) are made from the body the first time a key needs them;
 * lines come from the text view each time, since they change with the
 * pane's width.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/flags.h"
#include "extract/extract.h"
#include "flag/flag.h"
#include "tui/select.h"
#include "tui/tui_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define NOTE_MAX	(64 * 1024)
#define NONE		((size_t)-1)

enum unit { U_WORD, U_SENTENCE, U_LINE, U_PARAGRAPH, U_COUNT };

struct flagging {
	struct extract_span	*units[U_COUNT];
	size_t			 nunits[U_COUNT];
	int			 ready;		/* words, sentences, paragraphs */
	/* What the note prompt will flag. */
	int64_t			 article_id;
	size_t			 start, end;
};

static const char *const unit_names[U_COUNT] = {
	"word", "sentence", "line", "paragraph"
};

static struct flagging *
state(struct tui *t)
{
	if (t->flagging == NULL)
		t->flagging = xcalloc(1, sizeof *t->flagging);
	return t->flagging;
}

static void
drop_units(struct flagging *fl)
{
	size_t u;

	for (u = 0; u < U_COUNT; u++) {
		free(fl->units[u]);
		fl->units[u] = NULL;
		fl->nunits[u] = 0;
	}
	fl->ready = 0;
}

void
flagging_release(struct tui *t)
{
	if (t->flagging != NULL)
		drop_units(t->flagging);
	free(t->flagging);
	t->flagging = NULL;
}

/* The units of a kind over the open article's body. */
static const struct extract_span *
units(struct tui *t, enum unit u, size_t *n)
{
	struct flagging *fl = state(t);
	const char *body = t->article_body != NULL ? t->article_body : "";
	size_t len = strlen(body), i, k = 0;
	const struct tview *v = &t->reader;
	struct extract_span s;

	if (!fl->ready) {
		fl->nunits[U_WORD] = select_words(body, len, &fl->units[U_WORD]);
		fl->nunits[U_SENTENCE] = extract_sentences(body, len,
		    &fl->units[U_SENTENCE]);
		fl->nunits[U_PARAGRAPH] = select_paragraphs(body, len,
		    &fl->units[U_PARAGRAPH]);
		fl->ready = 1;
	}
	if (u == U_LINE) {
		free(fl->units[U_LINE]);
		fl->units[U_LINE] = xreallocarray(NULL, v->nlines + 1,
		    sizeof s);
		for (i = 0; i < v->nlines; i++) {
			s.start = v->lines[i].ostart;
			s.end = v->lines[i].oend;
			if (s.start == TV_NOORIGIN || s.end > len ||
			    select_trim(body, &s) != 0)
				continue;
			fl->units[U_LINE][k++] = s;
		}
		fl->nunits[U_LINE] = k;
	}
	*n = fl->nunits[u];
	return fl->units[u];
}

/*
 * Where selecting starts: the current match or mention when its line is
 * in view (the first one on that line), else the first body offset in
 * view.
 */
static size_t
cursor(struct tui *t)
{
	const struct tview *v = &t->reader;
	const struct tline *l;
	const char *body = t->article_body;
	size_t i, at, best = NONE;

	if (v->cur < 0 || (size_t)v->cur < v->top ||
	    (size_t)v->cur >= v->top + v->h || (size_t)v->cur >= v->nlines ||
	    body == NULL)
		return tview_top_offset(v);
	l = &v->lines[v->cur];
	if (l->ostart == TV_NOORIGIN || l->oend > strlen(body))
		return tview_top_offset(v);
	if (v->find_mark == HL_MATCH) {
		for (i = 0; i < v->nterms; i++) {
			at = select_find(body, l->ostart, l->oend, v->terms[i]);
			if (at < best)
				best = at;
		}
	} else {
		for (i = 0; i < t->nmarks[MS_MENTION]; i++) {
			const struct tspan *m = &t->marks[MS_MENTION][i];

			if (m->start < l->oend && m->end > l->ostart &&
			    (at = m->start > l->ostart ? m->start :
			    l->ostart) < best)
				best = at;
		}
	}
	return best != NONE ? best : l->ostart;
}

/* Scroll as little as needed to keep the moving end in view. */
static void
follow(struct tui *t)
{
	struct tview *v = &t->reader;
	long line = tview_line_of(v, select_head(&t->sel));

	if (line < 0)
		return;
	if ((size_t)line < v->top)
		tview_top(v, (size_t)line);
	else if ((size_t)line >= v->top + v->h)
		tview_top(v, (size_t)line + 1 - v->h);
}

static void
show(struct tui *t)
{
	struct tspan s;

	s.start = t->sel.start;
	s.end = t->sel.end;
	s.mark = HL_SELECT;
	reader_set_marks(t, MS_SELECT, &s, 1);
	follow(t);
	t->dirty |= DIRTY_READER | DIRTY_STATUS | DIRTY_PROMPT;
}

static void
stop(struct tui *t)
{
	t->selecting = 0;
	reader_set_marks(t, MS_SELECT, NULL, 0);
	t->dirty |= DIRTY_READER | DIRTY_STATUS | DIRTY_PROMPT;
}

/* Select the unit at the cursor; -1 (with a message) if there is none. */
static int
start(struct tui *t, enum unit u)
{
	const struct extract_span *s;
	size_t n, off;

	if (t->article_id == 0) {
		tui_message(t, 1, "open an article first");
		return -1;
	}
	s = units(t, u, &n);
	if ((off = cursor(t)) == TV_NOORIGIN ||
	    select_at(&t->sel, s, n, off) != 0) {
		tui_message(t, 1, "this article has no text to select");
		return -1;
	}
	t->selecting = 1;
	show(t);
	return 0;
}

void
flagging_select(struct tui *t)
{
	start(t, U_WORD);
}

void
flagging_select_sentence(struct tui *t)
{
	start(t, U_SENTENCE);
}

/* The first key bound to an action, as its name. */
static const char *
key_of(struct tui *t, enum config_ctx ctx, const char *action,
    char buf[KEYS_NAME_MAX])
{
	int a = config_find_action(ctx, action);
	key_code k = KEYC_NONE;

	if (a < 0 || config_action_keys(t->cfg, (size_t)a, &k, 1) == 0)
		return "(unbound)";
	return keys_name(k, buf);
}

/* Ask for the note of a flag over the selection. */
static void
ask_note(struct tui *t)
{
	struct flagging *fl = state(t);
	char k1[KEYS_NAME_MAX], k2[KEYS_NAME_MAX], k3[KEYS_NAME_MAX];

	fl->article_id = t->article_id;
	fl->start = t->sel.start;
	fl->end = t->sel.end;
	input_prompt(t, PK_NOTE, NULL);
	tui_message(t, 0, "%s saves the flag, %s opens $EDITOR, %s cancels",
	    key_of(t, CONFIG_PROMPT, "accept", k1),
	    key_of(t, CONFIG_PROMPT, "editor", k2),
	    key_of(t, CONFIG_PROMPT, "cancel", k3));
}

void
flagging_flag(struct tui *t)
{
	if (start(t, U_SENTENCE) == 0)
		ask_note(t);
}

/* s[0..len) on one line, safe to draw, cut to width columns with "…". */
static char *
excerpt(const char *s, size_t len, size_t width)
{
	struct buf flat = BUF_INIT;
	char *safe, *cut;
	size_t i;

	for (i = 0; i < len; i++)
		buf_addc(&flat, s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ?
		    ' ' : s[i]);
	safe = scr_safe(buf_str(&flat), flat.len);
	buf_release(&flat);
	cut = utf8_cut(safe, width, 0);
	free(safe);
	return cut;
}

/*
 * Whether flag id holds the text the reader shows at its offsets: the
 * article may have been re-imported since it was opened, and offsets into
 * the old body would flag other words.
 */
static int
same_text(struct tui *t, int64_t id, size_t start, size_t end,
    char **cause)
{
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag *f;
	size_t n;
	int same;

	flt.id = id;
	if (archive_flags_list(t->ar, &flt, &f, &n, cause) != 0)
		return -1;
	same = n == 1 && end <= strlen(t->article_body) &&
	    strlen(f[0].exact) == end - start &&
	    memcmp(f[0].exact, t->article_body + start, end - start) == 0;
	flag_list_free(f, n);
	return same;
}

void
flagging_accept_note(struct tui *t, const char *note)
{
	struct flagging *fl = state(t);
	char *cause = NULL, *undo_cause = NULL, *quote, k[KEYS_NAME_MAX];
	int64_t id = 0;
	int same;

	if (fl->article_id == 0 || fl->article_id != t->article_id) {
		tui_message(t, 1, "not flagged: another article is open");
		return;
	}
	if (flag_create_span(t->ar, fl->article_id, fl->start, fl->end, note,
	    &id, &cause) != 0) {
		tui_message(t, 1, "not flagged: %s", cause);
		free(cause);
		return;
	}
	if ((same = same_text(t, id, fl->start, fl->end, &cause)) != 1) {
		if (flag_delete(t->ar, id, NULL, &undo_cause) != 0)
			free(undo_cause);
		if (same < 0)
			tui_message(t, 1, "not flagged: %s", cause);
		else
			tui_message(t, 1, "not flagged: the article changed "
			    "since it was opened; open it again");
		free(cause);
		return;
	}
	quote = excerpt(t->article_body + fl->start, fl->end - fl->start, 40);
	stop(t);
	flagging_changed(t, fl->article_id);
	tui_message(t, 0, "flagged \"%s\" (%s lists the flags)", quote,
	    key_of(t, CONFIG_GLOBAL, "flags", k));
	free(quote);
	fl->article_id = 0;
}

/* Mark the found flags among flags[0..n) of the open article. */
static void
mark(struct tui *t, const struct flag *flags, size_t n)
{
	struct tspan *s = xreallocarray(NULL, n + 1, sizeof *s);
	size_t i, k = 0, len = t->article_body ? strlen(t->article_body) : 0;

	for (i = 0; i < n; i++) {
		if (!flags[i].found || flags[i].end > len ||
		    flags[i].start >= flags[i].end)
			continue;
		s[k].start = flags[i].start;
		s[k].end = flags[i].end;
		s[k++].mark = HL_FLAG;
	}
	reader_set_marks(t, MS_FLAG, s, k);
	free(s);
}

/* The flags of article id, or -1 with a message. */
static int
article_flags(struct tui *t, int64_t id, struct flag **flags, size_t *n)
{
	struct flag_filter flt = FLAG_FILTER_ALL;
	char *cause = NULL;

	flt.article_id = id;
	if (archive_flags_list(t->ar, &flt, flags, n, &cause) != 0) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

void
flagging_article(struct tui *t)
{
	struct flag *flags;
	size_t n;

	t->selecting = 0;
	if (t->flagging != NULL)
		drop_units(t->flagging);
	if (article_flags(t, t->article_id, &flags, &n) != 0)
		return;
	mark(t, flags, n);
	flag_list_free(flags, n);
}

void
flagging_changed(struct tui *t, int64_t id)
{
	struct flag *flags;
	size_t n;

	if (article_flags(t, id, &flags, &n) == 0) {
		articles_set_flags(&t->list, id, (int)n);
		articles_set_flags(&t->results, id, (int)n);
		if (id == t->article_id)
			mark(t, flags, n);
		flag_list_free(flags, n);
	}
	if (t->flags_on)
		flags_refresh(t);
	t->dirty |= DIRTY_LIST | DIRTY_READER | DIRTY_STATUS;
}

/* The text an editor left in fd's file, trimmed; NULL and *why if bad. */
static char *
read_note(int fd, const char **why)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	ssize_t got;

	if (lseek(fd, 0, SEEK_SET) == -1) {
		*why = strerror(errno);
		return NULL;
	}
	while ((got = read(fd, chunk, sizeof chunk)) > 0 && b.len <= NOTE_MAX)
		buf_add(&b, chunk, (size_t)got);
	if (got < 0 || b.len > NOTE_MAX || !utf8_valid(buf_str(&b), b.len) ||
	    memchr(buf_str(&b), '\0', b.len) != NULL) {
		*why = got < 0 ? strerror(errno) : b.len > NOTE_MAX ?
		    "the note is longer than 64 KiB" :
		    "the note is not UTF-8 text";
		buf_release(&b);
		return NULL;
	}
	while (b.len > 0 && strchr(" \t\r\n", b.data[b.len - 1]) != NULL)
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

char *
flagging_editor(struct tui *t, const char *text)
{
	const char *ed = getenv("VISUAL"), *tmp = getenv("TMPDIR"), *why;
	char *path, *cmd, *tok, *save = NULL, *argv[16], *note = NULL;
	int fd, argc = 0, rc;

	if (ed == NULL || ed[strspn(ed, " \t")] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[strspn(ed, " \t")] == '\0')
		ed = "vi";
	path = xasprintf("%s/lede-note-XXXXXX", tmp != NULL && *tmp == '/' ?
	    tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1) {
		tui_message(t, 1, "no temporary file for the note: %s",
		    strerror(errno));
		free(path);
		return NULL;
	}
	if (*text != '\0' && (write(fd, text, strlen(text)) < 0 ||
	    write(fd, "\n", 1) < 0))
		tui_message(t, 1, "writing the note: %s", strerror(errno));
	/* Like $BROWSER: words split on blanks, the file last, no shell. */
	cmd = xstrdup(ed);
	for (tok = strtok_r(cmd, " \t", &save); tok != NULL && argc < 14;
	    tok = strtok_r(NULL, " \t", &save))
		argv[argc++] = tok;
	argv[argc++] = path;
	argv[argc] = NULL;
	rc = reader_run_program(argv);
	t->dirty |= DIRTY_ALL;
	if (rc != 0)
		tui_message(t, 1, "%s exited with status %d; the note is not "
		    "saved", argv[0], rc);
	else if ((note = read_note(fd, &why)) == NULL)
		tui_message(t, 1, "the note is not saved: %s", why);
	close(fd);
	unlink(path);
	free(cmd);
	free(path);
	return note;
}

int
flagging_hint(struct tui *t, char *buf, size_t size)
{
	char k[9][KEYS_NAME_MAX];
	const struct extract_span *w;
	size_t n, i, words = 0;

	if (!t->selecting || t->focus != FOCUS_READER)
		return 0;
	w = units(t, U_WORD, &n);
	for (i = 0; i < n; i++)
		words += w[i].start >= t->sel.start && w[i].end <= t->sel.end;
	snprintf(buf, size, "%zu word%s (%s moves)  %s/%s word  %s/%s "
	    "sentence  %s/%s paragraph  %s other end  %s flag  %s cancel",
	    words, words == 1 ? "" : "s", t->sel.at_start ? "start" : "end",
	    key_of(t, CONFIG_SELECT, "extend-word", k[0]),
	    key_of(t, CONFIG_SELECT, "shrink-word", k[1]),
	    key_of(t, CONFIG_SELECT, "extend-sentence", k[2]),
	    key_of(t, CONFIG_SELECT, "shrink-sentence", k[3]),
	    key_of(t, CONFIG_SELECT, "extend-paragraph", k[4]),
	    key_of(t, CONFIG_SELECT, "shrink-paragraph", k[5]),
	    key_of(t, CONFIG_SELECT, "other-end", k[6]),
	    key_of(t, CONFIG_SELECT, "flag", k[7]),
	    key_of(t, CONFIG_SELECT, "cancel", k[8]));
	return 1;
}

/* The handlers of [select]. */

static void
resize(struct tui *t, enum unit u, int grow)
{
	const struct extract_span *s;
	size_t n;

	s = units(t, u, &n);
	if ((grow ? select_extend : select_shrink)(&t->sel, s, n) != 0)
		tui_message(t, 0, grow ? "no %s further" : "down to one %s",
		    unit_names[u]);
	show(t);
}

#define RESIZE(NAME, UNIT)						\
static void s_extend_##NAME(struct tui *t) { resize(t, UNIT, 1); }	\
static void s_shrink_##NAME(struct tui *t) { resize(t, UNIT, 0); }
RESIZE(word, U_WORD)
RESIZE(sentence, U_SENTENCE)
RESIZE(line, U_LINE)
RESIZE(paragraph, U_PARAGRAPH)

static void
s_other_end(struct tui *t)
{
	t->sel.at_start = !t->sel.at_start;
	show(t);
}

static void
s_step(struct tui *t, int dir)
{
	const struct extract_span *s;
	size_t n;

	s = units(t, U_SENTENCE, &n);
	t->sel.at_start = 0;
	if (select_step(&t->sel, s, n, dir) != 0)
		tui_message(t, 0, "no sentence %s", dir > 0 ? "after this" :
		    "before this");
	show(t);
}

static void s_next(struct tui *t) { s_step(t, 1); }
static void s_prev(struct tui *t) { s_step(t, -1); }

const struct handler select_handlers[] = {
	{ "extend-word", s_extend_word }, { "shrink-word", s_shrink_word },
	{ "extend-sentence", s_extend_sentence },
	{ "shrink-sentence", s_shrink_sentence },
	{ "extend-line", s_extend_line }, { "shrink-line", s_shrink_line },
	{ "extend-paragraph", s_extend_paragraph },
	{ "shrink-paragraph", s_shrink_paragraph },
	{ "other-end", s_other_end }, { "select-next", s_next },
	{ "select-prev", s_prev }, { "flag", ask_note }, { "cancel", stop },
};
const size_t select_nhandlers = sizeof select_handlers /
    sizeof select_handlers[0];
