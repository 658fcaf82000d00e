/*
 * The table of actions and the table of options: the one place that says
 * what lede's keys can do. The reader's help screen, `lede config
 * defaults`, share/lede.conf and lede.conf.5 all come from (or are checked
 * against) these two arrays. An action's name is what the user writes in
 * lede.conf and the suffix of its handler in tui/.
 *
 * The same name in several panes means the same thing there (next moves
 * down a row in a list and a line in the reader), and carries the same
 * default keys, so the keys are learned once.
 */
#include <config.h>

#include <stddef.h>

#include "config/config.h"

/* Movement shared by every scrolling pane. */
#define MOVES(CTX, ROW, ROWS)						\
	{ "next", CTX, "j <Down>", "Move down one " ROW },		\
	{ "prev", CTX, "k <Up>", "Move up one " ROW },			\
	{ "first", CTX, "g <Home>", "Go to the first " ROW },		\
	{ "last", CTX, "G <End>", "Go to the last " ROW },		\
	{ "page-down", CTX, "<PgDn> <C-f> <Space>",			\
	    "Move down one page of " ROWS },				\
	{ "page-up", CTX, "<PgUp> <C-b>", "Move up one page of " ROWS },\
	{ "half-page-down", CTX, "<C-d>", "Move down half a page" },	\
	{ "half-page-up", CTX, "<C-u>", "Move up half a page" }

