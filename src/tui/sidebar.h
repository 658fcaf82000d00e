/*
 * The side panel's insides, shared by sidebar.c (its views: loading,
 * rows, drawing) and sidebar_act.c (what its keys do). The rest of the
 * reader knows the panel by the sidebar_* functions of tui_int.h alone.
 */
#ifndef LEDE_TUI_SIDEBAR_H
#define LEDE_TUI_SIDEBAR_H

#include <stddef.h>
#include <stdint.h>

#include "archive/archive.h"
#include "tui/chart.h"

struct tui;

/* The most events of an entity's timeline read from the archive. */
#define SIDE_ENTITY_EVENTS	5000
/* Bins of the chart before months become quarters, then years. */
#define SIDE_CHART_BINS		24

enum srow_kind { SR_HEAD, SR_NOTE, SR_BLANK, SR_ENTITY, SR_EVENT, SR_BIN };

struct srow {
	enum srow_kind	 kind;
	size_t		 i;	/* index into the view's entities, events, bins */
	char		*text;	/* heading or note, or NULL */
};

/* The rows of one view and what they point into. */
struct sview {
	struct archive_entity	*ents;
	size_t			 nents;
	struct archive_event	*evs;	/* dated only, in time order */
	size_t			 nevs;
	struct chart		 chart;
	struct srow		*rows;
	size_t			 nrows;
	size_t			 ev_row;	/* row of evs[0] */
	size_t			 chart_row;	/* row of the chart's heading */
	int			 value_w;	/* columns of the value column */
	size_t			 sel;		/* selected row when left */
};

struct sidebar {
	struct sview	 art;		/* the open article's */
	int64_t		 art_id;	/* whose art holds; 0: none */
	int64_t		 art_due;	/* to load; 0: nothing */
	long		 chosen;	/* art.ents index marked, or -1 */
	struct sview	 ent;		/* an entity's, across the archive */
	char		*ent_name;	/* NULL: the article's view is shown */
	int		 ent_due;
};

/* The view on screen: the entity's when there is one, else the article's. */
struct sview	*side_shown(struct sidebar *);
/* Load what is due (the article's names and dates, the entity's
   timeline), shown or not. */
void		 side_sync(struct tui *);
/* The selected row of the view on screen, or NULL. */
const struct srow *side_row(struct tui *);
/* Put the selection on row pos of the view on screen. */
void		 side_select(struct tui *, size_t pos);
/* Show the archive-wide timeline of an entity (loaded when idle). */
void		 side_entity_view(struct tui *, const char *name);
/* Back to the article's view, where its selection was. */
void		 side_article_view(struct tui *);

#endif
