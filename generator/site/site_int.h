/* site_int: what site.c's page makers share with the site's outputs
 * (site_output.c); not for use outside generator/site/. */
#ifndef KITGEN_SITE_INT_H
#define KITGEN_SITE_INT_H

#include "build/reads.h"
#include "site/site.h"

/* One build thread's view: its own compiled stylesheets. */
typedef struct {
	site_job *job;
	xslt_sheet *page, *feed;
	const site_config *c;
	reads_book *book;  /* what pages read, and its values in this build */
	const struct model_shown *lists; /* what lists show (site/settings.xml), or NULL */
} site_ctx;

/* Each makes (or keeps, when its key is unchanged) one file of the site. */
bool site_item_page(site_ctx *x, const content_group *g, const char *lang);
/* page: 1, or the page of a paged list (its items page-1 times the
 * layout's size on: LANG/SUB/page/N/). */
bool site_list_page(site_ctx *x, const char *layout, const char *lang, const char *sub,
                    int page, const content_kind *kinds, int nkinds, xslt_sheet *sheet,
                    const char *file_name);
/* How many pages the list of layout fills in lang: 1 unless the theme
 * pages it (model_shown_size), when it shows items of the one kind k. */
int site_list_pages(const model *m, const struct model_shown *lists, const char *layout,
                    content_kind k, const char *lang);
bool site_self_assessment(site_ctx *x, const char *lang);
bool site_root_page(site_ctx *x, const char *layout, const char *file);
bool site_sitemap(site_ctx *x); /* and robots.txt */

/* The city a PDF is about: its kit's, study's or diagnosis's city; NULL
 * for a system's flyer. */
const char *site_download_city(const model *m, const site_download *d);

/* Whether the page of kind/slug offers d: its own PDFs; a city's page
 * also offers its kits, reports and diagnoses. */
bool site_download_on(const model *m, const site_download *d, content_kind kind,
                      const char *slug);

/* The value of a read name of the site (the PDFs a page offers:
 * "dl|KIND|SLUG", "downloads") or the model's (model_reads.h), with a
 * site_job as ctx: a reads_value_fn. */
bool site_read_value(void *job, const char *name, GChecksum *sum);

#endif
