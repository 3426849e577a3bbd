/*
 * progress.h -- the progress line on standard error: articles, MB, MB/s,
 * attributions, elapsed time and, when the input's size is known, the ETA.
 * Redrawn at most 4 times a second; only when enabled (stderr is a terminal
 * and not -q).
 */
#ifndef HEARSAY_CLI_PROGRESS_H
#define HEARSAY_CLI_PROGRESS_H

#include <stdint.h>

typedef struct {
    int enabled, shown;
    double start, last;
    uint64_t docs, bytes, attrs; /* bytes: uncompressed input processed */
} prog_state;

void prog_init(prog_state *p, int enabled);

/* Counts one finished document and redraws when due. read/total are the
 * input bytes read so far and the inputs' total size (0: unknown). */
void prog_doc(prog_state *p, uint64_t bytes, uint64_t attrs, uint64_t read,
              uint64_t total);

/* Draws the final figures and ends the line. */
void prog_end(prog_state *p);

#endif
