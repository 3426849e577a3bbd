/*
 * index_input.c -- see index_input.h. Folders are walked into a sorted list
 * of paths first; JSON Lines are parsed with jansson one line at a time, so
 * memory stays bounded by the largest article.
 */
#include "index_input.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char **v;
    size_t n, cap;
} S_paths;

struct ixi_iter {
    char **args;
    int n_args, next_arg, force_jsonl;
    size_t max_doc;
    S_paths dir;          /* files of the folder being read */
    size_t dir_next;
    size_t dir_prefix;    /* length of "folder/" to strip from names */
    FILE *jsonl;          /* the JSON Lines corpus being read */
    const char *jsonl_name;
    long line_no;
    char *line;
    size_t line_cap;
    json_t *root;         /* the current JSON line */
    char *text, *name;    /* the current file's text and name */
    char err[1024];
};

static void S_paths_free(S_paths *p) {
    for (size_t i = 0; i < p->n; i++) free(p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

static int S_paths_add(S_paths *p, const char *path) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v) return -1;
        p->v = v, p->cap = cap;
    }
    if (!(p->v[p->n] = strdup(path))) return -1;
    p->n++;
    return 0;
}

static int S_ends(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static int S_walk(S_paths *p, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *e;
    int rc = 0;
    while (!rc && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st)) continue;
        if (S_ISDIR(st.st_mode)) rc = S_walk(p, path);
        else if (S_ends(e->d_name, ".txt")) rc = S_paths_add(p, path);
    }
    closedir(d);
    return rc;
}

static int S_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

ixi_iter *ixi_new(char **args, int n, int force_jsonl, size_t max_doc_bytes) {
    static char *dash[] = {"-"};
    ixi_iter *it = calloc(1, sizeof *it);
    if (!it) return NULL;
    it->args = n ? args : dash;
    it->n_args = n ? n : 1;
    it->force_jsonl = force_jsonl;
    it->max_doc = max_doc_bytes;
    return it;
}

static void S_release(ixi_iter *it) {
    json_decref(it->root);
    it->root = NULL;
    free(it->text);
    free(it->name);
    it->text = it->name = NULL;
}

void ixi_free(ixi_iter *it) {
    if (!it) return;
    S_release(it);
    S_paths_free(&it->dir);
    if (it->jsonl && it->jsonl != stdin) fclose(it->jsonl);
    free(it->line);
    free(it);
}

const char *ixi_error(const ixi_iter *it) { return it->err; }

static int S_fail(ixi_iter *it, const char *what, const char *why) {
    snprintf(it->err, sizeof it->err, "%s: %s", what, why);
    return -1;
}

/* ------------------------------------------------------------- files */

static int S_slurp(FILE *f, size_t max, char **out, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap + 1);
    while (p) {
        if (n == cap) {
            char *q = n > max ? NULL : realloc(p, (cap *= 2) + 1);
            if (!q) break;
            p = q;
        }
        size_t k = fread(p + n, 1, cap - n, f);
        n += k;
        if (k == 0) {
            if (ferror(f) || n > max) break;
            p[n] = '\0';
            *out = p, *len = n;
            return 0;
        }
    }
    free(p);
    return -1;
}

static int S_file(ixi_iter *it, const char *path, const char *name, ixi_article *a) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return S_fail(it, path, strerror(errno));
    size_t len;
    int rc = S_slurp(f, it->max_doc, &it->text, &len);
    if (f != stdin) fclose(f);
    if (rc) return S_fail(it, path, "cannot be read, or larger than --max-doc-bytes");
    it->name = strdup(name);
    if (!it->name) return S_fail(it, path, "out of memory");
    size_t nl = strlen(it->name);
    if (S_ends(it->name, ".txt")) it->name[nl - 4] = '\0';
    memset(a, 0, sizeof *a);
    a->doc = it->name, a->text = it->text, a->len = len;
    return 1;
}

/* --------------------------------------------------------- JSON Lines */

static const char *S_field(json_t *o, const char *k) {
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int S_json_doc(ixi_iter *it, ixi_article *a) {
    char where[600];
    snprintf(where, sizeof where, "%s:%ld", it->jsonl_name, it->line_no);
    json_error_t e;
    it->root = json_loads(it->line, JSON_ALLOW_NUL, &e);
    if (!json_is_object(it->root)) return S_fail(it, where, "not a JSON object");
    json_t *id = json_object_get(it->root, "id"), *text = json_object_get(it->root, "text");
    if (!json_is_string(text)) return S_fail(it, where, "no \"text\" string");
    if (json_is_integer(id)) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
        it->name = strdup(num);
    } else if (json_is_string(id)) {
        it->name = strdup(json_string_value(id));
    }
    if (!it->name) return S_fail(it, where, "no \"id\" string or number");
    memset(a, 0, sizeof *a);
    a->doc = it->name;
    a->text = json_string_value(text), a->len = json_string_length(text);
    a->date = S_field(it->root, "date"), a->url = S_field(it->root, "url");
    a->title = S_field(it->root, "title"), a->outlet = S_field(it->root, "outlet");
    return 1;
}

/* The next JSON line: 1 (parsed or failed: see rc), 0 at the end. */
static int S_json_next(ixi_iter *it, ixi_article *a, int *rc) {
    for (;;) {
        ssize_t n = getline(&it->line, &it->line_cap, it->jsonl);
        if (n < 0) {
            int bad = ferror(it->jsonl);
            if (it->jsonl != stdin) fclose(it->jsonl);
            it->jsonl = NULL;
            if (bad) *rc = S_fail(it, it->jsonl_name, "read error");
            return bad;
        }
        it->line_no++;
        if (n == 0 || strspn(it->line, " \t\r\n") == (size_t)n) continue;
        *rc = S_json_doc(it, a);
        return 1;
    }
}

/* ---------------------------------------------------------------- args */

static int S_open_arg(ixi_iter *it, const char *arg, ixi_article *a) {
    struct stat st;
    if (strcmp(arg, "-") && stat(arg, &st)) return S_fail(it, arg, strerror(errno));
    if (strcmp(arg, "-") && S_ISDIR(st.st_mode)) {
        S_paths_free(&it->dir);
        if (S_walk(&it->dir, arg)) return S_fail(it, arg, "cannot read the folder");
        qsort(it->dir.v, it->dir.n, sizeof *it->dir.v, S_cmp);
        it->dir_next = 0;
        it->dir_prefix = strlen(arg) + (S_ends(arg, "/") ? 0 : 1);
        return 0;
    }
    if (it->force_jsonl || S_ends(arg, ".jsonl") || S_ends(arg, ".ndjson")) {
        it->jsonl = strcmp(arg, "-") ? fopen(arg, "rb") : stdin;
        if (!it->jsonl) return S_fail(it, arg, strerror(errno));
        it->jsonl_name = arg;
        it->line_no = 0;
        return 0;
    }
    return S_file(it, arg, arg, a);
}

int ixi_next(ixi_iter *it, ixi_article *a) {
    S_release(it);
    for (;;) {
        int rc = 0;
        if (it->jsonl && S_json_next(it, a, &rc)) return rc;
        if (it->dir_next < it->dir.n) {
            const char *p = it->dir.v[it->dir_next++];
            return S_file(it, p, p + it->dir_prefix, a);
        }
        if (it->next_arg >= it->n_args) return 0;
        rc = S_open_arg(it, it->args[it->next_arg++], a);
        if (rc) return rc;
    }
}
