/*
 * date.c -- when was it said? Calendar arithmetic, explicit dates in text,
 * and the stage hs_date_run(), which gives each attribution the date its
 * sentence says it was said on.
 *
 * The stage reads the sentence around each attribution's cue, outside the
 * attribution's content, and looks for a time expression attached to the
 * cue, in this order of preference:
 *
 *   1. right after the cue, across at most a few words of the same clause
 *      ("said Tuesday", "said during a speech Thursday", "told CNN on
 *      Monday"; a pronoun, "that", a modal, a comma or a quote mark ends the
 *      clause, so "said he would go Friday" gives nothing);
 *   2. right before the cue ("on Tuesday said"), or between the speaker and
 *      the cue ("Klain, speaking on MSNBC on Tuesday, said");
 *   3. at the very start of the sentence, followed by a comma ("On Monday,
 *      the senator said ...").
 *
 * Weekdays resolve to the most recent such day on or before the article's
 * date; "yesterday" and "last night" to the day before it; "today",
 * "tonight", "this morning" to it; explicit dates without a year to the
 * latest such date not after it. Vague expressions ("last week", "last
 * Tuesday", "next month") stop the search and give no date rather than a
 * guess.
 */
#include "date.h"
#include "hearsay_int.h"

#include <stdio.h>

/* ------------------------------------------------------- calendar */

int hs_date_is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int hs_date_month_len(int y, int m) {
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return len[m - 1] + (m == 2 && hs_date_is_leap(y));
}

int hs_date_valid(int y, int m, int d) {
    return d >= 1 && d <= hs_date_month_len(y, m);
}

/* Howard Hinnant's days_from_civil: eras of 400 years (146097 days),
 * years counted from March so that the leap day falls last. */
