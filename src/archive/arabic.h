/*
 * Folding of Arabic (and combining-mark) variation for the full-text index:
 * the forms a reader types and the forms an outlet prints must index as one
 * term. Applied to tokens only; the stored text keeps every mark. Pure code.
 */
#ifndef LEDE_ARCHIVE_ARABIC_H
#define LEDE_ARCHIVE_ARABIC_H

#include <stddef.h>

/*
 * Fold the UTF-8 token in[0..len) into out (room for len bytes: the result
 * is never longer) and return the length written:
 *   - drop harakat, tanwin, shadda, sukun (U+064B-U+065F), the superscript
 *     alef U+0670, Quranic annotation marks (U+0610-U+061A, U+06D6-U+06ED),
 *     tatweel U+0640 and Latin combining marks U+0300-U+036F;
 *   - alef forms U+0622 U+0623 U+0625 U+0671-U+0673 -> U+0627;
 *   - alef maqsura U+0649 and Farsi yeh U+06CC -> yeh U+064A;
 *   - teh marbuta U+0629 -> heh U+0647 (writers and typists use both at a
 *     word's end, so they are folded together);
 *   - waw with hamza U+0624 -> U+0648, yeh with hamza U+0626 -> U+064A;
 *   - keheh U+06A9 -> kaf U+0643;
 *   - Arabic-Indic and extended digits -> ASCII digits.
 * Invalid UTF-8 bytes are copied through unchanged.
 */
size_t	 archive_arabic_fold(const char *in, size_t len, char *out);

/*
 * Light stemming of a folded Arabic word w[0..len) in place (Larkey,
 * Ballesteros and Connell's "light10"): a leading waw when three letters
 * remain; one of the articles al-, wal-, bal-, kal-, fal-, lil- when three
 * remain (light10 says two, which turns "allah" into "lahu"); then, once each and in order, the suffixes -ha, -an, -at, -un,
 * -in, -yh, -h, -y when two letters remain. So "al-madrasa" and
 * "madrasatuha" meet "madrasa". Returns the new length; a word with
 * anything but Arabic letters is left alone.
 */
size_t	 archive_arabic_stem(char *w, size_t len);

/* Whether in[0..len) holds anything archive_arabic_fold() would change. */
int	 archive_arabic_needs_fold(const char *in, size_t len);

#endif
