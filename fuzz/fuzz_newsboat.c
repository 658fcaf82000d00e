/*
 * Bytes offered as a newsboat cache.db: corrupt or foreign images are
 * refused with a message, never a crash; the user's file is read through
 * a private copy.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/newsboat.h"
#include "fuzz/fuzz.h"
#include "util/article.h"

static int
got(struct article *a, void *arg)
{
	(void)arg;
	article_free(a);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/lede-fuzz-newsboat.XXXXXX", *cause = NULL;
	int fd;

	if ((fd = mkstemp(path)) == -1)
		fuzz_fail("mkstemp");
	if (write(fd, data, size) != (ssize_t)size)
		fuzz_fail("write");
	close(fd);
	if (archive_newsboat_read(path, got, NULL, &cause) < 0 && cause == NULL)
		fuzz_fail("refused without a cause");
	free(cause);
	unlink(path);
	return 0;
}
