/*
 * fingerprint.c -- text hashes, and fingerprints that let `repeats` find a
 * quotation printed in several articles despite small differences.
 *
 * A quotation is normalised to its letters and digits, lower-cased, with
 * everything else dropped ("Any time soon." -> "anytimesoon"), so spacing,
 * punctuation, quote marks and case never matter. Its fingerprints are the
 * hash of that whole string and, following winnowing (Schleimer, Wilkerson
 * & Aiken, SIGMOD 2003), the minimum hash of every window of HSIX_FP_W
 * consecutive HSIX_FP_K-character shingles. Two quotations sharing any
 * substring of at least HSIX_FP_K + HSIX_FP_W - 1 normalised characters are
 * certain to share a fingerprint, so a trimmed or extended quotation still
 * meets its original, while a quotation keeps only about 2/(W+1) of its
 * shingles: the `shingles` table grows with the text, not with the number
 * of pairs, and grouping is one pass over an index.
 */
#include <ctype.h>

#include "ix_int.h"

#define S_NORM_MAX 4096

uint64_t hsix_fp_hash(const void *s, size_t n) {
    const unsigned char *p = s;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Skips U+2000..U+206F (general punctuation: curly quotes, dashes, the
 * ellipsis) and U+00A0; returns the bytes to skip at s, 0 to keep. */
static size_t S_punct(const unsigned char *s) {
    if (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81) && s[2]) return 3;
    if (s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB)) return 2;
    return 0;
}

static size_t S_normalise(const char *text, char *out, size_t cap) {
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    while (*s && n < cap) {
        size_t skip = S_punct(s);
        if (skip) {
            s += skip;
            continue;
        }
        if (isalnum(*s) || *s >= 0x80) out[n++] = (char)tolower(*s);
        s++;
    }
    return n;
}

/* Appends h unless it equals the last one appended. */
static size_t S_add(int64_t *out, size_t n, size_t cap, uint64_t h) {
    if (n < cap && (n == 0 || out[n - 1] != (int64_t)h)) out[n++] = (int64_t)h;
    return n;
}

static size_t S_winnow(const char *norm, size_t len, int64_t *out, size_t n,
                       size_t cap) {
    size_t shingles = len - HSIX_FP_K + 1;
    uint64_t win[HSIX_FP_W];
    for (size_t i = 0; i < shingles; i++) {
        win[i % HSIX_FP_W] = hsix_fp_hash(norm + i, HSIX_FP_K);
        if (i + 1 < HSIX_FP_W && i + 1 < shingles) continue;
        size_t filled = i + 1 < HSIX_FP_W ? i + 1 : HSIX_FP_W;
        uint64_t min = win[0];
        for (size_t k = 1; k < filled; k++)
            if (win[k] < min) min = win[k];
        n = S_add(out, n, cap, min);
    }
    return n;
}

size_t hsix_fp_compute(const char *text, int64_t *out, size_t cap) {
    char norm[S_NORM_MAX];
    size_t len = S_normalise(text, norm, sizeof norm);
    if (len < HSIX_FP_MIN || cap == 0) return 0;
    size_t n = S_add(out, 0, cap, hsix_fp_hash(norm, len) ^ 0x5bd1e995ULL);
    return len >= HSIX_FP_K ? S_winnow(norm, len, out, n, cap) : n;
}
