/*
 * index_cmd.c -- `hearsay index|search|speakers|repeats|stats`: argument
 * parsing and printing over the index API (include/hearsay_index.h). On a
 * terminal, and by default, results are aligned tables; --json prints one
 * JSON object per line, the same objects the library renders for the web
 * app.
 */
#include "index_cmd.h"

#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "hearsay.h"
#include "hearsay_index.h"
#include "index_input.h"

enum { S_OK = CLI_EXIT_OK, S_FAIL = CLI_EXIT_INPUT, S_USAGE = CLI_EXIT_USAGE };

#define S_err cli_error
#define S_finish cli_finish_stdout

/* A usage error about arg. */
static int S_usage(const char *cmd, const char *fmt, const char *arg) {
    char msg[512];
    snprintf(msg, sizeof msg, fmt, arg);
    return cli_usage_error(cmd, "%s", msg);
}

/* ------------------------------------------------------------- options */

typedef struct {
    const char *name;  /* "--db" */
    const char **val;  /* receives the value, or NULL for a flag */
    int *flag;         /* set to 1 for a flag */
} S_opt;

typedef struct {
    const char *cmd, *help;
    const S_opt *opts;
    char **rest; /* positional arguments */
    int n_rest;
} S_args;

static const S_opt *S_find(const S_opt *o, const char *name, size_t n) {
    for (; o->name; o++)
        if (strlen(o->name) == n && !strncmp(o->name, name, n)) return o;
    return NULL;
}

/* One option at argv[*i]; advances *i past its value. */
static int S_option(S_args *a, int argc, char **argv, int *i) {
    const char *arg = argv[*i], *eq = strchr(arg, '=');
    const S_opt *o = S_find(a->opts, arg, eq ? (size_t)(eq - arg) : strlen(arg));
    if (!o) return S_usage(a->cmd, "unknown option '%s'", arg);
    if (!o->val) {
        if (eq) return S_usage(a->cmd, "option '%s' takes no value", arg);
        *o->flag = 1;
        return S_OK;
    }
    if (!eq && *i + 1 >= argc) return S_usage(a->cmd, "option '%s' needs a value", arg);
    *o->val = eq ? eq + 1 : argv[++*i];
    return S_OK;
}

/* Parses argv[1..]; returns S_OK, S_USAGE, or -1 after printing --help. */
static int S_parse(S_args *a, int argc, char **argv) {
    a->rest = calloc((size_t)argc + 1, sizeof *a->rest);
    if (!a->rest) return S_FAIL;
    int only_rest = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_rest || arg[0] != '-' || !strcmp(arg, "-")) {
            a->rest[a->n_rest++] = argv[i];
        } else if (!strcmp(arg, "--")) {
            only_rest = 1;
        } else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(a->help, stdout);
            return -1;
        } else {
            int rc = S_option(a, argc, argv, &i);
            if (rc) return rc;
        }
    }
    return S_OK;
}

static int S_int(const char *cmd, const char *opt, const char *s, int *out) {
    if (!s) return S_OK;
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end || v < 1 || v > 1000000)
        return S_usage(cmd, "%s must be a whole number from 1 to 1000000", opt);
    *out = (int)v;
    return S_OK;
}

static int S_date(const char *cmd, const char *s) {
    int y, m, d;
    char tail;
    if (!s) return S_OK;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
        m < 1 || m > 12 || d < 1 || d > 31)
        return S_usage(cmd, "'%s' is not a date (YYYY-MM-DD)", s);
    return S_OK;
}

/* Opens the index or says why not. */
static hearsay_index *S_open(const char *db, unsigned flags) {
    hearsay_index *ix;
    if (hearsay_index_open(db, flags, &ix) == HEARSAY_INDEX_OK) return ix;
    S_err("%s: %s", db, hearsay_index_errmsg(ix));
    hearsay_index_close(ix);
    return NULL;
}

/* --------------------------------------------------------- text tables */

