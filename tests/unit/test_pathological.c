/*
 * test_pathological.c -- hostile inputs through the library (cf. cmark's
 * test/pathological_tests.py). Inputs are generated here, never stored.
 *
 * Each input must extract without a crash, keep every invariant
 * (tests/unit/invariants.h), render valid JSON Lines, and finish within
 * S_BOUND seconds of CPU time (not wall time, so a busy machine does not
 * fail it): generous, yet far below what quadratic work on these sizes
 * takes (a 10 MB article of distinct speakers took minutes before
 * entity.c stopped comparing every mention with every entity). Under valgrind
 * (VALGRIND set, as `make valgrind` does) the inputs are 1/20 the size and
 * the time bound is not checked. HS_VERBOSE=1 prints each input's time.
 */
#include "hearsay_int.h"
#include "harness.h"
#include "invariants.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define S_BOUND 30.0
#define MB ((size_t)1 << 20)
/* JSON Lines output stays linear in the input: at most this many times
 * its size (a record is a few hundred bytes; the shortest attribution
 * "A said b." ten) */
#define S_OUT_RATIO 100

static hearsay_doc *S_d;
static size_t S_scale = 1; /* inputs are divided by this */

static double S_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Extracts text[0..len) with o (NULL: defaults), checks the invariants and
 * the JSON Lines output, and the time. Returns the status. */
static int S_check(const char *label, const char *text, size_t len, const hearsay_options *o) {
    double t0 = S_now();
    int rc = hearsay_extract(NULL, text, len, o, S_d);
    if (rc == HEARSAY_OK) {
        const char *why = hs_inv_doc(S_d, text, len);
        if (why) FAILF("%s: %s", label, why);
        const char *out;
        size_t n;
        INT_EQ(hearsay_render(S_d, HEARSAY_FORMAT_JSONL, text, len, NULL, &out, &n), HEARSAY_OK);
        if ((why = hs_inv_jsonl(out, n, hearsay_doc_count(S_d)))) FAILF("%s: %s", label, why);
        if (n > S_OUT_RATIO * len + 4096) FAILF("%s: %zu bytes of JSON Lines from %zu bytes", label, n, len);
        INT_EQ(hearsay_render(S_d, HEARSAY_FORMAT_BRAT, text, len, NULL, &out, &n), HEARSAY_OK);
        if ((why = hs_inv_brat(out, n, hearsay_doc_length(S_d)))) FAILF("%s: %s", label, why);
        INT_EQ(hearsay_render(S_d, HEARSAY_FORMAT_TEXT, text, len, NULL, &out, &n), HEARSAY_OK);
        if ((why = hs_inv_utf8(out, n))) FAILF("%s: text format: %s", label, why);
    }
    double dt = S_now() - t0;
    if (getenv("HS_VERBOSE")) printf("  %9zu bytes %7.3f s  %.30s\n", len, dt, label);
    if (S_scale == 1 && dt > S_BOUND) FAILF("%s: %.1f s, bound %.0f s", label, dt, S_BOUND);
    return rc;
}

static char *S_repeat(const char *unit, size_t ulen, size_t total) {
    char *p = malloc(total + 1);
    for (size_t i = 0; i < total; i++) p[i] = unit[i % ulen];
    p[total] = 0;
    return p;
}

static char *S_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    *len = fread(p, 1, (size_t)n, f);
    p[*len] = 0;
    fclose(f);
    return p;
}

/* --------------------------------------------------------------- tests */

TEST(five_mb_of_random_bytes) {
    size_t n = 5 * MB / S_scale;
    char *p = malloc(n);
    unsigned s = 12345;
    for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        p[i] = (char)(s >> 23);
    }
    INT_EQ(S_check("random", p, n, NULL), HEARSAY_OK);
    OK(hearsay_doc_invalid_utf8(S_d) > 0);
    free(p);
}

TEST(invalid_utf8_inside_quotations) {
    /* python3: s = text.decode('utf-8', 'replace'); len(s) == 45 and the
     * quotation, marks included, is s[12:34] ('\u201cBad \ufffd\ufffd bytes
     * \ufffd here,\u201d'), bytes text[12:39] */
    static const char text[] = "Smith said: \xE2\x80\x9C" "Bad \xFF\xFE bytes \xE2\x80 here,\xE2\x80\x9D she said.\n";
    INT_EQ(S_check("invalid-in-quote", text, sizeof text - 1, NULL), HEARSAY_OK);
    INT_EQ(hearsay_doc_invalid_utf8(S_d), 3);
    INT_EQ(hearsay_doc_length(S_d), 45);
    OK(hearsay_doc_count(S_d) >= 1);
    const hearsay_attribution *a = hearsay_doc_get(S_d, 0);
    if (!a) return;
    INT_EQ(a->kind, HEARSAY_DIRECT);
    INT_EQ(a->content.start, 12);
    INT_EQ(a->content.end, 34);
    INT_EQ(a->content.byte_start, 12);
    INT_EQ(a->content.byte_end, 39);
}

