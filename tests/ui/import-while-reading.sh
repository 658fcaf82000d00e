#!/bin/sh
# The reader open while another process imports into the same archive:
# lede runs in tmux on an archive while `lede import` adds 10,000 articles
# to it. Articles are opened (and so marked read, a write) and a search is
# run (1) while the import is stopped with SIGSTOP at a moment it holds the
# archive's write lock (as Ctrl-Z can leave it), which makes the two meet
# whatever the machine's speed, and (2) while it runs again, until it
# ends. Each opened article's title and body are on the
# screen, and no lock, busy or error message ever is; the import completes
# with every article, lede check passes, and the read marks made during
# the import are kept. Nothing here measures time.
. "${top_srcdir:-.}/tests/ui/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is needed"; exit 77; }
ui_archive
N=10000
python3 - "$UI_TMP/big.jsonl" $N <<'PY'
import json, random, sys
rnd = random.Random(11)
names = ["Amira Haddad", "Daniel Okafor", "the Harbour Authority", "Basra",
         "Tunis", "the Ministry of Water"]
words = ("water bridge council river court market minister drought harvest "
         "port railway museum school hospital election budget").split()
days = ["on Monday", "on March 3", "last week", "in 2022"]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        body = " ".join("%s said %s that the %s %s would %s." % (
            rnd.choice(names), rnd.choice(days), rnd.choice(words),
            rnd.choice(words), rnd.choice(words)) for _ in range(14))
        f.write(json.dumps({"title": "Wire report %04d" % i,
            "url": "https://example.org/wire/%d" % i,
            "published": "2023-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
            "source": "Concurrent Wire (invented)", "body": body}) + "\n")
PY
# The first rows of the list (the newest articles, all from before the
# import: the imported ones are older). Each is recognised in the reader
# by its URL line, which only the reader shows.
"$LEDE" -a "$UI_TMP/a.db" list --json --limit 12 >"$UI_TMP/first.json" ||
    ui_fail "lede list"
url() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[int(sys.argv[2])]["url"])' \
	    "$UI_TMP/first.json" "$1"
}
count() {
	"$LEDE" -a "$UI_TMP/a.db" list --json --limit 0 2>/dev/null |
	    python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null
}
before=$(count)

ui_start 120 30
ui_wait "1 of $before"

# No message about locks, busy archives or errors on the screen.
no_trouble() {
	if ui_screen | grep -Eiq 'lock|busy|error|cannot|failed|damaged'; then
		ui_fail "$1: a problem is on the screen:"
		ui_screen >&2
	fi
}

# open ROW: select row ROW (0-based) from the top and open it; the reader
# shows its URL. Keys are handled in order, so waiting for that URL is
# enough to know the earlier keys were handled too.
opened=0
: >"$UI_TMP/opened.txt"
open_row() {
	u=$(url "$1")
	ui_keys g
	i=0
	while [ $i -lt "$1" ]; do ui_keys j; i=$((i + 1)); done
	ui_keys Enter
	ui_wait "URL:    $u" || return 1
	no_trouble "opening row $1 ($u)"
	echo "$u" >>"$UI_TMP/opened.txt"
	ui_keys q
	opened=$((opened + 1))
}

"$LEDE" -a "$UI_TMP/a.db" import --batch 250 "$UI_TMP/big.jsonl" \
    >"$UI_TMP/import.out" 2>"$UI_TMP/import.err" &
ipid=$!

# 1. Stop the import at a moment it holds the write lock (stopping it and
# letting it go on again until it does).
# (One Python process stops, probes and resumes it, a few milliseconds a
# try. The probe asks for the lock without waiting, and only once the
# import has really stopped, so it never takes the lock from under it.)
stopped=0
python3 - "$UI_TMP/a.db" $ipid <<'PY' && stopped=1
import os, signal, sqlite3, sys, time

def state(pid):
    with open("/proc/%d/stat" % pid) as f:
        return f.read().rsplit(")", 1)[1].split()[0]

path, pid = sys.argv[1], int(sys.argv[2])
for tries in range(1, 3001):
    try:
        os.kill(pid, signal.SIGSTOP)
        for _ in range(1000):
            if state(pid) in "TtZX":
                break
            time.sleep(0.001)
    except (ProcessLookupError, FileNotFoundError) as e:
        print("# the import is gone: %r" % e)
        break
    db = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        held = False
    except sqlite3.OperationalError as e:
        if "locked" not in str(e):
            print("# probing the archive: %s" % e)
            sys.exit(1)
        held = True
    db.close()
    if held:
        print("# stopped the import holding the write lock after %d tries"
              % tries)
        sys.exit(0)
    os.kill(pid, signal.SIGCONT)
    time.sleep(0.01)
print("# gave up after %d tries" % tries)
sys.exit(1)
PY
[ $stopped = 1 ] ||
    ui_fail "could not stop the import while it held the write lock"
if [ $stopped = 1 ]; then
	for row in 0 3 5; do open_row $row; done
	ui_keys /
	ui_wait "Search:"
	ui_keys -l "cranes"
	ui_wait "1 of 1"
	ui_keys Enter
	ui_wait "match 1/"
	no_trouble "searching while the import is stopped"
	ui_keys q
	ui_wait "search: cranes"
	ui_keys q
	ui_wait -n "search: cranes"
	kill -0 $ipid 2>/dev/null ||
	    ui_fail "the import was not there while the articles were opened"
	kill -CONT $ipid
fi

# 2. While it runs again, until it ends.
row=1
while kill -0 $ipid 2>/dev/null && [ $row -lt 12 ]; do
	open_row $row
	row=$((row + 1))
done
echo "# opened $opened articles during the import"

wait $ipid
rc=$?
[ $rc -eq 0 ] || ui_fail "import exit $rc: $(cat "$UI_TMP/import.err")"
after=$(count)
[ "$after" -eq $((before + N)) ] ||
    ui_fail "after the import: $after articles, want $((before + N))"
"$LEDE" -a "$UI_TMP/a.db" check >"$UI_TMP/check.out" 2>&1 ||
    ui_fail "lede check: $(cat "$UI_TMP/check.out")"
no_trouble "after the import"
# Nothing went to the message log either (F2 shows it).
ui_keys F2
ui_wait "Messages"
no_trouble "the message log"
ui_keys q
ui_wait -n "Messages"
ui_keys q
ui_wait "[exit 0]"
# The read marks made while the import held the archive were stored.
unread=$(python3 - "$UI_TMP/a.db" "$UI_TMP/opened.txt" <<'PY'
import sqlite3, sys
urls = set(open(sys.argv[2]).read().split())
db = sqlite3.connect(sys.argv[1])
print(" ".join(u for u in sorted(urls) if db.execute(
    "SELECT read FROM articles WHERE url = ?", (u,)).fetchone() != (1,)))
PY
)
[ -z "$unread" ] || ui_fail "opened but not marked read: $unread"
ui_done
