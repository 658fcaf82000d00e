/*
 * lede's search syntax, parsed by lede and compiled to a safe FTS5 query.
 * Pure code: text in, structs and strings out; the archive supplies the
 * test of whether a piece of text yields any index term.
 *
 * Syntax (terms separated by white space):
 *   word            every word must match (stemmed, Arabic folded)
 *   "a phrase"      the words in this order; an unterminated quote runs to
 *                   the end
 *   a OR b          either (binds tighter than the implicit AND:
 *                   "x a OR b" is x AND (a OR b))
 *   -word -"a b"    must not match
 *   prot*           prefix (a trailing * on a word or a closing quote)
 *   title: author: caption: body:   restrict the next word or phrase to
 *                   that field
 *   source:NAME     only that source (source:"Two Words");
 *                   -source:NAME all but that source
 *   date:2025-01..2025-03  date:2025-03  date:..2025  date:2024..
 *                   an inclusive range of (partial) dates
 * Anything else is text: AND, NOT, NEAR, ( ) ^ : and quotes inside words
 * are searched as words, never interpreted. Every term is double-quoted
 * for FTS5; operators come only from the compiler. A filter whose value is
 * not valid (date:soon, -date:2025) is searched as text.
 */
#ifndef LEDE_ARCHIVE_QUERY_H
#define LEDE_ARCHIVE_QUERY_H

#include <stddef.h>

#define QUERY_MAX_TERMS 64	/* terms past this many are ignored */
#define QUERY_MAX_TERM_BYTES 1024	/* a longer term is cut (at a character) */

struct query_term {
	char		*text;		/* as typed, without quotes or '*' */
	const char	*column;	/* "title" ..., or NULL for all */
	int		 prefix;
	int		 negated;
	int		 or_next;	/* joined to the next term by OR */
};

struct query {
	struct query_term *terms;
	size_t		 nterms;
	char		*source;	/* source: filter, or NULL */
	char		*not_source;	/* -source: filter, or NULL */
	char		*since;		/* date: filter bounds (partial ISO), or NULL */
	char		*until;
	int		 truncated;	/* terms were dropped or cut (the limits) */
	int		 empty_items;	/* items with no text ("", *, -) */
};

/* Parse text (NULL is empty). Never fails. Release with query_release(). */
void	 query_parse(const char *text, struct query *q);
void	 query_release(struct query *q);

/*
 * Whether text[0..len) yields at least one index term; terms that do not
 * (punctuation alone) are left out, since FTS5 treats an empty phrase as
 * matching nothing.
 */
typedef int (*query_has_terms_fn)(const char *text, size_t len, void *arg);

/*
 * Compile q to FTS5. *match receives the expression to MATCH (positive
 * terms, with negations as NOT), or NULL when no positive term is left;
 * *exclude receives, when there are negations but no positive term, the
 * expression of the rows to leave out (else NULL). Both caller frees.
 * has_terms may be NULL (every non-empty term counts).
 */
void	 query_compile(const struct query *q, query_has_terms_fn has_terms,
	    void *arg, char **match, char **exclude);

#endif
