/*
 * repeats.c -- the same quotation printed in several articles.
 *
 * One ordered pass over `shingles` (its primary key is (hash,
 * attribution_id), so rows come sorted by hash with no sort step) joins
 * every two quotations that share a fingerprint (fingerprint.c) into one
 * group, with union-find over attribution ids; a fingerprint shared by many
 * different quotations is a common phrase ("the president of the United
 * States") and joins nothing, so unrelated quotations are not chained. Groups are then ranked by
 * the number of distinct articles, and each group's members are read back
 * and ordered by article date so the first member is the first appearance.
 * Time and memory are linear in the size of `shingles` plus the highest
 * attribution id.
 */
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

typedef struct {
    int32_t *parent; /* union-find over attribution ids; -1: not fingerprinted */
    int32_t *article; /* article of each fingerprinted attribution */
    size_t n;
} S_uf;

static int32_t S_find(S_uf *u, int32_t x) {
    while (u->parent[x] != x) {
        u->parent[x] = u->parent[u->parent[x]];
        x = u->parent[x];
    }
    return x;
}

static void S_union(S_uf *u, int32_t a, int32_t b) {
    a = S_find(u, a), b = S_find(u, b);
    if (a != b) u->parent[a > b ? a : b] = a < b ? a : b;
}

static int S_max_id(hearsay_index *ix, long long *max) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, "SELECT coalesce(max(id), 0) FROM attributions",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *max = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "repeats");
    if (*max >= INT32_MAX)
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "repeats: too many attributions");
    return HEARSAY_INDEX_OK;
}

static int S_uf_init(hearsay_index *ix, S_uf *u) {
    long long max = 0;
    int rc = S_max_id(ix, &max);
    if (rc) return rc;
    u->n = (size_t)max + 1;
    u->parent = malloc(u->n * sizeof *u->parent);
    u->article = malloc(u->n * sizeof *u->article);
    if (!u->parent || !u->article)
        return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    memset(u->parent, 0xFF, u->n * sizeof *u->parent);
    return HEARSAY_INDEX_OK;
}

static void S_uf_free(S_uf *u) {
    free(u->parent);
    free(u->article);
}

/* The attributions sharing one shingle hash. */
typedef struct {
    int32_t *id;
    int64_t *whole;
    size_t n, cap;
    int oom;
} S_run;

static void S_run_push(S_run *r, int32_t id, int64_t whole) {
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        int32_t *i = realloc(r->id, cap * sizeof *i);
        if (i) r->id = i;
        int64_t *w = realloc(r->whole, cap * sizeof *w);
        if (w) r->whole = w;
        if (!i || !w) {
            r->oom = 1;
            return;
        }
        r->cap = cap;
    }
    r->id[r->n] = id, r->whole[r->n] = whole, r->n++;
}

/* Joins the run's attributions unless the shingle is a common phrase
 * shared by more than HSIX_FP_HOT different quotations. */
static void S_run_join(S_uf *u, S_run *r) {
    int64_t seen[HSIX_FP_HOT + 1];
    size_t n_seen = 0;
    for (size_t i = 0; i < r->n && n_seen <= HSIX_FP_HOT; i++) {
        size_t k = 0;
        while (k < n_seen && seen[k] != r->whole[i]) k++;
        if (k == n_seen) seen[n_seen++] = r->whole[i];
    }
    for (size_t i = 1; n_seen <= HSIX_FP_HOT && i < r->n; i++)
        S_union(u, r->id[0], r->id[i]);
    r->n = 0;
}

/* The pass over shingles: attributions sharing a hash are joined. */
static int S_join(hearsay_index *ix, S_uf *u) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, "SELECT hash, attribution_id, article_id,"
                                        " whole FROM shingles ORDER BY hash",
                                -1, &st, NULL);
    sqlite3_int64 prev_hash = 0;
    S_run run = {0};
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 h = sqlite3_column_int64(st, 0), id = sqlite3_column_int64(st, 1);
        rc = SQLITE_OK;
        if (id <= 0 || (size_t)id >= u->n) continue;
        if (h != prev_hash) S_run_join(u, &run);
        if (u->parent[id] < 0) u->parent[id] = (int32_t)id;
        u->article[id] = (int32_t)sqlite3_column_int64(st, 2);
        S_run_push(&run, (int32_t)id, sqlite3_column_int64(st, 3));
        prev_hash = h;
    }
    S_run_join(u, &run);
    sqlite3_finalize(st);
    int oom = run.oom;
    free(run.id);
    free(run.whole);
    if (oom) return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    return rc == SQLITE_DONE ? HEARSAY_INDEX_OK : hsix_fail(ix, rc, "reading fingerprints");
}

/* ------------------------------------------------------------- groups */

typedef struct {
    int32_t root, article, id;
} S_item;

typedef struct {
    size_t first, n;   /* items [first, first + n) */
    size_t n_articles;
} S_group;

static int S_item_cmp(const void *a, const void *b) {
    const S_item *x = a, *y = b;
    if (x->root != y->root) return x->root < y->root ? -1 : 1;
    if (x->article != y->article) return x->article < y->article ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static int S_group_cmp(const void *a, const void *b) {
    const S_group *x = a, *y = b;
    if (x->n_articles != y->n_articles) return x->n_articles > y->n_articles ? -1 : 1;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Items sorted by group; *n_items of them. */
static S_item *S_items(S_uf *u, size_t *n_items) {
    size_t n = 0;
    for (size_t i = 0; i < u->n; i++) n += u->parent[i] >= 0;
    S_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it) return NULL;
    n = 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->parent[i] >= 0)
            it[n++] = (S_item){S_find(u, (int32_t)i), u->article[i], (int32_t)i};
    qsort(it, n, sizeof *it, S_item_cmp);
    *n_items = n;
    return it;
}

/* Groups of at least min_articles articles, ranked. */
static S_group *S_groups(const S_item *it, size_t n, size_t min_articles,
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

static int S_emit(S_reader *r, const S_item *it, const S_group *g,
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

static int S_emit_all(hearsay_index *ix, const S_item *it, const S_group *g,
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
    S_uf u = {0};
    S_item *it = NULL;
    S_group *g = NULL;
    size_t n = 0, ng = 0;
    int rc = S_uf_init(ix, &u);
    if (!rc) rc = S_join(ix, &u);
    if (!rc && !(it = S_items(&u, &n))) rc = hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    size_t min = min_articles > 2 ? (size_t)min_articles : 2;
    if (!rc && !(g = S_groups(it, n, min, &ng))) rc = hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    if (!rc) rc = S_emit_all(ix, it, g, ng, limit, fn, ctx);
    S_uf_free(&u);
    free(it);
    free(g);
    return rc ? rc : hsix_ok(ix);
}
