/* test_date.c -- calendar arithmetic, explicit dates, and hs_date_run(). */
#include <stdio.h>

#include "date.h"
#include "harness.h"
#include "handdoc.h"

TEST(leap_years) {
    OK(hs_date_is_leap(2000));
    OK(hs_date_is_leap(2024));
    OK(hs_date_is_leap(1600));
    OK(!hs_date_is_leap(1900));
    OK(!hs_date_is_leap(2100));
    OK(!hs_date_is_leap(2023));
    INT_EQ(hs_date_month_len(2020, 2), 29);
    INT_EQ(hs_date_month_len(2100, 2), 28);
    INT_EQ(hs_date_month_len(2021, 4), 30);
    INT_EQ(hs_date_month_len(2021, 12), 31);
    INT_EQ(hs_date_month_len(2021, 13), 0);
    INT_EQ(hs_date_month_len(2021, 0), 0);
    OK(hs_date_valid(2000, 2, 29));
    OK(!hs_date_valid(1900, 2, 29));
    OK(!hs_date_valid(2021, 4, 31));
    OK(!hs_date_valid(2021, 1, 0));
}

TEST(known_days) {
    INT_EQ(hs_date_days(1970, 1, 1), 0);
    INT_EQ(hs_date_days(1969, 12, 31), -1);
    INT_EQ(hs_date_days(2000, 3, 1), 11017);
    INT_EQ(hs_date_days(2021, 9, 1), 18871);
    INT_EQ(hs_date_days(1600, 1, 1), -135140);
    INT_EQ(hs_date_weekday(hs_date_days(1970, 1, 1)), 4);  /* Thursday */
    INT_EQ(hs_date_weekday(hs_date_days(2021, 9, 1)), 3);  /* Wednesday */
    INT_EQ(hs_date_weekday(hs_date_days(2000, 2, 29)), 2); /* Tuesday */
    INT_EQ(hs_date_weekday(hs_date_days(1900, 1, 1)), 1);  /* Monday */
    INT_EQ(hs_date_weekday(hs_date_days(1969, 12, 28)), 0); /* Sunday */
}

/* Every day from 1600 to 2400: the count goes up by one, the civil date
 * comes back, and the weekday turns by one. */
TEST(every_day_round_trips) {
    int64_t prev = hs_date_days(1599, 12, 31);
    int bad = 0;
    for (int y = 1600; y <= 2400 && !bad; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= hs_date_month_len(y, m); d++) {
                int64_t z = hs_date_days(y, m, d);
                int yy, mm, dd;
                hs_date_civil(z, &yy, &mm, &dd);
                if (z != prev + 1 || yy != y || mm != m || dd != d ||
                    hs_date_weekday(z) != (hs_date_weekday(prev) + 1) % 7) {
                    FAILF("%04d-%02d-%02d -> %lld", y, m, d, (long long)z);
                    bad = 1;
                }
                prev = z;
            }
    INT_EQ(prev, hs_date_days(2400, 12, 31));
}

TEST(weekday_before) {
    int64_t ref = hs_date_days(2021, 9, 1); /* a Wednesday */
    INT_EQ(hs_date_weekday_before(ref, 2), ref - 1); /* Tuesday */
    INT_EQ(hs_date_weekday_before(ref, 3), ref);     /* the same day */
    INT_EQ(hs_date_weekday_before(ref, 4), ref - 6); /* Thursday */
    INT_EQ(hs_date_weekday_before(ref, 1), ref - 2); /* Monday */
    int64_t ny = hs_date_days(2021, 1, 1); /* a Friday */
    INT_EQ(hs_date_weekday_before(ny, 4), hs_date_days(2020, 12, 31));
    INT_EQ(hs_date_weekday_before(ny, 6), hs_date_days(2020, 12, 26));
    INT_EQ(hs_date_weekday_before(hs_date_days(2020, 3, 1), 6),
           hs_date_days(2020, 2, 29));
}

