/*
 * cue.c -- the cue classifier: is this word the cue of an attribution
 * ("said", "told", "insistence", "cast doubt on")?
 *
 * A linear model (averaged perceptron, trained by tools/train.c on PolNeAR
 * train) over hashed features of the word and its neighbours. Only words
 * the model lists as candidates (seen in cues in training, or verbs of
 * saying in the lexicon) are scored, so the pass costs little on text with
 * no attribution. Without a model the lexicon decides (HS_L_SAYVERB).
 */
#include "hearsay_int.h"
#include "model.h"

enum {
    F_BIAS = 1, F_W0, F_WM1, F_WP1, F_WP2, F_WM2, F_WM1W0, F_W0WP1, F_SUF3, F_SHAPE,
    F_LEXM1, F_LEXP1, F_LEX0, F_QCTX, F_POS, F_CLSM1, F_CLSP1, F_W0CLSM1, F_W0CLSP1,
    F_NEXTTHAT, F_HASQ, F_W0QCTX, F_WP1WP2, F_STEM, F_STEMCLSM1, F_STEMCLSP1, F_COORD, F_COORDW,
    F_PCUE, F_CLSR3, F_CLSL2, F_W0R2, F_LATER, F_LATERW,
    /* attribution filter */
    F_A_BIAS = 64, F_A_CUE, F_A_CUEFIRST, F_A_FIRST, F_A_LEN, F_A_SRC, F_A_CUESRC, F_A_SCORE,
    F_A_KIND, F_A_BEFORE, F_A_PREV, F_A_LAST, F_A_CUELEN, F_A_INNER, F_A_OUTER, F_A_CVERB, F_A_CUECVERB
};

static uint32_t S_wh(const hearsay_doc *d, long j) {
    if (j < 0) return 0x51u;
    if ((size_t)j >= d->toks.n) return 0x52u;
    return d->toks.v[j].wh;
}

/* Quotation context: does a quotation end right before (", or ,")? or
 * open right after? */
static uint32_t S_qctx(const hearsay_doc *d, size_t j) {
    uint32_t c = 0;
    for (long k = (long)j - 1; k >= 0 && k >= (long)j - 6; k--) {
        const hs_tok *t = &d->toks.v[k];
        if (t->type == HS_T_QUOTE) {
            if (t->q == HS_Q_CLOSE) c |= 1;
            break;
        }
        if (t->type == HS_T_PUNCT && d->text[t->b] == '.') break;
    }
    for (size_t k = j + 1; k < d->toks.n && k <= j + 3; k++) {
        const hs_tok *t = &d->toks.v[k];
        if (t->type == HS_T_QUOTE) {
            if (t->q == HS_Q_OPEN) c |= 2;
            break;
        }
        if (t->type == HS_T_PUNCT && d->text[t->b] == ':') c |= 4;
        if (t->type == HS_T_WORD) break;
    }
    return c;
}

/* A finer class than hs_tok_cls for the words after a candidate: the
 * complementizers, 'to', prepositions, verbs, and which punctuation. */
static uint32_t S_rcls(const hearsay_doc *d, long j) {
    if (j < 0 || (size_t)j >= d->toks.n) return 1;
    const hs_tok *t = &d->toks.v[j];
    if (t->type == HS_T_PUNCT) {
        char c = d->text[t->b];
        return c == ',' ? 12 : c == ':' ? 13 : 4;
    }
    if (t->type == HS_T_WORD) {
        if (t->lex & HS_L_THAT) return 14;
        if (hs_tok_is(d, (size_t)j, "to", 2)) return 15;
        if (t->lex & HS_L_PREP) return 16;
        if (!(t->flags & HS_F_CAP) && !(t->lex & (HS_L_AUX | HS_L_DET | HS_L_PRON_PERSON)) &&
            (hs_tok_verb(d, (size_t)j) & 1))
            return 17;
    }
    return hs_tok_cls(d, j);
}

