/*
 * reader.c -- byte streams: plain, gzip (zlib) and zstd (libzstd), read in
 * fixed-size chunks. See reader.h.
 */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define RD_CHUNK (128 * 1024)

typedef enum { RD_PLAIN, RD_GZIP, RD_ZSTD } rd_kind;

struct rd_stream {
    int fd, own_fd;
    rd_kind kind;
    unsigned char *raw; /* bytes as read from fd */
    size_t raw_len, raw_pos;
    int raw_eof;
    unsigned char *buf; /* decoded bytes (== raw for plain streams) */
    size_t len, pos;
    int eof;         /* no more decoded bytes will come */
    int frame_open;  /* a gzip member / zstd frame is not finished */
    z_stream z;
    ZSTD_DCtx *zs;
    uint64_t raw_total;
    char err[160];
};

static int S_fail(rd_stream *s, const char *what, const char *why)
{
    snprintf(s->err, sizeof s->err, "%s: %s", what, why);
    return -1;
}

/* Reads more raw bytes when all were consumed. 0, or -1 on error. */
static int S_read_raw(rd_stream *s)
{
    if (s->raw_pos < s->raw_len || s->raw_eof)
        return 0;
    ssize_t n;
    do
        n = read(s->fd, s->raw, RD_CHUNK);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return S_fail(s, "read error", strerror(errno));
    s->raw_len = (size_t)n;
    s->raw_pos = 0;
    s->raw_eof = (n == 0);
    s->raw_total += (uint64_t)n;
    return 0;
}

static int S_fill_plain(rd_stream *s)
{
    if (S_read_raw(s) < 0)
        return -1;
    s->buf = s->raw;
    s->pos = s->raw_pos;
    s->len = s->raw_len;
    s->raw_pos = s->raw_len;
    s->eof = s->raw_eof;
    return 0;
}

/* After a decoding step: the stream ended inside a gzip member or zstd
 * frame when no output came and no input is left. */
static int S_check_end(rd_stream *s, const char *what)
{
    if (s->len > 0 || !s->raw_eof || s->raw_pos < s->raw_len)
        return 0;
    s->eof = 1;
    return s->frame_open ? S_fail(s, what, "truncated input") : 0;
}

/* One step of gzip decoding into buf. Handles concatenated members. */
static int S_fill_gzip(rd_stream *s)
{
    if (S_read_raw(s) < 0)
        return -1;
    if (s->raw_eof && !s->frame_open) {
        s->eof = 1;
        return 0;
    }
    if (!s->frame_open) {
        if (inflateReset(&s->z) != Z_OK)
            return S_fail(s, "gzip", "cannot reset decoder");
        s->frame_open = 1;
    }
    s->z.next_in = s->raw + s->raw_pos;
    s->z.avail_in = (uInt)(s->raw_len - s->raw_pos);
    s->z.next_out = s->buf;
    s->z.avail_out = RD_CHUNK;
    int rc = inflate(&s->z, Z_NO_FLUSH);
    s->raw_pos = s->raw_len - s->z.avail_in;
    s->pos = 0;
    s->len = RD_CHUNK - s->z.avail_out;
    if (rc == Z_STREAM_END)
        s->frame_open = 0;
    else if (rc != Z_OK && rc != Z_BUF_ERROR)
        return S_fail(s, "gzip", s->z.msg ? s->z.msg : "corrupt input");
    return S_check_end(s, "gzip");
}

static int S_fill_zstd(rd_stream *s)
{
    if (S_read_raw(s) < 0)
        return -1;
    if (s->raw_eof && !s->frame_open) {
        s->eof = 1;
        return 0;
    }
    ZSTD_inBuffer in = {s->raw, s->raw_len, s->raw_pos};
    ZSTD_outBuffer out = {s->buf, RD_CHUNK, 0};
    size_t rc = ZSTD_decompressStream(s->zs, &out, &in);
    if (ZSTD_isError(rc))
        return S_fail(s, "zstd", ZSTD_getErrorName(rc));
    s->frame_open = (rc != 0);
    s->raw_pos = in.pos;
    s->pos = 0;
    s->len = out.pos;
    return S_check_end(s, "zstd");
}