TEST(nul_bytes) {
    size_t n = 2 * MB / S_scale;
    static const char unit[] = "\"We\0 will\0\0go,\" he\0said.\n\0";
    char *p = S_repeat(unit, sizeof unit - 1, n);
    INT_EQ(S_check("nul", p, n, NULL), HEARSAY_OK);
    INT_EQ(hearsay_doc_length(S_d), n);
    OK(hearsay_doc_count(S_d) > 0);
    free(p);
}

TEST(one_hundred_mb_over_the_limit) {
    /* The API refuses before reading: no need for 100 MB of memory. */
    hearsay_options o;
    hearsay_options_init(&o);
    char one = 'x';
    INT_EQ(hearsay_extract(NULL, &one, 100 * MB, &o, S_d), HEARSAY_ETOOBIG);
    INT_EQ(hearsay_doc_count(S_d), 0);
    o.max_doc_bytes = 16;
    INT_EQ(S_check("limit", "seventeen bytes!!", 17, &o), HEARSAY_ETOOBIG);
    INT_EQ(S_check("limit", "sixteen bytes!!!", 16, &o), HEARSAY_OK);
}

TEST(ten_mb_single_line) {
    size_t alen;
    char *art = S_slurp("examples/klain-taliban.txt", &alen);
    OK(art != NULL);
    if (!art) return;
    for (size_t i = 0; i < alen; i++)
        if (art[i] == '\n') art[i] = ' ';
    size_t n = 10 * MB / S_scale;
    char *p = S_repeat(art, alen, n);
    INT_EQ(S_check("10mb-line", p, n, NULL), HEARSAY_OK);
    OK(hearsay_doc_count(S_d) > 100 / S_scale);
    free(p);
    free(art);
}

TEST(a_million_opening_quote_marks) {
    static const char *const marks[] = {"\xE2\x80\x9C", "\"", "\xC2\xAB", "\xE2\x80\x98", "''", "'"};
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++) {
        size_t ml = strlen(marks[m]), n = ml * 1000000 / S_scale;
        char *p = S_repeat(marks[m], ml, n);
        INT_EQ(S_check(marks[m], p, n, NULL), HEARSAY_OK);
        free(p);
    }
}

TEST(quote_marks_with_words_between) {
    size_t n = 4 * MB / S_scale;
    static const char unit[] = "\xE2\x80\x9C" "a said \" b \xE2\x80\x9D, told ' c \xC2\xBB ";
    char *p = S_repeat(unit, sizeof unit - 1, n);
    /* cut at a code-point boundary */
    while (n && ((unsigned char)p[n - 1] & 0xC0) == 0x80) n--;
    while (n && (unsigned char)p[n - 1] >= 0xC0) n--;
    INT_EQ(S_check("marks-and-words", p, n, NULL), HEARSAY_OK);
    free(p);
}

TEST(deeply_nested_quotes) {
    static const char unit[] = "\xE2\x80\x9C" "he said \xE2\x80\x98" "she said ";
    size_t n = (sizeof unit - 1) * 200000 / S_scale;
    char *p = S_repeat(unit, sizeof unit - 1, n);
    INT_EQ(S_check("nested", p, n, NULL), HEARSAY_OK);
    free(p);
}

TEST(many_short_paragraphs_of_quotes) {
    static const char unit[] = "\xE2\x80\x9C" "Still going,\n";
    size_t n = (sizeof unit - 1) * 300000 / S_scale;
    char *p = S_repeat(unit, sizeof unit - 1, n);
    INT_EQ(S_check("multi-paragraph", p, n, NULL), HEARSAY_OK);
    free(p);
}

/* A made-up capitalised name from the seed: "Bodika". */
static size_t S_name(unsigned *seed, char *out) {
    static const char cons[] = "bcdfghklmnprstvz", vow[] = "aeiou";
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        *seed = *seed * 1103515245u + 12345u;
        out[k++] = cons[(*seed >> 16) % 16];
        out[k++] = vow[(*seed >> 20) % 5];
    }
    out[0] = (char)(out[0] - 32);
    return k;
}

/* n bytes of template lines; each %s becomes a new made-up name. */
static char *S_speakers(const char *tmpl, size_t n) {
    char *p = malloc(n + 256);
    unsigned seed = 99;
    size_t k = 0;
    while (k < n) {
        for (const char *t = tmpl; *t && k < n + 200; t++) {
            if (t[0] == '%' && t[1] == 's') {
                k += S_name(&seed, p + k);
                t++;
            } else {
                p[k++] = *t;
            }
        }
    }
    return p;
}

/* One long article with tens of thousands of speakers, pronouns without an
 * antecedent, descriptions that match no one, relative "who": speaker
 * resolution must not compare every mention with every other. */
