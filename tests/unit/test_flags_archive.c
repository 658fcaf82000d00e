/*
 * Flags in a real archive (SQLite file in a scratch directory): create by
 * quote and by span, list and filter, status and note changes, delete and
 * undo, the article's flag count, re-anchoring after archive_put() stores
 * a changed body (edited, moved, deleted and restored passage), and
 * exports to files (no overwrite without force, .eml directory, sending
 * through a command without a shell).
 */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "archive/flags.h"
#include "flag/export.h"
#include "flag/flag.h"
#include "test.h"
#include "test_archive.h"
#include "util/xalloc.h"

static const char body1[] =
    "Hundreds of farmers protested on Friday outside the provincial council "
    "in Basra.\n\nThe protesters said the cuts had left fields dry since "
    "January 11. The council said a meeting would be held next week.";

static struct archive *
open_archive(const char *name)
{
	char *path = test_path(name), *cause = NULL;
	struct archive *ar = archive_open(path, 0, &cause);

	if (ar == NULL) {
		fprintf(stderr, "archive_open: %s\n", cause);
		exit(99);
	}
	free(path);
	return ar;
}

/* Store (or update) the article at url with body; returns its id. */
static int64_t
put(struct archive *ar, const char *url, const char *body, int want)
{
	struct article *a = test_article("Lede Test Wire", NULL, url,
	    "Farmers protest", "2025-02-14", body);
	char *cause = NULL;
	int64_t id = 0;
	int rc;

	CHECK_INT(archive_begin(ar, &cause), 0);
	rc = archive_put(ar, a, NULL, &id, &cause);
	CHECK_INT(rc, want);
	if (rc == ARCHIVE_UPDATED && flag_reanchor_article(ar, id, &cause) < 0) {
		fprintf(stderr, "reanchor: %s\n", cause);
		CHECK(0);
	}
	CHECK_INT(archive_commit(ar, &cause), 0);
	free(cause);
	article_free(a);
	return id;
}

static int
get(struct archive *ar, int64_t id, struct flag *f)
{
	char *cause = NULL;
	int rc = archive_flag_get(ar, id, f, &cause);

	free(cause);
	return rc;
}

static int64_t
nflags_listed(struct archive *ar)
{
	struct archive_filter flt;
	struct archive_page pg;
	char *cause = NULL;
	int64_t n = -1;

	memset(&flt, 0, sizeof flt);
	if (archive_list(ar, &flt, 0, 0, 10, 0, &pg, &cause) == 0) {
		if (pg.nrows > 0)
			n = pg.rows[0].nflags;
		archive_page_release(&pg);
	}
	free(cause);
	return n;
}

