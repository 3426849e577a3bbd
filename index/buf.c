/*
 * buf.c -- a growable byte buffer that remembers running out of memory, so
 * callers append freely and check once (hsix_buf_cstr() returns NULL).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

void hsix_buf_clear(hsix_buf *b) {
    b->n = 0;
    b->oom = 0;
}

void hsix_buf_free(hsix_buf *b) {
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

/* Makes room for extra more bytes plus a NUL; 0 or -1. */
static int S_reserve(hsix_buf *b, size_t extra) {
    if (b->oom) return -1;
    if (b->n + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra + 1) cap += cap / 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void hsix_buf_put(hsix_buf *b, const char *s, size_t n) {
    if (S_reserve(b, n)) return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

void hsix_buf_puts(hsix_buf *b, const char *s) { hsix_buf_put(b, s, strlen(s)); }

void hsix_buf_printf(hsix_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0 || S_reserve(b, (size_t)need)) return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

/* Length of a valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t S_utf8_len(const unsigned char *s) {
    unsigned c = s[0];
    size_t n = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 0;
    if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

static void S_json_char(hsix_buf *b, const unsigned char *s, size_t *i) {
    unsigned c = s[*i];
    if (c == '"' || c == '\\') {
        hsix_buf_put(b, "\\", 1);
        hsix_buf_put(b, (const char *)s + *i, 1);
    } else if (c == '\n') {
        hsix_buf_puts(b, "\\n");
    } else if (c < 0x20 || c == 0x7F) {
        hsix_buf_printf(b, "\\u%04x", c);
    } else if (c < 0x80) {
        hsix_buf_put(b, (const char *)s + *i, 1);
    } else {
        size_t n = S_utf8_len(s + *i);
        if (n == 0) {
            hsix_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD: always valid JSON */
            n = 1;
        } else {
            hsix_buf_put(b, (const char *)s + *i, n);
        }
        *i += n - 1;
    }
}

void hsix_buf_json_str(hsix_buf *b, const char *s) {
    if (!s) {
        hsix_buf_puts(b, "null");
        return;
    }
    const unsigned char *u = (const unsigned char *)s;
    hsix_buf_put(b, "\"", 1);
    for (size_t i = 0; u[i]; i++) S_json_char(b, u, &i);
    hsix_buf_put(b, "\"", 1);
}

const char *hsix_buf_cstr(hsix_buf *b) {
    if (S_reserve(b, 0)) return NULL;
    b->p[b->n] = '\0';
    return b->p;
}