TEST(many_speakers_in_one_document) {
    static const char *const tmpl[] = {
        "%s %s said that the plan would fail.\n",
        "\"It will fail,\" %s %s said. \"We know,\" she said.\n",
        "Spokesman %s %s said that it would. The senator said that it would not.\n",
        "He said that the plan would fail.\n",
        /* (not 'who said no.': 'no.' is no full stop, and one sentence of
         * thousands of cues gives the classifier's sentence context one
         * earlier cue after another) */
        "They told officials, who said it would fail.\n",
    };
    for (size_t i = 0; i < sizeof tmpl / sizeof *tmpl; i++) {
        size_t n = 10 * MB / S_scale;
        char *p = S_speakers(tmpl[i], n);
        INT_EQ(S_check(tmpl[i], p, n, NULL), HEARSAY_OK);
        OK(hearsay_doc_count(S_d) > 10000 / S_scale);
        free(p);
    }
}

/* One paragraph, no full stop the tokenizer trusts ("no." reads as the
 * abbreviation of "number"): contents run to the sentence's end, so an
 * unbounded sentence made the output quadratic (100 KB gave 297 MB). */
TEST(run_on_sentence) {
    static const char *const unit[] = {"They told officials, who said no. ", "Klain said the plan, and "};
    for (size_t i = 0; i < sizeof unit / sizeof *unit; i++) {
        size_t n = 10 * MB / S_scale;
        char *p = S_repeat(unit[i], strlen(unit[i]), n);
        INT_EQ(S_check(unit[i], p, n, NULL), HEARSAY_OK);
        free(p);
    }
}

/* Content text without its '\r' bytes. */
static size_t S_strip_cr(const char *text, const hearsay_span *sp, char *out) {
    size_t n = 0;
    for (size_t i = sp->byte_start; i < sp->byte_end; i++)
        if (text[i] != '\r') out[n++] = text[i];
    return n;
}

/* The same article with CRLF line ends and a byte-order mark gives the same
 * attributions with the same content. */
TEST(crlf_and_byte_order_mark) {
    size_t alen;
    char *art = S_slurp("examples/klain-taliban.txt", &alen);
    OK(art != NULL);
    if (!art) return;
    char *crlf = malloc(2 * alen + 4), *x = malloc(2 * alen + 4), *y = malloc(2 * alen + 4);
    size_t n = 3;
    memcpy(crlf, "\xEF\xBB\xBF", 3);
    for (size_t i = 0; i < alen; i++) {
        if (art[i] == '\n') crlf[n++] = '\r';
        crlf[n++] = art[i];
    }
    hearsay_doc *lf = S_d;
    S_d = hearsay_doc_new();
    INT_EQ(S_check("lf", art, alen, NULL), HEARSAY_OK);
    hearsay_doc *tmp = lf;
    lf = S_d;
    S_d = tmp;
    INT_EQ(S_check("crlf+bom", crlf, n, NULL), HEARSAY_OK);
    INT_EQ(hearsay_doc_count(S_d), hearsay_doc_count(lf));
    OK(hearsay_doc_count(lf) > 5);
    for (size_t i = 0; i < hearsay_doc_count(S_d) && i < hearsay_doc_count(lf); i++) {
        const hearsay_attribution *a = hearsay_doc_get(lf, i), *b = hearsay_doc_get(S_d, i);
        size_t nx = S_strip_cr(art, &a->content, x), ny = S_strip_cr(crlf, &b->content, y);
        OK(nx == ny && !memcmp(x, y, nx));
        OK(b->content.start > a->content.start);
        INT_EQ(a->has_speaker, b->has_speaker);
    }
    hearsay_doc_free(lf);
    free(x);
    free(y);
    free(crlf);
    free(art);
}

TEST(empty_input) {
    INT_EQ(S_check("empty", "", 0, NULL), HEARSAY_OK);
    INT_EQ(hearsay_doc_count(S_d), 0);
    INT_EQ(hearsay_doc_length(S_d), 0);
    INT_EQ(hearsay_extract(NULL, NULL, 0, NULL, S_d), HEARSAY_OK);
    INT_EQ(hearsay_extract(NULL, NULL, 1, NULL, S_d), HEARSAY_EINVAL);
}

int main(void) {
    if (getenv("VALGRIND")) S_scale = 20;
    S_d = hearsay_doc_new();
    RUN(five_mb_of_random_bytes);
    RUN(invalid_utf8_inside_quotations);
    RUN(nul_bytes);
    RUN(one_hundred_mb_over_the_limit);
    RUN(ten_mb_single_line);
    RUN(a_million_opening_quote_marks);
    RUN(quote_marks_with_words_between);
    RUN(deeply_nested_quotes);
    RUN(many_short_paragraphs_of_quotes);
    RUN(many_speakers_in_one_document);
    RUN(run_on_sentence);
    RUN(crlf_and_byte_order_mark);
    RUN(empty_input);
    hearsay_doc_free(S_d);
    return DONE();
}
