/*
 * Exporting from the flags pane: the flags it shows (its status and
 * source filter) in the format and to the file the user names in two
 * prompts, through flag_export() as `lede export-flags` does, quietly;
 * the message says what was written. A leading ~/ is the home directory;
 * an existing file is never replaced (flag_export() refuses it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "flag/export.h"
#include "tui/flagpane.h"
#include "tui/tui_int.h"
#include "util/xalloc.h"

void
flags_export(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);

	if (fp->nshown == 0) {
		tui_message(t, 1, "no flags to export");
		return;
	}
	input_prompt(t, PK_EXPORT_FORMAT, flag_format_name(fp->format));
}

void
flags_accept_format(struct tui *t, const char *text)
{
	struct flagpane *fp = flags_pane(t);
	static const char *const ext[] = { "json", "csv", "mbox" };
	char *def;
	int f;

	text += strspn(text, " ");
	if (*text == '\0')
		return;
	if ((f = flag_format_parse(text)) < 0) {
		tui_message(t, 1, "export as json, csv or email");
		input_prompt(t, PK_EXPORT_FORMAT, text);
		return;
	}
	fp->format = (enum flag_format)f;
	def = xasprintf("lede-flags.%s", ext[f]);
	input_prompt(t, PK_EXPORT_PATH, def);
	free(def);
}

/* What an export wrote, for the message. */
static void
exported(struct tui *t, const struct flag_export_req *req,
    const struct flag_export_stats *st)
{
	char *where = scr_safe(req->path, strlen(req->path));

	if (req->format == FLAG_FORMAT_EMAIL)
		tui_message(t, 0, "%zu flag%s in %zu message%s written to %s%s",
		    st->flags, st->flags == 1 ? "" : "s", st->messages,
		    st->messages == 1 ? "" : "s", where, st->no_address > 0 ?
		    " (some without a corrections address)" : "");
	else
		tui_message(t, 0, "%zu flag%s written to %s as %s", st->flags,
		    st->flags == 1 ? "" : "s", where,
		    flag_format_name(req->format));
	free(where);
}

void
flags_accept_path(struct tui *t, const char *text)
{
	struct flagpane *fp = flags_pane(t);
	struct flag_export_req req;
	struct flag_export_stats st;
	const char *home = getenv("HOME");
	char *path, *cause = NULL;

	text += strspn(text, " ");
	if (*text == '\0') {
		tui_message(t, 1, "not exported: no file named");
		return;
	}
	if (strncmp(text, "~/", 2) == 0 && home != NULL && *home != '\0')
		path = xasprintf("%s/%s", home, text + 2);
	else
		path = xstrdup(text);
	memset(&req, 0, sizeof req);
	memset(&st, 0, sizeof st);
	req.format = fp->format;
	req.filter.status = fp->status >= 0 && fp->status != LOST ?
	    fp->status : -1;
	req.filter.lost_only = fp->status == LOST;
	req.filter.source = fp->source;
	req.path = path;
	req.quiet = 1;
	if (flag_export(t->ar, &req, &st, &cause) != 0) {
		tui_message(t, 1, "not exported: %s", cause != NULL ? cause :
		    "export failed");
		free(cause);
	} else
		exported(t, &req, &st);
	free(path);
}
