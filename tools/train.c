/*
 * train.c -- trains the cue classifier (src/cue.c) on PolNeAR-format data
 * and writes the model file the library compiles in (data/hearsay.model).
 *
 *   hearsay-train [--out FILE] [--epochs N] [--bits B] [--threshold T] [--heads] [--stem-cands N] [--folds K] [--fold-stages sef] [--fold-mix] [--fold-all-words] [--cue-runs N] [--start-runs N] [--filter-runs N] [--seed N] [--filter] [--filter-threshold T] [--start] [--start-margin M] [--start-step S] [--end] [--end-margin M] [--end-step S] [--eval DIR] DIR
 *
 * DIR holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann (the first
 * annotator in sort order is used, as score.py does). Every word token
 * inside a gold Cue span (other than function words) is a positive example;
 * every other candidate token a negative one. Candidates are words seen in
 * cues at least twice in DIR, and the lexicon's verbs of saying; with
 * --stem-cands N also every word of DIR's text whose crude stem (cue.c's
 * F_STEM) was seen in cues N times over all its forms ('decrying' after
 * 'decried' and 'decries'; make model uses 3). The model
 * is an averaged perceptron over the hashed features of hs_cue_features().
 * Deterministic: the same data gives the same file.
 * With HEARSAY_TRAIN_DUMP set, --eval also prints each token the classifier
 * gets wrong (FN/FP, candidate or not, the word), for error analysis.
 *
 * --filter trains the attribution filter (src/cue.c) on what the pipeline
 * forms with the cue model; --start the content-start model on the
 * contents the rules form (before the filter, which then judges the
 * attributions as the rules formed them); with --eval, how often it picks
 * the gold start on DIR's matched contents, against the rules. --end
 * trains the content-end model (src/end.c) on those contents as the start
 * model begins them; with --eval, how often it picks the gold end.
 *
 * Experiments (docs/ACCURACY.md, "Tried and left"; none is in make model):
 * --folds K cross-fits: K cue classifiers, each fit without one fold of
 * DIR's articles (article i, in name order, is in fold i % K), and the
 * start, end and filter examples of an article come from the pipeline run
 * with the one that did not see it (--fold-stages of s, e, f: which of
 * them; --fold-mix: from that run and from the full model's;
 * --fold-all-words: the folds keep all of DIR's candidate words). The
 * shipped cue classifier is still fit on all of DIR. --cue-runs,
 * --start-runs and --filter-runs N average N perceptrons over different
 * example orders, as the end model does with 4; --seed N changes every
 * example order, to measure one order's noise.
 */
#include "hearsay_int.h"
#include "model.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>

typedef struct {
    uint32_t f[HS_CUE_MAXF];
    uint8_t n;
    int8_t y;
} S_ex;

typedef struct {
    uint32_t wh;
    uint32_t pos; /* times in a gold cue */
    int cand; /* a candidate the classifier scores (S_mark_cands) */
    char s[HS_LEX_MAXLEN + 1];
} S_word;

static HS_VEC(S_ex) S_exs;
static float S_threshold = 0.0f; /* decision threshold written to the model */
static int S_att;                 /* --filter: train the attribution filter too */
static float S_att_threshold = 0.0f;
static HS_VEC(S_word) S_words;
/* how many orders the cue classifier's and the filter's perceptrons are averaged over */
static int S_cue_runs = 1, S_att_runs = 1, S_st_runs = 1;
/* --seed N: mixed into every example order (0, the default: the orders of the shipped model), to measure how much one order's model moves the figures */
static uint64_t S_seed;

static int S_cmpstr(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *S_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *p = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap && hs_vec_grow_((void **)&p, &cap, n + 65536, 1)) break;
        size_t k = fread(p + n, 1, cap - n, f);
        if (!k) break;
        n += k;
    }
    fclose(f);
    *len = n;
    return p;
}

/* Lists a directory's entries ending with suffix, sorted. */
static char **S_list(const char *dir, const char *suffix, size_t *count) {
    DIR *dp = opendir(dir);
    if (!dp) return NULL;
    char **v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    size_t sl = strlen(suffix);
    while ((e = readdir(dp))) {
        size_t l = strlen(e->d_name);
        if (l <= sl || strcmp(e->d_name + l - sl, suffix)) continue;
        if (n == cap && hs_vec_grow_((void **)&v, &cap, n + 1, sizeof *v)) break;
        v[n++] = strdup(e->d_name);
    }
    closedir(dp);
    qsort(v, n, sizeof *v, S_cmpstr);
    *count = n;
    return v;
}

/* Gold cue spans (code points) of one .ann file. */
typedef struct {
    uint32_t b, e;
} S_rng;

/* Spans labelled `label` (code points) of one .ann file; grp[k] numbers
 * the T line each range came from (a discontiguous span has several). */
static size_t S_read_spans(const char *path, const char *label, S_rng *out, uint32_t *grp, size_t max) {
    size_t len, n = 0;
    uint32_t ngrp = 0;
    char *p = S_slurp(path, &len);
    if (!p) return 0;
    char *line = p, *end = p + len;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl) nl = end;
        *nl = 0;
        size_t ll = strlen(label);
        if (line[0] == 'T') {
            char *tab = strchr(line, '\t');
            if (tab && !strncmp(tab + 1, label, ll) && tab[1 + ll] == ' ') {
                char *q = tab + 2 + ll;
                ngrp++;
                while (n < max) {
                    char *e1;
                    long a = strtol(q, &e1, 10);
                    long b = strtol(e1, &q, 10);
                    if (e1 == q || a < 0 || b < a) break;
                    out[n].b = (uint32_t)a;
                    out[n].e = (uint32_t)b;
                    if (grp) grp[n] = ngrp;
                    n++;
                    if (*q != ';') break;
                    q++;
                }
            }
        }
        line = nl + 1;
    }
    free(p);
    return n;
}

static int S_function_word(const hs_tok *t) {
    return (t->lex & (HS_L_STOP | HS_L_PREP | HS_L_DET | HS_L_AUX | HS_L_CONJ)) != 0;
}

/* Labels: every content word inside a gold cue (the default), or with
 * --heads only the first content word of each cue span. */
static int S_heads_only;
static int S_stem_min; /* --stem-cands N */
static HS_VEC(uint8_t) S_lab;

