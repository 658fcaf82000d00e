/*
 * libFuzzer targets. Each fuzz/NAME.c defines LLVMFuzzerTestOneInput();
 * with ./configure --enable-fuzzing CC=clang they link against libFuzzer,
 * otherwise against standalone_main.c, which replays the committed corpus
 * and regressions in `make check`. An oracle that fails calls
 * fuzz_fail(), which aborts so both drivers report it.
 */
#ifndef LEDE_FUZZ_H
#define LEDE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define fuzz_fail(...) do {						\
	fprintf(stderr, "fuzz oracle failed at %s:%d: ", __FILE__, __LINE__);\
	fprintf(stderr, __VA_ARGS__);					\
	fputc('\n', stderr);						\
	abort();							\
} while (0)

#endif
