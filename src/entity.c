/*
 * entity.c -- resolving speakers: one entity per person or group of the
 * article, with the fullest name it is given, a role, and every mention.
 *
 * A speaker mention is a name ("Ron Klain", "Klain"), a title phrase with a
 * name ("Secretary of State Antony Blinken": role + name), a description
 * ("President Joe Biden's chief of staff", "one Taliban official",
 * "officials"), or a pronoun ("he", "who"). Names merge by surname;
 * pronouns take the last compatible named mention before them ("who" the
 * phrase right before it); a description whose title matches a named
 * entity's role joins that entity; other descriptions stay as they are.
 */
#include "hearsay_int.h"

#include <ctype.h>


static inline __attribute__((always_inline)) int S_tok_is(const hearsay_doc *d, size_t j, const char *w) {
    const hs_tok *t = &d->toks.v[j];
    size_t n = strlen(w);
    if (t->e - t->b != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)d->text[t->b + i]) != w[i]) return 0;
    return 1;
}

/* A parsed mention. */
typedef struct {
    size_t t0, t1;          /* tokens of the mention */
    size_t n0, n1;          /* the name inside it (n0 == n1: none) */
    size_t r0, r1;          /* the role (r0 == r1: none) */
    int pronoun;            /* 1 personal, 2 relative (who/which/that) */
    int plural, gender;
} S_mention;

/* A capitalised word that is no title, honorific, organisation word or
 * word that is never a name (months and weekdays may be names). Without
 * branches: it is asked of every token. */
static int S_name_word(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    return (t->type == HS_T_WORD) & ((t->flags & (HS_F_CAP | HS_F_POSS)) == HS_F_CAP) &
           !(t->lex & (HS_L_TITLE | HS_L_HONORIFIC | HS_L_NOTNAME | HS_L_ORG));
}

