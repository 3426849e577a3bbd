/*
 * clean_cmd.c -- `hearsay clean [--explain] [--date YYYY-MM-DD] FILE...`
 *
 * Prints each article with its page debris left out: the paragraphs that
 * hearsay_extract() set aside (hearsay_doc_debris(): embedded posts,
 * promotions, related headlines, captions, bylines, ...), each removed with
 * its line break. Everything else is printed byte for byte. With --explain
 * it prints instead one line per paragraph set aside:
 *
 *     FILE:LINE: KIND[ (AUTHOR HANDLE DATE)]: TEXT
 *
 * "-" is standard input. Exit status: 0, 1 when some input could not be
 * read or processed (the others are still printed) or output failed, 2 on
 * a usage error. Uses only the public API (include/hearsay.h).
 */
#include "clean_cmd.h"
#include "hearsay.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CLEAN_OK = 0, CLEAN_INPUT = 1, CLEAN_USAGE = 2 };

static const char clean_usage[] =
    "Usage: hearsay clean [--explain] [--date YYYY-MM-DD] [FILE|-]...\n"
    "\n"
    "Prints each article without its page debris: embedded posts,\n"
    "promotions, related headlines, captions and credits, bylines,\n"
    "'read more', subscription and share lines, leftover markup.\n"
    "\n"
    "  --explain        print each paragraph left out, with its kind, instead\n"
    "                   (FILE:LINE: KIND[ (AUTHOR HANDLE DATE)]: TEXT)\n"
    "  --date DATE      the article's date (YYYY-MM-DD)\n"
    "  --max-doc-bytes N  skip larger documents (default 16 MiB)\n"
    "  -h, --help       this help\n"
    "\n"
    "With no FILE, or when FILE is -, reads standard input.\n"
    "Exit status: 0 success, 1 some input could not be processed or output\n"
    "failed, 2 usage error.\n";

typedef struct {
    int explain;
    const char *date;
    size_t max_doc_bytes;
} clean_opts;

static int S_usage(const char *fmt, const char *arg) {
    fputs("hearsay: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'hearsay clean --help'.\n", stderr);
    return CLEAN_USAGE;
}

/* Reads all of f; NULL on a read error or when out of memory. */
static char *S_read_all(FILE *f, size_t *n) {
    size_t cap = 1 << 16, len = 0;
    char *p = malloc(cap);
    while (p) {
        len += fread(p + len, 1, cap - len, f);
        if (len < cap) break;
        char *q = cap <= SIZE_MAX / 2 ? realloc(p, cap * 2) : NULL;
        if (!q) {
            free(p);
            return NULL;
        }
        p = q;
        cap *= 2;
    }
    if (p && ferror(f)) {
        free(p);
        return NULL;
    }
    *n = len;
    return p;
}

static char *S_read_path(const char *path, size_t *n) {
    if (strcmp(path, "-") == 0) return S_read_all(stdin, n);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *p = S_read_all(f, n);
    fclose(f);
    return p;
}

/* The whole lines holding bytes [b, e): from the line's start to after
 * its line break. */
static void S_line_extent(const char *t, size_t len, size_t *b, size_t *e) {
    while (*b > 0 && t[*b - 1] != '\n') (*b)--;
    while (*e < len && t[*e] != '\n') (*e)++;
    if (*e < len) (*e)++;
}

static size_t S_line_no(const char *t, size_t b) {
    size_t line = 1;
    for (size_t i = 0; i < b; i++) line += t[i] == '\n';
    return line;
}

/* The article without its debris lines. */
static int S_print_clean(const hearsay_doc *d, const char *t, size_t len) {
    size_t at = 0;
    for (size_t i = 0; i < hearsay_doc_debris_count(d); i++) {
        const hearsay_debris *r = hearsay_doc_debris(d, i);
        size_t b = r->span.byte_start, e = r->span.byte_end;
        S_line_extent(t, len, &b, &e);
        if (b < at) b = at;
        if (b > at && fwrite(t + at, 1, b - at, stdout) != b - at) return -1;
        if (e > at) at = e;
    }
    if (at < len && fwrite(t + at, 1, len - at, stdout) != len - at) return -1;
    return 0;
}

