/*
 * serve_pool.c -- read-only database handles for the request threads.
 *
 * Each handle is a hearsay_index opened with HEARSAY_INDEX_READONLY, plus a
 * read-only SQLite connection of our own for the one thing the index API
 * does not offer: an article's stored text (articles.text, by doc; the
 * statement is prepared once and its value bound). Handles are opened on
 * demand up to the pool's size and kept for reuse.
 */
#include "serve.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sv_conn {
    hearsay_index *ix;
    sqlite3 *db;
    sqlite3_stmt *article;
};

static const char S_article_sql[] =
    "SELECT text, title, url, outlet, date FROM articles WHERE doc = ?1";

static void S_conn_close(sv_conn *c) {
    if (!c) return;
    sqlite3_finalize(c->article);
    sqlite3_close(c->db);
    hearsay_index_close(c->ix);
    free(c);
}

/* Opens a handle; NULL with a message in err on failure. */
static sv_conn *S_conn_open(const char *path, char *err, size_t errlen) {
    sv_conn *c = cli_xrealloc(NULL, sizeof *c);
    memset(c, 0, sizeof *c);
    if (hearsay_index_open(path, HEARSAY_INDEX_READONLY, &c->ix)) {
        snprintf(err, errlen, "%s", hearsay_index_errmsg(c->ix));
        S_conn_close(c);
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(c->db, 5000);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(c->db, S_article_sql, -1, &c->article, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
        S_conn_close(c);
        return NULL;
    }
    return c;
}

int sv_pool_init(sv_pool *p, const char *path, size_t max, char *err, size_t errlen) {
    /* Without memory statistics SQLite's allocator takes no global mutex,
     * which the request threads would otherwise contend for. Only possible
     * before SQLite initialises; harmless (SQLITE_MISUSE) after. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    memset(p, 0, sizeof *p);
    p->path = path;
    p->max = max ? max : 1;
    p->free_list = cli_xrealloc(NULL, p->max * sizeof *p->free_list);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    sv_conn *c = S_conn_open(path, err, errlen);
    if (!c) return -1;
    p->n_open = 1;
    p->free_list[p->n_free++] = c;
    return 0;
}

void sv_pool_destroy(sv_pool *p) {
    for (size_t i = 0; i < p->n_free; i++) S_conn_close(p->free_list[i]);
    free(p->free_list);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    memset(p, 0, sizeof *p);
}

sv_conn *sv_pool_get(sv_pool *p) {
    pthread_mutex_lock(&p->mu);
    while (!p->n_free && p->n_open >= p->max) pthread_cond_wait(&p->cv, &p->mu);
    sv_conn *c = p->n_free ? p->free_list[--p->n_free] : NULL;
    if (!c) p->n_open++; /* reserve the slot, open outside the lock */
    pthread_mutex_unlock(&p->mu);
    if (c) return c;
    char err[512];
    c = S_conn_open(p->path, err, sizeof err);
    if (!c) {
        cli_error("%s", err);
        pthread_mutex_lock(&p->mu);
        p->n_open--;
        pthread_cond_signal(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    return c;
}

void sv_pool_put(sv_pool *p, sv_conn *c) {
    if (!c) return;
    pthread_mutex_lock(&p->mu);
    p->free_list[p->n_free++] = c;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

hearsay_index *sv_conn_index(sv_conn *c) { return c->ix; }

/* Copies column i into a's buffer; its offset, or -1 for NULL. */
static long S_keep(sv_article *a, sqlite3_stmt *st, int i) {
    const void *v = sqlite3_column_blob(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    if (!v && sqlite3_column_type(st, i) == SQLITE_NULL) return -1;
    long off = (long)a->buf.n;
    cli_buf_add(&a->buf, v ? v : "", n);
    cli_buf_add(&a->buf, "", 1);
    return off;
}

static const char *S_at(const sv_article *a, long off) { return off < 0 ? NULL : a->buf.p + off; }

/* The row's columns, copied so that the read transaction ends at once. */
static void S_copy_row(sv_article *a, sqlite3_stmt *st) {
    long off[5];
    a->buf.n = 0;
    for (int i = 0; i < 5; i++) off[i] = S_keep(a, st, i);
    a->len = (size_t)sqlite3_column_bytes(st, 0);
    a->text = off[0] < 0 ? "" : S_at(a, off[0]);
    a->title = S_at(a, off[1]);
    a->url = S_at(a, off[2]);
    a->outlet = S_at(a, off[3]);
    a->date = S_at(a, off[4]);
}

int sv_conn_article(sv_conn *c, const char *doc, sv_article *out) {
    sqlite3_stmt *st = c->article;
    int rc = sqlite3_bind_text(st, 1, doc, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) S_copy_row(out, st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void sv_article_free(sv_article *a) { cli_buf_free(&a->buf); }
