/*
 * The reader's insides, shared by the files of src/tui/. One struct tui
 * holds all state; key actions change it and set dirty bits; the loop in
 * tui.c draws what is dirty once per iteration and calls doupdate() once.
 * Everything is drawn on stdscr, clipped by display width by our own
 * drawing functions (screen.c), so no text can run into another pane.
 */
#ifndef LEDE_TUI_TUI_INT_H
#define LEDE_TUI_TUI_INT_H

#include <curses.h>
#include <stdarg.h>
#include <stdint.h>

#include "archive/archive.h"
#include "config/config.h"
#include "tui/layout.h"
#include "tui/listview.h"
#include "tui/readmarks.h"
#include "tui/prompt.h"
#include "tui/select.h"
#include "tui/textview.h"

struct sidebar;

/* Screen elements, coloured by [colors]. */
enum elem {
	E_NORMAL, E_SELECTED, E_UNREAD, E_DATE, E_SOURCE, E_TITLE, E_HEADER,
	E_URL, E_MATCH, E_BORDER, E_STATUS, E_ERROR, E_KEY, E_MENTION,
	E_FLAGGED, E_SELECTION, E_COUNT
};

#define DIRTY_LIST	0x01
#define DIRTY_READER	0x02
#define DIRTY_SIDEBAR	0x04
#define DIRTY_STATUS	0x08
#define DIRTY_PROMPT	0x10
#define DIRTY_FRAME	0x20	/* separators, and a full erase */
#define DIRTY_OVERLAY	0x40
#define DIRTY_ALL	0x7f

enum focus { FOCUS_LIST, FOCUS_READER, FOCUS_SIDEBAR };
enum overlay { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_MESSAGES };

/* What a prompt is for; each kind has a row in prompt_kinds (input.c). */
enum prompt_kind {
	PK_SEARCH, PK_FILTER_TEXT, PK_FILTER_SOURCE, PK_FILTER_DATE,
	PK_FIND_READER, PK_FIND_OVERLAY,
	PK_NOTE, PK_NOTE_EDIT, PK_EXPORT_FORMAT, PK_EXPORT_PATH,
	PK_COUNT
};

/* The sets of marks on the reader's text (reader_set_marks). */
enum mark_set { MS_MENTION, MS_FLAG, MS_SELECT, MS_COUNT };

/* The rows of the article list or of search results (articles.c). */
struct articles {
	struct archive		*ar;
	struct archive_filter	 f;	/* strings point into the fields below */
	char			*query, *source, *since, *until;
	char			*entity;	/* mentions it (side panel) */
	int			 snippets;	/* search results: two rows */
	int64_t			 count;		/* -2: not known yet, -1: unknowable */
	int			 count_due;	/* asked for: count when idle */
	const struct readmarks	*unsaved;	/* read marks not yet stored,
						   shown over the archive's */
};

struct tui {
	struct archive		*ar;
	struct config		*cfg;
	char			*archive_name;

	/* Options, read once. */
	int			 mouse, mark_read, search_delay, wrap_width;
	int			 save_history;
	int			 stacked, list_pct, sidebar, sidebar_w;
	const char		*browser;

	struct layout		 lay;
	int			 cols, rows;
	unsigned		 dirty;
	int			 quit;

	enum focus		 focus;
	int			 zoom;
	enum overlay		 overlay;

	struct articles		 list_src;
	struct tlist		 list;
	int			 search_on;	/* results replace the list */
	struct articles		 search_src;
	struct tlist		 results;
	char			*search_query;	/* shown in the results */
	char			*last_query;	/* for n/N and highlights */
	int64_t			 search_due;	/* ms clock; 0: nothing due */
	struct worker		*worker;	/* runs searches; NULL: here */
	int			 worker_tried;	/* started after the first screen */
	uint64_t		 search_gen;	/* the request awaited */
	int			 search_waiting;

