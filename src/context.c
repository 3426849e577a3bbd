/*
 * context.c -- the page around the article: debris paragraphs, embedded
 * posts, and the article's dateline.
 *
 * News text as scrapers deliver it carries the debris of its web page. This
 * stage classifies each paragraph (a line) as the article's body or as
 * debris of a named kind, and records each debris paragraph in
 * doc->debris_raw (paragraph byte range, kind) with paras[i].debris set to
 * its index. Nothing is deleted: later stages skip debris (except embedded
 * posts, whose quotations are still attributed) and the output says what
 * was set aside.
 *
 * Kinds, tried in this order:
 *   embedded-post     a social post: its text lines and its signature
 *                     ("— Mehdi Hasan (@mehdirhasan) September 1, 2021",
 *                     "A post shared by ... (@handle) on Sep 1, 2021"), or
 *                     a <tweet author=... datetime=...>...</tweet> element;
 *                     author, handle and date come from the signature or
 *                     the element's attributes
 *   markup            leftover tags, separators ("___", "* * *"), video
 *                     player messages, section labels ("ABSTRACT.")
 *   promotion         calls to action ("CLICK HERE ...", "Watch the video
 *                     above", "Download our app")
 *   subscribe         newsletter and subscription prompts
 *   share             "Share this:", "Follow X on Twitter @x"
 *   read-more         "Read the rest here.", "Continue reading"
 *   related-headline  "RELATED: ...", "READ MORE: ...", all-capitals lines
 *   caption           photo captions and credits ("(AP Photo/...)",
 *                     "John Moore/Getty Images.")
 *   byline            bylines, datelines and credit lines ("By John Smith",
 *                     "Associated Press", "Published Sept. 1, 2021",
 *                     "9:05 p.m.", "(h/t Mediaite.)")
 *
 * Every rule is conservative: a body paragraph set aside costs its
 * attributions, so each rule needs a short line and a telling form, and most
 * refuse lines holding double quotation marks. An embedded post's text
 * lines are the lines right above its signature, as many as fit in a post
 * (280 characters, links counted as 23).
 *
 * If the article has no date yet, the first dateline found fills doc->date:
 * a short line "Published September 1, 2021" (or Updated/Posted, or just
 * the date), or an opening "WASHINGTON, Sept. 1, 2021 —".
 */
#include "date.h"
#include "hearsay_int.h"

#include <stdio.h>

/* ------------------------------------------------------ line helpers */

/* A stretch of text (not NUL-terminated). */
typedef struct {
    const char *s;
    size_t n;
} hs_line;

enum {
    CTX_SHORT = 300,     /* longer lines are never single-line debris */
    CTX_POST_MAX = 280,  /* characters in a post */
    CTX_URL_LEN = 23,    /* what a link counts for in a post */
    CTX_TWEET_LINES = 6, /* lines a <tweet> element may span */
    CTX_TAG_MAX = 200,   /* bytes in a <tweet ...> opening tag */
    CTX_DATELINE_PARAS = 6 /* an opening dateline is in the first paragraphs */
};