static void
test_create_list(void)
{
	struct archive *ar = open_archive("create.db");
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag f, *list;
	char *cause = NULL;
	int64_t art, id = 0, id2 = 0;
	size_t n;

	art = put(ar, "https://example.org/1", body1, ARCHIVE_INSERTED);
	CHECK_INT(flag_create(ar, art, "on Friday", 0, "It was Thursday.", &id,
	    &cause), 0);
	CHECK(id > 0);
	CHECK_INT(get(ar, id, &f), 0);
	CHECK_STR(f.exact, "on Friday");
	CHECK_INT(f.start, strstr(body1, "on Friday") - body1);
	CHECK_INT(f.end, f.start + 9);
	CHECK_STR(f.prefix, "Hundreds of farmers protested ");
	CHECK(strncmp(f.suffix, " outside the", 12) == 0);
	CHECK_STR(f.note, "It was Thursday.");
	CHECK_INT(f.status, FLAG_OPEN);
	CHECK_INT(f.found, 1);
	CHECK_INT(f.revision, 1);
	CHECK_STR(f.url, "https://example.org/1");
	CHECK_STR(f.source, "Lede Test Wire");
	CHECK_STR(f.title, "Farmers protest");
	CHECK(f.created != NULL && strlen(f.created) == 20);
	flag_release(&f);

	/* Ambiguous, nth, absent, no article. */
	CHECK_INT(flag_create(ar, art, "council", 0, NULL, &id2, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "2 times") != NULL);
	free(cause);
	cause = NULL;
	CHECK_INT(flag_create(ar, art, "council", 2, NULL, &id2, &cause), 0);
	CHECK_INT(get(ar, id2, &f), 0);
	CHECK_INT(f.start, strstr(body1, "council said") - body1);
	CHECK_STR(f.note, "");
	flag_release(&f);
	CHECK_INT(flag_create(ar, art, "Mosul", 0, NULL, NULL, &cause), -1);
	free(cause);
	cause = NULL;
	CHECK_INT(flag_create(ar, 999, "x", 0, NULL, NULL, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "no article 999") != NULL);
	free(cause);
	cause = NULL;

	/* A span from the reader. */
	CHECK_INT(flag_create_span(ar, art, 0, 8, "who?", &id, &cause), 0);
	CHECK_INT(flag_create_span(ar, art, 5, 5, NULL, NULL, &cause), -1);
	free(cause);
	cause = NULL;

	CHECK_INT(nflags_listed(ar), 3);
	CHECK_INT(archive_flags_list(ar, &flt, &list, &n, &cause), 0);
	CHECK_INT(n, 3);
	CHECK_STR(list[2].exact, "Hundreds");
	flag_list_free(list, n);
	flt.source = "lede test wire";
	CHECK_INT(archive_flags_list(ar, &flt, &list, &n, &cause), 0);
	CHECK_INT(n, 3);
	flag_list_free(list, n);
	flt.source = "Other";
	CHECK_INT(archive_flags_list(ar, &flt, &list, &n, &cause), 0);
	CHECK_INT(n, 0);
	flag_list_free(list, n);
	archive_close(ar);
}

static int
first_flag(const struct flag *f, void *arg)
{
	flag_copy(arg, f);
	return 1;
}

static void
test_code_points(void)
{
	/* "In Raqqa (الرقة) on — Friday.": W3C positions count characters. */
	static const char ar_body[] = "In Raqqa (\xd8\xa7\xd9\x84\xd8\xb1"
	    "\xd9\x82\xd8\xa9) on \xe2\x80\x94 Friday.";
	struct archive *ar = open_archive("cp.db");
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag f;
	char *cause = NULL;
	int64_t art;

	art = put(ar, "https://example.org/cp", ar_body, ARCHIVE_INSERTED);
	CHECK_INT(flag_create(ar, art, "Friday", 0, NULL, NULL, &cause), 0);
	flt.order = FLAG_LIST_EXPORT;
	memset(&f, 0, sizeof f);
	CHECK_INT(archive_flags_foreach(ar, &flt, first_flag, &f, &cause), 1);
	CHECK_INT(f.start, strstr(ar_body, "Friday") - ar_body);
	CHECK_INT(f.cstart, 22);
	CHECK_INT(f.cend, 28);
	flag_release(&f);
	/* The listing order does not read bodies. */
	flt.order = FLAG_LIST_BY_ID;
	CHECK_INT(archive_flags_foreach(ar, &flt, first_flag, &f, &cause), 1);
	CHECK_INT(f.cstart, -1);
	flag_release(&f);
	archive_close(ar);
}

