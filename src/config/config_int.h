/*
 * Between the configuration's model (config.c) and its file reader
 * (load.c). Not for use outside src/config/.
 */
#ifndef LEDE_CONFIG_CONFIG_INT_H
#define LEDE_CONFIG_CONFIG_INT_H

#include "config/config.h"

/* Record a problem; file may be NULL for the defaults. */
void	 config_problem_add(struct config *, const char *file, unsigned line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Put the problems from index `from` on in line order (stable). */
void	 config_sort_problems(struct config *, size_t from);

/*
 * Apply `name = value` read from section at file:line: a binding or an
 * option. Problems are recorded; whatever is valid still applies.
 */
void	 config_apply(struct config *, const char *section, const char *name,
	    const char *value, const char *file, unsigned line);

/* Whether section is one lede.conf knows. */
int	 config_known_section(const char *section);

#endif