const struct config_action config_actions[] = {
	{ "quit", CONFIG_GLOBAL, "q",
	    "Go back: close help, search or the reader; quit from the list" },
	{ "force-quit", CONFIG_GLOBAL, "Q", "Quit lede at once" },
	{ "help", CONFIG_GLOBAL, "? <F1>",
	    "Show the key bindings in force (searchable with /)" },
	{ "search", CONFIG_GLOBAL, "/", "Search the archive as you type" },
	{ "focus-next", CONFIG_GLOBAL, "<Tab>", "Move to the next pane" },
	{ "focus-prev", CONFIG_GLOBAL, "<BTab>", "Move to the previous pane" },
	{ "sidebar", CONFIG_GLOBAL, "s", "Show or hide the side panel" },
	{ "layout", CONFIG_GLOBAL, "v",
	    "Switch between side-by-side and stacked panes" },
	{ "zoom", CONFIG_GLOBAL, "z",
	    "Show the reader full-screen, or go back to the split" },
	{ "grow", CONFIG_GLOBAL, "+ =", "Make the list pane larger" },
	{ "shrink", CONFIG_GLOBAL, "-", "Make the list pane smaller" },
	{ "redraw", CONFIG_GLOBAL, "<C-l>", "Redraw the screen" },
	{ "messages", CONFIG_GLOBAL, "<F2>",
	    "Show the messages (configuration problems, errors)" },
	{ "flags", CONFIG_GLOBAL, "!",
	    "Show every correction flag in the archive, or close the flags" },

	MOVES(CONFIG_LIST, "article", "articles"),
	{ "open", CONFIG_LIST, "<Enter> l <Right>",
	    "Open the selected article in the reader" },
	{ "toggle-read", CONFIG_LIST, "m", "Mark the article read or unread" },
	{ "open-url", CONFIG_LIST, "O", "Open the article's URL with $BROWSER" },
	{ "search-next", CONFIG_LIST, "n",
	    "Go to the next article matching the last search" },
	{ "search-prev", CONFIG_LIST, "N",
	    "Go to the previous article matching the last search" },
	{ "sort", CONFIG_LIST, "o",
	    "Change the order: newest first, oldest first" },
	{ "filter-text", CONFIG_LIST, "F",
	    "Show only articles matching words" },
	{ "filter-source", CONFIG_LIST, "S", "Show only one source" },
	{ "filter-date", CONFIG_LIST, "D",
	    "Show only a date range (2025-01..2025-03)" },
	{ "unread-only", CONFIG_LIST, "U", "Show only unread articles, or all" },
	{ "filter-clear", CONFIG_LIST, "C", "Remove every filter" },

	MOVES(CONFIG_READER, "line", "text"),
	{ "next-paragraph", CONFIG_READER, "}", "Go to the next paragraph" },
	{ "prev-paragraph", CONFIG_READER, "{", "Go to the previous paragraph" },
	{ "find", CONFIG_READER, "/",
	    "Find words in this article" },
	{ "search-next", CONFIG_READER, "n", "Go to the next match" },
	{ "search-prev", CONFIG_READER, "N", "Go to the previous match" },
	{ "open-url", CONFIG_READER, "O o",
	    "Open the article's URL with $BROWSER" },
	{ "toggle-read", CONFIG_READER, "m", "Mark the article read or unread" },
	{ "next-article", CONFIG_READER, "J", "Open the next article" },
	{ "prev-article", CONFIG_READER, "K", "Open the previous article" },
	{ "close", CONFIG_READER, "h <Left> <Esc>", "Go back to the list" },
	{ "select", CONFIG_READER, "V",
	    "Select a passage from the first word in view (or the match)" },
	{ "select-sentence", CONFIG_READER, "S",
	    "Select the sentence at the top of the view (or at the match)" },
	{ "flag", CONFIG_READER, "f",
	    "Flag the sentence at the top of the view (or at the match)" },

	MOVES(CONFIG_SEARCH, "result", "results"),
	{ "open", CONFIG_SEARCH, "<Enter> l <Right>",
	    "Open the result at its first match" },
	{ "edit", CONFIG_SEARCH, "/ i", "Edit the query" },
	{ "sort", CONFIG_SEARCH, "o",
	    "Change the order: newest, oldest, most relevant" },
	{ "close", CONFIG_SEARCH, "h <Left> <Esc>", "Close the search" },

	{ "accept", CONFIG_PROMPT, "<Enter>",
	    "Accept the line (in the search: open the selected result)" },
	{ "cancel", CONFIG_PROMPT, "<Esc> <C-g>", "Leave the prompt" },
	{ "history-prev", CONFIG_PROMPT, "<Up>", "Recall the previous entry" },
	{ "history-next", CONFIG_PROMPT, "<Down>", "Recall the next entry" },
	{ "to-results", CONFIG_PROMPT, "<Tab>",
	    "Leave the prompt for the results; the query stays" },
	{ "result-next", CONFIG_PROMPT, "<C-n>", "Select the next result" },
	{ "result-prev", CONFIG_PROMPT, "<C-p>", "Select the previous result" },
	{ "cursor-left", CONFIG_PROMPT, "<Left> <C-b>",
	    "Move the cursor left" },
	{ "cursor-right", CONFIG_PROMPT, "<Right> <C-f>",
	    "Move the cursor right" },
	{ "line-start", CONFIG_PROMPT, "<Home> <C-a>",
	    "Move to the start of the line" },
	{ "line-end", CONFIG_PROMPT, "<End> <C-e>",
	    "Move to the end of the line" },
	{ "delete-back", CONFIG_PROMPT, "<Backspace> <C-h>",
	    "Delete the character before the cursor" },
	{ "delete-forward", CONFIG_PROMPT, "<Delete> <C-d>",
	    "Delete the character under the cursor" },
	{ "delete-word", CONFIG_PROMPT, "<C-w>",
	    "Delete the word before the cursor" },
	{ "kill-to-end", CONFIG_PROMPT, "<C-k>",
	    "Delete from the cursor to the end" },
	{ "kill-to-start", CONFIG_PROMPT, "<C-u>",
	    "Delete from the start to the cursor" },
	{ "editor", CONFIG_PROMPT, "<C-x>",
	    "Write a flag's note in $VISUAL or $EDITOR; saved when it exits" },

	MOVES(CONFIG_HELP, "line", "lines"),
	{ "find", CONFIG_HELP, "/", "Find words in the help" },
	{ "search-next", CONFIG_HELP, "n", "Go to the next match" },
	{ "search-prev", CONFIG_HELP, "N", "Go to the previous match" },
	{ "close", CONFIG_HELP, "<Esc>", "Close the help" },

	MOVES(CONFIG_SIDEBAR, "entry", "entries"),
	{ "open", CONFIG_SIDEBAR, "<Enter>",
	    "Mark a name's mentions in the reader (again: unmark); "
	    "show a date's sentence" },
	{ "search-next", CONFIG_SIDEBAR, "n",
	    "Go to the next mention of the marked name" },
	{ "search-prev", CONFIG_SIDEBAR, "N",
	    "Go to the previous mention of the marked name" },
	{ "filter", CONFIG_SIDEBAR, "F",
	    "Show in the list only the articles that mention the name" },
	{ "timeline", CONFIG_SIDEBAR, "t",
	    "Show the name's timeline across the archive, or go back" },
	{ "close", CONFIG_SIDEBAR, "h <Left> <Esc>",
	    "Go back from a name's timeline, else to the reader" },

	{ "extend-word", CONFIG_SELECT, "w <Right>",
	    "Grow the selection by a word" },
	{ "shrink-word", CONFIG_SELECT, "b <Left>",
	    "Shrink the selection by a word" },
	{ "extend-sentence", CONFIG_SELECT, ")",
	    "Grow the selection by a sentence" },
	{ "shrink-sentence", CONFIG_SELECT, "(",
	    "Shrink the selection by a sentence" },
	{ "extend-line", CONFIG_SELECT, "j <Down>",
	    "Grow the selection by a line on screen" },
	{ "shrink-line", CONFIG_SELECT, "k <Up>",
	    "Shrink the selection by a line on screen" },
	{ "extend-paragraph", CONFIG_SELECT, "}",
	    "Grow the selection by a paragraph" },
	{ "shrink-paragraph", CONFIG_SELECT, "{",
	    "Shrink the selection by a paragraph" },
	{ "other-end", CONFIG_SELECT, "o",
	    "Grow and shrink the selection at its other end" },
	{ "select-next", CONFIG_SELECT, "n",
	    "Select the sentence after the selection instead" },
	{ "select-prev", CONFIG_SELECT, "N",
	    "Select the sentence before the selection instead" },
	{ "flag", CONFIG_SELECT, "f <Enter>",
	    "Flag the selected passage for correction: asks for a note" },
	{ "cancel", CONFIG_SELECT, "<Esc> q V", "Stop selecting" },

	MOVES(CONFIG_FLAGS, "flag", "flags"),
	{ "open", CONFIG_FLAGS, "<Enter> l <Right>",
	    "Open the article at the flagged passage" },
	{ "edit-note", CONFIG_FLAGS, "e", "Change the flag's note" },
	{ "cycle-status", CONFIG_FLAGS, "c",
	    "Change the status: open, sent, resolved, open again" },
	{ "delete", CONFIG_FLAGS, "d <Delete>",
	    "Delete the flag (undo brings it back)" },
	{ "undo", CONFIG_FLAGS, "u", "Bring back the last flag deleted" },
	{ "filter-status", CONFIG_FLAGS, "F",
	    "Show only open, sent, resolved or not found flags, or all" },
	{ "filter-source", CONFIG_FLAGS, "S",
	    "Show only the flags of one source, the next, or all" },
	{ "filter-clear", CONFIG_FLAGS, "C", "Show every flag" },
	{ "export", CONFIG_FLAGS, "E",
	    "Export the flags shown as json, csv or email to a file, or send "
	    "them through [export] send-command" },
	{ "close", CONFIG_FLAGS, "h <Left> <Esc>", "Close the flags pane" },
};
const size_t config_nactions = sizeof config_actions / sizeof config_actions[0];