int64_t hs_date_days(int y, int m, int d) {
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t mp = (m + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void hs_date_civil(int64_t days, int *y, int *m, int *d) {
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int hs_date_weekday(int64_t days) {
    /* 1970-01-01 was a Thursday */
    return (int)(((days + 4) % 7 + 7) % 7);
}

int64_t hs_date_weekday_before(int64_t ref, int wd) {
    return ref - (hs_date_weekday(ref) - wd + 7) % 7;
}

static int S_digits(const char *s, size_t n, int *v) {
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 0;
}

int hs_date_parse_iso(const char *s, size_t n, int64_t *days) {
    int y, m, d;
    if (!s || n != 10 || s[4] != '-' || s[7] != '-') return -1;
    if (S_digits(s, 4, &y) || S_digits(s + 5, 2, &m) || S_digits(s + 8, 2, &d))
        return -1;
    if (!hs_date_valid(y, m, d)) return -1;
    *days = hs_date_days(y, m, d);
    return 0;
}

void hs_date_format(int64_t days, char out[11]) {
    int y, m, d;
    hs_date_civil(days, &y, &m, &d);
    if (y < 0) y = 0;
    if (y > 9999) y = 9999;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* ------------------------------------------------------------ names */

static int S_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int S_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int S_digit(int c) { return c >= '0' && c <= '9'; }
static int S_upper(int c) { return c >= 'A' && c <= 'Z'; }

/* 1 when s[0..n) equals the lower-case word w, ignoring case. */
static int S_is(const char *s, size_t n, const char *w) {
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (S_lower((unsigned char)s[i]) != w[i]) return 0;
    return i == n && !w[i];
}

/* Index of s[0..n) in a NULL-terminated word list, or -1. */
static int S_find(const char *s, size_t n, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (S_is(s, n, list[i])) return i;
    return -1;
}

int hs_date_month_name(const char *s, size_t n) {
    static const char *const names[] = {
        "january", "jan", "february", "feb", "march", "mar", "april", "apr",
        "may", "may", "june", "jun", "july", "jul", "august", "aug",
        "september", "sep", "october", "oct", "november", "nov", "december",
        "dec", "sept", NULL};
    int i = S_find(s, n, names);
    if (i < 0) return 0;
    return i == 24 ? 9 : i / 2 + 1;
}

int hs_date_weekday_name(const char *s, size_t n) {
    static const char *const names[] = {"sunday", "monday", "tuesday",
                                        "wednesday", "thursday", "friday",
                                        "saturday", NULL};
    return S_find(s, n, names);
}

/* ------------------------------------------------- explicit dates */

/* Reads 1..max digits at s[*i..n) not followed by another digit. */
static int S_num(const char *s, size_t *i, size_t n, int max, int *v) {
    size_t j = *i;
    while (j < n && S_digit(s[j]) && j - *i < (size_t)max + 1) j++;
    if (j == *i || j - *i > (size_t)max) return -1;
    if (S_digits(s + *i, j - *i, v)) return -1;
    *i = j;
    return 0;
}

static size_t S_spaces(const char *s, size_t i, size_t n) {
    while (i < n && s[i] == ' ') i++;
    return i;
}

/* A day number with an optional ordinal suffix, ending the word. */
static int S_day(const char *s, size_t *i, size_t n, int *d) {
    size_t j = *i;
    if (S_num(s, &j, n, 2, d) || *d < 1 || *d > 31) return -1;
    if (j + 1 < n && (S_is(s + j, 2, "st") || S_is(s + j, 2, "nd") ||
                      S_is(s + j, 2, "rd") || S_is(s + j, 2, "th")))
        j += 2;
    if (j < n && (S_alpha(s[j]) || S_digit(s[j]))) return -1;
    *i = j;
    return 0;
}

/* A capitalised month name and its optional period at s[*i..n). */
static int S_month(const char *s, size_t *i, size_t n, int *m) {
    size_t j = *i;
    if (j >= n || !S_upper(s[j])) return -1;
    while (j < n && S_alpha(s[j])) j++;
    *m = hs_date_month_name(s + *i, j - *i);
    if (!*m) return -1;
    if (j < n && s[j] == '.') j++;
    *i = j;
    return 0;
}

/* An optional year after a day: ", 2021" or " 2021". */
static void S_year(const char *s, size_t *i, size_t n, int *y) {
    size_t j = *i;
    if (j < n && s[j] == ',') j++;
    j = S_spaces(s, j, n);
    int v;
    if (j > *i && S_num(s, &j, n, 4, &v) == 0 && v >= 1000 &&
        !(j < n && S_alpha(s[j]))) {
        *y = v;
        *i = j;
    }
}

static size_t S_lit_iso(const char *s, size_t i, size_t n, hs_date_lit *o) {
    int64_t days;
    if (i + 10 > n || hs_date_parse_iso(s + i, 10, &days)) return 0;
    if (i + 10 < n && S_digit(s[i + 10])) return 0;
    hs_date_civil(days, &o->y, &o->m, &o->d);
    return 10;
}

/* "1 September 2021", "28 Aug" */
static size_t S_lit_dmy(const char *s, size_t i, size_t n, hs_date_lit *o) {
    size_t j = i;
    if (S_day(s, &j, n, &o->d)) return 0;
    size_t k = S_spaces(s, j, n);
    if (k == j || S_month(s, &k, n, &o->m)) return 0;
    j = k;
    o->y = 0;
    S_year(s, &j, n, &o->y);
    return j - i;
}

/* "September 1, 2021", "Sept. 1", "Aug 28th" */
static size_t S_lit_mdy(const char *s, size_t i, size_t n, hs_date_lit *o) {
    size_t j = i;
    if (S_month(s, &j, n, &o->m)) return 0;
    size_t k = S_spaces(s, j, n);
    if (k == j || S_day(s, &k, n, &o->d)) return 0;
    j = k;
    o->y = 0;
    S_year(s, &j, n, &o->y);
    return j - i;
}

size_t hs_date_lit_at(const char *s, size_t i, size_t n, hs_date_lit *out) {
    hs_date_lit l = {0, 0, 0, i, i};
    size_t len = 0;
    if (i >= n) return 0;
    if (S_digit(s[i])) {
        len = S_lit_iso(s, i, n, &l);
        if (!len) len = S_lit_dmy(s, i, n, &l);
    } else {
        len = S_lit_mdy(s, i, n, &l);
    }
    if (!len || !hs_date_valid(l.y ? l.y : 2000, l.m, l.d)) return 0;
    l.e = i + len;
    *out = l;
    return len;
}

int hs_date_lit_resolve(const hs_date_lit *l, int64_t ref, int has_ref,
                        int64_t *out) {
    if (l->y) {
        if (!hs_date_valid(l->y, l->m, l->d)) return -1;
        *out = hs_date_days(l->y, l->m, l->d);
        return 0;
    }
    if (!has_ref) return -1;
    int y, m, d;
    hs_date_civil(ref, &y, &m, &d);
    for (int k = 0; k < 8; k++, y--) { /* Feb 29 may need a leap year */
        if (!hs_date_valid(y, l->m, l->d)) continue;
        int64_t v = hs_date_days(y, l->m, l->d);
        if (v <= ref) {
            *out = v;
            return 0;
        }
    }
    return -1;
}

/* ------------------------------------------------------- the stage */

/* A small token of the sentence around a cue. The stage reads the raw
 * bytes itself (ASCII words and numbers; any other character is one
 * punctuation token), so it depends on the tokenizer only for sentence
 * bounds. */
enum { DT_WORD = 1, DT_NUM, DT_PUNCT };

typedef struct {
    uint32_t b, e;
    uint8_t type;
    uint8_t content; /* inside the attribution's content */
} hs_dtok;

enum {
    DT_AFTER = 16,  /* tokens read after the cue */
    DT_BEFORE = 16, /* tokens kept before the cue */
    DT_HEAD = 6,    /* tokens kept at the sentence start */
    DT_GAP = 8      /* most words between a cue and its time expression */
};

/* The tokens one attribution's date is looked for in. */
typedef struct {
    hs_dtok head[DT_HEAD], before[DT_BEFORE], after[DT_AFTER];
    size_t nhead, nbefore, nafter;
} hs_dwin;

/* A time expression: tokens [t0, t1) of a window. */
enum { DX_WEEKDAY = 1, DX_REL, DX_LIT, DX_VAGUE };

typedef struct {
    int kind;
    int wd;  /* DX_WEEKDAY: 0 Sunday .. 6 Saturday */
    int rel; /* DX_REL: days from the article's date */
    hs_date_lit lit;
    size_t t0, t1;
} hs_dexpr;

static int S_space_at(const char *s, size_t j, size_t end) {
    if (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') return 1;
    return j + 1 < end && (unsigned char)s[j] == 0xC2 &&
           (unsigned char)s[j + 1] == 0xA0; /* no-break space */
}

/* Reads the next token of s[*i..end) into *t; 0 when there is none. */
static int S_lex(const char *s, size_t *i, size_t end, hs_dtok *t) {
    size_t j = *i;
    while (j < end && S_space_at(s, j, end)) j += ((unsigned char)s[j] == 0xC2) ? 2 : 1;
    *i = j;
    if (j >= end) return 0;
    unsigned char c = (unsigned char)s[j];
    t->b = (uint32_t)j;
    t->content = 0;
    if (S_alpha(c)) {
        while (j < end && S_alpha(s[j])) j++;
        t->type = DT_WORD;
    } else if (S_digit(c)) {
        while (j < end && (S_digit(s[j]) || S_alpha(s[j]))) j++;
        t->type = DT_NUM;
    } else {
        j++;
        if (c >= 0xC0)
            while (j < end && ((unsigned char)s[j] & 0xC0) == 0x80) j++;
        t->type = DT_PUNCT;
    }
    t->e = (uint32_t)j;
    *i = j;
    return 1;
}

static int S_tok_is(const char *s, const hs_dtok *t, const char *w) {
    return t->type == DT_WORD && S_is(s + t->b, t->e - t->b, w);
}

static int S_tok_in(const char *s, const hs_dtok *t, const char *const *list) {
    return t->type == DT_WORD && S_find(s + t->b, t->e - t->b, list) >= 0;
}

/* The words after a deictic lead ("last", "this") that make a time
 * expression of it, besides a weekday: a span, a part of the day. */
static const char *const S_span[] = {"week", "month", "year", "weekend",
                                     "spring", "summer", "fall", "autumn",
                                     "winter", NULL};
static const char *const S_part[] = {"morning", "afternoon", "evening", NULL};

/* "last"/"next"/"this" + a word: vague, or a day relative to the article. */
static size_t S_expr_deictic(const char *s, const hs_dtok *t, size_t n,
                             size_t i, hs_dexpr *x) {
    static const char *const lead[] = {"last", "next", "this", "past",
                                       "coming", NULL};
    if (i + 1 >= n || !S_tok_in(s, &t[i], lead)) return 0;
    const hs_dtok *w = &t[i + 1];
    if (S_tok_is(s, &t[i], "last") && S_tok_is(s, w, "night")) {
        x->kind = DX_REL;
        x->rel = -1;
    } else if (S_tok_is(s, &t[i], "this") && S_tok_in(s, w, S_part)) {
        x->kind = DX_REL;
        x->rel = 0;
    } else if (S_tok_in(s, w, S_span) ||
               (w->type == DT_WORD && hs_date_weekday_name(s + w->b, w->e - w->b) >= 0)) {
        x->kind = DX_VAGUE;
    } else {
        return 0;
    }
    return 2;
}

/* A single word: a capitalised weekday, "yesterday", "today", "tonight". */
static size_t S_expr_word(const char *s, const hs_dtok *t, hs_dexpr *x) {
    if (t->type != DT_WORD) return 0;
    int wd = hs_date_weekday_name(s + t->b, t->e - t->b);
    if (wd >= 0 && S_upper(s[t->b])) {
        x->kind = DX_WEEKDAY;
        x->wd = wd;
    } else if (S_tok_is(s, t, "yesterday")) {
        x->kind = DX_REL;
        x->rel = -1;
    } else if (S_tok_is(s, t, "today") || S_tok_is(s, t, "tonight")) {
        x->kind = DX_REL;
        x->rel = 0;
    } else {
        return 0;
    }
    return 1;
}

/* An explicit date starting at token i: how many tokens it covers. */
static size_t S_expr_lit(const char *s, const hs_dtok *t, size_t n, size_t i,
                         hs_dexpr *x) {
    if (t[i].type == DT_PUNCT || !hs_date_lit_at(s, t[i].b, t[n - 1].e, &x->lit))
        return 0;
    size_t k = i;
    while (k < n && t[k].b < x->lit.e) k++;
    x->kind = DX_LIT;
    return k - i;
}

/* Can token t open a time expression? A number, or a word whose first
 * letter and length are those of a word that can: a deictic lead ("last",
 * "coming"), a weekday, "yesterday", "today", "tonight", or a month name
 * or its abbreviation. Bit k of len_of[letter] is set when a word of
 * that letter has k letters. Most words fail here, before the lists. */
static int S_may_open(const hs_dtok *t, const char *s) {
#define L(k) (1u << (k))
    static const uint16_t len_of[26] = {
        ['a' - 'a'] = L(3) | L(5) | L(6),               /* apr aug april august */
        ['c' - 'a'] = L(6),                             /* coming */
        ['d' - 'a'] = L(3) | L(8),                      /* dec december */
        ['f' - 'a'] = L(3) | L(6) | L(8),               /* feb friday february */
        ['j' - 'a'] = L(3) | L(4) | L(7),               /* jan jun jul june july january */
        ['l' - 'a'] = L(4),                             /* last */
        ['m' - 'a'] = L(3) | L(5) | L(6),               /* mar may march monday */
        ['n' - 'a'] = L(3) | L(4) | L(8),               /* nov next november */
        ['o' - 'a'] = L(3) | L(7),                      /* oct october */
        ['p' - 'a'] = L(4),                             /* past */
        ['s' - 'a'] = L(3) | L(4) | L(6) | L(8) | L(9), /* sep sept sunday saturday september */
        ['t' - 'a'] = L(4) | L(5) | L(7) | L(8),        /* this today tuesday tonight thursday */
        ['w' - 'a'] = L(9),                             /* wednesday */
        ['y' - 'a'] = L(9),                             /* yesterday */
    };
#undef L
    if (t->type == DT_NUM) return 1;
    if (t->type != DT_WORD) return 0;
    size_t len = t->e - t->b;
    unsigned c = (unsigned)S_lower((unsigned char)s[t->b]) - 'a';
    return len <= 9 && c < 26 && (len_of[c] >> len & 1);
}

/* A time expression starting at token i of t[0..n): tokens it covers, or
 * 0. x->t0/t1 are set. */
static size_t S_expr_at(const char *s, const hs_dtok *t, size_t n, size_t i,
                        hs_dexpr *x) {
    if (!S_may_open(&t[i], s)) {
        x->t0 = x->t1 = i;
        return 0;
    }
    size_t k = S_expr_deictic(s, t, n, i, x);
    if (!k) k = S_expr_word(s, &t[i], x);
    if (!k) k = S_expr_lit(s, t, n, i, x);
    x->t0 = i;
    x->t1 = i + k;
    return k;
}

static int S_expr_in_content(const hs_dtok *t, const hs_dexpr *x) {
    for (size_t k = x->t0; k < x->t1; k++)
        if (t[k].content) return 1;
    return 0;
}

/* Words that open another clause: a time expression after them belongs to
 * that clause ("said he would go Friday"). */
static int S_clause_word(const char *s, const hs_dtok *t) {
    static const char *const w[] = {
        "that", "whether", "if", "he", "she", "they", "it", "we", "i", "you",
        "who", "which", "would", "will", "could", "should", "might", "may",
        "can", "must", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "because", "but", "when", "while", "not", NULL};
    return S_tok_in(s, t, w);
}

/* Punctuation that may sit inside the words between a cue and its time
 * expression: apostrophes ("CNN's"), hyphens, "&", abbreviation periods
 * ("U.S."), the comma of "City, State". t has count tokens. */
static int S_soft_punct(const char *s, const hs_dtok *t, size_t count,
                        size_t i) {
    const hs_dtok *p = &t[i];
    size_t n = p->e - p->b;
    const char *c = s + p->b;
    if (n == 1 && (*c == '\'' || *c == '-' || *c == '&')) return 1;
    if (n == 3 && memcmp(c, "\xE2\x80\x99", 3) == 0) return 1; /* ’ */
    if (n == 1 && *c == '.' && i > 0 && t[i - 1].type == DT_WORD &&
        t[i - 1].e - t[i - 1].b <= 3 && S_upper(s[t[i - 1].b]))
        return 1;
    /* "in Berea, Ohio Tuesday": a comma between two names */
    return n == 1 && *c == ',' && i > 0 && i + 1 < count &&
           t[i - 1].type == DT_WORD && S_upper(s[t[i - 1].b]) &&
           t[i + 1].type == DT_WORD && S_upper(s[t[i + 1].b]) &&
           hs_date_weekday_name(s + t[i + 1].b, t[i + 1].e - t[i + 1].b) < 0;
}

/* 1: after the cue, within a few words of the same clause. */
static int S_find_after(const char *s, const hs_dtok *t, size_t n,
                        hs_dexpr *x) {
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].content) return 0;
        if (S_expr_at(s, t, n, i, x)) return !S_expr_in_content(t, x);
        if (t[i].type == DT_PUNCT ? !S_soft_punct(s, t, n, i)
                                  : (S_clause_word(s, &t[i]) || ++words > DT_GAP))
            return 0;
    }
    return 0;
}

/* Words allowed between a time expression and the cue that follows it. */
static int S_adverb(const char *s, const hs_dtok *t) {
    static const char *const w[] = {"also", "again", "later", "earlier",
                                    "publicly", "first", "then", "repeatedly",
                                    "reportedly", "night", "morning",
                                    "afternoon", "evening", NULL};
    return S_tok_in(s, t, w);
}

/* 2a: right before the cue ("on Tuesday said", "Tuesday night said"); a
 * comma between them is left to 2b, which knows the speaker. */
static int S_find_before(const char *s, const hs_dtok *t, size_t n,
                         hs_dexpr *x) {
    for (size_t i = n > 4 ? n - 4 : 0; i < n; i++) {
        if (!S_expr_at(s, t, n, i, x) || S_expr_in_content(t, x)) continue;
        size_t k = x->t1;
        while (k < n && S_adverb(s, &t[k])) k++;
        if (k == n) return 1;
    }
    return 0;
}

/* 2b: between the speaker and the cue, in the speaker's own clause:
 * "Klain, speaking on MSNBC on Tuesday, said", "Abedin emailed supporters
 * on Monday, telling them", "Reid caucused on Saturday and says". Not past
 * a relative clause ("Klain, who left Tuesday, said") or the start of
 * another clause ("he says he would release them on Friday, calling
 * them": a subject pronoun, a modal, "that"). Auxiliaries of the speaker's
 * own verb are fine ("is releasing an ad Monday, questioning"). */
static int S_find_src_gap(const char *s, const hs_dtok *t, size_t n,
                          const hs_attr *a, hs_dexpr *x) {
    static const char *const stop[] = {
        "who", "which", "that", "whose", "whether", "if", "he", "she", "they",
        "we", "i", "you", "will", "would", "could", "should", "might", "may",
        "can", "must", NULL};
    if (a->src_b < 0 || a->src_e > a->cue_b) return 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].b < (uint32_t)a->src_e) continue;
        if (t[i].content || S_tok_in(s, &t[i], stop)) return 0;
        if (S_expr_at(s, t, n, i, x)) return !S_expr_in_content(t, x);
    }
    return 0;
}