TEST(iso) {
    int64_t z = 0;
    char out[11];
    INT_EQ(hs_date_parse_iso("2021-09-01", 10, &z), 0);
    INT_EQ(z, 18871);
    INT_EQ(hs_date_parse_iso("2020-02-29", 10, &z), 0);
    hs_date_format(z, out);
    STR_EQ(out, "2020-02-29");
    INT_EQ(hs_date_parse_iso("2021-02-29", 10, &z), -1);
    INT_EQ(hs_date_parse_iso("2021-13-01", 10, &z), -1);
    INT_EQ(hs_date_parse_iso("2021-9-01", 9, &z), -1);
    INT_EQ(hs_date_parse_iso("2021/09/01", 10, &z), -1);
    INT_EQ(hs_date_parse_iso("2021-09-0x", 10, &z), -1);
    INT_EQ(hs_date_parse_iso(NULL, 10, &z), -1);
    hs_date_format(-1, out);
    STR_EQ(out, "1969-12-31");
}

TEST(names) {
    INT_EQ(hs_date_month_name("September", 9), 9);
    INT_EQ(hs_date_month_name("Sept", 4), 9);
    INT_EQ(hs_date_month_name("sep", 3), 9);
    INT_EQ(hs_date_month_name("Aug", 3), 8);
    INT_EQ(hs_date_month_name("MAY", 3), 5);
    INT_EQ(hs_date_month_name("Dec", 3), 12);
    INT_EQ(hs_date_month_name("Janu", 4), 0);
    INT_EQ(hs_date_month_name("Ju", 2), 0);
    INT_EQ(hs_date_weekday_name("Tuesday", 7), 2);
    INT_EQ(hs_date_weekday_name("SUNDAY", 6), 0);
    INT_EQ(hs_date_weekday_name("saturday", 8), 6);
    INT_EQ(hs_date_weekday_name("Wed", 3), -1);
    INT_EQ(hs_date_weekday_name("Tuesdays", 8), -1);
}

/* Parses s at 0; returns "Y-M-D/len" or "none". */
static const char *T_lit(const char *s) {
    static char out[64];
    hs_date_lit l;
    size_t n = hs_date_lit_at(s, 0, strlen(s), &l);
    if (!n) return "none";
    snprintf(out, sizeof out, "%d-%d-%d/%zu", l.y, l.m, l.d, n);
    return out;
}

TEST(literals) {
    STR_EQ(T_lit("September 1, 2021 —"), "2021-9-1/17");
    STR_EQ(T_lit("Sept. 1"), "0-9-1/7");
    STR_EQ(T_lit("Aug. 28, when"), "0-8-28/7");
    STR_EQ(T_lit("Aug 28th."), "0-8-28/8");
    STR_EQ(T_lit("1 September 2021."), "2021-9-1/16");
    STR_EQ(T_lit("2021-09-01T10:00"), "2021-9-1/10");
    STR_EQ(T_lit("Feb. 29"), "0-2-29/7");
    STR_EQ(T_lit("Aug. 28, 40 people"), "0-8-28/7");
    STR_EQ(T_lit("Jan. 5 2016"), "2016-1-5/11");
    STR_EQ(T_lit("Feb. 29, 2021"), "none");
    STR_EQ(T_lit("May 2016"), "none");
    STR_EQ(T_lit("March 40"), "none");
    STR_EQ(T_lit("Aug. 285"), "none");
    STR_EQ(T_lit("may 5"), "none");
    STR_EQ(T_lit("Mayor 5"), "none");
    STR_EQ(T_lit("12 apples"), "none");
    STR_EQ(T_lit("Sept.1"), "none");
    STR_EQ(T_lit(""), "none");
}

