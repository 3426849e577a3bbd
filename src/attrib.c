/*
 * attrib.c -- finding attributions: cues, speakers and contents.
 *
 * Three passes over the article:
 *   1. direct quotations: each outermost quotation looks for its frame
 *      ("Q," X said / X said, "Q" / X: "Q"); quotations with no frame of
 *      their own continue the last direct attribution of the paragraph (or
 *      of the paragraph before, for quotations over several paragraphs);
 *   2. reported speech: each cue outside quotation marks with a subject
 *      takes the rest of its clause as content ("X said (that) ...",
 *      "X told Y ...", "according to X, ..."), or the clause before it
 *      ("..., X said."); a content holding a quotation is mixed;
 *   3. every attribution's kind from how much of its content is quoted.
 */
#include "hearsay_int.h"

#define S_NP_MAX 14

typedef struct {
    hearsay_doc *d;
    uint32_t s0, s1; /* sentence tokens */
} S_ctx;

static inline const hs_tok *S_t(const hearsay_doc *d, size_t j) { return &d->toks.v[j]; }

/* Inlined so that the length of each literal word is a constant. */
static inline __attribute__((always_inline)) int S_is(const hearsay_doc *d, size_t j, const char *w) {
    return hs_tok_is(d, j, w, strlen(w));
}

static int S_punct(const hearsay_doc *d, size_t j, char c) {
    const hs_tok *t = S_t(d, j);
    return t->type == HS_T_PUNCT && t->e - t->b == 1 && d->text[t->b] == c;
}

static int S_dash(const hearsay_doc *d, size_t j) { return hs_tok_dash(d, j); }

static int S_word(const hearsay_doc *d, size_t j) { return S_t(d, j)->type == HS_T_WORD; }
static uint32_t S_lex(const hearsay_doc *d, size_t j) { return S_t(d, j)->lex; }
static int S_cap(const hearsay_doc *d, size_t j) {
    return S_word(d, j) && (S_t(d, j)->flags & HS_F_CAP);
}

/* -------------------------------------------------------- noun phrases */

/* Can token j be part of a speaker's noun phrase? */
static long S_np_left(const hearsay_doc *d, size_t lo, size_t e);

/* A capitalised verb of saying inside a sentence that opens a name ('Hope
 * Hicks', 'Rush Limbaugh'): the next word capitalised and no verb of
 * saying, the word before not capitalised (not 'Trump Says Clinton ...'
 * in a title-case headline). */
static int S_name_verb(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    if (t->flags & HS_F_SENT_START) return 0;
    if (j + 1 >= d->toks.n || !S_cap(d, j + 1) || (S_lex(d, j + 1) & HS_L_SAYVERB)) return 0;
    return !(j > 0 && S_cap(d, j - 1) && !(S_lex(d, j - 1) & HS_L_TITLE));
}

static int S_np_word(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    if (t->type == HS_T_NUM) return 1;
    if (t->type != HS_T_WORD) return 0;
    if (t->flags & HS_F_POSS) return 1;
    uint32_t l = t->lex;
    /* a conjunction or a subordinator, in either case ('Yet another
     * said', 'while Smith says') */
    if ((l & HS_L_CONJ) || S_is(d, j, "so") || S_is(d, j, "while") || S_is(d, j, "whereas") ||
        S_is(d, j, "because") || S_is(d, j, "unless"))
        return 0;
    if (t->flags & HS_F_CAP) return !(l & (HS_L_SAYVERB)) || (l & (HS_L_TITLE | HS_L_GROUP)) || S_name_verb(d, j);
    if (l & (HS_L_TITLE | HS_L_GROUP | HS_L_ORG)) return 1;
    if (l & (HS_L_SAYVERB | HS_L_STOP | HS_L_PREP | HS_L_AUX | HS_L_VERB | HS_L_TIME | HS_L_REL | HS_L_ADV))
        return 0;
    /* an unknown lower-case word: an adjective or noun inside the phrase */
    size_t n = t->e - t->b;
    const char *w = d->text + t->b;
    if (n > 3 && (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 3, "ing", 3) ||
                  !memcmp(w + n - 2, "ly", 2)))
        return 0;
    return 1;
}

/* Is token j a good last word (head) of a speaker phrase? */
static int S_np_head(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    if (t->type != HS_T_WORD || (t->flags & HS_F_POSS)) return 0;
    uint32_t l = t->lex;
    if (l & (HS_L_PRON_PERSON)) return !(l & HS_L_PRON_POSS) || S_is(d, j, "her");
    if (l & (HS_L_TITLE | HS_L_GROUP | HS_L_ORG)) return 1;
    if (t->flags & HS_F_CAP) return !(l & (HS_L_NOTNAME | HS_L_MONTH | HS_L_WEEKDAY)) || (l & HS_L_PRON_PERSON);
    return 0;
}

/* The speaker phrase ending at token e (inclusive), within [lo, e]: returns
 * its first token, or -1. */
/* A lower-case noun phrase opened by a determiner or possessive within a
 * few words: "the woman", "the gambling tycoon", "the 43-year-old". */
static long S_det_phrase(const hearsay_doc *d, size_t lo, size_t e) {
    const hs_tok *h = S_t(d, e);
    if (h->type != HS_T_WORD && h->type != HS_T_NUM) return -1;
    if (h->lex & (HS_L_STOP | HS_L_PREP | HS_L_SAYVERB | HS_L_AUX | HS_L_TIME | HS_L_REL | HS_L_VERB)) return -1;
    for (size_t j = e; j-- > lo && e - j <= 4;) {
        const hs_tok *t = S_t(d, j);
        if (((t->lex & HS_L_DET) && !S_is(d, j, "that") && !S_is(d, j, "no")) || (t->lex & HS_L_PRON_POSS) ||
            (t->flags & HS_F_POSS))
            return (t->flags & HS_F_POSS) ? S_np_left(d, lo, j > lo ? j - 1 : j) : (long)j;
        if (t->type == HS_T_PUNCT || (t->lex & (HS_L_STOP | HS_L_PREP | HS_L_SAYVERB | HS_L_AUX | HS_L_VERB)))
            return -1;
    }
    return -1;
}

/* A short parenthesis after a name ("Rep. John Mica (R-Fla.)"): with ')'
 * at token c, the token of its '(' when a name stands before it, else 0. */
static size_t S_paren_open(const hearsay_doc *d, size_t lo, size_t c) {
    if (!S_punct(d, c, ')')) return 0;
    for (size_t j = c; j > lo + 1 && c - j < 8;) {
        j--;
        if (S_punct(d, j, '(')) return S_cap(d, j - 1) ? j : 0;
        if (S_punct(d, j, ')') || S_punct(d, j, ',') || S_t(d, j)->type == HS_T_QUOTE) return 0;
    }
    return 0;
}

/* The ')' closing a short parenthesis opened at token o, or 0. */
static size_t S_paren_close(const hearsay_doc *d, size_t o, size_t hi) {
    if (!S_punct(d, o, '(')) return 0;
    for (size_t j = o + 1; j < hi && j < o + 8; j++) {
        if (S_punct(d, j, ')')) return j;
        if (S_punct(d, j, '(') || S_punct(d, j, ',') || S_t(d, j)->type == HS_T_QUOTE) return 0;
    }
    return 0;
}

static long S_np_left(const hearsay_doc *d, size_t lo, size_t e) {
    if (e < lo) return -1;
    size_t po = S_paren_open(d, lo, e);
    if (po) return S_np_left(d, lo, po - 1);
    if (!S_np_head(d, e)) return S_det_phrase(d, lo, e);
    if (S_lex(d, e) & HS_L_PRON_PERSON) return (long)e;
    size_t b = e;
    while (b > lo && e - b < S_NP_MAX) {
        size_t j = b - 1;
        if (S_np_word(d, j) && !(S_lex(d, j) & HS_L_PRON_PERSON)) {
            b = j;
            continue;
        }
        if (S_dash(d, j) && !(S_t(d, j)->flags & HS_F_SPACE_BEFORE) && j > lo && S_np_word(d, j - 1)) {
            b = j;
            continue;
        }
        /* "Secretary of State", "chief of staff", "Bush of Florida" */
        if (S_is(d, j, "of") && j > lo && ((S_lex(d, j - 1) & HS_L_TITLE) || (S_cap(d, j - 1) && S_cap(d, b)))) {
            b = j;
            continue;
        }
        if (((S_lex(d, j) & HS_L_DET) && !S_is(d, j, "that")) || S_is(d, j, "every")) {
            b = j;
            break;
        }
        if (S_is(d, j, "and") && j > lo && S_np_word(d, j - 1) && (S_cap(d, b) || (S_lex(d, b) & (HS_L_GROUP | HS_L_TITLE)))) {
            b = j;
            continue;
        }
        break;
    }
    /* trim leading conjunctions */
    while (b < e && (S_is(d, b, "and") || S_is(d, b, "of") || S_dash(d, b))) b++;
    /* a phrase that starts the sentence with a capitalised function word */
    while (b < e && (S_t(d, b)->flags & HS_F_SENT_START) && (S_lex(d, b) & HS_L_NOTNAME) &&
           !(S_lex(d, b) & HS_L_DET))
        b++;
    return (long)b;
}

/* The speaker phrase starting at token b, within [b, hi): returns one past
 * its last token, or 0. */
static size_t S_np_right(const hearsay_doc *d, size_t b, size_t hi) {
    if (b >= hi) return 0;
    if ((S_lex(d, b) & HS_L_PRON_PERSON) && !(S_lex(d, b) & HS_L_PRON_POSS)) return b + 1;
    size_t e = b;
    if ((S_lex(d, e) & HS_L_DET) && e + 1 < hi) e++;
    size_t last_head = 0;
    while (e < hi && e - b < S_NP_MAX) {
        size_t pc = last_head == e ? S_paren_close(d, e, hi) : 0;
        if (pc) { /* "Rep. John Mica (R-Fla.)" */
            e = pc + 1;
            last_head = e;
            continue;
        }
        if (S_np_word(d, e) || (S_is(d, e, "of") && e > b && e + 1 < hi &&
                                ((S_lex(d, e - 1) & HS_L_TITLE) || (S_cap(d, e - 1) && S_cap(d, e + 1))))) {
            if (S_np_head(d, e)) last_head = e + 1;
            e++;
            continue;
        }
        break;
    }
    return last_head;
}

static int S_post_quote_verb(const hearsay_doc *d, size_t j);

/* Does a capitalised word follow token e within four words, with only
 * noun phrase words between ('undecided Republican voter Stephanie')? */
static int S_name_ahead(const hearsay_doc *d, size_t e, size_t hi) {
    for (size_t m = e + 1; m < hi && m <= e + 4; m++) {
        if (S_cap(d, m) && !(S_lex(d, m) & HS_L_NOTNAME)) return 1;
        if (!S_np_word(d, m)) return 0;
    }
    return 0;
}

/* A looser speaker phrase, for where a frame leaves no doubt that one
 * stands there ('"…," said ___' / '"…," ___ said'): common nouns as heads
 * ("a narrator", "the note", "one person", "his nephew Michery el
 * Soheil"), possessive chains ("The Washington Post's Ed O'Keefe"), a
 * prepositional phrase ("James Pethokoukis of the American Enterprise
 * Institute", "a spokesman for committee Democrats") and names joined by
 * 'and'. Returns one past its last noun, or 0. */
static size_t S_frame_np(const hearsay_doc *d, size_t b, size_t hi, int whole) {
    size_t e = b, last = 0;
    int need = 1; /* at the start, or after a preposition or 'and' */
    if (b < hi && (S_lex(d, b) & HS_L_PRON_PERSON) && !(S_lex(d, b) & HS_L_PRON_POSS)) return b + 1;
    while (e < hi && e - b < S_NP_MAX + 6) {
        const hs_tok *t = S_t(d, e);
        if (t->type != HS_T_WORD && t->type != HS_T_NUM) break;
        int opener = ((t->lex & HS_L_DET) && !S_is(d, e, "that") && !S_is(d, e, "no")) ||
                     ((t->lex & HS_L_PRON_POSS) && !(t->flags & HS_F_CAP && e > b)) || S_is(d, e, "one");
        if (opener) {
            if (!need) break;
            need = 0;
            e++;
            /* 'read one.', 'said another,': the pronoun alone */
            if ((S_is(d, e - 1, "one") || S_is(d, e - 1, "another")) &&
                (e >= hi || (S_t(d, e)->type != HS_T_WORD && S_t(d, e)->type != HS_T_NUM)))
                last = e;
            continue;
        }
        /* 'of the Institute', 'at Lehigh', 'and House Speaker Tim Moore';
         * 'in the room' only where the phrase must reach a verb */
        if (last == e && e + 1 < hi &&
            (S_is(d, e, "of") || S_is(d, e, "at") || S_is(d, e, "for") || S_is(d, e, "from") ||
             S_is(d, e, "and") || (whole && (S_is(d, e, "in") || S_is(d, e, "on"))))) {
            const hs_tok *n = S_t(d, e + 1);
            int ok = S_is(d, e, "and") ? (n->flags & HS_F_CAP) != 0
                                       : ((n->lex & HS_L_DET) || (n->flags & HS_F_CAP) || S_np_word(d, e + 1));
            if (!ok) break;
            need = 1;
            e++;
            continue;
        }
        int word = S_np_word(d, e) && !(t->lex & HS_L_PRON_PERSON);
        /* 'retired neurosurgeon', 'leading Supreme Court advocate': a
         * participle inside the phrase; 'the congressional report said':
         * a noun that is also a verb of saying, right before the cue */
        if (!word && t->type == HS_T_WORD && !(t->flags & HS_F_CAP) &&
            (e > b || (whole == 2 && S_name_ahead(d, e, hi))) && e + 1 < hi &&
            !(t->lex & (HS_L_STOP | HS_L_PREP | HS_L_AUX | HS_L_TIME | HS_L_REL | HS_L_CONJ))) {
            if (S_np_word(d, e + 1) && !(S_lex(d, e + 1) & HS_L_PRON_PERSON)) {
                e++;
                need = 0;
                continue;
            }
            if ((last == e || (S_lex(d, e - 1) & (HS_L_DET | HS_L_PRON_POSS))) && S_t(d, e - 1)->type == HS_T_WORD &&
                (S_post_quote_verb(d, e + 1) || S_punct(d, e + 1, ',')))
                word = 1;
        }
        if (!word) break;
        e++;
        need = (t->flags & HS_F_POSS) != 0;
        if (!need && !(t->lex & (HS_L_DET | HS_L_TIME | HS_L_WEEKDAY | HS_L_MONTH))) last = e;
    }
    return last;
}

/* ---------------------------------------------------------------- cues */

/* The start of 'a month later', 'two days earlier', 'a year ago' ending
 * right before token a, else a. */
static size_t S_later_left(const hearsay_doc *d, uint32_t s0, size_t a) {
    size_t a0 = a;
    static const char *const unit[] = {"day", "days", "week", "weeks", "month", "months", "year", "years",
                                       "hour", "hours", "minutes"};
    /* S_skip_aux_left may have passed 'later' already */
    if (a < d->toks.n && (S_is(d, a, "later") || S_is(d, a, "earlier"))) a++;
    if (a < s0 + 4 || !(S_is(d, a - 1, "later") || S_is(d, a - 1, "earlier") || S_is(d, a - 1, "ago"))) return a0;
    int u = 0;
    for (size_t i = 0; i < sizeof unit / sizeof *unit && !u; i++) u = S_is(d, a - 2, unit[i]);
    if (!u) return a0;
    const hs_tok *n = S_t(d, a - 3);
    if (n->type == HS_T_NUM || S_is(d, a - 3, "a") || S_is(d, a - 3, "an") || S_is(d, a - 3, "two") ||
        S_is(d, a - 3, "three") || S_is(d, a - 3, "few") || S_is(d, a - 3, "several"))
        return a - 3;
    return a0;
}

/* Does [b, e) hold a cue word? A relative clause with a cue of its own
 * ('Cruz, who says Trump is attacking him ..., said') is its own
 * attribution, and PolNeAR's annotators leave it out of the outer source
 * (train: 54 of 54 such clauses before a cue left out; 116 of 175 without
 * a cue kept). */
static int S_has_cue(const hearsay_doc *d, size_t b, size_t e) {
    for (size_t j = b; j < e; j++)
        if ((S_t(d, j)->flags & HS_F_CUE) && !(S_t(d, j)->flags & HS_F_INQ)) return 1;
    return 0;
}

/* Does a relative word ('who', 'whose', 'which') stand at j? */
static int S_rel_word(const hearsay_doc *d, size_t j) {
    return S_is(d, j, "who") || S_is(d, j, "whose") || S_is(d, j, "which");
}

/* Is [j, e) a relative clause ('who ...', 'whose ...', 'which ...') with
 * a cue of its own? */
static int S_rel_with_cue(const hearsay_doc *d, size_t j, size_t e) { return S_rel_word(d, j) && S_has_cue(d, j, e); }

/* Adverbs between a subject and its verb that the lexicon does not mark
 * ('Congress only voted for', 'officials have since balked'). */
static int S_skip_adverb(const hearsay_doc *d, size_t j) {
    static const char *const w[] = {"only", "just", "even", "still", "already", "never", "now",
                                    "then", "once", "later", "first", "ever", "finally", "again"};
    if (!S_word(d, j)) return 0;
    /* 'have since balked'; not 'since accepting' */
    if (S_is(d, j, "since")) return j > 0 && (S_lex(d, j - 1) & HS_L_AUX);
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        if (S_is(d, j, w[i])) return 1;
    return 0;
}

/* Skips auxiliaries and adverbs left of a cue ("has also said"). */
static size_t S_skip_aux_left(const hearsay_doc *d, size_t lo, size_t j) {
    size_t k = j;
    /* and a floating quantifier ('Ben Carson, Ted Cruz and Rand Paul have
     * all attacked', 'Strategists for both all agree') */
    while (k > lo &&
           ((S_lex(d, k - 1) & (HS_L_AUX | HS_L_ADV)) || S_is(d, k - 1, "all") || S_is(d, k - 1, "both") ||
            S_skip_adverb(d, k - 1)) &&
           !S_cap(d, k - 1) && j - k < 4)
        k--;
    /* an adverb the lexicon does not list, after a name, a pronoun or a
     * comma ('Clinton, exasperated, famously responded'; not 'the family
     * said') */
    if (k == j && k > lo + 1) {
        const hs_tok *t = S_t(d, k - 1), *p = S_t(d, k - 2);
        size_t n = t->e - t->b;
        if (t->type == HS_T_WORD && !(t->flags & HS_F_CAP) && n >= 6 && !memcmp(d->text + t->e - 2, "ly", 2) &&
            !(t->lex & (HS_L_STOP | HS_L_PREP | HS_L_TITLE | HS_L_GROUP)) &&
            (S_punct(d, k - 2, ',') || (p->flags & HS_F_CAP && !(p->lex & HS_L_DET)) ||
             ((p->lex & HS_L_PRON_PERSON) && !(p->lex & HS_L_PRON_POSS))))
            k--;
    }
    return k;
}

