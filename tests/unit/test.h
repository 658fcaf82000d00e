/*
 * A small unit-test harness: each test program calls TEST_RUN(fn) for its
 * cases and returns test_done(). A failed CHECK prints the file, line and
 * expression and marks the case failed; the program exits 1 if any case
 * failed, 77 if test_skip() was called, 0 otherwise (Automake's protocol).
 */
#ifndef LEDE_TEST_H
#define LEDE_TEST_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failed_cases, test_cases, test_case_failed;

#define CHECK(expr) do {						\
	if (!(expr)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #expr);				\
		test_case_failed = 1;					\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_) != 0) {\
		fprintf(stderr, "%s:%d: %s\n  got:  \"%s\"\n  want: \"%s\"\n",\
		    __FILE__, __LINE__, #got, g_ ? g_ : "(null)",	\
		    w_ ? w_ : "(null)");				\
		test_case_failed = 1;					\
	}								\
} while (0)

#define CHECK_INT(got, want) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (g_ != w_) {							\
		fprintf(stderr, "%s:%d: %s = %lld, want %lld\n",	\
		    __FILE__, __LINE__, #got, g_, w_);			\
		test_case_failed = 1;					\
	}								\
} while (0)

#define TEST_RUN(fn) do {						\
	test_case_failed = 0;						\
	test_cases++;							\
	fn();								\
	printf("%s %d - %s\n", test_case_failed ? "not ok" : "ok",	\
	    test_cases, #fn);						\
	if (test_case_failed)						\
		test_failed_cases++;					\
} while (0)

static inline void
test_init(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
}

static inline void
test_skip(const char *why)
{
	printf("SKIP: %s\n", why);
	exit(77);
}

static inline int
test_done(void)
{
	printf("%d cases, %d failed\n", test_cases, test_failed_cases);
	return test_failed_cases ? 1 : 0;
}

#endif
