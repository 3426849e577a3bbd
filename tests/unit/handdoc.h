/*
 * handdoc.h -- hearsay_doc values built by hand for the context and date
 * unit tests: the text, its lines as paragraphs, and attributions given by
 * unique substrings. It does not need the tokenizer, so these stages can be
 * tested on their own.
 */
#ifndef HS_HANDDOC_H
#define HS_HANDDOC_H
#include "hearsay_int.h"

#include <stdlib.h>
#include <string.h>

/* A doc over text (not copied) with date ("" or "YYYY-MM-DD") and one
 * paragraph per line. Returns NULL when out of memory. */
static inline hearsay_doc *T_doc(const char *text, const char *date) {
    hearsay_doc *d = hearsay_doc_new();
    if (!d) return NULL;
    d->text = text;
    d->len = strlen(text);
    snprintf(d->date, sizeof d->date, "%s", date);
    for (size_t b = 0; b <= d->len;) {
        size_t e = b;
        while (e < d->len && text[e] != '\n') e++;
        hs_para p = {0, 0, (uint32_t)b, (uint32_t)e, 0, 0, -1, 0};
        if (hs_vec_push(&d->paras, p)) {
            hearsay_doc_free(d);
            return NULL;
        }
        b = e + 1;
    }
    return d;
}

static inline void T_free(hearsay_doc *d) { hearsay_doc_free(d); }

/* Byte offset of the unique substring s in d's text, or -1. */
static inline int32_t T_at(const hearsay_doc *d, const char *s) {
    const char *p = s ? strstr(d->text, s) : NULL;
    return p ? (int32_t)(p - d->text) : -1;
}

/* Adds an attribution: its cue is the word cue inside the unique substring
 * where; content and src are unique substrings or NULL. 0, or -1 when a
 * substring is missing or memory runs out. */
static inline int T_attr(hearsay_doc *d, const char *where, const char *cue,
                  const char *content, const char *src) {
    hs_attr a;
    memset(&a, 0, sizeof a);
    int32_t w = T_at(d, where);
    const char *c = strstr(where, cue);
    if (w < 0 || !c) return -1;
    a.cue_b = w + (int32_t)(c - where);
    a.cue_e = a.cue_b + (int32_t)strlen(cue);
    a.src_b = T_at(d, src);
    a.src_e = src && a.src_b >= 0 ? a.src_b + (int32_t)strlen(src) : -1;
    a.addr_b = a.addr_e = a.entity = a.addr_entity = a.quote = a.date = -1;
    a.part0 = (uint32_t)d->bparts.n;
    if (content) {
        int32_t cb = T_at(d, content);
        if (cb < 0) return -1;
        hs_brange r = {(uint32_t)cb, (uint32_t)(cb + (int32_t)strlen(content))};
        if (hs_vec_push(&d->bparts, r)) return -1;
        a.nparts = 1;
    }
    return hs_vec_push(&d->attrs, a);
}

/* The date string of attribution i, or "" when it has none. */
static inline const char *T_date(const hearsay_doc *d, size_t i) {
    const char *s = hs_doc_strp(d, d->attrs.v[i].date);
    return s ? s : "";
}

#endif