/* Is token j a cue word here? */
static int S_cue_word(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    return (t->flags & HS_F_CUE) && !(t->flags & HS_F_INQ);
}

/* ------------------------------------------------------------ building */

static int S_add_part(hearsay_doc *d, uint32_t b, uint32_t e) {
    hs_brange r = {b, e};
    return hs_vec_push(&d->bparts, r);
}

/* The quotations with a token in [b, e) are taken by the attribution
 * made last (those not taken already): a content holding a quotation is
 * its attribution, and the quotation is not attributed again. */
static void S_claim_quotes(hearsay_doc *d, size_t b, size_t e) {
    for (size_t m = b; m < e; m++) {
        const hs_tok *t = S_t(d, m);
        if (t->quote >= 0) {
            int32_t qk = t->quote;
            while (d->quotes.v[qk].parent >= 0) qk = d->quotes.v[qk].parent;
            if (d->quotes.v[qk].attr < 0) d->quotes.v[qk].attr = (int32_t)d->attrs.n - 1;
        }
    }
}

static hs_attr *S_new_attr(hearsay_doc *d) {
    hs_attr a;
    memset(&a, 0, sizeof a);
    a.src_b = a.src_e = a.cue_b = a.cue_e = a.addr_b = a.addr_e = -1;
    a.entity = a.addr_entity = -1;
    a.date = -1;
    a.quote = -1;
    a.part0 = (uint32_t)d->bparts.n;
    if (hs_vec_push(&d->attrs, a)) return NULL;
    return &d->attrs.v[d->attrs.n - 1];
}

static int S_sent_of_tok(const hearsay_doc *d, size_t j);

static void S_set_src(hearsay_doc *d, hs_attr *a, size_t b, size_t e) {
    a->src_b = (int32_t)S_t(d, b)->b;
    a->src_e = (int32_t)S_t(d, e - 1)->e;
}

static void S_set_cue(hearsay_doc *d, hs_attr *a, size_t b, size_t e) {
    a->cue_b = (int32_t)S_t(d, b)->b;
    a->cue_e = (int32_t)S_t(d, e - 1)->e;
    for (size_t j = b; j < e; j++) d->toks.v[j].flags |= HS_F_CUE_USED;
    a->cue_tok = (uint32_t)b;
    int si = S_sent_of_tok(d, b);
    if (si >= 0) d->sents.v[si].last_attr = (int32_t)(a - d->attrs.v);
}


static int S_sent_of_tok(const hearsay_doc *d, size_t j) {
    size_t lo = 0, hi = d->sents.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents.v[mid].t1 <= j) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->sents.n ? (int)lo : -1;
}

static int S_sent_of(const hearsay_doc *d, size_t j, uint32_t *s0, uint32_t *s1) {
    int si = S_sent_of_tok(d, j);
    if (si < 0) return -1;
    *s0 = d->sents.v[si].t0;
    *s1 = d->sents.v[si].t1;
    return si;
}

/* ------------------------------------------------------ direct quotes */

typedef struct {
    long src_b, src_e; /* tokens [b, e), -1 if none */
    long cue_b, cue_e;
    long addr_b, addr_e;
} S_frame;

static void S_frame_init(S_frame *f) {
    f->src_b = f->src_e = f->cue_b = f->cue_e = f->addr_b = f->addr_e = -1;
}

/* After "told", the addressee phrase. */
static void S_addressee(const hearsay_doc *d, size_t j, size_t hi, S_frame *f) {
    if (!(S_is(d, f->cue_b, "told") || S_is(d, f->cue_b, "tells") || S_is(d, f->cue_b, "tell") ||
          S_is(d, f->cue_b, "telling") || S_is(d, f->cue_b, "asked") || S_is(d, f->cue_b, "asking") ||
          S_is(d, f->cue_b, "asks") || S_is(d, f->cue_b, "urged")))
        return;
    size_t e = S_np_right(d, j, hi);
    if (e <= j && j + 1 < hi && (S_lex(d, j) & (HS_L_PRON_POSS | HS_L_DET))) {
        /* 'told his supporters, "..."', 'told the crowd that ...': a
         * determiner and up to three lower-case words before a comma, a
         * colon, a quotation, 'that' or 'to' */
        size_t k = j + 1;
        while (k < hi && k < j + 4 && S_word(d, k) && !S_cap(d, k) &&
               !(S_lex(d, k) & (HS_L_VERB | HS_L_AUX | HS_L_SAYVERB | HS_L_THAT | HS_L_PREP | HS_L_STOP | HS_L_CONJ)))
            k++;
        if (k > j + 1 && (k == hi || S_punct(d, k, ',') || S_punct(d, k, ':') || S_t(d, k)->type == HS_T_QUOTE ||
                          S_is(d, k, "that") || S_is(d, k, "to")))
            e = k;
    }
    if (e > j) {
        f->addr_b = (long)j;
        f->addr_e = (long)e;
    }
}

/* A verb that can be the cue right after a quotation's speaker: a known
 * cue word, or any lower-case past-tense form ("echoed", "confessed"). */
static int S_post_quote_verb(const hearsay_doc *d, size_t j) {
    if (S_cue_word(d, j)) return 1;
    const hs_tok *t = S_t(d, j);
    if (t->type != HS_T_WORD || (t->flags & (HS_F_CAP | HS_F_INQ))) return 0;
    if (t->lex & (HS_L_STOP | HS_L_PREP | HS_L_TITLE | HS_L_GROUP)) return 0;
    size_t n = t->e - t->b;
    return n > 4 && !memcmp(d->text + t->e - 2, "ed", 2);
}

/* End of an apposition starting at token b ("a former adviser to Mr. Obama
 * who is now ..."): the sentence's end, or before ', saying'. */
static size_t S_appos_end(const hearsay_doc *d, size_t b, size_t hi) {
    size_t e = b;
    while (e < hi && !S_punct(d, e, '.') && !S_punct(d, e, ';')) {
        if (S_t(d, e)->type == HS_T_QUOTE) {
            /* a short quoted title ('the author of "Hacked World Order,"') */
            int32_t qi = S_t(d, e)->quote;
            if (e == b || qi < 0 || d->quotes.v[qi].t0 != e || d->quotes.v[qi].t1 > hi ||
                d->quotes.v[qi].t1 - d->quotes.v[qi].t0 > 10 || !d->quotes.v[qi].closed)
                break;
            e = d->quotes.v[qi].t1;
            continue;
        }
        if (S_punct(d, e, ',') && e + 1 < hi) {
            const hs_tok *n = S_t(d, e + 1);
            size_t len = n->e - n->b;
            if (n->type == HS_T_WORD && len > 4 && !memcmp(d->text + n->e - 3, "ing", 3)) break;
            if (S_is(d, e + 1, "when") || S_is(d, e + 1, "as") || S_is(d, e + 1, "after") ||
                S_is(d, e + 1, "before") || S_is(d, e + 1, "while") || S_is(d, e + 1, "but") ||
                S_is(d, e + 1, "and"))
                break;
        }
        e++;
    }
    while (e > b && S_t(d, e - 1)->type == HS_T_PUNCT) e--;
    return e;
}

/* Can token j start an apposition after a name ("a spokesman", "69",
 * "refugee rights director at ...")? */
static int S_np_quant(const hearsay_doc *d, size_t j);
static long S_np_widen(const hearsay_doc *d, uint32_t s0, long b);
static int S_appos_start(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    if (t->type == HS_T_NUM) return 1;
    if (S_is(d, j, "who") || S_is(d, j, "whose")) return 1;
    if (t->type != HS_T_WORD || (t->lex & (HS_L_PRON_PERSON | HS_L_CONJ | HS_L_REL))) return 0;
    if ((t->lex & HS_L_DET) && !S_is(d, j, "that")) return 1;
    /* 'his campaign spokeswoman', 'many of them conservative Catholics' */
    if (j + 1 < d->toks.n && (t->lex & HS_L_PRON_POSS) && S_np_word(d, j + 1)) return 1;
    if (j + 2 < d->toks.n && S_is(d, j + 1, "of") && S_np_quant(d, j) && S_is(d, j + 2, "them"))
        return 1;
    /* 'of RBC Capital Markets', 'managing director at ...' */
    if (j + 1 < d->toks.n && S_is(d, j, "of") && S_cap(d, j + 1)) return 1;
    size_t n = t->e - t->b;
    if (n > 5 && !memcmp(d->text + t->e - 3, "ing", 3) && j + 1 < d->toks.n && (S_lex(d, j + 1) & HS_L_TITLE))
        return 1;
    return S_np_word(d, j);
}

/* Is [b, e) a speaker phrase, possibly with appositions set off by commas
 * ("Graham, a former candidate," / "Sarandon, 69,")? */
static int S_speaker_segment(const hearsay_doc *d, size_t b, size_t e, int loose) {
    if (e <= b || e - b > 40) return 0;
    if (S_lex(d, e - 1) & (HS_L_DET | HS_L_PREP | HS_L_CONJ | HS_L_PRON_POSS | HS_L_REL) &&
        !(S_lex(d, e - 1) & HS_L_PRON_PERSON))
        return 0;
    size_t c = b;
    while (c < e && !S_punct(d, c, ',')) c++;
    size_t ne = c;
    if (ne <= b) return 0;
    long l = S_np_left(d, b, ne - 1);
    /* 'His critics in the United States, many of them ...' */
    if (l > (long)b) l = S_np_widen(d, (uint32_t)b, l);
    if (l != (long)b && !(loose && S_frame_np(d, b, ne + 1, 1) == ne)) return 0;
    if (c == e) return 1;
    if (c + 1 >= e || !S_appos_start(d, c + 1)) return 0;
    int rel = 0; /* inside a relative clause ('Trump, who has told aides ...,', 'a group that has sued') */
    for (size_t j = c; j < e; j++) {
        const hs_tok *t = S_t(d, j);
        if (t->type == HS_T_QUOTE || S_punct(d, j, '.') || S_punct(d, j, ';')) return 0;
        if (S_is(d, j, "who") || S_is(d, j, "whose") || S_is(d, j, "that") || S_is(d, j, "which")) rel = 1;
        if (!rel && (t->lex & HS_L_SAYVERB) && !(t->flags & HS_F_CAP) && !(t->lex & (HS_L_TITLE | HS_L_GROUP))) return 0;
        /* 'Trump, meanwhile, was making a pitch,': a clause, no apposition */
        if (!rel && (t->lex & (HS_L_AUX | HS_L_VERB)) && !(t->flags & HS_F_CAP) && !(t->lex & HS_L_ADV)) return 0;
    }
    return 1;
}

/* Frame after a quotation ending at token q1 (exclusive):
 * ', X said' / ', said X' / ' X told Y' / ', X, a spokesman, said' /
 * '― Pamela Padilla' (a dash and a name closing the paragraph). */
static int S_frame_after(const hearsay_doc *d, size_t q1, size_t hi, int loose, S_frame *f) {
    size_t j = q1;
    S_frame_init(f);
    if (j + 1 < d->toks.n && S_dash(d, j) && !(S_t(d, j + 1)->flags & HS_F_PARA_START)) {
        size_t pe = j + 1;
        while (pe < d->toks.n && !(S_t(d, pe)->flags & HS_F_PARA_START) && pe < j + 16) pe++;
        size_t ne = S_np_right(d, j + 1, pe);
        /* a line of its own after the quotation's paragraph may go on
         * ('-Michelle Marks, Philadelphia.', '- Sanders.', '-President
         * Obama, tweeting after Clinton's speech.') */
        int line = (S_t(d, j)->flags & HS_F_PARA_START) && ne > j + 1 && ne < pe &&
                   (S_punct(d, ne, ',') || (S_punct(d, ne, '.') && ne + 1 == pe));
        /* ... when the quotation is the whole paragraph before (not '...
         * called him "my African American." | - Reuters.') */
        if (line) {
            size_t p0 = j - 1;
            while (p0 > 0 && j - p0 < 2000 && !(S_t(d, p0)->flags & HS_F_PARA_START)) p0--;
            line = S_t(d, p0)->type == HS_T_QUOTE && S_t(d, p0)->q == HS_Q_OPEN;
        }
        if (pe - j > 8 && !line) ne = 0;
        if ((ne == pe || line) && (pe == d->toks.n || (S_t(d, pe)->flags & HS_F_PARA_START))) {
            f->cue_b = (long)j;
            f->cue_e = (long)j + 1;
            f->src_b = (long)j + 1;
            f->src_e = (long)ne;
            return 1;
        }
    }
    if (j < hi && (S_punct(d, j, ',') || S_dash(d, j))) j++;
    if (j >= hi) return 0;
    /* said X[, apposition] */
    size_t k = j;
    while (k < hi && (S_lex(d, k) & HS_L_ADV) && !S_cue_word(d, k)) k++;
    /* not 'noting that Trump's tax cuts ...': a clause follows, no speaker */
    if (k < hi && S_post_quote_verb(d, k) && !(k + 1 < hi && (S_lex(d, k + 1) & HS_L_THAT))) {
        size_t e = S_np_right(d, k + 1, hi);
        if (e <= k + 1 && loose) e = S_frame_np(d, k + 1, hi, 2);
        /* 'wrote a Trump supporter': a common noun goes on past the name */
        if (e > k + 1 && e < hi && S_word(d, e) && !S_cap(d, e) && S_np_word(d, e)) {
            size_t e2 = S_frame_np(d, k + 1, hi, 2);
            if (e2 > e) e = e2;
        }
        /* 'said Stu Rothenberg of the non-partisan Rothenberg Report' */
        if (e > k + 1 && e < hi && (S_is(d, e, "of") || S_is(d, e, "at") || S_is(d, e, "for"))) {
            size_t e2 = S_frame_np(d, k + 1, hi, 0);
            if (e2 > e) e = e2;
        }
        if (e > k + 1) {
            f->cue_b = (long)k;
            f->cue_e = (long)k + 1;
            f->src_b = (long)k + 1;
            f->src_e = (long)e;
            /* 'said a Mexican official who was not authorized to speak':
             * an unnamed source keeps what describes it */
            if (e < hi && !(S_t(d, e - 1)->flags & HS_F_CAP) && (S_is(d, e, "who") || S_is(d, e, "with"))) {
                f->src_e = (long)S_appos_end(d, e, hi);
                return 1;
            }
            if (e + 1 < hi && S_punct(d, e, ',') && S_appos_start(d, e + 1) &&
                !(S_lex(d, e + 1) & HS_L_TIME)) {
                size_t ae = S_appos_end(d, e + 1, hi);
                /* a relative clause with a cue of its own stays out
                 * (S_has_cue; train: 35 of 35 after a direct frame) */
                if (!S_rel_with_cue(d, e + 1, ae)) f->src_e = (long)ae;
            }
            return 1;
        }
    }
    /* X said: the phrase then the verb, within a few tokens */
    for (size_t v = j + 1; v < hi && v < j + 32; v++) {
        if (S_t(d, v)->type == HS_T_QUOTE || S_punct(d, v, '.') || S_punct(d, v, ';')) break;
        if (!S_post_quote_verb(d, v)) continue;
        size_t a = S_skip_aux_left(d, j, v);
        size_t se = a;
        while (se > j && S_punct(d, se - 1, ',')) se--;
        /* 'Blunt, after a long pause, said': a phrase set off after the
         * speaker, not part of it */
        size_t r = j + 1;
        while (r < se && !S_punct(d, r, ',')) r++;
        if (r + 1 < se && S_speaker_segment(d, j, r, loose) &&
            ((S_lex(d, r + 1) & (HS_L_PREP | HS_L_ADV)) || S_is(d, r + 1, "however")) && !S_is(d, r + 1, "of")) {
            int verb = 0;
            for (size_t m = r + 1; m < se && !verb; m++)
                verb = S_t(d, m)->type == HS_T_QUOTE || (hs_tok_verb(d, m) & 9) || S_punct(d, m, ',');
            if (!verb) se = r;
        }
        if (!S_speaker_segment(d, j, se, loose)) {
            /* a cue word ends the search, unless it sits in a relative
             * clause of the speaker's apposition ('X, who also featured
             * in the film, told ...') */
            int rel = 0;
            for (size_t r = j; r < se && !rel; r++) rel = S_is(d, r, "who") || S_is(d, r, "whose");
            if (S_cue_word(d, v) && !rel) break;
            continue;
        }
        f->src_b = (long)j;
        f->src_e = (long)se;
        /* a relative clause with a cue of its own stays out (S_has_cue) */
        for (size_t w = j + 1; w + 1 < se; w++)
            if (S_punct(d, w, ',') && S_rel_with_cue(d, w + 1, se)) {
                f->src_e = (long)w;
                break;
            }
        f->cue_b = (long)v;
        f->cue_e = (long)v + 1;
        S_addressee(d, v + 1, hi, f);
        return 1;
    }
    return 0;
}

/* Frame before a quotation starting at token q0: 'X said, "Q"' or
 * 'X: "Q"', searched within the sentence [lo, q0). */
static int S_speaker_of_cue(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se);
static int S_subject(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se);
static int S_main_subject(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se);
static size_t S_after_dateline(const hearsay_doc *d, uint32_t s0, size_t v);
static size_t S_subject_open(const hearsay_doc *d, uint32_t s0, size_t v);
static long S_np_left(const hearsay_doc *d, size_t lo, size_t e);
static int S_appos_subject(const hearsay_doc *d, uint32_t s0, size_t e, long *sb, size_t *se);

/* The cue before a quotation's opening punctuation at p (exclusive): the
 * word right before, or 'told his supporters' / 'telling CNBC' (a cue and
 * its addressee). Returns the cue's token, or -1. */
static long S_cue_before(const hearsay_doc *d, size_t lo, size_t p, int any_verb) {
    if (p <= lo) return -1;
    if (any_verb ? S_post_quote_verb(d, p - 1) : S_cue_word(d, p - 1)) return (long)p - 1;
    for (size_t v = p - 1; v > lo && p - v < 7;) {
        v--;
        if (!S_cue_word(d, v)) continue;
        S_frame f;
        S_frame_init(&f);
        f.cue_b = (long)v;
        S_addressee(d, v + 1, p, &f);
        return f.addr_e == (long)p ? (long)v : -1;
    }
    return -1;
}

/* Frame before a quotation starting at token q0: 'X said, "Q"', 'X told
 * Y: "Q"' or 'X: "Q"', searched within the sentence [lo, q0). */
