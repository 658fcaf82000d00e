#!/bin/sh
# Flagging passages for correction in the reader: one key selects the
# sentence at the current match and asks for a note; the passage stays
# marked and the list shows the article's flag count. The flags pane
# (!) shows the passage and the note, changes the status, filters,
# deletes and undoes, exports; Enter jumps to the passage. Selection
# motions grow and shrink the selection; a long note comes from $EDITOR.
# What is stored is checked with `lede flags --json`, the exports by
# parsing them.
. "${top_srcdir:-.}/tests/ui/lib.sh"
command -v python3 >/dev/null 2>&1 || {
	echo "SKIP: python3 is needed to read lede flags --json and the exports"
	exit 77
}
ui_archive
esc=$(printf '\033')

# Colours no other element has, so the marks can be found on screen.
printf '[colors]\nflagged = "magenta default underline"\nselection = "black green"\n' \
    >"$UI_TMP/flags.conf"
# Sending: the corrections desk from [sources], a command that keeps what
# it is given.
printf '[sources]\nred-sea-wire = "desk@redsea.example.org"\n[export]\nsend-command = "%s/send.sh"\n' \
    "$UI_TMP" >>"$UI_TMP/flags.conf"
printf '#!/bin/sh\ncat >>"$(dirname "$0")/sent.txt"\n' >"$UI_TMP/send.sh"
chmod +x "$UI_TMP/send.sh"
# The editor: writes a two-line note, and leaves what it was given.
cat >"$UI_TMP/editor.sh" <<'EOF'
#!/bin/sh
cp "$1" "$(dirname "$0")/editor-got.txt"
printf 'The queue was of eleven ships,\nnot nineteen.\n\n' >"$1"
EOF
chmod +x "$UI_TMP/editor.sh"

# check_flags EXPR WANT [EXPR WANT...]: each Python expression over f,
# the flags as `lede flags --json` gives them, must print WANT (one
# Python for all: it takes a while to start).
check_flags() {
	"$LEDE" -a "$UI_TMP/a.db" flags --json >"$UI_TMP/flags.json" ||
	    ui_fail "lede flags --json failed"
	python3 - "$UI_TMP/flags.json" "$@" <<'EOF' || ui_fail "the flags stored are not as expected"
import json, sys
f = json.load(open(sys.argv[1]))
bad = 0
for expr, want in zip(sys.argv[2::2], sys.argv[3::2]):
    got = str(eval(expr))
    if got != want:
        print("FAIL: %s is %r, want %r" % (expr, got, want), file=sys.stderr)
        bad = 1
sys.exit(bad)
EOF
}

ui_start 100 30 flags.conf "EDITOR=$UI_TMP/editor.sh VISUAL="
ui_wait "1 of 65"

# Find Jeddah, flag its sentence with f, type the note.
ui_keys /
ui_wait "Search:"
ui_keys -l Jeddah
ui_keys Enter
ui_wait "match 1/1"
ui_keys f
ui_wait "Note:"
ui_contains "saves the flag"
ui_screen -e | grep -q "${esc}\[42m\(${esc}\[[0-9;]*m\)*The cranes were repaired" ||
    ui_fail "the sentence to flag is not shown selected"
ui_keys -l "Parts came from Port Said"
ui_keys Enter
ui_wait 'flagged "The cranes were repaired'
check_flags 'len(f)' 1 \
    'f[0]["exact"]' "The cranes were repaired with parts shipped from Jeddah." \
    'f[0]["note"]' "Parts came from Port Said" 'f[0]["status"]' open
# The passage is marked as flagged, and no longer as selected.
ui_screen -e | grep -q "${esc}\[4m\(${esc}\[[0-9;]*m\)*${esc}\[35m\(${esc}\[[0-9;]*m\)*The cranes were repaired" ||
    ui_fail "the flagged passage is not marked"
if ui_screen -e | grep -q "${esc}\[42m"; then
	ui_fail "the selection is still shown after flagging"
fi
# The counts in the search results and in the list.
ui_keys q
ui_wait "Harbour cranes return to Po… ⚑1"
ui_keys q
ui_wait "1 of 65"
ui_contains "⚑1"

# The flags pane: the passage, the note, the status.
ui_keys !
ui_wait "flags: all"
ui_contains "“The cranes were repaired with parts shi…”"
ui_contains "Parts came from Port Said"
ui_contains "open     2025-03-10 Harbour cranes"
ui_contains "1 of 1"
ui_keys c
ui_wait "flag 1 is sent"
check_flags 'f[0]["status"]' sent
ui_wait "sent     2025-03-10"
ui_keys c c
ui_wait "flag 1 is open"
check_flags 'f[0]["status"]' open
ui_keys c
ui_wait "flag 1 is sent"
# Filters: open shows nothing now, sent shows it; C shows all again.
ui_keys F
ui_wait "flags: open"
ui_contains "No flags match the filter"
ui_keys F
ui_wait "flags: sent"
ui_contains "Parts came from Port Said"
ui_keys S
ui_wait "flags: sent, Red Sea Wire"
ui_contains "Parts came from Port Said"
ui_keys S
ui_wait "flags: sent"
ui_keys C
ui_wait "flags: all"
# Edit the note in the prompt.
ui_keys e
ui_wait "Note: Parts came from Port Said"
ui_keys C-u
ui_keys -l "Parts came from Port Sudan's own yard"
ui_keys Enter
ui_wait "note saved"
ui_contains "Parts came from Port Sudan's own yard"
check_flags 'f[0]["note"]' "Parts came from Port Sudan's own yard"

