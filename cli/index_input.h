/*
 * index_input.h -- the articles `hearsay index` reads, one at a time.
 *
 * A stand-in for the CLI's input layer (cli/input.h on branch `cli`) with
 * the same rules, kept behind this small interface so that `index` can
 * switch to it: a file is one article (its document name the path as given
 * without ".txt"); a file ending in .jsonl/.ndjson, or any input with
 * --jsonl, is a JSON Lines corpus (fields id, text, and optionally date,
 * url, title, outlet); a folder is every *.txt in it and below, in byte
 * order of the names, named by their path relative to the folder; "-" is
 * standard input. Compressed input is not read here (the CLI's layer
 * reads gzip and zstd).
 */
#ifndef HEARSAY_CLI_INDEX_INPUT_H
#define HEARSAY_CLI_INDEX_INPUT_H

#include <stddef.h>

/* One article; every pointer is valid until the next ixi_next(). */
typedef struct {
    const char *doc, *text, *date, *url, *title, *outlet;
    size_t len;
} ixi_article;

typedef struct ixi_iter ixi_iter;

/* Iterates over args[0..n-1] (standard input when n == 0). */
ixi_iter *ixi_new(char **args, int n, int force_jsonl, size_t max_doc_bytes);
void ixi_free(ixi_iter *it);

/* 1 and *a filled with the next article; 0 when all were read; -1 for an
 * input that could not be read (ixi_error() says why; call again to go on
 * with the next one). */
int ixi_next(ixi_iter *it, ixi_article *a);
const char *ixi_error(const ixi_iter *it);

#endif
