/*
 * test_index.c -- the quotation index (libhearsay_index) through its public
 * API, with hand-built attribution records, plus its internal name and
 * fingerprint normalisation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "hearsay_index.h"
#include "../../index/ix_int.h"

/* ------------------------------------------------------------ fixtures */

/* The span of the first occurrence of needle in text (code points counted
 * as UTF-8 lead bytes). */
static hearsay_span S_span(const char *text, const char *needle) {
    const char *p = strstr(text, needle);
    hearsay_span s = {0, 0, 0, 0};
    if (!p) {
        fprintf(stderr, "fixture: \"%s\" not in text\n", needle);
        abort();
    }
    s.byte_start = (size_t)(p - text);
    s.byte_end = s.byte_start + strlen(needle);
    for (size_t i = 0; i < s.byte_end; i++) {
        int lead = ((unsigned char)text[i] & 0xC0) != 0x80;
        if (i < s.byte_start) s.start += lead;
        s.end += lead;
    }
    return s;
}

/* One article: up to 4 attributions and 4 entities. */
typedef struct {
    const char *text;
    hearsay_attribution a[4];
    hearsay_span parts[4];
    hearsay_entity e[4];
    hearsay_span ment[4];
    size_t na, ne;
} S_art;

static int S_entity(S_art *x, const char *name, const char *role, int group,
                    const char *mention) {
    hearsay_entity *e = &x->e[x->ne];
    memset(e, 0, sizeof *e);
    e->name = name;
    e->role = role;
    e->is_group = group;
    x->ment[x->ne] = S_span(x->text, mention);
    e->mentions = &x->ment[x->ne];
    e->n_mentions = 1;
    return (int)x->ne++;
}

static void S_attr(S_art *x, hearsay_kind kind, const char *content, int ent,
                   const char *speaker, const char *cue) {
    hearsay_attribution *a = &x->a[x->na];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    x->parts[x->na] = S_span(x->text, content);
    a->parts = &x->parts[x->na];
    a->n_parts = 1;
    a->content = x->parts[x->na];
    a->entity = ent;
    a->addressee_entity = -1;
    if (speaker) a->has_speaker = 1, a->speaker = S_span(x->text, speaker);
    if (cue) a->has_cue = 1, a->cue = S_span(x->text, cue);
    x->na++;
}

static int S_add(hearsay_index *ix, const char *doc, const char *date,
                 const char *outlet, S_art *x) {
    hearsay_docinfo info = {doc, NULL, outlet, date, NULL};
    hearsay_index_record r = {x->a, x->na, x->e, x->ne, NULL};
    return hearsay_index_add_record(ix, &info, x->text, strlen(x->text), &r);
}

static const char *T1 =
    "WASHINGTON -- President Donald J. Trump said Tuesday: \xE2\x80\x9CWe will "
    "build a great wall and Mexico will pay for it.\xE2\x80\x9D\n"
    "Hillary Clinton told reporters that the plan was cruel.\n";

static void S_t1(S_art *x) {
    memset(x, 0, sizeof *x);
    x->text = T1;
    int dt = S_entity(x, "Donald J. Trump", "President", 0, "President Donald J. Trump");
    int hc = S_entity(x, "Hillary Clinton", NULL, 0, "Hillary Clinton");
    S_attr(x, HEARSAY_DIRECT, "We will build a great wall and Mexico will pay for it.",
           dt, "President Donald J. Trump", "said");
    S_attr(x, HEARSAY_INDIRECT, "the plan was cruel", hc, "Hillary Clinton", "told");
}

static const char *T2 =
    "Trump said \"we are not leaving Afghanistan any time soon,\" and officials agreed.\n";

static void S_t2(S_art *x) {
    memset(x, 0, sizeof *x);
    x->text = T2;
    int t = S_entity(x, "Trump", NULL, 0, "Trump");
    S_attr(x, HEARSAY_DIRECT, "we are not leaving Afghanistan any time soon,", t, "Trump", "said");
}

static const char *T3 =
    "A spokesman repeated it: \xE2\x80\x9C" "As the president said, we are not "
    "leaving Afghanistan anytime soon.\xE2\x80\x9D\n";

static void S_t3(S_art *x) {
    memset(x, 0, sizeof *x);
    x->text = T3;
    int s = S_entity(x, "spokesman", NULL, 1, "A spokesman");
    S_attr(x, HEARSAY_DIRECT, "As the president said, we are not leaving Afghanistan anytime soon.",
           s, "A spokesman", "repeated");
}

