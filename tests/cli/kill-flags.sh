#!/bin/sh
# Correction flags under SIGKILL: `lede flag` creating a flag, changing its
# status or note, and deleting it, killed (1) just before each of its
# changes to the archive's files, one run per point (tests/crashwrite.so),
# and (2) at random moments, many times over on one archive. After every
# kill: `lede check` passes, the flag the command was saving is wholly in
# or wholly out (all its fields old, or all new: never a cut note, never a
# status without its note), and every other flag, saved before, is exactly
# as it was. Kill points before the commit must leave the flag out and the
# ones after it must leave it in, so the test also sees that it stopped
# lede on both sides. LEDE_KILL_LOOPS sets the number of random kills
# (make stress runs more); LEDE_KILL_SEED replays a run's delays.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 is needed to drive the kills"
[ -f "$top_builddir/tests/crashwrite.so" ] ||
    skip "tests/crashwrite.so is not built (run through make check)"
export T A

PYTHONPATH="$top_srcdir/tests" python3 - <<'PY'
import json, os, random, sqlite3
from crash import *

A = os.environ["A"]
BASE = os.path.join(T, "base.db")

# Ten articles, each with 60 numbered clauses to quote ("Clause 3.12:" is
# not inside "Clause 3.1:", so every quote is unique).
with open(os.path.join(T, "clauses.jsonl"), "w") as f:
    for i in range(10):
        body = "\n\n".join("Clause %d.%d: the council approved item %d of "
                           "plan %d after a long debate." % (i, k, k, i)
                           for k in range(60))
        f.write(json.dumps({"title": "Plan %d" % i,
                            "url": "https://example.org/plans/%d" % i,
                            "published": "2025-02-%02d" % (i + 1),
                            "source": "Council Record (invented)",
                            "body": body}) + "\n")
r = lede(A, "import", "--quiet", "--no-extract",
         os.path.join(T, "clauses.jsonl"))
if r.returncode != 0:
    stop("the import the test needs failed: " + r.stderr)
articles = {a["title"]: a["id"] for a in lede_json(A, "list", "--json")}

def note(tag, size=4000):
    """A note of about `size` bytes, unique to tag."""
    text = "Note %s: " % tag
    return (text + ("%s " % tag) * size)[:size] + " end of note %s" % tag

def create_args(art, k, tag):
    return ["flag", str(articles["Plan %d" % art]), "--quote",
            "Clause %d.%d:" % (art, k), "--note", note(tag)]

def flags():
    """Every flag row as stored (all columns), by id."""
    db = sqlite3.connect(A)
    db.row_factory = sqlite3.Row
    rows = {r["id"]: dict(r) for r in db.execute("SELECT * FROM flags")}
    db.close()
    return rows

def short(f):
    if f is None:
        return "gone"
    return "%d %s, note of %d bytes, %s" % (f["id"], f["exact"],
                                            len(f["note"]), f["status"])

# Flags saved before the kills: some open, some sent or resolved, one
# with a note changed.
for k in range(12):
    r = lede(A, *create_args(k % 10, k, "before-%d" % k))
    if r.returncode != 0:
        stop("flag failed: " + r.stderr)
ids = sorted(flags())
lede(A, "flag", "--edit", str(ids[1]), "--status", "sent")
lede(A, "flag", "--edit", str(ids[2]), "--status", "resolved")
lede(A, "flag", "--edit", str(ids[3]), "--note", note("edited-3"))
before = flags()
copy_archive(A, BASE)

def verify(prev, op, label):
    """After a kill: check passes (lede opens the archive first), op
    wholly in or out, the rest intact. Returns 'in', 'out', or None after
    reporting a failure."""
    passed, report = check(A)
    if not passed:
        fail(label + ": lede check: " + report[:300])
        return None
    now = flags()
    target = op.get("id")
    for fid, f in prev.items():
        if fid == target:
            continue
        if now.get(fid) != f:
            fail("%s: flag %d saved before changed or went: %s" %
                 (label, fid, short(now.get(fid))))
            return None
    new = [f for fid, f in now.items() if fid not in prev]
    kind = op["kind"]
    if kind == "create":
        if not new:
            return "out"
        f = new[0]
        whole = (len(new) == 1 and f["exact"] == op["quote"] and
                 f["note"] == op["note"] and f["status"] == "open" and
                 f["article_id"] == op["article"] and
                 f["stop"] - f["start"] == len(op["quote"].encode()))
        if not whole:
            fail("%s: new flag not whole: %s" % (label,
                 "; ".join(short(g) for g in new)))
            return None
        return "in"
    if new:
        fail("%s: a flag appeared: %s" % (label, short(new[0])))
        return None
    old, cur = prev[target], now.get(target)
    if kind == "delete":
        if cur is None:
            return "in"
        if cur == old:
            return "out"
    elif cur == old:
        return "out"
    elif cur is not None:
        want = dict(old, updated=cur["updated"])
        want[kind] = op["value"]
        if cur == want:
            return "in"
    fail("%s: flag %d is neither as before nor wholly changed: %s" %
         (label, target, short(cur)))
    return None

