/* site: compose one XML document per page and apply the theme to it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "build/jobs.h"
#include "core/xmltext.h"
#include "build/out.h"
#include "build/outfile.h"
#include "build/reads.h"
#include "model/model_reads.h"
#include "site/search.h"
#include "site/site.h"
#include "site/site_int.h"

/* "../../" for a page at "en/systems/"; "" at the root. */
static char *site_root_of(const char *path)
{
	GString *r = g_string_new(NULL);
	for (const char *p = path; *p; p++)
		if (*p == '/')
			g_string_append(r, "../");
	return g_string_free(r, FALSE);
}

static xmlNodePtr site_text(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST(text ? text : ""));
}

static const char *const *site_keys_of(const site_ctx *x, const char *layout,
                                       const char *qualifier, bool exact)
{
	return model_shown_keys(x->lists, layout, qualifier, exact);
}

/* alternates: lang -> path of this page in that language (NULL: none). */
typedef const char *(*site_alt_fn)(const char *lang, void *data);

/* The <page> document with everything the theme needs around the content:
 * site texts, languages with this page's address in each, navigation (UI
 * strings come from kg:s). */
static xmlDocPtr site_page_doc(site_ctx *x, const char *layout, const char *lang,
                               const char *path, site_alt_fn alt, void *alt_data,
                               xmlNodePtr *page_out)
{
	const site_config *c = x->c;
	xmlNodePtr page, site;
	xmlDocPtr doc = model_page_new(x->job->model, layout, lang, x->job->generator, &page, &site);
	char *root = site_root_of(path);
	if (x->job->model->dx)
		xmltext_set(site, "assess", "true"); /* the self-assessment page exists */
	xmltext_set(page, "path", path);
	xmltext_set(page, "root", root);
	g_free(root);
	xmlNodePtr langs = xmlNewChild(site, NULL, BAD_CAST "languages", NULL);
	for (size_t i = 0; i < c->nlangs; i++) {
		if (!c->langs[i].build)
			continue;
		xmlNodePtr e = xmlNewChild(langs, NULL, BAD_CAST "language", NULL);
		xmltext_set(e, "code", c->langs[i].code);
		xmltext_set(e, "name", c->langs[i].name);
		xmltext_set(e, "dir", c->langs[i].dir);
		if (!strcmp(c->langs[i].code, lang))
			xmltext_set(e, "current", "true");
		const char *p = alt ? alt(c->langs[i].code, alt_data) : NULL;
		if (p)
			xmltext_set(e, "path", p);
	}
	xmlNodePtr fields = xmlNewChild(site, NULL, BAD_CAST "fields", NULL);
	for (size_t i = 0; i < c->nfields; i++) {
		const char *name = config_lang_text(c, c->fields[i].name, lang);
		xmlNodePtr f = site_text(fields, "field", name ? name : c->fields[i].id);
		xmltext_set(f, "id", c->fields[i].id);
	}
	xmlNodePtr menu = xmlNewChild(site, NULL, BAD_CAST "menu", NULL);
	/* a layout that shows no key of the menu's pages shows no menu */
	char *on = g_strconcat("on=", layout, NULL);
	const char *const *keys = site_keys_of(x, "menu", on, true);
	g_free(on);
	GPtrArray *pages = keys && !*keys ? g_ptr_array_new()
	                                  : model_sorted_groups(x->job->model, KIND_PAGE, lang);
	if (!keys)
		keys = site_keys_of(x, "menu", "", false);
	for (guint i = 0; i < pages->len; i++) {
		content_group *g = pages->pdata[i];
		content_item *it = content_group_pick(g, c, lang);
		reads_use("pick|%s|%s|%s", content_kind_name(g->kind), g->slug, lang);
		model_read_fm(it, "menu");
		if (yt_is_true(yt_get(it->fm, "menu"))) {
			char *slug = g_strconcat("slug=", g->slug, NULL); /* a page the theme names */
			const char *const *own = site_keys_of(x, "menu", slug, true);
			g_free(slug);
			xmlAddChild(menu, model_item_keys(x->job->model, g, lang, doc, false,
			                                  own ? own : keys));
		}
	}
	g_ptr_array_free(pages, TRUE);
	*page_out = page;
	return doc;
}

