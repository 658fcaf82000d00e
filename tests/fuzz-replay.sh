#!/bin/sh
# Run every fuzz target over its seed inputs: the committed corpus
# (fuzz/corpus/NAME), every crash ever found (fuzz/regressions/NAME) and
# the test fixtures that suit it. In `make check` the targets are built
# with the standalone replayer; with --live (make fuzz, a libFuzzer build)
# each target fuzzes for $FUZZ_SECONDS seconds (or, with $FUZZ_RUNS, that
# many inputs from a fixed seed) starting from those inputs.
: "${top_srcdir:?}" "${top_builddir:?}"
live=0
[ "${1:-}" = "--live" ] && live=1
S=$top_srcdir
export LEDE_DATADIR="$S/share"
failed=0
work=$(mktemp -d /tmp/lede-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

seeds() {
	for d in "$S/fuzz/corpus/$1" "$S/fuzz/regressions/$1"; do
		[ -d "$d" ] && echo "$d"
	done
	case $1 in
	text|html|jsonl|feed) echo "$S/tests/data/import" "$S/tests/data/cli" ;;
	display) echo "$S/tests/data/cli" ;;
	extract) echo "$S/tests/data/cli" "$S/share/demo/text" ;;
	newsboat) echo "$S/tests/data/import/newsboat" ;;
	esac
}

for t in display text feed html jsonl query config extract newsboat; do
	bin="$top_builddir/fuzz/fuzz_$t"
	if [ ! -x "$bin" ]; then
		echo "FAIL: fuzz_$t not built"; failed=$((failed + 1)); continue
	fi
	# shellcheck disable=SC2046
	if [ $live -eq 1 ]; then
		mkdir -p "$work/$t"
		# FUZZ_RUNS (CI) makes a run repeatable: a fixed seed and count
		if [ -n "${FUZZ_RUNS:-}" ]; then
			budget="-runs=$FUZZ_RUNS -seed=1"
		else
			budget="-max_total_time=${FUZZ_SECONDS:-60}"
		fi
		"$bin" $budget -timeout=5 \
		    -rss_limit_mb=1024 -max_len=65536 -artifact_prefix="$work/crash-$t-" \
		    "$work/$t" $(seeds $t) >"$work/$t.log" 2>&1
		rc=$?
		tail -n 1 "$work/$t.log"
		for c in "$work"/crash-$t-*; do
			[ -f "$c" ] || continue
			mkdir -p "$S/fuzz/regressions/$t"
			cp "$c" "$S/fuzz/regressions/$t/"
			echo "new crash kept in fuzz/regressions/$t/$(basename "$c"); its bytes (base64):"
			head -c 65536 "$c" | base64
		done
	else
		"$bin" $(seeds $t) >"$work/$t.log" 2>&1
		rc=$?
		tail -n 1 "$work/$t.log"
	fi
	if [ $rc -ne 0 ]; then
		echo "FAIL: fuzz_$t (exit $rc)"
		grep -m 5 -E "oracle failed|ERROR: |runtime error|SUMMARY" "$work/$t.log"
		grep -m 12 -E "^ +#[0-9]+ " "$work/$t.log"
		failed=$((failed + 1))
	else
		echo "ok - fuzz_$t"
	fi
done
[ $failed -eq 0 ]
