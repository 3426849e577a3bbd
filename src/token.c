/*
 * token.c -- one pass over the bytes: tokens (with byte and code-point
 * offsets), paragraphs (lines) and sentences.
 *
 * A word keeps inner apostrophes, hyphens and the periods of abbreviations
 * ("U.S.", "Mr."); a possessive "'s" / "’s" becomes a token of its own.
 * Quotation marks are tokens of type HS_T_QUOTE with a provisional role that
 * quote.c settles. Invalid UTF-8 counts one code point per maximal invalid
 * subsequence and is otherwise treated as a letter.
 */
#include "hearsay_int.h"
#include "model.h"

/* character classes */
enum { C_SPACE, C_NL, C_LETTER, C_DIGIT, C_PUNCT, C_QUOTE, C_APOS };

typedef struct {
    uint32_t cp;
    uint8_t len, cls;
    uint8_t qrole, qstyle; /* for C_QUOTE / C_APOS */
} S_ch;

/* Inlined: the scanner asks at every punctuation mark, and twice at each
 * period, hyphen or apostrophe inside a word. */
static inline __attribute__((always_inline)) void S_classify(const unsigned char *s, size_t i, size_t n,
                                                             S_ch *c) {
    unsigned b = s[i];
    if (b < 0x80) {
        c->cp = b;
        c->len = 1;
        c->qrole = 0;
        c->qstyle = 0;
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) c->cls = C_LETTER;
        else if (b >= '0' && b <= '9') c->cls = C_DIGIT;
        else if (b == '\n') c->cls = C_NL;
        else if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') c->cls = C_SPACE;
        else if (b == '"') { c->cls = C_QUOTE; c->qrole = HS_Q_AMBIG; c->qstyle = 2; }
        else if (b == '\'') { c->cls = C_APOS; c->qstyle = 4; }
        else if (b == 0) c->cls = C_SPACE;
        else c->cls = C_PUNCT;
        return;
    }
    uint32_t cp;
    c->len = (uint8_t)hs_utf8_next(s, i, n, &cp);
    c->cp = cp;
    c->qrole = 0;
    c->qstyle = 0;
    switch (cp) {
    case 0x201C: case 0x201E: case 0x201F:
        c->cls = C_QUOTE; c->qrole = HS_Q_OPEN; c->qstyle = 1; return;
    case 0x201D:
        c->cls = C_QUOTE; c->qrole = HS_Q_CLOSE; c->qstyle = 1; return;
    case 0x00AB: case 0x2039:
        c->cls = C_QUOTE; c->qrole = HS_Q_OPEN; c->qstyle = 5; return;
    case 0x00BB: case 0x203A:
        c->cls = C_QUOTE; c->qrole = HS_Q_CLOSE; c->qstyle = 5; return;
    case 0x2018: case 0x201A: case 0x201B:
        c->cls = C_APOS; c->qrole = HS_Q_OPEN; c->qstyle = 3; return;
    case 0x2019:
        c->cls = C_APOS; c->qrole = HS_Q_CLOSE; c->qstyle = 3; return;
    case 0x00A0: case 0x2009: case 0x200A: case 0x2002: case 0x2003:
    case 0x202F: case 0x200B: case 0xFEFF: case 0x3000:
        c->cls = C_SPACE; return;
    case 0x2028: case 0x2029: case 0x85:
        c->cls = C_NL; return;
    }
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xA1 && cp <= 0xBF) ||
        cp == 0xD7 || cp == 0xF7 || (cp >= 0x3000 && cp <= 0x303F))
        c->cls = C_PUNCT;
    else
        c->cls = C_LETTER; /* letters of any script, U+FFFD, symbols */
}

/* Words that keep a following period: honorifics and common
 * abbreviations, the lexicon's HS_L_ABBREV words (this runs at every word
 * before a period, so a look-up rather than a list). */
static int S_is_abbrev(const hearsay_model *m, const char *s, size_t n) {
    int32_t id;
    return n <= 6 && (hs_lex_lookup(m, s, n, &id) & HS_L_ABBREV);
}
#undef S_W

typedef struct {
    hearsay_doc *d;
    const unsigned char *s;
    size_t n;
    size_t i;     /* byte position */
    size_t cp;    /* code points before i */
    uint16_t pending; /* flags for the next token */
} S_tz;

