/*
 * flag_export(): one walk over the selected flags (one SELECT, so one
 * snapshot even while an import writes), formatted as it goes and flushed
 * to the destination in blocks, so memory stays bounded whatever the
 * number of flags. Email groups the walk's rows by article (the export
 * order is by article) and emits a message when the article changes.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "archive/archive.h"
#include "archive/flags.h"
#include "flag/export.h"
#include "flag/outfile.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/xalloc.h"

#define FLUSH_AT	(64 * 1024)

static const char *const format_names[] = {
	[FLAG_FORMAT_JSON] = "json",
	[FLAG_FORMAT_CSV] = "csv",
	[FLAG_FORMAT_EMAIL] = "email",
};

int
flag_format_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
		if (strcmp(s, format_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

const char *
flag_format_name(enum flag_format f)
{
	return format_names[f];
}

struct run {
	const struct flag_export_req	*req;
	struct flag_export_stats	*st;
	struct flag_email_opts		 eo;
	FILE				*fp;	/* NULL: email to dir/send only */
	struct buf			 out;
	char				*cause;
	/* email: the flags of the current article */
	struct flag			*group;
	size_t				 ngroup, capgroup;
	/* open flags of messages sent, to mark "sent" afterwards */
	int64_t				*tomark;
	size_t				 ntomark, captomark;
};

static int
flush(struct run *r, int force)
{
	if (r->fp == NULL || (!force && r->out.len < FLUSH_AT))
		return 0;
	if (r->req->display && r->out.len > 0) {
		/* For a terminal: the text made safe to show (not data). */
		char *safe = sanitize_display(r->out.data, r->out.len,
		    SANITIZE_NEWLINES | SANITIZE_TABS);

		fputs(safe, r->fp);
		free(safe);
	} else if (r->out.len > 0 && fwrite(r->out.data, 1, r->out.len,
	    r->fp) != r->out.len) {
		r->cause = xasprintf("writing the export: %s", strerror(errno));
		return -1;
	}
	buf_reset(&r->out);
	return 0;
}

static void
mark_later(struct run *r, const struct flag *flags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (flags[i].status != FLAG_OPEN)
			continue;
		if (r->ntomark == r->captomark) {
			r->captomark = r->captomark ? r->captomark * 2 : 16;
			r->tomark = xreallocarray(r->tomark, r->captomark,
			    sizeof *r->tomark);
		}
		r->tomark[r->ntomark++] = flags[i].id;
	}
}

/* The message with LF line ends, as local programs expect on stdin. */
static char *
to_lf(const char *msg, size_t len, size_t *outlen)
{
	char *s = xmalloc(len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (msg[i] == '\r' && i + 1 < len && msg[i + 1] == '\n')
			continue;
		s[n++] = msg[i];
	}
	s[n] = '\0';
	*outlen = n;
	return s;
}

/* Make, write and send the message about the current group. */
static int
emit_group(struct run *r)
{
	const struct flag_export_req *req = r->req;
	struct buf msg = BUF_INIT;
	const char *to;
	char *path, *lf;
	size_t lflen;
	int rc = 0;

	if (r->ngroup == 0)
		return 0;
	r->eo.to = req->to;
	if (req->to == NULL && req->corrections_for != NULL &&
	    r->group[0].source != NULL)
		r->eo.to = req->corrections_for(r->group[0].source,
		    req->corrections_arg);
	to = flag_email_message(&msg, r->group, r->ngroup, &r->eo);
	r->st->messages++;
	if (to == NULL)
		r->st->no_address++;
	if (req->dir != NULL) {
		path = xasprintf("%s/lede-flags-%lld.eml", req->dir,
		    (long long)r->group[0].article_id);
		rc = outfile_write(path, msg.data, msg.len, req->force,
		    &r->cause);
		free(path);
	} else if (r->fp != NULL)
		flag_mbox_add(&r->out, msg.data, msg.len, r->eo.date);
	if (rc == 0 && req->send && to != NULL) {
		lf = to_lf(msg.data, msg.len, &lflen);
		rc = outfile_send(req->send_command, lf, lflen, req->quiet,
		    &r->cause);
		free(lf);
		if (rc == 0) {
			r->st->sent++;
			mark_later(r, r->group, r->ngroup);
		}
	}
	buf_release(&msg);
	while (r->ngroup > 0)
		flag_release(&r->group[--r->ngroup]);
	if (rc != 0)
		return -1;
	return flush(r, 0);
}