static int S_label(const hearsay_doc *d, const S_rng *cues, size_t nc) {
    S_lab.n = 0;
    if (hs_vec_reserve(&S_lab, d->toks.n)) return -1;
    memset(S_lab.v, 0, d->toks.n);
    S_lab.n = d->toks.n;
    /* tokens are in order: a moving start for each span (spans unsorted) */
    for (size_t k = 0; k < nc; k++) {
        size_t lo = 0, hi = d->toks.n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (d->toks.v[mid].ce <= cues[k].b) lo = mid + 1;
            else hi = mid;
        }
        for (size_t j = lo; j < d->toks.n && d->toks.v[j].c < cues[k].e; j++) {
            const hs_tok *t = &d->toks.v[j];
            if (t->type != HS_T_WORD || S_function_word(t)) continue;
            S_lab.v[j] = 1;
            if (S_heads_only) break;
        }
    }
    return 0;
}

static int S_gold(const hearsay_doc *d, size_t j) { return j < S_lab.n && S_lab.v[j]; }

/* wh -> index + 1 into S_words (open addressing; 0 is empty) */
#define S_TAB_BITS 20
static uint32_t S_tab[1u << S_TAB_BITS];

static uint32_t *S_slot(uint32_t wh) {
    uint32_t i = (wh * 2654435761u) >> (32 - S_TAB_BITS);
    while (S_tab[i] && S_words.v[S_tab[i] - 1].wh != wh) i = (i + 1) & ((1u << S_TAB_BITS) - 1);
    return &S_tab[i];
}

static void S_reindex(void) {
    memset(S_tab, 0, sizeof S_tab);
    for (size_t i = 0; i < S_words.n; i++) *S_slot(S_words.v[i].wh) = (uint32_t)i + 1;
}

static S_word *S_word_of(const hearsay_doc *d, const hs_tok *t) {
    uint32_t *sl = S_slot(t->wh);
    if (*sl) return &S_words.v[*sl - 1];
    size_t n = t->e - t->b;
    if (n > HS_LEX_MAXLEN) return NULL;
    S_word w;
    memset(&w, 0, sizeof w);
    w.wh = t->wh;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d->text[t->b + i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)d->text[t->b + i + 1] == 0x80 &&
            (unsigned char)d->text[t->b + i + 2] == 0x99) {
            w.s[k++] = '\'';
            i += 2;
            continue;
        }
        w.s[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (hs_vec_push(&S_words, w) || S_words.n * 2 > (1u << S_TAB_BITS)) return NULL;
    *sl = (uint32_t)S_words.n;
    return &S_words.v[S_words.n - 1];
}

typedef int (*S_doc_fn)(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx);

/* the gold contents of the article at hand, and the model to run the whole
 * pipeline with (NULL: tokens and quotations only) */
static S_rng S_cont[100000];
static uint32_t S_contgrp[100000];
static size_t S_ncont;
static hearsay_model *S_full;

/* Cross-fitting (--folds K): article i of a folder (in name order) is in
 * fold i % K. S_each_doc skips the articles of fold S_skip (-1: none), and
 * when S_foldm[0] is set runs article i with S_foldm[i % K] in place of
 * S_full: a model whose cue classifier was fit without fold i % K, so the
 * later models learn from cue decisions as noisy as on unseen text. */
#define S_MAXFOLD 16
static int S_nfold, S_skip = -1, S_fold_mix;
static hearsay_model *S_foldm[S_MAXFOLD];

/* Runs fn over every article of dir. */
static int S_each_doc(const char *dir, S_doc_fn fn, void *ctx) {
    char tdir[4096], adir[4096], path[8192];
    snprintf(tdir, sizeof tdir, "%s/text", dir);
    snprintf(adir, sizeof adir, "%s/attributions", dir);
    size_t nt, na;
    char **texts = S_list(tdir, ".txt", &nt), **anns = S_list(adir, ".ann", &na);
    if (!texts || !anns) {
        fprintf(stderr, "hearsay-train: %s: no text/ or attributions/\n", dir);
        return -1;
    }
    hearsay_doc *d = hearsay_doc_new();
    static S_rng cues[100000];
    size_t ai = 0, docs = 0;
    for (size_t i = 0; i < nt; i++) {
        if (S_nfold && S_skip >= 0 && (int)(i % (size_t)S_nfold) == S_skip) continue;
        const hearsay_model *m = S_nfold && S_foldm[0] ? S_foldm[i % (size_t)S_nfold] : S_full;
        size_t bl = strlen(texts[i]) - 4;
        /* the first .ann whose name is base + "_" + 4 hex + ".ann" */
        while (ai < na && strncmp(anns[ai], texts[i], bl) < 0) ai++;
        if (ai >= na || strncmp(anns[ai], texts[i], bl) || strlen(anns[ai]) != bl + 9) continue;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", tdir, texts[i]);
        char *text = S_slurp(path, &len);
        if (!text) continue;
        snprintf(path, sizeof path, "%s/%s", adir, anns[ai]);
        size_t nc = S_read_spans(path, "Cue", cues, NULL, sizeof cues / sizeof *cues);
        S_ncont = S_read_spans(path, "Content", S_cont, S_contgrp, sizeof S_cont / sizeof *S_cont);
        hearsay_options o;
        hearsay_options_init(&o);
        o.max_doc_bytes = (size_t)64 << 20;
        /* --fold-mix: the fold model's attributions, then the full one's */
        for (int pass = 0; pass < (m != S_full && S_fold_mix ? 2 : 1); pass++) {
            if (pass) m = S_full;
            int rc = m ? hearsay_extract(m, text, len, &o, d)
                       : hs_doc_prepare(d, hearsay_model_builtin(), text, len, &o);
            d->text = text;
            if (rc == 0) {
                fn(d, cues, nc, ctx);
                docs += !pass;
            }
            d->text = NULL;
        }
        free(text);
    }
    hearsay_doc_free(d);
    for (size_t i = 0; i < nt; i++) free(texts[i]);
    for (size_t i = 0; i < na; i++) free(anns[i]);
    free(texts);
    free(anns);
    fprintf(stderr, "hearsay-train: %s: %zu articles\n", dir, docs);
    return 0;
}

static int S_count(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx) {
    (void)ctx;
    if (S_label(d, cues, nc)) return -1;
    for (size_t j = 0; j < d->toks.n; j++) {
        const hs_tok *t = &d->toks.v[j];
        if (t->type != HS_T_WORD || S_function_word(t) || (t->flags & HS_F_POSS)) continue;
        if (!S_gold(d, j) && !S_stem_min) continue;
        S_word *w = S_word_of(d, t);
        if (w) w->pos += S_gold(d, j);
    }
    return 0;
}

/* The length of s's stem (hs_stem_len: cue.c's F_STEM), 0 if none; s is
 * lowered already. */
static size_t S_stem_len(const char *s) {
    size_t len = strlen(s);
    return len < 3 ? 0 : hs_stem_len(len, s + len - 3);
}

