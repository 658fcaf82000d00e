/*
 * Plain and JSON output for listings (see output.h).
 */
#include "config.h"

#include <sys/ioctl.h>

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "cli/output.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

int
output_width(void)
{
	struct winsize ws;
	const char *cols;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20)
		return ws.ws_col;
	if ((cols = getenv("COLUMNS")) != NULL && atoi(cols) >= 20)
		return atoi(cols);
	return 100;
}

char *
output_unmark(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s != '\0'; s++) {
		if (*s != '\x02' && *s != '\x03')
			buf_addc(&b, *s);
	}
	return buf_detach(&b);
}

/* A cell: sanitised, cut to width, padded when pad is set. Caller frees. */
static char *
cell(const char *s, size_t width, int pad)
{
	char *safe = sanitize_display(s != NULL ? s : "", s != NULL ? strlen(s) : 0, 0);
	char *cut = utf8_cut(safe, width, pad);

	free(safe);
	return cut;
}

/*
 * A snippet: the match markers become bold on a terminal and vanish
 * elsewhere. The sanitiser turns the markers into the control pictures
 * U+2402/U+2403, which are swapped here after cutting to width.
 */
static void
print_snippet(FILE *fp, const char *snippet, size_t width)
{
	int tty = isatty(fileno(fp));
	char *c = cell(snippet, width, 0), *p;

	fputs("    ", fp);
	for (p = c; *p != '\0'; p++) {
		if (strncmp(p, "\xE2\x90\x82", 3) == 0 ||
		    strncmp(p, "\xE2\x90\x83", 3) == 0) {
			if (tty)
				fputs(p[2] == '\x82' ? "\033[1m" : "\033[0m", fp);
			p += 2;
		} else
			fputc(*p, fp);
	}
	fputs(tty ? "\033[0m\n" : "\n", fp);
	free(c);
}

void
output_rows_plain(FILE *fp, const struct archive_page *pg, int snippets)
{
	int width = output_width();
	size_t i, titlew;
	char *date, *src, *title, *day;

	titlew = width > 50 ? (size_t)width - 40 : 10;
	for (i = 0; i < pg->nrows; i++) {
		const struct archive_row *r = &pg->rows[i];

		/* the day is enough in a listing; show gives the time */
		day = r->published != NULL ? xstrndup(r->published, 10) : NULL;
		date = cell(day, 10, 1);
		free(day);
		src = cell(r->source, 18, 1);
		title = cell(r->title, titlew, 0);
		fprintf(fp, "%7lld  %s  %s  %s\n", (long long)r->id, date, src, title);
		free(date);
		free(src);
		free(title);
		if (snippets && r->snippet != NULL && *r->snippet != '\0')
			print_snippet(fp, r->snippet, (size_t)width - 5);
	}
}

struct json_object *
output_jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

struct json_object *
output_row_json(const struct archive_row *r, int snippets)
{
	struct json_object *o = json_object_new_object();
	char *plain;

	json_object_object_add(o, "id", json_object_new_int64(r->id));
	json_object_object_add(o, "title", output_jstr(r->title));
	json_object_object_add(o, "source", output_jstr(r->source));
	json_object_object_add(o, "author", output_jstr(r->author));
	json_object_object_add(o, "published", output_jstr(r->published));
	json_object_object_add(o, "url", output_jstr(r->url));
	if (snippets) {
		plain = r->snippet != NULL ? output_unmark(r->snippet) : NULL;
		json_object_object_add(o, "snippet", output_jstr(plain));
		free(plain);
	}
	return o;
}

/*
 * json-c escapes C0 controls but leaves DEL, C1 controls, U+2028/U+2029
 * and bidi controls raw; some terminals act on C1 bytes, so those become
 * \u escapes too. They can only occur inside strings, where an escape is
 * equivalent, so the JSON stays the same value.
 */
static char *
escape_unsafe(const char *json)
{
	struct buf b = BUF_INIT;
	size_t i = 0, len = strlen(json), n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(json + i, len - i, &cp);
		/* C0 is already escaped inside strings, and the newlines
		   between values must stay */
		if (cp >= 0x7F && (sanitize_is_unsafe(cp) || cp == 0x2028 ||
		    cp == 0x2029))
			buf_printf(&b, "\\u%04x", (unsigned)cp);
		else
			buf_add(&b, json + i, n);
		i += n;
	}
	return buf_detach(&b);
}

const char *
output_json_text(struct json_object *o)
{
	static char *last;

	free(last);
	last = escape_unsafe(json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	return last;
}

void
output_json(FILE *fp, struct json_object *o)
{
	fputs(output_json_text(o), fp);
	fputc('\n', fp);
	json_object_put(o);
}
