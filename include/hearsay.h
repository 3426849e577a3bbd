/*
 * hearsay.h -- who said what, in the news.
 *
 * This is the only public header of libhearsay, and it is the reference:
 * anything not declared here is not API.
 *
 * The library reads one article (UTF-8 text) and returns every attribution
 * in it: direct quotations, partial ("mixed") quotations and reported speech,
 * each with its content span, speaker mention, cue, addressee, the speaker's
 * resolved entity (fullest name and role), and a date when the article says
 * when it was said.
 *
 * Usage, in short:
 *
 *     const hearsay_model *m = hearsay_model_builtin();
 *     hearsay_doc *d = hearsay_doc_new();
 *     hearsay_options o;
 *     hearsay_options_init(&o);
 *     if (hearsay_extract(m, text, len, &o, d) == HEARSAY_OK) {
 *         for (size_t i = 0; i < hearsay_doc_count(d); i++) {
 *             const hearsay_attribution *a = hearsay_doc_get(d, i);
 *             ...
 *         }
 *     }
 *     hearsay_doc_free(d);
 *
 * Threads: a hearsay_model is immutable once loaded and may be shared by any
 * number of threads. A hearsay_doc belongs to one thread at a time; reuse it
 * for the next article to avoid allocation (its buffers are kept).
 *
 * Offsets: every span is given twice, in Unicode code points into the
 * unmodified input (what Python's str and brat count) and in UTF-8 bytes
 * into the raw input. Input that is not valid UTF-8 is still processed: each
 * maximal invalid subsequence counts as one code point (U+FFFD), exactly as
 * Python's bytes.decode('utf-8', 'replace') counts it.
 *
 * Memory: functions that return pointers into a hearsay_doc return memory
 * owned by the doc, valid until the next hearsay_extract() on that doc or
 * hearsay_doc_free(). Nothing the library returns needs freeing by the
 * caller except where a function says so.
 *
 * Errors: functions return an int status, HEARSAY_OK (0) or a negative
 * HEARSAY_E* code; hearsay_strerror() names it. The library never prints.
 */
#ifndef HEARSAY_H
#define HEARSAY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(HEARSAY_STATIC)
#define HEARSAY_API __attribute__((visibility("default")))
#else
#define HEARSAY_API
#endif

/* ------------------------------------------------------------ version */

#define HEARSAY_VERSION_MAJOR 0
#define HEARSAY_VERSION_MINOR 1
#define HEARSAY_VERSION_PATCH 0
#define HEARSAY_VERSION_STRING "0.1.0"

/* The library's version at run time; compare with HEARSAY_VERSION_STRING to
 * check that header and library match. */
HEARSAY_API const char *hearsay_version(void);

/* ------------------------------------------------------------- status */

enum {
    HEARSAY_OK = 0,
    HEARSAY_ENOMEM = -1,  /* out of memory */
    HEARSAY_ETOOBIG = -2, /* document larger than options.max_doc_bytes */
    HEARSAY_EINVAL = -3,  /* invalid argument */
    HEARSAY_EIO = -4,     /* a file could not be read or written */
    HEARSAY_EFORMAT = -5  /* malformed model file or input */
};

/* A static, human-readable message for a status code. Never NULL. */
HEARSAY_API const char *hearsay_strerror(int status);

/* -------------------------------------------------------------- model */

/* Lexicons and learned weights. Immutable once loaded; share it between
 * threads freely. */
typedef struct hearsay_model hearsay_model;

/* The model compiled into the library. Never NULL; do not free it. */
HEARSAY_API const hearsay_model *hearsay_model_builtin(void);

/* Loads a model file written by the trainer (`make model`). On success
 * *out holds a model the caller frees with hearsay_model_free(). */
HEARSAY_API int hearsay_model_load(const char *path, hearsay_model **out);

/* Frees a model from hearsay_model_load(). NULL and the builtin model are
 * harmless no-ops. */
HEARSAY_API void hearsay_model_free(hearsay_model *m);

/* ------------------------------------------------------------ options */

typedef struct {
    /* Documents larger than this many bytes are refused with
     * HEARSAY_ETOOBIG. Default 16 MiB. */
    size_t max_doc_bytes;
    /* The article's date, "YYYY-MM-DD", or NULL. Used to resolve relative
     * dates ("said Tuesday"). Copied during hearsay_extract(). */
    const char *date;
    /* HEARSAY_OPT_* bit flags. */
    unsigned flags;
} hearsay_options;

/* Keep quotations found in page debris (related headlines) instead of
 * dropping them. */
#define HEARSAY_OPT_KEEP_DEBRIS_QUOTES (1u << 0)

/* Fills *o with the defaults. Call before setting fields, so that fields
 * added in later versions get their defaults. */
HEARSAY_API void hearsay_options_init(hearsay_options *o);

/* -------------------------------------------------------------- spans */

/* A stretch of the input, [start, end), in code points and in bytes. */
typedef struct {
    size_t start, end;           /* Unicode code points */
    size_t byte_start, byte_end; /* UTF-8 bytes into the raw input */
} hearsay_span;

/* ------------------------------------------------------- attributions */

typedef enum {
    HEARSAY_DIRECT = 0,  /* the content is all in quotation marks */
    HEARSAY_MIXED = 1,   /* reported speech containing a quoted fragment */
    HEARSAY_INDIRECT = 2 /* reported speech, no quotation marks */
} hearsay_kind;

/* Where in the page an attribution was found. */
typedef enum {
    HEARSAY_CONTEXT_BODY = 0,         /* the article's own text */
    HEARSAY_CONTEXT_EMBEDDED_POST = 1 /* inside an embedded social post */
} hearsay_context;

