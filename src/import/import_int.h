/*
 * Shared by the parsers in src/import/ and nothing else: the state of one
 * import run (where messages go, how many articles were delivered) and
 * the helpers every parser uses to deliver an article within the limits.
 */
#ifndef LEDE_IMPORT_INT_H
#define LEDE_IMPORT_INT_H

#include <stddef.h>

#include "import/import.h"

struct buf;

/*
 * The only libxml2 parser options lede uses (a test greps for others):
 * never the network, no error printing, CDATA as text; never NOENT,
 * DTDLOAD, DTDATTR, HUGE or XINCLUDE. libxml2 2.9 has no NO_XXE: entity
 * declarations are refused before and after parsing instead (feed.c).
 */
#define IMPORT_XML_OPTS	 (XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)
#define IMPORT_HTML_OPTS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED)
/* Fragments (feed content) let libxml2 imply <html><body>: without them
   2.9 nests the siblings of an unknown HTML5 element (<nav>, <aside>)
   inside it. */
#define IMPORT_HTML_FRAGMENT_OPTS (IMPORT_HTML_OPTS & ~HTML_PARSE_NOIMPLIED)

struct import_ctx {
	const char		*name;		/* for messages and origin */
	struct import_sink	*sink;
	int			 delivered;
	int			 stopped;	/* the sink or a limit said stop */
};

/* A parser: 0 after delivering what it could, -1 and *cause to refuse. */
typedef int (*import_parse_fn)(struct import_ctx *, const char *data,
    size_t len, char **cause);

int	 import_parse_text(struct import_ctx *, const char *, size_t, char **);
int	 import_parse_jsonl(struct import_ctx *, const char *, size_t, char **);
int	 import_parse_feed(struct import_ctx *, const char *, size_t, char **);
int	 import_parse_html(struct import_ctx *, const char *, size_t, char **);

/*
 * Report a problem at name[:line[:col]] (line/col 0 = absent), printf
 * style.
 */
void	 import_problem(struct import_ctx *, unsigned long line,
	    unsigned long col, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/*
 * Make every field of a valid UTF-8 (counting replacements), apply the
 * title and body limits (cutting at a character boundary and reporting
 * it), set origin to name[:line] unless set, and hand a to the sink.
 * Takes ownership of a. Returns non-zero when the run must stop (the sink
 * asked, or IMPORT_MAX_ITEMS was reached).
 */
int	 import_deliver(struct import_ctx *, struct article *a,
	    unsigned long line);

/*
 * Bytes of unknown encoding -> valid UTF-8 with LF endings: a UTF-8 or
 * UTF-16 byte order mark is honoured and dropped; text that is not UTF-8
 * but reads as Windows-1252 (a superset of Latin-1 for printable text) is
 * converted; anything else goes through utf8_repair(). Caller frees;
 * *outlen gets the length.
 */
char	*import_decode(const char *data, size_t len, size_t *outlen,
	    size_t *replaced);
/*
 * How import_decode() would read data: 1 when as UTF-8 (repaired), after
 * *skip bytes of byte order mark, so that repairing it in pieces that
 * end after a newline gives the same text; 0 for UTF-16 or Windows-1252.
 */
int	 import_decodes_as_utf8(const char *data, size_t len, size_t *skip);
/* Bytes of JSON Lines decoded at a time, about (jsonl.c; tests vary it). */
extern size_t	 import_jsonl_piece;
/* utf8_repair(), safe for len 0. Caller frees. */
char	*import_repair(const char *s, size_t len, size_t *replaced);
/* Whether data is not UTF-8 yet plausible as Windows-1252 / Latin-1. */
int	 import_is_cp1252(const char *data, size_t len);

/* Cut s (valid UTF-8) to at most max bytes at a character boundary. */
size_t	 import_cut(const char *s, size_t len, size_t max);
/*
 * A copy of s with runs of white space (and LF) made one space and the ends
 * trimmed; NULL when nothing is left. Caller frees.
 */
char	*import_squeeze(const char *s);
/* s shortened to a readable title of at most max bytes, cut at a word
   boundary and ended with "…" when cut. Caller frees. */
char	*import_shorten(const char *s, size_t max);
/*
 * A title made from text that has none: the first sentence of the first
 * paragraph, shortened to IMPORT_TITLE_DERIVED bytes. NULL for no text.
 * Caller frees.
 */
#define IMPORT_TITLE_DERIVED	90
char	*import_title_from_text(const char *text);
/* "en-US" -> "en": the lower-cased primary subtag, or NULL. Caller frees. */
char	*import_lang_tag(const char *s);

/*
 * HTML -> text on an already parsed tree (see html.c). flags: which
 * elements to leave out beyond the usual ones. Appends to out, at most
 * IMPORT_MAX_BODY bytes; sets *cut when the limit or the depth cap
 * stopped it.
 */
#define HTML_TEXT_NO_FIGCAPTION	0x1
#define HTML_TEXT_NO_HEADER	0x2
struct _xmlNode;
void	 import_html_node_text(struct _xmlNode *, int flags, struct buf *out,
	    int *cut);
/* Make libxml2 ready on this thread and silent (its stray messages would
   land on the terminal). Called before every parse; cheap. */
void	 import_xml_init(void);
/* Like import_html_to_text() with a report of truncation. */
char	*import_html_text(const char *html, size_t len, size_t *replaced,
	    int *cut);

/*
 * Infer a publication date from article text (see text.c for the rule).
 * Returns an ISO 8601 date, possibly partial, or NULL. Caller frees.
 */
char	*import_infer_date(const char *text);

#endif
