/*
 * invariants.h -- what must hold for every extraction, whatever the input.
 *
 * Shared by the fuzzers (fuzz/), the regression replay test
 * (tests/unit/test_fuzz_regress.c) and the pathological tests, so that a
 * fuzzer's oracle and the replay's oracle are one piece of code.
 *
 *   hs_inv_doc(d, text, len)     spans, offsets, entities, order
 *   hs_inv_jsonl(out, n, nrec)   every line one valid JSON object
 *   hs_inv_utf8(out, n)          output is valid UTF-8 (brat, text)
 *   hs_inv_brat(out, n, ncp)     brat standoff lines as score.py reads them
 *
 * Each returns NULL when everything holds, else a static message naming the
 * first broken invariant. Only the public API is used.
 */
#ifndef HS_INVARIANTS_H
#define HS_INVARIANTS_H
#include "hearsay.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------- code-point offsets */

/* One (byte, code point) claim made by the doc. */
typedef struct {
    size_t b, c;
} hs_inv_pt;

typedef struct {
    hs_inv_pt *v;
    size_t n, cap;
    int oom;
} hs_inv_pts;

static inline void hs_inv_add(hs_inv_pts *p, size_t b, size_t c) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        hs_inv_pt *v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            p->oom = 1;
            return;
        }
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n].b = b;
    p->v[p->n].c = c;
    p->n++;
}

static inline int hs_inv_cmp_pt(const void *x, const void *y) {
    const hs_inv_pt *a = x, *b = y;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* Length of the code point at s[i..n) as Python's 'replace' decoder reads
 * it: a valid sequence, or one maximal invalid subsequence. Written apart
 * from src/utf8.c on purpose, from the Unicode table of well-formed
 * sequences (Table 3-7), so that the two can disagree. */
static inline size_t hs_inv_cplen(const unsigned char *s, size_t i, size_t n) {
    static const unsigned char lo2[5] = {0x80, 0xA0, 0x80, 0x90, 0x80};
    static const unsigned char hi2[5] = {0xBF, 0xBF, 0x9F, 0xBF, 0x8F};
    unsigned c = s[i];
    int kind, need;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) kind = 0, need = 1;
    else if (c == 0xE0) kind = 1, need = 2;
    else if (c == 0xED) kind = 2, need = 2;
    else if (c >= 0xE1 && c <= 0xEF) kind = 0, need = 2;
    else if (c == 0xF0) kind = 3, need = 3;
    else if (c == 0xF4) kind = 4, need = 3;
    else if (c >= 0xF1 && c <= 0xF3) kind = 0, need = 3;
    else return 1;
    size_t k = 1;
    for (; k <= (size_t)need && i + k < n; k++) {
        unsigned b = s[i + k];
        unsigned lo = k == 1 ? lo2[kind] : 0x80, hi = k == 1 ? hi2[kind] : 0xBF;
        if (b < lo || b > hi) break;
    }
    return k;
}

/* Checks every claim (byte b is code point c, and b is a code-point
 * boundary) with one walk over the text. */
static inline const char *hs_inv_check_pts(hs_inv_pts *p, const char *text, size_t len, size_t ncp) {
    if (p->oom) return "out of memory in the checker";
    if (p->n > 1) qsort(p->v, p->n, sizeof *p->v, hs_inv_cmp_pt);
    const unsigned char *s = (const unsigned char *)text;
    size_t b = 0, c = 0, k = 0;
    for (;;) {
        while (k < p->n && p->v[k].b == b)
            if (p->v[k++].c != c) return "code-point offset disagrees with its byte offset";
        if (k < p->n && p->v[k].b < b) return "byte offset inside a code point";
        if (b >= len) break;
        b += hs_inv_cplen(s, b, len);
        c++;
    }
    if (k < p->n) return "byte offset beyond the input";
    if (c != ncp) return "hearsay_doc_length() differs from the code points counted";
    return NULL;
}

static inline const char *hs_inv_span(hs_inv_pts *p, const hearsay_span *s, size_t len) {
    if (s->start > s->end || s->byte_start > s->byte_end) return "span ends before it starts";
    if (s->byte_end > len) return "span beyond the input";
    hs_inv_add(p, s->byte_start, s->start);
    hs_inv_add(p, s->byte_end, s->end);
    return NULL;
}

