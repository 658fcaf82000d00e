/*
 * The terminal: starting and ending curses, the colours of the screen
 * elements, drawing text clipped to a width, and reading keys as lede key
 * codes. Every string drawn goes through scr_put(), which never writes
 * past the width it is given: text is cut by display width, and a code
 * point the C library cannot measure is drawn as U+FFFD, so curses and
 * lede agree on where each character ends.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/tui_int.h"
#include "tui/wrap.h"
#include "util/bidi.h"
#include "util/buf.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static attr_t elem_attrs[E_COUNT];

static const char *const elem_names[E_COUNT] = {
	[E_NORMAL] = "normal", [E_SELECTED] = "selected",
	[E_UNREAD] = "unread", [E_DATE] = "date", [E_SOURCE] = "source",
	[E_TITLE] = "title", [E_HEADER] = "header", [E_URL] = "url",
	[E_MATCH] = "match", [E_BORDER] = "border", [E_STATUS] = "status",
	[E_ERROR] = "error", [E_KEY] = "key", [E_MENTION] = "mention",
	[E_FLAGGED] = "flagged", [E_SELECTION] = "selection",
};

static const struct {
	unsigned	 config;
	attr_t		 curses;
} attr_map[] = {
	{ CONFIG_ATTR_BOLD, A_BOLD },
	{ CONFIG_ATTR_DIM, A_DIM },
	{ CONFIG_ATTR_UNDERLINE, A_UNDERLINE },
	{ CONFIG_ATTR_REVERSE, A_REVERSE },
	{ CONFIG_ATTR_ITALIC, A_ITALIC },
	{ CONFIG_ATTR_BLINK, A_BLINK },
	{ CONFIG_ATTR_STANDOUT, A_STANDOUT },
};

/* curses key codes to lede's. */
static const struct {
	int		 curses;
	key_code	 key;
} key_map[] = {
	{ KEY_UP, KEYC_UP }, { KEY_DOWN, KEYC_DOWN },
	{ KEY_LEFT, KEYC_LEFT }, { KEY_RIGHT, KEYC_RIGHT },
	{ KEY_HOME, KEYC_HOME }, { KEY_END, KEYC_END },
	{ KEY_PPAGE, KEYC_PPAGE }, { KEY_NPAGE, KEYC_NPAGE },
	{ KEY_IC, KEYC_IC }, { KEY_DC, KEYC_DC },
	{ KEY_BACKSPACE, KEYC_BSPACE }, { KEY_BTAB, KEYC_BTAB },
	{ KEY_ENTER, KEYC_ENTER }, { KEY_RESIZE, KEYC_RESIZE },
	{ KEY_MOUSE, KEYC_MOUSE }, { KEY_FIND, KEYC_HOME },
	{ KEY_SELECT, KEYC_END },
};

static SCREEN *screen;

static int
use_colors(void)
{
	const char *nc = getenv("NO_COLOR");

	return has_colors() && (nc == NULL || *nc == '\0');
}

static short
clamp_color(short c)
{
	return c >= COLORS ? (short)(c % 8) : c;
}

static void
init_elems(const struct config *cfg)
{
	const struct config_color *c;
	int colors = use_colors(), i;
	size_t k;

	if (colors) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < E_COUNT; i++) {
		c = config_color(cfg, elem_names[i]);
		elem_attrs[i] = A_NORMAL;
		for (k = 0; k < sizeof attr_map / sizeof attr_map[0]; k++) {
			if (c->attrs & attr_map[k].config)
				elem_attrs[i] |= attr_map[k].curses;
		}
		if (colors && i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), clamp_color(c->fg),
			    clamp_color(c->bg));
			elem_attrs[i] |= COLOR_PAIR(i + 1);
		} else if (i == E_SELECTED || i == E_STATUS || i == E_MATCH)
			elem_attrs[i] |= A_REVERSE;	/* visible without colour */
		else if (i == E_MENTION)
			elem_attrs[i] |= A_BOLD | A_UNDERLINE;
	}
}

int
scr_start(struct tui *t, char **cause)
{
	const char *term = getenv("TERM");

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		*cause = xasprintf("the reader needs a terminal that can "
		    "address the screen (TERM is %s)", term != NULL &&
		    *term != '\0' ? term : "not set");
		return -1;
	}
	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		*cause = xasprintf("cannot use the terminal (TERM=%s)", term);
		return -1;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	init_elems(t->cfg);
	if (t->mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	return 0;
}

void
scr_end(void)
{
	if (screen == NULL)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
}

