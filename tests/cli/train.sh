#!/bin/sh
# lede-train without Debian's data: when WordNet, iso-codes, tzdata or the
# word list are missing or are not what they should be, the trainer says
# which file it could not use and still writes a model from the labelled
# text. The corpus is a few sentences written for this test.
. "$top_srcdir/tests/lib.sh"
train="$top_builddir/src/extract/lede-train"
[ -x "$train" ] || skip "src/extract/lede-train is not built"

cat >"$T/train.txt" <<'TXT'
-DOCSTART- O

Maria I-PER
Lopez I-PER
visited O
Lisbon I-LOC
for O
Acme I-ORG
Corp I-ORG
. O

The O
mayor O
of O
Lisbon I-LOC
met O
Maria I-PER
. O
TXT
cp "$T/train.txt" "$T/dev.txt"
mkdir "$T/wn"
printf 'not a WordNet file | at all\n' >"$T/wn/data.noun"

expect_status "trains with every Debian file missing" 0 \
    "$train" -t "$T/train.txt" -d "$T/dev.txt" -e 2 -I \
    -w "$T/nowordnet" -g "$T/noiso" -z "$T/nozones" -D "$T/nowords" \
    -o "$T/a.model"
err=$(cat "$T/err")
expect_match "names the missing WordNet data" "$err" \
    "nowordnet/data.noun: not found \(no WordNet names"
expect_match "names the missing iso-codes file" "$err" \
    "noiso/iso_3166-1.json: not found"
expect_match "names the missing word list" "$err" "nowords: not found"
expect_eq "writes a model" "$(head -c 7 "$T/a.model")" "LEDENER"

expect_status "trains with a data.noun that is not WordNet's" 0 \
    "$train" -t "$T/train.txt" -d "$T/dev.txt" -e 2 -I -w "$T/wn" \
    -o "$T/b.model"
expect_match "says the file is not WordNet's" "$(cat "$T/err")" \
    "wn/data.noun: no WordNet noun synsets"
expect_eq "writes a model" "$(head -c 7 "$T/b.model")" "LEDENER"
finish
