/* rawhtml: raw HTML from trusted Markdown, parsed by libxml2's HTML parser
 * and cleaned: no scripts, no event handlers, no URLs but http(s), mailto,
 * tel and the site's own references. */
#ifndef KITGEN_RAWHTML_H
#define KITGEN_RAWHTML_H

#include <libxml/tree.h>

/* Placeholders a caller may put in href/src for resolved links; they become
 * ref="…" and media="…" attributes, as the Markdown renderer writes them. */
#define RAWHTML_REF "kitgen-ref:"
#define RAWHTML_MEDIA "kitgen-media:"

/* Parses html and appends the cleaned nodes to parent. */
void rawhtml_insert(xmlNodePtr parent, const char *html);

#endif