/* Prints s in exactly width columns (one per code point), cut with "…". */
static void S_cell(const char *s, int width) {
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int cols = 0;
    size_t i = 0, cut = 0;
    for (; p[i] && cols <= width; i++) {
        if ((p[i] & 0xC0) == 0x80) continue;
        if (cols == width - 1) cut = i;
        cols++;
    }
    if (cols > width) {
        fwrite(p, 1, cut, stdout);
        fputs("\xE2\x80\xA6", stdout);
        return;
    }
    fwrite(p, 1, i, stdout);
    printf("%*s", width - cols, "");
}

/* Prints text indented, with line breaks turned into spaces. */
static void S_para(const char *indent, const char *text) {
    fputs(indent, stdout);
    for (const char *p = text ? text : ""; *p; p++) putchar(*p == '\n' ? ' ' : *p);
    putchar('\n');
}

/* ---------------------------------------------------------------- index */

static const char S_index_help[] =
    "Usage: hearsay index --db FILE [options] [INPUT...]\n"
    "\n"
    "Adds articles and their attributions to the index FILE (created when\n"
    "missing). INPUT: a file (one article), a folder (every *.txt in it),\n"
    "a JSON Lines corpus (*.jsonl: id, text, date, url, title, outlet) or\n"
    "'-' (standard input, the default). An article already indexed with the\n"
    "same id and text is skipped; one whose text changed is replaced. Each\n"
    "batch of articles is one transaction: after a crash, run the same\n"
    "command again to finish the work.\n"
    "\n"
    "Options:\n"
    "  --db FILE           the index (required)\n"
    "  --batch N           articles per transaction (default 1000)\n"
    "  --jsonl             read every INPUT as JSON Lines\n"
    "  --date YYYY-MM-DD   article date when the input gives none\n"
    "  --max-doc-bytes N   skip larger articles (K, M, G suffixes; default 16M)\n"
    "  -q, --quiet         no summary on standard error\n"
    "  --json              the summary as one JSON object on standard output:\n"
    "                      new, replaced, unchanged, failed, attributions,\n"
    "                      bytes, seconds, interrupted\n";

typedef struct {
    hearsay_index *ix;
    hearsay_doc *d;
    const char *date;
    int batch, in_batch;
    long added, skipped, replaced, failed, attrs;
    double bytes;
} S_run;

static volatile sig_atomic_t S_stop;
static void S_on_signal(int sig) { (void)sig; S_stop = 1; }

static int S_ix_fail(S_run *r, const char *what) {
    S_err("%s: %s", what, hearsay_index_errmsg(r->ix));
    return S_FAIL;
}

/* Commits the batch when it is full (or force), and opens the next. */
static int S_batch_turn(S_run *r, int force) {
    if (!force && r->in_batch < r->batch) return S_OK;
    if (hearsay_index_commit(r->ix)) return S_ix_fail(r, "commit");
    r->in_batch = 0;
    if (!force && hearsay_index_begin(r->ix)) return S_ix_fail(r, "begin");
    return S_OK;
}

/* Extracts and adds one article. A bad article is reported and skipped
 * (return S_OK, r->failed raised); an index failure stops the run. */
static int S_one(S_run *r, const ixi_article *a) {
    int state;
    if (hearsay_index_check(r->ix, a->doc, a->text, a->len, &state))
        return S_ix_fail(r, a->doc);
    if (state == HEARSAY_INDEX_SAME) {
        r->skipped++;
        return S_OK;
    }
    hearsay_options o;
    hearsay_options_init(&o);
    o.date = a->date_ymd ? a->date_ymd : r->date;
    int rc = hearsay_extract(hearsay_model_builtin(), a->text, a->len, &o, r->d);
    if (rc) {
        S_err("%s: %s", a->doc, hearsay_strerror(rc));
        r->failed++;
        return S_OK;
    }
    hearsay_docinfo info = {a->doc, a->url, a->outlet, a->date ? a->date : o.date, a->title};
    if (hearsay_index_add(r->ix, &info, a->text, a->len, r->d)) return S_ix_fail(r, a->doc);
    r->added += state == HEARSAY_INDEX_NEW;
    r->replaced += state == HEARSAY_INDEX_CHANGED;
    r->attrs += (long)hearsay_doc_count(r->d);
    r->bytes += (double)a->len;
    r->in_batch++;
    return S_batch_turn(r, 0);
}

