#!/bin/sh
# A config file with remapped keys and errors: every bad line is listed
# with its line number on the message screen (nothing is printed over the
# screen), the good lines apply, the help shows the keys in force.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
cat >"$UI_TMP/lede.conf" <<'CONF'
# remapped
[list]
next = "x <Down>"
prev = <Bogus>
this line has no equals
[global]
search = #
quit = "Q"
force-quit = "q"
[layout]
list-size = 500
CONF
ui_start 80 24 lede.conf
ui_wait "Messages"
ui_contains "lede.conf:4: [list] prev: unknown key name '<Bogus>'"
ui_contains "lede.conf:5: expected name = value"
ui_contains "lede.conf:7: '#' in a value must be quoted"
ui_contains "lede.conf:11: [layout] list-size:"
ui_contains "4 problems in the configuration"
ui_expect messages
ui_keys Escape
ui_wait "1 of 65"
ui_keys x x
ui_wait "3 of 65"
ui_keys j
ui_wait "3 of 65"		# j is no longer bound in the list
ui_keys '?'
ui_wait "keys in force"
ui_keys /
ui_wait "Find:"
ui_keys -l "Move down one article"
ui_keys Enter
ui_wait "match 1/"
ui_contains "x <Down>"
ui_keys Escape
ui_wait "3 of 65"
ui_keys Q
ui_wait "[exit 0]"
ui_done
