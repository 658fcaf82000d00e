/*
 * Where lede finds its files: the data directory with the shipped model,
 * default config and demo articles, and the user's XDG directories.
 */
#ifndef LEDE_UTIL_PATHS_H
#define LEDE_UTIL_PATHS_H

/*
 * The directory of lede's shipped data: $LEDE_DATADIR, else the installed
 * "share" beside the running binary when it holds lede.conf (a build
 * tree), else the installed pkgdatadir. Caller frees.
 */
char	*paths_datadir(void);
/* $XDG_DATA_HOME/lede, else ~/.local/share/lede. Caller frees. */
char	*paths_data_home(void);
/* $XDG_CONFIG_HOME/lede, else ~/.config/lede. Caller frees. */
char	*paths_config_home(void);
/* Create dir and its parents (mode 0700 for new ones). 0 or -1 with errno. */
int	 paths_mkdir_p(const char *dir);

#endif