/* 3: at the sentence start, before a comma ("On Monday, ..."). */
static int S_find_head(const char *s, const hs_dtok *t, size_t n,
                       hs_dexpr *x) {
    static const char *const lead[] = {"on", "late", "early", "earlier",
                                       "later", "and", "but", "then", NULL};
    size_t i = 0;
    while (i < 2 && i < n && S_tok_in(s, &t[i], lead)) i++;
    if (i >= n || !S_expr_at(s, t, n, i, x) || S_expr_in_content(t, x))
        return 0;
    size_t k = x->t1;
    while (k < n && S_adverb(s, &t[k])) k++;
    return k < n && t[k].type == DT_PUNCT && s[t[k].b] == ',' && !t[k].content;
}

static int S_in_content(const hearsay_doc *d, const hs_attr *a,
                        const hs_dtok *t) {
    for (uint32_t p = a->part0; p < a->part0 + a->nparts; p++) {
        const hs_brange *r = &d->bparts.v[p];
        if (t->b < r->e && t->e > r->b) return 1;
    }
    return 0;
}

/* The sentence holding byte pos: from the tokenizer's sentences when there
 * are any, else the line. */
/* The index of the sentence holding byte pos, or -1 when pos is in none
 * (between sentences, or no sentences). */
static long S_sent_at(const hearsay_doc *d, size_t pos) {
    size_t lo = 0, hi = d->sents.n;
    if (!hi) return -1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks.v[d->sents.v[mid].t0].b <= pos) lo = mid; else hi = mid;
    }
    const hs_sent *st = &d->sents.v[lo];
    if (st->t1 <= st->t0 || d->toks.v[st->t0].b > pos || pos >= d->toks.v[st->t1 - 1].e) return -1;
    return (long)lo;
}

