/*
 * article.c -- one stored article, for callers that show it (the web app
 * extracts and renders it again from its text).
 */
#include <string.h>

#include "ix_int.h"

static const char S_sql[] =
    "SELECT doc, url, outlet, date, title, text FROM articles WHERE doc = ?1";

/* Copies the row's six columns into ix->art and points out at them. */
static int S_copy(hearsay_index *ix, sqlite3_stmt *st, hearsay_index_article *out) {
    size_t off[6];
    int null[6];
    hsix_buf_clear(&ix->art);
    for (int i = 0; i < 6; i++) {
        const char *s = (const char *)sqlite3_column_text(st, i);
        size_t n = (size_t)sqlite3_column_bytes(st, i);
        null[i] = s == NULL;
        off[i] = ix->art.n;
        if (s) hsix_buf_put(&ix->art, s, n);
        hsix_buf_put(&ix->art, "", 1);
        if (i == 5) out->len = n;
    }
    if (ix->art.oom) return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    const char **f[6] = {&out->doc, &out->url, &out->outlet, &out->date, &out->title,
                         &out->text};
    for (int i = 0; i < 6; i++) *f[i] = null[i] ? NULL : ix->art.p + off[i];
    return HEARSAY_INDEX_OK;
}

int hearsay_index_get_article(hearsay_index *ix, const char *doc,
                              hearsay_index_article *out) {
    if (!doc || !out) return hsix_error(ix, HEARSAY_INDEX_EINVAL, "article: no id");
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, S_sql, -1, &st, NULL);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 1, doc);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    int status = rc == SQLITE_ROW    ? S_copy(ix, st, out)
                 : rc == SQLITE_DONE ? hsix_error(ix, HEARSAY_INDEX_ENOTFOUND,
                                                  "no article '%s'", doc)
                                     : hsix_fail(ix, rc, "reading an article");
    sqlite3_finalize(st);
    return status ? status : hsix_ok(ix);
}