# Delete, and undo.
ui_keys d
ui_wait "flag 1 deleted"
ui_wait "No flags yet"
check_flags 'len(f)' 0
ui_keys u
ui_wait "flag 1 is back"
ui_contains "Parts came from Port Sudan's own yard"
check_flags 'len(f)' 1 'f[0]["status"]' sent \
    'f[0]["note"]' "Parts came from Port Sudan's own yard"
ui_keys u
ui_wait "no deleted flag to bring back"

# Export from the pane: json, then csv; an existing file is kept.
ui_keys E
ui_wait "Export (json csv email send): json"
ui_keys Enter
ui_wait "Export to file: lede-flags.json"
ui_keys Enter
ui_wait "1 flag written to lede-flags.json as json"
ui_keys E
ui_wait "Export ("
ui_keys C-u
ui_keys -l csv
ui_keys Enter
ui_wait "Export to file: lede-flags.csv"
ui_keys Enter
ui_wait "1 flag written to lede-flags.csv as csv"
python3 - "$UI_TMP/lede-flags.json" "$UI_TMP/lede-flags.csv" <<'EOF' ||
import csv, json, sys
a = json.load(open(sys.argv[1]))
assert len(a) == 1 and a[0]["type"] == "Annotation", a
assert a[0]["body"]["value"] == "Parts came from Port Sudan's own yard", a
q = [s for s in a[0]["target"]["selector"] if s["type"] == "TextQuoteSelector"]
assert q[0]["exact"] == "The cranes were repaired with parts shipped from Jeddah.", q
assert a[0]["lede:status"] == "sent", a
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(rows) == 1, rows
assert "The cranes were repaired with parts shipped from Jeddah." in rows[0].values(), rows
assert "sent" in rows[0].values(), rows
EOF
    ui_fail "the exports are not what was flagged"
ui_keys E Enter Enter
ui_wait "not exported"
ui_keys E
ui_wait "Export ("
ui_keys C-u
ui_keys -l yaml
ui_keys Enter
ui_wait "export as json, csv or email, or send"
ui_keys Escape
ui_wait -n "Export ("

# Enter jumps to the passage: the article opens scrolled to it.
ui_keys Enter
ui_wait "Source: Red Sea Wire"
ui_contains "The cranes were repaired with parts shipped from"

# Select by motions: the sentence at the flag, the next one instead,
# grown and shrunk by words; Esc cancels.
ui_keys S
ui_wait "9 words (end moves)"
ui_keys n
ui_wait "19 words (end moves)"
ui_keys b b
ui_wait "17 words (end moves)"
ui_keys w
ui_wait "18 words (end moves)"
ui_keys o b
ui_wait "17 words (start moves)"
ui_keys Escape
ui_wait -n "words ("
if ui_screen -e | grep -q "${esc}\[42m"; then
	ui_fail "the selection is still shown after Esc"
fi
ui_keys V
ui_wait "1 word (end moves)"
ui_keys ')'
ui_wait "9 words"
ui_keys '}'
ui_wait "28 words"
ui_keys '{'
ui_wait "down to one paragraph"
ui_keys Escape
ui_wait "q quit"

# A long note from $EDITOR: the second sentence, Ctrl-X in the prompt.
ui_keys S n f
ui_wait "Note:"
ui_keys -l "draft"
ui_keys C-x
ui_wait 'flagged "Dock workers said the queue'
check_flags 'len(f)' 2 'f[1]["exact"][:30]' "Dock workers said the queue of" \
    'f[1]["note"]' "The queue was of eleven ships,
not nineteen."
[ "$(cat "$UI_TMP/editor-got.txt")" = draft ] ||
    ui_fail "the editor was not given the line typed"
# The pane follows: both flags, the new one first, the one opened from
# still selected.
ui_keys h
ui_wait "The queue was of eleven ships, not"
ui_contains "2 of 2"
[ "$(ui_screen | grep -n '“Dock workers' | cut -d: -f1)" = 2 ] &&
    [ "$(ui_screen | grep -n '“The cranes' | cut -d: -f1)" = 5 ] ||
    ui_fail "the new flag is not listed first"
# Send the open flag (the new one) to the desk [sources] names.
ui_keys E
ui_wait "Export ("
ui_keys C-u
ui_keys -l send
ui_keys Enter
ui_wait "1 of 1 message sent"
grep -q "^To: desk@redsea.example.org" "$UI_TMP/sent.txt" &&
    grep -q "Dock workers said the queue" "$UI_TMP/sent.txt" &&
    ! grep -q "The cranes were repaired" "$UI_TMP/sent.txt" ||
    ui_fail "the message sent is not the open flag's, to the desk"
check_flags 'sorted(x["status"] for x in f)' "['sent', 'sent']"
ui_keys q
ui_wait "1 of 65"
ui_contains "⚑2"
ui_keys q
ui_wait "[exit 0]"
ui_done
