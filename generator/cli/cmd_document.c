/* cmd_document: kitgen kit|report|flyer|diagnose — one PDF on demand. A
 * document depends only on what it presents: a colleague's broken study
 * does not stop tomorrow's kit (unless --strict). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"
#include "build/outfile.h"
#include "build/out.h"
#include "core/suggest.h"
#include "print/publish.h"

/* The files a document is made from: its content, the site's settings,
 * the diagnosis model and the theme. */
typedef struct {
	GHashTable *paths; /* file paths as diagnostics name them */
	const char *theme;
} kg_used;

static bool kg_is_used(const diag_entry *e, void *ctx)
{
	const kg_used *u = ctx;
	return !e->file || g_hash_table_contains(u->paths, e->file) ||
	       g_str_has_prefix(e->file, u->theme);
}

/* Problems in files the document does not use become one warning line
 * (with --strict they stay errors). */
static void kg_set_apart(kg_catalogue *k, const kg_options *o, const char *layout,
                         const char *slug, const char *lang, diag_list *d)
{
	if (o->strict || (!d->errors && !d->warnings))
		return;
	publish_job pub = {.model = k->model, .generator = "kitgen " KITGEN_VERSION, .d = d};
	GHashTable *groups = publish_sources(&pub, layout, slug, lang);
	kg_used u = {.paths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	             .theme = o->theme};
	GHashTableIter it;
	gpointer g;
	g_hash_table_iter_init(&it, groups);
	while (g_hash_table_iter_next(&it, &g, NULL)) {
		const content_group *group = g;
		for (guint i = 0; i < group->items->len; i++)
			g_hash_table_add(u.paths,
			                 g_strdup(((content_item *)group->items->pdata[i])->path));
	}
	g_hash_table_add(u.paths, g_build_filename(o->content, "site.yaml", NULL));
	g_hash_table_add(u.paths, g_build_filename(o->content, "diagnostics", "model.yaml", NULL));
	int dropped = diag_keep_if(d, kg_is_used, &u);
	if (dropped)
		diag_warn(d, NULL, 0, 0, "'kitgen check' lists them; --strict stops on them",
		          "%d error%s in files this %s does not use", dropped,
		          dropped == 1 ? "" : "s", layout);
	g_hash_table_destroy(u.paths);
	g_hash_table_destroy(groups);
}

/* "there is no kit named 'maputo'", with the closest name, or the names
 * that start with it (maputo → maputo-2026). */
static void kg_no_such(const kg_catalogue *k, content_kind kind, const char *layout,
                       const char *slug, diag_list *d)
{
	GPtrArray *groups = k->set->groups[kind];
	GPtrArray *names = g_ptr_array_new();
	GString *starts = g_string_new(NULL);
	char *prefix = g_strconcat(slug, "-", NULL);
	for (guint i = 0; i < groups->len; i++) {
		const char *n = ((content_group *)groups->pdata[i])->slug;
		g_ptr_array_add(names, (gpointer)n);
		if (g_str_has_prefix(n, prefix))
			g_string_append_printf(starts, "%s'%s'", starts->len ? ", " : "", n);
	}
	g_ptr_array_add(names, NULL);
	const char *close = suggest_closest(slug, (const char *const *)names->pdata, (size_t)-1);
	char *hint = g_strdup_printf("'kitgen list %ss' shows every name", content_kind_name(kind));
	if (starts->len)
		diag_error(d, NULL, 0, 0, hint, "there is no %s named '%s'; did you mean %s?", layout,
		           slug, starts->str);
	else if (close)
		diag_error(d, NULL, 0, 0, hint, "there is no %s named '%s'; did you mean '%s'?",
		           layout, slug, close);
	else
		diag_error(d, NULL, 0, 0, hint, "there is no %s named '%s'", layout, slug);
	g_free(hint);
	g_free(prefix);
	g_string_free(starts, TRUE);
	g_ptr_array_free(names, TRUE);
}

/* Writes the document's PDF to file through a scratch folder that holds the
 * media it shows. */
