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

/* Fields of two parses of one line, as a string ("-" for NULL). */
static void S_fields(const jl_doc *d, cli_buf *o)
{
    const char *f[] = {d->id, d->date, d->url, d->title, d->outlet};
    o->n = 0;
    cli_buf_add(o, d->text, d->text_len);
    for (int i = 0; i < 5; i++) {
        cli_buf_add(o, "|", 1);
        cli_buf_puts(o, f[i] ? f[i] : "-");
    }
}

/* The fast path (jl_fast) against json-c on lines near the usual shape:
 * wherever jl_fast takes a line, json-c takes it too and gives the same
 * fields. The lines are cut and mutated from a few seeds, one byte at a
 * time, so that every branch of jl_fast meets its edges. */
TEST(json_fast_path_as_json_c)
{
    static const char *const seeds[] = {
        "{\"id\": \"a-1\", \"date\": \"2016-10-01\", \"url\": \"https://x.example/a\", "
        "\"outlet\": \"x\", \"title\": \"T\", \"text\": \"He said \\\"no.\\\"\\n\\nIt\\u2019s \xE2\x80\x9C"
        "fine\xE2\x80\x9D \\ud83d\\ude00 \\/ \\t \\u00e9 \\u0041.\"}",
        "{\"text\":\"a\",\"id\":12,\"url\":null,\"x\":true,\"y\":false,\"z\":0}",
        "  {  \"id\" : 90071992547409 , \"text\" : \"\" , \"title\" : null }  ",
        "{\"text\": \"x\", \"text\": \"y\"}",
        "{\"text\": \"\\ud800\\u0041\", \"date\": \"\\u0000\"}",
    };
    static const char alphabet[] = "\"\\{}[]:, \t\r\n0-1.eEu9aftn\x01\x7F\xC3\xA9/";
    json_tokener *tok = jl_tokener_new();
    jl_config c = {"id", "text"};
    cli_buf fa = {0}, fb = {0}, err = {0}, line = {0};
    unsigned seed = 12345, taken = 0, tried = 0;
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        size_t n = strlen(seeds[s]);
        for (int round = 0; round < 4000; round++) {
            line.n = 0;
            cli_buf_add(&line, seeds[s], n);
            /* round 0 as it is; then a cut, or one to three bytes changed */
            for (int k = 0; round && k < 1 + round % 3; k++) {
                seed = seed * 1103515245u + 12345u;
                size_t at = (seed >> 8) % line.n;
                if (round % 7 == 0)
                    line.n = at;
                else
                    line.p[at] = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
                if (!line.n)
                    break;
            }
            jl_doc a, b;
            memset(&a, 0, sizeof a);
            memset(&b, 0, sizeof b);
            tried++;
            if (jl_fast(&c, line.p, line.n, &a))
                continue;
            taken++;
            err.n = 0;
            if (S_parse_jsonc(tok, &c, line.p, line.n, &b, &err)) {
                FAILF("json-c rejects a line jl_fast takes: %.*s", (int)line.n, line.p);
                jl_release(&a);
                continue;
            }
            S_fields(&a, &fa);
            S_fields(&b, &fb);
            if (fa.n != fb.n || memcmp(fa.p, fb.p, fa.n))
                FAILF("fields differ on: %.*s", (int)line.n, line.p);
            jl_release(&a);
            jl_release(&b);
        }
    }
    OK(taken > 1000 && taken < tried); /* both paths were exercised */
    json_tokener_free(tok);
    cli_buf_free(&fa);
    cli_buf_free(&fb);
    cli_buf_free(&err);
    cli_buf_free(&line);
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
    RUN(json_fast_path_as_json_c);
    RUN(sizes);
    return DONE();
}
