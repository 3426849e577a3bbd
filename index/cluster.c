/*
 * cluster.c -- which fingerprinted quotations are the same quotation.
 *
 * Quotations with the same normalised text (the same whole-text hash,
 * attributions.fp; fingerprint.c) are one node. One pass over `shingles`
 * (attribution_id, hash) sorted by hash
 * (SQLite's external merge sort, so memory stays bounded; the table itself
 * is append-only, which keeps indexing fast: a B-tree keyed by a random
 * hash would dirty most of its pages in every batch) counts, for every two
 * nodes, the winnowed fingerprints they share; a fingerprint shared by more than HSIX_FP_HOT nodes is a common
 * phrase and counts for none. Two nodes are then the same quotation when
 * they share at least three quarters of the fingerprints of the one with
 * fewer: a quotation trimmed from another shares all of its fingerprints
 * (winnowing picks the same minimum in every window they have in common),
 * while two quotations that merely share a phrase ("president of the
 * United States") share a few. Union-find over nodes makes the groups.
 * Time is that of sorting the rows of `shingles`; memory is linear in the
 * number of attributions and node pairs.
 */
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

/* ------------------------------------------------ a uint64 -> uint32 map */

typedef struct {
    uint64_t *key;
    uint32_t *val;
    size_t cap, n; /* cap a power of two; key 0 marks an empty slot */
} S_map;

static uint64_t S_mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

static int S_map_grow(S_map *m) {
    S_map g = {calloc(m->cap * 2, 8), calloc(m->cap * 2, 4), m->cap * 2, 0};
    if (!g.key || !g.val) {
        free(g.key), free(g.val);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->key[i]) continue;
        size_t j = S_mix(m->key[i]) & (g.cap - 1);
        while (g.key[j]) j = (j + 1) & (g.cap - 1);
        g.key[j] = m->key[i], g.val[j] = m->val[i], g.n++;
    }
    free(m->key), free(m->val);
    *m = g;
    return 0;
}

/* The slot of key k (k != 0), added with value v when new; NULL when out
 * of memory. */
static uint32_t *S_map_slot(S_map *m, uint64_t k, uint32_t v, int *added) {
    if ((m->n + 1) * 2 > m->cap && S_map_grow(m)) return NULL;
    size_t j = S_mix(k) & (m->cap - 1);
    while (m->key[j] && m->key[j] != k) j = (j + 1) & (m->cap - 1);
    *added = !m->key[j];
    if (*added) m->key[j] = k, m->val[j] = v, m->n++;
    return &m->val[j];
}

static int S_map_init(S_map *m) {
    m->cap = 1024, m->n = 0;
    m->key = calloc(m->cap, 8), m->val = calloc(m->cap, 4);
    return m->key && m->val ? 0 : -1;
}

static void S_map_free(S_map *m) {
    free(m->key), free(m->val);
}

/* ---------------------------------------------------------------- state */

typedef struct {
    S_map nodes;       /* whole-text hash -> node */
    S_map pairs;       /* node a << 32 | node b (a < b) -> shared count */
    uint32_t *node_of; /* per attribution id: node + 1, 0 when none */
    int32_t *article;  /* per attribution id */
    uint32_t *nfp;     /* per attribution id: its fingerprint rows */
    size_t n_ids;
    uint32_t *parent;  /* union-find over nodes */
    uint32_t *rep;     /* a representative attribution per node */
    size_t n_nodes, cap_nodes;
    uint32_t run[HSIX_FP_HOT + 1];
    size_t n_run;      /* distinct nodes of the current hash, capped */
    int oom;
} S_state;

static int S_node(S_state *s, int64_t whole, uint32_t attr, uint32_t *node) {
    int added;
    uint32_t *slot = S_map_slot(&s->nodes, (uint64_t)whole | 1, (uint32_t)s->n_nodes, &added);
    if (!slot) return -1;
    if (added) {
        if (s->n_nodes == s->cap_nodes) {
            size_t cap = s->cap_nodes ? s->cap_nodes * 2 : 1024;
            uint32_t *p = realloc(s->parent, cap * sizeof *p);
            if (p) s->parent = p;
            uint32_t *r = realloc(s->rep, cap * sizeof *r);
            if (r) s->rep = r;
            if (!p || !r) return -1;
            s->cap_nodes = cap;
        }
        s->parent[s->n_nodes] = (uint32_t)s->n_nodes;
        s->rep[s->n_nodes++] = attr;
    }
    *node = *slot;
    return 0;
}

/* Counts one shared fingerprint for every two distinct nodes of the run
 * just ended, unless the fingerprint is a common phrase. */
static int S_run_end(S_state *s) {
    size_t n = s->n_run;
    s->n_run = 0;
    if (n > HSIX_FP_HOT) return 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            uint32_t a = s->run[i] < s->run[j] ? s->run[i] : s->run[j];
            uint32_t b = s->run[i] ^ s->run[j] ^ a;
            int added;
            uint32_t *c = S_map_slot(&s->pairs, ((uint64_t)a << 32 | b) + 1, 0, &added);
            if (!c) return -1;
            (*c)++;
        }
    return 0;
}

static void S_run_add(S_state *s, uint32_t node) {
    for (size_t i = 0; i < s->n_run && i <= HSIX_FP_HOT; i++)
        if (s->run[i] == node) return;
    if (s->n_run <= HSIX_FP_HOT) s->run[s->n_run] = node;
    s->n_run++;
}