TEST(literal_years) {
    hs_date_lit l = {0, 12, 30, 0, 0};
    int64_t z = 0;
    INT_EQ(hs_date_lit_resolve(&l, hs_date_days(2022, 1, 2), 1, &z), 0);
    INT_EQ(z, hs_date_days(2021, 12, 30));
    l.m = 1, l.d = 1;
    INT_EQ(hs_date_lit_resolve(&l, hs_date_days(2021, 12, 31), 1, &z), 0);
    INT_EQ(z, hs_date_days(2021, 1, 1));
    INT_EQ(hs_date_lit_resolve(&l, hs_date_days(2021, 1, 1), 1, &z), 0);
    INT_EQ(z, hs_date_days(2021, 1, 1));
    l.m = 2, l.d = 29;
    INT_EQ(hs_date_lit_resolve(&l, hs_date_days(2021, 9, 1), 1, &z), 0);
    INT_EQ(z, hs_date_days(2020, 2, 29));
    INT_EQ(hs_date_lit_resolve(&l, 0, 0, &z), -1);
    l.y = 2016;
    INT_EQ(hs_date_lit_resolve(&l, 0, 0, &z), 0);
    INT_EQ(z, hs_date_days(2016, 2, 29));
}

/* One sentence, one attribution; the date hs_date_run() gives it. */
static const char *T_said(const char *text, const char *date,
                          const char *where, const char *cue,
                          const char *content, const char *src) {
    static char out[16];
    hearsay_doc *d = T_doc(text, date);
    if (!d || T_attr(d, where, cue, content, src)) {
        T_free(d);
        return "setup failed";
    }
    int rc = hs_date_run(d);
    snprintf(out, sizeof out, "%s", rc ? "error" : T_date(d, 0));
    T_free(d);
    return out;
}

#define DAY "2021-09-01" /* a Wednesday */

TEST(example_weekdays) {
    STR_EQ(T_said("“We have communication channels with them,” Zabihullah "
                  "Mujahid said Tuesday.", DAY, "Mujahid said", "said",
                  "“We have communication channels with them,”",
                  "Zabihullah Mujahid"), "2021-08-31");
    STR_EQ(T_said("“If we can work in the new Afghan government, we will do "
                  "it,” Blinken said Monday.", DAY, "Blinken said", "said",
                  "“If we can work in the new Afghan government, we will do it,”",
                  "Blinken"), "2021-08-30");
    STR_EQ(T_said("But they have a keen interest,” Biden said during a speech "
                  "Thursday addressing the terrorist attack that killed 13 "
                  "U.S. service members.", DAY, "Biden said", "said",
                  "But they have a keen interest,”", "Biden"), "2021-08-26");
    STR_EQ(T_said("Ron Klain said Tuesday he is unsure the U.S. would “ever” "
                  "recognize a Taliban-led government.", DAY, "Klain said",
                  "said", "he is unsure the U.S. would “ever” recognize a "
                  "Taliban-led government", "Ron Klain"), "2021-08-31");
}

TEST(weekday_same_day_and_no_ref) {
    STR_EQ(T_said("Smith said Tuesday that it was over.", "2021-08-31",
                  "Smith said", "said", "that it was over", "Smith"),
           "2021-08-31");
    STR_EQ(T_said("Smith said Tuesday that it was over.", "", "Smith said",
                  "said", "that it was over", "Smith"), "");
    STR_EQ(T_said("Smith said Tuesday that it was over.", "not a date",
                  "Smith said", "said", "that it was over", "Smith"), "");
}

TEST(content_weekdays_do_not_count) {
    STR_EQ(T_said("Trump said he would decide Friday.", DAY, "Trump said",
                  "said", "he would decide Friday", "Trump"), "");
    /* no content span from the core: the pronoun still ends the clause */
    STR_EQ(T_said("Trump said he would decide Friday.", DAY, "Trump said",
                  "said", NULL, "Trump"), "");
    STR_EQ(T_said("“We vote Friday,” Smith said.", DAY, "Smith said", "said",
                  "“We vote Friday,”", "Smith"), "");
    STR_EQ(T_said("Smith said the vote, set for Friday, was a sham.", DAY,
                  "Smith said", "said", NULL, "Smith"), "");
}

