/*
 * Exporting from the flags pane: the flags it shows (its status and
 * source filter) in the format and to the file the user names in two
 * prompts, through flag_export() as `lede export-flags` does, quietly;
 * the message says what was written. A leading ~/ is the home directory;
 * an existing file is never replaced (flag_export() refuses it). E-mail
 * takes its To: from [sources] and its From: from [export]; "send" as the
 * format hands each message to [export] send-command instead of a file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
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

/* What lede.conf says about e-mail: To: by source, From:, the sender. */
static void
email_setup(struct tui *t, struct flag_export_req *req)
{
	const char *from = config_string(t->cfg, "export", "from");
	req->corrections_for = config_source_address;
	req->corrections_arg = t->cfg;
	if (*from != '\0')
		req->from = from;
	req->send_command = config_send_command(t->cfg);
}

static void
filter_setup(const struct flagpane *fp, struct flag_export_req *req)
{
	req->filter.status = fp->status >= 0 && fp->status != LOST ?
	    fp->status : -1;
	req->filter.lost_only = fp->status == LOST;
	req->filter.source = fp->source;
}

/* Send every open flag shown, a message per article. */
static void
send_flags(struct tui *t)
{
	struct flagpane *fp = flags_pane(t);
	struct flag_export_req req;
	struct flag_export_stats st;
	char *cause = NULL;

	memset(&req, 0, sizeof req);
	req.format = FLAG_FORMAT_EMAIL;
	email_setup(t, &req);
	if (strspn(req.send_command, " \t") == strlen(req.send_command)) {
		tui_message(t, 1, "nothing sent: set send-command in [export] "
		    "of lede.conf (e.g. sendmail -t -i)");
		return;
	}
	filter_setup(fp, &req);
	if (req.filter.status < 0 && !req.filter.lost_only)
		req.filter.status = FLAG_OPEN;
	req.send = 1;
	req.quiet = 1;		/* the command's output would land on the screen */
	if (flag_export(t->ar, &req, &st, &cause) != 0) {
		tui_message(t, 1, "not sent: %s", cause != NULL ? cause :
		    "export failed");
		free(cause);
	} else {
		tui_message(t, st.no_address > 0, "%zu of %zu message%s sent; "
		    "%zu without a corrections address (see [sources] in "
		    "lede.conf)", st.sent, st.messages, st.messages == 1 ? "" :
		    "s", st.no_address);
	}
	t->dirty |= DIRTY_ALL;
	flags_refresh(t);
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
	if (strcmp(text, "send") == 0) {
		send_flags(t);
		return;
	}
	if ((f = flag_format_parse(text)) < 0) {
		tui_message(t, 1, "export as json, csv or email, or send");
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
	filter_setup(fp, &req);
	if (req.format == FLAG_FORMAT_EMAIL)
		email_setup(t, &req);
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
