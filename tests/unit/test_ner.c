/* Unit tests for NER model loading and tagging (src/extract). */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

#include "test.h"
#include "extract/extract.h"
#include "util/buf.h"

static char *
model_path(void)
{
	const char *d = getenv("LEDE_DATADIR");

	return extract_model_path(d != NULL ? d : "share");
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	*len = fread(s, 1, (size_t)n, f);
	fclose(f);
	return s;
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(s, 1, n, f);
	fclose(f);
}

static void
missing_model_is_an_error(void)
{
	char *cause = NULL;

	CHECK(extract_model_load("/nonexistent/ner.model", &cause) == NULL);
	CHECK(cause != NULL && strstr(cause, "/nonexistent/ner.model"));
	free(cause);
}

static void
corrupt_models_are_refused(void)
{
	char *path = model_path(), *data, *cause = NULL;
	char tmp[] = "/tmp/lede-test-ner-XXXXXX";
	size_t len;
	int fd;

	if ((data = slurp(path, &len)) == NULL) {
		free(path);
		test_skip("share/ner.model is absent");
	}
	fd = mkstemp(tmp);
	close(fd);
	/* one flipped byte in the weights */
	data[len / 2] ^= 0x40;
	write_file(tmp, data, len);
	CHECK(extract_model_load(tmp, &cause) == NULL);
	CHECK(cause != NULL && strstr(cause, "checksum") != NULL);
	free(cause);
	cause = NULL;
	data[len / 2] ^= 0x40;
	/* truncated */
	write_file(tmp, data, len - 100);
	CHECK(extract_model_load(tmp, &cause) == NULL);
	CHECK(cause != NULL);
	free(cause);
	cause = NULL;
	/* not a model at all */
	write_file(tmp, "hello", 5);
	CHECK(extract_model_load(tmp, &cause) == NULL);
	CHECK(cause != NULL && strstr(cause, "not a lede model"));
	free(cause);
	cause = NULL;
	/* the intact file loads */
	write_file(tmp, data, len);
	{
		struct extract_model *m = extract_model_load(tmp, &cause);

		CHECK(m != NULL);
		extract_model_free(m);
		free(cause);
	}
	unlink(tmp);
	free(data);
	free(path);
}

