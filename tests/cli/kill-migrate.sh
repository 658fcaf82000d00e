#!/bin/sh
# Schema migration under SIGKILL. lede has one schema version, so the
# migration real archives go through is the creation of version 1 in an
# empty file (an archive path that exists with no bytes, as `touch` or an
# earlier crash before the first write leaves it; version 0 for the
# migration code, src/archive/schema.c). The opening of an older archive
# changes one more thing on its way to the current form: an archive in
# rollback-journal mode (as `sqlite3 archive.db 'PRAGMA journal_mode =
# DELETE'` leaves it, to copy it or put it on read-only media) is switched
# to WAL. And a migration of data is rehearsed: tests/rehearse-migration
# opens a version 1 archive full of articles as lede does and runs a
# version 2 step (a new column filled from every article, a new index,
# the full-text index rebuilt) through the real archive_migrate().
#
# Each is killed (1) just before each of its changes to the files, or a
# sample of them for the long rehearsal (tests/crashwrite.so), and (2) at
# random moments. After every kill the archive is the old version intact
# or the new one complete (never tables without the version number, never
# half the new column), `lede check` passes, and no article is lost or
# changed; running the step again completes it. LEDE_KILL_LOOPS sets the
# number of random kills (make stress runs more); LEDE_KILL_SEED replays.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 is needed to drive the kills"
[ -f "$top_builddir/tests/crashwrite.so" ] ||
    skip "tests/crashwrite.so is not built (run through make check)"
[ -x "$top_builddir/tests/rehearse-migration" ] ||
    skip "tests/rehearse-migration is not built (run through make check)"
export T A

PYTHONPATH="$top_srcdir/tests" python3 - <<'PY'
import hashlib, json, os, sqlite3
from crash import *

A = os.environ["A"]
LOOK = os.path.join(T, "look.db")
REHEARSE = os.path.join(os.environ["top_builddir"], "tests",
                        "rehearse-migration")
LEDE_ID = 0x4C454445

def articles_jsonl(name, n, words):
    path = os.path.join(T, name)
    vocab = ("harbour council river budget court minister drought school "
             "railway museum election festival storm market").split()
    with open(path, "w") as f:
        for i in range(n):
            body = " ".join(vocab[(i * 7 + k * 3) % len(vocab)]
                            for k in range(words))
            f.write(json.dumps({"title": "Migration article %d" % i,
                                "url": "https://example.org/m/%d" % i,
                                "published": "2024-%02d-%02d" %
                                (i % 12 + 1, i % 28 + 1),
                                "source": "Migration Wire (invented)",
                                "body": body}) + "\n")
    return path

def look(path):
    """What the files at path hold, seen through a copy (so that lede, not
    this look, is the first to open the archive after the kill)."""
    if not os.path.exists(path):
        return {"file": False}
    with open(path, "rb") as f:
        header = f.read(100)
    copy_archive(path, LOOK)
    db = sqlite3.connect(LOOK)
    s = {"file": True, "bytes": len(header),
         "appid": db.execute("PRAGMA application_id").fetchone()[0],
         "version": db.execute("PRAGMA user_version").fetchone()[0],
         # (statistics tables come and go with PRAGMA optimize)
         "names": sorted(r[0] for r in db.execute(
             "SELECT name FROM sqlite_schema"
             " WHERE name NOT LIKE 'sqlite_stat%'")),
         "wal": len(header) >= 20 and header[18] == 2}
    if "articles" in s["names"]:
        s["columns"] = [r[1] for r in db.execute("PRAGMA table_info(articles)")]
        h = hashlib.sha256()
        for row in db.execute("SELECT id, title, body FROM articles ORDER BY id"):
            h.update(repr(row).encode())
        s["count"] = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        s["digest"] = h.hexdigest()
        if "words" in s["columns"]:
            s["unfilled"] = db.execute("SELECT count(*) FROM articles WHERE"
                                       " body IS NOT NULL AND words = 0"
                                       ).fetchone()[0]
    db.close()
    remove_archive(LOOK)
    return s

def is_empty(s):
    """Version 0: nothing written yet (no file, no bytes, or a header and
    no tables, which lede also takes as a new archive)."""
    return (not s["file"] or s["bytes"] == 0 or
            (s["appid"] == 0 and s["version"] == 0 and not s["names"]))

def checked(label, path=A):
    passed, report = check(path)
    if not passed:
        fail("%s: lede check: %s" % (label, report[:300]))
    return passed

# What version 1 looks like, made without a kill.
remove_archive(A)
open(A, "w").close()
r = lede(A, "check")
if r.returncode != 0:
    skip("lede check on an empty file failed: " + r.stderr)
