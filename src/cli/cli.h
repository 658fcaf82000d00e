/*
 * The non-interactive commands. One file per command (cmd-NAME.c) defines a
 * `const struct cli_cmd cli_cmd_NAME`; cli.c lists them in one table that
 * drives dispatch, `lede --help` and `lede COMMAND --help`. Commands print
 * results on stdout (through the sanitiser, or as JSON) and errors on
 * stderr as one line "lede: ..."; they return the exit status: 0 success,
 * 1 user error, 2 usage error.
 */
#ifndef LEDE_CLI_CLI_H
#define LEDE_CLI_CLI_H

#include <stdio.h>

struct archive;

struct cli_ctx {
	const char	*archive_path;	/* -a, else archive_default_path() */
	const char	*config_path;	/* -c, or NULL for the default */
	const char	*prog;		/* "lede" */
};

struct cli_cmd {
	const char	*name;
	const char	*args;		/* synopsis after the name */
	const char	*summary;	/* one line for `lede --help` */
	const char	*help;		/* the options, for `lede NAME --help` */
	int		(*run)(struct cli_ctx *, int argc, char **argv);
};

/* Find a command by name, or NULL. */
const struct cli_cmd	*cli_find(const char *name);
/* Print `lede --help` (all commands) to fp. */
void			 cli_usage(FILE *fp);
/* Print one command's --help to fp. */
void			 cli_cmd_usage(const struct cli_cmd *, FILE *fp);
/* Run a command: handles --help, returns the exit status. */
int			 cli_run(const struct cli_cmd *, struct cli_ctx *,
			    int argc, char **argv);

/* "lede: MESSAGE" on stderr, sanitised. Returns 1 (user error). */
int	 cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "lede: MESSAGE" + "Try 'lede NAME --help'". Returns 2 (usage error). */
int	 cli_usage_error(const struct cli_cmd *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* An ingest problem callback: "lede: WHERE: MESSAGE" on stderr. */
void	 cli_problem(const char *where, const char *message, void *arg);
/* Parse a --limit value (0 for all) into *limit; -1 if not a number. */
int	 cli_parse_limit(const char *, long long *limit);
/* Open the context's archive (read-only with readonly set). NULL after
   printing the error. */
struct archive	*cli_open_archive(struct cli_ctx *, int readonly);
/* `lede --version`: lede's version and the libraries it runs with. */
void		 cli_version(FILE *fp);
/* `lede --demo`: build the demo archive once in the user's data
   directory, then open the reader on it. Returns the exit status. */
int		 cli_demo(struct cli_ctx *);
/* Parse a positive article id; -1 if not one. */
long long	 cli_parse_id(const char *);

#endif