static inline int hs_inv_date_ok(const char *s) {
    if (!s) return 1;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    return 1;
}

/* ------------------------------------------------------------- docs */

static inline const char *hs_inv_attr(hs_inv_pts *p, const hearsay_doc *d, const hearsay_attribution *a,
                               size_t len) {
    const char *why;
    size_t nent = hearsay_doc_entity_count(d);
    if ((unsigned)a->kind > HEARSAY_INDIRECT) return "unknown kind";
    if ((unsigned)a->context > HEARSAY_CONTEXT_EMBEDDED_POST) return "unknown context";
    if (a->n_parts == 0 || !a->parts) return "attribution without content";
    for (size_t i = 0; i < a->n_parts; i++) {
        if ((why = hs_inv_span(p, &a->parts[i], len))) return why;
        if (i && a->parts[i].byte_start < a->parts[i - 1].byte_end) return "content parts overlap or out of order";
    }
    if (a->content.start != a->parts[0].start || a->content.byte_start != a->parts[0].byte_start ||
        a->content.end != a->parts[a->n_parts - 1].end ||
        a->content.byte_end != a->parts[a->n_parts - 1].byte_end)
        return "content extent differs from its parts";
    if (a->has_speaker && (why = hs_inv_span(p, &a->speaker, len))) return why;
    if (a->has_cue && (why = hs_inv_span(p, &a->cue, len))) return why;
    if (a->has_addressee && (why = hs_inv_span(p, &a->addressee, len))) return why;
    if (a->entity < -1 || (a->entity >= 0 && (size_t)a->entity >= nent)) return "entity index out of range";
    if (a->addressee_entity < -1 || (a->addressee_entity >= 0 && (size_t)a->addressee_entity >= nent))
        return "addressee entity index out of range";
    if (!hs_inv_date_ok(a->date)) return "attribution date is not YYYY-MM-DD";
    return NULL;
}

static inline const char *hs_inv_entities(hs_inv_pts *p, const hearsay_doc *d, size_t len) {
    const char *why;
    for (size_t i = 0; i < hearsay_doc_entity_count(d); i++) {
        const hearsay_entity *e = hearsay_doc_entity(d, i);
        if (!e || !e->name) return "entity without a name";
        if (e->n_mentions && !e->mentions) return "entity mentions missing";
        for (size_t m = 0; m < e->n_mentions; m++)
            if ((why = hs_inv_span(p, &e->mentions[m], len))) return why;
    }
    if (hearsay_doc_entity(d, hearsay_doc_entity_count(d))) return "entity past the count is not NULL";
    return NULL;
}

static inline const char *hs_inv_debris(hs_inv_pts *p, const hearsay_doc *d, size_t len) {
    const char *why;
    for (size_t i = 0; i < hearsay_doc_debris_count(d); i++) {
        const hearsay_debris *x = hearsay_doc_debris(d, i);
        if (!x || !x->kind) return "debris without a kind";
        if ((why = hs_inv_span(p, &x->span, len))) return why;
        if (!hs_inv_date_ok(x->date)) return "debris date is not YYYY-MM-DD";
    }
    return NULL;
}

static inline const char *hs_inv_doc_(hs_inv_pts *p, const hearsay_doc *d, const char *text, size_t len) {
    const char *why;
    if (hearsay_doc_byte_length(d) != len) return "hearsay_doc_byte_length() differs from the input";
    if (!hs_inv_date_ok(hearsay_doc_date(d))) return "document date is not YYYY-MM-DD";
    size_t n = hearsay_doc_count(d);
    for (size_t i = 0; i < n; i++) {
        const hearsay_attribution *a = hearsay_doc_get(d, i);
        if (!a) return "hearsay_doc_get() NULL below the count";
        if ((why = hs_inv_attr(p, d, a, len))) return why;
        if (i && a->content.byte_start < hearsay_doc_get(d, i - 1)->content.byte_start)
            return "attributions not in document order";
    }
    if (hearsay_doc_get(d, n)) return "attribution past the count is not NULL";
    if ((why = hs_inv_entities(p, d, len))) return why;
    if ((why = hs_inv_debris(p, d, len))) return why;
    return hs_inv_check_pts(p, text, len, hearsay_doc_length(d));
}

