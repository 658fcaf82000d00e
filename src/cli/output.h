/*
 * Output shared by the listing commands: plain rows cut to the terminal's
 * width (everything through the sanitiser) and JSON through json-c, which
 * escapes every control character, so both are safe on a terminal.
 */
#ifndef LEDE_CLI_OUTPUT_H
#define LEDE_CLI_OUTPUT_H

#include <stdio.h>

struct archive_page;
struct article;
struct json_object;

/* Columns of the terminal on stdout, or 100 when not a terminal. */
int	 output_width(void);
/* One plain line per row: id, date, source, title (and snippet). */
void	 output_rows_plain(FILE *, const struct archive_page *, int snippets);
struct archive_row;
/* One listing row as a JSON object (keys per DESIGN.md). Caller puts it. */
struct json_object *output_row_json(const struct archive_row *, int snippets);
/* The JSON text of o, with every character a terminal could act on
   escaped. Valid until the next call. */
const char *output_json_text(struct json_object *);
/* Print a JSON value followed by a newline; frees it. */
void	 output_json(FILE *, struct json_object *);
/* A JSON string, or null for NULL. */
struct json_object *output_jstr(const char *);
/* Remove the \x02/\x03 match markers from a snippet. Caller frees. */
char	*output_unmark(const char *);

#endif
