/*
 * Crash injection for the fault tests: a library preloaded into lede
 * (LD_PRELOAD) that kills the process with SIGKILL just before its Nth
 * change to a file, so a test can stop lede at every point where the files
 * on disk differ, instead of hoping a random timer lands inside a commit
 * that takes a fraction of a millisecond.
 *
 *   LEDE_CRASH_AT=N      SIGKILL before the Nth counted call (1-based)
 *   LEDE_CRASH_COUNT=F   at exit, append the number of counted calls to F
 *
 * Counted calls are the ones SQLite changes files with (see the undefined
 * symbols of libsqlite3): pwrite64/pwrite, write to a regular file (not to
 * the terminal or a pipe), ftruncate64/ftruncate and unlink. Syncs are not
 * counted: a process killed before fsync leaves the same files as one
 * killed after the write before it (the kernel keeps the page cache).
 * Writes through mmap (the WAL index) are memory stores, not calls; the
 * index is rebuilt from the WAL after a crash anyway.
 *
 * The counter is shared by all threads. Not linked into lede; built only
 * for `make check`.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <sys/types.h>
#include <sys/stat.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static long crash_calls;

/* Count one call; never returns when it is the one to crash at. */
static void
crash_count(void)
{
	static long at = -1;
	const char *v;
	long n;

	if (__atomic_load_n(&at, __ATOMIC_RELAXED) < 0) {
		v = getenv("LEDE_CRASH_AT");
		__atomic_store_n(&at, v != NULL ? atol(v) : 0,
		    __ATOMIC_RELAXED);
	}
	n = __atomic_add_fetch(&crash_calls, 1, __ATOMIC_SEQ_CST);
	if (n == __atomic_load_n(&at, __ATOMIC_RELAXED)) {
		kill(getpid(), SIGKILL);
		for (;;)
			pause();
	}
}

/* The next definition of name (libc's, or a sanitizer's wrapper). */
static void *
crash_next(const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);

	if (fn == NULL) {
		fprintf(stderr, "crashwrite: no %s\n", name);
		abort();
	}
	return fn;
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	static ssize_t (*next)(int, const void *, size_t, off64_t);

	if (next == NULL)
		next = (ssize_t (*)(int, const void *, size_t, off64_t))
		    crash_next("pwrite64");
	crash_count();
	return next(fd, buf, n, off);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*next)(int, const void *, size_t, off_t);

	if (next == NULL)
		next = (ssize_t (*)(int, const void *, size_t, off_t))
		    crash_next("pwrite");
	crash_count();
	return next(fd, buf, n, off);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*next)(int, const void *, size_t);
	struct stat sb;

	if (next == NULL)
		next = (ssize_t (*)(int, const void *, size_t))
		    crash_next("write");
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
		crash_count();
	return next(fd, buf, n);
}

int
ftruncate64(int fd, off64_t len)
{
	static int (*next)(int, off64_t);

	if (next == NULL)
		next = (int (*)(int, off64_t))crash_next("ftruncate64");
	crash_count();
	return next(fd, len);
}

int
ftruncate(int fd, off_t len)
{
	static int (*next)(int, off_t);

	if (next == NULL)
		next = (int (*)(int, off_t))crash_next("ftruncate");
	crash_count();
	return next(fd, len);
}

int
unlink(const char *path)
{
	static int (*next)(const char *);

	if (next == NULL)
		next = (int (*)(const char *))crash_next("unlink");
	crash_count();
	return next(path);
}

__attribute__((destructor)) static void
crash_report(void)
{
	const char *path = getenv("LEDE_CRASH_COUNT");
	FILE *fp;

	if (path == NULL || (fp = fopen(path, "a")) == NULL)
		return;
	fprintf(fp, "%ld\n", __atomic_load_n(&crash_calls, __ATOMIC_SEQ_CST));
	fclose(fp);
}
