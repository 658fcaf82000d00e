/*
 * Creating, changing and re-anchoring correction flags (see flag.h).
 * Each user action is one BEGIN IMMEDIATE transaction, so the body a flag
 * is anchored in is the body stored when the flag is written, even with
 * an import running in another process.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "archive/flags.h"
#include "flag/anchor.h"
#include "flag/flag.h"
#include "util/xalloc.h"

/* Store a flag over body[start..end) of the article's revision. */
static int
store(struct archive *ar, int64_t article_id, int revision, const char *body,
    size_t start, size_t end, const char *note, int64_t *id, char **cause)
{
	struct flag f;
	int rc;

	memset(&f, 0, sizeof f);
	f.article_id = article_id;
	f.revision = revision;
	f.start = start;
	f.end = end;
	f.exact = xstrndup(body + start, end - start);
	anchor_context(body, start, end, &f.prefix, &f.suffix);
	f.note = xstrdup(note != NULL ? note : "");
	f.status = FLAG_OPEN;
	rc = archive_flag_insert(ar, &f, cause);
	if (rc == 0 && id != NULL)
		*id = f.id;
	flag_release(&f);
	return rc;
}

/*
 * Create a flag; with quote NULL the span [start, end) is flagged, else
 * the nth occurrence of quote.
 */
static int
create(struct archive *ar, int64_t article_id, const char *quote, int nth,
    size_t start, size_t end, const char *note, int64_t *id, char **cause)
{
	char *body = NULL;
	int revision, rc;

	if (archive_begin(ar, cause) != 0)
		return -1;
	rc = archive_flag_article(ar, article_id, &revision, &body, cause);
	if (rc == 0) {
		if (quote != NULL)
			rc = anchor_find(body, quote, nth, &start, &end, cause);
		else
			rc = anchor_check_span(body, start, end, cause);
	}
	if (rc == 0)
		rc = store(ar, article_id, revision, body, start, end, note, id,
		    cause);
	free(body);
	if (rc != 0) {
		archive_rollback(ar);
		return -1;
	}
	return archive_commit(ar, cause);
}

int
flag_create(struct archive *ar, int64_t article_id, const char *quote,
    int nth, const char *note, int64_t *id, char **cause)
{
	return create(ar, article_id, quote, nth, 0, 0, note, id, cause);
}

int
flag_create_span(struct archive *ar, int64_t article_id, size_t start,
    size_t end, const char *note, int64_t *id, char **cause)
{
	return create(ar, article_id, NULL, 0, start, end, note, id, cause);
}

/* Run one change in its own transaction. */
static int
in_txn(struct archive *ar, int rc_of_change, char **cause)
{
	if (rc_of_change != 0) {
		archive_rollback(ar);
		return -1;
	}
	return archive_commit(ar, cause);
}

int
flag_set_status(struct archive *ar, int64_t id, enum flag_status s,
    char **cause)
{
	if ((unsigned)s >= FLAG_NSTATUS) {
		*cause = xstrdup("unknown flag status");
		return -1;
	}
	if (archive_begin(ar, cause) != 0)
		return -1;
	return in_txn(ar, archive_flag_set_status(ar, id, s, cause), cause);
}

int
flag_set_note(struct archive *ar, int64_t id, const char *note, char **cause)
{
	if (archive_begin(ar, cause) != 0)
		return -1;
	return in_txn(ar, archive_flag_set_note(ar, id, note, cause), cause);
}

int
flag_delete(struct archive *ar, int64_t id, struct flag *undo, char **cause)
{
	struct flag f;
	int rc;

	if (archive_begin(ar, cause) != 0)
		return -1;
	if (archive_flag_get(ar, id, &f, cause) != 0) {
		archive_rollback(ar);
		return -1;
	}
	rc = archive_flag_delete(ar, id, cause);
	if (in_txn(ar, rc, cause) != 0) {
		flag_release(&f);
		return -1;
	}
	if (undo != NULL)
		*undo = f;
	else
		flag_release(&f);
	return 0;
}

int
flag_restore(struct archive *ar, const struct flag *undo, int64_t *id,
    char **cause)
{
	struct flag f = *undo, other;
	char *ignore = NULL;
	int rc;

	if (archive_begin(ar, cause) != 0)
		return -1;
	/* Its id was taken by a newer flag: come back under a new one. */
	if (archive_flag_get(ar, f.id, &other, &ignore) == 0) {
		flag_release(&other);
		f.id = 0;
	}
	free(ignore);
	/* f shares undo's strings; insert only reads them. */
	rc = archive_flag_insert(ar, &f, cause);
	if (in_txn(ar, rc, cause) != 0)
		return -1;
	if (id != NULL)
		*id = f.id;
	return 0;
}

/* Re-anchor one flag in body (revision `revision`); 1 found, 0 gone. */
static int
reanchor_one(struct archive *ar, const struct flag *f, int revision,
    const char *body, char **cause)
{
	size_t start, end;
	char *exact, *prefix, *suffix;
	int rc;

	if (!anchor_relocate(body, f->exact, f->prefix, f->suffix, f->start,
	    &start, &end))
		return 0;
	/* A whitespace-tolerant match quotes the text as it is now. */
	exact = xstrndup(body + start, end - start);
	anchor_context(body, start, end, &prefix, &suffix);
	rc = archive_flag_set_anchor(ar, f->id, revision, start, end, exact,
	    prefix, suffix, cause);
	free(exact);
	free(prefix);
	free(suffix);
	return rc != 0 ? -1 : 1;
}

int
flag_reanchor_article(struct archive *ar, int64_t article_id, char **cause)
{
	struct flag_filter flt = FLAG_FILTER_ALL;
	struct flag *flags;
	char *body;
	size_t n, i;
	int revision, rc, lost = 0;

	flt.article_id = article_id;
	flt.lost_only = 1;
	if (archive_flags_list(ar, &flt, &flags, &n, cause) != 0)
		return -1;
	if (n == 0) {
		free(flags);
		return 0;
	}
	if (archive_flag_article(ar, article_id, &revision, &body, cause) != 0) {
		flag_list_free(flags, n);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((rc = reanchor_one(ar, &flags[i], revision, body, cause)) < 0)
			break;
		if (rc == 0)
			lost++;
	}
	free(body);
	flag_list_free(flags, n);
	return i < n ? -1 : lost;
}
