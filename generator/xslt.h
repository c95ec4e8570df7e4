/* xslt: the theme's stylesheets (XSLT 1.0 + EXSLT via libxslt), compiled
 * once and applied to page documents. Stylesheets may read their own
 * imports but never write files or reach the network. */
#ifndef KITGEN_XSLT_H
#define KITGEN_XSLT_H

#include <libxml/tree.h>
#include "diag.h"

typedef struct xslt_sheet xslt_sheet;

void xslt_init(void);
xslt_sheet *xslt_load(const char *path, diag_list *d);
void xslt_free(xslt_sheet *s);

/* Transforms doc and serializes the result as the stylesheet's xsl:output
 * says. Returns NULL (error recorded, naming what) on failure. */
char *xslt_apply(xslt_sheet *s, xmlDocPtr doc, size_t *len, const char *what,
                 diag_list *d);

/* Transforms doc and returns the result tree (for print documents). */
xmlDocPtr xslt_apply_doc(xslt_sheet *s, xmlDocPtr doc, const char *what, diag_list *d);

#endif
