/*
 * Prompt histories kept between sessions, in $XDG_STATE_HOME/lede/history
 * (else ~/.local/state/lede/history), one entry per line as "KIND<TAB>TEXT",
 * oldest first. The file is private (0600: searches can be sensitive) and
 * replaced whole through a temporary file, so a crash leaves the old one.
 * The save-history option turns it off. Lines that are not valid (wrong
 * kind, control characters, bad UTF-8) are skipped; nothing is ever
 * printed.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/tui_int.h"
#include "util/paths.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static const char *const kind_names[PK_COUNT] = {
	[PK_SEARCH] = "search", [PK_FILTER_TEXT] = "filter",
	[PK_FILTER_SOURCE] = "source", [PK_FILTER_DATE] = "date",
	[PK_FIND_READER] = "find", [PK_FIND_OVERLAY] = "find-help",
	[PK_NOTE] = "note", [PK_NOTE_EDIT] = "note-edit",
	[PK_EXPORT_FORMAT] = "export-format", [PK_EXPORT_PATH] = "export",
};

static char *
history_dir(void)
{
	const char *env = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (env != NULL && *env == '/')
		return xasprintf("%s/lede", env);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.local/state/lede", home);
	return NULL;
}

static void
load_line(struct tui *t, char *line)
{
	char *tab = strchr(line, '\t');
	size_t i, len;

	if (tab == NULL)
		return;
	*tab = '\0';
	len = strlen(tab + 1);
	if (len == 0 || len > PROMPT_MAX || !utf8_valid(tab + 1, len))
		return;
	for (i = 0; i < len; i++) {
		if ((unsigned char)tab[1 + i] < 0x20 || tab[1 + i] == 0x7f)
			return;
	}
	for (i = 0; i < PK_COUNT; i++) {
		if (strcmp(line, kind_names[i]) == 0)
			history_add(&t->hist[i], tab + 1);
	}
}

void
history_load(struct tui *t)
{
	char *dir, *path, buf[PROMPT_MAX + 64];
	FILE *fp;
	size_t n;

	if (!t->save_history || (dir = history_dir()) == NULL)
		return;
	path = xasprintf("%s/history", dir);
	if ((fp = fopen(path, "r")) != NULL) {
		while (fgets(buf, sizeof buf, fp) != NULL) {
			n = strlen(buf);
			if (n > 0 && buf[n - 1] == '\n')
				buf[n - 1] = '\0';
			load_line(t, buf);
		}
		fclose(fp);
	}
	free(path);
	free(dir);
}

void
history_save(struct tui *t)
{
	char *dir, *path, *tmp;
	size_t k, i;
	FILE *fp;
	int ok, fd = -1;

	if (!t->save_history || (dir = history_dir()) == NULL)
		return;
	path = xasprintf("%s/history", dir);
	tmp = xasprintf("%s/history.tmp", dir);
	if (paths_mkdir_p(dir) == 0 && (fd = open(tmp, O_WRONLY | O_CREAT |
	    O_TRUNC | O_CLOEXEC, 0600)) != -1 && (fp = fdopen(fd, "w")) != NULL) {
		for (k = 0; k < PK_COUNT; k++) {
			for (i = 0; i < t->hist[k].n; i++)
				fprintf(fp, "%s\t%s\n", kind_names[k],
				    t->hist[k].items[i]);
		}
		ok = fflush(fp) == 0 && !ferror(fp);
		if (fclose(fp) == 0 && ok)
			rename(tmp, path);
		else
			remove(tmp);
	} else if (fd != -1)
		close(fd);
	free(tmp);
	free(path);
	free(dir);
}
