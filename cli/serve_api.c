/*
 * serve_api.c -- the JSON endpoints, mirroring the CLI's --json output
 * (the index library renders every object):
 *   GET /api/search?q=&speaker=&since=&until=&outlet=&limit=  {"results":[HIT...]}
 *   GET /api/speakers?top=N        {"speakers":[{"name","quotes","articles",...}]}
 *   GET /api/repeats?limit=N       {"repeats":[{"articles","quotes","first","members"}]}
 *   GET /api/article/DOC           the article's fields and its attributions, as
 *                                  `hearsay extract --format jsonl` gives them
 */
#include "serve.h"

#include <string.h>

static const char *const S_search_params[] = {"q", "speaker", "since", "until", "outlet", "limit", NULL};

int sv_req_query(sv_req *r, hearsay_index_query *q) {
    hearsay_index_query_init(q);
    q->limit = SV_DEFAULT_LIMIT;
    if (sv_req_only(r, S_search_params) || sv_req_text(r, "q", SV_MAX_PARAM, &q->match) ||
        sv_req_text(r, "speaker", SV_MAX_PARAM, &q->speaker) ||
        sv_req_text(r, "outlet", SV_MAX_PARAM, &q->outlet) || sv_req_date(r, "since", &q->since) ||
        sv_req_date(r, "until", &q->until) ||
        sv_req_int(r, "limit", 1, SV_MAX_LIMIT, SV_DEFAULT_LIMIT, &q->limit))
        return -1;
    if (q->since && q->until && strcmp(q->since, q->until) > 0)
        return sv_req_fail(r, 400, "'since' (%s) is after 'until' (%s)", q->since, q->until);
    return 0;
}

/* A JSON array being filled by a callback: "[" a "," b "]". */
typedef struct {
    sv_req *r;
    hearsay_index *ix;
    size_t n;
    int failed;
} S_list;

static void S_item(S_list *l, int rc, const char *json, size_t len) {
    if (rc) {
        l->failed = 1;
        return;
    }
    cli_buf *b = sv_req_body(l->r);
    if (l->n++) cli_buf_puts(b, ",");
    cli_buf_add(b, json, len);
}

/* Closes the reply's array, or turns the reply into an error. */
static void S_finish(S_list *l, int rc) {
    if (rc || l->failed) {
        sv_req_index_fail(l->r, l->ix);
        return;
    }
    cli_buf_puts(sv_req_body(l->r), "]}\n");
}

static int S_hit(void *ctx, const hearsay_index_hit *h) {
    S_list *l = ctx;
    const char *json = NULL;
    size_t len = 0;
    int rc = hearsay_index_hit_json(l->ix, h, &json, &len);
    S_item(l, rc, json, len);
    return l->failed;
}

void sv_api_search(sv_req *r) {
    hearsay_index_query q;
    sv_req_json(r);
    sv_conn *c;
    if (sv_req_query(r, &q) || !(c = sv_req_conn(r))) return;
    S_list l = {r, sv_conn_index(c), 0, 0};
    cli_buf_puts(sv_req_body(r), "{\"results\":[");
    S_finish(&l, hearsay_index_search(l.ix, &q, S_hit, &l));
}

static int S_speaker(void *ctx, const hearsay_index_speaker *s) {
    S_list *l = ctx;
    const char *json = NULL;
    size_t len = 0;
    int rc = hearsay_index_speaker_json(l->ix, s, &json, &len);
    S_item(l, rc, json, len);
    return l->failed;
}

void sv_api_speakers(sv_req *r) {
    static const char *const params[] = {"top", NULL};
    int top;
    sv_conn *c;
    sv_req_json(r);
    if (sv_req_only(r, params) || sv_req_int(r, "top", 1, SV_MAX_TOP, SV_DEFAULT_LIMIT, &top) ||
        !(c = sv_req_conn(r)))
        return;
    S_list l = {r, sv_conn_index(c), 0, 0};
    cli_buf_puts(sv_req_body(r), "{\"speakers\":[");
    S_finish(&l, hearsay_index_speakers(l.ix, top, S_speaker, &l));
}