TEST(relative_days) {
    STR_EQ(T_said("The senator told reporters yesterday that it was dead.",
                  DAY, "senator told", "told", "that it was dead",
                  "The senator"), "2021-08-31");
    STR_EQ(T_said("The senator said today that it was dead.", DAY,
                  "senator said", "said", "that it was dead", "The senator"),
           "2021-09-01");
    STR_EQ(T_said("The senator said this morning that it was dead.", DAY,
                  "senator said", "said", "that it was dead", "The senator"),
           "2021-09-01");
    STR_EQ(T_said("The senator said last night that it was dead.", DAY,
                  "senator said", "said", "that it was dead", "The senator"),
           "2021-08-31");
}

TEST(vague_gives_nothing) {
    STR_EQ(T_said("Smith said last week that it was dead, on Tuesday.", DAY,
                  "Smith said", "said", NULL, "Smith"), "");
    STR_EQ(T_said("Smith said last Tuesday that it was dead.", DAY,
                  "Smith said", "said", "that it was dead", "Smith"), "");
    STR_EQ(T_said("Smith said earlier this month that it was dead.", DAY,
                  "Smith said", "said", "that it was dead", "Smith"), "");
}

TEST(explicit_dates) {
    STR_EQ(T_said("Smith said on Aug. 28 that it was dead.", DAY,
                  "Smith said", "said", "that it was dead", "Smith"),
           "2021-08-28");
    STR_EQ(T_said("Smith said Dec. 30 that it was dead.", DAY, "Smith said",
                  "said", "that it was dead", "Smith"), "2020-12-30");
    STR_EQ(T_said("Smith said in a statement on September 1, 2020, that it "
                  "was dead.", "", "Smith said", "said", "that it was dead",
                  "Smith"), "2020-09-01");
    STR_EQ(T_said("Smith said on Aug. 28 that it was dead.", "", "Smith said",
                  "said", "that it was dead", "Smith"), "");
}

TEST(before_the_cue) {
    STR_EQ(T_said("Smith on Tuesday said the plan was dead.", DAY,
                  "Smith on Tuesday said", "said", "the plan was dead",
                  "Smith"), "2021-08-31");
    STR_EQ(T_said("Klain, speaking on MSNBC on Tuesday, said the plan was "
                  "dead.", DAY, "Tuesday, said", "said", "the plan was dead",
                  "Klain"), "2021-08-31");
    STR_EQ(T_said("Klain, who resigned on Tuesday, said the plan was dead.",
                  DAY, "Tuesday, said", "said", "the plan was dead", "Klain"),
           "");
    STR_EQ(T_said("On his taxes, he says he would release them on Friday, "
                  "calling them boring.", DAY, "calling them", "calling",
                  "them", "he"), "");
    STR_EQ(T_said("Abedin emailed supporters on Monday evening, telling them "
                  "to vote.", DAY, "telling them", "telling", "them to vote",
                  "Abedin"), "2021-08-30");
    STR_EQ(T_said("Obama will speak Thursday, telling them to vote.", DAY,
                  "telling them", "telling", "them to vote", "Obama"), "");
    STR_EQ(T_said("On Monday, the senator said the plan was dead.", DAY,
                  "senator said", "said", "the plan was dead", "the senator"),
           "2021-08-30");
    STR_EQ(T_said("Over the course of the evacuation that concluded Tuesday, "
                  "officials acknowledged the necessity of talks.", DAY,
                  "officials acknowledged", "acknowledged",
                  "the necessity of talks", "officials"), "");
}