/* A new token at the end of d->toks, taking the pending flags; NULL when
 * out of memory. Written in place: a token built on the stack field by
 * field and then copied whole made the copy wait for the small stores. */
static hs_tok *S_new_tok(S_tz *z, uint32_t b, uint32_t e, uint32_t c, uint32_t ce, uint8_t type) {
    if (hs_vec_reserve(&z->d->toks, 1)) return NULL;
    hs_tok *t = &z->d->toks.v[z->d->toks.n++];
    memset(t, 0, sizeof *t);
    t->b = b;
    t->e = e;
    t->c = c;
    t->ce = ce;
    t->type = type;
    t->flags = z->pending;
    t->quote = -1;
    z->pending = 0;
    return t;
}

/* What a word's bytes alone decide: its lexicon classes and hash
 * (hs_lex_lookup_case, which counts its ASCII capitals and small letters
 * too) and its shape flags. */
static uint32_t S_word_info(const char *w, size_t n, uint32_t lex, unsigned up, unsigned low,
                            uint16_t *fl) {
    uint16_t f = 0;
    /* "US" is the country ('US Senator Jeff Sessions'), not the pronoun */
    if (n == 2 && w[0] == 'U' && w[1] == 'S') lex &= ~(uint32_t)(HS_L_PRON_PERSON | HS_L_PLURAL | HS_L_STOP);
    if (w[0] >= 'A' && w[0] <= 'Z') f |= HS_F_CAP;
    else if ((unsigned char)w[0] >= 0xC3 && (unsigned char)w[0] <= 0xC3 && n > 1 &&
             (unsigned char)w[1] >= 0x80 && (unsigned char)w[1] <= 0x9E)
        f |= HS_F_CAP; /* Latin-1 capitals À..Þ */
    if (up >= 2 && low == 0) f |= HS_F_ALLCAP;
    if (up + low == n) f |= HS_F_PLAIN;
    *fl = f;
    return lex;
}

/* The word cache: S_word_info's answer for a word of up to 16 bytes,
 * keyed by its exact bytes. News repeats its words ("the", "said", the
 * names), and a hit skips lower-casing, hashing and probing the lexicon,
 * which cost as much as the rest of tokenizing, and the shape tests.
 * Direct-mapped, 32 bytes an entry; an entry is only a copy of what the
 * bytes give, so the tokens are the same with or without it. */
#define S_WC_BITS 12
struct hs_wcache_ent {
    uint64_t k0, k1; /* the bytes, zero-padded */
    uint32_t lex, wh;
    uint16_t fl;     /* shape flags */
    uint8_t len;     /* 0: empty */
};

/* A word's classes (returned), hash and shape flags, from the cache when
 * it has them. */
static uint32_t S_lookup_word(hearsay_doc *d, const char *w, size_t n, uint32_t *wh, uint16_t *fl) {
    int32_t word; /* the lexicon's word id: not kept */
    unsigned up, low;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* 16 bytes are read from w whatever n is: only inside the text */
    if (n <= 16 && (size_t)(w - d->text) + 16 <= d->len) {
        if (d->wcache) { /* made valid for the model by S_tokens */
            uint64_t k0, k1;
            memcpy(&k0, w, 8);
            memcpy(&k1, w + 8, 8);
            if (n < 8) {
                k0 &= ((uint64_t)1 << (8 * n)) - 1;
                k1 = 0;
            } else if (n < 16) {
                k1 &= ((uint64_t)1 << (8 * (n - 8))) - 1;
            }
            uint64_t h = (k0 ^ (k1 * 0x9E3779B97F4A7C15ull) ^ n) * 0xD6E8FEB86659FD93ull;
            struct hs_wcache_ent *e = &d->wcache[h >> (64 - S_WC_BITS)];
            if (e->len == n && e->k0 == k0 && e->k1 == k1) {
                *wh = e->wh;
                *fl = e->fl;
                return e->lex;
            }
            uint32_t lex = (k0 | k1) & 0x8080808080808080ull
                               ? hs_lex_lookup_case(d->model, w, n, &word, wh, &up, &low)
                               : hs_lex_lookup_ascii16(d->model, k0, k1, n, wh, &up, &low);
            lex = S_word_info(w, n, lex, up, low, fl);
            e->k0 = k0;
            e->k1 = k1;
            e->lex = lex;
            e->wh = *wh;
            e->fl = *fl;
            e->len = (uint8_t)n;
            return lex;
        }
    }
#endif
    uint32_t lex = hs_lex_lookup_case(d->model, w, n, &word, wh, &up, &low);
    return S_word_info(w, n, lex, up, low, fl);
}

