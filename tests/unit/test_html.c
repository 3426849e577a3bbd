/*
 * test_html.c -- the HTML view: escaping, every attribution shown, properly
 * nested elements over overlapping highlights, the article's text kept
 * exactly, distinct speaker colours, the legend's counts.
 *
 * Some tests build a doc by hand (through hearsay_int.h) to get overlaps the
 * extractor rarely makes: a content crossing another's boundary, a
 * discontiguous content, debris cutting through a quotation.
 */
#include "harness.h"
#include "hearsay_int.h"

#include <stdlib.h>

/* ------------------------------------------------------------ helpers */

static const char *S_render(hearsay_doc *d, const char *text, size_t len, size_t *olen) {
    hearsay_docinfo info = {"t", NULL, NULL, NULL, "A <title> & \"more\""};
    const char *out = NULL;
    if (hearsay_render(d, HEARSAY_FORMAT_HTML, text, len, &info, &out, olen)) return NULL;
    return out;
}

static const char *S_extract_render(hearsay_doc *d, const char *text) {
    size_t olen;
    if (hearsay_extract(hearsay_model_builtin(), text, strlen(text), NULL, d)) return NULL;
    return S_render(d, text, strlen(text), &olen);
}

static size_t S_count(const char *hay, const char *needle) {
    size_t n = 0, k = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle)) n++;
    return n;
}

static int S_is_void(const char *name, size_t n) {
    static const char *const v[] = {"meta", "br", "hr", "img", "link", "input"};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (strlen(v[i]) == n && !memcmp(v[i], name, n)) return 1;
    return 0;
}

/* 1 when every element is closed in the order opened (void elements
 * aside), and no '<' or '>' appears outside a tag. */
static int S_nested(const char *html) {
    const char *stack[256];
    size_t ns[256], depth = 0;
    for (const char *p = html; *p; p++) {
        if (*p == '>') return 0;
        if (*p != '<') continue;
        const char *e = strchr(p, '>');
        if (!e) return 0;
        if (p[1] == '!') { p = e; continue; }
        int close = p[1] == '/';
        const char *name = p + 1 + close;
        size_t n = strcspn(name, " >\n");
        if (close) {
            if (!depth || ns[depth - 1] != n || memcmp(stack[depth - 1], name, n)) return 0;
            depth--;
        } else if (!S_is_void(name, n)) {
            if (depth == 256) return 0;
            stack[depth] = name;
            ns[depth++] = n;
        }
        p = e;
    }
    return depth == 0;
}

/* The visible text of the article pane: tags dropped, entities decoded. */
static char *S_pane_text(const char *html) {
    const char *open = "<div class=\"text\" lang=\"en\">";
    const char *p = strstr(html, open);
    const char *end = p ? strstr(p, "</div>") : NULL;
    if (!p || !end) return NULL;
    p += strlen(open);
    char *out = malloc((size_t)(end - p) + 1), *o = out;
    static const char *const ent[][2] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"},
                                         {"&quot;", "\""}, {"&#39;", "'"}};
    while (p < end) {
        if (*p == '<') { p = strchr(p, '>') + 1; continue; }
        size_t k = 0;
        while (*p == '&' && k < 5 && strncmp(p, ent[k][0], strlen(ent[k][0]))) k++;
        if (*p == '&' && k < 5) { *o++ = ent[k][1][0]; p += strlen(ent[k][0]); }
        else *o++ = *p++;
    }
    *o = 0;
    return out;
}

/* A hand-made doc over text: attributions are added with S_attr(). */
static hearsay_span S_sp(size_t b, size_t e) {
    hearsay_span s = {b, e, b, e}; /* ASCII text: bytes == code points */
    return s;
}

static void S_entity(hearsay_doc *d, const char *name, const char *role) {
    hearsay_entity e = {name, role, 0, NULL, 0};
    hs_vec_push(&d->pub_ents, e);
}

/* An attribution of entity ent with the given parts (pairs of offsets),
 * speaker mention and cue (sb == se: none). */
static void S_attr(hearsay_doc *d, int ent, const size_t *parts, size_t n, size_t sb, size_t se,
                   size_t cb, size_t ce) {
    hearsay_attribution a;
    memset(&a, 0, sizeof a);
    a.kind = HEARSAY_DIRECT;
    a.entity = ent;
    a.addressee_entity = -1;
    a.n_parts = n;
    a.parts = (const hearsay_span *)(uintptr_t)d->pub_parts.n; /* fixed by S_fix */
    for (size_t i = 0; i < n; i++) hs_vec_push(&d->pub_parts, S_sp(parts[2 * i], parts[2 * i + 1]));
    a.content = S_sp(parts[0], parts[2 * n - 1]);
    a.has_speaker = sb < se;
    a.speaker = S_sp(sb, se);
    a.has_cue = cb < ce;
    a.cue = S_sp(cb, ce);
    hs_vec_push(&d->pub, a);
}

