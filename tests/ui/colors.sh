#!/bin/sh
# Colours come from [colors]; NO_COLOR turns them off (attributes stay,
# and the selected row is still visible in reverse video).
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
esc=$(printf '\033')

printf '[colors]\ndate = "red default"\n' >"$UI_TMP/red.conf"
ui_start 80 24 red.conf
ui_wait "1 of 65"
ui_screen -e | grep -q "${esc}\[31m" ||
    ui_fail "dates are not red as configured"
# Matched words: black on yellow in the snippet and in the reader.
ui_keys /
ui_wait "Search:"
ui_keys -l cranes
ui_wait "1 of 1"
ui_screen -e | grep -q "${esc}\[43m[^${esc}]*cranes" ||
    ui_fail "the match in the snippet is not highlighted"
ui_keys Enter
ui_wait "match 1/"
[ "$(ui_screen -e | grep -c "${esc}\[43m[^${esc}]*[Cc]rane")" -ge 3 ] ||
    ui_fail "the matches in the reader are not highlighted"
ui_keys q q q
ui_wait "[exit 0]"
ui_stop

ui_start 80 24 red.conf NO_COLOR=1
ui_wait "1 of 65"
if ui_screen -e | grep -q "${esc}\[3[0-7]m"; then
	ui_fail "colours used although NO_COLOR is set"
fi
ui_screen -e | grep -q "${esc}\[7m" ||
    ui_fail "no reverse video for the selection without colours"
ui_keys q
ui_wait "[exit 0]"
ui_done
