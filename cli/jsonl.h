/*
 * jsonl.h -- one line of a JSON Lines corpus -> one article's fields.
 *
 * Parsed with json-c in strict mode (measured 9x faster than jansson on
 * article lines; docs/BENCHMARKS.md), but for lines of the usual shape,
 * which a fast path reads to the same fields (jl_fast). Strings may hold
 * \u0000, and bytes that are not valid UTF-8 are passed through to the
 * library, which reads them as U+FFFD and says so.
 */
#ifndef HEARSAY_CLI_JSONL_H
#define HEARSAY_CLI_JSONL_H

#include "cli.h"

#include <json-c/json.h>

/* Field names (--id-field, --text-field). */
typedef struct {
    const char *id_field;   /* default "id" */
    const char *text_field; /* default "text" */
} jl_config;

/* An article's fields; the strings point into root or buf and live until
 * jl_release(). Absent optional fields are NULL. */
typedef struct {
    const char *text;
    size_t text_len;
    const char *id; /* string id, or a number's decimal form */
    const char *date, *url, *title, *outlet;
    json_object *root;
    char *buf; /* the fields' copies when the line took the fast path */
} jl_doc;

/* Parses line (len bytes, no '\n'). Returns 0, or -1 with a message (no
 * prefix, no newline) in err: invalid JSON, not an object, text field
 * missing, or a field of the wrong type. tok is the caller's (one per
 * thread). A line of the usual shape -- one flat object of strings,
 * integers, true, false and null -- is read without json-c (jl_fast);
 * any other line, and every error, is json-c's. */
int jl_parse(json_tokener *tok, const jl_config *c, const char *line,
             size_t len, jl_doc *d, cli_buf *err);

/* The fast path alone: 0 with d filled as jl_parse() fills it, or 1 when
 * the line is not of the shape it reads (d untouched: json-c decides). */
int jl_fast(const jl_config *c, const char *line, size_t len, jl_doc *d);

/* Frees what jl_parse() kept. Safe on a zeroed or released jl_doc. */
void jl_release(jl_doc *d);

/* A new strict tokener, or NULL when out of memory. */
json_tokener *jl_tokener_new(void);

#endif
