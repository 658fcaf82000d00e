#!/bin/sh
# lede config check|defaults: the default file equals share/lede.conf,
# passes its own check, and a file with errors lists each as FILE:LINE:
# message on stderr with exit status 1. (No tmux needed.)
top_srcdir=${top_srcdir:-.}
LEDE=${LEDE:-$top_srcdir/lede}
T=$(mktemp -d "${TMPDIR:-/tmp}/lede-conf.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }

"$LEDE" config defaults >"$T/defaults.conf" || no "config defaults failed"
cmp -s "$T/defaults.conf" "$top_srcdir/share/lede.conf" ||
    no "share/lede.conf differs from lede config defaults"
"$LEDE" config check "$T/defaults.conf" 2>"$T/err" ||
    no "the defaults do not pass: $(cat "$T/err")"

printf '[list]\nnext = x\nbogus = y\nprev = x\n[global]\nsearch = #\n' \
    >"$T/bad.conf"
printf 'evil = "\033]52;c;x\007"\n' >>"$T/bad.conf"
"$LEDE" config check "$T/bad.conf" 2>"$T/err"
[ $? -eq 1 ] || no "config check on errors did not exit 1"
grep -q "^$T/bad.conf:3: unknown action 'bogus' in \[list\]$" "$T/err" ||
    no "no line 3 error: $(cat "$T/err")"
grep -q "^$T/bad.conf:4: \[list\] key x is already bound to next on line 2$" \
    "$T/err" || no "no line 4 error: $(cat "$T/err")"
grep -q "^$T/bad.conf:6: " "$T/err" || no "no line 6 error"
grep -q "^$T/bad.conf:7: control character" "$T/err" || no "no line 7 error"
if grep -q "$(printf '\033')" "$T/err"; then no "ESC on stderr"; fi

LEDE_CONFIG="$T/bad.conf" "$LEDE" config check 2>/dev/null
[ $? -eq 1 ] || no "config check did not read \$LEDE_CONFIG"
"$LEDE" config check "$T/missing.conf" 2>"$T/err"
[ $? -eq 1 ] && grep -q "missing.conf: No such file" "$T/err" ||
    no "missing file not reported"
"$LEDE" config frobnicate 2>/dev/null
[ $? -eq 2 ] || no "unknown subcommand is not a usage error"
exit $fail