static int S_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int S_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static int S_islower(int c) { return c >= 'a' && c <= 'z'; }
static int S_isdigit(int c) { return c >= '0' && c <= '9'; }
static int S_isspace(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int S_isword(int c) {
    return S_isupper(c) || S_islower(c) || S_isdigit(c) || c == '_';
}

static hs_line S_trim(const char *s, size_t n) {
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3, n -= 3; /* BOM */
    while (n && S_isspace((unsigned char)*s)) s++, n--;
    while (n && S_isspace((unsigned char)s[n - 1])) n--;
    hs_line l = {s, n};
    return l;
}

/* 1 when l starts with p, ignoring ASCII case. */
static int S_prefix(hs_line l, const char *p) {
    size_t i = 0;
    for (; p[i]; i++)
        if (i >= l.n || S_lower((unsigned char)l.s[i]) != S_lower((unsigned char)p[i]))
            return 0;
    return 1;
}

/* 1 when l starts with p as whole words (not "Watching" for "Watch"). */
static int S_prefix_word(hs_line l, const char *p) {
    if (!S_prefix(l, p)) return 0; /* first: most lines fail at once */
    size_t n = strlen(p);
    return n >= l.n || !S_isword((unsigned char)l.s[n]);
}

static int S_prefix_any(hs_line l, const char *const *list) {
    if (!l.n) return 0; /* (no list holds an empty prefix) */
    int c = S_lower((unsigned char)l.s[0]); /* the first letter rules out most */
    for (size_t i = 0; list[i]; i++)
        if (S_lower((unsigned char)list[i][0]) == c && S_prefix_word(l, list[i])) return 1;
    return 0;
}

/* Offset of needle in l ignoring ASCII case, or -1. */
static long S_find(hs_line l, const char *needle) {
    size_t m = strlen(needle);
    if (!m) return 0;
    /* only where the first character matches (this runs on every short
     * line of every article, for each needle of a list: a hot path) */
    if (m > l.n) return -1;
    unsigned c0 = (unsigned)S_lower((unsigned char)needle[0]);
    const unsigned char *s = (const unsigned char *)l.s;
    size_t last = l.n - m, i = 0; /* the needle may start at 0..last */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* eight bytes at a time, in one pass for both cases of a letter (its
     * case bit set): (y - 1) & ~y & 0x80 in each byte flags the bytes of y
     * that are zero, the lowest one exactly; byte k of a little-endian
     * load is bits 8k..8k+7 */
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    const uint64_t fold = ones * (S_islower((int)c0) ? 0x20u : 0u), want = ones * c0;
    while (i + 8 <= l.n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t y = (x | fold) ^ want;
        uint64_t z = (y - ones) & ~y & high;
        if (!z) {
            i += 8;
            if (i > last) return -1;
            continue;
        }
        size_t k = i + (hs_popcount64((z & -z) - 1) >> 3);
        if (k > last) return -1;
        if (S_prefix((hs_line){l.s + k, l.n - k}, needle)) return (long)k;
        i = k + 1;
    }
#endif
    for (; i <= last; i++)
        if ((unsigned)S_lower(s[i]) == c0 && S_prefix((hs_line){l.s + i, l.n - i}, needle)) return (long)i;
    return -1;
}

static int S_contains_any(hs_line l, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (S_find(l, list[i]) >= 0) return 1;
    return 0;
}

static int S_equals_any(hs_line l, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (S_prefix(l, list[i]) && strlen(list[i]) == l.n) return 1;
    return 0;
}

/* l without one trailing period. */
static hs_line S_unstop(hs_line l) {
    if (l.n && l.s[l.n - 1] == '.') l.n--;
    return l;
}

/* l without leading dashes or an opening parenthesis. */
static hs_line S_unlead(hs_line l) {
    while (l.n && (l.s[0] == '-' || l.s[0] == '(')) l.s++, l.n--;
    return l;
}

/* Code points in s[0..n). */
static size_t S_cps(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Double quotation marks: " “ ” « ». Asked of every short line: three
 * byte searches, not a search for each of the five marks. */
static int S_has_dquote(hs_line l) {
    const char *s = l.s, *end = l.s + l.n, *p;
    if (memchr(s, '"', l.n)) return 1;
    for (p = s; (p = memchr(p, 0xE2, (size_t)(end - p))) && p + 2 < end; p++)
        if ((unsigned char)p[1] == 0x80 && ((unsigned char)p[2] == 0x9C || (unsigned char)p[2] == 0x9D)) return 1;
    for (p = s; (p = memchr(p, 0xC2, (size_t)(end - p))) && p + 1 < end; p++)
        if ((unsigned char)p[1] == 0xAB || (unsigned char)p[1] == 0xBB) return 1;
    return 0;
}

/* The shape of a line's words and letters. */
typedef struct {
    size_t words, capwords, letters, upper, lower, digits;
    int dquote; /* S_has_dquote of the whole line: set by S_line_kind once
                   for the predicates below (0 from S_shape) */
    int done;   /* the counts are filled (S_line_kind's are, when asked: S_sh) */
    hs_line line;
} hs_shape;

/* The shape counts, eight bytes at a time where the machine is
 * little-endian (byte k of a word is bits 8k..8k+7), one at a time
 * elsewhere: this runs on every short line of every article. Spaces are
 * ' ' '\t' '\r' '\n'; letters and digits are ASCII. Each test leaves bit 7
 * of a byte set where the byte passes; the counts are popcounts. */
static inline unsigned S_sh_space(unsigned b) { return (b == ' ') | (b == '\t') | (b == '\r') | (b == '\n'); }

#define S_SH_ONES 0x0101010101010101ull
#define S_SH_HIGH 0x8080808080808080ull
/* bytes of y (each < 0x80) that are >= c */
static inline uint64_t S_sh_ge(uint64_t y, unsigned c) { return (y + S_SH_ONES * (0x80 - c)) & S_SH_HIGH; }
/* bytes of x equal to c */
static inline uint64_t S_sh_eq(uint64_t x, unsigned c) {
    uint64_t t = x ^ (S_SH_ONES * c);
    return ~(((t & ~S_SH_HIGH) + ~S_SH_HIGH) | t) & S_SH_HIGH;
}

static void S_shape(hs_line l, hs_shape *sh) {
    memset(sh, 0, sizeof *sh);
    const unsigned char *s = (const unsigned char *)l.s;
    size_t words = 0, capwords = 0, upper = 0, lower = 0, digits = 0, i = 0;
    unsigned prev_space = 1; /* a word may start the line */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= l.n; i += 8) {
        uint64_t x, y;
        memcpy(&x, s + i, 8);
        y = x & ~S_SH_HIGH;
        uint64_t ascii = ~x & S_SH_HIGH;
        uint64_t up = S_sh_ge(y, 'A') & ~S_sh_ge(y, 'Z' + 1) & ascii;
        uint64_t lo = S_sh_ge(y, 'a') & ~S_sh_ge(y, 'z' + 1) & ascii;
        uint64_t dg = S_sh_ge(y, '0') & ~S_sh_ge(y, '9' + 1) & ascii;
        uint64_t sp = S_sh_eq(x, ' ') | S_sh_eq(x, '\t') | S_sh_eq(x, '\r') | S_sh_eq(x, '\n');
        uint64_t after = (sp << 8) | (prev_space ? 0x80u : 0u); /* the byte before is a space */
        uint64_t start = after & ~sp & S_SH_HIGH;
        words += hs_popcount64(start);
        capwords += hs_popcount64(start & (up | dg));
        upper += hs_popcount64(up);
        lower += hs_popcount64(lo);
        digits += hs_popcount64(dg);
        prev_space = (unsigned)(sp >> 63);
    }
#endif
    for (; i < l.n; i++) {
        unsigned b = s[i], sp = S_sh_space(b);
        unsigned up = b - 'A' < 26u, dg = b - '0' < 10u, start = prev_space & !sp;
        words += start;
        capwords += start & (up | dg);
        upper += up;
        lower += b - 'a' < 26u;
        digits += dg;
        prev_space = sp;
    }
    sh->words = words;
    sh->capwords = capwords;
    sh->letters = upper + lower;
    sh->upper = upper;
    sh->lower = lower;
    sh->digits = digits;
    sh->done = 1;
}

/* The shape of the line sh describes, counted the first time it is asked
 * for: most short lines are body text that the predicates set aside on
 * their length, quotation marks or first words without it. */
static const hs_shape *S_sh(hs_shape *sh) {
    if (!sh->done) {
        int dq = sh->dquote;
        S_shape(sh->line, sh);
        sh->dquote = dq;
    }
    return sh;
}

/* No ASCII letter or digit in l (shape letters == 0 && digits == 0)? */
static int S_no_alnum(hs_line l) {
    for (size_t i = 0; i < l.n; i++) {
        unsigned b = (unsigned char)l.s[i];
        if (b - '0' < 10u || (b | 32) - 'a' < 26u) return 0;
    }
    return 1;
}

/* Few enough ASCII small letters in l for S_allcaps (at most one in
 * twenty letters, so at most l.n / 20): 0 as soon as there are more. */
static int S_few_lower(hs_line l) {
    size_t lower = 0, most = l.n / 20;
    for (size_t i = 0; i < l.n; i++)
        if ((unsigned)(unsigned char)l.s[i] - 'a' < 26u && ++lower > most) return 0;
    return 1;
}

/* No ASCII small letter in l (shape lower == 0)? */
static int S_no_lower(hs_line l) {
    for (size_t i = 0; i < l.n; i++)
        if ((unsigned)(unsigned char)l.s[i] - 'a' < 26u) return 0;
    return 1;
}

void hs_ctx_shape(const char *s, size_t n, size_t out[6]) {
    hs_line l = {s, n};
    hs_shape sh;
    S_shape(l, &sh);
    out[0] = sh.words;
    out[1] = sh.capwords;
    out[2] = sh.letters;
    out[3] = sh.upper;
    out[4] = sh.lower;
    out[5] = sh.digits;
}

/* Mostly capital letters: at most one lower-case letter in twenty. */
static int S_allcaps(const hs_shape *sh) { /* sh counted */
    return sh->letters >= 2 && sh->lower * 20 <= sh->letters;
}

/* ------------------------------------------------- single-line kinds */

/* Leftover tags, separators, player messages, section labels. */
static int S_is_markup(hs_line l, hs_shape *sh) {
    static const char *const player[] = {"this video is restricted",
                                         "your browser does not support",
                                         "please enable javascript", NULL};
    if (l.n && (l.s[0] == '<' || S_prefix(l, "[<"))) {
        /* bytes inside tags, counted only for a line opening with one */
        size_t tags = 0, in = 0;
        for (size_t i = 0; i < l.n; i++) {
            if (l.s[i] == '<') in = 1;
            tags += in;
            if (l.s[i] == '>') in = 0;
        }
        if (tags * 2 >= l.n) return 1;
    }
    if (S_no_alnum(l)) return 1; /* "___.", "* * *" */
    if (l.n < 200 && S_contains_any(l, player)) return 1; /* the cheap test first */
    /* a close button "X.", a bare link (a lone number may be a statistic
     * the text goes on to explain, so it stays) */
    if (S_equals_any(l, (const char *const[]){"x.", "x", "of.", NULL})) return 1;
    return (S_prefix(l, "http") || S_prefix(l, "pic.twitter.com/")) && S_sh(sh)->words == 1;
}

/* Page labels in capitals: "ABSTRACT.", "FULL TEXT.", "LETTERS.". The
 * article's own section heads ("PLEDGED DELEGATES.") stay body. */
static int S_is_label(hs_line l, hs_shape *sh) {
    static const char *const labels[] = {
        "abstract", "full text", "correction appended", "full text. correction appended",
        "letters", "twitter", "facebook", "instagram", "advertisement", "ad",
        "story continues below", "continued below", "editor's picks",
        "correction:", NULL};
    (void)sh;
    return S_no_lower(l) && S_equals_any(S_unstop(l), labels);
}

static int S_is_promotion(hs_line l, hs_shape *sh) {
    static const char *const start[] = {
        "click here", "click to", "download our", "download the",
        "get the app", "watch the", "watch a clip", "watch our", "watch more",
        "listen to", "*** listen to", "like us on", "like the page",
        "do you support", "take a look at our", "want more updates",
        "don't miss", "don’t miss", "check out our", "see more", NULL};
    static const char *const where[] = {"below", "above", "here", "page",
                                        "app", "podcast", "video", NULL};
    if (l.n > 220 || sh->dquote) return 0;
    if (S_find(l, "click here") >= 0 && S_allcaps(S_sh(sh))) return 1;
    if (S_find(l, "download our app") >= 0) return 1;
    return S_prefix_any(l, start) && S_contains_any(l, where);
}

static int S_is_subscribe(hs_line l, hs_shape *sh) {
    static const char *const start[] = {"subscribe", "sign up", "want to receive",
                                        "get our", "get the latest",
                                        "enter your email", NULL};
    static const char *const any[] = {"newsletter", "in your inbox",
                                      "via email", "by email", "subscribe",
                                      "sign up", NULL};
    if (l.n > 250 || sh->dquote) return 0;
    return S_prefix_any(S_unlead(l), start) ||
           (l.n < 150 && S_find(l, "newsletter") >= 0 && S_contains_any(l, any + 1)) ||
           (S_find(l, "via email!") >= 0);
}

/* "Follow Pam Key on Twitter @pamkeyNEN.", "Share this:", "Follow @x". */
static int S_is_share(hs_line l, hs_shape *sh) {
    static const char *const alone[] = {"share", "share this", "share this:",
                                        "tweet", "email", "print", "comments",
                                        "share on facebook", "share on twitter",
                                        "share and comment below.",
                                        "facebook twitter email", NULL};
    static const char *const start[] = {"follow @", "share this", "share on",
                                        "share and comment", "follow us",
                                        "like us on facebook", NULL};
    static const char *const nets[] = {"twitter", "facebook", "instagram",
                                       "@", NULL};
    if (l.n > 200 || sh->dquote) return 0;
    if (S_equals_any(l, alone) || S_prefix_any(l, start)) return 1;
    return (S_prefix_word(l, "follow") || S_prefix(l, "on twitter follow")) &&
           S_contains_any(l, nets) && l.n < 160;
}

static int S_is_read_more(hs_line l, hs_shape *sh) {
    static const char *const start[] = {
        "read the rest", "read more here", "read the full", "read the entire",
        "read the original", "read the latest", "continue reading",
        "read more at", "read it here", "read the story", "read his full",
        "read her full", "this piece first appeared", "this article originally",
        "originally published", NULL};
    if (l.n > 160 || sh->dquote) return 0;
    return S_prefix_any(l, start) || S_equals_any(l, (const char *const[]){
                                         "read more", "read more.", NULL});
}

static int S_is_related(hs_line l, hs_shape *sh) {
    static const char *const start[] = {
        "related:", "\"related:\"", "read more:", "also read:", "see also:",
        "more:", "related coverage", "related stories", "related articles",
        "also on worldpost:", "also on huffpost:", "recommended:",
        "trending:", "more from", NULL};
    if (l.n > 300) return 0;
    if (S_prefix_any(l, start) || S_prefix(l, "\"related:\"")) return 1;
    /* an all-capitals headline of seven words or more; shorter ones are the
     * article's own section heads, numbered ones its own list, and one in
     * quotation marks a pull quote */
    return l.n <= 200 && S_few_lower(l) && S_allcaps(S_sh(sh)) && sh->words >= 7 &&
           l.s[l.n - 1] != ':' && !S_isdigit((unsigned char)l.s[0]) &&
           !S_has_dquote((hs_line){l.s, l.n < 3 ? l.n : 3});
}

/* A headline in title case ("Rand Paul Scores Direct Hit On Donald Trump."),
 * as listed under "Also on HuffPost:". */
static int S_is_title_case(hs_line l, const hs_shape *sh) {
    return sh->words >= 3 && sh->capwords == sh->words && l.n <= 150 &&
           !S_has_dquote(l);
}

/* Photo credits: "Getty.", "John Moore/Getty Images.", "(AP Photo/X)". */
static int S_is_caption(hs_line l, hs_shape *sh) {
    static const char *const credit[] = {
        "getty", "getty images", "reuters", "afp", "epa", "ap", "ap photo",
        "shutterstock", "ap images", "associated press", "flickr", "afp/getty images",
        "bloomberg via getty images", NULL};
    static const char *const mark[] = {
        "(photo", "(ap photo", "ap photo/", "photo by ", "(getty", "(reuters",
        "photograph by", "photo credit", "image credit", "/getty images",
        "via getty images", "/ getty images", "(afp", NULL};
    static const char *const start[] = {"photo:", "image:", "credit:",
                                        "photograph:", "pictured:", NULL};
    hs_line u = S_unstop(l);
    if (l.n > 300 || sh->dquote) return 0;
    if (S_equals_any(u, credit) || S_prefix_any(l, start)) return 1;
    if ((l.n < 120 || l.s[l.n - 1] == ')') && S_contains_any(l, mark)) return 1;
    /* "Robert Galbraith / Reuters." */
    long slash = l.n < 80 && S_sh(sh)->words <= 8 ? S_find(u, "/") : -1;
    if (slash > 0) {
        hs_line tail = S_trim(u.s + slash + 1, u.n - (size_t)slash - 1);
        return S_equals_any(tail, credit);
    }
    return 0;
}

/* "By John Smith and Jane Doe, Associated Press": short, name-like. */
static int S_is_by(hs_line l, hs_shape *sh) {
    static const char *const joins[] = {"and", "of", "the", "de", "van", "von",
                                        "|", "-", "—", NULL};
    if (!S_prefix_word(l, "by") || l.n > 100 || S_sh(sh)->words > 12 || sh->words < 2)
        return 0;
    size_t cap = 0, words = 0;
    for (size_t i = 3; i < l.n;) {
        while (i < l.n && S_isspace((unsigned char)l.s[i])) i++;
        size_t b = i;
        while (i < l.n && !S_isspace((unsigned char)l.s[i])) i++;
        if (b == i) break;
        hs_line w = {l.s + b, i - b};
        if (w.n && (w.s[w.n - 1] == ',')) w.n--;
        words++;
        cap += S_isupper((unsigned char)w.s[0]) || S_equals_any(w, joins);
    }
    return words && cap == words && !sh->dquote;
}

/* A live-blog time stamp: "9:05 p.m.", "4:43 p.m. ET". */
static int S_is_time(hs_line l) {
    size_t i = 0;
    while (i < l.n && (S_isdigit((unsigned char)l.s[i]) || l.s[i] == ':')) i++;
    if (i == 0 || i > 5) return 0;
    hs_line r = S_trim(l.s + i, l.n - i);
    static const char *const ampm[] = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m",
                                       "a.m. et", "p.m. et", "am et", "pm et",
                                       "a.m. est", "p.m. est", "a.m. edt",
                                       "p.m. edt", NULL};
    return S_equals_any(S_unstop(r), ampm) || S_equals_any(r, ampm);
}

