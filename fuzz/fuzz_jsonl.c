/* The jsonl importer on arbitrary bytes: no crash, valid UTF-8 out. */
#include "config.h"

#include "fuzz/import_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(IMPORT_JSONL, data, size);
	return 0;
}
