/* cmd_build: kitgen build — everything into a staging folder that replaces
 * OUT/site in one rename. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli.h"
#include "out.h"
#include "publish.h"
#include "site.h"

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

int cmd_build(const kg_options *o)
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

