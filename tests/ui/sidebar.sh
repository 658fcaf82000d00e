#!/bin/sh
# The side panel on the demo archive: an English article's names grouped
# by kind with their counts, its timeline in time order and its month
# chart; Enter on a name marks its mentions in the reader and n/N step
# through them; F narrows the list to the articles that mention it (and C
# clears it); Enter on a date scrolls the reader to its sentence, marked;
# t shows a name's timeline across the archive, and Enter on a date of
# another article opens it at that sentence. Everything expected is
# derived from `lede list/entities/timeline/show --json` on the same
# archive, not written down here.
. "${top_srcdir:-.}/tests/ui/lib.sh"
command -v python3 >/dev/null 2>&1 || {
	echo "SKIP: python3 is needed to read the JSON and the screen"
	exit 77
}
S=$top_srcdir/share/demo
if ! "$LEDE" -a "$UI_TMP/a.db" import --quiet "$S/text" "$S/feeds" \
    "$S/html" "$S/jsonl" "$S/newsboat/cache.db" >"$UI_TMP/import.log" 2>&1
then
	echo "SKIP: the demo did not import:"; cat "$UI_TMP/import.log"
	exit 77
fi
L() { "$LEDE" -a "$UI_TMP/a.db" "$@"; }

# Reading the screen (capture-pane -e, so attributes too): the reader is
# what lies between the first and second vertical line of a row, the
# panel what follows the last one.
cat >"$UI_TMP/side.py" <<'PY'
import json, re, sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")

def cells(text):
    """Rows of (char, bg, reverse) from capture-pane -e output."""
    rows, bg, rev = [], None, False
    for line in text.split("\n"):
        row, i = [], 0
        while i < len(line):
            m = SGR.match(line, i)
            if m:
                ps = [int(p) if p else 0 for p in m.group(1).split(";")]
                k = 0
                while k < len(ps):
                    p = ps[k]
                    if p == 0:
                        bg, rev = None, False
                    elif p == 7:
                        rev = True
                    elif p == 27:
                        rev = False
                    elif 40 <= p <= 47 or 100 <= p <= 107:
                        bg = p
                    elif p == 49:
                        bg = None
                    elif p in (38, 48) and k + 1 < len(ps):
                        if p == 48:
                            bg = ("x", ps[k + 2] if ps[k + 1] == 5 else 0)
                        k += 2 if ps[k + 1] == 5 else 4
                    k += 1
                i = m.end()
                continue
            if line[i] == "\x1b":
                i += 1
                continue
            row.append((line[i], bg, rev))
            i += 1
        rows.append(row)
    return rows

def parts(row):
    """The row cut at its vertical lines."""
    out, cur = [], []
    for c in row:
        if c[0] == "\u2502":
            out.append(cur)
            cur = []
        else:
            cur.append(c)
    out.append(cur)
    return out

def text(cs):
    return "".join(c[0] for c in cs)

def panel(rows):
    return [text(parts(r)[-1]) if len(parts(r)) >= 3 else "" for r in rows]

def marked(rows):
    """The reader's text in the mention colour (cyan), runs joined by |."""
    runs, cur = [], ""
    for r in rows:
        p = parts(r)
        if len(p) < 3:
            continue
        for c in p[1]:
            if c[1] == 46:
                cur += c[0]
            elif cur:
                runs.append(cur)
                cur = ""
        if cur:
            runs.append(cur)
            cur = ""
    return runs

def dated(events):
    return [e for e in events if e["value"] and e["value"][:4].isdigit()]

