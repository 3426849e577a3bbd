/*
 * extract.c -- `hearsay extract`: options, then documents from input.c
 * through the pipeline to standard output or --out-dir.
 */
#include "cli.h"
#include "input.h"
#include "output.h"
#include "pipeline.h"
#include "progress.h"

#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help_text[] =
    "Usage: hearsay extract [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Finds every attribution (quotation or reported speech, with its "
    "speaker)\nin each article. A FILE is one article (NAME.txt, also "
    ".txt.gz, .txt.zst),\nor a JSON Lines corpus when named *.jsonl or "
    "*.ndjson (also compressed);\na DIR means every *.txt below it; - or "
    "nothing reads standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format FMT      jsonl, brat, text or html (default: text on a\n"
    "                        terminal, jsonl otherwise)\n"
    "  -o, --out-dir DIR     write DIR/NAME.ann (brat), .jsonl, .txt or "
    ".html\n"
    "                        per document instead of standard output; NAME "
    "is\n"
    "                        a FILE's name without its folders, a path "
    "below\n"
    "                        a DIR, or a JSON id (never leaving DIR)\n"
    "      --keep-debris     keep quotations found in page debris\n"
    "\n"
    "Input:\n"
    "      --doc NAME        document name for standard input (default -)\n"
    "      --jsonl           read standard input and files as JSON Lines\n"
    "      --id-field F      JSON field naming the document (default id)\n"
    "      --text-field F    JSON field holding the text (default text)\n"
    "      --date YYYY-MM-DD the articles' date (a JSON \"date\" field wins)\n"
    "      --max-doc-bytes N skip documents larger than N bytes (K, M, G\n"
    "                        suffixes; default 16M)\n"
    "\n"
    "Scale:\n"
    "  -j, --threads N       worker threads (default: all cores); output is\n"
    "                        the same for any N\n"
    "      --shard K/N       only documents i (0-based, in input order "
    "across\n"
    "                        all inputs) with i % N == K-1\n"
    "  -q, --quiet           no progress line (shown only on a terminal)\n"
    "\n"
    "Exit status: 0 success; 1 some input could not be processed (each "
    "named\non standard error, the run goes on) or output could not be "
    "written (the\nrun stops); 2 usage error. See docs/CLI.md.\n";

typedef struct {
    pl_config pl;
    in_config in;
    int format_set, threads, quiet;
    unsigned shard_k, shard_n;
    const char *out_dir;
} ex_opts;

/* State of a run, seen by the emit callback. */
typedef struct {
    const ex_opts *o;
    in_iter *it;
    prog_state prog;
    int failed;
} ex_run;

enum {
    OPT_DOC = 256, OPT_JSONL, OPT_ID_FIELD, OPT_TEXT_FIELD, OPT_DATE,
    OPT_MAX_DOC, OPT_SHARD, OPT_KEEP_DEBRIS
};

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"out-dir", required_argument, NULL, 'o'},
    {"keep-debris", no_argument, NULL, OPT_KEEP_DEBRIS},
    {"doc", required_argument, NULL, OPT_DOC},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"date", required_argument, NULL, OPT_DATE},
    {"max-doc-bytes", required_argument, NULL, OPT_MAX_DOC},
    {"threads", required_argument, NULL, 'j'},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static const char *const format_names[] = {"jsonl", "brat", "text", "html"};
static const char *const format_ext[] = {".jsonl", ".ann", ".txt", ".html"};

static int S_parse_format(const char *s, hearsay_format *f)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, format_names[i]) == 0) {
            *f = (hearsay_format)i;
            return 0;
        }
    return -1;
}

static int S_parse_date(const char *s)
{
    return cli_date_prefix(s) && s[10] == '\0' ? 0 : -1;
}

static int S_parse_shard(const char *s, unsigned *k, unsigned *n)
{
    char tail;
    if (sscanf(s, "%u/%u%c", k, n, &tail) != 2 || *n == 0 || *k == 0 ||
        *k > *n)
        return -1;
    return 0;
}

static int S_parse_threads(const char *s, int *out)
{
    size_t v;
    if (cli_parse_size(s, &v) < 0 || v < 1 || v > 1024)
        return -1;
    *out = (int)v;
    return 0;
}

