# Helpers for the UI tests: run the built lede inside a private tmux
# server at a fixed size, drive it with send-keys, read the screen with
# capture-pane. Nothing waits a fixed time: every wait polls the screen
# until what is expected appears, with a deadline.
#
# The tmux server listens on a socket inside the test's temporary
# directory, so nothing is left behind in /tmp/tmux-UID.
# Use: . "$top_srcdir/tests/ui/lib.sh"; ui_archive; ui_start 80 24; ...
#      ui_done
# Expected screens live in tests/ui/expected/NAME.txt; run a test with
# LEDE_REGEN=1 to rewrite them from what the program shows now (then read
# the diff before committing it).

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
LEDE=${LEDE:-$top_srcdir/lede}
UI_EXPECTED=$top_srcdir/tests/ui/expected
UI_TIMEOUT=${UI_TIMEOUT:-10}
UI_FAILED=0
UI_NAME=$(basename "$0" .sh)

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed (apt-get install tmux)"
	exit 77
fi
if [ ! -x "$LEDE" ]; then
	echo "SKIP: $LEDE is not built"
	exit 77
fi

UI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lede-ui.XXXXXX")
UI_SOCKET=$UI_TMP/tmux.sock
export HOME="$UI_TMP/home" XDG_CONFIG_HOME="$UI_TMP/config" \
    XDG_DATA_HOME="$UI_TMP/data" XDG_STATE_HOME="$UI_TMP/state"
unset LEDE_CONFIG LEDE_ARCHIVE BROWSER
mkdir -p "$HOME"
trap 'tmux -S "$UI_SOCKET" kill-server >/dev/null 2>&1; rm -rf "$UI_TMP"' EXIT
trap 'exit 1' INT TERM HUP

ui_fail() {
	echo "FAIL: $*" >&2
	UI_FAILED=1
}

