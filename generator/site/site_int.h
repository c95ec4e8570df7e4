/* site_int: what site.c's page makers share with the site's outputs
 * (site_output.c); not for use outside generator/site/. */
#ifndef KITGEN_SITE_INT_H
#define KITGEN_SITE_INT_H

#include "site/site.h"

/* One build thread's view: its own compiled stylesheets. */
typedef struct {
	site_job *job;
	xslt_sheet *page, *feed;
	const site_config *c;
	const char *world; /* site_world_sum: every input but the page bodies */
} site_ctx;

/* Each makes (or keeps, when its key is unchanged) one file of the site. */
bool site_item_page(site_ctx *x, const content_group *g, const char *lang);
bool site_list_page(site_ctx *x, const char *layout, const char *lang, const char *sub,
                    const content_kind *kinds, int nkinds, xslt_sheet *sheet,
                    const char *file_name);
bool site_self_assessment(site_ctx *x, const char *lang);
bool site_root_page(site_ctx *x, const char *layout, const char *file);
bool site_sitemap(site_ctx *x); /* and robots.txt */

/* Everything every page reads besides item bodies, summed (owned). */
char *site_world_sum(const site_job *job);

#endif
