-- A cache from before newsboat 2.10: no metadata, no deleted, no is_rtl.
CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  title VARCHAR(1024) NOT NULL ); 
CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL );
INSERT INTO rss_feed VALUES ('https://old.example/rss', 'https://old.example/', 'Old Feed');
INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread) VALUES
  ('o1', 'Old item', 'Someone', 'https://old.example/1', 'https://old.example/rss', 1100000000, 'Plain text content', 0);
