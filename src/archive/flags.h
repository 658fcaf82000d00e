/*
 * Correction flags in the archive: the rows of the `flags` table and the
 * SQL that reads and writes them. This is the flag module's storage half
 * (it lives in src/archive/ because only src/archive/ talks to SQLite);
 * the logic (anchoring, re-anchoring, transactions, exports) is in
 * src/flag/, and front ends should call flag/flag.h rather than these.
 *
 * A flag's offsets and revision say where its exact text was last found:
 * body[start..end) of the article's revision `revision`. Re-anchoring
 * moves a flag to the current revision when its passage is found there;
 * a flag whose passage is gone keeps its old revision and offsets, so
 * "found" is simply revision == the article's current revision. Nothing
 * is ever dropped because the article changed.
 *
 * The archive_flag_* writers run inside the caller's transaction
 * (archive_begin()); readers see one consistent snapshot per call.
 * Every function returns 0 (or a count), or -1 and *cause (caller frees).
 */
#ifndef LEDE_ARCHIVE_FLAGS_H
#define LEDE_ARCHIVE_FLAGS_H

#include <stddef.h>
#include <stdint.h>

struct archive;

/* What became of the request. The names are what the user types. */
enum flag_status {
	FLAG_OPEN,		/* "open": noted, not yet sent */
	FLAG_SENT,		/* "sent": sent to the outlet */
	FLAG_RESOLVED,		/* "resolved": corrected, answered or dropped */
};
#define FLAG_NSTATUS	3

/* "open", "sent", "resolved". */
const char	*flag_status_name(enum flag_status);
/* The status named s, or -1. */
int		 flag_status_parse(const char *s);

struct flag {
	int64_t		 id;		/* 0 until stored */
	int64_t		 article_id;
	int		 revision;	/* article revision of start/end */
	int		 found;		/* passage is in the current revision */
	size_t		 start, end;	/* UTF-8 byte offsets into that body */
	char		*exact;		/* the quoted text */
	char		*prefix;	/* up to ANCHOR_CONTEXT characters before */
	char		*suffix;	/* ... and after */
	char		*note;		/* the reader's note ("" for none) */
	enum flag_status status;
	char		*created;	/* ISO 8601 UTC, 2026-11-25T14:03:00Z */
	char		*updated;	/* last change by the user */

	/* The article, filled by the readers below (NULL when unknown). */
	char		*title;
	char		*source;
	char		*url;
	char		*published;
	char		*corrections;	/* the source's corrections address */
	/* Code point offsets of start/end (W3C TextPositionSelector), filled
	   by FLAG_LIST_EXPORT for found flags; -1 otherwise. */
	int64_t		 cstart, cend;
};

/* Release the strings and zero the struct. */
void	 flag_release(struct flag *);
/* A deep copy of f into *copy (released with flag_release()). */
void	 flag_copy(struct flag *copy, const struct flag *f);
/* Release an array of flags from archive_flags_list(). */
void	 flag_list_free(struct flag *, size_t);

enum flag_order {
	FLAG_LIST_BY_ID,	/* creation order */
	FLAG_LIST_EXPORT,	/* by article, then position; code point
				   offsets filled (reads the bodies) */
};

struct flag_filter {
	int		 status;	/* an enum flag_status, or -1 for any */
	const char	*source;	/* source name (case-insensitive), or NULL */
	int64_t		 article_id;	/* one article, or 0 */
	int64_t		 id;		/* one flag, or 0 */
	int		 lost_only;	/* only flags whose passage is gone */
	enum flag_order	 order;
};
#define FLAG_FILTER_ALL { .status = -1 }

/*
 * Store f. With f->id 0 a new id is chosen and stored in f->id; with an id
 * (undo of a delete) the flag comes back under that id. NULL created or
 * updated mean now. The article must exist.
 */
int	 archive_flag_insert(struct archive *, struct flag *, char **cause);

/* One flag, article fields included, into *f (released by the caller). */
int	 archive_flag_get(struct archive *, int64_t id, struct flag *f,
	    char **cause);

/* Set the status or the note; `updated` becomes now. "no flag N" if absent. */
int	 archive_flag_set_status(struct archive *, int64_t id,
	    enum flag_status, char **cause);
int	 archive_flag_set_note(struct archive *, int64_t id, const char *note,
	    char **cause);

/* Move a flag to where its passage is now (re-anchoring). */
int	 archive_flag_set_anchor(struct archive *, int64_t id, int revision,
	    size_t start, size_t end, const char *exact, const char *prefix,
	    const char *suffix, char **cause);

int	 archive_flag_delete(struct archive *, int64_t id, char **cause);

/*
 * The current revision and body of an article. *body: caller frees.
 * "no article N" if absent.
 */
int	 archive_flag_article(struct archive *, int64_t article_id,
	    int *revision, char **body, char **cause);

/*
 * Call fn for each flag matching the filter, until it returns non-zero
 * (which is then returned). The flag is valid during the call only. One
 * SELECT, so the walk sees one snapshot even while an import writes; fn
 * must not call other archive functions.
 */
int	 archive_flags_foreach(struct archive *, const struct flag_filter *,
	    int (*fn)(const struct flag *, void *), void *arg, char **cause);

/* The matching flags as an array (*flags, *n); free with flag_list_free(). */
int	 archive_flags_list(struct archive *, const struct flag_filter *,
	    struct flag **flags, size_t *n, char **cause);

#endif
