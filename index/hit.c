/*
 * hit.c -- an attribution row (with its article and speaker) read back as a
 * hearsay_index_hit, including the quotation in its context.
 */
#include <stdlib.h>
#include <string.h>

#include "ix_int.h"

const char HSIX_HIT_COLUMNS[] =
    "r.doc, r.url, r.outlet, r.title, r.date,"                  /* 0-4 */
    " a.kind, a.context, a.text, a.start, a.end,"               /* 5-9 */
    " a.byte_start, a.byte_end, a.spans, a.byte_spans,"         /* 10-13 */
    " a.speaker_entity, a.speaker_name, a.speaker_role,"        /* 14-16 */
    " a.speaker_text, a.speaker_start, a.speaker_end,"          /* 17-19 */
    " a.speaker_byte_start, a.speaker_byte_end,"                /* 20-21 */
    " a.cue_text, a.cue_start, a.cue_end,"                      /* 22-24 */
    " a.cue_byte_start, a.cue_byte_end,"                        /* 25-26 */
    " a.addressee_entity, a.addressee_name, a.addressee_role,"  /* 27-29 */
    " a.addressee_text, a.addressee_start, a.addressee_end,"    /* 30-32 */
    " a.addressee_byte_start, a.addressee_byte_end,"            /* 33-34 */
    " a.date, c.name, r.text, a.id, r.id";                      /* 35-39 */


#define S_CTX_BYTES 150 /* context on each side of the content, at most */

static const char *S_text(sqlite3_stmt *st, int i) {
    return (const char *)sqlite3_column_text(st, i);
}

static size_t S_size(sqlite3_stmt *st, int i) {
    sqlite3_int64 v = sqlite3_column_int64(st, i);
    return v < 0 ? 0 : (size_t)v;
}

/* Four span columns from i; 0 when the first is NULL. */
static int S_span(sqlite3_stmt *st, int i, hearsay_span *sp) {
    if (sqlite3_column_type(st, i) == SQLITE_NULL) {
        memset(sp, 0, sizeof *sp);
        return 0;
    }
    sp->start = S_size(st, i);
    sp->end = S_size(st, i + 1);
    sp->byte_start = S_size(st, i + 2);
    sp->byte_end = S_size(st, i + 3);
    return 1;
}

/* entity, name, role, text, start, end, byte_start, byte_end from i
 * (a cue has no entity, name or role: pass i of its text minus 3). */
static void S_mention(sqlite3_stmt *st, int i, int has_entity,
                      hearsay_index_mention *m) {
    m->entity = has_entity && sqlite3_column_type(st, i) != SQLITE_NULL
                    ? sqlite3_column_int(st, i) : -1;
    m->name = has_entity ? S_text(st, i + 1) : NULL;
    m->role = has_entity ? S_text(st, i + 2) : NULL;
    m->text = S_text(st, i + 3);
    m->present = S_span(st, i + 4, &m->span);
}

/* Parses "[[a,b],[c,d]]" pairs into parts (field 0: start/end, 1: bytes). */
static size_t S_parse_spans(const char *s, hearsay_span *parts, size_t cap,
                            int bytes) {
    size_t n = 0;
    while (s && (s = strchr(s, '[')) && n < cap) {
        char *end;
        if (s[1] == '[') { s++; continue; }
        size_t a = strtoull(s + 1, &end, 10);
        size_t b = *end == ',' ? strtoull(end + 1, &end, 10) : a;
        if (bytes) parts[n].byte_start = a, parts[n].byte_end = b;
        else parts[n].start = a, parts[n].end = b;
        n++;
        s = end;
    }
    return n;
}

/* Start of the context: back to a line break or S_CTX_BYTES, then forward
 * to a space and past continuation bytes. */
static size_t S_ctx_from(const char *t, size_t b) {
    size_t lo = b > S_CTX_BYTES ? b - S_CTX_BYTES : 0, i = b;
    while (i > lo && t[i - 1] != '\n') i--;
    if (i == lo && lo > 0) {
        while (i < b && t[i] != ' ') i++;
        while (i < b && t[i] == ' ') i++;
    }
    return i;
}

static size_t S_ctx_to(const char *t, size_t len, size_t e) {
    size_t hi = e + S_CTX_BYTES < len ? e + S_CTX_BYTES : len, i = e;
    while (i < hi && t[i] != '\n') i++;
    if (i == hi && hi < len) {
        while (i > e && t[i] != ' ') i--;
    }
    return i;
}

static void S_context(hsix_hitrow *row, const char *t, size_t len) {
    const hearsay_index_hit *h = &row->hit;
    size_t b = h->content.byte_start, e = h->content.byte_end;
    hsix_buf_clear(&row->ctx);
    if (!t || b > e || e > len) return;
    size_t from = S_ctx_from(t, b), to = S_ctx_to(t, len, e);
    if (from > 0 && t[from - 1] != '\n') hsix_buf_puts(&row->ctx, "\xE2\x80\xA6");
    hsix_buf_put(&row->ctx, t + from, to - from);
    if (to < len && t[to] != '\n') hsix_buf_puts(&row->ctx, "\xE2\x80\xA6");
}

int hsix_hit_read(hearsay_index *ix, sqlite3_stmt *st, hsix_hitrow *row) {
    hearsay_index_hit *h = &row->hit;
    memset(h, 0, sizeof *h);
    h->doc = S_text(st, 0), h->url = S_text(st, 1), h->outlet = S_text(st, 2);
    h->title = S_text(st, 3), h->article_date = S_text(st, 4);
    h->kind = S_text(st, 5), h->context = S_text(st, 6), h->text = S_text(st, 7);
    h->content.start = S_size(st, 8), h->content.end = S_size(st, 9);
    h->content.byte_start = S_size(st, 10), h->content.byte_end = S_size(st, 11);
    memset(row->parts, 0, sizeof row->parts);
    h->n_parts = S_parse_spans(S_text(st, 12), row->parts, 64, 0);
    S_parse_spans(S_text(st, 13), row->parts, 64, 1);
    h->parts = row->parts;
    S_mention(st, 14, 1, &h->speaker);
    S_mention(st, 19, 0, &h->cue);
    S_mention(st, 27, 1, &h->addressee);
    h->date = S_text(st, 35), h->speaker_canonical = S_text(st, 36);
    row->attribution_id = sqlite3_column_int64(st, 38);
    row->article_id = sqlite3_column_int64(st, 39);
    h->score = sqlite3_column_double(st, HSIX_HIT_NCOLS - 1);
    S_context(row, S_text(st, 37), (size_t)sqlite3_column_bytes(st, 37));
    h->in_context = hsix_buf_cstr(&row->ctx);
    if (!h->in_context || !h->doc || !h->text)
        return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory reading a row");
    return HEARSAY_INDEX_OK;
}
