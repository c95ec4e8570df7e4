/* main: the kitgen command line. The only place that prints diagnostics
 * and decides the exit status. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "content.h"
#include "derive.h"
#include "fonts.h"
#include "i18n.h"
#include "model.h"
#include "out.h"
#include "publish.h"
#include "schema.h"
#include "site.h"
#include "xslt.h"

#define KITGEN_VERSION "0.1.0"

typedef struct {
	const char *content, *theme, *out, *lang, *fonts;
	gboolean strict, quiet, verbose, version;
} kg_options;

static const char usage[] =
	"usage: kitgen COMMAND [OPTIONS]\n"
	"\n"
	"commands:\n"
	"  build            build the website into OUT/site\n"
	"  check            check content; print translation coverage\n"
	"  new KIND NAME    write a new page with every front-matter key\n"
	"                   KIND: system, city, study, page, kit, diagnostic\n"
	"  help [COMMAND]   this text\n"
	"\n"
	"options:\n"
	"  --content DIR    the catalogue (default: content)\n"
	"  --theme DIR      the theme (default: themes/default)\n"
	"  --out DIR        where output goes (default: out)\n"
	"  --fonts DIR      fontconfig setup for PDFs and charts (default: fonts)\n"
	"  --lang LIST      languages to build or write, e.g. ko,en\n"
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

/* load → model: everything the renderers read, with all problems found. */
static bool kg_load(kg_catalogue *k, const kg_options *o, diag_list *d)
{
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	k->config = config_load(site_yaml, d);
	g_free(site_yaml);
	if (!k->config)
		return false;
	if (o->lang && !config_select_languages(k->config, o->lang, d))
		return false;
	k->set = content_load(o->content, k->config, d);
	char *i18n_dir = g_build_filename(o->theme, "i18n", NULL);
	k->strings = i18n_load(i18n_dir, k->config, d);
	g_free(i18n_dir);
	k->media = media_new(o->content);
	k->model = model_new(k->config, k->set, k->strings, k->media, d);
	model_load_bodies(k->model);
	return d->errors == 0;
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
		ok = derive_write_charts(k->set, stage, fm, d);
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

/* Pages per kind and language: own translation, fallback, missing. */
static void kg_coverage(const kg_catalogue *k)
{
	const site_config *c = k->config;
	printf("translation coverage (pages in the language / pages of the kind)\n");
	printf("%-12s", "kind");
	for (size_t i = 0; i < c->nlangs; i++)
		if (c->langs[i].build)
			printf(" %8s", c->langs[i].code);
	printf("\n");
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		GPtrArray *groups = k->set->groups[kind];
		if (!groups->len)
			continue;
		printf("%-12s", content_kind_dir(kind));
		for (size_t i = 0; i < c->nlangs; i++) {
			if (!c->langs[i].build)
				continue;
			guint have = 0;
			for (guint g = 0; g < groups->len; g++)
				have += content_group_item(groups->pdata[g], c->langs[i].code) != NULL;
			char cell[32];
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
}

static int kg_check(const kg_options *o)
{
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	bool ok = kg_load(&k, o, d);
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (k.set)
		kg_coverage(&k);
	int status = !ok || d->errors || (o->strict && d->warnings);
	fprintf(stderr, "kitgen: %d error%s, %d warning%s\n", d->errors,
	        d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
	kg_catalogue_free(&k);
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
		{"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, NULL, NULL},
		{"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict, NULL, NULL},
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
	if (!strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return 0;
	}
	fprintf(stderr, "kitgen: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
