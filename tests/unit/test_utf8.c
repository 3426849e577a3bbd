/*
 * test_utf8.c -- hs_utf8_next (src/utf8.c) against Python's
 * bytes.decode('utf-8', 'replace'), which the offsets promise to follow.
 *
 * Three ways: a table whose expected code points were printed by python3;
 * every one- and two-byte input and the boundary bytes of longer ones
 * against an independent reading of Unicode's Table 3-7
 * (tests/unit/invariants.h); and random bytes decoded by python3 itself at
 * test time (skipped, and said so, when python3 is missing).
 */
#include "hearsay_int.h"
#include "harness.h"
#include "invariants.h"

#include <stdio.h>
#include <stdlib.h>

/* Decodes s[0..n) into cps (at most max); returns how many. */
static size_t S_decode(const unsigned char *s, size_t n, uint32_t *cps, size_t max) {
    size_t i = 0, k = 0;
    while (i < n && k < max) {
        size_t len = hs_utf8_next(s, i, n, &cps[k++]);
        if (len == 0) return 0;
        i += len;
    }
    return k;
}

typedef struct {
    const char *in;
    uint32_t want[5];
    size_t nwant;
} S_case;

/* python3 -c "print([hex(ord(c)) for c in B.decode('utf-8','replace')])" */
static const S_case S_cases[] = {
    {"a", {0x61}, 1},
    {"\xc3\xa9", {0xe9}, 1},
    {"\xe2\x80\x9c", {0x201c}, 1},
    {"\xf0\x9f\x98\x80", {0x1f600}, 1},
    {"\x80", {0xfffd}, 1},
    {"\xbf", {0xfffd}, 1},
    {"\xc0\xaf", {0xfffd, 0xfffd}, 2},
    {"\xc1\xbf", {0xfffd, 0xfffd}, 2},
    {"\xc2", {0xfffd}, 1},
    {"\xc2" "A", {0xfffd, 0x41}, 2},
    {"\xe0\x80\x80", {0xfffd, 0xfffd, 0xfffd}, 3},
    {"\xe0\xa0", {0xfffd}, 1},
    {"\xe0\xa0\x80", {0x800}, 1},
    {"\xed\x9f\xbf", {0xd7ff}, 1},
    {"\xed\xa0\x80", {0xfffd, 0xfffd, 0xfffd}, 3},
    {"\xef\xbf\xbd", {0xfffd}, 1},
    {"\xef\xbf", {0xfffd}, 1},
    {"\xf0\x80\x80\x80", {0xfffd, 0xfffd, 0xfffd, 0xfffd}, 4},
    {"\xf0\x90\x80", {0xfffd}, 1},
    {"\xf0\x90\x80\x80", {0x10000}, 1},
    {"\xf4\x8f\xbf\xbf", {0x10ffff}, 1},
    {"\xf4\x90\x80\x80", {0xfffd, 0xfffd, 0xfffd, 0xfffd}, 4},
    {"\xf5\x80", {0xfffd, 0xfffd}, 2},
    {"\xff", {0xfffd}, 1},
    {"\xfe\xff", {0xfffd, 0xfffd}, 2},
    {"\xe2\x80" "A", {0xfffd, 0x41}, 2},
    {"\xf1\x80\x80\xc3\xa9", {0xfffd, 0xe9}, 2},
};

TEST(python_table) {
    for (size_t c = 0; c < sizeof S_cases / sizeof *S_cases; c++) {
        const S_case *k = &S_cases[c];
        uint32_t got[8];
        size_t n = S_decode((const unsigned char *)k->in, strlen(k->in), got, 8);
        if (n != k->nwant || memcmp(got, k->want, n * sizeof *got))
            FAILF("case %zu: %zu code points (first U+%04X), expected %zu (U+%04X)", c, n,
                  n ? (unsigned)got[0] : 0u, k->nwant, (unsigned)k->want[0]);
    }
}

/* The length hs_utf8_next consumes agrees with the Table 3-7 reading, and
 * a consumed sequence is U+FFFD exactly when it is not well formed. */
