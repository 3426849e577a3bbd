/*
 * test_quote.c -- quotation-mark pairing (src/quote.c).
 *
 * Each quotation is shown as its text (opening mark to closing mark, or to
 * the paragraph's end), then "#level", then "+open" when it was never
 * closed and "+re" when it continues an open quotation of the paragraph
 * before; quotations are joined by " | " in the order quote.c made them.
 */
#include "hearsay_int.h"
#include "harness.h"

#include <stdio.h>

static hearsay_doc *S_d;

static const char *S_quotes_n(const char *text, size_t len) {
    static char out[2048];
    if (!S_d) S_d = hearsay_doc_new();
    int rc = hearsay_extract(NULL, text, len, NULL, S_d);
    if (rc) FAILF("hearsay_extract: %s", hearsay_strerror(rc));
    size_t k = 0;
    out[0] = 0;
    for (size_t i = 0; i < S_d->quotes.n && k < sizeof out - 64; i++) {
        const hs_quote *q = &S_d->quotes.v[i];
        uint32_t b = S_d->toks.v[q->t0].b, e = S_d->toks.v[q->t1 - 1].e;
        int w = snprintf(out + k, sizeof out - k, "%s%.*s#%d%s%s", i ? " | " : "", (int)(e - b), text + b,
                         q->level, q->closed ? "" : "+open", q->reopens ? "+re" : "");
        if (w > 0) k += (size_t)w;
    }
    return out;
}

static const char *S_quotes(const char *text) { return S_quotes_n(text, strlen(text)); }

#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */
#define LS "\xE2\x80\x98" /* ‘ */
#define RS "\xE2\x80\x99" /* ’ */
#define LG "\xC2\xAB"     /* « */
#define RG "\xC2\xBB"     /* » */

TEST(curly_double) {
    STR_EQ(S_quotes(LQ "We will win," RQ " she said. " LQ "Soon." RQ),
           LQ "We will win," RQ "#0 | " LQ "Soon." RQ "#0");
}

TEST(straight_double) {
    STR_EQ(S_quotes("\"We will win,\" she said, \"and soon.\""),
           "\"We will win,\"#0 | \"and soon.\"#0");
}

TEST(straight_double_decided_by_spacing) {
    /* a closing mark glued to the word before, an opening one to the word after */
    STR_EQ(S_quotes("He called it \"fake\"and left \"now\"."), "\"fake\"#0 | \"now\"#0");
}

TEST(two_apostrophes_and_backticks) {
    STR_EQ(S_quotes("''It is over,'' he said. ``Done,'' she said."),
           "''It is over,''#0 | ``Done,''#0");
}

TEST(guillemets) {
    STR_EQ(S_quotes(LG "Nous partons" RG ", dit-il. " LG " Avec espaces " RG),
           LG "Nous partons" RG "#0 | " LG " Avec espaces " RG "#0");
}

TEST(single_nested_in_double) {
    STR_EQ(S_quotes(LQ "He told me " LS "never again" RS " twice," RQ " she said."),
           LQ "He told me " LS "never again" RS " twice," RQ "#0 | " LS "never again" RS "#1");
    INT_EQ(S_d->quotes.v[1].parent, 0);
    INT_EQ(S_d->quotes.v[0].parent, -1);
}

TEST(straight_single_nested_in_straight_double) {
    STR_EQ(S_quotes("\"She said 'no' to me,\" he said."),
           "\"She said 'no' to me,\"#0 | 'no'#1");
}

TEST(apostrophes_are_not_quotations) {
    STR_EQ(S_quotes("The voters" RS " choice and don" RS "t, the voters' choice."), "");
}

TEST(decade_elision_is_not_a_quotation) {
    /* "the '90s" opened a quotation running to the paragraph's end, which
     * made "X said the '90s were ..." a mixed attribution */
    STR_EQ(S_quotes("He said the '90s and the " RS "80s, class of '16, were better."), "");
    STR_EQ(S_quotes("\"Back in the '90s, it was fine,\" he said."), "\"Back in the '90s, it was fine,\"#0");
}