cmd, args = sys.argv[1], sys.argv[2:]
rows = cells(sys.stdin.read())
ok = True
if cmd == "entities":
    # every name, under its kind's heading, with its count at the right
    ents = json.load(open(args[0]))
    lines = panel(rows)
    heads = {"person": "People", "org": "Organisations", "place": "Places"}
    for e in ents:
        want = re.compile(r"^ [ *]" + re.escape(e["name"]) + r" +" +
                          str(e["count"]) + r" *$")
        at = [i for i, l in enumerate(lines) if want.match(l)]
        if not at:
            print("no row for %s (%d)" % (e["name"], e["count"]))
            ok = False
            continue
        above = [l.strip() for l in lines[:at[0]] if l.strip() in
                 heads.values()]
        if not above or above[-1] != heads[e["kind"]]:
            print("%s is not under %s" % (e["name"], heads[e["kind"]]))
            ok = False
elif cmd == "timeline":
    # the dated events in time order, value then the words
    evs = dated(json.load(open(args[0])))
    lines, at = panel(rows), -1
    for e in evs:
        want = re.compile(r"^  " + re.escape(e["value"]) + r" +" +
                          re.escape(e["text"][:8]))
        hits = [i for i, l in enumerate(lines) if want.match(l) and i > at]
        if not hits:
            print("no row for %s %s after row %d" % (e["value"], e["text"],
                                                     at))
            ok = False
        else:
            at = hits[0]
    ok = ok and len(evs) > 0
