#!/bin/sh
# Correction flags from the command line: flag a quote (unique, ambiguous,
# --nth, absent), list with --json and filters, edit and delete, re-anchor
# after a re-import changed the article, and export each format parsed back
# with Python (json, csv, email/mailbox), including a title that tries to
# inject a Bcc: header and a send command that must not run a shell.
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/cli"

"$LEDE" flag --help >/dev/null 2>&1 ||
    skip "lede has no 'flag' command yet (add cli_cmd_flag, cli_cmd_flags, cli_cmd_export_flags to src/cli/cli.c)"
command -v python3 >/dev/null || skip "python3 is needed to parse the exports"

py() { python3 -c "$@"; }

# Fixtures: two text articles, and one with a hostile title (JSONL, so the
# title can hold CR/LF and ESC).
cp "$D/protest.txt" "$D/bridge.txt" "$T/"
printf '%s\n' '{"title": "Hostile\r\nBcc: victim@example.org\r\nX-Evil: 1 \u001b[31m$(touch PWNED)", "url": "https://example.org/lede-test/hostile-title", "published": "2025-01-02", "source": "Lede Test Wire (invented)", "body": "The minister said the figure was 40 per cent, not 14."}' >"$T/hostile.jsonl"
lede import --quiet "$T/protest.txt" "$T/bridge.txt" "$T/hostile.jsonl" 2>"$T/err" ||
    fail "import: $(cat "$T/err")"
lede list --json >"$T/l.json"
farm=$(json '[r["id"] for r in j if r["title"].startswith("Farmers")][0]' "$T/l.json")
bridge=$(json '[r["id"] for r in j if r["title"].startswith("Mosul")][0]' "$T/l.json")
host=$(json '[r["id"] for r in j if r["title"].startswith("Hostile")][0]' "$T/l.json")

# lede flag
f1=$(lede flag "$farm" --quote "since January 11" --note "It was January 12.")
expect_match "flag prints the new id" "$f1" "^[0-9]+$"
expect_status "an ambiguous quote is refused" 1 lede flag "$farm" --quote "Basra"
expect_match "... and the error says how to choose" "$(cat "$T/err")" "2 times.*--nth"
f2=$(lede flag "$farm" --quote "Basra" --nth 2 --note '=HYPERLINK("http://evil","x")')
expect_match "--nth picks one" "$f2" "^[0-9]+$"
expect_status "a quote not in the article" 1 lede flag "$farm" --quote "Mosul"
expect_status "no article" 1 lede flag 9999 --quote "x"
expect_status "no --quote is a usage error" 2 lede flag "$farm"
expect_status "bad --nth" 2 lede flag "$farm" --quote Basra --nth zero
expect_status "bad status" 2 lede flag --edit "$f1" --status lost
f3=$(lede flag "$bridge" --quote "eleven months" --note "$(printf 'line one\nline two \033[2J and a tab\there')")
f4=$(lede flag "$host" --quote "40 per cent" --note "It was 14 per cent.")

# lede flags
lede flags --json >"$T/f.json"
expect_eq "flags --json: four" "$(json 'len(j)' "$T/f.json")" "4"
expect_eq "flags keys" "$(json 'sorted(j[0].keys())' "$T/f.json")" \
    "['article_id', 'created', 'end', 'exact', 'found', 'id', 'note', 'prefix', 'start', 'status', 'suffix']"
expect_eq "exact" "$(json "[f['exact'] for f in j if f['id'] == $f1][0]" "$T/f.json")" "since January 11"
expect_eq "offsets are bytes into the body" "$(lede show --json "$farm" >"$T/s.json";
    py "import json; b=json.load(open('$T/s.json'))['body'].encode(); f=[f for f in json.load(open('$T/f.json')) if f['id']==$f1][0]; print(b[f['start']:f['end']].decode())")" "since January 11"
expect_eq "all open" "$(json 'sorted(set(f["status"] for f in j))' "$T/f.json")" "['open']"
lede flags >"$T/plain.txt"
expect_match "plain listing" "$(cat "$T/plain.txt")" "open +$farm .*\"since January 11\" — It was January 12\."
if LC_ALL=C grep -q "$(printf '\033')" "$T/plain.txt"; then fail "ESC reached stdout"; else ok "plain listing: no ESC"; fi

