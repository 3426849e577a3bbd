/*
 * test_buf.c -- JSON string escaping (src/buf.c), whose fast path skips
 * eight bytes at a time, against a byte-at-a-time reference written here
 * from the rules: '"' '\\' and control characters escaped, valid UTF-8
 * copied, each invalid sequence (as hs_utf8_next reads it) one U+FFFD.
 */
#include "hearsay_int.h"
#include "harness.h"

#include <stdlib.h>

static void S_ref(hs_buf *b, const unsigned char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = hs_utf8_next(s, i, n, &cp);
            if (cp == 0xFFFD && !(k == 3 && c == 0xEF)) hs_buf_put(b, "\xEF\xBF\xBD", 3);
            else hs_buf_put(b, (const char *)s + i, k);
            i += k;
            continue;
        }
        if (c == '"') hs_buf_put(b, "\\\"", 2);
        else if (c == '\\') hs_buf_put(b, "\\\\", 2);
        else if (c == '\n') hs_buf_put(b, "\\n", 2);
        else if (c == '\r') hs_buf_put(b, "\\r", 2);
        else if (c == '\t') hs_buf_put(b, "\\t", 2);
        else if (c < 0x20) {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            hs_buf_put(b, esc, 6);
        } else hs_buf_putc(b, (char)c);
        i++;
    }
}

static int S_same(const unsigned char *s, size_t n) {
    hs_buf got = {0}, want = {0};
    hs_buf_json_str(&got, (const char *)s, n);
    S_ref(&want, s, n);
    int ok = got.n == want.n && (!got.n || !memcmp(got.p, want.p, got.n)); /* memcmp of NULL is undefined */
    hs_buf_free(&got);
    hs_buf_free(&want);
    return ok;
}

TEST(each_special_byte_at_each_position) {
    /* the bytes the fast path must stop at, and their neighbours */
    static const unsigned char special[] = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, '"',
                                            0x23, 0x5B, '\\', 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xE2, 0xFF};
    unsigned char s[24];
    int bad = 0;
    for (size_t k = 0; k < sizeof special; k++)
        for (size_t pos = 0; pos < sizeof s; pos++) {
            memset(s, 'a', sizeof s);
            s[pos] = special[k];
            for (size_t n = pos + 1; n <= sizeof s; n += 7)
                if (!S_same(s, n) && bad++ < 5) FAILF("byte %02X at %zu of %zu", special[k], pos, n);
        }
    INT_EQ(bad, 0);
}

TEST(random_strings) {
    static const unsigned char pick[] = {'a', ' ', '"', '\\', '\n', 0x01, 0x1F, 0x7F, 0x80, 0xA0,
                                         0xBF, 0xC3, 0xA9, 0xE2, 0x80, 0x9C, 0xF0, 0x9F, 0xFF};
    unsigned seed = 11;
    unsigned char s[64];
    int bad = 0;
    for (int t = 0; t < 20000; t++) {
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 16) % sizeof s;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0x7FFF;
            /* mostly plain text, so the eight-byte path runs */
            s[i] = r % 8 ? (unsigned char)('a' + r % 26) : pick[(r >> 3) % sizeof pick];
        }
        if (!S_same(s, n) && bad++ < 5) FAILF("random string %d (%zu bytes)", t, n);
    }
    INT_EQ(bad, 0);
}

TEST(known_output) {
    hs_buf b = {0};
    const char *in = "He said, \"no\"\\ then\tleft\x01 caf\xC3\xA9 \xFF end of a longer line";
    hs_buf_json_str(&b, in, strlen(in));
    hs_buf_putc(&b, 0);
    STR_EQ(b.p, "He said, \\\"no\\\"\\\\ then\\tleft\\u0001 caf\xC3\xA9 \xEF\xBF\xBD end of a longer line");
    hs_buf_free(&b);
}

int main(void) {
    RUN(each_special_byte_at_each_position);
    RUN(random_strings);
    RUN(known_output);
    return DONE();
}