static void
test_status_note_delete(void)
{
	struct archive *ar = open_archive("status.db");
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag f, undo, *list;
	char *cause = NULL;
	int64_t art, id = 0, id2 = 0, id3 = 0;
	size_t n;

	art = put(ar, "https://example.org/2", body1, ARCHIVE_INSERTED);
	CHECK_INT(flag_create(ar, art, "Basra", 0, "Basrah?", &id, &cause), 0);
	CHECK_INT(flag_set_status(ar, id, FLAG_SENT, &cause), 0);
	CHECK_INT(flag_set_note(ar, id, "Spelling: Basrah", &cause), 0);
	CHECK_INT(get(ar, id, &f), 0);
	CHECK_INT(f.status, FLAG_SENT);
	CHECK_STR(f.note, "Spelling: Basrah");
	flag_release(&f);
	flt.status = FLAG_OPEN;
	CHECK_INT(archive_flags_list(ar, &flt, &list, &n, &cause), 0);
	CHECK_INT(n, 0);
	flag_list_free(list, n);
	flt.status = FLAG_SENT;
	CHECK_INT(archive_flags_list(ar, &flt, &list, &n, &cause), 0);
	CHECK_INT(n, 1);
	flag_list_free(list, n);

	CHECK_INT(flag_set_status(ar, 12345, FLAG_RESOLVED, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "no flag 12345") != NULL);
	free(cause);
	cause = NULL;

	/* Delete, then undo: the same id, note, status. */
	CHECK_INT(flag_delete(ar, id, &undo, &cause), 0);
	CHECK_INT(nflags_listed(ar), 0);
	CHECK_INT(get(ar, id, &f), -1);
	CHECK_INT(flag_restore(ar, &undo, &id2, &cause), 0);
	CHECK_INT(id2, id);
	CHECK_INT(get(ar, id, &f), 0);
	CHECK_STR(f.note, "Spelling: Basrah");
	CHECK_INT(f.status, FLAG_SENT);
	CHECK_STR(f.created, undo.created);
	flag_release(&f);
	flag_release(&undo);
	CHECK_INT(nflags_listed(ar), 1);

	/* Deleted, its id reused by a new flag, then undone: a new id. */
	CHECK_INT(flag_delete(ar, id, &undo, &cause), 0);
	CHECK_INT(flag_create(ar, art, "Friday", 0, NULL, &id3, &cause), 0);
	CHECK_INT(flag_restore(ar, &undo, &id2, &cause), 0);
	CHECK(id2 != id3 && id2 > 0);
	CHECK_INT(get(ar, id2, &f), 0);
	CHECK_STR(f.exact, "Basra");
	flag_release(&f);
	CHECK_INT(get(ar, id3, &f), 0);
	CHECK_STR(f.exact, "Friday");
	flag_release(&f);
	flag_release(&undo);
	CHECK_INT(nflags_listed(ar), 2);
	CHECK_INT(flag_delete(ar, id2, NULL, &cause), 0);
	CHECK_INT(flag_delete(ar, id2, NULL, &cause), -1);
	free(cause);
	archive_close(ar);
}

