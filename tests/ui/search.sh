#!/bin/sh
# The search pane: results while typing, Enter opens at the first match
# with the words highlighted, n/N between matches, queries that match
# nothing or look like syntax never break anything, n in the list jumps to
# the next matching article.
. "${top_srcdir:-.}/tests/ui/lib.sh"
ui_archive
ui_start 100 24
ui_wait "1 of 65"
# The search thread is started once the first screen is complete (before
# the first key is read): lede must come to run two threads.
pane=$(tmux -S "$UI_SOCKET" display -p '#{pane_pid}')
pid=$(pgrep -P "$pane" | head -n 1)
end=$(( $(date +%s) + UI_TIMEOUT ))
while [ "$(ls "/proc/$pid/task" 2>/dev/null | wc -l)" -ne 2 ] &&
    [ "$(date +%s)" -lt $end ]; do
	sleep 0.02
done
threads=$(ls "/proc/$pid/task" 2>/dev/null | wc -l)
[ "$threads" -eq 2 ] ||
    ui_fail "lede (pid '$pid') runs $threads threads, want 2: the reader and its search worker"
ui_keys /
ui_wait "Search:"
ui_keys -l "filler paragraph two"
ui_wait "Filler Daily: Filler paragraph"
ui_lacks "Harbour cranes"
ui_keys C-u
ui_wait "Harbour cranes"		# an empty query lists everything
ui_keys -l cranes
ui_wait "1 of 1"
ui_expect results
ui_keys Enter
ui_wait "match 1/"
ui_keys n
ui_wait "match 2/"
ui_keys N
ui_wait "match 1/"
ui_keys q
ui_wait "search: cranes"
ui_keys q
ui_wait -n "search: cranes"
ui_keys G
ui_wait "65 of 65"
ui_keys N
ui_wait "1 of 65"

# Queries that are not words: never an error from the index, never a crash.
ui_keys /
ui_wait "Search:"
for q in '"unterminated' 'AND (' 'NEAR' '*' '-x' 'date:2025-99' 'zzqqxx'; do
	ui_keys C-u
	ui_keys -l -- "$q"
	ui_keys C-n
	ui_wait "Search: $q"
	ui_lacks "syntax error"
	ui_lacks "fts5"
done
ui_keys C-u
ui_keys -l zzqqxx
ui_wait "No matches"
ui_keys Enter			# nothing to open: nothing happens
ui_wait -n "Search:"
ui_contains "No matches"

# Enter at once after typing, before the search has run: the typed query
# is the one searched and opened.
ui_keys /
ui_wait "Search:"
ui_keys C-u
ui_keys -l harbour
ui_keys Enter
ui_wait "match 1/"
ui_contains "search: harbour"
ui_keys q q

# Tab leaves the prompt for the results, where j moves.
ui_keys /
ui_wait "Search:"
ui_keys C-u
ui_keys -l "filler story"
ui_keys Tab
ui_wait -n "Search:"
ui_wait "search: filler story"
ui_keys j
ui_wait "2 of "
ui_keys q q
ui_wait "[exit 0]"

# The history survives a restart, in a file only its owner can read.
[ "$(stat -c %a "$UI_TMP/state/lede/history")" = 600 ] ||
    ui_fail "history file is not private"
grep -q "^search	harbour$" "$UI_TMP/state/lede/history" ||
    ui_fail "history file lacks the search"
ui_stop
ui_start 100 24
ui_wait "1 of 65"
ui_keys /
ui_wait "Search:"
ui_keys Up
ui_wait "Search: filler story"
ui_keys Up
ui_wait "Search: harbour"
ui_keys Escape
ui_wait -n "Search:"
ui_keys q q
ui_wait "[exit 0]"
ui_done
