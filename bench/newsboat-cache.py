#!/usr/bin/env python3
"""Build a newsboat cache.db (schema 2.33) holding the same articles as a
directory of gen.py JSON Lines, one feed per source, plus the `urls` and
`config` files to open it with newsboat and no network (feeds point at a
closed local port and nothing reloads on start).

Feeds are written to `urls` largest first, so the first line of newsboat's
feed list (selected at start) is the largest feed: Enter opens it.

usage: newsboat-cache.py JSONL_DIR OUTDIR      prints the largest feed's title
"""
import calendar
import glob
import html
import json
import os
import sqlite3
import sys

SCHEMA = """
CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  title VARCHAR(1024) NOT NULL );
CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL );
CREATE TABLE google_replay (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  state INTEGER NOT NULL,  ts INTEGER NOT NULL );
ALTER TABLE rss_item ADD enclosure_url VARCHAR(1024);
ALTER TABLE rss_item ADD enclosure_type VARCHAR(1024);
ALTER TABLE rss_item ADD enqueued INTEGER(1) NOT NULL DEFAULT 0;
ALTER TABLE rss_item ADD flags VARCHAR(52);
CREATE INDEX IF NOT EXISTS idx_rssurl ON rss_feed(rssurl);
CREATE INDEX IF NOT EXISTS idx_guid ON rss_item(guid);
CREATE INDEX IF NOT EXISTS idx_feedurl ON rss_item(feedurl);
ALTER TABLE rss_feed ADD lastmodified INTEGER(11) NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS idx_lastmodified ON rss_feed(lastmodified);
ALTER TABLE rss_item ADD deleted INTEGER(1) NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS idx_deleted ON rss_item(deleted);
ALTER TABLE rss_feed ADD is_rtl INTEGER(1) NOT NULL DEFAULT 0;
ALTER TABLE rss_feed ADD etag VARCHAR(128) NOT NULL DEFAULT "";
ALTER TABLE rss_item ADD base VARCHAR(128) NOT NULL DEFAULT "";
CREATE TABLE metadata (  db_schema_version_major INTEGER NOT NULL,  db_schema_version_minor INTEGER NOT NULL );
INSERT INTO metadata VALUES ( 2, 33 );
ALTER TABLE rss_item ADD COLUMN content_mime_type VARCHAR(255) NOT NULL DEFAULT "";
ALTER TABLE rss_item ADD COLUMN enclosure_description VARCHAR(1024) NOT NULL DEFAULT "";
ALTER TABLE rss_item ADD COLUMN enclosure_description_mime_type VARCHAR(128) NOT NULL DEFAULT "";
"""

CONFIG = """# newsboat settings for the benchmark: nothing reloads, nothing asks
auto-reload no
refresh-on-startup no
show-read-feeds yes
confirm-exit no
cleanup-on-quit no
prepopulate-query-feeds no
"""


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    db_path = os.path.join(out, 'cache.db')
    for suffix in ('', '-journal', '-wal', '-shm'):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    db = sqlite3.connect(db_path)
    db.executescript(SCHEMA)
    feeds = {}
    rows = []

    def flush():
        db.executemany('INSERT INTO rss_item (guid, title, author, url, feedurl,'
                       ' pubDate, content, unread, content_mime_type)'
                       ' VALUES (?,?,?,?,?,?,?,1,?)', rows)
        rows.clear()

    for path in sorted(glob.glob(os.path.join(src, '*.jsonl'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                a = json.loads(line)
                name = a['source']
                if name not in feeds:
                    feeds[name] = ['http://127.0.0.1:9/feed/%d.xml' % len(feeds), 0]
                feeds[name][1] += 1
                y, m, d = (int(x) for x in a['published'][:10].split('-'))
                ts = calendar.timegm((y, m, d, 12, 0, 0))
                content = ''.join('<p>%s</p>' % html.escape(p)
                                  for p in a['body'].split('\n\n'))
                rows.append((a['url'], a['title'], a['author'], a['url'],
                             feeds[name][0], ts, content, 'text/html'))
                if len(rows) >= 5000:
                    flush()
    flush()
    for name, (url, _) in feeds.items():
        db.execute('INSERT INTO rss_feed (rssurl, url, title) VALUES (?,?,?)',
                   (url, url.replace('.xml', '.html'), name))
    db.execute('ANALYZE')
    db.commit()
    db.close()
    order = sorted(feeds.items(), key=lambda kv: -kv[1][1])
    with open(os.path.join(out, 'urls'), 'w', encoding='utf-8') as f:
        for name, (url, _) in order:
            f.write(url + '\n')
    with open(os.path.join(out, 'config'), 'w') as f:
        f.write(CONFIG)
    print('%s\t%d' % (order[0][0], order[0][1][1]))


if __name__ == '__main__':
    main()