static int S_index_loop(S_run *r, ixi_iter *it) {
    ixi_article a;
    int got;
    if (hearsay_index_begin(r->ix)) return S_ix_fail(r, "begin");
    while (!S_stop && (got = ixi_next(it, &a)) != 0) {
        if (got < 0) {
            S_err("%s", ixi_error(it));
            r->failed++;
            continue;
        }
        if (S_one(r, &a)) return S_FAIL;
    }
    return S_batch_turn(r, 1);
}

static void S_summary(const S_run *r, double secs) {
    fprintf(stderr,
            "hearsay: indexed %ld new, %ld replaced, %ld unchanged, %ld failed;"
            " %ld attributions; %.1f MB in %.2f s (%.0f articles/s, %.2f MB/s)%s\n",
            r->added, r->replaced, r->skipped, r->failed, r->attrs, r->bytes / 1e6,
            secs, secs > 0 ? (r->added + r->replaced) / secs : 0.0,
            secs > 0 ? r->bytes / 1e6 / secs : 0.0,
            S_stop ? " (interrupted: the last batch was committed)" : "");
}

static void S_summary_json(const S_run *r, double secs) {
    printf("{\"new\":%ld,\"replaced\":%ld,\"unchanged\":%ld,\"failed\":%ld,"
           "\"attributions\":%ld,\"bytes\":%.0f,\"seconds\":%.3f,\"interrupted\":%s}\n",
           r->added, r->replaced, r->skipped, r->failed, r->attrs, r->bytes, secs,
           S_stop ? "true" : "false");
}

static double S_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* report: 0 none, 1 a line on standard error, 2 JSON on standard output */
static int S_index_run(const char *db, S_run *r, ixi_iter *it, int report) {
    double t0 = S_now();
    r->ix = S_open(db, HEARSAY_INDEX_CREATE);
    r->d = hearsay_doc_new();
    int rc = (!r->ix || !r->d) ? S_FAIL : S_index_loop(r, it);
    if (!rc && hearsay_index_close(r->ix)) {
        S_err("%s: closing the index failed", db);
        rc = S_FAIL;
    } else if (rc) {
        hearsay_index_close(r->ix); /* rolls back the open batch */
    }
    hearsay_doc_free(r->d);
    if (report == 1 && r->ix) S_summary(r, S_now() - t0);
    if (report == 2 && r->ix) S_summary_json(r, S_now() - t0);
    rc = rc ? rc : r->failed ? S_FAIL : S_OK;
    return report == 2 ? S_finish(rc) : rc;
}

int cmd_index(int argc, char **argv) {
    const char *db = NULL, *batch = NULL, *date = NULL, *maxb = NULL;
    int jsonl = 0, quiet = 0, json = 0;
    const S_opt opts[] = {{"--db", &db, NULL}, {"--batch", &batch, NULL},
                          {"--date", &date, NULL}, {"--max-doc-bytes", &maxb, NULL},
                          {"--jsonl", NULL, &jsonl}, {"--json", NULL, &json},
                          {"--quiet", NULL, &quiet},
                          {"-q", NULL, &quiet}, {NULL, NULL, NULL}};
    S_args a = {"index", S_index_help, opts, NULL, 0};
    S_run r = {.batch = 1000, .date = NULL};
    size_t max = 16 << 20;
    int rc = S_parse(&a, argc, argv);
    if (!rc && !db) rc = S_usage("index", "%s", "--db FILE is required");
    if (!rc) rc = S_int("index", "--batch", batch, &r.batch);
    if (!rc) rc = S_date("index", date);
    if (!rc && maxb && (cli_parse_size(maxb, &max) || max == 0))
        rc = S_usage("index", "bad --max-doc-bytes '%s'", maxb);
    r.date = date;
    ixi_iter *it = rc ? NULL : ixi_new(a.rest, a.n_rest, jsonl, max);
    if (!rc && !it) rc = S_FAIL;
    if (!rc) {
        signal(SIGINT, S_on_signal);
        signal(SIGTERM, S_on_signal);
        rc = S_index_run(db, &r, it, json ? 2 : quiet ? 0 : 1);
    }
    ixi_free(it);
    free(a.rest);
    return rc < 0 ? S_OK : rc;
}