static void
test_reanchor(void)
{
	struct archive *ar = open_archive("reanchor.db");
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag f, *list;
	char *cause = NULL, *edited, *moved;
	int64_t art, a_id = 0, b_id = 0, c_id = 0;
	const char *url = "https://example.org/3";
	size_t n;

	art = put(ar, url, body1, ARCHIVE_INSERTED);
	CHECK_INT(flag_create(ar, art, "on Friday", 0, NULL, &a_id, &cause), 0);
	CHECK_INT(flag_create(ar, art, "since January 11", 0, "It was the 12th",
	    &b_id, &cause), 0);
	CHECK_INT(flag_create(ar, art, "Hundreds of farmers", 0, NULL, &c_id,
	    &cause), 0);

	/* Edited: text added at the start, so every offset shifts. */
	edited = xasprintf("UPDATED: %s", body1);
	put(ar, url, edited, ARCHIVE_UPDATED);
	CHECK_INT(get(ar, a_id, &f), 0);
	CHECK_INT(f.found, 1);
	CHECK_INT(f.revision, 2);
	CHECK_INT(f.start, strstr(edited, "on Friday") - edited);
	flag_release(&f);
	CHECK_INT(get(ar, c_id, &f), 0);
	CHECK_INT(f.start, 9);
	CHECK_STR(f.prefix, "UPDATED: ");
	flag_release(&f);

	/* Moved: the paragraphs swap. */
	moved = xstrdup("The protesters said the cuts had left fields dry since "
	    "January 11. The council said a meeting would be held next week."
	    "\n\nHundreds of farmers protested on Friday outside the provincial "
	    "council in Basra.");
	put(ar, url, moved, ARCHIVE_UPDATED);
	CHECK_INT(get(ar, b_id, &f), 0);
	CHECK_INT(f.found, 1);
	CHECK_INT(f.revision, 3);
	CHECK_INT(f.start, strstr(moved, "since January 11") - moved);
	CHECK_STR(f.note, "It was the 12th");
	flag_release(&f);
	CHECK_INT(get(ar, a_id, &f), 0);
	CHECK_INT(f.start, strstr(moved, "on Friday") - moved);
	flag_release(&f);

	/* Deleted: the date is corrected; that flag is kept, not found. */
	put(ar, url, "The protesters said the cuts had left fields dry since "
	    "January 12. The council said a meeting would be held next week."
	    "\n\nHundreds of farmers protested on Friday outside the provincial "
	    "council in Basra.", ARCHIVE_UPDATED);
	CHECK_INT(get(ar, b_id, &f), 0);
	CHECK_INT(f.found, 0);
	CHECK_INT(f.revision, 3);
	CHECK_STR(f.exact, "since January 11");
	CHECK_STR(f.note, "It was the 12th");
	flag_release(&f);
	CHECK_INT(get(ar, a_id, &f), 0);
	CHECK_INT(f.found, 1);
	CHECK_INT(f.revision, 4);
	flag_release(&f);
	CHECK_INT(nflags_listed(ar), 3);
	flt.lost_only = 1;
	CHECK_INT(archive_flags_list(ar, &flt, &list, &n, &cause), 0);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(list[0].id, b_id);
	flag_list_free(list, n);

	/* Re-anchoring again changes nothing; restoring the text finds it. */
	CHECK_INT(archive_begin(ar, &cause), 0);
	CHECK_INT(flag_reanchor_article(ar, art, &cause), 1);
	CHECK_INT(archive_commit(ar, &cause), 0);
	put(ar, url, moved, ARCHIVE_UPDATED);
	CHECK_INT(get(ar, b_id, &f), 0);
	CHECK_INT(f.found, 1);
	CHECK_INT(f.revision, 5);
	flag_release(&f);
	free(edited);
	free(moved);
	archive_close(ar);
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = xmalloc((size_t)n + 1);
	s[fread(s, 1, (size_t)n, fp)] = '\0';
	fclose(fp);
	return s;
}

static const char *
config_address(const char *source, void *arg)
{
	return strcmp(source, "Lede Test Wire") == 0 ? "fixes@wire.example" :
	    NULL;
}