static void S_parse(const hearsay_doc *d, uint32_t b, uint32_t e, S_mention *m) {
    memset(m, 0, sizeof *m);
    m->t0 = hs_doc_tok_at(d, b);
    m->t1 = hs_doc_tok_at(d, e - 1) + 1;
    while (m->t1 > m->t0 && d->toks.v[m->t1 - 1].type == HS_T_PUNCT) m->t1--;
    if (m->t1 <= m->t0) return;
    const hs_tok *t = &d->toks.v[m->t0];
    if (m->t1 - m->t0 == 1 && (t->lex & HS_L_PRON_PERSON)) {
        m->pronoun = 1;
        m->plural = (t->lex & HS_L_PLURAL) != 0;
        m->gender = (t->lex & HS_L_MALE) ? 1 : (t->lex & HS_L_FEMALE) ? 2 : 0;
        return;
    }
    if (m->t1 - m->t0 == 1 &&
        (S_tok_is(d, m->t0, "who") || S_tok_is(d, m->t0, "which") || S_tok_is(d, m->t0, "that"))) {
        m->pronoun = 2;
        return;
    }
    /* a possessive inside: the head is after it ("Biden's chief of staff") */
    size_t start = m->t0;
    for (size_t j = m->t0; j < m->t1; j++)
        if (d->toks.v[j].flags & HS_F_POSS) start = j + 1;
    /* an apposition: 'Zabihullah Mujahid, a Taliban spokesman' */
    size_t comma = m->t1, paren = 0; /* paren: a '(' right after the name */
    for (size_t j = start; j < m->t1; j++) {
        char c = d->toks.v[j].type == HS_T_PUNCT ? d->text[d->toks.v[j].b] : 0;
        if (c == '(' && !paren && j > start) paren = j;
        if (c == ')' && paren) {
            /* "Rep. John Mica (R-Fla.), a ...": the apposition after it */
            comma = j + 1 < m->t1 ? j + 1 : m->t1;
            break;
        }
        /* or a spaced dash: 'Governor Chris Christie - a Dallas Cowboys fan' */
        int dash = hs_tok_dash(d, j) && (d->toks.v[j].flags & HS_F_SPACE_BEFORE);
        if (c == ',' || (dash && j > start)) {
            comma = j;
            break;
        }
    }
    /* a name, then a prepositional phrase ('James Pethokoukis of the
     * American Enterprise Institute', 'Bush of Florida'): the phrase is
     * the role, not the name; a title before 'of' ('Secretary of State
     * Antony Blinken') is no name */
    size_t pp = 0;
    for (size_t j = start + 1; j + 1 < comma; j++) {
        if (!(S_tok_is(d, j, "of") || S_tok_is(d, j, "at") || S_tok_is(d, j, "for") || S_tok_is(d, j, "from")))
            continue;
        /* a plural opening the sentence is a common noun ('Proponents of
         * the new bill', 'Critics of the plan'), not a name */
        const hs_tok *w = &d->toks.v[j - 1];
        int plural = j - 1 == start && (w->flags & HS_F_SENT_START) &&
                     ((w->lex & HS_L_GROUP) || (w->e - w->b > 3 && d->text[w->e - 1] == 's'));
        if (S_name_word(d, j - 1) && !plural && (j - 1 == start || S_name_word(d, j - 2) || S_tok_is(d, j + 1, "the")))
            pp = j;
        break;
    }
    if (pp) comma = pp;
    /* the name: the last run of name words before the comma, with the
     * particles of a name inside it ('Michery el Soheil') */
    size_t e2 = paren ? paren : comma;
    while (e2 > start && !S_name_word(d, e2 - 1)) e2--;
    size_t b2 = e2;
    while (b2 > start && (S_name_word(d, b2 - 1) ||
                          ((d->toks.v[b2 - 1].flags & HS_F_ABBREV) && (d->toks.v[b2 - 1].flags & HS_F_CAP) &&
                           d->toks.v[b2 - 1].e - d->toks.v[b2 - 1].b == 2) ||
                          (b2 - 1 > start && S_name_word(d, b2 - 2) &&
                           (S_tok_is(d, b2 - 1, "el") || S_tok_is(d, b2 - 1, "de") || S_tok_is(d, b2 - 1, "van") ||
                            S_tok_is(d, b2 - 1, "von") || S_tok_is(d, b2 - 1, "da") || S_tok_is(d, b2 - 1, "di") ||
                            S_tok_is(d, b2 - 1, "bin") || S_tok_is(d, b2 - 1, "al") || S_tok_is(d, b2 - 1, "la")))))
        b2--;
    /* 'a spokesman for committee Democrats': a name after a preposition in
     * a phrase that opens with a determiner names what the person belongs
     * to, not the person (but 'an analysis by Lily Batchelder' names her) */
    const hs_tok *t0 = &d->toks.v[m->t0];
    int common = (t0->lex & (HS_L_DET | HS_L_PRON_POSS)) && (!(t0->flags & HS_F_CAP) || (t0->flags & HS_F_SENT_START));
    /* also after a common noun ('Legislative leaders in North Carolina',
     * 'Voters in Iowa' opening a sentence) */
    for (size_t j = start; j < b2 && !common && !(d->toks.v[j].lex & HS_L_PREP); j++) {
        const hs_tok *t = &d->toks.v[j];
        common = t->type == HS_T_WORD && !(t->lex & (HS_L_STOP | HS_L_TITLE | HS_L_HONORIFIC)) &&
                 (!(t->flags & HS_F_CAP) || ((t->flags & HS_F_SENT_START) && (t->lex & HS_L_GROUP)));
    }
    if (e2 > b2 && common) {
        for (size_t j = start; j < b2; j++)
            if ((d->toks.v[j].lex & HS_L_PREP) && !S_tok_is(d, j, "by")) { /* 'a report by Politico' */
                e2 = b2;
                break;
            }
    }
    /* names joined by 'and' ('Ted Cruz and Rand Paul', 'Ben Carson, Ted
     * Cruz and Rand Paul') are a group, no person: before the first comma,
     * or a whole mention of names, commas and 'and' */
    if (e2 > b2 && start == m->t0) {
        int names_only = 1, coord = 0;
        for (size_t j = start; j < m->t1; j++) {
            const hs_tok *t = &d->toks.v[j];
            int conj = S_tok_is(d, j, "and") || (t->type == HS_T_PUNCT && t->e - t->b == 1 && d->text[t->b] == '&');
            if (conj && j > start && j + 1 < m->t1 && S_name_word(d, j - 1) &&
                (S_name_word(d, j + 1) || (d->toks.v[j + 1].lex & (HS_L_TITLE | HS_L_HONORIFIC))))
                coord |= j < comma ? 1 : 2;
            if (!(conj || S_name_word(d, j) || (t->lex & (HS_L_TITLE | HS_L_HONORIFIC)) ||
                  (t->type == HS_T_PUNCT && d->text[t->b] == ',') || (t->flags & HS_F_ABBREV)))
                names_only = 0;
        }
        if ((coord & 1) || (coord && names_only)) e2 = b2;
    }
    /* a name only when it ends the phrase: "Biden administration and
     * senior military leaders" is a group, not Biden */
    if (e2 > b2 && start == m->t0 && (e2 == comma || e2 == paren)) {
        m->n0 = b2;
        m->n1 = e2;
        m->r0 = m->t0;
        m->r1 = b2;
        if (comma + 1 < m->t1 && (d->toks.v[comma].type == HS_T_PUNCT || pp)) {
            m->r0 = comma + 1;
            m->r1 = m->t1;
        }
    } else {
        m->r0 = start;
        m->r1 = m->t1;
    }
    /* trim determiners and honorifics off the role */
    while (m->r0 < m->r1 && (d->toks.v[m->r0].lex & (HS_L_DET | HS_L_HONORIFIC)) &&
           !(d->toks.v[m->r0].lex & HS_L_TITLE))
        m->r0++;
    while (m->r0 < m->r1 && (d->toks.v[m->r0].lex & HS_L_DET)) m->r0++;
    if (m->r1 > m->r0 && (d->toks.v[m->r1 - 1].lex & HS_L_HONORIFIC) &&
        !(d->toks.v[m->r1 - 1].lex & HS_L_TITLE))
        m->r1--;
    const hs_tok *h = &d->toks.v[m->t1 - 1];
    m->plural = (h->lex & HS_L_PLURAL) != 0;
    if (!m->plural && m->n0 == m->n1) {
        size_t n = h->e - h->b;
        m->plural = n > 3 && d->text[h->e - 1] == 's' && d->text[h->e - 2] != 's' && !(h->flags & HS_F_CAP);
    }
    for (size_t j = m->t0; j < m->t1; j++) {
        if (d->toks.v[j].lex & HS_L_MALE) m->gender = 1;
        if (d->toks.v[j].lex & HS_L_FEMALE) m->gender = 2;
    }
}

