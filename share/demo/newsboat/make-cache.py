#!/usr/bin/env python3
"""Build share/demo/newsboat/cache.db, a small newsboat cache for the lede demo.

Everything in it is invented sample content written for lede: the feeds, the
people, the quotes and the events. The schema is newsboat's own, replayed
patch by patch as newsboat's src/cache.cpp does (schema 2.33, with the
metadata table); see ../../../../shared/notes/newsboat-cache.md in the
project's working notes.

Run:  python3 share/demo/newsboat/make-cache.py [OUTPUT]
OUTPUT defaults to cache.db next to this script. The file is rebuilt from
scratch, so the output is the same every time (no timestamps from "now").

What lede should import from it: 6 articles. The one item with deleted=1 is a
tombstone and must not be imported.
"""

import os
import sqlite3
import sys
from datetime import datetime, timezone, timedelta

SCHEMA = [
    # patch {2, 10}
    "CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  title VARCHAR(1024) NOT NULL ); ",
    "CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL );",
    "CREATE TABLE google_replay (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  state INTEGER NOT NULL,  ts INTEGER NOT NULL );",
    "ALTER TABLE rss_item ADD enclosure_url VARCHAR(1024);",
    "ALTER TABLE rss_item ADD enclosure_type VARCHAR(1024);",
    "ALTER TABLE rss_item ADD enqueued INTEGER(1) NOT NULL DEFAULT 0;",
    "ALTER TABLE rss_item ADD flags VARCHAR(52);",
    "CREATE INDEX IF NOT EXISTS idx_rssurl ON rss_feed(rssurl);",
    "CREATE INDEX IF NOT EXISTS idx_guid ON rss_item(guid);",
    "CREATE INDEX IF NOT EXISTS idx_feedurl ON rss_item(feedurl);",
    "ANALYZE;",
    "ALTER TABLE rss_feed ADD lastmodified INTEGER(11) NOT NULL DEFAULT 0;",
    "CREATE INDEX IF NOT EXISTS idx_lastmodified ON rss_feed(lastmodified);",
    "ALTER TABLE rss_item ADD deleted INTEGER(1) NOT NULL DEFAULT 0;",
    "CREATE INDEX IF NOT EXISTS idx_deleted ON rss_item(deleted);",
    "ALTER TABLE rss_feed ADD is_rtl INTEGER(1) NOT NULL DEFAULT 0;",
    'ALTER TABLE rss_feed ADD etag VARCHAR(128) NOT NULL DEFAULT "";',
    'ALTER TABLE rss_item ADD base VARCHAR(128) NOT NULL DEFAULT "";',
    # patch {2, 11}
    "CREATE TABLE metadata (  db_schema_version_major INTEGER NOT NULL,  db_schema_version_minor INTEGER NOT NULL );",
    "INSERT INTO metadata VALUES ( 2, 11 );",
    # patch {2, 22}
    'ALTER TABLE rss_item ADD COLUMN content_mime_type VARCHAR(255) NOT NULL DEFAULT "";',
    "UPDATE metadata SET db_schema_version_major = 2, db_schema_version_minor = 22;",
    # patch {2, 33}
    'ALTER TABLE rss_item ADD COLUMN enclosure_description VARCHAR(1024) NOT NULL DEFAULT "";',
    'ALTER TABLE rss_item ADD COLUMN enclosure_description_mime_type VARCHAR(128) NOT NULL DEFAULT "";',
    "UPDATE metadata SET db_schema_version_major = 2, db_schema_version_minor = 33;",
]

BASE = "https://example.org/lede-demo/"
SCIENCE = BASE + "newsboat/science.xml"
ARABIC = BASE + "newsboat/ar.xml"
SPORT = BASE + "newsboat/sport.xml"


def epoch(s):
    """'2024-10-02 08:30 +03:00' -> Unix seconds."""
    d, t, z = s.split()
    sign = 1 if z[0] == "+" else -1
    hh, mm = z[1:].split(":")
    tz = timezone(sign * timedelta(hours=int(hh), minutes=int(mm)))
    return int(datetime.fromisoformat(d + "T" + t).replace(tzinfo=tz).timestamp())


def html(*paras):
    return "\n".join("<p>%s</p>" % p for p in paras)


# rssurl, url, title, lastmodified, is_rtl, etag
FEEDS = [
    (SCIENCE, BASE + "science/", "Lede Sample Science Feed (invented)",
     epoch("2025-07-15 09:00 +03:00"), 0, '"lede-demo-science-7"'),
    (ARABIC, BASE + "ar/", "Lede Sample Arabic Desk (invented) – نشرة ليد التجريبية",
     epoch("2024-09-10 12:00 +03:00"), 1, ""),
    (SPORT, BASE + "sport/", "Lede Sample Sports (invented)",
     epoch("2025-10-26 20:00 +03:00"), 0, '"lede-demo-sport-2"'),
]

