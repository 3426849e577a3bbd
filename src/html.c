/*
 * html.c -- the HTML view: one self-contained page per article (no scripts,
 * no external fonts or styles), the article text with every attribution
 * highlighted in its speaker's colour, details on hover and keyboard focus,
 * page debris greyed and labelled, and a legend of speakers.
 *
 * Highlights overlap in real articles (a speaker mention inside another
 * attribution's content, a quotation whose closing mark lies in debris), so
 * every highlight is an interval [b, e) of bytes and the text is walked
 * boundary by boundary with a stack of open elements: an element that must
 * close while others opened after it are still open closes them first and
 * reopens them after it, so the output is always properly nested.
 *
 * Everything that comes from the article (text, names, roles, kinds) goes
 * through hs_buf_html().
 */
#include "hearsay_int.h"

/* ------------------------------------------------------------ speakers */

/* One legend entry: an entity that speaks, or the bucket of attributions
 * with no resolved speaker (ent == -1). */
typedef struct {
    int ent;
    size_t n_attrs;
    size_t words;
    size_t first; /* index of its first attribution */
    uint32_t rgb;
} hs_html_spk;

typedef struct {
    hearsay_doc *d;
    hs_buf *b;
    HS_VEC(hs_html_spk) spk;
    int *slot_of_ent; /* entity index -> legend slot */
    int *canon;       /* entity index -> first entity of the same name */
    int slot_none;    /* legend slot of unresolved attributions, or -1 */
    size_t words;     /* quoted words in all */
} hs_html;

/* Twelve colours far apart, then colours from a hash of the name. */
static const uint32_t S_palette[12] = {
    0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b,
    0xe377c2, 0x17becf, 0xbcbd22, 0x393b79, 0x637939, 0x843c39};