/* Points the attributions' parts into pub_parts once it stops moving. */
static void S_fix(hearsay_doc *d, size_t len) {
    for (size_t i = 0; i < d->pub.n; i++)
        d->pub.v[i].parts = d->pub_parts.v + (uintptr_t)d->pub.v[i].parts;
    d->len = len;
}

static void S_debris(hearsay_doc *d, size_t b, size_t e, const char *kind) {
    hearsay_debris x = {S_sp(b, e), kind, "Po <st>", "@po", "2021-09-01"};
    hs_vec_push(&d->pub_debris, x);
}

/* -------------------------------------------------------------- tests */

TEST(script_in_article_is_text) {
    hearsay_doc *d = hearsay_doc_new();
    const char *text = "Smith said: \"<script>alert('x')</script> & more\".\n"
                       "<img src=x onerror=alert(1)> said the <b>tag</b>.\n";
    const char *html = S_extract_render(d, text);
    OK(html != NULL);
    if (html) {
        OK(!strstr(html, "<script"));
        OK(!strstr(html, "<img"));
        OK(!strstr(html, "<b>tag"));
        OK(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more") != NULL);
        OK(strstr(html, "<title>A &lt;title&gt; &amp; &quot;more&quot;") != NULL);
        OK(S_nested(html));
        char *pane = S_pane_text(html);
        OK(pane && !strcmp(pane, text));
        free(pane);
    }
    hearsay_doc_free(d);
}

TEST(self_contained) {
    hearsay_doc *d = hearsay_doc_new();
    const char *html = S_extract_render(d, "\"We will win,\" Smith said.\n");
    OK(html != NULL);
    if (html) {
        OK(!strstr(html, "<script"));
        OK(!strstr(html, "<link"));
        OK(!strstr(html, "http"));
        OK(!strstr(html, "@import"));
        OK(!strncmp(html, "<!DOCTYPE html>", 15));
    }
    hearsay_doc_free(d);
}

static char *S_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *p = malloc(1 << 20);
    *len = fread(p, 1, (1 << 20) - 1, f);
    p[*len] = 0;
    fclose(f);
    return p;
}

TEST(example_every_attribution_present) {
    size_t len;
    char *text = S_read_file("examples/klain-taliban.txt", &len);
    OK(text != NULL);
    if (!text) return;
    hearsay_doc *d = hearsay_doc_new();
    const char *html = S_extract_render(d, text);
    OK(html != NULL && hearsay_doc_count(d) >= 10);
    for (size_t i = 1; html && i <= hearsay_doc_count(d); i++) {
        char id[32], da[32];
        snprintf(id, sizeof id, "id=\"a%zu\"", i);
        INT_EQ(S_count(html, id), 1);
        snprintf(da, sizeof da, "data-a=\"%zu\"", i);
        OK(S_count(html, da) >= 1);
    }
    if (html) {
        OK(S_nested(html));
        INT_EQ(S_count(html, "<span") , S_count(html, "</span>"));
        OK(strstr(html, "Ron Klain") && strstr(html, "White House chief of staff"));
        char *pane = S_pane_text(html);
        OK(pane && !strcmp(pane, text));
        free(pane);
    }
    hearsay_doc_free(d);
    free(text);
}

/* Content of B crosses into A's; A's content is split in two parts with B's
 * speaker mention between; debris cuts through both. */
static const char S_cross[] =
    "Ann said \"one two three four\" and Bob's \"five six\" ends here.\nDEBRIS <x> line\n";

static hearsay_doc *S_cross_doc(void) {
    hearsay_doc *d = hearsay_doc_new();
    S_entity(d, "Ann Smith", "senator");
    S_entity(d, "Bob Jones", NULL);
    size_t a_parts[] = {9, 20, 23, 29};      /* "\"one two th", " four\"" */
    size_t b_parts[] = {15, 26, 34, 58};     /* "o three fo" crosses both of A's
                                                parts; "Bob's ... he" crosses
                                                the debris */
    S_attr(d, 0, a_parts, 2, 0, 3, 4, 8);    /* Ann said */
    S_attr(d, 1, b_parts, 2, 34, 37, 0, 0);  /* Bob, inside B's own content */
    S_debris(d, 51, 78, "related-headline"); /* "ends here." to the end */
    S_fix(d, sizeof S_cross - 1);
    return d;
}

