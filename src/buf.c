/*
 * buf.c -- growable arrays and byte buffers, with JSON and HTML escaping.
 */
#include "hearsay_int.h"

#include <stdarg.h>
#include <stdio.h>

int hs_vec_grow_(void **v, size_t *cap, size_t need, size_t elem) {
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem) return HEARSAY_ENOMEM;
        n = n + n / 2 + 8;
    }
    void *p = realloc(*v, n * elem);
    if (!p) return HEARSAY_ENOMEM;
    *v = p;
    *cap = n;
    return 0;
}

void hs_buf_clear(hs_buf *b) {
    b->n = 0;
    b->oom = 0;
}

void hs_buf_free(hs_buf *b) {
    free(b->p);
    memset(b, 0, sizeof *b);
}

static int S_reserve(hs_buf *b, size_t extra) {
    if (b->oom) return -1;
    if (b->n + extra + 1 <= b->cap) return 0;
    if (hs_vec_grow_((void **)&b->p, &b->cap, b->n + extra + 1, 1)) {
        b->oom = 1;
        return -1;
    }
    return 0;
}

int hs_buf_grow(hs_buf *b, size_t extra) { return S_reserve(b, extra); }

void hs_buf_printf(hs_buf *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k < sizeof tmp) {
        hs_buf_put(b, tmp, (size_t)k);
        return;
    }
    if (S_reserve(b, (size_t)k)) return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

/* Is the sequence at u[i] invalid UTF-8? *k gets its length either way (a
 * literal U+FFFD, EF BF BD, is valid). */
static int S_invalid(const unsigned char *u, size_t i, size_t n, size_t *k) {
    uint32_t cp;
    *k = hs_utf8_next(u, i, n, &cp);
    return cp == 0xFFFD && !(*k == 3 && u[i] == 0xEF);
}

static const char S_hex[] = "0123456789abcdef";

/* Do the 8 bytes of x hold one that JSON output does not copy as it is:
 * a control character (< 0x20), '"', '\\', or a byte of a multi-byte
 * sequence (>= 0x80, checked one at a time)? Bit tricks over the whole
 * word: (v - 0x01..) & ~v & 0x80.. is not zero when a byte of v is zero,
 * and (x - 0x20..) & ~x & 0x80.. when one is under 0x20. */
static inline int S_json_special8(uint64_t x) {
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    return ((x | ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high) != 0;
}

void hs_buf_json_str(hs_buf *b, const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < n) {
        /* most text needs no escaping: skip it 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, u + i, 8);
            if (S_json_special8(x)) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = u[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t k;
            if (!S_invalid(u, i, n, &k)) { /* valid UTF-8 stays in the run */
                i += k;
                continue;
            }
            hs_buf_put(b, s + run, i - run);
            hs_buf_put(b, "\xEF\xBF\xBD", 3);
            i += k;
            run = i;
            continue;
        }
        hs_buf_put(b, s + run, i - run);
        char esc[6] = {'\\', 'u', '0', '0', S_hex[c >> 4], S_hex[c & 15]};
        switch (c) {
        case '"': hs_buf_put(b, "\\\"", 2); break;
        case '\\': hs_buf_put(b, "\\\\", 2); break;
        case '\n': hs_buf_put(b, "\\n", 2); break;
        case '\r': hs_buf_put(b, "\\r", 2); break;
        case '\t': hs_buf_put(b, "\\t", 2); break;
        default: hs_buf_put(b, esc, 6);
        }
        i++;
        run = i;
    }
    hs_buf_put(b, s + run, n - run);
}

void hs_buf_text(hs_buf *b, const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = u[i];
        size_t k = 1;
        const char *rep = NULL;
        if (c == '\n' || c == '\r' || c == '\t' || c == 0) rep = " ";
        else if (c >= 0x80 && S_invalid(u, i, n, &k)) rep = "\xEF\xBF\xBD";
        if (!rep) {
            i += k;
            continue;
        }
        hs_buf_put(b, s + run, i - run);
        hs_buf_puts(b, rep);
        i += k;
        run = i;
    }
    hs_buf_put(b, s + run, n - run);
}

void hs_buf_html(hs_buf *b, const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = u[i];
        const char *rep = NULL;
        size_t k = 1;
        if (c == '<') rep = "&lt;";
        else if (c == '>') rep = "&gt;";
        else if (c == '&') rep = "&amp;";
        else if (c == '"') rep = "&quot;";
        else if (c == '\'') rep = "&#39;";
        else if (c == 0) rep = "\xEF\xBF\xBD";
        else if (c >= 0x80 && S_invalid(u, i, n, &k)) rep = "\xEF\xBF\xBD";
        if (!rep) {
            i += k;
            continue;
        }
        hs_buf_put(b, s + run, i - run);
        hs_buf_puts(b, rep);
        i += k;
        run = i;
    }
    hs_buf_put(b, s + run, n - run);
}