static int S_frame_before(const hearsay_doc *d, size_t lo, size_t q0, S_frame *f) {
    S_frame_init(f);
    if (q0 == lo) return 0;
    int colon = S_punct(d, q0 - 1, ':');
    size_t p = colon || S_punct(d, q0 - 1, ',') ? q0 - 1 : q0;
    long v = S_cue_before(d, lo, p, colon);
    if (v < 0) {
        /* 'Ron Klain: "Q"' -- a speaker phrase and a colon opening the sentence */
        long b = colon && p > lo ? S_np_left(d, lo, p - 1) : -1;
        if (b != (long)lo) return 0;
        f->cue_b = (long)p;
        f->cue_e = (long)p + 1;
        f->src_b = b;
        f->src_e = (long)p;
        return 1;
    }
    f->cue_b = v;
    f->cue_e = colon ? (long)p + 1 : v + 1;
    S_addressee(d, (size_t)v + 1, p, f);
    long b;
    size_t e;
    if (S_speaker_of_cue(d, (uint32_t)lo, (size_t)v, &b, &e)) {
        f->src_b = b;
        f->src_e = (long)e;
        return 1;
    }
    /* 'said Smith, "Q"' */
    size_t ne = S_np_right(d, (size_t)v + 1, p);
    if (ne <= (size_t)v + 1) return colon;
    f->src_b = v + 1;
    f->src_e = (long)ne;
    return 1;
}

/* The subject of the last clause before token p, within [lo, p): a clause
 * opens the sentence or follows ',' '—' ';' 'and' 'but' 'as' ('Asked
 * whether …, Mr. Smith shot back:', 'Reid said …, but he gave the Texan a
 * compliment:'); with sub, also a subordinating word ('…, when Sanders
 * protesters interrupted her speech, shouting'). Its speaker phrase is
 * followed by a lower-case word that may be a verb, *verb. 1 or 0. */
static int S_clause_subject(const hearsay_doc *d, size_t lo, size_t p, int sub, long *sb, size_t *se, size_t *verb) {
    for (size_t c = p; c-- > lo;) {
        if (c > lo && !(S_punct(d, c - 1, ',') || S_dash(d, c - 1) || S_punct(d, c - 1, ';') ||
                        S_is(d, c - 1, "and") || S_is(d, c - 1, "but") || S_is(d, c - 1, "as") ||
                        (sub && (S_is(d, c - 1, "when") || S_is(d, c - 1, "while") || S_is(d, c - 1, "after") ||
                                 S_is(d, c - 1, "before") || S_is(d, c - 1, "because") ||
                                 S_is(d, c - 1, "since") || S_is(d, c - 1, "if")))))
            continue;
        /* past a conjunction or adverb opening the clause ('And then
         * Trump went on the attack, saying', 'Then he cut into Bush,
         * calling him') */
        size_t m = c;
        while (m < p && m < c + 2 && S_word(d, m) && (S_lex(d, m) & (HS_L_CONJ | HS_L_ADV)) &&
               !(S_lex(d, m) & (HS_L_PRON_PERSON | HS_L_TIME)))
            m++;
        size_t e = S_np_right(d, m, p);
        if (e <= m) e = S_frame_np(d, m, p, 0);
        if (e <= m || e >= p) continue;
        long b = (long)m;
        size_t be = e;
        if (S_punct(d, e, ',')) { /* 'Mitt Romney, the 2012 nominee, tweeted' */
            size_t c2 = e + 1;
            while (c2 < p && c2 < e + 25 && !S_punct(d, c2, ',')) c2++;
            long b2;
            size_t e2;
            if (c2 >= p || !S_appos_subject(d, (uint32_t)m, c2, &b2, &e2) || b2 != b) continue;
            be = e2;
            e = c2 + 1;
        }
        const hs_tok *v = S_t(d, e);
        if (v->type != HS_T_WORD || (v->flags & HS_F_CAP) || ((v->lex & (HS_L_STOP | HS_L_PREP)) && !(v->lex & HS_L_AUX)))
            continue;
        *sb = b;
        *se = be;
        *verb = e;
        return 1;
    }
    return 0;
}

/* A quotation after a colon with no cue word in its sentence ('She then
 * addressed the supporters again: "…"', 'Pollsters agree - Carl Bialik:
 * "…"', 'From the report: "…"'): the colon announces speech. The speaker
 * is a name right before the colon, else the subject of the last clause
 * that has one (the cue then the verb after it), else the subject of the
 * last cue word; the cue is the colon when nothing better stands. Within
 * [lo, q0), q0 - 1 being the colon. Always 1 when there is a colon. */
static int S_frame_colon(const hearsay_doc *d, size_t lo, size_t q0, S_frame *f) {
    S_frame_init(f);
    if (q0 <= lo + 1 || !S_punct(d, q0 - 1, ':')) return 0;
    size_t p = q0 - 1;
    f->cue_b = (long)p;
    f->cue_e = (long)p + 1;
    long b = S_np_left(d, lo, p - 1);
    if (b >= 0 && S_np_head(d, p - 1) && S_cap(d, p - 1)) {
        size_t pb = (size_t)b - 1; /* valid when b > lo */
        if ((size_t)b == lo || S_t(d, pb)->type == HS_T_PUNCT || S_is(d, pb, "from")) {
            f->src_b = b;
            f->src_e = (long)p;
            return 1;
        }
        /* 'Continued Stone:', 'According to HuffPo:': the cue before the name */
        int according = pb > lo && S_is(d, pb, "to") && S_is(d, pb - 1, "according") && pb - 1 == lo;
        if (according || (pb == lo && (S_lex(d, pb) & HS_L_SAYVERB))) {
            f->src_b = b;
            f->src_e = (long)p;
            f->cue_b = (long)(according ? pb - 1 : pb);
            f->cue_e = (long)pb + 1;
            return 1;
        }
    }
    long sb;
    size_t se, v;
    if (S_clause_subject(d, lo, p, 0, &sb, &se, &v)) {
        f->src_b = sb;
        f->src_e = (long)se;
        if (!(S_lex(d, v) & (HS_L_AUX | HS_L_ADV))) {
            f->cue_b = (long)v;
            f->cue_e = (long)v + 1;
        }
        return 1;
    }
    /* 'Nelson Diaz, a former aide, said of Mr. Rubio:' */
    for (v = p; v-- > lo;) {
        if (!S_cue_word(d, v)) continue;
        if (S_speaker_of_cue(d, (uint32_t)lo, v, &sb, &se) && sb >= 0) {
            f->src_b = sb;
            f->src_e = (long)se;
            f->cue_b = (long)v;
            f->cue_e = (long)v + 1;
        }
        break;
    }
    return 1;
}

static int S_commit_direct(hearsay_doc *d, const S_frame *f, hs_attr **out) {
    hs_attr *a = S_new_attr(d);
    if (!a) return HEARSAY_ENOMEM;
    if (f->src_b >= 0) S_set_src(d, a, (size_t)f->src_b, (size_t)f->src_e);
    if (f->cue_b >= 0) S_set_cue(d, a, (size_t)f->cue_b, (size_t)f->cue_e);
    if (f->addr_b >= 0) {
        a->addr_b = (int32_t)S_t(d, f->addr_b)->b;
        a->addr_e = (int32_t)S_t(d, f->addr_e - 1)->e;
    }
    *out = a;
    return 0;
}

static int S_quote_part(hearsay_doc *d, hs_attr *a, const hs_quote *q) {
    uint32_t e = S_t(d, q->t1 - 1)->e;
    if (S_add_part(d, S_t(d, q->t0)->b, e)) return HEARSAY_ENOMEM;
    a->nparts++;
    return 0;
}

/* Is the quotation worth attributing without a frame? (a sentence, not a
 * scare-quoted phrase) */
static int S_quote_is_speech(const hearsay_doc *d, const hs_quote *q) {
    size_t words = 0;
    for (size_t j = q->t0; j < q->t1; j++)
        if (S_t(d, j)->type == HS_T_WORD) words++;
    int starts = (S_t(d, q->t0)->flags & (HS_F_SENT_START | HS_F_PARA_START)) != 0;
    return words >= 4 && (starts || q->reopens);
}

/* A transcript line inside a quotation: '"PENCE: Well, look, ...'. Returns
 * the colon's token, or 0. */
static size_t S_transcript_colon(const hearsay_doc *d, const hs_quote *q) {
    size_t j = q->t0 + 1;
    while (j < q->t1 && j < q->t0 + 5 && S_cap(d, j)) j++;
    if (j == q->t0 + 1 || j >= q->t1 || !S_punct(d, j, ':')) return 0;
    /* a name in capitals, or a capitalised name of one or two words */
    if (!(S_t(d, q->t0 + 1)->flags & HS_F_ALLCAP) && j - q->t0 > 3) return 0;
    /* a book's title and subtitle mid-sentence ('the book "Backfire: Carly
     * Fiorina's ..."') is no transcript line */
    if (!(S_t(d, q->t0)->flags & (HS_F_SENT_START | HS_F_PARA_START)) && !(S_t(d, q->t0 + 1)->flags & HS_F_ALLCAP))
        return 0;
    if (S_lex(d, q->t0 + 1) & HS_L_NOTNAME) return 0;
    return j;
}

static int S_transcript(hearsay_doc *d, size_t k, size_t colon) {
    hs_quote *q = &d->quotes.v[k];
    hs_attr *a = S_new_attr(d);
    if (!a) return HEARSAY_ENOMEM;
    S_set_src(d, a, q->t0 + 1, colon);
    S_set_cue(d, a, colon, colon + 1);
    size_t cb = colon + 1, ce = q->t1;
    if (cb >= ce) return 0;
    if (S_add_part(d, S_t(d, cb)->b, S_t(d, ce - 1)->e)) return HEARSAY_ENOMEM;
    a->nparts = 1;
    a->quote = (int32_t)k;
    q->attr = (int32_t)(d->attrs.n - 1);
    return 0;
}

/* Words that label a headline without naming a speaker ('The Latest:',
 * 'Delegate Update:', 'Editor's Note:', 'WATCH:'). */
static int S_label_word(const hearsay_doc *d, size_t j) {
    static const char *const w[] = {"latest", "update", "updates", "daily", "note", "watch", "exclusive",
                                    "analysis", "opinion", "review", "editorial", "live", "breaking",
                                    "factbox", "timeline", "explainer", "recap", "video", "photos", "related",
                                    "correction", "transcript", "podcast", "quiz", "read", "listen", NULL};
    for (size_t k = 0; w[k]; k++)
        if (S_is(d, j, w[k])) return 1;
    return 0;
}

/* A line that is a speaker's label and what they said: a headline ('Issa:
 * Hillary Clinton's 'Honesty Is In Question.'', the article's first line:
 * PolNeAR attributes 82 of train's 132 colon headlines, not 'The Latest:'
 * and the like) or, in the body, a transcript line opened by a name in
 * capitals ('JAKE TAPPER: Donald Trump released a video ...'). The content
 * is the rest of the line; a headline has no cue, a transcript line its
 * colon. Quotations in the line are the content's, and the line is no
 * reported speech of its own. */
static int S_label_lines(hearsay_doc *d) {
    for (size_t p = 0; p < d->paras.n; p++) {
        hs_para *pa = &d->paras.v[p];
        size_t t0 = pa->t0, t1 = pa->t1, c = t0 + 1;
        if (t1 < t0 + 5 || hs_doc_para_skipped(d, (int)p)) continue;
        while (c < t1 && c < t0 + 6 && S_word(d, c)) c++;
        if (c + 3 > t1 || !S_punct(d, c, ':') || S_label_word(d, c - 1)) continue;
        int words = 0; /* the content: words, not a tally ('Clinton: 547.') */
        for (size_t j = c + 1; j < t1 && words < 3; j++) words += S_word(d, j);
        if (words < 3) continue;
        int head = p == 0;
        if (head) {
            if (pa->e - pa->b > 200 || S_np_left(d, t0, c - 1) != (long)t0) continue;
            /* 'Netanyahu and Obama: A tortured relationship', 'Monday's
             * Morning Email:': a topic, not a speaker */
            int topic = 0;
            for (size_t j = t0; j < c; j++) topic |= (S_lex(d, j) & (HS_L_CONJ | HS_L_WEEKDAY | HS_L_MONTH)) != 0;
            if (topic) continue;
        } else {
            int caps = 1;
            for (size_t j = t0; j < c; j++)
                caps &= (S_t(d, j)->flags & HS_F_ALLCAP) && !(S_lex(d, j) & HS_L_NOTNAME);
            if (!caps || c > t0 + 3) continue;
        }
        hs_attr *a = S_new_attr(d);
        if (!a) return HEARSAY_ENOMEM;
        S_set_src(d, a, t0, c);
        if (!head) S_set_cue(d, a, c, c + 1);
        if (S_add_part(d, S_t(d, c + 1)->b, S_t(d, t1 - 1)->e)) return HEARSAY_ENOMEM;
        a->nparts = 1;
        S_claim_quotes(d, c + 1, t1);
        pa->label = 1;
    }
    return 0;
}

/* A new direct attribution with frame f and quotation k as its content,
 * from token 'from' when that stands before the quotation ('They
 * "actually had chemistry," said Rhodes': the clause is the content). */
static int S_take_quote_from(hearsay_doc *d, const S_frame *f, size_t k, size_t from) {
    hs_attr *a;
    if (S_commit_direct(d, f, &a)) return HEARSAY_ENOMEM;
    a->quote = (int32_t)k;
    const hs_quote *q = &d->quotes.v[k];
    if (from < q->t0) {
        if (S_add_part(d, S_t(d, from)->b, S_t(d, q->t1 - 1)->e)) return HEARSAY_ENOMEM;
        a->nparts++;
    } else if (S_quote_part(d, a, q))
        return HEARSAY_ENOMEM;
    d->quotes.v[k].attr = (int32_t)(d->attrs.n - 1);
    return 0;
}

static int S_take_quote(hearsay_doc *d, const S_frame *f, size_t k) {
    return S_take_quote_from(d, f, k, d->quotes.v[k].t0);
}

/* Does [b, e) hold no quotation mark, colon, semicolon, opening
 * parenthesis or cue word (one clause that a quotation may go on from)? */
static int S_plain_clause(const hearsay_doc *d, size_t b, size_t e) {
    for (size_t j = b; j < e; j++)
        if (S_t(d, j)->type == HS_T_QUOTE || S_punct(d, j, ':') || S_punct(d, j, ';') || S_punct(d, j, '(') ||
            S_cue_word(d, j))
            return 0;
    return 1;
}

/* The start of the clause that a mid-sentence quotation closes before its
 * frame ('Ms. Brainard is "not a backslapper," said Mr. Sperling'): the
 * sentence's start, when what stands between holds no cue, colon or other
 * quotation; else the quotation's own start. */
static size_t S_clause_start(const hearsay_doc *d, uint32_t s0, const hs_quote *q) {
    if (q->t0 <= s0 || q->t0 - s0 > 25) return q->t0;
    if (!(q->t1 >= 2 && S_punct(d, q->t1 - 2, ','))) return q->t0;
    return S_plain_clause(d, s0, q->t0) ? s0 : q->t0;
}

/* A short quotation of capitalised words ('"Fox News Sunday,"'): a title,
 * whose neighbouring cue belongs to reported speech. */
static int S_quote_is_title(const hearsay_doc *d, const hs_quote *q) {
    size_t words = 0;
    for (size_t j = q->t0 + 1; j + 1 < q->t1; j++) {
        const hs_tok *t = S_t(d, j);
        if (t->type != HS_T_WORD) continue;
        if (!(t->flags & HS_F_CAP) && !(t->lex & (HS_L_PREP | HS_L_DET | HS_L_CONJ))) return 0;
        words++;
    }
    return words >= 1 && words <= 5;
}

/* A quotation opening a sentence in mid-paragraph, after a sentence with
 * no quotation that names who speaks next ('Clinton touted her
 * credentials. "We need ..."', 'Corker said he was careful. "If we
 * ..."'): the subject of that sentence's last cue, else its main subject
 * when that is a name or a pronoun. */
static int S_frame_prev_sentence(const hearsay_doc *d, int si, S_frame *f) {
    if (si <= 0) return 0;
    const hs_sent *cur = &d->sents.v[si], *prev = &d->sents.v[si - 1];
    if (prev->para != cur->para || prev->t1 <= prev->t0 || prev->last_attr >= 0) return 0;
    /* '"…?" Trump went on. "But …"': the sentence is a frame already */
    if (d->attrs.n) {
        const hs_attr *a = &d->attrs.v[d->attrs.n - 1];
        if (a->src_b >= 0 && (uint32_t)a->src_b >= S_t(d, prev->t0)->b && (uint32_t)a->src_b < S_t(d, prev->t1 - 1)->e)
            return 0;
    }
    for (size_t j = prev->t0; j < prev->t1; j++)
        if (S_t(d, j)->type == HS_T_QUOTE) return 0;
    long sb;
    size_t se;
    S_frame_init(f);
    for (size_t v = prev->t1; v-- > prev->t0;) {
        if (!S_cue_word(d, v)) continue;
        if (S_subject(d, prev->t0, v, &sb, &se) && sb >= 0 && se > (size_t)sb) {
            f->src_b = sb;
            f->src_e = (long)se;
            return 1;
        }
        break;
    }
    if (!S_main_subject(d, prev->t0, prev->t1, &sb, &se)) return 0;
    const hs_tok *h = S_t(d, se - 1);
    if (!((h->flags & HS_F_CAP) || (h->lex & HS_L_PRON_PERSON)) || (h->lex & HS_L_PRON_POSS)) return 0;
    if (S_lex(d, (size_t)sb) & HS_L_NOTNAME && !(S_lex(d, (size_t)sb) & (HS_L_PRON_PERSON | HS_L_DET))) return 0;
    f->src_b = sb;
    f->src_e = (long)se;
    return 1;
}

static size_t S_clause_end(const hearsay_doc *d, size_t j, size_t hi);

/* A frame set in the middle of the sentence it reports ('These sources,
 * the lawyers said, "all command the same conclusion" that ...', 'There
 * was, she said, "an implicit bargain."'): the quotation goes on in lower
 * case from the clause the frame interrupts. Returns the end of that
 * clause's first part (the comma before the speaker), or 0. */
static size_t S_interrupted_clause(const hearsay_doc *d, uint32_t s0, const hs_quote *q, const S_frame *f) {
    if (f->src_b <= (long)s0 + 1 || f->cue_b < f->src_b || q->t0 < 2 || !S_punct(d, q->t0 - 1, ',')) return 0;
    size_t c = (size_t)f->src_b - 1;
    if (!S_punct(d, c, ',')) return 0;
    const hs_tok *w = S_t(d, q->t0 + 1 < q->t1 ? q->t0 + 1 : q->t0);
    if (w->type != HS_T_WORD || (w->flags & HS_F_CAP)) return 0;
    if (S_lex(d, s0) & (HS_L_PREP | HS_L_TIME | HS_L_CONJ)) return 0;
    return S_plain_clause(d, s0, c) ? c : 0;
}