TEST(tokens_inside_are_marked) {
    S_quotes("a " LQ "b c" RQ " d");
    OK(!(S_d->toks.v[0].flags & HS_F_INQ));
    OK(S_d->toks.v[2].flags & HS_F_INQ);
    INT_EQ(S_d->toks.v[2].quote, 0);
    OK(!(S_d->toks.v[5].flags & HS_F_INQ));
    INT_EQ(S_d->toks.v[5].quote, -1);
}

TEST(unclosed_runs_to_the_paragraph_end) {
    STR_EQ(S_quotes("He said " LQ "we are leaving and never closed it.\nNext paragraph."),
           LQ "we are leaving and never closed it.#0+open");
}

TEST(stray_closing_mark_is_dropped) {
    STR_EQ(S_quotes("Nothing opened here" RQ " at all."), "");
    STR_EQ(S_quotes("A stray " RQ " then " LQ "a real one" RQ "."), LQ "a real one" RQ "#0");
}

TEST(odd_number_of_straight_marks) {
    STR_EQ(S_quotes("\"One,\" he said. \"Two"), "\"One,\"#0 | \"Two#0+open");
}

TEST(multi_paragraph_reopening) {
    STR_EQ(S_quotes(LQ "First paragraph.\n" LQ "Second paragraph.\n" LQ "Last," RQ " he said."),
           LQ "First paragraph.#0+open | " LQ "Second paragraph.#0+open+re | " LQ "Last," RQ "#0+re");
}

TEST(closed_quotation_is_not_reopened) {
    STR_EQ(S_quotes(LQ "Done," RQ " he said.\n" LQ "New one," RQ " she said."),
           LQ "Done," RQ "#0 | " LQ "New one," RQ "#0");
}

TEST(opening_mark_used_as_closing) {
    STR_EQ(S_quotes(LQ "text" LQ " he said."), LQ "text" LQ "#0");
}

TEST(deep_nesting_is_bounded) {
    char text[512];
    size_t k = 0;
    for (int i = 0; i < 40; i++) {
        const char *m = i % 2 ? LS : LQ;
        memcpy(text + k, m, 3);
        k += 3;
        text[k++] = 'a';
        text[k++] = ' ';
    }
    S_quotes_n(text, k);
    OK(S_d->quotes.n > 0);
    int maxlevel = 0;
    for (size_t i = 0; i < S_d->quotes.n; i++)
        if (S_d->quotes.v[i].level > maxlevel) maxlevel = S_d->quotes.v[i].level;
    OK(maxlevel < 8);
}

TEST(quote_marks_only) {
    char text[3 * 1000];
    for (int i = 0; i < 1000; i++) memcpy(text + 3 * i, LQ, 3);
    S_quotes_n(text, sizeof text);
    OK(S_d->quotes.n >= 1);
    for (size_t i = 0; i < S_d->quotes.n; i++) OK(S_d->quotes.v[i].t1 <= S_d->toks.n);
}

int main(void) {
    RUN(curly_double);
    RUN(straight_double);
    RUN(straight_double_decided_by_spacing);
    RUN(two_apostrophes_and_backticks);
    RUN(guillemets);
    RUN(single_nested_in_double);
    RUN(straight_single_nested_in_straight_double);
    RUN(apostrophes_are_not_quotations);
    RUN(decade_elision_is_not_a_quotation);
    RUN(tokens_inside_are_marked);
    RUN(unclosed_runs_to_the_paragraph_end);
    RUN(stray_closing_mark_is_dropped);
    RUN(odd_number_of_straight_marks);
    RUN(multi_paragraph_reopening);
    RUN(closed_quotation_is_not_reopened);
    RUN(opening_mark_used_as_closing);
    RUN(deep_nesting_is_bounded);
    RUN(quote_marks_only);
    hearsay_doc_free(S_d);
    return DONE();
}