static void S_sentence(const hearsay_doc *d, size_t pos, size_t *sb,
                       size_t *se) {
    long si = S_sent_at(d, pos);
    if (si >= 0) {
        const hs_sent *st = &d->sents.v[si];
        *sb = d->toks.v[st->t0].b;
        *se = d->toks.v[st->t1 - 1].e;
        return;
    }
    size_t b = pos, e = pos;
    while (b > 0 && d->text[b - 1] != '\n') b--;
    while (e < d->len && d->text[e] != '\n') e++;
    *sb = b;
    *se = e;
}

static void S_push_before(hs_dwin *w, const hs_dtok *t, size_t *count) {
    w->before[*count % DT_BEFORE] = *t;
    (*count)++;
}

/* Fills w with the tokens around a's cue in its sentence. */
#define DT_SPAN 2048 /* bytes read before a cue in a long sentence */

static void S_window(const hearsay_doc *d, const hs_attr *a, hs_dwin *w) {
    size_t sb, se, i, count = 0;
    hs_dtok t, ring[DT_BEFORE];
    S_sentence(d, (size_t)a->cue_b, &sb, &se);
    w->nhead = w->nafter = 0;
    /* a sentence may be a whole (pathological) article: read its head, then
     * only a bounded stretch before the cue, so each attribution costs the
     * same however long its sentence */
    size_t from = sb;
    if ((size_t)a->cue_b > sb + DT_SPAN) {
        for (i = sb; w->nhead < DT_HEAD && S_lex(d->text, &i, (size_t)a->cue_b, &t);) {
            t.content = (uint8_t)S_in_content(d, a, &t);
            w->head[w->nhead++] = t;
        }
        from = (size_t)a->cue_b - DT_SPAN;
        while (from < (size_t)a->cue_b && d->text[from] != ' ') from++;
    }
    for (i = from; w->nafter < DT_AFTER && S_lex(d->text, &i, se, &t);) {
        t.content = (uint8_t)S_in_content(d, a, &t);
        if (t.e <= (uint32_t)a->cue_b) {
            if (from == sb && w->nhead < DT_HEAD) w->head[w->nhead++] = t;
            S_push_before(w, &t, &count);
        } else if (t.b >= (uint32_t)a->cue_e) {
            w->after[w->nafter++] = t;
        }
    }
    w->nbefore = count < DT_BEFORE ? count : DT_BEFORE;
    for (i = 0; i < w->nbefore; i++)
        ring[i] = w->before[(count - w->nbefore + i) % DT_BEFORE];
    memcpy(w->before, ring, w->nbefore * sizeof *ring);
}

