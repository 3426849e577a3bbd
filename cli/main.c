/*
 * main.c -- the hearsay command (minimal driver; the full CLI lands from
 * the cli branch).
 */
#include "hearsay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *S_read(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    for (;;) {
        if (n == cap) p = realloc(p, cap *= 2);
        size_t k = fread(p + n, 1, cap - n, f);
        if (!k) break;
        n += k;
    }
    if (f != stdin) fclose(f);
    *len = n;
    return p;
}

int main(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "extract")) {
        fprintf(stderr, "usage: hearsay extract [--format jsonl|brat|text] [--out-dir DIR] FILE...\n");
        return 2;
    }
    hearsay_format fmt = HEARSAY_FORMAT_TEXT;
    const char *outdir = NULL, *date = NULL;
    int rc = 0, i = 2;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            fmt = !strcmp(f, "jsonl") ? HEARSAY_FORMAT_JSONL : !strcmp(f, "brat") ? HEARSAY_FORMAT_BRAT : !strcmp(f, "html") ? HEARSAY_FORMAT_HTML : HEARSAY_FORMAT_TEXT;
        } else if (!strcmp(argv[i], "--out-dir") && i + 1 < argc) outdir = argv[++i];
        else if (!strcmp(argv[i], "--date") && i + 1 < argc) date = argv[++i];
    }
    hearsay_doc *d = hearsay_doc_new();
    hearsay_options o;
    hearsay_options_init(&o);
    o.date = date;
    for (; i < argc; i++) {
        size_t len;
        char *text = S_read(argv[i], &len);
        if (!text) { fprintf(stderr, "hearsay: %s: cannot read\n", argv[i]); rc = 1; continue; }
        char name[4096];
        snprintf(name, sizeof name, "%s", argv[i]);
        size_t nl = strlen(name);
        if (nl > 4 && !strcmp(name + nl - 4, ".txt")) name[nl - 4] = 0;
        hearsay_docinfo info = {name, NULL, NULL, NULL, NULL};
        const char *out; size_t olen;
        if (hearsay_extract(hearsay_model_builtin(), text, len, &o, d) ||
            hearsay_render(d, fmt, text, len, &info, &out, &olen)) { rc = 1; free(text); continue; }
        FILE *f = stdout;
        if (outdir && fmt == HEARSAY_FORMAT_BRAT) {
            const char *base = strrchr(name, '/');
            char path[8192];
            snprintf(path, sizeof path, "%s/%s.ann", outdir, base ? base + 1 : name);
            f = fopen(path, "wb");
            if (!f) { rc = 1; free(text); continue; }
        }
        fwrite(out, 1, olen, f);
        if (f != stdout) fclose(f);
        free(text);
    }
    hearsay_doc_free(d);
    return rc;
}
