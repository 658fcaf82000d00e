/*
 * Extraction on arbitrary text (made valid UTF-8 first, as import does):
 * every span lies inside the text on character boundaries, every sentence
 * holds its expressions, and hostile input (digits, capitals, impossible
 * dates) neither crashes nor hangs. Uses the shipped model when found.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "fuzz/fuzz.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static struct extract_model *model;
static int loaded;

static void
check_span(const char *text, size_t len, struct extract_span s, const char *what)
{
	if (s.start > s.end || s.end > len)
		fuzz_fail("%s span %zu..%zu outside 0..%zu", what, s.start, s.end, len);
	if ((s.start < len && ((unsigned char)text[s.start] & 0xC0) == 0x80) ||
	    (s.end < len && ((unsigned char)text[s.end] & 0xC0) == 0x80))
		fuzz_fail("%s span %zu..%zu splits a character", what, s.start, s.end);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_result *r;
	char *text, *path, *cause = NULL;
	const char *dir;
	size_t len, i, j;

	if (!loaded) {
		loaded = 1;
		dir = getenv("LEDE_DATADIR");
		path = xasprintf("%s/ner.model", dir != NULL ? dir : "share");
		model = extract_model_load(path, &cause);
		free(cause);
		free(path);
	}
	text = utf8_repair((const char *)data, size, NULL);
	len = strlen(text);
	r = extract_run(model, text, len, size > 0 && data[0] & 1 ?
	    "2025-03-20" : "2024", "en");
	for (i = 0; i < r->nsentences; i++)
		check_span(text, len, r->sentences[i], "sentence");
	for (i = 0; i < r->nentities; i++)
		for (j = 0; j < r->entities[i].nmentions; j++)
			check_span(text, len, r->entities[i].mentions[j], "mention");
	for (i = 0; i < r->ntimexes; i++) {
		check_span(text, len, r->timexes[i].span, "timex");
		check_span(text, len, r->timexes[i].sentence, "timex sentence");
	}
	extract_result_free(r);
	free(text);
	return 0;
}
