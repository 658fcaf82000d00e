/* Unit tests for alias merging (src/extract/alias.c). */
#include "config.h"

#include "test.h"
#include "extract/extract.h"
#include "extract/extract_int.h"

/* Mention of the n-th occurrence of s in text. */
static struct extract_mention
men(const char *text, const char *s, int nth, enum extract_kind kind)
{
	struct extract_mention m;
	const char *p = text, *w;
	size_t ntok = 1;

	while ((p = strstr(p, s)) != NULL && nth-- > 0)
		p++;
	m.kind = kind;
	m.span.start = p ? (size_t)(p - text) : 0;
	m.span.end = m.span.start + strlen(s);
	for (w = s; *w; w++)
		if (*w == ' ')
			ntok++;
	m.ntok = ntok;
	return m;
}

static const struct extract_entity *
find(const struct extract_entity *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

static void
free_entities(struct extract_entity *v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		for (k = 0; k < v[i].naliases; k++)
			free(v[i].aliases[k]);
		free(v[i].aliases);
		free(v[i].mentions);
	}
	free(v);
}

static void
surname_joins_full_name(void)
{
	const char *t = "Emmanuel Macron spoke. Macron's aides and Macron left.";
	struct extract_mention ms[] = {
		men(t, "Emmanuel Macron", 0, EXTRACT_PERSON),
		men(t, "Macron's", 0, EXTRACT_PERSON),
		men(t, "Macron", 2, EXTRACT_PERSON),
	};
	struct extract_entity *v;
	const struct extract_entity *e;
	size_t n = extract_merge(t, strlen(t), ms, 3, &v);

	CHECK_INT(n, 1);
	e = find(v, n, "Emmanuel Macron");
	CHECK(e != NULL);
	if (e != NULL) {
		CHECK_INT(e->nmentions, 3);
		CHECK_INT(e->naliases, 1);
		CHECK_STR(e->aliases[0], "Macron");
		CHECK_INT(e->kind, EXTRACT_PERSON);
	}
	free_entities(v, n);
}

static void
surname_before_full_name(void)
{
	const char *t = "Macron said. Emmanuel Macron is president.";
	struct extract_mention ms[] = {
		men(t, "Macron", 0, EXTRACT_PERSON),
		men(t, "Emmanuel Macron", 0, EXTRACT_PERSON),
	};
	struct extract_entity *v;
	size_t n = extract_merge(t, strlen(t), ms, 2, &v);

	CHECK_INT(n, 1);
	free_entities(v, n);
}

static void
bracketed_acronym(void)
{
	const char *t = "Hayat Tahrir al-Sham (HTS) took Aleppo. HTS said so.";
	struct extract_mention ms[] = {
		men(t, "Hayat Tahrir al-Sham", 0, EXTRACT_ORG),
		men(t, "Aleppo", 0, EXTRACT_PLACE),
		men(t, "HTS", 1, EXTRACT_ORG),
	};
	struct extract_entity *v;
	const struct extract_entity *e;
	size_t n = extract_merge(t, strlen(t), ms, 3, &v);

	CHECK_INT(n, 2);
	e = find(v, n, "Hayat Tahrir al-Sham");
	CHECK(e != NULL);
	if (e != NULL) {
		CHECK_INT(e->naliases, 1);
		CHECK_STR(e->aliases[0], "HTS");
		/* the bracketed HTS is a mention too, in text order */
		CHECK_INT(e->nmentions, 3);
		CHECK(e->mentions[1].start == (size_t)(strstr(t, "(HTS") + 1 - t));
		CHECK(e->mentions[0].start < e->mentions[1].start &&
		    e->mentions[1].start < e->mentions[2].start);
	}
	free_entities(v, n);
}

static void
known_as(void)
{
	const char *t = "Abu Mohammed al-Julani, known as Ahmed al-Sharaa, spoke.";
	struct extract_mention ms[] = {
		men(t, "Abu Mohammed al-Julani", 0, EXTRACT_PERSON),
		men(t, "Ahmed al-Sharaa", 0, EXTRACT_PERSON),
	};
	struct extract_entity *v;
	const struct extract_entity *e;
	size_t n = extract_merge(t, strlen(t), ms, 2, &v);

	CHECK_INT(n, 1);
	e = find(v, n, "Abu Mohammed al-Julani");
	CHECK(e != NULL && e->naliases == 1 &&
	    strcmp(e->aliases[0], "Ahmed al-Sharaa") == 0);
	free_entities(v, n);
}

static void
different_people_stay_apart(void)
{
	const char *t = "Joe Biden met Jill Biden and Kamala Harris in Paris.";
	struct extract_mention ms[] = {
		men(t, "Joe Biden", 0, EXTRACT_PERSON),
		men(t, "Jill Biden", 0, EXTRACT_PERSON),
		men(t, "Kamala Harris", 0, EXTRACT_PERSON),
		men(t, "Paris", 0, EXTRACT_PLACE),
	};
	struct extract_entity *v;
	size_t n = extract_merge(t, strlen(t), ms, 4, &v);

	CHECK_INT(n, 4);
	CHECK(find(v, n, "Paris") && find(v, n, "Paris")->kind ==
	    EXTRACT_PLACE);
	free_entities(v, n);
}

static void
majority_kind(void)
{
	const char *t = "Reuters said. Reuters reported. Reuters added.";
	struct extract_mention ms[] = {
		men(t, "Reuters", 0, EXTRACT_ORG),
		men(t, "Reuters", 1, EXTRACT_PLACE),
		men(t, "Reuters", 2, EXTRACT_ORG),
	};
	struct extract_entity *v;
	size_t n = extract_merge(t, strlen(t), ms, 3, &v);

	CHECK_INT(n, 1);
	CHECK_INT(v[0].kind, EXTRACT_ORG);
	CHECK_INT(v[0].naliases, 0);
	free_entities(v, n);
}

int
main(void)
{
	test_init();
	TEST_RUN(surname_joins_full_name);
	TEST_RUN(surname_before_full_name);
	TEST_RUN(bracketed_acronym);
	TEST_RUN(known_as);
	TEST_RUN(different_people_stay_apart);
	TEST_RUN(majority_kind);
	return test_done();
}
