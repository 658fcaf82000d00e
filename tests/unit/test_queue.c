/*
 * The import queue (src/ingest/queue.c): batches reach the writer in the
 * order they were pushed however the extraction threads finish them, and
 * a cancel drops what no thread claimed without losing a claimed batch,
 * and a batch the writer discards is freed by a claimer or at release.
 */
#include "config.h"

#include <pthread.h>
#include <time.h>

#include "ingest/queue.h"
#include "util/xalloc.h"
#include "test.h"

#define NBATCH	200

/* A batch whose one entry carries its number in bytes. */
static struct batch *
numbered(uint64_t n)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct entry e = { .kind = ENTRY_FILE_DONE, .bytes = n };

	batch_add(b, &e);
	return b;
}

static void
pause_us(long us)
{
	struct timespec ts = { 0, us * 1000 };

	nanosleep(&ts, NULL);
}

static void *
claimer(void *arg)
{
	struct queue *q = arg;
	struct batch *b;

	/* uneven delays, so later batches are often done first */
	while ((b = queue_claim(q)) != NULL) {
		pause_us((long)(b->e[0].bytes * 7919 % 13) * 50);
		b->e[0].failed = 1;	/* "extracted" */
		queue_done(q, b);
	}
	return NULL;
}

static void *
producer(void *arg)
{
	struct queue *q = arg;
	uint64_t i;

	for (i = 0; i < NBATCH; i++)
		if (queue_push(q, numbered(i), i % 10 == 9) != 0)
			break;
	queue_close(q);
	return NULL;
}

static void
in_order_with_three_claimers(void)
{
	struct queue q;
	pthread_t p, c[3];
	struct batch *b;
	uint64_t next = 0;
	int i, all_extracted = 1;

	queue_init(&q, 4);
	pthread_create(&p, NULL, producer, &q);
	for (i = 0; i < 3; i++)
		pthread_create(&c[i], NULL, claimer, &q);
	while ((b = queue_pop(&q)) != NULL) {
		CHECK_INT(b->e[0].bytes, next);
		/* pushed ready: nobody extracts it */
		if (next % 10 != 9 && b->e[0].failed != 1)
			all_extracted = 0;
		next++;
		batch_free(b);
	}
	CHECK_INT(next, NBATCH);
	CHECK(all_extracted);
	pthread_join(p, NULL);
	for (i = 0; i < 3; i++)
		pthread_join(c[i], NULL);
	queue_release(&q);
}

static void
cancel_keeps_claimed_drops_rest(void)
{
	struct queue q;
	struct batch *b, *claimed;

	queue_init(&q, 8);
	CHECK_INT(queue_push(&q, numbered(0), 0), 0);
	CHECK_INT(queue_push(&q, numbered(1), 0), 0);
	CHECK_INT(queue_push(&q, numbered(2), 0), 0);
	CHECK_INT(queue_closed(&q), 0);
	claimed = queue_claim(&q);
	CHECK(claimed != NULL && claimed->e[0].bytes == 0);
	queue_cancel(&q);
	CHECK(queue_claim(&q) == NULL);
	b = numbered(3);
	CHECK_INT(queue_push(&q, b, 1), -1);
	batch_free(b);		/* refused: the caller keeps it */
	queue_done(&q, claimed);
	CHECK_INT(queue_closed(&q), 0);
	queue_close(&q);
	CHECK_INT(queue_closed(&q), 1);
	b = queue_pop(&q);
	CHECK(b == claimed);
	batch_free(b);
	CHECK(queue_pop(&q) == NULL);
	queue_release(&q);
}

/*
 * A batch the writer is done with waits for the next claim to free it
 * (off the writer's thread); once no claim can come (closed with nothing
 * left, or cancelled) it is freed at once. ASan's leak check in CI sees
 * any batch left behind.
 */
static void
discard_waits_for_a_claim(void)
{
	struct queue q;
	struct batch *b;

	queue_init(&q, 8);
	CHECK_INT(queue_push(&q, numbered(0), 0), 0);
	CHECK_INT(queue_push(&q, numbered(1), 0), 0);
	b = queue_claim(&q);
	CHECK(b != NULL && b->e[0].bytes == 0);
	queue_done(&q, b);
	CHECK(queue_pop(&q) == b);
	queue_discard(&q, b);
	CHECK(q.spent == b);
	/* the next claim frees it, and still gets its batch */
	b = queue_claim(&q);
	CHECK(q.spent == NULL);
	CHECK(b != NULL && b->e[0].bytes == 1);
	queue_done(&q, b);
	queue_close(&q);
	CHECK(queue_pop(&q) == b);
	/* closed, every batch claimed: no claimer will come back */
	queue_discard(&q, b);
	CHECK(q.spent == NULL);
	CHECK(queue_pop(&q) == NULL);
	queue_release(&q);

	/* left for a claim that never came: the release frees it */
	queue_init(&q, 8);
	CHECK_INT(queue_push(&q, numbered(2), 0), 0);
	queue_discard(&q, numbered(3));
	CHECK(q.spent != NULL);
	queue_release(&q);

	/* cancelled: at once */
	queue_init(&q, 8);
	queue_cancel(&q);
	queue_discard(&q, numbered(4));
	CHECK(q.spent == NULL);
	queue_release(&q);
}

int
main(void)
{
	test_init();
	TEST_RUN(in_order_with_three_claimers);
	TEST_RUN(cancel_keeps_claimed_drops_rest);
	TEST_RUN(discard_waits_for_a_claim);
	return test_done();
}
