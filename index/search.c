/*
 * search.c -- full-text search over quotations (FTS5, ranked with bm25),
 * filtered by speaker, outlet and article date.
 *
 * The statement is assembled from fixed fragments chosen by which filters
 * are set; every value is a bound parameter. The user's words become FTS5
 * strings ("word", or "word"* for a prefix), so no input can be read as
 * FTS5 syntax.
 *
 * A speaker filter matches every name merged with the name given: "Trump"
 * finds what is counted under "Donald Trump". A one-word name that is no
 * speaker's name of its own matches everyone of that surname.
 */
#include <ctype.h>
#include <string.h>

#include "ix_int.h"

#define S_MAX_LIMIT 100000

void hearsay_index_query_init(hearsay_index_query *q) {
    memset(q, 0, sizeof *q);
    q->limit = 20;
}

/* One word as an FTS5 string: quotes doubled, a trailing '*' kept as a
 * prefix marker. */
static void S_fts_word(hsix_buf *b, const char *w, size_t n) {
    int prefix = n > 1 && w[n - 1] == '*';
    if (prefix) n--;
    hsix_buf_puts(b, b->n ? " \"" : "\"");
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '"') hsix_buf_puts(b, "\"");
        hsix_buf_put(b, w + i, 1);
    }
    hsix_buf_puts(b, prefix ? "\"*" : "\"");
}

/* q->match as an FTS5 query, into b ("" when it holds no word). */
static void S_fts_query(hsix_buf *b, const char *match) {
    const char *p = match;
    while (*p) {
        while (*p && isspace((unsigned char)*p)) p++;
        size_t n = strcspn(p, " \t\r\n");
        if (n) S_fts_word(b, p, n);
        p += n;
    }
}

/* The filters, on a and r. */
static void S_where(hsix_buf *sql, const hearsay_index_query *q, int fts) {
    hsix_buf_puts(sql, fts ? " WHERE quote_fts MATCH :match" : " WHERE 1");
    if (q->speaker) hsix_buf_puts(sql, " AND " HSIX_SPEAKER_IN);
    if (q->doc) hsix_buf_puts(sql, " AND r.doc = :doc");
    if (q->since) hsix_buf_puts(sql, " AND r.date >= :since");
    if (q->until) hsix_buf_puts(sql, " AND r.date <= :until");
    if (q->outlet) hsix_buf_puts(sql, " AND r.outlet = :outlet");
}

/* The inner query's FROM: only the FTS table when no filter needs the
 * attribution or the article; articles newest first by the date index
 * (CROSS JOIN fixes that order) when there are no words and no speaker. */
static void S_inner_from(hsix_buf *sql, const hearsay_index_query *q, int fts,
                         int filtered) {
    if (fts && !filtered) hsix_buf_puts(sql, "quote_fts");
    else if (fts) hsix_buf_puts(sql, "quote_fts JOIN attributions a ON a.id = quote_fts.rowid"
                                     " JOIN articles r ON r.id = a.article_id");
    else if (!q->speaker && !q->doc) hsix_buf_puts(sql, "articles r CROSS JOIN attributions a"
                                             " ON a.article_id = r.id");
    else hsix_buf_puts(sql, "attributions a JOIN articles r ON r.id = a.article_id");
}

/* The search runs in two steps so that only the hits returned are read
 * whole: the inner query finds and orders attribution ids (with their
 * score) under the filters, and stops at the limit; the outer one reads
 * those rows. */
