/* fonts: a private fontconfig (fonts/fonts.conf + a cache dir) and the
 * Pango font maps bound to it, so output never depends on the machine's fonts. */
#ifndef KITGEN_FONTS_H
#define KITGEN_FONTS_H

#include <pango/pango.h>
#include "core/diag.h"

typedef struct fonts_ctx fonts_ctx;

/* Loads conf_path (fontconfig XML) and adds cache_dir as its cache
 * (created if missing; NULL = no cache, slower). Scans the font dirs it
 * names. Returns NULL and records an error on failure. */
fonts_ctx *fonts_new(const char *conf_path, const char *cache_dir,
                     diag_list *d);
void fonts_free(fonts_ctx *f);

/* A new PangoCairo font map (FreeType, as PDF needs) bound to f's config.
 * Owned by the caller (g_object_unref). One per render. */
PangoFontMap *fonts_font_map(fonts_ctx *f);

/* Number of font files the config knows: 0 means nothing will render. */
int fonts_count(const fonts_ctx *f);

/* The family list for a language and a role ("serif", "sans", "mono") when
 * a style names none: the manifest of fonts/README.md as code. Static. */
const char *fonts_default_family(const char *lang, const char *role);

#endif
