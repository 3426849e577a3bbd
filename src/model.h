/*
 * model.h -- the model: a lexicon hash table (word -> class bits, id).
 */
#ifndef HS_MODEL_H
#define HS_MODEL_H
#include "hearsay_int.h"

#define HS_LEX_MAXLEN 31

typedef struct {
    uint64_t hash;
    uint32_t bits;
    int32_t id;
    uint8_t len;
    char s[HS_LEX_MAXLEN];
} hs_lex_slot;

struct hearsay_model {
    hs_lex_slot *slots;
    size_t mask;
    uint32_t *words; /* id -> slot */
    size_t nwords, wcap;
};

int hs_model_init(hearsay_model *m);
void hs_model_release(hearsay_model *m);
int32_t hs_model_add(hearsay_model *m, const char *s, size_t n, uint32_t bits);
#endif