def op_argv(op):
    """The lede command line saving op on the archive."""
    if op["kind"] == "create":
        return argv(A, *op["args"])
    if op["kind"] == "delete":
        return argv(A, "flag", "--delete", str(op["id"]))
    return argv(A, "flag", "--edit", str(op["id"]), "--" + op["kind"],
                op["value"])

def make_op(kind, state, tag, rnd):
    if kind == "create":
        art, k = rnd.randrange(10), 20 + rnd.randrange(40)
        args = create_args(art, k, tag)
        return {"kind": "create", "args": args,
                "article": articles["Plan %d" % art],
                "quote": "Clause %d.%d:" % (art, k), "note": args[-1]}
    target = rnd.choice(sorted(state))
    if kind == "status":
        value = rnd.choice([s for s in ("open", "sent", "resolved")
                            if s != state[target]["status"]])
        return {"kind": "status", "id": target, "value": value}
    if kind == "note":
        return {"kind": "note", "id": target, "value": note(tag)}
    return {"kind": "delete", "id": target}

# 1. Every kill point of each kind of save, each on a fresh copy.
rnd = random.Random(1)
for kind in ("create", "status", "note", "delete"):
    op = make_op(kind, before, "sweep-" + kind, rnd)
    copy_archive(BASE, A)
    points = write_points(op_argv(op))
    seen = {"in": 0, "out": 0}
    bad = 0
    for n in range(1, points + 1):
        copy_archive(BASE, A)
        rc = crash_at(op_argv(op), n)
        if rc != -9:
            fail("%s, kill point %d of %d: lede was not killed (exit %s)"
                 % (kind, n, points, rc))
            bad += 1
            continue
        outcome = verify(before, op, "%s, kill point %d of %d" %
                         (kind, n, points))
        if outcome is None:
            bad += 1
        else:
            seen[outcome] += 1
    expect("%s: %d kill points, each left a sound archive with the flag "
           "wholly in (%d) or out (%d) and the others intact" %
           (kind, points, seen["in"], seen["out"]), bad == 0)
    expect("%s: killed before the commit (out) and after it (in)" % kind,
           seen["in"] > 0 and seen["out"] > 0,
           "in %d, out %d" % (seen["in"], seen["out"]))

# 2. Random moments, one archive: each save starts from what the last
# kill left. The delays spread over how long a save takes.
copy_archive(BASE, A)
probe = make_op("create", before, "probe", rnd)
span = max(timed(op_argv(probe)) for _ in range(3))
rnd = rng()
state = flags()
n = loops(24)
hits = {"in": 0, "out": 0}
bad = 0
for i in range(n):
    kind = ("create", "status", "note", "delete")[i % 4] \
        if len(state) > 4 else "create"
    op = make_op(kind, state, "random-%d" % i, rnd)
    kill_after(op_argv(op), rnd.uniform(0, span * 1.2))
    outcome = verify(state, op, "random kill %d (%s)" % (i + 1, kind))
    if outcome is None:
        bad += 1
        state = flags()
        continue
    hits[outcome] += 1
    state = flags()
expect("%d random kills: lede check passed and every flag was whole "
       "(%d saves in, %d out)" % (n, hits["in"], hits["out"]), bad == 0)

# 3. The archive still takes flags, and every flag saved is listed.
r = lede(A, *create_args(9, 59, "after"))
expect("a flag saved after the kills", r.returncode == 0, r.stderr)
passed, report = check(A)
expect("and lede check passes", passed, report)
finish()
PY
