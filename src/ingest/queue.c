/*
 * Bounded blocking queue of batches (see queue.h).
 */
#include "config.h"

#include <stdlib.h>

#include "extract/extract.h"
#include "ingest/queue.h"
#include "util/article.h"
#include "util/xalloc.h"

void
queue_init(struct queue *q, size_t max)
{
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->cond, NULL);
	q->head = q->tail = q->todo = q->spent = NULL;
	q->len = 0;
	q->max = max;
	q->closed = q->cancelled = 0;
}

/* Free a list of batches linked by next. */
static void
free_list(struct batch *b)
{
	struct batch *next;

	for (; b != NULL; b = next) {
		next = b->next;
		batch_free(b);
	}
}

void
queue_release(struct queue *q)
{
	free_list(q->head);
	free_list(q->spent);
	q->head = q->spent = NULL;
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->cond);
}

int
queue_push(struct queue *q, struct batch *b, int ready)
{
	pthread_mutex_lock(&q->lock);
	while (q->len >= q->max && !q->cancelled)
		pthread_cond_wait(&q->cond, &q->lock);
	if (q->cancelled) {
		pthread_mutex_unlock(&q->lock);
		return -1;
	}
	b->next = NULL;
	b->state = ready ? BATCH_READY : BATCH_TODO;
	if (q->tail != NULL)
		q->tail->next = b;
	else
		q->head = b;
	q->tail = b;
	/* batches are claimed in order: the first unclaimed one, if any,
	 * is at or before this one */
	if (q->todo == NULL && !ready)
		q->todo = b;
	q->len++;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
	return 0;
}

/* After a cancel: drop the batches from the head on that nobody claimed
 * (claims go in order, so they are the rest of the queue). */
static void
drop_unclaimed(struct queue *q)
{
	struct batch *b;

	while ((b = q->head) != NULL && b->state == BATCH_TODO) {
		q->head = b->next;
		q->len--;
		batch_free(b);
	}
	if (q->head == NULL)
		q->tail = NULL;
	q->todo = NULL;
}

struct batch *
queue_pop(struct queue *q)
{
	struct batch *b;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		if (q->cancelled)
			drop_unclaimed(q);
		if ((b = q->head) != NULL && b->state == BATCH_READY)
			break;
		if (b == NULL && q->closed)
			break;
		pthread_cond_wait(&q->cond, &q->lock);
	}
	if (b != NULL) {
		q->head = b->next;
		if (q->head == NULL)
			q->tail = NULL;
		q->len--;
		pthread_cond_broadcast(&q->cond);
	}
	pthread_mutex_unlock(&q->lock);
	return b;
}

struct batch *
queue_claim(struct queue *q)
{
	struct batch *b, *spent;

	pthread_mutex_lock(&q->lock);
	spent = q->spent;
	q->spent = NULL;
	pthread_mutex_unlock(&q->lock);
	free_list(spent);
	pthread_mutex_lock(&q->lock);
	while (q->todo == NULL && !q->closed && !q->cancelled)
		pthread_cond_wait(&q->cond, &q->lock);
	b = q->cancelled ? NULL : q->todo;
	if (b != NULL) {
		b->state = BATCH_BUSY;
		/*
		 * The next batch to claim, past those pushed ready: pointing
		 * at one let a claimer take it after the writer had popped and
		 * freed it (test_queue hung now and then).
		 */
		for (q->todo = b->next; q->todo != NULL &&
		    q->todo->state != BATCH_TODO; q->todo = q->todo->next)
			;
	}
	pthread_mutex_unlock(&q->lock);
	return b;
}

void
queue_done(struct queue *q, struct batch *b)
{
	pthread_mutex_lock(&q->lock);
	b->state = BATCH_READY;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

void
queue_discard(struct queue *q, struct batch *b)
{
	pthread_mutex_lock(&q->lock);
	/* closed with nothing left to claim: no claimer will come back */
	if ((q->closed && q->todo == NULL) || q->cancelled) {
		pthread_mutex_unlock(&q->lock);
		batch_free(b);
		return;
	}
	b->next = q->spent;
	q->spent = b;
	pthread_mutex_unlock(&q->lock);
}

void
queue_close(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

void
queue_cancel(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->cancelled = 1;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

int
queue_closed(struct queue *q)
{
	int c;

	pthread_mutex_lock(&q->lock);
	c = q->closed;
	pthread_mutex_unlock(&q->lock);
	return c;
}

int
queue_cancelled(struct queue *q)
{
	int c;

	pthread_mutex_lock(&q->lock);
	c = q->cancelled;
	pthread_mutex_unlock(&q->lock);
	return c;
}

void
batch_add(struct batch *b, const struct entry *e)
{
	b->e = xreallocarray(b->e, b->n + 1, sizeof *b->e);
	b->e[b->n++] = *e;
	if (e->kind == ENTRY_ARTICLE)
		b->narticles++;
}

void
batch_free(struct batch *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		article_free(b->e[i].a);
		if (b->e[i].ex != NULL)
			extract_result_free(b->e[i].ex);
		free(b->e[i].where);
		free(b->e[i].msg);
	}
	free(b->e);
	free(b);
}
