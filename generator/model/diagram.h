/* diagram: a system's flow diagram described in its front matter (steps,
 * title, note, a return arrow), drawn as SVG in the page's language. */
#ifndef KITGEN_DIAGRAM_H
#define KITGEN_DIAGRAM_H

#include <stdbool.h>
#include <glib.h>
#include <pango/pango.h>
#include "core/yamltree.h"

#define DIAGRAM_W 640.0
#define DIAGRAM_H 184.0

/* Where the diagram of a system in lang goes under media/. Owned. */
char *diagram_media_path(const char *slug, const char *lang);

/* True when front matter fm describes a diagram (diagram_steps). */
bool diagram_in(const yt_node *fm);

/* Writes the diagram of fm (diagram_title, diagram_steps: {label,
 * detail}, diagram_note, diagram_back) as an SVG file of DIAGRAM_W by
 * DIAGRAM_H pixels. Its words are SVG text in lang's sans face, broken
 * into lines with Pango (fm: the private fonts), so the web page and the
 * PDF keep them as text. */
bool diagram_svg(const char *path, PangoFontMap *fm, const char *lang, const yt_node *front,
                 GError **err);

#endif