/* "Me" or "I" inside an embedded post is the post's author: the run of
 * tokens spelling the author's name in the post's signature. */
static int S_post_author(const hearsay_doc *d, const S_mention *m, size_t *n0, size_t *n1) {
    if (m->pronoun != 1 || !(S_tok_is(d, m->t0, "me") || S_tok_is(d, m->t0, "i"))) return 0;
    int p = hs_doc_para_at(d, d->toks.v[m->t0].b);
    const hs_debris_raw *post = hs_doc_post(d, p);
    const char *author = post ? hs_doc_strp(d, post->author) : NULL;
    if (!author || !*author) return 0;
    size_t alen = strlen(author);
    for (size_t q = (size_t)p; q < d->paras.n && q < (size_t)p + 8; q++) {
        const hs_debris_raw *r = hs_doc_post(d, (int)q);
        if (!r || r->author != post->author) break;
        for (size_t j = d->paras.v[q].t0; j < d->paras.v[q].t1; j++) {
            const hs_tok *t = &d->toks.v[j];
            if (t->b + alen > d->len || memcmp(d->text + t->b, author, alen)) continue;
            size_t k = j;
            while (k < d->paras.v[q].t1 && d->toks.v[k].e < t->b + alen) k++;
            if (k < d->paras.v[q].t1 && d->toks.v[k].e == t->b + alen) {
                *n0 = j;
                *n1 = k + 1;
                return 1;
            }
        }
    }
    return 0;
}

/* The nearest person's name before token t within about two paragraphs'
 * worth of tokens: a run of two or more name words, not a place or an
 * organisation's name as far as the lexicon tells or a preposition ('of',
 * 'in', 'from', 'at') before it shows. */
