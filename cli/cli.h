/*
 * cli.h -- the `hearsay` command: subcommand table and shared helpers.
 *
 * Adding a subcommand: write cli/NAME.c with `int cmd_NAME(int argc,
 * char **argv)` (argv[0] is the subcommand's name; return an exit code,
 * CLI_EXIT_*), declare it below, and add one line to the table in
 * cli/main.c. The Makefile picks up every .c file in cli/.
 *
 * Module prefixes inside cli/ (a name tells you the file):
 *   cli_      util.c      messages, byte buffers, argument helpers
 *   rd_       reader.c    byte streams: plain, gzip, zstd
 *   in_       input.c     arguments -> documents (files, folders, JSONL)
 *   jl_       jsonl.c     one JSON line -> document fields
 *   pl_       pipeline.c  worker threads, output in input order
 *   out_      output.c    checked writes, --out-dir paths
 *   prog_     progress.c  the progress line
 */
#ifndef HEARSAY_CLI_H
#define HEARSAY_CLI_H

#include <stddef.h>

/* Exit codes of every subcommand (docs/CLI.md). */
enum {
    CLI_EXIT_OK = 0,    /* success */
    CLI_EXIT_INPUT = 1, /* some input could not be processed, or output failed */
    CLI_EXIT_USAGE = 2  /* bad command line */
};

/* --------------------------------------------------------- subcommands */

int cmd_extract(int argc, char **argv);
int cmd_serve(int argc, char **argv); /* serve_cmd.c */

/* ------------------------------------------------------------- helpers */

/* Memory: the command treats running out of memory as fatal (like cmark's
 * default allocator): cli_xrealloc() prints "hearsay: out of memory" and
 * exits with CLI_EXIT_INPUT. Documents are bounded by --max-doc-bytes, so
 * this only happens when the machine is truly out of memory. */
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);

/* A growable byte buffer. Always NUL-terminated once anything was added
 * (p may be NULL while cap is 0). */
typedef struct {
    char *p;
    size_t n, cap;
} cli_buf;

void cli_buf_reserve(cli_buf *b, size_t extra);
void cli_buf_add(cli_buf *b, const void *s, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_printf(cli_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Empties b; frees its memory when it grew beyond keep bytes, so one huge
 * document does not pin memory for the rest of the run. */
void cli_buf_reset(cli_buf *b, size_t keep);
void cli_buf_free(cli_buf *b);

/* Prints "hearsay: " + message + "\n" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports a usage error (like cli_error) plus a hint to run
 * `hearsay CMD --help`; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Parses a non-negative decimal integer with an optional K/M/G suffix
 * (powers of 1024). Returns 0 on success, -1 when s is not one. */
int cli_parse_size(const char *s, size_t *out);

/* 1 when s (may be NULL) starts with a YYYY-MM-DD date shape, else 0. */
int cli_date_prefix(const char *s);

/* Writes s to stdout and flushes it; returns CLI_EXIT_OK, or reports the
 * write error and returns CLI_EXIT_INPUT. For --help texts. */
int cli_print_help(const char *s);

/* Reports a failed write on stdout (using errno), once per run however
 * often it is called; returns CLI_EXIT_INPUT. */
int cli_stdout_error(void);

/* Flushes and checks stdout at exit; reports a write error. Returns rc, or
 * CLI_EXIT_INPUT when stdout failed. */
int cli_finish_stdout(int rc);

#endif