/* --------------------------------------------------------------- search */

static const char S_search_help[] =
    "Usage: hearsay search --db FILE [options] [QUERY...]\n"
    "\n"
    "Finds attributions whose content holds every word of QUERY (a word\n"
    "ending in * matches as a prefix), best match first (bm25); without a\n"
    "QUERY, the newest first.\n"
    "\n"
    "Options:\n"
    "  --db FILE           the index (required)\n"
    "  --speaker NAME      only this speaker (any form of the name: \"Trump\")\n"
    "  --since YYYY-MM-DD  only articles of this date or later\n"
    "  --until YYYY-MM-DD  only articles of this date or earlier\n"
    "  --outlet NAME       only this outlet\n"
    "  --limit N           at most N results (default 20)\n"
    "  --json              one JSON object per line (the fields of\n"
    "                      `extract --format jsonl` plus url, outlet, ...)\n";

typedef struct {
    hearsay_index *ix;
    int json, n;
    int failed;
} S_print;

static int S_print_hit(void *ctx, const hearsay_index_hit *h) {
    S_print *p = ctx;
    p->n++;
    if (p->json) {
        const char *out;
        size_t n;
        if (hearsay_index_hit_json(p->ix, h, &out, &n)) return p->failed = 1;
        fwrite(out, 1, n, stdout);
        putchar('\n');
        return ferror(stdout) ? (p->failed = 1) : 0;
    }
    char who[512];
    snprintf(who, sizeof who, "%s%s%s%s", h->speaker.name ? h->speaker.name : "(unknown)",
             h->speaker.role ? " (" : "", h->speaker.role ? h->speaker.role : "",
             h->speaker.role ? ")" : "");
    printf("%3d  ", p->n);
    S_cell(who, 36);
    fputs("  ", stdout);
    S_cell(h->article_date, 10);
    fputs("  ", stdout);
    S_cell(h->outlet, 14);
    fputs("  ", stdout);
    S_para("", h->doc);
    S_para("     ", h->in_context);
    putchar('\n');
    return ferror(stdout) ? (p->failed = 1) : 0;
}

static int S_search_run(const char *db, const hearsay_index_query *q, int json) {
    hearsay_index *ix = S_open(db, HEARSAY_INDEX_READONLY);
    if (!ix) return S_FAIL;
    S_print p = {ix, json, 0, 0};
    if (!json && isatty(1)) {
        printf("%3s  ", "#");
        S_cell("speaker", 36);
        printf("  %-10s  %-14s  %s\n", "date", "outlet", "article");
    }
    int rc = hearsay_index_search(ix, q, S_print_hit, &p);
    if (rc) S_err("search: %s", hearsay_index_errmsg(ix));
    hearsay_index_close(ix);
    return S_finish(rc || p.failed ? S_FAIL : S_OK);
}

/* The positional words as one query ("wall mexico"), or NULL. */
static char *S_join_words(char **w, int n) {
    if (n == 0) return NULL;
    cli_buf b = {0};
    for (int i = 0; i < n; i++) {
        if (i) cli_buf_puts(&b, " ");
        cli_buf_puts(&b, w[i]);
    }
    return b.p;
}

int cmd_search(int argc, char **argv) {
    const char *db = NULL, *limit = NULL;
    int json = 0;
    hearsay_index_query q;
    hearsay_index_query_init(&q);
    const S_opt opts[] = {{"--db", &db, NULL}, {"--speaker", &q.speaker, NULL},
                          {"--since", &q.since, NULL}, {"--until", &q.until, NULL},
                          {"--outlet", &q.outlet, NULL}, {"--limit", &limit, NULL},
                          {"--json", NULL, &json}, {NULL, NULL, NULL}};
    S_args a = {"search", S_search_help, opts, NULL, 0};
    int rc = S_parse(&a, argc, argv);
    if (!rc && !db) rc = S_usage("search", "%s", "--db FILE is required");
    if (!rc) rc = S_int("search", "--limit", limit, &q.limit);
    if (!rc) rc = S_date("search", q.since);
    if (!rc) rc = S_date("search", q.until);
    char *words = rc ? NULL : S_join_words(a.rest, a.n_rest);
    q.match = words;
    if (!rc) rc = S_search_run(db, &q, json);
    free(words);
    free(a.rest);
    return rc < 0 ? S_OK : rc;
}

