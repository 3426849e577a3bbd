/*
 * serve.h -- `hearsay serve`: a local web app over an index, on GNU
 * libmicrohttpd. Internal to the command.
 *
 * Module prefixes (a name tells you the file):
 *   sv_pool_  serve_pool.c   read-only index handles, one per busy thread
 *   sv_req_   serve_http.c   requests: routing, parameters, replies
 *   sv_api_   serve_api.c    JSON endpoints (/api/...)
 *   sv_page_  serve_pages.c  HTML pages (search, speakers, repeats, article)
 *   sv_svg_   serve_svg.c    the speaker timeline as inline SVG
 *   sv_       serve_util.c   escaping for HTML, URLs and JSON
 *
 * Threads: the daemon runs a pool of threads; each request runs on one and
 * borrows one index handle from the pool for its duration (a
 * hearsay_index belongs to one thread at a time). The model is shared.
 */
#ifndef HEARSAY_CLI_SERVE_H
#define HEARSAY_CLI_SERVE_H

#include <pthread.h>
#include <stddef.h>

#include "cli.h"
#include "hearsay.h"
#include "hearsay_index.h"

/* Limits on what a request may ask. */
enum {
    SV_MAX_PARAM = 256,     /* bytes in one parameter value */
    SV_MAX_DOC = 512,       /* bytes in a document id */
    SV_DEFAULT_LIMIT = 20,  /* results when ?limit= is absent */
    SV_MAX_LIMIT = 200,     /* results in one reply */
    SV_MAX_TOP = 1000,      /* speakers in one reply */
    SV_SPEAKER_HITS = 2000, /* attributions read for a speaker's timeline */
    SV_MAX_ARTICLE = 16 << 20
};

/* ---------------------------------------------------------------- pool */

/* A handle on the database: the index API plus one statement of our own
 * for an article's stored text. */
typedef struct sv_conn sv_conn;

typedef struct {
    const char *path;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    sv_conn **free_list; /* idle handles */
    size_t n_free, n_open, max;
} sv_pool;

/* Opens one handle to check the database, keeps it idle. 0, or -1 with a
 * message in err. */
int sv_pool_init(sv_pool *p, const char *path, size_t max, char *err, size_t errlen);
void sv_pool_destroy(sv_pool *p);

/* Borrows a handle (opening one, or waiting for one when max are busy);
 * NULL when opening failed. */
sv_conn *sv_pool_get(sv_pool *p);
void sv_pool_put(sv_pool *p, sv_conn *c);

hearsay_index *sv_conn_index(sv_conn *c);

/* An article as stored, copied out of the database (so no read
 * transaction stays open): strings point into buf. Zero-initialise; free
 * with sv_article_free(). */
typedef struct {
    const char *text; /* may hold NUL bytes: len says how long */
    size_t len;
    const char *title, *url, *outlet, *date; /* NULL when not stored */
    cli_buf buf;
} sv_article;

/* Reads article doc into *out: 1 found, 0 not found, -1 error. */
int sv_conn_article(sv_conn *c, const char *doc, sv_article *out);
void sv_article_free(sv_article *a);

/* ------------------------------------------------------------ requests */

typedef struct sv_req sv_req;

/* The server's shared state. */
typedef struct {
    sv_pool pool;
    const hearsay_model *model;
} sv_server;

/* A request's parameter, validated: NULL when absent or empty. On a bad
 * value the reply becomes 400 with a message and the call returns -1. */
int sv_req_text(sv_req *r, const char *name, size_t max, const char **out);
/* Checks a value from elsewhere (the path): at most max bytes of UTF-8
 * text; what names it in the message. 0, or -1 after a 400. */
int sv_req_check(sv_req *r, const char *what, const char *v, size_t max);
int sv_req_date(sv_req *r, const char *name, const char **out);
int sv_req_int(sv_req *r, const char *name, int lo, int hi, int def, int *out);

/* Rejects parameters not in the NULL-terminated list; -1 after a 400. */
int sv_req_only(sv_req *r, const char *const *allowed);

/* The rest of the path after a route's prefix ("" when none). */
const char *sv_req_tail(sv_req *r);

/* The reply body, and its status and type (200, text/html by default). */
cli_buf *sv_req_body(sv_req *r);
void sv_req_json(sv_req *r);

/* Replaces the reply with an error page or JSON error; returns -1. */
int sv_req_fail(sv_req *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Replies 500 with the index's message. Returns -1. */
int sv_req_index_fail(sv_req *r, hearsay_index *ix);

sv_server *sv_req_server(sv_req *r);
sv_conn *sv_req_conn(sv_req *r); /* borrowed from the pool on first use */

/* The search parameters q, speaker, since, until, outlet, limit, validated
 * into *q (strings borrowed from the request). -1 after a 400. */
int sv_req_query(sv_req *r, hearsay_index_query *q);

/* The JSON and page handlers. */
void sv_api_search(sv_req *r);
void sv_api_speakers(sv_req *r);
void sv_api_article(sv_req *r);
void sv_api_repeats(sv_req *r);
void sv_page_search(sv_req *r);
void sv_page_speakers(sv_req *r);
void sv_page_speaker(sv_req *r);
void sv_page_repeats(sv_req *r);
void sv_page_article(sv_req *r);

/* A whole page that says msg (an error page), into b. */
void sv_page_message(cli_buf *b, int status, const char *msg);

/* Answers one request: used by the daemon's handler. */
struct MHD_Connection;
int sv_req_answer(sv_server *s, struct MHD_Connection *c, const char *url, const char *method);

/* Extracts an article stored in the index into d: 1 found, 0 not found
 * (reply already 404), -1 failed (reply already set). *a gets the stored
 * fields. */
int sv_extract_article(sv_req *r, const char *doc, hearsay_doc *d, sv_article *a);

/* ---------------------------------------------------------------- SVG */

/* A bar chart of attributions per month from the "YYYY-MM..." dates given
 * (NULL entries are counted as undated). */
void sv_svg_timeline(cli_buf *b, const char *const *dates, size_t n);

/* ------------------------------------------------------------- escaping */

void sv_html(cli_buf *b, const char *s);        /* HTML text/attribute */
void sv_url(cli_buf *b, const char *s);         /* a query-string value */
void sv_json(cli_buf *b, const char *s);        /* a JSON string, quoted; null for NULL */

#endif
