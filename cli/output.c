/*
 * output.c -- checked writes. See output.h.
 */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int out_stdout(const char *p, size_t n)
{
    if (n && fwrite(p, 1, n, stdout) != n) {
        cli_stdout_error();
        return -1;
    }
    return 0;
}

/* Appends one component of a document name, made safe. */
static void S_add_component(cli_buf *out, const char *c, size_t n)
{
    if (n == 0 || (n == 1 && c[0] == '.'))
        return;
    cli_buf_add(out, "/", 1);
    if (n == 2 && c[0] == '.' && c[1] == '.')
        cli_buf_add(out, "__", 2);
    else
        cli_buf_add(out, c, n);
}

void out_safe_path(cli_buf *out, const char *dir, const char *name,
                   const char *ext)
{
    cli_buf_puts(out, dir);
    size_t base = out->n;
    for (const char *s = name; *s;) {
        size_t n = strcspn(s, "/");
        S_add_component(out, s, n);
        s += n + (s[n] == '/');
    }
    if (out->n == base)
        cli_buf_add(out, "/_", 2);
    cli_buf_puts(out, ext);
}

/* Creates every folder of path above its last component. 0 or -1. */
static int S_mkdirs(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        int rc = mkdir(path, 0777);
        *s = '/';
        if (rc < 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

int out_file(const char *dir, const char *name, const char *ext,
             const char *p, size_t n)
{
    cli_buf path = {0};
    out_safe_path(&path, dir, name, ext);
    FILE *f = NULL;
    int rc = S_mkdirs(path.p) == 0 && (f = fopen(path.p, "wb")) != NULL ? 0
                                                                          : -1;
    if (rc == 0 && n && fwrite(p, 1, n, f) != n)
        rc = -1;
    if (f && fclose(f) != 0)
        rc = -1;
    if (rc < 0)
        cli_error("%s: %s", path.p, strerror(errno));
    cli_buf_free(&path);
    return rc;
}
