/*
 * The front door of import/: the table of input formats, reading a file or
 * a stream within the size limit, and delivering articles to the caller's
 * sink. Callers are the ingest pipeline and the tests; each file or stream
 * is read whole into memory (at most IMPORT_MAX_FILE) and parsed there.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "import/import_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static const struct import_format_entry {
	enum import_format	 fmt;
	const char		*name;
	import_parse_fn		 parse;
} import_formats[] = {
	{ .fmt = IMPORT_UNKNOWN, .name = "unknown", .parse = NULL },
	{ .fmt = IMPORT_TEXT, .name = "text", .parse = import_parse_text },
	{ .fmt = IMPORT_RSS, .name = "rss", .parse = import_parse_feed },
	{ .fmt = IMPORT_ATOM, .name = "atom", .parse = import_parse_feed },
	{ .fmt = IMPORT_HTML, .name = "html", .parse = import_parse_html },
	{ .fmt = IMPORT_JSONL, .name = "jsonl", .parse = import_parse_jsonl },
	{ .fmt = IMPORT_NEWSBOAT, .name = "newsboat", .parse = NULL },
};

static const struct import_format_entry *
import_entry(enum import_format fmt)
{
	size_t i;

	for (i = 0; i < sizeof import_formats / sizeof import_formats[0]; i++)
		if (import_formats[i].fmt == fmt)
			return &import_formats[i];
	return &import_formats[0];
}

const char *
import_format_name(enum import_format fmt)
{
	return import_entry(fmt)->name;
}

void
import_problem(struct import_ctx *ctx, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list ap;
	char *raw, *msg, *where, *p;

	if (ctx->sink->problem == NULL)
		return;
	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	/* Messages quote input (a bad date, a key): keep them one line of
	   valid UTF-8 whatever the input held. */
	msg = utf8_repair(raw, strlen(raw), NULL);
	for (p = msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	free(raw);
	if (line > 0 && col > 0)
		where = xasprintf("%s:%lu:%lu", ctx->name, line, col);
	else if (line > 0)
		where = xasprintf("%s:%lu", ctx->name, line);
	else
		where = xstrdup(ctx->name);
	ctx->sink->problem(where, msg, ctx->sink->arg);
	free(where);
	free(msg);
}

/* Repair one field in place; cut it to max bytes (0: no limit). */
static int
import_fix_field(struct import_ctx *ctx, char **field, size_t max)
{
	char *s;
	size_t len, cut;

	if (*field == NULL)
		return 0;
	len = strlen(*field);
	if (!utf8_valid(*field, len) || memchr(*field, '\r', len) != NULL) {
		s = import_repair(*field, len, &ctx->sink->replaced);
		free(*field);
		*field = s;
		len = strlen(s);
	}
	if (max == 0 || len <= max)
		return 0;
	cut = import_cut(*field, len, max);
	(*field)[cut] = '\0';
	return 1;
}

int
import_deliver(struct import_ctx *ctx, struct article *a, unsigned long line)
{
	const struct {
		const char	*name;
		char		**field;
		size_t		 max;
	} fields[] = {
		{ "title", &a->title, IMPORT_MAX_TITLE },
		{ "body", &a->body, IMPORT_MAX_BODY },
		{ "source", &a->source, IMPORT_MAX_TITLE },
		{ "source URL", &a->source_url, IMPORT_MAX_TITLE },
		{ "corrections", &a->corrections, IMPORT_MAX_TITLE },
		{ "URL", &a->url, IMPORT_MAX_TITLE },
		{ "guid", &a->guid, IMPORT_MAX_TITLE },
		{ "author", &a->author, IMPORT_MAX_TITLE },
		{ "date", &a->published, IMPORT_MAX_TITLE },
		{ "language", &a->language, IMPORT_MAX_TITLE },
		{ "caption", &a->caption, IMPORT_MAX_TITLE },
		{ "origin", &a->origin, IMPORT_MAX_TITLE },
	};
	size_t i;

	if (ctx->stopped) {
		article_free(a);
		return 1;
	}
	if (ctx->delivered >= IMPORT_MAX_ITEMS) {
		import_problem(ctx, line, 0, "stopped: more than %d articles "
		    "in one file (limit)", IMPORT_MAX_ITEMS);
		article_free(a);
		ctx->stopped = 1;
		return 1;
	}
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (import_fix_field(ctx, fields[i].field, fields[i].max))
			import_problem(ctx, line, 0, "%s cut to the %zu %s limit",
			    fields[i].name, fields[i].max >> (fields[i].max >=
			    (1u << 20) ? 20 : 10), fields[i].max >= (1u << 20) ?
			    "MiB" : "KiB");
	if (a->origin == NULL)
		a->origin = line > 0 ? xasprintf("%s:%lu", ctx->name, line) :
		    xstrdup(ctx->name);
	ctx->delivered++;
	if (ctx->sink->article(a, ctx->sink->arg) != 0)
		ctx->stopped = 1;
	return ctx->stopped;
}

