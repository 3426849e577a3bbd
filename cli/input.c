/*
 * input.c -- arguments -> documents: files, folders (walked lazily, one
 * sorted listing per open folder), JSON Lines streams. See input.h.
 */
#include "input.h"
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One open folder of a walk: its sorted entry names. */
typedef struct {
    char *path;
    cli_buf names;  /* NUL-separated */
    char **sorted;  /* into names */
    size_t n, i;
} in_level;

struct in_iter {
    char **args;
    int n_args, next_arg;
    const in_config *c;
    /* Folder walk in progress: levels[0..depth-1]. */
    in_level *levels;
    int depth, cap_levels;
    size_t root_len; /* the folder argument's length (relative names) */
    /* JSON Lines stream in progress. */
    rd_stream *cur;
    const char *cur_file;
    uint64_t cur_line;
    uint64_t bytes_done, total;
};

static const char *const compress_ext[] = {".gz", ".zst", NULL};

static int S_ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Length of name without a compression suffix. */
static size_t S_strip_compress(const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; compress_ext[i]; i++)
        if (S_ends_with(name, n, compress_ext[i]))
            return n - strlen(compress_ext[i]);
    return n;
}

static int S_is_txt(const char *name)
{
    return S_ends_with(name, S_strip_compress(name), ".txt");
}

static int S_is_jsonl(const char *name)
{
    size_t n = S_strip_compress(name);
    return S_ends_with(name, n, ".jsonl") || S_ends_with(name, n, ".ndjson");
}

/* The document name of a text file: its path without .txt(.gz|.zst). */
static void S_doc_name(cli_buf *out, const char *path)
{
    size_t n = S_strip_compress(path);
    if (S_ends_with(path, n, ".txt"))
        n -= 4;
    cli_buf_add(out, path, n);
}

size_t in_json_line_limit(size_t max_doc_bytes)
{
    size_t slack = 1u << 20;
    return max_doc_bytes > SIZE_MAX - slack ? SIZE_MAX : max_doc_bytes + slack;
}

/* --------------------------------------------------------- total size */

static uint64_t S_total_size(char **args, int n)
{
    uint64_t total = 0;
    struct stat st;
    if (n == 0)
        return 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(args[i], "-") == 0 || stat(args[i], &st) < 0 ||
            !S_ISREG(st.st_mode))
            return 0;
        total += (uint64_t)st.st_size;
    }
    return total;
}

in_iter *in_new(char **args, int n, const in_config *c)
{
    static char *stdin_args[] = {"-"};
    in_iter *it = cli_xrealloc(NULL, sizeof *it);
    memset(it, 0, sizeof *it);
    it->args = n ? args : stdin_args;
    it->n_args = n ? n : 1;
    it->c = c;
    it->total = S_total_size(args, n);
    return it;
}

uint64_t in_bytes_read(const in_iter *it)
{
    return it->bytes_done + (it->cur ? rd_raw_bytes(it->cur) : 0);
}

uint64_t in_total_bytes(const in_iter *it)
{
    return it->total;
}

/* ---------------------------------------------------------- one text */

/* Reads the file at path as one document named name into j. */
static void S_read_text(in_iter *it, const char *path, pl_job *j)
{
    j->kind = PL_NOTE;
    rd_stream *s = rd_open(path);
    if (!s) {
        pl_fail(j, "%s: %s", path, strerror(errno));
        return;
    }
    int too_long;
    if (rd_slurp(s, &j->in, it->c->max_doc_bytes, &too_long) < 0)
        pl_fail(j, "%s: %s", path, rd_error(s));
    else if (too_long)
        pl_fail_too_big(j, it->c->max_doc_bytes);
    else
        j->kind = PL_TEXT;
    it->bytes_done += rd_raw_bytes(s);
    rd_close(s);
}

/* --------------------------------------------------------- JSON Lines */

static void S_close_cur(in_iter *it)
{
    it->bytes_done += rd_raw_bytes(it->cur);
    rd_close(it->cur);
    it->cur = NULL;
}

static int S_blank(const cli_buf *b)
{
    for (size_t i = 0; i < b->n; i++)
        if (b->p[i] != ' ' && b->p[i] != '\t' && b->p[i] != '\r')
            return 0;
    return 1;
}

/* The next non-blank line of the current stream into j. 1 when j was
 * filled, 0 when the stream ended (and was closed). */
static int S_next_line(in_iter *it, pl_job *j, int *is_doc)
{
    size_t limit = in_json_line_limit(it->c->max_doc_bytes);
    uint64_t too_long;
    int complete, r;
    do {
        j->in.n = 0;
        r = rd_getline(it->cur, &j->in, limit, &too_long, &complete);
        it->cur_line += (r > 0);
    } while (r > 0 && !too_long && S_blank(&j->in));
    if (r <= 0) {
        if (r < 0) {
            j->kind = PL_NOTE;
            pl_fail(j, "%s:%llu: %s", it->cur_file,
                    (unsigned long long)it->cur_line + 1, rd_error(it->cur));
        }
        S_close_cur(it);
        *is_doc = 0;
        return r < 0;
    }
    j->kind = PL_JSON;
    j->file = it->cur_file;
    j->line = it->cur_line;
    *is_doc = 1;
    if (too_long) {
        j->kind = PL_NOTE;
        pl_fail(j, "%s:%llu: line of %llu bytes is longer than the limit "
                   "(--max-doc-bytes + 1 MiB = %zu bytes), skipped",
                j->file, (unsigned long long)j->line,
                (unsigned long long)too_long, limit);
    }
    return 1;
}