static int S_default_threads(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void S_defaults(ex_opts *o)
{
    memset(o, 0, sizeof *o);
    o->pl.model = hearsay_model_builtin();
    hearsay_options_init(&o->pl.opts);
    o->pl.json.id_field = "id";
    o->pl.json.text_field = "text";
    o->in.max_doc_bytes = o->pl.opts.max_doc_bytes;
    o->threads = 0;
    o->shard_k = o->shard_n = 1;
}

/* Applies one option. 0, -1 for a bad value, 1 for --help. */
static int S_option(ex_opts *o, int c, const char *arg)
{
    switch (c) {
    case 'f': o->format_set = 1; return S_parse_format(arg, &o->pl.format);
    case 'o': o->out_dir = arg; return 0;
    case OPT_KEEP_DEBRIS:
        o->pl.opts.flags |= HEARSAY_OPT_KEEP_DEBRIS_QUOTES;
        return 0;
    case OPT_DOC: o->in.stdin_name = arg; return 0;
    case OPT_JSONL: o->in.force_jsonl = 1; return 0;
    case OPT_ID_FIELD: o->pl.json.id_field = arg; return 0;
    case OPT_TEXT_FIELD: o->pl.json.text_field = arg; return 0;
    case OPT_DATE: o->pl.opts.date = arg; return S_parse_date(arg);
    case OPT_MAX_DOC:
        if (cli_parse_size(arg, &o->in.max_doc_bytes) < 0)
            return -1;
        o->pl.opts.max_doc_bytes = o->in.max_doc_bytes;
        return 0;
    case 'j': return S_parse_threads(arg, &o->threads);
    case OPT_SHARD: return S_parse_shard(arg, &o->shard_k, &o->shard_n);
    case 'q': o->quiet = 1; return 0;
    case 'h': return 1;
    default: return -1;
    }
}

static const char *S_opt_name(int c)
{
    for (const struct option *o = long_opts; o->name; o++)
        if (o->val == c)
            return o->name;
    return "?";
}

/* Parses argv; returns -1 when the run may go on (*rest is the index of
 * the first input), else an exit code (--help, usage error). */
static int S_parse_args(int argc, char **argv, ex_opts *o, int *rest)
{
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "f:o:j:qh", long_opts, NULL)) != -1) {
        if (c == '?' && optopt)
            return cli_usage_error("extract", "bad option '-%c'", optopt);
        if (c == '?')
            return cli_usage_error("extract", "bad option '%s'",
                                   argv[optind - 1]);
        int rc = S_option(o, c, optarg);
        if (rc > 0)
            return cli_print_help(help_text);
        if (rc < 0)
            return cli_usage_error("extract", "bad value '%s' for --%s",
                                   optarg, S_opt_name(c));
    }
    if (!o->format_set)
        o->pl.format = isatty(STDOUT_FILENO) ? HEARSAY_FORMAT_TEXT
                                             : HEARSAY_FORMAT_JSONL;
    if (o->threads == 0)
        o->threads = S_default_threads();
    *rest = optind;
    return -1;
}

/* ---------------------------------------------------------------- run */

static int S_emit(void *ctx, pl_job *j)
{
    ex_run *r = ctx;
    int rc = 0;
    if (j->msg.n)
        fwrite(j->msg.p, 1, j->msg.n, stderr);
    r->failed |= j->failed;
    if (!j->failed && r->o->out_dir)
        rc = out_file(r->o->out_dir, j->name.p + j->out_base,
                      format_ext[r->o->pl.format],
                      j->out.p, j->out.n);
    else if (!j->failed)
        rc = out_stdout(j->out.p, j->out.n);
    if (j->kind != PL_NOTE)
        prog_doc(&r->prog, j->in.n, j->n_attr, in_bytes_read(r->it),
                 in_total_bytes(r->it));
    return rc;
}

/* Feeds every document of this shard to the pipeline. */
static void S_feed(ex_run *r, pl_pipeline *p)
{
    uint64_t index = 0;
    pl_job *j;
    int is_doc;
    while ((j = pl_next(p)) != NULL) {
        do {
            if (!in_next(r->it, j, &is_doc))
                return;
            if (!is_doc || index++ % r->o->shard_n == r->o->shard_k - 1)
                break;
            pl_clear(j); /* another shard's document */
        } while (1);
        pl_submit(p, j);
    }
}

static int S_run(const ex_opts *o, char **inputs, int n)
{
    ex_run r = {o, in_new(inputs, n, &o->in), {0}, 0};
    prog_init(&r.prog, !o->quiet && isatty(STDERR_FILENO));
    pl_pipeline *p = pl_new(&o->pl, o->threads, S_emit, &r);
    int stopped = 1;
    if (p) {
        S_feed(&r, p);
        stopped = pl_finish(p) < 0;
    }
    prog_end(&r.prog);
    in_free(r.it);
    if (stopped || r.failed)
        return cli_finish_stdout(CLI_EXIT_INPUT);
    return cli_finish_stdout(CLI_EXIT_OK);
}

int cmd_extract(int argc, char **argv)
{
    ex_opts o;
    int rest = 0;
    S_defaults(&o);
    int rc = S_parse_args(argc, argv, &o, &rest);
    if (rc >= 0)
        return rc;
    return S_run(&o, argv + rest, argc - rest);
}
