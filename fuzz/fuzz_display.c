/*
 * The display sanitiser and width cutting: whatever the bytes, the output
 * is valid UTF-8 with no control character, C1 control or bidi override,
 * and a cut never exceeds its width.
 */
#include "config.h"

#include <string.h>

#include "fuzz/fuzz.h"
#include "util/sanitize.h"
#include "util/utf8.h"

static void
check_safe(const char *s)
{
	size_t i = 0, len = strlen(s), n;
	uint32_t cp;

	if (!utf8_valid(s, len))
		fuzz_fail("sanitised output is not valid UTF-8");
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (sanitize_is_unsafe(cp))
			fuzz_fail("unsafe code point U+%04X survived", (unsigned)cp);
		i += n;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t widths[] = { 0, 1, 2, 5, 20, 80 };
	char *safe, *cut;
	size_t i;

	safe = sanitize_display((const char *)data, size, 0);
	check_safe(safe);
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		cut = utf8_cut(safe, widths[i], 1);
		if (utf8_width(cut, strlen(cut)) != widths[i])
			fuzz_fail("cut to %zu columns is %zu wide", widths[i],
			    utf8_width(cut, strlen(cut)));
		free(cut);
	}
	free(safe);
	return 0;
}