static const char *const split_choices[] = { "vertical", "horizontal", NULL };
static const char *const sort_choices[] = { "newest", "oldest", NULL };

#define COLOR(NAME, VALUE, HELP) \
	{ "colors", NAME, CONFIG_COLOR, VALUE, 0, 0, NULL, HELP }

const struct config_option config_options[] = {
	{ "global", "mouse", CONFIG_BOOL, "no", 0, 0, NULL,
	    "Use the mouse: click to select, wheel to scroll" },
	{ "global", "sort", CONFIG_CHOICE, "newest", 0, 0, sort_choices,
	    "Order of the list at start: newest or oldest first" },
	{ "global", "mark-read", CONFIG_BOOL, "yes", 0, 0, NULL,
	    "Mark an article read when it is opened" },
	{ "global", "search-delay", CONFIG_INT, "150", 0, 2000, NULL,
	    "Milliseconds to wait after the last key before searching" },
	{ "global", "browser", CONFIG_STRING, "", 0, 0, NULL,
	    "Command that opens a URL; empty: $BROWSER" },
	{ "global", "save-history", CONFIG_BOOL, "yes", 0, 0, NULL,
	    "Keep the prompts' history in $XDG_STATE_HOME/lede/history" },

	{ "layout", "split", CONFIG_CHOICE, "vertical", 0, 0, split_choices,
	    "vertical: list and reader side by side; horizontal: stacked" },
	{ "layout", "list-size", CONFIG_INT, "45", 10, 90, NULL,
	    "Share of the screen for the list pane, in percent" },
	{ "layout", "sidebar", CONFIG_BOOL, "no", 0, 0, NULL,
	    "Show the side panel at start" },
	{ "layout", "sidebar-width", CONFIG_INT, "32", 10, 100, NULL,
	    "Width of the side panel, in columns" },
	{ "layout", "wrap-width", CONFIG_INT, "0", 0, 1000, NULL,
	    "Wrap the reader's text at most this wide; 0: the pane's width" },

	{ "export", "send-command", CONFIG_STRING, "", 0, 0, NULL,
	    "Command that sends exported e-mail (sendmail -t -i), run "
	    "without a shell; empty: never send" },
	{ "export", "from", CONFIG_STRING, "", 0, 0, NULL,
	    "From address of exported e-mail; empty: none" },

	COLOR("normal", "default default", "Text"),
	COLOR("selected", "default default reverse", "The selected row"),
	COLOR("unread", "default default bold", "Unread articles in lists"),
	COLOR("date", "green default", "Dates in lists"),
	COLOR("source", "yellow default", "Sources in lists"),
	COLOR("title", "default default bold", "The reader's title"),
	COLOR("header", "cyan default", "The reader's header fields"),
	COLOR("url", "blue default underline", "URLs"),
	COLOR("match", "black yellow", "Search matches"),
	COLOR("border", "blue default", "Lines between panes"),
	COLOR("status", "default default reverse", "The status line"),
	COLOR("error", "red default bold", "Error messages"),
	COLOR("key", "green default", "Keys on the help screen"),
	COLOR("mention", "black cyan",
	    "Mentions of the entity chosen in the side panel"),
	COLOR("flagged", "red default underline",
	    "Passages flagged for correction"),
	COLOR("selection", "default default reverse",
	    "The passage being selected"),
};
const size_t config_noptions = sizeof config_options / sizeof config_options[0];
