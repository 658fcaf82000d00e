#!/bin/sh
# Schema migration under SIGKILL: every way an archive is brought to the
# current schema when lede opens it.
#
# 1. Creation: an empty file (as `touch` or a crash before the first write
#    leaves it; version 0 for src/archive/schema.c) gets every migration
#    step from the first.
# 2. An archive in rollback-journal mode (as `sqlite3 archive.db 'PRAGMA
#    journal_mode = DELETE'` leaves it, to copy it or put it on read-only
#    media) is switched to WAL.
# 3. An archive of schema 1, the first lede's, holding 2,000 articles with
#    events and correction flags (made by tests/old-archive with the real
#    schema-1 step and tokenizer), goes through the real data migrations:
#    the article count, sort keys recomputed and the full-text index
#    rebuilt, events rewritten, bodies compressed.
# 4. The same archive brought to schema 4 (by the real steps), so the
#    schema-5 step (every body compressed in place, the table renamed
#    behind a view) is killed on its own.
# 5. The same archive brought to schema 5, so the schema-6 step (the
#    entity index built from mentions) is killed on its own; lede check
#    compares that index with mentions.
#
# Each is killed (a) just before each of its changes to the files
# (tests/crashwrite.so), or an even sample of them for the long data
# migration, and (b) at random moments. After every kill the archive is
# the old version intact or the new one complete (never tables without
# the version number, never half-converted keys or events), lede then
# opens it and `lede check` passes, and no article, event or flag is lost
# or changed. LEDE_KILL_LOOPS sets the number of random kills and of
# sampled points (make stress runs more); LEDE_KILL_SEED replays.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 is needed to drive the kills"
[ -f "$top_builddir/tests/crashwrite.so" ] ||
    skip "tests/crashwrite.so is not built (run through make check)"
[ -x "$top_builddir/tests/old-archive" ] ||
    skip "tests/old-archive is not built (run through make check)"
export T A

PYTHONPATH="$top_srcdir/tests" python3 - <<'PY'
import hashlib, json, os, sqlite3, zlib
from crash import *

A = os.environ["A"]
LOOK = os.path.join(T, "look.db")
OLD_ARCHIVE = os.path.join(os.environ["top_builddir"], "tests",
                           "old-archive")
TYPES = {"date": 0, "time": 1, "duration": 2, "set": 3}
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
    # Schema 5's view reads bodies with the sqlar function the sqlite3
    # shell has built in (and lede registers): the same here.
    db.create_function("sqlar_uncompress", 2, lambda x, n: x
                       if n is None or n <= 0 or len(x) == n
                       else zlib.decompress(x), deterministic=True)
    s = {"file": True, "bytes": len(header),
         "appid": db.execute("PRAGMA application_id").fetchone()[0],
         "version": db.execute("PRAGMA user_version").fetchone()[0],
         # (statistics tables come and go with PRAGMA optimize)
         "names": sorted(r[0] for r in db.execute(
             "SELECT name FROM sqlite_schema"
             " WHERE name NOT LIKE 'sqlite_stat%'")),
         "wal": len(header) >= 20 and header[18] == 2}
    if "articles" in s["names"]:
        def digest(sql, fix=lambda r: r):
            h = hashlib.sha256()
            for row in db.execute(sql):
                h.update(repr(fix(row)).encode())
            return h.hexdigest()
        s["count"] = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        s["digest"] = digest("SELECT id, title, body FROM articles ORDER BY id")
        # schema 1 names event types, schema 4 numbers them
        s["events"] = digest("SELECT article_id, start, stop, type, value,"
                             " sent_start, sent_stop FROM events ORDER BY"
                             " article_id, start, stop", lambda r: r[:3] +
                             (TYPES.get(r[3], r[3]),) + r[4:])
        s["mentions"] = digest("SELECT article_id, entity_id, start, stop"
                               " FROM mentions ORDER BY article_id, start,"
                               " entity_id")
        s["flags"] = digest("SELECT id, article_id, start, stop, exact, note,"
                            " status FROM flags ORDER BY id")
        s["order"] = digest("SELECT id FROM articles ORDER BY sortkey")
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

# What the current schema looks like, made without a kill.
remove_archive(A)
open(A, "w").close()
r = lede(A, "check")
if r.returncode != 0:
    stop("lede check on an empty file failed: " + r.stderr)
NEW = look(A)
CURRENT = NEW["version"]
expect("an empty file becomes a lede archive of the current schema (%d)" %
       CURRENT, NEW["appid"] == LEDE_ID and CURRENT >= 1 and
       "articles" in NEW["names"], repr(NEW)[:200])