static int S_name_before(const hearsay_doc *d, size_t t, size_t *n0, size_t *n1) {
    size_t paras = 0;
    for (size_t j = t; j-- > 0 && t - j < 80;) {
        if (d->toks.v[j + 1 < d->toks.n ? j + 1 : j].flags & HS_F_PARA_START && ++paras > 1) return 0;
        /* a name inside a quotation is not the speaker's ("Big Daddy") */
        if (!S_name_word(d, j) || (d->toks.v[j].flags & HS_F_INQ) || (j + 1 < t && S_name_word(d, j + 1)))
            continue;
        size_t b = j;
        while (b > 0 && j - b < 3 && S_name_word(d, b - 1)) b--;
        if (b < j && (d->toks.v[b].flags & HS_F_SENT_START) && (d->toks.v[b].lex & (HS_L_STOP | HS_L_SAYVERB))) b++;
        if (b == j || (j + 1 < d->toks.n && (d->toks.v[j + 1].lex & HS_L_ORG))) continue;
        /* 'Rep. Lee Zeldin of New York', 'a rally in Des Moines': a place */
        if (b > 0 && (S_tok_is(d, b - 1, "of") || S_tok_is(d, b - 1, "in") || S_tok_is(d, b - 1, "from") ||
                      S_tok_is(d, b - 1, "at")))
            continue;
        *n0 = b;
        *n1 = j + 1;
        return 1;
    }
    return 0;
}

/* Copies tokens [t0, t1) as written (with their spacing) into strings. */
static int32_t S_str(hearsay_doc *d, size_t t0, size_t t1) {
    if (t1 <= t0) return -1;
    return hs_doc_str(d, d->text + d->toks.v[t0].b, d->toks.v[t1 - 1].e - d->toks.v[t0].b);
}

/* Last word of a name as a comparable slice. */
static int S_same_word(const hearsay_doc *d, size_t a, size_t b) {
    const hs_tok *x = &d->toks.v[a], *y = &d->toks.v[b];
    size_t n = x->e - x->b;
    if (n != y->e - y->b) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)d->text[x->b + i]) != tolower((unsigned char)d->text[y->b + i])) return 0;
    return 1;
}

typedef struct {
    size_t n0, n1; /* the fullest name's tokens */
    size_t r0, r1; /* the longest role's tokens */
    int gender, plural, named;
} S_entx;

typedef HS_VEC(S_entx) S_entv;

/* Entities by key (a surname's hash, or a description's), chained:
 * head[key & mask] -> entity -> next[entity] ... (-1 ends). */
typedef struct {
    int32_t *head, *next;
    uint32_t *key;
    size_t mask, cap;
} S_emap;

static int S_emap_init(S_emap *mp, size_t n) {
    size_t size = 64;
    while (size < 2 * n) size *= 2;
    mp->head = malloc(size * sizeof *mp->head);
    mp->next = malloc((n + 1) * sizeof *mp->next);
    mp->key = malloc((n + 1) * sizeof *mp->key);
    mp->mask = size - 1;
    mp->cap = n + 1;
    if (!mp->head || !mp->next || !mp->key) return HEARSAY_ENOMEM;
    for (size_t i = 0; i < size; i++) mp->head[i] = -1;
    return 0;
}

static void S_emap_free(S_emap *mp) {
    free(mp->head);
    free(mp->next);
    free(mp->key);
}

/* Files entity e (index < cap) under key. */
static void S_emap_add(S_emap *mp, uint32_t key, size_t e) {
    if (e >= mp->cap) return;
    mp->key[e] = key;
    mp->next[e] = mp->head[key & mp->mask];
    mp->head[key & mp->mask] = (int32_t)e;
}

/* A description's key: the hash of its words' hashes. */
static uint32_t S_desc_key(const hearsay_doc *d, size_t t0, size_t t1) {
    uint32_t h = 0x2545F491u;
    for (size_t j = t0; j < t1; j++) h = (h ^ d->toks.v[j].wh) * 0x01000193u;
    return h ^ 0x9E3779B9u;
}

static int S_find_named(const hearsay_doc *d, const S_entx *ex, const S_emap *mp, const S_mention *m) {
    uint32_t key = d->toks.v[m->n1 - 1].wh;
    for (int32_t i = mp->head[key & mp->mask]; i >= 0; i = mp->next[i]) {
        if (!ex[i].named || mp->key[i] != key) continue;
        if (S_same_word(d, ex[i].n1 - 1, m->n1 - 1)) {
            /* first names must agree when both are given */
            if (ex[i].n1 - ex[i].n0 > 1 && m->n1 - m->n0 > 1 &&
                !S_same_word(d, ex[i].n0, m->n0) &&
                d->toks.v[m->n0].e - d->toks.v[m->n0].b > 2 &&
                d->toks.v[ex[i].n0].e - d->toks.v[ex[i].n0].b > 2)
                continue;
            return (int)i;
        }
    }
    return -1;
}