/* -------------------------------------------------------- folder walk */

static int S_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists path's entries, sorted. 0, or -1 with errno. */
static int S_list(in_level *lv)
{
    DIR *d = opendir(lv->path);
    if (!d)
        return -1;
    struct dirent *e;
    size_t n = 0;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        cli_buf_add(&lv->names, e->d_name, strlen(e->d_name) + 1);
        n++;
    }
    int err = errno;
    closedir(d);
    lv->sorted = cli_xrealloc(NULL, (n ? n : 1) * sizeof *lv->sorted);
    for (size_t i = 0, off = 0; i < n; i++, off += strlen(lv->names.p + off) + 1)
        lv->sorted[i] = lv->names.p + off;
    qsort(lv->sorted, n, sizeof *lv->sorted, S_cmp_names);
    lv->n = n;
    errno = err;
    return err ? -1 : 0;
}

static void S_pop(in_iter *it)
{
    in_level *lv = &it->levels[--it->depth];
    free(lv->path);
    free(lv->sorted);
    cli_buf_free(&lv->names);
    memset(lv, 0, sizeof *lv);
}

/* Opens folder path (malloc'd, taken over) as the next level. 0, or -1
 * with an error in j. */
static int S_push(in_iter *it, char *path, pl_job *j)
{
    if (it->depth == it->cap_levels) {
        it->cap_levels = it->cap_levels ? 2 * it->cap_levels : 8;
        it->levels = cli_xrealloc(it->levels,
                                  (size_t)it->cap_levels * sizeof *it->levels);
    }
    in_level *lv = &it->levels[it->depth++];
    memset(lv, 0, sizeof *lv);
    lv->path = path;
    if (S_list(lv) == 0)
        return 0;
    j->kind = PL_NOTE;
    pl_fail(j, "%s: %s", path, strerror(errno));
    S_pop(it);
    return -1;
}

static char *S_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a > 0 && dir[a - 1] != '/';
    char *s = cli_xrealloc(NULL, a + slash + b + 1);
    memcpy(s, dir, a);
    if (slash)
        s[a] = '/';
    memcpy(s + a + slash, name, b + 1);
    return s;
}

/* One step of the walk. 1 when j was filled, 0 otherwise. */
static int S_walk(in_iter *it, pl_job *j, int *is_doc)
{
    in_level *lv = &it->levels[it->depth - 1];
    if (lv->i == lv->n) {
        S_pop(it);
        return 0;
    }
    const char *name = lv->sorted[lv->i++];
    char *full = S_join(lv->path, name);
    struct stat st;
    int filled = 0;
    *is_doc = 0;
    if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
        filled = S_push(it, full, j) < 0;
        return filled; /* full is owned by the level (or freed) */
    }
    if (S_is_txt(name)) {
        const char *rel = full + it->root_len;
        while (*rel == '/')
            rel++;
        S_doc_name(&j->name, rel);
        S_read_text(it, full, j);
        *is_doc = filled = 1;
    }
    free(full);
    return filled;
}

/* ----------------------------------------------------------- arguments */

/* Starts argument arg. 1 when j was filled, 0 otherwise. */
static int S_start_arg(in_iter *it, const char *arg, pl_job *j, int *is_doc)
{
    struct stat st;
    int is_stdin = strcmp(arg, "-") == 0;
    *is_doc = 0;
    if (!is_stdin && stat(arg, &st) < 0) {
        j->kind = PL_NOTE;
        pl_fail(j, "%s: %s", arg, strerror(errno));
        return 1;
    }
    if (!is_stdin && S_ISDIR(st.st_mode)) {
        it->root_len = strlen(arg);
        return S_push(it, cli_xstrdup(arg), j) < 0;
    }
    if (it->c->force_jsonl || S_is_jsonl(arg)) {
        it->cur = rd_open(arg);
        it->cur_file = is_stdin ? "(stdin)" : arg;
        it->cur_line = 0;
        if (it->cur)
            return 0;
        j->kind = PL_NOTE;
        pl_fail(j, "%s: %s", arg, strerror(errno));
        return 1;
    }
    if (is_stdin) {
        cli_buf_puts(&j->name, it->c->stdin_name ? it->c->stdin_name : "-");
    } else {
        S_doc_name(&j->name, arg);
        const char *slash = strrchr(j->name.p, '/');
        j->out_base = slash ? (size_t)(slash + 1 - j->name.p) : 0;
    }
    S_read_text(it, arg, j);
    *is_doc = 1;
    return 1;
}

int in_next(in_iter *it, pl_job *j, int *is_doc)
{
    for (;;) {
        if (it->cur) {
            if (S_next_line(it, j, is_doc))
                return 1;
        } else if (it->depth > 0) {
            if (S_walk(it, j, is_doc))
                return 1;
        } else if (it->next_arg < it->n_args) {
            if (S_start_arg(it, it->args[it->next_arg++], j, is_doc))
                return 1;
        } else {
            return 0;
        }
    }
}

void in_free(in_iter *it)
{
    if (!it)
        return;
    if (it->cur)
        S_close_cur(it);
    while (it->depth > 0)
        S_pop(it);
    free(it->levels);
    free(it);
}
