/*
 * The flags pane's state, shared by flagpane.c (the list and the changes
 * made from it) and flagexport.c (exporting what it shows).
 */
#ifndef LEDE_TUI_FLAGPANE_H
#define LEDE_TUI_FLAGPANE_H

#include <stddef.h>
#include <stdint.h>

#include "archive/flags.h"
#include "flag/export.h"

#define UNDO_MAX	32
#define LOST		FLAG_NSTATUS	/* the status filter "not found" */

struct tui;

struct flagpane {
	struct flag	*all;		/* creation order */
	size_t		 nall;
	size_t		*shown;		/* indexes into all, newest first */
	size_t		 nshown;
	int		 status;	/* -1: any; a status; LOST */
	char		*source;	/* NULL: any */
	struct flag	 undo[UNDO_MAX];	/* deleted, the last on top */
	size_t		 nundo;
	int64_t		 edit_id;	/* the flag the note prompt is for */
	int64_t		 want_id;	/* select this flag after a reload */
	enum flag_format format;	/* chosen in the export prompt */
};

/* The pane's state (made on first use, freed by flags_release()). */
struct flagpane	*flags_pane(struct tui *);

#endif