elif cmd == "chart":
    # one bar per month from the first to the last, with its count
    months = {}
    for e in dated(json.load(open(args[0]))):
        m = re.match(r"(\d{4})-(\d\d)(?:$|[-T])", e["value"])
        if m:
            k = int(m.group(1)) * 12 + int(m.group(2)) - 1
            months[k] = months.get(k, 0) + 1
    lines = panel(rows)
    heads = [i for i, l in enumerate(lines) if l.startswith(" By month")]
    ok = bool(heads) and len(months) > 0
    lines = lines[heads[0] + 1:] if heads else []
    for k in range(min(months), max(months) + 1):
        label = "%04d-%02d" % (k // 12, k % 12 + 1)
        row = [l for l in lines if re.match("  " + label + "( |$)", l)]
        n = months.get(k, 0)
        if not row:
            print("no bar for " + label)
            ok = False
        elif n and not re.search("\u2588 " + str(n) + " *$", row[0]):
            print("bar of %s is not %d blocks: %s" % (label, n, row[0]))
            ok = False
        elif not n and row[0].strip() != label:
            print("empty month %s has a bar: %s" % (label, row[0]))
            ok = False
elif cmd == "marked-words":
    # something is marked, and only these words (a name and its aliases)
    runs = marked(rows)
    words = set(w for a in args for w in a.split())
    ok = bool(runs) and all(set(r.split()) <= words for r in runs)
elif cmd == "marked-start":
    # the marked text (lines joined) starts with args[0]
    ok = " ".join(r.strip() for r in marked(rows)).startswith(args[0])
elif cmd == "reader-has":
    ok = any(args[0] in text(parts(r)[1]) for r in rows if len(parts(r)) >= 3)
sys.exit(0 if ok else 1)
PY

# screen_until DESCRIPTION CHECK [ARGS]: poll until side.py CHECK passes.
screen_until() {
	desc=$1; shift
	end=$(( $(date +%s) + UI_TIMEOUT ))
	while :; do
		ui_screen -e >"$UI_TMP/e.txt"
		python3 "$UI_TMP/side.py" "$@" <"$UI_TMP/e.txt" \
		    >"$UI_TMP/why.txt" && return 0
		if [ "$(date +%s)" -ge $end ]; then
			ui_fail "$desc"; cat "$UI_TMP/why.txt" >&2
			ui_screen >&2
			return 1
		fi
		sleep 0.05
	done
}

# ui_wait_re REGEX: poll until a line of the screen matches (grep -E).
ui_wait_re() {
	end=$(( $(date +%s) + UI_TIMEOUT ))
	until ui_screen | grep -Eq -- "$1"; do
		if [ "$(date +%s)" -ge $end ]; then
			ui_fail "timed out waiting for /$1/; screen:"
			ui_screen >&2
			return 1
		fi
		sleep 0.02
	done
}

# Nothing on screen in the mention colour (black on cyan).
unmarked() {
	end=$(( $(date +%s) + UI_TIMEOUT ))
	while ui_screen -e | grep -q '46m'; do
		if [ "$(date +%s)" -ge $end ]; then
			ui_fail "$1"; ui_screen >&2; return 1
		fi
		sleep 0.02
	done
}

# An extended regular expression that matches s as it is.
esc() { printf '%s' "$1" | sed 's/[][\.*^$(){}?+|/]/\\&/g'; }

# side_select REGEX: select the first row of the panel's top screenful
# that matches (the panel is focused).
side_select() {
	ui_keys g
	ui_wait " 1 of " || return 1
	k=$(ui_screen | awk -F '│' 'NF >= 3 { print $NF; next } { print "" }' |
	    grep -n -E -- "$1" | head -n 1 | cut -d: -f1)
	if [ -z "$k" ]; then
		ui_fail "no panel row matches /$1/"; ui_screen >&2; return 1
	fi
	i=1
	while [ $i -lt "$k" ]; do ui_keys j; i=$((i + 1)); done
	ui_wait " $k of "
}

# What to expect, from the JSON of the commands, in shell variables. The
# article: the Old Bridge's reopening, which names several people,
# organisations and places and gives dates over 17 months.
python3 - "$LEDE" "$UI_TMP" >"$UI_TMP/vars.sh" <<'PY'
import json, shlex, subprocess, sys
lede, tmp = sys.argv[1], sys.argv[2]
def run(*args):
    return json.loads(subprocess.run([lede, "-a", tmp + "/a.db"] +
                                     list(args) + ["--json"],
                                     capture_output=True).stdout or "[]")
def dated(evs):
    return [e for e in evs if e["value"] and e["value"][:4].isdigit()]
out = {}
arts = run("list", "--limit", "0")
out["total"] = len(arts)
idx = [r["title"] for r in arts].index(
    "Mosul's Old Bridge reopens after 16 months")
aid = arts[idx]["id"]
out["idx"], out["id"] = idx, aid
ents = run("entities", str(aid))
evs = run("timeline", str(aid))
json.dump(ents, open(tmp + "/ent.json", "w"))
json.dump(evs, open(tmp + "/tl.json", "w"))
out["nents"] = len(ents)
# the most mentioned name whose mentions stand apart (two on one line,
# "Nineveh Reconstruction Fund (NRF)", are marked together, and n/N have
# nothing to step between): marked, then the list filtered by it
def apart(e):
    s = sorted(m["start"] for m in e["mentions"])
    return all(b - a > 120 for a, b in zip(s, s[1:]))
top = max([e for e in ents if apart(e)] or ents, key=lambda e: e["count"])
out["name"], out["count"] = top["name"], top["count"]
out["aliases"] = " ".join(top["aliases"])
by = run("list", "--limit", "0", "--entity", top["name"])
out["nby"] = len(by)
byid = set(r["id"] for r in by)
open(tmp + "/titles.txt", "w").write(
    "".join(r["title"][:20] + "\n" for r in by))
out["other"] = [r["title"][:20] for r in arts if r["id"] not in byid][0]
# the date latest in the text: below the fold on a short screen
last = max(dated(evs), key=lambda e: e["start"])
out["ev"], out["words"] = last["value"], last["text"]
out["sentence"] = last["sentence"][:24]
# the name with dated sentences in most articles: its archive timeline,
# and its first date in another article
best, bestn = None, -1
for e in ents:
    t = dated(run("timeline", "--entity", e["name"]))
    n = len(set(x["article_id"] for x in t))
    if n > bestn:
        best, bestn, bt = e, n, t
out["ename"], out["arts"], out["dates"] = best["name"], bestn, len(bt)
far = [x for x in bt if x["article_id"] != aid][0]
out["fval"], out["fsent"] = far["value"], far["sentence"][:24]
out["ftitle"] = run("show", str(far["article_id"]))["title"][:30]
for k, v in out.items():
    print("%s=%s" % (k, shlex.quote(str(v))))
PY
[ -s "$UI_TMP/vars.sh" ] || { ui_fail "could not read the demo's JSON"; ui_done; }
. "$UI_TMP/vars.sh"
[ "$nents" -ge 3 ] || ui_fail "the article names fewer than 3 entities"
[ "$count" -ge 2 ] || ui_fail "no name is mentioned twice"
[ "$nby" -ge 1 ] && [ "$nby" -lt "$total" ] ||
    ui_fail "$name is in $nby of $total articles: the filter shows nothing"
[ "$arts" -ge 2 ] || ui_fail "no name has dates in two articles"

ui_start 140 45
ui_wait "1 of $total"
ui_keys s
ui_wait "(open an article)"
i=0
while [ $i -lt "$idx" ]; do ui_keys j; i=$((i + 1)); done
ui_wait "$((idx + 1)) of $total"
ui_keys Enter
ui_wait "Old Bridge reopens"
ui_wait "Timeline"

screen_until "names grouped by kind with counts" entities "$UI_TMP/ent.json"
screen_until "dated events in time order" timeline "$UI_TMP/tl.json"
screen_until "a bar per month with its count" chart "$UI_TMP/tl.json"
ui_lacks "P16M"			# durations are left out

# Enter on the most mentioned name marks its mentions; n/N step.
ui_keys Tab
ui_wait " 1 of "
unmarked "nothing is marked before a name is chosen"
side_select "^ [ *]$(esc "$name") +$count *\$"
ui_keys Enter
ui_wait "$name: mention 1/$count"
screen_until "the name's mentions are marked in the reader" \
    marked-words "$name" "$aliases"
ui_keys n
ui_wait "$name: mention 2/$count"
ui_keys N
ui_wait "$name: mention 1/$count"
ui_keys N
ui_wait "$name: no more mentions above"
ui_keys Tab Tab			# n in the reader steps the same way
ui_wait "match 1/"
ui_keys n
ui_wait "$name: mention 2/$count"
ui_keys Tab
ui_wait_re " [0-9]+ of [0-9]+ *$"
ui_keys Enter			# again: unmarked
ui_wait "$name: mentions no longer marked"
unmarked "the mentions are unmarked"

# F: the list shows the articles that mention the name, C shows all.
ui_keys F
ui_wait "entity:$name"
ui_wait_re "entity:.* 1 of $nby *$"
while IFS= read -r title; do ui_contains "$title"; done <"$UI_TMP/titles.txt"
ui_lacks "$other"
ui_keys C
ui_wait "1 of $total"
ui_lacks "entity:"

# Enter on a date scrolls the reader to its sentence, marked. On a short
# screen, the last sentence with a date is below the fold until then.
ui_resize 140 24
ui_keys Tab Tab
ui_wait -n "$sentence"
side_select "^  $(esc "$ev") +$(esc "$words")"
ui_keys Enter
ui_wait "$ev: \"$words\""
screen_until "the date's sentence is shown, marked" marked-start "$sentence"

# t: the timeline across the archive of the name found in most articles'
# dated sentences; Enter on a date of another article opens it there.
side_select "^ [ *]$(esc "$ename") +[0-9]+ *\$"
ui_keys t
ui_wait "Timeline across the archive"
ui_wait "$dates dates in $arts articles"
ui_contains "By month"
side_select "^  $(esc "$fval") +$(esc "$(printf '%s' "$fsent" | cut -c1-10)")"
ui_keys Enter
screen_until "the reader shows the other article" reader-has "$ftitle"
screen_until "the other article's sentence is shown, marked" \
    marked-start "$fsent"
ui_contains "Timeline across the archive"	# the panel stays
ui_keys t
ui_wait -n "Timeline across the archive"
ui_wait "Timeline"

ui_keys q q
ui_wait "[exit 0]"
ui_done
