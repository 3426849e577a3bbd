/*
 * test_fuzz_regress.c -- replays every stored fuzzer input through the
 * fuzzer's own code and oracle (cf. SQLite's fuzzcheck).
 *
 * tests/regress/extract/NAME  inputs for fuzz/fuzz_extract.c (byte 0 = options)
 * tests/regress/jsonl/NAME    inputs for fuzz/fuzz_jsonl.c (a file's bytes)
 * tests/regress/model/NAME    inputs for fuzz/fuzz_model.c (a model file)
 *
 * Each file is one test: it passes when the harness's checks all hold. Add
 * a fuzzer's finding here (named for what it found) once it is fixed.
 * HS_REGRESS_DIR overrides the folder (default tests/regress).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf S_jb;
#define HS_FUZZ_FAIL() longjmp(S_jb, 1)
/* all harnesses in one program, each under its own name */
#define LLVMFuzzerTestOneInput S_fuzz_extract
#include "../../fuzz/fuzz_extract.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_fuzz_jsonl
#include "../../fuzz/fuzz_jsonl.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_fuzz_model
#include "../../fuzz/fuzz_model.c"
#undef LLVMFuzzerTestOneInput

typedef int (*S_target)(const uint8_t *data, size_t size);

#include "harness.h"

static unsigned char *S_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0, k;
    unsigned char *p = malloc(cap);
    while (p && (k = fread(p + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            unsigned char *q = realloc(p, cap *= 2);
            if (!q) free(p);
            p = q;
        }
    }
    fclose(f);
    *len = n;
    return p;
}

/* One stored input: read it into a buffer of exactly its size (so ASan
 * sees overreads) and run the harness on it. */
static void S_replay(const char *path, S_target target) {
    size_t len = 0;
    unsigned char *buf = S_read_file(path, &len);
    hs_t_name = path;
    hs_t_cur_failed = 0;
    if (!buf) {
        FAILF("cannot read %s", path);
    } else {
        unsigned char *exact = malloc(len ? len : 1);
        memcpy(exact, buf, len);
        free(buf);
        if (setjmp(S_jb) == 0) target(exact, len);
        else FAILF("harness check failed on %s", path);
        free(exact);
    }
    if (hs_t_cur_failed) hs_t_fail++;
    else hs_t_pass++;
}

static int S_replay_dir(const char *dir, S_target target) {
    DIR *dh = opendir(dir);
    if (!dh) return -1;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dh))) {
        if (e->d_name[0] == '.') continue;
        char path[4096 + 320];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        S_replay(path, target);
        n++;
    }
    closedir(dh);
    return n;
}

/* Replays root/name/ through target; it must hold at least one input. */
static void S_suite(const char *root, const char *name, S_target target) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    hs_t_name = name;
    if (S_replay_dir(dir, target) <= 0) {
        hs_t_cur_failed = 0;
        FAILF("no inputs in %s", dir);
        hs_t_fail++;
    }
}

int main(void) {
    const char *root = getenv("HS_REGRESS_DIR");
    if (!root) root = "tests/regress";
    S_suite(root, "extract", S_fuzz_extract);
    S_suite(root, "jsonl", S_fuzz_jsonl);
    S_suite(root, "model", S_fuzz_model);
    hearsay_doc_free(S_reused);
    S_reused = NULL;
    return DONE();
}
