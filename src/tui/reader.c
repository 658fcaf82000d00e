/*
 * The reader pane: an article turned into text-view blocks (title, the
 * header fields, a rule, the body paragraphs), read marks, and opening the
 * article's URL in a browser. Opening from a search passes the query, so
 * its words are highlighted and the view starts at the first match.
 */
#include "config.h"

#include <sys/wait.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/tui_int.h"
#include "util/xalloc.h"

static void
field(struct tview *tv, const char *label, const char *value, int elem)
{
	if (value != NULL && *value != '\0')
		tview_add(tv, label, E_HEADER, value, elem, 0);
}

/*
 * Each non-empty line of the body is a paragraph (importers separate them
 * with one newline or two); the reader shows a blank line between them.
 * Paragraphs keep their offsets in the body, so entity mentions, flags
 * and the selection (byte offsets into the body) can be marked on them.
 */
static void
add_body(struct tview *tv, const char *body)
{
	const char *p = body, *nl;
	int first = 1;
	char *line;

	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		line = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (line[strspn(line, " \t")] != '\0') {
			if (!first)
				tview_add(tv, NULL, E_NORMAL, "", E_NORMAL, 0);
			tview_add_at(tv, line, E_NORMAL, TB_PARA,
			    (size_t)(p - body));
			first = 0;
		}
		free(line);
		p = nl != NULL ? nl + 1 : NULL;
	}
}

void
reader_relayout(struct tui *t)
{
	int w = t->lay.reader.w - 2;

	if (t->wrap_width > 0 && w > t->wrap_width)
		w = t->wrap_width;
	tview_resize(&t->reader, w > 4 ? (size_t)w : 4,
	    t->lay.reader.h > 0 ? (size_t)t->lay.reader.h : 1);
}

void
reader_set_marks(struct tui *t, enum mark_set set, const struct tspan *spans,
    size_t n)
{
	struct tspan *all;
	size_t total = 0, k, i;

	free(t->marks[set]);
	t->marks[set] = NULL;
	t->nmarks[set] = 0;
	if (n > 0) {
		t->marks[set] = xreallocarray(NULL, n, sizeof *spans);
		memcpy(t->marks[set], spans, n * sizeof *spans);
		t->nmarks[set] = n;
	}
	for (k = 0; k < MS_COUNT; k++)
		total += t->nmarks[k];
	all = xreallocarray(NULL, total + 1, sizeof *all);
	for (k = 0, total = 0; k < MS_COUNT; k++)
		for (i = 0; i < t->nmarks[k]; i++)
			all[total++] = t->marks[k][i];
	tview_set_spans(&t->reader, all, total);
	free(all);
	t->dirty |= DIRTY_READER;
}

/* Forget the marks of the article that was open. */
static void
clear_marks(struct tui *t)
{
	size_t k;

	for (k = 0; k < MS_COUNT; k++) {
		free(t->marks[k]);
		t->marks[k] = NULL;
		t->nmarks[k] = 0;
	}
}

/* How often the main loop tries again while another process writes. */
#define READMARKS_RETRY_MS	100

static void
show_mark(struct tui *t, int64_t id, int read)
{
	articles_mark(&t->list, id, read);
	articles_mark(&t->results, id, read);
	if (id == t->article_id)
		t->article_read = read;
	t->dirty |= DIRTY_LIST | DIRTY_STATUS;
}

void
reader_set_read(struct tui *t, int64_t id, int read)
{
	show_mark(t, id, read);
	readmarks_set(&t->unsaved, id, read);
	reader_save_read_marks(t, 0);
}

int
reader_save_read_marks(struct tui *t, int wait)
{
	char *cause = NULL;
	size_t i;
	int rc;

	t->unsaved_due = 0;
	if ((rc = readmarks_flush(&t->unsaved, t->ar, wait, &cause)) == 1)
		t->unsaved_due = tui_now_ms() + READMARKS_RETRY_MS;
	else if (rc < 0) {
		/* Not a busy archive (a read-only file, a full disk): trying
		   again will not help. Show the rows as they are stored, and
		   say why once, not at every article opened. */
		if (!t->marks_refused)
			tui_message(t, 1, "read marks are not saved: %s", cause);
		t->marks_refused = 1;
		for (i = 0; i < t->unsaved.n; i++)
			show_mark(t, t->unsaved.v[i].id, !t->unsaved.v[i].read);
		readmarks_clear(&t->unsaved);
		free(cause);
	}
	return (int)t->unsaved.n;
}