static void S_word_flags(hearsay_doc *d, hs_tok *t) {
    uint16_t fl;
    t->lex = S_lookup_word(d, d->text + t->b, t->e - t->b, &t->wh, &fl);
    t->flags |= fl;
}

/* ASCII letters and digits; ASCII characters that may join a word's
 * parts (see S_word). */
static const unsigned char S_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1};
static const unsigned char S_joiner[128] = {['\''] = 1, ['-'] = 1, ['/'] = 1, [','] = 1, ['.'] = 1};

/* The number of ASCII letters and digits s[0..n) starts with, counted
 * eight bytes at a time while eight remain, then byte by byte: most words
 * end within the first eight, and one test of a whole word replaces a
 * loop whose exit the processor cannot predict. Byte k of a little-endian
 * load is bits 8k..8k+7; each test leaves bit 7 of a byte set where the
 * byte passes. */
static inline size_t S_alnum_run(const unsigned char *s, size_t n) {
    size_t r = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    for (; r + 8 <= n; r += 8) {
        uint64_t x, y, l;
        memcpy(&x, s + r, 8);
        y = x & ~high;
        l = y | ones * 0x20; /* ASCII letters folded to lower case */
#define S_GE(v, c) (((v) + ones * (0x80 - (c))) & high) /* bytes of v >= c */
        uint64_t ok = ((S_GE(y, '0') & ~S_GE(y, '9' + 1)) | (S_GE(l, 'a') & ~S_GE(l, 'z' + 1))) & ~x;
#undef S_GE
        uint64_t stop = ~ok & high;
        if (stop) return r + (hs_popcount64((stop & -stop) - 1) >> 3);
    }
#endif
    while (r < n && S_alnum[s[r]]) r++;
    return r;
}

/* A contraction after an apostrophe at s[j..n): 've, 're, 'll, 'm or 'd
 * ending its word ('they've', 'I’m', 'we'd'). Returns the number of its
 * letters and sets *full to the word it stands for, else 0. */
static size_t S_contraction(const unsigned char *s, size_t j, size_t n, const char **full) {
    static const struct {
        char a, b;
        const char *full;
    } c[] = {{'v', 'e', "have"}, {'r', 'e', "are"}, {'l', 'l', "will"}, {'m', 0, "am"}, {'d', 0, "would"}};
    for (size_t k = 0; k < sizeof c / sizeof *c; k++) {
        size_t len = c[k].b ? 2 : 1;
        if (j + len > n || (s[j] | 32) != c[k].a || (len == 2 && (s[j + 1] | 32) != c[k].b)) continue;
        if (j + len < n && (S_alnum[s[j + len]] || s[j + len] >= 0x80)) return 0;
        *full = c[k].full;
        return len;
    }
    return 0;
}