static int S_direct(hearsay_doc *d) {
    hs_attr *last = NULL;       /* last direct attribution, for continuations */
    uint32_t last_para = 0;
    size_t last_attr = 0;
    for (size_t k = 0; k < d->quotes.n; k++) {
        hs_quote *q = &d->quotes.v[k];
        if (q->level != 0 || q->attr >= 0) continue; /* inner, or taken by an earlier content */
        if (hs_doc_para_skipped(d, (int)q->para)) continue;
        uint32_t s0, s1, e0, e1;
        if (S_sent_of(d, q->t0, &s0, &s1) < 0) continue;
        if (S_sent_of(d, q->t1 - 1, &e0, &e1) < 0) continue;
        size_t colon = S_transcript_colon(d, q);
        if (colon) {
            if (S_transcript(d, k, colon)) return HEARSAY_ENOMEM;
            last = &d->attrs.v[d->attrs.n - 1];
            last_attr = d->attrs.n - 1;
            last_para = q->para;
            continue;
        }
        S_frame f;
        int found = 0, after = 0;
        /* the frame after (within the sentence that holds the quote's end,
         * or the next tokens when the quotation ended the sentence) */
        size_t hi = e1;
        if (q->t1 >= e1 && q->t1 < d->toks.n && !(d->toks.v[q->t1].flags & HS_F_PARA_START)) {
            uint32_t n0, n1;
            if (S_sent_of(d, q->t1, &n0, &n1) >= 0) hi = n1;
        }
        if (q->closed) {
            int end_sentence = q->t1 >= 2 && (S_punct(d, q->t1 - 2, '.') || S_punct(d, q->t1 - 2, '?') ||
                                               S_punct(d, q->t1 - 2, '!'));
            /* a quotation ending in ',' '?' '!' inside its marks, or with a
             * comma after them, leaves its sentence open for a frame */
            int open = q->t0 == s0 &&
                       ((q->t1 >= 2 && (S_punct(d, q->t1 - 2, ',') || S_punct(d, q->t1 - 2, '?') ||
                                        S_punct(d, q->t1 - 2, '!'))) ||
                        (q->t1 < hi && S_punct(d, q->t1, ',')));
            found = after = S_frame_after(d, q->t1, hi, open, &f);
            /* after a full stop only a short 'Trump said.' sentence counts */
            if (found && end_sentence && S_punct(d, q->t1 - 2, '.') && (S_t(d, q->t1)->flags & HS_F_CAP) &&
                (size_t)f.cue_e + 6 < hi)
                found = 0;
            /* ... and only for a quotation that opened its own sentence
             * ('Manafort dismissed the whole kerfuffle as "absurd." Trump's
             * supporters seemed equally unperturbed.') */
            if (found && end_sentence && S_punct(d, q->t1 - 2, '.') && q->t0 != s0 &&
                !(q->t0 == s0 + 1 && (S_lex(d, s0) & HS_L_CONJ)))
                found = 0;
            /* '"Fox News Sunday," Gov. Mike Pence said his running mate ...':
             * a title, and the cue has a clause of its own */
            if (found && S_quote_is_title(d, q) && (size_t)f.cue_e < hi) {
                const hs_tok *n = S_t(d, (size_t)f.cue_e);
                if (n->type == HS_T_WORD && ((n->lex & (HS_L_DET | HS_L_PRON_PERSON | HS_L_PRON_POSS | HS_L_THAT)) ||
                                             ((n->flags & HS_F_CAP) && !(n->lex & (HS_L_TIME | HS_L_WEEKDAY)))))
                    found = 0;
            }
        }
        if (!found) found = S_frame_before(d, s0, q->t0, &f);
        if (!found && q->t0 == d->paras.v[q->para].t0 && q->t0 > 0 && S_punct(d, q->t0 - 1, ':')) {
            /* 'Dr. Ward stated:' ending the paragraph before */
            uint32_t p0, p1;
            if (S_sent_of(d, q->t0 - 1, &p0, &p1) >= 0) {
                found = S_frame_before(d, p0, q->t0, &f);
                if (!found && !hs_doc_para_skipped(d, (int)d->sents.v[S_sent_of_tok(d, q->t0 - 1)].para))
                    found = S_frame_colon(d, p0, q->t0, &f);
            }
        } else if (!found && q->t0 > s0 + 1 && S_punct(d, q->t0 - 1, ':'))
            found = S_frame_colon(d, s0, q->t0, &f);
        if (!found && q->t0 == s0 && s0 > d->paras.v[q->para].t0 && S_quote_is_speech(d, q))
            found = S_frame_prev_sentence(d, S_sent_of_tok(d, q->t0), &f);
        /* a mid-sentence quotation after a cue is part of reported speech:
         * left to the indirect pass ('said "our interests" would ...') */
        if (found && f.cue_b >= 0 && q->t0 > s0 && !S_punct(d, q->t0 - 1, ':') &&
            !S_punct(d, q->t0 - 1, ',') && q->t1 < e1 && !S_punct(d, q->t1, ',') &&
            !S_punct(d, q->t1, '.') && f.cue_b < (long)q->t0 && (size_t)f.cue_e == q->t0) {
            /* the quotation continues into the sentence: not a direct frame */
            size_t nx = q->t1;
            if (nx < e1 && S_t(d, nx)->type == HS_T_WORD) continue;
        }
        /* '"A," she said, "B."': the frame before B is A's: one attribution */
        int same_cue = found && last && f.cue_b >= 0 && d->attrs.v[last_attr].cue_b >= 0 &&
                       (uint32_t)d->attrs.v[last_attr].cue_tok == (uint32_t)f.cue_b;
        /* a quotation over several paragraphs whose speaker comes at its
         * end: the frame is the whole quotation's */
        if (found && !same_cue && q->reopens && last && d->attrs.v[last_attr].src_b < 0 &&
            d->attrs.v[last_attr].cue_b < 0 && last_para + 1 == q->para &&
            d->attrs.v[last_attr].part0 + d->attrs.v[last_attr].nparts == d->bparts.n) {
            hs_attr *a = &d->attrs.v[last_attr];
            if (f.src_b >= 0) S_set_src(d, a, (size_t)f.src_b, (size_t)f.src_e);
            if (f.cue_b >= 0) S_set_cue(d, a, (size_t)f.cue_b, (size_t)f.cue_e);
            if (S_quote_part(d, a, q)) return HEARSAY_ENOMEM;
            q->attr = (int32_t)last_attr;
            last_para = q->para;
            continue;
        }
        size_t cut = found && !same_cue && !after ? S_interrupted_clause(d, s0, q, &f) : 0;
        if (cut) {
            hs_attr *a;
            if (S_commit_direct(d, &f, &a)) return HEARSAY_ENOMEM;
            a->quote = (int32_t)k;
            size_t ce = S_clause_end(d, q->t0, e1);
            if (ce < q->t1) ce = q->t1;
            if (S_add_part(d, S_t(d, s0)->b, S_t(d, cut - 1)->e) || S_add_part(d, S_t(d, q->t0)->b, S_t(d, ce - 1)->e))
                return HEARSAY_ENOMEM;
            a->nparts = 2;
            q->attr = (int32_t)(d->attrs.n - 1);
            S_claim_quotes(d, q->t0, ce); /* the clause may run on into another */
            last = a;
            last_attr = d->attrs.n - 1;
            last_para = q->para;
            continue;
        }
        if (found && !same_cue) {
            size_t from = after ? S_clause_start(d, s0, q) : q->t0;
            if (S_take_quote_from(d, &f, k, from)) return HEARSAY_ENOMEM;
            last = &d->attrs.v[d->attrs.n - 1];
            last_attr = d->attrs.n - 1;
            last_para = q->para;
            continue;
        }
        /* a continuation: no frame, right after a direct attribution, opening
         * a sentence (or in the sentence of the attribution's cue) */
        uint32_t cs0 = 0, cs1 = 0;
        int in_cue_sentence = last && S_sent_of(d, d->attrs.v[last_attr].cue_tok, &cs0, &cs1) >= 0 &&
                              cs0 == s0;
        /* not past another cue ('"Thank you," Cruz replied, before adding
         * that he thinks "children should ..."': that is its own) */
        if (in_cue_sentence && !same_cue && q->t0 != s0)
            for (size_t m = (size_t)d->attrs.v[last_attr].cue_tok + 1; m < q->t0; m++)
                if ((S_t(d, m)->flags & HS_F_CUE) && S_t(d, m)->quote < 0) {
                    in_cue_sentence = 0;
                    break;
                }
        /* after a word that is not the cue the quotation is a title or a
         * phrase of the frame's ('Weiner said in May on the podcast "Here's
         * the Thing."', 'said Steven Brill, author of "America's Bitter
         * Pill."'), not more of the speech; a word with a period may end
         * the sentence ('Sanders said in Binghamton, N.Y. "Secretary') */
        if (in_cue_sentence && !same_cue) {
            size_t m = q->t0, cue = (size_t)d->attrs.v[last_attr].cue_tok;
            /* past 'but', 'and still' ('he said, but "when it comes ...') */
            while (m > cue + 1 && S_word(d, m - 1) && (S_lex(d, m - 1) & (HS_L_CONJ | HS_L_ADV))) m--;
            if (m > 0 && S_word(d, m - 1) && d->text[S_t(d, m - 1)->e - 1] != '.' && m - 1 != cue) in_cue_sentence = 0;
        }
        /* 'But "…"' opens its sentence too */
        int opens = q->t0 == s0 || (q->t0 == s0 + 1 && (S_lex(d, s0) & HS_L_CONJ));
        if (last && (same_cue || opens || in_cue_sentence) &&
            (last_para == q->para || (last_para + 1 == q->para && S_quote_is_speech(d, q)))) {
            hs_attr *a = &d->attrs.v[last_attr];
            if (a->part0 + a->nparts == d->bparts.n) {
                if (S_quote_part(d, a, q)) return HEARSAY_ENOMEM;
                q->attr = (int32_t)last_attr;
                last_para = q->para;
                continue;
            }
        }
        /* a quoted sentence with no speaker in sight */
        if (S_quote_is_speech(d, q) && q->t0 == s0) {
            S_frame_init(&f);
            if (S_take_quote(d, &f, k)) return HEARSAY_ENOMEM;
            last = &d->attrs.v[d->attrs.n - 1];
            last_attr = d->attrs.n - 1;
            last_para = q->para;
        }
    }
    return 0;
}

/* ---------------------------------------------------- reported speech */

/* Is token j inside a quotation already attributed? */
static int S_taken(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    if (t->quote < 0) return 0;
    int32_t k = t->quote;
    while (d->quotes.v[k].parent >= 0) k = d->quotes.v[k].parent;
    return d->quotes.v[k].attr >= 0;
}

/* Is the token j used as a cue by an attribution already? (any of them:
 * the direct quotations, found first, may be anywhere before) */
static int S_used_cue(const hearsay_doc *d, size_t j) {
    return (S_t(d, j)->flags & HS_F_CUE_USED) != 0;
}

/* A lower-case word ending in -ing ('wiping', 'adding'). */
static int S_ing_any(const hearsay_doc *d, size_t j) {
    const hs_tok *t = S_t(d, j);
    size_t n = t->e - t->b;
    return t->type == HS_T_WORD && n > 4 && !memcmp(d->text + t->e - 3, "ing", 3);
}

static int S_ing(const hearsay_doc *d, size_t j) { return S_ing_any(d, j) && !(S_t(d, j)->flags & HS_F_CAP); }

/* Does another reporting clause start at k (after a comma)? A short
 * speaker phrase and a cue ('Devine responded', 'officials announced',
 * 'the New York Post reported', 'Gov. Mary Fallin (R-OK) said') or a
 * participle cue ('telling CNBC'). */
static int S_report_clause(const hearsay_doc *d, size_t k, size_t hi) {
    if (k >= hi) return 0;
    if (S_cue_word(d, k)) return S_ing(d, k);
    for (size_t m = k; m < hi && m < k + 7; m++) {
        const hs_tok *t = S_t(d, m);
        if (m > k && S_cue_word(d, m) && !S_cap(d, m)) return 1;
        if (t->type == HS_T_PUNCT) {
            if (d->text[t->b] == '(' || d->text[t->b] == ')' || d->text[t->b] == '-' || d->text[t->b] == '.') continue;
            return 0;
        }
        if (t->type != HS_T_WORD) return 0;
        /* the speaker phrase: names, pronouns, determiners, titles, groups */
        if (!(t->flags & HS_F_CAP) && !(t->lex & (HS_L_PRON_PERSON | HS_L_DET | HS_L_TITLE | HS_L_GROUP | HS_L_ORG)) &&
            !(t->flags & HS_F_POSS))
            return 0;
        if (t->lex & (HS_L_REL | HS_L_THAT | HS_L_CONJ)) return 0;
    }
    return 0;
}

/* End of the content clause starting at token j: the sentence end, a
 * ', saying/adding' or another reporting clause that starts another
 * attribution, or a quotation already attributed. */
static size_t S_clause_end(const hearsay_doc *d, size_t j, size_t hi) {
    size_t e = j;
    while (e < hi) {
        if (S_taken(d, e)) break;
        if (S_punct(d, e, ',')) {
            /* what follows the comma, past a closing quotation mark
             * ('that he has "expanded the party," claiming ...') */
            size_t n = e + 1;
            if (n < hi && S_t(d, n)->type == HS_T_QUOTE && S_t(d, n)->q == HS_Q_CLOSE) n++;
            if (n < hi && (S_is(d, n, "saying") || S_is(d, n, "adding") || S_is(d, n, "according") ||
                           S_is(d, n, "noting") || S_is(d, n, "arguing")))
                break;
            if (e > j + 1 && S_report_clause(d, n, hi)) break;
            if (n < hi && e > j + 2 && (S_is(d, n, "which") || S_is(d, n, "while") || S_is(d, n, "whereas")) &&
                S_t(d, n)->quote < 0)
                break;
            /* ', and I began ...': a new clause with its own subject */
            if (n + 1 < hi && e > j + 2 && (S_is(d, n, "and") || S_is(d, n, "but")) &&
                (S_lex(d, n + 1) & HS_L_PRON_PERSON) && !(S_lex(d, n + 1) & HS_L_PRON_POSS) &&
                S_t(d, n)->quote < 0) /* not inside a quotation: '"..., but I chose to ..."' */
                break;
        }
        if (S_punct(d, e, ';')) break;
        /* 'X called A and said B': the next coordinated cue ends it */
        if ((S_is(d, e, "and") || S_is(d, e, "but")) && e > j) {
            size_t k = e + 1;
            while (k < hi && (S_lex(d, k) & (HS_L_ADV | HS_L_AUX)) && !S_cue_word(d, k) && k < e + 4) k++;
            if (k < hi && S_cue_word(d, k)) break;
        }
        e++;
    }
    /* a quotation that opened in the clause and goes on past the
     * sentence's end goes on in the content ('that "if there's a large
     * turnout I think we're going to do just fine. If it's a low turnout,
     * that may be another story."') */
    if (e == hi && e > j && S_t(d, e - 1)->quote >= 0) {
        int32_t qk = S_t(d, e - 1)->quote;
        while (d->quotes.v[qk].parent >= 0) qk = d->quotes.v[qk].parent;
        const hs_quote *q = &d->quotes.v[qk];
        if (q->t0 >= j && q->t1 > hi && q->closed && q->attr < 0 && q->t1 - hi < 200) {
            int para = 0;
            for (size_t m = hi; m < q->t1 && !para; m++) para = (S_t(d, m)->flags & HS_F_PARA_START) != 0;
            if (!para) e = q->t1;
        }
    }
    /* drop trailing punctuation (a closing quotation mark stays) */
    while (e > j && S_t(d, e - 1)->type == HS_T_PUNCT) e--;
    return e;
}

/* Verbs that take "to VERB" or an object rather than a clause. */
static int S_takes_clause(const hearsay_doc *d, size_t j) {
    if (j >= d->toks.n) return 0;
    const hs_tok *t = S_t(d, j);
    if (t->type == HS_T_QUOTE) return 1;
    if (t->type != HS_T_WORD && t->type != HS_T_NUM) return 0;
    return 1;
}

/* A name and a longer apposition before the comma at e that precedes a cue
 * ('Brian Fallon, a spokesman for the Clinton campaign, said', 'Robert
 * Stone, a 59-year-old from Hilton Head, South Carolina, said'): the
 * leftmost comma within reach whose left side is a name or title phrase
 * that opens a clause (the sentence's start, or after punctuation or a
 * conjunction: not 'In Washington, ...'). PolNeAR's sources include the
 * apposition. */
static int S_appos_subject(const hearsay_doc *d, uint32_t s0, size_t e, long *sb, size_t *se) {
    size_t lo = e > s0 + 40 ? e - 40 : s0;
    for (size_t c = lo + 1; c < e; c++) {
        if (!S_punct(d, c, ',')) continue;
        /* a name, or a name and its short parenthesis ('Rep. Elijah
         * Cummings (D-Md.), chair of ...,') */
        if (!S_paren_open(d, s0, c - 1) &&
            (!S_np_head(d, c - 1) || !(S_cap(d, c - 1) || (S_lex(d, c - 1) & HS_L_TITLE))))
            continue;
        long b = S_np_left(d, s0, c - 1);
        if (b < 0) continue;
        /* 'His critics in the United States, many of them ...,' (the
         * sentence's subject; not 'Grassley, facing a challenge in Iowa,
         * a swing state,') */
        long w = S_np_widen(d, s0, b);
        if (w < b && (size_t)w == S_subject_open(d, s0, c)) b = w;
        if ((size_t)b > s0) {
            const hs_tok *p = S_t(d, (size_t)b - 1);
            if (!(p->type == HS_T_PUNCT || (p->lex & (HS_L_CONJ | HS_L_THAT)) || S_is(d, (size_t)b - 1, "as")))
                continue;
        }
        if (!S_speaker_segment(d, (size_t)b, e, 0)) continue;
        *sb = b;
        *se = e;
        /* a relative clause with a cue of its own stays out (S_has_cue) */
        if (S_rel_with_cue(d, c + 1, e)) *se = c;
        return 1;
    }
    return 0;
}

static long S_bare_np_left(const hearsay_doc *d, size_t lo, size_t e);

/* A subject set off from its cue by a participle or adjective phrase
 * before the comma at e ('Fiorina, speaking to Iowans, said', 'Others,
 * reacting to the video, shouted', 'Clinton, exasperated, responded'):
 * the phrase before the first comma, which opens its clause. PolNeAR's
 * annotators leave the participle phrase out more often than not. */