static char S_path[64];

static hearsay_index *S_open(void) {
    snprintf(S_path, sizeof S_path, "/tmp/test_index_%d.db", (int)getpid());
    unlink(S_path);
    hearsay_index *ix;
    int rc = hearsay_index_open(S_path, HEARSAY_INDEX_CREATE, &ix);
    if (rc) FAILF("open: %s", hearsay_index_errmsg(ix));
    return ix;
}

static void S_close(hearsay_index *ix) {
    INT_EQ(hearsay_index_close(ix), HEARSAY_INDEX_OK);
    char p[96];
    unlink(S_path);
    snprintf(p, sizeof p, "%s-wal", S_path), unlink(p);
    snprintf(p, sizeof p, "%s-shm", S_path), unlink(p);
}

static hearsay_index_stats S_stats(hearsay_index *ix) {
    hearsay_index_stats s = {-1, -1, -1, -1};
    INT_EQ(hearsay_index_get_stats(ix, &s), HEARSAY_INDEX_OK);
    return s;
}

/* Three articles in one batch. */
static void S_fill(hearsay_index *ix) {
    S_art x;
    INT_EQ(hearsay_index_begin(ix), 0);
    S_t1(&x);
    INT_EQ(S_add(ix, "t1", "2016-09-12", "breitbart", &x), 0);
    S_t2(&x);
    INT_EQ(S_add(ix, "t2", "2016-09-14", "politico", &x), 0);
    S_t3(&x);
    INT_EQ(S_add(ix, "t3", "2016-09-20", "politico", &x), 0);
    INT_EQ(hearsay_index_commit(ix), 0);
}

/* --------------------------------------------------------- collectors */

typedef struct {
    int n;
    char doc[8][32], speaker[8][64], canonical[8][64], text[8][128];
    char json[4096];
} S_hits;

static int S_hit_cb(void *ctx, const hearsay_index_hit *h) {
    S_hits *c = ctx;
    if (c->n < 8) {
        snprintf(c->doc[c->n], 32, "%s", h->doc);
        snprintf(c->speaker[c->n], 64, "%s", h->speaker.name ? h->speaker.name : "");
        snprintf(c->canonical[c->n], 64, "%s",
                 h->speaker_canonical ? h->speaker_canonical : "");
        snprintf(c->text[c->n], 128, "%s", h->text);
    }
    c->n++;
    return 0;
}

static S_hits S_search(hearsay_index *ix, const char *match, const char *speaker,
                       const char *outlet, const char *since) {
    hearsay_index_query q;
    hearsay_index_query_init(&q);
    q.match = match, q.speaker = speaker, q.outlet = outlet, q.since = since;
    S_hits c;
    memset(&c, 0, sizeof c);
    int rc = hearsay_index_search(ix, &q, S_hit_cb, &c);
    if (rc) FAILF("search: %s", hearsay_index_errmsg(ix));
    return c;
}

typedef struct {
    int n;
    char name[8][64], role[8][64];
    long long quotes[8], articles[8];
} S_spk;

static int S_spk_cb(void *ctx, const hearsay_index_speaker *s) {
    S_spk *c = ctx;
    if (c->n < 8) {
        snprintf(c->name[c->n], 64, "%s", s->name);
        snprintf(c->role[c->n], 64, "%s", s->role ? s->role : "");
        c->quotes[c->n] = s->quotes, c->articles[c->n] = s->articles;
    }
    c->n++;
    return 0;
}

/* -------------------------------------------------------------- tests */

TEST(name_norm) {
    hsix_name n;
    OK(hsix_name_norm("President Donald J. Trump", 0, &n));
    STR_EQ(n.key, "donald trump");
    STR_EQ(n.display, "Donald J. Trump");
    STR_EQ(n.surname, "trump");
    OK(hsix_name_norm("Trump's", 0, &n));
    STR_EQ(n.key, "trump");
    INT_EQ(n.words, 1);
    OK(hsix_name_norm("Hillary Rodham Clinton", 0, &n));
    STR_EQ(n.key, "hillary clinton");
    OK(hsix_name_norm("Donald Trump Jr.", 0, &n));
    STR_EQ(n.key, "donald trump jr");
    STR_EQ(n.surname, "trump");
    OK(hsix_name_norm("White House chief of staff Ron Klain", 0, &n));
    STR_EQ(n.key, "ron klain");
    OK(hsix_name_norm("Hillary Clinton's campaign", 0, &n));
    STR_EQ(n.key, "group:hillary clinton campaign");
    OK(hsix_name_norm("Officials", 1, &n));
    STR_EQ(n.key, "group:officials");
    OK(!hsix_name_norm("he", 0, &n));
    OK(!hsix_name_norm("  ", 0, &n));
    OK(!hsix_name_norm(NULL, 0, &n));
}