/* ------------------------------------------------------------- speakers */

static const char S_speakers_help[] =
    "Usage: hearsay speakers --db FILE [--top N] [--json]\n"
    "\n"
    "The most-quoted speakers: attributions (quotes) and articles quoting\n"
    "them, with the forms of one person's name merged (\"Trump\" into\n"
    "\"Donald Trump\") where the corpus makes it plain.\n"
    "\n"
    "Options:\n"
    "  --db FILE   the index (required)\n"
    "  --top N     the N most quoted (default 20)\n"
    "  --json      one JSON object per line: name, role, is_group, quotes,\n"
    "              articles\n";

static int S_print_speaker(void *ctx, const hearsay_index_speaker *s) {
    S_print *p = ctx;
    p->n++;
    if (p->json) {
        const char *out;
        size_t n;
        if (hearsay_index_speaker_json(p->ix, s, &out, &n)) return p->failed = 1;
        fwrite(out, 1, n, stdout);
        putchar('\n');
    } else {
        printf("%4d  ", p->n);
        S_cell(s->name, 32);
        printf("  %7lld  %8lld  ", s->quotes, s->articles);
        S_para("", s->is_group ? "(group)" : s->role ? s->role : "");
    }
    return ferror(stdout) ? (p->failed = 1) : 0;
}

int cmd_speakers(int argc, char **argv) {
    const char *db = NULL, *top = NULL;
    int json = 0, n_top = 20;
    const S_opt opts[] = {{"--db", &db, NULL}, {"--top", &top, NULL},
                          {"--json", NULL, &json}, {NULL, NULL, NULL}};
    S_args a = {"speakers", S_speakers_help, opts, NULL, 0};
    int rc = S_parse(&a, argc, argv);
    if (!rc && !db) rc = S_usage("speakers", "%s", "--db FILE is required");
    if (!rc) rc = S_int("speakers", "--top", top, &n_top);
    if (!rc && a.n_rest) rc = S_usage("speakers", "unexpected argument '%s'", a.rest[0]);
    hearsay_index *ix = rc ? NULL : S_open(db, HEARSAY_INDEX_READONLY);
    if (!rc && !ix) rc = S_FAIL;
    if (!rc) {
        S_print p = {ix, json, 0, 0};
        if (!json && isatty(1)) {
            printf("%4s  ", "#");
            S_cell("speaker", 32);
            printf("  %7s  %8s  %s\n", "quotes", "articles", "role");
        }
        rc = hearsay_index_speakers(ix, n_top, S_print_speaker, &p);
        if (rc) S_err("speakers: %s", hearsay_index_errmsg(ix));
        rc = S_finish(rc || p.failed ? S_FAIL : S_OK);
    }
    hearsay_index_close(ix);
    free(a.rest);
    return rc < 0 ? S_OK : rc;
}

/* -------------------------------------------------------------- repeats */

static const char S_repeats_help[] =
    "Usage: hearsay repeats --db FILE [--min-articles N] [--limit N] [--json]\n"
    "\n"
    "Quotations printed in several articles, also with small differences\n"
    "(spacing, punctuation, \"any time\"/\"anytime\", a trimmed or extended\n"
    "quote), grouped, most widely printed first; each group starts with its\n"
    "first appearance (earliest article date).\n"
    "\n"
    "Options:\n"
    "  --db FILE          the index (required)\n"
    "  --min-articles N   groups in at least N articles (default 2)\n"
    "  --limit N          at most N groups (default all)\n"
    "  --json             one JSON object per group: articles, quotes,\n"
    "                     first, members (search results)\n";

static void S_print_member(const hearsay_index_hit *h) {
    fputs("       ", stdout);
    S_cell(h->article_date, 10);
    fputs("  ", stdout);
    S_cell(h->outlet, 14);
    fputs("  ", stdout);
    S_cell(h->speaker.name ? h->speaker.name : "(unknown)", 24);
    fputs("  ", stdout);
    S_para("", h->doc);
}

