/*
 * json.c -- JSON renderings of hits, speakers, repeats and stats. A hit
 * carries the fields of `hearsay extract --format jsonl` in the same order
 * and form (src/render.c), then what the index adds.
 */
#include "ix_int.h"

static void S_key(hsix_buf *b, const char *key, int first) {
    hsix_buf_printf(b, "%s\"%s\":", first ? "" : ",", key);
}

static void S_str(hsix_buf *b, const char *key, const char *v) {
    S_key(b, key, 0);
    hsix_buf_json_str(b, v);
}

static void S_spans(hsix_buf *b, const hearsay_index_hit *h, int bytes) {
    hsix_buf_puts(b, "[");
    for (size_t i = 0; i < h->n_parts; i++) {
        const hearsay_span *p = &h->parts[i];
        hsix_buf_printf(b, "%s[%zu,%zu]", i ? "," : "",
                        bytes ? p->byte_start : p->start,
                        bytes ? p->byte_end : p->end);
    }
    hsix_buf_puts(b, "]");
}

static void S_span_fields(hsix_buf *b, const hearsay_index_mention *m) {
    if (m->present)
        hsix_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"byte_start\":%zu,"
                           "\"byte_end\":%zu",
                        m->span.start, m->span.end, m->span.byte_start,
                        m->span.byte_end);
    else
        hsix_buf_puts(b, ",\"start\":null,\"end\":null,\"byte_start\":null,"
                         "\"byte_end\":null");
}

/* A speaker or addressee object (canonical: the corpus-wide name, or NULL
 * to leave it out), or null when there is no mention: as extract writes
 * them. */
static void S_who(hsix_buf *b, const char *key, const hearsay_index_mention *m,
                  const char *canonical) {
    S_key(b, key, 0);
    if (!m->present) {
        hsix_buf_puts(b, "null");
        return;
    }
    hsix_buf_puts(b, "{\"text\":");
    hsix_buf_json_str(b, m->text);
    S_span_fields(b, m);
    S_str(b, "name", m->name);
    S_str(b, "role", m->role);
    S_key(b, "entity", 0);
    if (m->entity >= 0) hsix_buf_printf(b, "%d", m->entity);
    else hsix_buf_puts(b, "null");
    if (canonical) S_str(b, "canonical", canonical);
    hsix_buf_puts(b, "}");
}

static void S_cue(hsix_buf *b, const hearsay_index_mention *m) {
    S_key(b, "cue", 0);
    if (!m->present) {
        hsix_buf_puts(b, "null");
        return;
    }
    hsix_buf_puts(b, "{\"text\":");
    hsix_buf_json_str(b, m->text);
    S_span_fields(b, m);
    hsix_buf_puts(b, "}");
}

void hsix_json_hit(hsix_buf *b, const hearsay_index_hit *h) {
    hsix_buf_puts(b, "{\"doc\":");
    hsix_buf_json_str(b, h->doc);
    S_str(b, "kind", h->kind);
    S_str(b, "context", h->context);
    S_str(b, "text", h->text);
    hsix_buf_printf(b, ",\"start\":%zu,\"end\":%zu", h->content.start, h->content.end);
    S_key(b, "spans", 0);
    S_spans(b, h, 0);
    S_key(b, "byte_spans", 0);
    S_spans(b, h, 1);
    S_who(b, "speaker", &h->speaker, h->speaker_canonical);
    S_cue(b, &h->cue);
    S_who(b, "addressee", &h->addressee, NULL);
    if (!h->speaker.present && h->speaker.name) { /* resolved, no mention */
        S_str(b, "speaker_name", h->speaker.name);
        S_str(b, "speaker_canonical", h->speaker_canonical);
    }
    S_str(b, "date", h->date);
    S_str(b, "url", h->url);
    S_str(b, "outlet", h->outlet);
    S_str(b, "article_date", h->article_date);
    S_str(b, "title", h->title);
    S_str(b, "in_context", h->in_context);
    hsix_buf_printf(b, ",\"score\":%.6g}", h->score);
}

/* Hands the rendering in ix->out to the caller. */
static int S_out(hearsay_index *ix, const char **out, size_t *out_len) {
    const char *s = hsix_buf_cstr(&ix->out);
    if (!s) return hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    *out = s;
    if (out_len) *out_len = ix->out.n;
    return hsix_ok(ix);
}

int hearsay_index_hit_json(hearsay_index *ix, const hearsay_index_hit *h,
                           const char **out, size_t *out_len) {
    hsix_buf_clear(&ix->out);
    hsix_json_hit(&ix->out, h);
    return S_out(ix, out, out_len);
}

int hearsay_index_speaker_json(hearsay_index *ix,
                               const hearsay_index_speaker *s,
                               const char **out, size_t *out_len) {
    hsix_buf *b = &ix->out;
    hsix_buf_clear(b);
    hsix_buf_puts(b, "{\"name\":");
    hsix_buf_json_str(b, s->name);
    S_str(b, "role", s->role);
    hsix_buf_printf(b, ",\"is_group\":%s,\"quotes\":%lld,\"articles\":%lld}",
                    s->is_group ? "true" : "false", s->quotes, s->articles);
    return S_out(ix, out, out_len);
}

int hearsay_index_repeat_json(hearsay_index *ix,
                              const hearsay_index_repeat *r,
                              const char **out, size_t *out_len) {
    hsix_buf *b = &ix->out;
    hsix_buf_clear(b);
    hsix_buf_printf(b, "{\"articles\":%zu,\"quotes\":%zu,\"first\":",
                    r->n_articles, r->n_members);
    if (r->n_members) hsix_json_hit(b, &r->members[0]);
    else hsix_buf_puts(b, "null");
    hsix_buf_puts(b, ",\"members\":[");
    for (size_t i = 0; i < r->n_members; i++) {
        if (i) hsix_buf_puts(b, ",");
        hsix_json_hit(b, &r->members[i]);
    }
    hsix_buf_puts(b, "]}");
    return S_out(ix, out, out_len);
}

int hearsay_index_stats_json(hearsay_index *ix, const hearsay_index_stats *s,
                             const char **out, size_t *out_len) {
    hsix_buf_clear(&ix->out);
    hsix_buf_printf(&ix->out,
                    "{\"articles\":%lld,\"attributions\":%lld,"
                    "\"speakers\":%lld,\"mentions\":%lld}",
                    s->articles, s->attributions, s->speakers, s->mentions);
    return S_out(ix, out, out_len);
}