static int S_is_credit_line(hs_line l, hs_shape *sh) {
    static const char *const agency[] = {
        "associated press", "the associated press", "ap", "(ap)", "reuters",
        "afp", "upi", "bloomberg", "bloomberg news", "cnn wire",
        "— associated press", "- associated press", NULL};
    static const char *const start[] = {
        "h/t", "(h/t", "hat tip", "contributing:", "(additional reporting by",
        "additional reporting by", "(reporting by", "reporting by",
        "(editing by", "editing by", "compiled by", NULL};
    static const char *const end[] = {"contributed to this report.",
                                      "contributed reporting.",
                                      "contributed to this story.", NULL};
    if (l.n > 200 || sh->dquote) return 0;
    if (S_equals_any(S_unstop(l), agency) || S_prefix_any(S_unlead(l), start))
        return 1;
    for (size_t i = 0; end[i]; i++) {
        size_t m = strlen(end[i]);
        hs_line t = {l.s + (l.n > m ? l.n - m : 0), l.n > m ? m : l.n};
        if (l.n > m && S_prefix(t, end[i])) return 1;
    }
    return l.n < 120 && S_find(l, " reported from ") > 0;
}

/* The trimmed text of paragraph i. */
static hs_line S_para_line(const hearsay_doc *d, size_t i) {
    const hs_para *p = &d->paras.v[i];
    if (p->e <= p->b) return (hs_line){"", 0};
    return S_trim(d->text + p->b, p->e - p->b);
}

