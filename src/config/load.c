/*
 * Reading lede.conf. iniparser 4.1 (Debian 12) is the INI reader, but it
 * has pitfalls a user must never meet: one bad line makes it refuse the
 * whole file, a line over 1024 bytes is cut, a trailing backslash joins
 * the next line, an unquoted '#' or ';' starts a comment even as a value,
 * a later duplicate silently wins, and it prints its complaints on stderr.
 * So every line is checked here first, with its line number, and iniparser
 * is given a clean copy made only of the lines that passed, one
 * `name = "value"` per line, which it cannot misread. Values are then read
 * back with iniparser_getstring() alone (never the typed getters, which
 * crash on some inputs in 4.1) and applied through config_apply().
 *
 * This is the only file in lede that includes iniparser.
 */
#include <config.h>

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "config/config.h"
#include "config/config_int.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define LOAD_MAX_FILE	(1024 * 1024)
#define LOAD_MAX_LINE	1000		/* iniparser's buffer is 1024 */
#define LOAD_MAX_NAME	64

struct entry {
	char		 section[LOAD_MAX_NAME];
	char		 name[LOAD_MAX_NAME];
	char		*value;
	unsigned	 line;
};

struct scan {
	struct config	*cfg;
	const char	*file;
	char		 section[LOAD_MAX_NAME];	/* "" none, "-" unknown */
	struct entry	*entries;
	size_t		 nentries;
};

/* iniparser's complaints would land on the curses screen: swallow them. */
static int
ini_quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static int
name_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len >= LOAD_MAX_NAME)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	}
	return 1;
}

static void
lower_copy(char *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[len] = '\0';
}

static void
scan_section(struct scan *sc, const char *s, size_t len, unsigned line)
{
	size_t a = 1, b = len - 1;

	while (a < b && isspace((unsigned char)s[a]))
		a++;
	while (b > a && isspace((unsigned char)s[b - 1]))
		b--;
	snprintf(sc->section, sizeof sc->section, "-");
	if (s[len - 1] != ']' || !name_ok(s + a, b - a)) {
		config_problem_add(sc->cfg, sc->file, line,
		    "bad section header (expected [name])");
		return;
	}
	lower_copy(sc->section, s + a, b - a);
	if (!config_known_section(sc->section)) {
		config_problem_add(sc->cfg, sc->file, line,
		    "unknown section [%s]", sc->section);
		snprintf(sc->section, sizeof sc->section, "-");
	}
}

/*
 * The value after '=': quoted ("..." or '...', then only a comment), or
 * bare up to a comment that starts after a space. NULL and a problem when
 * iniparser would read it differently from what it looks like.
 */
static char *
scan_value(struct scan *sc, const char *v, size_t len, unsigned line)
{
	const char *end, *rest;
	size_t i;

	if (len > 0 && (v[0] == '"' || v[0] == '\'')) {
		end = memchr(v + 1, v[0], len - 1);
		if (end == NULL) {
			config_problem_add(sc->cfg, sc->file, line,
			    "missing closing quote");
			return NULL;
		}
		for (rest = end + 1; rest < v + len && isspace((unsigned char)*rest);
		    rest++)
			;
		if (rest < v + len && *rest != '#' && *rest != ';') {
			config_problem_add(sc->cfg, sc->file, line,
			    "text after the closing quote (write a quote "
			    "inside a value as <Quote>)");
			return NULL;
		}
		return xstrndup(v + 1, (size_t)(end - v - 1));
	}
	for (i = 0; i < len; i++) {
		if (v[i] != '#' && v[i] != ';')
			continue;
		if (i == 0 || !isspace((unsigned char)v[i - 1])) {
			config_problem_add(sc->cfg, sc->file, line,
			    "'%c' in a value must be quoted (\"%c\") or "
			    "written %s", v[i], v[i],
			    v[i] == '#' ? "<Hash>" : "<Semicolon>");
			return NULL;
		}
		break;
	}
	while (i > 0 && isspace((unsigned char)v[i - 1]))
		i--;
	return xstrndup(v, i);
}

static void
scan_entry(struct scan *sc, const char *s, size_t len, unsigned line)
{
	const char *eq = memchr(s, '=', len), *v;
	char name[LOAD_MAX_NAME], *value;
	size_t klen, i;

	if (eq == NULL) {
		config_problem_add(sc->cfg, sc->file, line,
		    "expected name = value");
		return;
	}
	for (klen = (size_t)(eq - s); klen > 0 &&
	    isspace((unsigned char)s[klen - 1]); klen--)
		;
	if (!name_ok(s, klen)) {
		config_problem_add(sc->cfg, sc->file, line,
		    "bad name '%.*s' (letters, digits, - and _ only)",
		    (int)(klen > 40 ? 40 : klen), s);
		return;
	}
	lower_copy(name, s, klen);
	for (v = eq + 1; v < s + len && isspace((unsigned char)*v); v++)
		;
	if (sc->section[0] == '\0') {
		config_problem_add(sc->cfg, sc->file, line,
		    "'%s' before any [section]", name);
		return;
	}
	if (strcmp(sc->section, "-") == 0)
		return;		/* reported once, at the section */
	if ((value = scan_value(sc, v, (size_t)(s + len - v), line)) == NULL)
		return;
	for (i = 0; i < sc->nentries; i++) {
		struct entry *e = &sc->entries[i];

		if (strcmp(e->section, sc->section) == 0 &&
		    strcmp(e->name, name) == 0) {
			config_problem_add(sc->cfg, sc->file, line,
			    "'%s' is set again in [%s] (first on line %u); "
			    "this line wins", name, sc->section, e->line);
			free(e->value);
			e->value = value;
			e->line = line;
			return;
		}
	}
	sc->entries = xreallocarray(sc->entries, sc->nentries + 1,
	    sizeof *sc->entries);
	snprintf(sc->entries[sc->nentries].section, LOAD_MAX_NAME, "%s",
	    sc->section);
	snprintf(sc->entries[sc->nentries].name, LOAD_MAX_NAME, "%s", name);
	sc->entries[sc->nentries].value = value;
	sc->entries[sc->nentries++].line = line;
}