/* Everything a successful hearsay_extract() of text[0..len) into d
 * promises. */
static inline const char *hs_inv_doc(const hearsay_doc *d, const char *text, size_t len) {
    hs_inv_pts p = {NULL, 0, 0, 0};
    const char *why = hs_inv_doc_(&p, d, text, len);
    free(p.v);
    return why;
}

/* ------------------------------------------------------------- JSON */

typedef struct {
    const unsigned char *s, *end;
    int depth;
} hs_inv_js;

static inline const char *hs_inv_json_value(hs_inv_js *j);

static inline void hs_inv_ws(hs_inv_js *j) {
    while (j->s < j->end && (*j->s == ' ' || *j->s == '\t' || *j->s == '\r' || *j->s == '\n')) j->s++;
}

static inline int hs_inv_lit(hs_inv_js *j, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(j->end - j->s) < n || memcmp(j->s, w, n)) return 0;
    j->s += n;
    return 1;
}

static inline int hs_inv_hex(unsigned c) {
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'f');
}

/* A JSON string: strict UTF-8, no raw control characters, valid escapes. */
static inline const char *hs_inv_json_string(hs_inv_js *j) {
    j->s++; /* the opening quote */
    while (j->s < j->end && *j->s != '"') {
        unsigned c = *j->s;
        if (c < 0x20) return "JSON: raw control character in a string";
        if (c == '\\') {
            if (j->end - j->s < 2) return "JSON: escape cut off";
            unsigned e = j->s[1];
            if (e == 'u') {
                if (j->end - j->s < 6) return "JSON: \\u escape cut off";
                for (int k = 2; k < 6; k++)
                    if (!hs_inv_hex(j->s[k])) return "JSON: bad \\u escape";
                j->s += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", (int)e) || !e) return "JSON: unknown escape";
            j->s += 2;
            continue;
        }
        size_t k = hs_inv_cplen(j->s, 0, (size_t)(j->end - j->s));
        if (c >= 0x80 && (k == 1 || (c >= 0xC2 && c <= 0xDF ? k != 2 : c < 0xF0 ? k != 3 : k != 4)))
            return "JSON: invalid UTF-8 in a string";
        j->s += k;
    }
    if (j->s >= j->end) return "JSON: unterminated string";
    j->s++;
    return NULL;
}

static inline const char *hs_inv_json_number(hs_inv_js *j) {
    const unsigned char *s = j->s;
    if (s < j->end && *s == '-') s++;
    if (s >= j->end || *s < '0' || *s > '9') return "JSON: bad number";
    if (*s == '0') s++;
    else while (s < j->end && *s >= '0' && *s <= '9') s++;
    if (s < j->end && *s == '.') {
        if (++s >= j->end || *s < '0' || *s > '9') return "JSON: bad fraction";
        while (s < j->end && *s >= '0' && *s <= '9') s++;
    }
    if (s < j->end && (*s | 32) == 'e') {
        s++;
        if (s < j->end && (*s == '+' || *s == '-')) s++;
        if (s >= j->end || *s < '0' || *s > '9') return "JSON: bad exponent";
        while (s < j->end && *s >= '0' && *s <= '9') s++;
    }
    j->s = s;
    return NULL;
}

/* The members of an object ('}' closes) or elements of an array (']'). */
static inline const char *hs_inv_json_items(hs_inv_js *j, int object) {
    const char *why;
    unsigned char close = object ? '}' : ']';
    j->s++;
    hs_inv_ws(j);
    if (j->s < j->end && *j->s == close) {
        j->s++;
        return NULL;
    }
    for (;;) {
        hs_inv_ws(j);
        if (object) {
            if (j->s >= j->end || *j->s != '"') return "JSON: object key is not a string";
            if ((why = hs_inv_json_string(j))) return why;
            hs_inv_ws(j);
            if (j->s >= j->end || *j->s++ != ':') return "JSON: missing ':'";
        }
        if ((why = hs_inv_json_value(j))) return why;
        hs_inv_ws(j);
        if (j->s >= j->end) return "JSON: unterminated object or array";
        if (*j->s == close) {
            j->s++;
            return NULL;
        }
        if (*j->s++ != ',') return "JSON: missing ','";
    }
}

static inline const char *hs_inv_json_value(hs_inv_js *j) {
    hs_inv_ws(j);
    if (j->s >= j->end) return "JSON: value missing";
    if (++j->depth > 64) return "JSON: nested too deeply";
    const char *why = NULL;
    unsigned c = *j->s;
    if (c == '{' || c == '[') why = hs_inv_json_items(j, c == '{');
    else if (c == '"') why = hs_inv_json_string(j);
    else if (c == '-' || (c >= '0' && c <= '9')) why = hs_inv_json_number(j);
    else if (!hs_inv_lit(j, "true") && !hs_inv_lit(j, "false") && !hs_inv_lit(j, "null"))
        why = "JSON: unexpected character";
    j->depth--;
    return why;
}

/* s[0..n) is well-formed UTF-8 (what score.py, brat and terminals read). */
static inline const char *hs_inv_utf8(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = hs_inv_cplen(u, i, n);
        unsigned c = u[i];
        if (c >= 0x80 && (k == 1 || (c <= 0xDF ? k != 2 : c <= 0xEF ? k != 3 : k != 4)))
            return "output is not valid UTF-8";
        i += k;
    }
    return NULL;
}

