/*
 * pipeline.c -- worker threads and the in-order ring of jobs. See
 * pipeline.h.
 *
 * The ring holds 4 * threads jobs. Indices only grow: jobs [head, tail)
 * are submitted and not yet emitted, [head, claim) were taken by workers.
 * One mutex guards the indices and job states; job contents belong to
 * whoever holds the job (main thread until submitted, then one worker,
 * then the main thread again once DONE).
 */
#include "pipeline.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { JOB_FREE, JOB_QUEUED, JOB_DONE };

/* Buffers above this size are freed after use (flat memory). */
#define PL_KEEP_BYTES (1u << 20)

typedef struct {
    pl_pipeline *p;
    pthread_t thread;
    hearsay_doc *doc;
    json_tokener *tok;
} pl_worker;

struct pl_pipeline {
    const pl_config *cfg;
    pl_emit_fn emit;
    void *ctx;
    pl_job *jobs;
    size_t cap;
    uint64_t head, tail, claim;
    int closing, stopped;
    /* Signal only those who wait: idle workers, and the main thread when
     * the job it waits for (wait_idx) is done. */
    int idle_workers, main_waiting;
    uint64_t wait_idx;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
    pl_worker *workers;
    int n_workers;
};

/* ------------------------------------------------------ one document */

void pl_fail(pl_job *j, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    cli_buf_printf(&j->msg, "hearsay: %s\n", line);
    j->failed = 1;
}

void pl_fail_too_big(pl_job *j, size_t limit)
{
    pl_fail(j, "%s: document larger than --max-doc-bytes (%zu bytes), "
               "skipped", j->name.p, limit);
}

/* A failure of the job's document: "FILE:LINE: ..." for a JSON line,
 * "NAME: ..." for a text. */
static void S_fail_doc(pl_job *j, const char *why)
{
    if (j->line)
        pl_fail(j, "%s:%llu: %s", j->file, (unsigned long long)j->line, why);
    else
        pl_fail(j, "%s: %s", j->name.p, why);
}

/* Extracts and renders one text into j->out. */
static void S_extract(pl_worker *w, pl_job *j, const char *text, size_t len,
                      const hearsay_options *o, const hearsay_docinfo *info)
{
    if (len > o->max_doc_bytes) {
        pl_fail_too_big(j, o->max_doc_bytes);
        return;
    }
    int rc = hearsay_extract(w->p->cfg->model, text, len, o, w->doc);
    if (rc == HEARSAY_OK) {
        const char *out;
        size_t out_len;
        rc = hearsay_render(w->doc, w->p->cfg->format, text, len, info, &out,
                            &out_len);
        if (rc == HEARSAY_OK)
            cli_buf_add(&j->out, out, out_len);
    }
    if (rc == HEARSAY_ETOOBIG) {
        pl_fail_too_big(j, o->max_doc_bytes);
        return;
    }
    if (rc != HEARSAY_OK) {
        S_fail_doc(j, hearsay_strerror(rc));
        return;
    }
    j->n_attr = hearsay_doc_count(w->doc);
    size_t bad = hearsay_doc_invalid_utf8(w->doc);
    if (bad)
        cli_buf_printf(&j->msg,
                       "hearsay: warning: %s: %zu invalid UTF-8 sequence%s "
                       "read as U+FFFD\n",
                       j->name.p, bad, bad == 1 ? "" : "s");
}

/* Copies the YYYY-MM-DD prefix of a date field ("2021-09-01T12:00Z"), or
 * gives NULL when it has none. */
static const char *S_date_prefix(const char *s, char out[11])
{
    if (!cli_date_prefix(s))
        return NULL;
    memcpy(out, s, 10);
    out[10] = '\0';
    return out;
}

static void S_run_json(pl_worker *w, pl_job *j)
{
    jl_doc d;
    cli_buf err = {0};
    if (jl_parse(w->tok, &w->p->cfg->json, j->in.p, j->in.n, &d, &err) < 0) {
        S_fail_doc(j, err.p);
        cli_buf_free(&err);
        return;
    }
    if (d.id)
        cli_buf_puts(&j->name, d.id);
    else
        cli_buf_printf(&j->name, "%s:%llu", j->file,
                       (unsigned long long)j->line);
    hearsay_options o = w->p->cfg->opts;
    char date[11];
    if (S_date_prefix(d.date, date))
        o.date = date;
    hearsay_docinfo info = {j->name.p, d.url, d.outlet,
                            d.date ? d.date : o.date, d.title};
    S_extract(w, j, d.text, d.text_len, &o, &info);
    jl_release(&d);
}

static void S_run(pl_worker *w, pl_job *j)
{
    if (j->kind == PL_JSON) {
        S_run_json(w, j);
    } else if (j->kind == PL_TEXT) {
        hearsay_docinfo info = {j->name.p, NULL, NULL, w->p->cfg->opts.date,
                                NULL};
        S_extract(w, j, j->in.p, j->in.n, &w->p->cfg->opts, &info);
    }
}

/* ------------------------------------------------------------ threads */

