/*
 * The hand-over between the parsing thread, the extraction threads and
 * the writer: a bounded queue of batches in input order. Bounded so a
 * fast parser cannot fill memory while the writer is busy with the
 * full-text index. A batch pushed as not ready waits for an extraction
 * thread to claim it (in queue order) and mark it done; the writer takes
 * batches from the head only once they are done, so the order of the
 * input is kept however many threads extract.
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
	int		 state;		/* BATCH_* */
	struct batch	*next;
};

enum {
	BATCH_TODO,		/* waits for an extraction thread */
	BATCH_BUSY,		/* claimed by one */
	BATCH_READY,		/* for the writer */
};

struct queue {
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	struct batch	*head, *tail;
	struct batch	*todo;		/* first batch not claimed, or NULL */
	struct batch	*spent;		/* written, for a claimer to free */
	size_t		 len, max;
	int		 closed;	/* producer finished */
	int		 cancelled;	/* consumer gave up: producer stops */
};

void		 queue_init(struct queue *, size_t max);
void		 queue_release(struct queue *);
/*
 * Block while full; returns -1 (and frees nothing) if cancelled. ready:
 * the batch needs no extraction (else it waits for queue_claim()).
 */
int		 queue_push(struct queue *, struct batch *, int ready);
/*
 * The writer's side: block until the head batch is ready; NULL when
 * closed and drained. Once cancelled, batches no thread claimed are
 * dropped, not returned.
 */
struct batch	*queue_pop(struct queue *);
/*
 * The extraction threads' side: the next batch to extract, in queue
 * order, blocking while there is none; NULL once the queue is closed and
 * every batch claimed, or cancelled. The batch stays in the queue and
 * belongs to the caller until queue_done().
 */
struct batch	*queue_claim(struct queue *);
void		 queue_done(struct queue *, struct batch *);
/*
 * The writer is done with a batch: it is freed by the next extraction
 * thread to claim one, off the writer's thread (freeing a batch of a
 * thousand articles, their extraction results and every string in them
 * took about 3% of the writer's time over a 100k import), or at once
 * when no claim is to come.
 */
void		 queue_discard(struct queue *, struct batch *);
void		 queue_close(struct queue *);
/* Whether the producer has closed the queue: no batch will be added. */
int		 queue_closed(struct queue *);
void		 queue_cancel(struct queue *);
int		 queue_cancelled(struct queue *);

void		 batch_add(struct batch *, const struct entry *);
void		 batch_free(struct batch *);

#endif
