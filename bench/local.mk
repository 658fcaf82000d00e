# bench: benchmark programs and scripts; `make bench` runs the suite. Never
# part of `make check`. Generated data goes to bench/out/ (not committed).
EXTRA_PROGRAMS = bench/baseline
bench_baseline_SOURCES = bench/baseline.c
bench_baseline_LDADD = $(SQLITE_LIBS) $(JSONC_LIBS)
CLEANFILES += bench/baseline
EXTRA_DIST += bench/gen.py bench/run.sh bench/RESULTS.md

bench: lede bench/baseline
	LEDE='$(abs_top_builddir)/lede' BASELINE='$(abs_top_builddir)/bench/baseline' \
	    $(SHELL) $(top_srcdir)/bench/run.sh
.PHONY: bench