static int S_cmp_stem(const void *a, const void *b) {
    const S_word *x = *(const S_word *const *)a, *y = *(const S_word *const *)b;
    size_t lx = S_stem_len(x->s), ly = S_stem_len(y->s);
    int c = memcmp(x->s, y->s, lx < ly ? lx : ly);
    return c ? c : (lx > ly) - (lx < ly);
}

/* Candidates: words seen in gold cues at least twice, and with
 * --stem-cands N (S_stem_min) every word of the training text whose stem's
 * forms were seen in gold cues N times together ('decrying' after
 * 'decried' and 'decries'). */
static int S_mark_cands(void) {
    for (size_t i = 0; i < S_words.n; i++) S_words.v[i].cand = S_words.v[i].pos >= 2;
    if (!S_stem_min || !S_words.n) return 0;
    S_word **by = malloc(S_words.n * sizeof *by);
    if (!by) return -1;
    size_t n = 0;
    for (size_t i = 0; i < S_words.n; i++)
        if (S_stem_len(S_words.v[i].s)) by[n++] = &S_words.v[i];
    qsort(by, n, sizeof *by, S_cmp_stem);
    for (size_t i = 0, e; i < n; i = e) {
        uint32_t pos = 0;
        for (e = i; e < n && !S_cmp_stem(&by[i], &by[e]); e++) pos += by[e]->pos;
        if (pos >= (uint32_t)S_stem_min)
            for (size_t k = i; k < e; k++) by[k]->cand = 1;
    }
    free(by);
    return 0;
}

static int S_is_cand(const hs_tok *t) {
    if (t->type != HS_T_WORD || (t->flags & HS_F_POSS)) return 0;
    if (t->lex & HS_L_SAYVERB) return 1;
    uint32_t *sl = S_slot(t->wh);
    return *sl && S_words.v[*sl - 1].cand;
}

static int S_collect(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx) {
    (void)ctx;
    if (S_label(d, cues, nc)) return -1;
    /* the gold cues stand for the classifier's decisions on the words
     * before (F_PCUE in hs_cue_features), cleared again below */
    for (size_t j = 0; j < d->toks.n; j++)
        if (S_gold(d, j)) d->toks.v[j].flags |= HS_F_CUE;
    for (size_t j = 0; j < d->toks.n; j++) {
        const hs_tok *t = &d->toks.v[j];
        if (!S_is_cand(t)) continue;
        S_ex ex;
        ex.n = (uint8_t)hs_cue_features(d, j, ex.f);
        ex.y = S_gold(d, j) ? 1 : -1;
        if (hs_vec_push(&S_exs, ex)) return -1;
    }
    for (size_t j = 0; j < d->toks.n; j++) d->toks.v[j].flags &= (uint16_t)~HS_F_CUE;
    return 0;
}

typedef struct {
    const float *w;
    uint32_t mask;
    size_t tp, fp, fn;
} S_evalctx;

static int S_evaluate(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx) {
    S_evalctx *e = ctx;
    uint32_t f[HS_CUE_MAXF];
    if (S_label(d, cues, nc)) return -1;
    for (size_t j = 0; j < d->toks.n; j++) {
        const hs_tok *t = &d->toks.v[j];
        int gold = S_gold(d, j);
        int pred = 0;
        if (S_is_cand(t)) {
            size_t n = hs_cue_features(d, j, f);
            float s = 0;
            for (size_t k = 0; k < n; k++) s += e->w[f[k] & e->mask];
            pred = s > S_threshold;
            /* as hs_cue_run: later words see this decision (F_PCUE) */
            if (pred) d->toks.v[j].flags |= HS_F_CUE;
        }
        e->tp += gold && pred;
        e->fp += !gold && pred;
        e->fn += gold && !pred;
        if (getenv("HEARSAY_TRAIN_DUMP") && gold != pred)
            printf("%s\t%s\t%.*s\n", gold ? "FN" : "FP", S_is_cand(t) ? "cand" : "nocand",
                   (int)(t->e - t->b), d->text + t->b);
    }
    for (size_t j = 0; j < d->toks.n; j++) d->toks.v[j].flags &= (uint16_t)~HS_F_CUE;
    return 0;
}

static void S_put_u32(FILE *f, uint32_t v) {
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    fwrite(b, 1, 4, f);
}

static void S_put_f32(FILE *f, float x) {
    uint32_t u;
    memcpy(&u, &x, 4);
    S_put_u32(f, u);
}

static void S_put_weights(FILE *f, const float *w, uint32_t bits) {
    uint32_t nz = 0, size = 1u << bits;
    for (uint32_t i = 0; i < size; i++) nz += w[i] != 0;
    S_put_u32(f, nz);
    for (uint32_t i = 0; i < size; i++)
        if (w[i] != 0) {
            S_put_u32(f, i);
            S_put_f32(f, w[i]);
        }
}

/* the content-start model (--start), written with every later S_write */
static int S_st;
static float *S_stw;
static uint32_t S_stbits = 16;
/* The margin and the step penalty hs_start_pick applies (written to the
 * model): a move must beat the rules' start by 4 plus 0.5 a token. Over a
 * 4-fold split of train (the whole pipeline at d372442, mean F1; rules:
 * all exact 0.481, soft 0.6340, e2e 0.5490) the model gave exact 0.502,
 * soft 0.6355, e2e 0.5505 with them, 0.502, 0.6348, 0.5498 without: a
 * move the model is unsure of gains an exact match about as often as it
 * loses a soft one. */
static float S_st_margin = 4.0f, S_st_step = 0.5f;

/* the content-end model (--end), written with every later S_write, and
 * the margin and step hs_end_pick applies: a cut must beat the rules' end
 * by 3. On the validation split (scripts/split.sh, model trained on fit)
 * margins 2, 3 and 4 gave the same figures within 0.001; 0 lost soft F1
 * (the model cut 63 soft-matched contents and restored 60 on its own
 * examples, against 39 and 51 at 4), and a step of 0.1 or 0.25 a token
 * cut gained nothing. */
static int S_en;
static float *S_enw;
static uint32_t S_enbits = 16;
static float S_en_margin = 3.0f, S_en_step = 0.0f;
#ifndef S_EN_RUNS
#define S_EN_RUNS 4
#endif

/* Writes the model: the cue classifier (candidate words words[0..nwords)
 * seen in cues twice, weights w), the filter aw when not NULL, and the
 * start and end models when trained. */