static void S_sql(hsix_buf *sql, const hearsay_index_query *q, int fts) {
    int filtered = q->speaker || q->since || q->until || q->outlet || q->doc;
    const char *order = fts ? " ORDER BY score, aid" : " ORDER BY r.date DESC, r.id DESC, a.id";
    hsix_buf_printf(sql, "SELECT %s, f.score FROM (SELECT %s AS aid, %s AS score FROM ",
                    HSIX_HIT_COLUMNS, fts && !filtered ? "quote_fts.rowid" : "a.id",
                    fts ? "bm25(quote_fts)" : "0.0");
    S_inner_from(sql, q, fts, filtered);
    S_where(sql, q, fts);
    hsix_buf_printf(sql, "%s LIMIT :limit) f JOIN attributions a ON a.id = f.aid"
                         " JOIN articles r ON r.id = a.article_id" HSIX_HIT_SPEAKERS "%s",
                    order, fts ? " ORDER BY f.score, a.id" : order);
}

static int S_bind(sqlite3_stmt *st, const char *name, const char *v) {
    int i = sqlite3_bind_parameter_index(st, name);
    return i ? hsix_bind_text(st, i, v) : SQLITE_OK;
}

int hsix_bind_speaker(sqlite3_stmt *st, const char *name) {
    hsix_name pn, gn;
    const char *pkey = hsix_name_norm(name, 0, &pn) ? pn.key : "";
    const char *gkey = hsix_name_norm(name, 1, &gn) ? gn.key : "";
    int rc = S_bind(st, ":pkey", pkey);
    if (rc == SQLITE_OK) rc = S_bind(st, ":gkey", gkey);
    if (rc == SQLITE_OK) rc = S_bind(st, ":surname", pn.words == 1 ? pkey : NULL);
    return rc;
}

static int S_bind_all(sqlite3_stmt *st, const hearsay_index_query *q,
                      const char *fts) {
    int limit = q->limit > 0 && q->limit <= S_MAX_LIMIT ? q->limit : 20;
    int rc = S_bind(st, ":match", fts);
    if (rc == SQLITE_OK && q->speaker) rc = hsix_bind_speaker(st, q->speaker);
    if (rc == SQLITE_OK) rc = S_bind(st, ":since", q->since);
    if (rc == SQLITE_OK) rc = S_bind(st, ":until", q->until);
    if (rc == SQLITE_OK) rc = S_bind(st, ":outlet", q->outlet);
    if (rc == SQLITE_OK) rc = S_bind(st, ":doc", q->doc);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit);
    return rc;
}

/* Steps st, calling fn with each hit, until done or fn says stop. */
static int S_each(hearsay_index *ix, sqlite3_stmt *st, hearsay_index_hit_fn fn,
                  void *ctx) {
    hsix_hitrow row = {0};
    int rc, status = HEARSAY_INDEX_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        status = hsix_hit_read(ix, st, &row);
        if (status || fn(ctx, &row.hit)) break;
    }
    hsix_buf_free(&row.ctx);
    if (status) return status;
    return (rc == SQLITE_ROW || rc == SQLITE_DONE) ? hsix_ok(ix)
                                                   : hsix_fail(ix, rc, "searching");
}

int hearsay_index_search(hearsay_index *ix, const hearsay_index_query *q,
                         hearsay_index_hit_fn fn, void *ctx) {
    if (!q || !fn) return hsix_error(ix, HEARSAY_INDEX_EINVAL, "search: no query");
    hsix_buf fts = {0}, sql = {0};
    S_fts_query(&fts, q->match ? q->match : "");
    S_sql(&sql, q, fts.n > 0);
    sqlite3_stmt *st = NULL;
    int rc = HEARSAY_INDEX_ENOMEM;
    if (hsix_buf_cstr(&fts) && hsix_buf_cstr(&sql)) {
        int src = sqlite3_prepare_v2(ix->db, sql.p, -1, &st, NULL);
        if (src == SQLITE_OK) src = S_bind_all(st, q, fts.n ? fts.p : NULL);
        rc = src == SQLITE_OK ? S_each(ix, st, fn, ctx)
                              : hsix_fail(ix, src, "preparing the search");
    } else {
        hsix_error(ix, rc, "out of memory");
    }
    sqlite3_finalize(st);
    hsix_buf_free(&fts);
    hsix_buf_free(&sql);
    return rc;
}
