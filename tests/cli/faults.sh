#!/bin/sh
# The archive under faults: an import killed with SIGKILL at random moments
# leaves a sound archive with whole batches, and running it again
# completes it; SIGTERM stops cleanly; two imports at once both finish; a
# file-size limit (a full disk) rolls back and says so; a read-only archive
# can be read and says why it cannot be written. LEDE_KILL_LOOPS sets the
# number of kills (make stress uses more).
. "$top_srcdir/tests/lib.sh"
N=4000
BATCH=250
LOOPS=${LEDE_KILL_LOOPS:-6}

python3 - "$T/big.jsonl" "$N" <<'PY'
import json, random, sys
rnd = random.Random(7)
words = ("water bridge council river court market minister drought harvest port "
         "railway museum school hospital election budget festival storm").split()
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        body = " ".join(rnd.choice(words) for _ in range(400))
        f.write(json.dumps({"title": "Fault test article %d" % i,
            "url": "https://example.org/faults/%d" % i,
            "published": "2025-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
            "source": "Fault Wire (invented)", "body": body}) + "\n")
PY
count() {
	lede list --json --limit 0 2>/dev/null | python3 -c '
import json, sys
try:
    print(len(json.load(sys.stdin)))
except ValueError:      # no archive yet
    print(0)'
}

# 1. SIGKILL at random moments
i=0
while [ $i -lt "$LOOPS" ]; do
	i=$((i + 1))
	# the binary itself in the background ($! of a function is a subshell)
	"$LEDE" -a "$A" import --quiet --no-extract --batch $BATCH "$T/big.jsonl" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(awk -v s=$i 'BEGIN {srand(s); printf "%02d", 5 + int(rand() * 90)}')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	c=$(count)
	if lede check >/dev/null 2>&1; then ok "kill $i: check passes ($c articles)"
	else fail "kill $i: lede check failed: $(lede check 2>&1 | head -3)"; fi
	if [ $((c % BATCH)) -eq 0 ] || [ "$c" -eq $N ]; then ok "kill $i: whole batches only"
	else fail "kill $i: $c articles is not a whole number of batches"; fi
done
lede import --quiet --no-extract --batch $BATCH "$T/big.jsonl" >/dev/null 2>&1
expect_eq "the import run again completes it, without duplicates" "$(count)" "$N"
expect_match "and the archive checks" "$(lede check)" "ok$"

# 2. SIGTERM: stops, keeps what was committed, says so, exits non-zero
rm -f "$A" "$A-wal" "$A-shm"
"$LEDE" -a "$A" import --no-extract --batch $BATCH "$T/big.jsonl" >"$T/term.out" 2>&1 &
pid=$!
# the signal must come once the import is under way (its handler is set
# before the first batch): a slow start (a sanitizer build on a loaded
# machine) would otherwise meet SIGTERM's default action
k=0
while [ "$(count)" -eq 0 ] && kill -0 $pid 2>/dev/null && [ $k -lt 600 ]; do
	sleep 0.1
	k=$((k + 1))
done
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
if [ $rc -ne 0 ]; then ok "SIGTERM: non-zero exit ($rc)"; else
	# the import may have finished before the signal on a fast machine
	[ "$(count)" -eq $N ] && ok "SIGTERM came after the end" || fail "SIGTERM: exit 0"
fi
[ $rc -ne 0 ] && expect_match "SIGTERM: the summary says interrupted" "$(cat "$T/term.out")" "interrupted"
expect_match "SIGTERM: archive checks" "$(lede check)" "ok$"

# 3. two imports at once into one archive
rm -f "$A" "$A-wal" "$A-shm"
head -n 2000 "$T/big.jsonl" >"$T/a.jsonl"
tail -n 2000 "$T/big.jsonl" >"$T/b.jsonl"
"$LEDE" -a "$A" import --quiet --no-extract "$T/a.jsonl" 2>"$T/a.err" &
p1=$!
"$LEDE" -a "$A" import --quiet --no-extract "$T/b.jsonl" 2>"$T/b.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
for r in "1 $r1 a" "2 $r2 b"; do
	set -- $r
	if [ "$2" -eq 0 ]; then ok "two imports at once: import $1 succeeds"
	else fail "two imports at once: import $1 exit $2: $(cat "$T/$3.err")"; fi
done
expect_eq "two imports at once: all articles there" "$(count)" "$N"

# 3b. an import waiting for its input (a pipe, a slow file) does not hold
# the archive's write lock: a flag is saved meanwhile, at once rather than
# after the 5 s an import's batch may last. The import commits its first
# batch, then waits on a pipe the test holds open.
rm -f "$A" "$A-wal" "$A-shm" "$T/pipe"
head -n 1300 "$T/big.jsonl" >"$T/first.jsonl"
tail -n 200 "$T/big.jsonl" >"$T/last.jsonl"
mkfifo "$T/pipe"
"$LEDE" -a "$A" import --quiet --no-extract "$T/first.jsonl" - <"$T/pipe" \
    >"$T/pipe.out" 2>"$T/pipe.err" &
pid=$!
exec 3>"$T/pipe"
end=$(( $(date +%s) + 120 ))
while [ "$(count)" -lt 1000 ] && kill -0 $pid 2>/dev/null &&
    [ "$(date +%s)" -lt $end ]; do
	sleep 0.05
