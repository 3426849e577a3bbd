/*
 * hearsay.c -- the public API: options, docs, the extraction pipeline and
 * the public views of its results.
 */
#include "hearsay_int.h"
#include "model.h"

const char *hearsay_version(void) { return HEARSAY_VERSION_STRING; }

const char *hearsay_strerror(int status) {
    switch (status) {
    case HEARSAY_OK: return "success";
    case HEARSAY_ENOMEM: return "out of memory";
    case HEARSAY_ETOOBIG: return "document too large";
    case HEARSAY_EINVAL: return "invalid argument";
    case HEARSAY_EIO: return "input/output error";
    case HEARSAY_EFORMAT: return "malformed input";
    }
    return "unknown error";
}

const char *hearsay_kind_name(hearsay_kind k) {
    switch (k) {
    case HEARSAY_DIRECT: return "direct";
    case HEARSAY_MIXED: return "mixed";
    case HEARSAY_INDIRECT: return "indirect";
    }
    return "unknown";
}

const char *hearsay_context_name(hearsay_context c) {
    return c == HEARSAY_CONTEXT_EMBEDDED_POST ? "embedded-post" : "body";
}

void hearsay_options_init(hearsay_options *o) {
    memset(o, 0, sizeof *o);
    o->max_doc_bytes = (size_t)16 << 20;
}

hearsay_doc *hearsay_doc_new(void) { return calloc(1, sizeof(hearsay_doc)); }

void hearsay_doc_free(hearsay_doc *d) {
    if (!d) return;
    free(d->wcache);
    hs_vec_free(&d->toks);
    hs_vec_free(&d->qtoks);
    hs_vec_free(&d->sents);
    hs_vec_free(&d->paras);
    hs_vec_free(&d->quotes);
    hs_vec_free(&d->attrs);
    hs_vec_free(&d->bparts);
    hs_vec_free(&d->ents);
    hs_vec_free(&d->ments);
    hs_vec_free(&d->debris_raw);
    hs_vec_free(&d->cpblk);
    hs_vec_free(&d->tokblk);
    hs_vec_free(&d->cover);
    hs_vec_free(&d->pub);
    hs_vec_free(&d->pub_parts);
    hs_vec_free(&d->pub_ents);
    hs_vec_free(&d->pub_ments);
    hs_vec_free(&d->pub_debris);
    hs_buf_free(&d->strings);
    hs_buf_free(&d->out);
    hs_buf_free(&d->scratch);
    hs_vec_free(&d->rent);
    free(d);
}

int32_t hs_doc_str(hearsay_doc *d, const char *s, size_t n) {
    size_t off = d->strings.n;
    hs_buf_put(&d->strings, s, n);
    hs_buf_putc(&d->strings, 0);
    return d->strings.oom || off > INT32_MAX ? -1 : (int32_t)off;
}

/* In valid UTF-8 the code points before b are the bytes before b that are
 * not continuation bytes (10xxxxxx); a byte inside a character counts the
 * character, as the walk below does. Invalid UTF-8 (where a maximal
 * invalid subsequence is one code point) keeps the walk from a token. */
static size_t S_lead_bytes(const unsigned char *s, size_t n) {
    size_t c = 0, i = 0;
    /* 8 bytes at a time: a continuation byte has bit 7 set and bit 6 clear
     * (x << 1 brings each byte's bit 6 to its bit 7) */
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        c += 8 - hs_popcount64(x & ~(x << 1) & 0x8080808080808080ull);
    }
    for (; i < n; i++) c += (s[i] & 0xC0) != 0x80;
    return c;
}

int hs_doc_cp_index(hearsay_doc *d) {
    d->cpblk.n = 0;
    if (d->ninvalid) return 0;
    size_t nb = d->len / HS_CPBLK + 1;
    if (hs_vec_reserve(&d->cpblk, nb)) return HEARSAY_ENOMEM;
    const unsigned char *s = (const unsigned char *)d->text;
    uint32_t cp = 0;
    for (size_t k = 0; k < nb; k++) {
        d->cpblk.v[k] = cp;
        size_t b = k * HS_CPBLK;
        if (b + HS_CPBLK <= d->len) {
            /* a whole block: its continuation bytes, a word at a time, in
             * a loop of constant length (S_lead_bytes) */
            uint32_t cont = 0;
            for (size_t i = 0; i < HS_CPBLK; i += 8) {
                uint64_t x;
                memcpy(&x, s + b + i, 8);
                cont += hs_popcount64(x & ~(x << 1) & 0x8080808080808080ull);
            }
            cp += HS_CPBLK - cont;
        } else if (b < d->len) {
            cp += (uint32_t)S_lead_bytes(s + b, d->len - b);
        }
    }
    d->cpblk.n = nb;
    return 0;
}

