/* cmd_document: kitgen kit|report|flyer|diagnose — one PDF on demand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"
#include "build/out.h"
#include "print/publish.h"

/* kitgen kit|report|flyer NAME: one document, built in a scratch folder
 * that holds the media it shows, then moved to its place. */
int cmd_document(const kg_options *o, const char *layout, int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: kitgen %s NAME [--lang L] [-o FILE]\n", layout);
		return 2;
	}
	const char *slug = argv[2];
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	content_item *extra = NULL;
	bool is_file = !strcmp(layout, "diagnostic") && g_file_test(slug, G_FILE_TEST_IS_REGULAR);
	bool ok = kg_load_with(&k, o, is_file ? slug : NULL, &extra, d);
	if (is_file && extra)
		slug = extra->slug;
	if (ok && o->json && !strcmp(layout, "diagnostic")) {
		content_group *g = content_group_find(k.set, KIND_DIAGNOSTIC, slug);
		content_item *it = g ? content_group_pick(g, k.config, o->lang ? o->lang : k.config->default_lang) : NULL;
		dx_result *r = it ? g_hash_table_lookup(k.model->dx_results, it) : NULL;
		if (r) {
			char *json = dx_result_json(k.model->dx, r);
			printf("%s\n", json);
			g_free(json);
		} else {
			diag_error(d, NULL, 0, 0, "see kitgen check for the names",
			           "there is no diagnosis named '%s'", slug);
		}
		diag_sort(d);
		diag_print(d, stderr, kg_colour());
		int status = r ? 0 : 1;
		kg_catalogue_free(&k);
		diag_free(d);
		return status;
	}
	const char *lang = o->lang ? o->lang : (k.config ? k.config->default_lang : "en");
	if (ok && strchr(lang, ',')) {
		diag_error(d, NULL, 0, 0, "name one language", "--lang must be one language here");
		ok = false;
	}
	char *file = o->output ? g_strdup(o->output)
	                       : g_strdup_printf("%s/%s-%s.%s.pdf", o->out, layout, slug, lang);
	char *scratch = NULL;
	if (ok) {
		GError *err = NULL;
		char *tmpl = g_build_filename(g_get_tmp_dir(), "kitgen-XXXXXX", NULL);
		scratch = g_mkdtemp(tmpl);
		char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
		char *cache = g_build_filename(o->out, ".cache", "fontconfig", NULL);
		publish_job pub = {.model = k.model, .theme_dir = o->theme, .base_dir = scratch,
		                   .generator = "kitgen " KITGEN_VERSION, .fonts_conf = conf,
		                   .fonts_cache = cache, .d = d,
		                   .pdf_standard = o->pdf_standard ? print_standard_parse(o->pdf_standard)
		                                                   : PRINT_STANDARD_UA1_A2A};
		char *tmp_pdf = g_build_filename(scratch, "document.pdf", NULL);
		ok = scratch && kg_write_media(&k, o, scratch, NULL, d) && publish_open(&pub) &&
		     publish_one(&pub, layout, slug, lang, tmp_pdf);
		publish_close(&pub);
		if (pub.downloads)
			g_ptr_array_free(pub.downloads, TRUE);
		if (ok) {
			char *text = NULL;
			gsize len;
			ok = g_file_get_contents(tmp_pdf, &text, &len, &err) &&
			     out_write_file(file, text, len, &err);
			g_free(text);
			if (err) {
				diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
				g_error_free(err);
			}
		}
		g_free(tmp_pdf);
		g_free(conf);
		g_free(cache);
	}
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (ok && !d->errors)
		printf("%s\n", file);
	int status = ok && !d->errors ? 0 : 1;
	if (scratch)
		out_remove_tree(scratch);
	g_free(scratch);
	g_free(file);
	kg_catalogue_free(&k);
	diag_free(d);
	return status;
}

