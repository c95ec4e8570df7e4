/* markdown: a page's Markdown (cmark-gfm with the GFM extensions) turned into
 * XHTML-like libxml2 nodes, with links to other pages and files resolved
 * and checked. Text reaches the output only as XML text: escaping is by
 * construction. */
#ifndef KITGEN_MARKDOWN_H
#define KITGEN_MARKDOWN_H

#include <libxml/tree.h>
#include "load/content.h"
#include "load/media.h"

typedef struct {
	const content_set *set;
	const site_config *config;
	media_set *media;
	diag_list *d;
	GPtrArray *media_used; /* if not NULL: gets each media file the body uses */
	diag_list *stale; /* where "the file changed while kitgen was building"
	                   * goes, apart from the body's own problems; NULL: d */
} md_context;

/* Renders it's body as <body> (headings carry ids) followed by <toc> of its
 * level-2 and level-3 headings. Both are new nodes owned by doc's caller.
 * Internal links become <a ref="KIND/NAME/">, files <a media="PATH">,
 * images <img media="PATH" width height>. */
xmlNodePtr md_render(const md_context *ctx, const content_item *it, xmlDocPtr doc,
                     xmlNodePtr *toc);

/* Resolves a link target written in it's file: sets *ref (page: "systems/x/"
 * plus any #fragment) or *media (file inside content/), or neither for an
 * external URL. Returns false, with an error recorded at line:col, when the
 * target is unsafe or missing. */
bool md_resolve(const md_context *ctx, const content_item *it, const char *target,
                int line, int col, char **ref, char **media);

#endif
