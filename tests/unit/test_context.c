/* test_context.c -- page debris, embedded posts, datelines (hs_ctx_run),
 * on fixtures, on the defining example, and through the pipeline stages
 * with hs_date_run. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "handdoc.h"

#define FIXTURES "tests/fixtures/context"
#define EXAMPLE "examples/klain-taliban.txt"

static char *T_slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    long len;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)len + 1)) != NULL) {
        *n = fread(p, 1, (size_t)len, f);
        p[*n] = 0;
    }
    fclose(f);
    return p;
}

/* A doc over text, tokenized as hearsay_extract() does, then hs_ctx_run(). */
static hearsay_doc *T_run(const char *text, size_t n, const char *date) {
    hearsay_doc *d = hearsay_doc_new();
    if (!d) return NULL;
    d->text = text;
    d->len = n;
    d->model = hearsay_model_builtin();
    snprintf(d->date, sizeof d->date, "%s", date);
    if (hs_tok_run(d) || hs_ctx_run(d)) {
        hearsay_doc_free(d);
        return NULL;
    }
    return d;
}

/* 1-based line number of byte b. */
static int T_line(const hearsay_doc *d, size_t b) {
    int line = 1;
    for (size_t i = 0; i < b; i++) line += d->text[i] == '\n';
    return line;
}

static const char *T_s(const hearsay_doc *d, int32_t off) {
    const char *s = hs_doc_strp(d, off);
    return s ? s : "";
}

/* "LINE kind[ author handle date]" for debris i, as .expect files write
 * it (tab-separated). */
static void T_describe(const hearsay_doc *d, size_t i, char *out, size_t n) {
    const hs_debris_raw *r = &d->debris_raw.v[i];
    int k = snprintf(out, n, "%d\t%s", T_line(d, r->b), r->kind);
    if (r->author >= 0 || r->handle >= 0 || r->date >= 0)
        snprintf(out + k, n - (size_t)k, "\t%s\t%s\t%s", T_s(d, r->author),
                 T_s(d, r->handle), T_s(d, r->date));
}

/* The debris of d and its date, described as in an .expect file. */
static void T_expect_text(const hearsay_doc *d, char *out, size_t n) {
    size_t k = 0;
    out[0] = 0;
    if (d->date[0]) k += (size_t)snprintf(out, n, "date\t%s\n", d->date);
    for (size_t i = 0; i < d->debris_raw.n && k < n; i++) {
        T_describe(d, i, out + k, n - k);
        k += strlen(out + k);
        if (k + 1 < n) out[k++] = '\n', out[k] = 0;
    }
}

/* Each paragraph's debris index points at a record with its range. */
static void T_check_links(const hearsay_doc *d, const char *name) {
    size_t seen = 0;
    for (size_t i = 0; i < d->paras.n; i++) {
        const hs_para *p = &d->paras.v[i];
        if (p->debris < 0) continue;
        seen++;
        if ((size_t)p->debris >= d->debris_raw.n ||
            d->debris_raw.v[p->debris].b != p->b ||
            d->debris_raw.v[p->debris].e != p->e)
            FAILF("%s: paragraph %zu has a wrong debris link", name, i);
    }
    if (seen != d->debris_raw.n) FAILF("%s: %zu links, %zu records", name, seen, d->debris_raw.n);
    for (size_t i = 1; i < d->debris_raw.n; i++)
        if (d->debris_raw.v[i].b <= d->debris_raw.v[i - 1].b)
            FAILF("%s: debris out of document order", name);
}

static void T_fixture(const char *name) {
    char path[512], got[4096];
    size_t n, m;
    snprintf(path, sizeof path, FIXTURES "/%s.txt", name);
    char *text = T_slurp(path, &n);
    snprintf(path, sizeof path, FIXTURES "/%s.expect", name);
    char *want = T_slurp(path, &m);
    hearsay_doc *d = text ? T_run(text, n, "") : NULL;
    if (!d || !want) {
        FAILF("%s: cannot read or run", name);
    } else {
        T_expect_text(d, got, sizeof got);
        if (strcmp(got, want)) FAILF("%s:\n--- got\n%s--- want\n%s", name, got, want);
        T_check_links(d, name);
    }
    hearsay_doc_free(d);
    free(text);
    free(want);
}

