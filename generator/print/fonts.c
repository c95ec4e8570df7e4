/* fonts: private fontconfig and per-render Pango font maps. */
#include "fonts.h"

#include <errno.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

struct fonts_ctx {
	FcConfig *config;
	int n_fonts;
};

/* The caller picks the cache dir at run time, but fontconfig only takes it
 * from XML: splice a <cachedir> into the file's text before parsing. */
static char *fonts_conf_text(const char *conf, const char *cache_dir)
{
	const char *end = strstr(conf, "</fontconfig>");
	if (!end || !cache_dir)
		return g_strdup(conf);
	char *esc = g_markup_escape_text(cache_dir, -1);
	char *abs = NULL;
	if (!g_path_is_absolute(cache_dir)) {
		char *cwd = g_get_current_dir();
		abs = g_build_filename(cwd, cache_dir, NULL);
		g_free(cwd);
		g_free(esc);
		esc = g_markup_escape_text(abs, -1);
	}
	char *out = g_strdup_printf("%.*s  <cachedir>%s</cachedir>\n%s",
	                            (int)(end - conf), conf, esc, end);
	g_free(esc);
	g_free(abs);
	return out;
}

fonts_ctx *fonts_new(const char *conf_path, const char *cache_dir,
                     diag_list *d)
{
	char *conf = NULL;
	GError *err = NULL;
	if (!g_file_get_contents(conf_path, &conf, NULL, &err)) {
		diag_error(d, conf_path, 0, 0,
		           "run from the repository root or pass the fonts.conf path",
		           "cannot read fontconfig file: %s", err->message);
		g_error_free(err);
		return NULL;
	}
	if (cache_dir && g_mkdir_with_parents(cache_dir, 0755) != 0) {
		diag_warn(d, cache_dir, 0, 0, NULL,
		          "cannot create font cache dir: %s", g_strerror(errno));
		cache_dir = NULL;
	}
	char *text = fonts_conf_text(conf, cache_dir);
	g_free(conf);
	FcConfig *cfg = FcConfigCreate();
	FcBool ok = FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)text,
	                                           FcTrue);
	g_free(text);
	if (!ok || !FcConfigBuildFonts(cfg)) {
		diag_error(d, conf_path, 0, 0, NULL,
		           "fontconfig could not load this configuration");
		FcConfigDestroy(cfg);
		return NULL;
	}
	fonts_ctx *f = g_new0(fonts_ctx, 1);
	f->config = cfg;
	FcFontSet *set = FcConfigGetFonts(cfg, FcSetSystem);
	f->n_fonts = set ? set->nfont : 0;
	if (f->n_fonts == 0)
		diag_error(d, conf_path, 0, 0,
		           "install fonts-noto-core, fonts-noto-cjk and fonts-dejavu-core",
		           "the private fontconfig finds no fonts");
	return f;
}

void fonts_free(fonts_ctx *f)
{
	if (!f)
		return;
	FcConfigDestroy(f->config);
	g_free(f);
}

int fonts_count(const fonts_ctx *f)
{
	return f ? f->n_fonts : 0;
}

PangoFontMap *fonts_font_map(fonts_ctx *f)
{
	PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!map)
		return NULL;
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), f->config);
	/* Pango initialises fontconfig's default configuration on a thread of
	 * its own, holding fontconfig's lock. A worker process forked while it
	 * runs inherits the lock taken and hangs at its first font lookup (seen
	 * in `kitgen flyer`: charts drawn here, then timelines in workers).
	 * get_config waits for that thread to finish. */
	(void)pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(map));
	/* Points in, points out: the PDF user unit is the point. */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
	return map;
}

/* Keep in step with fonts/README.md. */
static const struct {
	const char *lang, *serif, *sans, *mono;
} fonts_manifest[] = {
	{"ko", "Noto Sans CJK KR", "Noto Sans CJK KR", "Noto Sans Mono CJK KR"},
	{"zh-Hant", "Noto Sans CJK TC", "Noto Sans CJK TC", "Noto Sans Mono CJK TC"},
	{"zh-TW", "Noto Sans CJK TC", "Noto Sans CJK TC", "Noto Sans Mono CJK TC"},
	{"zh-HK", "Noto Sans CJK HK", "Noto Sans CJK HK", "Noto Sans Mono CJK HK"},
	{"zh", "Noto Sans CJK SC", "Noto Sans CJK SC", "Noto Sans Mono CJK SC"},
	{"ja", "Noto Sans CJK JP", "Noto Sans CJK JP", "Noto Sans Mono CJK JP"},
	{"am", "Noto Sans Ethiopic,Noto Sans", "Noto Sans Ethiopic,Noto Sans", "DejaVu Sans Mono,Noto Sans Ethiopic"},
	{"ne", "Noto Sans Devanagari,Noto Sans", "Noto Sans Devanagari,Noto Sans", "DejaVu Sans Mono,Noto Sans Devanagari"},
	{"hi", "Noto Sans Devanagari,Noto Sans", "Noto Sans Devanagari,Noto Sans", "DejaVu Sans Mono,Noto Sans Devanagari"},
	{"ar", "Noto Naskh Arabic,Noto Serif", "Noto Sans Arabic,Noto Sans", "DejaVu Sans Mono,Noto Sans Arabic"},
	{"fa", "Noto Naskh Arabic,Noto Serif", "Noto Sans Arabic,Noto Sans", "DejaVu Sans Mono,Noto Sans Arabic"},
	{"ur", "Noto Naskh Arabic,Noto Serif", "Noto Sans Arabic,Noto Sans", "DejaVu Sans Mono,Noto Sans Arabic"},
	{"he", "Noto Serif Hebrew,Noto Serif", "Noto Sans Hebrew,Noto Sans", "DejaVu Sans Mono,Noto Sans Hebrew"},
	{NULL, "Noto Serif", "Noto Sans", "DejaVu Sans Mono"},
};

const char *fonts_default_family(const char *lang, const char *role)
{
	size_t i, n = G_N_ELEMENTS(fonts_manifest) - 1;
	size_t hit = n;
	for (i = 0; lang && i < n; i++)
		if (g_ascii_strcasecmp(lang, fonts_manifest[i].lang) == 0) {
			hit = i;
			break;
		}
	if (hit == n && lang) {
		size_t len = strcspn(lang, "-_");
		for (i = 0; i < n; i++)
			if (strlen(fonts_manifest[i].lang) == len &&
			    g_ascii_strncasecmp(lang, fonts_manifest[i].lang, len) == 0) {
				hit = i;
				break;
			}
	}
	if (role && strcmp(role, "sans") == 0)
		return fonts_manifest[hit].sans;
	if (role && strcmp(role, "mono") == 0)
		return fonts_manifest[hit].mono;
	return fonts_manifest[hit].serif;
}