def is_current(s, counts):
    return (s["file"] and s["appid"] == LEDE_ID and s["version"] == CURRENT
            and s["names"] == NEW["names"] and s.get("count") in counts)

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
    elif is_current(s, (0,)):
        seen["new"] += 1
    else:
        fail("creation, kill point %d of %d: neither empty nor current: %s"
             % (n, points, repr(s)[:300]))
        bad += 1
        continue
    if not checked("creation, kill point %d" % n):
        bad += 1
expect("creation: %d kill points, each left an empty file (%d) or a whole "
       "current schema (%d) that lede then opens and checks" %
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
    elif is_current(s, (0, 20)):
        outcomes["new"] += 1
    else:
        fail("%s: neither empty nor a whole current schema: %s" %
             (label, repr(s)[:300]))
        bad += 1
        continue
    # The import run again completes it; the archive checks.
    r = lede(A, "import", "--quiet", "--no-extract", small)
    s = look(A)
    if r.returncode != 0 or not is_current(s, (20,)):
        fail("%s: the import run again: exit %d, %s; %s" %
             (label, r.returncode, r.stderr.strip()[:200], repr(s)[:200]))
        bad += 1
    elif not checked(label):
        bad += 1
expect("%d random kills while creating: each left an empty file (%d) or a "
       "whole current schema (%d); importing again completed it and lede check "
       "passed" % (n_random, outcomes["old"], outcomes["new"]), bad == 0)

# 2. Rollback journal -> WAL on opening an archive full of articles.
remove_archive(A)
r = lede(A, "import", "--quiet", "--no-extract",
         articles_jsonl("mid.jsonl", 300, 150))
if r.returncode != 0:
    stop("the import the test needs failed: " + r.stderr)
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
    if not (s["file"] and s["version"] == CURRENT and s["digest"] ==
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

# 3, 4 and 5. Schema 1 (then 4, then 5) -> current on 2,000 articles with
# events, mentions and flags.
def migration_kills(FROM):
    BASE = os.path.join(T, "schema%d.db" % FROM)
    remove_archive(BASE)
    r = run_cmd([OLD_ARCHIVE, BASE, "2000"] + ([str(FROM)] if FROM > 1
                                               else []))
    if r.returncode != 0:
        stop("tests/old-archive failed: " + r.stderr)
    before = look(BASE)
    expect("a schema %d archive to begin with" % FROM,
           before["version"] == FROM and before["count"] == 2000 and
           before["names"] != NEW["names"])

    def after_migration(label):
        """'old' or 'new' (lede then opened it, checked it, every article,
        event and flag there, in the same order), or None after a failure."""
        s = look(A)
        same = s["file"] and all(s.get(k) == before[k] for k in
                                 ("count", "digest", "events", "flags",
                                  "order", "mentions"))
        if s.get("version") == FROM and s["names"] == before["names"] and same:
            state = "old"
        elif is_current(s, (2000,)) and same:
            state = "new"
        else:
            fail("%s: neither schema %d intact nor the current one complete:"
                 " version %s, %s articles, %s" % (label, FROM,
                 s.get("version"), s.get("count"),
                 "data as before" if same else "data changed"))
            return None
        if not checked(label):
            return None
        s = look(A)
        if not (is_current(s, (2000,)) and all(s.get(k) == before[k] for k in
                ("digest", "events", "flags", "order", "mentions"))):
            fail("%s: after lede opened it: version %s, %s articles" %
                 (label, s.get("version"), s.get("count")))
            return None
        return state

    copy_archive(BASE, A)
    cmd = argv(A, "check")
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
            fail("schema %d, kill point %d of %d: not killed" % (FROM, n,
                                                                 points))
            bad += 1
            continue
        o = after_migration("schema %d, kill point %d of %d" % (FROM, n,
                                                               points))
        if o is None:
            bad += 1
        else:
            seen[o] += 1
    expect("schema %d -> %d: %d of its %d kill points, each left schema %d "
           "intact (%d) or the current schema complete (%d); lede then "
           "opened it, lede check passed, every article, event and flag "
           "there" % (FROM, CURRENT, len(sample), points, FROM, seen["old"],
                      seen["new"]), bad == 0)
    expect("schema %d: killed inside the migration and after it" % FROM,
           seen["old"] > 0 and seen["new"] > 0, repr(seen))
    copy_archive(BASE, A)
    span = timed(cmd)
    bad = 0
    outcomes = {"old": 0, "new": 0}
    for i in range(max(4, n_random // 2)):
        copy_archive(BASE, A)
        kill_after(cmd, rnd.uniform(0, span * 1.2))
        o = after_migration("schema %d, random kill %d" % (FROM, i + 1))
        if o is None:
            bad += 1
        else:
            outcomes[o] += 1
    expect("schema %d: random kills left schema %d (%d) or the current one "
           "(%d), every article there, lede check passing" %
           (FROM, FROM, outcomes["old"], outcomes["new"]), bad == 0)

migration_kills(1)
migration_kills(4)
migration_kills(5)
finish()
PY
