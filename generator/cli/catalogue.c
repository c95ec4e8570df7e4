/* catalogue: load → model for every command, and the files (assets, media,
 * charts) that pages and PDFs share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"
#include "build/jobs.h"
#include "model/derive.h"
#include "build/checked.h"
#include "build/fmcache.h"
#include "print/fonts.h"
#include "site/site.h"

bool kg_colour(void)
{
	return isatty(fileno(stderr)) && !getenv("NO_COLOR");
}

/* Prints problems when the run must stop here; true when it may go on. */
bool kg_report(diag_list *d, const kg_options *o)
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

void kg_catalogue_free(kg_catalogue *k)
{
	model_free(k->model);
	media_free(k->media);
	i18n_free(k->strings);
	content_free(k->set);
	config_free(k->config);
	fm_cache_free(k->front_matter);
}

/* PDFs carry a creation date: SOURCE_DATE_EPOCH when the user sets it
 * (read here, once), else the newest 'updated' date of the content — same
 * content, same bytes, and a date that means something; -1 when neither. */
static gint64 kg_source_date(const content_set *s)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e) { /* as reproducible-builds.org says; not a number: 1970 */
		char *end;
		long long v = strtoll(e, &end, 10);
		return *e && !*end && v >= 0 ? (gint64)v : 0;
	}
	char newest[11] = "";
	content_iter i = content_iter_start(s);
	for (const content_item *it; (it = content_iter_next(&i));) {
		const char *u = yt_str(it->fm, "updated");
		if (u && strlen(u) == 10 && strcmp(u, newest) > 0)
			memcpy(newest, u, 11);
	}
	GDateTime *t = *newest ? g_date_time_new_utc(atoi(newest), atoi(newest + 5),
	                                             atoi(newest + 8), 0, 0, 0)
	                       : NULL;
	gint64 date = t ? g_date_time_to_unix(t) : -1;
	if (t)
		g_date_time_unref(t);
	return date;
}

/* load → model: everything the renderers read, with all problems found.
 * extra: a diagnosis file from outside content/ (kitgen diagnose FILE). */
bool kg_load_with(kg_catalogue *k, const kg_options *o, const char *extra,
                         content_item **extra_item, diag_list *d)
{
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	k->config = config_load(site_yaml, d);
	g_free(site_yaml);
	if (!k->config)
		return false;
	if (o->lang && !config_select_languages(k->config, o->lang, d))
		return false;
	k->config->drafts = o->drafts;
	config_check_complete(k->config, d);
	if (o->out && !o->force)
		k->front_matter = fm_cache_open(o->out);
	k->set = content_load(o->content, k->config, o->jobs, k->front_matter, d);
	if (extra)
		*extra_item = content_add_file(k->set, k->config, KIND_DIAGNOSTIC, extra, d);
	char *i18n_dir = g_build_filename(o->theme, "i18n", NULL);
	k->strings = i18n_load(i18n_dir, k->config, d);
	g_free(i18n_dir);
	k->media = media_new(o->content);
	k->model = model_new(k->config, k->set, k->strings, k->media, d);
	k->model->source_date = kg_source_date(k->set);
	if (o->out && !o->force) { /* skip checks an earlier build made */
		char *site = g_build_filename(o->content, "site.yaml", NULL);
		char *universe = checked_universe(k->set, site);
		k->model->checked = checked_open(o->out, universe);
		g_free(universe);
		g_free(site);
	}
	model_load_bodies(k->model, o->jobs > 0 ? o->jobs : jobs_default());
	content_drop_bodies(k->set);
	return d->errors == 0;
}

bool kg_load(kg_catalogue *k, const kg_options *o, diag_list *d)
{
	bool ok = kg_load_with(k, o, NULL, NULL, d);
	if (k->model) /* the whole catalogue: every language built */
		model_check_unfinished(k->model, NULL, NULL);
	return ok;
}

/* Files pages and PDFs use: theme assets, content media, then the charts
 * derived from content. */
bool kg_write_media(kg_catalogue *k, const kg_options *o, const char *stage,
                    out_cache *outputs, diag_list *d)
{
	GError *err = NULL;
	if (!site_copy_assets(o->theme, stage, outputs, d))
		return false;
	if (!media_copy_all(k->media, stage, outputs, &err)) {
		diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
		return false;
	}
	char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
	char *cache = g_build_filename(o->out, ".cache", "fontconfig", NULL);
	bool ok = derive_write_charts(k->model, stage, conf, cache, outputs,
	                              o->jobs > 0 ? o->jobs : jobs_default(), d);
	g_free(cache);
	g_free(conf);
	return ok;
}

