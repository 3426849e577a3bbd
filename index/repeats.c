/*
 * repeats.c -- the same quotation printed in several articles.
 *
 * cluster.c groups the quotations; here groups are ranked by the number
 * of distinct articles, and each group's members are read back and ordered
 * by article date, so the first member is the first appearance.
 */
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

/* ------------------------------------------------------------- groups */

typedef struct {
    size_t first, n;   /* items [first, first + n) */
    size_t n_articles;
} S_group;

static int S_group_cmp(const void *a, const void *b) {
    const S_group *x = a, *y = b;
    if (x->n_articles != y->n_articles) return x->n_articles > y->n_articles ? -1 : 1;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Groups of at least min_articles articles, ranked. */
static S_group *S_groups(const hsix_item *it, size_t n, size_t min_articles,
                         size_t *n_groups) {
    S_group *g = malloc((n ? n : 1) * sizeof *g);
    if (!g) return NULL;
    size_t ng = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, arts = 0;
        for (; j < n && it[j].root == it[i].root; j++)
            arts += j == i || it[j].article != it[j - 1].article;
        if (arts >= min_articles) g[ng++] = (S_group){i, j - i, arts};
        i = j;
    }
    qsort(g, ng, sizeof *g, S_group_cmp);
    *n_groups = ng;
    return g;
}

/* ------------------------------------------------------------ members */

/* A member hit with its strings copied into an arena (as offsets until the
 * arena stops moving). */
typedef struct {
    hearsay_index_hit hit;
    hearsay_span parts[64];
    long long article_id;
} S_member;

#define S_NSTR 18

static const char **S_strs(hearsay_index_hit *h, size_t i) {
    const char **f[S_NSTR] = {
        &h->doc, &h->url, &h->outlet, &h->title, &h->article_date, &h->kind,
        &h->context, &h->text, &h->speaker.text, &h->speaker.name,
        &h->speaker.role, &h->cue.text, &h->addressee.text, &h->addressee.name,
        &h->addressee.role, &h->speaker_canonical, &h->date, &h->in_context};
    return f[i];
}

static void S_copy(hsix_buf *arena, const hsix_hitrow *row, S_member *m) {
    m->hit = row->hit;
    memcpy(m->parts, row->parts, sizeof m->parts);
    m->article_id = row->article_id;
    for (size_t i = 0; i < S_NSTR; i++) {
        const char **f = S_strs(&m->hit, i);
        if (!*f) continue;
        size_t off = arena->n;
        hsix_buf_put(arena, *f, strlen(*f) + 1);
        *f = (const char *)(uintptr_t)(off + 1); /* 0 stays NULL */
    }
}

static void S_fix(const hsix_buf *arena, S_member *m) {
    for (size_t i = 0; i < S_NSTR; i++) {
        const char **f = S_strs(&m->hit, i);
        if (*f) *f = arena->p + ((uintptr_t)*f - 1);
    }
    m->hit.parts = m->parts;
}

static int S_member_cmp(const void *a, const void *b) {
    const S_member *x = a, *y = b;
    const char *dx = x->hit.article_date, *dy = y->hit.article_date;
    int c = (!dx || !dy) ? (!dx) - (!dy) : strcmp(dx, dy);
    if (c) return c;
    return (x->article_id > y->article_id) - (x->article_id < y->article_id);
}

typedef struct {
    hearsay_index *ix;
    sqlite3_stmt *st; /* one attribution by id */
    hsix_hitrow row;
    hsix_buf arena;
    S_member *m;
    size_t cap;
} S_reader;

static int S_read_one(S_reader *r, int32_t id, S_member *m) {
    sqlite3_reset(r->st);
    int rc = sqlite3_bind_int64(r->st, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(r->st);
    if (rc != SQLITE_ROW) return hsix_fail(r->ix, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                           "reading a repeat");
    rc = hsix_hit_read(r->ix, r->st, &r->row);
    if (!rc) S_copy(&r->arena, &r->row, m);
    return rc;
}

static int S_emit(S_reader *r, const hsix_item *it, const S_group *g,
                  hearsay_index_repeat_fn fn, void *ctx, int *stop) {
    if (g->n > r->cap) {
        S_member *m = realloc(r->m, g->n * sizeof *m);
        if (!m) return hsix_error(r->ix, HEARSAY_INDEX_ENOMEM, "out of memory");
        r->m = m, r->cap = g->n;
    }
    hsix_buf_clear(&r->arena);
    int rc = HEARSAY_INDEX_OK;
    for (size_t i = 0; !rc && i < g->n; i++) rc = S_read_one(r, it[g->first + i].id, &r->m[i]);
    if (rc) return rc;
    if (r->arena.oom) return hsix_error(r->ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    for (size_t i = 0; i < g->n; i++) S_fix(&r->arena, &r->m[i]);
    qsort(r->m, g->n, sizeof *r->m, S_member_cmp);
    hearsay_index_hit *hits = malloc(g->n * sizeof *hits);
    if (!hits) return hsix_error(r->ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    for (size_t i = 0; i < g->n; i++) hits[i] = r->m[i].hit, hits[i].parts = r->m[i].parts;
    hearsay_index_repeat rep = {g->n_articles, g->n, hits};
    *stop = fn(ctx, &rep);
    free(hits);
    return HEARSAY_INDEX_OK;
}

static int S_emit_all(hearsay_index *ix, const hsix_item *it, const S_group *g,
                      size_t ng, int limit, hearsay_index_repeat_fn fn, void *ctx) {
    S_reader r = {.ix = ix};
    hsix_buf sql = {0};
    hsix_buf_printf(&sql, "SELECT %s, 0.0 FROM %s WHERE a.id = ?1", HSIX_HIT_COLUMNS,
                    HSIX_HIT_FROM);
    int rc = hsix_buf_cstr(&sql) ? sqlite3_prepare_v2(ix->db, sql.p, -1, &r.st, NULL)
                                 : SQLITE_NOMEM;
    int status = rc == SQLITE_OK ? HEARSAY_INDEX_OK : hsix_fail(ix, rc, "repeats");
    int stop = 0;
    for (size_t i = 0; !status && !stop && i < ng && (limit <= 0 || i < (size_t)limit); i++)
        status = S_emit(&r, it, &g[i], fn, ctx, &stop);
    sqlite3_finalize(r.st);
    hsix_buf_free(&sql);
    hsix_buf_free(&r.arena);
    hsix_buf_free(&r.row.ctx);
    free(r.m);
    return status;
}

int hearsay_index_repeats(hearsay_index *ix, int min_articles, int limit,
                          hearsay_index_repeat_fn fn, void *ctx) {
    if (!fn) return hsix_error(ix, HEARSAY_INDEX_EINVAL, "repeats: no callback");
    hsix_item *it = NULL;
    S_group *g = NULL;
    size_t n = 0, ng = 0;
    int rc = hsix_cluster(ix, &it, &n);
    size_t min = min_articles > 2 ? (size_t)min_articles : 2;
    if (!rc && !(g = S_groups(it, n, min, &ng))) rc = hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    if (!rc) rc = S_emit_all(ix, it, g, ng, limit, fn, ctx);
    free(it);
    free(g);
    return rc ? rc : hsix_ok(ix);
}