/* ------------------------------------------------------------ dates */

/* What may follow a date on a date line: "at 5:00 p.m. ET", "|", ".".
 * Not words: "Sept. 9, 2013 traffic problems." is a timeline entry. */
static int S_time_tail(hs_line t) {
    static const char *const ok[] = {"at", "a.m.", "p.m.", "am", "pm", "a.m",
                                     "p.m", "|", "-", "\xE2\x80\x94", NULL};
    if (t.n > 30) return 0;
    for (size_t i = 0; i < t.n;) {
        while (i < t.n && (S_isspace((unsigned char)t.s[i]) || t.s[i] == ',')) i++;
        size_t b = i;
        while (i < t.n && !S_isspace((unsigned char)t.s[i]) && t.s[i] != ',') i++;
        hs_line w = S_unstop((hs_line){t.s + b, i - b});
        hs_shape sh;
        S_shape(w, &sh);
        if (w.n && !S_equals_any(w, ok) && sh.lower &&
            !S_equals_any((hs_line){t.s + b, i - b}, ok))
            return 0;
    }
    return 1;
}

/* A "Published ..." / date-only line: its date (with a year), or -1. A
 * line qualifies only when little else is on it. *lead tells whether it
 * opened with "Published", "Updated" and the like. */
static int S_date_line(hs_line l, int64_t *days, int *lead) {
    static const char *const lead_words[] = {"published", "posted", "updated",
                                       "last updated", "date", "first published",
                                       NULL};
    size_t i = 0;
    hs_date_lit lit;
    if (l.n > 100) return -1;
    for (size_t k = 0; lead_words[k]; k++)
        if (S_prefix_word(l, lead_words[k])) i = strlen(lead_words[k]);
    *lead = i > 0;
    while (i < l.n && (S_isspace((unsigned char)l.s[i]) || l.s[i] == ':')) i++;
    hs_line rest = {l.s + i, l.n - i};
    if (S_prefix_word(rest, "on")) i += 2;
    while (i < l.n && S_isspace((unsigned char)l.s[i])) i++;
    /* an optional weekday: "Saturday, December 19, 2015." */
    size_t w = i;
    while (w < l.n && (S_isupper((unsigned char)l.s[w]) || S_islower((unsigned char)l.s[w]))) w++;
    if (hs_date_weekday_name(l.s + i, w - i) >= 0 && w < l.n && l.s[w] == ',')
        i = w + 1;
    while (i < l.n && S_isspace((unsigned char)l.s[i])) i++;
    if (!hs_date_lit_at(l.s, i, l.n, &lit) || !lit.y) return -1;
    /* what follows may be a time, a zone, a period; not a sentence */
    if (!S_time_tail(S_trim(l.s + lit.e, l.n - lit.e))) return -1;
    *days = hs_date_days(lit.y, lit.m, lit.d);
    return 0;
}

