/* xslt: the theme's stylesheets (XSLT 1.0 + EXSLT via libxslt), compiled
 * once and applied to page documents. Stylesheets may read their own
 * imports but never write files or reach the network. */
#ifndef KITGEN_XSLT_H
#define KITGEN_XSLT_H

#include <libxml/tree.h>
#include "core/diag.h"
#include "load/i18n.h"

typedef struct xslt_sheet xslt_sheet;

/* The namespace of kitgen's XPath functions for themes:
 *   kg:s(key[, default])  the UI string of key in the language of the page
 *                         document (/page/@lang), along its fallback chain;
 *                         default, else '', when no language has key;
 *   kg:strings()          every UI string of that language as a node-set
 *                         of <s k="KEY">text</s>, in key order. */
#define XSLT_KG_NS "urn:kitgen"

/* Registers EXSLT and the kg: functions; once, before any transformation. */
void xslt_init(void);
/* strings (borrowed, may be NULL) are what kg:s and kg:strings read. */
xslt_sheet *xslt_load(const char *path, const i18n_set *strings, diag_list *d);
void xslt_free(xslt_sheet *s);

/* Transforms doc and serializes the result as the stylesheet's xsl:output
 * says. Returns NULL (error recorded, naming what) on failure. */
char *xslt_apply(xslt_sheet *s, xmlDocPtr doc, size_t *len, const char *what,
                 diag_list *d);

/* Transforms doc and returns the result tree (for print documents). */
xmlDocPtr xslt_apply_doc(xslt_sheet *s, xmlDocPtr doc, const char *what, diag_list *d);

#endif