size_t hs_doc_cp(const hearsay_doc *d, size_t b) {
    if (b >= d->len) return d->ncp;
    if (d->cpblk.n) {
        size_t k = b / HS_CPBLK, n = b - k * HS_CPBLK;
        const unsigned char *s = (const unsigned char *)d->text + k * HS_CPBLK;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        _Static_assert(HS_CPBLK % 8 == 0, "whole words per block");
        if ((k + 1) * HS_CPBLK <= d->len) {
            /* a whole block of text: its words read whole, the bytes of
             * the last one from b on masked off (byte j of a little-endian
             * load is bits 8j..8j+7) */
            size_t c = d->cpblk.v[k], i = 0;
            for (;; i += 8) {
                uint64_t x;
                memcpy(&x, s + i, 8);
                uint64_t cont = x & ~(x << 1) & 0x8080808080808080ull;
                if (i + 8 > n) {
                    size_t r = n - i; /* 0..7 */
                    return c + r - hs_popcount64(cont & (((uint64_t)1 << (8 * r)) - 1));
                }
                c += 8 - hs_popcount64(cont);
            }
        }
#endif
        return d->cpblk.v[k] + S_lead_bytes(s, n);
    }
    size_t lo = hs_doc_tok_at(d, b); /* the first token ending after b */
    size_t cp, from;
    if (lo < d->toks.n && d->toks.v[lo].b <= b) {
        cp = d->toks.v[lo].c;
        from = d->toks.v[lo].b;
    } else if (lo > 0) {
        cp = d->toks.v[lo - 1].ce;
        from = d->toks.v[lo - 1].e;
    } else {
        cp = 0;
        from = 0;
    }
    const unsigned char *s = (const unsigned char *)d->text;
    while (from < b) {
        uint32_t c;
        from += hs_utf8_next(s, from, d->len, &c);
        cp++;
    }
    return cp;
}

int hs_doc_tok_index(hearsay_doc *d) {
    d->tokblk.n = 0;
    size_t nb = d->len / HS_CPBLK + 1;
    if (hs_vec_reserve(&d->tokblk, nb)) return HEARSAY_ENOMEM;
    size_t j = 0;
    for (size_t k = 0; k < nb; k++) {
        while (j < d->toks.n && d->toks.v[j].e <= k * HS_CPBLK) j++;
        d->tokblk.v[k] = (uint32_t)j;
    }
    d->tokblk.n = nb;
    return 0;
}

size_t hs_doc_tok_at(const hearsay_doc *d, size_t b) {
    if (b / HS_CPBLK < d->tokblk.n) {
        /* token ends only grow: from the first token ending after the
         * block's start to the first ending after b */
        size_t j = d->tokblk.v[b / HS_CPBLK];
        while (j < d->toks.n && d->toks.v[j].e <= b) j++;
        return j;
    }
    size_t lo = 0, hi = d->toks.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->toks.v[mid].e <= b) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int hs_doc_para_at(const hearsay_doc *d, size_t b) {
    size_t lo = 0, hi = d->paras.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->paras.v[mid].e <= b) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->paras.n ? (int)lo : -1;
}

const hs_debris_raw *hs_doc_post(const hearsay_doc *d, int p) {
    if (p < 0 || (size_t)p >= d->paras.n || d->paras.v[p].debris < 0) return NULL;
    const hs_debris_raw *r = &d->debris_raw.v[d->paras.v[p].debris];
    return strcmp(r->kind, "embedded-post") ? NULL : r;
}

int hs_doc_para_skipped(const hearsay_doc *d, int p) {
    if (p < 0 || (size_t)p >= d->paras.n || d->paras.v[p].debris < 0) return 0;
    if (d->opt.flags & HEARSAY_OPT_KEEP_DEBRIS_QUOTES) return 0;
    return hs_doc_post(d, p) == NULL;
}

