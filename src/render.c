/*
 * render.c -- output formats: JSON Lines, brat standoff and readable text.
 * Each renders the whole doc into doc->out.
 */
#include "hearsay_int.h"

/* Appends an unsigned number (the JSON renderer's hot path: no printf).
 * Offsets fit 32 bits: counted, then written in place from the last digit
 * back, two digits a 32-bit division; a copy from a scratch array and
 * 64-bit divisions cost twice the instructions (150,000 numbers on the 3
 * MB bench slice). */
static void S_num(hs_buf *b, size_t v) {
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324"
                                   "25262728293031323334353637383940414243444546474849"
                                   "50515253545556575859606162636465666768697071727374"
                                   "75767778798081828384858687888990919293949596979899";
    if (v > UINT32_MAX) {
        hs_buf_printf(b, "%zu", v);
        return;
    }
    uint32_t x = (uint32_t)v;
    size_t len = x < 100000 ? (x < 100 ? 1 + (x >= 10) : 3 + (x >= 1000) + (x >= 10000))
                            : 6 + (x >= 1000000) + (x >= 10000000) + (x >= 100000000) + (x >= 1000000000);
    if ((b->oom || b->n + len + 1 > b->cap) && hs_buf_grow(b, len)) return;
    char *q = b->p + b->n + len;
    b->n += len;
    *q = 0;
    while (x >= 100) {
        uint32_t r = (x % 100) * 2;
        x /= 100;
        *--q = pairs[r + 1];
        *--q = pairs[r];
    }
    if (x >= 10) {
        *--q = pairs[x * 2 + 1];
        *--q = pairs[x * 2];
    } else {
        *--q = (char)('0' + x);
    }
}

/* Appends key (a literal with its punctuation) then a number. */
static void S_kv(hs_buf *b, const char *key, size_t v) {
    hs_buf_puts(b, key);
    S_num(b, v);
}

/* Appends "[start,end]" pairs. */
static void S_pairs(hs_buf *b, const hearsay_span *parts, size_t n, int bytes) {
    hs_buf_putc(b, '[');
    for (size_t p = 0; p < n; p++) {
        hs_buf_puts(b, p ? ",[" : "[");
        S_num(b, bytes ? parts[p].byte_start : parts[p].start);
        hs_buf_putc(b, ',');
        S_num(b, bytes ? parts[p].byte_end : parts[p].end);
        hs_buf_putc(b, ']');
    }
    hs_buf_putc(b, ']');
}

/* Appends ,"key": (no printf: once per field of every record). */
static void S_key(hs_buf *b, const char *key) {
    hs_buf_put(b, ",\"", 2);
    hs_buf_puts(b, key);
    hs_buf_put(b, "\":", 2);
}

static void S_json_key_str(hs_buf *b, const char *key, const char *s) {
    S_key(b, key);
    if (!s) {
        hs_buf_puts(b, "null");
        return;
    }
    hs_buf_putc(b, '"');
    hs_buf_json_str(b, s, strlen(s));
    hs_buf_putc(b, '"');
}

/* The text of a span, with line breaks as spaces when flat is set. */
static void S_span_text(hs_buf *b, const hearsay_doc *d, const hearsay_span *s, int json) {
    size_t be = s->byte_end <= d->len ? s->byte_end : d->len;
    size_t bb = s->byte_start <= be ? s->byte_start : be;
    if (json) hs_buf_json_str(b, d->text + bb, be - bb);
    else hs_buf_text(b, d->text + bb, be - bb);
}

static void S_json_span(hs_buf *b, const hearsay_doc *d, const char *key, int has,
                        const hearsay_span *s, int entity) {
    S_key(b, key);
    if (!has) {
        hs_buf_puts(b, "null");
        return;
    }
    hs_buf_puts(b, "{\"text\":\"");
    S_span_text(b, d, s, 1);
    S_kv(b, "\",\"start\":", s->start);
    S_kv(b, ",\"end\":", s->end);
    S_kv(b, ",\"byte_start\":", s->byte_start);
    S_kv(b, ",\"byte_end\":", s->byte_end);
    if (entity != -2) {
        /* the entity's name and role, escaped once (hs_render_jsonl) */
        if (entity >= 0 && (size_t)entity < d->pub_ents.n) {
            const uint32_t *at = &d->rent.v[entity];
            hs_buf_put(b, d->scratch.p + at[0], at[1] - at[0]);
            S_kv(b, ",\"entity\":", (size_t)entity);
        } else {
            hs_buf_puts(b, ",\"name\":null,\"role\":null,\"entity\":null");
        }
    }
    hs_buf_putc(b, '}');
}