void
reader_open(struct tui *t, int64_t id, const char *query)
{
	struct tview *tv = &t->reader;
	struct article *a;
	char *cause = NULL;

	if ((a = archive_get(t->ar, id, &cause)) == NULL) {
		tui_message(t, 1, "%s", cause);
		free(cause);
		return;
	}
	tview_clear(tv);
	clear_marks(t);
	tview_add(tv, NULL, E_TITLE, a->title != NULL ? a->title : "(untitled)",
	    E_TITLE, TB_PARA);
	field(tv, "Source: ", a->source, E_NORMAL);
	field(tv, "Author: ", a->author, E_NORMAL);
	field(tv, "Date:   ", a->published, E_NORMAL);
	field(tv, "URL:    ", a->url, E_URL);
	field(tv, "Photo:  ", a->caption, E_NORMAL);
	tview_add(tv, NULL, E_BORDER, NULL, E_BORDER, TB_RULE);
	add_body(tv, a->body);
	tview_set_terms(tv, query, 0);
	t->article_id = id;
	free(t->article_url);
	t->article_url = a->url != NULL ? xstrdup(a->url) : NULL;
	free(t->article_body);
	t->article_body = xstrdup(a->body != NULL ? a->body : "");
	t->article_read = a->read;
	readmarks_get(&t->unsaved, id, &t->article_read);
	article_free(a);
	flagging_article(t);
	reader_relayout(t);
	sidebar_article(t, id);
	if (query != NULL)
		tview_find(tv, 1);
	if (t->mark_read && !t->article_read)
		reader_set_read(t, id, 1);
	t->dirty |= DIRTY_READER | DIRTY_STATUS;
}

/* Only plain web addresses, and nothing a shell or terminal could read. */
static int
url_ok(const char *url)
{
	const unsigned char *p;

	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return 0;
	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p <= 0x20 || *p == 0x7f)
			return 0;
	}
	return 1;
}

int
reader_run_program(char **argv)
{
	int status = -1;
	pid_t pid;

	def_prog_mode();
	endwin();
	if ((pid = fork()) == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	return pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void
reader_open_url(struct tui *t, const char *url)
{
	const char *browser = *t->browser != '\0' ? t->browser :
	    getenv("BROWSER");
	char *cmd, *tok, *save = NULL, *argv[16];
	int argc = 0, rc, placed = 0;

	if (url == NULL || *url == '\0') {
		tui_message(t, 1, "this article has no URL");
		return;
	}
	if (!url_ok(url)) {
		tui_message(t, 1, "not opening a URL that is not http or https");
		return;
	}
	if (browser == NULL || *browser == '\0') {
		tui_message(t, 1, "set $BROWSER (or browser in lede.conf) to "
		    "open URLs");
		return;
	}
	/* $BROWSER may list several commands, "a:b": use the first. A "%s"
	   argument is where the URL goes; else it comes last. */
	cmd = xstrndup(browser, strcspn(browser, ":"));
	for (tok = strtok_r(cmd, " ", &save); tok != NULL && argc < 14;
	    tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, "%s") == 0)
			placed = 1;
		argv[argc++] = strcmp(tok, "%s") == 0 ? (char *)url : tok;
	}
	if (argc == 0) {
		tui_message(t, 1, "the browser command is empty");
		free(cmd);
		return;
	}
	if (!placed)
		argv[argc++] = (char *)url;
	argv[argc] = NULL;
	rc = reader_run_program(argv);
	if (rc != 0)
		tui_message(t, 1, "%s exited with status %d", argv[0], rc);
	else
		tui_message(t, 0, "opened %s", url);
	free(cmd);
	t->dirty |= DIRTY_ALL;
}
