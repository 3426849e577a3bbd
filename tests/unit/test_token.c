/*
 * test_token.c -- tokens, sentences and paragraphs (src/token.c), read from
 * the doc's internal vectors after hearsay_extract().
 *
 * Token, sentence and paragraph lists are compared as strings: the pieces'
 * text joined by '|', so one STR_EQ shows the whole segmentation.
 */
#include "hearsay_int.h"
#include "harness.h"
#include "model.h"

static hearsay_doc *S_d;

static hearsay_doc *S_run(const char *text) {
    if (!S_d) S_d = hearsay_doc_new();
    int rc = hearsay_extract(NULL, text, strlen(text), NULL, S_d);
    if (rc) FAILF("hearsay_extract: %s", hearsay_strerror(rc));
    S_d->text = text; /* internal vectors point into it */
    return S_d;
}

/* text[b..e) pieces joined by '|' into a static buffer. */
static const char *S_join(const char *text, const uint32_t *be, size_t n) {
    static char out[1024];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t b = be[2 * i], e = be[2 * i + 1];
        if (i && k < sizeof out - 1) out[k++] = '|';
        for (uint32_t j = b; j < e && k < sizeof out - 1; j++) out[k++] = text[j];
    }
    out[k] = 0;
    return out;
}

static const char *S_tokens(const char *text) {
    hearsay_doc *d = S_run(text);
    static uint32_t be[256];
    size_t n = d->toks.n < 128 ? d->toks.n : 128;
    for (size_t i = 0; i < n; i++) {
        be[2 * i] = d->toks.v[i].b;
        be[2 * i + 1] = d->toks.v[i].e;
    }
    return S_join(text, be, n);
}

static const char *S_sentences(const char *text) {
    hearsay_doc *d = S_run(text);
    static uint32_t be[256];
    size_t n = d->sents.n < 128 ? d->sents.n : 128;
    for (size_t i = 0; i < n; i++) {
        be[2 * i] = d->toks.v[d->sents.v[i].t0].b;
        be[2 * i + 1] = d->toks.v[d->sents.v[i].t1 - 1].e;
    }
    return S_join(text, be, n);
}

static const char *S_paragraphs(const char *text) {
    hearsay_doc *d = S_run(text);
    static uint32_t be[256];
    size_t n = d->paras.n < 128 ? d->paras.n : 128;
    for (size_t i = 0; i < n; i++) {
        be[2 * i] = d->paras.v[i].b;
        be[2 * i + 1] = d->paras.v[i].e;
    }
    return S_join(text, be, n);
}

/* ------------------------------------------------------------- tokens */

TEST(words_and_punctuation) {
    STR_EQ(S_tokens("He left, then came back."), "He|left|,|then|came|back|.");
}

TEST(abbreviations_keep_their_period) {
    STR_EQ(S_tokens("Mr. Smith and Sen. Jones, of the U.S. Senate"),
           "Mr.|Smith|and|Sen.|Jones|,|of|the|U.S.|Senate");
    OK(S_d->toks.v[0].flags & HS_F_ABBREV);
    OK(!(S_d->toks.v[1].flags & HS_F_ABBREV));
}

TEST(possessive_is_its_own_token) {
    STR_EQ(S_tokens("Biden's chief and Biden\xE2\x80\x99s aide"),
           "Biden|'s|chief|and|Biden|\xE2\x80\x99s|aide");
    OK(S_d->toks.v[1].flags & HS_F_POSS);
    OK(S_d->toks.v[5].flags & HS_F_POSS);
}

/* A contraction is a word of its own, read as the word it stands for
 * (at 10ba90d: 'they've' one word, so no subject before its cue). */
TEST(contractions_are_their_own_tokens) {
    STR_EQ(S_tokens("they've I\xE2\x80\x99m we'd you'll they're O'Dell Ma'amd"),
           "they|'ve|I|\xE2\x80\x99m|we|'d|you|'ll|they|'re|O'Dell|Ma'amd");
    OK(!(S_d->toks.v[1].flags & HS_F_POSS));
    OK(S_d->toks.v[1].flags & HS_F_CONTR);
    OK(S_d->toks.v[1].lex & HS_L_AUX);
    OK(S_d->toks.v[5].lex & HS_L_AUX);
}

