/*
 * The hand-over between the parsing thread and the writer: a bounded
 * queue of batches. Bounded so a fast parser cannot fill memory while the
 * writer is busy with the full-text index.
 */
#ifndef LEDE_INGEST_QUEUE_H
#define LEDE_INGEST_QUEUE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

struct article;
struct extract_result;

enum entry_kind {
	ENTRY_ARTICLE,		/* a, ex */
	ENTRY_PROBLEM,		/* where, msg */
	ENTRY_FILE_DONE,	/* bytes: the file's size; failed: it gave nothing */
};

struct entry {
	enum entry_kind		 kind;
	struct article		*a;
	struct extract_result	*ex;
	char			*where;
	char			*msg;
	uint64_t		 bytes;
	size_t			 replaced;
	int			 failed;	/* FILE_DONE: gave nothing;
					   PROBLEM: lost a record */
};

struct batch {
	struct entry	*e;
	size_t		 n;
	size_t		 narticles;
	struct batch	*next;
};

struct queue {
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	struct batch	*head, *tail;
	size_t		 len, max;
	int		 closed;	/* producer finished */
	int		 cancelled;	/* consumer gave up: producer stops */
};

void		 queue_init(struct queue *, size_t max);
void		 queue_release(struct queue *);
/* Block while full; returns -1 (and frees nothing) if cancelled. */
int		 queue_push(struct queue *, struct batch *);
/* Block while empty; NULL when closed and drained. */
struct batch	*queue_pop(struct queue *);
void		 queue_close(struct queue *);
void		 queue_cancel(struct queue *);
int		 queue_cancelled(struct queue *);

void		 batch_add(struct batch *, const struct entry *);
void		 batch_free(struct batch *);

#endif
