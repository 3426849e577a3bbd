/*
 * write.c -- adding an article with its attributions, speakers, mentions
 * and fingerprints, and removing the rows of one being replaced.
 *
 * Each article is written inside a savepoint, so an article is all in or
 * all out even inside a larger batch: a failure part-way leaves the batch
 * as it was before the article.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

#define S_MAX_FP 512

static void S_hash_hex(const char *text, size_t len, char out[17]) {
    snprintf(out, 17, "%016llx", (unsigned long long)hsix_fp_hash(text, len));
}

/* Looks doc up: *aid (0 when absent) and whether its stored text hash and
 * length equal those of text. */
static int S_lookup(hearsay_index *ix, const char *doc, const char *text,
                    size_t len, long long *aid, int *same) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_ARTICLE_GET);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    char hex[17];
    S_hash_hex(text, len, hex);
    *aid = 0;
    *same = 0;
    int rc = hsix_bind_text(st, 1, doc);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *aid = sqlite3_column_int64(st, 0);
        const char *h = (const char *)sqlite3_column_text(st, 1);
        *same = h && !strcmp(h, hex) &&
                sqlite3_column_int64(st, 2) == (sqlite3_int64)len;
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? HEARSAY_INDEX_OK
                             : hsix_fail(ix, rc, "looking up an article");
}

int hearsay_index_check(hearsay_index *ix, const char *doc, const char *text,
                        size_t len, int *state) {
    if (!doc || (!text && len))
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "check: no document id");
    long long aid;
    int same;
    int rc = S_lookup(ix, doc, text ? text : "", len, &aid, &same);
    if (rc) return rc;
    *state = !aid ? HEARSAY_INDEX_NEW : same ? HEARSAY_INDEX_SAME
                                             : HEARSAY_INDEX_CHANGED;
    return hsix_ok(ix);
}

/* Runs one statement of the form "... WHERE article_id = ?1". */
static int S_by_article(hearsay_index *ix, hsix_q q, long long aid) {
    sqlite3_stmt *st = hsix_stmt(ix, q);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    int rc = sqlite3_bind_int64(st, 1, aid);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    return rc == SQLITE_OK ? HEARSAY_INDEX_OK
                           : hsix_fail(ix, rc, "removing an article's rows");
}

static int S_delete(hearsay_index *ix, long long aid) {
    int rc = hsix_spk_count(ix, aid, -1);
    if (!rc) rc = hsix_spk_merge_article(ix, aid);
    if (!rc) rc = S_by_article(ix, HSIX_Q_SHINGLE_DELETE, aid);
    if (!rc) rc = S_by_article(ix, HSIX_Q_MENTION_DELETE, aid);
    if (!rc) rc = S_by_article(ix, HSIX_Q_ATTR_DELETE, aid);
    if (!rc) rc = S_by_article(ix, HSIX_Q_ARTICLE_DELETE, aid);
    return rc;
}

/* ------------------------------------------------------------- article */

/* Code points in text, each invalid byte counted as one (an
 * approximation of Python's count; only used for the length column). */
static size_t S_cp_count(const char *text, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

/* The host of url without "www.", into out; NULL when there is none. */
static const char *S_host(const char *url, char *out, size_t cap) {
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p) return NULL;
    p += 3;
    if (!strncmp(p, "www.", 4)) p += 4;
    size_t n = strcspn(p, "/:?#");
    if (n == 0 || n >= cap) return NULL;
    memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

static int S_article_insert(hearsay_index *ix, const hearsay_docinfo *info,
                            const char *text, size_t len, const char *date,
                            long long *aid) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_ARTICLE_INSERT);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    char hex[17], host[256];
    S_hash_hex(text, len, hex);
    const char *outlet = info->outlet ? info->outlet : S_host(info->url, host, sizeof host);
    int rc = hsix_bind_text(st, 1, info->doc);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 2, hex);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 3, info->url);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 4, outlet);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 5, info->date ? info->date : date);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 6, info->title);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 7, (sqlite3_int64)S_cp_count(text, len));
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 8, (sqlite3_int64)len);
    if (rc == SQLITE_OK) rc = hsix_bind_textn(st, 9, text, len);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "adding an article");
    *aid = sqlite3_last_insert_rowid(ix->db);
    return HEARSAY_INDEX_OK;
}

/* ------------------------------------------------------------ entities */

static int S_mention(hearsay_index *ix, long long aid, long long sid, int ent,
                     const hearsay_span *m, const char *text) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_MENTION_INSERT);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    int rc = sqlite3_bind_int64(st, 1, aid);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, sid);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(st, 3, ent);
    if (rc == SQLITE_OK)
        rc = hsix_bind_textn(st, 4, text + m->byte_start, m->byte_end - m->byte_start);
    if (rc == SQLITE_OK) rc = hsix_bind_span(st, 5, 1, m);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    return rc == SQLITE_OK ? HEARSAY_INDEX_OK : hsix_fail(ix, rc, "adding a mention");
}

/* The speaker row of entity e (0 when its name is not indexable, such as
 * an unresolved pronoun) and its mentions. */
