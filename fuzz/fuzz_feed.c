/*
 * The RSS/Atom importer: the first byte picks RSS, Atom or detection, the
 * rest is the feed. No crash, no entity expansion, valid UTF-8 out.
 */
#include "config.h"

#include "fuzz/import_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum import_format fmts[] = {
		IMPORT_RSS, IMPORT_ATOM, IMPORT_UNKNOWN,
	};

	if (size == 0)
		return 0;
	fuzz_import(fmts[data[0] % 3], data + 1, size - 1);
	return 0;
}
