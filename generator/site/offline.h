/* offline: the whole built site as one ZIP for a laptop or USB stick with
 * no server and no network, opened from index.html through file://. */
#ifndef KITGEN_OFFLINE_H
#define KITGEN_OFFLINE_H

#include <stdbool.h>
#include "core/diag.h"

/* Writes site_dir (a built OUT/site) into zip_path, every file under a
 * folder named after the ZIP (catalogue.zip: catalogue/…). In the HTML
 * pages, links and form actions to a folder ("../systems/") name its
 * index.html, as file:// needs; every other byte is the site's. Entries in
 * name order, times from SOURCE_DATE_EPOCH (else 1980-01-01): the same
 * site gives the same ZIP. false with an error in d on failure (the file
 * is then not written). */
bool offline_zip(const char *site_dir, const char *zip_path, diag_list *d);

/* The page's HTML with every relative href="…/" and action="…/" ending in
 * index.html (newly allocated). */
char *offline_rewrite_html(const char *html, size_t len, size_t *out_len);

#endif
