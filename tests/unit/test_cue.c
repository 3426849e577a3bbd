/*
 * test_cue.c -- the cue classifier and the attribution filter (src/cue.c)
 * with the built-in model, read from the doc's internal vectors after
 * hearsay_extract().
 */
#include "hearsay_int.h"
#include "harness.h"

static hearsay_doc *S_d;
static const char *S_text;

static void S_run(const char *text) {
    if (!S_d) S_d = hearsay_doc_new();
    S_text = text;
    int rc = hearsay_extract(NULL, text, strlen(text), NULL, S_d);
    if (rc) FAILF("hearsay_extract: %s", hearsay_strerror(rc));
    S_d->text = text; /* internal vectors point into it */
}

/* The first token spelled w, or -1. */
static long S_tok(const char *w) {
    size_t n = strlen(w);
    for (size_t j = 0; j < S_d->toks.n; j++) {
        const hs_tok *t = &S_d->toks.v[j];
        if (t->e - t->b == n && !memcmp(S_text + t->b, w, n)) return (long)j;
    }
    return -1;
}

static int S_flagged(const char *w) {
    long j = S_tok(w);
    return j >= 0 && (S_d->toks.v[j].flags & HS_F_CUE) != 0;
}

TEST(verbs_of_saying_are_cues) {
    S_run("Officials said the plan failed, and the mayor told reporters it would be replaced.\n");
    OK(S_flagged("said"));
    OK(S_flagged("told"));
    OK(!S_flagged("plan"));
    OK(!S_flagged("replaced"));
}

TEST(words_inside_quotations_are_not_scored) {
    S_run("\xE2\x80\x9CThey said no,\xE2\x80\x9D she noted.\n");
    long j = S_tok("said");
    OK(j >= 0);
    if (j < 0) return;
    OK(S_d->toks.v[j].flags & HS_F_INQ);
    OK(!(S_d->toks.v[j].flags & HS_F_CUE));
    INT_EQ(S_d->toks.v[j].cue, 0);
}

TEST(features_are_deterministic_and_bounded) {
    S_run("The senator insisted that the vote would pass.\n");
    long j = S_tok("insisted");
    OK(j >= 0);
    if (j < 0) return;
    uint32_t f1[HS_CUE_MAXF], f2[HS_CUE_MAXF];
    size_t n1 = hs_cue_features(S_d, (size_t)j, f1), n2 = hs_cue_features(S_d, (size_t)j, f2);
    OK(n1 > 10 && n1 <= HS_CUE_MAXF);
    INT_EQ(n1, n2);
    OK(!memcmp(f1, f2, n1 * sizeof *f1));
}

/* PolNeAR never nests attributions, and the filter knows when a cue sits
 * inside another attribution's content: its features change when that
 * other attribution is gone. (With 'said that aides warned' the
 * classifier itself no longer takes 'warned', F_PCUE.) */
TEST(filter_sees_nesting) {
    S_run("Smith said the aides had warned him that the plan will fail next year.\n");
    long outer = -1, inner = -1;
    long js = S_tok("said"), jt = S_tok("warned");
    for (size_t i = 0; i < S_d->attrs.n; i++) {
        const hs_attr *a = &S_d->attrs.v[i];
        if (a->cue_b < 0) continue;
        if (js >= 0 && a->cue_tok == (uint32_t)js) outer = (long)i;
        if (jt >= 0 && a->cue_tok == (uint32_t)jt) inner = (long)i;
    }
    OK(outer >= 0);
    OK(inner >= 0);
    if (outer < 0 || inner < 0) return;
    hs_attr *in = &S_d->attrs.v[inner], *out = &S_d->attrs.v[outer];
    uint32_t f1[HS_ATT_MAXF], f2[HS_ATT_MAXF];
    uint8_t keep_in = in->dropped, keep_out = out->dropped;
    in->dropped = out->dropped = 0;
    size_t n1 = hs_att_features(S_d, in, f1);
    out->dropped = 1;
    size_t n2 = hs_att_features(S_d, in, f2);
    in->dropped = keep_in;
    out->dropped = keep_out;
    INT_EQ(n1, n2);
    OK(memcmp(f1, f2, n1 * sizeof *f1) != 0);
}

/* Forms of one verb share a stem feature: 'supports' and 'supported'
 * have more features in common than 'supports' and 'vetoed' in the same
 * sentence. */
static size_t S_feats(const char *text, const char *w, uint32_t *f) {
    S_run(text);
    long j = S_tok(w);
    return j < 0 ? 0 : hs_cue_features(S_d, (size_t)j, f);
}

static size_t S_common(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    size_t k = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j]) {
                k++;
                break;
            }
    return k;
}

TEST(verb_forms_share_a_stem) {
    uint32_t a[HS_CUE_MAXF], b[HS_CUE_MAXF], c[HS_CUE_MAXF];
    size_t na = S_feats("She supports the plan.\n", "supports", a);
    size_t nb = S_feats("She supported the plan.\n", "supported", b);
    size_t nc = S_feats("She vetoed the plan.\n", "vetoed", c);
    OK(na && nb && nc);
    OK(S_common(a, na, b, nb) > S_common(a, na, c, nc));
}

/* A word after 'and' in a sentence with an earlier verb of saying has a
 * feature a word after 'and' alone has not: the coordinated cue. */
TEST(coordinated_cue_feature) {
    uint32_t a[HS_CUE_MAXF], b[HS_CUE_MAXF], c[HS_CUE_MAXF];
    size_t na = S_feats("She said the budget failed and defended it.\n", "defended", a);
    size_t nb = S_feats("The budget failed and she defended it.\n", "defended", b);
    size_t nc = S_feats("She said the budget failed and she defended it.\n", "defended", c);
    OK(na && nb && nc);
    OK(S_common(a, na, b, nb) < na);
    /* the same words around it, the same earlier verb of saying */
    OK(S_common(a, na, c, nc) < na);
    OK(S_common(b, nb, c, nc) < nb);
}

int main(void) {
    RUN(verbs_of_saying_are_cues);
    RUN(words_inside_quotations_are_not_scored);
    RUN(features_are_deterministic_and_bounded);
    RUN(filter_sees_nesting);
    RUN(verb_forms_share_a_stem);
    RUN(coordinated_cue_feature);
    hearsay_doc_free(S_d);
    return DONE();
}