# Build $UI_TMP/a.db from the fixtures, plus a hostile article and
# numbered filler articles (made here, so the repository holds no raw
# escape bytes).
ui_archive() {
	if ! "$LEDE" --help 2>&1 | grep -q '^  import'; then
		echo "SKIP: lede import is not available yet"
		exit 77
	fi
	mkdir -p "$UI_TMP/fx"
	cp "$top_srcdir"/tests/ui/fixtures/*.txt "$UI_TMP/fx/"
	printf 'Title: Evil \033]52;c;ZXZpbA==\007 title \033[2J\033[1;1HFAKE \342\200\256fdp.exe\nDate: 2025-03-06\nSource: Hostile Feed\nURL: https://example.org/evil\n\nBody with \033[31mred\033[0m and a bell \007 and \302\233 C1.\n' \
	    >"$UI_TMP/fx/hostile.txt"
	i=1
	while [ $i -le 60 ]; do
		n=$(printf '%02d' $i)
		m=$(( (i - 1) / 28 + 1 )); d=$(( (i - 1) % 28 + 1 ))
		printf 'Title: Filler story number %s\nDate: 2024-%02d-%02d\nSource: Filler Daily\nURL: https://example.org/filler/%s\n\nFiller paragraph one of story %s.\n\nFiller paragraph two of story %s.\n' \
		    "$n" "$m" "$d" "$n" "$n" "$n" >"$UI_TMP/fx/filler-$n.txt"
		i=$((i + 1))
	done
	if ! "$LEDE" -a "$UI_TMP/a.db" import --quiet "$UI_TMP/fx" \
	    >"$UI_TMP/import.log" 2>&1; then
		echo "SKIP: lede import failed:"; cat "$UI_TMP/import.log"
		exit 77
	fi
}

# ui_start COLS ROWS [CONFIG [ENV...]]: start lede on the archive, in
# $UI_TMP so that file names on screen do not depend on where it is.
ui_start() {
	cols=$1 rows=$2 conf=${3:-/dev/null}
	shift 2; [ $# -gt 0 ] && shift
	printf 'set -g status off\nset -g escape-time 0\n' >"$UI_TMP/tmux.conf"
	tmux -S "$UI_SOCKET" -f "$UI_TMP/tmux.conf" new-session -d \
	    -x "$cols" -y "$rows" \
	    "cd '$UI_TMP' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	    TERM=xterm-256color NO_COLOR= $* \
	    '$LEDE' -a a.db -c '$conf' 2>stderr; \
	    echo \"[exit \$?]\"; sleep 600"
}

# Stop lede's tmux server and wait until it is gone (before a second
# ui_start in the same test).
ui_stop() {
	tmux -S "$UI_SOCKET" kill-server >/dev/null 2>&1
	rm -f "$UI_SOCKET"
	end=$(( $(date +%s) + UI_TIMEOUT ))
	while tmux -S "$UI_SOCKET" has-session >/dev/null 2>&1; do
		[ "$(date +%s)" -ge $end ] && break
		sleep 0.02
	done
}

ui_screen() {
	tmux -S "$UI_SOCKET" capture-pane -p "$@"
}

ui_keys() {
	tmux -S "$UI_SOCKET" send-keys "$@"
}

ui_resize() {
	tmux -S "$UI_SOCKET" resize-window -x "$1" -y "$2"
}

# Poll until the screen contains (or, with -n, no longer contains) TEXT.
ui_wait() {
	neg=0
	[ "$1" = -n ] && { neg=1; shift; }
	end=$(( $(date +%s) + UI_TIMEOUT ))
	while :; do
		if ui_screen | grep -qF -- "$1"; then
			[ $neg = 0 ] && return 0
		else
			[ $neg = 1 ] && return 0
		fi
		if [ "$(date +%s)" -ge $end ]; then
			if [ $neg = 1 ]; then
				ui_fail "timed out waiting for '$1' to go; screen:"
			else
				ui_fail "timed out waiting for '$1'; screen:"
			fi
			ui_screen >&2
			return 1
		fi
		sleep 0.02
	done
}

ui_contains() {
	ui_screen | grep -qF -- "$1" || { ui_fail "screen lacks '$1'"; ui_screen >&2; }
}

# ui_lacks TEXT [capture-pane options]
ui_lacks() {
	text=$1; shift
	if ui_screen "$@" | grep -qF -- "$text"; then
		ui_fail "screen has '$text'"
		ui_screen >&2
	fi
	return 0
}

# Compare the screen with expected/NAME.txt, polling until they agree
# (the screen may still be drawing). LEDE_REGEN=1 writes the file instead.
ui_expect() {
	file=$UI_EXPECTED/$UI_NAME-$1.txt
	if [ -n "$LEDE_REGEN" ]; then
		sleep 0.3	# regenerating: let the screen settle
		ui_screen >"$file"
		echo "wrote $file"
		return 0
	fi
	end=$(( $(date +%s) + UI_TIMEOUT ))
	while :; do
		ui_screen >"$UI_TMP/screen.txt"
		cmp -s "$UI_TMP/screen.txt" "$file" && return 0
		if [ "$(date +%s)" -ge $end ]; then
			ui_fail "screen differs from $file (LEDE_REGEN=1 rewrites it):"
			diff -u "$file" "$UI_TMP/screen.txt" >&2
			return 1
		fi
		sleep 0.02
	done
}

# End: lede must have quit (if asked to) and printed nothing on stderr.
ui_done() {
	if [ -s "$UI_TMP/stderr" ]; then
		ui_fail "lede wrote to stderr:"; cat "$UI_TMP/stderr" >&2
	fi
	exit $UI_FAILED
}

# ui_border COL ROWS: on each of the first ROWS rows, the pane border "│"
# starts at display column COL (1-based): nothing spilled over it.
ui_border() {
	ui_screen | head -n "$2" >"$UI_TMP/border.txt"
	row=0
	while IFS= read -r line; do
		row=$((row + 1))
		case $line in
		*│*) ;;
		*) ui_fail "row $row has no border: $line"; continue ;;
		esac
		w=$(printf '%s' "${line%%│*}" | LC_ALL=C.UTF-8 wc -L)
		[ "$w" -eq $(($1 - 1)) ] ||
		    ui_fail "row $row: border at column $((w + 1)), not $1: $line"
	done <"$UI_TMP/border.txt"
}