static int S_write_words(const char *path, const S_word *words, size_t nwords, const float *w, uint32_t bits,
                         const float *aw, uint32_t abits) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "hearsay-train: %s: %s\n", path, strerror(errno));
        return -1;
    }
    fwrite(HS_MODEL_MAGIC, 1, 8, f);
    S_put_u32(f, 1);
    S_put_u32(f, bits);
    S_put_f32(f, S_threshold);
    uint32_t nw = 0;
    for (size_t i = 0; i < nwords; i++) nw += words[i].cand != 0;
    S_put_u32(f, nw);
    for (size_t i = 0; i < nwords; i++) {
        if (!words[i].cand) continue;
        unsigned char l = (unsigned char)strlen(words[i].s);
        fputc(l, f);
        fwrite(words[i].s, 1, l, f);
    }
    S_put_weights(f, w, bits);
    if (aw) {
        fwrite("ATTR", 1, 4, f);
        S_put_u32(f, abits);
        S_put_f32(f, S_att_threshold);
        S_put_weights(f, aw, abits);
    }
    if (S_stw) {
        fwrite("STRT", 1, 4, f);
        S_put_u32(f, S_stbits);
        S_put_f32(f, S_st_margin);
        S_put_f32(f, S_st_step);
        S_put_weights(f, S_stw, S_stbits);
    }
    if (S_enw) {
        fwrite("ENDM", 1, 4, f);
        S_put_u32(f, S_enbits);
        S_put_f32(f, S_en_margin);
        S_put_f32(f, S_en_step);
        S_put_weights(f, S_enw, S_enbits);
    }
    int bad = ferror(f);
    if (fclose(f) || bad) {
        fprintf(stderr, "hearsay-train: %s: write failed\n", path);
        return -1;
    }
    fprintf(stderr, "hearsay-train: wrote %s: %u candidate words%s%s%s\n", path, nw, aw ? ", attribution filter" : "",
            S_stw ? ", content start" : "", S_enw ? ", content end" : "");
    return 0;
}

static int S_write(const char *path, const float *w, uint32_t bits, const float *aw, uint32_t abits) {
    return S_write_words(path, S_words.v, S_words.n, w, bits, aw, abits);
}

static int S_cmp_word(const void *a, const void *b) {
    return strcmp(((const S_word *)a)->s, ((const S_word *)b)->s);
}

/* Shuffles order[0..n) (Fisher-Yates) with the linear congruential
 * generator *rng: a fixed seed gives the same order, and the same model. */
static void S_shuffle(size_t *order, size_t n, uint64_t *rng) {
    for (size_t i = n; i > 1; i--) {
        *rng = *rng * 6364136223846793005ull + 1442695040888963407ull;
        size_t k = (size_t)(*rng >> 33) % i;
        size_t t = order[i - 1];
        order[i - 1] = order[k];
        order[k] = t;
    }
}

/* A perceptron update of the weights w, and of u, which averaging
 * subtracts (the step c of each update), by y for features f[0..n). */
static void S_update(float *w, float *u, uint32_t mask, const uint32_t *f, int n, float y, float c) {
    for (int k = 0; k < n; k++) {
        w[f[k] & mask] += y;
        u[f[k] & mask] += y * c;
    }
}

/* One example's perceptron step at the weights w (u and c as S_update):
 * 1 when the example was a mistake, and the weights were updated. */
typedef int (*S_step_fn)(size_t i, float *w, float *u, uint32_t mask, float c);

/* The mean of runs averaged perceptrons over n examples (step), each over
 * its own order of the examples, drawn from rng: the weights (size of
 * them; caller frees), or NULL. what names the model in progress lines. */
static float *S_average(uint32_t size, size_t n, int runs, int epochs, uint64_t rng, const char *what,
                        S_step_fn step) {
    uint32_t mask = size - 1;
    float *acc = calloc(size, sizeof *acc), *w = calloc(size, sizeof *w), *u = calloc(size, sizeof *u);
    size_t *order = malloc((n + 1) * sizeof *order);
    if (!acc || !w || !u || !order) {
        free(acc);
        free(w);
        free(u);
        free(order);
        return NULL;
    }
    for (int run = 0; run < runs; run++) {
        memset(w, 0, size * sizeof *w);
        memset(u, 0, size * sizeof *u);
        for (size_t i = 0; i < n; i++) order[i] = i;
        float c = 1;
        for (int ep = 0; ep < epochs; ep++) {
            S_shuffle(order, n, &rng);
            size_t errs = 0;
            for (size_t i = 0; i < n; i++) {
                errs += (size_t)step(order[i], w, u, mask, c);
                c++;
            }
            fprintf(stderr, "hearsay-train: %s: run %d epoch %d: %zu mistakes\n", what, run + 1, ep + 1, errs);
        }
        for (uint32_t i = 0; i < size; i++) acc[i] += (w[i] - u[i] / c) / (float)runs; /* averaged */
    }
    free(w);
    free(u);
    free(order);
    return acc;
}

/* A binary example of S_exs (the cue classifier, the filter). */
static int S_step_binary(size_t i, float *w, float *u, uint32_t mask, float c) {
    const S_ex *ex = &S_exs.v[i];
    float s = 0;
    for (int k = 0; k < ex->n; k++) s += w[ex->f[k] & mask];
    if (s * ex->y > 0) return 0;
    S_update(w, u, mask, ex->f, ex->n, ex->y, c);
    return 1;
}

/* The mean of runs averaged perceptrons over S_exs: the weights (caller
 * frees), or NULL. */
static float *S_train(uint32_t bits, int epochs, int runs) {
    return S_average(1u << bits, S_exs.n, runs, epochs, 0x9E3779B97F4A7C15ull ^ S_seed, "binary", S_step_binary);
}

/* The cue classifiers of cross-fitting: fold f's weights, fit on the
 * other folds' articles, and candidate words (counted on those articles,
 * or with --fold-all-words all of dir's). */
typedef struct {
    float *w;
    S_word *words;
    size_t nwords, cap;
} S_foldcue;
static S_foldcue S_fcue[S_MAXFOLD];
static int S_fold_all_words;
/* the stages whose examples come from the fold models: 1 start, 2 end, 4 filter */
static int S_fold_stages = 7;

/* Fits S_fcue[0..S_nfold) on dir; S_words (dir's candidate words) and
 * S_exs are as they were after, save S_exs's examples. */
