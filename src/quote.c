/*
 * quote.c -- pairing quotation marks, paragraph by paragraph.
 *
 * Curly marks and guillemets pair by direction; straight double marks and
 * two apostrophes ('' as some papers print “ and ”) toggle, helped by the
 * spacing around them; single marks nest inside double ones, and a ’ with
 * no open single quotation is an apostrophe (the voters’ choice). A
 * quotation left open runs to the paragraph's end; when the next paragraph
 * opens with a quotation mark, that quotation continues the open one
 * (news style for quotations over several paragraphs). Nothing here can
 * fail on unbalanced marks: stray closing marks are dropped.
 */
#include "hearsay_int.h"

#define S_MAXDEPTH 8

static int S_is_double(int style) { return style == 1 || style == 2 || style == 5 || style == 6; }

/* Does the straight mark at token j open (1) or close (0)? */
static int S_straight_opens(const hearsay_doc *d, size_t j, size_t t0, size_t t1, int open_now) {
    const hs_tok *t = &d->toks.v[j];
    int space_before = j == t0 || (t->flags & (HS_F_SPACE_BEFORE | HS_F_PARA_START));
    int space_after = j + 1 >= t1 || (d->toks.v[j + 1].flags & HS_F_SPACE_BEFORE);
    if (space_before && !space_after) return 1;
    if (!space_before && space_after) return 0;
    return !open_now;
}

typedef struct {
    int32_t q[S_MAXDEPTH]; /* quotation indices */
    int n;
} S_stack;

static int S_open(hearsay_doc *d, S_stack *st, size_t j, uint32_t para, int style) {
    if (st->n == S_MAXDEPTH) return 0; /* too deep: ignore the mark */
    hs_quote q;
    memset(&q, 0, sizeof q);
    q.t0 = (uint32_t)j;
    q.t1 = (uint32_t)j + 1;
    q.para = para;
    q.level = (uint8_t)st->n;
    q.style = (uint8_t)style;
    q.parent = st->n ? st->q[st->n - 1] : -1;
    q.attr = -1;
    if (hs_vec_push(&d->quotes, q)) return HEARSAY_ENOMEM;
    d->toks.v[j].q = HS_Q_OPEN;
    st->q[st->n++] = (int32_t)d->quotes.n - 1;
    return 0;
}

/* Closes quotations down to and including the one at stack depth k. */
static void S_close_to(hearsay_doc *d, S_stack *st, int k, size_t j) {
    while (st->n > k) {
        hs_quote *q = &d->quotes.v[st->q[--st->n]];
        q->t1 = (uint32_t)j + 1;
        q->closed = st->n == k;
        if (!q->closed) q->t1 = (uint32_t)j; /* inner one left open */
    }
    d->toks.v[j].q = HS_Q_CLOSE;
}

static int S_find(const hearsay_doc *d, const S_stack *st, int dbl) {
    for (int k = st->n - 1; k >= 0; k--)
        if (S_is_double(d->quotes.v[st->q[k]].style) == dbl) return k;
    return -1;
}

/* Is the single mark at token j an elision before a year or decade
 * ('90s, ’16), not a quotation mark? */
static int S_elides_year(const hearsay_doc *d, size_t j, size_t t1) {
    if (j + 1 >= t1) return 0;
    const hs_tok *n = &d->toks.v[j + 1];
    const char *s = d->text + n->b;
    size_t len = n->e - n->b;
    if (n->type != HS_T_NUM || (n->flags & HS_F_SPACE_BEFORE)) return 0;
    return (len == 2 || (len == 3 && s[2] == 's')) && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

/* Pairs the marks of paragraph p: the tokens qtoks[*qi...] before its
 * end (the tokenizer lists them, so that the paragraph's other tokens,
 * nine in ten, are not visited). */
static int S_para(hearsay_doc *d, uint32_t p, size_t *qi) {
    hs_para *pa = &d->paras.v[p];
    S_stack st = {{0}, 0};
    for (; *qi < d->qtoks.n && d->qtoks.v[*qi] < pa->t1; ++*qi) {
        size_t j = d->qtoks.v[*qi];
        hs_tok *t = &d->toks.v[j];
        if (j < pa->t0 || t->type != HS_T_QUOTE) continue;
        int dbl = S_is_double(t->qstyle);
        if (!dbl && S_elides_year(d, j, pa->t1)) {
            t->type = HS_T_PUNCT;
            t->q = HS_Q_NONE;
            continue;
        }
        int k = S_find(d, &st, dbl);
        int role = t->q;
        if (role == HS_Q_AMBIG) role = S_straight_opens(d, j, pa->t0, pa->t1, k >= 0) ? HS_Q_OPEN : HS_Q_CLOSE;
        if (!dbl && role == HS_Q_OPEN && t->qstyle == 4 && k < 0 && S_find(d, &st, 1) < 0 &&
            (j + 1 >= pa->t1 || (d->toks.v[j + 1].flags & HS_F_SPACE_BEFORE))) {
            t->type = HS_T_PUNCT; /* a lone ' before a space */
            continue;
        }
        if (role == HS_Q_OPEN) {
            if (dbl && k >= 0 && k == st.n - 1 && !(t->flags & HS_F_SPACE_BEFORE) && j > pa->t0) {
                /* “text“ : an opening mark used to close */
                S_close_to(d, &st, k, j);
                continue;
            }
            if (dbl && k >= 0) S_close_to(d, &st, k, j > pa->t0 ? j - 1 : j);
            if (S_open(d, &st, j, p, t->qstyle)) return HEARSAY_ENOMEM;
        } else if (k >= 0) {
            S_close_to(d, &st, k, j);
        } else {
            t->type = dbl ? HS_T_PUNCT : HS_T_WORD; /* stray mark / apostrophe */
            t->q = HS_Q_NONE;
            if (!dbl) {
                t->flags |= HS_F_POSS;
            }
        }
    }
    /* left open: run to the paragraph's end */
    while (st.n > 0) {
        hs_quote *q = &d->quotes.v[st.q[--st.n]];
        q->t1 = pa->t1;
        q->closed = 0;
    }
    return 0;
}

int hs_quote_run(hearsay_doc *d) {
    size_t qi = 0;
    for (uint32_t p = 0; p < d->paras.n; p++) {
        size_t before = d->quotes.n;
        int rc = S_para(d, p, &qi);
        if (rc) return rc;
        /* a paragraph that opens with a quotation continues an open one */
        if (d->quotes.n > before && p > 0 && before > 0) {
            hs_quote *q = &d->quotes.v[before];
            if (q->t0 == d->paras.v[p].t0 && q->level == 0) {
                for (size_t k = before; k-- > 0;) {
                    hs_quote *prev = &d->quotes.v[k];
                    if (prev->level != 0) continue;
                    if (prev->para + 1 == p && !prev->closed && S_is_double(prev->style) &&
                        S_is_double(q->style))
                        q->reopens = 1;
                    break;
                }
            }
        }
    }
    /* mark tokens inside quotations (innermost wins: quotes are in order) */
    for (size_t k = 0; k < d->quotes.n; k++) {
        hs_quote *q = &d->quotes.v[k];
        for (uint32_t j = q->t0; j < q->t1; j++) {
            d->toks.v[j].flags |= HS_F_INQ;
            d->toks.v[j].quote = (int32_t)k;
        }
    }
    return 0;
}