/* FNV-1a, as the model file's checksum. */
static uint64_t
fnv(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* A model of an older version (here: the version field set to 1, the
 * checksum made good) is refused by name, not misread. */
static void
older_model_versions_are_refused(void)
{
	char *path = model_path(), *data, *cause = NULL;
	char tmp[] = "/tmp/lede-test-ner-XXXXXX";
	unsigned char *u;
	uint64_t sum;
	size_t len, i;
	int fd;

	if ((data = slurp(path, &len)) == NULL) {
		free(path);
		test_skip("share/ner.model is absent");
	}
	u = (unsigned char *)data;
	CHECK(u[8] == 2 && u[9] == 0 && u[10] == 0 && u[11] == 0);
	u[8] = 1;
	sum = fnv(u, len - 8);
	for (i = 0; i < 8; i++)
		u[len - 8 + i] = (unsigned char)(sum >> (8 * i));
	fd = mkstemp(tmp);
	close(fd);
	write_file(tmp, data, len);
	CHECK(extract_model_load(tmp, &cause) == NULL);
	CHECK(cause != NULL && strstr(cause, "unsupported version") != NULL);
	free(cause);
	unlink(tmp);
	free(data);
	free(path);
}

static void
without_model_sentences_and_timexes_remain(void)
{
	const char *t = "Emmanuel Macron visited Berlin on January 11. "
	    "He left.";
	struct extract_result *r = extract_run(NULL, t, strlen(t),
	    "2025-03-20", "en");

	CHECK_INT(r->nsentences, 2);
	CHECK_INT(r->nentities, 0);
	CHECK_INT(r->ntimexes, 1);
	if (r->ntimexes == 1) {
		CHECK_STR(r->timexes[0].value, "2025-01-11");
		CHECK_INT(r->timexes[0].sentence.start, 0);
	}
	extract_result_free(r);
}

static void
tags_people_places_orgs(void)
{
	char *path = model_path(), *cause = NULL;
	struct extract_model *m = extract_model_load(path, &cause);
	const char *t = "French President Emmanuel Macron met German "
	    "Chancellor Olaf Scholz in Berlin on Monday. Macron later spoke "
	    "to the European Union and the United Nations.";
	struct extract_result *r;
	size_t i;
	int macron = 0, berlin = 0, un = 0;

	free(path);
	if (m == NULL) {
		free(cause);
		test_skip("share/ner.model is absent");
	}
	r = extract_run(m, t, strlen(t), "2025-03-20", "en");
	for (i = 0; i < r->nentities; i++) {
		const struct extract_entity *e = &r->entities[i];

		if (strcmp(e->name, "Emmanuel Macron") == 0 &&
		    e->kind == EXTRACT_PERSON && e->nmentions == 2)
			macron = 1;
		if (strcmp(e->name, "Berlin") == 0 && e->kind == EXTRACT_PLACE)
			berlin = 1;
		if (strcmp(e->name, "United Nations") == 0 &&
		    e->kind == EXTRACT_ORG)
			un = 1;
	}
	CHECK(macron);
	CHECK(berlin);
	CHECK(un);
	extract_result_free(r);
	/* Arabic: sentences only, and no crash */
	r = extract_run(m, "\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a"
	    "\u0633\u061F \u0646\u0639\u0645.", 27, NULL, "ar");
	CHECK_INT(r->nsentences, 2);
	extract_result_free(r);
	extract_model_free(m);
}

static void
hostile_text_with_model(void)
{
	char *path = model_path(), *cause = NULL, *s;
	struct extract_model *m = extract_model_load(path, &cause);
	struct extract_result *r;
	size_t n = 100000 * 6, i;

	free(path);
	if (m == NULL) {
		free(cause);
		test_skip("share/ner.model is absent");
	}
	s = malloc(n);
	for (i = 0; i < n; i++)
		s[i] = i % 6 == 5 ? ' ' : i % 6 == 0 ? 'A' + (i / 6) % 26 :
		    'a' + (i / 7) % 26;
	r = extract_run(m, s, n, "2025-03-20", "en");
	CHECK(r->nsentences >= 1);
	extract_result_free(r);
	free(s);
	/* 10^5 distinct capitalised names, paired like people's names and
	 * chained by "known as": merging must stay linear */
	{
		struct buf b = BUF_INIT;
		char w[8];
		size_t k, j;

		for (k = 0; k < 100000; k++) {
			size_t v = k;

			w[0] = (char)('A' + v % 26);
			v /= 26;
			for (j = 1; j < 5; j++, v /= 26)
				w[j] = (char)('a' + v % 26);
			w[5] = '\0';
			buf_adds(&b, w);
			buf_adds(&b, k % 3 == 2 ? ", known as " : " ");
			if (k % 50 == 49)
				buf_adds(&b, "said. ");
		}
		r = extract_run(m, b.data, b.len, "2025-03-20", "en");
		CHECK(r->nsentences >= 1);
		extract_result_free(r);
		buf_release(&b);
	}
	extract_model_free(m);
	CHECK(strcmp(extract_kind_name(EXTRACT_PLACE), "place") == 0);
	CHECK(strcmp(extract_ttype_name(EXTRACT_SET), "set") == 0);
}

static const char thread_text[] = "Emmanuel Macron met Olaf Scholz in "
    "Berlin on Monday, three months ago. Macron said the European Union "
    "(EU) would act next April.";
static struct extract_model *thread_model;

/* A summary of one result: counts and every value, in order. */
static void
summarise(const struct extract_result *r, char *out, size_t size)
{
	size_t i, k = 0;

	k += (size_t)snprintf(out + k, size - k, "%zu/%zu/%zu", r->nsentences,
	    r->nentities, r->ntimexes);
	for (i = 0; i < r->nentities && k < size; i++)
		k += (size_t)snprintf(out + k, size - k, " %s:%zu",
		    r->entities[i].name, r->entities[i].nmentions);
	for (i = 0; i < r->ntimexes && k < size; i++)
		k += (size_t)snprintf(out + k, size - k, " %s",
		    r->timexes[i].value);
}

static void *
thread_main(void *arg)
{
	char *want = arg, got[1024];
	struct extract_result *r;
	int i, *ok = malloc(sizeof *ok);

	*ok = 1;
	for (i = 0; i < 50; i++) {
		r = extract_run(thread_model, thread_text, strlen(thread_text),
		    "2025-03-20", "en");
		summarise(r, got, sizeof got);
		if (strcmp(got, want) != 0)
			*ok = 0;
		extract_result_free(r);
	}
	return ok;
}

static void
threads_share_one_model(void)
{
	char *path = model_path(), *cause = NULL, want[1024];
	struct extract_result *r;
	pthread_t th[4];
	void *ok;
	int i;

	thread_model = extract_model_load(path, &cause);
	free(path);
	if (thread_model == NULL) {
		free(cause);
		test_skip("share/ner.model is absent");
	}
	r = extract_run(thread_model, thread_text, strlen(thread_text),
	    "2025-03-20", "en");
	summarise(r, want, sizeof want);
	extract_result_free(r);
	CHECK(strstr(want, "Emmanuel Macron:2") != NULL);
	CHECK(strstr(want, "2024-12") != NULL);
	for (i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, thread_main, want);
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], &ok);
		CHECK(*(int *)ok);
		free(ok);
	}
	extract_model_free(thread_model);
}

int
main(void)
{
	test_init();
	TEST_RUN(missing_model_is_an_error);
	TEST_RUN(without_model_sentences_and_timexes_remain);
	TEST_RUN(corrupt_models_are_refused);
	TEST_RUN(older_model_versions_are_refused);
	TEST_RUN(tags_people_places_orgs);
	TEST_RUN(hostile_text_with_model);
	TEST_RUN(threads_share_one_model);
	return test_done();
}
