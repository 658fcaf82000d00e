#!/bin/sh
# lede's benchmark suite (run with `make bench`, never part of `make check`).
#
# Generates deterministic archives from ../shared/corpora into bench/out/
# (not committed; reused between runs when complete), runs each measurement
# side by side with its baseline in the same run, and prints a Markdown
# report on stdout (`make bench` keeps it in bench/RESULTS.md). Progress
# goes to stderr.
#
# Environment:
#   LEDE BASELINE PTYTIME SEARCHTIME   the programs (set by `make bench`)
#   BENCH_N=100000      articles of the main archive (English)
#   BENCH_AR_N=$BENCH_N articles of the Arabic archive (0: skip)
#   BENCH_BIG=1000000   articles of the large archive (0: skip)
#   BENCH_BIG_EXTRACT=no  build the large archive with extraction (slow)
#   BENCH_RUNS=3        repetitions of each import
#   BENCH_NEWSBOAT=yes  compare with newsboat when it is installed
#   BENCH_NB_RUNS=7     rounds of section 7 (newsboat, lede, floor alternating)
#   BENCH_LEDE_OLD=     another lede binary to run in section 7's rounds
#   BENCH_SKIP_IMPORT=no  yes: reuse the archives of an earlier run and skip
#                       the import timings (the other measurements still run)
#   BENCH_OUT=bench/out
set -u
here=$(cd "$(dirname "$0")" && pwd)
out="${BENCH_OUT:-$here/out}"
N="${BENCH_N:-100000}"
AR_N="${BENCH_AR_N:-$N}"
BIG="${BENCH_BIG:-1000000}"
BIG_EXTRACT="${BENCH_BIG_EXTRACT:-no}"
RUNS="${BENCH_RUNS:-3}"
NB="${BENCH_NEWSBOAT:-yes}"
NB_RUNS="${BENCH_NB_RUNS:-7}"
SKIP_IMPORT="${BENCH_SKIP_IMPORT:-no}"
: "${LEDE:?set LEDE to the lede binary}" "${BASELINE:?set BASELINE}"
: "${PTYTIME:?set PTYTIME}" "${SEARCHTIME:?set SEARCHTIME}"
mkdir -p "$out"
export LC_ALL=C.UTF-8

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "n/a"}'; }
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.2f", $1/$2; else print "n/a" }'; }
now() { date +%s.%N; }
rate() { echo "$1 $2 $3" | awk '{printf "%.0f", $1 / ($3 - $2)}'; }
rmdb() { rm -f "$1" "$1-wal" "$1-shm"; }

# gen LANG COUNT DIR [START [--recent]]: deterministic JSON Lines (cached)
gen() {
	if [ ! -f "$3/.done" ]; then
		log "generating $2 $1 articles in $3"
		rm -rf "$3"
		python3 "$here/gen.py" --lang "$1" --count "$2" --out "$3" \
		    --start "${4:-0}" ${5:+"$5"} >"$3.raw" || exit $?
		touch "$3/.done"
	fi
}