TEST(inner_apostrophes_and_hyphens_stay) {
    STR_EQ(S_tokens("don't re-elect O'Brien"), "don't|re-elect|O'Brien");
}

TEST(numbers_keep_separators) {
    STR_EQ(S_tokens("3.5 million and 1,200 people"), "3.5|million|and|1,200|people");
    INT_EQ(S_d->toks.v[0].type, HS_T_NUM);
}

TEST(quotation_marks_are_tokens) {
    STR_EQ(S_tokens("\xE2\x80\x9CYes,\xE2\x80\x9D he said"), "\xE2\x80\x9C|Yes|,|\xE2\x80\x9D|he|said");
    INT_EQ(S_d->toks.v[0].type, HS_T_QUOTE);
    INT_EQ(S_d->toks.v[3].type, HS_T_QUOTE);
}

TEST(code_point_and_byte_offsets) {
    /* é is 2 bytes, “ 3 bytes, the emoji 4 bytes */
    S_tokens("\xC3\xA9t\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80 x");
    hs_tok *t = S_d->toks.v;
    INT_EQ(S_d->toks.n, 4);
    INT_EQ(t[0].b, 0); INT_EQ(t[0].e, 5); INT_EQ(t[0].c, 0); INT_EQ(t[0].ce, 3);
    INT_EQ(t[1].b, 6); INT_EQ(t[1].e, 9); INT_EQ(t[1].c, 4); INT_EQ(t[1].ce, 5);
    INT_EQ(t[2].b, 9); INT_EQ(t[2].e, 13); INT_EQ(t[2].c, 5); INT_EQ(t[2].ce, 6);
    INT_EQ(t[3].b, 14); INT_EQ(t[3].c, 7);
    INT_EQ(S_d->ncp, 8);
}

TEST(invalid_utf8_counts_one_code_point_per_maximal_subsequence) {
    /* python3: len(b'a\xe2\x80b \xff\xfe c'.decode('utf-8','replace')) == 8 */
    S_tokens("a\xE2\x80" "b \xFF\xFE c");
    INT_EQ(S_d->ncp, 8);
    INT_EQ(hearsay_doc_invalid_utf8(S_d), 3);
    INT_EQ(S_d->toks.n, 3);
    INT_EQ(S_d->toks.v[0].ce, 3); /* a, U+FFFD, b: one word */
    INT_EQ(S_d->toks.v[1].c, 4);
    INT_EQ(S_d->toks.v[1].ce, 6);
}

TEST(nul_bytes_are_spaces) {
    static const char text[] = "He\0said\0\0so.";
    if (!S_d) S_d = hearsay_doc_new();
    INT_EQ(hearsay_extract(NULL, text, sizeof text - 1, NULL, S_d), HEARSAY_OK);
    S_d->text = text;
    INT_EQ(S_d->toks.n, 4);
    INT_EQ(S_d->toks.v[1].b, 3);
    INT_EQ(S_d->ncp, sizeof text - 1);
}

TEST(byte_order_mark_is_skipped_but_counted) {
    STR_EQ(S_tokens("\xEF\xBB\xBFHello there"), "Hello|there");
    INT_EQ(S_d->toks.v[0].b, 3);
    INT_EQ(S_d->toks.v[0].c, 1);
    OK(S_d->toks.v[0].flags & HS_F_CAP);
}

/* ---------------------------------------------------------- sentences */

TEST(sentences_split_at_full_stops) {
    STR_EQ(S_sentences("He left. She came! Did they? Yes."), "He left.|She came!|Did they?|Yes.");
}

TEST(abbreviation_does_not_end_a_sentence) {
    STR_EQ(S_sentences("Mr. Smith met Dr. Jones in the U.S. capital. Then he left."),
           "Mr. Smith met Dr. Jones in the U.S. capital.|Then he left.");
}

TEST(lower_case_after_period_continues) {
    STR_EQ(S_sentences("It cost 3. and more. Then stop."), "It cost 3. and more.|Then stop.");
}

