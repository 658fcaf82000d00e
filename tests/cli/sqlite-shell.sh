#!/bin/sh
# The archive stays readable without lede (schema 5 stores bodies in the
# sqlar form): the stock sqlite3 shell, which has sqlar_uncompress()
# built in, reads every body through the `articles` view exactly as
# `lede show` prints it, compressed bodies and ones stored as they are;
# and an archive upgraded from schema 4 shows it the same bodies as before.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip "the sqlite3 shell is not installed"
command -v python3 >/dev/null 2>&1 || skip "python3 is needed to compare JSON"
sqlite3 :memory: "SELECT sqlar_uncompress(x'41', 1)" >/dev/null 2>&1 ||
    skip "this sqlite3 shell has no sqlar_uncompress()"

python3 - "$T/bodies.jsonl" <<'PY'
import json, sys
para_ar = ("أعيد افتتاح الجسر الحديدي القديم فوق نهر دجلة في الموصل أمام "
           "حركة المرور يوم الأحد، بعد سبع سنوات من تدميره.")
words = "council harbour minister said the river budget court".split()
long_en = " ".join(words[(i * 5 + i // 8) % 8] for i in range(40000))
rows = [("Short", "Too short to shrink."),
        ("Arabic", "\n\n".join([para_ar] * 12)),
        ("Long", long_en),
        ("Empty body", ""),
        ("Control", "A bell \u0007 and\ttab, ✓ kept as written. " * 30)]
with open(sys.argv[1], "w") as f:
    for i, (title, body) in enumerate(rows):
        f.write(json.dumps({"title": title, "body": body,
                            "url": "https://example.org/s/%d" % i,
                            "published": "2025-02-%02d" % (i + 1),
                            "source": "Shell Wire (invented)"}) + "\n")
PY
expect_status "import" 0 lede import --quiet --no-extract "$T/bodies.jsonl"
packed=$(sqlite3 "$A" "SELECT count(*) FROM article_rows WHERE length(body) < body_size")
plain=$(sqlite3 "$A" "SELECT count(*) FROM article_rows WHERE length(body) = body_size")
expect_match "some bodies are stored compressed ($packed), some as they are ($plain)" \
    "$packed $plain" '^[1-9][0-9]* [1-9][0-9]*$'

sqlite3 -json "$A" "SELECT id, title, body FROM articles ORDER BY id" >"$T/shell.json" ||
    fail "the sqlite3 shell could not read the articles view"
n=0
for id in $(lede list --json | python3 -c 'import json,sys; print(" ".join(str(a["id"]) for a in json.load(sys.stdin)))'); do
	lede show --json "$id" >"$T/show-$id.json" || fail "lede show $id"
	n=$((n + 1))
done
expect_eq "lede lists every imported article" "$n" 5
got=$(python3 - "$T" <<'PY'
import glob, json, os, sys
shell = {r["id"]: r for r in json.load(open(os.path.join(sys.argv[1], "shell.json")))}
bad = []
for p in glob.glob(os.path.join(sys.argv[1], "show-*.json")):
    j = json.load(open(p))
    j = j[0] if isinstance(j, list) else j
    r = shell.get(j["id"])
    if r is None or (r["body"] or "") != (j.get("body") or "") or r["title"] != j["title"]:
        bad.append(str(j["id"]))
print("same" if not bad and len(shell) == 5 else "differ: " + " ".join(bad))
PY
)
expect_eq "the sqlite3 shell reads every body as lede shows it" "$got" same

# An archive of schema 4 (bodies as text), upgraded: the shell sees the
# same bodies through the view as it saw in the table, and the upgrade
# said what it was doing on stderr.
OLD="$top_builddir/tests/old-archive"
[ -x "$OLD" ] || skip "tests/old-archive is not built (run through make check)"
A="$T/old.db"
"$OLD" "$A" 300 4 || fail "tests/old-archive could not make a schema 4 archive"
sqlite3 -json "$A" "SELECT id, body FROM articles ORDER BY id" >"$T/before.json"
lede check >"$T/out" 2>"$T/err" || fail "lede check after the upgrade: $(cat "$T/out" "$T/err")"
expect_match "the upgrade says it starts" "$(cat "$T/err")" \
    'upgrading the archive to schema 5 \(300 articles\)'
expect_match "the upgrade says it is done" "$(cat "$T/err")" \
    'archive upgraded to schema 5'
sqlite3 -json "$A" "SELECT id, body FROM articles ORDER BY id" >"$T/after.json"
expect_eq "the upgraded archive shows the shell the same 300 bodies" \
    "$(cmp "$T/before.json" "$T/after.json" && wc -c <"$T/after.json" | awk '$1 > 10000 {print "same"}')" same
expect_eq "the bodies are stored compressed after the upgrade" \
    "$(sqlite3 "$A" "SELECT count(*) FROM article_rows WHERE length(body) < body_size")" 300
finish
