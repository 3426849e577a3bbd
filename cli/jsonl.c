/*
 * jsonl.c -- JSON line parsing with json-c. See jsonl.h.
 */
#include "jsonl.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

json_tokener *jl_tokener_new(void)
{
    json_tokener *tok = json_tokener_new();
    if (tok)
        json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    return tok;
}

void jl_release(jl_doc *d)
{
    if (d->root)
        json_object_put(d->root);
    free(d->buf);
    memset(d, 0, sizeof *d);
}

static int S_only_space(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return 0;
    return 1;
}

/* Parses the whole line into d->root. 0 or -1 with err. */
static int S_parse_root(json_tokener *tok, const char *line, size_t len,
                        jl_doc *d, cli_buf *err)
{
    json_tokener_reset(tok);
    d->root = json_tokener_parse_ex(tok, line, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tok);
    if (!d->root && e == json_tokener_continue) {
        cli_buf_puts(err, "invalid JSON: line ends inside a value "
                          "(truncated line?)");
        return -1;
    }
    if (!d->root && e != json_tokener_success) {
        cli_buf_printf(err, "invalid JSON at byte %zu: %s",
                       json_tokener_get_parse_end(tok) + 1,
                       json_tokener_error_desc(e));
        return -1;
    }
    size_t end = json_tokener_get_parse_end(tok);
    if (!S_only_space(line + end, len - end)) {
        cli_buf_printf(err, "invalid JSON: unexpected text at byte %zu "
                            "after the object", end + 1);
        return -1;
    }
    if (!json_object_is_type(d->root, json_type_object)) {
        cli_buf_puts(err, "not a JSON object");
        return -1;
    }
    return 0;
}

/* An optional string field: absent or null gives NULL. */
static int S_opt_string(const jl_doc *d, const char *key, const char **out,
                        cli_buf *err)
{
    json_object *v;
    *out = NULL;
    if (!json_object_object_get_ex(d->root, key, &v) || !v)
        return 0;
    if (!json_object_is_type(v, json_type_string)) {
        cli_buf_printf(err, "field \"%s\" is %s, not a string", key,
                       json_type_to_name(json_object_get_type(v)));
        return -1;
    }
    *out = json_object_get_string(v);
    return 0;
}

/* The id: a string or an integer (many corpora number their articles). */
static int S_id(const jl_doc *d, const char *key, const char **out,
                cli_buf *err)
{
    json_object *v;
    *out = NULL;
    if (!json_object_object_get_ex(d->root, key, &v) || !v)
        return 0;
    if (json_object_is_type(v, json_type_int) ||
        json_object_is_type(v, json_type_string)) {
        *out = json_object_get_string(v); /* numbers print as decimals */
        return 0;
    }
    cli_buf_printf(err, "field \"%s\" is %s, not a string or integer", key,
                   json_type_to_name(json_object_get_type(v)));
    return -1;
}

static int S_text(jl_doc *d, const char *key, cli_buf *err)
{
    json_object *v;
    if (!json_object_object_get_ex(d->root, key, &v) || !v) {
        cli_buf_printf(err, "no \"%s\" field", key);
        return -1;
    }
    if (!json_object_is_type(v, json_type_string)) {
        cli_buf_printf(err, "field \"%s\" is %s, not a string", key,
                       json_type_to_name(json_object_get_type(v)));
        return -1;
    }
    d->text = json_object_get_string(v);
    d->text_len = (size_t)json_object_get_string_len(v);
    return 0;
}

/* ---------------------------------------------------------- fast path
 *
 * json-c builds an object for every field and reads the text a byte at a
 * time through its state machine: 9% of the command's instructions on
 * article lines. The usual line is one flat object whose fields are
 * strings, and this reads that shape directly. It takes a line only when
 * json-c in strict mode would take it and give the same fields: one
 * object, single spaces at most between its tokens, values that are
 * strings (escapes \" \\ \/ \b \f \n \r \t, and \u for a code
 * point other than U+0000 or a surrogate, or a surrogate pair), integers
 * without sign or leading zero (up to 18 digits), true, false or null,
 * the fields this reads each once and of a type jl_parse accepts, and
 * only whitespace after the object. Anything else -- a control character
 * or NUL, a nested value, a fraction, a repeated field, an error of any
 * kind -- goes to json-c, which also words every error message. */

enum { F_TEXT, F_ID, F_DATE, F_URL, F_TITLE, F_OUTLET, F_COUNT };
enum { V_NONE, V_STRING, V_INT, V_NULL, V_BOOL };