TEST(fingerprints) {
    int64_t a[64], b[64], c[64];
    size_t na = hsix_fp_compute("We are not leaving any time soon,", a, 64);
    size_t nb = hsix_fp_compute("\xE2\x80\x9Cwe are NOT leaving anytime soon.\xE2\x80\x9D", b, 64);
    OK(na > 0 && nb > 0);
    OK(na == nb && !memcmp(a, b, na * sizeof *a));
    size_t nc = hsix_fp_compute("short", c, 64);
    INT_EQ(nc, 0);
}

TEST(open_errors) {
    hearsay_index *ix;
    int rc = hearsay_index_open("/nonexistent-dir/x.db", HEARSAY_INDEX_CREATE, &ix);
    INT_EQ(rc, HEARSAY_INDEX_ESQLITE);
    OK(strstr(hearsay_index_errmsg(ix), "unable to open") != NULL);
    OK(hearsay_index_sqlite_code(ix) != 0);
    hearsay_index_close(ix);
    /* an SQLite file that is not ours */
    const char *p = "/tmp/test_index_foreign.db";
    unlink(p);
    sqlite3 *db;
    OK(sqlite3_open(p, &db) == SQLITE_OK);
    OK(sqlite3_exec(db, "CREATE TABLE t(x); PRAGMA user_version=7;", 0, 0, 0) == SQLITE_OK);
    sqlite3_close(db);
    rc = hearsay_index_open(p, 0, &ix);
    INT_EQ(rc, HEARSAY_INDEX_ESCHEMA);
    OK(strstr(hearsay_index_errmsg(ix), "schema") != NULL);
    hearsay_index_close(ix);
    unlink(p);
    INT_EQ(hearsay_index_close(NULL), HEARSAY_INDEX_OK);
    STR_EQ(hearsay_index_strerror(HEARSAY_INDEX_ESCHEMA),
           "not a hearsay index of this schema version");
    STR_EQ(hearsay_index_strerror(12345), "unknown status");
}

TEST(add_and_stats) {
    hearsay_index *ix = S_open();
    hearsay_index_stats s = S_stats(ix);
    INT_EQ(s.articles, 0);
    S_fill(ix);
    s = S_stats(ix);
    INT_EQ(s.articles, 3);
    INT_EQ(s.attributions, 4);
    /* Donald J. Trump (+ "Trump" merged), Hillary Clinton, spokesman */
    INT_EQ(s.speakers, 3);
    INT_EQ(s.mentions, 4);
    S_close(ix);
}

TEST(check_states) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    int st = -1;
    INT_EQ(hearsay_index_check(ix, "t1", T1, strlen(T1), &st), 0);
    INT_EQ(st, HEARSAY_INDEX_SAME);
    INT_EQ(hearsay_index_check(ix, "t1", T2, strlen(T2), &st), 0);
    INT_EQ(st, HEARSAY_INDEX_CHANGED);
    INT_EQ(hearsay_index_check(ix, "t9", T1, strlen(T1), &st), 0);
    INT_EQ(st, HEARSAY_INDEX_NEW);
    S_close(ix);
}

TEST(readd_same_is_idempotent) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    hearsay_index_stats a = S_stats(ix);
    S_fill(ix); /* the same three again: replaced, not doubled */
    hearsay_index_stats b = S_stats(ix);
    OK(!memcmp(&a, &b, sizeof a));
    S_hits h = S_search(ix, "wall", NULL, NULL, NULL);
    INT_EQ(h.n, 1);
    S_close(ix);
}