	struct tview		 reader;
	int64_t			 article_id;	/* 0: none open */
	char			*article_url;
	char			*article_body;	/* as stored: offsets point here */
	int			 article_read;
	struct tspan		*marks[MS_COUNT];	/* body offsets */
	size_t			 nmarks[MS_COUNT];
	struct readmarks	 unsaved;	/* read marks not yet stored */
	int64_t			 unsaved_due;	/* ms clock of the next try */
	int			 marks_refused;	/* the archive refused a read mark */
	struct tview		 over;		/* help or messages */
	struct tlist		 side;		/* the side panel (sidebar.c) */
	struct sidebar		*sb;		/* what it shows (sidebar.h) */

	struct prompt		 prompt;
	int			 prompting;
	struct history		 hist[PK_COUNT];

	/* flagging.c: a passage being selected in the reader, then flagged */
	int			 selecting;
	struct selection	 sel;
	struct flagging		*flagging;	/* its units and pending flag */
	/* flagpane.c: the flags pane, in place of the list */
	int			 flags_on;
	struct tlist		 flags;
	struct flagpane		*fpane;

	char			*message;
	int			 message_error;
	char			**log;
	size_t			 nlog;
};

/* screen.c */
/* Start curses on the terminal (colours, mouse as configured); -1 and
   *cause if the terminal cannot be used. scr_end() restores it. */
int	 scr_start(struct tui *, char **cause);
void	 scr_end(void);
/* The curses attributes of a screen element, from [colors]. */
attr_t	 scr_attr(enum elem);
/* Draw safe text s[0..len) at y,x in at most w columns (never more: a
   wide character that would cross the edge is left out). Returns the
   columns used. */
int	 scr_put(int y, int x, int w, const char *s, size_t len, attr_t);
int	 scr_puts(int y, int x, int w, const char *s, attr_t);
/* w spaces at y,x. */
void	 scr_fill(int y, int x, int w, attr_t);
void	 scr_clear_rect(const struct rect *);
/* s[0..len) made safe to draw (sanitize_display). Caller frees. */
char	*scr_safe(const char *s, size_t len);
/* s in display order (bidi); *map (may be NULL) as bidi_visual(). Caller frees. */
char	*scr_visual(const char *s, size_t **map);
/*
 * Raw text (NULL: none) made safe, cut to w columns with "…" and put in
 * display order, at y,x; padded with spaces to w when pad is set. Returns
 * the columns used.
 */
int	 scr_text(int y, int x, int w, const char *raw, attr_t, int pad);
/* s (NULL: none) with its line breaks and tabs as spaces, for one row.
   Caller frees. */
char	*scr_one_line(const char *s);
/* A vertical (or horizontal) line of h cells. */
void	 scr_vline(int y, int x, int h, int horizontal, attr_t);
/* The next key as a lede key code (Alt-x as KEYC_META|x), waiting at most
   timeout_ms (-1: forever); KEYC_NONE on timeout or signal. */
key_code scr_getkey(int timeout_ms);

/* articles.c */
extern const struct tlist_ops articles_ops;
void	 articles_init(struct articles *, struct archive *, int snippets);
/* Free the filter strings (the struct stays usable). */
void	 articles_release(struct articles *);
/* Replace a filter string with a copy of value; "" or NULL clears it. */
void	 articles_set(char **field, const char *value);
/* After changing the filter strings: point the filter at them and forget
   the count. The list must then be reloaded. */
void	 articles_sync(struct articles *);
/*
 * Turn a page from archive_list() into rows for a list (ranks from
 * first), showing the read marks not yet stored (marks may be NULL); the
 * page is released. *rows is the caller's (tlist_set).
 */
void	 articles_adopt(struct archive_page *, int64_t first,
	    const struct readmarks *, void ***rows, size_t *n);
/* Count the rows now, if count() asked for it. */
void	 articles_count(struct articles *);
/* The selected row of a list of articles, or NULL. Valid until the list
   changes. */
