/*
 * A one-line progress bar on a terminal: share done, count, rate, ETA.
 * Redrawn at most ten times a second; messages printed meanwhile go
 * through progress_message() so they never tangle with the bar.
 */
#ifndef LEDE_INGEST_PROGRESS_H
#define LEDE_INGEST_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

struct progress {
	FILE		*fp;		/* NULL: quiet */
	const char	*what;		/* "articles" */
	uint64_t	 total;		/* bytes expected; 0 if unknown */
	uint64_t	 done;		/* bytes done */
	uint64_t	 count;		/* items done */
	double		 start;		/* monotonic seconds */
	double		 last;
	int		 drawn;
};

void	 progress_init(struct progress *, FILE *fp, const char *what,
	    uint64_t total);
/* Update counters and redraw if due (or forced). */
void	 progress_update(struct progress *, uint64_t done, uint64_t count,
	    int force);
/* Print a line above the bar. The line is printed as is: sanitise first. */
void	 progress_message(struct progress *, const char *line);
/* Erase the bar. */
void	 progress_end(struct progress *);
/*
 * For archive_set_migrate_progress(): tell the person on stderr that the
 * archive is being upgraded, a line when it starts ("lede: upgrading the
 * archive to schema 5 (1000000 articles); this takes a while") and one
 * when it is done, with a bar in between when stderr is a terminal. arg
 * is unused.
 */
void	 progress_migration(int to, int64_t done, int64_t total, void *arg);
/* Monotonic time in seconds. */
double	 progress_now(void);
/* The bar line itself, for tests: width columns at most. Caller frees. */
char	*progress_format(const struct progress *, double now, int width);

#endif
