#!/bin/sh
# lede's benchmark suite (run with `make bench`). Generates deterministic
# archives from ../shared/corpora into bench/out/ (not committed), runs each
# measurement side by side with its baseline in the same run, and prints a
# Markdown report; bench/RESULTS.md keeps the last one with the machine and
# date. Sizes: BENCH_N (default 100000).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="${BENCH_OUT:-$here/out}"
N="${BENCH_N:-100000}"
: "${LEDE:?set LEDE to the lede binary}" "${BASELINE:?set BASELINE}"
mkdir -p "$out"

data="$out/en-$N"
if [ ! -f "$data/.done" ]; then
	rm -rf "$data"
	python3 "$here/gen.py" --lang en --count "$N" --out "$data" >"$data.raw" || exit $?
	touch "$data/.done"
fi
raw=$(cat "$data.raw")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "# lede benchmarks"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -n 1)"
echo "- date: $(date -u +%Y-%m-%d)"
echo "- command: make bench (BENCH_N=$N)"
echo
echo "## Import of $N English articles (~3 KB), full pipeline vs bare FTS5"
echo
echo "| run | baseline articles/s | lede articles/s | ratio |"
echo "|---|---|---|---|"
for run in 1 2 3; do
	b=$("$BASELINE" "$out/base.db" "$data"/*.jsonl | sed 's/.*: \([0-9]*\)\/s/\1/')
	rm -f "$out/lede.db" "$out/lede.db-wal" "$out/lede.db-shm"
	t0=$(date +%s.%N)
	"$LEDE" -a "$out/lede.db" import --quiet "$data"
	t1=$(date +%s.%N)
	l=$(echo "$N $t0 $t1" | awk '{printf "%.0f", $1 / ($3 - $2)}')
	echo "| $run | $b | $l | $(echo "$l $b" | awk '{printf "%.2f", $1/$2}') |"
done
size=$(stat -c %s "$out/lede.db")
echo
echo "Archive size: $size bytes for $raw bytes of raw text ($(echo "$size $raw" | awk '{printf "%.2f", $1/$2}')x)."
