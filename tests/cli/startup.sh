#!/bin/sh
# What the lede binary loads at start. The reader and the commands that
# parse no XML must not map libxml2 (which brings ICU and libstdc++: about
# a quarter of the first screen's time on a slow VM); importing a feed or
# an HTML page loads it on the first call (src/import/xmllazy.c) and must
# still parse as before. The dynamic loader's own trace (LD_DEBUG=files)
# says which objects were mapped.
. "$top_srcdir/tests/lib.sh"

trace=$(LD_DEBUG=files "$LEDE" --help 2>&1 >/dev/null)
printf '%s\n' "$trace" | grep -q 'file=libc\.so' ||
    skip "LD_DEBUG=files gives no loader trace here"

expect_no_match "--help maps no libxml2" "$trace" 'file=libxml2'
expect_no_match "--help maps no ICU" "$trace" 'file=libicu'

expect_eq "import of an Atom feed" "$(lede import --quiet --no-extract \
    "$top_srcdir/tests/data/import/atom.xml" 2>&1; echo "rc=$?")" "rc=0"
trace=$(LD_DEBUG=files "$LEDE" -a "$A" list 2>&1 >/dev/null)
expect_no_match "list maps no libxml2" "$trace" 'file=libxml2'
expect_match "the feed's entries are stored, titles without markup" \
    "$(lede list --json)" '"title": ?"دول الجوار تجتمع"'
expect_match "relative links resolved against xml:base" \
    "$(lede list --json)" '"url": ?"https://www.example.net/news/2025/03/neighbours.html"'

trace=$(LD_DEBUG=files "$LEDE" -a "$A" import --quiet --no-extract \
    "$top_srcdir/tests/data/import/atom.xml" 2>&1 >/dev/null)
expect_match "import loads libxml2 when it parses XML" "$trace" \
    'file=libxml2\.so\.2'

expect_match "--version names the libxml2 it loads" \
    "$("$LEDE" --version)" 'libxml2 [0-9]+'

finish