static int S_participle_subject(const hearsay_doc *d, uint32_t s0, size_t e, long *sb, size_t *se) {
    size_t c = e;
    /* the comma before the participle, past commas inside its phrase
     * ('Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing
     * state, said') */
    for (int commas = 0;;) {
        while (c > s0 + 1 && e - c < 20) {
            c--;
            const hs_tok *t = S_t(d, c);
            if (t->type == HS_T_QUOTE || S_punct(d, c, '.') || S_punct(d, c, ';')) return 0;
            if (S_punct(d, c, ',')) break;
        }
        if (!S_punct(d, c, ',') || c + 1 >= e) return 0;
        const hs_tok *w = S_t(d, c + 1);
        size_t n = w->e - w->b;
        if (w->type == HS_T_WORD && !(w->flags & HS_F_CAP) && n >= 5 &&
            (!memcmp(d->text + w->e - 3, "ing", 3) || !memcmp(d->text + w->e - 2, "ed", 2)))
            break;
        if (++commas == 3) return 0;
    }
    long b = S_np_left(d, s0, c - 1);
    if (b < 0) b = S_bare_np_left(d, s0, c - 1);
    if (b < 0) return 0;
    if ((size_t)b > s0) {
        const hs_tok *p = S_t(d, (size_t)b - 1);
        if (!(p->type == HS_T_PUNCT || (p->lex & (HS_L_CONJ | HS_L_THAT)) || S_is(d, (size_t)b - 1, "as")))
            return 0;
    }
    *sb = b;
    *se = c;
    return 1;
}

/* A bare plural or quantified noun phrase ending at token e, opening its
 * clause: 'polls', 'Other refugee advocates', 'All three candidates',
 * '74 percent', 'many', 'Yet another'. Returns its first token, or -1. */
static long S_bare_np_left(const hearsay_doc *d, size_t lo, size_t e) {
    const hs_tok *h = S_t(d, e);
    if (h->type != HS_T_WORD || (h->flags & HS_F_POSS)) return -1;
    size_t n = h->e - h->b;
    const char *w = d->text + h->b;
    int quant = S_is(d, e, "many") || S_is(d, e, "most") || S_is(d, e, "some") || S_is(d, e, "others") ||
                S_is(d, e, "both") || S_is(d, e, "few") || S_is(d, e, "another") || S_is(d, e, "several") ||
                S_is(d, e, "none");
    int plural = n > 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] != 's' && w[n - 2] != '\'' &&
                 !(h->lex & (HS_L_STOP | HS_L_PREP | HS_L_AUX | HS_L_VERB | HS_L_SAYVERB | HS_L_TIME | HS_L_ADV));
    if (!quant && !plural && !S_is(d, e, "percent")) return -1;
    size_t b = e;
    while (b > lo && e - b < 5) {
        size_t j = b - 1;
        const hs_tok *t = S_t(d, j);
        if (t->type == HS_T_NUM || S_np_word(d, j) || S_is(d, j, "all") ||
            (t->lex & HS_L_DET && !S_is(d, j, "that"))) {
            b = j;
            continue;
        }
        break;
    }
    if (b > lo) {
        const hs_tok *p = S_t(d, b - 1);
        if (!(p->type == HS_T_PUNCT || (p->lex & (HS_L_CONJ | HS_L_THAT | HS_L_REL)) || S_is(d, b - 1, "where") ||
              S_is(d, b - 1, "because") || S_is(d, b - 1, "as") || S_is(d, b - 1, "while") ||
              S_is(d, b - 1, "since") || S_is(d, b - 1, "when")))
            return -1;
    }
    return (long)b;
}

/* Does token b open a clause (the sentence's start past a dateline, or
 * after punctuation, a conjunction, a complementizer, a relative or a
 * subordinating word)? */
static int S_opens_clause(const hearsay_doc *d, uint32_t s0, size_t b) {
    if (b <= s0 || b == S_after_dateline(d, s0, b)) return 1;
    const hs_tok *p = S_t(d, b - 1);
    return (p->type == HS_T_PUNCT && !S_punct(d, b - 1, '(')) || (p->lex & (HS_L_CONJ | HS_L_THAT | HS_L_REL)) ||
           S_is(d, b - 1, "because") || S_is(d, b - 1, "as") || S_is(d, b - 1, "while") || S_is(d, b - 1, "since") ||
           S_is(d, b - 1, "when") || S_is(d, b - 1, "although") || S_is(d, b - 1, "though");
}

/* A quantifier or degree word inside a common noun phrase ('most', 'about
 * three in 10', 'more than six in 10', 'own'): function words S_np_word
 * refuses. */
static int S_np_quant(const hearsay_doc *d, size_t j) {
    static const char *const w[] = {"most", "many", "more", "other", "some", "all", "both", "each", "few",
                                    "own", "same", "such", "than", "about", "nearly", "almost", "only"};
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        if (S_is(d, j, w[i])) return 1;
    return 0;
}

/* A common noun phrase ending at token e that opens its clause, for a cue
 * with no other subject: 'The most recent poll shows', 'About three in 10
 * said', 'Governors in more than two dozen states balked', 'Gallup's own
 * tracking poll puts', 'But hacking specialists say', 'Both sides of the
 * debate over abortion rights agreed'. Modifiers, determiners, quantities
 * and possessives, and prepositional phrases after a noun; it must open
 * its clause, lo being the sentence's start. Returns its first token, or
 * -1. */
static long S_common_np_left(const hearsay_doc *d, size_t lo, size_t e) {
    const uint32_t fn = HS_L_STOP | HS_L_PREP | HS_L_AUX | HS_L_VERB | HS_L_SAYVERB | HS_L_TIME | HS_L_REL |
                        HS_L_ADV | HS_L_CONJ | HS_L_THAT | HS_L_DET;
    size_t last = e;
    /* '53% say', 'Polls there show', 'executives here indicate' */
    if (e > lo && ((S_punct(d, e, '%') && S_t(d, e - 1)->type == HS_T_NUM) ||
                   ((S_is(d, e, "there") || S_is(d, e, "here")) && S_word(d, e - 1) &&
                    !(S_lex(d, e - 1) & (fn | HS_L_PRON_PERSON | HS_L_PRON_POSS)))))
        e--;
    const hs_tok *h = S_t(d, e);
    if (h->type == HS_T_WORD) {
        static const char *const adv[] = {"while", "whereas", "instead", "just", "even", "now", "already",
                                          "meanwhile", "together", "alone", "first", "soon", "too"};
        size_t n = h->e - h->b;
        if ((h->lex & (fn | HS_L_NOTNAME)) || (h->flags & HS_F_POSS) ||
            (n > 3 && !memcmp(d->text + h->e - 2, "ly", 2)))
            return -1;
        for (size_t i = 0; i < sizeof adv / sizeof *adv; i++)
            if (S_is(d, e, adv[i])) return -1;
    } else if (h->type != HS_T_NUM) {
        return -1;
    }
    size_t b = e;
    while (b > lo && e - b < S_NP_MAX) {
        size_t j = b - 1;
        const hs_tok *t = S_t(d, j);
        if (t->type == HS_T_NUM || (t->flags & HS_F_POSS) || S_np_quant(d, j) ||
            ((t->lex & HS_L_DET) && !S_is(d, j, "that") && !S_is(d, j, "no")) || (t->lex & HS_L_PRON_POSS) ||
            S_is(d, j, "every")) {
            b = j;
            continue;
        }
        if (t->type == HS_T_WORD && !(t->lex & (fn | HS_L_PRON_PERSON))) {
            b = j;
            continue;
        }
        /* a prepositional phrase after a noun: 'six in 10', 'sides of the
         * debate over abortion rights' */
        if ((S_is(d, j, "of") || S_is(d, j, "in") || S_is(d, j, "over") || S_is(d, j, "from") ||
             S_is(d, j, "across")) &&
            j > lo && (S_t(d, j - 1)->type == HS_T_NUM ||
                       (S_word(d, j - 1) && !(S_lex(d, j - 1) & (fn | HS_L_PRON_PERSON | HS_L_PRON_POSS))))) {
            b = j;
            continue;
        }
        break;
    }
    if (b == e && h->type == HS_T_NUM && last == e) return -1;
    /* a bare participle is no subject ('-- having suggested', ', leaving
     * some to question'); 'Polling shows' is */
    if (b == e && h->type == HS_T_WORD && !(h->flags & HS_F_CAP) && h->e - h->b > 4 &&
        !memcmp(d->text + h->e - 3, "ing", 3))
        return -1;
    return S_opens_clause(d, (uint32_t)lo, b) ? (long)b : -1;
}

/* A subject phrase found from its end back to b, widened over the noun
 * phrase its prepositional phrase belongs to when that opens the clause
 * ('James Pethokoukis of the American Enterprise Institute said', 'Voters
 * in Iowa said'): the phrase's first token. */
static long S_np_widen(const hearsay_doc *d, uint32_t s0, long b) {
    long w = b;
    for (int k = 0; k < 3 && w > (long)s0 + 1; k++) {
        size_t p = (size_t)w - 1;
        /* 'A person familiar with the planning', 'a source close to him' */
        if ((S_is(d, p, "with") && p > s0 + 1 && S_is(d, p - 1, "familiar")) ||
            (S_is(d, p, "to") && p > s0 + 1 && S_is(d, p - 1, "close")))
            p--;
        else if (!(S_is(d, p, "of") || S_is(d, p, "for") || S_is(d, p, "from") || S_is(d, p, "at") || S_is(d, p, "in")))
            break;
        w = S_np_left(d, s0, p - 1);
        if (w < 0) w = S_bare_np_left(d, s0, p - 1);
        /* 'A communications aide for the senator': not 'communications aide' */
        if (w < 0 || !S_opens_clause(d, s0, (size_t)w)) {
            long c = S_common_np_left(d, s0, p - 1);
            if (c >= 0) w = c;
        }
        if (w < 0) break;
        if (S_opens_clause(d, s0, (size_t)w)) b = w;
    }
    return b;
}

/* The subject of the cue at v: [*sb, *se) within the sentence, or 0. */
static int S_subject(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se) {
    size_t a = S_skip_aux_left(d, s0, v);
    *sb = -1;
    *se = a;
    if (a <= s0) return 0;
    /* 'Cruz on Friday played down', 'A poll last month showed', 'Fiorina
     * a month later announced' */
    {
        size_t t = S_later_left(d, s0, a);
        while (t > s0 + 1 && (S_lex(d, t - 1) & (HS_L_WEEKDAY | HS_L_TIME)) && !(S_lex(d, t - 1) & HS_L_THAT) &&
               !S_punct(d, t - 1, ','))
            t--;
        if (t < a && t > s0 + 1 && S_is(d, t - 1, "on")) t--;
        if (t < a && t > s0) {
            a = S_skip_aux_left(d, s0, t);
            *se = a;
        }
    }
    size_t e = a - 1;
    /* 'GOP front-runner Donald Trump - who previously said ... - said',
     * 'Mrs. Clinton -- whose husband ... -- has derided', 'In an
     * interview, Deborah Jordan Reynolds - Santilli's girlfriend - told':
     * the phrase before a dash-set-off phrase that opens the clause, not
     * a dateline's dash (train, the model fixed: 15 speakers fixed, 1
     * broken, with the opening phrase and one-word subjects) */
    if (S_dash(d, e) && e > s0 + 2) {
        size_t lo = S_subject_open(d, s0, e); /* past a dateline's dash */
        size_t ce = e; /* the closing dash's first token ('--' is two) */
        while (ce > lo + 1 && S_dash(d, ce - 1)) ce--;
        for (size_t c = ce; c-- > lo + 1 && e - c < 40;) {
            if (S_t(d, c)->type == HS_T_QUOTE || S_punct(d, c, ';') || S_punct(d, c, ':')) break;
            if (!S_dash(d, c)) continue;
            while (c > lo + 1 && S_dash(d, c - 1)) c--;
            long b = S_np_left(d, s0, c - 1);
            if (b < 0) b = S_common_np_left(d, s0, c - 1);
            if (b >= 0) b = S_np_widen(d, s0, b);
            if (b >= 0 && ((size_t)b == S_subject_open(d, s0, c) || S_opens_clause(d, s0, (size_t)b))) {
                *sb = b;
                *se = ce; /* the set-off phrase too, as appositions */
                return 1;
            }
            break;
        }
    }
    if (S_punct(d, e, ',') && e > s0) {
        /* 'Klain, a spokesman, said' */
        if (S_appos_subject(d, s0, e, sb, se)) return 1;
        if (S_participle_subject(d, s0, e, sb, se)) return 1;
        /* 'Clinton, during a town hall meeting in Columbus, Ohio, said',
         * 'The two lawmakers, however, argue', 'Trump, while being
         * interviewed on Fox, called': a phrase set off after the subject
         * that opens the sentence */
        for (size_t c = e - 1; c > s0 && e - c < 30; c--) {
            if (S_t(d, c)->type == HS_T_QUOTE || S_punct(d, c, ';') || S_punct(d, c, ':')) break;
            if (!S_punct(d, c, ',')) continue;
            /* 'A communications aide for Mr. Lyovochkin, who financed
             * Mr. Manafort's work, declined', 'The Iowa Electronic Markets,
             * where traders invest, show': the relative clause stays in, as
             * does 'including' ('Several leading Republican candidates,
             * including Donald J. Trump, criticized'; train, the model
             * fixed: 4 speakers and 2 contents gained, 0 lost) */
            int rel = S_is(d, c + 1, "who") || S_is(d, c + 1, "whose") || S_is(d, c + 1, "which") ||
                      S_is(d, c + 1, "where") || S_is(d, c + 1, "including");
            /* 'The aides, led by campaign manager Terry Sullivan, told' */
            int by = c + 2 < e && S_word(d, c + 1) && !S_cap(d, c + 1) && !(S_lex(d, c + 1) & (HS_L_DET | HS_L_PREP)) &&
                     S_is(d, c + 2, "by");
            /* 'Democrats, historically, have lambasted' */
            const hs_tok *o = S_t(d, c + 1);
            int ly = o->type == HS_T_WORD && !S_cap(d, c + 1) && o->e - o->b >= 6 &&
                     !memcmp(d->text + o->e - 2, "ly", 2);
            /* 'DuPont, only two months later, announced', 'Jeb Bush, too,
             * instructed' */
            ly |= S_is(d, c + 1, "only") || S_is(d, c + 1, "too") || S_is(d, c + 1, "though") ||
                  S_is(d, c + 1, "meanwhile") || S_is(d, c + 1, "instead") || S_is(d, c + 1, "again") ||
                  S_is(d, c + 1, "still") || S_is(d, c + 1, "then");
            if (!rel && !by && !ly && (S_is(d, c + 1, "of") ||
                         !((S_lex(d, c + 1) & (HS_L_PREP | HS_L_ADV)) || S_is(d, c + 1, "however") ||
                           S_is(d, c + 1, "while") || S_is(d, c + 1, "when"))))
                continue;
            /* 'The Sanders campaign had, earlier Tuesday, sent': past the
             * auxiliaries before the comma */
            size_t h = c;
            while (h > s0 + 1 && (S_lex(d, h - 1) & HS_L_AUX) && !(S_lex(d, h - 1) & HS_L_PRON_PERSON)) h--;
            /* '..., who, on a press call Friday, criticized': the relative
             * pronoun */
            if (!rel && h > s0 + 1 && (S_is(d, h - 1, "who") || S_is(d, h - 1, "which")) &&
                S_punct(d, h - 2, ',')) {
                *sb = (long)h - 1;
                *se = h;
                return 1;
            }
            long b = S_np_left(d, s0, h - 1);
            if (b < 0) b = S_bare_np_left(d, s0, h - 1);
            if (b < 0) b = S_det_phrase(d, s0, h - 1);
            if (b >= 0) b = S_np_widen(d, s0, b);
            /* 'Legislative leaders in North Carolina, for instance, noted' */
            size_t open = S_subject_open(d, s0, c);
            if (b < 0 || (size_t)b != open) b = S_common_np_left(d, s0, h - 1);
            if (b >= 0 && (size_t)b == open) {
                *sb = b;
                *se = rel && !S_has_cue(d, c + 1, e) ? e : h;
                return 1;
            }
            break;
        }
        long b2 = S_np_left(d, s0, e - 1);
        /* 'Sen. Jack Reed (D-R.I.), said' */
        if (b2 >= 0 && S_paren_open(d, s0, e - 1) && (size_t)b2 == S_subject_open(d, s0, e)) {
            *sb = b2;
            *se = e;
            return 1;
        }
        if (b2 > (long)s0 + 1 && S_punct(d, (size_t)b2 - 1, ',')) {
            long b3 = S_np_left(d, s0, (size_t)b2 - 2);
            /* 'One Republican presidential hopeful, Carly Fiorina, says' */
            if (b3 < 0) b3 = S_common_np_left(d, s0, (size_t)b2 - 2);
            /* before a participle, only a pair that opens the clause
             * (not 'endorsed Mr. Trump at Mar-a-Lago, Mr. Trump's private
             * club, calling') */
            if (b3 >= 0 && (!S_ing(d, v) || S_opens_clause(d, s0, (size_t)b3))) {
                *sb = b3;
                *se = e;
                return 1;
            }
        }
        return 0;
    }
    /* a subject with a restrictive relative clause ('Voters who say the
     * economy is most important said', 'Friends of Mr. Clinton's who have
     * seen him on the trail say'): the phrase before 'who', opening its
     * clause, with the clause */
    for (size_t r = e; r > s0 + 1 && e - r < 20; r--) {
        const hs_tok *t = S_t(d, r - 1);
        if (t->type == HS_T_PUNCT || t->type == HS_T_QUOTE) break;
        if (!S_is(d, r - 1, "who")) continue;
        size_t h = r - 2;
        long b = S_np_left(d, s0, h);
        if (b < 0 || !S_opens_clause(d, s0, (size_t)b)) b = S_bare_np_left(d, s0, h);
        if (b < 0) b = S_common_np_left(d, s0, h);
        if (b >= 0 && S_opens_clause(d, s0, (size_t)b)) {
            *sb = b;
            *se = e + 1;
            return 1;
        }
        break;
    }
    /* a relative pronoun, and 'that' right before the cue as one ('polls
     * by Quinnipiac that showed') or as a demonstrative ('That suggests
     * …'; not 'that evening backed') */
    if (S_is(d, e, "who") || S_is(d, e, "which") || (S_is(d, e, "that") && e + 1 == v)) {
        *sb = (long)e;
        *se = e + 1;
        return 1;
    }
    *sb = S_np_left(d, s0, e);
    if (*sb < 0) *sb = S_bare_np_left(d, s0, e);
    if (*sb >= 0) {
        *sb = S_np_widen(d, s0, *sb);
        /* 'who in the past has voiced', 'who through his office declined':
         * a prepositional phrase after the relative pronoun */
        if (*sb > (long)s0 + 1 && (S_lex(d, (size_t)*sb - 1) & HS_L_PREP) &&
            (S_is(d, (size_t)*sb - 2, "who") || S_is(d, (size_t)*sb - 2, "which"))) {
            *se = (size_t)*sb - 1;
            *sb -= 2;
        }
        return 1;
    }
    /* not for a participle ('while saying', 'X, suggesting'): its subject
     * is the clause's it joins (S_speaker_of_cue) */
    {
        const hs_tok *c = S_t(d, v);
        if (c->e - c->b <= 4 || memcmp(d->text + c->e - 3, "ing", 3)) {
            *sb = S_common_np_left(d, s0, e);
            if (*sb >= 0) return 1;
        } else {
            /* 'with recent polls showing', 'with 87 percent viewing': the
             * phrase after 'with' (train: 29 of 37 such sources) */
            for (size_t w = e; w > s0 + 1 && e - w < 6; w--) {
                if (!S_is(d, w - 1, "with")) continue;
                long b = S_common_np_left(d, w, e);
                if (b < 0) b = S_bare_np_left(d, w, e);
                if (b == (long)w) {
                    *sb = b;
                    return 1;
                }
                break;
            }
        }
    }
    /* 'X refused to', 'X decided to', 'X is expected to': the subject of
     * the verb before 'to' */
    if (S_is(d, e, "to") && e > s0 + 1) {
        size_t k = e - 1;
        if (S_t(d, k)->type == HS_T_WORD && !(S_t(d, k)->flags & HS_F_CAP)) return S_subject(d, s0, k, sb, se);
    }
    /* the nearest name or pronoun a few words left, with no clause break */
    for (size_t k = e; k > s0 && e - k < 6; k--) {
        size_t h = k - 1;
        const hs_tok *t = S_t(d, h);
        if (t->type == HS_T_QUOTE || S_punct(d, h, ',') || S_punct(d, h, ';') || (t->lex & (HS_L_THAT | HS_L_CONJ)))
            break;
        if ((t->lex & HS_L_PRON_PERSON) && !(t->lex & HS_L_PRON_POSS)) {
            *sb = (long)h;
            *se = h + 1;
            return 1;
        }
    }
    return 0;
}

