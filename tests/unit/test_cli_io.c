/*
 * test_cli_io.c -- the command's input and output layer, below the
 * command line: byte streams (plain, gzip, zstd; truncated and
 * concatenated), line and whole-stream reads with limits, JSON line
 * parsing, --out-dir path safety, size arguments. The CLI sources are
 * compiled in (they are not a library).
 */
#include "harness.h"

#include "../../cli/jsonl.c"
#include "../../cli/output.c"
#include "../../cli/reader.c"
#include "../../cli/util.c"

#include <stdlib.h>

static char tmp_path[64];

/* Writes n bytes to a fresh temporary file; returns its path. */
static const char *S_file(const void *p, size_t n)
{
    strcpy(tmp_path, "/tmp/hearsay-test-XXXXXX");
    int fd = mkstemp(tmp_path);
    if (fd < 0 || write(fd, p, n) != (ssize_t)n)
        FAILF("cannot write %s", tmp_path);
    if (fd >= 0)
        close(fd);
    return tmp_path;
}

/* Reads path line by line; returns the lines joined with '|', or NULL on
 * a read error. Sets *too_long to the length of the last too-long line,
 * *complete to whether the last line ended with '\n'. */
static char *S_lines(const char *path, size_t limit, uint64_t *too_long,
                     int *complete)
{
    rd_stream *s = rd_open(path);
    cli_buf all = {0}, line = {0};
    int rc;
    uint64_t tl;
    int c;
    *too_long = 0;
    while ((rc = rd_getline(s, &line, limit, &tl, &c)) > 0) {
        *complete = c;
        if (tl)
            *too_long = tl;
        cli_buf_add(&all, line.p ? line.p : "", line.n);
        cli_buf_add(&all, "|", 1);
        line.n = 0;
    }
    rd_close(s);
    cli_buf_free(&line);
    if (rc < 0) {
        cli_buf_free(&all);
        return NULL;
    }
    if (!all.p)
        cli_buf_add(&all, "", 0);
    return all.p;
}

static size_t S_gzip(const char *in, size_t n, unsigned char *out, size_t cap)
{
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return rc == Z_STREAM_END ? len : 0;
}

TEST(plain_lines)
{
    const char text[] = "one\n\ntwo\r\nthree";
    uint64_t tl;
    int complete;
    char *got = S_lines(S_file(text, sizeof text - 1), 100, &tl, &complete);
    STR_EQ(got, "one||two\r|three|");
    INT_EQ(complete, 0);
    INT_EQ(tl, 0);
    free(got);
    unlink(tmp_path);
}

TEST(line_limit)
{
    const char text[] = "short\nthis line is too long\nok\n";
    uint64_t tl;
    int complete;
    char *got = S_lines(S_file(text, sizeof text - 1), 8, &tl, &complete);
    STR_EQ(got, "short|this lin|ok|");
    INT_EQ(tl, 21);
    INT_EQ(complete, 1);
    free(got);
    unlink(tmp_path);
}

/* Longer than the reader's chunk, so lines cross chunk boundaries. */
static char *S_big_text(size_t *n)
{
    cli_buf b = {0};
    for (int i = 0; i < 40000; i++)
        cli_buf_printf(&b, "line %d of the big text\n", i);
    *n = b.n;
    return b.p;
}

TEST(gzip_same_as_plain)
{
    size_t n;
    char *text = S_big_text(&n);
    unsigned char *gz = malloc(2 * n);
    size_t gn = S_gzip(text, n, gz, 2 * n);
    OK(gn > 0);
    /* Two members back to back, as `cat a.gz b.gz` makes. */
    memcpy(gz + gn, gz, gn);
    uint64_t tl;
    int complete;
    char *plain = S_lines(S_file(text, n), 1000, &tl, &complete);
    unlink(tmp_path);
    char *twice = S_lines(S_file(gz, 2 * gn), 1000, &tl, &complete);
    unlink(tmp_path);
    OK(plain && twice && strlen(twice) == 2 * strlen(plain));
    OK(plain && twice && strncmp(plain, twice, strlen(plain)) == 0);
    /* Cut in the middle: an error, not a silent end. */
    char *cut = S_lines(S_file(gz, gn / 2), 1000, &tl, &complete);
    unlink(tmp_path);
    OK(cut == NULL);
    free(cut);
    free(plain);
    free(twice);
    free(gz);
    free(text);
}

