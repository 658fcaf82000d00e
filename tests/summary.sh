#!/bin/sh
# Print "N passed, N failed[, N skipped]" for the test runs under the
# given build directories (their test-suite.log), one line for all.
# Exit 1 if any failed.
pass=0 fail=0 skip=0
for dir in "$@"; do
	log="$dir/test-suite.log"
	if [ ! -f "$log" ]; then
		echo "no test results in $dir" >&2
		fail=$((fail + 1))
		continue
	fi
	get() { sed -n "s/^# $1: *\([0-9]*\)$/\1/p" "$log" | head -n 1; }
	p=$(get PASS) f=$(get FAIL) s=$(get SKIP) e=$(get ERROR) x=$(get XPASS) xf=$(get XFAIL)
	pass=$((pass + ${p:-0} + ${xf:-0}))
	fail=$((fail + ${f:-0} + ${e:-0} + ${x:-0}))
	skip=$((skip + ${s:-0}))
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
