#!/bin/sh
# The real, imperfect news corpora of ../shared/corpora/news imported into
# a temporary archive (never copied into the project):
#
# BBC News: 2,225 text files, UTF-8 but for sport/199.txt, which is
# Latin-1, and 98 of them exact copies of another. The import reads every
# file, stores each distinct article once, converts the Latin-1 file (its
# one non-ASCII character, the pound sign of "£15.8m", comes out as U+00A3
# in show, search and JSON), replaces nothing, and lede check passes.
#
# Reuters-21578: SGML files of 1,000 newswire stories each, with SGML
# character references for control characters and one raw 0xFC byte in
# reut2-017.sgm. lede has no SGML reader (it refuses a .sgm collection
# with a message saying so), so the test splits a sample of files into one text file per story
# with a body, in lede's header format, keeping every byte of the body as
# it is (the 0xFC too) and turning the character references into the
# control characters they stand for. The import then stores every story,
# the stray byte becomes U+FFFD and is the one replacement the summary
# counts, the control characters are stored as they are and never reach
# the terminal, and lede check passes. The .sgm file itself is refused
# with one clear message, nothing stored. LEDE_REUTERS_FILES sets the
# sample of files (make stress: all, the 22 files).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 is needed to read the corpora"
S=$(shared_dir)
NEWS="$S/corpora/news"
[ -d "$NEWS/bbc" ] && [ -d "$NEWS/reuters21578" ] ||
    skip "the news corpora are not in $NEWS (bbc/, reuters21578/)"
[ -f "$NEWS/bbc/sport/199.txt" ] && [ -f "$NEWS/reuters21578/reut2-017.sgm" ] ||
    skip "bbc/sport/199.txt or reuters21578/reut2-017.sgm is missing"
summary() { json "j['$1']" "$2"; }

# 1. BBC News, the five topic folders (not the README).
set -- "$NEWS"/bbc/business "$NEWS"/bbc/entertainment "$NEWS"/bbc/politics \
    "$NEWS"/bbc/sport "$NEWS"/bbc/tech
python3 - "$@" >"$T/bbc.want" <<'PY'
import glob, os, sys
files = [f for d in sys.argv[1:] for f in glob.glob(os.path.join(d, "*.txt"))]
print(len(files), len(set(open(f, "rb").read() for f in files)))
PY
read -r bbc_files bbc_distinct <"$T/bbc.want"
A="$T/bbc.db"
lede import --json "$@" >"$T/bbc.json" 2>"$T/bbc.err"
expect_eq "BBC: the import succeeds" "$?" "0"
expect_eq "BBC: every file read" "$(summary files "$T/bbc.json")" "$bbc_files"
expect_eq "BBC: each distinct article stored" \
    "$(summary imported "$T/bbc.json")" "$bbc_distinct"
expect_eq "BBC: the copies recognised" "$(summary unchanged "$T/bbc.json")" \
    "$((bbc_files - bbc_distinct))"
expect_eq "BBC: nothing failed" "$(summary failed "$T/bbc.json")" "0"
expect_eq "BBC: nothing replaced (Latin-1 is converted, not replaced)" \
    "$(summary replaced "$T/bbc.json")" "0"
expect_eq "BBC: the archive holds them" \
    "$(lede list --json --limit 0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" \
    "$bbc_distinct"
lede search --json "Mutu Parma signing" >"$T/mutu.json"
id=$(json '[r["id"] for r in j if r["title"] == "Chelsea sack Mutu"][0]' "$T/mutu.json")
expect_match "BBC: the Latin-1 article is found" "$id" "^[0-9]+$"
lede show "$id" >"$T/mutu.txt"
expect_match "BBC: show prints the pound sign of the Latin-1 file" \
    "$(cat "$T/mutu.txt")" "Mutu, a £15\.8m signing from Parma"
lede show --json "$id" >"$T/mutu-show.json"
expect_eq "BBC: stored as U+00A3, no U+FFFD" \
    "$(json '("Mutu, a \u00a315.8m signing" in j["body"], "\ufffd" in j["body"])' "$T/mutu-show.json")" \
    "(True, False)"
expect_match "BBC: search shows it in a snippet" \
    "$(lede search '15.8m')" "a £15\.8m signing from Parma"
