/*
 * jsonl.c -- JSON line parsing with json-c. See jsonl.h.
 */
#include "jsonl.h"

#include <limits.h>
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

int jl_parse(json_tokener *tok, const jl_config *c, const char *line,
             size_t len, jl_doc *d, cli_buf *err)
{
    memset(d, 0, sizeof *d);
    if (len > (size_t)INT_MAX) {
        cli_buf_puts(err, "line too long for the JSON parser");
        return -1;
    }
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
