/* site: the public website. For every language: home, catalogue lists,
 * a page per system, city, study and free page, downloads, Atom feed; at
 * the root: language chooser, 404, sitemap.xml, robots.txt, theme assets
 * and media. Every page is a document handed to the theme's XSLT. */
#ifndef KITGEN_SITE_H
#define KITGEN_SITE_H

#include "build/cache.h"
#include "build/output.h"
#include "model/model.h"
#include "site/xslt.h"

/* A PDF the build made, listed on the downloads page. */
typedef struct {
	char *href;  /* inside the site: "pdf/en/kit-maputo.pdf" */
	char *title;
	char *lang;
	char *kind;  /* kit, flyer, report, diagnostic */
	char *slug;  /* the page it belongs to */
	long bytes;
} site_download;

typedef struct {
	model *model;
	const char *theme_dir;
	const char *out_dir; /* the staging folder */
	GPtrArray *downloads; /* site_download*, may be empty */
	const char *generator; /* "kitgen 0.1.0" */
	int jobs;              /* threads, 1 or more */
	out_cache *cache;      /* previous outputs to reuse, or NULL */
	const char *cache_dir; /* OUT/.cache (the search index's tokens), or NULL */
	gint pages_written;    /* updated atomically */
	gsize bytes_written;
	/* progress (authoring): called after each output is written or reused,
	 * with its path inside the site, from any build thread. May be NULL. */
	void (*on_output)(void *ctx, const char *path);
	void *on_output_ctx;
	diag_list *d;
	struct site_session *session; /* site.c's, from the first plan to site_close */
} site_job;

/* Copies the theme's assets/ (CSS, scripts, icons) to OUT/assets/; with a
 * cache c (may be NULL), an unchanged file keeps the last build's copy. */
bool site_copy_assets(const char *theme_dir, const char *out_dir, out_cache *c, diag_list *d);

/* The site's outputs (output.h), each with a site_job as self, writing
 * into job->out_dir; media, assets and PDFs are written before. lists: per
 * language the home page, the kinds' lists (kinds.c), downloads and
 * self-assessment; feeds: the Atom feeds; pages: a page per item whose
 * kind has one; root: the language chooser and 404.html; sitemap:
 * sitemap.xml and robots.txt. */
extern const output_def site_lists_output, site_feeds_output, site_pages_output,
	site_root_output, site_sitemap_output, site_search_output;

/* Frees what the site's outputs kept between plan and emit. */
void site_close(site_job *job);

#endif
