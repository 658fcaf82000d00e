/*
 * Format detection. The content decides: files arrive with wrong or no
 * extensions (saved pages as .txt, feeds as .php, stdin has no name). Only
 * the first few KiB are looked at. The extension is a tie-breaker for the
 * cases the content cannot settle: an empty file, or XML whose root is
 * neither a feed nor HTML.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "import/import_int.h"

#define DETECT_WINDOW	8192

static const struct {
	const char		*ext;
	enum import_format	 fmt;
} detect_exts[] = {
	{ "txt", IMPORT_TEXT }, { "text", IMPORT_TEXT },
	{ "rss", IMPORT_RSS }, { "xml", IMPORT_RSS }, { "rdf", IMPORT_RSS },
	{ "atom", IMPORT_ATOM },
	{ "html", IMPORT_HTML }, { "htm", IMPORT_HTML }, { "xhtml", IMPORT_HTML },
	{ "jsonl", IMPORT_JSONL }, { "ndjson", IMPORT_JSONL },
	{ "json", IMPORT_JSONL },
	{ "db", IMPORT_NEWSBOAT },
};

static enum import_format
detect_by_name(const char *name)
{
	const char *dot, *slash;
	size_t i;

	if (name == NULL)
		return IMPORT_UNKNOWN;
	dot = strrchr(name, '.');
	slash = strrchr(name, '/');
	if (dot == NULL || (slash != NULL && dot < slash))
		return IMPORT_UNKNOWN;
	for (i = 0; i < sizeof detect_exts / sizeof detect_exts[0]; i++)
		if (strcasecmp(dot + 1, detect_exts[i].ext) == 0)
			return detect_exts[i].fmt;
	return IMPORT_UNKNOWN;
}

/*
 * Whether the bytes look binary: a known binary signature, several NUL
 * bytes, or many C0 controls. A stray NUL in a text file is not enough (it
 * becomes U+FFFD and is counted).
 */
static int
detect_binary(const unsigned char *p, size_t len)
{
	static const struct {
		const char	*magic;
		size_t		 len;
	} sigs[] = {
		{ "\x89PNG", 4 }, { "%PDF", 4 }, { "\x1F\x8B", 2 },
		{ "PK\x03\x04", 4 }, { "\xFF\xD8\xFF", 3 }, { "GIF8", 4 },
		{ "\x7F" "ELF", 4 }, { "BZh", 3 }, { "\xFD" "7zXZ", 5 },
	};
	size_t i, ctl = 0, nul = 0;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (len >= sigs[i].len && memcmp(p, sigs[i].magic, sigs[i].len) == 0)
			return 1;
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
	    (p[0] == 0xFE && p[1] == 0xFF)))
		return 0;	/* UTF-16 text */
	for (i = 0; i < len; i++) {
		if (p[i] == 0)
			nul++;
		else if (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' &&
		    p[i] != '\t' && p[i] != '\f' && p[i] != 0x1B)
			ctl++;
	}
	if (nul >= 2 && nul * 100 > len)
		return 1;
	return ctl >= 4 && ctl * 20 > len;	/* more than 5% */
}

/* Case-insensitive prefix test. */
static int
detect_prefix(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && strncasecmp(p, word, n) == 0;
}

/*
 * The name of the first element of an XML or HTML document, skipping the
 * declaration, comments, processing instructions and a DOCTYPE (whose
 * name is returned with '!' when it says html). Copies at most size-1
 * bytes into out, "" when there is none in the window.
 */
static void
detect_root(const char *p, const char *end, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	while (p < end) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end || *p != '<')
			return;
		if (detect_prefix(p, end, "<!--")) {
			p = memmem(p, (size_t)(end - p), "-->", 3);
			if (p == NULL)
				return;
			p += 3;
		} else if (detect_prefix(p, end, "<?")) {
			p = memmem(p, (size_t)(end - p), "?>", 2);
			if (p == NULL)
				return;
			p += 2;
		} else if (detect_prefix(p, end, "<!doctype")) {
			p += 9;
			while (p < end && isspace((unsigned char)*p))
				p++;
			if (detect_prefix(p, end, "html")) {
				strncpy(out, "!html", size - 1);
				out[size - 1] = '\0';
				return;
			}
			/* Skip to the end of the DOCTYPE, internal subset too. */
			while (p < end && *p != '>' && *p != '[')
				p++;
			if (p < end && *p == '[') {
				p = memmem(p, (size_t)(end - p), "]", 1);
				if (p == NULL)
					return;
				p = memchr(p, '>', (size_t)(end - p));
				if (p == NULL)
					return;
			}
			p++;
		} else {
			p++;
			while (p < end && n + 1 < size &&
			    (isalnum((unsigned char)*p) || *p == ':' ||
			    *p == '-' || *p == '_' || *p == '.'))
				out[n++] = *p++;
			out[n] = '\0';
			return;
		}
	}
}

