/*
 * ix_int.h -- internal structures of libhearsay_index. Never installed; not
 * API.
 *
 * Module prefixes (a name tells you the file):
 *   hsix_open_  open.c     handle, schema, pragmas, errors, fault injection
 *   hsix_stmt_  stmt.c     the prepared-statement cache and bind helpers
 *   hsix_buf_   buf.c      growable byte buffer, JSON strings
 *   hsix_name_  name.c     speaker-name normalisation
 *   hsix_spk_   speaker.c  speaker rows and cross-article merging
 *   hsix_fp_    fingerprint.c  normalised text and winnowed fingerprints
 *   write.c: check, add, delete; hit.c: rows -> hits; search.c, speakers.c,
 *   repeats.c, article.c: queries; json.c: JSON renderings.
 */
#ifndef HSIX_INT_H
#define HSIX_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "hearsay_index.h"

/* ------------------------------------------------------------ buffer */

typedef struct {
    char *p;
    size_t n, cap;
    int oom; /* set once an append failed; later appends are ignored */
} hsix_buf;

void hsix_buf_clear(hsix_buf *b);
void hsix_buf_free(hsix_buf *b);
void hsix_buf_put(hsix_buf *b, const char *s, size_t n);
void hsix_buf_puts(hsix_buf *b, const char *s);
void hsix_buf_printf(hsix_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string with its quotes, or null when s is NULL. */
void hsix_buf_json_str(hsix_buf *b, const char *s);
/* NUL-terminates; returns b->p, or NULL when out of memory. */
const char *hsix_buf_cstr(hsix_buf *b);

/* ---------------------------------------------------------- statements */

/* Every SQL statement the library runs, prepared once per handle. */
typedef enum {
    HSIX_Q_ARTICLE_GET,
    HSIX_Q_ARTICLE_INSERT,
    HSIX_Q_ARTICLE_DELETE,
    HSIX_Q_ATTR_INSERT,
    HSIX_Q_ATTR_DELETE,
    HSIX_Q_MENTION_INSERT,
    HSIX_Q_MENTION_DELETE,
    HSIX_Q_SHINGLE_INSERT,
    HSIX_Q_SHINGLE_DELETE,
    HSIX_Q_SPK_UNCOUNT,
    HSIX_Q_SPK_GET,
    HSIX_Q_SPK_INSERT,
    HSIX_Q_SPK_ROLES_ENSURE,
    HSIX_Q_SPK_ROLES_COUNT,
    HSIX_Q_SPK_COUNT,
    HSIX_Q_SPK_SURNAME_FULL,
    HSIX_Q_SPK_SURNAME_SET,
    HSIX_Q_SPK_ARTICLE_SURNAMES,
    HSIX_Q_COUNT
} hsix_q;

/* The prepared statement q (prepared on first use), reset and unbound; or
 * NULL with the error recorded on ix. */
sqlite3_stmt *hsix_stmt(hearsay_index *ix, hsix_q q);

/* Bind helpers: a NULL string or absent span binds SQL NULLs. All return
 * an SQLite result code. */
int hsix_bind_text(sqlite3_stmt *st, int i, const char *s);
int hsix_bind_textn(sqlite3_stmt *st, int i, const char *s, size_t n);
int hsix_bind_span(sqlite3_stmt *st, int i, int present,
                   const hearsay_span *sp); /* 4 params: start..byte_end */

/* Steps a statement that returns no row; SQLITE_DONE becomes SQLITE_OK. */
int hsix_step_done(sqlite3_stmt *st);

/* Runs SQL text with no parameters and no result rows. */
int hsix_exec(hearsay_index *ix, const char *sql);

/* --------------------------------------------------------------- handle */

struct hearsay_index {
    sqlite3 *db;
    sqlite3_stmt *stmt[HSIX_Q_COUNT];
    int sqlite_code;   /* of the last error */
    int in_batch;
    char err[512];     /* last error message */
    hsix_buf out;      /* JSON renderings */
    hsix_buf art;      /* hearsay_index_get_article()'s strings */
    /* fault injection: -1 when off */
    long abort_after;  /* SIGKILL after this many commits */
    long abort_mid;    /* SIGKILL inside the batch after this many commits */
    long commits;
    long batch_adds;   /* articles added in the open batch */
};

/* Records an SQLite failure (rc) while doing `what`: the message joins
 * `what` and sqlite3_errmsg(). Returns HEARSAY_INDEX_ESQLITE, or
 * HEARSAY_INDEX_ENOMEM for SQLITE_NOMEM. */
int hsix_fail(hearsay_index *ix, int rc, const char *what);
/* Records an error of ours (not SQLite's); returns code. */
int hsix_error(hearsay_index *ix, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Clears the last error; returns HEARSAY_INDEX_OK. */
int hsix_ok(hearsay_index *ix);

/* Called by the writer after an article's rows are written. */
void hsix_fault_after_add(hearsay_index *ix);
void hsix_fault_after_commit(hearsay_index *ix);

/* ------------------------------------------------------ speaker names */

#define HSIX_NAME_MAX 256

/* A person or group name reduced for matching. */
typedef struct {
    char key[HSIX_NAME_MAX];     /* "donald trump": lower case, no titles,
                                    no middle initials, no punctuation */
    char display[HSIX_NAME_MAX]; /* "Donald J. Trump": titles dropped */
    char surname[HSIX_NAME_MAX]; /* "trump" ("" for groups) */
    int words;                   /* words in key */
} hsix_name;

/* Normalises name (a person when !is_group). Returns 0 when the name is
 * empty, a pronoun or otherwise not a name to index, 1 otherwise. */
int hsix_name_norm(const char *name, int is_group, hsix_name *out);

/* ----------------------------------------------------------- speakers */

/* The speaker row for a normalised name, created when new. *id gets the
 * row id. */
int hsix_spk_upsert(hearsay_index *ix, const hsix_name *n, int is_group,
                    long long *id);
/* Adds (sign 1) or removes (sign -1) the attributions of article aid to or
 * from its speakers' counters (quotes, articles, and articles per role). */
int hsix_spk_count(hearsay_index *ix, long long aid, int sign);
/* Re-decides which full name each one-word name sharing a surname with a
 * speaker of article aid merges into. */
int hsix_spk_merge_article(hearsay_index *ix, long long aid);

/* -------------------------------------------------------- fingerprints */

/* 64-bit FNV-1a of s[0..n) (article text hashes, fingerprints). */
uint64_t hsix_fp_hash(const void *s, size_t n);

/* Fingerprints of a quotation for finding repeats: the hash of its whole
 * normalised text (lower case, letters and digits only, so "any time" and
 * "anytime" agree) and, when it is long enough, the winnowed hashes of its
 * K-character substrings. At most cap into out, the whole-text hash
 * first; returns how many (0 for text too short to be worth comparing). */
#define HSIX_FP_MIN 8  /* normalised characters, at least */
#define HSIX_FP_K 20   /* characters per shingle */
#define HSIX_FP_W 16   /* shingles per winnowing window */
/* A shingle shared by more than this many different quotations (distinct
 * whole-text hashes) is a common phrase, not a repeat: cluster.c ignores
 * it. */
#define HSIX_FP_HOT 8
size_t hsix_fp_compute(const char *text, int64_t *out, size_t cap);

/* One fingerprinted attribution and the group it belongs to. */
typedef struct {
    uint32_t root;   /* group */
    int32_t article; /* article row id */
    int32_t id;      /* attribution row id */
} hsix_item;

/* Groups the fingerprinted attributions into repeated quotations
 * (cluster.c). *items (the caller frees it) is sorted by root, article,
 * id. */
int hsix_cluster(hearsay_index *ix, hsix_item **items, size_t *n_items);

/* ------------------------------------------------------------ queries */

/* A hit read from a row whose first columns are HSIX_HIT_COLUMNS: strings
 * point into the statement's row (valid until its next step) and into
 * ctx. */
typedef struct {
    hearsay_index_hit hit;
    hearsay_span parts[64];
    long long attribution_id, article_id;
    hsix_buf ctx; /* in_context */
} hsix_hitrow;

#define HSIX_HIT_NCOLS 41 /* HSIX_HIT_COLUMNS plus a score column */
extern const char HSIX_HIT_COLUMNS[]; /* select list over a, r, c */
/* The speaker joins HSIX_HIT_COLUMNS needs, after a and r. */
#define HSIX_HIT_SPEAKERS                                                  \
    " LEFT JOIN speakers s ON s.id = a.speaker_id"                         \
    " LEFT JOIN speakers c ON c.id = s.canonical"
#define HSIX_HIT_FROM                                                      \
    "attributions a JOIN articles r ON r.id = a.article_id" HSIX_HIT_SPEAKERS
/* Reads the current row of st; the score is column HSIX_HIT_NCOLS - 1. */
int hsix_hit_read(hearsay_index *ix, sqlite3_stmt *st, hsix_hitrow *row);

/* A condition on attributions a: its speaker is counted under the same
 * speaker as the name bound by hsix_bind_speaker() (search.c). */
#define HSIX_SPEAKER_IN                                                    \
    "a.speaker_id IN (SELECT id FROM speakers WHERE canonical IN"          \
    " (SELECT canonical FROM speakers WHERE key IN (:pkey, :gkey) OR"      \
    " (surname = :surname AND NOT EXISTS"                                  \
    " (SELECT 1 FROM speakers WHERE key IN (:pkey, :gkey)))))"
int hsix_bind_speaker(sqlite3_stmt *st, const char *name);

/* Renders a hit as one JSON object into b (no newline). */
void hsix_json_hit(hsix_buf *b, const hearsay_index_hit *h);

#endif /* HSIX_INT_H */