/* An opening dateline: "WASHINGTON, Sept. 1, 2021 —" or "NEW YORK, Nov. 19
 * (UPI) —": capitalised words, a comma, a date with a year. */
static int S_dateline(hs_line l, int64_t *days) {
    hs_date_lit lit;
    size_t i = 0;
    while (i < l.n && i < 60 && l.s[i] != ',') i++;
    if (i == 0 || i >= l.n || !S_isupper((unsigned char)l.s[0])) return -1;
    hs_line city = {l.s, i};
    hs_shape sh;
    S_shape(city, &sh);
    if (!S_allcaps(&sh) || sh.words > 4) return -1;
    for (i++; i < l.n && S_isspace((unsigned char)l.s[i]);) i++;
    if (!hs_date_lit_at(l.s, i, l.n, &lit) || !lit.y) return -1;
    *days = hs_date_days(lit.y, lit.m, lit.d);
    return 0;
}

/* Sets d->date from the first dateline, when it has none: a "Published"
 * line anywhere, a bare date or an opening dateline near the top. */
static void S_find_doc_date(hearsay_doc *d) {
    int64_t days;
    int lead;
    if (d->date[0]) return;
    for (size_t i = 0; i < d->paras.n; i++) {
        hs_line l = S_para_line(d, i);
        int top = i < CTX_DATELINE_PARAS;
        if ((S_date_line(l, &days, &lead) == 0 && (lead || top)) ||
            (top && S_dateline(l, &days) == 0)) {
            hs_date_format(days, d->date);
            return;
        }
    }
}

/* ---------------------------------------------------- embedded posts */

/* A post's author, handle and date as found in its signature. */
typedef struct {
    size_t name_b, name_e;     /* bytes of the author's name in the line */
    size_t handle_b, handle_e; /* "@handle" */
    int64_t days;
    size_t sig_b;              /* where the signature starts (its dash) */
} hs_sig;

/* The dash that opens a signature ends at byte e-1 of l? Returns its start
 * or -1. Accepts — – -- - and "&mdash;". */