TEST(closing_quote_stays_with_its_sentence) {
    STR_EQ(S_sentences("\xE2\x80\x9CWe go.\xE2\x80\x9D He left. \"Now.\" She did."),
           "\xE2\x80\x9CWe go.\xE2\x80\x9D|He left.|\"Now.\"|She did.");
}

TEST(sentence_start_flags) {
    S_sentences("One here. Two there.");
    OK(S_d->toks.v[0].flags & HS_F_SENT_START);
    OK(S_d->toks.v[3].flags & HS_F_SENT_START);
    OK(!(S_d->toks.v[1].flags & HS_F_SENT_START));
}

TEST(run_on_sentence_is_cut) {
    static char text[5001];
    for (int i = 0; i < 1000; i++) memcpy(text + 5 * i, "word ", 5);
    S_run(text);
    INT_EQ(S_d->toks.n, 1000);
    OK(S_d->sents.n >= 5);
    for (size_t i = 0; i < S_d->sents.n; i++) OK(S_d->sents.v[i].t1 - S_d->sents.v[i].t0 <= 200);
    INT_EQ(S_d->sents.v[S_d->sents.n - 1].t1, 1000);
}

/* --------------------------------------------------------- paragraphs */

TEST(paragraphs_are_lines) {
    STR_EQ(S_paragraphs("First line.\nSecond line.\n\n\nThird."), "First line.|Second line.|Third.");
    INT_EQ(S_d->paras.v[1].s0, 1);
    INT_EQ(S_d->paras.v[1].s1, 2);
}

TEST(a_sentence_never_crosses_a_paragraph) {
    STR_EQ(S_sentences("no full stop here\nnext line"), "no full stop here|next line");
}

TEST(crlf_and_unicode_line_breaks) {
    STR_EQ(S_paragraphs("One.\r\nTwo.\r\n\r\nThree.\xE2\x80\xA8" "Four."), "One.|Two.|Three.|Four.");
    INT_EQ(S_d->paras.v[1].e, 10); /* the \r is not part of the paragraph */
}

/* No tokens: no sentences, and any paragraph (context.c makes one per line
 * when the tokenizer made none) holds no token. */
static void S_no_tokens(void) {
    INT_EQ(S_d->toks.n, 0);
    INT_EQ(S_d->sents.n, 0);
    for (size_t i = 0; i < S_d->paras.n; i++) INT_EQ(S_d->paras.v[i].t1 - S_d->paras.v[i].t0, 0);
}

TEST(empty_and_blank_inputs) {
    S_run("");
    S_no_tokens();
    S_run(" \n\r\n\t ");
    S_no_tokens();
    INT_EQ(S_d->ncp, 6);
}

/* Tokens take their lexicon answer from a per-doc cache keyed by the
 * word's bytes (src/token.c): after documents that fill it, each word's
 * answer must still be the lexicon's own, case and all. */
TEST(word_cache_agrees_with_the_lexicon) {
    static const char *const texts[] = {
        "The senator said that SAID said Said. The spokesman told reporters "
        "it’s over, the U.S. said; extraordinarily-long-hyphenated-words and "
        "internationalization said",
        "said Said SAID the The THE told Told it’s it's they've spokesman Spokesman "
        "internationalization Internationalization U.S. u.s. said",
        "THE the The said"};
    int bad = 0;
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        hearsay_doc *d = S_run(texts[k]);
        for (size_t j = 0; j < d->toks.n; j++) {
            const hs_tok *t = &d->toks.v[j];
            if (t->type != HS_T_WORD || (t->flags & (HS_F_POSS | HS_F_CONTR))) continue;
            int32_t word;
            uint32_t wh;
            unsigned up, low;
            uint32_t lex = hs_lex_lookup_case(d->model, d->text + t->b, t->e - t->b, &word, &wh, &up, &low);
            int plain = up + low == t->e - t->b, allcap = up >= 2 && low == 0;
            if ((lex != t->lex || wh != t->wh || plain != !!(t->flags & HS_F_PLAIN) ||
                 allcap != !!(t->flags & HS_F_ALLCAP)) &&
                bad++ < 5)
                FAILF("text %zu, token '%.*s'", k, (int)(t->e - t->b), d->text + t->b);
        }
    }
    INT_EQ(bad, 0);
}

