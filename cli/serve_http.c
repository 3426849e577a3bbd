/*
 * serve_http.c -- one request: method check, routing, parameter
 * validation, and the reply (status, type, security headers, body).
 *
 * Handlers fill the reply through sv_req_body(); a bad parameter turns the
 * reply into a 400 with a message (JSON under /api/, a page elsewhere).
 */
#include "serve.h"

#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sv_req {
    sv_server *srv;
    struct MHD_Connection *mc;
    const char *tail; /* path after the route's prefix */
    int api;          /* under /api/: errors as JSON */
    int status;
    int json;
    int failed;
    cli_buf body;
    sv_conn *conn;
};

typedef struct {
    const char *path;
    int prefix; /* path is a prefix; the rest is sv_req_tail() */
    void (*fn)(sv_req *r);
} S_route;

static const S_route S_routes[] = {
    {"/", 0, sv_page_search},
    {"/search", 0, sv_page_search},
    {"/speakers", 0, sv_page_speakers},
    {"/speaker", 0, sv_page_speaker},
    {"/repeats", 0, sv_page_repeats},
    {"/article", 0, sv_page_article},
    {"/api/search", 0, sv_api_search},
    {"/api/speakers", 0, sv_api_speakers},
    {"/api/repeats", 0, sv_api_repeats},
    {"/api/article/", 1, sv_api_article},
};

/* ---------------------------------------------------------- accessors */

cli_buf *sv_req_body(sv_req *r) { return &r->body; }
void sv_req_json(sv_req *r) { r->json = 1; }
const char *sv_req_tail(sv_req *r) { return r->tail; }
sv_server *sv_req_server(sv_req *r) { return r->srv; }

sv_conn *sv_req_conn(sv_req *r) {
    if (!r->conn) r->conn = sv_pool_get(&r->srv->pool);
    if (!r->conn) sv_req_fail(r, 503, "the database cannot be opened now");
    return r->conn;
}

/* ------------------------------------------------------------- errors */

int sv_req_fail(sv_req *r, int status, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->failed) return -1; /* keep the first error */
    r->failed = 1;
    r->status = status;
    r->body.n = 0;
    if (r->api) {
        r->json = 1;
        cli_buf_printf(&r->body, "{\"error\":");
        sv_json(&r->body, msg);
        cli_buf_printf(&r->body, ",\"status\":%d}\n", status);
    } else {
        r->json = 0;
        sv_page_message(&r->body, status, msg);
    }
    return -1;
}

int sv_req_index_fail(sv_req *r, hearsay_index *ix) {
    int einval = hearsay_index_sqlite_code(ix) == 0;
    return sv_req_fail(r, einval ? 400 : 500, "%s", hearsay_index_errmsg(ix));
}

/* --------------------------------------------------------- parameters */

/* 1 when s is valid UTF-8 with no control characters. */
static int S_clean_text(const unsigned char *s) {
    while (*s) {
        int n = *s < 0x80 ? 1 : (*s & 0xE0) == 0xC0 ? 2 : (*s & 0xF0) == 0xE0 ? 3
                : (*s & 0xF8) == 0xF0 ? 4 : 0;
        if (!n || *s < 0x20 || *s == 0x7F || (n == 2 && *s < 0xC2) || (n == 4 && *s > 0xF4)) return 0;
        for (int i = 1; i < n; i++)
            if ((s[i] & 0xC0) != 0x80) return 0;
        if ((n == 3 && *s == 0xE0 && s[1] < 0xA0) || (n == 3 && *s == 0xED && s[1] >= 0xA0) ||
            (n == 4 && *s == 0xF0 && s[1] < 0x90) || (n == 4 && *s == 0xF4 && s[1] >= 0x90))
            return 0;
        s += n;
    }
    return 1;
}

