/*
 * end.c -- the content-end model: where does reported speech that follows
 * its cue end?
 *
 * The rules (attrib.c, S_clause_end) run a content to the end of its
 * clause, past what PolNeAR's annotators leave out: 'had decided not to
 * make a 2008 presidential bid, half-joking to friends that ...', 'thanking
 * Reince Priebus and congratulating the Republicans who ...', 'might blame
 * a Democrat for not pounding the table'. Hand rules for these stops (at
 * ', who', ', including', ', and') lost as many contents as they fixed:
 * the annotators stop there about as often as they go on. A linear model
 * (a multiclass averaged perceptron, tools/train.c) scores each candidate
 * end -- before a boundary token (punctuation, a conjunction, a relative
 * or subordinating word, a preposition, an -ing word) and the rules' own
 * end -- on the words around the boundary, the cue, and what the content
 * keeps and leaves out; the best wins if it beats the rules' end by the
 * model's margin plus a step per token it cuts. It runs once per content
 * after its cue, after the start model, over at most HS_END_MAXC
 * candidates.
 */
#include "hearsay_int.h"
#include "model.h"

enum {
    F_E_B = 1, F_E_N1, F_E_L, F_E_BN1, F_E_CUEB, F_E_LEN, F_E_AFTV, F_E_KEPTV, F_E_BAFTV, F_E_RULE,
    F_E_COMMAS, F_E_FIRSTB, F_E_LEXN1, F_E_PK, F_E_RULEB, F_E_SEG, F_E_SUB
    /* the next-but-one word, the last word with the boundary, the classes
     * around the boundary and the candidate's rank were features too: on
     * the validation split (mean of 5 training orders) the model picked
     * 946 gold ends of 1,123 without them, 937 with them (the rules 928),
     * indirect exact F1 0.405 against 0.401, with 4 fewer look-ups a
     * candidate. F_E_SEG (the verbs before the next punctuation: ', a
     * former secretary of state') added 0.001 to each figure. The cue
     * word with the content's length, and the tokens left out, gave the
     * same figures within 0.001 without (2 look-ups fewer). */
};

static uint32_t S_wh(const hearsay_doc *d, size_t j) {
    return j < d->toks.n ? d->toks.v[j].wh : 0x52u;
}

/* Punctuation kind of token j: 0 none, 1 comma, 2 dash, 3 ; or :, 4
 * parenthesis, 5 a full stop or other. */
static uint32_t S_punct(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    if (t->type != HS_T_PUNCT) return 0;
    unsigned char c = (unsigned char)d->text[t->b];
    if (c == ',') return 1;
    /* '-', and punctuation from U+2000 - U+2FFF: the dashes, the ellipsis,
     * bullets (the dashes alone: validation exact F1 0.003 lower, noise
     * or not) */
    if (c == '-' || (c == 0xE2 && t->e - t->b == 3)) return 2;
    if (c == ';' || c == ':') return 3;
    if (c == '(' || c == ')') return 4;
    return 5;
}

/* May a content end before token k (is k a boundary)? */
static int S_boundary(const hearsay_doc *d, size_t k) {
    const hs_tok *t = &d->toks.v[k];
    if (t->type == HS_T_PUNCT) {
        uint32_t p = S_punct(d, k);
        return p >= 1 && p <= 4;
    }
    if (t->type != HS_T_WORD) return 0;
    if (t->lex & (HS_L_CONJ | HS_L_REL | HS_L_PREP)) return 1;
    size_t l = t->e - t->b;
    if (l > 4 && !(t->flags & HS_F_CAP) && !memcmp(d->text + t->e - 3, "ing", 3)) return 1;
    switch (l) {
    case 2: return hs_tok_is(d, k, "as", 2) || hs_tok_is(d, k, "if", 2);
    case 4: return hs_tok_is(d, k, "when", 4) || hs_tok_is(d, k, "with", 4);
    case 5: return hs_tok_is(d, k, "where", 5) || hs_tok_is(d, k, "while", 5) || hs_tok_is(d, k, "since", 5);
    case 6: return hs_tok_is(d, k, "though", 6);
    case 7: return hs_tok_is(d, k, "because", 7) || hs_tok_is(d, k, "whereas", 7);
    case 8: return hs_tok_is(d, k, "although", 8);
    default: return 0;
    }
}

static uint32_t S_bucket(size_t n) {
    return n < 4 ? (uint32_t)n : n < 6 ? 4 : n < 9 ? 5 : n < 13 ? 6 : n < 20 ? 7 : n < 30 ? 8 : 9;
}

/* A content's candidate ends and what their features share, found in one
 * pass from the rules' end back to the start: for each candidate, the
 * verbs of what the content keeps ([j, k)), of what it leaves out ([k + 1,
 * e), and whether that holds another cue word) and of the stretch after
 * the boundary (up to the next punctuation), and the commas it keeps. No
 * quotation mark or quoted word may be left out (the content's quotations,
 * and its kind, stay) unless what is left out holds another cue (bit 16;
 * bit 32: a quotation) ('he'd make sand "glow in the dark," for instance,
 * | and Trump vowed to "bomb the hell" ...': mixed exact F1 +0.005 on the
 * 4-fold split of train); a content may end right after its last one
 * ('calling him a "nice guy" | and he didn't ...'). */