/* Scans a word starting at z->i (a letter or digit). */
static inline __attribute__((always_inline)) int S_word(S_tz *z) {
    const unsigned char *s = z->s;
    size_t n = z->n, i = z->i, cp = z->cp;
    size_t b = i, c0 = cp;
    int digit_start = s[i] >= '0' && s[i] <= '9';
    size_t letters = 0;
    int dotted = 0; /* "U.S." pattern */
    S_ch ch, nx;
    for (;;) {
        /* ASCII letters and digits, the bulk of a word: no decoding */
        size_t run = S_alnum_run(s + i, n - i);
        i += run;
        cp += run;
        letters += run;
        if (i >= n) break;
        /* other ASCII characters end a word, but for those that may join
         * its parts (' - / , .); '&' never does */
        if (s[i] < 0x80 && !S_joiner[s[i]]) break;
        S_classify(s, i, n, &ch);
        if (ch.cls == C_LETTER || ch.cls == C_DIGIT) {
            i += ch.len;
            cp++;
            letters++;
            continue;
        }
        if (i + ch.len >= n) break;
        S_classify(s, i + ch.len, n, &nx);
        int inner = nx.cls == C_LETTER || nx.cls == C_DIGIT;
        if (ch.cls == C_APOS && ch.qrole != HS_Q_OPEN && inner) {
            /* possessive 's ends the word: leave "'s" for the next token */
            if ((s[i + ch.len] == 's' || s[i + ch.len] == 'S') &&
                (i + ch.len + 1 >= n || !(((s[i + ch.len + 1] | 32) >= 'a' && (s[i + ch.len + 1] | 32) <= 'z'))))
                break;
            /* ... as does a contraction ('they've': 'they' and 've') */
            const char *full;
            if (S_contraction(s, i + ch.len, n, &full)) break;
            i += ch.len + nx.len;
            cp += 2;
            continue;
        }
        if ((ch.cp == '-' || ch.cp == '/' || ch.cp == '&') && inner && ch.cp != '&') {
            i += ch.len;
            cp++;
            continue;
        }
        if ((ch.cp == ',' || ch.cp == '.') && digit_start && nx.cls == C_DIGIT) {
            i += 1;
            cp++;
            continue;
        }
        if (ch.cp == '.' && nx.cls == C_LETTER && letters <= 2 && !digit_start) {
            /* U.S., D.C., a.m. */
            dotted = 1;
            i += 1;
            cp++;
            continue;
        }
        break;
    }
    /* a trailing period that belongs to the word */
    if (i < n && s[i] == '.' && !digit_start) {
        int single = letters == 1 && ((s[b] | 32) >= 'a' && (s[b] | 32) <= 'z') && (s[b] >= 'A' && s[b] <= 'Z');
        size_t hb = b; /* 'then-Sen.': the part after the last hyphen */
        for (size_t k = b; k < i; k++)
            if (s[k] == '-') hb = k + 1;
        if (dotted || single || S_is_abbrev(z->d->model, (const char *)s + hb, i - hb)) {
            i++;
            cp++;
            z->pending |= HS_F_ABBREV;
        }
    }
    uint16_t abbrev = z->pending & HS_F_ABBREV;
    z->pending &= (uint16_t)~HS_F_ABBREV;
    hs_tok *t = S_new_tok(z, (uint32_t)b, (uint32_t)i, (uint32_t)c0, (uint32_t)cp,
                          digit_start ? HS_T_NUM : HS_T_WORD);
    if (!t) return HEARSAY_ENOMEM;
    t->flags |= abbrev;
    if (!digit_start) S_word_flags(z->d, t);
    z->i = i;
    z->cp = cp;
    return 0;
}