/* Makes decoded bytes available (pos < len) unless at the end. 0 or -1. */
static int S_fill(rd_stream *s)
{
    while (s->pos >= s->len && !s->eof) {
        int rc = s->kind == RD_PLAIN  ? S_fill_plain(s)
                 : s->kind == RD_GZIP ? S_fill_gzip(s)
                                      : S_fill_zstd(s);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Looks at the first bytes and sets up the decoder. 0 or -1. */
static int S_detect(rd_stream *s)
{
    if (S_read_raw(s) < 0)
        return -1;
    const unsigned char *r = s->raw;
    if (s->raw_len >= 2 && r[0] == 0x1f && r[1] == 0x8b) {
        s->kind = RD_GZIP;
        if (inflateInit2(&s->z, 15 + 16) != Z_OK)
            return S_fail(s, "gzip", "cannot start decoder");
    } else if (s->raw_len >= 4 && r[0] == 0x28 && r[1] == 0xb5 &&
               r[2] == 0x2f && r[3] == 0xfd) {
        s->kind = RD_ZSTD;
        s->zs = ZSTD_createDCtx();
        if (!s->zs)
            return S_fail(s, "zstd", "cannot start decoder");
    }
    if (s->kind != RD_PLAIN)
        s->buf = cli_xrealloc(NULL, RD_CHUNK);
    return 0;
}

rd_stream *rd_open(const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    rd_stream *s = cli_xrealloc(NULL, sizeof *s);
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->own_fd = !is_stdin;
    s->raw = cli_xrealloc(NULL, RD_CHUNK);
    s->buf = s->raw;
    if (S_detect(s) < 0)
        s->eof = 1; /* reported by the first read */
    return s;
}

void rd_close(rd_stream *s)
{
    if (!s)
        return;
    if (s->kind == RD_GZIP)
        inflateEnd(&s->z);
    ZSTD_freeDCtx(s->zs);
    if (s->buf != s->raw)
        free(s->buf);
    free(s->raw);
    if (s->own_fd)
        close(s->fd);
    free(s);
}

static int S_pending_error(const rd_stream *s)
{
    return s->err[0] ? -1 : 0;
}

int rd_getline(rd_stream *s, cli_buf *line, size_t limit, uint64_t *too_long,
               int *complete)
{
    uint64_t total = 0;
    *too_long = 0;
    *complete = 0;
    for (;;) {
        if (S_pending_error(s) || S_fill(s) < 0)
            return -1;
        if (s->pos >= s->len)
            break;
        const unsigned char *p = s->buf + s->pos;
        size_t avail = s->len - s->pos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        size_t room = total < limit ? limit - (size_t)total : 0;
        cli_buf_add(line, p, take < room ? take : room);
        total += take;
        s->pos += take + (nl != NULL);
        if (nl) {
            *complete = 1;
            break;
        }
    }
    if (total > limit)
        *too_long = total;
    return total > 0 || *complete;
}

int rd_slurp(rd_stream *s, cli_buf *out, size_t limit, int *too_long)
{
    size_t got = 0;
    *too_long = 0;
    for (;;) {
        if (S_pending_error(s) || S_fill(s) < 0)
            return -1;
        if (s->pos >= s->len)
            return 0;
        size_t avail = s->len - s->pos;
        if (got + avail > limit) {
            *too_long = 1;
            return 0;
        }
        cli_buf_add(out, s->buf + s->pos, avail);
        got += avail;
        s->pos = s->len;
    }
}

const char *rd_error(const rd_stream *s)
{
    return s->err[0] ? s->err : "unknown error";
}

uint64_t rd_raw_bytes(const rd_stream *s)
{
    return s->raw_total;
}
