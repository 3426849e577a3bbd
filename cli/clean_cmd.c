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
 * or, with --jsonl, one JSON object per paragraph set aside: doc, line,
 * kind, start, end (code points), byte_start, byte_end, author, handle,
 * date (null when unknown) and text.
 *
 * "-" (or no FILE) is standard input; compressed input is read as
 * `extract` reads it (reader.h). Exit status as for every command (cli.h).
 * See docs/CONTEXT.md.
 */
#include "clean_cmd.h"
#include "cli.h"
#include "hearsay.h"
#include "reader.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

static const char clean_usage[] =
    "Usage: hearsay clean [OPTIONS] [FILE|-]...\n"
    "\n"
    "Prints each article without its page debris: embedded posts,\n"
    "promotions, related headlines, captions and credits, bylines,\n"
    "'read more', subscription and share lines, leftover markup.\n"
    "\n"
    "      --explain         print each paragraph left out, with its kind,\n"
    "                        instead: FILE:LINE: KIND[ (AUTHOR HANDLE DATE)]: TEXT\n"
    "      --jsonl           the same as JSON Lines: doc, line, kind, start, end,\n"
    "                        byte_start, byte_end, author, handle, date, text\n"
    "      --date DATE       the article's date (YYYY-MM-DD)\n"
    "      --max-doc-bytes N skip documents larger than N bytes (K, M, G\n"
    "                        suffixes; default 16M)\n"
    "  -h, --help            this help\n"
    "\n"
    "With no FILE, or when FILE is -, reads standard input.\n"
    "Exit status: 0 success, 1 some input could not be processed or output\n"
    "failed, 2 usage error.\n";

typedef struct {
    int explain; /* 1: --explain, 2: --jsonl */
    hearsay_options opts;
} clean_opts;

/* The whole lines holding bytes [b, e): from the line's start to after
 * its line break. */
static void S_line_extent(const char *t, size_t len, size_t *b, size_t *e)
{
    while (*b > 0 && t[*b - 1] != '\n')
        (*b)--;
    while (*e < len && t[*e] != '\n')
        (*e)++;
    if (*e < len)
        (*e)++;
}

static size_t S_line_no(const char *t, size_t b)
{
    size_t line = 1;
    for (size_t i = 0; i < b; i++)
        line += t[i] == '\n';
    return line;
}

/* The article without its debris lines. 0, or -1 when a write failed. */
static int S_print_clean(const hearsay_doc *d, const char *t, size_t len)
{
    size_t at = 0;
    for (size_t i = 0; i < hearsay_doc_debris_count(d); i++) {
        const hearsay_debris *r = hearsay_doc_debris(d, i);
        size_t b = r->span.byte_start, e = r->span.byte_end;
        S_line_extent(t, len, &b, &e);
        if (b > at && fwrite(t + at, 1, b - at, stdout) != b - at)
            return -1;
        if (e > at)
            at = e;
    }
    if (at < len && fwrite(t + at, 1, len - at, stdout) != len - at)
        return -1;
    return 0;
}

/* One line per paragraph set aside. 0, or -1 when a write failed. */
static int S_print_explain(const hearsay_doc *d, const char *name,
                           const char *t)
{
    for (size_t i = 0; i < hearsay_doc_debris_count(d); i++) {
        const hearsay_debris *r = hearsay_doc_debris(d, i);
        size_t b = r->span.byte_start, n = r->span.byte_end - b;
        if (printf("%s:%zu: %s", name, S_line_no(t, b), r->kind) < 0)
            return -1;
        if (r->author && printf(" (%s %s %s)", r->author,
                                r->handle ? r->handle : "-",
                                r->date ? r->date : "-") < 0)
            return -1;
        if (printf(": %.*s\n", (int)n, t + b) < 0)
            return -1;
    }
    return 0;
}

static json_object *S_json_str(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

/* The document name: the path without ".txt". */
static json_object *S_json_doc(const char *path)
{
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".txt"))
        n -= 4;
    return json_object_new_string_len(path, (int)n);
}

/* One JSON object per paragraph set aside. 0, or -1 when a write
 * failed. */
