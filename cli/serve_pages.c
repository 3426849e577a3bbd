/*
 * serve_pages.c -- the web app's HTML pages: search (the home page), the
 * speakers list, one speaker (all attributions, newest first, with a
 * timeline), repeats, and the article view (the library's HTML view with a
 * navigation bar). No scripts: plain links and GET forms.
 */
#include "serve.h"

#include <stdlib.h>
#include <string.h>

static const char S_css[] =
    "body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#222;background:#fafaf7}"
    "nav{background:#1d2b3a;padding:.6em 2em;display:flex;gap:1.5em;align-items:center}"
    "nav a{color:#e8eef5;text-decoration:none}nav a.on{font-weight:700;border-bottom:2px solid #e8eef5}"
    "nav .brand{font-weight:700;color:#fff;margin-right:1em}"
    "main{max-width:64em;padding:1em 2em}h1{font-size:1.5em;margin:.4em 0}"
    "form.search{display:flex;flex-wrap:wrap;gap:.6em;align-items:flex-end;background:#fff;"
    "border:1px solid #ddd;border-radius:6px;padding:1em}"
    "form.search label{display:flex;flex-direction:column;font-size:13px;color:#555}"
    "form.search input{font:inherit;padding:.3em .5em;border:1px solid #bbb;border-radius:4px}"
    "form.search input[name=q]{width:16em}form.search input[type=text]{width:11em}"
    "button{font:inherit;padding:.35em 1.2em;border:0;border-radius:4px;background:#1f77b4;color:#fff}"
    ".count{color:#555;margin:1em 0 .5em}"
    "ol.hits{list-style:none;padding:0}ol.hits li{background:#fff;border:1px solid #e2e2e2;"
    "border-radius:6px;padding:.7em 1em;margin:.6em 0}"
    ".ctx{font-family:Georgia,serif;font-size:16px}mark{background:#cde1ee;border-bottom:2px solid #1f77b4}"
    ".by{font-size:13px;color:#555;margin-top:.3em}.by a{color:#1f5f99}"
    "table{border-collapse:collapse;background:#fff}td,th{padding:.3em .8em;border-bottom:1px solid #eee;"
    "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".err{background:#fde8e8;border:1px solid #e99;padding:.8em 1em;border-radius:6px}"
    "svg{background:#fff;border:1px solid #ddd;border-radius:6px}";

static void S_begin(cli_buf *b, const char *title, const char *on) {
    static const char *const nav[][2] = {{"/", "Search"}, {"/speakers", "Speakers"}, {"/repeats", "Repeats"}};
    cli_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    sv_html(b, title);
    cli_buf_printf(b, " \xE2\x80\x94 hearsay</title>\n<style>%s</style>\n</head>\n<body>\n"
                      "<nav><span class=\"brand\">hearsay</span>", S_css);
    for (size_t i = 0; i < 3; i++)
        cli_buf_printf(b, "<a href=\"%s\"%s>%s</a>", nav[i][0], strcmp(on, nav[i][0]) ? "" : " class=\"on\"",
                       nav[i][1]);
    cli_buf_puts(b, "</nav>\n<main>\n");
}

static void S_end(cli_buf *b) { cli_buf_puts(b, "</main>\n</body>\n</html>\n"); }

void sv_page_message(cli_buf *b, int status, const char *msg) {
    S_begin(b, status == 404 ? "Not found" : "Error", "");
    cli_buf_printf(b, "<h1>%d</h1>\n<p class=\"err\">", status);
    sv_html(b, msg);
    cli_buf_puts(b, "</p>\n");
    S_end(b);
}

/* --------------------------------------------------------------- hits */

static void S_link(cli_buf *b, const char *path, const char *key, const char *val) {
    cli_buf_printf(b, "<a href=\"%s?%s=", path, key);
    sv_url(b, val);
    cli_buf_puts(b, "\">");
}

/* A link to the hit's article, at its quotation (the HTML view gives the
 * start of each attribution's content the id "atN"). */
static void S_link_at(cli_buf *b, const hearsay_index_hit *h) {
    cli_buf_puts(b, "<a href=\"/article?doc=");
    sv_url(b, h->doc);
    cli_buf_printf(b, "#at%zu\">", h->content.start);
}

/* The hit's paragraph with its quotation marked (or the quotation alone
 * when the paragraph does not contain it as one piece). */
static void S_context(cli_buf *b, const hearsay_index_hit *h) {
    const char *ctx = h->in_context ? h->in_context : "";
    const char *at = h->text && *h->text ? strstr(ctx, h->text) : NULL;
    cli_buf_puts(b, "<div class=\"ctx\">");
    if (at) {
        char *pre = strndup(ctx, (size_t)(at - ctx));
        sv_html(b, pre);
        free(pre);
        cli_buf_puts(b, "<mark>");
        sv_html(b, h->text);
        cli_buf_puts(b, "</mark>");
        sv_html(b, at + strlen(h->text));
    } else {
        cli_buf_puts(b, "<mark>");
        sv_html(b, h->text);
        cli_buf_puts(b, "</mark>");
    }
    cli_buf_puts(b, "</div>\n");
}

static const char *S_speaker_name(const hearsay_index_hit *h) {
    if (h->speaker_canonical) return h->speaker_canonical;
    if (h->speaker.name) return h->speaker.name;
    return h->speaker.present ? h->speaker.text : NULL;
}

static void S_hit(cli_buf *b, const hearsay_index_hit *h) {
    const char *who = S_speaker_name(h);
    cli_buf_puts(b, "<li class=\"hit\">");
    S_context(b, h);
    cli_buf_puts(b, "<div class=\"by\">");
    if (who) S_link(b, "/speaker", "name", who), sv_html(b, who), cli_buf_puts(b, "</a>");
    else cli_buf_puts(b, "(no speaker)");
    if (h->speaker.role) cli_buf_puts(b, ", "), sv_html(b, h->speaker.role);
    cli_buf_printf(b, " \xC2\xB7 %s", h->kind ? h->kind : "");
    if (h->cue.present) cli_buf_puts(b, " \xC2\xB7 cue \xE2\x80\x9C"), sv_html(b, h->cue.text), cli_buf_puts(b, "\xE2\x80\x9D");
    const char *date = h->date ? h->date : h->article_date;
    if (date) cli_buf_puts(b, " \xC2\xB7 "), sv_html(b, date);
    if (h->outlet) cli_buf_puts(b, " \xC2\xB7 "), sv_html(b, h->outlet);
    cli_buf_puts(b, " \xC2\xB7 ");
    S_link_at(b, h);
    sv_html(b, h->title ? h->title : h->doc);
    cli_buf_puts(b, "</a></div></li>\n");
}

/* Hits rendered into a list, counted. */
typedef struct {
    cli_buf b;
    size_t n;
} S_hits;

static int S_hit_cb(void *ctx, const hearsay_index_hit *h) {
    S_hits *l = ctx;
    S_hit(&l->b, h);
    l->n++;
    return 0;
}

/* ------------------------------------------------------------- search */

static void S_input(cli_buf *b, const char *label, const char *name, const char *type, const char *val) {
    cli_buf_printf(b, "<label>%s<input type=\"%s\" name=\"%s\" value=\"", label, type, name);
    sv_html(b, val);
    cli_buf_puts(b, "\"></label>");
}

static void S_form(cli_buf *b, const hearsay_index_query *q) {
    cli_buf_puts(b, "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">");
    S_input(b, "Words", "q", "search", q->match);
    S_input(b, "Speaker", "speaker", "text", q->speaker);
    S_input(b, "Outlet", "outlet", "text", q->outlet);
    S_input(b, "Since", "since", "date", q->since);
    S_input(b, "Until", "until", "date", q->until);
    if (q->limit != SV_DEFAULT_LIMIT) cli_buf_printf(b, "<input type=\"hidden\" name=\"limit\" value=\"%d\">", q->limit);
    cli_buf_puts(b, "<button type=\"submit\">Search</button></form>\n");
}

static void S_param(cli_buf *b, const char *key, const char *val) {
    if (!val) return;
    cli_buf_printf(b, "%s=", key);
    sv_url(b, val);
    cli_buf_puts(b, "&amp;");
}

/* "N results", and a link to more when the limit cut the list. */
static void S_count(cli_buf *b, const hearsay_index_query *q, size_t n) {
    cli_buf_printf(b, "<p class=\"count\" id=\"count\">%zu result%s", n, n == 1 ? "" : "s");
    if ((int)n == q->limit && q->limit < SV_MAX_LIMIT) {
        int more = q->limit * 2 < SV_MAX_LIMIT ? q->limit * 2 : SV_MAX_LIMIT;
        cli_buf_puts(b, ", the best first: <a id=\"more\" href=\"/?");
        S_param(b, "q", q->match);
        S_param(b, "speaker", q->speaker);
        S_param(b, "outlet", q->outlet);
        S_param(b, "since", q->since);
        S_param(b, "until", q->until);
        cli_buf_printf(b, "limit=%d\">show %d</a>", more, more);
    }
    cli_buf_puts(b, "</p>\n");
}

/* Runs q into b as a list; the count goes before it. */
static void S_results(sv_req *r, const hearsay_index_query *q) {
    sv_conn *c = sv_req_conn(r);
    if (!c) return;
    S_hits l = {{0}, 0};
    if (hearsay_index_search(sv_conn_index(c), q, S_hit_cb, &l)) {
        sv_req_index_fail(r, sv_conn_index(c));
    } else {
        cli_buf *b = sv_req_body(r);
        S_count(b, q, l.n);
        cli_buf_puts(b, "<ol class=\"hits\" id=\"results\">\n");
        if (l.b.p) cli_buf_add(b, l.b.p, l.b.n);
        cli_buf_puts(b, "</ol>\n");
    }
    cli_buf_free(&l.b);
}

void sv_page_search(sv_req *r) {
    hearsay_index_query q;
    if (sv_req_query(r, &q)) return;
    cli_buf *b = sv_req_body(r);
    S_begin(b, q.match ? q.match : "Search", "/");
    cli_buf_puts(b, "<h1>Who said what</h1>\n");
    S_form(b, &q);
    if (q.match || q.speaker || q.outlet || q.since || q.until) S_results(r, &q);
    else cli_buf_puts(b, "<p class=\"count\">Search quotations by their words, speaker, outlet and date.</p>\n");
    S_end(b);
}

/* ----------------------------------------------------------- speakers */

static int S_speaker_row(void *ctx, const hearsay_index_speaker *s) {
    cli_buf *b = ctx;
    cli_buf_puts(b, "<tr><td>");
    S_link(b, "/speaker", "name", s->name);
    sv_html(b, s->name);
    cli_buf_puts(b, "</a></td><td>");
    sv_html(b, s->role);
    cli_buf_printf(b, "</td><td class=\"n\">%lld</td><td class=\"n\">%lld</td></tr>\n", s->quotes, s->articles);
    return 0;
}

void sv_page_speakers(sv_req *r) {
    static const char *const params[] = {"top", NULL};
    int top;
    sv_conn *c;
    if (sv_req_only(r, params) || sv_req_int(r, "top", 1, SV_MAX_TOP, 100, &top) || !(c = sv_req_conn(r)))
        return;
    cli_buf *b = sv_req_body(r);
    S_begin(b, "Speakers", "/speakers");
    cli_buf_printf(b, "<h1>The %d most-quoted speakers</h1>\n<table id=\"speakers\"><tr><th>Speaker</th>"
                      "<th>Role</th><th>Quotes</th><th>Articles</th></tr>\n", top);
    if (hearsay_index_speakers(sv_conn_index(c), top, S_speaker_row, b)) {
        sv_req_index_fail(r, sv_conn_index(c));
        return;
    }
    cli_buf_puts(b, "</table>\n");
    S_end(b);
}

/* ------------------------------------------------------------ speaker */

typedef struct {
    cli_buf list;
    char **dates;
    size_t n;
    const char *role;
    char *role_copy;
} S_spk;

static int S_spk_hit(void *ctx, const hearsay_index_hit *h) {
    S_spk *s = ctx;
    const char *date = h->date ? h->date : h->article_date;
    s->dates = cli_xrealloc(s->dates, (s->n + 1) * sizeof *s->dates);
    s->dates[s->n++] = date ? cli_xstrdup(date) : NULL;
    if (!s->role_copy && h->speaker.role) s->role_copy = cli_xstrdup(h->speaker.role);
    S_hit(&s->list, h);
    return 0;
}

static void S_spk_free(S_spk *s) {
    for (size_t i = 0; i < s->n; i++) free(s->dates[i]);
    free(s->dates);
    free(s->role_copy);
    cli_buf_free(&s->list);
}

static void S_spk_page(cli_buf *b, const char *name, S_spk *s) {
    S_begin(b, name, "");
    cli_buf_puts(b, "<h1>");
    sv_html(b, name);
    cli_buf_puts(b, "</h1>\n");
    if (s->role_copy) cli_buf_puts(b, "<p>"), sv_html(b, s->role_copy), cli_buf_puts(b, "</p>\n");
    cli_buf_printf(b, "<p class=\"count\" id=\"count\">%zu attribution%s%s, newest first</p>\n", s->n,
                   s->n == 1 ? "" : "s", s->n == SV_SPEAKER_HITS ? " (the first)" : "");
    sv_svg_timeline(b, (const char *const *)s->dates, s->n);
    cli_buf_puts(b, "<ol class=\"hits\" id=\"results\">\n");
    if (s->list.p) cli_buf_add(b, s->list.p, s->list.n);
    cli_buf_puts(b, "</ol>\n");
    S_end(b);
}

void sv_page_speaker(sv_req *r) {
    static const char *const params[] = {"name", NULL};
    const char *name;
    sv_conn *c;
    if (sv_req_only(r, params) || sv_req_text(r, "name", SV_MAX_PARAM, &name)) return;
    if (!name) {
        sv_req_fail(r, 400, "parameter 'name' is required");
        return;
    }
    if (!(c = sv_req_conn(r))) return;
    hearsay_index_query q;
    hearsay_index_query_init(&q);
    q.speaker = name;
    q.limit = SV_SPEAKER_HITS;
    S_spk s = {0};
    if (hearsay_index_search(sv_conn_index(c), &q, S_spk_hit, &s)) sv_req_index_fail(r, sv_conn_index(c));
    else S_spk_page(sv_req_body(r), name, &s);
    S_spk_free(&s);
}

/* ------------------------------------------------------------ repeats */

static int S_repeat(void *ctx, const hearsay_index_repeat *rp) {
    cli_buf *b = ctx;
    cli_buf_printf(b, "<li><p class=\"count\">In %zu articles (%zu times), first appearance first:</p><ol class=\"hits\">\n",
                   rp->n_articles, rp->n_members);
    for (size_t i = 0; i < rp->n_members; i++) S_hit(b, &rp->members[i]);
    cli_buf_puts(b, "</ol></li>\n");
    return 0;
}

void sv_page_repeats(sv_req *r) {
    static const char *const params[] = {"limit", NULL};
    int limit;
    sv_conn *c;
    if (sv_req_only(r, params) || sv_req_int(r, "limit", 1, SV_MAX_LIMIT, 50, &limit) || !(c = sv_req_conn(r)))
        return;
    cli_buf *b = sv_req_body(r);
    S_begin(b, "Repeats", "/repeats");
    cli_buf_puts(b, "<h1>The same quotation in several articles</h1>\n<ol id=\"repeats\">\n");
    if (hearsay_index_repeats(sv_conn_index(c), 2, limit, S_repeat, b)) {
        sv_req_index_fail(r, sv_conn_index(c));
        return;
    }
    cli_buf_puts(b, "</ol>\n");
    S_end(b);
}

/* ------------------------------------------------------------ article */

/* The library's page, with a navigation bar after <body>. */
static void S_with_nav(cli_buf *b, const char *page, size_t len, const char *doc) {
    const char *body = strstr(page, "<body>\n");
    size_t head = body ? (size_t)(body - page) + 7 : 0;
    cli_buf_add(b, page, head);
    cli_buf_puts(b, "<nav style=\"background:#1d2b3a;padding:.6em 2em;font:15px system-ui,sans-serif\">"
                    "<a style=\"color:#e8eef5\" href=\"/\">\xE2\x86\x90 Search</a> &nbsp; "
                    "<a style=\"color:#e8eef5\" href=\"/api/article/");
    sv_url(b, doc);
    cli_buf_puts(b, "\">JSON</a></nav>\n");
    cli_buf_add(b, page + head, len - head);
}

void sv_page_article(sv_req *r) {
    static const char *const params[] = {"doc", NULL};
    const char *doc;
    if (sv_req_only(r, params) || sv_req_text(r, "doc", SV_MAX_DOC, &doc)) return;
    if (!doc) {
        sv_req_fail(r, 400, "parameter 'doc' is required");
        return;
    }
    hearsay_doc *d = hearsay_doc_new();
    sv_article a = {0};
    if (d && sv_extract_article(r, doc, d, &a) > 0) {
        hearsay_docinfo info = {doc, a.url, a.outlet, a.date, a.title ? a.title : doc};
        const char *out;
        size_t len;
        int rc = hearsay_render(d, HEARSAY_FORMAT_HTML, a.text, a.len, &info, &out, &len);
        if (rc) sv_req_fail(r, 500, "rendering failed: %s", hearsay_strerror(rc));
        else S_with_nav(sv_req_body(r), out, len, doc);
    } else if (!d) {
        sv_req_fail(r, 500, "out of memory");
    }
    sv_article_free(&a);
    hearsay_doc_free(d);
}