/* A dateline opening a paragraph ('ORLANDO —', 'Philadelphia (AFP) -',
 * 'WASHINGTON (AP) —'): the token after its dash, else s0. */
static size_t S_after_dateline(const hearsay_doc *d, uint32_t s0, size_t v) {
    if (!(S_t(d, s0)->flags & HS_F_PARA_START)) return s0;
    int mark = (S_t(d, s0)->flags & HS_F_ALLCAP) != 0;
    for (size_t k = s0 + 1; k < v && k < s0 + 10; k++) {
        if (S_punct(d, k, '(')) mark = 1;
        if (S_dash(d, k)) return mark ? k + 1 : s0;
        if (S_t(d, k)->type == HS_T_WORD && !(S_t(d, k)->flags & HS_F_CAP)) return s0;
    }
    return s0;
}

/* Where a subject opening the sentence starts: after a dateline, and
 * after an opening 'But', 'And', 'Yet' or 'So'. */
static size_t S_subject_open(const hearsay_doc *d, uint32_t s0, size_t v) {
    size_t b = S_after_dateline(d, s0, v);
    if (b + 1 < v && (S_is(d, b, "but") || S_is(d, b, "and") || S_is(d, b, "yet") || S_is(d, b, "so"))) b++;
    return b;
}

/* The subject of the main clause: the first speaker phrase of the
 * sentence, after a dateline or an opening phrase ('Hours later, Trump
 * returned ...'). */
static int S_main_subject(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se) {
    size_t k = S_after_dateline(d, s0, v);
    /* past a quotation opening the sentence ('"…," Blige sings to Clinton
     * before asking her') */
    if (k < v && S_t(d, k)->type == HS_T_QUOTE && S_t(d, k)->q == HS_Q_OPEN) {
        size_t m = k + 1;
        while (m < v && !(S_t(d, m)->type == HS_T_QUOTE && S_t(d, m)->q == HS_Q_CLOSE)) m++;
        if (m + 1 < v) k = S_punct(d, m + 1, ',') ? m + 2 : m + 1;
    }
    if (k < v && (S_lex(d, k) & (HS_L_PREP | HS_L_TIME | HS_L_ADV | HS_L_CONJ))) {
        size_t c = k;
        while (c < v && c < k + 8 && !S_punct(d, c, ',')) c++;
        if (c < v && S_punct(d, c, ',')) k = c + 1;
    }
    for (; k < v && k < s0 + 12; k++) {
        if (S_t(d, k)->type == HS_T_QUOTE || S_punct(d, k, ',')) return 0;
        size_t e = S_np_right(d, k, v);
        if (e > k) {
            *sb = (long)k;
            *se = e;
            return !(S_lex(d, k) & HS_L_TIME);
        }
        if (!(S_lex(d, k) & (HS_L_CONJ | HS_L_ADV))) return 0;
    }
    return 0;
}

/* A participle opening its sentence, alone or after a subordinator
 * ('Noting that both men battled the media, Schlafly wrote', 'After
 * suggesting on Wednesday that …, Mr. Rubio said', 'In declaring Mr.
 * Trump's statements "not Christian," the pope …'): the subject of the
 * main clause, after the comma that closes the participle's. Alone, it is
 * capitalised (train, the model fixed: 15 speakers fixed, 1 broken). */
static int S_opening_participle(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se) {
    static const char *const sub[] = {"after", "while", "before", "since", "by", "in", "upon", "when"};
    size_t k = 0;
    if (!S_ing_any(d, v)) return 0;
    if (S_subject_open(d, s0, v) != v) {
        if (!S_ing(d, v) || v == 0 || S_subject_open(d, s0, v) != v - 1) return 0;
        for (k = 0; k < sizeof sub / sizeof *sub; k++)
            if (S_is(d, v - 1, sub[k])) break;
    }
    int si = S_sent_of_tok(d, v);
    if (k == sizeof sub / sizeof *sub || si < 0) return 0;
    size_t s1 = d->sents.v[si].t1;
    for (size_t c = v + 1; c + 1 < s1 && c < v + 40; c++) {
        if (!S_punct(d, c, ',')) continue;
        size_t m = c + 1;
        if (S_t(d, m)->type == HS_T_QUOTE && S_t(d, m)->q == HS_Q_CLOSE) m++; /* ',"' */
        else if (S_t(d, c)->quote >= 0) continue;                              /* inside a quotation */
        size_t e = S_np_right(d, m, s1);
        if (!e) return 0;
        *sb = (long)m;
        *se = e;
        return 1;
    }
    return 0;
}

/* The speaker of the cue at v: for a participle opening its sentence
 * after a subordinator, the main clause's subject; its subject; else, for
 * a cue coordinated with or subordinate to an earlier one ('X called A
 * and said B', 'X said A, adding B', 'X issued a statement saying', 'flew
 * to Washington to argue'), the speaker of the sentence's previous
 * attribution or the main clause's subject. */
static int S_speaker_of_cue(const hearsay_doc *d, uint32_t s0, size_t v, long *sb, size_t *se) {
    if (S_opening_participle(d, s0, v, sb, se)) return 1;
    if (S_subject(d, s0, v, sb, se)) return 1;
    int si = S_sent_of_tok(d, v);
    int32_t k = si >= 0 ? d->sents.v[si].last_attr : -1;
    if (k >= 0 && d->attrs.v[k].src_b >= 0 && d->attrs.v[k].cue_tok < v) {
        const hs_attr *p = &d->attrs.v[k];
        size_t tb = hs_doc_tok_at(d, (uint32_t)p->src_b), te = hs_doc_tok_at(d, (uint32_t)p->src_e - 1) + 1;
        if (tb >= s0 && te > tb) {
            *sb = (long)tb;
            *se = te;
            return 1;
        }
    }
    int participle = S_ing_any(d, v);
    size_t a = S_skip_aux_left(d, s0, v);
    int after_and = a > s0 && (S_is(d, a - 1, "and") || S_is(d, a - 1, "but"));
    int after_to = v > s0 && S_is(d, v - 1, "to");
    if (!participle && !after_and && !after_to) return 0;
    /* inside a relative clause set off by a comma ('Mitt Romney, who
     * campaigned on self-deportation …, suddenly insist'): its 'who'
     * (train, the model fixed: 9 speakers fixed, 1 broken; looked for
     * before the sentence's previous speaker, 11 and 6) */
    for (size_t m = a; m-- > s0 + 1 && a - m < 25;) {
        const hs_tok *p = S_t(d, m);
        if (p->type == HS_T_QUOTE || S_punct(d, m, ';') || S_punct(d, m, ':') || S_punct(d, m, '(')) break;
        if (S_is(d, m, "who") && S_punct(d, m - 1, ',')) {
            *sb = (long)m;
            *se = m + 1;
            return 1;
        }
    }
    /* 'Ms. Sherry smiled and said', '…, when Sanders protesters
     * interrupted her speech, shouting': the subject of the clause the cue
     * joins */
    size_t verb;
    if (S_clause_subject(d, s0, a, 1, sb, se, &verb)) return 1;
    return S_main_subject(d, s0, v, sb, se);
}

/* Skips what stands between a cue and its content: the addressee ('told
 * reporters'), a time ('said Tuesday', 'on Monday'), a setting ('in a
 * statement', 'on Twitter') when a 'that' or comma follows it. */
static size_t S_skip_to_content(const hearsay_doc *d, size_t j, size_t s1, S_frame *fr) {
    S_addressee(d, j, s1, fr);
    if (fr->addr_b >= 0) j = (size_t)fr->addr_e;
    for (int round = 0; round < 3; round++) {
        size_t j0 = j;
        while (j < s1 && (S_lex(d, j) & (HS_L_WEEKDAY | HS_L_TIME)) && !(S_lex(d, j) & HS_L_THAT) &&
               !S_is(d, j, "this") && !S_is(d, j, "once") && !S_is(d, j, "last"))
            j++;
        if (j + 1 < s1 && S_is(d, j, "on") && (S_lex(d, j + 1) & HS_L_WEEKDAY)) j += 2;
        if (j < s1 && (S_lex(d, j) & HS_L_PREP) && !S_is(d, j, "to") && !S_is(d, j, "of")) {
            /* a short prepositional phrase ended by 'that' or a comma */
            for (size_t k = j + 1; k < s1 && k < j + 9; k++) {
                const hs_tok *t = S_t(d, k);
                if (t->type == HS_T_QUOTE || (t->lex & (HS_L_SAYVERB | HS_L_AUX | HS_L_VERB))) break;
                if ((S_lex(d, k) & HS_L_THAT) || S_punct(d, k, ',') || S_punct(d, k, ':')) {
                    j = k;
                    break;
                }
            }
        }
        if (j < s1 && (S_punct(d, j, ',') || S_punct(d, j, ':'))) j++;
        if (j == j0) break;
    }
    return j;
}

/* Records where a's content, after its cue, may start for the start
 * model: c1 is the token after the cue, j the rules' start, e the end. */
static void S_start_window(hs_attr *a, size_t c1, size_t j, size_t e) {
    a->st_c1 = (uint32_t)c1;
    a->st_j = (uint32_t)j;
    a->st_e = (uint32_t)e;
}

/* Emits reported speech: source [sb, se) (sb < 0: none), cue [v, c1),
 * content [cb, ce), after a part [pb, pe) before the cue when pe > pb. */
static int S_emit_parts(hearsay_doc *d, long sb, size_t se, size_t v, size_t c1, const S_frame *fr,
                        size_t pb, size_t pe, size_t cb, size_t ce) {
    hs_attr *at = S_new_attr(d);
    if (!at) return HEARSAY_ENOMEM;
    while (sb >= 0 && se > (size_t)sb && S_punct(d, se - 1, ',')) se--;
    if (sb >= 0) S_set_src(d, at, (size_t)sb, se);
    S_set_cue(d, at, v, c1);
    if (fr && fr->addr_b >= 0) {
        at->addr_b = (int32_t)S_t(d, fr->addr_b)->b;
        at->addr_e = (int32_t)S_t(d, fr->addr_e - 1)->e;
    }
    if (pe > pb && S_add_part(d, S_t(d, pb)->b, S_t(d, pe - 1)->e)) return HEARSAY_ENOMEM;
    if (S_add_part(d, S_t(d, cb)->b, S_t(d, ce - 1)->e)) return HEARSAY_ENOMEM;
    at->nparts = pe > pb ? 2 : 1;
    at->source_kind = 1;
    if (pe > pb) S_claim_quotes(d, pb, pe);
    S_claim_quotes(d, cb, ce);
    return 0;
}

static int S_emit_indirect(hearsay_doc *d, long sb, size_t se, size_t v, size_t c1, const S_frame *fr,
                           size_t cb, size_t ce) {
    return S_emit_parts(d, sb, se, v, c1, fr, 0, 0, cb, ce);
}

/* Is [j, e) a plausible content: not only a time ('last week'), not a
 * speaker phrase after an inverted cue ('said Michael O'Hanlon, a ...')? */
static int S_content_ok(const hearsay_doc *d, size_t j, size_t e) {
    size_t words = 0, timeish = 0;
    for (size_t k = j; k < e; k++) {
        const hs_tok *t = S_t(d, k);
        if (t->type != HS_T_WORD && t->type != HS_T_NUM) continue;
        words++;
        if ((t->lex & (HS_L_TIME | HS_L_WEEKDAY | HS_L_MONTH | HS_L_DET)) || t->type == HS_T_NUM) timeish++;
    }
    if (!words || timeish == words) return 0;
    return 1;
}

/* 'The argument would be aided, Devine said, by the calendar', 'At one
 * point, she said, she was considering': a reporting clause set off by
 * commas inside the sentence reports what stands before it too. The
 * subject starts at sb after a comma, the cue ends at c1 before one; the
 * part before is [*pb, *pe), from the sentence start (past what earlier
 * attributions took), at least two tokens, no quotation in it. */
static int S_parenthetical(const hearsay_doc *d, uint32_t s0, size_t sb, size_t c1, size_t *pb, size_t *pe) {
    if (sb < s0 + 2 || !S_punct(d, sb - 1, ',') || c1 + 1 >= d->toks.n || !S_punct(d, c1, ',') ||
        S_t(d, c1 + 1)->type == HS_T_QUOTE)
        return 0;
    size_t b = s0, e = sb - 1;
    while (b < e && S_taken(d, b)) b++;
    if (e < b + 2) return 0;
    int when = 1; /* only a time ('On Friday, Gingrich ... told'): no part */
    for (size_t k = b; k < e; k++) {
        const hs_tok *t = S_t(d, k);
        if (t->quote >= 0 || t->type == HS_T_QUOTE) return 0;
        if (t->type == HS_T_WORD && !(t->lex & (HS_L_PREP | HS_L_DET | HS_L_TIME | HS_L_WEEKDAY | HS_L_MONTH)))
            when = 0;
    }
    if (when) return 0;
    *pb = b;
    *pe = e;
    return 1;
}

/* What a closing tail follows: the cue, a speaker after the cue, or an
 * addressee after the cue. */
enum { S_AFTER_CUE, S_AFTER_SPEAKER, S_AFTER_ADDRESSEE };

/* Does [k, s1) close a sentence after its reporting verb and speaker,
 * with no clause of its own: nothing, a prepositional phrase or a time
 * ('in a video message to the convention', 'Wednesday'); after a speaker
 * also an apposition or relative clause set off by a comma (', a senior
 * fellow at the Brookings Institution'); after an addressee ('told a
 * Senate ‖ panel Wednesday') any words. */
static int S_closing_tail(const hearsay_doc *d, size_t k, size_t s1, int after) {
    if (k < s1 && after == S_AFTER_SPEAKER && S_punct(d, k, ',')) return 1;
    if (k < s1 && after == S_AFTER_CUE && !(S_lex(d, k) & (HS_L_PREP | HS_L_TIME | HS_L_WEEKDAY)) &&
        !(S_punct(d, k, '.') || S_punct(d, k, '!') || S_punct(d, k, '?')))
        return 0;
    if (k < s1 && (S_is(d, k, "to") || S_is(d, k, "that") || S_is(d, k, "of"))) return 0;
    for (size_t m = k; m < s1; m++) {
        const hs_tok *t = S_t(d, m);
        if (m > k + 24 || t->type == HS_T_QUOTE || t->quote >= 0) return 0;
        if (t->type == HS_T_PUNCT) {
            char c = d->text[t->b];
            if (c == '.' || c == '!' || c == '?') return m + 1 >= s1;
            if (c != ',' && c != '(' && c != ')') return 0;
            continue;
        }
        if (t->lex & (HS_L_THAT | HS_L_AUX | HS_L_VERB | HS_L_SAYVERB)) return 0;
    }
    return 1;
}

/* The clause [*cb, *ce) before a comma at token c: from the sentence start
 * past what earlier attributions took (nothing taken after that), at
 * least three words; when opened by a preposition, a conjunction or an
 * -ing word, only past a comma of its own ('In the tightly scripted world
 * of politics, it is ...', not 'Speaking in Iowa, he said ...'). */
static int S_clause_before(const hearsay_doc *d, uint32_t s0, size_t c, size_t *cb, size_t *ce) {
    size_t b = s0, words = 0, commas = 0;
    while (b < c && S_taken(d, b)) b++;
    if (b >= c) return 0;
    for (size_t k = b; k < c; k++) {
        if (S_taken(d, k)) return 0;
        words += S_word(d, k);
        commas += S_punct(d, k, ',');
    }
    if ((S_lex(d, b) & (HS_L_PREP | HS_L_CONJ) || S_ing(d, b)) && !commas) return 0;
    if (words < 3 || !S_content_ok(d, b, c)) return 0;
    *cb = b;
    *ce = c;
    return 1;
}

/* A nominal cue ("the insistence of X that ...", "Klain's claim that
 * ..."): the source is the possessor or the 'of' phrase, and the content a
 * that-clause. Returns 1 when v is such a cue (handled or not). */
static int S_nominal(hearsay_doc *d, uint32_t s0, uint32_t s1, size_t v, int need_of, int *rc) {
    *rc = 0;
    if (v <= s0) return 0;
    const hs_tok *p = S_t(d, v - 1);
    int poss = (p->flags & HS_F_POSS) || (p->lex & HS_L_PRON_POSS);
    if (!poss && !((p->lex & HS_L_DET) && !S_is(d, v - 1, "that"))) return 0;
    /* 'Some seek to', 'another says there are': a quantifier standing
     * alone is the subject of a verb, unless the cue is a noun ('some
     * claims'). Train, the model fixed: 14 contents and 6 speakers
     * gained, 0 lost */
    if (!poss && !(S_lex(d, v) & HS_L_CUENOUN) && S_bare_np_left(d, s0, v - 1) == (long)v - 1) return 0;
    long sb = -1;
    size_t se = 0, j = v + 1;
    if (poss && v >= 2) {
        /* the possessive marker's own token ('s or ’s) */
        int mark = (p->flags & HS_F_POSS) && p->type == HS_T_WORD &&
                   ((unsigned char)d->text[p->b] == '\'' || (unsigned char)d->text[p->b] == 0xE2);
        sb = S_np_left(d, s0, mark ? v - 2 : v - 1);
        se = mark ? v - 1 : v;
        /* 'his warning that ...': the possessive pronoun itself */
        if (sb < 0 && (p->lex & HS_L_PRON_POSS)) sb = (long)v - 1;
    }
    if (j + 1 < s1 && (S_is(d, j, "of") || S_is(d, j, "by"))) {
        size_t ne = S_np_right(d, j + 1, s1);
        if (ne > j + 1) {
            sb = (long)j + 1;
            se = ne;
            j = ne;
        }
    }
    if (need_of && j == v + 1) return 1;
    if (j >= s1 || !(S_is(d, j, "that") || S_is(d, j, "to"))) return 1;
    size_t e = S_clause_end(d, j, s1);
    if (e <= j + 1 || !S_content_ok(d, j, e)) return 1;
    *rc = S_emit_indirect(d, sb, se, v, v + 1, NULL, j, e);
    return 1;
}

