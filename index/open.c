/*
 * open.c -- the index handle: opening (and creating the schema), errors,
 * batches (transactions) and the fault-injection switches.
 *
 * The schema is documented in docs/INDEX.md; keep the two in step and raise
 * HEARSAY_INDEX_SCHEMA_VERSION (stored as PRAGMA user_version) on any
 * incompatible change.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

static const char S_schema[] =
    "CREATE TABLE IF NOT EXISTS articles(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc TEXT NOT NULL UNIQUE,\n"
    "  hash TEXT NOT NULL,\n"
    "  url TEXT, outlet TEXT, date TEXT, title TEXT,\n"
    "  length INTEGER NOT NULL,\n"
    "  bytes INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS articles_date ON articles(date);\n"
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);\n"
    "CREATE TABLE IF NOT EXISTS speakers(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL,\n"
    "  surname TEXT,\n"
    "  words INTEGER NOT NULL,\n"
    "  is_group INTEGER NOT NULL,\n"
    "  canonical INTEGER NOT NULL,\n"
    "  quotes INTEGER NOT NULL DEFAULT 0,\n"
    "  articles INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX IF NOT EXISTS speakers_surname ON speakers(surname, words);\n"
    "CREATE INDEX IF NOT EXISTS speakers_canonical ON speakers(canonical);\n"
    "CREATE TABLE IF NOT EXISTS speaker_roles(\n"
    "  speaker_id INTEGER NOT NULL REFERENCES speakers(id),\n"
    "  role TEXT NOT NULL,\n"
    "  articles INTEGER NOT NULL,\n"
    "  PRIMARY KEY(speaker_id, role)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS attributions(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),\n"
    "  seq INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  context TEXT NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,\n"
    "  spans TEXT NOT NULL, byte_spans TEXT NOT NULL,\n"
    "  speaker_id INTEGER REFERENCES speakers(id),\n"
    "  speaker_entity INTEGER, speaker_name TEXT, speaker_role TEXT,\n"
    "  speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,\n"
    "  speaker_byte_start INTEGER, speaker_byte_end INTEGER,\n"
    "  cue_text TEXT, cue_start INTEGER, cue_end INTEGER,\n"
    "  cue_byte_start INTEGER, cue_byte_end INTEGER,\n"
    "  addressee_id INTEGER REFERENCES speakers(id),\n"
    "  addressee_entity INTEGER, addressee_name TEXT, addressee_role TEXT,\n"
    "  addressee_text TEXT, addressee_start INTEGER, addressee_end INTEGER,\n"
    "  addressee_byte_start INTEGER, addressee_byte_end INTEGER,\n"
    "  date TEXT,\n"
    "  fp INTEGER);\n"
    "CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_id);\n"
    "CREATE INDEX IF NOT EXISTS attributions_speaker\n"
    "  ON attributions(speaker_id, article_id);\n"
    "CREATE TABLE IF NOT EXISTS mentions(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),\n"
    "  speaker_id INTEGER NOT NULL REFERENCES speakers(id),\n"
    "  entity INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);\n"
    "CREATE INDEX IF NOT EXISTS mentions_speaker ON mentions(speaker_id);\n"
    "CREATE INDEX IF NOT EXISTS attributions_fp\n"
    "  ON attributions(id, article_id, fp) WHERE fp IS NOT NULL;\n"
    "CREATE TABLE IF NOT EXISTS shingles(\n"
    "  attribution_id INTEGER NOT NULL REFERENCES attributions(id),\n"
    "  hash INTEGER NOT NULL,\n"
    "  PRIMARY KEY(attribution_id, hash)) WITHOUT ROWID;\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(text,\n"
    "  content='attributions', content_rowid='id',\n"
    "  tokenize='unicode61 remove_diacritics 2');\n"
    "CREATE TRIGGER IF NOT EXISTS attributions_ai AFTER INSERT ON attributions\n"
    "BEGIN INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END;\n"
    "CREATE TRIGGER IF NOT EXISTS attributions_ad AFTER DELETE ON attributions\n"
    "BEGIN INSERT INTO quote_fts(quote_fts, rowid, text)\n"
    "  VALUES ('delete', old.id, old.text); END;\n";

static const char S_pragmas[] =
    "PRAGMA journal_mode=WAL;\n"
    "PRAGMA synchronous=NORMAL;\n"
    "PRAGMA cache_size=-262144;\n" /* 256 MB */
    "PRAGMA temp_store=MEMORY;\n"
    "PRAGMA wal_autocheckpoint=16384;\n"; /* 64 MB: fewer fsyncs */

