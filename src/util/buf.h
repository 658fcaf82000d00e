/*
 * A growable byte buffer, always NUL-terminated so its contents can be used
 * as a C string. Used for building output, parsed text and SQL-free strings.
 */
#ifndef LEDE_UTIL_BUF_H
#define LEDE_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated; NULL until first append */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_init(struct buf *);
void	 buf_release(struct buf *);
void	 buf_reset(struct buf *);			/* len = 0, keeps memory */
void	 buf_grow(struct buf *, size_t);		/* room for n more bytes */
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Take ownership of the contents ("" if empty); the buf is reset. Caller frees. */
char	*buf_detach(struct buf *);
/* The contents as a string, "" when empty. Valid until the next buf_* call. */
const char *buf_str(const struct buf *);

#endif
