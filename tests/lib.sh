# Shared helpers for lede's shell tests (CLI and UI). Source it first:
#   . "$top_srcdir/tests/lib.sh"
# It makes a private temporary directory ($T, removed at exit), an archive
# path ($A) and a `lede` function that runs the built binary on $A.
# Automake's protocol: exit 0 pass, 1 fail, 77 skip.
set -u

: "${top_srcdir:?run through make check}"
: "${LEDE:?run through make check}"
export A
T=$(mktemp -d "${TMPDIR:-/tmp}/lede-test.XXXXXX")
A="$T/archive.db"
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
unset LEDE_ARCHIVE LEDE_CONFIG
mkdir -p "$HOME"
trap 'rm -rf "$T"' EXIT
failures=0

lede() { "$LEDE" -a "$A" "$@"; }

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; exit 77; }
ok() { echo "ok - $*"; }

# expect_eq WHAT GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: got '$2', want '$3'"; fi
}
# expect_match WHAT TEXT REGEX (grep -E)
expect_match() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then ok "$1"
	else fail "$1: '$3' not found in: $(printf '%s' "$2" | head -c 400)"; fi
}
expect_no_match() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		fail "$1: '$3' unexpectedly found"
	else ok "$1"; fi
}
# expect_status WHAT WANT CMD...
expect_status() {
	what=$1 want=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"; got=$?
	if [ "$got" = "$want" ]; then ok "$what"
	else fail "$what: exit $got, want $want; stderr: $(head -c 300 "$T/err")"; fi
}
# json EXPR FILE: evaluate a Python expression on the parsed JSON (as j)
json() { python3 -c 'import json,sys; j=json.load(open(sys.argv[2])); print(eval(sys.argv[1]))' "$1" "$2"; }

shared_dir() {
	d="${LEDE_SHARED:-$top_srcdir/../shared}"
	[ -d "$d" ] || skip "../shared is not present (set LEDE_SHARED)"
	echo "$d"
}

finish() {
	if [ "$failures" -gt 0 ]; then echo "$failures failed"; exit 1; fi
	exit 0
}
