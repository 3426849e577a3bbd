/*
 * input.h -- the command's arguments as a stream of documents.
 *
 * Arguments are read in order: a file is one article (NAME.txt, possibly
 * .gz or .zst; its document name is the path as given without those
 * suffixes), or a JSON Lines corpus when its name ends in .jsonl or .ndjson
 * (possibly compressed) or --jsonl is given; a folder means every *.txt in
 * it and below, in byte order of the names (documents named by their path
 * relative to the folder); "-" is standard input. Compression is
 * recognised by content (reader.h).
 *
 * With --out-dir, a file argument's output is named after the file alone
 * (pl_job.out_base skips its folders); documents found in a folder keep
 * their relative path.
 *
 * Each document becomes one pipeline job. Errors become PL_NOTE jobs, so
 * they reach stderr in input order with the output around them.
 */
#ifndef HEARSAY_CLI_INPUT_H
#define HEARSAY_CLI_INPUT_H

#include "pipeline.h"

#include <stdint.h>

typedef struct {
    const char *stdin_name; /* --doc NAME, or NULL for "-" */
    int force_jsonl;        /* --jsonl */
    size_t max_doc_bytes;
} in_config;

typedef struct in_iter in_iter;

/* Iterates over args[0..n-1] (all of standard input when n == 0). args
 * and c must outlive the iterator. */
in_iter *in_new(char **args, int n, const in_config *c);
void in_free(in_iter *it);

/* Fills j (cleared, from pl_next()) with the next document or error.
 * Returns 1, or 0 when every input was read. *is_doc is 1 for a document
 * (which counts for --shard, including one that could not be read), 0 for
 * an error that concerns a whole input (every shard reports it). */
int in_next(in_iter *it, pl_job *j, int *is_doc);

/* Bytes read from input files so far (compressed size), and the total size
 * of the inputs, or 0 when unknown (standard input, folders). */
uint64_t in_bytes_read(const in_iter *it);
uint64_t in_total_bytes(const in_iter *it);

/* The JSON line limit: a line longer than this is skipped unparsed. Room
 * for the text's escapes and the other fields. */
size_t in_json_line_limit(size_t max_doc_bytes);

#endif