static int S_tokens(hearsay_doc *d) {
    S_tz z = {d, (const unsigned char *)d->text, d->len, 0, 0, HS_F_PARA_START};
    /* the word cache, once per document: emptied when the model is not
     * the one it was filled from (without it words are looked up anew) */
    if (d->wserial != d->model->serial || !d->wcache) {
        free(d->wcache);
        d->wcache = calloc((size_t)1 << S_WC_BITS, sizeof *d->wcache);
        d->wserial = d->model->serial;
    }
    S_ch ch;
    int prev_word = 0; /* the previous character was part of a word */
    while (z.i < z.n) {
        unsigned b = z.s[z.i];
        int word = b < 0x80 && (((b | 32) >= 'a' && (b | 32) <= 'z') || (b >= '0' && b <= '9'));
        if (!word) {
            if (b == ' ') { /* the commonest character, as S_classify would */
                z.i++;
                z.cp++;
                z.pending |= HS_F_SPACE_BEFORE;
                prev_word = 0;
                continue;
            }
            S_classify(z.s, z.i, z.n, &ch);
            word = ch.cls == C_LETTER || ch.cls == C_DIGIT;
        }
        if (word) {
            /* S_word is inlined here, its one call: the scanner's state
             * stays in registers */
            if (S_word(&z)) return HEARSAY_ENOMEM;
            prev_word = 1;
            /* most words end at a space: taken here, as above */
            if (z.i < z.n && z.s[z.i] == ' ') {
                z.i++;
                z.cp++;
                z.pending |= HS_F_SPACE_BEFORE;
                prev_word = 0;
            }
            continue;
        }
        size_t b0 = z.i, c0 = z.cp;
        z.i += ch.len;
        z.cp++;
        if (ch.cls == C_SPACE) {
            z.pending |= HS_F_SPACE_BEFORE;
            prev_word = 0;
            continue;
        }
        if (ch.cls == C_NL) {
            z.pending |= HS_F_PARA_START | HS_F_SPACE_BEFORE;
            prev_word = 0;
            continue;
        }
        uint8_t type = HS_T_PUNCT, q = 0, style = ch.qstyle;
        if (ch.cls == C_QUOTE) {
            type = HS_T_QUOTE;
            q = ch.qrole;
        } else if (ch.cls == C_APOS) {
            /* ' or ’ or ‘ outside a word: a quotation mark, or possessive */
            int next_s = z.i < z.n && (z.s[z.i] == 's' || z.s[z.i] == 'S') &&
                         (z.i + 1 >= z.n || !(((z.s[z.i + 1] | 32) >= 'a' && (z.s[z.i + 1] | 32) <= 'z')));
            /* ... or a clitic ending the word before: possessive 's, or a
             * contraction read as the word it stands for ('’ve' as 'have') */
            const char *as = NULL;
            size_t cl = 0;
            uint16_t fl = 0;
            if (prev_word && ch.qrole != HS_Q_OPEN) {
                if ((cl = S_contraction(z.s, z.i, z.n, &as))) {
                    fl = HS_F_CONTR;
                } else if (next_s) {
                    cl = 1;
                    as = "'s";
                    fl = HS_F_POSS;
                }
            }
            if (cl) {
                z.i += cl;
                z.cp += cl;
                hs_tok *t = S_new_tok(&z, (uint32_t)b0, (uint32_t)z.i, (uint32_t)c0, (uint32_t)z.cp, HS_T_WORD);
                if (!t) return HEARSAY_ENOMEM;
                t->flags |= fl;
                int32_t word;
                t->lex = hs_lex_lookup_h(d->model, as, strlen(as), &word, &t->wh);
                prev_word = 1;
                continue;
            }
            int closing3 = z.i + 1 < z.n && z.s[z.i] == '\'' && z.s[z.i + 1] == '\'' && b0 > 0 &&
                           z.s[b0 - 1] != ' ' && z.s[b0 - 1] != '\n' && z.s[b0 - 1] != '\t';
            if (z.s[b0] == '\'' && z.i < z.n && z.s[z.i] == '\'' && !closing3) {
                /* '' : two apostrophes, a double quotation mark */
                z.i++;
                z.cp++;
                type = HS_T_QUOTE;
                q = HS_Q_AMBIG;
                style = 6;
            } else if (z.s[b0] == '`' ) {
                type = HS_T_PUNCT;
            } else {
                type = HS_T_QUOTE;
                q = ch.qrole ? ch.qrole : (prev_word ? HS_Q_CLOSE : HS_Q_OPEN);
                if (!ch.qrole && !prev_word && z.i < z.n && z.s[z.i] == ' ') q = HS_Q_CLOSE;
            }
        } else if (b == '`' && z.i < z.n && z.s[z.i] == '`') {
            z.i++;
            z.cp++;
            type = HS_T_QUOTE;
            q = HS_Q_OPEN;
            style = 6;
        }
        hs_tok *t = S_new_tok(&z, (uint32_t)b0, (uint32_t)z.i, (uint32_t)c0, (uint32_t)z.cp, type);
        if (!t) return HEARSAY_ENOMEM;
        if (type == HS_T_QUOTE && hs_vec_push(&d->qtoks, (uint32_t)(d->toks.n - 1))) return HEARSAY_ENOMEM;
        t->q = q;
        t->qstyle = style;
        t->wh = hs_hash_bytes(d->text + t->b, t->e - t->b);
        prev_word = 0;
    }
    d->ncp = z.cp;
    return 0;
}

static int S_is_punct(const hearsay_doc *d, const hs_tok *t, char c) {
    return t->type == HS_T_PUNCT && t->e - t->b == 1 && d->text[t->b] == c;
}

