#!/bin/sh
# First screen of newsboat and of lede on the same articles, in alternation,
# with the harness's own floor measured in the same rounds. Section 7 of
# bench/run.sh; also runs alone (all paths absolute):
#
#   LEDE=... PTYTIME=... ARCHIVE=lede.db NB=newsboat-dir [LEDE_OLD=...] \
#       [RUNS=7] [OUT=dir] sh bench/firstscreen.sh
#
# NB is a directory holding newsboat's cache.db, config and urls (built by
# bench/newsboat-cache.py; NB.largest names the largest feed). Each round
# runs newsboat (first screen, then Enter on the largest feed), lede, the
# optional second lede binary LEDE_OLD (to compare two builds side by side)
# and the floor: /bin/echo on the same pseudo-terminal, i.e. fork, exec and
# one write as the harness sees them. The order rotates from round to round
# so that no program always runs right after newsboat's 2-3 s of work.
# Prints a Markdown table on stdout and writes "NEWSBOAT_MS LEDE_MS" (the
# medians) to OUT/nb-summary for the targets table.
set -u
: "${LEDE:?}" "${PTYTIME:?}" "${ARCHIVE:?}" "${NB:?}"
RUNS="${RUNS:-7}"
OUT="${OUT:-$(mktemp -d)}"
LEDE_OLD="${LEDE_OLD:-}"
export LC_ALL=C.UTF-8

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
# stats FILE: "n median min max" of the numbers in FILE, one a line
stats() {
	sort -g "$1" | awk '{a[NR]=$1} END {
		if (NR) printf "%d %.1f %.1f %.1f", NR, a[int((NR+1)/2)], a[1], a[NR]
		else printf "0 n/a n/a n/a" }'
}
row() { set -- "$1" $(stats "$2"); echo "| $1 | $2 | **$3** | $4 | $5 |"; }
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.1f", $1/$2; else print "n/a" }'; }

run_newsboat() {
	rm -f "$NB/cache.db.lock"
	HOME="$NB" "$PTYTIME" -q 500 -t 600000 -T 600000 -Q 300 -s "Your feeds" \
	    -k open:1:'\r':q:'Articles in feed' -- \
	    newsboat -C "$NB/config" -u "$NB/urls" -c "$NB/cache.db" >"$OUT/nb.txt"
	sed -n 's/^startup_ms //p' "$OUT/nb.txt" >>"$OUT/nb-start.txt"
	sed -n 's/^key open .* p50=\([0-9.]*\) .*/\1/p' "$OUT/nb.txt" >>"$OUT/nb-open.txt"
}
run_lede() {	# BINARY FILE
	"$PTYTIME" -- "$1" -a "$ARCHIVE" | sed -n 's/^startup_ms //p' >>"$2"
}
run_floor() {
	"$PTYTIME" -- /bin/echo ready | sed -n 's/^startup_ms //p' >>"$OUT/nb-floor.txt"
}
step() {
	case $1 in
	n) run_newsboat ;;
	l) run_lede "$LEDE" "$OUT/nb-lede.txt" ;;
	o) [ -n "$LEDE_OLD" ] && run_lede "$LEDE_OLD" "$OUT/nb-lede-old.txt" ;;
	f) run_floor ;;
	esac
}

for f in nb-start nb-open nb-lede nb-lede-old nb-floor; do : >"$OUT/$f.txt"; done
load0=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ "$i" -lt "$RUNS" ]; do
	log "first screens, round $((i + 1)) of $RUNS"
	case $((i % 4)) in
	0) order="n l o f" ;;
	1) order="l o f n" ;;
	2) order="o f n l" ;;
	3) order="f n l o" ;;
	esac
	for s in $order; do step "$s"; done
	i=$((i + 1))
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

largest=$(cut -f1 "$NB.largest" 2>/dev/null)
nlargest=$(cut -f2 "$NB.largest" 2>/dev/null)
echo "$(newsboat -v 2>/dev/null | head -n 1) (Debian package), its own cache.db (schema 2.33)"
echo "holding the same articles, one feed per source, HTML paragraphs; no network"
echo "and no reload. First screen: the feed list (marker \"Your feeds\")."
echo "Open: Enter on the largest feed (\"$largest\", $nlargest articles), timed to"
echo "the burst that shows its article list (marker \"Articles in feed\"), \`q\`"
echo "back, untimed. $RUNS rounds; each runs newsboat, lede$( [ -n "$LEDE_OLD" ] && echo ", the other lede build")"
echo "and the floor (\`/bin/echo ready\` on the same pseudo-terminal: fork, exec,"
echo "one write), in an order that rotates every round. Load average"
echo "$load0 before, $load1 after."
echo
echo "| program | n | median ms | min ms | max ms |"
echo "|---|---|---|---|---|"
row "newsboat, first screen" "$OUT/nb-start.txt"
row "newsboat, open the largest feed" "$OUT/nb-open.txt"
row "lede, first screen" "$OUT/nb-lede.txt"
[ -n "$LEDE_OLD" ] && row "lede ($LEDE_OLD), first screen" "$OUT/nb-lede-old.txt"
row "floor: /bin/echo" "$OUT/nb-floor.txt"
echo
set -- $(stats "$OUT/nb-start.txt")
nbs=$2 nbmin=$3
set -- $(stats "$OUT/nb-lede.txt")
ls=$2 lmin=$3
set -- $(stats "$OUT/nb-floor.txt")
fl=$2
echo "newsboat / lede: **$(ratio "$nbs" "$ls")x** (medians; $(ratio "$nbmin" "$lmin")x from the minima)."
if [ -n "$LEDE_OLD" ]; then
	set -- $(stats "$OUT/nb-lede-old.txt")
	echo "newsboat / the other lede build: $(ratio "$nbs" "$2")x (medians)."
fi
echo "lede above the floor: $(echo "$ls $fl" | awk '{printf "%.1f", $1 - $2}') ms (medians)."
echo "$nbs $ls" >"$OUT/nb-summary"