typedef struct {
    hearsay_kind kind;
    hearsay_context context;
    /* The content: one or more parts in text order (a quotation split by
     * its attribution, or continued in later sentences, has several). */
    const hearsay_span *parts;
    size_t n_parts;
    /* The content's whole extent: parts[0].start .. parts[n-1].end. */
    hearsay_span content;
    /* Speaker mention, cue and addressee; each is valid only when its
     * has_ flag is set. */
    int has_speaker, has_cue, has_addressee;
    hearsay_span speaker, cue, addressee;
    /* Index of the speaker's entity (hearsay_doc_entity()), or -1. */
    int entity;
    /* Index of the addressee's entity, or -1. */
    int addressee_entity;
    /* When it was said, "YYYY-MM-DD", or NULL when the article does not
     * say (or only vaguely: "last week"). */
    const char *date;
} hearsay_attribution;

/* One person or group of the article, with every mention of it. */
typedef struct {
    const char *name; /* fullest name the article gives; never NULL */
    const char *role; /* role or title ("White House chief of staff"), or NULL */
    int is_group;     /* an organisation or group ("officials") */
    const hearsay_span *mentions;
    size_t n_mentions;
} hearsay_entity;

/* A paragraph set aside as page debris (not the article's own text). */
typedef struct {
    hearsay_span span;
    const char *kind;   /* "embedded-post", "promotion", "related-headline",
                           "caption", "byline", "read-more", "subscribe",
                           "share", "markup" */
    const char *author; /* embedded post: author's name, or NULL */
    const char *handle; /* embedded post: "@handle", or NULL */
    const char *date;   /* embedded post: "YYYY-MM-DD", or NULL */
} hearsay_debris;

/* --------------------------------------------------------------- docs */

/* The result of one extraction; reusable. */
typedef struct hearsay_doc hearsay_doc;

/* A new, empty doc, or NULL when out of memory. */
HEARSAY_API hearsay_doc *hearsay_doc_new(void);

/* Frees a doc and everything it returned. NULL is a harmless no-op. */
HEARSAY_API void hearsay_doc_free(hearsay_doc *d);

/* Extracts the attributions of one article into d (whose previous contents
 * are dropped). text need not be NUL-terminated and may hold NUL bytes and
 * invalid UTF-8. o may be NULL for the defaults. Returns HEARSAY_OK,
 * HEARSAY_ETOOBIG, HEARSAY_ENOMEM or HEARSAY_EINVAL. The doc keeps no
 * pointer into text after it returns. */
HEARSAY_API int hearsay_extract(const hearsay_model *m, const char *text,
                                size_t len, const hearsay_options *o,
                                hearsay_doc *d);

/* Attributions, in document order (by the start of their content). */
HEARSAY_API size_t hearsay_doc_count(const hearsay_doc *d);
HEARSAY_API const hearsay_attribution *hearsay_doc_get(const hearsay_doc *d,
                                                       size_t i);

/* Entities (speakers and addressees) of the article. */
HEARSAY_API size_t hearsay_doc_entity_count(const hearsay_doc *d);
HEARSAY_API const hearsay_entity *hearsay_doc_entity(const hearsay_doc *d,
                                                     size_t i);

/* Paragraphs set aside as page debris, in document order. */
HEARSAY_API size_t hearsay_doc_debris_count(const hearsay_doc *d);
HEARSAY_API const hearsay_debris *hearsay_doc_debris(const hearsay_doc *d,
                                                     size_t i);

/* The article's length in code points and bytes, and how many invalid
 * UTF-8 sequences it held (each read as U+FFFD). */
HEARSAY_API size_t hearsay_doc_length(const hearsay_doc *d);
HEARSAY_API size_t hearsay_doc_byte_length(const hearsay_doc *d);
HEARSAY_API size_t hearsay_doc_invalid_utf8(const hearsay_doc *d);

/* The article's date as used ("YYYY-MM-DD": options.date, else a dateline
 * found in the text), or NULL. */
HEARSAY_API const char *hearsay_doc_date(const hearsay_doc *d);

/* ------------------------------------------------------------ output */

typedef enum {
    HEARSAY_FORMAT_JSONL = 0, /* one JSON object per attribution */
    HEARSAY_FORMAT_BRAT = 1,  /* brat standoff (.ann), as score.py reads */
    HEARSAY_FORMAT_TEXT = 2,  /* readable text, one entry per attribution */
    HEARSAY_FORMAT_HTML = 3   /* one self-contained HTML page */
} hearsay_format;

/* What the output says about the document beyond its text. All fields may
 * be NULL. */
typedef struct {
    const char *doc;    /* document name ("doc" field); NULL means "-" */
    const char *url;    /* carried through to JSON output */
    const char *outlet; /* carried through to JSON output */
    const char *date;   /* carried through to JSON output */
    const char *title;  /* HTML page title */
} hearsay_docinfo;

/* Renders the doc's attributions in format f. text/len must be the same
 * input given to hearsay_extract() (the renderers quote it). On success
 * *out points at the rendered bytes (owned by the doc, valid until the next
 * render, extract or free) and *out_len holds their length. */
HEARSAY_API int hearsay_render(hearsay_doc *d, hearsay_format f,
                               const char *text, size_t len,
                               const hearsay_docinfo *info,
                               const char **out, size_t *out_len);

/* The name of a kind ("direct", "mixed", "indirect") or context ("body",
 * "embedded-post"). */
HEARSAY_API const char *hearsay_kind_name(hearsay_kind k);
HEARSAY_API const char *hearsay_context_name(hearsay_context c);

#ifdef __cplusplus
}
#endif
#endif /* HEARSAY_H */