/* The cache belongs to one model: a doc used with another model (or with
 * one that has since gained a word) takes that model's answers. */
TEST(word_cache_follows_the_model) {
    const char *text = "The spokesman said hello to reporters on the plane.";
    hearsay_doc *d = hearsay_doc_new();
    OK(hearsay_extract(NULL, text, strlen(text), NULL, d) == HEARSAY_OK);
    OK(d->toks.n > 3 && d->toks.v[2].lex != 0); /* "said", from the built-in lexicon */
    hearsay_model m;
    OK(hs_model_init(&m) == 0);
    OK(hearsay_extract(&m, text, strlen(text), NULL, d) == HEARSAY_OK);
    INT_EQ(d->toks.v[2].lex, 0); /* an empty lexicon knows no word */
    OK(hs_model_add(&m, "said", 4, HS_L_VERB) >= 0);
    OK(hearsay_extract(&m, text, strlen(text), NULL, d) == HEARSAY_OK);
    INT_EQ(d->toks.v[2].lex, HS_L_VERB);
    hs_model_release(&m);
    hearsay_doc_free(d);
}

/* Code-point offsets (hs_doc_cp, eight bytes at a time) at every byte:
 * the bytes before it that are not continuation bytes. */
TEST(code_point_offset_of_every_byte) {
    const char *text = "Caf\xC3\xA9 \xE2\x80\x9CGr\xC3\xBC\xC3\x9F Gott,\xE2\x80\x9D sagte er \xF0\x9F\x98\x80 "
                       "und ging. A longer ASCII stretch follows \xE2\x80\x94 then \xC3\xA9t\xC3\xA9.";
    hearsay_doc *d = S_run(text);
    size_t n = strlen(text), want = 0;
    for (size_t b = 0; b <= n; b++) {
        if (hs_doc_cp(d, b) != want) {
            FAILF("byte %zu: %zu, expected %zu", b, hs_doc_cp(d, b), want);
            break;
        }
        if (b < n && ((unsigned char)text[b] & 0xC0) != 0x80) want++;
    }
    /* one invalid byte anywhere in a long ASCII run is counted */
    char buf[41];
    for (size_t pos = 0; pos < 40; pos++) {
        memset(buf, 'a', 40);
        buf[40] = 0;
        buf[pos] = (char)0xFF;
        d = S_run(buf);
        if (hearsay_doc_invalid_utf8(d) != 1) FAILF("invalid byte at %zu: %zu", pos, hearsay_doc_invalid_utf8(d));
    }
}

int main(void) {
    RUN(words_and_punctuation);
    RUN(abbreviations_keep_their_period);
    RUN(possessive_is_its_own_token);
    RUN(contractions_are_their_own_tokens);
    RUN(inner_apostrophes_and_hyphens_stay);
    RUN(numbers_keep_separators);
    RUN(quotation_marks_are_tokens);
    RUN(code_point_and_byte_offsets);
    RUN(invalid_utf8_counts_one_code_point_per_maximal_subsequence);
    RUN(word_cache_agrees_with_the_lexicon);
    RUN(word_cache_follows_the_model);
    RUN(code_point_offset_of_every_byte);
    RUN(nul_bytes_are_spaces);
    RUN(byte_order_mark_is_skipped_but_counted);
    RUN(sentences_split_at_full_stops);
    RUN(abbreviation_does_not_end_a_sentence);
    RUN(lower_case_after_period_continues);
    RUN(closing_quote_stays_with_its_sentence);
    RUN(sentence_start_flags);
    RUN(run_on_sentence_is_cut);
    RUN(paragraphs_are_lines);
    RUN(a_sentence_never_crosses_a_paragraph);
    RUN(crlf_and_unicode_line_breaks);
    RUN(empty_and_blank_inputs);
    hearsay_doc_free(S_d);
    return DONE();
}
