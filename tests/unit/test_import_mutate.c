/*
 * Mutation smoke test: every fixture in tests/data/import, damaged a few
 * thousand ways with a fixed seed (bytes flipped, cut short, markup and
 * NULs inserted), through every parser, the HTML-to-text pass and the date
 * code. The oracle is the sanitizer build and these checks: no crash, every
 * string delivered is valid UTF-8 and within its limit. Not a fuzzer (see
 * fuzz/ for those); a cheap regression net that runs in make check.
 * LEDE_MUTATE_ROUNDS changes the number of rounds.
 */
#include "config.h"

#include <dirent.h>

#include "test.h"
#include "test_import_sink.h"
#include "import/import_int.h"
#include "util/utf8.h"

#define MAX_FIXTURES	128

static char	*input[MAX_FIXTURES];
static size_t	 input_len[MAX_FIXTURES];
static int	 ninput;
static int	 bad_strings;
static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32);
}

static int
check_article(struct article *a, void *arg)
{
	const char *fields[] = { a->title, a->body, a->author, a->source,
	    a->url, a->guid, a->published, a->language, a->caption };
	size_t i, len;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (fields[i] == NULL)
			continue;
		len = strlen(fields[i]);
		if (!utf8_valid(fields[i], len) || (i != 1 &&
		    len > IMPORT_MAX_TITLE) || len > IMPORT_MAX_BODY)
			bad_strings++;
	}
	article_free(a);
	return 0;
}

static void
ignore_problem(const char *where, const char *message, void *arg)
{
}

static void
load(void)
{
	char *dir = fixture(""), *path;
	struct dirent *e;
	DIR *d = opendir(dir);
	FILE *fp;
	size_t n;

	while (d != NULL && (e = readdir(d)) != NULL && ninput < MAX_FIXTURES) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		fp = fopen(path, "rb");
		free(path);
		if (fp == NULL)
			continue;
		input[ninput] = xmalloc(1 << 20);
		n = fread(input[ninput], 1, 1 << 20, fp);
		fclose(fp);
		if (n == 0 || n == 1 << 20) {
			free(input[ninput]);
			continue;
		}
		input_len[ninput++] = n;
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}

static void
mutate_one(void)
{
	static const char tokens[] = "<>&;\"'\n\r{}[]#\\";
	int f = (int)(next() % (unsigned)ninput), m, muts;
	size_t n = input_len[f], pos, room = n + 64;
	char *b = xmalloc(room), *t, *d;
	struct import_sink s = { check_article, ignore_problem, NULL, 0 };
	char *cause = NULL;

	memcpy(b, input[f], n);
	muts = 1 + (int)(next() % 8);
	for (m = 0; m < muts && n > 0; m++) {
		pos = next() % n;
		switch (next() % 5) {
		case 0:
			b[pos] = (char)next();
			break;
		case 1:
			n = pos + 1;
			break;
		case 2:
			b[pos] = tokens[next() % (sizeof tokens - 1)];
			break;
		case 3:
			b[pos] = '\0';
			break;
		default:
			if (n + 5 <= room) {
				memmove(b + pos + 5, b + pos, n - pos);
				memcpy(b + pos, "<p>&#", 5);
				n += 5;
			}
		}
	}
	import_buffer((enum import_format)(next() % 6), "mutant", b, n, &s, &cause);
	free(cause);
	t = import_html_to_text(b, n, NULL);
	if (!utf8_valid(t, strlen(t)))
		bad_strings++;
	free(t);
	t = xstrndup(b, n < 300 ? n : 300);
	d = import_parse_date(t);
	free(d);
	d = import_infer_date(t);
	free(d);
	free(t);
	free(b);
}

static void
mutants(void)
{
	const char *env = getenv("LEDE_MUTATE_ROUNDS");
	long rounds = env != NULL ? atol(env) : 3000, i;

	CHECK(ninput > 10);
	for (i = 0; i < rounds && ninput > 0; i++)
		mutate_one();
	CHECK_INT(bad_strings, 0);
}

int
main(void)
{
	int i;

	test_init();
	load();
	TEST_RUN(mutants);
	for (i = 0; i < ninput; i++)
		free(input[i]);
	return test_done();
}
