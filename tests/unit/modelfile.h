/*
 * modelfile.h -- model files built by hand for the unit tests of the
 * model's optional sections (test_start.c, test_end.c).
 */
#ifndef HS_MODELFILE_H
#define HS_MODELFILE_H
#include <stddef.h>
#include <string.h>

/* A model file in p: the cue table (8 bits, no words, no weights), then
 * the given sections (slen bytes). Returns its length. */
static inline size_t T_model_bytes(unsigned char *p, const char *sections, size_t slen) {
    static const unsigned char head[] = {'H', 'S', 'Y', 'M', 'O', 'D', 'L', '1', 1, 0, 0, 0, 8, 0, 0, 0,
                                         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    memcpy(p, head, sizeof head);
    memcpy(p + sizeof head, sections, slen);
    return sizeof head + slen;
}

#endif
