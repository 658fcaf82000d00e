#!/bin/sh
# `lede check` while an import commits batch after batch: every check says
# ok. The entity index check compares several reads (mentions, the
# index's postings, the entities), which must come from one snapshot, or
# a batch committed between them looks like damage. Also: the import's
# extraction threads run below its writer.
. "$top_srcdir/tests/lib.sh"
N=8000

python3 - "$T/names.jsonl" "$N" <<'PY'
import json, random, sys
rnd = random.Random(11)
people = ["Amal Haddad", "Omar Farouk", "Clara Petrov", "Jonas Mwangi",
          "Leila Rahimi", "Pierre Dupont", "Ama Osei", "Ivan Kowalski"]
places = ["Tripoli", "Nairobi", "Lyon", "Gdansk", "Accra", "Tabriz"]
orgs = ["the Harbour Authority", "the Water Council", "the Rail Union"]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        s = []
        for _ in range(6):
            s.append("%s met officials of %s in %s on March %d." % (
                rnd.choice(people), rnd.choice(orgs), rnd.choice(places),
                rnd.randint(1, 28)))
        f.write(json.dumps({"title": "Check test article %d" % i,
            "url": "https://example.org/check/%d" % i,
            "published": "2025-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
            "source": "Check Wire (invented)", "body": " ".join(s)}) + "\n")
PY

# the archive exists before the first check
head -n 1 "$T/names.jsonl" >"$T/first.jsonl"
expect_status "the first article is imported" 0 lede import --quiet "$T/first.jsonl"
# the binary itself in the background ($! of a function is a subshell)
"$LEDE" -a "$A" import --quiet --batch 100 "$T/names.jsonl" >"$T/imp.out" 2>&1 &
pid=$!
# Linux: the extraction threads run at the lowest priority, nice 19, the
# parser and the checkpoints at 10, the writer (the main thread) at the
# import's own (field 19 of /proc/PID/stat is the nice value)
niced=none
base=
[ -r /proc/$pid/stat ] && base=$(sed 's/.*) //' /proc/$pid/stat | cut -d' ' -f17)
writer=$base
nice_of_threads() {
	for f in /proc/$pid/task/*/stat; do
		n=$(sed 's/.*) //' "$f" 2>/dev/null | cut -d' ' -f17)
		[ -n "$n" ] && [ "$n" -gt "$base" ] &&
		    { [ "$niced" = none ] || [ "$n" -gt "$niced" ]; } && niced=$n
	done
	n=$(sed 's/.*) //' /proc/$pid/stat 2>/dev/null | cut -d' ' -f17)
	[ -n "$n" ] && [ "$n" != "$base" ] && writer=$n
}
# the extraction threads start once the model is loaded and end when
# the last article is extracted, which can be well before the writer's
# end: look for them first, as often as /proc can be read
# (an import run at nice 19 already has nothing to lower)
[ "$base" = 19 ] && base=
while [ -n "$base" ] && [ "$niced" != 19 ] && kill -0 $pid 2>/dev/null; do
	nice_of_threads
done
checks=0 bad=0
while kill -0 $pid 2>/dev/null; do
	if ! lede check >"$T/check.out" 2>&1; then
		bad=$((bad + 1))
		[ $bad = 1 ] && cp "$T/check.out" "$T/first-bad.out"
	fi
	checks=$((checks + 1))
done
wait $pid
expect_eq "the import completes" "$?" "0"
[ -z "$base" ] || expect_eq "extraction threads run at nice 19, below the import" \
    "$niced" "19"
[ -z "$base" ] || expect_eq "the writer keeps the import's own priority" \
    "$writer" "$base"
expect_eq "no check during the import reports a problem ($checks ran)" "$bad" "0"
[ $bad = 0 ] || cat "$T/first-bad.out" >&2
expect_status "check after the import" 0 lede check
people=$(lede entities --limit 0 | grep -c "^person")
expect_eq "the eight people are known" "$people" "8"
# the import was too quick for the machine: the snapshot was not tested
[ $checks -ge 1 ] || [ $failures -gt 0 ] ||
    skip "the import ended before any check ran"
finish
