#!/bin/sh
# The list's filters (source, dates, words, unread), shown in the status
# line and cleared with C; sorting; opening the URL with $BROWSER; read
# marks.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
cat >"$UI_TMP/browser.sh" <<'SH'
#!/bin/sh
printf '%s\n' "$@" >opened.txt
SH
chmod +x "$UI_TMP/browser.sh"
ui_start 80 24 /dev/null BROWSER=./browser.sh:lynx
ui_wait "1 of 65"

ui_keys S
ui_wait "Source:"
ui_keys -l "red sea"
ui_keys Enter
ui_wait "source:Red Sea Wire"
ui_wait "1 of 1"
ui_keys C
ui_wait "1 of 65"

ui_keys D
ui_wait "Dates FROM..TO:"
ui_keys -l "2025-03"
ui_keys Enter
ui_wait "date:2025-03"
ui_wait "1 of 5"
ui_keys S
ui_wait "Source:"
ui_keys -l "filler"
ui_keys Enter
ui_wait "No articles"
ui_keys C
ui_wait "1 of 65"

ui_keys F
ui_wait "Filter words:"
ui_keys -l "filler"
ui_keys Enter
ui_wait '"filler"'
ui_keys G			# a word filter is not counted until the end
ui_wait "60 of 60"
ui_keys o
ui_wait "sorted oldest first"
ui_contains "Filler story number 01"
ui_keys o
ui_wait "sorted newest first"
ui_keys C
ui_wait "1 of 65"

# Read marks: opening marks read, m toggles, U shows unread only.
ui_keys Enter
ui_wait "Port Sudan's"
ui_keys q U
ui_wait "1 of 64"
ui_keys C
ui_wait "1 of 65"
ui_keys m U
ui_wait "1 of 65"
ui_keys C

# O opens the selected article's URL with $BROWSER, no shell between.
ui_keys O
ui_wait "opened https://example.org/red-sea/2025/03/harbour-cranes"
grep -qx "https://example.org/red-sea/2025/03/harbour-cranes" \
    "$UI_TMP/opened.txt" || ui_fail "browser was not given the URL"
ui_keys q
ui_wait "[exit 0]"
ui_done
