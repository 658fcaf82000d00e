#!/bin/sh
# The house rules of DESIGN.md, checked from the source: which modules may
# include which libraries, and the calls that must never appear.
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir/src" || exit 1

# inc_outside PATTERN ALLOWED_DIR_REGEX: files including PATTERN outside the allowed place
inc_outside() {
	grep -rlE "^#[[:space:]]*include[[:space:]]*<$1" --include='*.c' --include='*.h' . |
	    grep -Ev "$2" || true
}

expect_eq "sqlite3.h only in src/archive" "$(inc_outside 'sqlite3\.h' '^\./archive/')" ""
expect_eq "curses only in src/tui" "$(inc_outside '(n?curses|ncursesw/)' '^\./tui/')" ""
ini=$(grep -rlE '^#[[:space:]]*include[[:space:]]*<iniparser' --include='*.c' --include='*.h' . )
expect_eq "iniparser in at most one file, under src/config" \
    "$(printf '%s\n' "$ini" | grep -v '^$' | grep -cv '^\./config/')" "0"
expect_eq "iniparser included by one file" "$(printf '%s\n' "$ini" | grep -c .)" "1"
expect_eq "import/ and extract/ do not reach the archive or the screen" \
    "$(grep -rlE '#[[:space:]]*include[[:space:]]*"(archive|tui|ingest|cli)/' import extract 2>/dev/null || true)" ""
expect_eq "core modules never draw" \
    "$(grep -rlE '#[[:space:]]*include[[:space:]]*"tui/' archive import extract ingest flag util 2>/dev/null || true)" ""

banned() {
	grep -rnE "$1" --include='*.c' . | grep -v '/\* allowed:' || true
}
expect_eq "no sprintf/strcpy/strcat/gets" "$(banned '\b(sprintf|strcpy|strcat|gets)\(')" ""
expect_eq "no system()/popen()" "$(banned '\b(system|popen)\(')" ""
expect_eq "no xmlNodeGetContent on untrusted trees" "$(banned 'xmlNodeGetContent')" ""
expect_eq "no dangerous libxml2 options" \
    "$(banned 'XML_PARSE_(NOENT|DTDLOAD|DTDATTR|DTDVALID|HUGE|XINCLUDE)')" ""
expect_eq "no iniparser typed getters" \
    "$(banned 'iniparser_get(int|boolean|double|longint)')" ""
expect_eq "writes begin with BEGIN IMMEDIATE" \
    "$(grep -rnE '"BEGIN( DEFERRED| EXCLUSIVE| TRANSACTION)?[";]' --include='*.c' . || true)" ""
finish