/* Does role phrase [r0, r1) end with the words of [h0, h1)? */
static int S_role_match(const hearsay_doc *d, size_t r0, size_t r1, size_t h0, size_t h1) {
    if (h1 <= h0 || r1 - r0 < h1 - h0) return 0;
    int has_title = 0;
    for (size_t k = 0; k < h1 - h0; k++) {
        if (!S_same_word(d, r1 - 1 - k, h1 - 1 - k)) return 0;
        if (d->toks.v[h1 - 1 - k].lex & HS_L_TITLE) has_title = 1;
    }
    return has_title;
}

/* Every run of name words in the article, by its last word's hash: the
 * fullest form of each surname ("Joe Biden" for "Biden"). */
typedef struct {
    uint32_t wh;
    uint32_t b0, b1;
} S_run;

static int S_cmp_run(const void *x, const void *y) {
    const S_run *a = x, *b = y;
    if (a->wh != b->wh) return a->wh < b->wh ? -1 : 1;
    return (b->b1 - b->b0) > (a->b1 - a->b0) ? 1 : (b->b1 - b->b0) < (a->b1 - a->b0) ? -1 : 0;
}

/* The runs, sorted; only those whose last word's hash is one of
 * want[0..nwant) when nwant is not 0 (S_longest_name looks runs up by
 * that hash alone, so the others are never asked for). */
static int S_name_runs(const hearsay_doc *d, void *vec, const uint32_t *want, size_t nwant) {
    HS_VEC(S_run) *runs = vec;
    for (size_t j = 0; j < d->toks.n; j++) {
        /* the last word of a run: a name word not followed by another
         * (most tokens are not capitalised: that is asked first) */
        if (!(d->toks.v[j].flags & HS_F_CAP) || !S_name_word(d, j) ||
            (j + 1 < d->toks.n && S_name_word(d, j + 1)))
            continue;
        size_t b = j;
        while (b > 0 && j - b < 4 && (S_name_word(d, b - 1) ||
                                      ((d->toks.v[b - 1].flags & HS_F_ABBREV) &&
                                       (d->toks.v[b - 1].flags & HS_F_CAP) &&
                                       d->toks.v[b - 1].e - d->toks.v[b - 1].b == 2)))
            b--;
        /* a run that opens a sentence may start with an ordinary word, or
         * a verb of saying ('Continued Stone:') */
        if (b < j && (d->toks.v[b].flags & HS_F_SENT_START) && (d->toks.v[b].lex & (HS_L_STOP | HS_L_SAYVERB))) b++;
        if (b == j) continue;
        size_t k = 0;
        while (k < nwant && want[k] != d->toks.v[j].wh) k++;
        if (nwant && k == nwant) continue;
        S_run r = {d->toks.v[j].wh, (uint32_t)b, (uint32_t)j + 1};
        if (hs_vec_push(runs, r)) return HEARSAY_ENOMEM;
    }
    if (runs->n) qsort(runs->v, runs->n, sizeof *runs->v, S_cmp_run);
    return 0;
}

/* The longest run ending with the word of token w, or NULL. */
static const S_run *S_longest_name(const hearsay_doc *d, const S_run *runs, size_t n, size_t w) {
    uint32_t wh = d->toks.v[w].wh;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (runs[mid].wh < wh) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && runs[lo].wh == wh && S_same_word(d, runs[lo].b1 - 1, w) ? &runs[lo] : NULL;
}

static int S_add_ment(hearsay_doc *d, uint32_t b, uint32_t e, int32_t ent) {
    hs_ment m = {b, e, ent};
    return hs_vec_push(&d->ments, m);
}

typedef struct {
    uint32_t b, e;
    int32_t attr;
    int addr;
} S_m;

static int S_cmp_m(const void *x, const void *y) {
    const S_m *a = x, *b = y;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    if (a->attr != b->attr) return a->attr < b->attr ? -1 : 1;
    return a->addr - b->addr;
}

/* The entity of the name [n0, n1) that pronoun mention m stands for: the
 * named one it matches, else a new one (m's gender). *k is its index;
 * returns 0 or HEARSAY_ENOMEM. */
