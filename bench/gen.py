#!/usr/bin/env python3
"""Deterministic generator of benchmark archives for lede.

Builds N articles of about 3 KB from the sentences of the corpora in
../shared/corpora/news (English: BBC and Reuters-21578; Arabic:
SaudiNewsNet), with dates spread over 2015-2025 (or, with --recent, in the
month after them), invented source and author names, and varied lengths. The same seed gives byte-identical output.
Output: JSON Lines files of 10,000 articles each in OUTDIR (never commit
them). Also prints the raw text size in bytes (title + body) on stdout.

usage: gen.py --lang en|ar --count N --out OUTDIR [--seed 42] [--start K]
              [--recent] [--shared DIR]
"""
import argparse
import glob
import json
import os
import random
import re
import sys
import zipfile

SPLIT = re.compile(r'(?<=[.!?\u061F])\s+')


def english_sentences(news):
    out = []
    for path in sorted(glob.glob(os.path.join(news, 'bbc', '*', '*.txt'))):
        with open(path, 'rb') as f:
            text = f.read().decode('utf-8', 'replace')
        for para in text.split('\n')[1:]:
            out.extend(s.strip() for s in SPLIT.split(para) if len(s.strip()) > 30)
    for path in sorted(glob.glob(os.path.join(news, 'reuters21578', '*.sgm'))):
        with open(path, 'rb') as f:
            text = f.read().decode('latin-1')
        for body in re.findall(r'<BODY>(.*?)</BODY>', text, re.S):
            body = re.sub(r'&#\d+;|&lt;|&gt;|&amp;', ' ', body).replace('\n', ' ')
            out.extend(s.strip() for s in SPLIT.split(body) if len(s.strip()) > 30)
    return out


def arabic_sentences(news):
    out = []
    for path in sorted(glob.glob(os.path.join(news, 'saudinewsnet', '*.zip'))):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                for art in json.loads(z.read(name)):
                    content = art.get('content') or ''
                    out.extend(s.strip() for s in SPLIT.split(content) if len(s.strip()) > 30)
    return out


SOURCES_EN = ['Harbour Ledger', 'Northern Courier', 'Valley Tribune', 'Desert Post',
              'River Gazette', 'Coastal Herald', 'Metro Observer', 'Plains Chronicle',
              'Island Record', 'Capital Dispatch', 'Hill Country News', 'Lakeside Times']
SOURCES_AR = ['صحيفة الوادي', 'البريد الشمالي', 'أخبار الساحل', 'الرائد اليومي',
              'صوت المدينة', 'جريدة الواحة']
FIRST = ['Amira', 'Daniel', 'Layla', 'Omar', 'Sofia', 'James', 'Noor', 'Peter',
         'Hana', 'Samir', 'Clara', 'Yusuf', 'Maya', 'Tariq', 'Elena', 'Karim']
LAST = ['Haddad', 'Okafor', 'Lindqvist', 'Mansour', 'Brennan', 'Castillo', 'Nakamura',
        'Farouk', 'Mwangi', 'Kowalski', 'Rahimi', 'Dupont', 'Osei', 'Petrov']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lang', choices=['en', 'ar'], default='en')
    ap.add_argument('--count', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=42)
    ap.add_argument('--start', type=int, default=0, help='first article number (for extra batches)')
    ap.add_argument('--recent', action='store_true',
                    help='date the articles in January 2026, after every article of the main sets '
                         '(news arriving in an existing archive)')
    ap.add_argument('--shared', default=os.environ.get('LEDE_SHARED',
                    os.path.join(os.path.dirname(__file__), '..', '..', 'shared')))
    a = ap.parse_args()
    news = os.path.join(a.shared, 'corpora', 'news')
    if not os.path.isdir(news):
        print('gen.py: corpora not found under %s' % news, file=sys.stderr)
        sys.exit(77)
    sents = english_sentences(news) if a.lang == 'en' else arabic_sentences(news)
    sources = SOURCES_EN if a.lang == 'en' else SOURCES_AR
    rnd = random.Random(a.seed * 1000003 + a.start)
    os.makedirs(a.out, exist_ok=True)
    raw = 0
    fp = None
    for i in range(a.start, a.start + a.count):
        if (i - a.start) % 10000 == 0:
            if fp:
                fp.close()
            fp = open(os.path.join(a.out, '%s-%07d.jsonl' % (a.lang, i)), 'w', encoding='utf-8')
        target = int(rnd.lognormvariate(7.9, 0.35))       # median ~2.7 KB
        paras, size, para = [], 0, []
        while size < target:
            s = rnd.choice(sents)
            para.append(s)
            size += len(s.encode()) + 1
            if len(para) >= rnd.randint(2, 5):
                paras.append(' '.join(para))
                para = []
        if para:
            paras.append(' '.join(para))
        title = rnd.choice(sents)
        title = ' '.join(title.split()[:rnd.randint(6, 12)])
        day = rnd.randint(0, 3999)
        y, rem = 2015 + day // 365, day % 365
        date = '%04d-%02d-%02d' % (min(y, 2025), rem // 31 % 12 + 1, rem % 28 + 1)
        if a.recent:
            date = '2026-01-%02d' % (1 + day % 28)
        src = rnd.choice(sources)
        art = {
            'title': title,
            'url': 'https://example.org/bench/%s/%d' % (a.lang, i),
            'published': date,
            'author': '%s %s' % (rnd.choice(FIRST), rnd.choice(LAST)),
            'source': src,
            'language': a.lang,
            'body': '\n\n'.join(paras),
        }
        raw += len(title.encode()) + len(art['body'].encode())
        fp.write(json.dumps(art, ensure_ascii=False) + '\n')
    if fp:
        fp.close()
    print(raw)


if __name__ == '__main__':
    main()
