/* main: the kitgen command line. The only place that prints diagnostics
 * and decides the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "content.h"
#include "derive.h"
#include "fonts.h"
#include "i18n.h"
#include "model.h"
#include "out.h"
#include "po.h"
#include "publish.h"
#include "schema.h"
#include "site.h"
#include "xslt.h"

#define KITGEN_VERSION "0.1.0"

typedef struct {
	const char *content, *theme, *out, *lang, *fonts, *output;
	gboolean strict, quiet, verbose, version, translations, json;
} kg_options;

static const char usage[] =
	"usage: kitgen COMMAND [OPTIONS]\n"
	"\n"
	"commands:\n"
	"  build            build the website into OUT/site\n"
	"  check            check content; print translation coverage\n"
	"                   (--translations: list missing and outdated pages)\n"
	"  kit NAME         one briefing kit as PDF (--lang, -o FILE)\n"
	"  report STUDY     one F/S report as PDF (--lang, -o FILE)\n"
	"  flyer SYSTEM     one system flyer as PDF (--lang, -o FILE)\n"
	"  diagnose FILE    a diagnostic report as PDF (--lang, -o FILE); --json\n"
	"                   prints the scores. FILE: a diagnosis file or NAME\n"
	"  new KIND NAME    write a new page with every front-matter key\n"
	"  i18n export LANG [-o FILE]  UI strings as a PO file for translators\n"
	"  i18n import LANG FILE       a translated PO file into the theme\n"
	"                   KIND: system, city, study, page, kit, diagnostic\n"
	"  help [COMMAND]   this text\n"
	"\n"
	"options:\n"
	"  --content DIR    the catalogue (default: content)\n"
	"  --theme DIR      the theme (default: themes/default)\n"
	"  --out DIR        where output goes (default: out)\n"
	"  --fonts DIR      fontconfig setup for PDFs and charts (default: fonts)\n"
	"  --lang LIST      languages to build or write, e.g. ko,en\n"
	"  -o, --output FILE  where kit, report and flyer write the PDF\n"
	"  --strict         warnings fail the run\n"
	"  --quiet          print only problems\n"
	"  --verbose        say more about what is written\n"
	"  --version        print the version\n";

static bool kg_colour(void)
{
	return isatty(fileno(stderr)) && !getenv("NO_COLOR");
}

/* Prints problems when the run must stop here; true when it may go on. */
static bool kg_report(diag_list *d, const kg_options *o)
{
	if (d->errors || (o->strict && d->warnings)) {
		diag_sort(d);
		diag_print(d, stderr, kg_colour());
		fprintf(stderr, "kitgen: %d error%s, %d warning%s%s; nothing was written\n",
		        d->errors, d->errors == 1 ? "" : "s", d->warnings,
		        d->warnings == 1 ? "" : "s",
		        !d->errors ? " (--strict)" : "");
		return false;
	}
	return true;
}

typedef struct {
	site_config *config;
	content_set *set;
	i18n_set *strings;
	media_set *media;
	model *model;
} kg_catalogue;

static void kg_catalogue_free(kg_catalogue *k)
{
	model_free(k->model);
	media_free(k->media);
	i18n_free(k->strings);
	content_free(k->set);
	config_free(k->config);
}

/* PDFs carry a creation date. Unless SOURCE_DATE_EPOCH says otherwise it is
 * the newest 'updated' date of the content: same content, same bytes, and
 * a date that means something. */
static void kg_source_date(const content_set *s)
{
	if (getenv("SOURCE_DATE_EPOCH"))
		return;
	char newest[11] = "";
	for (int k = 0; k < KIND_COUNT; k++)
		for (guint i = 0; i < s->groups[k]->len; i++) {
			content_group *g = s->groups[k]->pdata[i];
			for (guint j = 0; j < g->items->len; j++) {
				const char *u = yt_str(((content_item *)g->items->pdata[j])->fm, "updated");
				if (u && strlen(u) == 10 && strcmp(u, newest) > 0)
					memcpy(newest, u, 11);
			}
		}
	if (!*newest)
		return;
	GDateTime *t = g_date_time_new_utc(atoi(newest), atoi(newest + 5), atoi(newest + 8), 0, 0, 0);
	if (t) {
		char buf[32];
		snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, g_date_time_to_unix(t));
		g_setenv("SOURCE_DATE_EPOCH", buf, TRUE);
		g_date_time_unref(t);
	}
}

/* load → model: everything the renderers read, with all problems found.
 * extra: a diagnosis file from outside content/ (kitgen diagnose FILE). */