/* One line per paragraph set aside. */
static int S_print_explain(const hearsay_doc *d, const char *name,
                           const char *t) {
    for (size_t i = 0; i < hearsay_doc_debris_count(d); i++) {
        const hearsay_debris *r = hearsay_doc_debris(d, i);
        size_t b = r->span.byte_start, n = r->span.byte_end - b;
        if (printf("%s:%zu: %s", name, S_line_no(t, b), r->kind) < 0) return -1;
        if (r->author &&
            printf(" (%s %s %s)", r->author, r->handle ? r->handle : "-",
                   r->date ? r->date : "-") < 0)
            return -1;
        if (printf(": %.*s\n", (int)n, t + b) < 0) return -1;
    }
    return 0;
}

/* Cleans one input. Returns CLEAN_OK, or CLEAN_INPUT after saying why;
 * *out_failed is set when writing failed (the run stops). */
static int S_clean_one(const char *path, const clean_opts *c, hearsay_doc *d,
                       int *out_failed) {
    size_t len = 0;
    char *text = S_read_path(path, &len);
    if (!text) {
        fprintf(stderr, "hearsay: %s: %s\n", path, errno ? strerror(errno) : "cannot read");
        return CLEAN_INPUT;
    }
    hearsay_options o;
    hearsay_options_init(&o);
    o.date = c->date;
    if (c->max_doc_bytes) o.max_doc_bytes = c->max_doc_bytes;
    int rc = hearsay_extract(hearsay_model_builtin(), text, len, &o, d);
    if (rc != HEARSAY_OK) {
        fprintf(stderr, "hearsay: %s: %s\n", path, hearsay_strerror(rc));
        free(text);
        return CLEAN_INPUT;
    }
    if ((c->explain ? S_print_explain(d, path, text) : S_print_clean(d, text, len)) ||
        fflush(stdout))
        *out_failed = 1;
    free(text);
    return CLEAN_OK;
}

/* "YYYY-MM-DD" with a month 1..12 and a day 1..31 (the library checks the
 * calendar itself and ignores a date that does not exist). */
static int S_valid_date(const char *s) {
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Sets option opt ("--date" or "--max-doc-bytes") to v; 0, or -1 when v
 * is not a valid value. */
static int S_set(clean_opts *c, const char *opt, const char *v) {
    if (!strcmp(opt, "--date")) {
        if (!S_valid_date(v)) return -1;
        c->date = v;
        return 0;
    }
    char *end = NULL;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 10);
    if (errno || end == v || *end || x == 0 || x > SIZE_MAX) return -1;
    c->max_doc_bytes = (size_t)x;
    return 0;
}

/* Parses options; returns the index of the first file argument, or -1
 * after a usage error (*rc set), or -2 for --help. */
static int S_parse(int argc, char **argv, clean_opts *c, int *rc) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) return i + 1;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return -2;
        if (!strcmp(a, "--explain")) {
            c->explain = 1;
        } else if (!strcmp(a, "--date") || !strcmp(a, "--max-doc-bytes")) {
            if (i + 1 >= argc) {
                *rc = S_usage("option '%s' needs a value", a);
                return -1;
            }
            if (S_set(c, a, argv[++i])) {
                *rc = S_usage("bad value for option: '%s'", argv[i]);
                return -1;
            }
        } else {
            *rc = S_usage("unknown option '%s'", a);
            return -1;
        }
    }
    return i;
}

int cmd_clean(int argc, char **argv) {
    clean_opts c = {0, NULL, 0};
    int rc = CLEAN_OK, failed = 0;
    int first = S_parse(argc, argv, &c, &rc);
    if (first == -2) {
        fputs(clean_usage, stdout);
        return fflush(stdout) ? CLEAN_INPUT : CLEAN_OK;
    }
    if (first < 0) return rc;
    hearsay_doc *d = hearsay_doc_new();
    if (!d) {
        fputs("hearsay: out of memory\n", stderr);
        return CLEAN_INPUT;
    }
    char *stdin_only[] = {"-"};
    char **files = first < argc ? argv + first : stdin_only;
    int n = first < argc ? argc - first : 1;
    for (int i = 0; i < n && !failed; i++) {
        errno = 0;
        if (S_clean_one(files[i], &c, d, &failed) != CLEAN_OK) rc = CLEAN_INPUT;
    }
    hearsay_doc_free(d);
    if (failed) {
        fprintf(stderr, "hearsay: write error on standard output: %s\n", strerror(errno));
        return CLEAN_INPUT;
    }
    return rc;
}
