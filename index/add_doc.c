/*
 * add_doc.c -- hearsay_index_add(): a hearsay_doc seen as a record
 * (hearsay_index_add_record(), write.c).
 */
#include <stdlib.h>

#include "ix_int.h"

int hearsay_index_add(hearsay_index *ix, const hearsay_docinfo *info,
                      const char *text, size_t len, const hearsay_doc *d) {
    if (!d) return hsix_error(ix, HEARSAY_INDEX_EINVAL, "add: no document");
    size_t na = hearsay_doc_count(d), ne = hearsay_doc_entity_count(d);
    hearsay_attribution *a = malloc((na ? na : 1) * sizeof *a);
    hearsay_entity *e = malloc((ne ? ne : 1) * sizeof *e);
    int rc;
    if (!a || !e) {
        rc = hsix_error(ix, HEARSAY_INDEX_ENOMEM, "out of memory");
    } else {
        for (size_t i = 0; i < na; i++) a[i] = *hearsay_doc_get(d, i);
        for (size_t i = 0; i < ne; i++) e[i] = *hearsay_doc_entity(d, i);
        hearsay_index_record r = {a, na, e, ne, hearsay_doc_date(d)};
        rc = hearsay_index_add_record(ix, info, text, len, &r);
    }
    free(a);
    free(e);
    return rc;
}
