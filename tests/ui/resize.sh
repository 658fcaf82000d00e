#!/bin/sh
# Resizing re-lays everything out: side by side, stacked when narrow, one
# pane when small, a message when too small, and back, with the reader
# open on an article with a CJK title.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
ui_start 100 30
ui_wait "1 of 65"
ui_keys j j Enter
ui_wait "glue paper"
ui_resize 50 30
ui_wait "────────────────"
ui_expect stacked
ui_resize 40 8
ui_wait -n "Harbour"
ui_expect small
ui_resize 15 4
ui_wait "Too small"
ui_resize 1 1
ui_resize 300 100
ui_wait "glue paper"
ui_wait "Harbour cranes return to Port Sudan"
ui_resize 80 24
ui_wait "京都"
ui_expect back
ui_keys q q
ui_wait "[exit 0]"
ui_done
