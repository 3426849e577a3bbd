/*
 * harness.h -- a tiny test harness. Each tests/unit/test_*.c includes it,
 * writes TEST(name) functions and a main() that runs them with RUN(name),
 * then returns DONE(). Output ends with "N passed, N failed".
 */
#ifndef HS_HARNESS_H
#define HS_HARNESS_H
#include <stdio.h>
#include <string.h>

static int hs_t_pass, hs_t_fail, hs_t_cur_failed;
static const char *hs_t_name;

#define TEST(name) static void test_##name(void)
#define RUN(name)                                                          \
    do {                                                                   \
        hs_t_name = #name;                                                 \
        hs_t_cur_failed = 0;                                               \
        test_##name();                                                     \
        if (hs_t_cur_failed) hs_t_fail++; else hs_t_pass++;                \
    } while (0)
#define FAILF(...)                                                         \
    do {                                                                   \
        fprintf(stderr, "FAIL %s (%s:%d): ", hs_t_name, __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                                      \
        fputc('\n', stderr);                                               \
        hs_t_cur_failed = 1;                                               \
    } while (0)
#define OK(cond)                                                           \
    do { if (!(cond)) FAILF("%s", #cond); } while (0)
#define INT_EQ(a, b)                                                       \
    do {                                                                   \
        long long hs_a_ = (long long)(a), hs_b_ = (long long)(b);          \
        if (hs_a_ != hs_b_) FAILF("%s == %lld, expected %lld", #a, hs_a_, hs_b_); \
    } while (0)
#define STR_EQ(a, b)                                                       \
    do {                                                                   \
        const char *hs_a_ = (a), *hs_b_ = (b);                             \
        if (!hs_a_ || !hs_b_ || strcmp(hs_a_, hs_b_))                      \
            FAILF("%s == \"%s\", expected \"%s\"", #a, hs_a_ ? hs_a_ : "(null)", \
                  hs_b_ ? hs_b_ : "(null)");                               \
    } while (0)
#define DONE()                                                             \
    (printf("%s: %d passed, %d failed\n", __FILE__, hs_t_pass, hs_t_fail), \
     hs_t_fail ? 1 : 0)
#endif
