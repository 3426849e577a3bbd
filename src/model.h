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

/* A hashed feature table of 1 << bits weights, stored sparsely: a quarter
 * of the cue classifier's weights are not zero, and a dense table (1 MB)
 * made each of the ~40 look-ups per candidate a cache miss. blk[i >> 5]
 * has bit (i & 31) set when weight i is not zero, and rank counts the
 * non-zero weights before its 32; val holds them in index order (about
 * 0.3 MB in all). Skipping a zero weight leaves a sum unchanged, so
 * scores are the same floats as with the dense table. Blocks of 32
 * weights take 8 bytes, the size an address can scale an index by: 64
 * weights in 16 bytes cost two more instructions a look-up (4.7 million
 * look-ups on the 3 MB bench slice), for the same 64 KB. */
typedef struct {
    uint32_t nz, rank;
} hs_wblk;

typedef struct {
    hs_wblk *blk; /* NULL: no table */
    float *val;
} hs_wtab;

/* A ranking model (content start, content end): a candidate wins if its
 * score beats the rules' choice by margin plus step for each token it
 * moves from it. */
typedef struct {
    hs_wtab w;
    uint32_t bits;
    float margin, step;
} hs_rank;

struct hearsay_model {
    /* unique among the models of this process, renewed when a word is
     * added: what a doc's word cache (token.c) is valid for */
    uint64_t serial;
    hs_lex_slot *slots;
    /* tags[j]: the low 32 bits of slots[j]'s hash with bit 0 set, 0 when
     * the slot is empty. Every token is looked up, and probing 4-byte tags
     * keeps the search in cache; a slot (48 bytes) is read only when its
     * tag matches. */
    uint32_t *tags;
    size_t mask;
    uint32_t *words; /* id -> slot */
    size_t nwords, wcap;
    /* cue classifier: hashed feature weights (NULL: no classifier, the
     * lexicon's HS_L_SAYVERB decides) */
    hs_wtab cue_w;
    uint32_t cue_bits; /* table size 1 << cue_bits */
    float cue_bias;    /* decision threshold */
    /* attribution filter: hashed weights over a formed reported-speech
     * attribution (NULL: keep them all) */
    hs_wtab att_w;
    uint32_t att_bits;
    float att_bias;
    /* content-start model (cue.c): scores the candidate first tokens of
     * reported speech after its cue (w.blk NULL: the rules' start) */
    hs_rank start;
    /* content-end model (end.c): scores its candidate ends (w.blk NULL:
     * the rules' end) */
    hs_rank end;
};

/* The model file format (little-endian):
 *   "HSYMODL1", u32 version (1), u32 cue_bits, f32 threshold,
 *   u32 nwords, nwords x (u8 len, bytes): cue-candidate words,
 *   u32 nweights, nweights x (u32 index, f32 weight)
 * then optional sections, in any order, each at most once:
 *   the attribution filter:
 *   "ATTR", u32 bits, f32 threshold, u32 nweights, nweights x (u32, f32)
 *   the content-start model (files before it have none and still load):
 *   "STRT", u32 bits, f32 margin, f32 step, u32 nweights, nweights x (u32, f32)
 *   the content-end model (files before it have none and still load):
 *   "ENDM", u32 bits, f32 margin, f32 step, u32 nweights, nweights x (u32, f32) */
#define HS_MODEL_MAGIC "HSYMODL1"
/* The sum of the weights of features f[0..n) (in that order, as floats). */
static inline float hs_wtab_sum(const hs_wtab *t, uint32_t bits, const uint32_t *f, size_t n) {
    uint32_t mask = (1u << bits) - 1;
    /* the tables in locals: read through t, they were loaded anew for
     * each feature */
    const hs_wblk *blk = t->blk;
    const float *val = t->val;
    float s = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t i = f[k] & mask;
        const hs_wblk *b = &blk[i >> 5];
        uint32_t upto = b->nz << (31 - (i & 31)); /* bits 0..i of the block, i on top */
        if (upto >> 31) s += val[b->rank + hs_popcount64(upto) - 1];
    }
    return s;
}

int hs_model_parse(hearsay_model *m, const unsigned char *p, size_t n);

int hs_model_init(hearsay_model *m);
void hs_model_release(hearsay_model *m);
int32_t hs_model_add(hearsay_model *m, const char *s, size_t n, uint32_t bits);
#endif
