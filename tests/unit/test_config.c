/*
 * The configuration: defaults from the tables, the loader's treatment of
 * every iniparser 4.1 pitfall (each problem with its line, the good lines
 * still applied), rebinding rules, option values, and the default file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "test.h"
#include "util/xalloc.h"

static char tmp_path[] = "/tmp/lede-test-config-XXXXXX";

/* Load text (len bytes) as a file; return the config (problems inside). */
static struct config *
load_text(const char *text, size_t len)
{
	struct config *cfg = config_new();
	int fd;

	strcpy(tmp_path, "/tmp/lede-test-config-XXXXXX");
	fd = mkstemp(tmp_path);
	if (fd == -1 || write(fd, text, len) != (ssize_t)len)
		test_skip("cannot write a temporary file");
	close(fd);
	config_load(cfg, tmp_path, 1);
	unlink(tmp_path);
	return cfg;
}

static struct config *
load(const char *text)
{
	return load_text(text, strlen(text));
}

/* Whether a problem on line mentions needle. */
static int
has_problem(const struct config *cfg, unsigned line, const char *needle)
{
	const struct config_problem *p;
	size_t n, i;

	p = config_problems(cfg, &n);
	for (i = 0; i < n; i++) {
		if (p[i].line == line && strstr(p[i].message, needle) != NULL)
			return 1;
	}
	fprintf(stderr, "  no problem on line %u with \"%s\"; have:\n", line,
	    needle);
	for (i = 0; i < n; i++)
		fprintf(stderr, "    %u: %s\n", p[i].line, p[i].message);
	return 0;
}

static size_t
nproblems(const struct config *cfg)
{
	size_t n;

	config_problems(cfg, &n);
	return n;
}

static int
bound(const struct config *cfg, enum config_ctx ctx, const char *action,
    const char *key)
{
	char *cause;
	key_code k = keys_parse(key, &cause);
	int a = config_lookup(cfg, ctx, k);

	free(cause);
	return a != -1 && strcmp(config_actions[a].name, action) == 0;
}

static void
test_defaults(void)
{
	struct config *cfg = config_new();
	key_code keys[CONFIG_MAXKEYS];
	size_t i, j, n;

	CHECK_INT(nproblems(cfg), 0);
	/* Every default key reaches its own action: no clash in a pane. */
	for (i = 0; i < config_nactions; i++) {
		n = config_action_keys(cfg, i, keys, CONFIG_MAXKEYS);
		CHECK(n > 0);
		for (j = 0; j < n; j++)
			CHECK_INT(config_lookup(cfg, config_actions[i].ctx,
			    keys[j]), i);
	}
	CHECK(bound(cfg, CONFIG_LIST, "next", "j"));
	CHECK(bound(cfg, CONFIG_LIST, "half-page-down", "<C-d>"));
	CHECK(bound(cfg, CONFIG_GLOBAL, "quit", "q"));
	CHECK_INT(config_int(cfg, "global", "mouse"), 0);
	CHECK_INT(config_int(cfg, "layout", "list-size"), 45);
	CHECK_INT(config_color(cfg, "selected")->attrs, CONFIG_ATTR_REVERSE);
	config_free(cfg);
}

static void
test_names_unique(void)
{
	size_t i, j;

	for (i = 0; i < config_nactions; i++) {
		for (j = i + 1; j < config_nactions; j++)
			CHECK(config_actions[i].ctx != config_actions[j].ctx ||
			    strcmp(config_actions[i].name,
			    config_actions[j].name) != 0);
		/* An option of the same section would shadow the action. */
		CHECK(config_find_option(config_ctx_name(config_actions[i].ctx),
		    config_actions[i].name) == -1);
	}
}

