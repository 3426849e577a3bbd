/*
 * name.c -- speaker names reduced to a key for matching across articles.
 *
 * A person's key is the lower-cased first and last word of the name, with
 * leading titles ("President", "Sen.", "Mr."), middle names and initials,
 * punctuation and a possessive 's dropped, and a generational suffix kept
 * ("Jr."): "President Donald J. Trump" and "Donald Trump" share the key
 * "donald trump"; "Trump" is the one-word key "trump", which speaker.c may
 * merge into a full name with that surname. A group's key is its lower-cased
 * text after "group:" ("group:officials"): groups are kept as they are,
 * and so is a name with a possessive inside ("Clinton's campaign").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ix_int.h"

#define S_MAXW 32

static const char *const S_titles[] = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president",
    "vice", "sen", "senator", "rep", "representative", "gov", "governor",
    "secretary", "gen", "general", "lt", "col", "capt", "sgt", "adm",
    "judge", "justice", "mayor", "chairman", "chairwoman", "speaker",
    "leader", "minister", "prime", "premier", "ambassador", "attorney",
    "candidate", "nominee", "former", "first", "lady", "sir", "dame", "lord",
    "rev", "reverend", "father", "pope", "king", "queen", "prince",
    "princess", "democrat", "democratic", "republican", "gop", "presidential",
    "president-elect", "state", "us", "u.s", "white", "house", "press",
    "chief", "of", "staff", "spokesman", "spokeswoman", "spokesperson",
    "host", "the", "sens", "reps", "gen", "rev", NULL};

static const char *const S_pronouns[] = {
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them",
    "his", "hers", "me", "us", "who", "one", NULL};

static const char *const S_suffixes[] = {"jr", "sr", "ii", "iii", "iv", NULL};

static int S_in(const char *const *list, const char *w) {
    for (; *list; list++)
        if (!strcmp(*list, w)) return 1;
    return 0;
}

/* The words of a name: original text in orig[], folded text in fold[]
 * (lower case, no '.' or ',', no trailing 's). */
typedef struct {
    char orig[S_MAXW][64];
    char fold[S_MAXW][64];
    int n;
} S_words;

static void S_fold(const char *w, char *out, size_t cap) {
    size_t n = 0;
    for (; *w && n + 1 < cap; w++) {
        unsigned char c = (unsigned char)*w;
        if (c == '.' || c == ',' || c == '"' || c == ';' || c == ':') continue;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    if (n > 2 && out[n - 2] == '\'' && out[n - 1] == 's') out[n - 2] = '\0';
    if (n > 4 && !strcmp(out + n - 4, "\xE2\x80\x99s")) out[n - 4] = '\0';
}

static void S_split(const char *name, S_words *w) {
    w->n = 0;
    const char *p = name;
    while (*p && w->n < S_MAXW) {
        while (*p && isspace((unsigned char)*p)) p++;
        size_t len = strcspn(p, " \t\r\n");
        if (!len) break;
        size_t keep = len < 63 ? len : 63;
        memcpy(w->orig[w->n], p, keep);
        w->orig[w->n][keep] = '\0';
        S_fold(w->orig[w->n], w->fold[w->n], 64);
        if (w->fold[w->n][0]) w->n++;
        p += len;
    }
}

/* 1 when a word before the last is possessive ("Clinton's campaign"):
 * the name is then of a group, not of a person. */
static int S_inner_possessive(const S_words *w) {
    for (int i = 0; i + 1 < w->n; i++) {
        const char *o = w->orig[i];
        size_t n = strlen(o);
        if ((n > 2 && !strcmp(o + n - 2, "'s")) ||
            (n > 4 && !strcmp(o + n - 4, "\xE2\x80\x99s")))
            return 1;
    }
    return 0;
}

/* First word that is not a leading title, keeping at least one word. */
static int S_first(const S_words *w) {
    int i = 0;
    while (i < w->n - 1 && S_in(S_titles, w->fold[i])) i++;
    return i;
}

static void S_join(char *out, size_t cap, char w[][64], int from, int to) {
    size_t n = 0;
    out[0] = '\0';
    for (int i = from; i < to; i++) {
        int k = snprintf(out + n, cap - n, "%s%s", n ? " " : "", w[i]);
        if (k < 0 || (size_t)k >= cap - n) return;
        n += (size_t)k;
    }
}

static void S_person_key(const S_words *w, int first, hsix_name *out) {
    int last = w->n - 1;
    const char *suffix = NULL;
    if (last > first && S_in(S_suffixes, w->fold[last])) suffix = w->fold[last--];
    snprintf(out->surname, sizeof out->surname, "%s", w->fold[last]);
    if (last == first) {
        snprintf(out->key, sizeof out->key, "%s", w->fold[first]);
        out->words = 1;
        return;
    }
    snprintf(out->key, sizeof out->key, "%s %s%s%s", w->fold[first],
             w->fold[last], suffix ? " " : "", suffix ? suffix : "");
    out->words = 2;
}

static int S_has_letter(const char *s) {
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80) return 1;
    return 0;
}

int hsix_name_norm(const char *name, int is_group, hsix_name *out) {
    memset(out, 0, sizeof *out);
    if (!name || !S_has_letter(name)) return 0;
    S_words local;
    S_split(name, &local);
    if (local.n == 0 || (local.n == 1 && S_in(S_pronouns, local.fold[0])))
        return 0;
    if (is_group || S_inner_possessive(&local)) {
        memcpy(out->key, "group:", 6);
        S_join(out->key + 6, sizeof out->key - 6, local.fold, 0, local.n);
        S_join(out->display, sizeof out->display, local.orig, 0, local.n);
        return 1;
    }
    int first = S_first(&local);
    S_person_key(&local, first, out);
    S_join(out->display, sizeof out->display, local.orig, first, local.n);
    size_t dn = strlen(out->display);
    if (dn > 2 && !strcmp(out->display + dn - 2, "'s")) out->display[dn - 2] = '\0';
    if (dn > 4 && !strcmp(out->display + dn - 4, "\xE2\x80\x99s"))
        out->display[dn - 4] = '\0';
    return 1;
}