lede search --json --limit 0 '35bn' >"$T/35bn.json"
expect_eq "BBC: the UTF-8 files' pound signs intact, none read twice" \
    "$(json '(any("\u00a335bn from public spending" in a["snippet"] for a in j), any("\u00c2" in a["snippet"] for a in j))' "$T/35bn.json")" \
    "(True, False)"
expect_match "BBC: lede check passes" "$(lede check)" "ok$"

# 2. Reuters-21578: a sample of files, split into one text file per story.
mkdir "$T/reuters"
files=${LEDE_REUTERS_FILES:-"reut2-000.sgm reut2-017.sgm"}
[ "$files" = all ] && files=$(cd "$NEWS/reuters21578" && ls reut2-*.sgm)
set --
for f in $files; do set -- "$@" "$NEWS/reuters21578/$f"; done
python3 - "$T/reuters" "$@" >"$T/reuters.want" <<'PY'
import html, os, re, sys
MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
out, n = sys.argv[1], 0
for path in sys.argv[2:]:
    # Latin-1 maps every byte to one character and back: the bytes stay.
    text = open(path, "rb").read().decode("latin-1")
    for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>',
                         text, re.S):
        newid, doc = m.groups()
        body = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
        if body is None:
            continue
        title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
        d, mon, y = re.search(r"<DATE>\s*(\d+)-(\w+)-(\d+)", doc).groups()
        # &#5; &lt; ... into the characters they stand for
        unref = lambda s: html.unescape(re.sub(r"&#(\d+);",
                                               lambda r: chr(int(r.group(1))), s))
        head = "Title: %s\nDate: %s-%02d-%02d\nSource: Reuters\n" \
               "URL: https://example.org/reuters21578/%s\n\n" % (
                   unref(title.group(1)).replace("\n", " ") if title else "",
                   y, MONTHS.index(mon[:3].upper()) + 1, int(d), newid)
        with open(os.path.join(out, newid + ".txt"), "wb") as f:
            f.write((head + unref(body.group(1))).encode("latin-1"))
        n += 1
print(n)
PY
read -r reuters_n <"$T/reuters.want"
A="$T/reuters.db"
lede import --json "$T/reuters" >"$T/reuters.json" 2>"$T/reuters.err"
expect_eq "Reuters: the import succeeds" "$?" "0"
expect_eq "Reuters: every story stored" \
    "$(summary imported "$T/reuters.json")" "$reuters_n"
expect_eq "Reuters: nothing failed" "$(summary failed "$T/reuters.json")" "0"
expect_eq "Reuters: the one invalid byte (0xFC) replaced and counted" \
    "$(summary replaced "$T/reuters.json")" "1"
lede search --json "Lawson Louvre accord satisfactory" >"$T/lawson.json"
id=$(json '[r["id"] for r in j if r["url"].endswith("/17980")][0]' "$T/lawson.json")
expect_match "Reuters: the story with the 0xFC byte is there" "$id" "^[0-9]+$"
lede show --json "$id" >"$T/lawson-show.json"
expect_eq "Reuters: 0xFC became U+FFFD, the control characters are kept" \
    "$(json '"world economic growth.\ufffd\u0005\u001eside measures" in j["body"]' "$T/lawson-show.json")" \
    "True"
lede show "$id" >"$T/lawson.txt"
expect_match "Reuters: show prints U+FFFD where the byte was" \
    "$(cat "$T/lawson.txt")" "growth\.�"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037]')" "$T/lawson.txt"; then
	fail "Reuters: a control character reached stdout"
else
	ok "Reuters: no control character on stdout"
fi
expect_match "Reuters: lede check passes" "$(lede check)" "ok$"

# 3. A .sgm file as it is: refused by name (not read as one HTML page of
# a thousand stories), nothing stored, the archive sound.
A="$T/sgm.db"
lede import --json "$NEWS/reuters21578/reut2-017.sgm" >"$T/sgm.json" 2>"$T/sgm.err"
expect_eq "reut2-017.sgm as it is: refused, exit 1, one failure" \
    "$?:$(summary failed "$T/sgm.json")" "1:1"
expect_match "... saying what it is" "$(cat "$T/sgm.err")" "a Reuters-21578 SGML collection, which lede does not read"
expect_eq "... storing nothing" "$(lede list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "0"
expect_match "reut2-017.sgm as it is: lede check passes" "$(lede check)" "ok$"
finish