static const char *S_arg(sv_req *r, const char *name) {
    const char *v = MHD_lookup_connection_value(r->mc, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

int sv_req_check(sv_req *r, const char *what, const char *v, size_t max) {
    if (strlen(v) > max) return sv_req_fail(r, 400, "%s is longer than %zu bytes", what, max);
    if (!S_clean_text((const unsigned char *)v))
        return sv_req_fail(r, 400, "%s is not valid UTF-8 text", what);
    return 0;
}

int sv_req_text(sv_req *r, const char *name, size_t max, const char **out) {
    const char *v = S_arg(r, name);
    char what[80];
    *out = NULL;
    if (!v) return 0;
    snprintf(what, sizeof what, "parameter '%s'", name);
    if (sv_req_check(r, what, v, max)) return -1;
    *out = v;
    return 0;
}

static int S_digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* 1 when s is a real calendar date "YYYY-MM-DD". */
static int S_valid_date(const char *s) {
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    if (!S_digits(s, 4) || !S_digits(s + 5, 2) || !S_digits(s + 8, 2)) return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    return m != 2 || d < 29 || leap;
}

int sv_req_date(sv_req *r, const char *name, const char **out) {
    const char *v = S_arg(r, name);
    *out = NULL;
    if (!v) return 0;
    if (!S_valid_date(v)) return sv_req_fail(r, 400, "parameter '%s' must be a date YYYY-MM-DD", name);
    *out = v;
    return 0;
}

int sv_req_int(sv_req *r, const char *name, int lo, int hi, int def, int *out) {
    const char *v = S_arg(r, name);
    *out = def;
    if (!v) return 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || !S_digits(v, (int)strlen(v)) || strlen(v) > 9 || n < lo || n > hi)
        return sv_req_fail(r, 400, "parameter '%s' must be an integer from %d to %d", name, lo, hi);
    *out = (int)n;
    return 0;
}

typedef struct {
    const char *const *allowed;
    char bad[64];
} S_only_ctx;

static enum MHD_Result S_only_cb(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value) {
    S_only_ctx *c = cls;
    for (const char *const *a = c->allowed; *a; a++)
        if (!strcmp(*a, key)) return MHD_YES;
    snprintf(c->bad, sizeof c->bad, "%s", key);
    return MHD_NO;
}

int sv_req_only(sv_req *r, const char *const *allowed) {
    S_only_ctx c = {allowed, ""};
    MHD_get_connection_values(r->mc, MHD_GET_ARGUMENT_KIND, S_only_cb, &c);
    if (!c.bad[0]) return 0;
    char shown[64];
    snprintf(shown, sizeof shown, "%s", S_clean_text((const unsigned char *)c.bad) ? c.bad : "?");
    return sv_req_fail(r, 400, "unknown parameter '%s'", shown);
}

/* -------------------------------------------------------------- reply */

static const S_route *S_find(const char *url) {
    for (size_t i = 0; i < sizeof S_routes / sizeof *S_routes; i++) {
        const S_route *rt = &S_routes[i];
        size_t n = strlen(rt->path);
        if (rt->prefix ? !strncmp(url, rt->path, n) : !strcmp(url, rt->path)) return rt;
    }
    return NULL;
}

static const char S_csp[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

static int S_send(sv_req *r) {
    struct MHD_Response *resp;
    if (r->body.p)
        resp = MHD_create_response_from_buffer(r->body.n, r->body.p, MHD_RESPMEM_MUST_FREE);
    else
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!resp) return MHD_NO;
    r->body.p = NULL; /* the response owns it now */
    MHD_add_response_header(resp, "Content-Type",
                            r->json ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
    MHD_add_response_header(resp, "Content-Security-Policy", S_csp);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (r->status == 405) MHD_add_response_header(resp, "Allow", "GET, HEAD");
    int ok = MHD_queue_response(r->mc, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static void S_dispatch(sv_req *r, const char *url, const char *method) {
    const S_route *rt = S_find(url);
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        sv_req_fail(r, 405, "method not allowed: use GET");
    } else if (!rt) {
        sv_req_fail(r, 404, "no page here");
    } else {
        r->tail = url + (rt->prefix ? strlen(rt->path) : strlen(url));
        rt->fn(r);
    }
}

int sv_req_answer(sv_server *s, struct MHD_Connection *c, const char *url, const char *method) {
    sv_req r = {s, c, "", !strncmp(url, "/api/", 5), 200, 0, 0, {0}, NULL};
    S_dispatch(&r, url, method);
    if (r.conn) sv_pool_put(&s->pool, r.conn);
    int ok = S_send(&r);
    cli_buf_free(&r.body);
    return ok;
}
