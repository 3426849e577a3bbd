/*
 * speakers.c -- the most-quoted speakers, a speaker's timeline, and the
 * index's counts.
 */
#include "ix_int.h"

/* Names grouped under their canonical row; the role (the one given in
 * most articles) and the article count (exact, over every name of the
 * speaker) are computed only for the rows returned. */
static const char S_speakers_sql[] =
    "SELECT t.name,"
    " (SELECT role FROM speaker_roles WHERE articles > 0 AND speaker_id IN"
    "  (SELECT id FROM speakers WHERE canonical = t.cid)"
    "  GROUP BY role ORDER BY sum(articles) DESC, role LIMIT 1),"
    " t.is_group, t.quotes,"
    " (SELECT count(DISTINCT a.article_id) FROM attributions a WHERE"
    "  a.speaker_id IN (SELECT id FROM speakers WHERE canonical = t.cid))"
    " FROM (SELECT c.id AS cid, c.name, c.is_group,"
    "  sum(s.quotes) AS quotes FROM speakers s JOIN speakers c"
    "  ON c.id = s.canonical WHERE s.quotes > 0 GROUP BY c.id"
    "  ORDER BY quotes DESC, c.name, c.id LIMIT ?1) t"
    " ORDER BY t.quotes DESC, t.name, t.cid";

static const char S_stats_sql[] =
    "SELECT (SELECT count(*) FROM articles),"
    " (SELECT count(*) FROM attributions),"
    " (SELECT count(DISTINCT canonical) FROM speakers WHERE quotes > 0),"
    " (SELECT count(*) FROM mentions)";

static void S_read_speaker(sqlite3_stmt *st, hearsay_index_speaker *s) {
    s->name = (const char *)sqlite3_column_text(st, 0);
    s->role = (const char *)sqlite3_column_text(st, 1);
    s->is_group = sqlite3_column_int(st, 2);
    s->quotes = sqlite3_column_int64(st, 3);
    s->articles = sqlite3_column_int64(st, 4);
}

int hearsay_index_speakers(hearsay_index *ix, int top,
                           hearsay_index_speaker_fn fn, void *ctx) {
    if (!fn) return hsix_error(ix, HEARSAY_INDEX_EINVAL, "speakers: no callback");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, S_speakers_sql, -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(st, 1, top > 0 ? top : -1);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        hearsay_index_speaker s;
        S_read_speaker(st, &s);
        rc = fn(ctx, &s) ? SQLITE_DONE : SQLITE_OK;
    }
    int status = rc == SQLITE_DONE ? hsix_ok(ix) : hsix_fail(ix, rc, "listing speakers");
    sqlite3_finalize(st);
    return status;
}

int hearsay_index_get_stats(hearsay_index *ix, hearsay_index_stats *out) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, S_stats_sql, -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->articles = sqlite3_column_int64(st, 0);
        out->attributions = sqlite3_column_int64(st, 1);
        out->speakers = sqlite3_column_int64(st, 2);
        out->mentions = sqlite3_column_int64(st, 3);
        rc = SQLITE_DONE;
    }
    int status = rc == SQLITE_DONE ? hsix_ok(ix) : hsix_fail(ix, rc, "counting");
    sqlite3_finalize(st);
    return status;
}

static const char S_timeline_sql[] =
    "SELECT substr(r.date, 1, 7) AS month, count(*) FROM attributions a"
    " JOIN articles r ON r.id = a.article_id WHERE r.date IS NOT NULL AND "
    HSIX_SPEAKER_IN " GROUP BY month ORDER BY month";

int hearsay_index_timeline(hearsay_index *ix, const char *speaker,
                           hearsay_index_month_fn fn, void *ctx) {
    if (!speaker || !fn)
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "timeline: no speaker");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, S_timeline_sql, -1, &st, NULL);
    if (rc == SQLITE_OK) rc = hsix_bind_speaker(st, speaker);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *month = (const char *)sqlite3_column_text(st, 0);
        rc = fn(ctx, month ? month : "", sqlite3_column_int64(st, 1)) ? SQLITE_DONE
                                                                       : SQLITE_OK;
    }
    int status = rc == SQLITE_DONE ? hsix_ok(ix) : hsix_fail(ix, rc, "timeline");
    sqlite3_finalize(st);
    return status;
}
