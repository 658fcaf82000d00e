#!/bin/sh
# The bundled demo articles: every format imports, the count matches
# share/demo/README.md, Arabic search ignores vowel marks and letter forms,
# and the demo is a good archive (lede check).
. "$top_srcdir/tests/lib.sh"
S="$top_srcdir/share/demo"

lede import --quiet "$S/text" "$S/feeds" "$S/html" "$S/jsonl" "$S/newsboat/cache.db"
expect_eq "demo imports cleanly" "$?" "0"
lede list --json --limit 0 >"$T/all.json"
expect_eq "46 demo articles (README count)" "$(json 'len(j)' "$T/all.json")" "46"
expect_eq "every article says it is a sample" \
    "$(json 'all("invented" in (r["source"] or "") for r in j)' "$T/all.json")" "True"
expect_eq "9 in Arabic" "$(json 'sum(1 for r in j if any("\u0600" <= c <= "\u06ff" for c in r["title"]))' "$T/all.json")" "9"
expect_eq "deleted newsboat item not imported" \
    "$(json 'any("withdrawn" in r["title"] for r in j)' "$T/all.json")" "False"
expect_eq "its live twin is" \
    "$(json 'any(r["title"] == "Sfax olive pickers start early as prices fall" for r in j)' "$T/all.json")" "True"

# Arabic: the same word with and without marks and hamza forms
a=$(lede search --json --limit 0 'الموصل' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
b=$(lede search --json --limit 0 'المَوْصِل' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq "Arabic search ignores vowel marks" "$b" "$a"
[ "$a" -gt 0 ] && ok "Arabic search finds Mosul" || fail "no Arabic match for Mosul"

out=$(lede import "$S/text" "$S/feeds" "$S/html" "$S/jsonl" "$S/newsboat/cache.db" 2>&1)
expect_match "second import changes nothing" "$out" "^0 imported, 0 updated, 46 unchanged, 0 failed"
expect_match "the demo archive checks" "$(lede check)" "ok$"
finish