static bool kg_write_document(kg_catalogue *k, const kg_options *o, const char *layout,
                              const char *slug, const char *lang, const char *file, diag_list *d)
{
	GError *err = NULL;
	char *tmpl = g_build_filename(g_get_tmp_dir(), "kitgen-XXXXXX", NULL);
	char *scratch = g_mkdtemp(tmpl);
	if (!scratch) {
		diag_error(d, NULL, 0, 0, "set TMPDIR to a writable folder",
		           "cannot make a scratch folder in %s", g_get_tmp_dir());
		g_free(tmpl);
		return false;
	}
	char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
	char *cache = g_build_filename(o->out, ".cache", "fontconfig", NULL);
	publish_job pub = {.model = k->model, .theme_dir = o->theme, .base_dir = scratch,
	                   .generator = "kitgen " KITGEN_VERSION, .fonts_conf = conf,
	                   .fonts_cache = cache, .d = d,
	                   .pdf_standard = o->pdf_standard ? print_standard_parse(o->pdf_standard)
	                                                   : PRINT_STANDARD_UA1_A2A};
	char *tmp_pdf = g_build_filename(scratch, "document.pdf", NULL);
	bool ok = kg_write_media(k, o, scratch, NULL, d) && publish_open(&pub) &&
	          publish_one(&pub, layout, slug, lang, tmp_pdf);
	publish_close(&pub);
	if (pub.downloads)
		g_ptr_array_free(pub.downloads, TRUE);
	if (ok) {
		char *text = NULL;
		gsize len;
		ok = g_file_get_contents(tmp_pdf, &text, &len, &err) &&
		     outfile_write_target(file, text, len, &err);
		g_free(text);
		if (err) {
			diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
			g_error_free(err);
		}
	}
	out_remove_tree(scratch);
	g_free(scratch);
	g_free(tmp_pdf);
	g_free(conf);
	g_free(cache);
	return ok;
}

static int kg_finish(kg_catalogue *k, diag_list *d, const kg_options *o, int status)
{
	if (o->strict && d->warnings && !status)
		status = 1;
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	kg_catalogue_free(k);
	diag_free(d);
	return status;
}

int cmd_document(const kg_options *o, const char *layout, int argc, char **argv)
{
	const char *cmd = !strcmp(layout, "diagnostic") ? "diagnose" : layout;
	if (argc < 3)
		return kg_usage_error(cmd, "name the %s: kitgen %s NAME ('kitgen list' shows them)",
		                      layout, cmd);
	if (argc > 3)
		return kg_usage_error(cmd, "one %s at a time; '%s' is one too many", layout, argv[3]);
	if (o->lang && strchr(o->lang, ','))
		return kg_usage_error(cmd, "--lang must name one language here, not '%s'", o->lang);
	const char *slug = argv[2];
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	content_item *extra = NULL;
	bool is_file = !strcmp(layout, "diagnostic") && g_file_test(slug, G_FILE_TEST_IS_REGULAR);
	kg_load_with(&k, o, is_file ? slug : NULL, &extra, d);
	if (!k.model) /* site.yaml itself is broken: nothing can be made */
		return kg_finish(&k, d, o, 1);
	if (is_file && extra)
		slug = extra->slug;
	/* A diagnosis file is written in its own language (NAME.LANG.md) unless
	 * --lang asks for another. */
	const char *lang = o->lang ? o->lang : is_file && extra ? extra->lang : k.config->default_lang;
	content_kind kind = publish_layout_kind(layout);
	content_group *g = content_group_find(k.set, kind, slug);
	if (!g) {
		kg_no_such(&k, kind, layout, slug, d);
		return kg_finish(&k, d, o, 1);
	}
	model_check_unfinished(k.model, g, lang); /* this document only */
	kg_set_apart(&k, o, layout, slug, lang, d);
	if (d->errors)
		return kg_finish(&k, d, o, 1);
	if (o->json && kind == KIND_DIAGNOSTIC) {
		content_item *it = content_group_pick(g, k.config, lang);
		dx_result *r = it ? g_hash_table_lookup(k.model->dx_results, it) : NULL;
		if (r) {
			char *json = dx_result_json(k.model->dx, r);
			printf("%s\n", json);
			g_free(json);
		} else {
			diag_error(d, it ? it->path : NULL, 0, 0, "check content/diagnostics/model.yaml",
			           "the diagnosis '%s' has no scores", slug);
		}
		return kg_finish(&k, d, o, r ? 0 : 1);
	}
	char *file = o->output ? g_strdup(o->output)
	                       : g_strdup_printf("%s/%s-%s.%s.pdf", o->out, layout, slug, lang);
	bool ok = kg_write_document(&k, o, layout, slug, lang, file, d) && !d->errors;
	if (ok)
		printf("%s\n", file);
	g_free(file);
	return kg_finish(&k, d, o, ok ? 0 : 1);
}
