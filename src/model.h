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
    uint32_t *tags;  /* per slot: 0 empty, else the hash's high half | 1; a
                        lookup probes this small array, not the slots */
    size_t mask;
    uint32_t *words; /* id -> slot */
    size_t nwords, wcap;
    /* cue classifier: hashed feature weights (NULL: no classifier, the
     * lexicon's HS_L_SAYVERB decides) */
    float *cue_w;
    uint32_t cue_bits; /* table size 1 << cue_bits */
    float cue_bias;    /* decision threshold */
    /* attribution filter: hashed weights over a formed reported-speech
     * attribution (NULL: keep them all) */
    float *att_w;
    uint32_t att_bits;
    float att_bias;
};

/* The model file format (little-endian):
 *   "HSYMODL1", u32 version (1), u32 cue_bits, f32 threshold,
 *   u32 nwords, nwords x (u8 len, bytes): cue-candidate words,
 *   u32 nweights, nweights x (u32 index, f32 weight)
 * then, optionally, the attribution filter:
 *   "ATTR", u32 bits, f32 threshold, u32 nweights, nweights x (u32, f32) */
#define HS_MODEL_MAGIC "HSYMODL1"
int hs_model_parse(hearsay_model *m, const unsigned char *p, size_t n);

int hs_model_init(hearsay_model *m);
void hs_model_release(hearsay_model *m);
int32_t hs_model_add(hearsay_model *m, const char *s, size_t n, uint32_t bits);
#endif