lede flag --edit "$f1" --status sent || fail "edit status"
lede flag --edit "$f2" --note "Spelling" || fail "edit note"
expect_eq "--status sent" "$(lede flags --json --status sent | py 'import json,sys; print([f["id"] for f in json.load(sys.stdin)])')" "[$f1]"
expect_eq "--source" "$(lede flags --json --source 'lede test wire (invented)' | py 'import json,sys; print(len(json.load(sys.stdin)))')" "4"
expect_eq "--article" "$(lede flags --json --article "$bridge" | py 'import json,sys; print(len(json.load(sys.stdin)))')" "1"
expect_status "edit a missing flag" 1 lede flag --edit 9999 --status resolved

# export-flags --format json: W3C Web Annotations
lede export-flags --format json -o "$T/a.json" 2>"$T/err" || fail "export json: $(cat "$T/err")"
expect_match "export reports what it wrote" "$(cat "$T/err")" "^4 flags written to"
py "
import json
a = json.load(open('$T/a.json'))
assert len(a) == 4, a
for x in a:
    assert x['@context'][0] == 'http://www.w3.org/ns/anno.jsonld'
    assert x['type'] == 'Annotation' and x['motivation'] == 'editing'
    sel = {s['type']: s for s in x['target']['selector']}
    assert 'TextQuoteSelector' in sel and 'TextPositionSelector' in sel
    assert x['target']['source'].startswith('https://example.org/lede-test/')
f1 = [x for x in a if x['id'] == 'urn:lede:flag:$f1'][0]
assert f1['body']['type'] == 'TextualBody' and f1['body']['value'] == 'It was January 12.'
assert f1['target']['selector'][0]['exact'] == 'since January 11'
assert f1['lede:status'] == 'sent'
f3 = [x for x in a if x['id'] == 'urn:lede:flag:$f3'][0]
assert f3['body']['value'] == 'line one\nline two \x1b[2J and a tab\there', repr(f3['body']['value'])
" 2>"$T/err" && ok "json parses back as annotations" || fail "json: $(cat "$T/err")"
if LC_ALL=C grep -q "$(printf '\033')" "$T/a.json"; then fail "json: raw ESC"; else ok "json: ESC escaped"; fi
expect_status "an existing file is not replaced" 1 lede export-flags --format json -o "$T/a.json"
expect_match "... and the error names --force" "$(cat "$T/err")" "exists.*--force"
expect_status "--force replaces it" 0 lede export-flags --format json -o "$T/a.json" --force
ln -s "$T/target" "$T/link.json"
echo keep >"$T/target"
expect_status "a symlink is not followed without --force" 1 lede export-flags --format json -o "$T/link.json"
lede export-flags --format json -o "$T/link.json" --force 2>/dev/null
expect_eq "--force replaces the link, not its target" "$(cat "$T/target")" "keep"
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
lede export-flags --format json -o "$T/fifo" 2>/dev/null || fail "export to a FIFO"
wait
expect_eq "a FIFO is written to, not replaced" "$([ -p "$T/fifo" ] && json 'len(j)' "$T/from-fifo")" "4"
expect_eq "no temporary files left" "$(ls -a "$T" | grep -c '^\.a\.json\.\|^\.link\.json\.')" "0"

# export-flags --format csv
lede export-flags --format csv -o "$T/f.csv" 2>/dev/null || fail "export csv"
py "
import csv
data = open('$T/f.csv', 'rb').read()
assert data.endswith(b'\r\n')
rows = list(csv.DictReader(open('$T/f.csv', newline='', encoding='utf-8')))
assert len(rows) == 4, rows
byid = {r['id']: r for r in rows}
assert byid['$f2']['note'] == 'Spelling'
assert byid['$f1']['exact'] == 'since January 11' and byid['$f1']['status'] == 'sent'
assert byid['$f3']['note'] == 'line one\nline two \x1b[2J and a tab\there'
for r in rows:
    for k, v in r.items():
        assert not v or v[0] not in '=+-@\t\r', (k, v)
" 2>"$T/err" && ok "csv parses back, no formula cells" || fail "csv: $(cat "$T/err")"
lede flag --edit "$f2" --note '=HYPERLINK("http://evil","x")' || fail "edit note back"
lede export-flags --format csv >"$T/g.csv" || fail "csv to stdout"
expect_eq "formula note defused with an apostrophe" \
    "$(py "import csv; print([r['note'] for r in csv.DictReader(open('$T/g.csv', newline='')) if r['id'] == '$f2'][0])")" \
    "'=HYPERLINK(\"http://evil\",\"x\")"