/* A raising or passive cue whose subject is what is reported, not who
 * reports it ('Trump appears to', 'she seemed', 'Sanders is expected to',
 * 'is seen as', 'reportedly'): PolNeAR gives these no source. */
static int S_raising(const hearsay_doc *d, uint32_t s0, size_t v) {
    static const char *const raise[] = {"appear", "appears", "appeared", "seem", "seems", "seemed",
                                        "seemingly", "reportedly", NULL};
    for (int k = 0; raise[k]; k++)
        if (S_is(d, v, raise[k])) return 1;
    /* 'when asked about', 'Asked whether', 'was asked': the asker is not named */
    if (S_is(d, v, "asked") &&
        (v == s0 || S_is(d, v - 1, "when") || S_is(d, v - 1, "if") || S_is(d, v - 1, "after")))
        return 1;
    if (!(S_is(d, v, "expected") || S_is(d, v, "seen") || S_is(d, v, "asked"))) return 0;
    size_t k = v;
    while (k > s0 && (S_is(d, k - 1, "not") || S_is(d, k - 1, "widely") || S_is(d, k - 1, "also") ||
                      S_is(d, k - 1, "still") || S_is(d, k - 1, "generally")))
        k--;
    return k > s0 && (S_is(d, k - 1, "is") || S_is(d, k - 1, "are") || S_is(d, k - 1, "was") ||
                      S_is(d, k - 1, "were") || S_is(d, k - 1, "be") || S_is(d, k - 1, "been") ||
                      S_is(d, k - 1, "'s") || S_is(d, k - 1, "’s"));
}

/* A common noun phrase from b ('left-leaning economists', 'some of his
 * rivals', 'many Wall Street players'): determiners, quantities,
 * possessives, modifiers and nouns, and an 'of' phrase after them.
 * Returns one past its last token, or 0. */
static size_t S_agent_np(const hearsay_doc *d, size_t b, size_t hi) {
    const uint32_t fn = HS_L_STOP | HS_L_PREP | HS_L_AUX | HS_L_VERB | HS_L_SAYVERB | HS_L_TIME | HS_L_REL |
                        HS_L_CONJ | HS_L_THAT;
    size_t e = b, last = 0;
    while (e < hi && e - b < S_NP_MAX) {
        const hs_tok *t = S_t(d, e);
        if (t->type == HS_T_NUM || S_np_quant(d, e) || ((t->lex & HS_L_DET) && !S_is(d, e, "that")) ||
            (t->lex & HS_L_PRON_POSS)) {
            e++;
            continue;
        }
        if (t->type == HS_T_WORD && !(t->lex & (fn | HS_L_PRON_PERSON))) {
            last = ++e;
            continue;
        }
        if (S_is(d, e, "of") && e > b && e + 1 < hi) {
            e++;
            continue;
        }
        break;
    }
    return last;
}

/* Is the cue at v a passive ('Sanders had been told', 'was once asked',
 * 'has been criticized for')? Its subject is who was told or blamed: with
 * no agent PolNeAR gives it no source (train: 306 passive cues without
 * 'by' have none, 92 a source before the cue, most of those a state: 'are
 * worried', 'is concerned', 'were divided', which are no passive here). */
static int S_passive(const hearsay_doc *d, uint32_t s0, size_t v) {
    static const char *const irr[] = {"told", "said", "known", "seen", "shown", "taken", "given", "made",
                                      "written", "thought", "held", "heard", "understood", "sent", NULL};
    static const char *const state[] = {"worried", "concerned", "divided", "convinced", "focused", "inclined",
                                        "shocked", "outraged", "poised", "devoted", "determined", "interested",
                                        "pleased", "disappointed", "surprised", "frustrated", "excited",
                                        "impressed", "committed", "opposed", "prepared", "unconvinced",
                                        "alarmed", "troubled", "split", "united", "angered", "upset",
                                        "relieved", "dismayed", "confused", "satisfied", "encouraged",
                                        "delighted", "thrilled", "stunned", "puzzled", "mystified", "engaged",
                                        "obsessed", "fixated", "dedicated", "persuaded", "assured", "reassured",
                                        "resigned", "unimpressed", "annoyed", "amazed", "scared", "terrified",
                                        "embarrassed", "offended", "disgusted", "tired", "bothered", NULL};
    const hs_tok *t = S_t(d, v);
    if (t->type != HS_T_WORD || (t->flags & HS_F_CAP)) return 0;
    size_t k = v;
    while (k > s0 && v - k < 3 && S_word(d, k - 1) && !S_cap(d, k - 1) &&
           (S_is(d, k - 1, "not") || S_is(d, k - 1, "never") || S_is(d, k - 1, "also") || S_is(d, k - 1, "once") ||
            S_is(d, k - 1, "first") || S_is(d, k - 1, "often") || S_is(d, k - 1, "long") ||
            S_is(d, k - 1, "already") || S_is(d, k - 1, "still") || S_is(d, k - 1, "just") ||
            (S_t(d, k - 1)->e - S_t(d, k - 1)->b > 3 && !memcmp(d->text + S_t(d, k - 1)->e - 2, "ly", 2))))
        k--;
    if (!(k > s0 && (S_is(d, k - 1, "is") || S_is(d, k - 1, "are") || S_is(d, k - 1, "was") ||
                     S_is(d, k - 1, "were") || S_is(d, k - 1, "be") || S_is(d, k - 1, "been") ||
                     S_is(d, k - 1, "being"))))
        return 0;
    /* (the word lists only after a form of 'be': cues are many) */
    size_t n = t->e - t->b;
    int part = n > 4 && !memcmp(d->text + t->e - 2, "ed", 2);
    for (int i = 0; !part && irr[i]; i++) part = S_is(d, v, irr[i]);
    if (!part) return 0;
    for (int i = 0; state[i]; i++)
        if (S_is(d, v, state[i])) return 0;
    return 1;
}

/* Is 'that' at token t a relative pronoun whose clause's verb follows the
 * cue ('moves that he said improved Indiana's economy', 'a country that
 * Romney called our No. 1 foe'): after a common noun, and what follows
 * the cue at j opens with a verb, not a subject of its own. */
static int S_rel_that(const hearsay_doc *d, uint32_t s0, size_t t, size_t j) {
    if (!S_is(d, t, "that") || t <= s0 || j >= d->toks.n) return 0;
    const hs_tok *p = S_t(d, t - 1);
    if (p->type != HS_T_WORD || (p->flags & HS_F_CAP) ||
        (p->lex & (HS_L_AUX | HS_L_VERB | HS_L_SAYVERB | HS_L_ADV | HS_L_PREP | HS_L_STOP | HS_L_CONJ | HS_L_DET)) ||
        S_is(d, t - 1, "so") || S_is(d, t - 1, "such"))
        return 0;
    const hs_tok *n = S_t(d, j);
    return n->type == HS_T_WORD && !(n->flags & HS_F_CAP) && !(n->lex & (HS_L_DET | HS_L_PRON_PERSON | HS_L_THAT)) &&
           ((n->lex & (HS_L_AUX | HS_L_VERB)) || (hs_tok_verb(d, j) & 2));
}

static int S_indirect_one(hearsay_doc *d, uint32_t s0, uint32_t s1, size_t v) {
    size_t c1 = v + 1; /* cue end: runs of cue words ("cast doubt") */
    while (c1 < s1 && S_cue_word(d, c1) && c1 < v + 4) c1++;
    size_t run = c1; /* 'was first reported' */
    int nrc;
    if (S_nominal(d, s0, s1, v, 0, &nrc)) return nrc;
    /* ', said X' right after a quotation is the quotation's frame */
    size_t pq = v;
    while (pq > s0 && (S_punct(d, pq - 1, ',') || (S_lex(d, pq - 1) & HS_L_ADV))) pq--;
    if (pq > s0 && pq < v && S_t(d, pq - 1)->type == HS_T_QUOTE && S_t(d, pq - 1)->q == HS_Q_CLOSE) return 0;
    /* a noun and preposition completing the cue: 'cast doubt on', 'took aim
     * at', 'expressed concern about' */
    if (c1 + 2 < s1 && S_t(d, c1)->type == HS_T_WORD && !S_cap(d, c1) &&
        (S_lex(d, c1) & (HS_L_SAYVERB | HS_L_CUENOUN)) && !(S_lex(d, c1) & (HS_L_DET | HS_L_STOP)) &&
        (S_is(d, c1 + 1, "on") || S_is(d, c1 + 1, "about") || S_is(d, c1 + 1, "at") ||
         S_is(d, c1 + 1, "over") || S_is(d, c1 + 1, "against") || S_is(d, c1 + 1, "for")))
        c1 += 2;
    /* a preposition the cue governs: 'talk about', 'called for', 'accused of' */
    if (c1 + 1 < s1 && (S_is(d, c1, "about") || S_is(d, c1, "for") || S_is(d, c1, "of") ||
                        S_is(d, c1, "on") || S_is(d, c1, "against") || S_is(d, c1, "with")) &&
        !(S_lex(d, c1 + 1) & (HS_L_TIME | HS_L_WEEKDAY)))
        c1++;
    long sb;
    size_t se;
    int has_subj = S_speaker_of_cue(d, s0, v, &sb, &se);
    if (!has_subj && v > s0 + 1 && S_t(d, v - 1)->type == HS_T_WORD && !S_cap(d, v - 1) &&
        !(S_lex(d, v - 1) & (HS_L_STOP | HS_L_PREP | HS_L_DET | HS_L_CONJ | HS_L_PRON_POSS)) &&
        !(S_t(d, v - 1)->flags & HS_F_POSS) && S_speaker_of_cue(d, s0, v - 1, &sb, &se)) {
        /* 'cast doubt': the verb before the flagged word opens the cue */
        has_subj = 1;
        v--;
    }
    /* 'Trump has been rebuked by opponents', 'The proposal was jointly
     * written by an unpledged delegate': the agent is the source and the
     * subject what is reported (train: of 147 sources right after a cue's
     * 'by', most are passives, their content the subject) */
    int passive = S_passive(d, s0, v) || (run > v + 1 && S_passive(d, s0, run - 1));
    int by = c1 + 1 < s1 && S_is(d, c1, "by");
    if (passive && by && has_subj && sb >= (long)s0 && se <= v) {
        size_t ae = S_frame_np(d, c1 + 1, s1, 0);
        if (ae <= c1 + 1) ae = S_agent_np(d, c1 + 1, s1);
        /* 'Rubio was asked by the moderator whether ...': what follows */
        if (ae > c1 + 1 && ae < s1 &&
            (S_is(d, ae, "whether") || S_is(d, ae, "if") || S_is(d, ae, "that") || S_is(d, ae, "to") ||
             S_is(d, ae, "about") || S_is(d, ae, "why") || S_is(d, ae, "how") || S_is(d, ae, "what"))) {
            size_t e = S_clause_end(d, ae, s1);
            if (e > ae + 1 && S_content_ok(d, ae, e)) return S_emit_indirect(d, (long)c1 + 1, ae, v, c1, NULL, ae, e);
        } else if (ae > c1 + 1 && S_content_ok(d, (size_t)sb, se)) {
            return S_emit_indirect(d, (long)c1 + 1, ae, v, c1, NULL, (size_t)sb, se);
        }
    }
    S_frame fr;
    S_frame_init(&fr);
    fr.cue_b = (long)v;
    fr.cue_e = (long)c1;
    size_t j = S_skip_to_content(d, c1, s1, &fr);
    size_t ca = fr.addr_b >= 0 ? (size_t)fr.addr_e : c1; /* past the cue and its addressee */
    /* 'CONTENT, X said in a video message.', 'CONTENT, said Dante Scala, a
     * professor ...': a reporting clause closing its sentence reports the
     * clause before it */
    {
        size_t cb, ce;
        if (has_subj && sb > (long)s0 + 1 && S_punct(d, (size_t)sb - 1, ',') && !(S_lex(d, (size_t)sb) & HS_L_REL) &&
            S_closing_tail(d, ca, s1, fr.addr_b >= 0 ? S_AFTER_ADDRESSEE : S_AFTER_CUE) &&
            S_clause_before(d, s0, (size_t)sb - 1, &cb, &ce))
            return S_emit_indirect(d, sb, se, v, c1, &fr, cb, ce);
        size_t ne;
        if (!has_subj && v > s0 + 1 && S_punct(d, v - 1, ',') && (ne = S_np_right(d, c1, s1)) > c1 &&
            S_closing_tail(d, ne, s1, S_AFTER_SPEAKER) && S_clause_before(d, s0, v - 1, &cb, &ce)) {
            if (ne + 1 < s1 && S_punct(d, ne, ',') && S_appos_start(d, ne + 1)) ne = S_appos_end(d, ne + 1, s1);
            return S_emit_indirect(d, (long)c1, ne, v, c1, NULL, cb, ce);
        }
    }
    size_t e = j < s1 && S_takes_clause(d, j) ? S_clause_end(d, j, s1) : j;
    if (e > j && !(e == j + 1 && S_t(d, j)->type != HS_T_WORD)) {
        if (!S_content_ok(d, j, e)) return 0;
        /* 'Trump appears to have learned ...': nobody is the source; the
         * subject is part of what is reported, the content's first part
         * ('The speaker' + 'closer to offering an endorsement') */
        int raising = S_raising(d, s0, v);
        if (raising || (passive && !by)) {
            if (raising && has_subj && sb >= (long)s0 && se <= v && !S_is(d, v, "asked") && !S_is(d, v, "reportedly"))
                return S_emit_parts(d, -1, 0, v, c1, &fr, (size_t)sb, se, j, e);
            int rc = S_emit_indirect(d, -1, 0, v, c1, &fr, j, e);
            if (!rc) S_start_window(&d->attrs.v[d->attrs.n - 1], c1, j, e);
            return rc;
        }
        size_t pb, pe;
        /* 'which he said was not a prison sentence': the relative pronoun
         * is what is reported (PolNeAR: which 73 of 127 in train, what 48
         * of 65, who 13 of 18; 'that' is mostly the complementizer) */
        if (has_subj && sb > (long)s0 && !S_is(d, j, "that") &&
            (S_is(d, (size_t)sb - 1, "which") || S_is(d, (size_t)sb - 1, "what") || S_is(d, (size_t)sb - 1, "who") ||
             S_rel_that(d, s0, (size_t)sb - 1, j)))
            return S_emit_parts(d, sb, se, v, c1, &fr, (size_t)sb - 1, (size_t)sb, j, e);
        if (has_subj && S_parenthetical(d, s0, (size_t)sb, ca, &pb, &pe)) {
            /* 'Sales were great, he said, wiping sweat off his face': what
             * follows is about the speaker, not what was said */
            if (S_ing(d, j)) return S_emit_indirect(d, sb, se, v, c1, NULL, pb, pe);
            return S_emit_parts(d, sb, se, v, c1, &fr, pb, pe, j, e);
        }
        /* one part after the cue: the start model may move its start */
        int rc = S_emit_indirect(d, sb, se, v, c1, &fr, j, e);
        if (!rc) S_start_window(&d->attrs.v[d->attrs.n - 1], c1, j, e);
        return rc;
    }
    /* nothing after the cue: the clause before it ('..., X said.') */
    if (has_subj && sb > (long)s0 + 1 && S_punct(d, (size_t)sb - 1, ',')) {
        size_t cb = s0, ce = (size_t)sb - 1;
        while (cb < ce && S_taken(d, cb)) cb++;
        if (ce > cb + 1) return S_emit_indirect(d, sb, se, v, c1, NULL, cb, ce);
    }
    /* '..., said X.' */
    if (!has_subj && v > s0 + 1 && S_punct(d, v - 1, ',')) {
        size_t ne = S_np_right(d, c1, s1);
        if (ne > c1) {
            size_t cb = s0, ce = v - 1;
            while (cb < ce && S_taken(d, cb)) cb++;
            if (ce > cb + 1) return S_emit_indirect(d, (long)c1, ne, v, c1, NULL, cb, ce);
        }
    }
    return 0;
}