/* A fingerprinted attribution (id, article_id, fp): its node. */
static int S_attr_row(S_state *s, sqlite3_stmt *st) {
    sqlite3_int64 id = sqlite3_column_int64(st, 0);
    if (id <= 0 || (size_t)id >= s->n_ids) return 0;
    uint32_t node;
    if (S_node(s, sqlite3_column_int64(st, 2), (uint32_t)id, &node)) return -1;
    s->node_of[id] = node + 1;
    s->article[id] = (int32_t)sqlite3_column_int64(st, 1);
    return 0;
}

/* A shingle (hash, attribution_id), in hash order. */
static int S_row(S_state *s, sqlite3_stmt *st, sqlite3_int64 *prev) {
    sqlite3_int64 h = sqlite3_column_int64(st, 0), id = sqlite3_column_int64(st, 1);
    if (id <= 0 || (size_t)id >= s->n_ids || !s->node_of[id]) return 0;
    if (h != *prev && S_run_end(s)) return -1;
    *prev = h;
    s->nfp[id]++;
    S_run_add(s, s->node_of[id] - 1);
    return 0;
}

/* Steps through sql, calling fn for each row. */
static int S_scan(hearsay_index *ix, S_state *s, const char *sql,
                  int (*fn)(S_state *, sqlite3_stmt *, sqlite3_int64 *)) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL);
    sqlite3_int64 prev = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = fn(s, st, &prev) ? SQLITE_NOMEM : SQLITE_OK;
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE && S_run_end(s)) rc = SQLITE_NOMEM;
    if (rc == SQLITE_NOMEM) return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    return rc == SQLITE_DONE ? HEARSAY_INDEX_OK : hsix_fail(ix, rc, "reading fingerprints");
}

static int S_attr_fn(S_state *s, sqlite3_stmt *st, sqlite3_int64 *prev) {
    (void)prev;
    return S_attr_row(s, st);
}

static int S_pass(hearsay_index *ix, S_state *s) {
    int rc = S_scan(ix, s, "SELECT id, article_id, fp FROM attributions"
                           " WHERE fp IS NOT NULL", S_attr_fn);
    return rc ? rc : S_scan(ix, s, "SELECT hash, attribution_id FROM shingles"
                                   " ORDER BY hash", S_row);
}

/* ------------------------------------------------------------ union-find */

static uint32_t S_find(S_state *s, uint32_t x) {
    while (s->parent[x] != x) {
        s->parent[x] = s->parent[s->parent[x]];
        x = s->parent[x];
    }
    return x;
}

/* Winnowed fingerprints of a node (its whole-text hash not counted). */
static uint32_t S_nfp(const S_state *s, uint32_t node) {
    return s->nfp[s->rep[node]];
}

static void S_join_pairs(S_state *s) {
    for (size_t i = 0; i < s->pairs.cap; i++) {
        if (!s->pairs.key[i]) continue;
        uint64_t k = s->pairs.key[i] - 1;
        uint32_t a = (uint32_t)(k >> 32), b = (uint32_t)k, c = s->pairs.val[i];
        uint32_t na = S_nfp(s, a), nb = S_nfp(s, b), small = na < nb ? na : nb;
        if (c == 0 || (uint64_t)c * 4 < (uint64_t)small * 3) continue;
        a = S_find(s, a), b = S_find(s, b);
        if (a != b) s->parent[a > b ? a : b] = a < b ? a : b;
    }
}

static int S_item_cmp(const void *x, const void *y) {
    const hsix_item *a = x, *b = y;
    if (a->root != b->root) return a->root < b->root ? -1 : 1;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static hsix_item *S_items(S_state *s, size_t *n_items) {
    size_t n = 0;
    for (size_t i = 0; i < s->n_ids; i++) n += s->node_of[i] != 0;
    hsix_item *it = malloc((n ? n : 1) * sizeof *it);
    if (!it) return NULL;
    n = 0;
    for (size_t i = 0; i < s->n_ids; i++)
        if (s->node_of[i])
            it[n++] = (hsix_item){S_find(s, s->node_of[i] - 1), s->article[i], (int32_t)i};
    qsort(it, n, sizeof *it, S_item_cmp);
    *n_items = n;
    return it;
}

static int S_init(hearsay_index *ix, S_state *s) {
    sqlite3_stmt *st;
    sqlite3_int64 max = 0;
    int rc = sqlite3_prepare_v2(ix->db, "SELECT coalesce(max(id), 0) FROM attributions",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        max = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "repeats");
    if (max >= INT32_MAX) return hsix_error(ix, HEARSAY_INDEX_EINVAL, "repeats: too many attributions");
    s->n_ids = (size_t)max + 1;
    s->node_of = calloc(s->n_ids, sizeof *s->node_of);
    s->article = calloc(s->n_ids, sizeof *s->article);
    s->nfp = calloc(s->n_ids, sizeof *s->nfp);
    if (!s->node_of || !s->article || !s->nfp || S_map_init(&s->nodes) ||
        S_map_init(&s->pairs))
        return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    return HEARSAY_INDEX_OK;
}

static void S_free(S_state *s) {
    S_map_free(&s->nodes), S_map_free(&s->pairs);
    free(s->node_of), free(s->article), free(s->nfp), free(s->parent), free(s->rep);
}

int hsix_cluster(hearsay_index *ix, hsix_item **items, size_t *n_items) {
    S_state s;
    memset(&s, 0, sizeof s);
    int rc = S_init(ix, &s);
    if (!rc) rc = S_pass(ix, &s);
    if (!rc) {
        S_join_pairs(&s);
        *items = S_items(&s, n_items);
        if (!*items) rc = hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    }
    S_free(&s);
    return rc;
}
