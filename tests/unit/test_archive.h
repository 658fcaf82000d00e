/*
 * Helpers shared by the archive's unit tests: a scratch directory made
 * with mkdtemp and removed at exit, articles built in one call, a file
 * hash to prove a refused file was left alone. Tests use the real SQLite
 * on real files, never a mock.
 */
#ifndef LEDE_TEST_ARCHIVE_H
#define LEDE_TEST_ARCHIVE_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive/archive.h"
#include "util/article.h"
#include "util/xalloc.h"

static char test_dir[256];

static inline void
test_dir_remove(void)
{
	DIR *d;
	struct dirent *e;
	char path[512];

	if (test_dir[0] == '\0' || getenv("LEDE_KEEP_TMP") != NULL)
		return;
	/* One level of subdirectories is all the tests make. */
	if ((d = opendir(test_dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", test_dir, e->d_name);
			if (unlink(path) != 0) {
				DIR *sd = opendir(path);
				struct dirent *se;
				char sub[1024];

				while (sd != NULL && (se = readdir(sd)) != NULL) {
					snprintf(sub, sizeof sub, "%s/%s", path,
					    se->d_name);
					unlink(sub);
				}
				if (sd != NULL)
					closedir(sd);
				rmdir(path);
			}
		}
		closedir(d);
	}
	rmdir(test_dir);
}

static inline void
test_dir_make(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(test_dir, sizeof test_dir, "%s/lede-test-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(test_dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	atexit(test_dir_remove);
}

/* A path inside the scratch directory. Caller frees. */
static inline char *
test_path(const char *name)
{
	return xasprintf("%s/%s", test_dir, name);
}

/* FNV-1a 64 of a file's bytes, 0 when it cannot be read. */
static inline uint64_t
test_file_hash(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint64_t h = 0xcbf29ce484222325ULL;
	int c;

	if (f == NULL)
		return 0;
	while ((c = getc(f)) != EOF) {
		h ^= (unsigned char)c;
		h *= 0x100000001b3ULL;
	}
	fclose(f);
	return h;
}

/* An article with the given fields (NULL leaves one empty). Caller frees. */
static inline struct article *
test_article(const char *source, const char *guid, const char *url,
    const char *title, const char *published, const char *body)
{
	struct article *a = article_new();

	article_set(&a->source, source);
	article_set(&a->guid, guid);
	article_set(&a->url, url);
	article_set(&a->title, title);
	article_set(&a->published, published);
	article_set(&a->body, body);
	article_set(&a->language, "en");
	return a;
}

/* Put one article in its own transaction; returns the status. */
static inline int
test_put(struct archive *ar, const struct article *art, int64_t *id)
{
	char *cause = NULL;
	int rc = archive_put(ar, art, NULL, id, &cause);

	if (rc < 0) {
		fprintf(stderr, "archive_put: %s\n", cause);
		free(cause);
	}
	return rc;
}

#endif
