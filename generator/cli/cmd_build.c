/* cmd_build: kitgen build — everything into a staging folder that replaces
 * OUT/site in one rename. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib.h>
#include "build/cache.h"
#include "build/checked.h"
#include "build/fmcache.h"
#include "build/guard.h"
#include "cli/cli.h"
#include "build/jobs.h"
#include "build/out.h"
#include "build/progress.h"
#include "build/staging.h"
#include "print/publish.h"
#include "site/offline.h"
#include "site/site.h"


char *kg_out_for_langs(const kg_options *o)
{
	if (!o->lang)
		return g_strdup(o->out);
	char *list = g_strdelimit(g_strdup(o->lang), ",", '+');
	char *sub = g_strconcat("lang-", list, NULL);
	char *out = g_build_filename(o->out, sub, NULL);
	g_free(sub);
	g_free(list);
	return out;
}

/* PDFs print the site's address. A --only site build keeps the PDFs of the
 * last build: says so when they were made for another base_url. The file
 * is advisory: anything but a small regular file is ignored. */
static void kg_pdf_base_url(const kg_options *o, const char *base_url, bool made_pdfs,
                            diag_list *d)
{
	char *file = g_build_filename(o->out, ".cache", "pdf-base-url", NULL);
	if (made_pdfs) {
		g_file_set_contents(file, base_url, -1, NULL);
	} else {
		char *old = NULL;
		gsize len;
		if (guard_read_advisory(file, 4096, &old, &len) && strcmp(old, base_url))
			diag_warn(d, NULL, 0, 0, "run 'kitgen build' (or --only pdf) to remake them",
			          "the PDFs kept from the last build print base_url '%s', not '%s'",
			          old, base_url);
		g_free(old);
	}
	g_free(file);
}

/* --lang builds a partial site: it goes to OUT/lang-LIST so that OUT/site,
 * the whole site a publisher deploys, never loses a language. */
static int kg_build_in(const kg_options *o);

