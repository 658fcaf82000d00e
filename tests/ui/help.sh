#!/bin/sh
# The help screen: generated from the action table with the keys in force,
# searchable with / and n, closed with q or Esc.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
ui_start 80 24
ui_wait "1 of 65"
ui_keys '?'
ui_wait "keys in force"
ui_expect top
ui_keys /
ui_wait "Find:"
ui_keys -l "open-url"
ui_keys Enter
ui_wait "match 1/2"
ui_contains "Open the article's URL with"
ui_keys n
ui_wait "match 2/2"
ui_keys n
ui_wait "no more matches below"
ui_keys G
ui_wait "Ctrl-C always quits."
ui_keys Escape
ui_wait "1 of 65"
ui_keys F1
ui_wait "keys in force"
ui_keys q
ui_wait "1 of 65"
ui_keys q
ui_wait "[exit 0]"
ui_done