typedef struct {
    size_t j, e, n;
    size_t k[HS_END_MAXC]; /* ascending, e last */
    uint32_t kept[HS_END_MAXC], left[HS_END_MAXC], seg[HS_END_MAXC], commas[HS_END_MAXC];
    uint32_t cw, fw; /* the cue's word, the content's first */
    uint32_t sub;    /* the cue's clause: 1 subordinate, 2 relative, 0 */
} S_enctx;

/* Is the cue at c in a subordinate clause opening its sentence ('While the
 * president has repeatedly said he opposes ..., his administration'), 1,
 * or a relative clause set off by a comma ('Cruz, who says Trump is
 * attacking him ..., said'), 2? Such a content ends where the main clause
 * resumes. */
static uint32_t S_cue_clause(const hearsay_doc *d, size_t c) {
    for (size_t m = c; m-- > 0 && c - m < 40;) {
        const hs_tok *t = &d->toks.v[m];
        if (t->type == HS_T_PUNCT && d->text[t->b] == ',') {
            if (m + 1 < c && (hs_tok_is(d, m + 1, "who", 3) || hs_tok_is(d, m + 1, "which", 5))) return 2;
            return 0;
        }
        if (t->type == HS_T_QUOTE || (t->type == HS_T_PUNCT && t->e - t->b == 1 && strchr(".;:", d->text[t->b])))
            return 0;
        if (!(t->flags & HS_F_SENT_START)) continue;
        size_t k = m;
        if ((hs_tok_is(d, k, "but", 3) || hs_tok_is(d, k, "and", 3)) && k + 1 < c) k++;
        static const struct {
            const char *w;
            size_t n;
        } sub[] = {{"while", 5},   {"though", 6}, {"although", 8}, {"as", 2},    {"if", 2},
                   {"because", 7}, {"when", 4},   {"since", 5},    {"after", 5}, {"before", 6},
                   {"whereas", 7}, {"even", 4},   {"once", 4},     {"until", 5}, {"unless", 6}};
        for (size_t i = 0; i < sizeof sub / sizeof *sub; i++)
            if (hs_tok_is(d, k, sub[i].w, sub[i].n)) return 1;
        return 0;
    }
    return 0;
}

static void S_enctx_init(const hearsay_doc *d, const hs_attr *a, size_t j, S_enctx *x) {
    size_t e = a->st_e, n = 0;
    x->j = j;
    x->e = e;
    x->n = 1;
    x->k[0] = e;
    x->kept[0] = x->left[0] = x->seg[0] = x->commas[0] = 0;
    if (e <= j + 1 || e > d->toks.n) return;
    /* from e back: candidates into k[top - n - 1] (n found so far) with
     * the verbs after them; counts of each verb bit and of commas in [k,
     * e), so that what [j, k) keeps is the whole content's less those */
    size_t top = HS_END_MAXC - 1;
    uint32_t suf = 0, run = 0, cnt[4] = {0, 0, 0, 0}, comma = 0;
    uint32_t at[HS_END_MAXC][5];
    int open = 1;
    for (size_t m = e; m-- > j;) {
        const hs_tok *t = &d->toks.v[m];
        uint32_t v = hs_tok_verb(d, m);
        for (uint32_t b = 0, w = v; w; b++, w >>= 1) cnt[b] += w & 1;
        comma += S_punct(d, m) == 1;
        /* past a quotation, only where what is left out holds another
         * cue ('he'd make sand "glow in the dark," for instance, | and
         * Trump vowed to "bomb the hell" out of ...') */
        if (!open && (suf & 16u)) open = 1;
        if (open && m > j && n < top) {
            if (t->type == HS_T_QUOTE || t->quote >= 0) {
                open = 0;
            } else {
                const hs_tok *p = &d->toks.v[m - 1];
                if ((p->type == HS_T_WORD || p->type == HS_T_NUM || (p->type == HS_T_QUOTE && p->q == HS_Q_CLOSE)) &&
                    S_boundary(d, m)) {
                    size_t c = top - 1 - n++;
                    x->k[c] = m;
                    x->left[c] = suf;
                    x->seg[c] = run;
                    for (uint32_t b = 0; b < 4; b++) at[c][b] = cnt[b];
                    at[c][4] = comma;
                }
            }
        }
        /* bit 4: a cue word of another attribution is left out (', and
         * three-quarters said the same of Sanders'): soft F1 +0.001 on
         * the 4-fold split of train, each of 3 orders */
        suf |= v | (m != a->cue_tok && (t->flags & HS_F_CUE) ? 16u : 0u) | (t->type == HS_T_QUOTE ? 32u : 0u);
        run = t->type == HS_T_PUNCT ? 0 : run | v;
    }
    /* the rules' end: keeps everything */
    x->k[top] = e;
    x->left[top] = x->seg[top] = 0;
    at[top][0] = at[top][1] = at[top][2] = at[top][3] = at[top][4] = 0;
    size_t c0 = top - n;
    for (size_t c = c0; c <= top; c++) {
        size_t i = c - c0;
        x->k[i] = x->k[c];
        x->left[i] = x->left[c];
        x->seg[i] = x->seg[c];
        uint32_t kept = 0;
        for (uint32_t b = 0; b < 4; b++) kept |= (cnt[b] > at[c][b] ? 1u : 0u) << b;
        x->kept[i] = kept;
        uint32_t cm = comma - at[c][4];
        x->commas[i] = cm > 3 ? 3 : cm;
    }
    x->n = n + 1;
    x->cw = d->toks.v[a->cue_tok].wh;
    x->sub = S_cue_clause(d, a->cue_tok);
    x->fw = S_wh(d, j);
}