/* Day count of an expression, or -1 when it cannot be resolved. */
static int S_resolve(const hs_dexpr *x, int64_t ref, int has_ref,
                     int64_t *out) {
    switch (x->kind) {
    case DX_WEEKDAY:
        if (!has_ref) return -1;
        *out = hs_date_weekday_before(ref, x->wd);
        return 0;
    case DX_REL:
        if (!has_ref) return -1;
        *out = ref + x->rel;
        return 0;
    case DX_LIT:
        return hs_date_lit_resolve(&x->lit, ref, has_ref, out);
    default:
        return -1;
    }
}

/* Can token t open (or hold the start of) a time expression of this
 * stage's own tokens? A month or weekday, a deictic word, or (to be safe)
 * a compound or non-ASCII word the stage's tokens would split
 * ("mid-October"), or a number that is more than digits, commas and
 * periods ("2016-09-01", "5th"). A plain number ("2016", "1,000") starts
 * a date only before a month's name ("1 September 2021"), which is a
 * token of its own that this asks about; an ISO date is one token. */
static int S_tok_may_date(const hearsay_doc *d, size_t j) {
    const hs_tok *t = &d->toks.v[j];
    uint32_t lex = t->lex & (HS_L_MONTH | HS_L_WEEKDAY | HS_L_DEIXIS);
    const char *w = d->text + t->b;
    size_t n = t->e - t->b;
    /* a month's name opens a date capitalised only (S_month), and a
     * weekday a time expression (S_expr_word), but after a deictic lead */
    if ((lex & (HS_L_MONTH | HS_L_WEEKDAY)) && (t->flags & HS_F_CAP)) return 1;
    if (lex & HS_L_DEIXIS) {
        if (S_is(w, n, "yesterday") || S_is(w, n, "today") || S_is(w, n, "tonight")) return 1;
        /* a lead ("last", "this", "coming") only before a word that
         * S_expr_deictic takes after it, or a compound word */
        if (j + 1 >= d->toks.n) return 0;
        const hs_tok *u = &d->toks.v[j + 1];
        const char *v = d->text + u->b;
        size_t m = u->e - u->b;
        return u->type == HS_T_WORD &&
               ((u->lex & HS_L_WEEKDAY) || !(u->flags & HS_F_PLAIN) || S_is(v, m, "night") ||
                S_find(v, m, S_span) >= 0 || S_find(v, m, S_part) >= 0);
    }
    if (t->type == HS_T_NUM) {
        for (size_t k = 0; k < n; k++)
            if (!S_digit(w[k]) && w[k] != ',' && w[k] != '.') return 1;
        return 0;
    }
    if (t->type != HS_T_WORD || (t->flags & HS_F_PLAIN)) return 0;
    /* 'Sept.', 'Jan.' */
    if ((t->flags & HS_F_ABBREV) && n > 1 && hs_date_month_name(w, n - 1)) return 1;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)w[k];
        if (S_digit(w[k]) || c == '-' || c == '/') return 1;
        /* any non-ASCII letter but the apostrophe ’ (E2 80 99) */
        if (c >= 0x80 && !(c == 0xE2 && k + 2 < n && (unsigned char)w[k + 1] == 0x80 && (unsigned char)w[k + 2] == 0x99))
            return 1;
        if (c == 0xE2) k += 2;
    }
    return 0;
}

