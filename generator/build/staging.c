/* staging: a build's staging folder, begun and ended around the cache. */
#include "build/out.h"
#include "build/staging.h"

char *staging_begin(out_cache *c, const char *target, staging_part part, int jobs,
                    GError **err)
{
	if (part == STAGING_WHOLE) /* every page, PDF, chart and sitemap is keyed */
		cache_set_complete(c);
	/* --only pdf starts empty and links the site half in; a whole build
	 * and --only site start from the site before last (recycled), whose
	 * PDFs --only site replaces by links to OUT/site's. */
	char *stage = part == STAGING_ONLY_PDF
	              ? out_stage_begin(target, err)
	              : cache_stage_begin(c, target, part == STAGING_ONLY_SITE ? "pdf" : NULL, jobs, err);
	if (!stage || part == STAGING_WHOLE)
		return stage;
	static const char *const made_anyway[] = {"pdf", "assets", "media", NULL};
	char *old_pdf = g_build_filename(target, "pdf", NULL), *new_pdf = g_build_filename(stage, "pdf", NULL);
	bool ok = part == STAGING_ONLY_SITE ? out_link_tree(old_pdf, new_pdf, NULL, err)
	                                    : out_link_tree(target, stage, made_anyway, err);
	if (ok && part == STAGING_ONLY_SITE) /* the PDFs linked in, if any, keep their keys */
		g_file_test(old_pdf, G_FILE_TEST_IS_DIR) ? cache_carry(c, "pdf/") : cache_set_complete(c);
	g_free(old_pdf);
	g_free(new_pdf);
	if (!ok) {
		out_stage_abort(stage);
		g_free(stage);
		stage = NULL;
	}
	return stage;
}

bool staging_end(out_cache *c, char *stage, const char *target, bool ok, bool *swapped,
                 diag_list *d, GError **err)
{
	*swapped = false;
	if (!stage)
		return false;
	if (ok) {
		cache_stage_finish(c, stage);
		/* keys that would name the replaced files must go first, or the
		 * swap must not happen */
		ok = cache_forget(c, err);
	}
	bool old_at_stage = false;
	if (ok)
		ok = *swapped = out_stage_swap(stage, target, &old_at_stage, err);
	if (!*swapped)
		out_stage_abort(stage); /* never a staging folder left behind */
	if (old_at_stage)
		cache_keep_spare(c, stage);
	GError *keys_err = NULL; /* the new site is in place: a warning */
	if (ok && !cache_save(c, &keys_err)) {
		diag_warn(d, NULL, 0, 0, "the next build makes every page again", "%s",
		          keys_err->message);
		g_error_free(keys_err);
	}
	return ok;
}