static void
test_good_file(void)
{
	struct config *cfg = load(
	    "# comment\n"
	    "; also a comment\n"
	    "[list]\n"
	    "next = \"x <C-n>\"   # move\n"
	    "PREV = y\n"
	    "[global]\n"
	    "mouse = yes\n"
	    "search = \"#\"\n"
	    "help = <F1> ; trailing comment\n"
	    "[layout]\n"
	    "split = horizontal\n"
	    "[colors]\n"
	    "match = \"brightwhite color52 bold underline\"\n");

	CHECK_INT(nproblems(cfg), 0);
	CHECK(bound(cfg, CONFIG_LIST, "next", "x"));
	CHECK(bound(cfg, CONFIG_LIST, "next", "<C-n>"));
	CHECK(!bound(cfg, CONFIG_LIST, "next", "j"));
	CHECK(bound(cfg, CONFIG_LIST, "prev", "y"));
	CHECK(bound(cfg, CONFIG_GLOBAL, "search", "#"));
	CHECK(bound(cfg, CONFIG_GLOBAL, "help", "<F1>"));
	CHECK(!bound(cfg, CONFIG_GLOBAL, "help", "?"));
	CHECK_INT(config_int(cfg, "global", "mouse"), 1);
	CHECK_INT(config_int(cfg, "layout", "split"), 1);
	CHECK_INT(config_color(cfg, "match")->fg, 15);
	CHECK_INT(config_color(cfg, "match")->bg, 52);
	CHECK_INT(config_color(cfg, "match")->attrs,
	    CONFIG_ATTR_BOLD | CONFIG_ATTR_UNDERLINE);
	config_free(cfg);
}

static void
test_bad_lines_keep_good_ones(void)
{
	struct config *cfg = load(
	    "[list]\n"				/* 1 */
	    "this line has no equals\n"		/* 2 */
	    "next = x\n"			/* 3 */
	    "fly = z\n"				/* 4 */
	    "prev = <Bogus> y\n"		/* 5 */
	    "first = x\n"			/* 6: x is next's */
	    "[global]\n"			/* 7 */
	    "search = #\n"			/* 8 */
	    "quit = ;\n"			/* 9 */
	    "help = a#b\n"			/* 10 */
	    "zoom = \\\n"			/* 11 */
	    "layout = w\n"			/* 12: not swallowed */
	    "[keys:quit]\n"			/* 13 */
	    "quit = yes\n"			/* 14 */
	    "[reader]\n"			/* 15 */
	    "next = a\n"			/* 16 */
	    "next = b\n"			/* 17: duplicate wins */
	    "[layout]\n"			/* 18 */
	    "list-size = 500\n"			/* 19 */
	    "split = diagonal\n"		/* 20 */
	    "[colors]\n"			/* 21 */
	    "match = \"purple black\"\n");	/* 22 */

	CHECK(has_problem(cfg, 2, "expected name = value"));
	CHECK(bound(cfg, CONFIG_LIST, "next", "x"));
	CHECK(has_problem(cfg, 4, "unknown action 'fly'"));
	CHECK(has_problem(cfg, 5, "<Bogus>"));
	CHECK(bound(cfg, CONFIG_LIST, "prev", "y"));
	CHECK(has_problem(cfg, 6, "already bound to next on line 3"));
	CHECK(bound(cfg, CONFIG_LIST, "next", "x"));
	CHECK(has_problem(cfg, 8, "<Hash>"));
	CHECK(bound(cfg, CONFIG_GLOBAL, "search", "/"));
	CHECK(has_problem(cfg, 9, "<Semicolon>"));
	CHECK(bound(cfg, CONFIG_GLOBAL, "quit", "q"));
	CHECK(has_problem(cfg, 10, "quoted"));
	CHECK(has_problem(cfg, 11, "backslash"));
	CHECK(bound(cfg, CONFIG_GLOBAL, "layout", "w"));
	CHECK(has_problem(cfg, 13, "section"));
	CHECK(has_problem(cfg, 17, "set again"));
	CHECK(bound(cfg, CONFIG_READER, "next", "b"));
	CHECK(!bound(cfg, CONFIG_READER, "next", "a"));
	CHECK(has_problem(cfg, 19, "10 to 90"));
	CHECK_INT(config_int(cfg, "layout", "list-size"), 45);
	CHECK(has_problem(cfg, 20, "diagonal"));
	CHECK(has_problem(cfg, 22, "purple"));
	config_free(cfg);
}

static void
test_rebinding_takes_default(void)
{
	struct config *cfg = load("[list]\nnext = \"k\"\n");

	CHECK_INT(nproblems(cfg), 0);
	CHECK(bound(cfg, CONFIG_LIST, "next", "k"));
	CHECK(bound(cfg, CONFIG_LIST, "prev", "<Up>"));
	config_free(cfg);
	cfg = load("[list]\nnext = \"\"\n");
	CHECK_INT(nproblems(cfg), 0);
	CHECK(!bound(cfg, CONFIG_LIST, "next", "j"));
	config_free(cfg);
}