static enum import_format
detect_markup(const char *p, const char *end, enum import_format byname)
{
	char root[64];
	const char *local;
	static const char *const html_tags[] = {
		"<html", "<head", "<body", "<p>", "<div", "<article", "<meta",
		"<title", "<br", "<a href",
	};
	size_t i;

	detect_root(p, end, root, sizeof root);
	local = strrchr(root, ':');
	local = local != NULL ? local + 1 : root;
	if (strcasecmp(local, "rss") == 0 || strcasecmp(local, "RDF") == 0)
		return IMPORT_RSS;
	if (strcmp(local, "feed") == 0)
		return IMPORT_ATOM;
	if (strcasecmp(root, "!html") == 0 || strcasecmp(local, "html") == 0)
		return IMPORT_HTML;
	if (byname == IMPORT_RSS || byname == IMPORT_ATOM ||
	    byname == IMPORT_HTML)
		return byname;
	for (i = 0; i < sizeof html_tags / sizeof html_tags[0]; i++)
		if (strcasestr(p, html_tags[i]) != NULL)
			return IMPORT_HTML;
	/* "<<< Breaking" is text that happens to start with '<'. */
	if (root[0] == '\0')
		return byname != IMPORT_UNKNOWN && byname != IMPORT_NEWSBOAT ?
		    byname : IMPORT_TEXT;
	/* Some other XML: let the feed parser say why it is not a feed. */
	return IMPORT_RSS;
}

/* Whether the line at p looks like one JSON object: {...} on one line. */
static int
detect_json_line(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	if (nl == NULL)
		return 1;	/* longer than the window, or the only line */
	while (nl > p && (nl[-1] == '\r' || nl[-1] == ' ' || nl[-1] == '\t'))
		nl--;
	return nl > p && nl[-1] == '}';
}

enum import_format
import_detect(const char *name, const char *data, size_t len)
{
	size_t win = len < DETECT_WINDOW ? len : DETECT_WINDOW;
	const char *p = data, *end = data + win;
	enum import_format byname = detect_by_name(name);
	char copy[DETECT_WINDOW + 1];

	if (len >= 16 && memcmp(data, "SQLite format 3", 16) == 0)
		return IMPORT_NEWSBOAT;
	if (len == 0)
		return byname != IMPORT_NEWSBOAT ? byname : IMPORT_UNKNOWN;
	if (detect_binary((const unsigned char *)data, win))
		return IMPORT_UNKNOWN;
	if (win >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end)
		return byname != IMPORT_UNKNOWN && byname != IMPORT_NEWSBOAT ?
		    byname : IMPORT_TEXT;
	if (*p == '<') {
		/* A NUL-terminated copy so strcasestr stops in the window. */
		memcpy(copy, p, (size_t)(end - p));
		copy[end - p] = '\0';
		return detect_markup(copy, copy + (end - p), byname);
	}
	if (*p == '{' && detect_json_line(p, end))
		return IMPORT_JSONL;
	/* A JSON array of objects: the same parser reads it. */
	if (*p == '[') {
		const char *q = p + 1;

		while (q < end && isspace((unsigned char)*q))
			q++;
		if (q < end && *q == '{')
			return IMPORT_JSONL;
	}
	/* UTF-16 with a BOM: XML feeds are handled by libxml2. */
	if (win >= 4 && (memcmp(data, "\xFF\xFE<\0", 4) == 0 ||
	    memcmp(data, "\xFE\xFF\0<", 4) == 0))
		return byname == IMPORT_ATOM ? IMPORT_ATOM : IMPORT_RSS;
	return IMPORT_TEXT;
}