int cmd_build(const kg_options *o)
{
	/* The list names OUT/lang-LIST: checked before that folder is made. */
	if (o->lang && (strspn(o->lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-,") !=
	                        strlen(o->lang) ||
	                !*o->lang || *o->lang == ',' || g_str_has_suffix(o->lang, ",") ||
	                strstr(o->lang, ",,")))
		return kg_usage_error("build", "--lang takes language codes separated by commas, not '%s'",
		                      o->lang);
	kg_options partial = *o;
	char *out = kg_out_for_langs(o);
	partial.out = out;
	int status = kg_build_in(&partial);
	if (!status && o->lang && !o->quiet)
		printf("kitgen: --lang %s: a partial site in %s/site; %s/site is as it was\n", o->lang,
		       out, o->out);
	g_free(out);
	return status;
}

static int kg_build_in(const kg_options *o)
{
	gint64 t0 = g_get_monotonic_time();
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	GError *err = NULL;
	/* One build per output folder, and only a folder kitgen made: before
	 * anything under OUT is read (its caches) or removed. */
	int lock = guard_out_placed(o->out, o->content, o->theme, &err) ? guard_lock(o->out, &err)
	                                                                 : -1;
	if (lock < 0 || !guard_out_dir(o->out, &err)) {
		diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
		diag_print(d, stderr, kg_colour());
		g_error_free(err);
		guard_unlock(lock);
		diag_free(d);
		return 1;
	}
	guard_clean_temps(o->out);
	bool ok = kg_load(&k, o, d);
	if (!kg_report(d, o) || !ok) {
		kg_catalogue_free(&k);
		diag_free(d);
		guard_unlock(lock);
		return 1;
	}
	char *target = g_build_filename(o->out, "site", NULL);
	out_stage_clean(target); /* ours to remove: no other build runs */
	char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
	char *cache = g_build_filename(o->out, ".cache", "fontconfig", NULL);
	int jobs = o->jobs > 0 ? o->jobs : jobs_default();
	bool pdf = !o->only || !strcmp(o->only, "pdf"), html = !o->only || !strcmp(o->only, "site");
	/* The themes read UI strings (kg:s) besides the page document: every
	 * key covers them, the languages' fallback chains included. (The date
	 * PDFs carry is in their own keys: publish.c.) */
	char *strings = i18n_digest(k.strings);
	int standard = o->pdf_standard ? print_standard_parse(o->pdf_standard) : 0;
	char *salt = g_strdup_printf("kitgen %s strings %s pdf-standard %d", KITGEN_VERSION,
	                             strings, standard);
	out_cache *outputs = cache_open(o->out, o->theme, conf, salt);
	g_free(salt);
	g_free(strings);
	if (o->force)
		cache_set_force(outputs);
	if (o->only && !pdf && !html) {
		diag_error(d, NULL, 0, 0, "write --only site or --only pdf", "unknown --only '%s'",
		           o->only);
		ok = false;
	}
	char *stage = ok ? staging_begin(outputs, target,
	                                 !o->only ? STAGING_WHOLE : html ? STAGING_ONLY_SITE
	                                                                 : STAGING_ONLY_PDF,
	                                 jobs, &err)
	                 : NULL;
	ok = ok && stage;
	publish_job pub = {.model = k.model, .theme_dir = o->theme, .base_dir = stage,
	                   .generator = "kitgen " KITGEN_VERSION, .fonts_conf = conf,
	                   .fonts_cache = cache, .jobs = jobs, .cache = outputs, .d = d,
	                   .pdf_standard = standard};
	char *cache_dir = g_build_filename(o->out, ".cache", NULL);
	site_job job = {.model = k.model, .theme_dir = o->theme, .out_dir = stage,
	                .generator = "kitgen " KITGEN_VERSION, .jobs = jobs, .cache = outputs,
	                .cache_dir = cache_dir, .d = d};
	/* Every output of the build, each behind the one interface of output.h;
	 * the driver orders them by what each reads (pages after PDFs). A new
	 * output is one more line here (the search index: site/search.c). */
	publish_output pdfs = {&pub, stage, pdf};
	output outs[8];
	size_t nouts = 0;
	outs[nouts++] = (output){&publish_pdf_output, &pdfs};
	if (html) {
		outs[nouts++] = (output){&site_lists_output, &job};
		outs[nouts++] = (output){&site_feeds_output, &job};
		outs[nouts++] = (output){&site_pages_output, &job};
		outs[nouts++] = (output){&site_root_output, &job};
		outs[nouts++] = (output){&site_sitemap_output, &job};
		outs[nouts++] = (output){&site_search_output, &job};
	}
	ok = ok && output_order(outs, nouts, d);
	/* progress (authoring): a bar on a terminal, the outputs with --verbose */
	progress *bar = progress_new(ok ? output_plan(outs, nouts) : 0,
	                             progress_mode_for(o->quiet, o->verbose));
	pub.on_output = job.on_output = progress_on_output;
	pub.on_output_ctx = job.on_output_ctx = bar;
	ok = ok && stage && kg_write_media(&k, o, stage, outputs, d) && publish_open(&pub);
	job.downloads = pub.downloads; /* filled by the pdf output */
	ok = ok && output_emit(outs, nouts);
	site_close(&job);
	publish_close(&pub);
	/* An error found while making outputs (a file saved during the build)
	 * fails the build like one found while loading: out/site stays. */
	ok = ok && d->errors == 0;
	bool swapped = false;
	ok = staging_end(outputs, stage, target, ok, &swapped, d, &err);
	if (ok)
		kg_pdf_base_url(o, k.config->base_url, pdf, d);
	if (ok && o->zip) /* the offline copy, of the site now in place */
		ok = offline_zip(target, o->zip, d);
	if (ok && k.model->checked) /* only a good build vouches for its checks */
		checked_save(k.model->checked);
	GError *fm_err = NULL; /* the site is fine without it: a warning */
	if (ok && k.front_matter && !fm_cache_save(k.front_matter, k.set, &fm_err)) {
		diag_warn(d, NULL, 0, 0, "the next build reads every file again", "%s",
		          fm_err->message);
		g_error_free(fm_err);
	}
	if (err) {
		diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
	}
	progress_done(bar); /* progress (authoring): the bar goes before the messages */
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	int status = ok && d->errors == 0 ? 0 : 1;
	if (status && swapped)
		fprintf(stderr, "kitgen: build failed after %s was replaced by the new site\n",
		        target);
	else if (status)
		fprintf(stderr, "kitgen: build failed; %s is unchanged\n", target);
	else if (!o->quiet) {
		int reused = 0, made = 0;
		if (outputs)
			cache_counts(outputs, &reused, &made);
		if (k.set->drafts_left_out)
			printf("kitgen: %d draft page%s left out (--drafts includes them)\n",
			       k.set->drafts_left_out, k.set->drafts_left_out == 1 ? "" : "s");
		printf("kitgen: wrote %d pages (%zu KB of HTML) and %d PDFs to %s in %.2f s"
		       " (%d made, %d unchanged, %d threads)\n",
		       job.pages_written, job.bytes_written / 1024, pub.documents, target,
		       (double)(g_get_monotonic_time() - t0) / 1e6, made,
		       reused, jobs);
	}
	cache_free(outputs);
	if (pub.downloads)
		g_ptr_array_free(pub.downloads, TRUE);
	g_free(conf);
	g_free(cache);
	g_free(cache_dir);
	g_free(stage);
	g_free(target);
	kg_catalogue_free(&k);
	diag_free(d);
	guard_unlock(lock);
	return status;
}

