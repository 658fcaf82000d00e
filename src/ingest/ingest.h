/*
 * The import pipeline: files -> format detection and parsing (import/) ->
 * extraction (extract/) -> the archive, committed in batches. Parsing runs
 * on a worker thread and extraction on one thread per core, beside the
 * single SQLite writer, so extraction uses whatever the full-text index
 * leaves of the machine instead of adding to it. Front ends (the command
 * line, the demo builder) call this and decide how to show what it
 * reports.
 */
#ifndef LEDE_INGEST_INGEST_H
#define LEDE_INGEST_INGEST_H

#include <stddef.h>

struct archive;

struct ingest_stats {
	size_t	 files;		/* files (or stdin) read */
	size_t	 inserted;	/* new articles */
	size_t	 updated;	/* changed articles, stored as new revisions */
	size_t	 unchanged;	/* already in the archive */
	size_t	 failed;	/* files or records that could not be imported */
	size_t	 replaced;	/* invalid UTF-8 sequences replaced by U+FFFD */
	int	 interrupted;	/* stopped by a signal; what was read is kept */
};

struct ingest_opts {
	int	 progress;	/* draw a progress bar on stderr (a terminal) */
	int	 extract;	/* find entities and dates (default on) */
	size_t	 batch;		/* articles per transaction; 0 = 1000 */
	/* Called on the calling thread for each problem, "where" is
	   path[:line[:col]]; message is one line. May be NULL. */
	void	(*problem)(const char *where, const char *message, void *arg);
	void	*arg;
};

/*
 * Import every path (files, directories walked recursively in name order,
 * "-" for standard input) into the archive. Problems with single files or
 * records are reported through opts->problem and counted in stats->failed;
 * the rest is kept. Returns 0 when everything was read, 1 when some input
 * failed, -1 and *cause (caller frees) when the archive itself failed (the
 * open batch is rolled back, earlier batches stay). SIGINT and SIGTERM stop
 * the import after committing what was already read.
 */
int	 ingest_run(struct archive *, char *const *paths, size_t npaths,
	    const struct ingest_opts *, struct ingest_stats *, char **cause);

/*
 * Run extraction again over every article (after the model or the rules
 * changed). Returns 0, or -1 and *cause.
 */
int	 ingest_reindex(struct archive *, const struct ingest_opts *,
	    size_t *done, char **cause);

#endif