static int
each(const struct flag *f, void *arg)
{
	struct run *r = arg;

	switch (r->req->format) {
	case FLAG_FORMAT_JSON:
		flag_json_add(&r->out, f, r->st->flags);
		break;
	case FLAG_FORMAT_CSV:
		flag_csv_add(&r->out, f);
		break;
	case FLAG_FORMAT_EMAIL:
		if (r->ngroup > 0 && r->group[0].article_id != f->article_id &&
		    emit_group(r) != 0)
			return 1;
		if (r->ngroup == r->capgroup) {
			r->capgroup = r->capgroup ? r->capgroup * 2 : 8;
			r->group = xreallocarray(r->group, r->capgroup,
			    sizeof *r->group);
		}
		flag_copy(&r->group[r->ngroup++], f);
		break;
	}
	r->st->flags++;
	/* Failures return 1 with r->cause: the walk's -1 means SQL. */
	return flush(r, 0) != 0 ? 1 : 0;
}

/* The From: address: the request's, $EMAIL, $USER@localhost. Caller frees. */
static char *
from_address(const char *from)
{
	const char *v;

	if (from != NULL)
		return xstrdup(from);
	if ((v = getenv("EMAIL")) != NULL && flag_email_address_ok(v))
		return xstrdup(v);
	if ((v = getenv("USER")) != NULL && *v != '\0' &&
	    strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._-") == strlen(v))
		return xasprintf("%s@localhost", v);
	return xstrdup("lede@localhost");
}

/* Mark the flags of sent messages "sent", in one transaction. */
static int
mark_sent(struct archive *ar, struct run *r, char **cause)
{
	size_t i;

	if (r->ntomark == 0)
		return 0;
	if (archive_begin(ar, cause) != 0)
		return -1;
	for (i = 0; i < r->ntomark; i++) {
		if (archive_flag_set_status(ar, r->tomark[i], FLAG_SENT,
		    cause) != 0) {
			archive_rollback(ar);
			return -1;
		}
	}
	if (archive_commit(ar, cause) != 0)
		return -1;
	r->st->marked = r->ntomark;
	return 0;
}

static int
check_req(const struct flag_export_req *req, char **cause)
{
	if (req->format != FLAG_FORMAT_EMAIL && (req->dir != NULL || req->send)) {
		*cause = xasprintf("a directory of messages and sending are for "
		    "--format email");
		return -1;
	}
	if (req->dir != NULL && req->path != NULL) {
		*cause = xstrdup("an output file or a directory, not both");
		return -1;
	}
	if (req->dir != NULL && mkdir(req->dir, 0777) != 0 && errno != EEXIST) {
		*cause = xasprintf("cannot create %s: %s", req->dir,
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
flag_export(struct archive *ar, const struct flag_export_req *req,
    struct flag_export_stats *st, char **cause)
{
	struct flag_filter flt = req->filter;
	struct outfile of;
	struct run r;
	char *from;
	int rc;

	memset(st, 0, sizeof *st);
	if (check_req(req, cause) != 0)
		return -1;
	memset(&r, 0, sizeof r);
	memset(&of, 0, sizeof of);
	r.req = req;
	r.st = st;
	from = from_address(req->from);
	r.eo.from = from;
	r.eo.to = req->to;
	r.eo.date = time(NULL);
	if (req->path != NULL) {
		if (outfile_open(&of, req->path, req->force, cause) != 0) {
			free(from);
			return -1;
		}
		r.fp = of.fp;
	} else if (req->dir == NULL && !(req->send &&
	    req->format == FLAG_FORMAT_EMAIL))
		r.fp = req->out != NULL ? req->out : stdout;

	if (req->format == FLAG_FORMAT_JSON)
		flag_json_begin(&r.out);
	else if (req->format == FLAG_FORMAT_CSV)
		flag_csv_header(&r.out);
	flt.order = FLAG_LIST_EXPORT;
	rc = archive_flags_foreach(ar, &flt, each, &r, cause);
	if (rc > 0) {
		*cause = r.cause != NULL ? r.cause : xstrdup("export failed");
		r.cause = NULL;
		rc = -1;
	}
	if (rc == 0 && req->format == FLAG_FORMAT_EMAIL && emit_group(&r) != 0) {
		*cause = r.cause;
		r.cause = NULL;
		rc = -1;
	}
	if (rc == 0 && req->format == FLAG_FORMAT_JSON)
		flag_json_end(&r.out);
	if (rc == 0 && flush(&r, 1) != 0) {
		*cause = r.cause;
		r.cause = NULL;
		rc = -1;
	}
	if (req->path != NULL) {
		if (rc == 0)
			rc = outfile_commit(&of, cause);
		else
			outfile_abort(&of);
	} else if (rc == 0 && r.fp != NULL && fflush(r.fp) != 0) {
		*cause = xasprintf("writing the export: %s", strerror(errno));
		rc = -1;
	}
	/* Sent is sent: mark those flags even if a later message failed. */
	if (mark_sent(ar, &r, rc == 0 ? cause : &r.cause) != 0 && rc == 0)
		rc = -1;
	free(r.cause);
	while (r.ngroup > 0)
		flag_release(&r.group[--r.ngroup]);
	free(r.group);
	free(r.tomark);
	buf_release(&r.out);
	free(from);
	return rc;
}