static int S_repeat(void *ctx, const hearsay_index_repeat *rp) {
    S_list *l = ctx;
    const char *json = NULL;
    size_t len = 0;
    int rc = hearsay_index_repeat_json(l->ix, rp, &json, &len);
    S_item(l, rc, json, len);
    return l->failed;
}

void sv_api_repeats(sv_req *r) {
    static const char *const params[] = {"limit", NULL};
    int limit;
    sv_conn *c;
    sv_req_json(r);
    if (sv_req_only(r, params) ||
        sv_req_int(r, "limit", 1, SV_MAX_LIMIT, SV_DEFAULT_LIMIT, &limit) || !(c = sv_req_conn(r)))
        return;
    S_list l = {r, sv_conn_index(c), 0, 0};
    cli_buf_puts(sv_req_body(r), "{\"repeats\":[");
    S_finish(&l, hearsay_index_repeats(l.ix, 2, limit, S_repeat, &l));
}

/* ------------------------------------------------------------ article */

/* 1 when doc is an acceptable document id. */
static int S_doc_ok(sv_req *r, const char *doc) {
    if (!*doc) return sv_req_fail(r, 400, "no document id given"), 0;
    return !sv_req_check(r, "the document id", doc, SV_MAX_DOC);
}

int sv_extract_article(sv_req *r, const char *doc, hearsay_doc *d, sv_article *a) {
    sv_conn *c;
    if (!S_doc_ok(r, doc) || !(c = sv_req_conn(r))) return -1;
    int found = sv_conn_article(c, doc, a);
    if (found < 0) return sv_req_fail(r, 500, "reading the article failed");
    if (!found) return sv_req_fail(r, 404, "no article '%s' in the index", doc), 0;
    hearsay_options o;
    hearsay_options_init(&o);
    o.max_doc_bytes = SV_MAX_ARTICLE;
    o.date = a->date && strlen(a->date) == 10 ? a->date : NULL;
    int rc = hearsay_extract(sv_req_server(r)->model, a->text, a->len, &o, d);
    if (rc) return sv_req_fail(r, 500, "extracting the article failed: %s", hearsay_strerror(rc));
    return 1;
}

/* The JSON Lines rendering of d as the items of a JSON array. */
static int S_attrs_json(sv_req *r, hearsay_doc *d, const char *doc, const sv_article *a) {
    hearsay_docinfo info = {doc, a->url, a->outlet, a->date, a->title};
    const char *out;
    size_t len;
    int rc = hearsay_render(d, HEARSAY_FORMAT_JSONL, a->text, a->len, &info, &out, &len);
    if (rc) return sv_req_fail(r, 500, "rendering failed: %s", hearsay_strerror(rc));
    cli_buf *b = sv_req_body(r);
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(out + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (out + i)) : len - i;
        if (i) cli_buf_puts(b, ",");
        cli_buf_add(b, out + i, n);
        i += n + 1;
    }
    return 0;
}

static void S_article_head(cli_buf *b, const char *doc, const sv_article *a, const hearsay_doc *d) {
    cli_buf_puts(b, "{\"doc\":");
    sv_json(b, doc);
    cli_buf_puts(b, ",\"title\":");
    sv_json(b, a->title);
    cli_buf_puts(b, ",\"url\":");
    sv_json(b, a->url);
    cli_buf_puts(b, ",\"outlet\":");
    sv_json(b, a->outlet);
    cli_buf_puts(b, ",\"date\":");
    sv_json(b, a->date);
    cli_buf_printf(b, ",\"count\":%zu,\"attributions\":[", hearsay_doc_count(d));
}

void sv_api_article(sv_req *r) {
    static const char *const params[] = {NULL};
    const char *doc = sv_req_tail(r);
    sv_req_json(r);
    if (sv_req_only(r, params)) return;
    hearsay_doc *d = hearsay_doc_new();
    sv_article a = {0};
    if (d && sv_extract_article(r, doc, d, &a) > 0) {
        S_article_head(sv_req_body(r), doc, &a, d);
        if (!S_attrs_json(r, d, doc, &a)) cli_buf_puts(sv_req_body(r), "]}\n");
    } else if (!d) {
        sv_req_fail(r, 500, "out of memory");
    }
    sv_article_free(&a);
    hearsay_doc_free(d);
}