typedef struct {
    const char *p; /* a string's bytes between its quotation marks, or
                      an integer's digits */
    size_t n;
    size_t out; /* bytes once unescaped */
    int kind;   /* V_* */
} S_val;

static size_t S_spaces(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static int S_hex4(const char *s, unsigned *v)
{
    unsigned x = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char h = (unsigned char)s[k];
        unsigned d = h >= '0' && h <= '9' ? h - '0'
                   : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10 : 16;
        if (d > 15)
            return -1;
        x = x * 16 + d;
    }
    *v = x;
    return 0;
}

/* The string whose opening quotation mark is s[*i - 1]: its extent and
 * unescaped length into v, *i past its closing mark; -1 for what the
 * fast path leaves to json-c. */
static int S_string(const char *s, size_t *i, size_t len, S_val *v)
{
    size_t j = *i, out = 0;
    v->p = s + j;
    for (;;) {
        /* plain bytes, eight at a time while no '"', '\\' or byte under
         * 0x20 is among them (the text of an article is mostly these) */
        while (j + 8 <= len) {
            uint64_t x;
            memcpy(&x, s + j, 8);
            const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
            uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
            if ((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b)) & high)
                break;
            j += 8;
            out += 8;
        }
        if (j >= len)
            return -1;
        unsigned char c = (unsigned char)s[j];
        if (c == '"')
            break;
        if (c < 0x20)
            return -1;
        if (c != '\\') {
            j++;
            out++;
            continue;
        }
        if (j + 1 >= len)
            return -1;
        switch (s[j + 1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            j += 2;
            out++;
            continue;
        case 'u':
            break;
        default:
            return -1;
        }
        unsigned u, lo;
        if (j + 6 > len || S_hex4(s + j + 2, &u) || u == 0 || (u >= 0xDC00 && u < 0xE000))
            return -1;
        if (u >= 0xD800 && u < 0xDC00) { /* a pair, or json-c's to decide */
            if (j + 12 > len || s[j + 6] != '\\' || s[j + 7] != 'u' || S_hex4(s + j + 8, &lo) ||
                lo < 0xDC00 || lo >= 0xE000)
                return -1;
            j += 12;
            out += 4;
            continue;
        }
        j += 6;
        out += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
    }
    v->n = (size_t)(s + j - v->p);
    v->out = out;
    v->kind = V_STRING;
    *i = j + 1;
    return 0;
}

/* Copies v's string unescaped (S_string accepted it) to o; returns the
 * end of the copy. */