TEST(changed_text_replaces_rows) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    S_art x;
    S_t2(&x);
    x.text = "Trump said \"we are not leaving Afghanistan any time soon,\" again.\n";
    INT_EQ(S_add(ix, "t1", "2016-09-12", "breitbart", &x), 0); /* t1 now holds t2's words */
    hearsay_index_stats s = S_stats(ix);
    INT_EQ(s.articles, 3);
    INT_EQ(s.attributions, 3);
    INT_EQ(S_search(ix, "wall", NULL, NULL, NULL).n, 0);
    INT_EQ(S_search(ix, "cruel", NULL, NULL, NULL).n, 0);
    INT_EQ(S_search(ix, "leaving", NULL, NULL, NULL).n, 3);
    S_close(ix);
}

TEST(search_filters) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    S_hits h = S_search(ix, "wall mexico", NULL, NULL, NULL);
    INT_EQ(h.n, 1);
    STR_EQ(h.doc[0], "t1");
    STR_EQ(h.speaker[0], "Donald J. Trump");
    STR_EQ(h.text[0], "We will build a great wall and Mexico will pay for it.");
    /* any variant of the name finds every variant */
    INT_EQ(S_search(ix, NULL, "Trump", NULL, NULL).n, 2);
    INT_EQ(S_search(ix, NULL, "Donald Trump", NULL, NULL).n, 2);
    INT_EQ(S_search(ix, NULL, "Mr. Trump", NULL, NULL).n, 2);
    INT_EQ(S_search(ix, NULL, "Clinton", NULL, NULL).n, 1);
    INT_EQ(S_search(ix, NULL, "Nobody Atall", NULL, NULL).n, 0);
    INT_EQ(S_search(ix, "leaving", NULL, "politico", NULL).n, 2);
    INT_EQ(S_search(ix, "leaving", NULL, "breitbart", NULL).n, 0);
    INT_EQ(S_search(ix, "leaving", NULL, NULL, "2016-09-15").n, 1);
    INT_EQ(S_search(ix, "leav*", NULL, NULL, NULL).n, 2);
    /* FTS5 syntax in the words is read as words, never an error */
    INT_EQ(S_search(ix, "\"wall AND ( NOT", NULL, NULL, NULL).n, 0);
    /* no query: newest first */
    h = S_search(ix, NULL, NULL, NULL, NULL);
    INT_EQ(h.n, 4);
    STR_EQ(h.doc[0], "t3");
    S_close(ix);
}

TEST(speakers_merge_surname) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    S_spk c;
    memset(&c, 0, sizeof c);
    INT_EQ(hearsay_index_speakers(ix, 10, S_spk_cb, &c), 0);
    INT_EQ(c.n, 3);
    STR_EQ(c.name[0], "Donald J. Trump");
    STR_EQ(c.role[0], "President"); /* "Trump" in t2 has none */
    INT_EQ(c.quotes[0], 2);
    INT_EQ(c.articles[0], 2);
    S_close(ix);
}

TEST(speakers_ambiguous_surname_kept) {
    hearsay_index *ix = S_open();
    const char *t = "Bill Clinton said it. Hillary Clinton said it. Clinton said so.";
    S_art x;
    memset(&x, 0, sizeof x);
    x.text = t;
    int b = S_entity(&x, "Bill Clinton", NULL, 0, "Bill Clinton");
    S_attr(&x, HEARSAY_INDIRECT, "it", b, "Bill Clinton", "said");
    INT_EQ(S_add(ix, "b", NULL, NULL, &x), 0);
    memset(&x, 0, sizeof x);
    x.text = t;
    int h = S_entity(&x, "Hillary Clinton", NULL, 0, "Hillary Clinton");
    S_attr(&x, HEARSAY_INDIRECT, "it", h, "Hillary Clinton", "said");
    INT_EQ(S_add(ix, "h", NULL, NULL, &x), 0);
    memset(&x, 0, sizeof x);
    x.text = t;
    int c = S_entity(&x, "Clinton", NULL, 0, "Clinton said");
    S_attr(&x, HEARSAY_INDIRECT, "so", c, "Clinton said", "said");
    INT_EQ(S_add(ix, "c", NULL, NULL, &x), 0);
    INT_EQ(S_stats(ix).speakers, 3); /* "Clinton" is not made either one */
    S_close(ix);
}

static int S_rep_cb(void *ctx, const hearsay_index_repeat *r) {
    S_hits *c = ctx;
    if (c->n == 0) {
        snprintf(c->doc[0], 32, "%s", r->members[0].doc);
        snprintf(c->doc[1], 32, "%zu/%zu", r->n_articles, r->n_members);
    }
    c->n++;
    return 0;
}

