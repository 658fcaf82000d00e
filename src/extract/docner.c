/*
 * Document-level name tagging. The sentence tagger sees one sentence at
 * a time, but an article names the same people and places again and
 * again, often where the sentence alone says little: at the start of a
 * sentence, in a headline in capitals. So after tagging every sentence,
 * capitalised untagged occurrences of a name tagged elsewhere (or of the
 * surname of a person named in full) are tagged too, with the kind most
 * of the name's occurrences were given. (Relabelling the tagged
 * occurrences to that kind as well was measured to lose on eng.testa.)
 * Keys are the exact token sequences joined by one space.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/ner.h"
#include "extract/strmap.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define DOC_MAXTOK	4	/* longest name propagated */
#define NKINDS		4	/* PER ORG LOC MISC */

struct docname {
	size_t	 count[NKINDS];
};

static int
label_kind(int l)
{
	return l == NER_O ? -1 : (l - 1) / 2;
}

static void
key_of(struct buf *b, const struct ner_sentence *s, size_t i, size_t j)
{
	size_t k;

	buf_reset(b);
	for (k = i; k < j; k++) {
		if (k > i)
			buf_addc(b, ' ');
		buf_adds(b, s->words[k]);
	}
}

static int
capitalised(const char *w)
{
	unsigned char c = (unsigned char)w[0];

	return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static int
majority(const struct docname *d)
{
	int k, best = 0;

	for (k = 1; k < NKINDS; k++)
		if (d->count[k] > d->count[best])
			best = k;
	return best;
}

/* Span end of the mention starting at i. */
static size_t
span_end(const int *lab, size_t n, size_t i)
{
	int kind = label_kind(lab[i]);
	size_t j;

	for (j = i + 1; j < n && lab[j] == 2 + 2 * kind; j++)
		;
	return j;
}

/* Room for one more name; the array doubles, so n names cost O(n). */
static struct docname *
grow(struct docname *dn, size_t n, size_t *cap)
{
	if (n < *cap)
		return dn;
	*cap = *cap ? *cap * 2 : 64;
	return xreallocarray(dn, *cap, sizeof *dn);
}

static void
set_span(int *lab, size_t i, size_t j, int kind)
{
	size_t k;

	lab[i] = 1 + 2 * kind;
	for (k = i + 1; k < j; k++)
		lab[k] = 2 + 2 * kind;
}

void
extract_ner_doc(const struct extract_model *m, const struct ner_sentence *s,
    size_t ns, int **lab)
{
	struct extract_strmap names = { NULL, NULL, 0, 0 };
	struct docname *dn = NULL;
	struct buf b = BUF_INIT;
	size_t nd = 0, capd = 0, i, j, k, x, v, found, foundlen;
	const char *last;

	for (x = 0; x < ns; x++)
		extract_ner_tag(m, &s[x], lab[x]);
	if (m == NULL)
		return;
	/* count the kinds each name was given */
	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (lab[x][i] == NER_O)
				continue;
			j = span_end(lab[x], s[x].n, i);
			key_of(&b, &s[x], i, j);
			if ((v = extract_strmap_get(&names, buf_str(&b))) ==
			    EXTRACT_STRMAP_NONE) {
				dn = grow(dn, nd, &capd);
				memset(&dn[nd], 0, sizeof dn[nd]);
				v = nd++;
				extract_strmap_put(&names, buf_str(&b), v);
			}
			dn[v].count[label_kind(lab[x][i])]++;
		}
	/* surnames of people named in full */
	for (x = 0; x < ns; x++)
		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (label_kind(lab[x][i]) != 0)
				continue;
			j = span_end(lab[x], s[x].n, i);
			last = s[x].words[j - 1];
			if (j - i < 2 || strlen(last) < 3 ||
			    extract_strmap_get(&names, last) != EXTRACT_STRMAP_NONE)
				continue;
			dn = grow(dn, nd, &capd);
			memset(&dn[nd], 0, sizeof dn[nd]);
			dn[nd].count[0] = 1;
			extract_strmap_put(&names, last, nd++);
		}
	for (x = 0; x < ns; x++) {
		int *l = lab[x];

		for (i = 0; i < s[x].n; i = j) {
			j = i + 1;
			if (l[i] != NER_O) {
				j = span_end(l, s[x].n, i);
				continue;
			}
			if (!capitalised(s[x].words[i]))
				continue;
			found = EXTRACT_STRMAP_NONE;
			foundlen = 0;
			for (k = 1; k <= DOC_MAXTOK && i + k <= s[x].n; k++) {
				if (l[i + k - 1] != NER_O)
					break;
				key_of(&b, &s[x], i, i + k);
				v = extract_strmap_get(&names, buf_str(&b));
				if (v != EXTRACT_STRMAP_NONE) {
					found = v;
					foundlen = k;
				}
			}
			if (found == EXTRACT_STRMAP_NONE)
				continue;
			set_span(l, i, i + foundlen, majority(&dn[found]));
			j = i + foundlen;
		}
	}
	free(dn);
	buf_release(&b);
	extract_strmap_release(&names);
}
