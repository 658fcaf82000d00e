# tests: shell tests of the built binary and the house rules. Unit tests
# are registered by each module's local.mk.
TESTS += tests/layering.sh tests/cli/basic.sh tests/cli/hostile.sh tests/cli/demo.sh tests/cli/faults.sh \
	tests/cli/extract.sh tests/cli/kill-flags.sh tests/cli/kill-migrate.sh \
	tests/cli/corpora.sh tests/cli/train.sh tests/cli/startup.sh \
	tests/cli/sqlite-shell.sh tests/cli/fts-ahead.sh tests/cli/check-while-import.sh
EXTRA_DIST += tests/layering.sh tests/summary.sh tests/cli/basic.sh \
	tests/cli/hostile.sh tests/cli/demo.sh tests/cli/faults.sh tests/cli/extract.sh tests/data/cli/protest.txt tests/data/cli/bridge.txt \
	tests/data/cli/wire.jsonl tests/data/cli/hostile.txt tests/data/cli/c1.txt \
	tests/crash.py tests/cli/kill-flags.sh tests/cli/kill-migrate.sh \
	tests/cli/corpora.sh tests/cli/train.sh tests/cli/startup.sh \
	tests/cli/sqlite-shell.sh tests/cli/fts-ahead.sh tests/cli/check-while-import.sh

# The crash tests preload this into lede to kill it before its Nth change
# to a file (see tests/crashwrite.c). A shared object, so none of lede's
# flags or libraries: no sanitizer runtime of its own.
check_PROGRAMS += tests/crashwrite.so
tests_crashwrite_so_SOURCES = tests/crashwrite.c
tests_crashwrite_so_CFLAGS = $(WARN_CFLAGS) -fPIC
tests_crashwrite_so_LDFLAGS = -shared
tests_crashwrite_so_LDADD =

# A schema-1 archive full of articles for tests/cli/kill-migrate.sh.
check_PROGRAMS += tests/old-archive
tests_old_archive_SOURCES = tests/old-archive.c

# The fault tests with many more kills than make check runs, and the
# whole Reuters corpus rather than a sample.
STRESS_TESTS = tests/cli/faults.sh tests/cli/kill-flags.sh \
	tests/cli/kill-migrate.sh tests/cli/corpora.sh
stress: lede
	LEDE_KILL_LOOPS=50 LEDE_REUTERS_FILES=all \
	    $(MAKE) $(AM_MAKEFLAGS) check TESTS='$(STRESS_TESTS)'
.PHONY: stress

# The side panel in tmux, on the demo articles (tests/ui/lib.sh).
TESTS += tests/ui/sidebar.sh
EXTRA_DIST += tests/ui/sidebar.sh
