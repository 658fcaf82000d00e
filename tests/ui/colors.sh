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
ui_keys q
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