static int S_fit_folds(const char *dir, uint32_t bits, int epochs) {
    S_word *all = S_words.v;
    size_t nall = S_words.n, call = S_words.cap;
    int rc = 0;
    for (int f = 0; f < S_nfold && !rc; f++) {
        S_skip = f;
        if (!S_fold_all_words) {
            S_words.v = NULL;
            S_words.n = S_words.cap = 0;
            memset(S_tab, 0, sizeof S_tab);
            if (S_each_doc(dir, S_count, NULL)) rc = -1;
            if (S_words.n) qsort(S_words.v, S_words.n, sizeof *S_words.v, S_cmp_word);
            S_reindex();
            if (S_mark_cands()) rc = -1;
        }
        S_exs.n = 0;
        if (!rc && S_each_doc(dir, S_collect, NULL)) rc = -1;
        fprintf(stderr, "hearsay-train: fold %d of %d: %zu examples\n", f + 1, S_nfold, S_exs.n);
        S_fcue[f].w = rc ? NULL : S_train(bits, epochs, S_cue_runs);
        if (!S_fcue[f].w) rc = -1;
        if (!S_fold_all_words) {
            S_fcue[f].words = S_words.v;
            S_fcue[f].nwords = S_words.n;
            S_fcue[f].cap = S_words.cap;
        }
    }
    S_skip = -1;
    S_exs.n = 0;
    S_words.v = all;
    S_words.n = nall;
    S_words.cap = call;
    S_reindex();
    return rc;
}

static void S_free_folds(void) {
    for (int f = 0; f < S_MAXFOLD; f++) {
        free(S_fcue[f].w);
        free(S_fcue[f].words);
        memset(&S_fcue[f], 0, sizeof S_fcue[f]);
    }
}

/* Frees a table of m's (the stage it is for then keeps to the rules). */
static void S_drop_tab(hs_wtab *t) {
    free(t->blk);
    free(t->val);
    t->blk = NULL;
    t->val = NULL;
}

/* Loads the model just written into S_full, and with folds (when
 * cross-fitting) one model per fold: fold f's cue classifier with the
 * other sections of the model written (S_stw, S_enw). Drops the start
 * model (drop & 1) and the end model (drop & 2) from each. */
static int S_open(const char *out, uint32_t bits, int folds, int drop) {
    if (hearsay_model_load(out, &S_full)) {
        fprintf(stderr, "hearsay-train: %s: cannot load the model just written\n", out);
        return -1;
    }
    hearsay_model *ms[S_MAXFOLD + 1] = {S_full};
    int nm = 1;
    if (folds && S_nfold) {
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.fold.tmp", out);
        for (int f = 0; f < S_nfold; f++) {
            const S_foldcue *fc = &S_fcue[f];
            int rc = S_fold_all_words ? S_write_words(tmp, S_words.v, S_words.n, fc->w, bits, NULL, 0)
                                      : S_write_words(tmp, fc->words, fc->nwords, fc->w, bits, NULL, 0);
            if (rc || hearsay_model_load(tmp, &S_foldm[f])) {
                fprintf(stderr, "hearsay-train: %s: cannot write or load fold %d's model\n", tmp, f + 1);
                remove(tmp);
                return -1;
            }
            ms[nm++] = S_foldm[f];
        }
        remove(tmp);
    }
    for (int k = 0; k < nm; k++) {
        if (drop & 1) S_drop_tab(&ms[k]->start.w);
        if (drop & 2) S_drop_tab(&ms[k]->end.w);
    }
    return 0;
}

static void S_close(void) {
    hearsay_model_free(S_full);
    S_full = NULL;
    for (int f = 0; f < S_MAXFOLD; f++) {
        hearsay_model_free(S_foldm[f]);
        S_foldm[f] = NULL;
    }
}

/* Jaccard overlap of code points [b, e) with gold content group g. */
static double S_jaccard(uint32_t b, uint32_t e, uint32_t g) {
    size_t inter = 0, gold = 0;
    for (size_t k = 0; k < S_ncont; k++) {
        if (S_contgrp[k] != g) continue;
        gold += S_cont[k].e - S_cont[k].b;
        uint32_t lo = S_cont[k].b > b ? S_cont[k].b : b, hi = S_cont[k].e < e ? S_cont[k].e : e;
        if (hi > lo) inter += hi - lo;
    }
    size_t uni = gold + (e - b) - inter;
    return uni ? (double)inter / (double)uni : 0;
}

/* Examples for the attribution filter: each reported-speech attribution
 * the pipeline forms, positive when a gold content matches it (Jaccard
 * >= 0.5, as score.py's soft match). */
static int S_collect_att(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx) {
    (void)cues;
    (void)nc;
    size_t *npos = ctx;
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        if (a->source_kind != 1 || !a->nparts || a->cue_b < 0) continue;
        const hs_brange *r = &d->bparts.v[a->part0];
        uint32_t b = (uint32_t)hs_doc_cp(d, r->b), e = (uint32_t)hs_doc_cp(d, r->e);
        int y = -1;
        uint32_t ng = S_ncont ? S_contgrp[S_ncont - 1] : 0;
        for (uint32_t g = 1; g <= ng && y < 0; g++)
            if (S_jaccard(b, e, g) >= 0.5) y = 1;
        S_ex ex;
        ex.n = (uint8_t)hs_att_features(d, a, ex.f);
        ex.y = (int8_t)y;
        *npos += y > 0;
        if (hs_vec_push(&S_exs, ex)) return -1;
    }
    return 0;
}

/* Runs the pipeline with the cue model just written over dir, trains the
 * attribution filter on what it forms, and rewrites the model with it. */
static int S_train_att(const char *out, const float *w, uint32_t bits, const char *dir, int epochs) {
    /* without the content-start and -end models: the filter runs before
     * them, on the contents as the rules formed them */
    if (S_open(out, bits, S_fold_stages & 4, 3)) return -1;
    S_exs.n = 0;
    size_t npos = 0;
    int rc = S_each_doc(dir, S_collect_att, &npos);
    S_close();
    if (rc) return -1;
    fprintf(stderr, "hearsay-train: attribution filter: %zu examples, %zu positive\n", S_exs.n, npos);
    uint32_t abits = 16;
    float *aw = S_train(abits, epochs, S_att_runs);
    if (!aw) return -1;
    rc = S_write(out, w, bits, aw, abits);
    free(aw);
    return rc;
}

/* ------------------------------------------------------ content start */

/* Examples for the content-start model: every attribution whose content
 * start the model may move (hs_attr.st_e) and that matches a gold one
 * (Jaccard >= 0.5, with the content as the rules formed it), with the gold
 * content's first token among the candidates. The features of all
 * candidates go to S_stf, one example's after another. */
typedef struct {
    uint32_t c0, nc;   /* candidates S_stcand[c0, c0 + nc) */
    uint32_t gold, rule; /* the gold start's candidate, the rules' */
} S_stex;
typedef struct {
    uint32_t f0;   /* features S_stf[f0, f0 + n) */
    uint8_t n;
    uint8_t soft;  /* a content starting here still matches the gold one */
    uint16_t dist; /* tokens from the rules' start */
} S_stcnd;
static HS_VEC(S_stex) S_stx;
static HS_VEC(S_stcnd) S_stcand;
static HS_VEC(uint32_t) S_stf;