static long S_dash_before(hs_line l, size_t e) {
    static const char *const dash[] = {"\xE2\x80\x94", "\xE2\x80\x93",
                                       "&mdash;", "--", "-", NULL};
    for (size_t k = 0; dash[k]; k++) {
        size_t m = strlen(dash[k]);
        if (e >= m && memcmp(l.s + e - m, dash[k], m) == 0) return (long)(e - m);
    }
    return -1;
}

/* Finds the author's name that ends before "(@" at byte at: after a dash
 * that starts the line or follows a space, or after "A post shared by".
 * Fills name_b/name_e and sig_b; 0, or -1. */
static int S_sig_name(hs_line l, size_t at, hs_sig *sig) {
    size_t e = at;
    while (e > 0 && l.s[e - 1] == ' ') e--;
    size_t lim = e > 80 ? e - 80 : 0;
    for (size_t p = e; p > lim; p--) {
        long dash = S_dash_before(l, p);
        hs_line pre = {l.s + (p >= 16 ? p - 16 : 0), p >= 16 ? 16 : 0};
        if (dash >= 0 && (dash == 0 || l.s[dash - 1] == ' '))
            sig->sig_b = (size_t)dash;
        else if (pre.n && S_prefix(pre, "a post shared by"))
            sig->sig_b = p - 16;
        else
            continue;
        while (p < e && l.s[p] == ' ') p++;
        if (p == e) return -1;
        sig->name_b = p;
        sig->name_e = e;
        return 0;
    }
    return -1;
}

/* Offset of the last "(@" in l, or -1. */
static long S_last_at(hs_line l) {
    /* forwards with memchr: every paragraph is asked, few hold an '@' */
    long last = -1;
    const char *p = l.n >= 2 ? memchr(l.s + 1, '@', l.n - 1) : NULL;
    while (p) {
        if (p[-1] == '(') last = (long)(p - 1 - l.s);
        p = memchr(p + 1, '@', (size_t)(l.s + l.n - (p + 1)));
    }
    return last;
}

/* Parses a post signature ending line l: "— Name (@handle) Month D, YYYY"
 * (the date may be preceded by "on" and followed by a time or "</tweet>").
 * 0 and *sig, or -1. */
static int S_signature(hs_line l, hs_sig *sig) {
    long at = S_last_at(l);
    if (at < 0) return -1;
    size_t h = (size_t)at + 1, he = h + 1;
    while (he < l.n && S_isword((unsigned char)l.s[he])) he++;
    if (he == h + 1 || he - h > 16 || he >= l.n || l.s[he] != ')') return -1;
    size_t i = he + 1;
    while (i < l.n && l.s[i] == ' ') i++;
    hs_line rest = {l.s + i, l.n - i};
    if (S_prefix_word(rest, "on")) i += 2;
    while (i < l.n && l.s[i] == ' ') i++;
    hs_date_lit lit;
    if (!hs_date_lit_at(l.s, i, l.n, &lit) || !lit.y) return -1;
    if (l.n - lit.e > 40) return -1;
    sig->handle_b = h;
    sig->handle_e = he;
    sig->days = hs_date_days(lit.y, lit.m, lit.d);
    return S_sig_name(l, (size_t)at, sig);
}

/* Length of a line as a post counts it: code points, with each link
 * ("https://...", "pic.twitter.com/...") counted as CTX_URL_LEN. */
static size_t S_post_len(hs_line l) {
    size_t len = 0;
    for (size_t i = 0; i < l.n;) {
        size_t b = i;
        while (i < l.n && l.s[i] != ' ') i++;
        hs_line w = {l.s + b, i - b};
        long k = S_find(w, "http");
        long k2 = S_find(w, "pic.twitter.com/");
        if (k < 0 || (k2 >= 0 && k2 < k)) k = k2;
        if (k < 0) k = (long)w.n;
        size_t link = S_cps(w.s + k, w.n - (size_t)k);
        len += S_cps(w.s, (size_t)k) + (link < CTX_URL_LEN ? link : CTX_URL_LEN);
        for (; i < l.n && l.s[i] == ' '; i++) len++;
    }
    return len;
}

static int S_str(hearsay_doc *d, const char *s, size_t n, int32_t *out) {
    *out = hs_doc_str(d, s, n);
    return *out < 0 ? HEARSAY_ENOMEM : 0;
}

static int S_date_str(hearsay_doc *d, int64_t days, int32_t *out) {
    char iso[11];
    hs_date_format(days, iso);
    return S_str(d, iso, 10, out);
}

/* The debris record of a post with signature sig in line l. */
static int S_post_record(hearsay_doc *d, hs_line l, const hs_sig *sig,
                         hs_debris_raw *r) {
    r->kind = "embedded-post";
    if (S_str(d, l.s + sig->name_b, sig->name_e - sig->name_b, &r->author) ||
        S_str(d, l.s + sig->handle_b, sig->handle_e - sig->handle_b, &r->handle))
        return HEARSAY_ENOMEM;
    return S_date_str(d, sig->days, &r->date);
}

static const char *S_line_kind(hs_line l, int first);

/* May line j belong to the post above a signature? Blank lines, other
 * debris (but all-capitals text, which posts often are), lines that
 * introduce something (":") and other signatures end a post. */
static int S_post_line(const hearsay_doc *d, const hs_debris_raw *m, size_t j) {
    hs_line t = S_para_line(d, j);
    hs_sig other;
    const char *k = S_line_kind(t, 0);
    if (!t.n || m[j].kind || t.s[t.n - 1] == ':') return 0;
    if (k && strcmp(k, "related-headline") != 0) return 0;
    return S_signature(t, &other) != 0;
}

