/*
 * String-keyed map from a string to a size_t, internal to src/extract.
 * Zero-initialise; keys are copied.
 */
#ifndef LEDE_EXTRACT_STRMAP_H
#define LEDE_EXTRACT_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct extract_strmap {
	struct extract_strslot {
		uint64_t	 hash;
		size_t		 key;	/* offset of the key in pool + 1;
					 * 0: an empty slot */
		size_t		 val;
	}		*slots;
	char		*pool;		/* the keys, NUL-terminated */
	size_t		 used, room;	/* bytes of pool */
	size_t		 cap, n;	/* slots, keys */
};

#define EXTRACT_STRMAP_NONE ((size_t)-1)

/* Value for key, or EXTRACT_STRMAP_NONE. */
size_t	 extract_strmap_get(const struct extract_strmap *, const char *);
/* Set key's value (the key is copied). */
void	 extract_strmap_put(struct extract_strmap *, const char *, size_t);
/* Key's value; a new key is added with value v, which is returned: one
 * look-up where extract_strmap_get() and _put() would take two. */
size_t	 extract_strmap_add(struct extract_strmap *, const char *, size_t v);
void	 extract_strmap_release(struct extract_strmap *);

#endif