const struct archive_row *articles_row(const struct tlist *);
/* Set the read mark of the rows of article id held by l. */
int	 articles_mark(struct tlist *, int64_t id, int read);
/* Set the flag count of the rows of article id held by l. */
void	 articles_set_flags(struct tlist *, int64_t id, int nflags);
/*
 * The next row after the selection of l (before it, with backward) that
 * also matches query, as a row l can take (tlist_jump); NULL when there is
 * none, or on failure with *cause set.
 */
void	*articles_next_match(struct tlist *, const char *query, int backward,
	    char **cause);

/* reader.c */
/* Show article id in the reader, its query's words highlighted and the
   view at the first match (query may be NULL); marks it read if so
   configured. Errors become messages. */
void	 reader_open(struct tui *, int64_t id, const char *query);
/* Fit the reader's text to its pane after a layout change. */
void	 reader_relayout(struct tui *);
/*
 * Replace one set of marks on the open article (spans in body offsets,
 * copied; their mark bits are the set's own: HL_MENTION, HL_FLAG,
 * HL_SELECT). The reader shows every set at once; opening another article
 * clears them all.
 */
void	 reader_set_marks(struct tui *, enum mark_set, const struct tspan *,
	    size_t n);
/* Run $BROWSER (or the browser option) on an http(s) URL, no shell. */
void	 reader_open_url(struct tui *, const char *url);
/* Run argv (no shell) with the terminal handed over, and take it back;
   its exit status, or -1 if it could not run. */
int	 reader_run_program(char **argv);
/*
 * Show the read mark on every row that shows the article at once, and
 * store it when the archive's write lock is free (see readmarks.h).
 */
void	 reader_set_read(struct tui *, int64_t id, int read);
/*
 * Store the read marks kept so far: without wait, only if no other
 * process is writing (else the main loop tries again at unsaved_due);
 * with wait (on quit), waiting for it. Returns 0 when none is left.
 */
int	 reader_save_read_marks(struct tui *, int wait);

/* sidebar.c: the side panel (see the file's note). */
/* The reader opened article id: the panel is to show its names and
   dates (loaded by sidebar_idle, not now). */
void	 sidebar_article(struct tui *, int64_t id);
/* Load what the panel waits for, if it is on screen; 1 if it did. */
int	 sidebar_idle(struct tui *);
void	 sidebar_draw(struct tui *);
void	 sidebar_release(struct tui *);
/* sidebar_act.c: its keys. Enter on the selected row: mark a name's
   mentions, show a date's sentence. */
void	 sidebar_open(struct tui *);
/* n/N: the next (dir > 0) or previous mention of the marked name. */
void	 sidebar_find(struct tui *, int dir);
/* Show in the list only the articles that mention the name. */
void	 sidebar_filter(struct tui *);
/* The name's timeline across the archive, or back to the article. */
void	 sidebar_timeline(struct tui *);
/* Back from a name's timeline; else to the reader. */
void	 sidebar_close(struct tui *);

/* history.c: prompt histories between sessions (save-history). */
void	 history_load(struct tui *);
void	 history_save(struct tui *);

/* help.c: the overlay text views. */
/* The keys in force, from the action table. */
void	 help_open(struct tui *);
/* Every message of this session (configuration problems first). */
void	 messages_open(struct tui *);

/* search.c */
/* Show the search pane and its prompt (keeping the last query). */
void	 search_open(struct tui *);
/* Back to the article list. */
void	 search_close(struct tui *);
/* The query was edited: search once the keyboard is quiet. */
void	 search_changed(struct tui *);
/* Search for the prompt's line (or the last query) now. */
void	 search_run(struct tui *);
/* Run query now (unless its results are already shown or coming). */
void	 search_query(struct tui *, const char *query);
/* In the article list: select the next (dir > 0) or previous article
   that matches the last search. */
void	 search_jump(struct tui *, int dir);
/* Take the worker's results if they are in; 1 if they were. */
int	 search_poll(struct tui *);
/* Wait for the results of the query being run (for Enter). */
void	 search_wait(struct tui *);

