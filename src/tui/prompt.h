/*
 * A one-line editor with history, for the search query, the filters and
 * finding in a text. Pure: editing operations on a UTF-8 buffer and a
 * cursor, unit-tested without a terminal; the reader draws it.
 */
#ifndef LEDE_TUI_PROMPT_H
#define LEDE_TUI_PROMPT_H

#include <stddef.h>
#include <stdint.h>

#define PROMPT_MAX	1000		/* bytes; a paste past this is cut */
#define HISTORY_MAX	100

struct history {
	char	*items[HISTORY_MAX];	/* oldest first */
	size_t	 n;
};

struct prompt {
	char		 label[32];
	char		 text[PROMPT_MAX + 1];
	size_t		 len;
	size_t		 cur;		/* byte offset of the cursor */
	struct history	*hist;		/* may be NULL */
	size_t		 hpos;		/* == hist->n: the line being edited */
	char		*saved;		/* that line, while browsing history */
	int		 kind;		/* the caller's */
};

/* Start editing with label and initial text (may be NULL). */
void	 prompt_init(struct prompt *, int kind, const char *label,
	    const char *text, struct history *);
void	 prompt_release(struct prompt *);

/* Insert a character at the cursor. Returns -1 if the line is full. */
int	 prompt_insert(struct prompt *, uint32_t cp);
void	 prompt_left(struct prompt *);
void	 prompt_right(struct prompt *);
void	 prompt_home(struct prompt *);
void	 prompt_end(struct prompt *);
void	 prompt_delete_back(struct prompt *);
void	 prompt_delete_forward(struct prompt *);
/* Delete the word (and the spaces after it) before the cursor. */
void	 prompt_delete_word(struct prompt *);
void	 prompt_kill_to_end(struct prompt *);
void	 prompt_kill_to_start(struct prompt *);
/* Replace the line with an older (dir < 0) or newer history entry. */
void	 prompt_history(struct prompt *, int dir);

/* Add a line to a history (empty lines and repeats of the last are not). */
void	 history_add(struct history *, const char *);
void	 history_release(struct history *);

#endif
