/*
 * test_fuzz_regress.c -- replays every stored fuzzer input through the
 * fuzzer's own code and oracle (cf. SQLite's fuzzcheck).
 *
 * tests/regress/extract/NAME  inputs for fuzz/fuzz_extract.c (byte 0 = options)
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
#include "../../fuzz/fuzz_extract.c"

#include "harness.h"

static unsigned char *S_slurp(const char *path, size_t *len) {
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
static void S_replay(const char *path) {
    size_t len = 0;
    unsigned char *buf = S_slurp(path, &len);
    hs_t_name = path;
    hs_t_cur_failed = 0;
    if (!buf) {
        FAILF("cannot read %s", path);
    } else {
        unsigned char *exact = malloc(len ? len : 1);
        memcpy(exact, buf, len);
        free(buf);
        if (setjmp(S_jb) == 0) LLVMFuzzerTestOneInput(exact, len);
        else FAILF("harness check failed on %s", path);
        free(exact);
    }
    if (hs_t_cur_failed) hs_t_fail++;
    else hs_t_pass++;
}

static int S_replay_dir(const char *dir) {
    DIR *dh = opendir(dir);
    if (!dh) return -1;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dh))) {
        if (e->d_name[0] == '.') continue;
        char path[4096 + 320];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        S_replay(path);
        n++;
    }
    closedir(dh);
    return n;
}

int main(void) {
    const char *root = getenv("HS_REGRESS_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/extract", root ? root : "tests/regress");
    hs_t_name = "regress-dir";
    int n = S_replay_dir(dir);
    if (n <= 0) {
        hs_t_cur_failed = 0;
        FAILF("no inputs in %s", dir);
        hs_t_fail++;
    }
    hearsay_doc_free(S_reused);
    S_reused = NULL;
    return DONE();
}