static bool kg_load_with(kg_catalogue *k, const kg_options *o, const char *extra,
                         content_item **extra_item, diag_list *d)
{
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	k->config = config_load(site_yaml, d);
	g_free(site_yaml);
	if (!k->config)
		return false;
	if (o->lang && !config_select_languages(k->config, o->lang, d))
		return false;
	k->set = content_load(o->content, k->config, d);
	if (extra)
		*extra_item = content_add_file(k->set, k->config, KIND_DIAGNOSTIC, extra, d);
	kg_source_date(k->set);
	char *i18n_dir = g_build_filename(o->theme, "i18n", NULL);
	k->strings = i18n_load(i18n_dir, k->config, d);
	g_free(i18n_dir);
	k->media = media_new(o->content);
	k->model = model_new(k->config, k->set, k->strings, k->media, d);
	model_load_bodies(k->model);
	return d->errors == 0;
}

static bool kg_load(kg_catalogue *k, const kg_options *o, diag_list *d)
{
	return kg_load_with(k, o, NULL, NULL, d);
}

/* Leftover staging folders of interrupted builds are removed first. */
static void kg_remove_stale(const char *target)
{
	char *dir = g_path_get_dirname(target), *base = g_path_get_basename(target);
	char *prefix = g_strconcat(base, ".tmp-", NULL);
	GDir *gd = g_dir_open(dir, 0, NULL);
	const char *n;
	while (gd && (n = g_dir_read_name(gd)))
		if (g_str_has_prefix(n, prefix)) {
			char *p = g_build_filename(dir, n, NULL);
			out_remove_tree(p);
			g_free(p);
		}
	if (gd)
		g_dir_close(gd);
	g_free(prefix);
	g_free(base);
	g_free(dir);
}

/* Files pages and PDFs use: theme assets, content media, then the charts
 * derived from content. */
static bool kg_write_media(kg_catalogue *k, const kg_options *o, const char *stage,
                           diag_list *d)
{
	GError *err = NULL;
	if (!site_copy_assets(o->theme, stage, d))
		return false;
	if (!media_copy_all(k->media, stage, &err)) {
		diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
		return false;
	}
	char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
	char *cache = g_build_filename(o->out, ".cache", "fontconfig", NULL);
	fonts_ctx *fonts = fonts_new(conf, cache, d);
	bool ok = fonts != NULL;
	if (ok) {
		PangoFontMap *fm = fonts_font_map(fonts);
		ok = derive_write_charts(k->model, stage, fm, d);
		g_object_unref(fm);
		fonts_free(fonts);
	}
	g_free(cache);
	g_free(conf);
	return ok;
}

static int kg_build(const kg_options *o)
{
	gint64 t0 = g_get_monotonic_time();
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	bool ok = kg_load(&k, o, d);
	if (!kg_report(d, o) || !ok) {
		kg_catalogue_free(&k);
		diag_free(d);
		return 1;
	}
	char *target = g_build_filename(o->out, "site", NULL);
	kg_remove_stale(target);
	GError *err = NULL;
	char *stage = out_stage_begin(target, &err);
	char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
	char *cache = g_build_filename(o->out, ".cache", "fontconfig", NULL);
	publish_job pub = {.model = k.model, .theme_dir = o->theme, .base_dir = stage,
	                   .generator = "kitgen " KITGEN_VERSION, .fonts_conf = conf,
	                   .fonts_cache = cache, .d = d};
	site_job job = {.model = k.model, .theme_dir = o->theme, .out_dir = stage,
	                .generator = "kitgen " KITGEN_VERSION, .d = d};
	ok = stage && kg_write_media(&k, o, stage, d) && publish_open(&pub) &&
	     publish_all(&pub, stage);
	job.downloads = pub.downloads;
	ok = ok && site_build(&job);
	publish_close(&pub);
	if (ok)
		ok = out_stage_commit(stage, target, &err);
	else
		out_stage_abort(stage);
	if (err) {
		diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
	}
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	int status = ok && d->errors == 0 ? 0 : 1;
	if (status)
		fprintf(stderr, "kitgen: build failed; %s is unchanged\n", target);
	else if (!o->quiet)
		printf("kitgen: wrote %d pages (%zu KB of HTML) and %d PDFs to %s in %.2f s\n",
		       job.pages_written, job.bytes_written / 1024, pub.documents, target,
		       (double)(g_get_monotonic_time() - t0) / 1e6);
	if (pub.downloads)
		g_ptr_array_free(pub.downloads, TRUE);
	g_free(conf);
	g_free(cache);
	g_free(stage);
	g_free(target);
	kg_catalogue_free(&k);
	diag_free(d);
	return status;
}

/* A translation (a file with a 'translation:' key) is outdated when a
 * source of the same page (a file without one) was updated after it. */
static bool kg_outdated(const content_group *g, const content_item *it)
{
	const char *mine = yt_str(it->fm, "updated");
	if (!yt_get(it->fm, "translation") || !mine)
		return false;
	for (guint i = 0; i < g->items->len; i++) {
		const content_item *src = g->items->pdata[i];
		const char *theirs = yt_str(src->fm, "updated");
		if (!yt_get(src->fm, "translation") && theirs && strcmp(theirs, mine) > 0)
			return true;
	}
	return false;
}