/* For every connection: read pages through a memory map. */
static const char S_read_pragmas[] = "PRAGMA mmap_size=1073741824;";

int hsix_ok(hearsay_index *ix) {
    ix->err[0] = '\0';
    ix->sqlite_code = 0;
    return HEARSAY_INDEX_OK;
}

int hsix_fail(hearsay_index *ix, int rc, const char *what) {
    const char *msg = ix->db ? sqlite3_errmsg(ix->db) : sqlite3_errstr(rc);
    if (ix->db && sqlite3_errcode(ix->db) == SQLITE_OK) msg = sqlite3_errstr(rc);
    snprintf(ix->err, sizeof ix->err, "%s: %s", what, msg);
    ix->sqlite_code = ix->db ? sqlite3_extended_errcode(ix->db) : rc;
    if (ix->sqlite_code == SQLITE_OK) ix->sqlite_code = rc;
    return (rc & 0xFF) == SQLITE_NOMEM ? HEARSAY_INDEX_ENOMEM
                                       : HEARSAY_INDEX_ESQLITE;
}

int hsix_error(hearsay_index *ix, int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ix->err, sizeof ix->err, fmt, ap);
    va_end(ap);
    ix->sqlite_code = 0;
    return code;
}

const char *hearsay_index_strerror(int status) {
    switch (status) {
    case HEARSAY_INDEX_OK: return "success";
    case HEARSAY_INDEX_ESQLITE: return "SQLite error";
    case HEARSAY_INDEX_ENOMEM: return "out of memory";
    case HEARSAY_INDEX_EINVAL: return "invalid argument";
    case HEARSAY_INDEX_ESCHEMA: return "not a hearsay index of this schema version";
    case HEARSAY_INDEX_ENOTFOUND: return "no such article";
    default: return "unknown status";
    }
}

const char *hearsay_index_errmsg(const hearsay_index *ix) {
    return ix ? ix->err : "out of memory";
}

int hearsay_index_sqlite_code(const hearsay_index *ix) {
    return ix ? ix->sqlite_code : SQLITE_NOMEM;
}

int hsix_exec(hearsay_index *ix, const char *sql) {
    int rc = sqlite3_exec(ix->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? HEARSAY_INDEX_OK : hsix_fail(ix, rc, sql);
}

/* ------------------------------------------------------ fault injection */

static long S_env_long(const char *name) {
    const char *v = getenv(name);
    if (!v || !*v) return -1;
    char *end;
    long n = strtol(v, &end, 10);
    return (*end || n < 0) ? -1 : n;
}

static void S_die(void) {
    raise(SIGKILL); /* exactly what kill -9 does: no cleanup at all */
}

void hsix_fault_after_add(hearsay_index *ix) {
    ix->batch_adds++;
    /* only inside an open transaction, so the kill always finds written,
     * uncommitted work */
    if (ix->abort_mid >= 0 && ix->commits == ix->abort_mid &&
        ix->batch_adds >= 1 && !sqlite3_get_autocommit(ix->db))
        S_die();
}

void hsix_fault_after_commit(hearsay_index *ix) {
    ix->commits++;
    if (ix->abort_after >= 0 && ix->commits == ix->abort_after) S_die();
}

/* ---------------------------------------------------------------- open */

/* Checks user_version: 0 (new file) gets the schema; ours is fine; any
 * other is refused. */
static int S_schema_check(hearsay_index *ix, unsigned flags) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(ix->db, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "reading the schema version");
    rc = sqlite3_step(st);
    int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "reading the schema version");
    if (version == HEARSAY_INDEX_SCHEMA_VERSION) return HEARSAY_INDEX_OK;
    if (version != 0 || (flags & HEARSAY_INDEX_READONLY))
        return hsix_error(ix, HEARSAY_INDEX_ESCHEMA,
                          "not a hearsay index of schema version %d "
                          "(the file says %d)",
                          HEARSAY_INDEX_SCHEMA_VERSION, version);
    return HEARSAY_INDEX_OK;
}

