/* po: UI strings exchanged with translators as gettext PO files —
 * msgctxt is the key, msgid the English text, msgstr the translation. */
#ifndef KITGEN_PO_H
#define KITGEN_PO_H

#include <glib.h>
#include "load/i18n.h"

/* PO text for lang: every key, with lang's own string or "" when missing. */
char *po_export(const i18n_set *s, const char *lang);

/* Reads a PO file into key -> translation ("" for an empty msgstr: the
 * translation is to go). Returns NULL with errors (file:line:col) on
 * malformed input. */
GHashTable *po_read(const char *path, diag_list *d);
/* The same from len bytes of text (borrowed), path naming it in messages. */
GHashTable *po_parse(const char *data, size_t len, const char *path, diag_list *d);

/* YAML text of nested maps from dotted keys ("nav.home" -> nav: {home});
 * empty strings are left out. */
char *po_to_yaml(GHashTable *strings, const char *lang, diag_list *d);

#endif
