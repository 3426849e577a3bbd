/*
 * hearsay_index.h -- the quotation index: a corpus of articles and their
 * attributions in one SQLite database, searchable by words, speaker, outlet
 * and date.
 *
 * This is the only public header of libhearsay_index, and it is the
 * reference: anything not declared here is not API. The database schema is
 * documented in docs/INDEX.md; any SQLite tool can read the file.
 *
 * Usage, in short (checking every status is left out here, not in code):
 *
 *     hearsay_index *ix;
 *     if (hearsay_index_open("quotes.db", HEARSAY_INDEX_CREATE, &ix) != 0)
 *         ... hearsay_index_errmsg(ix) says why; hearsay_index_close(ix) ...
 *     hearsay_index_begin(ix);                    one batch = one transaction
 *     for each article:
 *         hearsay_index_check(ix, doc, text, len, &state);
 *         if (state != HEARSAY_INDEX_SAME) {
 *             hearsay_extract(model, text, len, &opts, d);
 *             hearsay_index_add(ix, &info, text, len, d);
 *         }
 *     hearsay_index_commit(ix);
 *     hearsay_index_close(ix);
 *
 * Errors: every function returns an int status, HEARSAY_INDEX_OK (0) or a
 * negative HEARSAY_INDEX_E* code. After an error, hearsay_index_errmsg()
 * gives a message that includes SQLite's own (sqlite3_errmsg()) when SQLite
 * failed, and hearsay_index_sqlite_code() SQLite's extended result code.
 * The library never prints.
 *
 * Durability: the database runs in WAL mode. Everything between
 * hearsay_index_begin() and hearsay_index_commit() is one transaction: a
 * crash (kill -9, power loss) at any moment leaves the file consistent, with
 * every committed batch in it and nothing of the uncommitted one. Indexing
 * the same input again then completes the work: articles already present
 * with the same text are skipped (HEARSAY_INDEX_SAME), so nothing is doubled.
 *
 * Threads: a hearsay_index handle belongs to one thread at a time. Any
 * number of handles (in any number of processes) may read one database
 * while one handle writes it.
 *
 * Memory: strings and structs handed to callbacks are valid only during the
 * callback. Strings returned by hearsay_index_*_json() are owned by the
 * handle and valid until the next call on it.
 *
 * Fault injection (for crash tests; off unless set in the environment when
 * hearsay_index_open() runs):
 *   HEARSAY_INDEX_ABORT_AFTER=N  the process kills itself with SIGKILL right
 *                                after its N-th hearsay_index_commit().
 *   HEARSAY_INDEX_ABORT_MID=N    after N commits, the process kills itself
 *                                with SIGKILL inside the next batch, once
 *                                one article of it has been written but not
 *                                committed.
 */
#ifndef HEARSAY_INDEX_H
#define HEARSAY_INDEX_H

#include <stddef.h>

#include "hearsay.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------- status */

enum {
    HEARSAY_INDEX_OK = 0,
    HEARSAY_INDEX_ESQLITE = -1, /* SQLite failed; see hearsay_index_errmsg() */
    HEARSAY_INDEX_ENOMEM = -2,  /* out of memory */
    HEARSAY_INDEX_EINVAL = -3,  /* invalid argument (message says which) */
    HEARSAY_INDEX_ESCHEMA = -4, /* not a hearsay index, or a newer schema */
    HEARSAY_INDEX_ENOTFOUND = -5 /* no such article */
};

/* A static name for a status code ("SQLite error", ...). Never NULL. The
 * details of the last error are in hearsay_index_errmsg(). */
HEARSAY_API const char *hearsay_index_strerror(int status);

/* The version of the database schema this library writes and reads. */
#define HEARSAY_INDEX_SCHEMA_VERSION 2

/* ------------------------------------------------------------- handle */

typedef struct hearsay_index hearsay_index;

/* Flags for hearsay_index_open(). */
#define HEARSAY_INDEX_READONLY (1u << 0) /* open read-only (query only) */
#define HEARSAY_INDEX_CREATE (1u << 1)   /* create the file if missing */

/* Opens (and with HEARSAY_INDEX_CREATE creates) the index at path. Like
 * sqlite3_open_v2(), *out is set to a handle even when opening fails (unless
 * memory ran out, when it is NULL), so that hearsay_index_errmsg() can say
 * why; the caller closes it in both cases. */
HEARSAY_API int hearsay_index_open(const char *path, unsigned flags, hearsay_index **out);

/* Closes the handle, rolling back an open batch. NULL is a harmless no-op.
 * Returns HEARSAY_INDEX_OK or HEARSAY_INDEX_ESQLITE (the handle is freed in
 * both cases). */
HEARSAY_API int hearsay_index_close(hearsay_index *ix);