/* Pages per kind and language: translated (outdated), or missing. */
static void kg_coverage(const kg_catalogue *k, bool details)
{
	const site_config *c = k->config;
	printf("translation coverage: pages in the language / pages of the kind"
	       " (+N: outdated translations)\n");
	printf("%-12s", "kind");
	for (size_t i = 0; i < c->nlangs; i++)
		if (c->langs[i].build)
			printf(" %8s", c->langs[i].code);
	printf("\n");
	GString *list = g_string_new(NULL);
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		GPtrArray *groups = k->set->groups[kind];
		if (!groups->len)
			continue;
		printf("%-12s", content_kind_dir(kind));
		for (size_t i = 0; i < c->nlangs; i++) {
			if (!c->langs[i].build)
				continue;
			const char *code = c->langs[i].code;
			guint have = 0, old = 0;
			for (guint g = 0; g < groups->len; g++) {
				content_group *grp = groups->pdata[g];
				content_item *it = content_group_item(grp, code);
				have += it != NULL;
				if (it && kg_outdated(grp, it)) {
					old++;
					g_string_append_printf(list, "outdated %-8s %s\n", code, it->path);
				} else if (!it) {
					g_string_append_printf(list, "missing  %-8s %s/%s\n", code,
					                       content_kind_dir(kind), grp->slug);
				}
			}
			char cell[32];
			if (old)
				snprintf(cell, sizeof cell, "%u/%u+%u", have, groups->len, old);
			else
				snprintf(cell, sizeof cell, "%u/%u", have, groups->len);
			printf(" %8s", cell);
		}
		printf("\n");
	}
	for (size_t i = 0; i < c->nlangs; i++) {
		if (!c->langs[i].build)
			continue;
		GPtrArray *miss = i18n_missing(k->strings, c->langs[i].code);
		if (miss->len)
			printf("UI strings missing in %s: %u\n", c->langs[i].code, miss->len);
		g_ptr_array_free(miss, TRUE);
	}
	if (details && list->len)
		printf("\n%s", list->str);
	g_string_free(list, TRUE);
}