static int S_collect_start(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx) {
    (void)cues;
    (void)nc;
    size_t *skipped = ctx;
    uint32_t ng = S_ncont ? S_contgrp[S_ncont - 1] : 0;
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        if (!a->nparts || a->cue_b < 0 || !a->st_e) continue;
        const hs_brange *r = &d->bparts.v[a->part0];
        /* the content as the rules formed it */
        uint32_t b = d->toks.v[a->st_j].c, e = (uint32_t)hs_doc_cp(d, r->e);
        double best = 0.5;
        uint32_t bg = 0;
        for (uint32_t g = 1; g <= ng; g++) {
            double jac = S_jaccard(b, e, g);
            if (jac >= best) {
                best = jac;
                bg = g;
            }
        }
        if (!bg) continue;
        uint32_t gs = UINT32_MAX;
        for (size_t k = 0; k < S_ncont; k++)
            if (S_contgrp[k] == bg && S_cont[k].b < gs) gs = S_cont[k].b;
        size_t lo, hi;
        hs_start_window(a, &lo, &hi);
        S_stex x = {(uint32_t)S_stcand.n, 0, UINT32_MAX, 0};
        size_t f0 = S_stf.n;
        for (size_t k = lo; k < hi; k++) {
            if (!hs_start_cand(d, a, k)) continue;
            if (d->toks.v[k].c == gs) x.gold = x.nc;
            if (k == a->st_j) x.rule = x.nc;
            S_stcnd c;
            c.soft = S_jaccard(d->toks.v[k].c, e, bg) >= 0.5;
            c.dist = (uint16_t)(k > a->st_j ? k - a->st_j : a->st_j - k);
            c.f0 = (uint32_t)S_stf.n;
            if (hs_vec_reserve(&S_stf, S_stf.n + HS_START_MAXF)) return -1;
            c.n = (uint8_t)hs_start_features(d, a, k, S_stf.v + S_stf.n);
            S_stf.n += c.n;
            if (hs_vec_push(&S_stcand, c)) return -1;
            x.nc++;
        }
        if (x.gold == UINT32_MAX || x.nc < 2) {
            /* the gold start is not a candidate (or nothing to choose) */
            S_stcand.n = x.c0;
            S_stf.n = f0;
            *skipped += x.gold == UINT32_MAX;
            continue;
        }
        if (hs_vec_push(&S_stx, x)) return -1;
    }
    return 0;
}

static float S_stscore(const float *w, uint32_t mask, const S_stcnd *c) {
    float s = 0;
    for (int k = 0; k < c->n; k++) s += w[S_stf.v[c->f0 + k] & mask];
    return s;
}

/* The candidate scored highest (the first of equals). */
static uint32_t S_starg(const float *w, uint32_t mask, const S_stex *x) {
    uint32_t best = 0;
    float bs = S_stscore(w, mask, &S_stcand.v[x->c0]);
    for (uint32_t c = 1; c < x->nc; c++) {
        float s = S_stscore(w, mask, &S_stcand.v[x->c0 + c]);
        if (s > bs) {
            bs = s;
            best = c;
        }
    }
    return best;
}

/* How the model does on dir's examples, as hs_start_pick chooses. */
static int S_eval_start(const char *out, const float *sw, uint32_t mask, const char *dir) {
    S_stx.n = S_stcand.n = S_stf.n = 0;
    if (hearsay_model_load(out, &S_full)) return -1;
    size_t skipped = 0;
    int rc = S_each_doc(dir, S_collect_start, &skipped);
    S_close();
    if (rc) return -1;
    size_t rules = 0, model = 0, lost = 0;
    for (size_t i = 0; i < S_stx.n; i++) {
        const S_stex *x = &S_stx.v[i];
        uint32_t best = x->rule;
        float bs = S_stscore(sw, mask, &S_stcand.v[x->c0 + x->rule]) + S_st_margin;
        for (uint32_t q = 0; q < x->nc; q++) {
            const S_stcnd *c = &S_stcand.v[x->c0 + q];
            float sc = S_stscore(sw, mask, c) - S_st_step * c->dist;
            if (q != x->rule && sc > bs) {
                bs = sc;
                best = q;
            }
        }
        rules += x->rule == x->gold;
        model += best == x->gold;
        lost += !S_stcand.v[x->c0 + best].soft;
    }
    fprintf(stderr,
            "hearsay-train: %s: content start: %zu matched contents (%zu more with the gold start outside the "
            "window): rules right %zu, model right %zu, %zu no longer matched\n",
            dir, S_stx.n, skipped, rules, model, lost);
    return 0;
}

/* A ranking example of S_stx (its candidates in S_stcand, features in
 * S_stf): the start and end models. */
static int S_step_rank(size_t i, float *w, float *u, uint32_t mask, float c) {
    const S_stex *x = &S_stx.v[i];
    uint32_t p = S_starg(w, mask, x);
    if (p == x->gold) return 0;
    const S_stcnd *g = &S_stcand.v[x->c0 + x->gold], *bd = &S_stcand.v[x->c0 + p];
    S_update(w, u, mask, &S_stf.v[g->f0], g->n, 1, c);
    S_update(w, u, mask, &S_stf.v[bd->f0], bd->n, -1, c);
    return 1;
}

/* The mean of runs averaged multiclass perceptrons over S_stx, each over
 * its own order of the examples drawn from rng. */
static float *S_train_rank(uint32_t size, int runs, int epochs, uint64_t rng, const char *what) {
    return S_average(size, S_stx.n, runs, epochs, rng, what, S_step_rank);
}

/* Runs the pipeline with the model just written over dir, trains the
 * content-start model (a multiclass averaged perceptron over each
 * example's candidates) and rewrites the model with it. */
static int S_train_start(const char *out, const float *w, uint32_t bits, const char *dir, int epochs,
                         const char *eval) {
    if (S_open(out, bits, S_fold_stages & 1, 0)) return -1;
    size_t skipped = 0;
    int rc = S_each_doc(dir, S_collect_start, &skipped);
    S_close();
    if (rc) return -1;
    fprintf(stderr, "hearsay-train: content start: %zu examples (%zu with the gold start outside the window)\n",
            S_stx.n, skipped);
    uint32_t size = 1u << S_stbits, mask = size - 1;
    float *sw = S_train_rank(size, S_st_runs, epochs, 0x2545F4914F6CDD1Dull ^ S_seed, "content start");
    if (!sw) return -1;
    S_stw = sw;
    rc = S_write(out, w, bits, NULL, 0);
    if (!rc && eval) rc = S_eval_start(out, sw, mask, eval);
    hs_vec_free(&S_stx);
    hs_vec_free(&S_stcand);
    hs_vec_free(&S_stf);
    return rc;
}

