/*
 * Scoring extracted spans against gold spans, for lede's evaluation
 * program and its unit tests: TempEval-3 style (relaxed = any overlap,
 * strict = same extent, value accuracy over relaxed matches) and
 * CoNLL style (exact span and label).
 */
#ifndef LEDE_EXTRACT_SCORE_H
#define LEDE_EXTRACT_SCORE_H

#include <stddef.h>

struct extract_scored {
	size_t		 start, end;	/* byte or token offsets, end exclusive */
	int		 label;		/* entity kind or timex type */
	const char	*value;		/* normalised value, or NULL */
};

struct extract_tally {
	size_t	 gold, pred;
	size_t	 relaxed;	/* pairs matched by overlap (one-to-one) */
	size_t	 strict;	/* of those, same extent */
	size_t	 value;		/* of those, same value */
	size_t	 exact;		/* same extent and label (CoNLL) */
};

/*
 * Add the comparison of one document's gold and predicted spans to *t.
 * Each gold span is paired with at most one predicted span: the first
 * unpaired one that overlaps it, preferring one with the same extent.
 */
void	 extract_score_add(struct extract_tally *t,
	    const struct extract_scored *gold, size_t ngold,
	    const struct extract_scored *pred, size_t npred);
/* F1 from matches, predictions and gold counts (0 when undefined). */
double	 extract_score_f1(size_t match, size_t pred, size_t gold);
double	 extract_score_relaxed_f1(const struct extract_tally *);
double	 extract_score_strict_f1(const struct extract_tally *);
/* TempEval-3: (value matches / relaxed matches) x relaxed F1. */
double	 extract_score_value_f1(const struct extract_tally *);
/* CoNLL: exact typed spans. */
double	 extract_score_exact_f1(const struct extract_tally *);

#endif
