/*
 * Where the panes go: a pure function from the terminal size and the
 * layout settings to rectangles, so the rules (fallbacks on narrow or short
 * terminals, the minimum size) are unit-tested without a terminal.
 */
#ifndef LEDE_TUI_LAYOUT_H
#define LEDE_TUI_LAYOUT_H

#define LAYOUT_MIN_COLS	20
#define LAYOUT_MIN_ROWS	5

struct rect {
	int	 y, x, h, w;		/* h == 0 or w == 0: not shown */
};

struct layout_in {
	int	 cols, rows;
	int	 stacked;		/* list above reader, else side by side */
	int	 list_pct;		/* 10..90 */
	int	 sidebar;		/* side panel wanted */
	int	 sidebar_w;
	int	 zoom;			/* reader alone */
	int	 focus_reader;		/* which pane stays when only one fits */
};

struct layout {
	int		 too_small;	/* only a message fits */
	int		 stacked;	/* as laid out (may differ from asked) */
	struct rect	 list, reader, sidebar;
	struct rect	 sep;		/* line between list and reader */
	struct rect	 side_sep;	/* line left of the side panel */
	struct rect	 main;		/* everything above the status line */
	struct rect	 status, prompt;
};

/*
 * Lay out: a status line and a prompt line at the bottom, the side panel
 * on the right when there is room for it, the list and the reader in what
 * is left. Side by side needs 60 columns and stacked 12 rows; short of
 * that the panes fall back to the other arrangement, then to the focused
 * pane alone.
 */
void	 layout_compute(const struct layout_in *, struct layout *);

#endif
