/*
 * lede.conf.5 documents every action and option of the tables: each
 * section has a `.SS [name]` heading and each entry a `.B name` line in it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "test.h"
#include "util/xalloc.h"

static char page[200000];

/* Whether `.B name` appears under `.SS [section]`. */
static int
documented(const char *section, const char *name)
{
	char *head = xasprintf("\n.SS [%s]\n", section), *entry;
	const char *start, *end;
	int found = 0;

	if ((start = strstr(page, head)) != NULL) {
		start += strlen(head);
		if ((end = strstr(start, "\n.SS ")) == NULL &&
		    (end = strstr(start, "\n.SH ")) == NULL)
			end = start + strlen(start);
		entry = xasprintf("\n.B %s\n", name);
		found = strstr(start, entry) != NULL &&
		    strstr(start, entry) < end;
		free(entry);
	}
	if (!found)
		fprintf(stderr, "lede.conf.5: [%s] %s is not documented\n",
		    section, name);
	free(head);
	return found;
}

static void
test_every_action(void)
{
	size_t i;

	for (i = 0; i < config_nactions; i++)
		CHECK(documented(config_ctx_name(config_actions[i].ctx),
		    config_actions[i].name));
}

static void
test_every_option(void)
{
	size_t i;

	for (i = 0; i < config_noptions; i++)
		CHECK(documented(config_options[i].section,
		    config_options[i].name));
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char *path;
	size_t n;
	FILE *fp;

	test_init();
	path = xasprintf("%s/man/lede.conf.5", top != NULL ? top : ".");
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		return 1;
	}
	n = fread(page, 1, sizeof page - 1, fp);
	page[n] = '\0';
	fclose(fp);
	free(path);
	TEST_RUN(test_every_action);
	TEST_RUN(test_every_option);
	return test_done();
}
