/*
 * fuzz_extract.c -- libFuzzer harness for hearsay_extract() and
 * hearsay_render() in every format.
 *
 * Input layout: byte 0 chooses the options, the rest is the article.
 *   bit 0     HEARSAY_OPT_KEEP_DEBRIS_QUOTES
 *   bits 1-2  max_doc_bytes: default / exactly the length / one less / 0
 *   bit 3     options.date = "2021-09-01"
 *   bit 4     options.date = the first 10 bytes of the article (any bytes)
 *   bit 5     docinfo fields (doc, url, outlet, date, title) taken from the
 *             article's first bytes (quotes, backslashes, invalid UTF-8)
 *
 * The oracle (tests/unit/invariants.h, shared with the regression replay):
 * the status is what the size allows; every span, offset, entity index and
 * date holds; the JSON Lines output is valid, one object per attribution;
 * every output is valid UTF-8 and brat lines are well formed;
 * a reused doc gives byte-for-byte the output of a fresh one. Any breach
 * aborts, so libFuzzer saves the input.
 */
#include "hearsay.h"
#include "invariants.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The replay test (tests/unit/test_fuzz_regress.c) defines this to
 * report the breach and go on with the next input. */
#ifndef HS_FUZZ_FAIL
#define HS_FUZZ_FAIL() abort()
#endif

#define S_CHECK(cond, msg)                                                  \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "fuzz_extract: %s\n", (msg));                   \
            HS_FUZZ_FAIL();                                                 \
        }                                                                   \
    } while (0)

typedef struct {
    hearsay_options o;
    hearsay_docinfo info;
    const char *text;
    size_t len;
    char date[11];
    char field[24];
} S_case;

static void S_derive(const uint8_t *data, size_t size, S_case *c) {
    unsigned ctl = size ? data[0] : 0;
    memset(c, 0, sizeof *c);
    c->text = size ? (const char *)data + 1 : "";
    c->len = size ? size - 1 : 0;
    hearsay_options_init(&c->o);
    if (ctl & 1) c->o.flags |= HEARSAY_OPT_KEEP_DEBRIS_QUOTES;
    switch ((ctl >> 1) & 3) {
    case 1: c->o.max_doc_bytes = c->len; break;
    case 2: c->o.max_doc_bytes = c->len ? c->len - 1 : 0; break;
    case 3: c->o.max_doc_bytes = 0; break;
    }
    if (ctl & 8) c->o.date = "2021-09-01";
    if ((ctl & 16) && c->len >= 10) {
        memcpy(c->date, c->text, 10);
        c->o.date = c->date;
    }
    if (ctl & 32) {
        size_t n = c->len < sizeof c->field - 1 ? c->len : sizeof c->field - 1;
        memcpy(c->field, c->text, n);
        c->info.doc = c->info.url = c->info.outlet = c->info.date = c->info.title = c->field;
    }
}

/* Renders d in every format; returns the JSON Lines copy (caller frees). */
static char *S_render_all(hearsay_doc *d, const S_case *c, size_t *jsonl_len) {
    char *jsonl = NULL;
    for (int f = HEARSAY_FORMAT_JSONL; f <= HEARSAY_FORMAT_HTML; f++) {
        const char *out = NULL;
        size_t n = 0;
        int rc = hearsay_render(d, (hearsay_format)f, c->text, c->len, &c->info, &out, &n);
        if (f == HEARSAY_FORMAT_HTML && rc == HEARSAY_EINVAL) continue; /* not built yet */
        S_CHECK(rc == HEARSAY_OK, "hearsay_render failed");
        S_CHECK(out != NULL, "hearsay_render gave NULL output");
        S_CHECK(f != HEARSAY_FORMAT_TEXT || n > 0, "text output is empty");
        const char *why = f == HEARSAY_FORMAT_BRAT ? hs_inv_brat(out, n, hearsay_doc_length(d))
                                                   : hs_inv_utf8(out, n);
        S_CHECK(!why, why);
        if (f != HEARSAY_FORMAT_JSONL) continue;
        why = hs_inv_jsonl(out, n, hearsay_doc_count(d));
        if (why) fprintf(stderr, "%.*s\n", (int)(n < 4000 ? n : 4000), out);
        S_CHECK(!why, why);
        jsonl = malloc(n + 1);
        S_CHECK(jsonl != NULL, "out of memory");
        memcpy(jsonl, out, n);
        *jsonl_len = n;
    }
    return jsonl;
}

static hearsay_doc *S_reused;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    S_case c;
    S_derive(data, size, &c);
    if (!S_reused) S_reused = hearsay_doc_new();
    hearsay_doc *fresh = hearsay_doc_new();
    S_CHECK(S_reused && fresh, "hearsay_doc_new failed");
    const hearsay_model *m = hearsay_model_builtin();
    int rc = hearsay_extract(m, c.text, c.len, &c.o, S_reused);
    int rc2 = hearsay_extract(m, c.text, c.len, &c.o, fresh);
    int want = c.len > c.o.max_doc_bytes ? HEARSAY_ETOOBIG : HEARSAY_OK;
    S_CHECK(rc == want && rc2 == want, "hearsay_extract status is not what the size allows");
    if (rc == HEARSAY_ETOOBIG) {
        S_CHECK(hearsay_doc_count(S_reused) == 0, "a refused document left attributions");
        hearsay_doc_free(fresh);
        return 0;
    }
    const char *why = hs_inv_doc(S_reused, c.text, c.len);
    S_CHECK(!why, why);
    size_t n1 = 0, n2 = 0;
    char *j1 = S_render_all(S_reused, &c, &n1);
    char *j2 = S_render_all(fresh, &c, &n2);
    S_CHECK(n1 == n2 && !memcmp(j1, j2, n1), "a reused doc and a fresh doc disagree");
    free(j1);
    free(j2);
    hearsay_doc_free(fresh);
    return 0;
}
