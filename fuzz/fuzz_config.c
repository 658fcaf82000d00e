/*
 * The config loader on arbitrary files: no crash (iniparser 4.1's typed
 * getters and long-line bugs must stay out of reach), and every problem
 * names a line of the file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/lede-fuzz-config.XXXXXX";
	const struct config_problem *p;
	struct config *cfg;
	size_t n, i, lines = 1;
	int fd;

	if ((fd = mkstemp(path)) == -1)
		fuzz_fail("mkstemp");
	if (write(fd, data, size) != (ssize_t)size)
		fuzz_fail("write");
	close(fd);
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	cfg = config_new();
	config_load(cfg, path, 1);
	p = config_problems(cfg, &n);
	for (i = 0; i < n; i++) {
		if (p[i].line > lines)
			fuzz_fail("problem on line %u of a %zu-line file",
			    p[i].line, lines);
		if (p[i].message == NULL || strchr(p[i].message, '\n') != NULL)
			fuzz_fail("a problem message must be one line");
	}
	config_free(cfg);
	unlink(path);
	return 0;
}
