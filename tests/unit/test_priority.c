/*
 * Unit tests for util/priority.c: a thread lowers its own priority, not
 * its process's, and never raises it back. Skips (77) where threads have
 * no nice value of their own.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "test.h"
#include "util/priority.h"

struct seen {
	int	 first, second, own;
};

static int
own_nice(void)
{
#if defined(__linux__) && defined(SYS_gettid)
	errno = 0;
	return getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
#else
	return -1;
#endif
}

static void *
lower_twice(void *arg)
{
	struct seen *s = arg;

	s->first = priority_lower(PRIORITY_FEEDER);
	/* asking for less than it has leaves it */
	s->second = priority_lower(PRIORITY_FEEDER - 5);
	s->own = own_nice();
	return NULL;
}

static void
thread_lowers_itself(void)
{
	struct seen s = { 0, 0, 0 };
	pthread_t t;
	int before = own_nice();

	CHECK_INT(pthread_create(&t, NULL, lower_twice, &s), 0);
	CHECK_INT(pthread_join(t, NULL), 0);
	CHECK_INT(s.first, PRIORITY_FEEDER);
	CHECK_INT(s.second, PRIORITY_FEEDER);
	CHECK_INT(s.own, PRIORITY_FEEDER);
	/* the calling thread (and so the process) kept its own */
	CHECK_INT(own_nice(), before);
	CHECK(PRIORITY_FEEDER < PRIORITY_EXTRA);
}

int
main(void)
{
	test_init();
#if !defined(__linux__)
	fprintf(stderr, "test_priority: threads have no nice value here\n");
	return 77;
#else
	if (own_nice() >= PRIORITY_FEEDER) {
		fprintf(stderr, "test_priority: already at nice %d, nothing"
		    " to lower\n", own_nice());
		return 77;
	}
	TEST_RUN(thread_lowers_itself);
	return test_done();
#endif
}
