/*
 * Flags as CSV (RFC 4180): a header row, one row per flag, CRLF between
 * records. Every text cell is quoted (quotes doubled), so commas, quotes
 * and line breaks inside the text are data; numbers are bare. The text
 * keeps its own LF line breaks inside the quotes.
 *
 * Spreadsheets run a cell that starts with = + - @ as a formula, and
 * Excel also after a TAB or CR (OWASP "CSV injection"; Symfony
 * CVE-2021-41270): such a cell gets a leading apostrophe, which
 * spreadsheets hide and a reader of the file strips by taking off one
 * leading "'" when the next character is one of those six.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "flag/export.h"
#include "util/buf.h"

static const char *const columns[] = {
	"id", "article_id", "source", "title", "published", "url", "exact",
	"prefix", "suffix", "start", "end", "note", "status", "found",
	"created", "updated",
};

void
flag_csv_cell(struct buf *out, const char *s, int last)
{
	if (s == NULL)
		s = "";
	buf_addc(out, '"');
	if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		buf_addc(out, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addc(out, '"');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
	buf_adds(out, last ? "\r\n" : ",");
}

static void
number(struct buf *out, long long n)
{
	buf_printf(out, "%lld,", n);
}

void
flag_csv_header(struct buf *out)
{
	size_t i, n = sizeof columns / sizeof columns[0];

	for (i = 0; i < n; i++)
		buf_printf(out, "%s%s", columns[i], i + 1 < n ? "," : "\r\n");
}

void
flag_csv_add(struct buf *out, const struct flag *f)
{
	number(out, f->id);
	number(out, f->article_id);
	flag_csv_cell(out, f->source, 0);
	flag_csv_cell(out, f->title, 0);
	flag_csv_cell(out, f->published, 0);
	flag_csv_cell(out, f->url, 0);
	flag_csv_cell(out, f->exact, 0);
	flag_csv_cell(out, f->prefix, 0);
	flag_csv_cell(out, f->suffix, 0);
	number(out, (long long)f->start);
	number(out, (long long)f->end);
	flag_csv_cell(out, f->note, 0);
	flag_csv_cell(out, flag_status_name(f->status), 0);
	flag_csv_cell(out, f->found ? "yes" : "no", 0);
	flag_csv_cell(out, f->created, 0);
	flag_csv_cell(out, f->updated, 1);
}