/* A page kept from the previous build (already linked by cache_reuse). */
static void site_kept(site_ctx *x, const char *file)
{
	g_atomic_int_inc(&x->job->pages_written);
	if (x->job->on_output) /* progress (authoring) */
		x->job->on_output(x->job->on_output_ctx, file);
}

/* Applies the theme to doc (freed) and writes the page. */
static bool site_write(site_ctx *x, xslt_sheet *sheet, xmlDocPtr doc, const char *file)
{
	size_t len;
	char *out = xslt_apply(sheet, doc, &len, file, x->job->d);
	xmlFreeDoc(doc);
	if (!out)
		return false;
	char *path = g_build_filename(x->job->out_dir, file, NULL);
	GError *err = NULL;
	bool ok = out_write_file(path, out, len, &err);
	if (!ok) {
		diag_error(x->job->d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
	}
	g_atomic_int_inc(&x->job->pages_written);
	g_atomic_pointer_add(&x->job->bytes_written, (gssize)len);
	if (x->job->on_output) /* progress (authoring) */
		x->job->on_output(x->job->on_output_ctx, file);
	g_free(path);
	g_free(out);
	return ok;
}

/* Keeps the previous build's file when what it read then (its reads in
 * the last build's keys) reads the same now: true then. */
static bool site_keep(site_ctx *x, const char *file, const char *kind)
{
	out_cache *c = x->job->cache;
	const char *names = c ? cache_reads_of(c, file) : NULL;
	char *key = names ? cache_key_reads(c, kind, x->book, names) : NULL;
	bool kept = key && cache_unchanged(c, file, key) &&
	            cache_reuse_reads(c, file, key, names, x->job->out_dir);
	g_free(key);
	if (kept)
		site_kept(x, file);
	return kept;
}

/* Starts recording what the page about to be composed reads. */
static void site_reads_begin(site_ctx *x)
{
	if (x->job->cache)
		reads_begin();
}

/* The page's document is composed (reads_begin before): keys the page by
 * what it read, and keeps the previous file when that key is its key;
 * otherwise applies the theme to doc and writes the page. doc is freed. */
static bool site_emit(site_ctx *x, xslt_sheet *sheet, xmlDocPtr doc, const char *file,
                      const char *kind)
{
	out_cache *c = x->job->cache;
	if (c) {
		char *names = reads_end();
		char *key = cache_key_reads(c, kind, x->book, names);
		bool kept = key && cache_reuse_reads(c, file, key, names, x->job->out_dir);
		g_free(key);
		g_free(names);
		if (kept) {
			site_kept(x, file);
			xmlFreeDoc(doc);
			return true;
		}
	}
	return site_write(x, sheet, doc, file);
}

static char *site_index_of(const char *path)
{
	return g_strconcat(path, "index.html", NULL);
}

/* Alternates for a content page: only languages with a real translation. */
typedef struct {
	const content_group *g;
	GPtrArray *paths;
} site_item_alt;

static const char *site_item_alt_fn(const char *lang, void *data)
{
	site_item_alt *a = data;
	if (!content_group_item(a->g, lang))
		return NULL;
	char *p = model_page_path(a->g->kind, a->g->slug, lang);
	g_ptr_array_add(a->paths, p);
	return p;
}

/* Alternates for pages every language has: home, lists. */
static const char *site_same_alt_fn(const char *lang, void *data)
{
	GPtrArray *paths = data;
	char *p = g_strdup_printf("%s/%s", lang, (char *)paths->pdata[0]);
	g_ptr_array_add(paths, p);
	return p;
}

/* The city a PDF is about: its kit's, study's or diagnosis's city; NULL for
 * a system's flyer. */
const char *site_download_city(const model *m, const site_download *d)
{
	int k = !g_strcmp0(d->kind, "kit")          ? KIND_KIT
	        : !g_strcmp0(d->kind, "report")     ? KIND_STUDY
	        : !g_strcmp0(d->kind, "diagnostic") ? KIND_DIAGNOSTIC
	                                            : -1;
	const content_group *g = k < 0 ? NULL : content_group_find(m->set, k, d->slug);
	return g && g->items->len ? yt_str(((content_item *)g->items->pdata[0])->fm, "city") : NULL;
}

bool site_download_on(const model *m, const site_download *d, content_kind kind,
                             const char *slug)
{
	return !g_strcmp0(d->slug, slug) ||
	       (kind == KIND_CITY && !g_strcmp0(site_download_city(m, d), slug));
}

/* <document href lang kind slug city bytes>title</document>; on an item
 * page (listed false) only href, lang and kind (docs/theme.md). */
static void site_download_xml(site_ctx *x, xmlNodePtr parent, const site_download *d,
                              bool listed)
{
	xmlNodePtr e = site_text(parent, "document", d->title);
	char size[32];
	snprintf(size, sizeof size, "%ld", d->bytes);
	xmltext_set(e, "href", d->href);
	xmltext_set(e, "lang", d->lang);
	xmltext_set(e, "kind", d->kind);
	if (!listed)
		return;
	xmltext_set(e, "slug", d->slug);
	xmltext_set(e, "city", site_download_city(x->job->model, d));
	xmltext_set(e, "bytes", size);
}

bool site_item_page(site_ctx *x, const content_group *g, const char *lang)
{
	char *path = model_page_path(g->kind, g->slug, lang);
	char *file = site_index_of(path);
	if (site_keep(x, file, "item-page")) {
		g_free(file);
		g_free(path);
		return true;
	}
	site_reads_begin(x);
	reads_use("dl|%s|%s", content_kind_name(g->kind), g->slug);
	site_item_alt alt = {g, g_ptr_array_new_with_free_func(g_free)};
	xmlNodePtr page;
	xmlDocPtr doc = site_page_doc(x, content_kind_name(g->kind), lang, path,
	                              site_item_alt_fn, &alt, &page);
	xmlAddChild(page, model_item_keys(x->job->model, g, lang, doc, true,
	                                  site_keys_of(x, content_kind_name(g->kind), "", true)));
	xmlNodePtr dl = xmlNewChild(page, NULL, BAD_CAST "downloads", NULL);
	/* Its own PDFs; a city's page also offers its kits, reports and
	 * diagnoses. */
	for (guint i = 0; x->job->downloads && i < x->job->downloads->len; i++) {
		site_download *d = x->job->downloads->pdata[i];
		if (site_download_on(x->job->model, d, g->kind, g->slug))
			site_download_xml(x, dl, d, false);
	}
	bool ok = site_emit(x, x->page, doc, file, "item-page");
	g_free(file);
	g_free(path);
	g_ptr_array_free(alt.paths, TRUE);
	return ok;
}

/* Whether a list of layout shows g in lang: a list without fallbacks
 * shows only the pages written in lang. */
static bool site_list_shows(const model_shown *lists, const char *layout,
                            const content_group *g, const char *lang)
{
	return !(lists && g_hash_table_contains(lists->no_fallback, layout)) ||
	       content_group_item(g, lang);
}

/* Pages of size items that n items fill: at least one. */
static int site_pages_for(int n, int size)
{
	return n > size ? (n + size - 1) / size : 1;
}

/* SUB, or SUB/page/N/ for a paged list's later pages (owned). */
static char *site_page_sub(const char *sub, int page)
{
	return page > 1 ? g_strdup_printf("%spage/%d/", sub, page) : g_strdup(sub);
}

int site_list_pages(const model *m, const model_shown *lists, const char *layout,
                    content_kind k, const char *lang)
{
	bool paged;
	int size = model_shown_size(lists, layout, &paged);
	if (!size || !paged)
		return 1;
	int n = 0;
	GPtrArray *groups = m->set->groups[k];
	for (guint i = 0; i < groups->len; i++)
		n += site_list_shows(lists, layout, groups->pdata[i], lang);
	return site_pages_for(n, size);
}

/* For a list ordered by a date key, newest first (model_shown_newest):
 * the item's date and page path, the order the theme sorts them in. */
typedef struct {
	const content_group *g;
	const char *date;
	char *path;
} site_dated;

static gint site_dated_cmp(gconstpointer a, gconstpointer b)
{
	const site_dated *x = a, *y = b;
	int c = strcmp(y->date, x->date);
	return c ? c : strcmp(x->path, y->path);
}

/* groups reordered by key's value in lang, newest first (ties by path):
 * each item's date is read, since any of them may enter the first size. */
static void site_order_newest(site_ctx *x, GPtrArray *groups, const char *key, const char *lang)
{
	GArray *dated = g_array_sized_new(FALSE, FALSE, sizeof(site_dated), groups->len);
	for (guint i = 0; i < groups->len; i++) {
		const content_group *g = groups->pdata[i];
		content_item *it = content_group_pick(g, x->c, lang);
		model_read_fm(it, key);
		const char *date = yt_str(it->fm, key);
		site_dated d = {g, date ? date : "", model_page_path(g->kind, g->slug, lang)};
		g_array_append_val(dated, d);
	}
	g_array_sort(dated, site_dated_cmp);
	for (guint i = 0; i < dated->len; i++) {
		groups->pdata[i] = (gpointer)g_array_index(dated, site_dated, i).g;
		g_free(g_array_index(dated, site_dated, i).path);
	}
	g_array_free(dated, TRUE);
}

/* The <list> of a page: its items of kind k in the lists' order, those
 * from first on, at most size of them (0: all), with how many there are
 * in all (total) and, on a paged list, which page this is of how many. */
static void site_list_fill(site_ctx *x, xmlDocPtr doc, xmlNodePtr list, const char *layout,
                           content_kind k, const char *lang, int page, int size, bool paged)
{
	bool fallbacks = !(x->lists && g_hash_table_contains(x->lists->no_fallback, layout));
	GPtrArray *groups = model_sorted_groups(x->job->model, k, lang);
	const char *newest = model_shown_newest(x->lists, layout);
	if (newest)
		site_order_newest(x, groups, newest, lang);
	char *kind = g_strconcat("kind=", content_kind_name(k), NULL);
	const char *const *keys = site_keys_of(x, layout, kind, false);
	g_free(kind);
	int first = size ? (page - 1) * size : 0, n = 0;
	for (guint i = 0; i < groups->len; i++) {
		const content_group *g = groups->pdata[i];
		bool shown = !size || (n >= first && n < first + size);
		/* which translation lang shows: read by a list without fallbacks
		 * for each page (it decides which are listed), else by the shown */
		if (!fallbacks || shown)
			reads_use("pick|%s|%s|%s", content_kind_name(g->kind), g->slug, lang);
		if (!site_list_shows(x->lists, layout, g, lang))
			continue;
		if (shown)
			xmlAddChild(list, model_item_keys(x->job->model, g, lang, doc, false, keys));
		n++;
	}
	g_ptr_array_free(groups, TRUE);
	char buf[16];
	snprintf(buf, sizeof buf, "%d", n);
	xmltext_set(list, "total", buf);
	if (kinds_get(k)->list) /* where the kind's whole list is, for "see all" */
		xmltext_set(list, "url", kinds_get(k)->url);
	if (size && paged) {
		snprintf(buf, sizeof buf, "%d", page);
		xmltext_set(list, "page", buf);
		snprintf(buf, sizeof buf, "%d", site_pages_for(n, size));
		xmltext_set(list, "pages", buf);
	}
}

/* A page listing items of some kinds: home, catalogue lists, downloads. */
bool site_list_page(site_ctx *x, const char *layout, const char *lang, const char *sub,
                    int page, const content_kind *kinds, int nkinds, xslt_sheet *sheet,
                    const char *file_name)
{
	char *page_sub = site_page_sub(sub, page), *path = g_strdup_printf("%s/%s", lang, page_sub);
	char *file = g_strconcat(path, file_name, NULL);
	if (site_keep(x, file, "list-page")) {
		g_free(page_sub);
		g_free(file);
		g_free(path);
		return true;
	}
	site_reads_begin(x);
	bool with_downloads = !(x->lists && g_hash_table_contains(x->lists->no_downloads, layout));
	if (with_downloads)
		reads_use("downloads");
	GPtrArray *alt = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(alt, page_sub); /* the same page in the other languages */
	xmlNodePtr top;
	xmlDocPtr doc = site_page_doc(x, layout, lang, path, site_same_alt_fn, alt, &top);
	bool paged;
	int size = model_shown_size(x->lists, layout, &paged);
	for (int k = 0; k < nkinds; k++) {
		xmlNodePtr list = xmlNewChild(top, NULL, BAD_CAST "list", NULL);
		xmltext_set(list, "kind", content_kind_name(kinds[k]));
		site_list_fill(x, doc, list, layout, kinds[k], lang, page, size, paged);
	}
	xmlNodePtr dl = xmlNewChild(top, NULL, BAD_CAST "downloads", NULL);
	for (guint i = 0; with_downloads && x->job->downloads && i < x->job->downloads->len; i++)
		site_download_xml(x, dl, x->job->downloads->pdata[i], true);
	bool ok = site_emit(x, sheet, doc, file, "list-page");
	g_free(file);
	g_free(path);
	g_ptr_array_free(alt, TRUE);
	return ok;
}

/* The root pages are in the default language and link to every language. */
bool site_root_page(site_ctx *x, const char *layout, const char *file)
{
	if (site_keep(x, file, "page"))
		return true;
	site_reads_begin(x);
	xmlNodePtr page;
	const char *lang = x->c->default_lang;
	GPtrArray *alt = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(alt, g_strdup(""));
	xmlDocPtr doc = site_page_doc(x, layout, lang, "", site_same_alt_fn, alt, &page);
	/* A 404 page is served at any depth: link through the base URL. */
	if (!strcmp(layout, "notfound"))
		xmltext_set(page, "root", x->c->base_url);
	bool ok = site_emit(x, x->page, doc, file, "page");
	g_ptr_array_free(alt, TRUE);
	return ok;
}

/* s escaped as libxml2 writes a text (attr false) or an attribute's value. */
static void site_xml_escaped(GString *out, const char *s, bool attr)
{
	for (; *s; s++) {
		const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
		                : *s == '\r' ? "&#13;" : NULL;
		if (!e && attr)
			e = *s == '"' ? "&quot;" : *s == '\n' ? "&#10;" : *s == '\t' ? "&#9;" : NULL;
		if (e)
			g_string_append(out, e);
		else
			g_string_append_c(out, *s);
	}
}

static void site_sitemap_add(GString *out, const site_config *c, const char *path,
                             const content_group *g)
{
	g_string_append(out, "  <url>\n    <loc>");
	site_xml_escaped(out, c->base_url, false);
	site_xml_escaped(out, path, false);
	g_string_append(out, "</loc>\n");
	const char *tail = strchr(path, '/');
	for (size_t i = 0; i < c->nlangs; i++) {
		const char *code = c->langs[i].code;
		if (!c->langs[i].build || (g && !content_group_item(g, code)))
			continue;
		char *href = g_strconcat(c->base_url, code, tail, NULL);
		g_string_append(out, "    <xhtml:link rel=\"alternate\" hreflang=\"");
		site_xml_escaped(out, code, true);
		g_string_append(out, "\" href=\"");
		site_xml_escaped(out, href, true);
		g_string_append(out, "\"/>\n");
		g_free(href);
	}
	g_string_append(out, "  </url>\n");
}

/* Writes out's text to the file (made new by the first call, appended to
 * after) once there is enough of it, or when last: a sitemap of 20,000
 * pages is never held whole. */
static bool site_sitemap_flush(GString *out, const char *path, bool *started, bool last,
                               GError **err)
{
	if (!last && out->len < 65536)
		return true;
	bool ok;
	if (!*started) {
		ok = out_write_file(path, out->str, out->len, err);
		*started = true;
	} else {
		FILE *f = fopen(path, "ab");
		ok = f && fwrite(out->str, 1, out->len, f) == out->len;
		ok = f && fclose(f) == 0 && ok;
		if (!ok)
			g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
			            "cannot write %s: %s", path, g_strerror(errno));
	}
	g_string_truncate(out, 0);
	return ok;
}

