/*
 * stmt.c -- every SQL statement of the library, prepared once per handle
 * and reused; all values go in as bound parameters, never as SQL text.
 */
#include "ix_int.h"

static const char *const S_sql[HSIX_Q_COUNT] = {
    [HSIX_Q_ARTICLE_GET] = "SELECT id, hash, bytes FROM articles WHERE doc = ?1",
    [HSIX_Q_ARTICLE_INSERT] =
        "INSERT INTO articles(doc, hash, url, outlet, date, title, length,"
        " bytes, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [HSIX_Q_ARTICLE_DELETE] = "DELETE FROM articles WHERE id = ?1",
    [HSIX_Q_ATTR_INSERT] =
        "INSERT INTO attributions(article_id, seq, kind, context, text,"
        " start, end, byte_start, byte_end, spans, byte_spans,"
        " speaker_id, speaker_entity, speaker_name, speaker_role,"
        " speaker_text, speaker_start, speaker_end, speaker_byte_start,"
        " speaker_byte_end, cue_text, cue_start, cue_end, cue_byte_start,"
        " cue_byte_end, addressee_id, addressee_entity, addressee_name,"
        " addressee_role, addressee_text, addressee_start, addressee_end,"
        " addressee_byte_start, addressee_byte_end, date, fp) VALUES (?1, ?2, ?3,"
        " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
        " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32,"
        " ?33, ?34, ?35, ?36)",
    [HSIX_Q_ATTR_DELETE] = "DELETE FROM attributions WHERE article_id = ?1",
    [HSIX_Q_MENTION_INSERT] =
        "INSERT INTO mentions(article_id, speaker_id, entity, text, start, end,"
        " byte_start, byte_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [HSIX_Q_MENTION_DELETE] = "DELETE FROM mentions WHERE article_id = ?1",
    [HSIX_Q_SHINGLE_INSERT] =
        "INSERT OR IGNORE INTO shingles(attribution_id, hash) VALUES (?1, ?2)",
    [HSIX_Q_SHINGLE_DELETE] =
        "DELETE FROM shingles WHERE attribution_id IN"
        " (SELECT id FROM attributions WHERE article_id = ?1)",
    [HSIX_Q_SPK_GET] = "SELECT id FROM speakers WHERE key = ?1",
    [HSIX_Q_SPK_INSERT] =
        "INSERT INTO speakers(key, name, surname, words, is_group, canonical)"
        " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(id), 0) + 1 FROM speakers))",
    [HSIX_Q_SPK_ROLES_ENSURE] =
        "INSERT INTO speaker_roles(speaker_id, role, articles) SELECT DISTINCT"
        " speaker_id, speaker_role, 0 FROM attributions WHERE article_id = ?1"
        " AND speaker_id IS NOT NULL AND speaker_role IS NOT NULL"
        " ON CONFLICT DO NOTHING",
    [HSIX_Q_SPK_ROLES_COUNT] =
        "UPDATE speaker_roles SET articles = articles + ?2 WHERE (speaker_id, role)"
        " IN (SELECT speaker_id, speaker_role FROM attributions WHERE"
        " article_id = ?1 AND speaker_role IS NOT NULL)",
    [HSIX_Q_SPK_COUNT] =
        "UPDATE speakers SET quotes = quotes + ?2 * (SELECT count(*) FROM"
        " attributions WHERE article_id = ?1 AND speaker_id = speakers.id),"
        " articles = articles + ?2 WHERE id IN (SELECT speaker_id FROM"
        " attributions WHERE article_id = ?1)",
    [HSIX_Q_SPK_ARTICLE_SURNAMES] =
        "SELECT DISTINCT s.surname FROM attributions a JOIN speakers s"
        " ON s.id = a.speaker_id WHERE a.article_id = ?1 AND s.is_group = 0",
    [HSIX_Q_SPK_SURNAME_FULL] =
        "SELECT id, articles FROM speakers WHERE surname = ?1 AND words > 1"
        " AND is_group = 0 AND articles > 0 ORDER BY articles DESC, id",
    [HSIX_Q_SPK_SURNAME_SET] =
        "UPDATE speakers SET canonical = coalesce(?2, id) WHERE surname = ?1"
        " AND words = 1 AND is_group = 0",
};

sqlite3_stmt *hsix_stmt(hearsay_index *ix, hsix_q q) {
    sqlite3_stmt *st = ix->stmt[q];
    if (!st) {
        int rc = sqlite3_prepare_v3(ix->db, S_sql[q], -1,
                                    SQLITE_PREPARE_PERSISTENT, &st, NULL);
        if (rc != SQLITE_OK) {
            hsix_fail(ix, rc, "preparing a statement");
            return NULL;
        }
        ix->stmt[q] = st;
        return st;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

int hsix_bind_text(sqlite3_stmt *st, int i, const char *s) {
    return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT)
             : sqlite3_bind_null(st, i);
}

int hsix_bind_textn(sqlite3_stmt *st, int i, const char *s, size_t n) {
    return s ? sqlite3_bind_text64(st, i, s, n, SQLITE_TRANSIENT, SQLITE_UTF8)
             : sqlite3_bind_null(st, i);
}

int hsix_bind_span(sqlite3_stmt *st, int i, int present,
                   const hearsay_span *sp) {
    const size_t v[4] = {sp->start, sp->end, sp->byte_start, sp->byte_end};
    int rc = SQLITE_OK;
    for (int k = 0; k < 4 && rc == SQLITE_OK; k++)
        rc = present ? sqlite3_bind_int64(st, i + k, (sqlite3_int64)v[k])
                     : sqlite3_bind_null(st, i + k);
    return rc;
}

int hsix_step_done(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
