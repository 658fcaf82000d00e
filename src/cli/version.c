/*
 * lede --version: lede's version and every library it runs with, so a bug
 * report says what the user's system really linked.
 */
#include "config.h"

#include <fribidi.h>
#include <json-c/json.h>
#include <libxml/parser.h>
#include <stdio.h>

#include "archive/libversion.h"
#include "cli/cli.h"
#include "tui/libversion.h"

void
cli_version(FILE *fp)
{
	fprintf(fp, "lede %s\n", PACKAGE_VERSION);
	fprintf(fp, "  SQLite %s (FTS5 %s)\n", archive_library_version(),
	    archive_library_has_fts5() ? "yes" : "no");
	fprintf(fp, "  %s\n", tui_library_version());
	fprintf(fp, "  libxml2 %s (external entities and network access off)\n",
	    xmlParserVersion);
	fprintf(fp, "  json-c %s\n", json_c_version());
	fprintf(fp, "  GNU FriBidi %s\n", FRIBIDI_VERSION);
	fprintf(fp, "  iniparser (the Debian libiniparser build)\n");
}
