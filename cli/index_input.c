/*
 * index_input.c -- see index_input.h. A thin adapter: input.c finds and
 * reads the documents into a pipeline job, jsonl.c parses JSON lines.
 */
#include "index_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "jsonl.h"

struct ixi_iter {
    in_iter *in;
    in_config cfg;
    pl_job job;
    json_tokener *tok;
    jl_config jcfg;
    jl_doc doc; /* the current JSON line's fields, or zeroed */
    char date[11];
    cli_buf err;
};

ixi_iter *ixi_new(char **args, int n, int force_jsonl, size_t max_doc_bytes) {
    ixi_iter *it = calloc(1, sizeof *it);
    if (!it) return NULL;
    it->cfg = (in_config){NULL, force_jsonl, max_doc_bytes};
    it->jcfg = (jl_config){"id", "text"};
    it->in = in_new(args, n, &it->cfg);
    it->tok = jl_tokener_new();
    if (!it->in || !it->tok) {
        ixi_free(it);
        return NULL;
    }
    return it;
}

void ixi_free(ixi_iter *it) {
    if (!it) return;
    jl_release(&it->doc);
    in_free(it->in);
    if (it->tok) json_tokener_free(it->tok);
    pl_clear(&it->job);
    cli_buf_free(&it->job.in), cli_buf_free(&it->job.name);
    cli_buf_free(&it->job.out), cli_buf_free(&it->job.msg);
    cli_buf_free(&it->err);
    free(it);
}

const char *ixi_error(const ixi_iter *it) { return it->err.p ? it->err.p : ""; }

/* The job's messages as the error, without "hearsay: " and the newline. */
static int S_fail_msg(ixi_iter *it) {
    const char *m = it->job.msg.p ? it->job.msg.p : "cannot be read";
    if (!strncmp(m, "hearsay: ", 9)) m += 9;
    cli_buf_reset(&it->err, 4096);
    cli_buf_add(&it->err, m, strcspn(m, "\n"));
    return -1;
}

/* The "YYYY-MM-DD" prefix of s, or NULL. */
static const char *S_ymd(const char *s, char out[11]) {
    static const char shape[] = "dddd-dd-dd";
    for (int i = 0; s && i < 10; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-') return NULL;
    if (!s) return NULL;
    memcpy(out, s, 10);
    out[10] = '\0';
    return out;
}

static int S_json(ixi_iter *it, ixi_article *a) {
    pl_job *j = &it->job;
    cli_buf_reset(&it->err, 4096);
    if (jl_parse(it->tok, &it->jcfg, j->in.p, j->in.n, &it->doc, &it->err) < 0) {
        cli_buf e = {0};
        cli_buf_printf(&e, "%s:%llu: %s", j->file, (unsigned long long)j->line,
                       it->err.p ? it->err.p : "invalid JSON");
        cli_buf_free(&it->err);
        it->err = e;
        return -1;
    }
    if (it->doc.id) cli_buf_puts(&j->name, it->doc.id);
    else cli_buf_printf(&j->name, "%s:%llu", j->file, (unsigned long long)j->line);
    *a = (ixi_article){j->name.p, it->doc.text, it->doc.date, S_ymd(it->doc.date, it->date),
                       it->doc.url, it->doc.title, it->doc.outlet, it->doc.text_len};
    return 1;
}

int ixi_next(ixi_iter *it, ixi_article *a) {
    jl_release(&it->doc);
    memset(&it->doc, 0, sizeof it->doc);
    pl_clear(&it->job);
    int is_doc;
    if (!in_next(it->in, &it->job, &is_doc)) return 0;
    if (it->job.kind == PL_NOTE || it->job.failed) return S_fail_msg(it);
    if (it->job.kind == PL_JSON) return S_json(it, a);
    *a = (ixi_article){it->job.name.p, it->job.in.p ? it->job.in.p : "", NULL, NULL,
                       NULL, NULL, NULL, it->job.in.n};
    return 1;
}
