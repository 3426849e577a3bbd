/*
 * reader.h -- byte streams from files or standard input, decompressed on
 * the fly. The compression is recognised by the stream's first bytes (gzip,
 * including concatenated members, and zstd frames), not by the file name,
 * so compressed standard input works too. Memory per stream is a few
 * hundred KiB whatever the input size.
 */
#ifndef HEARSAY_CLI_READER_H
#define HEARSAY_CLI_READER_H

#include "cli.h"

#include <stdint.h>

typedef struct rd_stream rd_stream;

/* Opens path, or standard input for "-". Returns NULL and sets errno when
 * the file cannot be opened. */
rd_stream *rd_open(const char *path);

/* Closes the stream (standard input is left open). NULL is a no-op. */
void rd_close(rd_stream *s);

/* Appends the next line (without its '\n') to line. At most limit bytes are
 * kept: when the line is longer, the rest is read and dropped and
 * *too_long is set to the line's full length (else 0). Returns 1 when a
 * line was read, 0 at the end of the stream, -1 on a read or decompression
 * error (rd_error() says which). *complete is 0 when the stream ended
 * without a final '\n'. */
int rd_getline(rd_stream *s, cli_buf *line, size_t limit, uint64_t *too_long,
               int *complete);

/* Appends the whole (rest of the) stream to out, keeping at most limit
 * bytes: when the stream is longer, reading stops and *too_long is set to
 * 1. Returns 0, or -1 on an error (rd_error()). */
int rd_slurp(rd_stream *s, cli_buf *out, size_t limit, int *too_long);

/* The last error's description. */
const char *rd_error(const rd_stream *s);

/* Bytes read from the underlying file so far (compressed size). */
uint64_t rd_raw_bytes(const rd_stream *s);

#endif
