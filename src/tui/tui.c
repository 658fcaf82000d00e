/*
 * The reader's entry point and main loop. tui_run() checks what it needs
 * before curses starts (a terminal on both ends, a UTF-8 locale, the
 * archive), reads the configuration (its problems are shown on the message
 * screen once curses runs, never printed), then loops: draw what is dirty,
 * wait for a key (or for the search deadline), act on it. Signal handlers
 * only set a flag; SIGWINCH is left to curses, which turns it into a
 * KEY_RESIZE key.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ingest/progress.h"
#include "tui/tui.h"
#include "tui/tui_int.h"
#include "tui/worker.h"
#include "util/xalloc.h"

#define LOG_MAX	200

static volatile sig_atomic_t got_quit_signal;

static void
on_signal(int sig)
{
	(void)sig;
	got_quit_signal = 1;
}

static void
fatal_hook(void)
{
	scr_end();
}

int64_t
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
tui_message(struct tui *t, int error, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(t->message);
	t->message = msg;
	t->message_error = error;
	if (t->nlog == LOG_MAX) {
		free(t->log[0]);
		memmove(t->log, t->log + 1, (LOG_MAX - 1) * sizeof *t->log);
		t->nlog--;
	}
	t->log = xreallocarray(t->log, t->nlog + 1, sizeof *t->log);
	t->log[t->nlog++] = xstrdup(msg);
	t->dirty |= DIRTY_PROMPT | DIRTY_STATUS;
}

static int
check_environment(char **cause)
{
	const char *cs;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup("the reader needs a terminal on standard input "
		    "and output (for scripts, use lede list, show or search)");
		return -1;
	}
	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
		*cause = xasprintf("the reader needs a UTF-8 locale (the "
		    "character set is %s; try LANG=C.UTF-8)", cs ? cs : "?");
		return -1;
	}
	return 0;
}

static void
read_options(struct tui *t)
{
	const struct config *c = t->cfg;

	t->mouse = config_int(c, "global", "mouse");
	t->mark_read = config_int(c, "global", "mark-read");
	t->search_delay = config_int(c, "global", "search-delay");
	t->save_history = config_int(c, "global", "save-history");
	t->browser = config_string(c, "global", "browser");
	t->stacked = config_int(c, "layout", "split") == 1;
	t->list_pct = config_int(c, "layout", "list-size");
	t->sidebar = config_int(c, "layout", "sidebar");
	t->sidebar_w = config_int(c, "layout", "sidebar-width");
	t->wrap_width = config_int(c, "layout", "wrap-width");
	t->list_src.f.order = config_int(c, "global", "sort") == 1 ?
	    ARCHIVE_OLDEST : ARCHIVE_NEWEST;
}

/* Configuration problems become messages, shown once curses is up. */
static size_t
load_config(struct tui *t, const char *config_path)
{
	const struct config_problem *p;
	char *path;
	size_t n, i;

	t->cfg = config_new();
	path = config_path != NULL ? xstrdup(config_path) :
	    config_default_path();
	config_load(t->cfg, path, config_path != NULL);
	free(path);
	p = config_problems(t->cfg, &n);
	for (i = 0; i < n; i++) {
		if (p[i].line != 0)
			tui_message(t, 1, "%s:%u: %s", p[i].file, p[i].line,
			    p[i].message);
		else
			tui_message(t, 1, "%s: %s", p[i].file, p[i].message);
	}
	return n;
}

static int
open_archive(struct tui *t, const char *path, char **cause)
{
	const char *slash = strrchr(path, '/');

	if (access(path, F_OK) != 0) {
		*cause = xasprintf("no archive at %s (import articles first: "
		    "lede import FILE...)", path);
		return -1;
	}
	/* Before the screen starts: a long upgrade is reported on stderr. */
	archive_set_migrate_progress(progress_migration, NULL);
	if ((t->ar = archive_open(path, 0, cause)) == NULL)
		return -1;
	t->archive_name = xstrdup(slash != NULL ? slash + 1 : path);
	return 0;
}

/*
 * The search thread and its own connection (opening one reads the schema
 * again: a few ms) are started once the first screen is complete, before
 * the first key is read, so searching is the same and the screen comes
 * sooner. 1 if there is a message to show.
 */
static int
start_worker(struct tui *t)
{
	char *wcause = NULL;

	t->worker_tried = 1;
	if ((t->worker = worker_start(archive_path(t->ar), &wcause)) != NULL)
		return 0;
	/* Searches then run on the reader's own connection. */
	tui_message(t, 1, "searching without a worker: %s", wcause);
	free(wcause);
	return 1;
}

static void
setup(struct tui *t, size_t nproblems)
{
	input_init();
	articles_init(&t->search_src, t->ar, 1);
	t->list_src.unsaved = &t->unsaved;
	t->search_src.unsaved = &t->unsaved;
	t->search_src.f.order = ARCHIVE_NEWEST;
	tlist_init(&t->list, &articles_ops, &t->list_src, 1);
	tlist_init(&t->results, &articles_ops, &t->search_src, 2);
	tview_init(&t->reader);
	tview_init(&t->over);
	relayout(t);
	filter_reload(t);
	if (nproblems > 0) {
		messages_open(t);
		tui_message(t, 1, "%zu problem%s in the configuration "
		    "(F2 shows them again)", nproblems, nproblems == 1 ? "" :
		    "s");
	}
}

/*
 * With $LEDE_LATENCY_LOG set, each key's time from being read to the
 * screen being updated is appended there in microseconds (for bench/).
 */
static FILE *latency_log;
static struct timespec key_time;	/* or the start, for the first draw */
static int first_draw = 1;