/* The message of the last error on ix ("" after success, or "out of memory"
 * when ix is NULL). Valid until the next call on ix. */
HEARSAY_API const char *hearsay_index_errmsg(const hearsay_index *ix);

/* SQLite's extended result code of the last error (0 when the last error
 * was not SQLite's). */
HEARSAY_API int hearsay_index_sqlite_code(const hearsay_index *ix);

/* --------------------------------------------------------------- write */

/* Starts a batch: one transaction, committed by hearsay_index_commit(). */
HEARSAY_API int hearsay_index_begin(hearsay_index *ix);

/* Commits the batch started by hearsay_index_begin(). */
HEARSAY_API int hearsay_index_commit(hearsay_index *ix);

/* Abandons the open batch (nothing of it is kept). */
HEARSAY_API int hearsay_index_rollback(hearsay_index *ix);

/* What hearsay_index_check() finds for a document. */
enum {
    HEARSAY_INDEX_NEW = 0,     /* no article with this id */
    HEARSAY_INDEX_SAME = 1,    /* the same id with the same text: skip it */
    HEARSAY_INDEX_CHANGED = 2  /* the same id with other text: re-add it */
};

/* Looks up document doc (its id, NUL-terminated) and compares the stored
 * text's hash with text[0..len); *state gets HEARSAY_INDEX_NEW, _SAME or
 * _CHANGED. Call it before extracting, to skip work already done. */
HEARSAY_API int hearsay_index_check(hearsay_index *ix, const char *doc, const char *text,
                        size_t len, int *state);

/* Adds one article and the attributions hearsay_extract() found in it to the
 * open batch, replacing every row of an article with the same id (info->doc,
 * required). text/len must be what was given to hearsay_extract(). The
 * article's date is info->date, else hearsay_doc_date(d); its outlet is
 * info->outlet, else the host name of info->url ("www." dropped). */
HEARSAY_API int hearsay_index_add(hearsay_index *ix, const hearsay_docinfo *info,
                      const char *text, size_t len, const hearsay_doc *d);

/* An article's attributions and entities as plain arrays, for callers that
 * have them from elsewhere than a hearsay_doc (another extractor, a stored
 * JSON Lines file, a test). Spans index text as in hearsay.h. */
typedef struct {
    const hearsay_attribution *attrs; /* in document order */
    size_t n_attrs;
    const hearsay_entity *ents; /* attrs[i].entity indexes this */
    size_t n_ents;
    const char *date; /* article date "YYYY-MM-DD", or NULL */
} hearsay_index_record;

/* Like hearsay_index_add(), from a record instead of a hearsay_doc. */
HEARSAY_API int hearsay_index_add_record(hearsay_index *ix, const hearsay_docinfo *info,
                             const char *text, size_t len,
                             const hearsay_index_record *r);

/* --------------------------------------------------------------- query */

/* Counts; the same input indexed any number of times gives the same. */
typedef struct {
    long long articles;     /* articles */
    long long attributions; /* attributions */
    long long speakers;     /* distinct speakers (after merging names) */
    long long mentions;     /* speaker mentions */
} hearsay_index_stats;

HEARSAY_API int hearsay_index_get_stats(hearsay_index *ix, hearsay_index_stats *out);

/* A mention of a speaker or addressee in a hit. */
typedef struct {
    int present;       /* 0: none (the other fields are empty) */
    hearsay_span span; /* in the article */
    const char *text;  /* as written */
    const char *name;  /* the entity's fullest name in the article, or NULL */
    const char *role;  /* role or title in the article, or NULL */
    int entity;        /* entity index within the article, or -1 */
} hearsay_index_mention;

/* One attribution as stored, with its article. */
typedef struct {
    const char *doc, *url, *outlet, *title;
    const char *article_date;   /* the article's date, or NULL */
    const char *kind;           /* "direct", "mixed", "indirect" */
    const char *context;        /* "body", "embedded-post" */
    const char *text;           /* content; parts joined by " … " */
    hearsay_span content;       /* whole extent */
    const hearsay_span *parts;  /* content parts */
    size_t n_parts;
    hearsay_index_mention speaker, cue, addressee;
    const char *speaker_canonical; /* the speaker's name across the corpus */
    const char *date;           /* when it was said, or NULL */
    const char *in_context;     /* the content with text around it (its
                                   paragraph, clipped to about 300 bytes) */
    double score;               /* bm25 (lower is better); 0 with no query */
} hearsay_index_hit;

/* What to search for; every field may be NULL/0. Fill it with
 * hearsay_index_query_init() first so later fields get defaults. */