static int S_schema_create(hearsay_index *ix) {
    char sql[sizeof S_schema + 128];
    snprintf(sql, sizeof sql, "BEGIN IMMEDIATE;\n%sPRAGMA user_version=%d;\nCOMMIT;",
             S_schema, HEARSAY_INDEX_SCHEMA_VERSION);
    int rc = hsix_exec(ix, sql);
    if (rc != HEARSAY_INDEX_OK && !sqlite3_get_autocommit(ix->db) &&
        sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
        return hsix_fail(ix, SQLITE_ERROR, "undoing a failed schema creation");
    return rc;
}

static int S_setup(hearsay_index *ix, const char *path, unsigned flags) {
    int oflags = (flags & HEARSAY_INDEX_READONLY)
                     ? SQLITE_OPEN_READONLY
                     : SQLITE_OPEN_READWRITE |
                           ((flags & HEARSAY_INDEX_CREATE) ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &ix->db, oflags, NULL);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, path);
    sqlite3_extended_result_codes(ix->db, 1);
    rc = sqlite3_busy_timeout(ix->db, 10000);
    if (rc != SQLITE_OK) return hsix_fail(ix, rc, "setting the busy timeout");
    rc = hsix_exec(ix, S_read_pragmas);
    if (!rc && !(flags & HEARSAY_INDEX_READONLY)) rc = hsix_exec(ix, S_pragmas);
    if (rc) return rc;
    rc = S_schema_check(ix, flags);
    if (rc) return rc;
    return (flags & HEARSAY_INDEX_READONLY) ? HEARSAY_INDEX_OK
                                            : S_schema_create(ix);
}

int hearsay_index_open(const char *path, unsigned flags, hearsay_index **out) {
    *out = NULL;
    hearsay_index *ix = calloc(1, sizeof *ix);
    if (!ix) return HEARSAY_INDEX_ENOMEM;
    *out = ix;
    ix->abort_after = S_env_long("HEARSAY_INDEX_ABORT_AFTER");
    ix->abort_mid = S_env_long("HEARSAY_INDEX_ABORT_MID");
    if (!path)
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "no database path given");
    int rc = S_setup(ix, path, flags);
    return rc ? rc : hsix_ok(ix);
}

int hearsay_index_close(hearsay_index *ix) {
    if (!ix) return HEARSAY_INDEX_OK;
    int rc = SQLITE_OK;
    if (ix->db && !sqlite3_get_autocommit(ix->db))
        rc = sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < HSIX_Q_COUNT; i++) sqlite3_finalize(ix->stmt[i]);
    int crc = sqlite3_close(ix->db); /* a failed rollback is undone here */
    if (rc == SQLITE_OK) rc = crc;
    hsix_buf_free(&ix->out);
    hsix_buf_free(&ix->art);
    free(ix);
    return rc == SQLITE_OK ? HEARSAY_INDEX_OK : HEARSAY_INDEX_ESQLITE;
}

/* ------------------------------------------------------------- batches */

int hearsay_index_begin(hearsay_index *ix) {
    if (ix->in_batch)
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "a batch is already open");
    int rc = hsix_exec(ix, "BEGIN IMMEDIATE");
    if (rc) return rc;
    ix->in_batch = 1;
    ix->batch_adds = 0;
    return hsix_ok(ix);
}

int hearsay_index_commit(hearsay_index *ix) {
    if (!ix->in_batch)
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "no batch is open");
    int rc = hsix_exec(ix, "COMMIT");
    if (rc) return rc;
    ix->in_batch = 0;
    hsix_fault_after_commit(ix);
    return hsix_ok(ix);
}

int hearsay_index_rollback(hearsay_index *ix) {
    if (!ix->in_batch)
        return hsix_error(ix, HEARSAY_INDEX_EINVAL, "no batch is open");
    ix->in_batch = 0;
    int rc = hsix_exec(ix, "ROLLBACK");
    return rc ? rc : hsix_ok(ix);
}
