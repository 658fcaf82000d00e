/*
 * The one gate between stored text and a terminal. Stored text keeps every
 * character faithfully; whatever is drawn by curses or printed by the
 * command line passes through sanitize_display() first, so no escape
 * sequence, C1 control or bidi override from an article can reach the
 * terminal.
 */
#ifndef LEDE_UTIL_SANITIZE_H
#define LEDE_UTIL_SANITIZE_H

#include <stddef.h>
#include <stdio.h>

#define SANITIZE_NEWLINES	0x1	/* keep LF (multi-line text) */
#define SANITIZE_TABS		0x2	/* keep TAB as is (else one space) */

/*
 * Return a copy of s[0..len) safe to write to a terminal: C0 controls
 * become their visible "control picture" (U+2400 + c, so ESC shows as a
 * one-column symbol), DEL becomes U+2421, C1 controls and invalid bytes
 * U+FFFD; bidi embedding, override and isolate controls (U+202A-U+202E,
 * U+2066-U+2069) and the soft hyphen are dropped. LF and TAB follow the
 * flags (LF otherwise becomes a space). Caller frees.
 */
char	*sanitize_display(const char *s, size_t len, int flags);
/* Whether cp is dropped or replaced by sanitize_display(). */
int	 sanitize_is_unsafe(unsigned int cp);
/* fputs() through sanitize_display(). */
void	 sanitize_fputs(const char *s, FILE *fp, int flags);

#endif
