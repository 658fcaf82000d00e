/*
 * Placeholder until the reader lands: keeps the tree linking.
 */
#include "config.h"

#include <stddef.h>

#include "tui/tui.h"
#include "util/xalloc.h"

int
tui_run(const char *archive_path, const char *config_path, char **cause)
{
	(void)archive_path;
	(void)config_path;
	*cause = xstrdup("the reader is not built yet");
	return -1;
}
