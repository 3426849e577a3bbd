/*
 * test_end.c -- the content-end model (src/end.c, applied in
 * src/attrib.c): where reported speech that follows its cue ends, with the
 * built-in model; its candidates; and the model file's optional ENDM
 * section (a file without it loads and leaves the rules' end).
 */
#include "harness.h"
#include "hearsay.h"
#include "model.h"
#include "modelfile.h"

#include <stdlib.h>

static hearsay_doc *S_doc;
static const char *S_text;

static void S_run(const char *text) {
    S_text = text;
    if (!S_doc) S_doc = hearsay_doc_new();
    int rc = hearsay_extract(hearsay_model_builtin(), text, strlen(text), NULL, S_doc);
    if (rc) FAILF("hearsay_extract: %s", hearsay_strerror(rc));
}

/* The content of the attribution whose cue is the given word, in a static
 * buffer ("(none)" when there is no such attribution). */
static const char *S_content_of(const char *cue) {
    static char buf[256];
    size_t n = strlen(cue);
    for (size_t i = 0; i < hearsay_doc_count(S_doc); i++) {
        const hearsay_attribution *a = hearsay_doc_get(S_doc, i);
        if (!a->has_cue || a->cue.byte_end - a->cue.byte_start != n ||
            strncmp(S_text + a->cue.byte_start, cue, n) || !a->n_parts)
            continue;
        size_t b = a->content.byte_start, e = a->content.byte_end;
        if (e - b > 255) e = b + 255;
        memcpy(buf, S_text + b, e - b);
        buf[e - b] = 0;
        return buf;
    }
    return "(none)";
}

/* The internal attribution whose cue token is the given word, or NULL. */
static const hs_attr *S_attr_of(const char *cue) {
    size_t n = strlen(cue);
    for (size_t i = 0; i < S_doc->attrs.n; i++) {
        const hs_attr *a = &S_doc->attrs.v[i];
        const hs_tok *t = &S_doc->toks.v[a->cue_tok];
        if (t->e - t->b == n && !strncmp(S_text + t->b, cue, n)) return a;
    }
    return NULL;
}

/* 'had decided not to make a 2008 presidential bid, half-joking to
 * friends ...': PolNeAR's content stops at the comma; the rules run on. */
TEST(end_cut_before_an_aside) {
    S_run("Gore had decided not to make a 2008 presidential bid, half-joking to friends that the nation "
          "was not ready.\n");
    STR_EQ(S_content_of("decided"), "not to make a 2008 presidential bid");
}

/* A cue in a subordinate clause opening the sentence, or in a relative
 * clause, reports up to where the main clause resumes. */
TEST(end_where_the_main_clause_resumes) {
    S_run("Though Grassley has not expressed an inclination to convene public hearings, Obama should use his "
          "political strength.\n");
    STR_EQ(S_content_of("expressed"), "an inclination to convene public hearings");
    S_run("Cruz, who says Trump is attacking him because the polls have tightened, said voters should go with "
          "him.\n");
    STR_EQ(S_content_of("says"), "Trump is attacking him because the polls have tightened");
}

/* Where the rules' end is right, it stays. */
TEST(end_kept_where_the_rules_are_right) {
    S_run("The governor said the budget would balance by June.\n");
    STR_EQ(S_content_of("said"), "the budget would balance by June");
}

/* Runs text and gives the candidate ends (k, n of them) of the content
 * whose cue is the given word, its attribution (*a, NULL when none was
 * formed with an end to move) and the content's first token (*j). */
static size_t S_cands(const char *text, const char *cue, const hs_attr **a, size_t *j, size_t *k) {
    S_run(text);
    *a = S_attr_of(cue);
    OK(*a && (*a)->st_e);
    if (!*a || !(*a)->st_e) {
        *a = NULL;
        return 0;
    }
    *j = hs_doc_tok_at(S_doc, S_doc->bparts.v[(*a)->part0].b);
    return hs_end_cands(S_doc, *a, *j, k);
}

/* The candidates: after the content's start, ascending, the rules' end
 * (st_e) last, each before a boundary token; none leaves a quotation out
 * unless what it leaves out holds another cue, and one may follow the
 * last quotation. */