/* Check one line (without its newline); remember the good entries. */
static void
scan_line(struct scan *sc, const char *s, size_t len, unsigned line)
{
	size_t i;

	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (memchr(s, '\0', len) != NULL) {
		config_problem_add(sc->cfg, sc->file, line, "NUL byte in line");
		return;
	}
	if (len > LOAD_MAX_LINE) {
		config_problem_add(sc->cfg, sc->file, line,
		    "line too long (%zu bytes, at most %d)", len, LOAD_MAX_LINE);
		return;
	}
	if (!utf8_valid(s, len)) {
		config_problem_add(sc->cfg, sc->file, line, "not valid UTF-8");
		return;
	}
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f) {
			config_problem_add(sc->cfg, sc->file, line,
			    "control character in line");
			return;
		}
	}
	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || *s == '#' || *s == ';')
		return;
	if (s[len - 1] == '\\') {
		config_problem_add(sc->cfg, sc->file, line,
		    "a trailing backslash would join the next line "
		    "(write <Backslash>, or quote the value)");
		return;
	}
	if (*s == '[')
		scan_section(sc, s, len, line);
	else
		scan_entry(sc, s, len, line);
}

/* The file's bytes, at most LOAD_MAX_FILE; NULL and a problem on failure. */
static char *
read_file(struct config *cfg, const char *path, int must_exist, size_t *len)
{
	struct stat st;
	char *data;
	ssize_t n;
	int fd;

	if (strcmp(path, "/dev/null") == 0)
		return NULL;		/* the usual way to say "no file" */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (errno != ENOENT || must_exist)
			config_problem_add(cfg, path, 0, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > LOAD_MAX_FILE) {
		config_problem_add(cfg, path, 0, "%s",
		    !S_ISREG(st.st_mode) ? "not a regular file" :
		    "file too large (at most 1 MiB)");
		close(fd);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	*len = 0;
	while (*len < (size_t)st.st_size &&
	    (n = read(fd, data + *len, (size_t)st.st_size - *len)) > 0)
		*len += (size_t)n;
	close(fd);
	data[*len] = '\0';
	return data;
}

/* Write the entries as a clean INI file iniparser reads; NULL on failure. */
static dictionary *
load_clean(const struct scan *sc)
{
	char path[] = "/tmp/lede-conf-XXXXXX";
	dictionary *d = NULL;
	const char *last = "";
	FILE *fp;
	size_t i;
	int fd;

	if ((fd = mkstemp(path)) == -1)
		return NULL;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		return NULL;
	}
	for (i = 0; i < sc->nentries; i++) {
		if (strcmp(last, sc->entries[i].section) != 0)
			fprintf(fp, "[%s]\n", sc->entries[i].section);
		last = sc->entries[i].section;
		fprintf(fp, "%s = \"%s\"\n", sc->entries[i].name,
		    sc->entries[i].value);
	}
	if (fclose(fp) == 0) {
		iniparser_set_error_callback(ini_quiet);
		d = iniparser_load(path);
	}
	unlink(path);
	return d;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->section, y->section);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static void
apply_entries(struct scan *sc)
{
	dictionary *d;
	const char *v;
	char *key;
	size_t i;

	/* Grouped by section so iniparser sees each section once. */
	if (sc->nentries > 1)
		qsort(sc->entries, sc->nentries, sizeof *sc->entries, entry_cmp);
	if ((d = load_clean(sc)) == NULL && sc->nentries != 0)
		config_problem_add(sc->cfg, sc->file, 0,
		    "iniparser could not read the checked lines; "
		    "using lede's own reading");
	for (i = 0; i < sc->nentries; i++) {
		struct entry *e = &sc->entries[i];

		v = e->value;
		if (d != NULL) {
			key = xasprintf("%s:%s", e->section, e->name);
			v = iniparser_getstring(d, key, NULL);
			free(key);
			if (v == NULL)
				v = e->value;
		}
		config_apply(sc->cfg, e->section, e->name, v, sc->file, e->line);
	}
	if (d != NULL)
		iniparser_freedict(d);
}

size_t
config_load(struct config *cfg, const char *path, int must_exist)
{
	struct scan sc;
	size_t before, after, len, i, start;
	unsigned line = 1;
	char *data;

	config_problems(cfg, &before);
	memset(&sc, 0, sizeof sc);
	sc.cfg = cfg;
	sc.file = path;
	if ((data = read_file(cfg, path, must_exist, &len)) != NULL) {
		start = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
		for (i = start; i <= len; i++) {
			if (i == len || data[i] == '\n') {
				if (i > start || i < len)
					scan_line(&sc, data + start, i - start, line);
				start = i + 1;
				line++;
			}
		}
		apply_entries(&sc);
		free(data);
	}
	for (i = 0; i < sc.nentries; i++)
		free(sc.entries[i].value);
	free(sc.entries);
	config_sort_problems(cfg, before);
	config_problems(cfg, &after);
	return after - before;
}
