/*
 * util.c -- helpers shared by the subcommands: messages, exit-time checks,
 * byte buffers, argument parsing.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("hearsay: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("hearsay: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fprintf(stderr, "Try 'hearsay %s%s--help'.\n", cmd ? cmd : "",
            cmd ? " " : "");
    return CLI_EXIT_USAGE;
}

int cli_parse_size(const char *s, size_t *out)
{
    char *end;
    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (*end || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

int cli_date_prefix(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    if (!s)
        return 0;
    for (int i = 0; i < 10; i++) {
        int digit = s[i] >= '0' && s[i] <= '9';
        if (shape[i] == 'd' ? !digit : s[i] != '-')
            return 0;
    }
    return 1;
}

int cli_print_help(const char *s)
{
    fputs(s, stdout);
    return cli_finish_stdout(CLI_EXIT_OK);
}

int cli_stdout_error(void)
{
    static int reported;
    if (!reported)
        cli_error("write error on standard output: %s", strerror(errno));
    reported = 1;
    return CLI_EXIT_INPUT;
}

int cli_finish_stdout(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_stdout_error();
    return rc;
}

void *cli_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("hearsay: out of memory\n", stderr);
        exit(CLI_EXIT_INPUT);
    }
    return q;
}

char *cli_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(cli_xrealloc(NULL, n), s, n);
}

void cli_buf_reserve(cli_buf *b, size_t extra)
{
    if (b->n + extra < b->cap)
        return;
    if (extra > SIZE_MAX / 2 - b->n) {
        fputs("hearsay: out of memory\n", stderr);
        exit(CLI_EXIT_INPUT);
    }
    size_t cap = b->cap ? b->cap + b->cap / 2 : 256;
    if (cap < b->n + extra + 1)
        cap = b->n + extra + 1;
    b->p = cli_xrealloc(b->p, cap);
    b->cap = cap;
}

void cli_buf_add(cli_buf *b, const void *s, size_t n)
{
    cli_buf_reserve(b, n);
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
    cli_buf_add(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return;
    cli_buf_reserve(b, (size_t)need);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

void cli_buf_reset(cli_buf *b, size_t keep)
{
    if (b->cap > keep)
        cli_buf_free(b);
    b->n = 0;
    if (b->p)
        b->p[0] = '\0';
}

void cli_buf_free(cli_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

