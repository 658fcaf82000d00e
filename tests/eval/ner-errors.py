#!/usr/bin/env python3
"""Entity errors by kind and cause, from a tag file written by lede-eval -t.

    tests/eval/lede-eval -o wikigold -t /tmp/wg.tags
    tests/eval/ner-errors.py /tmp/wg.tags [EXAMPLES]

Each line of the tag file is "word gold predicted" (IOB2); a blank line
ends a sentence. Spans are scored as lede-eval scores them: exact typed
PER/ORG/LOC spans, MISC ignored. Every false positive and false negative
is put in one class -- wrong type on the right span, a gold MISC span,
a boundary error (same or other type), or no gold entity at all -- and
the classes are printed largest first with their commonest strings.
"""
import collections
import sys

KINDS = ("PER", "ORG", "LOC")


def spans(tags):
    out, i = [], 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        kind, j = tags[i][2:], i + 1
        while j < len(tags) and tags[j] == "I-" + kind:
            j += 1
        out.append((i, j, kind))
        i = j
    return out


def sentences(path):
    cur = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                if cur and cur[0][0] != "-DOCSTART-":
                    yield cur
                cur = []
            else:
                cur.append(fields)
    if cur and cur[0][0] != "-DOCSTART-":
        yield cur


def fp_class(kind, span, gold, gold_at):
    a, b = span
    gk = gold_at.get(span)
    if gk == "MISC":
        return "FP %s: a gold MISC span" % kind
    if gk is not None:
        return "FP %s: gold %s, same span" % (kind, gk)
    over = [g for g in gold if g[0] < b and a < g[1]]
    if not over:
        return "FP %s: no gold entity" % kind
    if any(g[2] == "MISC" for g in over):
        return "FP %s: overlaps a gold MISC" % kind
    if any(g[2] == kind for g in over):
        return "FP %s: boundary, same type" % kind
    return "FP %s: boundary and type" % kind


def fn_class(kind, span, pred, pred_at):
    a, b = span
    pk = pred_at.get(span)
    if pk is not None:
        return "FN %s: tagged %s" % (kind, pk)
    over = [p for p in pred if p[0] < b and a < p[1]]
    if not over:
        return "FN %s: missed" % kind
    if any(p[2] == kind for p in over):
        return "FN %s: boundary, same type" % kind
    return "FN %s: boundary and type" % kind


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: ner-errors.py TAGFILE [EXAMPLES]")
    nex = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    classes = collections.defaultdict(collections.Counter)
    tally = {k: collections.Counter() for k in KINDS}
    for s in sentences(sys.argv[1]):
        words = [t[0] for t in s]
        gold = spans([t[1] for t in s])
        pred = spans([t[2] for t in s])
        gold_at = {(a, b): k for a, b, k in gold}
        pred_at = {(a, b): k for a, b, k in pred}
        for a, b, k in pred:
            if k not in KINDS:
                continue
            tally[k]["pred"] += 1
            if gold_at.get((a, b)) == k:
                tally[k]["tp"] += 1
                continue
            c = fp_class(k, (a, b), gold, gold_at)
            classes[c][" ".join(words[a:b])] += 1
        for a, b, k in gold:
            if k not in KINDS:
                continue
            tally[k]["gold"] += 1
            if pred_at.get((a, b)) != k:
                c = fn_class(k, (a, b), pred, pred_at)
                classes[c][" ".join(words[a:b])] += 1
    for k in KINDS:
        t = tally[k]
        p = t["tp"] / t["pred"] if t["pred"] else 0
        r = t["tp"] / t["gold"] if t["gold"] else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print("%s  P %.3f  R %.3f  F1 %.3f  (%d gold)" % (k, p, r, f,
                                                        t["gold"]))
    print()
    for fpfn in ("FP", "FN"):
        rows = [(sum(c.values()), name, c) for name, c in classes.items()
                if name.startswith(fpfn)]
        for n, name, c in sorted(rows, key=lambda x: (-x[0], x[1])):
            ex = "; ".join(w if m == 1 else "%s (%d)" % (w, m)
                           for w, m in c.most_common(nex))
            print("%5d %-32s %s" % (n, name, ex))
        print()


if __name__ == "__main__":
    main()
