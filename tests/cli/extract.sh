#!/bin/sh
# Entities and timeline through the command line on the seed article:
# dates normalised against the article's date, aliases merged, the
# archive-wide timeline of an entity; and reindex repairing a damaged
# full-text index.
. "$top_srcdir/tests/lib.sh"
seed="$(shared_dir)/seed/enab-baladi-isis-neighbours.txt"
[ -f "$seed" ] || skip "the seed article is missing"

lede import --quiet "$seed" || fail "import the seed"
lede timeline --json 1 >"$T/t.json"
has() { json "any(e['text'] == '$1' and e['value'] == '$2' for e in j)" "$T/t.json"; }
expect_eq "January 11 in a March 2025 article is 2025-01-11" "$(has 'January 11' 2025-01-11)" "True"
expect_eq "April 2024 stays a month" "$(has 'April 2024' 2024-04)" "True"
expect_eq "next April is 2025-04" "$(has 'next April' 2025-04)" "True"
expect_eq "11 days is a duration" "$(has '11 days' P11D)" "True"
expect_eq "earlier this year is 2025" "$(has 'earlier this year' 2025)" "True"
expect_eq "timeline is chronological" \
    "$(json "[e['value'] for e in j if e['value'][:1].isdigit()] == sorted(e['value'] for e in j if e['value'][:1].isdigit())" "$T/t.json")" "True"
expect_eq "events keep their sentence" \
    "$(json "all(e['text'] in e['sentence'] for e in j)" "$T/t.json")" "True"
expect_eq "timeline keys" "$(json 'sorted(j[0].keys())' "$T/t.json")" \
    "['article_id', 'end', 'sentence', 'start', 'text', 'type', 'value']"

lede entities --json 1 >"$T/e.json"
ent() { json "[e for e in j if e['name'] == '$1']" "$T/e.json"; }
expect_match "Macron merged into Emmanuel Macron" "$(ent 'Emmanuel Macron')" "'aliases': \['Macron'\]"
expect_match "HTS is an alias" "$(ent 'Hayat Tahrir al-Sham')" "HTS"
expect_match "Damascus is a place" "$(ent 'Damascus')" "'kind': 'place'"
expect_eq "mention spans point at the name" "$(python3 - "$T/e.json" "$seed" <<'PY'
import json, sys
ents = json.load(open(sys.argv[1]))
body = json.load(__import__('subprocess').Popen([__import__('os').environ['LEDE'], '-a',
    __import__('os').environ['A'], 'show', '--json', '1'], stdout=-1).stdout)['body'].encode()
bad = [e['name'] for e in ents for m in e['mentions']
       if body[m['start']:m['end']].decode() not in [e['name']] + e['aliases']]
print(bad)
PY
)" "[]"

lede timeline --json --entity Macron >"$T/m.json"
expect_eq "the archive timeline of Macron has February 13" \
    "$(json "any(e['value'] == '2025-02-13' for e in j)" "$T/m.json")" "True"
expect_status "timeline needs an id or --entity" 2 lede timeline

# Arabic: the date comes from the caption ("2 كانون الأول/ديسمبر 2024" and
# the like), and the timeline is read against it (no names yet)
ar="$top_srcdir/share/demo/text/basra-date-palms-salinity.txt"
lede import --quiet "$ar" || fail "import the Arabic demo article"
arid=$(lede list --json | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin) if any(0x600 <= ord(ch) < 0x700 for ch in a["title"])][0])')
lede show --json "$arid" >"$T/ar.json"
lede timeline --json "$arid" >"$T/art.json"
expect_eq "Arabic: the article has a date" "$(json "j['published'] is not None" "$T/ar.json")" "True"
expect_eq "Arabic: relative dates follow the article's date" "$(python3 - "$T/ar.json" "$T/art.json" <<'PY'
import json, sys, datetime
a = json.load(open(sys.argv[1])); ev = json.load(open(sys.argv[2]))
d = datetime.date.fromisoformat(a['published'][:10])
v = {e['text']: e['value'] for e in ev}
lastweek = (d - datetime.timedelta(days=7)).isocalendar()
want = {
    'آذار/مارس المقبل': '%d-03' % (d.year + (1 if d.month >= 3 else 0)),
    'تشرين الأول/أكتوبر الماضي': '%d-10' % (d.year - (1 if d.month <= 10 else 0)),
    'الأسبوع الماضي': '%d-W%02d' % (lastweek[0], lastweek[1]),
}
print({k: v.get(k) for k in want} == want or ({k: v.get(k) for k in want}, want))
PY
)" "True"

# a damaged full-text index: check says so and reindex repairs it
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM articles_fts_data WHERE id > 10'); c.commit()" "$A"
expect_status "check finds the damage" 1 lede check
expect_match "and names the cure" "$(cat "$T/out" "$T/err")" "lede reindex"
expect_status "reindex" 0 lede reindex
expect_match "check passes again" "$(lede check)" "ok$"
expect_eq "search works again" "$(lede search --json Macron | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "1"
finish