size_t hs_cue_features(const hearsay_doc *d, size_t j, uint32_t *f) {
    size_t n = 0;
    const hs_tok *t = &d->toks.v[j];
    long i = (long)j;
    uint32_t w0 = t->wh, wm1 = S_wh(d, i - 1), wp1 = S_wh(d, i + 1);
    f[n++] = hs_mix(F_BIAS, 0);
    f[n++] = hs_mix(F_W0, w0);
    f[n++] = hs_mix(F_WM1, wm1);
    f[n++] = hs_mix(F_WP1, wp1);
    f[n++] = hs_mix(F_WP2, S_wh(d, i + 2));
    f[n++] = hs_mix(F_WM2, S_wh(d, i - 2));
    f[n++] = hs_mix(hs_mix(F_WM1W0, wm1), w0);
    f[n++] = hs_mix(hs_mix(F_W0WP1, w0), wp1);
    f[n++] = hs_mix(hs_mix(F_WP1WP2, wp1), S_wh(d, i + 2));
    size_t len = t->e - t->b;
    /* the word's last three bytes with ASCII capitals lowered (the suffix,
     * and what the stem below strips) */
    char suf[3] = {0, 0, 0};
    if (len >= 3) {
        uint64_t h = HS_HASH_BASIS;
        for (int k = 0; k < 3; k++) {
            char c = d->text[t->e - 3 + k];
            suf[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            h = hs_hash_step(h, (unsigned char)suf[k]);
        }
        f[n++] = hs_mix(F_SUF3, (uint32_t)hs_hash_end(h));
    }
    f[n++] = hs_mix(F_SHAPE, (t->flags & (HS_F_CAP | HS_F_ALLCAP)) | (t->flags & HS_F_SENT_START ? 8u : 0u));
    uint32_t lex0 = t->lex & ~(uint32_t)HS_L_CUECAND;
    uint32_t lexm1 = i > 0 ? d->toks.v[i - 1].lex & ~(uint32_t)HS_L_CUECAND : 0;
    uint32_t lexp1 = j + 1 < d->toks.n ? d->toks.v[j + 1].lex & ~(uint32_t)HS_L_CUECAND : 0;
    /* the class bits 0..23 in order, visiting only those set in one of
     * the three words (n changes only there, so the bound stops the loop
     * at the same bit as a test at every bit would); the bound leaves
     * room for the 18 features after the loop */
    for (uint32_t any = (lex0 | lexm1 | lexp1) & 0xFFFFFFu; any && n + 3 < HS_CUE_MAXF - 18; any &= any - 1) {
        uint32_t b = hs_ctz32(any);
        if (lex0 >> b & 1) f[n++] = hs_mix(F_LEX0, b);
        if (lexm1 >> b & 1) f[n++] = hs_mix(F_LEXM1, b);
        if (lexp1 >> b & 1) f[n++] = hs_mix(F_LEXP1, b);
    }
    uint32_t q = S_qctx(d, j);
    f[n++] = hs_mix(F_QCTX, q);
    f[n++] = hs_mix(hs_mix(F_W0QCTX, w0), q);
    uint32_t cm1 = hs_tok_cls(d, i - 1), cp1 = hs_tok_cls(d, i + 1);
    f[n++] = hs_mix(F_CLSM1, cm1);
    f[n++] = hs_mix(F_CLSP1, cp1);
    f[n++] = hs_mix(hs_mix(F_W0CLSM1, w0), cm1);
    f[n++] = hs_mix(hs_mix(F_W0CLSP1, w0), cp1);
    f[n++] = hs_mix(F_HASQ, (t->flags & HS_F_INQ) ? 1u : 0u);
    /* the sentence so far, in one scan back of at most 16 tokens (to a
     * quotation mark or the sentence's start):
     * - F_COORD: a verb of saying before the word (how far: up to 3, 8 or
     *   16 tokens), a complementizer between them ('said that voters
     *   think': PolNeAR does not nest attributions), 'and' or 'but' just
     *   before ('blamed A and continued to defend B'). On the 4-fold split
     *   of train, soft F1 +0.008 and e2e +0.008 (seeds 0 and 1).
     * - F_PCUE: the nearest earlier word the classifier took for a cue
     *   (hs_cue_run scores left to right; the trainer marks the gold cues
     *   instead) and how far: the classifier's own choice, so it learns
     *   who holds the sentence's one attribution. Not before a quotation
     *   the word may frame ('when questioned after the debate, asserting,
     *   "..."'): there an earlier false cue would hide the frame's (the
     *   trainer sees gold cues, not such mistakes; without this, dev
     *   direct speaker accuracy fell 0.929 -> 0.920). On the 4-fold split
     *   (seeds 0 and 1): soft F1 +0.0065, exact +0.001, e2e +0.0005 and
     *   +0.0012; cue words P 0.823 -> 0.808, R 0.656 -> 0.669. */
    uint32_t co = 0, pc = 0;
    for (long k = i - 1, lo = i > 16 ? i - 16 : 0; k >= lo; k--) {
        const hs_tok *p = &d->toks.v[k];
        if (p->type == HS_T_QUOTE) break;
        uint32_t lex = p->lex;
        if (lex & (HS_L_SAYVERB | HS_L_THAT | HS_L_CONJ)) { /* few words: one test for the rest */
            if (k >= i - 3 && (lex & HS_L_CONJ) &&
                (hs_tok_is(d, (size_t)k, "and", 3) || hs_tok_is(d, (size_t)k, "but", 3)))
                co |= 1;
            if (!(co & 2) && (lex & HS_L_SAYVERB)) co |= 2 | (i - k <= 3 ? 8u : i - k <= 8 ? 16u : 24u);
            else if (!(co & 2) && (lex & HS_L_THAT)) co |= 4;
        }
        if (!pc && (p->flags & HS_F_CUE)) pc = 1 | (i - k <= 3 ? 2u : i - k <= 8 ? 4u : 6u);
        if ((p->flags & HS_F_SENT_START) || (pc && (co & 2) && k <= i - 3)) break;
    }
    f[n++] = hs_mix(F_COORD, co);
    f[n++] = hs_mix(hs_mix(F_COORDW, co & 7), w0);
    f[n++] = hs_mix(F_PCUE, q & 6 ? 0 : pc);
    /* a crude stem shared by a verb's forms ('supports', 'supported',
     * 'supporting'): rare forms learn from the others */
    size_t sl = hs_stem_len(len, suf);
    if (sl) {
        /* the stem, hashed as it is lowered */
        uint64_t h = HS_HASH_BASIS;
        for (size_t k = 0; k < sl; k++) {
            char c = d->text[t->b + k];
            h = hs_hash_step(h, (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        uint32_t st = (uint32_t)hs_hash_end(h);
        f[n++] = hs_mix(F_STEM, st);
        f[n++] = hs_mix(hs_mix(F_STEMCLSM1, st), cm1);
        f[n++] = hs_mix(hs_mix(F_STEMCLSP1, st), cp1);
    }
    /* the classes of the next three words, finer after the word (S_rcls:
     * 'said that', 'told reporters', 'support for', 'think the tax will'),
     * alone and with the word, and of the two before it. On the 4-fold
     * split of train: soft F1 +0.0014 and +0.0000 (seeds 0, 1) as the
     * feature kinds are numbered here, +0.0017, +0.0022, +0.0015 (seeds 0,
     * 1, 2) under another numbering; e2e +0.0003 / +0.0004 and +0.0012 /
     * +0.0018 / +0.0016. Exact F1 moved -0.0022 and +0.0002 on seed 0:
     * which features share a hashed weight moves it by about 0.002 */
    uint32_t r1 = S_rcls(d, i + 1), r2 = S_rcls(d, i + 2);
    f[n++] = hs_mix(F_CLSR3, r1 << 10 | r2 << 5 | S_rcls(d, i + 3));
    f[n++] = hs_mix(hs_mix(F_W0R2, w0), r1 << 5 | r2);
    f[n++] = hs_mix(F_CLSL2, hs_tok_cls(d, i - 2) << 4 | cm1);
    /* a verb of saying later in the sentence (before a quotation mark),
     * how far, and whether a comma comes first ('the party doesn't care
     * very much, one in four said'): PolNeAR does not nest attributions,
     * so a word in a clause a later verb frames is seldom a cue. On the
     * 4-fold split (seeds 0, 1, 2): exact +0.0025, +0.0014, -0.0003;
     * soft +0.0019, +0.0027, +0.0005; e2e +0.0011, +0.0012, -0.0005 */
    uint32_t lt = 0;
    for (size_t k = j + 1; k < d->toks.n && k <= j + 20; k++) {
        const hs_tok *p = &d->toks.v[k];
        if (p->type == HS_T_QUOTE || (p->flags & HS_F_SENT_START)) break;
        if (p->type == HS_T_PUNCT && d->text[p->b] == ',') lt |= 2;
        if (p->lex & HS_L_SAYVERB) {
            lt |= 1 | (k - j <= 3 ? 4u : k - j <= 8 ? 8u : 12u);
            break;
        }
    }
    f[n++] = hs_mix(F_LATER, lt);
    f[n++] = hs_mix(hs_mix(F_LATERW, lt), w0);
    return n;
}

/* Is token j a candidate for the classifier? */
static int S_candidate(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    return t->type == HS_T_WORD && (t->lex & (HS_L_CUECAND | HS_L_SAYVERB)) && !(t->flags & HS_F_POSS);
}

int hs_cue_run(hearsay_doc *d) {
    const hearsay_model *m = d->model;
    uint32_t f[HS_CUE_MAXF];
    for (size_t j = 0; j < d->toks.n; j++) {
        hs_tok *t = &d->toks.v[j];
        t->cue = 0;
        /* left to right: F_PCUE reads the decisions on earlier words */
        t->flags &= (uint16_t)~HS_F_CUE;
        /* a word inside quotation marks is never read as a cue
         * (attrib.c), so it is not scored */
        if ((t->flags & HS_F_INQ) || !S_candidate(d, j)) continue;
        if (!m->cue_w.blk) {
            if (t->lex & HS_L_SAYVERB) t->flags |= HS_F_CUE;
            continue;
        }
        size_t n = hs_cue_features(d, j, f);
        float s = hs_wtab_sum(&m->cue_w, m->cue_bits, f, n);
        t->cue = s;
        if (s > m->cue_bias) t->flags |= HS_F_CUE;
    }
    return 0;
}

/* ------------------------------------------------- attribution filter */

static uint32_t S_bucket(size_t n) {
    return n < 4 ? (uint32_t)n : n < 6 ? 4 : n < 10 ? 5 : n < 20 ? 6 : n < 40 ? 7 : 8;
}

/* What the nesting features of an attribution look at, gathered once for
 * all the attributions the filter scores: the parts and cues of every
 * other formed attribution (not dropped, with a cue), in flat arrays.
 * None (n 0) in a pathological document of more than 1,024
 * attributions, where the features are skipped: they are quadratic. */
typedef struct {
    uint32_t b, e, bit, owner; /* a part, 1 << (its kind & 3), whose */
} S_npart;

typedef struct {
    uint32_t at, owner; /* a cue's first byte, whose */
} S_ncue;

typedef struct {
    S_npart *parts;
    S_ncue *cues;
    size_t nparts, ncues;
    int skip; /* more than 1,024 attributions */
} S_nest;

static int S_nest_init(const hearsay_doc *d, S_nest *x) {
    memset(x, 0, sizeof *x);
    if (d->attrs.n > 1024) {
        x->skip = 1;
        return 0;
    }
    size_t np = 0;
    for (size_t k = 0; k < d->attrs.n; k++) np += d->attrs.v[k].nparts;
    x->parts = malloc((np ? np : 1) * sizeof *x->parts);
    x->cues = malloc((d->attrs.n ? d->attrs.n : 1) * sizeof *x->cues);
    if (!x->parts || !x->cues) {
        free(x->parts);
        free(x->cues);
        return HEARSAY_ENOMEM;
    }
    for (size_t k = 0; k < d->attrs.n; k++) {
        const hs_attr *o = &d->attrs.v[k];
        if (o->dropped == 1 || !o->nparts || o->cue_b < 0) continue;
        for (uint32_t p = o->part0; p < o->part0 + o->nparts; p++) {
            const hs_brange *q = &d->bparts.v[p];
            x->parts[x->nparts++] = (S_npart){q->b, q->e, 1u << (o->kind & 3), (uint32_t)k};
        }
        x->cues[x->ncues++] = (S_ncue){(uint32_t)o->cue_b, (uint32_t)k};
    }
    return 0;
}

static void S_nest_free(S_nest *x) {
    free(x->parts);
    free(x->cues);
}

static size_t S_att_features(const hearsay_doc *d, const hs_attr *a, const S_nest *nest, uint32_t *f) {
    size_t n = 0;
    size_t v = a->cue_tok;
    const hs_brange *r = &d->bparts.v[a->part0];
    size_t c0 = hs_doc_tok_at(d, r->b), c1 = hs_doc_tok_at(d, r->e - 1) + 1;
    uint32_t cw = d->toks.v[v].wh;
    uint32_t fw = c0 < d->toks.n ? d->toks.v[c0].wh : 0;
    uint32_t src = a->src_b < 0 ? 0 : hs_tok_cls(d, (long)hs_doc_tok_at(d, (size_t)a->src_b));
    float sc = d->toks.v[v].cue;
    int isc = sc < -5 ? -5 : sc > 10 ? 10 : (int)sc;
    f[n++] = hs_mix(F_A_BIAS, 0);
    f[n++] = hs_mix(F_A_CUE, cw);
    f[n++] = hs_mix(hs_mix(F_A_CUEFIRST, cw), fw);
    f[n++] = hs_mix(F_A_FIRST, fw);
    f[n++] = hs_mix(F_A_LEN, S_bucket(c1 > c0 ? c1 - c0 : 0));
    f[n++] = hs_mix(F_A_SRC, src);
    f[n++] = hs_mix(hs_mix(F_A_CUESRC, cw), src);
    f[n++] = hs_mix(F_A_SCORE, (uint32_t)(isc + 5));
    f[n++] = hs_mix(F_A_KIND, a->kind);
    f[n++] = hs_mix(F_A_BEFORE, r->e <= (uint32_t)a->cue_b);
    f[n++] = hs_mix(F_A_PREV, S_wh(d, (long)v - 1));
    f[n++] = hs_mix(F_A_LAST, hs_tok_cls(d, (long)c1));
    f[n++] = hs_mix(F_A_CUELEN, S_bucket(hs_doc_tok_at(d, (size_t)a->cue_e - 1) + 1 - v));
    /* is the content a clause (has it a verb) or a noun phrase? */
    uint32_t cv = 0;
    for (size_t k = c0; k < c1 && k < c0 + 24; k++) cv |= hs_tok_verb(d, k);
    f[n++] = hs_mix(F_A_CVERB, cv);
    f[n++] = hs_mix(hs_mix(F_A_CUECVERB, cw), cv != 0);
    /* PolNeAR never nests one attribution in another: is a's cue inside
     * another's content (which kind), or another's cue inside a's (from
     * its first part to its last)? Without branches on what the data
     * decide. */
    uint32_t inner = 0, outer = 0;
    if (!nest->skip) {
        uint32_t self = (uint32_t)(a - d->attrs.v), cb = (uint32_t)a->cue_b;
        uint32_t lo = r->b, hi = d->bparts.v[a->part0 + a->nparts - 1].e;
        for (size_t k = 0; k < nest->nparts; k++) {
            const S_npart *q = &nest->parts[k];
            inner |= q->bit & -(uint32_t)((q->owner != self) & (q->b <= cb) & (cb < q->e));
        }
        for (size_t k = 0; k < nest->ncues; k++) {
            const S_ncue *c = &nest->cues[k];
            outer |= (c->owner != self) & (lo <= c->at) & (c->at < hi);
        }
    }
    f[n++] = hs_mix(F_A_INNER, inner);
    f[n++] = hs_mix(F_A_OUTER, outer);
    return n;
}

size_t hs_att_features(const hearsay_doc *d, const hs_attr *a, uint32_t *f) {
    S_nest nest;
    /* (out of memory, the trainer's only: no nesting features, as in a
     * document of too many attributions) */
    if (S_nest_init(d, &nest)) nest.skip = 1;
    size_t n = S_att_features(d, a, &nest, f);
    S_nest_free(&nest);
    return n;
}

/* A named speaker and a confident cue ('ISIS-K claimed'): kept whatever
 * the filter says. */
static int S_named_confident(const hearsay_doc *d, const hs_attr *a) {
    if (a->src_b < 0) return 0;
    size_t sb = hs_doc_tok_at(d, (size_t)a->src_b);
    return hs_tok_cls(d, (long)sb) == 9 && d->toks.v[a->cue_tok].cue > 5.0f;
}

int hs_att_filter(hearsay_doc *d) {
    const hearsay_model *m = d->model;
    if (!m->att_w.blk) return 0;
    uint32_t f[HS_ATT_MAXF];
    /* what the nesting features see stays the same while the filter
     * scores (it marks what it drops 2 until the end) */
    S_nest nest;
    if (S_nest_init(d, &nest)) return HEARSAY_ENOMEM;
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->source_kind != 1 || a->dropped || a->nparts != 1 || a->cue_b < 0 || a->kind == HEARSAY_MIXED) continue;
        size_t n = S_att_features(d, a, &nest, f);
        float s = hs_wtab_sum(&m->att_w, m->att_bits, f, n);
        /* 2 until every attribution is scored: the features of the others
         * see the attributions the rules formed, as in training */
        if (s < m->att_bias && !S_named_confident(d, a)) a->dropped = 2;
    }
    S_nest_free(&nest);
    for (size_t i = 0; i < d->attrs.n; i++)
        if (d->attrs.v[i].dropped == 2) d->attrs.v[i].dropped = 1;
    return 0;
}

/* ---------------------------------------------------- content start */

/* Where does the content of reported speech that follows its cue start?
 * The rules begin it after the cue, past an addressee, a time and a
 * setting ('told reporters on Tuesday that ...'); PolNeAR's annotators
 * often start elsewhere: 'pleaded guilty to
 * making ...' -> 'to making ...', 'made it clear that ...' -> 'that ...',
 * 'told a crowd in Miami Tuesday that ...' -> 'that ...', 'contemplated
 * another presidential run' -> 'another ...'. A linear model (a multiclass
 * averaged perceptron, tools/train.c) scores each candidate first token
 * near the rules' start; the best wins if it beats the rules' start by the
 * model's margin plus a step penalty per token moved. It runs once per
 * content after its cue, over at most 13 candidates of 15-20 features. */

enum {
    F_S_W0 = 128, F_S_WM1, F_S_WP1, F_S_CLS, F_S_DREL, F_S_DIST, F_S_CUEW0, F_S_CUEWM1, F_S_CUEDREL,
    F_S_WM1W0, F_S_COMMAS, F_S_THATS, F_S_TOS, F_S_CUES, F_S_LEX0, F_S_C1W0, F_S_RULEW, F_S_CLSDREL,
    F_S_W0WP1, F_S_SKIPW, F_S_SKIPCLS, F_S_SKIPVERB, F_S_LEFT
    /* F_S_W0, DREL, COMMAS, CUES, W0WP1, SKIPW and LEFT are not used (a
     * 4-fold split of train picked as many gold starts without them); the
     * numbers of the others stay, and with them the model's hashes */
};

/* Is token k a possible first token of a's content? A word or a number
 * with no quotation between it and the rules' start (inclusive): the
 * quotations a content holds, and so its kind, stay as the rules made
 * them. */
int hs_start_cand(const hearsay_doc *d, const hs_attr *a, size_t k) {
    const hs_tok *t = &d->toks.v[k];
    size_t j = a->st_j;
    if (k == j) return 1;
    if (t->type != HS_T_WORD && t->type != HS_T_NUM) return 0;
    for (size_t m = k < j ? k : j, hi = k < j ? j : k; m <= hi; m++)
        if (d->toks.v[m].quote >= 0) return 0;
    return 1;
}

/* The window: from the token after the cue (at most 6 before the rules'
 * start) to 6 tokens past the rules' start, inside the content. (On a
 * 4-fold split of train, 12 before and 15 after found no more gold starts
 * and cost twice the candidates; 4 and 7 found 13 fewer in 5,900. On the
 * validation split, 6 after gave the figures of 9 after with 1% fewer
 * instructions in all; 4 after lost 0.001 of soft F1.) */
void hs_start_window(const hs_attr *a, size_t *lo, size_t *hi) {
    size_t c1 = a->st_c1, j = a->st_j, e = a->st_e;
    *lo = j > c1 + 6 ? j - 6 : c1;
    *hi = j + 7 < e ? j + 7 : e;
}

/* What the features of every candidate of one content share, computed
 * once per content: the window's words, classes and lexicon bits, and
 * counts of what lies between the token after the cue and each candidate
 * (tok[] and the counts are indexed from the window's start less one). */
#define S_SW 32
typedef struct {
    size_t c1, j, e, lo, hi;
    uint32_t cue_w0, cue_wm1, cue_drel, c1_w0, rule_w; /* namespaces mixed with the cue, c1 and j words */
    uint32_t wh[S_SW + 2], cls[S_SW + 2], lex[S_SW + 2];
    uint8_t verb[S_SW + 2];  /* bit 1: a verb, 2: -ed, 4: -ing */
    uint8_t quote[S_SW + 2]; /* quotation tokens before (prefix count) */
    /* complementizers and 'to' in [c1, lo - 1 + i) */
    uint8_t thats[S_SW + 2], tos[S_SW + 2];
} S_stctx;

static void S_stctx_init(const hearsay_doc *d, const hs_attr *a, S_stctx *x) {
    x->c1 = a->st_c1;
    x->j = a->st_j;
    x->e = a->st_e;
    hs_start_window(a, &x->lo, &x->hi);
    uint32_t cw = d->toks.v[a->cue_tok].wh;
    x->cue_w0 = hs_mix(F_S_CUEW0, cw);
    x->cue_wm1 = hs_mix(F_S_CUEWM1, cw);
    x->cue_drel = hs_mix(F_S_CUEDREL, cw);
    x->c1_w0 = hs_mix(F_S_C1W0, S_wh(d, (long)x->c1));
    x->rule_w = hs_mix(F_S_RULEW, S_wh(d, (long)x->j));
    uint32_t thats = 0, tos = 0, quotes = 0;
    long base = (long)x->lo - 1;
    for (size_t m = x->c1; m + 1 < x->lo; m++) { /* [c1, lo - 1) */
        thats += (d->toks.v[m].lex & HS_L_THAT) != 0;
        tos += hs_tok_is(d, m, "to", 2);
    }
    for (long i = 0; i < (long)(x->hi - x->lo) + 2; i++) {
        long m = base + i;
        x->wh[i] = S_wh(d, m);
        x->cls[i] = hs_tok_cls(d, m);
        x->thats[i] = (uint8_t)(thats > 2 ? 2 : thats);
        x->tos[i] = (uint8_t)(tos > 2 ? 2 : tos);
        x->quote[i] = (uint8_t)quotes;
        x->lex[i] = 0;
        x->verb[i] = 0;
        if (m < 0 || (size_t)m >= d->toks.n) continue;
        const hs_tok *t = &d->toks.v[m];
        x->lex[i] = t->lex;
        x->verb[i] = (uint8_t)(hs_tok_verb(d, (size_t)m) & 7); /* no auxiliary bit */
        quotes += t->quote >= 0;
        if ((size_t)m >= x->c1) {
            thats += (t->lex & HS_L_THAT) != 0;
            tos += hs_tok_is(d, (size_t)m, "to", 2);
        }
    }
}

static size_t S_start_features(const S_stctx *x, size_t k, uint32_t *f) {
    size_t n = 0, j = x->j;
    size_t i = k - x->lo + 1; /* k's index in the context */
    uint32_t w0 = x->wh[i], wm1 = x->wh[i - 1], wp1 = x->wh[i + 1];
    long rel = (long)k - (long)j;
    uint32_t drel = (uint32_t)((rel < -6 ? -6 : rel > 8 ? 8 : rel) + 6);
    uint32_t dir = rel > 0 ? 1u : rel < 0 ? 2u : 0u;
    size_t dist = k - x->c1;
    uint32_t c0 = x->cls[i];
    f[n++] = hs_mix(F_S_WM1, wm1);
    f[n++] = hs_mix(F_S_WP1, wp1);
    f[n++] = hs_mix(F_S_CLS, (x->cls[i - 1] << 8) | (c0 << 4) | x->cls[i + 1]);
    f[n++] = hs_mix(F_S_DIST, (uint32_t)(dist > 10 ? 10 : dist));
    f[n++] = hs_mix(x->cue_w0, w0);
    f[n++] = hs_mix(x->cue_wm1, wm1);
    f[n++] = hs_mix(x->cue_drel, drel);
    f[n++] = hs_mix(hs_mix(F_S_WM1W0, wm1), w0);
    /* what the candidate leaves out after the cue */
    f[n++] = hs_mix(F_S_THATS, x->thats[i] * 3u + dir);
    f[n++] = hs_mix(F_S_TOS, x->tos[i] * 3u + dir);
    f[n++] = hs_mix(x->c1_w0, w0);
    f[n++] = hs_mix(x->rule_w, drel);
    f[n++] = hs_mix(hs_mix(F_S_CLSDREL, c0), drel);
    /* what lies between the rules' start and the candidate */
    size_t lo = (k < j ? k : j) - x->lo + 1, hi = (k < j ? j : k) - x->lo + 1;
    uint32_t verb = 0, cls = 0;
    for (size_t m = lo; m < hi && m < lo + 6; m++) {
        verb |= x->verb[m];
        cls = cls * 16 + x->cls[m];
    }
    f[n++] = hs_mix(hs_mix(F_S_SKIPVERB, verb), dir);
    f[n++] = hs_mix(F_S_SKIPCLS, cls * 4 + dir);
    /* the candidate's word classes (at most HS_START_MAXF features in all) */
    uint32_t lex0 = x->lex[i] & 0xFFFFFFu;
    for (; lex0 && n < HS_START_MAXF; lex0 &= lex0 - 1) f[n++] = hs_mix(F_S_LEX0, hs_ctz32(lex0));
    return n;
}

size_t hs_start_features(const hearsay_doc *d, const hs_attr *a, size_t k, uint32_t *f) {
    S_stctx x;
    S_stctx_init(d, a, &x);
    return S_start_features(&x, k, f);
}

size_t hs_start_pick(const hearsay_doc *d, const hs_attr *a) {
    const hearsay_model *m = d->model;
    size_t j = a->st_j;
    if (!m->start.w.blk || !a->st_e) return j;
    /* a content the rules open with a complementizer or a subject pronoun
     * ('said that', 'said he would') keeps its start: in train and dev the
     * model moved 13 of the 2,877 contents opening with one of these words
     * (8 of 1,842 'that'), a quarter of all contents */
    if ((d->toks.v[j].lex & HS_L_THAT) || hs_tok_is(d, j, "he", 2) || hs_tok_is(d, j, "she", 3) ||
        hs_tok_is(d, j, "they", 4) || hs_tok_is(d, j, "we", 2) || hs_tok_is(d, j, "i", 1))
        return j;
    S_stctx x;
    S_stctx_init(d, a, &x);
    size_t best = j, ij = j - x.lo + 1;
    uint32_t f[HS_START_MAXF];
    float bs = hs_wtab_sum(&m->start.w, m->start.bits, f, S_start_features(&x, j, f)) + m->start.margin;
    for (size_t k = x.lo; k < x.hi; k++) {
        size_t i = k - x.lo + 1;
        /* hs_start_cand: a word or a number, no quotation from k to j */
        if (k == j || !(d->toks.v[k].type == HS_T_WORD || d->toks.v[k].type == HS_T_NUM) ||
            (k < j ? x.quote[ij + 1] != x.quote[i] : x.quote[i + 1] != x.quote[ij]))
            continue;
        float s = hs_wtab_sum(&m->start.w, m->start.bits, f, S_start_features(&x, k, f)) -
                  m->start.step * (float)(k > j ? k - j : j - k);
        if (s > bs) {
            bs = s;
            best = k;
        }
    }
    return best;
}
