/*
 * ctxdump.c -- development tool: runs the tokenizer and the context stage
 * over files and prints what it set aside, one line per
 * debris paragraph:  FILE <TAB> byte_b <TAB> byte_e <TAB> kind <TAB>
 * author <TAB> handle <TAB> date, and FILE <TAB> date <TAB> YYYY-MM-DD when
 * it found the article's date. scripts/ctx_eval.py reads this.
 *
 *   cc -Iinclude -Isrc scripts/ctxdump.c build/libhearsay.a -o build/ctxdump
 */
#include <stdio.h>

#include "hearsay_int.h"

static char *S_slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *p = malloc(cap + 1);
    while (p) {
        len += fread(p + len, 1, cap - len, f);
        if (len < cap) break;
        char *q = realloc(p, cap * 2 + 1);
        if (!q) { free(p); p = NULL; break; }
        p = q;
        cap *= 2;
    }
    if (ferror(f)) { free(p); p = NULL; }
    fclose(f);
    if (p) p[len] = 0;
    *n = len;
    return p;
}

static const char *S_or(const hearsay_doc *d, int32_t off) {
    const char *s = hs_doc_strp(d, off);
    return s ? s : "";
}

int main(int argc, char **argv) {
    int status = 0;
    for (int a = 1; a < argc; a++) {
        size_t n;
        char *text = S_slurp(argv[a], &n);
        hearsay_doc *d = text ? hearsay_doc_new() : NULL;
        if (d) {
            d->text = text;
            d->len = n;
            d->model = hearsay_model_builtin();
        }
        if (!d || hs_tok_run(d) || hs_ctx_run(d)) {
            fprintf(stderr, "ctxdump: %s: failed\n", argv[a]);
            status = 1;
        } else {
            for (size_t i = 0; i < d->debris_raw.n; i++) {
                const hs_debris_raw *r = &d->debris_raw.v[i];
                printf("%s\t%u\t%u\t%s\t%s\t%s\t%s\n", argv[a], r->b, r->e, r->kind,
                       S_or(d, r->author), S_or(d, r->handle), S_or(d, r->date));
            }
            if (d->date[0]) printf("%s\tdate\t%s\n", argv[a], d->date);
        }
        hearsay_doc_free(d);
        free(text);
    }
    return status;
}
