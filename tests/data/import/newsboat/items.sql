-- Test rows: a normal item, a deleted one, an Arabic item in a right-to-left
-- feed, a Hebrew one, one with bad bytes, no date and an unknown feed, and
-- one whose content newsboat marked text/plain.
INSERT INTO rss_feed (rssurl, url, title, is_rtl) VALUES
  ('https://english.enabbaladi.net/feed/', 'https://english.enabbaladi.net/', 'Enab Baladi', 0),
  ('https://www.enabbaladi.net/feed/', 'https://www.enabbaladi.net/', 'عنب بلدي', 1),
  ('https://he.example/feed', 'https://he.example/', 'Hebrew feed', 1);
INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, deleted) VALUES
  ('https://english.enabbaladi.net/?p=1', 'Neighbours &amp; <b>allies</b> meet', 'Hussam al-Mahmoud',
   'https://english.enabbaladi.net/archives/1', 'https://english.enabbaladi.net/feed/', 1741514400,
   '<p>One.</p><script>alert(1)</script><nav>Menu</nav><p>Two &amp; three.</p>', 1, 0),
  ('gone', 'Deleted item', '', 'https://english.enabbaladi.net/archives/2',
   'https://english.enabbaladi.net/feed/', 1741514500, '<p>Tombstone.</p>', 1, 1),
  ('ar-1', 'دول الجوار تجتمع', 'حسام المحمود', 'https://www.enabbaladi.net/archives/3',
   'https://www.enabbaladi.net/feed/', 1741600000, '<p>اجتمعت دول الجوار في عمّان لبحث التعاون.</p>', 0, 0),
  ('he-1', 'Hebrew', '', 'https://he.example/1', 'https://he.example/feed', 1741600000,
   '<p>שלום עולם</p>', 1, 0),
  ('odd', CAST(X'4261642000C0AF' AS TEXT), '', '', 'https://unknown.example/feed', 0, '', 1, 0);
INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, content_mime_type) VALUES
  ('txt-1', 'Plain text item', '', 'https://english.enabbaladi.net/archives/4',
   'https://english.enabbaladi.net/feed/', 1741700000,
   'Line one' || char(10) || 'line two' || char(10) || char(10) || 'Second <para> & more', 1, 'text/plain');