static int S_toks_may_date(const hearsay_doc *d, size_t j0, size_t j1) {
    for (size_t j = j0; j < j1; j++) {
        const hs_tok *t = &d->toks.v[j];
        /* most words: plain, and no month, weekday or deictic word */
        if (t->type == HS_T_WORD && (t->flags & HS_F_PLAIN) &&
            !(t->lex & (HS_L_MONTH | HS_L_WEEKDAY | HS_L_DEIXIS)))
            continue;
        if (S_tok_may_date(d, j)) return 1;
    }
    return 0;
}

/* Can a's window (S_window) hold a time expression at all? A cheap look
 * at the tokenizer's tokens, so that most attributions skip the window.
 * Each tokenizer token holds one or more of the stage's own tokens, so
 * the window's DT_HEAD, DT_BEFORE and DT_AFTER tokens lie within as many
 * tokenizer tokens at the sentence start, before the cue and after it.
 * 1 when the cue is in no sentence. The answer for the whole sentence is
 * kept in it: most sentences hold none. */
static int S_may_date(hearsay_doc *d, const hs_attr *a) {
    long si = S_sent_at(d, (size_t)a->cue_b);
    if (si < 0) return 1;
    hs_sent *st = &d->sents.v[si];
    if (!st->may_date) st->may_date = S_toks_may_date(d, st->t0, st->t1) ? 2 : 1;
    if (st->may_date == 1) return 0;
    size_t c0 = hs_doc_tok_at(d, (size_t)a->cue_b);
    size_t c1 = a->cue_e > a->cue_b ? hs_doc_tok_at(d, (size_t)a->cue_e - 1) : c0;
    size_t h1 = st->t0 + DT_HEAD < st->t1 ? st->t0 + DT_HEAD : st->t1;
    size_t b0 = c0 > st->t0 + DT_BEFORE ? c0 - DT_BEFORE : st->t0;
    size_t a1 = c1 + 1 + DT_AFTER < st->t1 ? c1 + 1 + DT_AFTER : st->t1;
    return S_toks_may_date(d, st->t0, h1) || S_toks_may_date(d, b0, a1);
}

