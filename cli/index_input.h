/*
 * index_input.h -- the articles `hearsay index` reads, one at a time, with
 * their fields parsed: the CLI's input layer (input.h: files, folders,
 * JSON Lines, standard input, gzip and zstd) read on the calling thread,
 * JSON lines parsed with jsonl.h.
 */
#ifndef HEARSAY_CLI_INDEX_INPUT_H
#define HEARSAY_CLI_INDEX_INPUT_H

#include <stddef.h>

/* One article; every pointer is valid until the next ixi_next(). date is
 * the input's date field, date_ymd its "YYYY-MM-DD" prefix (or NULL). */
typedef struct {
    const char *doc, *text, *date, *date_ymd, *url, *title, *outlet;
    size_t len;
} ixi_article;

typedef struct ixi_iter ixi_iter;

/* Iterates over args[0..n-1] (standard input when n == 0); args must
 * outlive the iterator. NULL when out of memory. */
ixi_iter *ixi_new(char **args, int n, int force_jsonl, size_t max_doc_bytes);
void ixi_free(ixi_iter *it);

/* 1 and *a filled with the next article; 0 when all were read; -1 for a
 * document or input that could not be read (ixi_error() says why, without
 * the "hearsay: " prefix; call again to go on with the next one). */
int ixi_next(ixi_iter *it, ixi_article *a);
const char *ixi_error(const ixi_iter *it);

#endif
