#!/bin/sh
# Moving in the list and opening articles: j/k, G/g, Ctrl-d, PgDn, Enter,
# Tab between panes, q back then quit; a CJK title cut at the pane's edge.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
ui_start 80 24
ui_wait "1 of 65"
ui_expect start
ui_keys s			# the side panel slot shows and hides
ui_wait "Side panel"
ui_keys s
ui_wait -n "Side panel"

ui_keys j
ui_wait "2 of 65"
ui_keys k G
ui_wait "65 of 65"
ui_contains "Filler story number 01"
ui_keys g
ui_wait "1 of 65"
ui_keys C-d
ui_wait "12 of 65"
ui_keys PageDown
ui_wait "34 of 65"
ui_keys g Down Down Enter
ui_wait "glue paper"
ui_expect kyoto
ui_border 36 22			# the CJK title cut at the edge stays inside
ui_keys Tab
ui_wait "3 of 65"
ui_keys Tab z
ui_wait -n "Harbour cranes"
ui_keys q			# back from full screen to the split
ui_wait "Harbour cranes"
ui_contains "100%"
ui_keys q			# back to the list
ui_wait "3 of 65"
ui_keys q
ui_wait "[exit 0]"
ui_done