/* The date a's sentence says it was said on: 0 and *out, or -1. */
static int S_attr_date(const hearsay_doc *d, const hs_attr *a, int64_t ref,
                       int has_ref, int64_t *out) {
    hs_dwin w;
    hs_dexpr x;
    const char *s = d->text;
    S_window(d, a, &w);
    if (S_find_after(s, w.after, w.nafter, &x) ||
        S_find_before(s, w.before, w.nbefore, &x) ||
        S_find_src_gap(s, w.before, w.nbefore, a, &x) ||
        S_find_head(s, w.head, w.nhead, &x))
        return S_resolve(&x, ref, has_ref, out);
    return -1;
}

/* The date of the embedded post holding byte pos, or -1. Paragraphs are
 * in text order: binary search for the last one starting at or before
 * pos. */
static int32_t S_post_date(const hearsay_doc *d, size_t pos) {
    size_t lo = 0, hi = d->paras.n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->paras.v[mid].b <= pos) lo = mid; else hi = mid;
    }
    if (!d->paras.n) return -1;
    const hs_para *p = &d->paras.v[lo];
    if (pos < p->b || pos >= p->e || p->debris < 0) return -1;
    return d->debris_raw.v[p->debris].date;
}

int hs_date_run(hearsay_doc *d) {
    int64_t ref = 0, day, last = INT64_MIN;
    int32_t last_off = -1;
    int has_ref = d->date[0] && hs_date_parse_iso(d->date, strlen(d->date), &ref) == 0;
    for (size_t i = 0; i < d->attrs.n; i++) {
        hs_attr *a = &d->attrs.v[i];
        a->date = -1;
        if (a->dropped || a->cue_b < 0 || a->cue_e < a->cue_b) continue;
        if (!S_may_date(d, a) || S_attr_date(d, a, ref, has_ref, &day)) {
            if (a->context == HEARSAY_CONTEXT_EMBEDDED_POST)
                a->date = S_post_date(d, (size_t)a->cue_b);
            continue;
        }
        if (day != last) {
            char iso[11];
            hs_date_format(day, iso);
            last_off = hs_doc_str(d, iso, 10);
            if (last_off < 0) return HEARSAY_ENOMEM;
            last = day;
        }
        a->date = last_off;
    }
    return HEARSAY_OK;
}