static void
latency_note(key_code key)
{
	struct timespec now;
	char name[KEYS_NAME_MAX];

	if (latency_log == NULL || (key == KEYC_NONE && !first_draw))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	first_draw = 0;
	fprintf(latency_log, "%s %lld\n", key == KEYC_NONE ? "start" :
	    keys_name(key, name),
	    (long long)((now.tv_sec - key_time.tv_sec) * 1000000 +
	    (now.tv_nsec - key_time.tv_nsec) / 1000));
	fflush(latency_log);
}

/* Slow things asked for while drawing, done once the screen is up. */
static int
idle_work(struct tui *t)
{
	struct articles *a[] = { &t->list_src, &t->search_src };
	size_t i;
	int done = 0;

	for (i = 0; i < sizeof a / sizeof a[0]; i++) {
		if (a[i]->count_due) {
			articles_count(a[i]);
			done = 1;
		}
	}
	if (sidebar_idle(t))
		done = 1;
	/* after the pass that completes the first screen, not before it */
	if (!done && !t->worker_tried && start_worker(t))
		done = 1;
	if (done)
		t->dirty |= DIRTY_STATUS;
	return done;
}

static void
loop(struct tui *t)
{
	key_code key = KEYC_NONE;
	int64_t wait, due;

	while (!t->quit && !got_quit_signal) {
		draw(t);
		latency_note(key);
		key = KEYC_NONE;
		if (idle_work(t) || search_poll(t))
			continue;
		wait = t->search_waiting ? 15 : -1;
		if (t->search_due != 0) {
			due = t->search_due - tui_now_ms();
			if (due <= 0) {
				search_run(t);
				continue;
			}
			wait = wait < 0 || due < wait ? due : wait;
		}
		if (t->unsaved_due != 0) {
			due = t->unsaved_due - tui_now_ms();
			if (due <= 0) {
				reader_save_read_marks(t, 0);
				continue;
			}
			wait = wait < 0 || due < wait ? due : wait;
		}
		key = scr_getkey((int)wait);
		clock_gettime(CLOCK_MONOTONIC, &key_time);
		if (key == KEYC_NONE)
			continue;
		if (key == KEYC_RESIZE)
			relayout(t);
		else if (key == KEYC_MOUSE)
			input_mouse(t);
		else if (!t->lay.too_small)
			input_key(t, key);
	}
}

/*
 * Read marks still kept at the end (another process has been writing all
 * along) are stored now, waiting for the write lock this time: up to
 * MARKS_QUIT_TRIES busy timeouts, with a word on the screen meanwhile.
 * -1 and *cause if some could not be stored.
 */
#define MARKS_QUIT_TRIES	4

static int
save_read_marks(struct tui *t, char **cause)
{
	char *why = NULL;
	size_t n = t->unsaved.n;
	int i, rc;

	if ((rc = readmarks_flush(&t->unsaved, t->ar, 0, &why)) == 1) {
		tui_message(t, 0, "saving %zu read mark%s: waiting for the "
		    "program writing to the archive...", n, n == 1 ? "" : "s");
		draw(t);
		for (i = 0; i < MARKS_QUIT_TRIES && rc == 1; i++)
			rc = readmarks_flush(&t->unsaved, t->ar, 1, &why);
	}
	if (rc == 0)
		return 0;
	n = t->unsaved.n;
	*cause = xasprintf("%zu read mark%s could not be saved: %s", n,
	    n == 1 ? "" : "s", why != NULL ? why : "another program kept "
	    "the archive busy");
	free(why);
	return -1;
}

static void
cleanup(struct tui *t)
{
	size_t i, k;

	tlist_release(&t->list);
	tlist_release(&t->results);
	if (t->side.ops != NULL)
		tlist_release(&t->side);
	sidebar_release(t);
	articles_release(&t->list_src);
	articles_release(&t->search_src);
	tview_clear(&t->reader);
	tview_clear(&t->over);
	flags_release(t);
	flagging_release(t);
	prompt_release(&t->prompt);
	for (i = 0; i < PK_COUNT; i++)
		history_release(&t->hist[i]);
	for (i = 0; i < t->nlog; i++)
		free(t->log[i]);
	free(t->log);
	free(t->message);
	free(t->search_query);
	free(t->last_query);
	free(t->article_url);
	free(t->article_body);
	for (k = 0; k < MS_COUNT; k++)
		free(t->marks[k]);
	free(t->archive_name);
	readmarks_release(&t->unsaved);
	config_free(t->cfg);
	worker_stop(t->worker);
	if (t->ar != NULL)
		archive_close(t->ar);
}

int
tui_run(const char *archive_path, const char *config_path, char **cause)
{
	struct sigaction sa, old_int, old_term, old_hup;
	struct tui t;
	size_t nproblems;
	int rc = -1;

	*cause = NULL;
	clock_gettime(CLOCK_MONOTONIC, &key_time);
	memset(&t, 0, sizeof t);
	if (check_environment(cause) != 0)
		return -1;
	articles_init(&t.list_src, NULL, 0);
	nproblems = load_config(&t, config_path);
	read_options(&t);
	if (open_archive(&t, archive_path, cause) != 0)
		goto out;
	t.list_src.ar = t.ar;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	if (getenv("LEDE_LATENCY_LOG") != NULL)
		latency_log = fopen(getenv("LEDE_LATENCY_LOG"), "a");
	if (scr_start(&t, cause) == 0) {
		xalloc_set_fatal_hook(fatal_hook);
		setup(&t, nproblems);
		history_load(&t);
		loop(&t);
		rc = save_read_marks(&t, cause);
		scr_end();
		history_save(&t);
		xalloc_set_fatal_hook(NULL);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	if (latency_log != NULL)
		fclose(latency_log);
	latency_log = NULL;
out:
	cleanup(&t);
	return rc;
}