# import DB DATA [FLAGS]: prints "articles/s peakKB"
lede_import() {
	db=$1 data=$2
	shift 2
	n=$(cat "$data"/*.jsonl | wc -l)
	t0=$(now)
	/usr/bin/time -f %M -o "$out/time.out" "$LEDE" -a "$db" import --quiet "$@" "$data" ||
	    log "lede import $data: exit $?"
	t1=$(now)
	echo "$(rate "$n" "$t0" "$t1") $(tail -n 1 "$out/time.out")"
}

# baseline DB DATA: prints "articles/s peakKB"
baseline() {
	rmdb "$1"
	b=$(/usr/bin/time -f %M -o "$out/time.out" "$BASELINE" "$1" "$2"/*.jsonl |
	    sed 's/.*: \([0-9]*\)\/s/\1/')
	echo "$b $(tail -n 1 "$out/time.out")"
}

echo "# lede benchmarks"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1); $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 | sed 's/^/sqlite3 CLI /') libsqlite3 $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; other work runs beside the suite)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- command: make bench (BENCH_N=$N BENCH_AR_N=$AR_N BENCH_BIG=$BIG BENCH_BIG_EXTRACT=$BIG_EXTRACT BENCH_RUNS=$RUNS)"
echo "- lede: $("$LEDE" --version 2>/dev/null | head -n 1), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo

# ---------------------------------------------------------------- data
en="$out/en-$N"
gen en "$N" "$en"
raw_en=$(cat "$en.raw")
inc="$out/en-inc-$N"
gen en 1000 "$inc" "$N"
recent="$out/en-recent-$N"
gen en 1000 "$recent" "$N" --recent
if [ "$AR_N" -gt 0 ]; then
	ar="$out/ar-$AR_N"
	gen ar "$AR_N" "$ar"
	raw_ar=$(cat "$ar.raw")
fi
if [ "$BIG" -gt 0 ]; then
	bigdata="$out/en-$BIG"
	gen en "$BIG" "$bigdata"
	raw_big=$(cat "$bigdata.raw")
fi

# ---------------------------------------------------------------- 1. import
echo "## 1. Import"
echo
echo "Full pipeline (\`lede import\`: JSON Lines parsing, repair, names and dates"
echo "extraction on a worker thread, the archive writer on the main thread, 1,000"
echo "articles per transaction) against the bare baseline (\`bench/baseline\`: the same"
echo "text into a plain FTS5 table, external content, unicode61, same page size,"
echo "hashsize and connection settings, 1,000 per transaction), alternating in the"
echo "same run. Peak memory is the maximum resident set (\`/usr/bin/time -f %M\`)."
echo
echo "| corpus | run | baseline articles/s | lede articles/s | ratio | lede peak MB |"
echo "|---|---|---|---|---|---|"
db="$out/lede-en-$N.db"
: >"$out/imp.en"
run=1
if [ "$SKIP_IMPORT" = yes ]; then
	echo "| (skipped: BENCH_SKIP_IMPORT=yes; archives reused from an earlier run) | | | | | |"
	run=$((RUNS + 1))
	[ -f "$out/imp.en.kept" ] && cp "$out/imp.en.kept" "$out/imp.en"
fi
while [ "$run" -le "$RUNS" ]; do
	log "import en $N, run $run: baseline"
	b=$(baseline "$out/base-en.db" "$en")
	log "import en $N, run $run: lede"
	rmdb "$db"
	l=$(lede_import "$db" "$en")
	set -- $b $l
	echo "$1 $3 $(ratio "$3" "$1") $4" >>"$out/imp.en"
	echo "| English $N | $run | $1 | $3 | $(ratio "$3" "$1") | $(($4 / 1024)) |"
	run=$((run + 1))
done
[ "$SKIP_IMPORT" = yes ] || cp "$out/imp.en" "$out/imp.en.kept"
imp_base=$(cut -d' ' -f1 "$out/imp.en" | median)
imp_lede=$(cut -d' ' -f2 "$out/imp.en" | median)
imp_ratio=$(cut -d' ' -f3 "$out/imp.en" | median)
imp_mem=$(cut -d' ' -f4 "$out/imp.en" | median)
echo "| **English $N** | median | **$imp_base** | **$imp_lede** | **$imp_ratio** | $((imp_mem / 1024)) |"
size_en=$(stat -c %s "$db")
size_base=$(stat -c %s "$out/base-en.db")

if [ "$AR_N" -gt 0 ]; then
	dbar="$out/lede-ar-$AR_N.db"
	: >"$out/imp.ar"
	run=1
	[ "$SKIP_IMPORT" = yes ] && run=$((RUNS + 1))
	while [ "$run" -le "$RUNS" ]; do
		log "import ar $AR_N, run $run"
		b=$(baseline "$out/base-ar.db" "$ar")
		rmdb "$dbar"
		l=$(lede_import "$dbar" "$ar")
		set -- $b $l
		echo "$1 $3 $(ratio "$3" "$1") $4" >>"$out/imp.ar"
		echo "| Arabic $AR_N | $run | $1 | $3 | $(ratio "$3" "$1") | $(($4 / 1024)) |"
		run=$((run + 1))
	done
	[ "$SKIP_IMPORT" = yes ] ||
	echo "| **Arabic $AR_N** | median | **$(cut -d' ' -f1 "$out/imp.ar" | median)** | **$(cut -d' ' -f2 "$out/imp.ar" | median)** | **$(cut -d' ' -f3 "$out/imp.ar" | median)** | $(($(cut -d' ' -f4 "$out/imp.ar" | median) / 1024)) |"
	size_ar=$(stat -c %s "$dbar")
fi

if [ "$BIG" -gt 0 ]; then
	big="$out/lede-en-$BIG.db"
	# another invocation may be building it (it writes $big.building)
	while [ -f "$big.building" ]; do sleep 10; done
	if [ ! -f "$big.done" ]; then
		log "building the $BIG archive (extraction: $BIG_EXTRACT)"
		rmdb "$big"
		if [ "$BIG_EXTRACT" = yes ]; then
			l=$(lede_import "$big" "$bigdata")
		else
			l=$(lede_import "$big" "$bigdata" --no-extract)
		fi
		echo "$l" >"$big.import"
		touch "$big.done"
	fi
	set -- $(cat "$big.import" 2>/dev/null || echo "n/a 0")
	echo "| English $BIG ($( [ "$BIG_EXTRACT" = yes ] && echo "with" || echo "**without**") extraction; built once, reused) | 1 | | $1 | | $(($2 / 1024)) |"
fi
echo

echo "Adding 1,000 new articles (one batch) to an archive of a given size:"
echo "a copy of the archive each time, median of $RUNS. \"recent\" articles are"
echo "dated in the month after every article of the archive, as news arriving"
echo "in a kept archive is; \"spread\" ones (the same text) are dated at random"
echo "over its years, so they land all over the date-ordered indexes. Beside"
echo "them, the bare baseline adding the same 1,000 to a copy of its own archive"
echo "of that size (\`BASELINE_APPEND=1\`; it keeps no order by date, and times"
echo "itself without its closing checkpoint): what FTS5 alone costs there."
echo
echo "| archive | recent, articles/s | spread, articles/s | baseline, articles/s |"
echo "|---|---|---|---|"
bases="0 $N"
[ "$BIG" -gt 0 ] && bases="$bases $BIG"
for base in $bases; do
	: >"$out/inc-recent.txt"
	: >"$out/inc-spread.txt"
	: >"$out/inc-base.txt"
	run=1
	while [ "$run" -le "$RUNS" ]; do
		# the baseline's own archive of this size (none of the big one)
		append=
		rmdb "$out/inc-base.db"
		if [ "$base" = "$N" ]; then
			cp "$out/base-en.db" "$out/inc-base.db"
			sync
			append=1
		fi
		if [ "$base" = 0 ] || [ "$base" = "$N" ]; then
			log "1k into the baseline's $base archive, run $run"
			env ${append:+BASELINE_APPEND=1} "$BASELINE" \
			    "$out/inc-base.db" "$recent"/*.jsonl |
			    sed 's/.*: \([0-9]*\)\/s/\1/' >>"$out/inc-base.txt"
		fi
		for set in recent spread; do
			# one copy of the big archive per set (it is slow to copy)
			[ "$base" = "$BIG" ] && [ "$run" -gt 1 ] && continue
			rmdb "$out/inc.db"
			if [ "$base" != 0 ]; then
				log "1k $set into a copy of the $base archive, run $run"
				cp "$out/lede-en-$base.db" "$out/inc.db"
				# written out now, not by the import's first checkpoint fsync
				sync
			fi
			data=$inc
			[ "$set" = recent ] && data=$recent
			r=$(lede_import "$out/inc.db" "$data")
			echo "${r%% *}" >>"$out/inc-$set.txt"
		done
		run=$((run + 1))
	done
	echo "| ${base} articles | $(median <"$out/inc-recent.txt") | $(median <"$out/inc-spread.txt") | $(median <"$out/inc-base.txt") |"
done
rmdb "$out/inc.db"
rmdb "$out/inc-base.db"
echo
echo "| archive | raw text (title + body) | archive file | multiple of the text |"
echo "|---|---|---|---|"
echo "| lede, English $N | $raw_en | $size_en | $(ratio "$size_en" "$raw_en") |"
echo "| baseline, English $N | $raw_en | $size_base | $(ratio "$size_base" "$raw_en") |"
[ "$AR_N" -gt 0 ] &&
    echo "| lede, Arabic $AR_N | $raw_ar | $size_ar | $(ratio "$size_ar" "$raw_ar") |"
[ "$BIG" -gt 0 ] &&
    echo "| lede, English $BIG (no extraction) | $raw_big | $(stat -c %s "$big") | $(ratio "$(stat -c %s "$big")" "$raw_big") |"
echo

# ---------------------------------------------------------------- 2. search
echo "## 2. Search latency"
echo
echo "\`bench/searchtime\`: archive_list() for the first page of 50 rows with snippets"
echo "(what the reader asks for), each query 20 times after one warm-up; classes"
echo "pool the timings of their queries."
echo
echo "### English, $N articles"
echo
log "search en $N"
"$SEARCHTIME" -r 20 "$db" en | tee "$out/search-$N.txt"
echo
if [ "$AR_N" -gt 0 ]; then
	echo "### Arabic, $AR_N articles"
	echo
	log "search ar $AR_N"
	"$SEARCHTIME" -r 20 "$dbar" ar
	echo
fi
if [ "$BIG" -gt 0 ]; then
	echo "### English, $BIG articles"
	echo
	log "search en $BIG"
	"$SEARCHTIME" -r 5 "$big" en | tee "$out/search-$BIG.txt"
	echo
fi

# ---------------------------------------------------------------- 3. start-up
# startup DB: warm runs then cold runs; appends "size warm cold" to startup.txt
echo "## 3. Start-up to the first full screen"
echo
echo "\`bench/ptytime\` runs \`lede -a ARCHIVE\` on a 120x40 pseudo-terminal and times"
echo "fork to the last byte of the first output burst (quiet for 100 ms after it)."
echo "Warm: median of 10 after one untimed run. Cold: the archive file (and its"
echo "-wal) and the lede binary are evicted from the page cache before each of 5"
echo "runs (posix_fadvise DONTNEED; shared libraries stay cached)."
echo
echo "| archive | warm p50 ms | warm max ms | cold p50 ms | cold max ms |"
echo "|---|---|---|---|---|"
: >"$out/startup.txt"
for size in "$N" "$BIG"; do
	[ "$size" -gt 0 ] || continue
	a="$out/lede-en-$size.db"
	log "start-up on $size"
	"$PTYTIME" -- "$LEDE" -a "$a" >/dev/null
	: >"$out/warm.txt"
	i=0
	while [ $i -lt 10 ]; do
		"$PTYTIME" -- "$LEDE" -a "$a" | sed -n 's/^startup_ms //p' >>"$out/warm.txt"
		i=$((i + 1))
	done
	: >"$out/cold.txt"
	i=0
	while [ $i -lt 5 ]; do
		"$PTYTIME" -e "$a" -e "$a-wal" -e "$LEDE" -- "$LEDE" -a "$a" |
		    sed -n 's/^startup_ms //p' >>"$out/cold.txt"
		i=$((i + 1))
	done
	w=$(median <"$out/warm.txt")
	c=$(median <"$out/cold.txt")
	echo "$size $w $c" >>"$out/startup.txt"
	echo "| $size | $w | $(sort -g "$out/warm.txt" | tail -n 1) | $c | $(sort -g "$out/cold.txt" | tail -n 1) |"
done
echo
echo "For scale, the same harness on a program that only initialises ncurses and"
echo "draws one line (\`tput\`-level floor):"
"$PTYTIME" -- sh -c 'tput clear; echo ready; sleep 1' >/dev/null
: >"$out/floor.txt"
i=0
while [ $i -lt 10 ]; do
	"$PTYTIME" -- sh -c 'tput clear; echo ready; sleep 1' |
	    sed -n 's/^startup_ms //p' >>"$out/floor.txt"
	i=$((i + 1))
done
echo "fork + sh + tput: $(median <"$out/floor.txt") ms median."
echo

# ---------------------------------------------------------------- 4/5. keys, memory
keys() {
	"$PTYTIME" -k down:300:j -k up:100:k -k page-down:100:' ' -k page-up:50:'^B' \
	    -k open:50:'\r':h -k side-panel:40:s -k last-first:10:G:g "$@"
}
echo "## 4. Keystroke to finished redraw; 5. reader peak memory"
echo
echo "One reader session per archive on the pseudo-terminal: each key is written,"
echo "and the time runs to the last byte of the redraw it causes (quiet for 25 ms"
echo "after it). \`open\` is Enter on the list (the article is laid out in the"
echo "reader pane; \`h\` closes it, untimed); \`side-panel\` is \`s\` (opens and closes"
echo "in turn); \`last-first\` is \`G\` (end of the list; \`g\` back, untimed). The"
echo "reader runs under \`/usr/bin/time\` for its peak resident memory."
echo
echo "| archive | key | n | p50 ms | p99 ms | max ms | keys without output |"
echo "|---|---|---|---|---|---|---|"
: >"$out/mem.txt"
for size in "$N" "$BIG"; do
	[ "$size" -gt 0 ] || continue
	a="$out/lede-en-$size.db"
	log "keys on $size"
	keys -- /usr/bin/time -f %M -o "$out/time.out" "$LEDE" -a "$a" >"$out/keys-$size.txt"
	sed -n 's/^key \([^ ]*\) n=\([0-9]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) max=\([0-9.]*\) none=\([0-9]*\)/| '"$size"' | \1 | \2 | \3 | \4 | \5 | \6 |/p' \
	    "$out/keys-$size.txt"
	echo "$size $(tail -n 1 "$out/time.out")" >>"$out/mem.txt"
done
echo
echo "| process | archive | peak resident MB |"
echo "|---|---|---|"
while read -r size kb; do
	echo "| reader (start, keys above, quit) | $size | $((kb / 1024)) |"
done <"$out/mem.txt"
echo "| lede import, with extraction (median) | $N | $((imp_mem / 1024)) |"
[ "$BIG" -gt 0 ] && [ -f "$big.import" ] &&
    echo "| lede import ($BIG, build of the large archive) | $BIG | $(($(cut -d' ' -f2 "$big.import") / 1024)) |"
echo

# ---------------------------------------------------------------- 6. during import
echo "## 6. Reader responsiveness while another process imports"
echo
conc="$out/en-conc-$N"
gen en 10000 "$conc" $((N + 1000))
log "keys during an import"
rmdb "$out/conc.db"
cp "$db" "$out/conc.db"
"$LEDE" -a "$out/conc.db" import --quiet "$conc" &
imp=$!
sleep 2
# open: a different article each time (h, j untimed), so every open is a
# first open and marks an unread article read: a write, each time
"$PTYTIME" -k down:200:j -k page-down:50:' ' -k open:30:'\r':hj -- "$LEDE" -a "$out/conc.db" >"$out/keys-conc.txt"
if kill -0 "$imp" 2>/dev/null; then running=yes; else running=no; fi
t0=$(now)
wait "$imp"
t1=$(now)
echo "A copy of the $N archive; \`lede import\` of 10,000 new articles (with"
echo "extraction) runs in a second process; the reader session starts 2 s after"
echo "it. Import still running when the session ended: **$running** (it went on"
echo "for $(echo "$t0 $t1" | awk '{printf "%.0f", $2 - $1}') s more)."
echo
echo "| key | n | p50 ms | p99 ms | max ms | keys without output |"
echo "|---|---|---|---|---|---|"
sed -n 's/^key \([^ ]*\) n=\([0-9]*\) p50=\([0-9.]*\) p99=\([0-9.]*\) max=\([0-9.]*\) none=\([0-9]*\)/| \1 | \2 | \3 | \4 | \5 | \6 |/p' \
    "$out/keys-conc.txt"
echo
echo "First screen during the import: $(sed -n 's/^startup_ms //p' "$out/keys-conc.txt") ms."
echo
echo "(\`open\` is Enter on a different unread article each time (\`h\` \`j\`"
echo "untimed between), so each one marks an article read: a write, which the"
echo "reader keeps and stores once the importer's transaction has committed;"
echo "\"keys without output\" counts keys whose redraw took longer than the"
echo "harness waits.)"
rmdb "$out/conc.db"
echo

# ---------------------------------------------------------------- 7. newsboat
if [ "$NB" = yes ] && command -v newsboat >/dev/null 2>&1; then
	echo "## 7. newsboat on the same $N articles"
	echo
	nb="$out/newsboat-$N"
	if [ ! -f "$nb/.done" ]; then
		log "building newsboat's cache.db"
		python3 "$here/newsboat-cache.py" "$en" "$nb" >"$nb.largest" || exit 1
		touch "$nb/.done"
	fi
	log "newsboat and lede, alternating"
	LEDE="$LEDE" PTYTIME="$PTYTIME" ARCHIVE="$db" NB="$nb" RUNS="$NB_RUNS" \
	    LEDE_OLD="${BENCH_LEDE_OLD:-}" OUT="$out" sh "$here/firstscreen.sh"
	set -- $(cat "$out/nb-summary")
	nbs=$1 ls=$2
	echo
fi

# ---------------------------------------------------------------- targets
pick() { grep "^| \*\*all\*\* | newest" "$1" | cut -d'|' -f"$2" | tr -d ' '; }
echo "## Targets"
echo
echo "| target | measured | met |"
echo "|---|---|---|"
ok() { echo "$1 $2" | awk '{ print ($1 != "n/a" && $1 + 0 '"$3"' $2 + 0) ? "yes" : "**no**" }'; }
echo "| import >= 0.6x baseline | $imp_ratio | $(ok "$imp_ratio" 0.6 '>=') |"
echo "| archive <= 2.2x raw text | $(ratio "$size_en" "$raw_en") | $(ok "$(ratio "$size_en" "$raw_en")" 2.2 '<=') |"
s50=$(pick "$out/search-$N.txt" 6)
s99=$(pick "$out/search-$N.txt" 7)
echo "| search p50 <= 5 ms, $N, default order | $s50 | $(ok "$s50" 5 '<=') |"
echo "| search p99 <= 100 ms, $N, default order | $s99 | $(ok "$s99" 100 '<=') |"
if [ "$BIG" -gt 0 ]; then
	b99=$(pick "$out/search-$BIG.txt" 7)
	echo "| search p99 <= 300 ms, $BIG, default order | $b99 | $(ok "$b99" 300 '<=') |"
	wN=$(awk -v s="$N" '$1 == s {print $2}' "$out/startup.txt")
	wB=$(awk -v s="$BIG" '$1 == s {print $2}' "$out/startup.txt")
	echo "| first screen <= 50 ms warm, $BIG | $wB | $(ok "$wB" 50 '<=') |"
	echo "| first screen $BIG <= 1.5x $N | $(ratio "$wB" "$wN")x | $(ok "$(ratio "$wB" "$wN")" 1.5 '<=') |"
fi
for size in "$N" "$BIG"; do
	[ "$size" -gt 0 ] || continue
	nav=$(grep -E '^key (down|up|page-down|page-up|last-first|side-panel) ' "$out/keys-$size.txt" |
	    sed 's/.*p99=\([0-9.]*\).*/\1/' | sort -g | tail -n 1)
	opn=$(sed -n 's/^key open .*p99=\([0-9.]*\).*/\1/p' "$out/keys-$size.txt")
	echo "| navigation p99 <= 16 ms ($size, worst key) | $nav | $(ok "$nav" 16 '<=') |"
	echo "| open p99 <= 30 ms ($size) | $opn | $(ok "$opn" 30 '<=') |"
done
cw=$(sed 's/.*p99=\([0-9.]*\).*/\1/;t;d' "$out/keys-conc.txt" | sort -g | tail -n 1)
# a key whose redraw never came within the harness's wait is a miss too
cn=$(sed -n 's/.*none=\([0-9]*\).*/\1/p' "$out/keys-conc.txt" | sort -g | tail -n 1)
if [ "${cn:-0}" -gt 0 ]; then
	echo "| keys p99 <= 50 ms during an import (worst key) | $cw ($cn keys without output) | **no** |"
else
	echo "| keys p99 <= 50 ms during an import (worst key) | $cw | $(ok "$cw" 50 '<=') |"
fi
if [ "$BIG" -gt 0 ]; then
	m=$(awk -v s="$BIG" '$1 == s {printf "%d", $2 / 1024}' "$out/mem.txt")
	echo "| reader peak <= 50 MB, $BIG | $m MB | $(ok "$m" 50 '<=') |"
fi
if [ -n "${nbs:-}" ]; then
	echo "| first screen >= 50x faster than newsboat (medians of $NB_RUNS) | $(ratio "$nbs" "$ls")x | $(ok "$(ratio "$nbs" "$ls")" 50 '>=') |"
fi
log "done"
