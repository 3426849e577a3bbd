/*
 * serve_util.c -- escaping for the server's replies: HTML text and
 * attributes, query-string values, JSON strings. Parameters reach here only
 * after validation (valid UTF-8, no control characters), but every byte is
 * escaped anyway.
 */
#include "serve.h"

#include <string.h>

void sv_html(cli_buf *b, const char *s) {
    if (!s) return;
    for (const char *run = s;; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = ""; break;
        default: continue;
        }
        cli_buf_add(b, run, (size_t)(s - run));
        if (!*s) return;
        cli_buf_puts(b, rep);
        run = s + 1;
    }
}

void sv_url(cli_buf *b, const char *s) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *u = (const unsigned char *)s; u && *u; u++) {
        if ((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') || (*u >= '0' && *u <= '9') ||
            strchr("-_.~", *u)) {
            cli_buf_add(b, u, 1);
        } else {
            char esc[3] = {'%', hex[*u >> 4], hex[*u & 15]};
            cli_buf_add(b, esc, 3);
        }
    }
}

void sv_json(cli_buf *b, const char *s) {
    if (!s) {
        cli_buf_puts(b, "null");
        return;
    }
    cli_buf_puts(b, "\"");
    for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
        if (*u == '"' || *u == '\\') cli_buf_printf(b, "\\%c", *u);
        else if (*u < 0x20) cli_buf_printf(b, "\\u%04x", *u);
        else cli_buf_add(b, u, 1);
    }
    cli_buf_puts(b, "\"");
}