static void S_reset(hearsay_doc *d) {
    d->toks.n = d->qtoks.n = d->sents.n = d->paras.n = d->quotes.n = 0;
    d->attrs.n = d->bparts.n = d->ents.n = d->ments.n = 0;
    d->debris_raw.n = d->cpblk.n = d->tokblk.n = 0;
    d->pub.n = d->pub_parts.n = d->pub_ents.n = d->pub_ments.n = d->pub_debris.n = 0;
    hs_buf_clear(&d->strings);
    hs_buf_clear(&d->out);
    d->ncp = d->ninvalid = 0;
    d->date[0] = 0;
}

static int S_valid_date(const char *s) {
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    return 1;
}

static size_t S_count_invalid(const char *text, size_t len) {
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0, i = 0;
    while (i < len) {
        uint64_t x;
        if (i + 8 <= len && (memcpy(&x, s + i, 8), !(x & 0x8080808080808080ull))) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = hs_utf8_next(s, i, len, &cp);
        if (cp == 0xFFFD && !(k == 3 && s[i] == 0xEF)) n++;
        i += k;
    }
    return n;
}

static hearsay_span S_span(const hearsay_doc *d, uint32_t b, uint32_t e) {
    hearsay_span s = {hs_doc_cp(d, b), hs_doc_cp(d, e), b, e};
    return s;
}

static int S_cmp_attr(const void *x, const void *y) {
    const hearsay_attribution *a = x, *b = y;
    if (a->content.byte_start != b->content.byte_start)
        return a->content.byte_start < b->content.byte_start ? -1 : 1;
    return a->content.byte_end < b->content.byte_end ? -1 : a->content.byte_end > b->content.byte_end;
}

/* Public entities, each with its mentions in text order: counted per
 * entity first, then placed, in one pass over the mentions (not one pass
 * per entity). */
static void S_publish_entities(hearsay_doc *d) {
    hearsay_entity *pe = d->pub_ents.v;
    for (size_t e = 0; e < d->ents.n; e++) {
        const hs_ent *x = &d->ents.v[e];
        memset(&pe[e], 0, sizeof pe[e]);
        pe[e].name = hs_doc_strp(d, x->name);
        if (!pe[e].name) pe[e].name = "";
        pe[e].role = hs_doc_strp(d, x->role);
        pe[e].is_group = x->is_group;
    }
    for (size_t i = 0; i < d->ments.n; i++)
        if (d->ments.v[i].ent >= 0 && (size_t)d->ments.v[i].ent < d->ents.n) pe[d->ments.v[i].ent].n_mentions++;
    size_t m = 0;
    for (size_t e = 0; e < d->ents.n; e++) {
        pe[e].mentions = d->pub_ments.v + m;
        m += pe[e].n_mentions;
        pe[e].n_mentions = 0;
    }
    for (size_t i = 0; i < d->ments.n; i++) {
        int32_t e = d->ments.v[i].ent;
        if (e < 0 || (size_t)e >= d->ents.n) continue;
        hearsay_span *slot = (hearsay_span *)pe[e].mentions + pe[e].n_mentions++;
        *slot = S_span(d, d->ments.v[i].b, d->ments.v[i].e);
    }
    d->pub_ents.n = d->ents.n;
    d->pub_ments.n = m;
}