TEST(repeats_variants) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    S_hits c;
    memset(&c, 0, sizeof c);
    INT_EQ(hearsay_index_repeats(ix, 2, 0, S_rep_cb, &c), 0);
    INT_EQ(c.n, 1);
    STR_EQ(c.doc[0], "t2"); /* the earlier article comes first */
    STR_EQ(c.doc[1], "2/2");
    S_close(ix);
}

/* An article whose whole text is one direct quotation. */
static int S_add_quote(hearsay_index *ix, const char *doc, const char *date,
                       const char *text) {
    S_art x;
    memset(&x, 0, sizeof x);
    x.text = text;
    S_attr(&x, HEARSAY_DIRECT, text, -1, NULL, NULL);
    return S_add(ix, doc, date, NULL, &x);
}

static int S_rep_members(void *ctx, const hearsay_index_repeat *r) {
    S_hits *c = ctx;
    for (size_t i = 0; i < r->n_members && c->n < 8; i++)
        snprintf(c->doc[c->n++], 32, "%s", r->members[i].doc);
    return 0;
}

TEST(repeats_not_chained_by_common_phrase) {
    hearsay_index *ix = S_open();
    INT_EQ(S_add_quote(ix, "a", "2016-01-01", "She is not fit to serve as the President "
                       "of the United States of America, and everyone in this country "
                       "knows it by now."), 0);
    INT_EQ(S_add_quote(ix, "b", "2016-01-02", "He would make a very fine President of "
                       "the United States of America, and a better one than anyone "
                       "else on that stage tonight."), 0);
    INT_EQ(S_add_quote(ix, "c", "2016-01-03", "not fit to serve as the President of the "
                       "United States of America"), 0);
    S_hits c;
    memset(&c, 0, sizeof c);
    INT_EQ(hearsay_index_repeats(ix, 2, 0, S_rep_members, &c), 0);
    INT_EQ(c.n, 2); /* one group: a and its trimmed copy c, not b */
    STR_EQ(c.doc[0], "a");
    STR_EQ(c.doc[1], "c");
    S_close(ix);
}

TEST(bad_record_leaves_nothing) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    hearsay_index_stats a = S_stats(ix);
    S_art x;
    S_t1(&x);
    x.parts[0].byte_end = 100000; /* past the text */
    INT_EQ(S_add(ix, "bad", NULL, NULL, &x), HEARSAY_INDEX_EINVAL);
    OK(strstr(hearsay_index_errmsg(ix), "out of range") != NULL);
    hearsay_index_stats b = S_stats(ix);
    OK(!memcmp(&a, &b, sizeof a));
    S_t1(&x);
    x.a[0].entity = 7;
    INT_EQ(S_add(ix, "bad", NULL, NULL, &x), HEARSAY_INDEX_EINVAL);
    INT_EQ(hearsay_index_add_record(ix, NULL, "x", 1, NULL), HEARSAY_INDEX_EINVAL);
    S_close(ix);
}

TEST(rollback_discards_batch) {
    hearsay_index *ix = S_open();
    S_art x;
    INT_EQ(hearsay_index_begin(ix), 0);
    INT_EQ(hearsay_index_begin(ix), HEARSAY_INDEX_EINVAL);
    S_t1(&x);
    INT_EQ(S_add(ix, "t1", NULL, NULL, &x), 0);
    INT_EQ(hearsay_index_rollback(ix), 0);
    INT_EQ(S_stats(ix).articles, 0);
    INT_EQ(hearsay_index_commit(ix), HEARSAY_INDEX_EINVAL);
    S_close(ix);
}

TEST(readonly_cannot_write) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    hearsay_index_close(ix);
    INT_EQ(hearsay_index_open(S_path, HEARSAY_INDEX_READONLY, &ix), 0);
    INT_EQ(S_stats(ix).articles, 3);
    S_art x;
    S_t1(&x);
    INT_EQ(S_add(ix, "new", NULL, NULL, &x), HEARSAY_INDEX_ESQLITE);
    OK(strstr(hearsay_index_errmsg(ix), "readonly") != NULL);
    S_close(ix);
}

