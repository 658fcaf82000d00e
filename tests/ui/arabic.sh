#!/bin/sh
# An Arabic article: title, header and body in visual order and aligned
# right, Latin words and numbers inside kept in reading order; the Arabic
# title in the list is cut at its logical end (the left).
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
ui_start 80 24
ui_wait "1 of 65"
ui_keys j Enter
ui_wait "UNESCO"
ui_expect reader
# "ترميم نواعير حماة بدعم من UNESCO عام 2025" in display order.
ui_contains "2025 ماع UNESCO نم معدب ةامح ريعاون ميمرت"
ui_keys z
ui_wait -n "Filler"
ui_expect zoomed
ui_keys q q q
ui_wait "[exit 0]"
ui_done