ITEMS = [
    dict(guid="lede-demo-science-2024-0001", feedurl=SCIENCE, unread=0, flags="s",
         title="Basra study finds Shatt al-Arab salinity more than doubled over the summer",
         author="Ali Hashim", url=BASE + "2024/10/basra-salinity-study",
         pubDate=epoch("2024-10-02 08:30 +03:00"), mime="text/html", content=html(
        "Salt levels in the Shatt al-Arab near Abu al-Khasib passed 9,000 parts per million in August, more than twice what date palms can tolerate, researchers at the University of Basra said on Tuesday.",
        "The team, led by the climate researcher Dr. Karim al-Saadi, measured the water every week from July to September at six points between Basra and Fao. Readings at the northern points stayed below 3,000 parts per million, but at Abu al-Khasib and further south they rose through the summer as less fresh water reached the river from the Tigris and Euphrates and seawater from the Gulf pushed upstream.",
        "&ldquo;The sea is walking up the river, about a kilometre a week in August,&rdquo; al-Saadi said.",
        "The study recommends larger releases of fresh water in July and August and a barrier across the river south of Abu al-Khasib. Al-Saadi said digging wells would not help, because groundwater in the area is also salty.",
        "Farmers in Abu al-Khasib said they had lost hundreds of palms since 2022. The Basra Palm Growers Association (BPGA) said it would present the study to the provincial council next week.")),
    dict(guid="lede-demo-science-2024-0002", feedurl=SCIENCE, unread=1, flags=None,
         title="Sfax olive pickers start early as prices fall",
         author="Amira Ben Salah", url=BASE + "2024/11/sfax-olive-harvest",
         pubDate=epoch("2024-11-20 10:00 +01:00"), mime="", content=html(
        "Olive growers around Sfax started picking about two weeks earlier than usual this year, hoping to sell before prices fall further, the Sfax Olive Growers Union (SOGU) said on Wednesday.",
        "The union's president, Mounir Kallel, said the price growers receive for a litre of oil had fallen by almost a third since last winter, after a large harvest across the Mediterranean. Kallel said the region expected one of its biggest crops in a decade and that some mills were already running through the night.",
        "Najet Ayadi, who has picked olives in the groves west of the city for 30 years, said pickers were paid by the crate, so a big harvest was good news for them. &ldquo;For us, more olives is more bread. For the owners, it is more worry,&rdquo; Ayadi said.",
        "The union asked the government to buy part of the harvest for storage. The harvest is expected to last until the end of February.")),
    dict(guid="lede-demo-science-2024-0002-dup", feedurl=SCIENCE, unread=0, flags=None, deleted=1,
         title="Sfax olive pickers start early as prices fall (duplicate, withdrawn)",
         author="Amira Ben Salah", url=BASE + "2024/11/sfax-olive-harvest-dup",
         pubDate=epoch("2024-11-20 10:05 +01:00"), mime="", content=html(
        "This item was a duplicate of an earlier sample article and was deleted in newsboat. lede must not import it.")),
    dict(guid="lede-demo-science-2025-0003", feedurl=SCIENCE, unread=1, flags=None,
         title="Tigris at Baghdad falls to its lowest July level in the observatory's records",
         author="Ali Hashim", url=BASE + "2025/07/tigris-baghdad-low",
         pubDate=epoch("2025-07-15 08:45 +03:00"), mime="text/html", content=html(
        "The Tigris in central Baghdad fell this week to its lowest July level since the Baghdad River Observatory (BRO), a research group at the University of Baghdad, began daily measurements in 2009.",
        "The observatory's director, Dr. Rasha Kadhim, said the river at the Abu Nuwas gauge was about 1.2 metres lower than its July average, and had fallen every week since June. Sandbanks have appeared near the Al-Jumhuriya Bridge, and some of the small boats that carry passengers between the banks have stopped running.",
        "Kadhim said a dry winter upstream and high summer demand from farms explained most of the fall. &ldquo;It is not one bad year; it is several bad years in a row,&rdquo; she said.",
        "Haider Abbas, who has rowed passengers across the river at Abu Nuwas for 15 years, said he had worked only three days last week. Abbas said he would try again next month, after the observatory expects a small rise from releases upstream.",
        "The BRO publishes its readings every morning on its website.")),
    dict(guid="lede-demo-ar-2024-0101", feedurl=ARABIC, unread=1, flags=None,
         title="أعمال ترميم الجسر العتيق في الموصل تبلغ 40 في المئة",
         author="يوسف النعيمي", url=BASE + "ar/2024/09/mosul-old-bridge-progress",
         pubDate=epoch("2024-09-10 09:15 +03:00"), mime="text/html", content=html(
        "قال صندوق إعمار نينوى (NRF) يوم الإثنين إن أعمال ترميم الجِسْرِ العَتِيقِ في الموصل بلغت نحو 40 في المئة، وإن المشروع الذي تبلغ كلفته 41 مليون دولار يسير وفق الجدول الزمني المحدد.",
        "وأوضح مدير المشروع، يوسف الطائي، أن الغواصين أنهوا صبّ الأساسات الجديدة للدعامتين المتضررتين في آب/أغسطس الماضي، وأن تركيب الهيكل الحديدي للجسر سيبدأ في تشرين الثاني/نوفمبر المقبل.",
        "وقالت المهندسة سارة محمود، كبيرة مهندسي شركة Tigris Span Engineering، إن 160 عاملًا من أبناء المدينة يعملون في الموقع على ورديتين، وإن انخفاض منسوب نهر دجلة خلال الصيف «ساعدنا كثيرًا».",
        "ويتوقع الصندوق أن يُعاد افتتاح الجسر أمام حركة المرور في آذار/مارس 2025، أي بعد نحو 14 شهرًا من إغلاقه.",
        "أما أحمد جرجيس، بائع التوابل الذي يقع دكانه عند الطرف الغربي للجسر، فقال: «أرى الرافعة كل صباح من نافذة دكاني، وهذا وحده يكفيني الآن».")),
    dict(guid="lede-demo-sport-2025-0001", feedurl=SPORT, unread=1, flags=None,
         title="Tunis women's four win the regional regatta on home water",
         author="Amira Ben Salah", url=BASE + "2025/08/tunis-regatta",
         pubDate=epoch("2025-08-31 19:00 +01:00"), mime="text/html", content=html(
        "A women's coxless four from the Lake of Tunis Rowing Club won the main race of the North African regional regatta on Saturday, beating crews from Algeria, Egypt and Morocco over 2,000 metres on the Lake of Tunis.",
        "The crew's stroke, Yasmine Jebali, 19, said the strong afternoon wind had suited them because they had trained in it all summer. &ldquo;The others were fighting the lake. We know the lake,&rdquo; Jebali said.",
        "The club's coach, Hatem Bouzid, said the four had started rowing together only in March. Bouzid said he hoped to take the crew to the continental championships in Alexandria next April.",
        "About 1,500 spectators watched from the shore and from small boats, the organisers said.")),
    dict(guid="lede-demo-sport-2025-0002", feedurl=SPORT, unread=1, flags="r",
         title="Shilan Omar defends her Erbil half marathon title",
         author="Dilan Aziz", url=BASE + "2025/10/erbil-half-marathon-2025",
         pubDate=epoch("2025-10-26 18:30 +03:00"), mime="text/html",
         enclosure_url=BASE + "img/erbil-half-marathon-2025.jpg", enclosure_type="image/jpeg",
         enclosure_description="Shilan Omar crosses the finish line in Sami Abdulrahman Park (invented sample)",
         enclosure_description_mime_type="text/plain", content=html(
        "Shilan Omar won the women's race at the Erbil Half Marathon for the second year running on Saturday, finishing in one hour, 18 minutes and 52 seconds, almost a minute faster than last year.",
        "More than 3,100 runners took part, up from about 1,800 last year, according to the organisers, the Kurdistan Runners Association (KRA).",
        "Omar, now a qualified physiotherapist, said she had changed almost nothing in her training. &ldquo;Same hills, same shoes, one year older,&rdquo; she said.",
        "The men's race was won by Aram Jalal of Erbil in one hour, seven minutes and 40 seconds. Last year's winner, Rebaz Hamid, finished third.",
        "The KRA's chairman, Kawa Mustafa, said next year's event would include a full marathon for the first time, on a route along the Erbil-Shaqlawa road. Mustafa said the association had also asked the city for more water stations after several runners needed treatment for dehydration.")),
]


def build(path):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF;")
    db.execute("PRAGMA case_sensitive_like=OFF;")
    for sql in SCHEMA:
        db.execute(sql)
    db.executemany("INSERT INTO rss_feed (rssurl, url, title, lastmodified, is_rtl, etag) "
                   "VALUES (?, ?, ?, ?, ?, ?)", FEEDS)
    for it in ITEMS:
        db.execute(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, "
            "enclosure_url, enclosure_type, enqueued, flags, deleted, base, content_mime_type, "
            "enclosure_description, enclosure_description_mime_type) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
            (it["guid"], it["title"], it["author"], it["url"], it["feedurl"], it["pubDate"],
             it["content"], it["unread"], it.get("enclosure_url"), it.get("enclosure_type"),
             it["flags"], it.get("deleted", 0), BASE, it["mime"],
             it.get("enclosure_description", ""), it.get("enclosure_description_mime_type", "")))
    db.commit()
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "cache.db")
    build(out)
    print("wrote %s: %d feeds, %d items (%d deleted)" % (
        out, len(FEEDS), len(ITEMS), sum(1 for i in ITEMS if i.get("deleted"))))