static int S_entity(hearsay_index *ix, long long aid, int i,
                    const hearsay_entity *e, const char *text, long long *sid) {
    hsix_name n;
    *sid = 0;
    if (!hsix_name_norm(e->name, e->is_group, &n)) return HEARSAY_INDEX_OK;
    int rc = hsix_spk_upsert(ix, &n, e->is_group, sid);
    for (size_t k = 0; !rc && k < e->n_mentions; k++)
        rc = S_mention(ix, aid, *sid, i, &e->mentions[k], text);
    return rc;
}

/* ------------------------------------------------------- attributions */

typedef struct {
    hearsay_index *ix;
    long long aid;
    const char *text;
    size_t len;
    const hearsay_index_record *r;
    const long long *sids; /* speaker row per entity, 0 for none */
    hsix_buf content, spans, bspans;
} S_ctx;

static int S_span_ok(const hearsay_span *s, size_t len) {
    return s->byte_start <= s->byte_end && s->byte_end <= len &&
           s->start <= s->end;
}

static int S_check_attr(const hearsay_attribution *a, size_t len, size_t n_ents) {
    if (a->n_parts == 0 || !a->parts) return 0;
    for (size_t i = 0; i < a->n_parts; i++)
        if (!S_span_ok(&a->parts[i], len)) return 0;
    if ((a->has_speaker && !S_span_ok(&a->speaker, len)) ||
        (a->has_cue && !S_span_ok(&a->cue, len)) ||
        (a->has_addressee && !S_span_ok(&a->addressee, len)))
        return 0;
    return a->entity >= -1 && a->entity < (int)n_ents &&
           a->addressee_entity >= -1 && a->addressee_entity < (int)n_ents;
}

/* Content text (parts joined by " … ") and the spans as JSON. */
static int S_content(S_ctx *c, const hearsay_attribution *a) {
    hsix_buf_clear(&c->content);
    hsix_buf_clear(&c->spans);
    hsix_buf_clear(&c->bspans);
    for (size_t i = 0; i < a->n_parts; i++) {
        const hearsay_span *p = &a->parts[i];
        const char *sep = i ? "," : "[";
        if (i) hsix_buf_puts(&c->content, " \xE2\x80\xA6 ");
        hsix_buf_put(&c->content, c->text + p->byte_start, p->byte_end - p->byte_start);
        hsix_buf_printf(&c->spans, "%s[%zu,%zu]", sep, p->start, p->end);
        hsix_buf_printf(&c->bspans, "%s[%zu,%zu]", sep, p->byte_start, p->byte_end);
    }
    hsix_buf_puts(&c->spans, "]");
    hsix_buf_puts(&c->bspans, "]");
    if (!hsix_buf_cstr(&c->content) || !hsix_buf_cstr(&c->spans) ||
        !hsix_buf_cstr(&c->bspans))
        return hsix_error(c->ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    return HEARSAY_INDEX_OK;
}

/* Binds a speaker-like group of 9 columns from index i: row id, entity,
 * name, role (from entity ent, when >= 0), then the mention's text, start,
 * end, byte_start, byte_end (when has_span). */
static int S_bind_who(S_ctx *c, sqlite3_stmt *st, int i, int ent, int has_span,
                      const hearsay_span *sp) {
    const hearsay_entity *e = ent >= 0 ? &c->r->ents[ent] : NULL;
    long long sid = e ? c->sids[ent] : 0;
    int rc = sid ? sqlite3_bind_int64(st, i, sid) : sqlite3_bind_null(st, i);
    if (rc == SQLITE_OK) rc = e ? sqlite3_bind_int(st, i + 1, ent) : sqlite3_bind_null(st, i + 1);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, i + 2, e ? e->name : NULL);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, i + 3, e ? e->role : NULL);
    if (rc == SQLITE_OK)
        rc = hsix_bind_textn(st, i + 4, has_span ? c->text + sp->byte_start : NULL,
                             has_span ? sp->byte_end - sp->byte_start : 0);
    if (rc == SQLITE_OK) rc = hsix_bind_span(st, i + 5, has_span, sp);
    return rc;
}

static int S_bind_cue(S_ctx *c, sqlite3_stmt *st, const hearsay_attribution *a) {
    const hearsay_span *sp = &a->cue;
    int rc = hsix_bind_textn(st, 21, a->has_cue ? c->text + sp->byte_start : NULL,
                             a->has_cue ? sp->byte_end - sp->byte_start : 0);
    return rc == SQLITE_OK ? hsix_bind_span(st, 22, a->has_cue, sp) : rc;
}

static int S_bind_attr(S_ctx *c, sqlite3_stmt *st, size_t seq,
                       const hearsay_attribution *a) {
    int rc = sqlite3_bind_int64(st, 1, c->aid);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 3, hearsay_kind_name(a->kind));
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 4, hearsay_context_name(a->context));
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 5, c->content.p);
    if (rc == SQLITE_OK) rc = hsix_bind_span(st, 6, 1, &a->content);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 10, c->spans.p);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 11, c->bspans.p);
    if (rc == SQLITE_OK) rc = S_bind_who(c, st, 12, a->entity, a->has_speaker, &a->speaker);
    if (rc == SQLITE_OK) rc = S_bind_cue(c, st, a);
    if (rc == SQLITE_OK) rc = S_bind_who(c, st, 26, a->addressee_entity, a->has_addressee, &a->addressee);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 35, a->date);
    return rc;
}

