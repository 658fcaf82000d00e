#!/bin/sh
# Escape sequences, C1 controls and bidi overrides in an article never
# reach the terminal: they show as visible placeholders, the pane border
# stays in its column on every row, and nothing is injected.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
ui_start 80 24
ui_wait "1 of 65"
ui_keys j j j j Enter
ui_wait "Body with"
ui_expect reader
ui_contains "Evil ␛]52;c;ZXZpbA==␇ title"
ui_lacks "$(printf '\033]52')" -e
ui_lacks "$(printf '\342\200\256')" -e
ui_lacks "$(printf '\302\233')" -e
ui_border 36 22
ui_keys q q
ui_wait "[exit 0]"
ui_done