TEST(overlaps_nest_and_keep_text) {
    hearsay_doc *d = S_cross_doc();
    size_t olen;
    const char *html = S_render(d, S_cross, sizeof S_cross - 1, &olen);
    OK(html != NULL);
    if (html) {
        OK(S_nested(html));
        INT_EQ(S_count(html, "<span"), S_count(html, "</span>"));
        char *pane = S_pane_text(html);
        OK(pane && !strcmp(pane, S_cross));
        free(pane);
        /* debris greyed and labelled once, with its author escaped */
        INT_EQ(S_count(html, "data-label=\"set aside: related-headline by Po &lt;st&gt; @po, 2021-09-01\""), 1);
        OK(S_count(html, "data-kind=\"related-headline\"") >= 1);
        /* crossing spans are split: more fragments than parts */
        OK(S_count(html, "class=\"q s0 k-direct\" data-a=\"1\"") > 2);
        OK(S_count(html, "class=\"q s1 k-direct\" data-a=\"2\"") > 2);
        INT_EQ(S_count(html, "class=\"spk s1 k-direct\" data-a=\"2\""), 1);
        INT_EQ(S_count(html, "class=\"cue s0 k-direct\" data-a=\"1\""), 1);
        /* one anchor per content start, on its first fragment */
        INT_EQ(S_count(html, " id=\"at9\">"), 1);
        INT_EQ(S_count(html, " id=\"at15\">"), 1);
        INT_EQ(S_count(html, " id=\"at"), 2);
    }
    hearsay_doc_free(d);
}

TEST(tab_stops_once_per_part) {
    hearsay_doc *d = S_cross_doc();
    size_t olen;
    const char *html = S_render(d, S_cross, sizeof S_cross - 1, &olen);
    OK(html != NULL);
    /* A: 2 parts + 1 speaker; B: 2 parts + 1 speaker */
    if (html) INT_EQ(S_count(html, "tabindex=\"0\""), 6);
    hearsay_doc_free(d);
}

TEST(details_in_tooltip) {
    hearsay_doc *d = S_cross_doc();
    d->pub.v[0].has_addressee = 1;
    d->pub.v[0].addressee = S_sp(34, 37);
    d->pub.v[0].addressee_entity = 1;
    d->pub.v[0].date = "2021-08-31";
    size_t olen;
    const char *html = S_render(d, S_cross, sizeof S_cross - 1, &olen);
    OK(html != NULL);
    if (html)
        OK(strstr(html, "data-tip=\"[1] Ann Smith, senator\ndirect\nspeaker: \xE2\x80\x9C" "Ann"
                        "\xE2\x80\x9D\ncue: said\nto: Bob Jones\ndate: 2021-08-31\"") != NULL);
    hearsay_doc_free(d);
}

TEST(legend_counts_and_shares) {
    hearsay_doc *d = S_cross_doc();
    size_t olen;
    const char *html = S_render(d, S_cross, sizeof S_cross - 1, &olen);
    OK(html != NULL);
    /* words: A "one two th" + "four" = 4; B "o three fo" + "Bob s five six
     * ends he" = 9; ties on count go by first appearance */
    if (html) {
        OK(strstr(html, "<b>Ann Smith</b>, senator<br><span class=\"n\">1 attribution \xC2\xB7 30.8% of") != NULL);
        OK(strstr(html, "<b>Bob Jones</b><br><span class=\"n\">1 attribution \xC2\xB7 69.2% of") != NULL);
        OK(strstr(html, "<b>Ann Smith</b>") < strstr(html, "<b>Bob Jones</b>"));
        OK(strstr(html, "2 attributions, 2 speakers, 1 paragraph of page debris set aside") != NULL);
    }
    hearsay_doc_free(d);
}

TEST(share_of_words) {
    static const char t[] = "a b c d. e f g h.";
    hearsay_doc *d = hearsay_doc_new();
    S_entity(d, "Three", NULL);
    S_entity(d, "One", NULL);
    size_t p1[] = {0, 5}, p2[] = {9, 10}; /* "a b c" 3 words, "e" 1 word */
    S_attr(d, 1, p2, 1, 0, 0, 0, 0);
    S_attr(d, 0, p1, 1, 0, 0, 0, 0);
    S_fix(d, sizeof t - 1);
    size_t olen;
    const char *html = S_render(d, t, sizeof t - 1, &olen);
    OK(html != NULL);
    if (html) {
        OK(strstr(html, "<b>Three</b><br><span class=\"n\">1 attribution \xC2\xB7 75.0% of quoted words") != NULL);
        OK(strstr(html, "<b>One</b><br><span class=\"n\">1 attribution \xC2\xB7 25.0% of quoted words") != NULL);
        /* ties on count: first appearance first */
        OK(strstr(html, "<b>One</b>") < strstr(html, "<b>Three</b>"));
    }
    hearsay_doc_free(d);
}