static int S_agrees(const unsigned char *s, size_t n) {
    uint32_t cp;
    size_t got = hs_utf8_next(s, 0, n, &cp);
    size_t want = hs_inv_cplen(s, 0, n);
    if (got != want) return 0;
    if (s[0] < 0x80) return cp == s[0];
    int whole = (s[0] >= 0xC2 && s[0] <= 0xDF && got == 2) ||
                (s[0] >= 0xE0 && s[0] <= 0xEF && got == 3) || (s[0] >= 0xF0 && s[0] <= 0xF4 && got == 4);
    return whole ? cp != 0xFFFD || (s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD) : cp == 0xFFFD;
}

TEST(every_two_byte_input) {
    int bad = 0;
    for (unsigned a = 0; a < 256; a++) {
        unsigned char one[1] = {(unsigned char)a};
        if (!S_agrees(one, 1)) bad++;
        for (unsigned b = 0; b < 256; b++) {
            unsigned char two[2] = {(unsigned char)a, (unsigned char)b};
            if (!S_agrees(two, 2) && bad++ < 5) FAILF("bytes %02X %02X", a, b);
        }
    }
    INT_EQ(bad, 0);
}

TEST(boundary_bytes_of_longer_sequences) {
    static const unsigned char edge[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF};
    const size_t ne = sizeof edge;
    int bad = 0;
    for (unsigned a = 0xC0; a < 256; a++)
        for (size_t i = 0; i < ne; i++)
            for (size_t j = 0; j < ne; j++)
                for (size_t k = 0; k < ne; k++) {
                    unsigned char s[4] = {(unsigned char)a, edge[i], edge[j], edge[k]};
                    for (size_t n = 3; n <= 4; n++)
                        if (!S_agrees(s, n) && bad++ < 5) FAILF("bytes %02X %02X %02X %02X (n=%zu)", s[0], s[1], s[2], s[3], n);
                }
    INT_EQ(bad, 0);
}

TEST(never_reads_past_the_end) {
    /* a lead byte as the last byte of the input: one code point, 1 byte */
    static const unsigned char leads[] = {0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4};
    for (size_t i = 0; i < sizeof leads; i++) {
        unsigned char *s = malloc(1);
        s[0] = leads[i];
        uint32_t cp = 0;
        INT_EQ(hs_utf8_next(s, 0, 1, &cp), 1);
        INT_EQ(cp, 0xFFFD);
        free(s);
    }
}

/* ------------------------------------------------- python3 at test time */

static unsigned S_rand(unsigned *seed) {
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7FFF;
}

/* Random bytes biased towards UTF-8 lead and continuation bytes. */
static void S_random_bytes(unsigned char *s, size_t n, unsigned seed) {
    static const unsigned char pick[] = {'a', ' ', '"', 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF,
                                         0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    for (size_t i = 0; i < n; i++) {
        unsigned r = S_rand(&seed);
        s[i] = (r & 1) ? pick[(r >> 1) % sizeof pick] : (unsigned char)(r >> 3);
    }
}

TEST(random_bytes_against_python3) {
    if (system("python3 -c 'pass' >/dev/null 2>&1") != 0) {
        printf("SKIP random_bytes_against_python3: no python3\n");
        return;
    }
    enum { N = 20000 };
    unsigned char *s = malloc(N);
    uint32_t *mine = malloc(N * sizeof *mine);
    S_random_bytes(s, N, 7);
    char path[] = "/tmp/hs-utf8-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    OK(f != NULL);
    if (!f) return;
    fwrite(s, 1, N, f);
    fclose(f);
    char cmd[256];
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import sys; [print(ord(c)) for c in open(sys.argv[1],'rb').read()"
             ".decode('utf-8','replace')]\" %s", path);
    FILE *p = popen(cmd, "r");
    size_t n = S_decode(s, N, mine, N), k = 0;
    unsigned long cp;
    int bad = 0;
    while (p && fscanf(p, "%lu", &cp) == 1) {
        if ((k >= n || mine[k] != cp) && bad++ < 3) FAILF("code point %zu: U+%04lX from python3", k, cp);
        k++;
    }
    OK(p && pclose(p) == 0);
    INT_EQ(k, n);
    INT_EQ(bad, 0);
    remove(path);
    free(s);
    free(mine);
}

int main(void) {
    RUN(python_table);
    RUN(every_two_byte_input);
    RUN(boundary_bytes_of_longer_sequences);
    RUN(never_reads_past_the_end);
    RUN(random_bytes_against_python3);
    return DONE();
}
