# tests: shell tests of the built binary and the house rules. Unit tests
# are registered by each module's local.mk.
TESTS += tests/layering.sh tests/cli/basic.sh tests/cli/hostile.sh tests/cli/demo.sh tests/cli/faults.sh \
	tests/cli/extract.sh
EXTRA_DIST += tests/layering.sh tests/summary.sh tests/cli/basic.sh \
	tests/cli/hostile.sh tests/cli/demo.sh tests/cli/faults.sh tests/cli/extract.sh tests/data/cli/protest.txt tests/data/cli/bridge.txt \
	tests/data/cli/wire.jsonl tests/data/cli/hostile.txt tests/data/cli/c1.txt

# The fault tests with many more kills than make check runs.
stress: lede
	LEDE_KILL_LOOPS=50 $(MAKE) $(AM_MAKEFLAGS) check TESTS=tests/cli/faults.sh
.PHONY: stress

# The side panel in tmux, on the demo articles (tests/ui/lib.sh).
TESTS += tests/ui/sidebar.sh
EXTRA_DIST += tests/ui/sidebar.sh
