#!/bin/sh
# The mouse, when switched on in the config: a click selects the row under
# it, the wheel scrolls. The terminal's SGR mouse reports are written to
# lede's input as raw bytes (tmux send-keys -H), as a terminal would.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
printf '[global]\nmouse = yes\n' >"$UI_TMP/mouse.conf"
ui_start 80 24 "$UI_TMP/mouse.conf"
ui_wait "1 of 65"

# sgr BUTTON X Y: press and release at column X, row Y (1-based)
sgr() {
	for end in M m; do
		tmux -S "$UI_SOCKET" send-keys -H $(printf '\033[<%s;%s;%s%s' "$1" "$2" "$3" "$end" |
		    od -An -tx1)
	done
}
sgr 0 20 4
ui_wait "4 of 65"
sgr 0 20 9
ui_wait "9 of 65"
# wheel down (button 65) moves on, wheel up (64) comes back
sgr 65 20 9
ui_wait -n "9 of 65"
ui_contains "of 65"
sgr 64 20 9
sgr 64 20 9
sgr 64 20 9
ui_keys q
ui_wait "[exit 0]"

# without mouse = yes, the same bytes do not move the selection
ui_stop
ui_start 80 24
ui_wait "1 of 65"
sgr 0 20 4
ui_keys j
ui_wait "2 of 65"
ui_done