done
id=$(lede list --json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
word=$(lede show --json "$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"].split()[0])')
if kill -0 $pid 2>/dev/null; then ok "the import waits for its input"
else fail "the import ended before the test fed it: $(cat "$T/pipe.err")"; fi
expect_status "a flag saved while the import waits" 0 \
    lede flag "$id" --quote "$word" --nth 1 --note "saved during an import"
cat "$T/last.jsonl" >&3
exec 3>&-
wait $pid
expect_eq "the import then completes" "$?" "0"
expect_eq "with every article" "$(count)" "1500"
expect_eq "and the flag is there" "$(lede flags --json | python3 -c 'import json,sys; print([f["note"] for f in json.load(sys.stdin)])')" \
    "['saved during an import']"
expect_match "the archive checks" "$(lede check)" "ok$"

# 4. a file-size limit stands for a full disk
rm -f "$A" "$A-wal" "$A-shm"
head -n 300 "$T/big.jsonl" >"$T/small.jsonl"
lede import --quiet --no-extract "$T/small.jsonl" || fail "small import"
before=$(count)
(
	trap '' XFSZ
	ulimit -f 2048
	"$LEDE" -a "$A" import --quiet --no-extract --batch 100000 "$T/big.jsonl"
) >"$T/full.out" 2>"$T/full.err"
rc=$?
expect_eq "full disk: import fails" "$([ $rc -ne 0 ] && echo yes)" "yes"
expect_match "full disk: the message says what happened" "$(cat "$T/full.err")" \
    "disk|space|file size|full"
expect_match "full disk: the archive checks" "$(lede check)" "ok$"
expect_eq "full disk: earlier articles intact" "$(count)" "$before"

# ... and a flag saved on the full disk is refused with the reason, the
# flag saved before it intact.
id=$(lede list --json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
lede flag "$id" --quote water --nth 1 --note "saved before" >/dev/null ||
    fail "flag before the full disk"
lede flags --json >"$T/flags.before"
note=$(python3 -c 'print("a note too large for the disk " * 4000)')
(
	trap '' XFSZ
	ulimit -f 128
	"$LEDE" -a "$A" flag "$id" --quote water --nth 2 --note "$note"
) >"$T/fullflag.out" 2>"$T/fullflag.err"
rc=$?
expect_eq "full disk: the flag is refused" "$rc" "1"
expect_match "full disk: and the message says why" "$(cat "$T/fullflag.err")" \
    "disk|space|file size|full"
lede flags --json >"$T/flags.after"
if cmp -s "$T/flags.before" "$T/flags.after"; then ok "full disk: the flags are as before"
else fail "full disk: the flags changed: $(diff "$T/flags.before" "$T/flags.after" | head -5)"; fi
expect_match "full disk: the archive checks after the flag" "$(lede check)" "ok$"

# 5. a read-only archive: reading works, writing says why not. Its folder
# cannot be written either (read-only media, someone else's folder):
# first with no -wal and -shm beside it (as a clean close leaves it; SQLite
# cannot create them there), then with them there (another program has it
# open, or left them).
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("PRAGMA wal_checkpoint(TRUNCATE)"); d.close()' "$A"
can_drop=1
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	else
		can_drop=0
		echo "note: no setpriv; root ignores file permissions, read-only case skipped"
	fi
else
	as_user() { "$@"; }
fi
readonly_case() {
	what=$1 R="$T/ro-$1"
	mkdir "$R"
	cp "$A" "$R/archive.db"
	[ "$what" = "with-wal" ] && : >"$R/archive.db-wal" && cp "$A-shm" "$R/" 2>/dev/null
	chmod 444 "$R"/archive.db*
	[ "$(id -u)" -eq 0 ] && chown -R 65534:65534 "$R"
	chmod 555 "$R"
	chmod 711 "$T"
	out=$(as_user "$LEDE" -a "$R/archive.db" list --limit 1 2>&1)
	expect_match "read-only, $what: list works" "$out" "Fault test article"
	out=$(as_user "$LEDE" -a "$R/archive.db" show "$id" 2>&1)
	expect_match "read-only, $what: show works" "$out" "Fault test article"
	out=$(as_user "$LEDE" -a "$R/archive.db" search water 2>&1)
	expect_match "read-only, $what: search works" "$out" "Fault test article"
	out=$(as_user "$LEDE" -a "$R/archive.db" check 2>&1)
	expect_match "read-only, $what: check works" "$out" "ok$"
	as_user "$LEDE" -a "$R/archive.db" import --quiet --no-extract "$T/b.jsonl" >"$T/ro.out" 2>&1
	expect_eq "read-only, $what: import fails" "$?" "1"
	expect_match "read-only, $what: and says why" "$(cat "$T/ro.out")" "read-only|permission|not writable|cannot write"
	as_user "$LEDE" -a "$R/archive.db" flag "$id" --quote water --nth 3 >"$T/ro.out" 2>&1
	expect_eq "read-only, $what: flag fails" "$?" "1"
	expect_match "read-only, $what: and says why" "$(cat "$T/ro.out")" "read-only|permission|not writable|cannot write"
	chmod 700 "$T"
}
if [ $can_drop = 1 ]; then
	readonly_case clean
	expect_eq "read-only, clean: nothing written beside it" "$(ls "$T/ro-clean")" "archive.db"
	[ -f "$A-shm" ] || lede list --limit 1 >/dev/null
	readonly_case with-wal
fi
finish
