/*
 * utf8.c -- UTF-8 decoding with Python's 'replace' semantics: each maximal
 * invalid subsequence (per Unicode's "best practice", which CPython follows)
 * decodes to one U+FFFD.
 */
#include "hearsay_int.h"

size_t hs_utf8_next(const unsigned char *s, size_t i, size_t n, uint32_t *cp) {
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    size_t k = 1;
    for (; k <= need; k++) {
        if (i + k >= n) break;
        unsigned b = s[i + k];
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
        v = (v << 6) | (b & 0x3F);
    }
    if (k <= need) {
        *cp = 0xFFFD;
        return k; /* the maximal invalid prefix, at least 1 byte */
    }
    *cp = v;
    return need + 1;
}
