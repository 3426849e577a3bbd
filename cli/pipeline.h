/*
 * pipeline.h -- extraction on worker threads, results in input order.
 *
 * The main thread takes a free job with pl_next(), fills it (a text, a
 * JSON line, or just a message) and hands it over with pl_submit(). Worker
 * threads, each with its own hearsay_doc and JSON tokener, parse, extract
 * and render; the shared model is read-only. Finished jobs are handed to
 * the emit callback ON THE MAIN THREAD, strictly in submission order, from
 * within pl_next() and pl_finish(): output is identical whatever the
 * number of threads. At most 4 jobs per thread are in flight, so memory
 * does not grow with the corpus.
 */
#ifndef HEARSAY_CLI_PIPELINE_H
#define HEARSAY_CLI_PIPELINE_H

#include "cli.h"
#include "hearsay.h"
#include "jsonl.h"

#include <stdint.h>

typedef enum {
    PL_TEXT, /* in holds an article's text, name its document name */
    PL_JSON, /* in holds one JSON line; the worker fills name from its id */
    PL_NOTE  /* nothing to process: msg holds an error found while reading */
} pl_kind;

typedef struct {
    /* Filled by the main thread. */
    pl_kind kind;
    cli_buf in;       /* text or JSON line */
    cli_buf name;     /* document name (NUL-terminated) */
    size_t out_base;  /* --out-dir files are named name.p + out_base */
    const char *file; /* input file, for messages; outlives the run */
    uint64_t line;    /* JSON line number (1-based), else 0 */
    /* Filled by the worker (a PL_NOTE arrives with msg and failed set). */
    cli_buf out;      /* rendered output */
    cli_buf msg;      /* lines for stderr, each "hearsay: ...\n" */
    size_t n_attr;    /* attributions found */
    int failed;       /* the document could not be processed */
    int state;        /* pipeline.c's */
} pl_job;

/* Clears j for reuse (keeping its buffers unless they grew large). */
void pl_clear(pl_job *j);

/* Marks j failed and adds "hearsay: " + message + "\n" to its msg. */
void pl_fail(pl_job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* pl_fail() for a document over --max-doc-bytes (named by j->name). */
void pl_fail_too_big(pl_job *j, size_t limit);

typedef struct {
    const hearsay_model *model;
    hearsay_options opts; /* max_doc_bytes, date (may be NULL), flags */
    hearsay_format format;
    jl_config json;
} pl_config;

/* Called on the main thread for each finished job, in input order. Returns
 * 0, or -1 to stop the run (e.g. a write error). */
typedef int (*pl_emit_fn)(void *ctx, pl_job *job);

typedef struct pl_pipeline pl_pipeline;

/* Starts threads workers (>= 1). cfg must outlive the pipeline. Returns
 * NULL (with a message on stderr) when threads cannot be started. */
pl_pipeline *pl_new(const pl_config *cfg, int threads, pl_emit_fn emit,
                    void *ctx);

/* A cleared job to fill, or NULL once an emit call returned -1. May call
 * emit for finished jobs while it waits for a free one. */
pl_job *pl_next(pl_pipeline *p);

/* Queues the job last returned by pl_next(). */
void pl_submit(pl_pipeline *p, pl_job *job);

/* Waits for all queued jobs, emits them (unless the run was stopped),
 * stops the workers and frees everything. Returns 0, or -1 when an emit
 * call stopped the run. */
int pl_finish(pl_pipeline *p);

#endif