static const char *S_docname(const hearsay_docinfo *info) {
    return info && info->doc ? info->doc : "-";
}

int hs_render_jsonl(hearsay_doc *d, const hearsay_docinfo *info) {
    hs_buf *b = &d->out;
    /* What every record of the document repeats, escaped once into
     * d->scratch: the head up to the kind's value, then the tail from the
     * url to the end of the line (an article has some 40 records, and a
     * url or a name escaped anew for each cost 2% of the run). */
    hs_buf *h = &d->scratch;
    hs_buf_clear(h);
    hs_buf_puts(h, "{\"doc\":\"");
    const char *dn = S_docname(info);
    hs_buf_json_str(h, dn, strlen(dn));
    hs_buf_puts(h, "\",\"kind\":\"");
    size_t head = h->n;
    if (info && info->url) S_json_key_str(h, "url", info->url);
    if (info && info->outlet) S_json_key_str(h, "outlet", info->outlet);
    if (info && info->date) S_json_key_str(h, "article_date", info->date);
    hs_buf_puts(h, "}\n");
    size_t tail = h->n;
    /* then each entity's name and role fields, between rent.v[e] and
     * rent.v[e + 1], for the speakers and addressees that name it */
    d->rent.n = 0;
    if (hs_vec_reserve(&d->rent, d->pub_ents.n + 1)) return HEARSAY_ENOMEM;
    for (size_t e = 0; e < d->pub_ents.n; e++) {
        d->rent.v[e] = (uint32_t)h->n;
        S_json_key_str(h, "name", d->pub_ents.v[e].name);
        S_json_key_str(h, "role", d->pub_ents.v[e].role);
    }
    d->rent.v[d->pub_ents.n] = (uint32_t)h->n;
    if (h->oom || h->n > UINT32_MAX) return HEARSAY_ENOMEM;
    for (size_t i = 0; i < d->pub.n; i++) {
        const hearsay_attribution *a = &d->pub.v[i];
        hs_buf_put(b, h->p, head);
        hs_buf_puts(b, hearsay_kind_name(a->kind));
        hs_buf_puts(b, "\",\"context\":\"");
        hs_buf_puts(b, hearsay_context_name(a->context));
        hs_buf_puts(b, "\",\"text\":\"");
        for (size_t p = 0; p < a->n_parts; p++) {
            if (p) hs_buf_puts(b, " \xE2\x80\xA6 ");
            S_span_text(b, d, &a->parts[p], 1);
        }
        S_kv(b, "\",\"start\":", a->content.start);
        S_kv(b, ",\"end\":", a->content.end);
        hs_buf_puts(b, ",\"spans\":");
        S_pairs(b, a->parts, a->n_parts, 0);
        hs_buf_puts(b, ",\"byte_spans\":");
        S_pairs(b, a->parts, a->n_parts, 1);
        S_json_span(b, d, "speaker", a->has_speaker, &a->speaker, a->entity);
        S_json_span(b, d, "cue", a->has_cue, &a->cue, -2);
        S_json_span(b, d, "addressee", a->has_addressee, &a->addressee, a->addressee_entity);
        if (!a->has_speaker && a->entity >= 0) {
            /* resolved without a mention (embedded post author) */
            const hearsay_entity *e = hearsay_doc_entity(d, (size_t)a->entity);
            S_json_key_str(b, "speaker_name", e ? e->name : NULL);
        }
        S_json_key_str(b, "date", a->date);
        hs_buf_put(b, h->p + head, tail - head);
    }
    return b->oom ? HEARSAY_ENOMEM : 0;
}

static void S_brat_t(hs_buf *b, const hearsay_doc *d, int t, const char *label,
                     const hearsay_span *parts, size_t n) {
    hs_buf_printf(b, "T%d\t%s ", t, label);
    for (size_t p = 0; p < n; p++) hs_buf_printf(b, "%s%zu %zu", p ? ";" : "", parts[p].start, parts[p].end);
    hs_buf_putc(b, '\t');
    for (size_t p = 0; p < n; p++) {
        if (p) hs_buf_putc(b, ' ');
        S_span_text(b, d, &parts[p], 0);
    }
    hs_buf_putc(b, '\n');
}

static void S_brat_note(hs_buf *b, int t, const char *name) {
    if (!name || !*name) return;
    hs_buf_printf(b, "#%d\tAnnotatorNotes T%d\t", t, t);
    hs_buf_text(b, name, strlen(name));
    hs_buf_putc(b, '\n');
}

