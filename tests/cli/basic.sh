#!/bin/sh
# The command line on small fixtures: import, re-import, list, show, search,
# check, JSON validity, and the errors a user meets.
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/cli"

# import: two text files and a JSONL file with one bad line
lede import --quiet "$D/protest.txt" "$D/bridge.txt" "$D/wire.jsonl" 2>"$T/err"
expect_eq "import with a bad JSONL line exits 1" "$?" "1"
expect_match "the bad line is named with its line number" "$(cat "$T/err")" "wire\.jsonl:2"
expect_eq "four good articles kept" "$(lede list --json --limit 0 >"$T/l.json"; json 'len(j)' "$T/l.json")" "4"

# re-import adds nothing
out=$(lede import "$D/protest.txt" "$D/bridge.txt" 2>/dev/null)
expect_match "re-import: nothing new" "$out" "^0 imported, 0 updated, 2 unchanged, 0 failed"
expect_eq "still four" "$(lede list --json >"$T/l.json"; json 'len(j)' "$T/l.json")" "4"

# newest first, keys as in DESIGN.md
expect_eq "newest first" "$(json 'j[0]["title"]' "$T/l.json")" "Mosul bridge reopens after repairs"
expect_eq "oldest last" "$(json 'j[-1]["published"]' "$T/l.json")" "2024-09-30"
expect_eq "list keys" "$(json 'sorted(j[0].keys())' "$T/l.json")" \
    "['author', 'id', 'published', 'source', 'title', 'url']"
expect_eq "--limit" "$(lede list --json --limit 2 >"$T/l2.json"; json 'len(j)' "$T/l2.json")" "2"
expect_eq "--since" "$(lede list --json --since 2025 >"$T/l3.json"; json 'len(j)' "$T/l3.json")" "2"
expect_eq "--until" "$(lede list --json --until 2024-10 >"$T/l4.json"; json 'len(j)' "$T/l4.json")" "1"

# show
id=$(json '[r["id"] for r in j if r["title"].startswith("Farmers")][0]' "$T/l.json")
lede show --json "$id" >"$T/s.json"
expect_eq "show: author" "$(json 'j["author"]' "$T/s.json")" "Mina Saleh"
expect_eq "show: date" "$(json 'j["published"]' "$T/s.json")" "2025-02-14"
expect_eq "show: url" "$(json 'j["url"]' "$T/s.json")" "https://example.org/lede-test/basra-water"
expect_match "show: body" "$(json 'j["body"]' "$T/s.json")" "^Hundreds of farmers protested"
expect_eq "show keys" "$(json 'sorted(j.keys())' "$T/s.json")" \
    "['author', 'body', 'caption', 'id', 'language', 'published', 'source', 'title', 'url']"
expect_match "show plain" "$(lede show "$id")" "^Title: +Farmers protest water cuts in Basra"

# search: inflections, phrase, exclusion, filters, odd input
s() { lede search --json --limit 0 "$@" >"$T/q.json" && json 'len(j)' "$T/q.json"; }
expect_eq "search protest finds protesters/protested" "$(s protesting)" "1"
expect_eq "search phrase" "$(s '"iron bridge"')" "1"
expect_eq "search phrase in wrong order" "$(s '"bridge iron"')" "0"
expect_eq "search OR" "$(s Tunis OR Beirut)" "2"
expect_eq "search exclusion" "$(s the -Mosul)" "3"
expect_eq "search prefix" "$(s 'Tigr*')" "1"
expect_eq "search author filter" "$(s 'author:Khalil')" "1"
expect_eq "search date filter" "$(s 'date:2024-01..2024-12')" "2"
expect_match "search snippet" "$(s Tigris; json 'j[0]["snippet"]' "$T/q.json")" "Tigris"
for q in 'C++' '"unterminated' '(' '*' 'NEAR' 'AND' 'foo"bar' ':' '^x' '-' 'title:' 'date:garbage'; do
	expect_status "search odd input: $q" 0 lede search "$q"
done

# check
expect_match "check passes" "$(lede check)" "ok$"

# errors
expect_status "show without id is a usage error" 2 lede show
expect_status "show a missing id" 1 lede show 999999
expect_status "unknown command" 2 lede frobnicate
expect_status "bad --since" 2 lede list --since yesterday
expect_status "import nothing" 2 lede import
# a Reuters-21578 SGML collection is refused by name, not read as one page
printf '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">\n<TEXT><TITLE>A</TITLE><BODY>b\n</BODY></TEXT>\n</REUTERS>\n' >"$T/r.sgm"
n_before=$(lede list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_status "a Reuters SGML file fails" 1 lede import "$T/r.sgm"
expect_match "... and says what it is" "$(cat "$T/err")" "r.sgm: a Reuters-21578 SGML collection, which lede does not read"
expect_eq "... and adds nothing" "$(lede list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "$n_before"
for c in import list show search check config; do
	expect_status "$c --help" 0 lede "$c" --help
done
expect_status "--version" 0 "$LEDE" --version
expect_match "--version names SQLite" "$("$LEDE" --version)" "SQLite 3"

# a file that is not an archive is refused and left untouched
echo "not an archive" >"$T/foreign.db"
before=$(md5sum <"$T/foreign.db")
expect_status "foreign file refused" 1 "$LEDE" -a "$T/foreign.db" list
expect_eq "foreign file untouched" "$(md5sum <"$T/foreign.db")" "$before"
expect_status "missing archive for list" 1 "$LEDE" -a "$T/none/a.db" list
finish
