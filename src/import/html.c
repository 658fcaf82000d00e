#include "config.h"
#include "import/import_int.h"
#include "util/xalloc.h"
int
import_parse_html(struct import_ctx *ctx, const char *data, size_t len, char **cause)
{
	*cause = xstrdup("todo");
	return -1;
}
