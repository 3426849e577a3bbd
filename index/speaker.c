/*
 * speaker.c -- speaker rows, their counters, and merging names across
 * articles.
 *
 * Each distinct name key (name.c) is one row of `speakers`; its `canonical`
 * column names the row it is counted under. A full name is its own
 * canonical. A one-word name ("Trump") merges into the full name with that
 * surname when the corpus makes it plain: that full name is quoted in at
 * least three quarters of the articles quoting any full name with the
 * surname ("Donald Trump" over "Donald Trump Jr." is plain; "Hillary
 * Clinton" against a "Bill Clinton" quoted as often is not, and "Clinton"
 * then stays itself). The decision is re-made for a surname whenever an
 * article quoting a speaker with it is added or removed, so it depends only
 * on what the index holds, not on the order articles arrived in.
 */
#include <string.h>

#include "ix_int.h"

/* Looks the key up: 1 and *id when found, 0 when not, < 0 on error. */
static int S_find(hearsay_index *ix, const char *key, long long *id) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_SPK_GET);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    int rc = hsix_bind_text(st, 1, key);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return 1;
    return rc == SQLITE_DONE ? 0 : hsix_fail(ix, rc, "finding a speaker");
}

static int S_insert(hearsay_index *ix, const hsix_name *n, int is_group,
                    long long *id) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_SPK_INSERT);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    int rc = hsix_bind_text(st, 1, n->key);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 2, n->display);
    if (rc == SQLITE_OK) rc = hsix_bind_text(st, 3, is_group ? NULL : n->surname);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(st, 4, n->words);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(st, 5, is_group ? 1 : 0);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "adding a speaker");
    *id = sqlite3_last_insert_rowid(ix->db);
    return HEARSAY_INDEX_OK;
}

int hsix_spk_upsert(hearsay_index *ix, const hsix_name *n, int is_group,
                    long long *id) {
    int found = S_find(ix, n->key, id);
    if (found < 0) return found;
    return found ? HEARSAY_INDEX_OK : S_insert(ix, n, is_group, id);
}

/* Runs statement q with (aid, sign), sign unbound when q takes one
 * parameter. */
static int S_article_sign(hearsay_index *ix, hsix_q q, long long aid, int sign) {
    sqlite3_stmt *st = hsix_stmt(ix, q);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    int rc = sqlite3_bind_int64(st, 1, aid);
    if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) > 1)
        rc = sqlite3_bind_int(st, 2, sign);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    return rc == SQLITE_OK ? HEARSAY_INDEX_OK
                           : hsix_fail(ix, rc, "counting speakers");
}

int hsix_spk_count(hearsay_index *ix, long long aid, int sign) {
    int rc = S_article_sign(ix, HSIX_Q_SPK_COUNT, aid, sign);
    if (!rc && sign > 0) rc = S_article_sign(ix, HSIX_Q_SPK_ROLES_ENSURE, aid, sign);
    return rc ? rc : S_article_sign(ix, HSIX_Q_SPK_ROLES_COUNT, aid, sign);
}

/* The full name a one-word surname merges into (*target, 0 for none). */
static int S_decide(hearsay_index *ix, const char *surname, long long *target) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_SPK_SURNAME_FULL);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    long long top = 0, top_n = 0, total = 0;
    int rc = hsix_bind_text(st, 1, surname);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long n = sqlite3_column_int64(st, 1);
        if (!top) top = sqlite3_column_int64(st, 0), top_n = n;
        total += n;
        rc = SQLITE_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return hsix_fail(ix, rc, "merging speaker names");
    *target = (top && top_n * 4 >= total * 3) ? top : 0;
    return HEARSAY_INDEX_OK;
}

static int S_merge_surname(hearsay_index *ix, const char *surname) {
    long long target = 0;
    int rc = S_decide(ix, surname, &target);
    if (rc) return rc;
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_SPK_SURNAME_SET);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    rc = hsix_bind_text(st, 1, surname);
    if (rc == SQLITE_OK)
        rc = target ? sqlite3_bind_int64(st, 2, target) : sqlite3_bind_null(st, 2);
    if (rc == SQLITE_OK) rc = hsix_step_done(st);
    return rc == SQLITE_OK ? HEARSAY_INDEX_OK
                           : hsix_fail(ix, rc, "merging speaker names");
}

/* The article's surnames, NUL-separated, into b. */
static int S_surnames(hearsay_index *ix, long long aid, hsix_buf *b) {
    sqlite3_stmt *st = hsix_stmt(ix, HSIX_Q_SPK_ARTICLE_SURNAMES);
    if (!st) return HEARSAY_INDEX_ESQLITE;
    int rc = sqlite3_bind_int64(st, 1, aid);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(st, 0);
        if (s) hsix_buf_put(b, s, strlen(s) + 1);
        rc = SQLITE_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return hsix_fail(ix, rc, "listing surnames");
    return b->oom ? hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory")
                  : HEARSAY_INDEX_OK;
}

int hsix_spk_merge_article(hearsay_index *ix, long long aid) {
    hsix_buf b = {0};
    int rc = S_surnames(ix, aid, &b);
    for (size_t i = 0; rc == HEARSAY_INDEX_OK && i < b.n; i += strlen(b.p + i) + 1)
        rc = S_merge_surname(ix, b.p + i);
    hsix_buf_free(&b);
    return rc;
}