/* actions.c: the handlers of every pane but the prompt, by action name. */
struct handler {
	const char	*name;
	void		(*fn)(struct tui *);
};
/* The handlers of a context (not the prompt's: input.c has those). */
const struct handler *actions_table(enum config_ctx, size_t *n);
/* The list the keys act on: results, articles, or the side panel. */
struct tlist *actions_list(struct tui *);
/* Open that list's selected article in the reader and focus it. */
void	 actions_open_selected(struct tui *);
/* q: close the help, the zoom, the reader, the search; else quit. */
void	 actions_back(struct tui *);

/* flagging.c: selecting a passage in the reader and flagging it. */
/* The [select] handlers, and the reader's select, select-sentence, flag. */
extern const struct handler select_handlers[];
extern const size_t select_nhandlers;
void	 flagging_select(struct tui *);
void	 flagging_select_sentence(struct tui *);
void	 flagging_flag(struct tui *);
/* reader_open() opened another article: drop the selection, mark the
   article's flags. */
void	 flagging_article(struct tui *);
/* The flags of article id changed: its marks, list rows and the pane. */
void	 flagging_changed(struct tui *, int64_t id);
/* The note prompt's line: store the flag. */
void	 flagging_accept_note(struct tui *, const char *);
/*
 * Run $VISUAL (else $EDITOR, else vi) without a shell on a temporary file
 * holding text; the note it leaves there, trimmed, or NULL (with a
 * message) if the editor failed. Caller frees.
 */
char	*flagging_editor(struct tui *, const char *text);
/* The bottom line while selecting; 0 when not selecting. */
int	 flagging_hint(struct tui *, char *buf, size_t size);
void	 flagging_release(struct tui *);

/* flagpane.c: every flag of the archive, in place of the list. */
extern const struct handler flags_handlers[];
extern const size_t flags_nhandlers;
/* Open the pane (focused), or close it when it is focused. */
void	 flags_toggle(struct tui *);
void	 flags_close(struct tui *);
/* Open the selected flag's article at its passage. */
void	 flags_open_selected(struct tui *);
/* Read the flags again, keeping the selected one (after a change). */
void	 flags_refresh(struct tui *);
void	 flags_draw(struct tui *);
/* The pane's filter in words, for the status line. */
void	 flags_describe(const struct tui *, char *buf, size_t size);
void	 flags_accept_note(struct tui *, const char *);
void	 flags_release(struct tui *);
/* flagexport.c: export what the pane shows (asks for format and file). */
void	 flags_export(struct tui *);
void	 flags_accept_format(struct tui *, const char *);
void	 flags_accept_path(struct tui *, const char *);

/* filters.c: what the filter prompts do with their line. */
void	 filter_accept_text(struct tui *, const char *);
/* A source by exact name, any case, or unique prefix; "" clears. */
void	 filter_accept_source(struct tui *, const char *);
/* FROM..TO, FROM.., ..TO or one (partial) date; "" clears. */
void	 filter_accept_date(struct tui *, const char *);
/* Reload the article list from the top with the filter in force. */
void	 filter_reload(struct tui *);
/* The filter in force in words, for the status line. */
void	 filter_describe(const struct tui *, char *buf, size_t size);

/* input.c */
/* Resolve every action to its handler; the number that have none. */
size_t	 input_init(void);
/* Act on a key in the current context (see the file's note). */
void	 input_key(struct tui *, key_code);
/* Act on the pending mouse event: click selects, wheel scrolls. */
void	 input_mouse(struct tui *);
/* Open a prompt of this kind with initial text (may be NULL). */
void	 input_prompt(struct tui *, enum prompt_kind, const char *text);

/* draw.c */
/* Repaint what is dirty, then one doupdate(). */
void	 draw(struct tui *);
/* Lay the panes out again for the terminal's size; all becomes dirty. */
void	 relayout(struct tui *);

/* tui.c */
/* Show a message on the bottom line (the status line while a prompt is
   open) and keep it in the message log. Never printed. */
void	 tui_message(struct tui *, int error, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int64_t	 tui_now_ms(void);

#endif