static int
import_blank(const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\r\n\f\v", data[i]) || data[i] == '\0')
			return 0;
	return 1;
}

/*
 * The SGML files of the Reuters-21578 collection (a <!DOCTYPE lewis ...>
 * or a <REUTERS ...> element first): a thousand stories in one file, which
 * the HTML reader would take for one page. Refused with a message rather
 * than imported as one article that is not one.
 */
static int
import_is_reuters_sgml(const char *data, size_t len)
{
	size_t i = 0;

	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\r' || data[i] == '\n'))
		i++;
	return (len - i >= 15 && strncasecmp(data + i, "<!DOCTYPE lewis", 15)
	    == 0) || (len - i >= 9 && strncmp(data + i, "<REUTERS ", 9) == 0);
}

int
import_buffer(enum import_format fmt, const char *name, const char *data,
    size_t len, struct import_sink *sink, char **cause)
{
	struct import_ctx ctx = { .name = name ? name : "-", .sink = sink };
	const struct import_format_entry *e;

	if (len > IMPORT_MAX_FILE) {
		*cause = xasprintf("input is larger than the %u MiB file limit",
		    IMPORT_MAX_FILE >> 20);
		return -1;
	}
	if (fmt == IMPORT_UNKNOWN)
		fmt = import_detect(name, data, len);
	if (len == 0 || import_blank(data, len)) {
		*cause = xstrdup("empty file");
		return -1;
	}
	e = import_entry(fmt);
	if (import_is_reuters_sgml(data, len)) {
		*cause = xstrdup("a Reuters-21578 SGML collection, which lede "
		    "does not read (split it into one text file per story)");
		return -1;
	}
	if (fmt == IMPORT_NEWSBOAT) {
		*cause = xstrdup("a newsboat cache: use the newsboat reader");
		return -1;
	}
	if (e->parse == NULL) {
		*cause = xstrdup("unrecognised format (binary data?)");
		return -1;
	}
	if (e->parse(&ctx, data, len, cause) != 0)
		return -1;
	return ctx.delivered;
}

/* Read fd to the end, refusing more than IMPORT_MAX_FILE bytes. */
static char *
import_read_fd(int fd, size_t hint, size_t *lenp, char **cause)
{
	struct buf b = BUF_INIT;
	ssize_t n;

	buf_grow(&b, hint < IMPORT_MAX_FILE ? hint + 1 : IMPORT_MAX_FILE);
	for (;;) {
		buf_grow(&b, 65536);
		n = read(fd, b.data + b.len, 65536);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xstrdup(strerror(errno));
			buf_release(&b);
			return NULL;
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.data[b.len] = '\0';
		if (b.len > IMPORT_MAX_FILE) {
			*cause = xasprintf("larger than the %u MiB file limit",
			    IMPORT_MAX_FILE >> 20);
			buf_release(&b);
			return NULL;
		}
	}
	*lenp = b.len;
	return b.len == 0 ? (buf_release(&b), xstrdup("")) : b.data;
}

int
import_file(const char *path, struct import_sink *sink, char **cause)
{
	struct stat st;
	char *data, *why = NULL;
	size_t len = 0;
	int fd, rv;
	enum import_format fmt;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*cause = xstrdup(strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*cause = xstrdup(S_ISDIR(st.st_mode) ? "is a directory" :
		    "not a regular file");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > IMPORT_MAX_FILE) {
		*cause = xasprintf("larger than the %u MiB file limit",
		    IMPORT_MAX_FILE >> 20);
		close(fd);
		return -1;
	}
	data = import_read_fd(fd, (size_t)st.st_size, &len, &why);
	close(fd);
	if (data == NULL) {
		*cause = why;
		return -1;
	}
	fmt = import_detect(path, data, len);
	if (fmt == IMPORT_NEWSBOAT) {
		*cause = xstrdup("a newsboat cache: use the newsboat reader");
		free(data);
		return -1;
	}
	rv = import_buffer(fmt, path, data, len, sink, cause);
	free(data);
	return rv;
}

int
import_stream(FILE *fp, const char *name, struct import_sink *sink,
    char **cause)
{
	struct buf b = BUF_INIT;
	size_t n;
	int rv;

	for (;;) {
		buf_grow(&b, 65536);
		n = fread(b.data + b.len, 1, 65536, fp);
		b.len += n;
		b.data[b.len] = '\0';
		if (b.len > IMPORT_MAX_FILE) {
			*cause = xasprintf("larger than the %u MiB file limit",
			    IMPORT_MAX_FILE >> 20);
			buf_release(&b);
			return -1;
		}
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		*cause = xstrdup(strerror(errno));
		buf_release(&b);
		return -1;
	}
	rv = import_buffer(IMPORT_UNKNOWN, name != NULL ? name : "-",
	    b.data, b.len, sink, cause);
	buf_release(&b);
	return rv;
}
