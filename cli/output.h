/*
 * output.h -- checked writes: standard output, and one file per document
 * under --out-dir. Every write, flush and close is checked; the first
 * failure is reported ("hearsay: ...") and makes the caller stop.
 */
#ifndef HEARSAY_CLI_OUTPUT_H
#define HEARSAY_CLI_OUTPUT_H

#include "cli.h"

/* Writes p[0..n) to stdout. 0, or -1 after reporting the error (a full
 * disk, a closed pipe: EPIPE, as SIGPIPE is ignored). */
int out_stdout(const char *p, size_t n);

/* The path under dir for document name with extension ext: leading '/'
 * dropped, empty and "." components dropped, ".." components replaced by
 * "__", so the result never leaves dir. An empty name becomes "_". */
void out_safe_path(cli_buf *out, const char *dir, const char *name,
                   const char *ext);

/* Writes p[0..n) to out_safe_path(dir, name, ext), creating folders as
 * needed. 0, or -1 after reporting the error. */
int out_file(const char *dir, const char *name, const char *ext,
             const char *p, size_t n);

#endif