typedef struct {
    const char *match;   /* words; every word must occur (FTS5, prefix "w*"
                            allowed); results ranked with bm25 */
    const char *speaker; /* speaker name, any variant ("Trump") */
    const char *since;   /* article date >= "YYYY-MM-DD" */
    const char *until;   /* article date <= "YYYY-MM-DD" */
    const char *outlet;  /* outlet, exactly */
    int limit;           /* at most this many hits; default 20 */
    const char *doc;     /* only this article (its attributions in order) */
} hearsay_index_query;

HEARSAY_API void hearsay_index_query_init(hearsay_index_query *q);

/* Called once per result; return nonzero to stop early (not an error). */
typedef int (*hearsay_index_hit_fn)(void *ctx, const hearsay_index_hit *h);

/* Runs q, calling fn for each hit, best first (newest first when there is
 * no q->match). */
HEARSAY_API int hearsay_index_search(hearsay_index *ix, const hearsay_index_query *q,
                         hearsay_index_hit_fn fn, void *ctx);

/* An article as stored. */
typedef struct {
    const char *doc, *url, *outlet, *date, *title; /* NULL when absent */
    const char *text; /* the text as indexed (NUL-terminated) */
    size_t len;       /* its length in bytes */
} hearsay_index_article;

/* Reads article doc into *out (strings owned by ix, valid until the next
 * call on it): HEARSAY_INDEX_OK, or HEARSAY_INDEX_ENOTFOUND. With the text
 * a caller can extract and render the article again (the web app's view). */
HEARSAY_API int hearsay_index_get_article(hearsay_index *ix, const char *doc,
                                          hearsay_index_article *out);

/* How often a speaker was quoted per month (of the article date). */
typedef int (*hearsay_index_month_fn)(void *ctx, const char *month, /* "YYYY-MM" */
                                      long long quotes);

/* Calls fn for each month, oldest first, with the attributions of speaker
 * (any form of the name, as in hearsay_index_query.speaker) in articles of
 * that month; articles without a date are not counted. */
HEARSAY_API int hearsay_index_timeline(hearsay_index *ix, const char *speaker,
                                       hearsay_index_month_fn fn, void *ctx);

/* A speaker across the corpus. */
typedef struct {
    const char *name; /* the canonical name */
    const char *role; /* the role given in most articles, or NULL */
    int is_group;
    long long quotes;   /* attributions */
    long long articles; /* articles quoting them */
} hearsay_index_speaker;

typedef int (*hearsay_index_speaker_fn)(void *ctx,
                                        const hearsay_index_speaker *s);

/* The top speakers (top <= 0: all), most quoted first. */
HEARSAY_API int hearsay_index_speakers(hearsay_index *ix, int top,
                           hearsay_index_speaker_fn fn, void *ctx);

/* A quotation printed in several articles: its members ordered by article
 * date (then id), so members[0] is the first appearance. */
typedef struct {
    size_t n_articles;
    size_t n_members;
    const hearsay_index_hit *members;
} hearsay_index_repeat;

typedef int (*hearsay_index_repeat_fn)(void *ctx,
                                       const hearsay_index_repeat *r);

/* Groups direct and mixed quotations that occur in at least min_articles
 * (>= 2) articles, also when their wording differs slightly (spacing,
 * punctuation, case, "any time"/"anytime", a quote trimmed or extended):
 * they share a winnowed fingerprint of their normalised text. Calls fn for
 * at most limit groups (<= 0: all), most widely printed first. */
HEARSAY_API int hearsay_index_repeats(hearsay_index *ix, int min_articles, int limit,
                          hearsay_index_repeat_fn fn, void *ctx);

/* ---------------------------------------------------------------- JSON */

/* One JSON object (no newline) for a hit: the fields of `hearsay extract
 * --format jsonl` in its order and form (doc, kind, context, text, start,
 * end, spans, byte_spans, speaker, cue, addressee, speaker_name when the
 * speaker was resolved without a mention, date, url, outlet, article_date)
 * plus speaker.canonical (or speaker_canonical), title, in_context and
 * score. */
HEARSAY_API int hearsay_index_hit_json(hearsay_index *ix, const hearsay_index_hit *h,
                           const char **out, size_t *out_len);

/* {"name":..,"role":..,"is_group":..,"quotes":N,"articles":N} */
HEARSAY_API int hearsay_index_speaker_json(hearsay_index *ix,
                               const hearsay_index_speaker *s,
                               const char **out, size_t *out_len);

/* {"articles":N,"quotes":N,"first":HIT,"members":[HIT...]} */
HEARSAY_API int hearsay_index_repeat_json(hearsay_index *ix,
                              const hearsay_index_repeat *r,
                              const char **out, size_t *out_len);

/* {"articles":N,"attributions":N,"speakers":N,"mentions":N} */
HEARSAY_API int hearsay_index_stats_json(hearsay_index *ix, const hearsay_index_stats *s,
                             const char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif /* HEARSAY_INDEX_H */