/* 'according to X, CONTENT' and 'CONTENT, according to X' */
static int S_according(hearsay_doc *d, uint32_t s0, uint32_t s1, size_t v) {
    if (v + 2 >= s1) return 0;
    size_t nb = v + 2;
    /* the source: the phrase up to the clause's end ('a new poll by the
     * Harvard University Institute of Politics', 'a Washington Post
     * analysis of campaign finance filings'), with a name's apposition
     * ('John Weaver, a Republican strategist,'); else a name. Train: 333
     * of 398 gold sources end at the first comma, semicolon, colon, dash,
     * parenthesis, quotation mark or full stop, most others hold an
     * apposition */
    size_t ne = nb;
    while (ne < s1 && ne < nb + 32) {
        const hs_tok *t = S_t(d, ne);
        if (t->type == HS_T_QUOTE || S_dash(d, ne) ||
            (t->type == HS_T_PUNCT && t->e - t->b == 1 && strchr(",;:.(", d->text[t->b])))
            break;
        ne++;
    }
    if (ne == nb || ne >= nb + 32) {
        ne = S_np_right(d, nb, s1);
        if (!ne) return 0;
    } else if (ne + 2 < s1 && S_punct(d, ne, ',') && S_np_right(d, nb, s1) == ne && S_cap(d, ne - 1) &&
               S_appos_start(d, ne + 1) && !S_cue_word(d, ne + 1)) {
        /* ... a role or a kind of group, with no verb ('a Republican
         * strategist', 'an advocacy group'; not 'Crowdpac, the most of any
         * candidate by far', 'The Guardian, an email was sent from the
         * club's director') */
        size_t ae = ne + 1;
        uint32_t lex = 0;
        while (ae < s1 && ae < ne + 16 && !S_punct(d, ae, ',') && S_t(d, ae)->type == HS_T_WORD) lex |= S_lex(d, ae++);
        if ((ae == s1 || S_punct(d, ae, ',') || S_punct(d, ae, '.')) &&
            (S_lex(d, ae - 1) & (HS_L_TITLE | HS_L_GROUP | HS_L_ORG)) && !(lex & (HS_L_AUX | HS_L_VERB | HS_L_SAYVERB)))
            ne = ae;
    }
    size_t cb, ce;
    /* opening its sentence, after 'But' or 'And' (and a comma), an opening
     * parenthesis or a colon */
    int open = v == s0 || (S_t(d, v)->flags & HS_F_SENT_START) || S_punct(d, v - 1, ':') ||
               (v == s0 + 1 && (S_is(d, s0, "but") || S_is(d, s0, "and") || S_punct(d, s0, '('))) ||
               (v == s0 + 2 && (S_is(d, s0, "but") || S_is(d, s0, "and")) && S_punct(d, s0 + 1, ','));
    const hs_tok *p = open ? NULL : S_t(d, v - 1); /* v > s0 when not open */
    if (open) {
        cb = ne;
        if (cb < s1 && S_punct(d, cb, ',')) cb++;
        ce = S_clause_end(d, cb, s1);
    } else if (p->type == HS_T_QUOTE && p->q == HS_Q_CLOSE && v - 1 > s0 && S_punct(d, v - 2, ',')) {
        /* after a quotation ('"… now taste the Islamic State vengeance,"
         * according to a letter'): from where it opened, in its paragraph */
        cb = s0;
        if (p->quote >= 0) {
            const hs_quote *q = &d->quotes.v[p->quote];
            if (q->t0 < s0 && S_t(d, q->t0)->b >= d->paras.v[d->sents.v[S_sent_of_tok(d, s0)].para].b) cb = q->t0;
        }
        ce = v;
    } else if (S_punct(d, v - 1, ',') || S_dash(d, v - 1) ||
               ((p->type == HS_T_WORD || p->type == HS_T_NUM) && v > s0 + 2)) {
        /* after a comma, a dash, or a word ('leads by 271 delegates
         * according to a count') */
        cb = s0;
        ce = p->type == HS_T_PUNCT ? v - 1 : v;
        while (ce > cb && S_t(d, ce - 1)->type == HS_T_PUNCT && S_t(d, ce - 1)->type != HS_T_QUOTE) ce--;
        /* not after a word that opens a clause ('said that according to
         * its analysis, …', 'while — according to emails, …') */
        if (!S_punct(d, v - 1, ',') && ce > cb &&
            (S_lex(d, ce - 1) & (HS_L_THAT | HS_L_CONJ | HS_L_PREP | HS_L_REL) || S_is(d, ce - 1, "while")))
            return 0;
    } else {
        return 0;
    }
    /* set off inside a clause whose subject comes before it ('Other major
     * cleavages, according to the poll, include ideology'): the content
     * is both sides (train: 29 such contents of 41 mid-sentence go on
     * past the source) */
    size_t rb = 0, re = 0;
    if (cb < v && ce > cb && S_punct(d, v - 1, ',')) {
        uint32_t verbs = 0;
        for (size_t k = cb; k < ce; k++) verbs |= hs_tok_verb(d, k);
        size_t c = ne;
        while (c < s1 && c < ne + 16 && !S_punct(d, c, ',') && S_t(d, c)->type == HS_T_WORD) c++;
        if (!verbs && c + 1 < s1 && S_punct(d, c, ',') && S_t(d, c + 1)->type == HS_T_WORD) {
            rb = c + 1;
            re = S_clause_end(d, rb, s1);
            if (re <= rb + 1) rb = re = 0;
        }
    }
    if (ce <= cb + (rb ? 0 : 1)) return 0;
    hs_attr *at = S_new_attr(d);
    if (!at) return HEARSAY_ENOMEM;
    S_set_src(d, at, nb, ne);
    S_set_cue(d, at, v, v + 2);
    if (S_add_part(d, S_t(d, cb)->b, S_t(d, ce - 1)->e)) return HEARSAY_ENOMEM;
    at->nparts = 1;
    if (rb) {
        if (S_add_part(d, S_t(d, rb)->b, S_t(d, re - 1)->e)) return HEARSAY_ENOMEM;
        at->nparts = 2;
    }
    if (cb > v) S_start_window(at, ne, cb, ce);
    return 0;
}

/* 'In a CNN/ORC poll released Monday, 31% of Republicans said ...': a
 * poll or survey named at the start of a sentence is the source of what
 * follows its comma, 'In' the cue (train: 14 of the 19 such sentences). */
static int S_in_poll(hearsay_doc *d, uint32_t s0, uint32_t s1, size_t v) {
    if (v != s0 || v + 3 >= s1 || !(S_lex(d, v + 1) & (HS_L_DET | HS_L_PRON_POSS)) || S_is(d, v + 1, "that"))
        return 0;
    size_t c = v + 2;
    int poll = 0;
    for (; c < s1 && c < v + 18 && !S_punct(d, c, ','); c++) {
        if (S_t(d, c)->type == HS_T_QUOTE || S_punct(d, c, ';')) return 0;
        poll |= S_is(d, c, "poll") || S_is(d, c, "polls") || S_is(d, c, "survey") || S_is(d, c, "surveys");
    }
    if (!poll || c + 2 >= s1 || !S_punct(d, c, ',')) return 0;
    size_t cb = c + 1, ce = S_clause_end(d, cb, s1);
    if (ce <= cb + 1) return 0;
    hs_attr *at = S_new_attr(d);
    if (!at) return HEARSAY_ENOMEM;
    S_set_src(d, at, v + 1, c);
    S_set_cue(d, at, v, v + 1);
    if (S_add_part(d, S_t(d, cb)->b, S_t(d, ce - 1)->e)) return HEARSAY_ENOMEM;
    at->nparts = 1;
    return 0;
}

static int S_indirect(hearsay_doc *d) {
    for (size_t s = 0; s < d->sents.n; s++) {
        uint32_t s0 = d->sents.v[s].t0, s1 = d->sents.v[s].t1;
        if (hs_doc_para_skipped(d, (int)d->sents.v[s].para) || d->paras.v[d->sents.v[s].para].label) continue;
        for (size_t v = s0; v < s1; v++) {
            if (S_t(d, v)->flags & HS_F_INQ) continue;
            int rc = 0;
            if (S_is(d, v, "according") && v + 1 < s1 && S_is(d, v + 1, "to")) {
                rc = S_according(d, s0, s1, v);
            } else if (v == s0 && S_is(d, v, "in")) {
                rc = S_in_poll(d, s0, s1, v);
            } else if (S_cue_word(d, v) && !S_used_cue(d, v)) {
                rc = S_indirect_one(d, s0, s1, v);
            } else if ((S_lex(d, v) & HS_L_CUENOUN) && !(S_t(d, v)->flags & HS_F_INQ) && !S_used_cue(d, v)) {
                /* a statement noun the classifier did not flag: only in the
                 * precise frame 'the insistence of X that ...' */
                S_nominal(d, s0, s1, v, 1, &rc);
            }
            if (rc) return rc;
        }
    }
    return 0;
}

/* --------------------------------------------------------------- kinds */

static void S_kind(hearsay_doc *d, hs_attr *a) {
    size_t in = 0, all = 0;
    for (uint32_t p = a->part0; p < a->part0 + a->nparts; p++) {
        hs_brange r = d->bparts.v[p];
        for (size_t j = hs_doc_tok_at(d, r.b); j < d->toks.n && d->toks.v[j].b < r.e; j++) {
            const hs_tok *t = &d->toks.v[j];
            size_t w = t->ce - t->c;
            all += w;
            if (t->flags & HS_F_INQ) in += w;
        }
    }
    a->kind = !all || in * 10 < all * 9 ? (in ? HEARSAY_MIXED : HEARSAY_INDIRECT) : HEARSAY_DIRECT;
}

static void S_kinds(hearsay_doc *d) {
    for (size_t i = 0; i < d->attrs.n; i++) S_kind(d, &d->attrs.v[i]);
}

/* ------------------------------------------------------ content start */

/* Reported speech whose content follows its cue: the start model (cue.c)
 * picks the content's first token near where the rules began it ('pleaded
 * guilty to making ...' -> 'to making ...', 'made it clear that ...' ->
 * 'that ...'). It runs after the filter, which judges the attribution the
 * rules formed. A start moved past a speaker phrase right after the cue
 * onto 'that' or 'to' ('urged Trump to ...', 'told viewers that ...')
 * makes that phrase the addressee; a start moved back into the addressee
 * drops it. */
static void S_starts(hearsay_doc *d) {
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->dropped || !a->st_e || a->nparts != 1) continue;
        size_t c1 = a->st_c1, j = a->st_j, e = a->st_e;
        size_t k = hs_start_pick(d, a);
        if (k == j || !S_content_ok(d, k, e)) continue;
        /* the kind stays: a mixed content that would read as direct
         * without its first words keeps them */
        uint32_t b0 = d->bparts.v[a->part0].b;
        uint8_t kind = a->kind;
        d->bparts.v[a->part0].b = S_t(d, k)->b;
        S_kind(d, a);
        if (a->kind != kind) {
            d->bparts.v[a->part0].b = b0;
            a->kind = kind;
            continue;
        }
        if (a->addr_b >= 0 && S_t(d, k)->b < (uint32_t)a->addr_e) a->addr_b = a->addr_e = -1;
        if (a->addr_b < 0 && k > c1 && (S_is(d, k, "that") || S_is(d, k, "to")) && S_np_right(d, c1, k) == k) {
            a->addr_b = (int32_t)S_t(d, c1)->b;
            a->addr_e = (int32_t)S_t(d, k - 1)->e;
        }
    }
}

/* ------------------------------------------------------- content end */

/* Attribution i's content no longer holds [k, e): a quotation there that
 * it claimed goes to the attribution whose cue is in [k, e) and whose
 * content stopped right before it ('Democrats blocked the bill because
 * they said the language was an untenable "poison pill."': 'said' stopped
 * at the quotation 'blocked' had claimed, before the end model cut
 * 'blocked' to 'the bill'). */
static void S_release_quotes(hearsay_doc *d, size_t i, size_t k, size_t e) {
    for (size_t m = k; m < e; m++) {
        const hs_tok *t = S_t(d, m);
        if (t->type != HS_T_QUOTE || t->q != HS_Q_OPEN || t->quote < 0) continue;
        hs_quote *q = &d->quotes.v[t->quote];
        if (q->parent >= 0 || q->attr != (int32_t)i || q->t0 != m) continue;
        q->attr = -1;
        for (size_t o = 0; o < d->attrs.n; o++) {
            hs_attr *b = &d->attrs.v[o];
            if (o == i || b->dropped || b->nparts != 1 || b->cue_b < 0) continue;
            size_t cb = hs_doc_tok_at(d, (uint32_t)b->cue_b);
            if (cb < k || cb >= m) continue;
            hs_brange *br = &d->bparts.v[b->part0];
            if (hs_doc_tok_at(d, br->e - 1) + 1 != m || q->t1 > e) continue;
            br->e = S_t(d, q->t1 - 1)->e;
            if (b->st_e) b->st_e = (uint32_t)q->t1;
            q->attr = (int32_t)o;
            S_kind(d, b);
            break;
        }
    }
}

/* Reported speech whose content follows its cue: the end model (end.c)
 * may end the content before the rules' end, at a boundary ('not to make
 * a 2008 presidential bid' before ', half-joking ...'). It runs after the
 * start model, on the content as it starts now; what it cuts holds a
 * quotation only with another cue ('..., and Trump vowed to "bomb the
 * hell" ...'), and then the kind is found again. */
static void S_ends(hearsay_doc *d) {
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->dropped || !a->st_e || a->nparts != 1) continue;
        hs_brange *r = &d->bparts.v[a->part0];
        size_t j = hs_doc_tok_at(d, r->b), e = a->st_e;
        if (j >= e || S_t(d, e - 1)->e != r->e) continue;
        size_t k = hs_end_pick(d, a, j);
        if (k == e || !S_content_ok(d, j, k)) continue;
        r->e = S_t(d, k - 1)->e;
        S_kind(d, a); /* a quotation left out: mixed may become indirect */
        S_release_quotes(d, i, k, e);
    }
}

/* ------------------------------------------- what PolNeAR never does */

/* The passes below mark tokens in d->cover, each clearing the whole array
 * first: one memset a pass cost less than clearing the marks one by one
 * (whole-process CPU on 30 MB of PolNeAR JSON Lines about 2% lower, for 1%
 * more instructions by callgrind's count). */
static int S_cover_ready(hearsay_doc *d) {
    d->cover.n = 0;
    if (hs_vec_reserve(&d->cover, d->toks.n)) return HEARSAY_ENOMEM;
    d->cover.n = d->toks.n;
    return 0;
}

static void S_cover_clear(hearsay_doc *d) {
    if (d->cover.n) memset(d->cover.v, 0, d->cover.n * sizeof *d->cover.v); /* v is NULL for no tokens */
}

/* Marks the tokens of a's content as held by attribution i. */
static void S_cover_content(hearsay_doc *d, const hs_attr *a, uint32_t i) {
    for (uint32_t p = a->part0; p < a->part0 + a->nparts; p++) {
        const hs_brange *r = &d->bparts.v[p];
        if (r->e <= r->b) continue;
        for (size_t k = hs_doc_tok_at(d, r->b), e = hs_doc_tok_at(d, r->e - 1); k <= e; k++) {
            d->cover.v[k].n++;
            d->cover.v[k].owner = i;
        }
    }
}

/* Does token k belong to (hold the content or cue of) another than i? */
static int S_covered(const hearsay_doc *d, size_t k, size_t i) {
    const hs_cover *c = &d->cover.v[k];
    return c->n > 1 || (c->n == 1 && c->owner != i);
}

/* PolNeAR never nests one attribution in another (train's gold has no
 * cue inside another's content): reported speech whose cue lies in the
 * content of another, as the models have left it, is dropped; the outer
 * one was the annotators' choice about three times in four (on a 4-fold
 * split of train: 256 outer right and 97 inner right of 432 such pairs;
 * soft F1 +0.004). Which of the two has the likelier cue does not tell
 * them apart. Each token counts the contents that hold it and keeps the
 * last one's index. */
static void S_denest(hearsay_doc *d) {
    S_cover_clear(d);
    for (size_t i = 0; i < d->attrs.n; i++)
        if (!d->attrs.v[i].dropped) S_cover_content(d, &d->attrs.v[i], (uint32_t)i);
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->dropped || a->cue_b < 0) continue;
        if (S_covered(d, hs_doc_tok_at(d, (uint32_t)a->cue_b), i)) a->dropped = 2;
    }
    for (size_t i = 0; i < d->attrs.n; i++)
        if (d->attrs.v[i].dropped == 2) d->attrs.v[i].dropped = 1;
}

/* A speaker phrase that holds the cue of another attribution ends before
 * the clause of that cue: at the relative word before it, else the comma
 * ('R. Gil Kerlikowske, the … commissioner, who conceded that …',
 * 'Gov. John Kasich of Ohio, a Republican who has refused to endorse …',
 * 'Davis, a longtime liberal, lashed out at …'). */
static void S_trim_sources(hearsay_doc *d) {
    S_cover_clear(d);
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        if (a->dropped || a->cue_b < 0) continue;
        hs_cover *c = &d->cover.v[hs_doc_tok_at(d, (uint32_t)a->cue_b)];
        c->n++;
        c->owner = (uint32_t)i;
    }
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->dropped || a->src_b < 0 || a->src_e <= a->src_b) continue;
        size_t sb = hs_doc_tok_at(d, (uint32_t)a->src_b), se = hs_doc_tok_at(d, (uint32_t)a->src_e - 1) + 1;
        size_t k = sb + 1;
        while (k < se && !S_covered(d, k, i)) k++;
        if (k >= se) continue;
        /* back to the relative word that opens the cue's clause, else the
         * comma */
        size_t m = k;
        while (m > sb + 1 && !S_rel_word(d, m - 1)) m--;
        if (m <= sb + 1)
            for (m = k; m > sb + 1 && !S_punct(d, m - 1, ',');) m--;
        if (m <= sb + 1) continue;
        m--; /* the comma or relative word itself, and punctuation before */
        while (m > sb + 1 && S_t(d, m - 1)->type == HS_T_PUNCT) m--;
        if (m <= sb) continue;
        a->src_e = (int32_t)S_t(d, m - 1)->e;
    }
}

/* How far a's cue is from its content, in bytes. */
static uint32_t S_cue_gap(const hearsay_doc *d, const hs_attr *a) {
    uint32_t best = UINT32_MAX, cb = (uint32_t)a->cue_b, ce = (uint32_t)a->cue_e;
    for (uint32_t p = a->part0; p < a->part0 + a->nparts; p++) {
        const hs_brange *r = &d->bparts.v[p];
        uint32_t g = r->b >= ce ? r->b - ce : cb >= r->e ? cb - r->e : 0;
        if (g < best) best = g;
    }
    return best;
}

/* Two attributions of the same content ('The Journal, citing internal
 * documents, reported that …'): the one whose cue is nearer the content
 * stays (train's gold has 4 such pairs, the rules 26, the nearer cue the
 * right one in each). Each content's first token keeps the last
 * attribution that opened there, so a third content that starts on the
 * same token as two others may escape the comparison. */
static void S_dedupe(hearsay_doc *d) {
    S_cover_clear(d);
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (a->dropped || !a->nparts || a->cue_b < 0) continue;
        hs_cover *c = &d->cover.v[hs_doc_tok_at(d, d->bparts.v[a->part0].b)];
        if (c->n) {
            hs_attr *o = &d->attrs.v[c->owner];
            int same = o->nparts == a->nparts;
            for (uint32_t p = 0; same && p < a->nparts; p++)
                same = d->bparts.v[o->part0 + p].b == d->bparts.v[a->part0 + p].b &&
                       d->bparts.v[o->part0 + p].e == d->bparts.v[a->part0 + p].e;
            if (same) {
                if (S_cue_gap(d, a) < S_cue_gap(d, o)) {
                    o->dropped = 1;
                    c->owner = (uint32_t)i;
                } else {
                    a->dropped = 1;
                }
                continue;
            }
        }
        c->n = 1;
        c->owner = (uint32_t)i;
    }
}

/* Attributions found inside an embedded post belong to the post. */
static void S_contexts(hearsay_doc *d) {
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        if (!a->nparts) continue;
        int p = hs_doc_para_at(d, d->bparts.v[a->part0].b);
        if (hs_doc_post(d, p)) a->context = HEARSAY_CONTEXT_EMBEDDED_POST;
    }
}

int hs_attr_run(hearsay_doc *d) {
    int rc = S_label_lines(d);
    if (rc) return rc;
    rc = S_direct(d);
    if (rc) return rc;
    rc = S_indirect(d);
    if (rc) return rc;
    S_kinds(d);
    S_contexts(d);
    rc = hs_att_filter(d);
    if (rc) return rc;
    S_starts(d);
    S_ends(d);
    rc = S_cover_ready(d);
    if (rc) return rc;
    S_denest(d);
    S_trim_sources(d);
    S_dedupe(d);
    return 0;
}
