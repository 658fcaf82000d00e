# bench: benchmark programs and scripts; `make bench` runs the suite. Never
# part of `make check`. Generated data goes to bench/out/ (not committed).
EXTRA_PROGRAMS = bench/baseline bench/ptytime bench/searchtime bench/extracttime
bench_baseline_SOURCES = bench/baseline.c
bench_baseline_LDADD = $(SQLITE_LIBS) $(JSONC_LIBS)
bench_ptytime_SOURCES = bench/ptytime.c
bench_ptytime_LDADD = -lutil
bench_searchtime_SOURCES = bench/searchtime.c
bench_extracttime_SOURCES = bench/extracttime.c
CLEANFILES += bench/baseline bench/ptytime bench/searchtime bench/extracttime
EXTRA_DIST += bench/gen.py bench/run.sh bench/firstscreen.sh bench/newsboat-cache.py bench/RESULTS.md

BENCH_DEPS = lede bench/baseline bench/ptytime bench/searchtime

# The report goes to stdout and to bench/RESULTS.md (in the source tree).
bench: $(BENCH_DEPS)
	LEDE='$(abs_top_builddir)/lede' BASELINE='$(abs_top_builddir)/bench/baseline' \
	PTYTIME='$(abs_top_builddir)/bench/ptytime' \
	SEARCHTIME='$(abs_top_builddir)/bench/searchtime' \
	    $(SHELL) $(top_srcdir)/bench/run.sh >bench/RESULTS.md.tmp; \
	rc=$$?; cat bench/RESULTS.md.tmp; \
	mv bench/RESULTS.md.tmp $(top_srcdir)/bench/RESULTS.md; exit $$rc
.PHONY: bench
