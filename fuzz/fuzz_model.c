/*
 * fuzz_model.c -- libFuzzer harness for hearsay_model_load(): the input is
 * a model file's bytes (written by `make model`; magic, version, cue words,
 * weights). A file the loader refuses must give HEARSAY_EFORMAT (or
 * ENOMEM) and no model; a model it accepts (any weights: NaN, infinities,
 * huge) must then extract an article under the shared oracle
 * (tests/unit/invariants.h) and free cleanly.
 */
#include "hearsay.h"
#include "invariants.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* The replay test (tests/unit/test_fuzz_regress.c) defines this to report
 * the breach and go on with the next input. */
#ifndef HS_FUZZ_FAIL
#define HS_FUZZ_FAIL() abort()
#endif

static void S_model_die(const char *why) {
    fprintf(stderr, "fuzz_model: %s\n", why);
    HS_FUZZ_FAIL();
}

static const char S_article[] =
    "\xE2\x80\x9CWe will not go back,\xE2\x80\x9D White House chief of staff Ron Klain told host "
    "Mehdi Hasan on Tuesday. \xE2\x80\x9CNever.\xE2\x80\x9D\n"
    "Officials said that the plan was sound, according to two aides who cast doubt on it.\n"
    "Klain: \"It is done.\" He added that they would stay.\n";

static void S_use(const hearsay_model *m) {
    hearsay_doc *d = hearsay_doc_new();
    if (!d) S_model_die("hearsay_doc_new failed");
    size_t len = sizeof S_article - 1;
    if (hearsay_extract(m, S_article, len, NULL, d) != HEARSAY_OK) S_model_die("extract failed with a loaded model");
    const char *why = hs_inv_doc(d, S_article, len), *out;
    size_t n;
    if (why) S_model_die(why);
    if (hearsay_render(d, HEARSAY_FORMAT_JSONL, S_article, len, NULL, &out, &n)) S_model_die("render failed");
    if ((why = hs_inv_jsonl(out, n, hearsay_doc_count(d)))) S_model_die(why);
    hearsay_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int fd = memfd_create("model", 0);
    if (fd < 0) return 0;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    hearsay_model *m = (hearsay_model *)1;
    int rc = hearsay_model_load(path, &m);
    close(fd);
    if (rc == HEARSAY_OK) {
        if (!m) S_model_die("HEARSAY_OK without a model");
        S_use(m);
        hearsay_model_free(m);
    } else if ((rc != HEARSAY_EFORMAT && rc != HEARSAY_ENOMEM) || m) {
        S_model_die("a refused model file: wrong status, or a model anyway");
    }
    return 0;
}
