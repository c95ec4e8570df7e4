/* fuzz_diagnose: arbitrary text as a diagnosis file
 * (diagnostics/fuzz.en.md of the real catalogue), held to the schema and
 * scored by dx_evaluate against content/diagnostics/model.yaml; a result is
 * turned into everything the renderers take from it: index, stage,
 * ranking, JSON, and the <diagnosis> XML in two languages. */
#include <libxml/tree.h>
#include "fuzz.h"
#include "model/diagnose.h"
#include "load/i18n.h"
#include "load/schema.h"

static site_config *config;
static content_set *set;
static dx_model *model;
static i18n_set *strings;
static char *root, *page_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	root = fz_path("content");
	char *site = fz_path("content/site.yaml");
	char *path = fz_path("content/diagnostics/model.yaml");
	char *i18n = fz_path("themes/default/i18n");
	diag_list *d = diag_new();
	config = config_load(site, d);
	set = config ? content_load(root, config, 1, NULL, d) : NULL;
	model = dx_model_load(path, d);
	strings = config ? i18n_load(i18n, config, d) : NULL;
	if (!config || !set || !model || !strings || d->errors) {
		diag_print(d, stderr, 0);
		fprintf(stderr, "fuzz: the catalogue in %s does not load\n", root);
		abort();
	}
	/* The file itself lives in the scratch folder, so messages can quote
	 * it without writing into content/. */
	page_path = g_build_filename(fz_scratch(), "fuzz.en.md", NULL);
	diag_free(d);
	g_free(i18n);
	g_free(path);
	g_free(site);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list *d = diag_new();
	g_file_set_contents(page_path, (const char *)data, (gssize)size, NULL);
	content_item *it = fz_item(KIND_DIAGNOSTIC, fz_scratch(), "fuzz.en.md",
	                           (const char *)data, size, d);
	if (it) {
		schema_check(it, set, config, d);
		dx_result *r = dx_evaluate(model, it, set, config, d);
		if (r) {
			(void)dx_result_index(r);
			(void)dx_result_stage(r);
			for (size_t i = 0; dx_result_system(r, i); i++)
				;
			g_free(dx_result_json(model, r));
			xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
			xmlNodePtr item = xmlNewDocNode(doc, NULL, BAD_CAST "item", NULL);
			xmlDocSetRootElement(doc, item);
			dx_result_xml(model, r, set, config, strings, "en", item);
			dx_result_xml(model, r, set, config, strings, "am", item);
			xmlFreeDoc(doc);
			dx_result_free(r);
		}
	}
	diag_sort(d);
	fz_print_diags(d);
	fz_item_free(it);
	diag_free(d);
	return 0;
}