V1 = look(A)
expect("an empty file becomes a version 1 lede archive",
       V1["appid"] == LEDE_ID and V1["version"] == 1 and
       "articles" in V1["names"], repr(V1)[:200])

def v1_complete(s, counts):
    return (s["file"] and s["appid"] == LEDE_ID and s["version"] == 1 and
            s["names"] == V1["names"] and s.get("count") in counts)

# 1. Version 0 -> 1: every kill point of the first opening of an empty
# file, then random kills of that and of an import into no file at all.
def empty_file():
    remove_archive(A)
    open(A, "w").close()

empty_file()
points = write_points(argv(A, "check"))
seen = {"old": 0, "new": 0}
bad = 0
for n in range(1, points + 1):
    empty_file()
    if crash_at(argv(A, "check"), n) != -9:
        fail("creation, kill point %d of %d: lede was not killed" % (n, points))
        bad += 1
        continue
    s = look(A)
    if is_empty(s):
        seen["old"] += 1
    elif v1_complete(s, (0,)):
        seen["new"] += 1
    else:
        fail("creation, kill point %d of %d: neither empty nor version 1: %s"
             % (n, points, repr(s)[:300]))
        bad += 1
        continue
    if not checked("creation, kill point %d" % n):
        bad += 1
expect("creation: %d kill points, each left an empty file (%d) or a whole "
       "version 1 (%d) that lede then opens and checks" %
       (points, seen["old"], seen["new"]), bad == 0)
expect("creation: killed before the commit and after it",
       seen["old"] > 0 and seen["new"] > 0, repr(seen))

small = articles_jsonl("small.jsonl", 20, 120)
rnd = rng()
n_random = loops(12)
span_check = max(timed(argv(A, "check")) for _ in range(2))
remove_archive(A)
span_import = timed(argv(A, "import", "--quiet", "--no-extract", small))
bad = 0
outcomes = {"old": 0, "new": 0}
for i in range(n_random):
    into_nothing = i % 2 == 1
    if into_nothing:
        remove_archive(A)
        cmd = argv(A, "import", "--quiet", "--no-extract", small)
        span = span_import
    else:
        empty_file()
        cmd = argv(A, "check")
        span = span_check
    kill_after(cmd, rnd.uniform(0, span))
    s = look(A)
    label = "random kill %d (%s)" % (i + 1, "import into no file"
                                     if into_nothing else "first opening")
    if is_empty(s):
        outcomes["old"] += 1
    elif v1_complete(s, (0, 20)):
        outcomes["new"] += 1
    else:
        fail("%s: neither empty nor a whole version 1: %s" %
             (label, repr(s)[:300]))
        bad += 1
        continue
    # The import run again completes it; the archive checks.
    r = lede(A, "import", "--quiet", "--no-extract", small)
    s = look(A)
    if r.returncode != 0 or not v1_complete(s, (20,)):
        fail("%s: the import run again: exit %d, %s; %s" %
             (label, r.returncode, r.stderr.strip()[:200], repr(s)[:200]))
        bad += 1
    elif not checked(label):
        bad += 1
expect("%d random kills while creating: each left an empty file (%d) or a "
       "whole version 1 (%d); importing again completed it and lede check "
       "passed" % (n_random, outcomes["old"], outcomes["new"]), bad == 0)

# 2. Rollback journal -> WAL on opening an archive full of articles.
remove_archive(A)
r = lede(A, "import", "--quiet", "--no-extract",
         articles_jsonl("mid.jsonl", 300, 150))
if r.returncode != 0:
    skip("the import the test needs failed: " + r.stderr)
db = sqlite3.connect(A)
mode = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
db.close()
BASE = os.path.join(T, "delete-mode.db")
copy_archive(A, BASE)
before = look(A)
expect("the archive is in rollback-journal mode to begin with",
       mode == "delete" and not before["wal"] and before["count"] == 300)

def after_wal_switch(label):
    s = look(A)
    if not (s["file"] and s["version"] == 1 and s["digest"] ==
            before["digest"] and s["count"] == 300):
        fail("%s: articles or version changed: %s" % (label, repr(s)[:300]))
        return None
    if not checked(label):
        return None
    return "new" if s["wal"] else "old"

points = write_points(argv(A, "check"))
seen = {"old": 0, "new": 0}
bad = 0
for n in range(1, points + 1):
    copy_archive(BASE, A)
    if crash_at(argv(A, "check"), n) != -9:
        fail("WAL switch, kill point %d of %d: lede was not killed" %
             (n, points))
        bad += 1
        continue
    o = after_wal_switch("WAL switch, kill point %d of %d" % (n, points))
    if o is None:
        bad += 1
    else:
        seen[o] += 1
