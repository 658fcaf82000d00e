/*
 * Exporting correction flags ("Send Correction"): the three formats and
 * the one function both front ends call to write or send them.
 *
 *   json   W3C Web Annotation Data Model, JSON-LD: an array of
 *          annotations (motivation "editing"), each with a TextualBody
 *          holding the note and a target with the article URL, a
 *          TextQuoteSelector and (while the passage is in the current
 *          revision) a TextPositionSelector in code points.
 *   csv    RFC 4180, CRLF, a header row, one row per flag; a text cell
 *          that a spreadsheet would take for a formula (= + - @ TAB CR
 *          first) gets a leading apostrophe.
 *   email  one RFC 5322 message per article for the outlet's corrections
 *          desk; written as an mbox, as .eml files, or handed to a send
 *          command (argv, no shell, the message on its stdin).
 *
 * The writers append to a struct buf one flag (or one article) at a time,
 * so an export of any size runs in bounded memory. Everything written is
 * well-formed whatever the text holds: JSON escapes every control
 * character (and DEL, C1, U+2028/U+2029, bidi controls, which are valid
 * JSON but unsafe on a terminal), CSV quotes every text cell, email
 * headers are single logical lines (CR, LF and controls become spaces;
 * non-ASCII becomes RFC 2047 encoded-words; long lines are folded).
 */
#ifndef LEDE_FLAG_EXPORT_H
#define LEDE_FLAG_EXPORT_H

#include <stdio.h>
#include <time.h>

#include "archive/flags.h"

struct archive;
struct buf;

enum flag_format {
	FLAG_FORMAT_JSON,
	FLAG_FORMAT_CSV,
	FLAG_FORMAT_EMAIL,
};

/* The format named s ("json", "csv", "email"), or -1. */
int	 flag_format_parse(const char *s);
const char *flag_format_name(enum flag_format);

/* json: "[", the annotations (index from 0, for the commas), "]". */
void	 flag_json_begin(struct buf *);
void	 flag_json_add(struct buf *, const struct flag *, size_t index);
void	 flag_json_end(struct buf *);

/*
 * Append JSON text s (json-c's output) with DEL, C1 controls, U+2028,
 * U+2029 and the bidi controls \u-escaped; json-c leaves them raw.
 */
void	 flag_json_escape(struct buf *, const char *s);

/* csv: the header row, then one row per flag. */
void	 flag_csv_header(struct buf *);
void	 flag_csv_add(struct buf *, const struct flag *);
/* One RFC 4180 cell with the formula defence; last ends the row. */
void	 flag_csv_cell(struct buf *, const char *s, int last);

struct flag_email_opts {
	const char	*from;		/* From: address (required) */
	const char	*to;		/* To: for every message, or NULL to use
					   each article's corrections address */
	time_t		 date;		/* Date: and Message-ID */
	const char	*domain;	/* Message-ID domain, NULL: "lede.invalid" */
};

/*
 * One message (CRLF line ends) about flags[0..n), all of one article,
 * appended to out. Returns the To: address used (pointing into opts or
 * flags[0]), or NULL when there was none (the message then has no To:).
 */
const char *flag_email_message(struct buf *out, const struct flag *flags,
	    size_t n, const struct flag_email_opts *);

/* Append "Subject: value" (any name) as a well-formed folded header. */
void	 flag_email_header(struct buf *out, const char *name, const char *value);
/* Whether addr is usable as an address header (one line, printable ASCII,
   an @ in it). */
int	 flag_email_address_ok(const char *addr);

/*
 * Append msg (CRLF or LF) to an mbox: a "From " line, the message with
 * LF line ends and body lines starting with "From " (after any '>')
 * quoted with one more '>', and a blank line.
 */
void	 flag_mbox_add(struct buf *out, const char *msg, size_t len, time_t);

/* What to export and where. */
struct flag_export_req {
	enum flag_format	 format;
	struct flag_filter	 filter;
	const char		*path;	/* the file, or NULL */
	const char		*dir;	/* email: one .eml per article here */
	FILE			*out;	/* with neither: written here */
	int			 force;	/* replace an existing file */
	int			 display; /* out is a terminal: write the text
					   through the display sanitiser */
	int			 send;	/* email: run send_command per message */
	const char		*send_command;	/* "sendmail -t -i"; split on
						   blanks, run without a shell */
	int			 quiet;	/* send command's stdout/stderr to /dev/null */
	const char		*from;	/* NULL: $EMAIL, else $USER@localhost */
	const char		*to;	/* NULL: each source's corrections address */
	/*
	 * The corrections address for a source from the user's
	 * configuration ([sources]), or NULL; consulted before the address
	 * stored in the archive, after `to`. May be NULL.
	 */
	const char		*(*corrections_for)(const char *source, void *);
	void			*corrections_arg;
};

struct flag_export_stats {
	size_t	 flags;		/* flags exported */
	size_t	 messages;	/* email: messages made */
	size_t	 sent;		/* messages the send command took (exit 0) */
	size_t	 no_address;	/* messages without a To: (not sent) */
	size_t	 marked;	/* open flags marked sent after sending */
};

/*
 * Export the flags the filter selects. Files are written under a
 * temporary name in the same directory and renamed into place; an
 * existing file is never replaced unless force is set, and a failed
 * export leaves no partial file. After a message is sent its open flags
 * become "sent". Returns 0, or -1 and *cause (stats say what was done).
 */
int	 flag_export(struct archive *, const struct flag_export_req *,
	    struct flag_export_stats *, char **cause);

#endif
