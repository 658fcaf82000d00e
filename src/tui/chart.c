/*
 * The month chart (see chart.h). Values come from the extractor, so they
 * are well formed, but nothing here trusts that: anything that is not a
 * four-digit year with a month or an ISO week is left off the chart.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/chart.h"
#include "util/buf.h"
#include "util/xalloc.h"

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Day of the week of a date, Monday 0 .. Sunday 6 (Sakamoto). */
static int
weekday(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d + 6) % 7;
}

/* The month of the Thursday of ISO week w of year y. */
static int
week_month(int y, int w)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int day, m, len;

	/* Week 1 holds 4 January; days counted from 1 January = 0. */
	day = 3 - weekday(y, 1, 4) + 7 * (w - 1) + 3;
	len = leap(y) ? 366 : 365;
	if (day >= len)
		return (y + 1) * 12;
	for (m = 0; m < 12; m++) {
		len = mdays[m] + (m == 1 && leap(y));
		if (day < len)
			break;
		day -= len;
	}
	return y * 12 + m;
}

int
chart_month(const char *v)
{
	int y, m, w;
	size_t n;

	if (v == NULL || strlen(v) < 7 || !digits(v, 4) || v[4] != '-')
		return -1;
	y = atoi(v);
	if (digits(v + 5, 2) && (v[7] == '\0' || v[7] == '-' || v[7] == 'T')) {
		m = (v[5] - '0') * 10 + (v[6] - '0');
		return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
	}
	if (v[5] != 'W')
		return -1;
	for (n = 0; digits(v + 6 + n, 1) && n < 3; n++)
		;
	if (n == 0 || n > 2 || (v[6 + n] != '\0' && v[6 + n] != '-'))
		return -1;
	w = atoi(v + 6);
	return w >= 1 && w <= 53 ? week_month(y, w) : -1;
}

/* The bin key of month m for a unit. */
static int
key(enum chart_unit u, int m)
{
	return u == CHART_MONTH ? m : u == CHART_QUARTER ? m / 3 : m / 12;
}

static int
key_first(enum chart_unit u, int k)
{
	return u == CHART_MONTH ? k : u == CHART_QUARTER ? k * 3 : k * 12;
}

void
chart_build(struct chart *c, const int *months, size_t n, size_t max_bins)
{
	int lo = -1, hi = -1, k;
	size_t i, span = 0;
	long b;

	memset(c, 0, sizeof *c);
	for (i = 0; i < n; i++) {
		if (months[i] < 0)
			continue;
		if (lo < 0 || months[i] < lo)
			lo = months[i];
		if (hi < 0 || months[i] > hi)
			hi = months[i];
		c->placed++;
	}
	if (c->placed == 0)
		return;
	for (c->unit = CHART_MONTH; ; c->unit++) {
		span = (size_t)(key(c->unit, hi) - key(c->unit, lo)) + 1;
		if (span <= max_bins || c->unit == CHART_YEAR)
			break;
	}
	c->sparse = span > max_bins;
	if (c->sparse) {
		/* Only the years that have events, in order. */
		for (k = key(c->unit, lo); k <= key(c->unit, hi); k++) {
			for (i = 0; i < n; i++)
				if (months[i] >= 0 && key(c->unit, months[i]) == k)
					break;
			if (i == n)
				continue;
			c->bins = xreallocarray(c->bins, c->nbins + 1,
			    sizeof *c->bins);
			c->bins[c->nbins].first = key_first(c->unit, k);
			c->bins[c->nbins++].count = 0;
		}
	} else {
		c->bins = xcalloc(span, sizeof *c->bins);
		c->nbins = span;
		for (i = 0; i < span; i++)
			c->bins[i].first = key_first(c->unit,
			    key(c->unit, lo) + (int)i);
	}
	for (i = 0; i < n; i++) {
		if ((b = chart_bin_of(c, months[i])) < 0)
			continue;
		if (++c->bins[b].count > c->max)
			c->max = c->bins[b].count;
	}
}

void
chart_release(struct chart *c)
{
	free(c->bins);
	memset(c, 0, sizeof *c);
}

long
chart_bin_of(const struct chart *c, int m)
{
	long i, k;
	size_t j;

	if (m < 0 || c->nbins == 0)
		return -1;
	k = key(c->unit, m);
	if (c->sparse) {
		for (j = 0; j < c->nbins; j++)
			if (key(c->unit, c->bins[j].first) == k)
				return (long)j;
		return -1;
	}
	i = k - key(c->unit, c->bins[0].first);
	return i >= 0 && i < (long)c->nbins ? i : -1;
}

void
chart_label(const struct chart *c, size_t i, char *buf, size_t size)
{
	int m = i < c->nbins ? c->bins[i].first : 0;

	if (c->unit == CHART_MONTH)
		snprintf(buf, size, "%04d-%02d", m / 12, m % 12 + 1);
	else if (c->unit == CHART_QUARTER)
		snprintf(buf, size, "%04d-Q%d", m / 12, m % 12 / 3 + 1);
	else
		snprintf(buf, size, "%04d", m / 12);
}

const char *
chart_title(const struct chart *c)
{
	static const char *const titles[] = { "By month", "By quarter",
	    "By year" };

	return titles[c->unit];
}

char *
chart_bar(size_t count, size_t max, size_t width)
{
	struct buf b = BUF_INIT;
	size_t eighths, i;
	char part[4] = "\xE2\x96\x88";

	if (count == 0 || max == 0 || width == 0)
		return xstrdup("");
	if (count > max)
		count = max;
	eighths = (count * width * 8 + max / 2) / max;
	if (eighths == 0)
		eighths = 1;
	for (i = 0; i < eighths / 8; i++)
		buf_adds(&b, "\xE2\x96\x88");		/* █ */
	if (eighths % 8 != 0) {
		/* ▏ U+258F is one eighth, ▉ U+2589 seven. */
		part[2] = (char)(0x90 - eighths % 8);
		buf_adds(&b, part);
	}
	return buf_detach(&b);
}

char *
chart_spark(const struct chart *c)
{
	struct buf b = BUF_INIT;
	char level[4] = "\xE2\x96\x81";
	size_t i, n;

	for (i = 0; i < c->nbins; i++) {
		if (c->bins[i].count == 0 || c->max == 0) {
			buf_addc(&b, ' ');
			continue;
		}
		/* ▁ U+2581 .. █ U+2588: the smallest count still shows. */
		n = (c->bins[i].count * 8 + c->max - 1) / c->max;
		level[2] = (char)(0x80 + n);
		buf_adds(&b, level);
	}
	return buf_detach(&b);
}
