/*
 * fuzz_jsonl.c -- libFuzzer harness for the command's JSON Lines reader:
 * the input is a file's bytes (plain, or gzip / zstd when it starts with
 * their magic), read through cli/reader.c line by line with a small line
 * limit and whole with a small size limit, and every line parsed by
 * cli/jsonl.c into an article's fields. Each article parsed goes on to
 * hearsay_extract() and the JSON Lines renderer, as the command sends it,
 * under the oracle of fuzz_extract.c (tests/unit/invariants.h).
 *
 *   make fuzz-jsonl                      # build and run for FUZZ_SECONDS
 *   build-fuzz/fuzz_jsonl -max_total_time=60 CORPUS_DIR SEEDS_DIR
 */
#include "../cli/jsonl.c"
#include "../cli/reader.c"
#include "../cli/util.c"

#include "hearsay.h"
#include "invariants.h"

#include <stdint.h>
#include <sys/mman.h>

static const jl_config config = {"id", "text"};

/* A file holding data, as a path the reader can open; -1 on failure. */
static int S_memfile(const uint8_t *data, size_t size, char path[64])
{
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return -1;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return -1;
    }
    snprintf(path, 64, "/proc/self/fd/%d", fd);
    return fd;
}

/* Touches every field, so the sanitizers see any bad pointer. */
static size_t S_touch(const jl_doc *d)
{
    size_t h = d->text_len;
    for (size_t i = 0; i < d->text_len; i++)
        h = h * 31 + (unsigned char)d->text[i];
    const char *f[] = {d->id, d->date, d->url, d->title, d->outlet};
    for (int i = 0; i < 5; i++)
        h += f[i] ? strlen(f[i]) : 0;
    return h;
}

/* The replay test (tests/unit/test_fuzz_regress.c) defines this to
 * report the breach and go on with the next input. */
#ifndef HS_FUZZ_FAIL
#define HS_FUZZ_FAIL() abort()
#endif

static void S_die(const char *why)
{
    fprintf(stderr, "fuzz_jsonl: %s\n", why);
    HS_FUZZ_FAIL();
}

/* The article through the library, with its fields as the docinfo. */
static void S_extract(const jl_doc *jd)
{
    static hearsay_doc *doc;
    if (!doc && !(doc = hearsay_doc_new()))
        S_die("hearsay_doc_new failed");
    hearsay_options o;
    hearsay_options_init(&o);
    o.date = jd->date;
    if (hearsay_extract(NULL, jd->text, jd->text_len, &o, doc) != HEARSAY_OK)
        S_die("hearsay_extract failed on a parsed article");
    const char *why = hs_inv_doc(doc, jd->text, jd->text_len);
    if (why)
        S_die(why);
    hearsay_docinfo info = {jd->id, jd->url, jd->outlet, jd->date, jd->title};
    const char *out;
    size_t n;
    if (hearsay_render(doc, HEARSAY_FORMAT_JSONL, jd->text, jd->text_len, &info, &out, &n))
        S_die("hearsay_render failed");
    if ((why = hs_inv_jsonl(out, n, hearsay_doc_count(doc))))
        S_die(why);
}

static void S_lines(const char *path, json_tokener *tok)
{
    rd_stream *s = rd_open(path);
    if (!s)
        return;
    cli_buf line = {0}, err = {0};
    uint64_t too_long;
    int complete;
    volatile size_t sink = 0;
    while (rd_getline(s, &line, 4096, &too_long, &complete) > 0) {
        jl_doc d;
        err.n = 0;
        if (!too_long && jl_parse(tok, &config, line.p ? line.p : "", line.n,
                                  &d, &err) == 0) {
            sink += S_touch(&d);
            if (!d.text)
                S_die("jl_parse succeeded without a text");
            S_extract(&d);
            jl_release(&d);
        }
        line.n = 0;
    }
    (void)sink;
    rd_close(s);
    cli_buf_free(&line);
    cli_buf_free(&err);
}

static void S_slurp(const char *path)
{
    rd_stream *s = rd_open(path);
    if (!s)
        return;
    cli_buf all = {0};
    int too_long;
    if (rd_slurp(s, &all, 1 << 16, &too_long) == 0 && all.n > (1 << 16))
        S_die("rd_slurp went over its limit");
    rd_close(s);
    cli_buf_free(&all);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static json_tokener *tok;
    if (!tok)
        tok = jl_tokener_new();
    char path[64];
    int fd = S_memfile(data, size, path);
    if (fd < 0)
        return 0;
    S_lines(path, tok);
    S_slurp(path);
    close(fd);
    return 0;
}
