/* Unit tests for the plain-text importer (src/import/text.c). */
#include "config.h"

#include "test.h"
#include "test_import_sink.h"

int
main(void)
{
	test_init();
	return test_done();
}
