/*
 * struct article: one news article as importers produce it and the archive
 * stores it. Every string is NUL-terminated valid UTF-8 owned by the
 * struct (article_free() releases them) or NULL when unknown. Importers fill
 * what their format offers; the archive derives the rest (content hash,
 * sort key).
 */
#ifndef LEDE_UTIL_ARTICLE_H
#define LEDE_UTIL_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

struct article {
	int64_t	 id;		/* archive id; 0 until stored */
	char	*source;	/* outlet or feed title */
	char	*source_url;	/* outlet or feed home page */
	char	*corrections;	/* where the outlet takes corrections */
	char	*url;
	char	*guid;
	char	*title;
	char	*author;
	char	*published;	/* ISO 8601, possibly partial: 2025, 2025-03 */
	char	*language;	/* BCP 47 primary tag: "en", "ar" */
	char	*caption;
	char	*body;		/* paragraphs separated by "\n\n" */
	char	*origin;	/* where it was read: path[:line], feed URL */
	int	 read;		/* 1 once the user has read it */
	int	 revision;	/* 1 for the first version */
	int	 nflags;	/* correction flags on it (when listed) */
	/*
	 * The body in the form the archive stores it, when the importer
	 * made it beforehand (archive_body_pack(), on any thread), so the
	 * archive's writer does not compress: stored_len bytes standing for
	 * a body of stored_size bytes. NULL: archive_put() packs the body
	 * itself. Owned by the struct; stale once body changes (pack again).
	 */
	unsigned char	*stored_body;
	size_t		 stored_len, stored_size;
	/*
	 * The terms the full-text index would make of title, author,
	 * caption and body, computed ahead (archive_terms_prepare(), on any
	 * thread), fts_terms_len bytes; NULL: the writer tokenizes. Owned by
	 * the struct; ignored once the text changes.
	 */
	unsigned char	*fts_terms;
	size_t		 fts_terms_len;
};

/* A zeroed article. Caller frees with article_free(). */
struct article	*article_new(void);
void		 article_free(struct article *);
/* Release the strings and zero the struct (for stack-allocated ones). */
void		 article_release(struct article *);
/* Replace *field with a copy of value (NULL clears it). */
void		 article_set(char **field, const char *value);
/* Like article_set() for value[0..len). */
void		 article_setn(char **field, const char *value, size_t len);
/*
 * Guess the language of a text: "ar" when most letters are Arabic script,
 * else "en". Returns a static string.
 */
const char	*article_guess_language(const char *text);

#endif
