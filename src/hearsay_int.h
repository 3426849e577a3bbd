/*
 * hearsay_int.h -- internal structures shared by the library's modules.
 * Never installed; not API.
 *
 * Module prefixes (a name tells you the file):
 *   hs_buf_   buf.c      growable byte buffer
 *   hs_utf8_  utf8.c     decoding, code-point counting
 *   hs_tok_   token.c    tokens, sentences, paragraphs
 *   hs_lex_   lexicon.c  word classes (compiled tables)
 *   hs_quote_ quote.c    quotation-mark pairing
 *   hs_attr_  attrib.c   cues, speakers, contents
 *   hs_ent_   entity.c   speaker resolution
 *   hs_ctx_   context.c  page debris, embedded posts
 *   hs_date_  date.c     dates
 *   hs_render_ render.c  output formats
 */
#ifndef HEARSAY_INT_H
#define HEARSAY_INT_H

#include "hearsay.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* -------------------------------------------------------- bit counts */

/* Set bits of x: the popcnt instruction where the build allows it (the
 * Makefile passes -mpopcnt on x86-64), else a portable bit count. */
static inline uint32_t hs_popcount64(uint64_t x) {
#if defined(__POPCNT__) && defined(__GNUC__)
    return (uint32_t)__builtin_popcountll(x);
#else
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (uint32_t)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* ---------------------------------------------------------- vectors */

/* A typed growable array: HS_VEC(hs_tok) toks; hs_vec_push(&toks, t). */
#define HS_VEC(T)                                                          \
    struct {                                                               \
        T *v;                                                              \
        size_t n, cap;                                                     \
    }

int hs_vec_grow_(void **v, size_t *cap, size_t need, size_t elem);

/* Ensures room for `extra` more elements; 0 or HEARSAY_ENOMEM. */
#define hs_vec_reserve(vec, extra)                                         \
    (((vec)->n + (extra) <= (vec)->cap)                                    \
         ? 0                                                               \
         : hs_vec_grow_((void **)&(vec)->v, &(vec)->cap, (vec)->n + (extra), \
                        sizeof(*(vec)->v)))

/* Appends x; evaluates to 0 or HEARSAY_ENOMEM. */
#define hs_vec_push(vec, x)                                                \
    (hs_vec_reserve(vec, 1) ? HEARSAY_ENOMEM                               \
                            : ((vec)->v[(vec)->n++] = (x), 0))

#define hs_vec_free(vec) (free((vec)->v), (vec)->v = NULL, (vec)->n = (vec)->cap = 0)

/* ------------------------------------------------------------ buffer */

typedef struct {
    char *p;
    size_t n, cap;
    int oom; /* set once an append failed; later appends are ignored */
} hs_buf;

void hs_buf_clear(hs_buf *b);
void hs_buf_free(hs_buf *b);
/* Makes room for extra more bytes and the NUL; 0, or -1 (and b->oom) when
 * out of memory or already failed. The slow path of the appends below. */
int hs_buf_grow(hs_buf *b, size_t extra);

/* The appends: inline, as the renderers call them for every field. */
static inline void hs_buf_put(hs_buf *b, const char *s, size_t n) {
    if ((b->oom || b->n + n + 1 > b->cap) && hs_buf_grow(b, n)) return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static inline void hs_buf_puts(hs_buf *b, const char *s) { hs_buf_put(b, s, strlen(s)); }

static inline void hs_buf_putc(hs_buf *b, char c) {
    if ((b->oom || b->n + 2 > b->cap) && hs_buf_grow(b, 1)) return;
    b->p[b->n++] = c;
    b->p[b->n] = 0;
}
void hs_buf_printf(hs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s[0..n) as the inside of a JSON string (escaped; invalid UTF-8
 * becomes U+FFFD, so the output is always valid JSON). */
void hs_buf_json_str(hs_buf *b, const char *s, size_t n);
/* Appends s[0..n) as plain text on one line: line breaks, tabs and NUL
 * become spaces, invalid UTF-8 becomes U+FFFD (so brat and text output are
 * always valid UTF-8, and brat's tab-separated fields stay intact). */
void hs_buf_text(hs_buf *b, const char *s, size_t n);
/* Appends s[0..n) escaped for HTML text and attributes. */
void hs_buf_html(hs_buf *b, const char *s, size_t n);

/* -------------------------------------------------------------- UTF-8 */

/* Decodes one code point at s[i..n). Returns its length in bytes (>= 1);
 * *cp gets the code point, or 0xFFFD for a maximal invalid subsequence
 * (whose length is what Python's 'replace' error handler consumes). */
size_t hs_utf8_next(const unsigned char *s, size_t i, size_t n, uint32_t *cp);

/* ------------------------------------------------------------- tokens */

enum {
    HS_T_WORD = 1,  /* letters, digits, inner apostrophes/hyphens/periods */
    HS_T_NUM,       /* starts with a digit */
    HS_T_PUNCT,     /* any other non-space character */
    HS_T_QUOTE      /* a quotation mark (see hs_tok.q) */
};

/* token flags */
enum {
    HS_F_CAP = 1 << 0,        /* first letter upper case */
    HS_F_ALLCAP = 1 << 1,     /* all letters upper case (and >= 2 letters) */
    HS_F_PARA_START = 1 << 2, /* first token of a paragraph */
    HS_F_SENT_START = 1 << 3, /* first token of a sentence */
    HS_F_SPACE_BEFORE = 1 << 4,
    HS_F_ABBREV = 1 << 5,     /* ends with a period that is not a full stop */
    HS_F_POSS = 1 << 6,       /* ends with 's or ’s (stripped into its own token) */
    HS_F_INQ = 1 << 7,        /* inside a quotation */
    HS_F_CUE = 1 << 8,        /* the cue classifier says: a cue word */
    HS_F_CUE_USED = 1 << 9,   /* the cue of an attribution already made */
    HS_F_PLAIN = 1 << 10,     /* a word of ASCII letters only */
    HS_F_CONTR = 1 << 11      /* a contraction ('ve, 'll ...): its lex and
                                 hash are the full word's ('have', 'will') */
};

/* quotation-mark roles (hs_tok.q) */
enum {
    HS_Q_NONE = 0,
    HS_Q_OPEN,   /* “ „ « ‘ (or a straight mark that opens) */
    HS_Q_CLOSE,  /* ” » ’ (or a straight mark that closes) */
    HS_Q_AMBIG   /* " or '' before pairing decides */
};

typedef struct {
    uint32_t b, e;   /* bytes [b, e) */
    uint32_t c, ce;  /* code points [c, ce) */
    uint8_t type;    /* HS_T_* */
    uint8_t q;       /* HS_Q_* for HS_T_QUOTE */
    uint8_t qstyle;  /* quote style: 1 double curly, 2 straight double,
                        3 single curly, 4 straight single, 5 guillemet,
                        6 two apostrophes */
    uint8_t pad;
    uint16_t flags;  /* HS_F_* */
    uint16_t pad2;
    uint32_t wh;     /* hash of the lower-cased form (features) */
    float cue;       /* cue score (cue.c), 0 when not a candidate */
    uint32_t lex;    /* lexicon class bits (HS_L_*), 0 if unknown */
    int32_t quote;   /* innermost enclosing quotation (index), -1 if none */
} hs_tok;

typedef struct {
    uint32_t t0, t1; /* tokens [t0, t1) */
    uint32_t para;   /* paragraph index */
    int32_t last_attr; /* the last attribution given a cue here, -1 */
    uint8_t may_date;  /* date.c: 0 not asked yet, 1 no time expression, 2 maybe */
} hs_sent;

typedef struct {
    uint32_t t0, t1; /* tokens [t0, t1) */
    uint32_t b, e;   /* bytes, without the line break */
    uint32_t s0, s1; /* sentences [s0, s1) */
    int debris;      /* index into debris, or -1 */
    uint8_t label;   /* attrib.c: a speaker's label line, attributed whole */
} hs_para;

/* A quotation: from its opening mark to its closing mark (inclusive). */
typedef struct {
    uint32_t t0, t1;   /* tokens [t0, t1): t0 the opening mark; t1-1 the
                          closing mark when closed */
    uint32_t para;
    uint8_t closed;    /* 0: ran to the paragraph's end */
    uint8_t level;     /* 0 outermost */
    uint8_t style;
    uint8_t reopens;   /* continues a quotation left open in the previous
                          paragraph (multi-paragraph quotation) */
    int32_t parent;    /* enclosing quotation, -1 */
    int32_t attr;      /* attribution that took it, -1 */
} hs_quote;

/* --------------------------------------------------------- lexicon */

/* word classes: bits of hs_tok.lex */
enum {
    HS_L_SAYVERB = 1u << 0,    /* verb of saying/believing (said, told, ...) */
    HS_L_CUENOUN = 1u << 1,    /* nominal cue (statement, insistence, ...) */
    HS_L_PRON_PERSON = 1u << 2,/* he she they I we you */
    HS_L_PRON_POSS = 1u << 3,  /* his her their its */
    HS_L_TITLE = 1u << 4,      /* president, senator, spokesman, ... */
    HS_L_HONORIFIC = 1u << 5,  /* Mr. Mrs. Ms. Dr. Sen. Gov. Rep. ... */
    HS_L_DET = 1u << 6,        /* the a an this that these those */
    HS_L_PREP = 1u << 7,
    HS_L_GROUP = 1u << 8,      /* officials, aides, spokesman... (people nouns) */
    HS_L_STOP = 1u << 9,       /* function word */
    HS_L_MONTH = 1u << 10,
    HS_L_WEEKDAY = 1u << 11,
    HS_L_TIME = 1u << 12,      /* today, yesterday, Tuesday, last, ... */
    HS_L_REL = 1u << 13,       /* who which that */
    HS_L_AUX = 1u << 14,       /* has have had is was will would also ... */
    HS_L_ADV = 1u << 15,       /* also, later, repeatedly ... (cue modifiers) */
    HS_L_CONJ = 1u << 16,      /* and or but */
    HS_L_MALE = 1u << 17,
    HS_L_FEMALE = 1u << 18,
    HS_L_PLURAL = 1u << 19,
    HS_L_THAT = 1u << 20,      /* complementizer-like: that whether if */
    HS_L_NOTNAME = 1u << 21,   /* capitalised but never a name (The, But...) */
    HS_L_VERB = 1u << 22,      /* common verb (not a name, not a noun head) */
    HS_L_ORG = 1u << 23,       /* organisation word (Department, Party ...) */
    HS_L_CUECAND = 1u << 24,   /* seen in cues in training: the classifier scores it */
    /* bits from here on are not cue features (cue.c reads bits 0..23) */
    HS_L_ABBREV = 1u << 25,    /* keeps a following period (Mr. Gov. Calif.) */
    HS_L_DEIXIS = 1u << 26     /* may open a time expression: last, today ... (date.c) */
};

/* ------------------------------------------------------ attribution */

/* An attribution under construction: spans as byte ranges. */
typedef struct {
    uint8_t kind;       /* hearsay_kind */
    uint8_t context;    /* hearsay_context */
    uint8_t source_kind;/* 1: formed by the reported-speech pass */
    uint8_t dropped;                 /* 1: not output; 2 only inside hs_att_filter */
    uint32_t part0, nparts;          /* into doc->bparts */
    int32_t src_b, src_e;            /* -1 when none */
    int32_t cue_b, cue_e;
    int32_t addr_b, addr_e;
    int32_t entity, addr_entity;
    int32_t date;                    /* offset into doc->strings, -1 */
    uint32_t cue_tok;                /* token of the cue's head */
    int32_t quote;                   /* first quotation used, -1 */
    /* a content after its cue, for the start model (cue.c): the token
     * after the cue, the start the rules chose and the content's end
     * (tokens); st_e 0 for any other content */
    uint32_t st_c1, st_j, st_e;
} hs_attr;

typedef struct {
    uint32_t b, e;
} hs_brange;

/* A mark on a token for attrib.c's last passes: a count and an
 * attribution's index (the contents holding it, a cue, a content's start). */
typedef struct {
    uint32_t n, owner;
} hs_cover;

/* A mention of an entity (byte range), in text order. */
typedef struct {
    uint32_t b, e;
    int32_t ent;
} hs_ment;

/* An entity under construction. */
typedef struct {
    int32_t name, role;   /* offsets into doc->strings, -1 */
    uint32_t first;       /* byte offset of its first mention */
    uint32_t nname;       /* length of name, for "fullest" */
    uint8_t is_group;
    uint8_t gender;       /* 0 unknown, 1 male, 2 female */
    uint8_t plural;
    uint8_t pad;
} hs_ent;

/* A page-debris paragraph found by context.c (byte range). */
typedef struct {
    uint32_t b, e;
    const char *kind;      /* static string */
    int32_t author, handle, date; /* offsets into doc->strings, -1 */
} hs_debris_raw;

/* ---------------------------------------------------------------- doc */

struct hearsay_doc {
    /* input, valid only during hearsay_extract()/hearsay_render() */
    const char *text;
    size_t len;
    size_t ncp;        /* length in code points */
    size_t ninvalid;   /* invalid UTF-8 sequences */
    const hearsay_model *model;
    hearsay_options opt;
    char date[11];     /* article date in use, "" if none */

    HS_VEC(hs_tok) toks;
    HS_VEC(uint32_t) qtoks;       /* token.c: the quotation-mark tokens, in
                                     order (for quote.c) */
    HS_VEC(hs_sent) sents;
    HS_VEC(hs_para) paras;
    HS_VEC(hs_quote) quotes;
    HS_VEC(hs_attr) attrs;
    HS_VEC(hs_brange) bparts;     /* content parts (bytes) */
    HS_VEC(hs_cover) cover;       /* attrib.c: marks on tokens, one per
                                     token, cleared by each pass */
    HS_VEC(hs_ent) ents;
    HS_VEC(hs_ment) ments;        /* entity mentions */
    HS_VEC(hs_debris_raw) debris_raw;
    HS_VEC(uint32_t) cpblk;       /* code points before each HS_CPBLK-byte
                                     block (valid UTF-8 only; see hs_doc_cp) */
    HS_VEC(uint32_t) tokblk;      /* the first token ending after the start of
                                     each HS_CPBLK-byte block (hs_doc_tok_at) */
    hs_buf strings;               /* NUL-separated strings (names, dates) */

    /* public views, built at the end of hearsay_extract() */
    HS_VEC(hearsay_attribution) pub;
    HS_VEC(hearsay_span) pub_parts;
    HS_VEC(hearsay_entity) pub_ents;
    HS_VEC(hearsay_span) pub_ments;
    HS_VEC(hearsay_debris) pub_debris;

    hs_buf out;                   /* hearsay_render() output */
    hs_buf scratch;               /* render.c: what the records repeat */
    HS_VEC(uint32_t) rent;        /* render.c: each entity's fields in scratch */

    /* look-ups of words by their exact bytes, kept from one document to
     * the next (token.c); NULL until first used, valid for the model
     * whose serial is wserial only */
    struct hs_wcache_ent *wcache;
    uint64_t wserial;
};

/* Is token j the word w[0..n) (lower case), ignoring ASCII case? */
static inline int hs_tok_is(const hearsay_doc *d, size_t j, const char *w, size_t n) {
    const hs_tok *t = &d->toks.v[j];
    if (t->e - t->b != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = d->text[t->b + i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != w[i]) return 0;
    }
    return 1;
}

/* Adds a NUL-terminated copy of s[0..n) to doc->strings; returns its
 * offset, or -1 when out of memory. */
int32_t hs_doc_str(hearsay_doc *d, const char *s, size_t n);
static inline const char *hs_doc_strp(const hearsay_doc *d, int32_t off) {
    return off < 0 ? NULL : d->strings.p + off;
}

/* The first token ending after byte offset b: the token holding b, or the
 * next one; toks.n when none. A look-up in doc->tokblk and a few steps
 * (binary search when the table is missing). */
size_t hs_doc_tok_at(const hearsay_doc *d, size_t b);
/* Fills doc->tokblk once the tokens are final; 0 or HEARSAY_ENOMEM. */
int hs_doc_tok_index(hearsay_doc *d);
/* The paragraph holding byte offset b (binary search), or -1. */
int hs_doc_para_at(const hearsay_doc *d, size_t b);
/* The debris record of paragraph p when it is an embedded post, else NULL;
 * and whether paragraph p is debris whose text is not attributed. */
const hs_debris_raw *hs_doc_post(const hearsay_doc *d, int p);
int hs_doc_para_skipped(const hearsay_doc *d, int p);

/* Bytes per entry of doc->cpblk. */
#define HS_CPBLK 32
/* Fills doc->cpblk when the text is valid UTF-8 (hs_doc_cp is then a table
 * look-up and a count within one block); 0 or HEARSAY_ENOMEM. */
int hs_doc_cp_index(hearsay_doc *d);
/* Code-point offset of byte offset b: from doc->cpblk when it is filled,
 * else walked forward from the token at or before b. */
size_t hs_doc_cp(const hearsay_doc *d, size_t b);

/* ------------------------------------------------------------- stages */

int hs_tok_run(hearsay_doc *d);        /* token.c: tokens, sentences, paragraphs */
int hs_quote_run(hearsay_doc *d);      /* quote.c */
int hs_ctx_run(hearsay_doc *d);        /* context.c: debris, embedded posts */
/* The shape counts of a line that context.c judges debris by (for tests):
 * out = words, capitalised words, letters, upper, lower, digits. */
void hs_ctx_shape(const char *s, size_t n, size_t out[6]);
int hs_attr_run(hearsay_doc *d);       /* attrib.c */
int hs_ent_run(hearsay_doc *d);        /* entity.c */
int hs_date_run(hearsay_doc *d);       /* date.c: dates of attributions */

/* The word hash (FNV-1a, 64 bits, with a final mix; hs_hash_bytes keeps
 * its low 32 bits): the model's features are keyed on it, so it must not
 * change. In three steps, for those who hash while they lower a word
 * (lexicon.c, cue.c). */
#define HS_HASH_BASIS 1469598103934665603ull
static inline uint64_t hs_hash_step(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
static inline uint64_t hs_hash_end(uint64_t h) { return h ^ (h >> 29); }

/* Lexicon lookup for a word s[0..n) (any case): class bits, word id, and
 * (when hash is not NULL) the hash of its lower-cased form. */
uint32_t hs_lex_lookup(const hearsay_model *m, const char *s, size_t n,
                       int32_t *word);
uint32_t hs_hash_bytes(const char *s, size_t n);
uint32_t hs_lex_lookup_h(const hearsay_model *m, const char *s, size_t n,
                         int32_t *word, uint32_t *hash);
/* hs_lex_lookup_h, also counting the ASCII capitals and small letters of
 * s[0..n) (the tokenizer's shape flags, in the same pass). */
uint32_t hs_lex_lookup_case(const hearsay_model *m, const char *s, size_t n, int32_t *word,
                            uint32_t *hash, unsigned *upper, unsigned *lower);
/* hs_lex_lookup_case for a word of 1..16 ASCII bytes held in k0, k1 as a
 * little-endian load gives them (byte i of the word is bits 8i..8i+7 of
 * k0, then of k1; zero past n): the tokenizer's word cache has them so on
 * a miss, and lowering and counting eight bytes at a time costs a third
 * of the byte loop. Little-endian machines only. */
uint32_t hs_lex_lookup_ascii16(const hearsay_model *m, uint64_t k0, uint64_t k1, size_t n,
                               uint32_t *hash, unsigned *upper, unsigned *lower);

/* Resets d and runs the stages every consumer needs: tokens, sentences,
 * paragraphs, quotations (hearsay.c; also used by the trainer). */
int hs_doc_prepare(hearsay_doc *d, const hearsay_model *m, const char *text,
                   size_t len, const hearsay_options *o);

/* cue.c: the cue classifier's features for token j (hashed, at most
 * HS_CUE_MAXF), and the pass that scores every candidate token. */
#define HS_CUE_MAXF 54
/* Hashed features (cue.c, end.c): a feature's kind a mixed with its value
 * b into the index of its weight (the model's tables are keyed on it:
 * changing it needs make model). Two multiplications and a shift: it runs
 * for each of the ~40 features of every scored word, start and end. */
static inline uint32_t hs_mix(uint32_t a, uint32_t b) {
    uint32_t h = (a ^ (b * 0x9E3779B1u)) * 0x85EBCA6Bu;
    return h ^ (h >> 16);
}

/* The length of a word's crude stem (cue.c's F_STEM; tools/train.c pools
 * cue candidates by it): the word of len bytes, whose last three bytes
 * lowered are suf, less -ing, -ed, -es, -s, -d or -e ('supports',
 * 'supported', 'supporting'). 0 when the word is too short or too long to
 * have one. */
static inline size_t hs_stem_len(size_t len, const char suf[3]) {
    if (len <= 4 || len > 24) return 0;
    if (len > 5 && !memcmp(suf, "ing", 3)) return len - 3;
    if (!memcmp(suf + 1, "ed", 2) || !memcmp(suf + 1, "es", 2)) return len - 2;
    if (suf[2] == 's' || suf[2] == 'd' || suf[2] == 'e') return len - 1;
    return len;
}

/* The index of the lowest set bit of x (x != 0), by de Bruijn
 * multiplication (portable C). */
static inline uint32_t hs_ctz32(uint32_t x) {
    static const unsigned char pos[32] = {0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20,
                                          15, 25, 17, 4,  8,  31, 27, 13, 23, 21, 19,
                                          16, 7,  26, 12, 18, 6,  11, 5,  10, 9};
    return pos[((x & -x) * 0x077CB531u) >> 27];
}

/* Verb bits of token j (a word; 0 for any other token): 1 a verb in the
 * lexicon, 2 an -ed form, 4 an -ing form, 8 an auxiliary (the start and
 * end models' features). */
static inline uint32_t hs_tok_verb(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    if (t->type != HS_T_WORD) return 0;
    size_t l = t->e - t->b;
    return ((t->lex & (HS_L_VERB | HS_L_SAYVERB)) ? 1u : 0u) |
           (l > 4 && !memcmp(d->text + t->e - 2, "ed", 2) ? 2u : 0u) |
           (l > 4 && !memcmp(d->text + t->e - 3, "ing", 3) ? 4u : 0u) | ((t->lex & HS_L_AUX) ? 8u : 0u);
}

/* Is token j a dash: '-', or an en dash, em dash or horizontal bar
 * (U+2013..U+2015)? */
static inline int hs_tok_dash(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    if (t->type != HS_T_PUNCT) return 0;
    const unsigned char *s = (const unsigned char *)d->text + t->b;
    return (t->e - t->b == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x93 && s[2] <= 0x95) ||
           (t->e - t->b == 1 && s[0] == '-');
}

/* A coarse class of token j: pronoun, name, lower-case word, punctuation,
 * quotation mark, number, determiner, or outside the text (1). */
static inline uint32_t hs_tok_cls(const hearsay_doc *d, long j) {
    if (j < 0 || (size_t)j >= d->toks.n) return 1;
    const hs_tok *t = &d->toks.v[j];
    if (t->type == HS_T_QUOTE) return t->q == HS_Q_OPEN ? 2 : 3;
    if (t->type == HS_T_PUNCT) return 4;
    if (t->type == HS_T_NUM) return 5;
    if (t->lex & HS_L_PRON_PERSON) return 6;
    if (t->lex & HS_L_DET) return 7;
    if (t->flags & HS_F_POSS) return 8;
    if (t->flags & HS_F_CAP) return 9;
    if (t->lex & HS_L_AUX) return 10;
    return 11;
}

size_t hs_cue_features(const hearsay_doc *d, size_t j, uint32_t *f);
int hs_cue_run(hearsay_doc *d);

/* cue.c: the attribution filter's features for a reported-speech
 * attribution (at most HS_ATT_MAXF), and the pass that drops those the
 * model scores below its threshold. */
#define HS_ATT_MAXF 24
size_t hs_att_features(const hearsay_doc *d, const hs_attr *a, uint32_t *f);
int hs_att_filter(hearsay_doc *d); /* 0 or HEARSAY_ENOMEM */

/* cue.c: the content-start model. For a content the rules start at token
 * st_j (the token after the cue st_c1, the content's end st_e), the
 * candidate first tokens are [*lo, *hi) (hs_start_window) that
 * hs_start_cand accepts, each with hashed features (at most
 * HS_START_MAXF); hs_start_pick returns the candidate the model scores
 * highest, st_j when there is no model or no candidate beats it. */
#define HS_START_MAXF 40
void hs_start_window(const hs_attr *a, size_t *lo, size_t *hi);
int hs_start_cand(const hearsay_doc *d, const hs_attr *a, size_t k);
size_t hs_start_features(const hearsay_doc *d, const hs_attr *a, size_t k, uint32_t *f);
size_t hs_start_pick(const hearsay_doc *d, const hs_attr *a);

/* end.c: the content-end model. For a content after its cue that starts
 * at token j and that the rules end before st_e, hs_end_cands fills k
 * with the candidate ends (exclusive token indices, ascending, st_e last;
 * at most HS_END_MAXC) and returns their count; hs_end_features the hashed
 * features of the i-th candidate (at most HS_END_MAXF); hs_end_pick
 * the end the model scores highest, st_e when there is no model or no
 * candidate beats it. */
#define HS_END_MAXC 12
#define HS_END_MAXF 40
size_t hs_end_cands(const hearsay_doc *d, const hs_attr *a, size_t j, size_t *k);
size_t hs_end_features(const hearsay_doc *d, const hs_attr *a, size_t j, size_t i, uint32_t *f);
size_t hs_end_pick(const hearsay_doc *d, const hs_attr *a, size_t j);

/* Renderers (render.c, html.c). */
int hs_render_jsonl(hearsay_doc *d, const hearsay_docinfo *info);
int hs_render_brat(hearsay_doc *d, const hearsay_docinfo *info);
int hs_render_text(hearsay_doc *d, const hearsay_docinfo *info);
int hs_render_html(hearsay_doc *d, const hearsay_docinfo *info); /* html.c */

#endif /* HEARSAY_INT_H */