/* An output that reads the catalogue's frame only (declared: it reads
 * no page's front matter): kept when that reads the same. */
static bool site_keep_frame(site_ctx *x, const char *file, const char *kind)
{
	out_cache *c = x->job->cache;
	char *key = c ? cache_key_reads(c, kind, x->book, "catalogue") : NULL;
	bool kept = key && cache_reuse_reads(c, file, key, "catalogue", x->job->out_dir);
	g_free(key);
	return kept;
}

/* sitemap.xml lists every page with its real translations as alternates;
 * fallback pages are left out (they repeat another language's text). */

bool site_sitemap(site_ctx *x)
{
	const site_config *c = x->c;
	/* Both read the catalogue's frame only (pages, languages, base URL). */
	bool robots_kept = site_keep_frame(x, "robots.txt", "robots");
	if (site_keep_frame(x, "sitemap.xml", "sitemap") && robots_kept)
		return true;
	char *path = g_build_filename(x->job->out_dir, "sitemap.xml", NULL);
	GError *err = NULL;
	bool ok = true, started = false;
	GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
	                            " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	/* The home page, the kinds' lists, downloads and self-assessment. */
	GPtrArray *lists = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(lists, g_strdup(""));
	for (int k = 0; k < KIND_COUNT; k++)
		if (kinds_get(k)->list)
			g_ptr_array_add(lists, g_strdup(kinds_get(k)->url));
	g_ptr_array_add(lists, g_strdup("downloads/"));
	if (x->job->model->dx)
		g_ptr_array_add(lists, g_strdup("self-assessment/"));
	for (size_t i = 0; i < c->nlangs && ok; i++) {
		if (!c->langs[i].build)
			continue;
		for (guint j = 0; j < lists->len; j++) {
			char *p = g_strconcat(c->langs[i].code, "/", lists->pdata[j], NULL);
			site_sitemap_add(out, c, p, NULL);
			g_free(p);
		}
		for (int k = 0; k < KIND_COUNT; k++) { /* the further pages of paged lists */
			const kind_def *kd = kinds_get(k);
			int pages = kd->list ? site_list_pages(x->job->model, x->lists, kd->list,
			                                       (content_kind)k, c->langs[i].code) : 0;
			for (int n = 2; n <= pages; n++) {
				char *sub = site_page_sub(kd->url, n);
				char *p = g_strconcat(c->langs[i].code, "/", sub, NULL);
				site_sitemap_add(out, c, p, NULL);
				g_free(p);
				g_free(sub);
			}
		}
		content_iter it = content_iter_start(x->job->model->set);
		for (content_group *grp; ok && (grp = content_iter_next_group(&it));) {
			if (!model_kind_has_page(grp->kind) || !content_group_item(grp, c->langs[i].code))
				continue;
			char *p = model_page_path(grp->kind, grp->slug, c->langs[i].code);
			site_sitemap_add(out, c, p, grp);
			g_free(p);
			ok = site_sitemap_flush(out, path, &started, false, &err);
		}
	}
	g_ptr_array_free(lists, TRUE);
	g_string_append(out, "</urlset>\n");
	ok = ok && site_sitemap_flush(out, path, &started, true, &err);
	g_string_free(out, TRUE);
	g_free(path);
	char *robots = g_strdup_printf("User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n",
	                               c->base_url);
	path = g_build_filename(x->job->out_dir, "robots.txt", NULL);
	ok = ok && out_write_file(path, robots, strlen(robots), &err);
	g_free(path);
	g_free(robots);
	if (!ok) {
		diag_error(x->job->d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
	}
	return ok;
}

/* Copies themes/NAME/assets/ into the site's assets/ (rel: the folder
 * inside the site); a file unchanged since the last build keeps that
 * build's copy. */
static bool site_copy_tree(const char *from, const char *to, const char *rel,
                           out_cache *c, const char *site, diag_list *d)
{
	GDir *dir = g_dir_open(from, 0, NULL);
	if (!dir)
		return true;
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *n;
	while ((n = g_dir_read_name(dir)))
		if (n[0] != '.')
			g_ptr_array_add(names, g_strdup(n));
	g_dir_close(dir);
	bool ok = true;
	for (guint i = 0; i < names->len && ok; i++) {
		char *src = g_build_filename(from, names->pdata[i], NULL);
		char *dst = g_build_filename(to, names->pdata[i], NULL);
		char *r = g_strconcat(rel, "/", (char *)names->pdata[i], NULL);
		if (g_file_test(src, G_FILE_TEST_IS_SYMLINK)) {
			/* never followed */
		} else if (g_file_test(src, G_FILE_TEST_IS_DIR)) {
			ok = site_copy_tree(src, dst, r, c, site, d);
		} else {
			char *key = c ? cache_key_file(c, "asset", src) : NULL;
			GError *err = NULL; /* a FIFO or device is refused, not read */
			ok = (key && cache_reuse(c, r, key, site)) || outfile_copy(src, dst, &err);
			g_free(key);
			if (!ok) {
				diag_error(d, src, 0, 0, NULL, "%s", err->message);
				g_error_free(err);
			}
		}
		g_free(r);
		g_free(src);
		g_free(dst);
	}
	g_ptr_array_free(names, TRUE);
	return ok;
}

/* The self-assessment form (generated from the diagnosis model) with the
 * sample diagnoses listed beside it. */
bool site_self_assessment(site_ctx *x, const char *lang)
{
	char *path = g_strdup_printf("%s/self-assessment/", lang);
	char *file = g_strconcat(path, "index.html", NULL);
	if (site_keep(x, file, "page")) {
		g_free(file);
		g_free(path);
		return true;
	}
	site_reads_begin(x);
	reads_use("heads"); /* the diagnosis model and every diagnosis */
	GPtrArray *alt = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(alt, g_strdup("self-assessment/"));
	xmlNodePtr page;
	xmlDocPtr doc = site_page_doc(x, "self-assessment", lang, path, site_same_alt_fn, alt, &page);
	model *m = x->job->model;
	dx_model_xml(m->dx, m->set, m->config, lang, page);
	xmlNodePtr list = xmlNewChild(page, NULL, BAD_CAST "list", NULL);
	xmltext_set(list, "kind", "diagnostic");
	GPtrArray *groups = model_sorted_groups(m, KIND_DIAGNOSTIC, lang);
	for (guint i = 0; i < groups->len; i++)
		xmlAddChild(list, model_item(m, groups->pdata[i], lang, doc, false));
	g_ptr_array_free(groups, TRUE);
	/* The form matches a typed city name to the catalogue's cities. */
	list = xmlNewChild(page, NULL, BAD_CAST "list", NULL);
	xmltext_set(list, "kind", "city");
	groups = model_sorted_groups(m, KIND_CITY, lang);
	for (guint i = 0; i < groups->len; i++)
		xmlAddChild(list, model_item(m, groups->pdata[i], lang, doc, false));
	g_ptr_array_free(groups, TRUE);
	bool ok = site_emit(x, x->page, doc, file, "page");
	g_free(file);
	g_free(path);
	g_ptr_array_free(alt, TRUE);
	return ok;
}

bool site_copy_assets(const char *theme_dir, const char *out_dir, out_cache *c, diag_list *d)
{
	char *assets = g_build_filename(theme_dir, "assets", NULL);
	char *dst = g_build_filename(out_dir, "assets", NULL);
	bool ok = site_copy_tree(assets, dst, "assets", c, out_dir, d);
	g_free(assets);
	g_free(dst);
	return ok;
}
