/*
 * Progress bar (see progress.h). The ETA is computed from bytes, not
 * articles, because files vary wildly in how many articles they hold.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "ingest/progress.h"
#include "util/buf.h"
#include "util/xalloc.h"

double
progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
progress_init(struct progress *p, FILE *fp, const char *what, uint64_t total)
{
	memset(p, 0, sizeof *p);
	p->fp = fp;
	p->what = what;
	p->total = total;
	p->start = p->last = progress_now();
}

static void
add_duration(struct buf *b, double secs)
{
	long s = (long)(secs + 0.5);

	if (s >= 3600)
		buf_printf(b, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
	else
		buf_printf(b, "%ld:%02ld", s / 60, s % 60);
}

char *
progress_format(const struct progress *p, double now, int width)
{
	struct buf b = BUF_INIT;
	double elapsed = now - p->start, frac = 0, rate;
	int barw = 20, fill, i;

	if (p->total > 0) {
		frac = (double)p->done / (double)p->total;
		if (frac > 1)
			frac = 1;
	}
	rate = elapsed > 0.05 ? (double)p->count / elapsed : 0;
	if (p->total > 0 && width >= 60) {
		fill = (int)(frac * barw);
		buf_addc(&b, '[');
		for (i = 0; i < barw; i++)
			buf_addc(&b, i < fill ? '#' : '-');
		buf_printf(&b, "] %3d%%  ", (int)(frac * 100));
	}
	buf_printf(&b, "%llu %s", (unsigned long long)p->count, p->what);
	if (rate > 0)
		buf_printf(&b, "  %.0f/s", rate);
	if (p->total > 0 && frac > 0.01 && frac < 1) {
		buf_adds(&b, "  ETA ");
		add_duration(&b, elapsed * (1 - frac) / frac);
	}
	if ((int)b.len > width && width > 0)
		b.data[width] = '\0';
	return buf_detach(&b);
}

void
progress_update(struct progress *p, uint64_t done, uint64_t count, int force)
{
	double now;
	char *line;

	p->done = done;
	p->count = count;
	if (p->fp == NULL)
		return;
	now = progress_now();
	if (!force && now - p->last < 0.1)
		return;
	p->last = now;
	line = progress_format(p, now, 79);
	fprintf(p->fp, "\r%s\033[K", line);
	fflush(p->fp);
	free(line);
	p->drawn = 1;
}

void
progress_message(struct progress *p, const char *line)
{
	FILE *fp = p->fp != NULL ? p->fp : stderr;

	if (p->drawn)
		fputs("\r\033[K", fp);
	fprintf(fp, "%s\n", line);
	if (p->drawn) {
		p->last = 0;
		progress_update(p, p->done, p->count, 1);
	}
}

void
progress_end(struct progress *p)
{
	if (p->fp != NULL && p->drawn) {
		fputs("\r\033[K", p->fp);
		fflush(p->fp);
	}
	p->drawn = 0;
}

void
progress_migration(int to, int64_t done, int64_t total, void *arg)
{
	static struct progress p;
	static int tty;

	(void)arg;
	if (done == 0) {
		fprintf(stderr, "lede: upgrading the archive to schema %d (%lld "
		    "articles); this takes a while, and an interruption "
		    "leaves the archive as it was\n", to, (long long)total);
		tty = isatty(STDERR_FILENO);
		progress_init(&p, tty ? stderr : NULL, "articles",
		    (uint64_t)total);
		return;
	}
	progress_update(&p, (uint64_t)done, (uint64_t)done, 0);
	if (done < total)
		return;
	progress_end(&p);
	fprintf(stderr, "lede: archive upgraded to schema %d in %.0f s\n", to,
	    progress_now() - p.start);
}
