/*
 * Expanding the paths a user gives into the list of files to import:
 * directories are walked recursively in name order (so runs are
 * reproducible), hidden entries skipped, sizes summed for the progress bar.
 */
#ifndef LEDE_INGEST_WALK_H
#define LEDE_INGEST_WALK_H

#include <stddef.h>
#include <stdint.h>

struct walk_file {
	char		*path;		/* "-" for standard input */
	uint64_t	 size;		/* 0 when unknown */
};

struct walk_list {
	struct walk_file	*files;
	size_t			 n;
	uint64_t		 total;	/* bytes */
};

/*
 * Append the files under path to list. A path that cannot be read is
 * reported through problem (where, message, arg) and skipped.
 */
void	 walk_add(struct walk_list *, const char *path,
	    void (*problem)(const char *, const char *, void *), void *arg);
void	 walk_release(struct walk_list *);

#endif
