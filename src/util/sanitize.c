/*
 * Display sanitiser (see sanitize.h). Pure and table-free: the rules are
 * few enough that a chain of comparisons reads better than a table, and
 * the function is fuzzed on its own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

int
sanitize_is_unsafe(unsigned int cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp) ||
	    cp == 0xAD;
}

char *
sanitize_display(const char *s, size_t len, int flags)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n;
	uint32_t cp;
	char enc[4];

	buf_grow(&b, len);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n;
		if (cp == '\n') {
			buf_addc(&b, (flags & SANITIZE_NEWLINES) ? '\n' : ' ');
		} else if (cp == '\t') {
			buf_addc(&b, (flags & SANITIZE_TABS) ? '\t' : ' ');
		} else if (cp < 0x20) {
			buf_add(&b, enc, utf8_encode(0x2400 + cp, enc));
		} else if (cp == 0x7F) {
			buf_add(&b, enc, utf8_encode(0x2421, enc));
		} else if (cp >= 0x80 && cp < 0xA0) {
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		} else if (is_bidi_control(cp) || cp == 0xAD) {
			continue;
		} else {
			buf_add(&b, enc, utf8_encode(cp, enc));
		}
	}
	return buf_detach(&b);
}

void
sanitize_fputs(const char *s, FILE *fp, int flags)
{
	char *safe = sanitize_display(s, strlen(s), flags);

	fputs(safe, fp);
	free(safe);
}
