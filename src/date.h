/*
 * date.h -- calendar arithmetic and date expressions (date.c). Internal.
 *
 * Dates are counted in days since 1970-01-01 in the proleptic Gregorian
 * calendar (negative before 1970), so that "the Tuesday before" and "one
 * day earlier" are integer arithmetic. Pure functions, no state: callable
 * from any thread.
 */
#ifndef HS_DATE_H
#define HS_DATE_H

#include <stddef.h>
#include <stdint.h>

/* 1 when y-m-d is a real date (month 1..12, day 1..month length). */
int hs_date_valid(int y, int m, int d);

/* Days in month m (1..12) of year y; 0 for a month out of range. */
int hs_date_month_len(int y, int m);

/* 1 for a Gregorian leap year. */
int hs_date_is_leap(int y);

/* Days since 1970-01-01 of y-m-d (which need not be valid: days overflow
 * into the next month as in mktime, but callers should pass valid dates). */
int64_t hs_date_days(int y, int m, int d);

/* The civil date of a day count; inverse of hs_date_days(). */
void hs_date_civil(int64_t days, int *y, int *m, int *d);

/* Day of the week of a day count: 0 Sunday, 1 Monday .. 6 Saturday. */
int hs_date_weekday(int64_t days);

/* The most recent day with weekday wd (0..6) on or before ref. */
int64_t hs_date_weekday_before(int64_t ref, int wd);

/* Parses exactly "YYYY-MM-DD" (s[0..n), n == 10) into *days. Returns 0, or
 * -1 when it is not a valid date in that form. */
int hs_date_parse_iso(const char *s, size_t n, int64_t *days);

/* Writes "YYYY-MM-DD" and a NUL into out (years 0..9999). */
void hs_date_format(int64_t days, char out[11]);

/* A month's name or news abbreviation ("September", "Sept.", "Sep", "aug")
 * in s[0..n), any case, without the period: 1..12, or 0. "May" and "March"
 * count; the caller decides whether a following day number makes it a
 * date. */
int hs_date_month_name(const char *s, size_t n);

/* A weekday's full name s[0..n) ("Tuesday", any case): 0 Sunday .. 6
 * Saturday, or -1. Abbreviations are not accepted ("Sun", "Wed" are
 * words too). */
int hs_date_weekday_name(const char *s, size_t n);

/* An explicit calendar date written in text. */
typedef struct {
    int y, m, d;  /* y == 0: no year written */
    size_t b, e;  /* bytes it covers */
} hs_date_lit;

/* Reads an explicit date starting at byte i of s[0..n): "September 1, 2021",
 * "Sept. 1", "Aug 28th", "1 September 2021", "2021-09-01". Returns the
 * number of bytes it covers (out->b = i, out->e = i + result), or 0. */
size_t hs_date_lit_at(const char *s, size_t i, size_t n, hs_date_lit *out);

/* Resolves a literal to a day count. A literal without a year takes the
 * year of ref, or the year before when that would fall after ref. Returns
 * 0, or -1 when it cannot be resolved (no year and has_ref == 0). */
int hs_date_lit_resolve(const hs_date_lit *l, int64_t ref, int has_ref,
                        int64_t *out);

#endif /* HS_DATE_H */