TEST(distinct_colours_for_many_speakers) {
    static char t[400];
    static const char *const names[] = {"Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal",
                                        "Ivy", "Jo", "Kim", "Lu", "Max", "Ned", "Oz", "Pam"};
    enum { N = 16 };
    memset(t, 'x', sizeof t - 1);
    hearsay_doc *d = hearsay_doc_new();
    for (size_t i = 0; i < N; i++) {
        S_entity(d, names[i], NULL);
        size_t p[] = {i * 20, i * 20 + 10};
        S_attr(d, (int)i, p, 1, 0, 0, 0, 0);
    }
    S_fix(d, sizeof t - 1);
    size_t olen;
    const char *html = S_render(d, t, sizeof t - 1, &olen);
    OK(html != NULL);
    unsigned c[N];
    for (size_t i = 0; html && i < N; i++) {
        char key[16];
        snprintf(key, sizeof key, ".s%zu{--c:#", i);
        const char *p = strstr(html, key);
        OK(p != NULL);
        c[i] = p ? (unsigned)strtoul(p + strlen(key), NULL, 16) : i;
        for (size_t j = 0; j < i; j++)
            if (c[i] == c[j]) FAILF("speakers %zu and %zu share colour %06x", j, i, c[i]);
    }
    hearsay_doc_free(d);
}

TEST(invalid_utf8_and_nul) {
    static const char t[] = "Bad \xff\xfe bytes \"and\0nul\" said Al.\n";
    hearsay_doc *d = hearsay_doc_new();
    OK(hearsay_extract(hearsay_model_builtin(), t, sizeof t - 1, NULL, d) == 0);
    size_t olen = 0;
    const char *html = S_render(d, t, sizeof t - 1, &olen);
    OK(html != NULL);
    if (html) {
        INT_EQ(strlen(html), olen); /* no NUL byte in the page */
        OK(strstr(html, "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes") != NULL);
        OK(S_nested(html));
    }
    hearsay_doc_free(d);
}

TEST(empty_article) {
    hearsay_doc *d = hearsay_doc_new();
    const char *html = S_extract_render(d, "");
    OK(html != NULL);
    if (html) {
        OK(strstr(html, "0 attributions, 0 speakers") != NULL);
        OK(S_nested(html));
    }
    hearsay_doc_free(d);
}

TEST(same_name_one_legend_entry) {
    static const char t[] = "one two three four five six";
    hearsay_doc *d = hearsay_doc_new();
    S_entity(d, "officials", NULL);
    S_entity(d, "Ann", NULL);
    S_entity(d, "officials", NULL);
    size_t p0[] = {0, 3}, p1[] = {4, 7}, p2[] = {8, 13};
    S_attr(d, 0, p0, 1, 0, 0, 0, 0);
    S_attr(d, 1, p1, 1, 0, 0, 0, 0);
    S_attr(d, 2, p2, 1, 0, 0, 0, 0);
    S_fix(d, sizeof t - 1);
    size_t olen;
    const char *html = S_render(d, t, sizeof t - 1, &olen);
    OK(html != NULL);
    if (html) {
        INT_EQ(S_count(html, "<b>officials</b>"), 1);
        OK(strstr(html, "<b>officials</b><br><span class=\"n\">2 attributions") != NULL);
        INT_EQ(S_count(html, "class=\"q s0 k-direct\""), 2); /* both in the first colour */
        OK(strstr(html, "2 speakers") != NULL);
    }
    hearsay_doc_free(d);
}

TEST(debris_lines_labelled_once) {
    static const char t[] = "Body.\npost line one\npost line two\nCLICK HERE\nBody.\n";
    hearsay_doc *d = hearsay_doc_new();
    S_fix(d, sizeof t - 1);
    S_debris(d, 6, 19, "embedded-post");
    S_debris(d, 20, 33, "embedded-post");
    S_debris(d, 34, 44, "promotion");
    size_t olen;
    const char *html = S_render(d, t, sizeof t - 1, &olen);
    OK(html != NULL);
    if (html) {
        INT_EQ(S_count(html, "data-label=\"set aside: embedded-post by Po &lt;st&gt; @po"), 1);
        INT_EQ(S_count(html, "data-label=\"set aside: promotion"), 1);
        INT_EQ(S_count(html, "class=\"debris\""), 3);
        OK(strstr(html, "3 paragraphs of page debris set aside") != NULL);
        char *pane = S_pane_text(html);
        OK(pane && !strcmp(pane, t));
        free(pane);
    }
    hearsay_doc_free(d);
}

int main(void) {
    RUN(script_in_article_is_text);
    RUN(self_contained);
    RUN(example_every_attribution_present);
    RUN(overlaps_nest_and_keep_text);
    RUN(tab_stops_once_per_part);
    RUN(details_in_tooltip);
    RUN(legend_counts_and_shares);
    RUN(share_of_words);
    RUN(distinct_colours_for_many_speakers);
    RUN(invalid_utf8_and_nul);
    RUN(empty_article);
    RUN(same_name_one_legend_entry);
    RUN(debris_lines_labelled_once);
    return DONE();
}