# export-flags --format email: mbox (open flags by default), .eml files
lede export-flags --format email --status any -o "$T/flags.mbox" 2>"$T/err" || fail "export mbox: $(cat "$T/err")"
expect_match "email reports messages" "$(cat "$T/err")" "^4 flags in 3 messages written to"
check_mail='
import email, email.policy, sys
def check(m, where):
    for h in ("From", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
        assert len(m.get_all(h, [])) == 1, (where, h, m.get_all(h))
    assert m.get_all("Bcc") is None and m.get_all("X-Evil") is None, where
    assert m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8"
    assert "\r" not in str(m["Subject"]) and "\n" not in str(m["Subject"])
    return m.get_content()
'
py "$check_mail
import mailbox
msgs = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default) for m in mailbox.mbox('$T/flags.mbox')]
assert len(msgs) == 3, len(msgs)
subj = {str(m['Subject']): check(m, 'mbox') for m in msgs}
hostile = [s for s in subj if s.startswith('Correction request: Hostile')]
assert len(hostile) == 1 and 'Bcc: victim@example.org' in hostile[0], subj.keys()
body = subj['Correction request: Farmers protest water cuts in Basra']
assert '> since January 11' in body and 'It was January 12.' in body, body
assert 'https://example.org/lede-test/basra-water' in body and '2025-02-14' in body
" 2>"$T/err" && ok "mbox parses: one message per article, no injected header" || fail "mbox: $(cat "$T/err")"
lede export-flags --format email --dir "$T/mail" --to "desk@example.org" 2>/dev/null || fail "export eml"
expect_eq "open flags only by default: 3 articles" "$(ls "$T/mail" | grep -c "\.eml$")" "3"
py "$check_mail
import glob
for p in glob.glob('$T/mail/*.eml'):
    data = open(p, 'rb').read()
    assert b'\n' not in data.replace(b'\r\n', b''), p
    assert max(len(l) for l in data.split(b'\r\n')) <= 998
    m = email.message_from_bytes(data, policy=email.policy.default)
    check(m, p)
    assert m['To'] == 'desk@example.org'
" 2>"$T/err" && ok ".eml files parse, CRLF, short lines" || fail "eml: $(cat "$T/err")"

# --send: the command from LEDE_SEND_COMMAND, argv only; flags become sent
expect_status "--send without a command" 1 lede export-flags --format email --send
(cd "$T" && LEDE_SEND_COMMAND="tee -a $T/sent.txt" "$LEDE" -a "$A" export-flags --format email --send --to desk@example.org >/dev/null 2>"$T/err") ||
    fail "send: $(cat "$T/err")"
expect_match "send reports" "$(cat "$T/err")" "3 of 3 messages sent; 3 flags marked sent"
expect_eq "the messages reached the command" "$(grep -c "^Subject: " "$T/sent.txt")" "3"
expect_eq "no shell ran the title" "$(ls "$T" | grep -c PWNED)" "0"
expect_eq "all flags sent now" "$(lede flags --json --status open | py 'import json,sys; print(len(json.load(sys.stdin)))')" "0"
lede flag --edit "$f4" --status open
expect_status "no corrections address: not sent, exit 1" 1 env LEDE_SEND_COMMAND="cat" "$LEDE" -a "$A" export-flags --format email --send
expect_match "... says why" "$(cat "$T/err")" "no corrections address"

# lede.conf: [sources] gives the corrections address by the source's key,
# [export] the send command and From; a bad line is reported, the rest
# still applies
cat >"$T/lede.conf" <<EOF
[sources]
lede-test-wire-invented = "desk@wire.example.org"
wire = "not an address"
[export]
send-command = "tee -a $T/sent2.txt"
from = "checker@example.org"
EOF
(cd "$T" && "$LEDE" -a "$A" -c "$T/lede.conf" export-flags --format email --send >/dev/null 2>"$T/err") ||
    fail "send through lede.conf: $(cat "$T/err")"
expect_match "the bad [sources] line is named" "$(cat "$T/err")" "lede.conf:3: .*not an e-mail address"
expect_match "To: from [sources]" "$(cat "$T/sent2.txt")" "To: desk@wire.example.org"
expect_match "From: from [export]" "$(cat "$T/sent2.txt")" "From: checker@example.org"