static void
test_hostile_bytes(void)
{
	static const char nul[] = "[list]\nnext = a\0b\nprev = y\n";
	char *big = xmalloc(5000);
	struct config *cfg;

	cfg = load_text(nul, sizeof nul - 1);
	CHECK(has_problem(cfg, 2, "NUL"));
	CHECK(bound(cfg, CONFIG_LIST, "prev", "y"));
	config_free(cfg);

	cfg = load("\xEF\xBB\xBF[list]\r\nnext = x\r\nprev = \"\x1b[2J\"\r\n");
	CHECK(bound(cfg, CONFIG_LIST, "next", "x"));
	CHECK(has_problem(cfg, 3, "control character"));
	config_free(cfg);

	/* A 2000-character section name and a 4000-byte value. */
	memset(big, 'a', 4999);
	big[0] = '[';
	memcpy(big + 2000, "]\n[list]\nnext = \"", 17);
	memcpy(big + 4990, "\"\nprev=y\n", 10);
	cfg = load(big);
	CHECK(has_problem(cfg, 1, "too long"));
	CHECK(has_problem(cfg, 3, "too long"));
	CHECK(bound(cfg, CONFIG_LIST, "prev", "y"));
	config_free(cfg);
	free(big);

	cfg = load("[list]\nnext = \xff\xfe\nprev = y\n");
	CHECK(has_problem(cfg, 2, "UTF-8"));
	CHECK(bound(cfg, CONFIG_LIST, "prev", "y"));
	config_free(cfg);

	cfg = load("next = x\n[list\n");
	CHECK(has_problem(cfg, 1, "before any [section]"));
	CHECK(has_problem(cfg, 2, "section header"));
	config_free(cfg);
}

static void
test_files(void)
{
	struct config *cfg = config_new();

	CHECK_INT(config_load(cfg, "/nonexistent/lede.conf", 0), 0);
	CHECK_INT(config_load(cfg, "/nonexistent/lede.conf", 1), 1);
	CHECK(has_problem(cfg, 0, "No such file"));
	CHECK_INT(config_load(cfg, "/tmp", 1), 1);
	CHECK(has_problem(cfg, 0, "not a regular file"));
	CHECK_INT(config_load(cfg, "/dev/zero", 1), 1);
	config_free(cfg);
}

static void
test_default_path(void)
{
	char *p;

	setenv("LEDE_CONFIG", "/x/y.conf", 1);
	p = config_default_path();
	CHECK_STR(p, "/x/y.conf");
	free(p);
	unsetenv("LEDE_CONFIG");
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	p = config_default_path();
	CHECK_STR(p, "/xdg/lede/lede.conf");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	p = config_default_path();
	CHECK_STR(p, "/home/u/.config/lede/lede.conf");
	free(p);
}

static void
test_defaults_text_parses(void)
{
	char *text = config_defaults_text();
	struct config *cfg = load(text), *def = config_new();
	size_t i;
	char *a, *b;

	CHECK_INT(nproblems(cfg), 0);
	for (i = 0; i < config_nactions; i++) {
		a = config_action_keys_text(cfg, i);
		b = config_action_keys_text(def, i);
		CHECK_STR(a, b);
		free(a);
		free(b);
	}
	config_free(cfg);
	config_free(def);
	free(text);
}

/* share/lede.conf is `lede config defaults`, byte for byte. */
static void
test_shipped_file(void)
{
	const char *top = getenv("top_srcdir");
	char *path, *text, buf[65536];
	size_t n;
	FILE *fp;

	path = xasprintf("%s/share/lede.conf", top != NULL ? top : ".");
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		CHECK(fp != NULL);
		free(path);
		return;
	}
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	text = config_defaults_text();
	if (strcmp(text, buf) != 0)
		fprintf(stderr, "%s differs from `lede config defaults`; "
		    "regenerate it with tests/unit/test_config --write\n", path);
	CHECK(strcmp(text, buf) == 0);
	free(text);
	free(path);
}

int
main(int argc, char **argv)
{
	char *text;

	test_init();
	if (argc == 2 && strcmp(argv[1], "--write") == 0) {
		text = config_defaults_text();
		fputs(text, stdout);
		free(text);
		return 0;
	}
	TEST_RUN(test_defaults);
	TEST_RUN(test_names_unique);
	TEST_RUN(test_good_file);
	TEST_RUN(test_bad_lines_keep_good_ones);
	TEST_RUN(test_rebinding_takes_default);
	TEST_RUN(test_hostile_bytes);
	TEST_RUN(test_files);
	TEST_RUN(test_default_path);
	TEST_RUN(test_defaults_text_parses);
	TEST_RUN(test_shipped_file);
	return test_done();
}