attr_t
scr_attr(enum elem e)
{
	return e < E_COUNT ? elem_attrs[e] : A_NORMAL;
}

/* s[0..len) with unmeasurable code points replaced and leading marks dropped. */
static char *
drawable(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n;
	uint32_t cp;
	char enc[4];

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (b.len == 0 && utf8_cpwidth(cp) == 0) {
			i += n;
			continue;
		}
		if (cp >= 0x80 && wcwidth((wchar_t)cp) < 0 &&
		    utf8_cpwidth(cp) != 0)
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		else
			buf_add(&b, s + i, n);
		i += n;
	}
	return buf_detach(&b);
}

int
scr_put(int y, int x, int w, const char *s, size_t len, attr_t at)
{
	size_t used = 0, n;
	char *d;

	if (w <= 0 || len == 0)
		return 0;
	d = drawable(s, len);
	n = utf8_fit(d, strlen(d), (size_t)w, &used);
	attrset(at);
	mvaddnstr(y, x, d, (int)n);
	attrset(A_NORMAL);
	free(d);
	return (int)used;
}

int
scr_puts(int y, int x, int w, const char *s, attr_t at)
{
	return scr_put(y, x, w, s, strlen(s), at);
}

void
scr_fill(int y, int x, int w, attr_t at)
{
	if (w > 0)
		mvhline(y, x, ' ' | at, w);
}

void
scr_clear_rect(const struct rect *r)
{
	int i;

	for (i = 0; i < r->h; i++)
		scr_fill(r->y + i, r->x, r->w, scr_attr(E_NORMAL));
}

static key_code
translate(int rc, wint_t wch)
{
	size_t i;

	if (rc == KEY_CODE_YES) {
		for (i = 0; i < sizeof key_map / sizeof key_map[0]; i++) {
			if ((int)wch == key_map[i].curses)
				return key_map[i].key;
		}
		if ((int)wch >= KEY_F(1) && (int)wch <= KEY_F(24))
			return KEYC_F1 + (key_code)((int)wch - KEY_F(1));
		return KEYC_NONE;
	}
	if (wch == 0x7F)
		return KEYC_BSPACE;
	if (wch == '\n')
		return KEYC_ENTER;
	return (key_code)wch;
}

key_code
scr_getkey(int timeout_ms)
{
	wint_t wch, next;
	int rc, rc2;

	timeout(timeout_ms);
	rc = get_wch(&wch);
	if (rc == ERR)
		return KEYC_NONE;
	if (rc == OK && wch == 0x1B) {
		/* Alt sends ESC and the key together: look for it at once. */
		timeout(0);
		rc2 = get_wch(&next);
		if (rc2 == ERR)
			return KEYC_ESC;
		return KEYC_META | translate(rc2, next);
	}
	return translate(rc, wch);
}

char *
scr_safe(const char *s, size_t len)
{
	/* sanitize_display() of nothing is not terminated: avoid asking. */
	if (s == NULL || len == 0)
		return xstrdup("");
	return sanitize_display(s, len, 0);
}

char *
scr_visual(const char *s, size_t **map)
{
	size_t len = strlen(s), i;

	if (!bidi_has_rtl(s, len)) {
		if (map != NULL) {
			*map = xcalloc(len + 1, sizeof **map);
			for (i = 0; i < len; i++)
				(*map)[i] = i;
		}
		return xstrdup(s);
	}
	return bidi_visual(s, len, bidi_base(s, len), map);
}

int
scr_text(int y, int x, int w, const char *raw, attr_t at, int pad)
{
	char *safe, *fit, *vis;
	int used;

	if (w <= 0)
		return 0;
	safe = scr_safe(raw, raw != NULL ? strlen(raw) : 0);
	fit = wrap_fit(safe, strlen(safe), (size_t)w, 0);
	vis = scr_visual(fit, NULL);
	used = scr_puts(y, x, w, vis, at);
	if (pad) {
		scr_fill(y, x + used, w - used, at);
		used = w;
	}
	free(vis);
	free(fit);
	free(safe);
	return used;
}

char *
scr_one_line(const char *s)
{
	char *c = xstrdup(s != NULL ? s : ""), *p;

	for (p = c; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return c;
}

void
scr_vline(int y, int x, int h, int horizontal, attr_t at)
{
	int i;

	for (i = 0; i < h; i++) {
		if (horizontal)
			scr_puts(y, x + i, 1, "\xE2\x94\x80", at);
		else
			scr_puts(y + i, x, 1, "\xE2\x94\x82", at);
	}
}
