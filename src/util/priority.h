/*
 * The priority of the calling thread. An import is one thread that
 * cannot be split (the writer) fed by others that have time to spare;
 * on two cores, every moment the writer spends runnable but waiting for
 * a core is added to the import, so the others step aside: they lower
 * their own nice value. On Linux a nice value belongs to a thread
 * (setpriority() on its thread id); elsewhere this does nothing.
 */
#ifndef LEDE_UTIL_PRIORITY_H
#define LEDE_UTIL_PRIORITY_H

/* Priorities below the writer's (nice values, 19 the lowest). */
#define PRIORITY_FEEDER		10	/* reading, checkpoints: ahead of */
#define PRIORITY_EXTRA		19	/* extraction, which takes what is left */

/*
 * Set the calling thread's nice value to nice, unless it is already at
 * least that (a user who started the import niced keeps it). Returns the
 * nice value the thread has afterwards, or -1 where threads have none of
 * their own.
 */
int	priority_lower(int nice);

#endif
