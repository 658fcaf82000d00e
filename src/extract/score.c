/*
 * Span scoring for the evaluation of src/extract. Gold and predicted spans
 * come sorted or not; documents are small (hundreds of spans), so the
 * pairing is a plain quadratic scan, done once per document.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/score.h"
#include "util/xalloc.h"

static int
overlaps(const struct extract_scored *a, const struct extract_scored *b)
{
	return a->start < b->end && b->start < a->end;
}

void
extract_score_add(struct extract_tally *t, const struct extract_scored *gold,
    size_t ngold, const struct extract_scored *pred, size_t npred)
{
	unsigned char *used = npred ? xcalloc(npred, 1) : NULL;
	size_t g, p, best;
	const struct extract_scored *a, *b;

	t->gold += ngold;
	t->pred += npred;
	for (g = 0; g < ngold; g++) {
		a = &gold[g];
		best = npred;
		for (p = 0; p < npred; p++) {
			if (used[p] || !overlaps(a, &pred[p]))
				continue;
			if (best == npred)
				best = p;
			if (pred[p].start == a->start && pred[p].end == a->end) {
				best = p;
				break;
			}
		}
		if (best == npred)
			continue;
		used[best] = 1;
		b = &pred[best];
		t->relaxed++;
		if (b->start == a->start && b->end == a->end) {
			t->strict++;
			if (b->label == a->label)
				t->exact++;
		}
		if (a->value != NULL && b->value != NULL &&
		    strcmp(a->value, b->value) == 0)
			t->value++;
	}
	free(used);
}

double
extract_score_f1(size_t match, size_t pred, size_t gold)
{
	double p, r;

	if (match == 0 || pred == 0 || gold == 0)
		return 0.0;
	p = (double)match / pred;
	r = (double)match / gold;
	return 2 * p * r / (p + r);
}

double
extract_score_relaxed_f1(const struct extract_tally *t)
{
	return extract_score_f1(t->relaxed, t->pred, t->gold);
}

double
extract_score_strict_f1(const struct extract_tally *t)
{
	return extract_score_f1(t->strict, t->pred, t->gold);
}

double
extract_score_value_f1(const struct extract_tally *t)
{
	if (t->relaxed == 0)
		return 0.0;
	return (double)t->value / t->relaxed * extract_score_relaxed_f1(t);
}

double
extract_score_exact_f1(const struct extract_tally *t)
{
	return extract_score_f1(t->exact, t->pred, t->gold);
}
