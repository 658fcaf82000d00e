/*
 * Lowering a thread's priority (see priority.h).
 */
#include "config.h"

#include <errno.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "util/priority.h"

int
priority_lower(int nice)
{
#if defined(__linux__) && defined(SYS_gettid)
	id_t self = (id_t)syscall(SYS_gettid);
	int now;

	errno = 0;
	now = getpriority(PRIO_PROCESS, self);
	if (errno != 0)
		return -1;
	if (now < nice && setpriority(PRIO_PROCESS, self, nice) == 0)
		return nice;
	return now;
#else
	(void)nice;
	return -1;
#endif
}
