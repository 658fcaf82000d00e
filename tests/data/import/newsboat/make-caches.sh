#!/bin/sh
# Rebuild the newsboat cache fixtures from the SQL beside this script
# (needs the sqlite3 command-line tool). The .db files are committed so
# the tests do not need sqlite3 themselves.
set -e
cd "$(dirname "$0")"
rm -f cache-2.33.db cache-old.db cache-v3.db not-newsboat.db view.db cache-hot.db*
cat schema-2.33.sql items.sql | sqlite3 cache-2.33.db
sqlite3 cache-old.db < old.sql
{ cat schema-2.33.sql; echo "UPDATE metadata SET db_schema_version_major = 3, db_schema_version_minor = 0;"; } | sqlite3 cache-v3.db
sqlite3 not-newsboat.db "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'hello');"
# rss_item replaced by a view: refused.
sqlite3 view.db "CREATE TABLE rss_feed (rssurl TEXT, url TEXT, title TEXT); CREATE VIEW rss_item AS SELECT 1 AS guid, 2 AS title, 3 AS author, 4 AS url, 5 AS feedurl, 6 AS pubDate, 7 AS content, 8 AS unread;"
for f in cache-2.33.db cache-old.db cache-v3.db not-newsboat.db view.db; do sqlite3 "$f" "PRAGMA journal_mode=DELETE; VACUUM;" >/dev/null; done
# A hot journal: a writer killed mid-transaction (python3's sqlite3 module).
rm -f cache-hot.db cache-hot.db-journal
python3 make-hot.py cache-hot.db schema-2.33.sql items.sql
