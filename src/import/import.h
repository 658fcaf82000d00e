/*
 * import/: bytes in, struct article out. One parser per input format
 * (plain text, RSS 2.0/1.0, Atom, a saved HTML page, JSON Lines) and the
 * finishing step for rows read from a newsboat cache. Nothing here touches
 * the archive or the terminal: every parser works on a buffer in memory and
 * hands articles to a sink, so each can be unit-tested and fuzzed alone.
 *
 * Every string in a delivered article is valid UTF-8 with LF line endings
 * (invalid sequences and NUL bytes become U+FFFD, counted in
 * sink->replaced). Other control characters are kept as they were: making
 * text safe to show is the display layer's job.
 *
 * Input is untrusted. The limits below bound memory and time; exceeding one
 * is reported with a message that names it.
 */
#ifndef LEDE_IMPORT_IMPORT_H
#define LEDE_IMPORT_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "util/article.h"

/*
 * Limits, and what happens past them (always with a message naming it):
 *   FILE	a bigger file or stream is refused before parsing (files:
 *		by fstat, before reading);
 *   LINE	a longer JSONL record or text line is skipped and reported
 *		with its line number; the rest of the file is kept;
 *   TITLE	a longer title is cut at a character boundary and reported;
 *		so are the other one-line fields (author, URL, guid, ...);
 *   BODY	longer body text is cut and reported;
 *   ITEMS	articles past this many in one file are not delivered;
 *   XML_DEPTH	a deeper feed is refused ("not a valid feed (...)");
 *   JSON_DEPTH	a deeper JSONL record is skipped and reported.
 */
#define IMPORT_MAX_FILE		(64u << 20)
#define IMPORT_MAX_LINE		(4u << 20)
#define IMPORT_MAX_TITLE	(4u << 10)
#define IMPORT_MAX_BODY		(8u << 20)
#define IMPORT_MAX_ITEMS	100000
#define IMPORT_MAX_XML_DEPTH	256
#define IMPORT_MAX_JSON_DEPTH	64

enum import_format {
	IMPORT_UNKNOWN,
	IMPORT_TEXT,
	IMPORT_RSS,
	IMPORT_ATOM,
	IMPORT_HTML,
	IMPORT_JSONL,
	IMPORT_NEWSBOAT,
};

struct import_sink {
	/* Called for each article parsed; takes ownership of a (free with
	   article_free). Return non-zero to stop. */
	int	(*article)(struct article *a, void *arg);
	/* A problem that skipped or cut part of the input (may be NULL):
	   where = "path:line" or "path:line:col" or "path"; message is one
	   line. */
	void	(*problem)(const char *where, const char *message, void *arg);
	void	*arg;
	size_t	 replaced;	/* importers add the count of U+FFFD replacements */
};

/* "text", "rss", "atom", "html", "jsonl", "newsboat" or "unknown". Static. */
const char	*import_format_name(enum import_format);

/*
 * Detect a format from content first: SQLite magic -> IMPORT_NEWSBOAT; an
 * XML root <rss>/<rdf:RDF> -> RSS, <feed> -> Atom, <html> or HTML tags ->
 * HTML; a first line that is a JSON object, or a JSON array of objects ->
 * JSONL; readable text -> TEXT;
 * binary data -> UNKNOWN. Only when the content cannot tell (empty, XML
 * with another root) is the extension of name used (name may be NULL).
 */
enum import_format import_detect(const char *name, const char *data, size_t len);

/*
 * Parse data[0..len), in format fmt (IMPORT_UNKNOWN: detect it), handing
 * each article to sink->article. name is used in messages and as the
 * articles' origin ("name:line" when the format has lines). Problems with
 * single items go to sink->problem and the rest is kept. Returns the number
 * of articles delivered (counting the one the sink stopped at), or -1 and
 * *cause (caller frees) when the whole input is refused, e.g. "not a valid
 * feed (3:14: ...)", "empty file". Causes never include name: the caller
 * puts it in front.
 */
int	 import_buffer(enum import_format fmt, const char *name,
	    const char *data, size_t len, struct import_sink *, char **cause);

/*
 * Read the regular file at path (size checked with fstat before reading;
 * FIFOs, devices and directories refused) and import_buffer() it with the
 * detected format. A newsboat cache is refused ("a newsboat cache: use the
 * newsboat reader"). Returns as import_buffer(); an error opening or
 * reading is the strerror() text ("No such file or directory"), others
 * "is a directory", "not a regular file", "larger than the 64 MiB file
 * limit".
 */
int	 import_file(const char *path, struct import_sink *, char **cause);

/* Read all of a stream (standard input) within IMPORT_MAX_FILE and import it. */
int	 import_stream(FILE *fp, const char *name, struct import_sink *,
	    char **cause);

/*
 * An HTML fragment or document -> clean text: paragraphs separated by
 * "\n\n", whitespace collapsed, <br> as "\n"; script, style, nav, aside,
 * footer, form (and similar) dropped; entities decoded. Output is valid
 * UTF-8 (*replaced, may be NULL, grows by the replacements) and at most
 * IMPORT_MAX_BODY bytes. Caller frees.
 */
char	*import_html_to_text(const char *html, size_t len, size_t *replaced);

/*
 * A date as feeds and exports write it -> ISO 8601. Accepts RFC 822/1123
 * ("Sun, 09 Mar 2025 10:00:00 +0300", zone names GMT/UT/UTC/Z and the US
 * ones), RFC 3339/ISO 8601 ("2025-03-09", "2025-03-09T10:00:00+03:00",
 * "2025-03", "2025") and Unix epoch seconds (5 or more digits). A time with
 * a zone becomes UTC ("2025-03-09T07:00:00Z"); a time without one is kept
 * as written without "Z"; a date alone stays a (possibly partial) date.
 * NULL for anything else, including impossible dates, years outside
 * 1..9999 and zone offsets beyond +-23:59. Caller frees.
 */
char	*import_parse_date(const char *s);

/*
 * Finish an article read from a newsboat cache by archive_newsboat_read():
 * its body holds the item's raw HTML, which becomes clean text; every field
 * is made valid UTF-8; the language is set from the text (a feed newsboat
 * marked right-to-left arrives with the hint "ar", kept only when the text
 * is in Arabic script). Returns the number of U+FFFD replacements made.
 */
size_t	 import_newsboat_finish(struct article *);

#endif