static int kg_check(const kg_options *o)
{
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	bool ok = kg_load(&k, o, d);
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (k.set)
		kg_coverage(&k, o->translations);
	int status = !ok || d->errors || (o->strict && d->warnings);
	fprintf(stderr, "kitgen: %d error%s, %d warning%s\n", d->errors,
	        d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
	kg_catalogue_free(&k);
	diag_free(d);
	return status;
}

/* kitgen kit|report|flyer NAME: one document, built in a scratch folder
 * that holds the media it shows, then moved to its place. */
static int kg_document(const kg_options *o, const char *layout, int argc, char **argv)
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
		                   .fonts_cache = cache, .d = d};
		char *tmp_pdf = g_build_filename(scratch, "document.pdf", NULL);
		ok = scratch && kg_write_media(&k, o, scratch, d) && publish_open(&pub) &&
		     publish_one(&pub, layout, slug, lang, tmp_pdf);
		publish_close(&pub);
		if (pub.downloads)
			g_ptr_array_free(pub.downloads, TRUE);
		if (ok) {
			char *text;
			gsize len;
			ok = g_file_get_contents(tmp_pdf, &text, &len, &err) &&
			     out_write_file(file, text, len, &err);
			if (ok)
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

/* kitgen i18n export|import: the theme's UI strings and translators' PO. */
static int kg_i18n(const kg_options *o, int argc, char **argv)
{
	bool export = argc >= 4 && !strcmp(argv[2], "export");
	bool import = argc >= 5 && !strcmp(argv[2], "import");
	if (!export && !import) {
		fprintf(stderr, "usage: kitgen i18n export LANG [-o FILE]\n"
		                "       kitgen i18n import LANG FILE\n");
		return 2;
	}
	const char *lang = argv[3];
	diag_list *d = diag_new();
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	site_config *c = config_load(site_yaml, d);
	g_free(site_yaml);
	i18n_set *strings = NULL;
	int status = 1;
	if (c && !config_language(c, lang)) {
		diag_error(d, c->path, 0, 0, "add it to 'languages' first",
		           "language '%s' is not defined in site.yaml", lang);
	} else if (c) {
		for (size_t i = 0; i < c->nlangs; i++) /* warn about this language only */
			c->langs[i].build = !strcmp(c->langs[i].code, lang);
		char *dir = g_build_filename(o->theme, "i18n", NULL);
		strings = i18n_load(dir, c, d);
		char *text = NULL, *file = NULL;
		if (export) {
			text = po_export(strings, lang);
			file = o->output ? g_strdup(o->output) : NULL;
		} else {
			GHashTable *t = po_read(argv[4], d);
			text = t ? po_to_yaml(t, lang, d) : NULL;
			char *name = g_strdup_printf("%s.yaml", lang);
			file = g_build_filename(dir, name, NULL);
			g_free(name);
			if (t)
				g_hash_table_destroy(t);
		}
		GError *err = NULL;
		if (text && !file) {
			fputs(text, stdout);
			status = 0;
		} else if (text && out_write_file(file, text, strlen(text), &err)) {
			printf("%s\n", file);
			status = 0;
		} else if (err) {
			diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
			g_error_free(err);
		}
		g_free(text);
		g_free(file);
		g_free(dir);
	}
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (d->errors)
		status = 1;
	i18n_free(strings);
	config_free(c);
	diag_free(d);
	return status;
}

static int kg_new(const kg_options *o, int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: kitgen new KIND NAME [--lang L]\n");
		return 2;
	}
	int kind = content_kind_from_name(argv[2]);
	const char *slug = argv[3];
	const char *lang = o->lang ? o->lang : "en";
	if (kind < 0) {
		fprintf(stderr, "kitgen: unknown kind '%s'; use system, city, study, page, kit "
		                "or diagnostic\n", argv[2]);
		return 2;
	}
	for (const char *p = slug; *p; p++)
		if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-') || !*slug) {
			fprintf(stderr, "kitgen: '%s': use lower-case letters, digits and hyphens\n",
			        slug);
			return 2;
		}
	char *file = kind == KIND_SYSTEM
	                     ? g_strdup_printf("%s/%s/%s/index.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang)
	                     : g_strdup_printf("%s/%s/%s.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang);
	int status = 0;
	if (g_file_test(file, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "kitgen: %s exists; not overwritten\n", file);
		status = 1;
	} else {
		char *text = schema_scaffold(kind, slug, lang);
		GError *err = NULL;
		if (!out_write_file(file, text, strlen(text), &err)) {
			fprintf(stderr, "kitgen: %s\n", err->message);
			g_error_free(err);
			status = 1;
		} else {
			printf("%s\n", file);
		}
		g_free(text);
	}
	g_free(file);
	return status;
}

int main(int argc, char **argv)
{
	kg_options o = {.content = "content", .theme = "themes/default", .out = "out",
	                .fonts = "fonts"};
	GOptionEntry entries[] = {
		{"content", 0, 0, G_OPTION_ARG_STRING, &o.content, NULL, NULL},
		{"theme", 0, 0, G_OPTION_ARG_STRING, &o.theme, NULL, NULL},
		{"out", 0, 0, G_OPTION_ARG_STRING, &o.out, NULL, NULL},
		{"fonts", 0, 0, G_OPTION_ARG_STRING, &o.fonts, NULL, NULL},
		{"output", 'o', 0, G_OPTION_ARG_STRING, &o.output, NULL, NULL},
		{"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, NULL, NULL},
		{"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict, NULL, NULL},
		{"translations", 0, 0, G_OPTION_ARG_NONE, &o.translations, NULL, NULL},
		{"json", 0, 0, G_OPTION_ARG_NONE, &o.json, NULL, NULL},
		{"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, NULL, NULL},
		{"verbose", 'v', 0, G_OPTION_ARG_NONE, &o.verbose, NULL, NULL},
		{"version", 0, 0, G_OPTION_ARG_NONE, &o.version, NULL, NULL},
		{NULL, 0, 0, 0, NULL, NULL, NULL}};
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(usage, stdout);
			return 0;
		}
	GOptionContext *ctx = g_option_context_new(NULL);
	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_help_enabled(ctx, FALSE);
	GError *err = NULL;
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		fprintf(stderr, "kitgen: %s\n%s", err->message, usage);
		g_error_free(err);
		g_option_context_free(ctx);
		return 2;
	}
	g_option_context_free(ctx);
	if (o.version) {
		printf("kitgen %s\n", KITGEN_VERSION);
		return 0;
	}
	const char *cmd = argc > 1 ? argv[1] : "help";
	xslt_init();
	if (!strcmp(cmd, "build"))
		return kg_build(&o);
	if (!strcmp(cmd, "check"))
		return kg_check(&o);
	if (!strcmp(cmd, "new"))
		return kg_new(&o, argc, argv);
	if (!strcmp(cmd, "i18n"))
		return kg_i18n(&o, argc, argv);
	if (!strcmp(cmd, "kit") || !strcmp(cmd, "report") || !strcmp(cmd, "flyer"))
		return kg_document(&o, cmd, argc, argv);
	if (!strcmp(cmd, "diagnose"))
		return kg_document(&o, "diagnostic", argc, argv);
	if (!strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return 0;
	}
	fprintf(stderr, "kitgen: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