static uint32_t S_fnv(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* HSL (hue in degrees, saturation 65%, lightness 40%) to 0xRRGGBB. */
static uint32_t S_hue_rgb(unsigned hue) {
    int c = 52 * 255 / 100; /* chroma = (1 - |2L - 1|) * S */
    int x = c * (60 - abs((int)(hue % 120) - 60)) / 60;
    int m = 40 * 255 / 100 - c / 2;
    int r = 0, g = 0, bl = 0;
    switch (hue / 60 % 6) {
    case 0: r = c; g = x; break;
    case 1: r = x; g = c; break;
    case 2: g = c; bl = x; break;
    case 3: g = x; bl = c; break;
    case 4: r = x; bl = c; break;
    default: r = c; bl = x;
    }
    return (uint32_t)((r + m) << 16 | (g + m) << 8 | (bl + m));
}

/* The colour of legend slot i for a speaker called name. */
static uint32_t S_colour(size_t i, const char *name) {
    if (i < 12) return S_palette[i];
    return S_hue_rgb(S_fnv(name) % 360);
}

/* c mixed with white: pct percent of white. */
static uint32_t S_tint(uint32_t c, int pct) {
    uint32_t out = 0;
    for (int sh = 16; sh >= 0; sh -= 8) {
        int v = (int)(c >> sh & 255);
        out |= (uint32_t)(v + (255 - v) * pct / 100) << sh;
    }
    return out;
}

static int S_is_word_cp(uint32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    return !(cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xFFFD);
}

/* Words (runs of letters and digits) in text[b, e). */
static size_t S_count_words(const char *text, size_t b, size_t e) {
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    int in = 0;
    while (b < e) {
        uint32_t cp;
        b += hs_utf8_next(s, b, e, &cp);
        int w = S_is_word_cp(cp);
        n += w && !in;
        in = w;
    }
    return n;
}

static size_t S_attr_words(const hearsay_doc *d, const hearsay_attribution *a) {
    size_t n = 0;
    for (size_t p = 0; p < a->n_parts; p++) {
        size_t e = a->parts[p].byte_end < d->len ? a->parts[p].byte_end : d->len;
        if (a->parts[p].byte_start < e) n += S_count_words(d->text, a->parts[p].byte_start, e);
    }
    return n;
}

static const char *S_ent_name(const hearsay_doc *d, int ent) {
    return ent >= 0 && (size_t)ent < d->pub_ents.n ? d->pub_ents.v[ent].name : NULL;
}

/* The legend slot of entity ent (-1: unresolved), created on first use. */
static int S_slot(hs_html *h, int ent, size_t attr) {
    int *at = ent >= 0 ? &h->slot_of_ent[ent] : &h->slot_none;
    if (*at >= 0) return *at;
    hs_html_spk s = {ent, 0, 0, attr, 0};
    if (hs_vec_push(&h->spk, s)) return -1;
    return *at = (int)(h->spk.n - 1);
}

static int S_cmp_spk(const void *x, const void *y) {
    const hs_html_spk *a = x, *b = y;
    if ((a->ent < 0) != (b->ent < 0)) return a->ent < 0 ? 1 : -1; /* unresolved last */
    if (a->n_attrs != b->n_attrs) return a->n_attrs > b->n_attrs ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* Fills the legend: speakers by number of attributions, with colours. */
static int S_speakers(hs_html *h) {
    hearsay_doc *d = h->d;
    for (size_t i = 0; i < d->pub.n; i++) {
        const hearsay_attribution *a = &d->pub.v[i];
        int ent = a->entity >= 0 && (size_t)a->entity < d->pub_ents.n ? h->canon[a->entity] : -1;
        int k = S_slot(h, ent, i);
        if (k < 0) return HEARSAY_ENOMEM;
        size_t w = S_attr_words(d, a);
        h->spk.v[k].n_attrs++;
        h->spk.v[k].words += w;
        h->words += w;
    }
    if (h->spk.n) qsort(h->spk.v, h->spk.n, sizeof *h->spk.v, S_cmp_spk);
    h->slot_none = -1;
    for (size_t k = 0; k < h->spk.n; k++) {
        hs_html_spk *s = &h->spk.v[k];
        const char *name = S_ent_name(d, s->ent);
        s->rgb = name ? S_colour(k, name) : 0x888888;
        *(s->ent >= 0 ? &h->slot_of_ent[s->ent] : &h->slot_none) = (int)k;
    }
    for (size_t e = 0; e < d->pub_ents.n; e++) h->slot_of_ent[e] = h->slot_of_ent[h->canon[e]];
    return 0;
}

typedef struct {
    const char *name;
    int ent;
} hs_html_name;

static int S_cmp_name(const void *x, const void *y) {
    const hs_html_name *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    return c ? c : a->ent - b->ent;
}

/* Entities that share a name (two "officials", a person found twice) get
 * one legend entry and one colour: canon[e] is the first of e's name. */
static int S_canon(hs_html *h) {
    size_t n = h->d->pub_ents.n;
    hs_html_name *v = malloc((n + 1) * sizeof *v);
    if (!v) return HEARSAY_ENOMEM;
    for (size_t e = 0; e < n; e++) {
        const char *name = h->d->pub_ents.v[e].name;
        v[e] = (hs_html_name){name ? name : "", (int)e};
    }
    if (n) qsort(v, n, sizeof *v, S_cmp_name);
    for (size_t i = 0; i < n; i++)
        h->canon[v[i].ent] = i && !strcmp(v[i - 1].name, v[i].name) ? h->canon[v[i - 1].ent] : v[i].ent;
    free(v);
    return 0;
}

/* The legend slot of attribution a. */
static int S_attr_slot(const hs_html *h, const hearsay_attribution *a) {
    if (a->entity >= 0 && (size_t)a->entity < h->d->pub_ents.n) return h->slot_of_ent[a->entity];
    return h->slot_none;
}

/* ------------------------------------------------------------- helpers */

/* Appends text[span] escaped, with line breaks and tabs as spaces. */
static void S_put_span(hs_buf *b, const hearsay_doc *d, const hearsay_span *s) {
    size_t e = s->byte_end < d->len ? s->byte_end : d->len;
    size_t i = s->byte_start < e ? s->byte_start : e;
    while (i < e) {
        size_t j = i;
        while (j < e && d->text[j] != '\n' && d->text[j] != '\r' && d->text[j] != '\t') j++;
        hs_buf_html(b, d->text + i, j - i);
        if (j < e) hs_buf_putc(b, ' ');
        i = j + (j < e);
    }
}

static void S_put_html(hs_buf *b, const char *s) {
    if (s) hs_buf_html(b, s, strlen(s));
}

/* "Name, role" of entity ent, else the mention, else "(no speaker)". */
static void S_put_speaker(hs_buf *b, const hearsay_doc *d, const hearsay_attribution *a) {
    const char *name = S_ent_name(d, a->entity);
    if (name) {
        S_put_html(b, name);
        const char *role = d->pub_ents.v[a->entity].role;
        if (role) {
            hs_buf_puts(b, ", ");
            S_put_html(b, role);
        }
    } else if (a->has_speaker) {
        S_put_span(b, d, &a->speaker);
    } else {
        hs_buf_puts(b, "(no speaker)");
    }
}

/* The details of attribution a, one item per line (escaped: fit for an
 * attribute value). */
static void S_put_details(hs_buf *b, const hearsay_doc *d, const hearsay_attribution *a) {
    S_put_speaker(b, d, a);
    hs_buf_printf(b, "\n%s", hearsay_kind_name(a->kind));
    if (a->context != HEARSAY_CONTEXT_BODY) hs_buf_printf(b, ", in %s", hearsay_context_name(a->context));
    if (a->has_speaker) {
        hs_buf_puts(b, "\nspeaker: \xE2\x80\x9C");
        S_put_span(b, d, &a->speaker);
        hs_buf_puts(b, "\xE2\x80\x9D");
    }
    if (a->has_cue) {
        hs_buf_puts(b, "\ncue: ");
        S_put_span(b, d, &a->cue);
    }
    if (a->has_addressee) {
        hs_buf_puts(b, "\nto: ");
        const char *to = S_ent_name(d, a->addressee_entity);
        if (to) S_put_html(b, to);
        else S_put_span(b, d, &a->addressee);
    }
    if (a->date) {
        hs_buf_puts(b, "\ndate: ");
        S_put_html(b, a->date);
    }
}

/* ----------------------------------------------------------- intervals */

enum { HS_H_DEBRIS, HS_H_CONTENT, HS_H_SPEAKER, HS_H_ADDR, HS_H_CUE };

typedef struct {
    size_t b, e;
    int type;   /* HS_H_*: also the nesting rank at equal extent */
    size_t id;  /* attribution or debris index */
} hs_ival;

typedef HS_VEC(hs_ival) hs_ivals;

static int S_add(hs_ivals *v, const hearsay_doc *d, int type, size_t id, const hearsay_span *s) {
    size_t e = s->byte_end < d->len ? s->byte_end : d->len;
    if (s->byte_start >= e) return 0;
    hs_ival iv = {s->byte_start, e, type, id};
    return hs_vec_push(v, iv);
}

static int S_cmp_ival(const void *x, const void *y) {
    const hs_ival *a = x, *b = y;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    if (a->e != b->e) return a->e > b->e ? -1 : 1; /* longer first: outer */
    if (a->type != b->type) return a->type < b->type ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Every highlight of the doc, sorted by start (outer first); a speaker
 * mention or cue shared by several attributions is kept once. */
static int S_intervals(const hearsay_doc *d, hs_ivals *v) {
    int rc = 0;
    for (size_t i = 0; i < d->pub_debris.n && !rc; i++)
        rc = S_add(v, d, HS_H_DEBRIS, i, &d->pub_debris.v[i].span);
    for (size_t i = 0; i < d->pub.n && !rc; i++) {
        const hearsay_attribution *a = &d->pub.v[i];
        for (size_t p = 0; p < a->n_parts && !rc; p++) rc = S_add(v, d, HS_H_CONTENT, i, &a->parts[p]);
        if (!rc && a->has_speaker) rc = S_add(v, d, HS_H_SPEAKER, i, &a->speaker);
        if (!rc && a->has_cue) rc = S_add(v, d, HS_H_CUE, i, &a->cue);
        if (!rc && a->has_addressee) rc = S_add(v, d, HS_H_ADDR, i, &a->addressee);
    }
    if (rc) return HEARSAY_ENOMEM;
    if (v->n) qsort(v->v, v->n, sizeof *v->v, S_cmp_ival);
    size_t w = 0;
    for (size_t i = 0; i < v->n; i++) {
        const hs_ival *p = w ? &v->v[w - 1] : NULL;
        int dup = p && p->type != HS_H_CONTENT && p->type == v->v[i].type && p->b == v->v[i].b &&
                  p->e == v->v[i].e;
        if (!dup) v->v[w++] = v->v[i];
    }
    v->n = w;
    return 0;
}

/* ------------------------------------------------------------ elements */

static int S_same_str(const char *a, const char *b) {
    return a == b || (a && b && !strcmp(a, b));
}

/* 1 when debris i goes on from debris i - 1: same kind and author, only
 * white space between (the lines of one embedded post). */
static int S_debris_goes_on(const hearsay_doc *d, size_t i) {
    if (!i) return 0;
    const hearsay_debris *p = &d->pub_debris.v[i - 1], *x = &d->pub_debris.v[i];
    if (!S_same_str(p->kind, x->kind) || !S_same_str(p->author, x->author)) return 0;
    for (size_t k = p->span.byte_end; k < x->span.byte_start && k < d->len; k++) {
        char c = d->text[k];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return 0;
    }
    return 1;
}

static void S_open_debris(hs_html *h, const hs_ival *iv, int first) {
    const hearsay_debris *x = &h->d->pub_debris.v[iv->id];
    hs_buf *b = h->b;
    hs_buf_puts(b, "<span class=\"debris\" data-kind=\"");
    S_put_html(b, x->kind);
    hs_buf_putc(b, '"');
    if (first && !S_debris_goes_on(h->d, iv->id)) {
        hs_buf_puts(b, " data-label=\"set aside: ");
        S_put_html(b, x->kind);
        if (x->author) hs_buf_puts(b, " by "), S_put_html(b, x->author);
        if (x->handle) hs_buf_puts(b, " "), S_put_html(b, x->handle);
        if (x->date) hs_buf_puts(b, ", "), S_put_html(b, x->date);
        hs_buf_putc(b, '"');
    }
    hs_buf_putc(b, '>');
}

static const char *S_class(int type) {
    switch (type) {
    case HS_H_CONTENT: return "q";
    case HS_H_SPEAKER: return "spk";
    case HS_H_ADDR: return "addr";
    default: return "cue";
    }
}

/* 1 when iv is the start of its attribution's content and the attribution
 * before it (in content order) starts elsewhere: its element gets
 * id="atN" (N: the content's start in code points), so a link can point at
 * a quotation. */
static int S_is_anchor(const hearsay_doc *d, const hs_ival *iv) {
    const hearsay_attribution *a = &d->pub.v[iv->id];
    if (iv->type != HS_H_CONTENT || iv->b != a->content.byte_start) return 0;
    return !iv->id || d->pub.v[iv->id - 1].content.byte_start != a->content.byte_start;
}

/* Content and speaker mentions carry the details and take focus (on the
 * first fragment of a split element only, so Tab visits each once). */
static void S_open_attr(hs_html *h, const hs_ival *iv, int first) {
    const hearsay_attribution *a = &h->d->pub.v[iv->id];
    hs_buf *b = h->b;
    int slot = S_attr_slot(h, a);
    hs_buf_printf(b, "<span class=\"%s s%d k-%s\" data-a=\"%zu\"", S_class(iv->type), slot,
                  hearsay_kind_name(a->kind), iv->id + 1);
    if (iv->type == HS_H_CONTENT || iv->type == HS_H_SPEAKER) {
        hs_buf_printf(b, " aria-describedby=\"a%zu\" data-tip=\"", iv->id + 1);
        if (iv->type == HS_H_SPEAKER) hs_buf_puts(b, "speaker of ");
        hs_buf_printf(b, "[%zu] ", iv->id + 1);
        S_put_details(b, h->d, a);
        hs_buf_putc(b, '"');
        if (first) hs_buf_puts(b, " tabindex=\"0\"");
    }
    if (first && S_is_anchor(h->d, iv)) hs_buf_printf(b, " id=\"at%zu\"", a->content.start);
    hs_buf_putc(b, '>');
}

static void S_open(hs_html *h, const hs_ival *iv, int first) {
    if (iv->type == HS_H_DEBRIS) S_open_debris(h, iv, first);
    else S_open_attr(h, iv, first);
}

/* ---------------------------------------------------------------- walk */

typedef HS_VEC(const hs_ival *) hs_stack;

/* Closes every open element that ends at or before pos: the lowest such
 * element and all above it close, and those above it that go on reopen. */
static int S_close_to(hs_html *h, hs_stack *st, size_t pos) {
    size_t k = 0;
    while (k < st->n && st->v[k]->e > pos) k++;
    if (k == st->n) return 0;
    size_t top = st->n;
    for (size_t i = top; i > k; i--) hs_buf_puts(h->b, "</span>");
    st->n = k;
    for (size_t i = k; i < top; i++) {
        const hs_ival *iv = st->v[i];
        if (iv->e <= pos) continue;
        S_open(h, iv, 0);
        st->v[st->n++] = iv; /* reuses slots already reserved */
    }
    return 0;
}

/* The next position where an element opens or closes, after pos. */
static size_t S_next_pos(const hs_ivals *v, size_t i, const hs_stack *st, size_t len) {
    size_t next = i < v->n ? v->v[i].b : len;
    for (size_t k = 0; k < st->n; k++)
        if (st->v[k]->e < next) next = st->v[k]->e;
    return next;
}

static int S_walk(hs_html *h, const hs_ivals *v) {
    hs_stack st = {0};
    if (hs_vec_reserve(&st, v->n + 1)) return HEARSAY_ENOMEM;
    size_t pos = 0, i = 0, len = h->d->len;
    while (pos < len || st.n) {
        S_close_to(h, &st, pos);
        for (; i < v->n && v->v[i].b <= pos; i++) {
            S_open(h, &v->v[i], 1);
            st.v[st.n++] = &v->v[i];
        }
        size_t next = S_next_pos(v, i, &st, len);
        if (next > len) next = len;
        hs_buf_html(h->b, h->d->text + pos, next - pos);
        pos = next;
    }
    hs_vec_free(&st);
    return 0;
}

/* ---------------------------------------------------------------- page */

static const char S_css[] =
    "body{margin:0;background:#fafaf7;color:#222;font:16px/1.6 Georgia,'Times New Roman',serif}\n"
    "main{display:flex;flex-wrap:wrap;gap:2em;padding:1.5em 2em;align-items:flex-start}\n"
    "header{padding:1em 2em 0}h1{font-size:1.4em;margin:0 0 .2em}\n"
    ".meta,.legend,.attrs,.note{font-family:system-ui,sans-serif;font-size:14px}\n"
    ".meta{color:#555;margin:0}\n"
    ".text{white-space:pre-wrap;max-width:44em;flex:1 1 32em;background:#fff;padding:1em 1.5em;"
    "border:1px solid #ddd;border-radius:6px}\n"
    "aside{flex:0 1 22em}aside h2{font:600 15px system-ui,sans-serif;margin:.2em 0 .5em}\n"
    ".legend ol{list-style:none;padding:0;margin:0}.legend li{margin:.3em 0;display:flex;gap:.5em}\n"
    ".sw{display:inline-block;width:1em;height:1em;border-radius:3px;background:var(--c);"
    "flex:none;margin-top:.2em}\n"
    ".legend .n{color:#555;white-space:nowrap}\n"
    ".bar{display:block;height:4px;background:var(--c);border-radius:2px;margin-top:2px}\n"
    ".q{background:var(--t);border-bottom:2px solid var(--c)}\n"
    ".q.k-indirect{background:var(--t2);border-bottom-style:dashed}\n"
    ".q .q{background:var(--t);box-shadow:inset 0 -4px 0 var(--t2)}\n"
    ".cue{font-weight:bold;text-decoration:underline 2px var(--c);text-underline-offset:3px}\n"
    ".spk{outline:2px solid var(--c);outline-offset:1px;border-radius:3px}\n"
    ".addr{text-decoration:underline dotted 2px var(--c)}\n"
    ".debris{color:#999;background:#f1f1f1}\n"
    ".debris:not([data-kind=embedded-post]) :is(.q,.spk,.cue,.addr){filter:grayscale(1)}\n"
    ".debris[data-kind=embedded-post]{color:#555;background:#eef0f3;box-shadow:-6px 0 0 #eef0f3,6px 0 0 #eef0f3}\n"
    ".debris[data-label]::before{content:attr(data-label);display:inline-block;font:11px/1.4 "
    "system-ui,sans-serif;color:#fff;background:#999;border-radius:3px;padding:0 .4em;margin-right:.4em;"
    "text-transform:uppercase;letter-spacing:.04em}\n"
    "[data-tip]{position:relative;cursor:help}\n"
    ".q:target{outline:3px solid #111;outline-offset:2px;scroll-margin-top:4em}\n"
    "[data-tip]:focus{outline:2px solid #000;outline-offset:2px}\n"
    "[data-tip]:hover::after,[data-tip]:focus::after{content:attr(data-tip);position:absolute;left:0;"
    "top:100%;z-index:10;white-space:pre-line;width:max-content;max-width:26em;background:#222;"
    "color:#fff;font:13px/1.45 system-ui,sans-serif;font-weight:normal;padding:.4em .7em;"
    "border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.3)}\n"
    "[data-tip]:has([data-tip]:hover)::after{display:none}\n"
    ".attrs{max-width:60em;padding:0 2em 2em}.attrs li{margin:.4em 0}\n"
    ".attrs .who{font-weight:600;border-left:4px solid var(--c);padding-left:.4em}\n"
    ".attrs .k{color:#555}\n";

static void S_style_slots(hs_html *h) {
    hs_buf *b = h->b;
    for (size_t k = 0; k < h->spk.n; k++) {
        uint32_t c = h->spk.v[k].rgb;
        hs_buf_printf(b, ".s%zu{--c:#%06x;--t:#%06x;--t2:#%06x}\n", k, (unsigned)c,
                      (unsigned)S_tint(c, 78), (unsigned)S_tint(c, 90));
    }
}

static const char *S_title(const hearsay_docinfo *info) {
    if (info && info->title) return info->title;
    if (info && info->doc) return info->doc;
    return "hearsay";
}

static void S_head(hs_html *h, const hearsay_docinfo *info) {
    hs_buf *b = h->b;
    hs_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"hearsay " HEARSAY_VERSION_STRING "\">\n<title>");
    S_put_html(b, S_title(info));
    hs_buf_puts(b, " \xE2\x80\x94 who said what</title>\n<style>\n");
    hs_buf_puts(b, S_css);
    S_style_slots(h);
    hs_buf_puts(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
    S_put_html(b, S_title(info));
    hs_buf_puts(b, "</h1>\n<p class=\"meta\">");
    const char *date = info && info->date ? info->date : hearsay_doc_date(h->d);
    if (info && info->outlet) S_put_html(b, info->outlet), hs_buf_puts(b, " \xC2\xB7 ");
    if (date) S_put_html(b, date), hs_buf_puts(b, " \xC2\xB7 ");
    hs_buf_printf(b, "%zu attribution%s, %zu speaker%s", h->d->pub.n, h->d->pub.n == 1 ? "" : "s",
                  h->spk.n, h->spk.n == 1 ? "" : "s");
    if (h->d->pub_debris.n) hs_buf_printf(b, ", %zu paragraph%s of page debris set aside",
                                          h->d->pub_debris.n, h->d->pub_debris.n == 1 ? "" : "s");
    hs_buf_puts(b, "</p>\n</header>\n");
}

static void S_legend(hs_html *h) {
    hs_buf *b = h->b;
    hs_buf_puts(b, "<aside class=\"legend\" aria-label=\"Speakers\">\n<h2>Speakers</h2>\n<ol>\n");
    for (size_t k = 0; k < h->spk.n; k++) {
        const hs_html_spk *s = &h->spk.v[k];
        const char *name = S_ent_name(h->d, s->ent);
        const char *role = s->ent >= 0 ? h->d->pub_ents.v[s->ent].role : NULL;
        unsigned pm = h->words ? (unsigned)((s->words * 1000 + h->words / 2) / h->words) : 0;
        hs_buf_printf(b, "<li class=\"s%zu\"><span class=\"sw\"></span><span><b>", k);
        S_put_html(b, name ? name : "(unresolved speaker)");
        hs_buf_puts(b, "</b>");
        if (role) hs_buf_puts(b, ", "), S_put_html(b, role);
        hs_buf_printf(b, "<br><span class=\"n\">%zu attribution%s \xC2\xB7 %u.%u%% of quoted words"
                      "</span><span class=\"bar\" style=\"width:%u%%\"></span>"
                      "</span></li>\n",
                      s->n_attrs, s->n_attrs == 1 ? "" : "s", pm / 10, pm % 10, (pm + 5) / 10);
    }
    hs_buf_puts(b, "</ol>\n<p class=\"note\">Content is tinted in its speaker's colour (dashed: "
                   "reported speech), the cue is bold and underlined, the speaker's mention is "
                   "outlined. Hover or Tab to a highlight for its details. Grey: page debris, set "
                   "aside.</p>\n</aside>\n");
}

/* The list of attributions under the text: the target of aria-describedby
 * and a readable summary of the page. */
static void S_attr_list(hs_html *h) {
    hs_buf *b = h->b;
    const hearsay_doc *d = h->d;
    hs_buf_puts(b, "<section class=\"attrs\">\n<h2>Attributions</h2>\n<ol>\n");
    for (size_t i = 0; i < d->pub.n; i++) {
        const hearsay_attribution *a = &d->pub.v[i];
        hs_buf_printf(b, "<li id=\"a%zu\" class=\"s%d\"><span class=\"who\">", i + 1, S_attr_slot(h, a));
        S_put_speaker(b, d, a);
        hs_buf_printf(b, "</span> <span class=\"k\">(%s%s%s", hearsay_kind_name(a->kind),
                      a->context != HEARSAY_CONTEXT_BODY ? ", " : "",
                      a->context != HEARSAY_CONTEXT_BODY ? hearsay_context_name(a->context) : "");
        if (a->has_cue) hs_buf_puts(b, "; cue: "), S_put_span(b, d, &a->cue);
        if (a->date) hs_buf_puts(b, "; "), S_put_html(b, a->date);
        hs_buf_puts(b, ")</span> ");
        for (size_t p = 0; p < a->n_parts; p++) {
            if (p) hs_buf_puts(b, " \xE2\x80\xA6 ");
            S_put_span(b, d, &a->parts[p]);
        }
        hs_buf_puts(b, "</li>\n");
    }
    hs_buf_puts(b, "</ol>\n</section>\n");
}

static int S_page(hs_html *h, const hearsay_docinfo *info) {
    hs_ivals v = {0};
    int rc = S_speakers(h);
    if (!rc) rc = S_intervals(h->d, &v);
    if (!rc) {
        S_head(h, info);
        hs_buf_puts(h->b, "<main>\n<div class=\"text\" lang=\"en\">");
        rc = S_walk(h, &v);
        hs_buf_puts(h->b, "</div>\n");
        S_legend(h);
        hs_buf_puts(h->b, "</main>\n");
        S_attr_list(h);
        hs_buf_puts(h->b, "</body>\n</html>\n");
    }
    hs_vec_free(&v);
    return rc;
}

int hs_render_html(hearsay_doc *d, const hearsay_docinfo *info) {
    hs_html h = {d, &d->out, {0}, NULL, NULL, -1, 0};
    h.slot_of_ent = malloc((2 * d->pub_ents.n + 1) * sizeof *h.slot_of_ent);
    if (!h.slot_of_ent) return HEARSAY_ENOMEM;
    h.canon = h.slot_of_ent + d->pub_ents.n;
    for (size_t i = 0; i < d->pub_ents.n; i++) h.slot_of_ent[i] = -1;
    int rc = S_canon(&h);
    if (!rc) rc = S_page(&h, info);
    free(h.slot_of_ent);
    hs_vec_free(&h.spk);
    if (rc) return rc;
    return d->out.oom ? HEARSAY_ENOMEM : 0;
}