TEST(clause_words_between) {
    STR_EQ(T_said("Smith told CNN’s Jake Tapper on Sunday that it was dead.",
                  DAY, "Smith told", "told", "that it was dead", "Smith"),
           "2021-08-29");
    STR_EQ(T_said("Smith told U.S. officials Sunday that it was dead.", DAY,
                  "Smith told", "told", "that it was dead", "Smith"),
           "2021-08-29");
    STR_EQ(T_said("Kasich told a crowd in Berea, Ohio Tuesday night.", DAY,
                  "Kasich told", "told", NULL, "Kasich"), "2021-08-31");
    STR_EQ(T_said("Kasich said, Tuesday, that it was over.", DAY,
                  "Kasich said", "said", "that it was over", "Kasich"), "");
    STR_EQ(T_said("Smith said, after the vote was over and the hall had "
                  "emptied, Friday.", DAY, "Smith said", "said", NULL, "Smith"),
           "");
}

TEST(cueless_and_many) {
    hearsay_doc *d = T_doc("Smith said Monday it was over. Jones said Tuesday "
                           "it was not. Lee said Monday it was.", DAY);
    OK(d != NULL);
    if (!d) return;
    OK(!T_attr(d, "Smith said", "said", "it was over", "Smith"));
    OK(!T_attr(d, "Jones said", "said", "it was not", "Jones"));
    OK(!T_attr(d, "Lee said", "said", "it was.", "Lee"));
    OK(!T_attr(d, "Lee said", "said", NULL, NULL));
    d->attrs.v[3].cue_b = d->attrs.v[3].cue_e = -1;
    INT_EQ(hs_date_run(d), 0);
    STR_EQ(T_date(d, 0), "2021-08-30");
    STR_EQ(T_date(d, 1), "2021-08-31");
    STR_EQ(T_date(d, 2), "2021-08-30");
    STR_EQ(T_date(d, 3), "");
    T_free(d);
}

/* An attribution in an embedded post with no time expression takes the
 * post's date; one with its own expression keeps it. */
TEST(embedded_post_date) {
    /* the body line above is too long to be part of the post */
    hearsay_doc *d = T_doc("Body line one, which goes on and on about the "
                           "council, its members, the budget, the vote, the "
                           "bridge, the schools, the roads, the parks, the "
                           "library, the harbor, the airport, the water "
                           "supply, the weather and the snow removal plan for "
                           "the winter, until no post could "
                           "hold it.\nMe: “Is it over?”\nSmith said "
                           "Monday it was.\n— Ann Lee (@annlee) May 2, 2020",
                           "2020-05-06");
    OK(d != NULL);
    if (!d) return;
    OK(!T_attr(d, "Me: “", ":", "“Is it over?”", "Me"));
    OK(!T_attr(d, "Smith said", "said", "it was.", "Smith"));
    OK(!T_attr(d, "Body line", "line", NULL, NULL));
    INT_EQ(hs_ctx_run(d), 0);
    INT_EQ(d->debris_raw.n, 3);
    d->attrs.v[0].context = d->attrs.v[1].context = HEARSAY_CONTEXT_EMBEDDED_POST;
    INT_EQ(hs_date_run(d), 0);
    STR_EQ(T_date(d, 0), "2020-05-02");
    STR_EQ(T_date(d, 1), "2020-05-04"); /* Monday before May 6, 2020 */
    STR_EQ(T_date(d, 2), "");
    T_free(d);
}

int main(void) {
    RUN(leap_years);
    RUN(known_days);
    RUN(every_day_round_trips);
    RUN(weekday_before);
    RUN(iso);
    RUN(names);
    RUN(literals);
    RUN(literal_years);
    RUN(example_weekdays);
    RUN(weekday_same_day_and_no_ref);
    RUN(content_weekdays_do_not_count);
    RUN(relative_days);
    RUN(vague_gives_nothing);
    RUN(explicit_dates);
    RUN(before_the_cue);
    RUN(clause_words_between);
    RUN(cueless_and_many);
    RUN(embedded_post_date);
    return DONE();
}