/* Reads an unsigned decimal at *p; NULL when there is none. */
static inline const char *hs_inv_num(const char *p, const char *end, size_t *v) {
    if (p >= end || *p < '0' || *p > '9') return NULL;
    for (*v = 0; p < end && *p >= '0' && *p <= '9'; p++) *v = *v * 10 + (size_t)(*p - '0');
    return p;
}

/* "T1\tLabel 0 5;7 9\tTEXT": offsets within [0, ncp], in order. */
static inline const char *hs_inv_brat_t(const char *p, const char *end, size_t ncp) {
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    if (!tab || !(p = memchr(tab + 1, ' ', (size_t)(end - tab - 1)))) return "brat: T line without a label";
    for (;;) {
        size_t s, e;
        if (!(p = hs_inv_num(p + 1, end, &s)) || *p != ' ' || !(p = hs_inv_num(p + 1, end, &e)))
            return "brat: T line offsets unreadable";
        if (s > e || e > ncp) return "brat: T line offsets out of range";
        if (*p == '\t') break;
        if (*p != ';') return "brat: T line offsets unreadable";
    }
    return memchr(p + 1, '\t', (size_t)(end - p - 1)) ? "brat: tab inside a T line's text" : NULL;
}

/* Every line of a brat .ann: T (text-bound), E (event) or # (note). */
static inline const char *hs_inv_brat(const char *out, size_t n, size_t ncp) {
    const char *s = out, *end = out + n, *why;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) return "brat: last line has no newline";
        if (*s == 'T') {
            if ((why = hs_inv_brat_t(s, nl, ncp))) return why;
        } else if ((*s != 'E' && *s != '#') || !memchr(s, '\t', (size_t)(nl - s))) {
            return "brat: line is not T, E or #";
        }
        s = nl + 1;
    }
    return hs_inv_utf8(out, n);
}

/* out[0..n) is JSON Lines: exactly nrec lines, each one JSON object
 * followed by '\n' (NUL bytes and raw line breaks inside are errors). */
static inline const char *hs_inv_jsonl(const char *out, size_t n, size_t nrec) {
    const unsigned char *s = (const unsigned char *)out, *end = s + n;
    size_t lines = 0;
    while (s < end) {
        const unsigned char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) return "JSON Lines: last line has no newline";
        if (*s != '{') return "JSON Lines: line is not an object";
        hs_inv_js j = {s, nl, 0};
        const char *why = hs_inv_json_value(&j);
        if (why) return why;
        if (j.s != nl) return "JSON Lines: text after the object";
        lines++;
        s = nl + 1;
    }
    return lines == nrec ? NULL : "JSON Lines: not one line per attribution";
}
#endif
