/*
 * lede --demo: the bundled demo articles (share/demo, all invented) are
 * imported once into the user's data directory, then the reader opens on
 * them. The archive is built under a temporary name and renamed when
 * complete, so an interrupted first run never leaves half a demo behind.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "cli/cli.h"
#include "ingest/ingest.h"
#include "tui/tui.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* The article folders of share/demo (its README and the script that makes
   the newsboat cache are not articles). */
static const char *const demo_parts[] = {
	"text", "feeds", "html", "jsonl", "newsboat/cache.db",
};
#define NPARTS (sizeof demo_parts / sizeof demo_parts[0])

static int
build_demo(const char *path)
{
	char *data = paths_datadir(), *src = xasprintf("%s/demo", data);
	char *tmp = xasprintf("%s.building", path), *cause = NULL;
	char *parts[NPARTS];
	size_t i;
	struct ingest_opts io = { .extract = 1, .problem = cli_problem };
	struct ingest_stats st;
	struct archive *ar;
	int rc = -1;

	if (access(src, R_OK) != 0) {
		cli_error("the demo articles are missing (%s)", src);
		goto out;
	}
	unlink(tmp);
	if ((ar = archive_open(tmp, 0, &cause)) == NULL) {
		cli_error("%s", cause);
		goto out;
	}
	fprintf(stderr, "lede: building the demo archive in %s\n", path);
	io.progress = isatty(STDERR_FILENO);
	for (i = 0; i < NPARTS; i++)
		parts[i] = xasprintf("%s/%s", src, demo_parts[i]);
	rc = ingest_run(ar, parts, NPARTS, &io, &st, &cause);
	for (i = 0; i < NPARTS; i++)
		free(parts[i]);
	archive_close(ar);
	if (rc < 0 || st.inserted == 0) {
		cli_error("could not build the demo archive: %s",
		    cause != NULL ? cause : "nothing imported");
		rc = -1;
	} else if (rename(tmp, path) != 0) {
		cli_error("cannot create %s", path);
		rc = -1;
	} else
		rc = 0;
	if (rc != 0)
		unlink(tmp);
out:
	free(cause);
	free(tmp);
	free(src);
	free(data);
	return rc;
}

int
cli_demo(struct cli_ctx *ctx)
{
	char *home = paths_data_home(), *path, *cause = NULL;
	int rc = 0;

	path = xasprintf("%s/demo.db", home);
	if (paths_mkdir_p(home) != 0)
		rc = cli_error("cannot create %s", home);
	else if (access(path, F_OK) != 0 && build_demo(path) != 0)
		rc = 1;
	if (rc == 0 && tui_run(path, ctx->config_path, &cause) != 0) {
		rc = cli_error("%s", cause != NULL ? cause : "the reader failed");
		free(cause);
	}
	free(path);
	free(home);
	return rc;
}