TEST(fixtures) {
    DIR *dir = opendir(FIXTURES);
    struct dirent *e;
    int count = 0;
    OK(dir != NULL);
    if (!dir) return;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt")) continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
        T_fixture(name);
        count++;
    }
    closedir(dir);
    OK(count >= 7);
}

TEST(example_debris) {
    size_t n;
    char got[2048];
    char *text = T_slurp(EXAMPLE, &n);
    hearsay_doc *d = text ? T_run(text, n, "2021-09-01") : NULL;
    OK(d != NULL);
    if (d) {
        T_expect_text(d, got, sizeof got);
        STR_EQ(got, "date\t2021-09-01\n"
                    "4\tembedded-post\tMehdi Hasan\t@mehdirhasan\t2021-09-01\n"
                    "5\tembedded-post\tMehdi Hasan\t@mehdirhasan\t2021-09-01\n"
                    "6\tembedded-post\tMehdi Hasan\t@mehdirhasan\t2021-09-01\n"
                    "7\tembedded-post\tMehdi Hasan\t@mehdirhasan\t2021-09-01\n"
                    "9\trelated-headline\n"
                    "15\tpromotion\n");
        T_check_links(d, "example");
        INT_EQ(d->paras.n, 17);
    }
    hearsay_doc_free(d);
    free(text);
}

/* Without the tokenizer: hs_ctx_run() makes its own paragraphs. */
TEST(own_paragraphs) {
    const char *text = "Read the rest here.\n\nThe mayor said so.";
    hearsay_doc *d = hearsay_doc_new();
    OK(d != NULL);
    if (!d) return;
    d->text = text;
    d->len = strlen(text);
    INT_EQ(hs_ctx_run(d), 0);
    INT_EQ(d->paras.n, 2); /* the blank line is no paragraph */
    INT_EQ(d->debris_raw.n, 1);
    if (d->debris_raw.n) STR_EQ(d->debris_raw.v[0].kind, "read-more");
    if (d->paras.n == 2) INT_EQ(d->paras.v[1].debris, -1);
    hearsay_doc_free(d);
}

TEST(empty_and_dateless) {
    hearsay_doc *d = T_run("", 0, "");
    OK(d != NULL);
    if (d) {
        INT_EQ(d->debris_raw.n, 0);
        STR_EQ(d->date, "");
    }
    hearsay_doc_free(d);
    const char *text = "Published September 1, 2021\nThe mayor said so.";
    d = T_run(text, strlen(text), "2020-01-01");
    OK(d != NULL);
    if (d) STR_EQ(d->date, "2020-01-01"); /* a given date wins */
    hearsay_doc_free(d);
}

/* A post's lines are the lines above its signature that fit in a post:
 * a long body line just above is not swallowed. */
TEST(post_budget) {
    char text[2048];
    snprintf(text, sizeof text,
             "%s\nShort post text here.\n— Ann Lee (@annlee) May 2, 2020\n",
             "Lee, who has covered the council for years, wrote about the "
             "vote in a column and a series of posts, saying the council had "
             "failed the city and that its members should resign before the "
             "next election, which is due in the spring, and that voters "
             "deserved better than what they got this year.");
    hearsay_doc *d = T_run(text, strlen(text), "");
    OK(d != NULL);
    if (d) {
        INT_EQ(d->debris_raw.n, 2);
        INT_EQ(d->paras.v[0].debris, -1);
        if (d->debris_raw.n) STR_EQ(T_s(d, d->debris_raw.v[0].author), "Ann Lee");
    }
    hearsay_doc_free(d);
}

/* Signatures that are not: no date, no handle, a dash inside a name. */
TEST(not_signatures) {
    const char *text = "— Ann Lee (@annlee)\n"
                       "The Jean-Paul (@jp) fan club met on May 2, 2020 to vote on it all.\n"
                       "Ann Lee (annlee) May 2, 2020\n";
    hearsay_doc *d = T_run(text, strlen(text), "");
    OK(d != NULL);
    if (d) INT_EQ(d->debris_raw.n, 0);
    hearsay_doc_free(d);
}