expect("WAL switch: %d kill points, each left all 300 articles, rollback "
       "mode (%d) or WAL (%d), and lede check passing" %
       (points, seen["old"], seen["new"]), bad == 0)
expect("WAL switch: killed before it and after it",
       seen["old"] > 0 and seen["new"] > 0, repr(seen))
copy_archive(BASE, A)
span = max(timed(argv(A, "check")) for _ in range(1))
bad = 0
for i in range(max(4, n_random // 2)):
    copy_archive(BASE, A)
    kill_after(argv(A, "check"), rnd.uniform(0, span))
    if after_wal_switch("WAL switch, random kill %d" % (i + 1)) is None:
        bad += 1
expect("WAL switch: random kills left every article and a sound archive",
       bad == 0)

# 3. The rehearsed data migration, version 1 -> 2, on 800 articles.
remove_archive(A)
r = lede(A, "import", "--quiet", "--no-extract",
         articles_jsonl("big.jsonl", 800, 250))
if r.returncode != 0:
    skip("the import the test needs failed: " + r.stderr)
BASE = os.path.join(T, "v1.db")
copy_archive(A, BASE)
before = look(A)

def after_rehearsal(label):
    """'old', 'new', or None after a failure. A version 2 archive is
    checked by this lede through a copy marked version 1 again: version 2
    only adds to version 1."""
    s = look(A)
    if not s["file"] or s.get("digest") != before["digest"]:
        fail("%s: articles lost or changed: %s" % (label, repr(s)[:300]))
        return None
    if s["version"] == 1 and "words" not in s["columns"] and \
            "articles_words" not in s["names"]:
        return "old" if checked(label) else None
    if s["version"] == 2 and "words" in s["columns"] and \
            s["unfilled"] == 0 and "articles_words" in s["names"]:
        copy_archive(A, LOOK)
        db = sqlite3.connect(LOOK)
        db.execute("PRAGMA user_version = 1")
        db.close()
        ok_check = checked(label + " (version 2, checked as 1)", LOOK)
        remove_archive(LOOK)
        return "new" if ok_check else None
    fail("%s: neither version 1 intact nor version 2 complete: version %d,"
         " column words %s, %s rows unfilled, index %s" %
         (label, s["version"], "words" in s["columns"], s.get("unfilled"),
          "articles_words" in s["names"]))
    return None

cmd = [REHEARSE, A]
points = write_points(cmd)
nsample = loops(16)
sample = sorted(set([1, 2, points - 1, points] +
                    [1 + (points - 1) * k // (nsample - 1)
                     for k in range(nsample)]))
seen = {"old": 0, "new": 0}
bad = 0
for n in sample:
    copy_archive(BASE, A)
    if crash_at(cmd, n) != -9:
        fail("rehearsal, kill point %d of %d: not killed" % (n, points))
        bad += 1
        continue
    o = after_rehearsal("rehearsal, kill point %d of %d" % (n, points))
    if o is None:
        bad += 1
        continue
    seen[o] += 1
    if o == "old":
        # Running the migration again completes it.
        r = run_cmd(cmd)
        s = look(A)
        if r.returncode != 0 or s["version"] != 2 or \
                s["digest"] != before["digest"]:
            fail("rehearsal, kill point %d: running it again: exit %d %s" %
                 (n, r.returncode, r.stderr.strip()[:200]))
            bad += 1
expect("rehearsal: %d of its %d kill points, each left version 1 intact "
       "(%d, and running it again migrated it) or version 2 complete (%d), "
       "every article there and lede check passing" %
       (len(sample), points, seen["old"], seen["new"]), bad == 0)
expect("rehearsal: killed inside the migration and after it",
       seen["old"] > 0 and seen["new"] > 0, repr(seen))
copy_archive(BASE, A)
span = timed(cmd)
bad = 0
outcomes = {"old": 0, "new": 0}
for i in range(max(4, n_random // 2)):
    copy_archive(BASE, A)
    kill_after(cmd, rnd.uniform(0, span * 1.2))
    o = after_rehearsal("rehearsal, random kill %d" % (i + 1))
    if o is None:
        bad += 1
    else:
        outcomes[o] += 1
expect("rehearsal: random kills left version 1 (%d) or 2 (%d), every "
       "article there, lede check passing" % (outcomes["old"],
                                              outcomes["new"]), bad == 0)
finish()
PY