int hs_render_brat(hearsay_doc *d, const hearsay_docinfo *info) {
    hs_buf *b = &d->out;
    int t = 0;
    for (size_t i = 0; i < d->pub.n; i++) {
        const hearsay_attribution *a = &d->pub.v[i];
        const hearsay_entity *e = a->entity >= 0 ? hearsay_doc_entity(d, (size_t)a->entity) : NULL;
        int tc = ++t;
        S_brat_t(b, d, tc, "Content", a->parts, a->n_parts);
        int tq = 0, ts = 0, tr;
        if (a->has_cue) S_brat_t(b, d, tq = ++t, "Cue", &a->cue, 1);
        if (a->has_speaker) S_brat_t(b, d, ts = ++t, "Source", &a->speaker, 1);
        tr = ++t;
        S_brat_t(b, d, tr, a->has_speaker ? "Attribution" : "Attribution-no-source",
                 a->has_cue ? &a->cue : &a->parts[0], 1);
        hs_buf_printf(b, "E%zu\tAttribution:T%d Content:T%d", i + 1, tr, tc);
        if (tq) hs_buf_printf(b, " Cue:T%d", tq);
        if (ts) hs_buf_printf(b, " Source:T%d", ts);
        hs_buf_putc(b, '\n');
        if (e) S_brat_note(b, ts ? ts : tc, e->name);
    }
    (void)info;
    return b->oom ? HEARSAY_ENOMEM : 0;
}

int hs_render_text(hearsay_doc *d, const hearsay_docinfo *info) {
    hs_buf *b = &d->out;
    hs_buf_puts(b, "== ");
    hs_buf_text(b, S_docname(info), strlen(S_docname(info)));
    hs_buf_printf(b, ": %zu attribution%s\n", d->pub.n, d->pub.n == 1 ? "" : "s");
    for (size_t i = 0; i < d->pub.n; i++) {
        const hearsay_attribution *a = &d->pub.v[i];
        const hearsay_entity *e = a->entity >= 0 ? hearsay_doc_entity(d, (size_t)a->entity) : NULL;
        hs_buf_printf(b, "\n[%zu] %s", i + 1, hearsay_kind_name(a->kind));
        if (a->context != HEARSAY_CONTEXT_BODY) hs_buf_printf(b, " (%s)", hearsay_context_name(a->context));
        hs_buf_puts(b, "  ");
        if (e) {
            hs_buf_text(b, e->name, strlen(e->name));
            if (e->role) {
                hs_buf_puts(b, ", ");
                hs_buf_text(b, e->role, strlen(e->role));
            }
        } else if (a->has_speaker) {
            S_span_text(b, d, &a->speaker, 0);
        } else {
            hs_buf_puts(b, "(no speaker)");
        }
        if (a->has_speaker) {
            hs_buf_puts(b, "  [as \"");
            S_span_text(b, d, &a->speaker, 0);
            hs_buf_puts(b, "\"]");
        }
        if (a->date) hs_buf_printf(b, "  %s", a->date);
        hs_buf_putc(b, '\n');
        if (a->has_cue) {
            hs_buf_puts(b, "    cue: ");
            S_span_text(b, d, &a->cue, 0);
            if (a->has_addressee) {
                hs_buf_puts(b, "  to: ");
                S_span_text(b, d, &a->addressee, 0);
            }
            hs_buf_putc(b, '\n');
        }
        hs_buf_puts(b, "    ");
        for (size_t p = 0; p < a->n_parts; p++) {
            if (p) hs_buf_puts(b, " \xE2\x80\xA6 ");
            S_span_text(b, d, &a->parts[p], 0);
        }
        hs_buf_putc(b, '\n');
    }
    return b->oom ? HEARSAY_ENOMEM : 0;
}

int hearsay_render(hearsay_doc *d, hearsay_format f, const char *text, size_t len,
                   const hearsay_docinfo *info, const char **out, size_t *out_len) {
    if (!d || !out || !out_len || len != d->len || (len && !text)) return HEARSAY_EINVAL;
    d->text = text ? text : "";
    hs_buf_clear(&d->out);
    hs_buf_put(&d->out, "", 0);
    int rc;
    switch (f) {
    case HEARSAY_FORMAT_JSONL: rc = hs_render_jsonl(d, info); break;
    case HEARSAY_FORMAT_BRAT: rc = hs_render_brat(d, info); break;
    case HEARSAY_FORMAT_TEXT: rc = hs_render_text(d, info); break;
    case HEARSAY_FORMAT_HTML: rc = hs_render_html(d, info); break;
    default: rc = HEARSAY_EINVAL;
    }
    d->text = NULL;
    if (rc) return rc;
    *out = d->out.p ? d->out.p : "";
    *out_len = d->out.n;
    return 0;
}
