/*
 * Path resolution. The build tree must work without `make install`, so the
 * data directory falls back to "share" next to the executable; tests set
 * $LEDE_DATADIR explicitly.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/paths.h"
#include "util/xalloc.h"

char *
paths_datadir(void)
{
	const char *env = getenv("LEDE_DATADIR");
	char exe[PATH_MAX], *slash, *p;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			p = xasprintf("%s/share/lede.conf", exe);
			if (access(p, R_OK) == 0) {
				free(p);
				return xasprintf("%s/share", exe);
			}
			free(p);
		}
	}
	return xstrdup(LEDE_PKGDATADIR);
}

static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home;

	if (v != NULL && *v == '/')
		return xasprintf("%s/lede", v);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		home = "/tmp";
	return xasprintf("%s/%s/lede", home, fallback);
}

char *
paths_data_home(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
paths_config_home(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

int
paths_mkdir_p(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}