size_t hs_end_cands(const hearsay_doc *d, const hs_attr *a, size_t j, size_t *k) {
    S_enctx x;
    S_enctx_init(d, a, j, &x);
    memcpy(k, x.k, x.n * sizeof *k);
    return x.n;
}

static size_t S_end_features(const hearsay_doc *d, const S_enctx *x, size_t i, uint32_t *f) {
    size_t n = 0, k = x->k[i], j = x->j, e = x->e;
    uint32_t rule = k == e;
    uint32_t wb = S_wh(d, k), wn1 = S_wh(d, k + 1), wl = S_wh(d, k - 1);
    uint32_t cb = hs_tok_cls(d, (long)k), cn1 = hs_tok_cls(d, (long)k + 1);
    uint32_t pk = k < d->toks.n ? S_punct(d, k) : 6;
    f[n++] = hs_mix(F_E_RULE, rule);
    f[n++] = hs_mix(hs_mix(F_E_RULEB, rule), wb);
    f[n++] = hs_mix(F_E_B, wb);
    f[n++] = hs_mix(F_E_N1, wn1);
    f[n++] = hs_mix(F_E_L, wl);
    f[n++] = hs_mix(hs_mix(F_E_BN1, wb), wn1);
    f[n++] = hs_mix(F_E_PK, pk * 16 + cn1);
    f[n++] = hs_mix(hs_mix(F_E_CUEB, x->cw), wb);
    f[n++] = hs_mix(F_E_LEN, S_bucket(k - j));
    f[n++] = hs_mix(hs_mix(F_E_FIRSTB, x->fw), pk ? pk : cb);
    /* what the content keeps, and what it leaves out */
    f[n++] = hs_mix(F_E_KEPTV, x->kept[i]);
    f[n++] = hs_mix(F_E_AFTV, x->left[i] * 2 + rule);
    f[n++] = hs_mix(hs_mix(F_E_BAFTV, wb), x->left[i]);
    f[n++] = hs_mix(F_E_COMMAS, x->commas[i] * 2 + rule);
    f[n++] = hs_mix(F_E_SEG, (x->seg[i] * 8 + pk) * 16 + cn1);
    if (x->sub) f[n++] = hs_mix(F_E_SUB, (x->sub * 8 + pk) * 32 + (x->seg[i] & 31));
    /* the next word's classes (at most HS_END_MAXF features in all) */
    uint32_t lex = k + 1 < d->toks.n ? d->toks.v[k + 1].lex & 0xFFFFFFu : 0;
    for (; lex && n < HS_END_MAXF; lex &= lex - 1) f[n++] = hs_mix(F_E_LEXN1, hs_ctz32(lex));
    return n;
}

size_t hs_end_features(const hearsay_doc *d, const hs_attr *a, size_t j, size_t i, uint32_t *f) {
    S_enctx x;
    S_enctx_init(d, a, j, &x);
    return i < x.n ? S_end_features(d, &x, i, f) : 0;
}

size_t hs_end_pick(const hearsay_doc *d, const hs_attr *a, size_t j) {
    const hearsay_model *m = d->model;
    size_t e = a->st_e;
    if (!m->end.w.blk || !e || e <= j + 1) return e;
    S_enctx x;
    S_enctx_init(d, a, j, &x);
    if (x.n < 2) return e;
    uint32_t f[HS_END_MAXF];
    float bs = hs_wtab_sum(&m->end.w, m->end.bits, f, S_end_features(d, &x, x.n - 1, f)) + m->end.margin;
    size_t best = e;
    for (size_t i = 0; i + 1 < x.n; i++) {
        float s = hs_wtab_sum(&m->end.w, m->end.bits, f, S_end_features(d, &x, i, f)) -
                  m->end.step * (float)(e - x.k[i]);
        if (s > bs) {
            bs = s;
            best = x.k[i];
        }
    }
    return best;
}