# Re-import a changed article: the moved passage is re-anchored, the
# corrected one is kept and marked not found.
py "
t = open('$T/protest.txt').read()
t = t.replace('since January 11', 'since January 12')
t = t.replace('Hundreds of farmers', 'On Friday, hundreds of farmers')
open('$T/protest.txt', 'w').write(t)
"
lede import --quiet "$T/protest.txt" 2>/dev/null
lede flags --json >"$T/f2.json"
expect_eq "the changed passage is kept, not found" "$(json "[f['found'] for f in j if f['id'] == $f1][0]" "$T/f2.json")" "False"
expect_eq "the other flag is re-anchored" "$(json "[f['found'] for f in j if f['id'] == $f2][0]" "$T/f2.json")" "True"
lede show --json "$farm" >"$T/s.json"
expect_eq "at its new offset" "$(py "import json; b=json.load(open('$T/s.json'))['body'].encode(); f=[f for f in json.load(open('$T/f2.json')) if f['id']==$f2][0]; print(b[f['start']:f['end']].decode())")" "Basra"
expect_eq "--not-found" "$(lede flags --json --not-found | py 'import json,sys; print([f["id"] for f in json.load(sys.stdin)])')" "[$f1]"
expect_match "plain listing marks it" "$(lede flags)" "\[not found\] \"since January 11\""

# C1 controls and bidi overrides are escaped in JSON, not just C0
f5=$(lede flag "$bridge" --quote "Tigris" --note "$(printf 'c1 \302\205 rlo \342\200\256 end')")
lede flags --json >"$T/f3.json"
if LC_ALL=C grep -q "$(printf '\302\205')" "$T/f3.json" || grep -q "$(printf '\342\200\256')" "$T/f3.json"; then
	fail "flags --json: raw C1 or RLO"
else ok "flags --json: C1 and RLO escaped"; fi
expect_eq "... and parse back" "$(json "[f['note'] for f in j if f['id'] == $f5][0] == 'c1 \x85 rlo \u202e end'" "$T/f3.json")" "True"
lede flag --delete "$f5" || fail "delete f5"

# An Arabic title and a very long one, in a second archive: the Subject
# comes back whole through Python's parser (RFC 2047 encoded-words).
B="$T/ar.db"
py "
import json
long = ' '.join(['word'] * 400) + ' ' + 'x' * 1500
with open('$T/ar.jsonl', 'w') as f:
    f.write(json.dumps({'title': 'تنظيم الدولة يهاجم \u202e جيرانه', 'url': 'https://example.org/lede-test/ar', 'published': '2025-02-20', 'source': 'عنب بلدي', 'body': 'قال الباحث عمار فرهود إن الخطوة مهمة.'}) + '\\n')
    f.write(json.dumps({'title': long, 'url': 'https://example.org/lede-test/long', 'published': '2025-02-21', 'source': 'Wire', 'body': 'A long title.'}) + '\\n')
"
"$LEDE" -a "$B" import --quiet "$T/ar.jsonl" 2>/dev/null || fail "import ar.jsonl"
"$LEDE" -a "$B" list --json >"$T/al.json"
for id in $(json '" ".join(str(r["id"]) for r in j)' "$T/al.json"); do
	"$LEDE" -a "$B" flag "$id" --quote "$(json "[r for r in j if r['id'] == $id][0]['url'].endswith('/ar') and 'عمار فرهود' or 'long title'" "$T/al.json")" --note "ملاحظة" >/dev/null ||
	    fail "flag $id in ar.db"
done
"$LEDE" -a "$B" export-flags --format email --dir "$T/armail" --to desk@example.org 2>/dev/null || fail "export ar.db"
py "$check_mail
import glob
subjects = set()
for p in glob.glob('$T/armail/*.eml'):
    data = open(p, 'rb').read()
    assert max(len(l) for l in data.split(b'\\r\\n')) <= 998, p
    m = email.message_from_bytes(data, policy=email.policy.default)
    body = check(m, p)
    assert 'ملاحظة' in body, body
    subjects.add(str(m['Subject']))
long = ' '.join(['word'] * 400) + ' ' + 'x' * 1500
assert subjects == {'Correction request: تنظيم الدولة يهاجم جيرانه', 'Correction request: ' + long}, subjects
" 2>"$T/err" && ok "Arabic and long subjects decode back" || fail "subjects: $(cat "$T/err")"

# delete
lede flag --delete "$f3" || fail "delete"
expect_eq "deleted" "$(lede flags --json | py 'import json,sys; print(len(json.load(sys.stdin)))')" "3"
expect_status "delete again" 1 lede flag --delete "$f3"
expect_status "flag on a missing archive" 1 "$LEDE" -a "$T/none.db" flag 1 --quote x
expect_eq "... creates none" "$(ls "$T" | grep -c none.db)" "0"
lede export-flags --format json -o - >"$T/stdout.json" || fail "-o -"
expect_eq "-o - is stdout" "$(json 'len(j)' "$T/stdout.json")" "3"
for c in flag flags export-flags; do
	expect_status "$c --help" 0 lede "$c" --help
done
finish