static char *S_unescape(const S_val *v, char *o)
{
    const char *s = v->p, *end = v->p + v->n;
    while (s < end) {
        const char *bs = memchr(s, '\\', (size_t)(end - s));
        size_t run = (size_t)((bs ? bs : end) - s);
        memcpy(o, s, run);
        o += run;
        s += run;
        if (!bs)
            break;
        char e = s[1];
        if (e != 'u') {
            *o++ = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r'
                 : e == 't' ? '\t' : e;
            s += 2;
            continue;
        }
        unsigned u = 0, lo = 0;
        S_hex4(s + 2, &u);
        s += 6;
        if (u >= 0xD800 && u < 0xDC00) {
            S_hex4(s + 2, &lo);
            s += 6;
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (u < 0x80) {
            *o++ = (char)u;
        } else if (u < 0x800) {
            *o++ = (char)(0xC0 | u >> 6);
            *o++ = (char)(0x80 | (u & 0x3F));
        } else if (u < 0x10000) {
            *o++ = (char)(0xE0 | u >> 12);
            *o++ = (char)(0x80 | (u >> 6 & 0x3F));
            *o++ = (char)(0x80 | (u & 0x3F));
        } else {
            *o++ = (char)(0xF0 | u >> 18);
            *o++ = (char)(0x80 | (u >> 12 & 0x3F));
            *o++ = (char)(0x80 | (u >> 6 & 0x3F));
            *o++ = (char)(0x80 | (u & 0x3F));
        }
    }
    return o;
}

/* A value at s[*i]: *i past it; -1 for what the fast path leaves to
 * json-c. */
static int S_value(const char *s, size_t *i, size_t len, S_val *v)
{
    size_t j = *i;
    if (j >= len)
        return -1;
    if (s[j] == '"') {
        *i = j + 1;
        return S_string(s, i, len, v);
    }
    if (s[j] >= '0' && s[j] <= '9') {
        size_t k = j;
        while (k < len && s[k] >= '0' && s[k] <= '9')
            k++;
        if ((s[j] == '0' && k - j > 1) || k - j > 18 ||
            (k < len && (s[k] == '.' || s[k] == 'e' || s[k] == 'E')))
            return -1;
        v->p = s + j;
        v->n = v->out = k - j;
        v->kind = V_INT;
        *i = k;
        return 0;
    }
    static const char *const words[] = {"null", "true", "false"};
    for (int w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (len - j >= n && !memcmp(s + j, words[w], n)) {
            v->kind = w ? V_BOOL : V_NULL;
            *i = j + n;
            return 0;
        }
    }
    return -1;
}

int jl_fast(const jl_config *c, const char *s, size_t len, jl_doc *d)
{
    const char *names[F_COUNT] = {c->text_field, c->id_field, "date", "url", "title", "outlet"};
    S_val f[F_COUNT];
    memset(f, 0, sizeof f);
    size_t i = S_spaces(s, 0, len);
    if (i >= len || s[i] != '{')
        return 1;
    i = S_spaces(s, i + 1, len);
    for (;;) {
        /* a key: plain bytes only */
        if (i >= len || s[i] != '"')
            return 1;
        size_t kb = ++i;
        while (i < len && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
            i++;
        if (i >= len || s[i] != '"')
            return 1;
        size_t kn = i - kb;
        i = S_spaces(s, i + 1, len);
        if (i >= len || s[i] != ':')
            return 1;
        i = S_spaces(s, i + 1, len);
        S_val v;
        if (S_value(s, &i, len, &v))
            return 1;
        for (int k = 0; k < F_COUNT; k++) {
            if (strlen(names[k]) != kn || memcmp(names[k], s + kb, kn))
                continue;
            if (f[k].kind != V_NONE)
                return 1; /* repeated: json-c's to decide which counts */
            f[k] = v;
        }
        i = S_spaces(s, i, len);
        if (i < len && s[i] == ',') {
            i = S_spaces(s, i + 1, len);
            continue;
        }
        if (i < len && s[i] == '}')
            break;
        return 1;
    }
    if (!S_only_space(s + i + 1, len - i - 1))
        return 1;
    /* the types jl_parse accepts */
    if (f[F_TEXT].kind != V_STRING || f[F_ID].kind == V_BOOL)
        return 1;
    for (int k = F_DATE; k < F_COUNT; k++)
        if (f[k].kind == V_INT || f[k].kind == V_BOOL)
            return 1;
    /* every field's copy, NUL-terminated, in one block */
    size_t need = 1;
    for (int k = 0; k < F_COUNT; k++)
        if (f[k].kind == V_STRING || f[k].kind == V_INT)
            need += f[k].out + 1;
    char *buf = malloc(need), *o = buf;
    if (!buf)
        return 1;
    const char *out[F_COUNT] = {NULL};
    for (int k = 0; k < F_COUNT; k++) {
        if (f[k].kind != V_STRING && f[k].kind != V_INT)
            continue;
        out[k] = o;
        o = f[k].kind == V_INT ? (memcpy(o, f[k].p, f[k].n), o + f[k].n) : S_unescape(&f[k], o);
        *o++ = '\0';
    }
    memset(d, 0, sizeof *d);
    d->buf = buf;
    d->text = out[F_TEXT];
    d->text_len = f[F_TEXT].out;
    d->id = out[F_ID];
    d->date = out[F_DATE];
    d->url = out[F_URL];
    d->title = out[F_TITLE];
    d->outlet = out[F_OUTLET];
    return 0;
}

/* The whole line through json-c: what jl_parse does when jl_fast does
 * not take the line. */
static int S_parse_jsonc(json_tokener *tok, const jl_config *c,
                         const char *line, size_t len, jl_doc *d,
                         cli_buf *err)
{
    if (S_parse_root(tok, line, len, d, err) < 0 ||
        S_text(d, c->text_field, err) < 0 ||
        S_id(d, c->id_field, &d->id, err) < 0 ||
        S_opt_string(d, "date", &d->date, err) < 0 ||
        S_opt_string(d, "url", &d->url, err) < 0 ||
        S_opt_string(d, "title", &d->title, err) < 0 ||
        S_opt_string(d, "outlet", &d->outlet, err) < 0) {
        jl_release(d);
        return -1;
    }
    return 0;
}

int jl_parse(json_tokener *tok, const jl_config *c, const char *line,
             size_t len, jl_doc *d, cli_buf *err)
{
    memset(d, 0, sizeof *d);
    if (len > (size_t)INT_MAX) {
        cli_buf_puts(err, "line too long for the JSON parser");
        return -1;
    }
    if (jl_fast(c, line, len, d) == 0)
        return 0;
    return S_parse_jsonc(tok, c, line, len, d, err);
}