static int S_print_repeat(void *ctx, const hearsay_index_repeat *r) {
    S_print *p = ctx;
    p->n++;
    if (p->json) {
        const char *out;
        size_t n;
        if (hearsay_index_repeat_json(p->ix, r, &out, &n)) return p->failed = 1;
        fwrite(out, 1, n, stdout);
        putchar('\n');
        return ferror(stdout) ? (p->failed = 1) : 0;
    }
    printf("%4d  %zu articles, %zu quotations; first:\n", p->n, r->n_articles, r->n_members);
    S_para("      ", r->members[0].text);
    for (size_t i = 0; i < r->n_members; i++) S_print_member(&r->members[i]);
    putchar('\n');
    return ferror(stdout) ? (p->failed = 1) : 0;
}

int cmd_repeats(int argc, char **argv) {
    const char *db = NULL, *limit = NULL, *min = NULL;
    int json = 0, n_limit = 0, n_min = 2;
    const S_opt opts[] = {{"--db", &db, NULL}, {"--limit", &limit, NULL},
                          {"--min-articles", &min, NULL}, {"--json", NULL, &json},
                          {NULL, NULL, NULL}};
    S_args a = {"repeats", S_repeats_help, opts, NULL, 0};
    int rc = S_parse(&a, argc, argv);
    if (!rc && !db) rc = S_usage("repeats", "%s", "--db FILE is required");
    if (!rc) rc = S_int("repeats", "--limit", limit, &n_limit);
    if (!rc) rc = S_int("repeats", "--min-articles", min, &n_min);
    if (!rc && a.n_rest) rc = S_usage("repeats", "unexpected argument '%s'", a.rest[0]);
    hearsay_index *ix = rc ? NULL : S_open(db, HEARSAY_INDEX_READONLY);
    if (!rc && !ix) rc = S_FAIL;
    if (!rc) {
        S_print p = {ix, json, 0, 0};
        rc = hearsay_index_repeats(ix, n_min, n_limit, S_print_repeat, &p);
        if (rc) S_err("repeats: %s", hearsay_index_errmsg(ix));
        rc = S_finish(rc || p.failed ? S_FAIL : S_OK);
    }
    hearsay_index_close(ix);
    free(a.rest);
    return rc < 0 ? S_OK : rc;
}

/* ---------------------------------------------------------------- stats */

static const char S_stats_help[] =
    "Usage: hearsay stats --db FILE [--json]\n"
    "\n"
    "Counts of articles, attributions, speakers and mentions in the index:\n"
    "the same input indexed any number of times gives the same counts.\n";

int cmd_stats(int argc, char **argv) {
    const char *db = NULL;
    int json = 0;
    const S_opt opts[] = {{"--db", &db, NULL}, {"--json", NULL, &json}, {NULL, NULL, NULL}};
    S_args a = {"stats", S_stats_help, opts, NULL, 0};
    int rc = S_parse(&a, argc, argv);
    if (!rc && !db) rc = S_usage("stats", "%s", "--db FILE is required");
    if (!rc && a.n_rest) rc = S_usage("stats", "unexpected argument '%s'", a.rest[0]);
    hearsay_index *ix = rc ? NULL : S_open(db, HEARSAY_INDEX_READONLY);
    if (!rc && !ix) rc = S_FAIL;
    hearsay_index_stats s;
    const char *out;
    if (!rc && (hearsay_index_get_stats(ix, &s) || hearsay_index_stats_json(ix, &s, &out, NULL))) {
        S_err("stats: %s", hearsay_index_errmsg(ix));
        rc = S_FAIL;
    }
    if (!rc && json) puts(out);
    else if (!rc)
        printf("articles      %lld\nattributions  %lld\nspeakers      %lld\nmentions      %lld\n",
               s.articles, s.attributions, s.speakers, s.mentions);
    if (!rc) rc = S_finish(S_OK);
    hearsay_index_close(ix);
    free(a.rest);
    return rc < 0 ? S_OK : rc;
}