/* Is there a blank line between paragraph j and the next? (The tokenizer
 * makes no paragraph of an empty line; a post's lines have none between
 * them.) */
static int S_blank_after(const hearsay_doc *d, size_t j) {
    if (j + 1 >= d->paras.n) return 0;
    size_t nl = 0;
    for (size_t k = d->paras.v[j].e; k < d->paras.v[j + 1].b; k++)
        nl += d->text[k] == '\n';
    return nl >= 2;
}

/* Does a line look like a post's text: a link, a #hashtag or an
 * @mention? Needed to cross a blank line up from a signature. */
static int S_posty(hs_line l) {
    for (size_t i = 0; i + 1 < l.n; i++)
        if ((l.s[i] == '#' || l.s[i] == '@') && S_isword((unsigned char)l.s[i + 1]) &&
            (i == 0 || S_isspace((unsigned char)l.s[i - 1])))
            return 1;
    return S_find(l, "http") >= 0 || S_find(l, "pic.twitter.com/") >= 0;
}

/* Marks paragraph i, whose line ends with a post signature, and the lines
 * of the post above it: as many as fit in a post. */
static int S_mark_post(hearsay_doc *d, hs_debris_raw *m, size_t i,
                       const hs_sig *sig) {
    hs_line l = S_para_line(d, i);
    hs_debris_raw r;
    int rc = S_post_record(d, l, sig, &r);
    if (rc) return rc;
    size_t used = S_post_len(S_trim(l.s, sig->sig_b));
    int text = used > 0;
    m[i] = r;
    for (size_t j = i; j-- > 0;) {
        hs_line t = S_para_line(d, j);
        if (!t.n && !text) continue;
        if (S_blank_after(d, j) && (text || !S_posty(t))) break;
        if (!S_post_line(d, m, j)) break;
        used += S_post_len(t);
        if (used > CTX_POST_MAX) break;
        m[j] = r;
        text = 1;
    }
    return HEARSAY_OK;
}

/* ------------------------------------------------- <tweet> elements */

/* The value of attribute name="..." in tag (name preceded by a space). */
static int S_attr(hs_line tag, const char *name, hs_line *val) {
    size_t m = strlen(name);
    for (size_t i = 1; i + m + 2 <= tag.n; i++) {
        if (tag.s[i - 1] != ' ' || memcmp(tag.s + i, name, m) != 0 ||
            tag.s[i + m] != '=' || tag.s[i + m + 1] != '"')
            continue;
        size_t b = i + m + 2, e = b;
        while (e < tag.n && tag.s[e] != '"') e++;
        *val = S_trim(tag.s + b, e - b);
        return 0;
    }
    return -1;
}

/* The date of a <tweet> tag: datetime="2015-12-02", tweet-date="January
 * 20, 2016" or timestamp="1448038800" (seconds, UTC). 0 or -1. */
static int S_tweet_date(hs_line tag, int64_t *days) {
    hs_line v;
    hs_date_lit lit;
    if (S_attr(tag, "datetime", &v) == 0 && v.n >= 10 &&
        hs_date_parse_iso(v.s, 10, days) == 0)
        return 0;
    char buf[64];
    if (S_attr(tag, "tweet-date", &v) == 0 && v.n < sizeof buf) {
        for (size_t i = 0; i < v.n; i++) /* the value may wrap a line */
            buf[i] = S_isspace((unsigned char)v.s[i]) ? ' ' : v.s[i];
        if (!hs_date_lit_at(buf, 0, v.n, &lit) || !lit.y) return -1;
        *days = hs_date_days(lit.y, lit.m, lit.d);
        return 0;
    }
    if (S_attr(tag, "timestamp", &v) == 0 && v.n >= 9 && v.n <= 11) {
        int64_t t = 0;
        for (size_t i = 0; i < v.n; i++) {
            if (!S_isdigit((unsigned char)v.s[i])) return -1;
            t = t * 10 + (v.s[i] - '0');
        }
        *days = t / 86400;
        return 0;
    }
    return -1;
}

/* The record of a <tweet> element with opening tag and text: from the
 * signature inside its text, else from its attributes (the author is then
 * the handle). */
static int S_tweet_record(hearsay_doc *d, hs_line tag, hs_line text,
                          hs_debris_raw *r) {
    hs_sig sig;
    hs_line v;
    int64_t days;
    char handle[64];
    if (S_signature(text, &sig) == 0) return S_post_record(d, text, &sig, r);
    r->kind = "embedded-post";
    r->author = r->handle = r->date = -1;
    if ((S_attr(tag, "author", &v) == 0 || S_attr(tag, "tweet-author", &v) == 0) &&
        !memchr(v.s, ' ', v.n)) {
        int n = snprintf(handle, sizeof handle, "%s%.*s", v.n && v.s[0] == '@' ? "" : "@",
                         (int)(v.n < 60 ? v.n : 60), v.s);
        if (n > 1 && (S_str(d, handle, (size_t)n, &r->handle) ||
                      S_str(d, handle, (size_t)n, &r->author)))
            return HEARSAY_ENOMEM;
    }
    if (S_tweet_date(tag, &days) == 0) return S_date_str(d, days, &r->date);
    return HEARSAY_OK;
}

/* Paragraph i opens a <tweet ...> element: marks it, and the lines up to
 * its end tag, as an embedded post (or as markup when it holds no text).
 * Sets *last to the last paragraph marked. */
