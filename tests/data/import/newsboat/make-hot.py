#!/usr/bin/env python3
# A cache left with a hot journal, as when a newsboat is killed mid-write:
# make-hot.py DB SCHEMA.sql ITEMS.sql. Used by make-caches.sh.
import os, sqlite3, sys
db = sys.argv[1]
con = sqlite3.connect(db, isolation_level=None)
con.executescript(open(sys.argv[2]).read())
con.executescript(open(sys.argv[3]).read())
con.execute("PRAGMA journal_mode=DELETE")
con.execute("PRAGMA cache_size=1")
con.execute("BEGIN")
# Enough changes to spill the page cache into the database file before
# the commit that never comes: the journal left beside it is hot.
for i in range(8):
    con.execute("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread) VALUES (?, 'UNCOMMITTED', '', '', 'x', 0, ?, 1)", ("u%d" % i, "x" * 1500))
con.execute("UPDATE rss_item SET title = 'UNCOMMITTED'")
os._exit(0)