static void *S_worker_main(void *arg)
{
    pl_worker *w = arg;
    pl_pipeline *p = w->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->claim == p->tail && !p->closing) {
            p->idle_workers++;
            pthread_cond_wait(&p->work_cv, &p->mu);
            p->idle_workers--;
        }
        if (p->claim == p->tail)
            break;
        uint64_t idx = p->claim++;
        pl_job *j = &p->jobs[idx % p->cap];
        int skip = p->stopped;
        pthread_mutex_unlock(&p->mu);
        if (!skip)
            S_run(w, j);
        pthread_mutex_lock(&p->mu);
        j->state = JOB_DONE;
        if (p->main_waiting && idx == p->wait_idx)
            pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static int S_start_worker(pl_pipeline *p, pl_worker *w)
{
    w->p = p;
    w->doc = hearsay_doc_new();
    w->tok = jl_tokener_new();
    if (!w->doc || !w->tok) {
        cli_error("out of memory");
        return -1;
    }
    if (pthread_create(&w->thread, NULL, S_worker_main, w) != 0) {
        cli_error("cannot start a worker thread");
        return -1;
    }
    pthread_setname_np(w->thread, "hearsay-worker"); /* for top, perf */
    return 0;
}

static void S_free_worker(pl_worker *w)
{
    hearsay_doc_free(w->doc);
    if (w->tok)
        json_tokener_free(w->tok);
}

void pl_clear(pl_job *j)
{
    cli_buf_reset(&j->in, PL_KEEP_BYTES);
    cli_buf_reset(&j->name, PL_KEEP_BYTES);
    cli_buf_reset(&j->out, PL_KEEP_BYTES);
    cli_buf_reset(&j->msg, PL_KEEP_BYTES);
    j->kind = PL_TEXT;
    j->file = NULL;
    j->line = 0;
    j->out_base = 0;
    j->n_attr = 0;
    j->failed = 0;
    j->state = JOB_FREE;
}

/* Waits until job idx (submitted) is done; with mu held. */
static void S_wait(pl_pipeline *p, uint64_t idx)
{
    while (p->jobs[idx % p->cap].state != JOB_DONE) {
        p->main_waiting = 1;
        p->wait_idx = idx;
        pthread_cond_wait(&p->done_cv, &p->mu);
        p->main_waiting = 0;
    }
}

/* Emits the job at head if it is done (after waiting for it when wait is
 * set); called with mu held, returns with it held. 1 when a job was
 * emitted. */
static int S_emit_head(pl_pipeline *p, int wait)
{
    pl_job *j = &p->jobs[p->head % p->cap];
    if (p->head == p->tail)
        return 0;
    if (wait)
        S_wait(p, p->head);
    if (j->state != JOB_DONE)
        return 0;
    pthread_mutex_unlock(&p->mu);
    int stop = !p->stopped && p->emit(p->ctx, j) < 0; /* only we write it */
    pl_clear(j);
    pthread_mutex_lock(&p->mu);
    if (stop)
        p->stopped = 1;
    p->head++;
    return 1;
}

pl_pipeline *pl_new(const pl_config *cfg, int threads, pl_emit_fn emit,
                    void *ctx)
{
    pl_pipeline *p = cli_xrealloc(NULL, sizeof *p);
    memset(p, 0, sizeof *p);
    p->cfg = cfg;
    p->emit = emit;
    p->ctx = ctx;
    p->cap = 4 * (size_t)threads < 16 ? 16 : 4 * (size_t)threads;
    p->jobs = cli_xrealloc(NULL, p->cap * sizeof *p->jobs);
    memset(p->jobs, 0, p->cap * sizeof *p->jobs);
    p->workers = cli_xrealloc(NULL, (size_t)threads * sizeof *p->workers);
    memset(p->workers, 0, (size_t)threads * sizeof *p->workers);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    for (int i = 0; i < threads; i++) {
        if (S_start_worker(p, &p->workers[i]) < 0) {
            S_free_worker(&p->workers[i]);
            p->stopped = 1;
            pl_finish(p);
            return NULL;
        }
        p->n_workers++;
    }
    return p;
}

pl_job *pl_next(pl_pipeline *p)
{
    pthread_mutex_lock(&p->mu);
    while (S_emit_head(p, 0))
        ;
    if (p->tail - p->head == p->cap) {
        /* Full: sleep until half the ring is done, not one job at a
         * time (one wake-up per job cost ~7% at -j 1). */
        S_wait(p, p->head + p->cap / 2 - 1);
        while (p->tail - p->head > p->cap / 2 && S_emit_head(p, 1))
            ;
    }
    pl_job *j = p->stopped ? NULL : &p->jobs[p->tail % p->cap];
    pthread_mutex_unlock(&p->mu);
    return j;
}

void pl_submit(pl_pipeline *p, pl_job *j)
{
    pthread_mutex_lock(&p->mu);
    j->state = JOB_QUEUED;
    p->tail++;
    if (p->idle_workers)
        pthread_cond_signal(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
}

int pl_finish(pl_pipeline *p)
{
    pthread_mutex_lock(&p->mu);
    while (S_emit_head(p, 1))
        ;
    p->closing = 1;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n_workers; i++) {
        pthread_join(p->workers[i].thread, NULL);
        S_free_worker(&p->workers[i]);
    }
    int rc = p->stopped ? -1 : 0;
    for (size_t i = 0; i < p->cap; i++) {
        pl_clear(&p->jobs[i]);
        cli_buf_free(&p->jobs[i].in);
        cli_buf_free(&p->jobs[i].name);
        cli_buf_free(&p->jobs[i].out);
        cli_buf_free(&p->jobs[i].msg);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work_cv);
    pthread_cond_destroy(&p->done_cv);
    free(p->jobs);
    free(p->workers);
    free(p);
    return rc;
}