static int S_print_explain_json(const hearsay_doc *d, const char *name,
                                const char *t)
{
    for (size_t i = 0; i < hearsay_doc_debris_count(d); i++) {
        const hearsay_debris *r = hearsay_doc_debris(d, i);
        const hearsay_span *sp = &r->span;
        json_object *o = json_object_new_object();
        if (!o)
            return -1;
        json_object_object_add(o, "doc", S_json_doc(name));
        json_object_object_add(o, "line", json_object_new_int64((int64_t)S_line_no(t, sp->byte_start)));
        json_object_object_add(o, "kind", json_object_new_string(r->kind));
        json_object_object_add(o, "start", json_object_new_int64((int64_t)sp->start));
        json_object_object_add(o, "end", json_object_new_int64((int64_t)sp->end));
        json_object_object_add(o, "byte_start", json_object_new_int64((int64_t)sp->byte_start));
        json_object_object_add(o, "byte_end", json_object_new_int64((int64_t)sp->byte_end));
        json_object_object_add(o, "author", S_json_str(r->author));
        json_object_object_add(o, "handle", S_json_str(r->handle));
        json_object_object_add(o, "date", S_json_str(r->date));
        json_object_object_add(o, "text", json_object_new_string_len(
                                              t + sp->byte_start,
                                              (int)(sp->byte_end - sp->byte_start)));
        const char *js = json_object_to_json_string_ext(
            o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        int bad = !js || printf("%s\n", js) < 0;
        json_object_put(o);
        if (bad)
            return -1;
    }
    return 0;
}

/* Reads path (whole, at most max bytes) into text. CLI_EXIT_OK, or
 * CLI_EXIT_INPUT after saying why. */
static int S_read(const char *path, size_t max, cli_buf *text)
{
    int too_long = 0, rc = 0;
    rd_stream *s = rd_open(path);
    if (!s) {
        cli_error("%s: %s", path, strerror(errno));
        return CLI_EXIT_INPUT;
    }
    text->n = 0;
    if (rd_slurp(s, text, max, &too_long) < 0) {
        cli_error("%s: %s", path, rd_error(s));
        rc = CLI_EXIT_INPUT;
    } else if (too_long) {
        cli_error("%s: larger than --max-doc-bytes (%zu bytes), skipped", path, max);
        rc = CLI_EXIT_INPUT;
    }
    rd_close(s);
    return rc;
}

/* Cleans one input. CLI_EXIT_OK, CLI_EXIT_INPUT when it could not be read
 * or processed (said on stderr), or -1 when writing failed. */
static int S_clean_one(const char *path, const clean_opts *c, hearsay_doc *d,
                       cli_buf *text)
{
    int rc = S_read(path, c->opts.max_doc_bytes, text);
    if (rc != CLI_EXIT_OK)
        return rc;
    const char *t = text->p ? text->p : "";
    rc = hearsay_extract(hearsay_model_builtin(), t, text->n, &c->opts, d);
    if (rc != HEARSAY_OK) {
        cli_error("%s: %s", path, hearsay_strerror(rc));
        return CLI_EXIT_INPUT;
    }
    if (c->explain == 2 ? S_print_explain_json(d, path, t)
        : c->explain  ? S_print_explain(d, path, t)
                      : S_print_clean(d, t, text->n))
        return -1;
    return CLI_EXIT_OK;
}

/* "YYYY-MM-DD" with a month 1..12 and a day 1..31 (the library checks the
 * calendar itself and ignores a date that does not exist). */
static int S_valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Sets option opt ("--date" or "--max-doc-bytes") to v; 0, or -1 when v is
 * not a valid value. */
static int S_set(clean_opts *c, const char *opt, const char *v)
{
    if (!strcmp(opt, "--date")) {
        if (!S_valid_date(v))
            return -1;
        c->opts.date = v;
        return 0;
    }
    size_t n;
    if (cli_parse_size(v, &n) < 0 || n == 0)
        return -1;
    c->opts.max_doc_bytes = n;
    return 0;
}

/* Parses options: the index of the first file argument, -1 after a usage
 * error (*rc set), or -2 for --help. */
static int S_parse(int argc, char **argv, clean_opts *c, int *rc)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--"))
            return i + 1;
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            return -2;
        if (!strcmp(a, "--explain") || !strcmp(a, "--jsonl")) {
            c->explain = !strcmp(a, "--jsonl") ? 2 : c->explain ? c->explain : 1;
        } else if (!strcmp(a, "--date") || !strcmp(a, "--max-doc-bytes")) {
            if (i + 1 >= argc) {
                *rc = cli_usage_error("clean", "option '%s' needs a value", a);
                return -1;
            }
            if (S_set(c, a, argv[++i])) {
                *rc = cli_usage_error("clean", "bad value for %s: '%s'", a, argv[i]);
                return -1;
            }
        } else {
            *rc = cli_usage_error("clean", "unknown option '%s'", a);
            return -1;
        }
    }
    return i;
}

int cmd_clean(int argc, char **argv)
{
    clean_opts c = {0};
    int rc = CLI_EXIT_OK;
    hearsay_options_init(&c.opts);
    int first = S_parse(argc, argv, &c, &rc);
    if (first == -2)
        return cli_print_help(clean_usage);
    if (first < 0)
        return rc;
    hearsay_doc *d = hearsay_doc_new();
    if (!d) {
        cli_error("out of memory");
        return CLI_EXIT_INPUT;
    }
    char *stdin_only[] = {"-"};
    char **files = first < argc ? argv + first : stdin_only;
    int n = first < argc ? argc - first : 1;
    cli_buf text = {0};
    for (int i = 0; i < n; i++) {
        int one = S_clean_one(files[i], &c, d, &text);
        if (one < 0) {
            rc = cli_stdout_error();
            break;
        }
        if (one != CLI_EXIT_OK)
            rc = one;
    }
    cli_buf_free(&text);
    hearsay_doc_free(d);
    return cli_finish_stdout(rc);
}
