# fuzz: libFuzzer targets. With ./configure --enable-fuzzing CC=clang they
# link against libFuzzer and `make fuzz` runs each for FUZZ_SECONDS;
# otherwise they link the standalone replayer and `make check` runs the
# committed corpus, the test fixtures and every regression through them.
FUZZ_TARGETS = fuzz/fuzz_display fuzz/fuzz_text fuzz/fuzz_feed fuzz/fuzz_html \
	fuzz/fuzz_jsonl fuzz/fuzz_query fuzz/fuzz_config fuzz/fuzz_extract \
	fuzz/fuzz_newsboat
check_PROGRAMS += $(FUZZ_TARGETS)
TESTS += tests/fuzz-replay.sh
EXTRA_DIST += tests/fuzz-replay.sh fuzz/fuzz.h fuzz/import_common.h fuzz/corpus \
	fuzz/regressions

if FUZZING
FUZZ_MAIN =
FUZZ_LINK = -fsanitize=fuzzer
else
FUZZ_MAIN = fuzz/standalone_main.c
FUZZ_LINK =
endif

fuzz_fuzz_display_SOURCES = fuzz/fuzz_display.c $(FUZZ_MAIN)
fuzz_fuzz_text_SOURCES = fuzz/fuzz_text.c $(FUZZ_MAIN)
fuzz_fuzz_feed_SOURCES = fuzz/fuzz_feed.c $(FUZZ_MAIN)
fuzz_fuzz_html_SOURCES = fuzz/fuzz_html.c $(FUZZ_MAIN)
fuzz_fuzz_jsonl_SOURCES = fuzz/fuzz_jsonl.c $(FUZZ_MAIN)
fuzz_fuzz_query_SOURCES = fuzz/fuzz_query.c $(FUZZ_MAIN)
fuzz_fuzz_config_SOURCES = fuzz/fuzz_config.c $(FUZZ_MAIN)
fuzz_fuzz_extract_SOURCES = fuzz/fuzz_extract.c $(FUZZ_MAIN)
fuzz_fuzz_newsboat_SOURCES = fuzz/fuzz_newsboat.c $(FUZZ_MAIN)
fuzz_fuzz_display_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_text_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_feed_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_html_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_jsonl_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_query_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_config_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_extract_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
fuzz_fuzz_newsboat_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)

FUZZ_SECONDS = 60
FUZZ_RUNS =
fuzz: $(FUZZ_TARGETS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS='$(FUZZ_RUNS)' top_srcdir='$(abs_top_srcdir)' \
	    top_builddir='$(abs_top_builddir)' $(SHELL) $(top_srcdir)/tests/fuzz-replay.sh --live
.PHONY: fuzz
