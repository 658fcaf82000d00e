/*
 * Allocation that never fails from the caller's point of view: on
 * exhaustion the process restores the terminal (through the hook a front
 * end registers) and exits. Every pointer returned is the caller's to free.
 */
#ifndef LEDE_UTIL_XALLOC_H
#define LEDE_UTIL_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* printf into a new string. Caller frees. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Called before a fatal exit (the TUI registers endwin here). */
void	 xalloc_set_fatal_hook(void (*)(void));
/* Print "lede: MESSAGE" to stderr after running the hook, and exit(1). */
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
