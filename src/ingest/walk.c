/*
 * File discovery for imports (see walk.h). Symbolic links are followed for
 * the paths given on the command line but not inside directories, so a
 * link loop cannot make the walk endless.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/walk.h"
#include "util/xalloc.h"

static void
push(struct walk_list *l, const char *path, uint64_t size)
{
	l->files = xreallocarray(l->files, l->n + 1, sizeof *l->files);
	l->files[l->n].path = xstrdup(path);
	l->files[l->n].size = size;
	l->n++;
	l->total += size;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_path(struct walk_list *, const char *, int, int,
    void (*)(const char *, const char *, void *), void *);

static void
walk_dir(struct walk_list *l, const char *dir, int depth,
    void (*problem)(const char *, const char *, void *), void *arg)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL, *child;
	size_t n = 0, i;

	if ((d = opendir(dir)) == NULL) {
		problem(dir, strerror(errno), arg);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		child = xasprintf("%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		walk_path(l, child, 0, depth + 1, problem, arg);
		free(child);
		free(names[i]);
	}
	free(names);
}

static void
walk_path(struct walk_list *l, const char *path, int explicit, int depth,
    void (*problem)(const char *, const char *, void *), void *arg)
{
	struct stat st;
	int rc;

	rc = explicit ? stat(path, &st) : lstat(path, &st);
	if (rc == -1) {
		problem(path, strerror(errno), arg);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		if (depth > 64) {
			problem(path, "directories nested too deep (limit 64)", arg);
			return;
		}
		walk_dir(l, path, depth, problem, arg);
	} else if (S_ISREG(st.st_mode))
		push(l, path, (uint64_t)st.st_size);
	else if (S_ISLNK(st.st_mode))
		return;		/* links inside directories are not followed */
	else
		problem(path, "not a regular file", arg);
}

void
walk_add(struct walk_list *l, const char *path,
    void (*problem)(const char *, const char *, void *), void *arg)
{
	if (strcmp(path, "-") == 0) {
		push(l, "-", 0);
		return;
	}
	walk_path(l, path, 1, 0, problem, arg);
}

void
walk_release(struct walk_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->files[i].path);
	free(l->files);
	memset(l, 0, sizeof *l);
}