TEST(json) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    hearsay_index_stats s = S_stats(ix);
    const char *out;
    size_t n;
    INT_EQ(hearsay_index_stats_json(ix, &s, &out, &n), 0);
    STR_EQ(out, "{\"articles\":3,\"attributions\":4,\"speakers\":3,\"mentions\":4}");
    INT_EQ(n, strlen(out));
    hearsay_index_speaker sp = {"A \"B\"\n", NULL, 0, 1, 1};
    INT_EQ(hearsay_index_speaker_json(ix, &sp, &out, NULL), 0);
    STR_EQ(out, "{\"name\":\"A \\\"B\\\"\\n\",\"role\":null,\"is_group\":false,"
                "\"quotes\":1,\"articles\":1}");
    S_close(ix);
}

static int S_hit_json_cb(void *ctx, const hearsay_index_hit *h) {
    void **pp = ctx;
    const char *out;
    if (hearsay_index_hit_json(pp[0], h, &out, NULL) == 0)
        snprintf(pp[1], 4096, "%s", out);
    return 1; /* stop after the first */
}

TEST(hit_json_fields) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    char json[4096] = "";
    void *pp[2] = {ix, json};
    hearsay_index_query q;
    hearsay_index_query_init(&q);
    q.match = "wall";
    INT_EQ(hearsay_index_search(ix, &q, S_hit_json_cb, pp), 0);
    OK(strstr(json, "{\"doc\":\"t1\",\"kind\":\"direct\",\"context\":\"body\","
                    "\"text\":\"We will build") == json);
    OK(strstr(json, "\"start\":55,\"end\":109,\"spans\":[[55,109]],\"byte_spans\":[[57,111]]"));
    OK(strstr(json, "\"speaker\":{\"text\":\"President Donald J. Trump\",\"start\":14,"));
    OK(strstr(json, "\"name\":\"Donald J. Trump\",\"role\":\"President\",\"entity\":0,"
                    "\"canonical\":\"Donald J. Trump\"}"));
    OK(strstr(json, "\"cue\":{\"text\":\"said\""));
    OK(strstr(json, "\"addressee\":null"));
    OK(strstr(json, "\"outlet\":\"breitbart\""));
    OK(strstr(json, "\"in_context\":\"WASHINGTON -- President"));
    S_close(ix);
}

static int S_month_cb(void *ctx, const char *month, long long quotes) {
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%s=%lld", n ? "," : "", month, quotes);
    return 0;
}

TEST(article_timeline_and_doc_filter) {
    hearsay_index *ix = S_open();
    S_fill(ix);
    hearsay_index_article art;
    INT_EQ(hearsay_index_get_article(ix, "t2", &art), 0);
    STR_EQ(art.doc, "t2");
    STR_EQ(art.text, T2);
    INT_EQ(art.len, strlen(T2));
    STR_EQ(art.outlet, "politico");
    STR_EQ(art.date, "2016-09-14");
    OK(art.url == NULL && art.title == NULL);
    INT_EQ(hearsay_index_get_article(ix, "nope", &art), HEARSAY_INDEX_ENOTFOUND);
    OK(strstr(hearsay_index_errmsg(ix), "nope") != NULL);
    char months[256] = "";
    INT_EQ(hearsay_index_timeline(ix, "Trump", S_month_cb, months), 0);
    STR_EQ(months, "2016-09=2");
    months[0] = '\0';
    INT_EQ(hearsay_index_timeline(ix, "Nobody Here", S_month_cb, months), 0);
    STR_EQ(months, "");
    hearsay_index_query q;
    hearsay_index_query_init(&q);
    q.doc = "t1";
    S_hits h;
    memset(&h, 0, sizeof h);
    INT_EQ(hearsay_index_search(ix, &q, S_hit_cb, &h), 0);
    INT_EQ(h.n, 2);
    STR_EQ(h.text[0], "We will build a great wall and Mexico will pay for it.");
    STR_EQ(h.text[1], "the plan was cruel"); /* in article order */
    S_close(ix);
}

int main(void) {
    RUN(name_norm);
    RUN(fingerprints);
    RUN(open_errors);
    RUN(add_and_stats);
    RUN(check_states);
    RUN(readd_same_is_idempotent);
    RUN(changed_text_replaces_rows);
    RUN(search_filters);
    RUN(speakers_merge_surname);
    RUN(speakers_ambiguous_surname_kept);
    RUN(repeats_variants);
    RUN(repeats_not_chained_by_common_phrase);
    RUN(bad_record_leaves_nothing);
    RUN(rollback_discards_batch);
    RUN(readonly_cannot_write);
    RUN(json);
    RUN(hit_json_fields);
    RUN(article_timeline_and_doc_filter);
    return DONE();
}