/* The winnowed fingerprints fp[1..n) of attribution attr_id (fp[0], the
 * whole-text hash, is its row's fp column). */
static int S_shingles(S_ctx *c, long long attr_id, const int64_t *fp, size_t n) {
    for (size_t i = 1; i < n; i++) {
        sqlite3_stmt *st = hsix_stmt(c->ix, HSIX_Q_SHINGLE_INSERT);
        if (!st) return HEARSAY_INDEX_ESQLITE;
        int rc = sqlite3_bind_int64(st, 1, attr_id);
        if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, fp[i]);
        if (rc == SQLITE_OK) rc = hsix_step_done(st);
        if (rc != SQLITE_OK) return hsix_fail(c->ix, rc, "adding a fingerprint");
    }
    return HEARSAY_INDEX_OK;
}

static int S_attr(S_ctx *c, size_t seq, const hearsay_attribution *a) {
    if (!S_check_attr(a, c->len, c->r->n_ents))
        return hsix_error(c->ix, HEARSAY_INDEX_EINVAL,
                          "attribution %zu: a span or entity is out of range", seq);
    int rc = S_content(c, a);
    if (rc) return rc;
    int64_t fp[S_MAX_FP];
    size_t n = a->kind == HEARSAY_INDIRECT ? 0 : hsix_fp_compute(c->content.p, fp, S_MAX_FP);
    sqlite3_stmt *st = hsix_stmt(c->ix, HSIX_Q_ATTR_INSERT);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    rc = S_bind_attr(c, st, seq, a);
    if (rc == SQLITE_OK) rc = n ? sqlite3_bind_int64(st, 36, fp[0]) : sqlite3_bind_null(st, 36);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    if (rc != SQLITE_OK) return hsix_fail(c->ix, rc, "adding an attribution");
    return S_shingles(c, sqlite3_last_insert_rowid(c->ix->db), fp, n);
}

/* ---------------------------------------------------------------- add */

static int S_rows(S_ctx *c, long long *sids) {
    int rc = HEARSAY_INDEX_OK;
    for (size_t i = 0; !rc && i < c->r->n_ents; i++)
        rc = S_entity(c->ix, c->aid, (int)i, &c->r->ents[i], c->text, &sids[i]);
    for (size_t i = 0; !rc && i < c->r->n_attrs; i++)
        rc = S_attr(c, i, &c->r->attrs[i]);
    if (!rc) rc = hsix_spk_count(c->ix, c->aid, 1);
    if (!rc) rc = hsix_spk_merge_article(c->ix, c->aid);
    return rc;
}

static int S_add(hearsay_index *ix, const hearsay_docinfo *info,
                 const char *text, size_t len, const hearsay_index_record *r) {
    long long old;
    int same;
    int rc = S_lookup(ix, info->doc, text, len, &old, &same);
    if (!rc && old) rc = S_delete(ix, old);
    S_ctx c = {.ix = ix, .text = text, .len = len, .r = r};
    if (!rc) rc = S_article_insert(ix, info, text, len, r->date, &c.aid);
    long long *sids = calloc(r->n_ents ? r->n_ents : 1, sizeof *sids);
    if (!sids && !rc) rc = hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    c.sids = sids;
    if (!rc) rc = S_rows(&c, sids);
    free(sids);
    hsix_buf_free(&c.content);
    hsix_buf_free(&c.spans);
    hsix_buf_free(&c.bspans);
    return rc;
}

int hearsay_index_add_record(hearsay_index *ix, const hearsay_docinfo *info,
                             const char *text, size_t len,
                             const hearsay_index_record *r) {
    if (!info || !info->doc || !r || (!text && len) ||
        (r->n_attrs && !r->attrs) || (r->n_ents && !r->ents))
        return hsix_error(ix, HEARSAY_INDEX_EINVAL,
                          "add: a document id, text and record are required");
    int rc = hsix_exec(ix, "SAVEPOINT hearsay_article");
    if (rc) return rc;
    rc = S_add(ix, info, text ? text : "", len, r);
    if (rc) {
        /* keep the first error's message unless undoing fails too */
        int u = sqlite3_exec(ix->db, "ROLLBACK TO hearsay_article", NULL, NULL, NULL);
        if (u == SQLITE_OK) u = sqlite3_exec(ix->db, "RELEASE hearsay_article", NULL, NULL, NULL);
        return u == SQLITE_OK ? rc : hsix_fail(ix, u, "undoing a failed article");
    }
    rc = hsix_exec(ix, "RELEASE hearsay_article");
    if (rc) return rc;
    hsix_fault_after_add(ix);
    return hsix_ok(ix);
}