/* Through hearsay_extract(): the example's dates, and no attribution from
 * the related headline. The date of the attribution whose content starts
 * with content, "(none)" or "(not found)". */
static const char *T_said_date(const hearsay_doc *d, const char *text,
                               const char *content) {
    for (size_t i = 0; i < hearsay_doc_count(d); i++) {
        const hearsay_attribution *a = hearsay_doc_get(d, i);
        size_t b = a->content.byte_start, n = a->content.byte_end - b;
        if (n >= strlen(content) && memcmp(text + b, content, strlen(content)) == 0)
            return a->date ? a->date : "(none)";
    }
    return "(not found)";
}

TEST(example_through_extract) {
    size_t n;
    char *text = T_slurp(EXAMPLE, &n);
    hearsay_doc *d = hearsay_doc_new();
    hearsay_options o;
    hearsay_options_init(&o);
    o.date = "2021-09-01";
    OK(text && d);
    if (text && d && hearsay_extract(NULL, text, n, &o, d) == HEARSAY_OK) {
        STR_EQ(T_said_date(d, text, "“We have communication channels"), "2021-08-31");
        STR_EQ(T_said_date(d, text, "“If we can work in the new Afghan"), "2021-08-30");
        STR_EQ(T_said_date(d, text, "“They’re not good guys"), "2021-08-26");
        STR_EQ(T_said_date(d, text, "he is unsure the U.S."), "2021-08-31");
        STR_EQ(T_said_date(d, text, "‘THEIR HANDS FULL"), "(not found)");
        INT_EQ(hearsay_doc_debris_count(d), 6);
        const hearsay_debris *p = hearsay_doc_debris(d, 0);
        if (p) {
            STR_EQ(p->kind, "embedded-post");
            STR_EQ(p->author, "Mehdi Hasan");
            INT_EQ(p->span.start, 602); /* code points: "Me:" in the gold */
        }
        STR_EQ(hearsay_doc_date(d), "2021-09-01");
    } else {
        FAILF("hearsay_extract failed");
    }
    hearsay_doc_free(d);
    free(text);
}

/* Line shapes (counted eight bytes at a time) against a byte-at-a-time
 * reading of their definition: a word starts at a byte that is not a space
 * (' ' '\t' '\r' '\n') after a space or at the line start; capitalised
 * words start with an ASCII capital or digit. */
TEST(line_shape_counts) {
    static const unsigned char pick[] = {' ', '\t', '\n', '\r', 'a', 'z', 'A', 'Z', '0', '9', '@',
                                         '[', '`', '{', '/', ':', 0x80, 0xC3, 0xE2, 0xFF, 0x00};
    unsigned seed = 5;
    unsigned char s[80];
    int bad = 0;
    for (int t = 0; t < 20000; t++) {
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 16) % sizeof s;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = pick[(seed >> 16) % sizeof pick];
        }
        size_t want[6] = {0}, got[6];
        int prev_space = 1;
        for (size_t i = 0; i < n; i++) {
            unsigned b = s[i];
            int sp = b == ' ' || b == '\t' || b == '\r' || b == '\n';
            int up = b >= 'A' && b <= 'Z', lo = b >= 'a' && b <= 'z', dg = b >= '0' && b <= '9';
            if (prev_space && !sp) {
                want[0]++;
                want[1] += up || dg;
            }
            want[2] += up || lo;
            want[3] += up;
            want[4] += lo;
            want[5] += dg;
            prev_space = sp;
        }
        hs_ctx_shape((const char *)s, n, got);
        if (memcmp(got, want, sizeof want) && bad++ < 5)
            FAILF("string %d (%zu bytes): words %zu/%zu caps %zu/%zu letters %zu/%zu digits %zu/%zu", t, n,
                  got[0], want[0], got[1], want[1], got[2], want[2], got[5], want[5]);
    }
    INT_EQ(bad, 0);
}

int main(void) {
    RUN(line_shape_counts);
    RUN(fixtures);
    RUN(example_debris);
    RUN(own_paragraphs);
    RUN(empty_and_dateless);
    RUN(post_budget);
    RUN(not_signatures);
    RUN(example_through_extract);
    return DONE();
}