/* Builds the public views from the internal results. */
static int S_publish(hearsay_doc *d) {
    if (hs_doc_cp_index(d) || hs_vec_reserve(&d->pub_parts, d->bparts.n) || hs_vec_reserve(&d->pub, d->attrs.n) ||
        hs_vec_reserve(&d->pub_ments, d->ments.n) || hs_vec_reserve(&d->pub_ents, d->ents.n) ||
        hs_vec_reserve(&d->pub_debris, d->debris_raw.n))
        return HEARSAY_ENOMEM;
    for (size_t i = 0; i < d->bparts.n; i++)
        d->pub_parts.v[i] = S_span(d, d->bparts.v[i].b, d->bparts.v[i].e);
    d->pub_parts.n = d->bparts.n;
    for (size_t i = 0; i < d->attrs.n; i++) {
        const hs_attr *a = &d->attrs.v[i];
        if (a->dropped || a->nparts == 0) continue;
        hearsay_attribution p;
        memset(&p, 0, sizeof p);
        p.kind = (hearsay_kind)a->kind;
        p.context = (hearsay_context)a->context;
        p.parts = d->pub_parts.v + a->part0;
        p.n_parts = a->nparts;
        p.content.start = p.parts[0].start;
        p.content.byte_start = p.parts[0].byte_start;
        p.content.end = p.parts[a->nparts - 1].end;
        p.content.byte_end = p.parts[a->nparts - 1].byte_end;
        if ((p.has_speaker = a->src_b >= 0)) p.speaker = S_span(d, (uint32_t)a->src_b, (uint32_t)a->src_e);
        if ((p.has_cue = a->cue_b >= 0)) p.cue = S_span(d, (uint32_t)a->cue_b, (uint32_t)a->cue_e);
        if ((p.has_addressee = a->addr_b >= 0))
            p.addressee = S_span(d, (uint32_t)a->addr_b, (uint32_t)a->addr_e);
        p.entity = a->entity;
        p.addressee_entity = a->addr_entity;
        p.date = hs_doc_strp(d, a->date);
        d->pub.v[d->pub.n++] = p;
    }
    if (d->pub.n > 1) qsort(d->pub.v, d->pub.n, sizeof *d->pub.v, S_cmp_attr);
    S_publish_entities(d);
    for (size_t i = 0; i < d->debris_raw.n; i++) {
        const hs_debris_raw *r = &d->debris_raw.v[i];
        hearsay_debris p;
        p.span = S_span(d, r->b, r->e);
        p.kind = r->kind;
        p.author = hs_doc_strp(d, r->author);
        p.handle = hs_doc_strp(d, r->handle);
        p.date = hs_doc_strp(d, r->date);
        d->pub_debris.v[d->pub_debris.n++] = p;
    }
    return d->strings.oom ? HEARSAY_ENOMEM : 0;
}

int hs_doc_prepare(hearsay_doc *d, const hearsay_model *m, const char *text, size_t len,
                   const hearsay_options *o) {
    if (!d) return HEARSAY_EINVAL;
    S_reset(d);
    hearsay_options def;
    if (!o) {
        hearsay_options_init(&def);
        o = &def;
    }
    if (!m) m = hearsay_model_builtin();
    if (!text && len) return HEARSAY_EINVAL;
    if (len > o->max_doc_bytes || len >= UINT32_MAX) return HEARSAY_ETOOBIG;
    d->opt = *o;
    d->model = m;
    d->text = text ? text : "";
    d->len = len;
    if (S_valid_date(o->date)) memcpy(d->date, o->date, 11);
    d->ninvalid = S_count_invalid(d->text, len);
    int rc = hs_tok_run(d);
    if (!rc) rc = hs_quote_run(d);
    return rc;
}

int hearsay_extract(const hearsay_model *m, const char *text, size_t len,
                    const hearsay_options *o, hearsay_doc *d) {
    int rc = hs_doc_prepare(d, m, text, len, o);
    if (rc == HEARSAY_EINVAL || rc == HEARSAY_ETOOBIG) return rc;
    if (!rc) rc = hs_ctx_run(d);
    if (!rc) rc = hs_cue_run(d);
    if (!rc) rc = hs_attr_run(d);
    if (!rc) rc = hs_ent_run(d);
    if (!rc) rc = hs_date_run(d);
    if (!rc) rc = S_publish(d);
    d->opt.date = NULL;
    if (rc) S_reset(d);
    return rc;
}

size_t hearsay_doc_count(const hearsay_doc *d) { return d->pub.n; }
const hearsay_attribution *hearsay_doc_get(const hearsay_doc *d, size_t i) {
    return i < d->pub.n ? &d->pub.v[i] : NULL;
}
size_t hearsay_doc_entity_count(const hearsay_doc *d) { return d->pub_ents.n; }
const hearsay_entity *hearsay_doc_entity(const hearsay_doc *d, size_t i) {
    return i < d->pub_ents.n ? &d->pub_ents.v[i] : NULL;
}
size_t hearsay_doc_debris_count(const hearsay_doc *d) { return d->pub_debris.n; }
const hearsay_debris *hearsay_doc_debris(const hearsay_doc *d, size_t i) {
    return i < d->pub_debris.n ? &d->pub_debris.v[i] : NULL;
}
size_t hearsay_doc_length(const hearsay_doc *d) { return d->ncp; }
size_t hearsay_doc_byte_length(const hearsay_doc *d) { return d->len; }
size_t hearsay_doc_invalid_utf8(const hearsay_doc *d) { return d->ninvalid; }
const char *hearsay_doc_date(const hearsay_doc *d) { return d->date[0] ? d->date : NULL; }
