#!/bin/sh
# Hostile bytes in an article never reach the terminal through the command
# line, but are stored faithfully (JSON keeps them, escaped).
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/cli"

lede import --quiet "$D/hostile.txt" || fail "import hostile.txt"
lede list >"$T/list.txt"
lede search red >"$T/search.txt"
id=$(lede list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
lede show "$id" >"$T/show.txt"
for f in list search show; do
	if LC_ALL=C grep -q "$(printf '\033')" "$T/$f.txt"; then fail "$f: ESC reached stdout"; else ok "$f: no ESC"; fi
	if LC_ALL=C grep -q "$(printf '\007')" "$T/$f.txt"; then fail "$f: BEL reached stdout"; else ok "$f: no BEL"; fi
	if grep -q "$(printf '\342\200\256')" "$T/$f.txt"; then fail "$f: bidi override reached stdout"; else ok "$f: no RLO"; fi
done
expect_match "title shown with visible placeholders" "$(cat "$T/list.txt")" "Evil ␛]52;c;ZXZpbA==␇title"
lede show --json "$id" >"$T/s.json"
if grep -q "$(printf '\342\200\256')" "$T/s.json"; then fail "show --json: raw bidi override"; else ok "show --json: bidi override escaped"; fi
expect_eq "the escaped body is still the stored text" \
    "$(json '"\u202e" in j["body"]' "$T/s.json")" "True"
expect_eq "stored title keeps the bytes" \
    "$(json 'j["title"] == "Evil \x1b]52;c;ZXZpbA==\x07title \x1b[2J"' "$T/s.json")" "True"
# C1 controls (U+009B is CSI on some terminals) in every output form
lede import --quiet "$D/c1.txt" || fail "import c1.txt"
lede list >"$T/c1.txt"; lede list --json >>"$T/c1.txt"
lede search --json test >>"$T/c1.txt"
if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$T/c1.txt"; then fail "a C1 control reached stdout"; else ok "no C1 control on stdout"; fi
finish