static int S_named_at(const hearsay_doc *d, S_entv *ex, S_emap *mp, const S_mention *m, size_t n0, size_t n1,
                      int *k) {
    S_mention nm = *m;
    nm.n0 = n0;
    nm.n1 = n1;
    *k = S_find_named(d, ex->v, mp, &nm);
    if (*k >= 0) return 0;
    S_entx x = {n0, n1, 0, 0, m->gender, 0, 1};
    if (hs_vec_push(ex, x)) return HEARSAY_ENOMEM;
    *k = (int)ex->n - 1;
    S_emap_add(mp, d->toks.v[n1 - 1].wh, (size_t)*k);
    return 0;
}

int hs_ent_run(hearsay_doc *d) {
    size_t na = d->attrs.n;
    /* every speaker and addressee mention, in text order */
    HS_VEC(S_m) ms = {0};
    S_entv ex = {0};
    HS_VEC(int32_t) ent_of = {0};
    int rc = 0;
    for (size_t i = 0; i < na && !rc; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->dropped) continue;
        if (a->src_b >= 0) {
            S_m m = {(uint32_t)a->src_b, (uint32_t)a->src_e, (int32_t)i, 0};
            rc = hs_vec_push(&ms, m);
        }
        if (!rc && a->addr_b >= 0) {
            S_m m = {(uint32_t)a->addr_b, (uint32_t)a->addr_e, (int32_t)i, 1};
            rc = hs_vec_push(&ms, m);
        }
    }
    /* by position (direct attributions were found before reported speech) */
    if (ms.n) qsort(ms.v, ms.n, sizeof *ms.v, S_cmp_m);
    if (!rc) rc = hs_vec_reserve(&ent_of, ms.n);
    S_emap mp;
    memset(&mp, 0, sizeof mp);
    if (!rc) rc = S_emap_init(&mp, ms.n);
    /* pass 1: named mentions make entities */
    for (size_t i = 0; i < ms.n && !rc; i++) {
        S_mention m;
        S_parse(d, ms.v[i].b, ms.v[i].e, &m);
        ent_of.v[i] = -1;
        if (S_post_author(d, &m, &m.n0, &m.n1)) {
            m.pronoun = 0;
            m.r0 = m.r1 = 0;
        }
        if (m.pronoun || m.n1 <= m.n0) continue;
        int k = S_find_named(d, ex.v, &mp, &m);
        if (k < 0) {
            S_entx x = {m.n0, m.n1, m.r0, m.r1, m.gender, 0, 1};
            if ((rc = hs_vec_push(&ex, x))) break;
            k = (int)ex.n - 1;
            S_emap_add(&mp, d->toks.v[m.n1 - 1].wh, (size_t)k);
        } else {
            S_entx *x = &ex.v[k];
            if (m.n1 - m.n0 > x->n1 - x->n0) {
                x->n0 = m.n0;
                x->n1 = m.n1;
            }
            if (m.r1 - m.r0 > x->r1 - x->r0) {
                x->r0 = m.r0;
                x->r1 = m.r1;
            }
            if (!x->gender) x->gender = m.gender;
        }
        ent_of.v[i] = k;
    }
    /* pass 2: descriptions and pronouns */
    for (size_t i = 0; i < ms.n && !rc; i++) {
        if (ent_of.v[i] >= 0) continue;
        S_mention m;
        S_parse(d, ms.v[i].b, ms.v[i].e, &m);
        int k = -1;
        if (m.pronoun == 2) {
            /* who: the phrase right before ", who" (often an addressee),
             * else a name there that is no mention ('House Speaker Paul
             * Ryan, who … by declaring') */
            for (size_t j = i; j-- > 0 && i - j < 64;)
                if (ms.v[j].e <= ms.v[i].b && ms.v[i].b - ms.v[j].e <= 3) {
                    k = ent_of.v[j];
                    break;
                }
            size_t n0, n1;
            if (k < 0 && m.t0 >= 2 && S_name_before(d, m.t0, &n0, &n1) && n1 + 1 == m.t0 &&
                d->toks.v[n1].type == HS_T_PUNCT && d->text[d->toks.v[n1].b] == ',' &&
                (rc = S_named_at(d, &ex, &mp, &m, n0, n1, &k)))
                break;
        } else if (m.pronoun == 1) {
            if (S_tok_is(d, m.t0, "i") || S_tok_is(d, m.t0, "we") || S_tok_is(d, m.t0, "you")) {
                k = -1;
            } else {
                uint32_t kb = 0; /* where the candidate was mentioned */
                for (size_t j = i; j-- > 0 && i - j < 64;) {
                    int c = ent_of.v[j];
                    if (c < 0 || ms.v[j].addr) continue;
                    if (ex.v[c].plural != m.plural && ex.v[c].named) continue;
                    if (m.gender && ex.v[c].gender && m.gender != ex.v[c].gender) continue;
                    k = c;
                    kb = ms.v[j].b;
                    break;
                }
                /* a name nearer than any speaker ("Mayor Ann Lee spoke
                 * first. ... she said") */
                size_t n0, n1;
                if (!m.plural && S_name_before(d, m.t0, &n0, &n1) && (k < 0 || d->toks.v[n0].b > kb) &&
                    (rc = S_named_at(d, &ex, &mp, &m, n0, n1, &k)))
                    break;
            }
        } else if (m.r1 > m.r0 && !m.plural) {
            /* a description: a named entity with that role */
            for (size_t c = 0; c < ex.n && c < 256; c++)
                if (ex.v[c].named && S_role_match(d, ex.v[c].r0, ex.v[c].r1, m.r0, m.r1)) {
                    k = (int)c;
                    break;
                }
        }
        if (k < 0 && !m.pronoun && m.t1 > m.t0) {
            /* a description of its own: its text is its name, and the same
             * words later are the same group ("officials") */
            uint32_t key = S_desc_key(d, m.t0, m.t1);
            for (int32_t c = mp.head[key & mp.mask]; c >= 0 && k < 0; c = mp.next[c])
                if (mp.key[c] == key && !ex.v[c].named && ex.v[c].n1 - ex.v[c].n0 == m.t1 - m.t0) k = c;
            if (k < 0) {
                S_entx x = {m.t0, m.t1, 0, 0, m.gender, m.plural, 0};
                if ((rc = hs_vec_push(&ex, x))) break;
                k = (int)ex.n - 1;
                S_emap_add(&mp, key, (size_t)k);
            }
        }
        ent_of.v[i] = k;
    }
    /* a surname alone takes the fullest form the article gives anywhere
     * ("Biden" -> "Joe Biden" from "President Joe Biden's chief of staff") */
    HS_VEC(S_run) runs = {0};
    /* the surnames asked for: when there are a few, only their runs are
     * kept and sorted; when there are none, no run is */
    uint32_t want[16];
    size_t nwant = 0, single = 0;
    for (size_t c = 0; c < ex.n; c++) {
        if (!ex.v[c].named || ex.v[c].n1 - ex.v[c].n0 != 1) continue;
        if (single++ < 16) want[nwant++] = d->toks.v[ex.v[c].n1 - 1].wh;
    }
    if (!rc && single) rc = S_name_runs(d, &runs, want, single <= 16 ? nwant : 0);
    for (size_t c = 0; c < ex.n && !rc; c++) {
        if (!ex.v[c].named || ex.v[c].n1 - ex.v[c].n0 != 1) continue;
        const S_run *r = S_longest_name(d, runs.v, runs.n, ex.v[c].n1 - 1);
        if (r) {
            ex.v[c].n0 = r->b0;
            ex.v[c].n1 = r->b1;
        }
    }
    hs_vec_free(&runs);
    /* public entities: names and roles as strings */
    for (size_t c = 0; c < ex.n && !rc; c++) {
        hs_ent e;
        memset(&e, 0, sizeof e);
        e.name = S_str(d, ex.v[c].n0, ex.v[c].n1);
        e.role = S_str(d, ex.v[c].r0, ex.v[c].r1);
        e.nname = (uint32_t)(ex.v[c].n1 - ex.v[c].n0);
        e.is_group = !ex.v[c].named && ex.v[c].plural;
        e.plural = (uint8_t)ex.v[c].plural;
        e.gender = (uint8_t)ex.v[c].gender;
        rc = hs_vec_push(&d->ents, e);
    }
    for (size_t i = 0; i < ms.n && !rc; i++) {
        int32_t k = ent_of.v[i];
        hs_attr *a = &d->attrs.v[ms.v[i].attr];
        if (ms.v[i].addr) a->addr_entity = k;
        else a->entity = k;
        if (k >= 0) rc = S_add_ment(d, ms.v[i].b, ms.v[i].e, k);
    }
    S_emap_free(&mp);
    hs_vec_free(&ms);
    hs_vec_free(&ex);
    hs_vec_free(&ent_of);
    return rc;
}