static int S_mark_tweet(hearsay_doc *d, hs_debris_raw *m, size_t i,
                        size_t *last) {
    size_t k = i, b = d->paras.v[i].b;
    long end = -1;
    for (; k < d->paras.n && k < i + CTX_TWEET_LINES; k++) {
        const hs_para *p = &d->paras.v[k];
        hs_line all = {d->text + b, p->e - b};
        if ((end = S_find(all, "</tweet>")) >= 0 || (end = S_find(all, "<tweet/>")) >= 0)
            break;
    }
    hs_debris_raw r = {0, 0, "markup", -1, -1, -1};
    *last = i;
    if (end < 0) {
        m[i] = r;
        return HEARSAY_OK;
    }
    hs_line all = {d->text + b, (size_t)end};
    long gt = S_find(all, ">");
    if (gt < 0 || gt > CTX_TAG_MAX) { /* broken markup: body text in a tag */
        m[i] = r;
        return HEARSAY_OK;
    }
    hs_line tag = {all.s, (size_t)gt};
    hs_line text = S_trim(all.s + gt + 1, all.n - (size_t)gt - 1);
    if (text.n) {
        int rc = S_tweet_record(d, tag, text, &r);
        if (rc) return rc;
    }
    for (*last = i; *last <= k; (*last)++) m[*last] = r;
    (*last)--;
    return HEARSAY_OK;
}

/* ----------------------------------------------------------- driver */

/* The kind of a single debris line, or NULL for body text. first: the
 * article's first line (its own headline, never a related one). */
static const char *S_line_kind(hs_line l, int first) {
    hs_shape sh;
    int64_t days;
    int lead;
    if (!l.n || (l.n > CTX_SHORT && l.s[0] != '<')) return NULL;
    sh.done = 0; /* counted when a predicate asks (S_sh) */
    sh.line = l;
    sh.dquote = S_has_dquote(l); /* for the predicates: one scan per line */
    if (S_is_markup(l, &sh)) return "markup";
    if (S_is_promotion(l, &sh)) return "promotion";
    if (S_is_subscribe(l, &sh)) return "subscribe";
    if (S_is_share(l, &sh)) return "share";
    if (S_is_read_more(l, &sh)) return "read-more";
    if (S_is_caption(l, &sh)) return "caption";
    if (S_is_by(l, &sh) || S_is_time(l) || S_is_credit_line(l, &sh) ||
        S_date_line(l, &days, &lead) == 0)
        return "byline";
    if (!first && S_is_related(l, &sh)) return "related-headline";
    if (S_is_label(l, &sh)) return "markup";
    return NULL;
}

/* A line that introduces a list: ends with ":" (or ':"'). */
static int S_is_header(hs_line l) {
    hs_line u = l;
    if (u.n && u.s[u.n - 1] == '"') u.n--;
    return u.n && u.s[u.n - 1] == ':';
}

/* Single-line kinds for the lines not marked yet. A list header ("Also on
 * HuffPost:", "RELATED:") makes the title-case lines right under it
 * related headlines too. */
static void S_mark_lines(hearsay_doc *d, hs_debris_raw *m) {
    int first = 1, list = 0;
    hs_shape sh;
    for (size_t i = 0; i < d->paras.n; i++) {
        hs_line l = S_para_line(d, i);
        if (!l.n) continue;
        if (!m[i].kind) {
            m[i].kind = S_line_kind(l, first);
            if (!m[i].kind && list && (S_shape(l, &sh), S_is_title_case(l, &sh)))
                m[i].kind = "related-headline";
            m[i].author = m[i].handle = m[i].date = -1;
        }
        list = m[i].kind && !strcmp(m[i].kind, "related-headline") &&
               (S_is_header(l) || list);
        first = 0;
    }
}

static int S_classify(hearsay_doc *d, hs_debris_raw *m) {
    hs_sig sig;
    int rc = HEARSAY_OK;
    for (size_t i = 0; i < d->paras.n && !rc; i++)
        if (S_prefix(S_para_line(d, i), "<tweet"))
            rc = S_mark_tweet(d, m, i, &i);
    for (size_t i = 0; i < d->paras.n && !rc; i++)
        if (!m[i].kind && S_signature(S_para_line(d, i), &sig) == 0)
            rc = S_mark_post(d, m, i, &sig);
    if (!rc) S_mark_lines(d, m);
    return rc;
}

/* Appends the debris paragraphs to d->debris_raw, in document order. */
static int S_emit(hearsay_doc *d, const hs_debris_raw *m) {
    for (size_t i = 0; i < d->paras.n; i++) {
        hs_para *p = &d->paras.v[i];
        p->debris = -1;
        if (!m[i].kind) continue;
        hs_debris_raw r = m[i];
        r.b = p->b;
        r.e = p->e;
        if (d->debris_raw.n >= INT32_MAX || hs_vec_push(&d->debris_raw, r))
            return HEARSAY_ENOMEM;
        p->debris = (int)(d->debris_raw.n - 1);
    }
    return HEARSAY_OK;
}

/* One paragraph per line, when the tokenizer has not made them. */
static int S_ensure_paras(hearsay_doc *d) {
    if (d->paras.n) return HEARSAY_OK;
    for (size_t b = 0; b <= d->len;) {
        size_t e = b;
        while (e < d->len && d->text[e] != '\n') e++;
        hs_line l = S_trim(d->text + b, e - b);
        /* blank lines are no paragraphs, as for the tokenizer */
        hs_para p = {0, 0, (uint32_t)b, (uint32_t)e, 0, 0, -1, 0};
        if (l.n && hs_vec_push(&d->paras, p)) return HEARSAY_ENOMEM;
        b = e + 1;
    }
    return HEARSAY_OK;
}

int hs_ctx_run(hearsay_doc *d) {
    int rc = S_ensure_paras(d);
    if (rc) return rc;
    hs_debris_raw *m = calloc(d->paras.n, sizeof *m);
    if (!m) return HEARSAY_ENOMEM;
    rc = S_classify(d, m);
    if (!rc) rc = S_emit(d, m);
    free(m);
    if (!rc) S_find_doc_date(d);
    return rc;
}