/* -------------------------------------------------------- content end */

/* The first token ending after code point cp. */
static size_t S_tok_of_cp(const hearsay_doc *d, uint32_t cp) {
    size_t lo = 0, hi = d->toks.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->toks.v[mid].ce <= cp) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The last word or number before token k (at or after j), or SIZE_MAX:
 * where a content ending before k ends, as score.py trims it. */
static size_t S_last_word(const hearsay_doc *d, size_t j, size_t k) {
    while (k > j) {
        k--;
        if (d->toks.v[k].type == HS_T_WORD || d->toks.v[k].type == HS_T_NUM) return k;
    }
    return SIZE_MAX;
}

/* Examples for the content-end model: every attribution whose content end
 * the model may move (hs_attr.st_e) with a gold content in one piece that
 * matches it (Jaccard >= 0.5, or starting within 3 tokens of its start:
 * 'a Democrat' for 'a Democrat for not pounding the table'), with the gold
 * end among the candidates. (Within 3 tokens rather than on the same one
 * gave 24 more examples on the validation split and exact F1 0.511 ->
 * 0.513; within 6, 0.512.)
 * Counts in cnt: [0] no gold end among the candidates though it lies
 * within the content, [1] the gold end after the rules' end. */
static int S_collect_end(hearsay_doc *d, const S_rng *cues, size_t nc, void *ctx) {
    (void)cues;
    (void)nc;
    size_t *cnt = ctx;
    uint32_t ng = S_ncont ? S_contgrp[S_ncont - 1] : 0;
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        if (!a->nparts || a->nparts != 1 || a->cue_b < 0 || !a->st_e || a->dropped) continue;
        const hs_brange *r = &d->bparts.v[a->part0];
        size_t j = hs_doc_tok_at(d, r->b), e = a->st_e;
        if (j >= e || d->toks.v[e - 1].e != r->e) continue;
        uint32_t b = d->toks.v[j].c, ecp = (uint32_t)hs_doc_cp(d, r->e);
        double best = 0;
        uint32_t bg = 0, bge = 0;
        for (uint32_t g = 1; g <= ng; g++) {
            uint32_t gb = UINT32_MAX, ge = 0, nr = 0;
            for (size_t k = 0; k < S_ncont; k++)
                if (S_contgrp[k] == g) {
                    nr++;
                    if (S_cont[k].b < gb) gb = S_cont[k].b;
                    if (S_cont[k].e > ge) ge = S_cont[k].e;
                }
            if (nr != 1 || ge <= b || gb >= ecp) continue;
            double jac = S_jaccard(b, ecp, g);
            size_t gbt = S_tok_of_cp(d, gb);
            int same = gbt + 3 >= j && gbt <= j + 3;
            if (jac < 0.5 && !same) continue;
            if (same) jac += 1; /* a near start first */
            if (jac > best) {
                best = jac;
                bg = g;
                bge = ge;
            }
        }
        if (!bg) continue;
        size_t gt = S_last_word(d, j, S_tok_of_cp(d, bge));
        size_t ks[HS_END_MAXC];
        size_t n = hs_end_cands(d, a, j, ks);
        if (gt > S_last_word(d, j, e)) {
            cnt[1]++;
            continue;
        }
        S_stex x = {(uint32_t)S_stcand.n, 0, UINT32_MAX, (uint32_t)n - 1};
        size_t f0 = S_stf.n;
        for (size_t q = 0; q < n; q++) {
            if (S_last_word(d, j, ks[q]) == gt && x.gold == UINT32_MAX) x.gold = x.nc;
            S_stcnd c;
            c.soft = S_jaccard(b, d->toks.v[ks[q] - 1].ce, bg) >= 0.5;
            c.dist = (uint16_t)(e - ks[q]);
            c.f0 = (uint32_t)S_stf.n;
            if (hs_vec_reserve(&S_stf, S_stf.n + HS_END_MAXF)) return -1;
            c.n = (uint8_t)hs_end_features(d, a, j, q, S_stf.v + S_stf.n);
            S_stf.n += c.n;
            if (hs_vec_push(&S_stcand, c)) return -1;
            x.nc++;
        }
        if (x.gold == UINT32_MAX || x.nc < 2) {
            S_stcand.n = x.c0;
            S_stf.n = f0;
            cnt[0] += x.gold == UINT32_MAX;
            continue;
        }
        if (hs_vec_push(&S_stx, x)) return -1;
    }
    return 0;
}

/* How the end model does on dir's examples, as hs_end_pick chooses. */
static int S_eval_end(const char *out, const float *ew, uint32_t mask, const char *dir) {
    S_stx.n = S_stcand.n = S_stf.n = 0;
    /* the ends as the rules made them */
    if (S_open(out, 0, 0, 2)) return -1;
    size_t cnt[2] = {0, 0};
    int rc = S_each_doc(dir, S_collect_end, cnt);
    S_close();
    if (rc) return -1;
    size_t rules = 0, model = 0, lost = 0, gained = 0, rsoft = 0;
    for (size_t i = 0; i < S_stx.n; i++) {
        const S_stex *x = &S_stx.v[i];
        uint32_t best = x->rule;
        float bs = S_stscore(ew, mask, &S_stcand.v[x->c0 + x->rule]) + S_en_margin;
        for (uint32_t q = 0; q + 1 < x->nc; q++) {
            const S_stcnd *c = &S_stcand.v[x->c0 + q];
            float sc = S_stscore(ew, mask, c) - S_en_step * c->dist;
            if (sc > bs) {
                bs = sc;
                best = q;
            }
        }
        rules += x->rule == x->gold;
        model += best == x->gold;
        rsoft += S_stcand.v[x->c0 + x->rule].soft;
        lost += S_stcand.v[x->c0 + x->rule].soft && !S_stcand.v[x->c0 + best].soft;
        gained += !S_stcand.v[x->c0 + x->rule].soft && S_stcand.v[x->c0 + best].soft;
    }
    fprintf(stderr,
            "hearsay-train: %s: content end: %zu contents (%zu more with no candidate at the gold end, %zu ending "
            "after the rules' end): rules right %zu, model right %zu; soft-matched %zu, %zu lost, %zu gained\n",
            dir, S_stx.n, cnt[0], cnt[1], rules, model, rsoft, lost, gained);
    return 0;
}

/* Runs the pipeline with the model just written (with its start model)
 * over dir, trains the content-end model (a multiclass averaged perceptron
 * over each example's candidates, as the start model) and rewrites the
 * model with it. */