TEST(zstd_same_as_plain)
{
    size_t n;
    char *text = S_big_text(&n);
    size_t cap = ZSTD_compressBound(n);
    void *z = malloc(cap);
    size_t zn = ZSTD_compress(z, cap, text, n, 3);
    OK(!ZSTD_isError(zn));
    rd_stream *s = rd_open(S_file(z, zn));
    cli_buf all = {0};
    int too_long;
    INT_EQ(rd_slurp(s, &all, n, &too_long), 0);
    INT_EQ(too_long, 0);
    OK(all.n == n && memcmp(all.p, text, n) == 0);
    rd_close(s);
    unlink(tmp_path);
    s = rd_open(S_file(z, zn - 10));
    all.n = 0;
    INT_EQ(rd_slurp(s, &all, n, &too_long), -1);
    OK(strstr(rd_error(s), "truncated") != NULL);
    rd_close(s);
    unlink(tmp_path);
    cli_buf_free(&all);
    free(z);
    free(text);
}

TEST(slurp_limit)
{
    size_t n;
    char *text = S_big_text(&n);
    rd_stream *s = rd_open(S_file(text, n));
    cli_buf all = {0};
    int too_long;
    INT_EQ(rd_slurp(s, &all, 1000, &too_long), 0);
    INT_EQ(too_long, 1);
    OK(all.n <= 1000);
    rd_close(s);
    unlink(tmp_path);
    OK(rd_open("/nonexistent/x.txt") == NULL);
    cli_buf_free(&all);
    free(text);
}

static void S_path_is(const char *name, const char *want)
{
    cli_buf b = {0};
    out_safe_path(&b, "out", name, ".ann");
    STR_EQ(b.p, want);
    cli_buf_free(&b);
}

TEST(safe_paths)
{
    S_path_is("a", "out/a.ann");
    S_path_is("world/talks", "out/world/talks.ann");
    S_path_is("../../etc/passwd", "out/__/__/etc/passwd.ann");
    S_path_is("/etc/passwd", "out/etc/passwd.ann");
    S_path_is("a/./b//c", "out/a/b/c.ann");
    S_path_is("..", "out/__.ann");
    S_path_is("", "out/_.ann");
    S_path_is("/", "out/_.ann");
    S_path_is("..foo/x..", "out/..foo/x...ann");
}

static int S_parse(const char *line, jl_doc *d, cli_buf *err)
{
    static json_tokener *tok;
    jl_config c = {"id", "text"};
    if (!tok)
        tok = jl_tokener_new();
    err->n = 0;
    return jl_parse(tok, &c, line, strlen(line), d, err);
}

TEST(json_lines)
{
    jl_doc d;
    cli_buf err = {0};
    INT_EQ(S_parse("{\"id\":7,\"text\":\"a\\u0000b\",\"url\":null}", &d, &err), 0);
    STR_EQ(d.id, "7");
    INT_EQ(d.text_len, 3);
    OK(d.url == NULL);
    jl_release(&d);
    INT_EQ(S_parse("{\"text\":\"x\",\"date\":\"2021-09-01\"}  \r", &d, &err), 0);
    STR_EQ(d.date, "2021-09-01");
    OK(d.id == NULL);
    jl_release(&d);
    INT_EQ(S_parse("{\"id\":\"a\",\"text\":\"cut", &d, &err), -1);
    OK(strstr(err.p, "truncated") != NULL);
    INT_EQ(S_parse("{\"id\":\"a\"}", &d, &err), -1);
    OK(strstr(err.p, "no \"text\"") != NULL);
    INT_EQ(S_parse("{\"text\":1}", &d, &err), -1);
    OK(strstr(err.p, "not a string") != NULL);
    INT_EQ(S_parse("{\"text\":\"x\",\"url\":[1]}", &d, &err), -1);
    OK(strstr(err.p, "\"url\"") != NULL);
    INT_EQ(S_parse("{\"text\":\"x\"} {}", &d, &err), -1);
    INT_EQ(S_parse("[\"text\"]", &d, &err), -1);
    INT_EQ(S_parse("{'text':'x'}", &d, &err), -1);
    cli_buf_free(&err);
}

TEST(sizes)
{
    size_t v;
    INT_EQ(cli_parse_size("16M", &v), 0);
    INT_EQ(v, 16u << 20);
    INT_EQ(cli_parse_size("10k", &v), 0);
    INT_EQ(v, 10240);
    INT_EQ(cli_parse_size("12", &v), 0);
    INT_EQ(v, 12);
    INT_EQ(cli_parse_size("-1", &v), -1);
    INT_EQ(cli_parse_size("1X", &v), -1);
    INT_EQ(cli_parse_size("", &v), -1);
    INT_EQ(cli_parse_size("99999999999999999999", &v), -1);
}

int main(void)
{
    RUN(plain_lines);
    RUN(line_limit);
    RUN(gzip_same_as_plain);
    RUN(zstd_same_as_plain);
    RUN(slurp_limit);
    RUN(safe_paths);
    RUN(json_lines);
    RUN(sizes);
    return DONE();
}
