/* xmltext: the characters XML 1.0 cannot carry (C0 controls but tab, LF and
 * CR; U+FFFE, U+FFFF; the bytes FE and FF), found where authors write them,
 * or dropped. */
#ifndef KITGEN_XMLTEXT_H
#define KITGEN_XMLTEXT_H

#include <stddef.h>
#include <libxml/tree.h>

/* Bytes of the character at p (UTF-8) that XML cannot carry; 0 when it can,
 * or at the end of the string. */
size_t xmltext_bad_at(const char *p);

/* s without those characters (NULL reads as ""). Owned. */
char *xmltext_clean(const char *s);

/* Sets e's attribute name to value, or nothing when value is NULL: the
 * one attribute setter of the model, the derived data and the site. */
void xmltext_set(xmlNodePtr e, const char *name, const char *value);

#endif