TEST(end_candidates) {
    const hs_attr *a;
    size_t j, k[HS_END_MAXC];
    size_t n = S_cands("Gore had decided not to make a 2008 presidential bid, half-joking to friends that the nation "
                       "was not ready.\n",
                       "decided", &a, &j, k);
    if (!a) return;
    OK(n >= 2 && n <= HS_END_MAXC);
    INT_EQ(k[n - 1], a->st_e);
    int comma = 0;
    for (size_t i = 0; i < n; i++) {
        OK(k[i] > j && (i == 0 || k[i] > k[i - 1]));
        if (k[i] < a->st_e && S_text[S_doc->toks.v[k[i]].b] == ',') comma = 1;
    }
    OK(comma);

    n = S_cands("He said the plan, which he called \xe2\x80\x9c" "a disaster,\xe2\x80\x9d would fail in the end.\n",
                "said", &a, &j, k);
    if (!a) return;
    INT_EQ(k[n - 1], a->st_e);
    for (size_t i = 0; i < n; i++)
        for (size_t m = k[i]; m < a->st_e; m++)
            OK(S_doc->toks.v[m].type != HS_T_QUOTE && S_doc->toks.v[m].quote < 0);

    /* a content may end right after its last quotation */
    n = S_cands("He said the plan was \xe2\x80\x9c" "a disaster\xe2\x80\x9d and the mayor agreed with him.\n",
                "said", &a, &j, k);
    if (!a) return;
    int after_quote = 0;
    for (size_t i = 0; i + 1 < n; i++)
        after_quote |= S_doc->toks.v[k[i] - 1].type == HS_T_QUOTE && S_doc->toks.v[k[i] - 1].q == HS_Q_CLOSE;
    OK(after_quote);

    /* past a quotation where another cue is left out with it */
    n = S_cands("Cruz said he would make sand \xe2\x80\x9cglow in the dark,\xe2\x80\x9d for instance, and Trump vowed "
                "to \xe2\x80\x9c" "bomb the hell\xe2\x80\x9d out of the group.\n",
                "said", &a, &j, k);
    if (!a) return;
    int past_quote = 0;
    for (size_t i = 0; i + 1 < n; i++)
        for (size_t m = k[i]; m < a->st_e; m++) past_quote |= S_doc->toks.v[m].type == HS_T_QUOTE;
    OK(past_quote);
}

/* Files written before the ENDM section existed still load, with no end
 * model; an ENDM section is read in any order with STRT; a truncated one
 * is a format error. */
TEST(model_end_section) {
    unsigned char buf[256];
    /* STRT: 8 bits, margin 4.0, step 0.5, one weight (index 3: 1.0) */
    static const char strt[] = "STRT\x08\0\0\0\0\0\x80\x40\0\0\0\x3f\x01\0\0\0\x03\0\0\0\0\0\x80\x3f";
    /* ENDM: 8 bits, margin 3.0, step 0, one weight (index 5: 1.0) */
    static const char endm[] = "ENDM\x08\0\0\0\0\0\x40\x40\0\0\0\0\x01\0\0\0\x05\0\0\0\0\0\x80\x3f";
    hearsay_model m;

    OK(hs_model_init(&m) == 0);
    OK(hs_model_parse(&m, buf, T_model_bytes(buf, strt, sizeof strt - 1)) == 0);
    OK(m.start.w.blk != NULL);
    OK(m.end.w.blk == NULL);
    hs_model_release(&m);

    char both[64];
    memcpy(both, endm, sizeof endm - 1);
    memcpy(both + sizeof endm - 1, strt, sizeof strt - 1);
    OK(hs_model_init(&m) == 0);
    OK(hs_model_parse(&m, buf, T_model_bytes(buf, both, sizeof endm - 1 + sizeof strt - 1)) == 0);
    OK(m.start.w.blk != NULL && m.end.w.blk != NULL);
    INT_EQ(m.end.bits, 8);
    OK(m.end.margin == 3.0f && m.end.step == 0.0f);
    hs_model_release(&m);

    OK(hs_model_init(&m) == 0);
    OK(hs_model_parse(&m, buf, T_model_bytes(buf, endm, sizeof endm - 5)) == HEARSAY_EFORMAT);
    hs_model_release(&m);
}

int main(void) {
    RUN(end_cut_before_an_aside);
    RUN(end_where_the_main_clause_resumes);
    RUN(end_kept_where_the_rules_are_right);
    RUN(end_candidates);
    RUN(model_end_section);
    hearsay_doc_free(S_doc);
    return DONE();
}