static void
test_export_files(void)
{
	struct archive *ar = open_archive("export.db");
	struct flag_export_req req;
	struct flag_export_stats st;
	char *cause = NULL, *path = test_path("out.csv"), *s, *dir, *eml, *pw;
	char *cmd;
	int64_t art;

	art = put(ar, "https://example.org/4", body1, ARCHIVE_INSERTED);
	CHECK_INT(flag_create(ar, art, "Basra", 0, "=1+1", NULL, &cause), 0);
	memset(&req, 0, sizeof req);
	req.filter.status = -1;
	req.format = FLAG_FORMAT_CSV;
	req.path = path;
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	CHECK_INT(st.flags, 1);
	s = slurp(path);
	CHECK(s != NULL && strstr(s, "\"'=1+1\"") != NULL);
	free(s);
	{
		/* The mode of any new file: 0666 less the umask. */
		struct stat sb;
		mode_t mask = umask(022);

		umask(mask);
		CHECK(stat(path, &sb) == 0 &&
		    (sb.st_mode & 0777) == (0666 & ~mask));
	}

	/* An existing file stays unless forced; no temporary file remains. */
	CHECK_INT(flag_export(ar, &req, &st, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "--force") != NULL);
	free(cause);
	cause = NULL;
	req.force = 1;
	req.format = FLAG_FORMAT_JSON;
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	s = slurp(path);
	CHECK(s != NULL && s[0] == '[');
	free(s);

	/* .eml files in a directory. */
	dir = test_path("mail");
	memset(&req, 0, sizeof req);
	req.filter.status = -1;
	req.format = FLAG_FORMAT_EMAIL;
	req.dir = dir;
	req.to = "desk@example.org";
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	CHECK_INT(st.messages, 1);
	eml = xasprintf("%s/lede-flags-%lld.eml", dir, (long long)art);
	s = slurp(eml);
	CHECK(s != NULL && strstr(s, "\r\nTo: desk@example.org\r\n") != NULL);
	free(s);
	unlink(eml);
	free(eml);

	/* The source's address stored in the archive. */
	CHECK_INT(archive_set_corrections(ar, "Lede Test Wire",
	    "corrections@wire.example", &cause), 0);
	memset(&req, 0, sizeof req);
	req.filter.status = -1;
	req.format = FLAG_FORMAT_EMAIL;
	req.dir = dir;
	req.force = 1;
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	CHECK_INT(st.no_address, 0);
	eml = xasprintf("%s/lede-flags-%lld.eml", dir, (long long)art);
	s = slurp(eml);
	CHECK(s != NULL && strstr(s, "\r\nTo: corrections@wire.example\r\n")
	    != NULL);
	free(s);
	free(eml);

	/* An address from the configuration comes before the archive's. */
	memset(&req, 0, sizeof req);
	req.filter.status = -1;
	req.format = FLAG_FORMAT_EMAIL;
	req.dir = dir;
	req.force = 1;
	req.corrections_for = config_address;
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	eml = xasprintf("%s/lede-flags-%lld.eml", dir, (long long)art);
	s = slurp(eml);
	CHECK(s != NULL && strstr(s, "\r\nTo: fixes@wire.example\r\n") != NULL);
	free(s);
	unlink(eml);
	free(eml);

	/* Sending: argv only, message on stdin, the flag becomes sent. The
	   title is never a shell word: a $(...) in it creates nothing. */
	pw = test_path("pwned");
	eml = test_path("sent.eml");
	memset(&req, 0, sizeof req);
	req.filter.status = FLAG_OPEN;
	req.format = FLAG_FORMAT_EMAIL;
	req.send = 1;
	req.quiet = 1;
	cmd = xasprintf("tee %s", eml);
	req.send_command = cmd;
	req.to = "desk@example.org";
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	CHECK_INT(st.sent, 1);
	CHECK_INT(st.marked, 1);
	s = slurp(eml);
	CHECK(s != NULL && strstr(s, "\nTo: desk@example.org\n") != NULL);
	CHECK(s != NULL && strchr(s, '\r') == NULL);
	free(s);
	CHECK_INT(flag_export(ar, &req, &st, &cause), 0);
	CHECK_INT(st.messages, 0);
	free(cmd);
	cmd = xasprintf("true $(touch %s) `touch %s`", pw, pw);
	req.send_command = cmd;
	req.filter.status = -1;
	flag_export(ar, &req, &st, &cause);
	free(cause);
	cause = NULL;
	CHECK(access(pw, F_OK) != 0);
	/* A failing command is an error. */
	req.send_command = "false";
	CHECK_INT(flag_export(ar, &req, &st, &cause), -1);
	CHECK(cause != NULL && strstr(cause, "status 1") != NULL);
	free(cause);
	unlink(eml);
	rmdir(dir);
	free(cmd);
	free(pw);
	free(eml);
	free(dir);
	unlink(path);
	free(path);
	archive_close(ar);
}

int
main(void)
{
	test_init();
	test_dir_make();
	TEST_RUN(test_create_list);
	TEST_RUN(test_code_points);
	TEST_RUN(test_status_note_delete);
	TEST_RUN(test_reanchor);
	TEST_RUN(test_export_files);
	return test_done();
}
