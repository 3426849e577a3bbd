/*
 * test_start.c -- the content-start model (src/cue.c, applied in
 * src/attrib.c): where reported speech that follows its cue begins, with
 * the built-in model, and the model file's optional STRT section (a file
 * without it loads and leaves the rules' start).
 */
#include "harness.h"
#include "hearsay.h"
#include "model.h"
#include "modelfile.h"

#include <stdlib.h>

static hearsay_doc *S_doc;
static const char *S_text;

static void S_run_with(const hearsay_model *m, const char *text) {
    S_text = text;
    if (!S_doc) S_doc = hearsay_doc_new();
    int rc = hearsay_extract(m, text, strlen(text), NULL, S_doc);
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

static const hearsay_attribution *S_by_cue(const char *cue) {
    size_t n = strlen(cue);
    for (size_t i = 0; i < hearsay_doc_count(S_doc); i++) {
        const hearsay_attribution *a = hearsay_doc_get(S_doc, i);
        if (a->has_cue && a->cue.byte_end - a->cue.byte_start == n && !strncmp(S_text + a->cue.byte_start, cue, n))
            return a;
    }
    return NULL;
}

/* 'urged Trump to get ...': the content starts at 'to', and the object
 * the start moved past is the addressee. */
TEST(start_moves_past_the_addressee) {
    S_run_with(hearsay_model_builtin(), "He urged Trump to get his act together.\n");
    STR_EQ(S_content_of("urged"), "to get his act together");
    const hearsay_attribution *a = S_by_cue("urged");
    OK(a && a->has_addressee);
    if (a && a->has_addressee) {
        char to[32];
        size_t n = a->addressee.byte_end - a->addressee.byte_start;
        memcpy(to, S_text + a->addressee.byte_start, n < 31 ? n : 31);
        to[n < 31 ? n : 31] = 0;
        STR_EQ(to, "Trump");
    }
}

/* PolNeAR's content includes the complementizer and starts after what
 * completes the verb: 'told a crowd in Miami Tuesday that', 'made it clear
 * that', 'pleaded guilty to', 'expressed concern that'. */
TEST(start_at_the_complementizer) {
    S_run_with(hearsay_model_builtin(),
               "Rubio told a crowd in Miami Tuesday that he knows voters are angry.\n"
               "Cruz made it clear that he felt they should drop out.\n"
               "Smith pleaded guilty to making more than $180,000 in straw donations.\n"
               "Clinton expressed concern that the billionaire was encouraging violence.\n");
    STR_EQ(S_content_of("told"), "that he knows voters are angry");
    STR_EQ(S_content_of("made"), "that he felt they should drop out");
    STR_EQ(S_content_of("pleaded"), "to making more than $180,000 in straw donations");
    STR_EQ(S_content_of("expressed"), "that the billionaire was encouraging violence");
}

/* Where the rules' start is right, it stays. */
TEST(start_kept_where_the_rules_are_right) {
    S_run_with(hearsay_model_builtin(), "The governor said the budget would balance by June.\n");
    STR_EQ(S_content_of("said"), "the budget would balance by June");
}

/* Files written before the STRT section existed still load, with no start
 * model; a STRT section is read in any order with ATTR; a truncated one is
 * a format error. */
TEST(model_start_section) {
    unsigned char buf[256];
    /* ATTR: 8 bits, threshold 0, no weights */
    static const char attr[] = "ATTR\x08\0\0\0\0\0\0\0\0\0\0\0";
    /* STRT: 8 bits, margin 4.0, step 0.5, one weight (index 3: 1.0) */
    static const char strt[] = "STRT\x08\0\0\0\0\0\x80\x40\0\0\0\x3f\x01\0\0\0\x03\0\0\0\0\0\x80\x3f";
    hearsay_model m;

    OK(hs_model_init(&m) == 0);
    OK(hs_model_parse(&m, buf, T_model_bytes(buf, attr, sizeof attr - 1)) == 0);
    OK(m.att_w.blk != NULL);
    OK(m.start.w.blk == NULL);
    hs_model_release(&m);

    char both[64];
    memcpy(both, strt, sizeof strt - 1);
    memcpy(both + sizeof strt - 1, attr, sizeof attr - 1);
    OK(hs_model_init(&m) == 0);
    OK(hs_model_parse(&m, buf, T_model_bytes(buf, both, sizeof strt - 1 + sizeof attr - 1)) == 0);
    OK(m.att_w.blk != NULL && m.start.w.blk != NULL);
    INT_EQ(m.start.bits, 8);
    OK(m.start.margin == 4.0f && m.start.step == 0.5f);
    hs_model_release(&m);

    OK(hs_model_init(&m) == 0);
    OK(hs_model_parse(&m, buf, T_model_bytes(buf, strt, sizeof strt - 5)) == HEARSAY_EFORMAT);
    hs_model_release(&m);
}

int main(void) {
    RUN(start_moves_past_the_addressee);
    RUN(start_at_the_complementizer);
    RUN(start_kept_where_the_rules_are_right);
    RUN(model_start_section);
    hearsay_doc_free(S_doc);
    return DONE();
}