static int S_train_end(const char *out, const float *w, uint32_t bits, const char *dir, int epochs,
                       const char *eval) {
    S_stx.n = S_stcand.n = S_stf.n = 0;
    if (S_open(out, bits, S_fold_stages & 2, 0)) return -1;
    size_t cnt[2] = {0, 0};
    int rc = S_each_doc(dir, S_collect_end, cnt);
    S_close();
    if (rc) return -1;
    size_t rules = 0;
    for (size_t i = 0; i < S_stx.n; i++) rules += S_stx.v[i].rule == S_stx.v[i].gold;
    fprintf(stderr,
            "hearsay-train: content end: %zu examples, the rules' end right in %zu (%zu with no candidate at the "
            "gold end, %zu ending after the rules' end)\n",
            S_stx.n, rules, cnt[0], cnt[1]);
    uint32_t size = 1u << S_enbits, mask = size - 1;
    /* the mean of S_EN_RUNS averaged perceptrons, each over its own order
     * of the examples: one order's model moved the validation figures by
     * up to 0.004 from another's */
    float *ew = S_train_rank(size, S_EN_RUNS, epochs, 0x61C8864680B583EBull ^ S_seed, "content end");
    if (!ew) return -1;
    S_enw = ew;
    rc = S_write(out, w, bits, NULL, 0);
    if (!rc && eval) rc = S_eval_end(out, ew, mask, eval);
    hs_vec_free(&S_stx);
    hs_vec_free(&S_stcand);
    hs_vec_free(&S_stf);
    return rc;
}

int main(int argc, char **argv) {
    const char *out = "data/hearsay.model", *eval = NULL, *dir = NULL;
    int epochs = 10;
    uint32_t bits = 18;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "--eval") && i + 1 < argc) eval = argv[++i];
        else if (!strcmp(argv[i], "--epochs") && i + 1 < argc) epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--bits") && i + 1 < argc) bits = (uint32_t)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--threshold") && i + 1 < argc) S_threshold = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--heads")) S_heads_only = 1;
        else if (!strcmp(argv[i], "--stem-cands") && i + 1 < argc) S_stem_min = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--folds") && i + 1 < argc) S_nfold = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--fold-all-words")) S_fold_all_words = 1;
        else if (!strcmp(argv[i], "--fold-mix")) S_fold_mix = 1;
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) S_seed = strtoull(argv[++i], NULL, 0) * 0x9E3779B97F4A7C15ull;
        else if (!strcmp(argv[i], "--cue-runs") && i + 1 < argc) S_cue_runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--filter-runs") && i + 1 < argc) S_att_runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--start-runs") && i + 1 < argc) S_st_runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--fold-stages") && i + 1 < argc) {
            const char *st = argv[++i];
            S_fold_stages = (strchr(st, 's') ? 1 : 0) | (strchr(st, 'e') ? 2 : 0) | (strchr(st, 'f') ? 4 : 0);
        }
        else if (!strcmp(argv[i], "--filter")) S_att = 1;
        else if (!strcmp(argv[i], "--start")) S_st = 1;
        else if (!strcmp(argv[i], "--start-margin") && i + 1 < argc) S_st_margin = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--start-step") && i + 1 < argc) S_st_step = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--end")) S_en = 1;
        else if (!strcmp(argv[i], "--end-margin") && i + 1 < argc) S_en_margin = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--end-step") && i + 1 < argc) S_en_step = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "--filter-threshold") && i + 1 < argc) S_att_threshold = (float)atof(argv[++i]);
        else if (argv[i][0] != '-') dir = argv[i];
        else {
            fprintf(stderr, "usage: hearsay-train [--out FILE] [--epochs N] [--bits B] [--threshold T] [--heads] [--stem-cands N] [--folds K] [--fold-stages sef] [--fold-mix] [--fold-all-words] [--cue-runs N] [--start-runs N] [--filter-runs N] [--seed N] [--filter] [--filter-threshold T] [--start] [--start-margin M] [--start-step S] [--end] [--end-margin M] [--end-step S] [--eval DIR] DIR\n");
            return 2;
        }
    }
    if (!dir || bits < 8 || bits > 24 || epochs < 1 || S_cue_runs < 1 || S_att_runs < 1 || S_st_runs < 1 || S_nfold == 1 || S_nfold < 0 || S_nfold > S_MAXFOLD) {
        fprintf(stderr, "usage: hearsay-train [--out FILE] [--epochs N] [--bits B] [--threshold T] [--heads] [--stem-cands N] [--folds K] [--fold-stages sef] [--fold-mix] [--fold-all-words] [--cue-runs N] [--start-runs N] [--filter-runs N] [--seed N] [--filter] [--filter-threshold T] [--start] [--start-margin M] [--start-step S] [--end] [--end-margin M] [--end-step S] [--eval DIR] DIR\n");
        return 2;
    }
    if (S_each_doc(dir, S_count, NULL)) return 1;
    qsort(S_words.v, S_words.n, sizeof *S_words.v, S_cmp_word);
    S_reindex();
    if (S_mark_cands()) return 1;
    if (S_each_doc(dir, S_collect, NULL)) return 1;
    size_t pos = 0;
    for (size_t i = 0; i < S_exs.n; i++) pos += S_exs.v[i].y > 0;
    fprintf(stderr, "hearsay-train: %zu examples, %zu positive\n", S_exs.n, pos);
    uint32_t size = 1u << bits, mask = size - 1;
    float *w = S_train(bits, epochs, S_cue_runs);
    if (!w) return 1;
    if (eval) {
        S_evalctx e = {w, mask, 0, 0, 0};
        if (S_each_doc(eval, S_evaluate, &e)) return 1;
        double p = e.tp ? (double)e.tp / (e.tp + e.fp) : 0, r = e.tp ? (double)e.tp / (e.tp + e.fn) : 0;
        fprintf(stderr, "hearsay-train: %s: cue words P %.3f R %.3f F1 %.3f\n", eval, p, r,
                p + r ? 2 * p * r / (p + r) : 0);
    }
    int rc = S_write(out, w, bits, NULL, 0);
    if (!rc && S_nfold && (S_st || S_en || S_att)) rc = S_fit_folds(dir, bits, epochs);
    if (!rc && S_st) rc = S_train_start(out, w, bits, dir, epochs, eval);
    if (!rc && S_en) rc = S_train_end(out, w, bits, dir, epochs, eval);
    if (!rc && S_att) rc = S_train_att(out, w, bits, dir, epochs);
    free(w);
    free(S_stw);
    free(S_enw);
    S_free_folds();
    hs_vec_free(&S_exs);
    hs_vec_free(&S_words);
    hs_vec_free(&S_lab);
    return rc ? 1 : 0;
}