static int S_ends_sentence(const hearsay_doc *d, const hs_tok *t) {
    if (t->type != HS_T_PUNCT) return 0;
    char c = d->text[t->b];
    if (t->e - t->b == 1) return c == '.' || c == '!' || c == '?';
    /* … (U+2026) does not end a sentence on its own */
    return 0;
}

/* Does a sentence start at token j (after a full stop)? */
static int S_starts_sentence(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    if (t->flags & HS_F_PARA_START) return 1;
    if (!(t->flags & HS_F_SPACE_BEFORE)) return 0;
    if (t->type == HS_T_QUOTE || t->type == HS_T_NUM) return 1;
    if (t->type == HS_T_WORD) return (t->flags & HS_F_CAP) != 0;
    return d->text[t->b] == '(' || d->text[t->b] == '[';
}

/* The longest sentence, in tokens: a run with no full stop is cut here, so
 * that contents (which run to the sentence's end) stay bounded and the
 * output linear in the input. News sentences are far shorter. */
#define S_SENT_MAX 200

static int S_sentences(hearsay_doc *d) {
    size_t n = d->toks.n;
    hs_para para = {0, 0, 0, 0, 0, 0, -1, 0};
    hs_sent sent = {0, 0, 0, -1, 0};
    for (size_t j = 0; j < n; j++) {
        hs_tok *t = &d->toks.v[j];
        if ((t->flags & HS_F_PARA_START) && j > 0) {
            sent.t1 = (uint32_t)j;
            if (hs_vec_push(&d->sents, sent)) return HEARSAY_ENOMEM;
            para.t1 = (uint32_t)j;
            para.s1 = (uint32_t)d->sents.n;
            para.e = d->toks.v[j - 1].e;
            if (hs_vec_push(&d->paras, para)) return HEARSAY_ENOMEM;
            para.t0 = (uint32_t)j;
            para.b = t->b;
            para.s0 = (uint32_t)d->sents.n;
            sent.t0 = (uint32_t)j;
            sent.para = (uint32_t)d->paras.n;
        } else if (j == 0) {
            para.b = t->b;
        } else if (j - sent.t0 >= S_SENT_MAX) {
            sent.t1 = (uint32_t)j;
            if (hs_vec_push(&d->sents, sent)) return HEARSAY_ENOMEM;
            sent.t0 = (uint32_t)j;
        }
        if (sent.t0 == j) t->flags |= HS_F_SENT_START;
        if (S_ends_sentence(d, t) || ((t->flags & HS_F_ABBREV) && j + 1 < n &&
                                       (d->toks.v[j + 1].lex & HS_L_NOTNAME) &&
                                       (d->toks.v[j + 1].flags & HS_F_CAP) &&
                                       t->e - t->b > 3)) {
            /* closing quotes and brackets stay with the sentence */
            size_t k = j + 1;
            while (k < n && !(d->toks.v[k].flags & (HS_F_SPACE_BEFORE | HS_F_PARA_START)) &&
                   (d->toks.v[k].type == HS_T_QUOTE || S_is_punct(d, &d->toks.v[k], ')')))
                k++;
            if (k < n && !(d->toks.v[k].flags & HS_F_PARA_START) && S_starts_sentence(d, k)) {
                for (size_t m = j + 1; m < k; m++) d->toks.v[m].flags |= 0;
                sent.t1 = (uint32_t)k;
                if (hs_vec_push(&d->sents, sent)) return HEARSAY_ENOMEM;
                sent.t0 = (uint32_t)k;
                d->toks.v[k].flags |= HS_F_SENT_START;
            }
            j = k - 1;
        }
    }
    if (n > 0) {
        sent.t1 = (uint32_t)n;
        if (hs_vec_push(&d->sents, sent)) return HEARSAY_ENOMEM;
        para.t1 = (uint32_t)n;
        para.s1 = (uint32_t)d->sents.n;
        para.e = d->toks.v[n - 1].e;
        if (hs_vec_push(&d->paras, para)) return HEARSAY_ENOMEM;
    }
    return 0;
}

int hs_tok_run(hearsay_doc *d) {
    int rc = S_tokens(d);
    if (!rc) rc = S_sentences(d);
    if (!rc) rc = hs_doc_tok_index(d); /* the tokens are final */
    return rc;
}
