/*
 * jsonl.h -- one line of a JSON Lines corpus -> one article's fields.
 *
 * Parsed with json-c in strict mode (measured 9x faster than jansson on
 * article lines; docs/BENCHMARKS.md). Strings may hold \u0000, and bytes
 * that are not valid UTF-8 are passed through to the library, which reads
 * them as U+FFFD and says so.
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

/* An article's fields; the strings point into root and live until
 * jl_release(). Absent optional fields are NULL. */
typedef struct {
    const char *text;
    size_t text_len;
    const char *id; /* string id, or a number's decimal form */
    const char *date, *url, *title, *outlet;
    json_object *root;
} jl_doc;

/* Parses line (len bytes, no '\n'). Returns 0, or -1 with a message (no
 * prefix, no newline) in err: invalid JSON, not an object, text field
 * missing, or a field of the wrong type. tok is the caller's (one per
 * thread). */
int jl_parse(json_tokener *tok, const jl_config *c, const char *line,
             size_t len, jl_doc *d, cli_buf *err);

/* Frees what jl_parse() kept. Safe on a zeroed or released jl_doc. */
void jl_release(jl_doc *d);

/* A new strict tokener, or NULL when out of memory. */
json_tokener *jl_tokener_new(void);

#endif
