/*
 * Writing export files safely, and handing messages to a send command.
 * Internal to src/flag/.
 */
#ifndef LEDE_FLAG_OUTFILE_H
#define LEDE_FLAG_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

/*
 * A file written under a temporary name beside its final path and moved
 * into place by outfile_commit(): readers never see half a file, a failed
 * export leaves nothing behind, and an existing path (a file, a
 * symlink) is only replaced when force is set. With force a symlink at
 * path is replaced itself; its target is never written. A directory is
 * refused; a device, FIFO or socket, and anything under /dev or /proc, is
 * written to directly, never replaced.
 */
struct outfile {
	FILE	*fp;
	char	*path;
	char	*tmp;
	int	 force;
	int	 direct;	/* a device or FIFO: written in place */
};

/* Open; 0, or -1 and *cause ("PATH exists (use --force to replace it)"). */
int	 outfile_open(struct outfile *, const char *path, int force,
	    char **cause);
/* Flush, sync, close and move into place; 0, or -1 and *cause. The
   temporary file is removed on failure. */
int	 outfile_commit(struct outfile *, char **cause);
/* Close and remove the temporary file (after an error). */
void	 outfile_abort(struct outfile *);
/* Open, write data, commit. */
int	 outfile_write(const char *path, const char *data, size_t len,
	    int force, char **cause);

/*
 * Run command (split on blanks into argv, no shell: quotes and $ are
 * plain characters) with data on its stdin. With quiet its stdout and
 * stderr go to /dev/null. Returns 0 when it exits 0, else -1 and *cause.
 */
int	 outfile_send(const char *command, const char *data, size_t len,
	    int quiet, char **cause);

#endif
