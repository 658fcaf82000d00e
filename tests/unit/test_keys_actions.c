/*
 * Every action of the table has a handler in the reader: a name added to
 * config_actions[] without one (or a handler misspelt) fails here.
 */
#include "config.h"

#include "test.h"
#include "tui/tui_int.h"

static void
test_all_resolved(void)
{
	CHECK_INT(input_init(), 0);
}

int
main(void)
{
	test_init();
	TEST_RUN(test_all_resolved);
	return test_done();
}
