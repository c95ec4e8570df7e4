/* site: compose one XML document per page and apply the theme to it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "build/jobs.h"
#include "core/xmltext.h"
#include "build/out.h"
#include "build/outfile.h"
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
	GPtrArray *pages = model_sorted_groups(x->job->model, KIND_PAGE, lang);
	for (guint i = 0; i < pages->len; i++) {
		content_group *g = pages->pdata[i];
		content_item *it = content_group_pick(g, c, lang);
		if (yt_is_true(yt_get(it->fm, "menu")))
			xmlAddChild(menu, model_item(x->job->model, g, lang, doc, false));
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

/* Keeps the previous build's file when its key (owned, may be NULL)
 * matches: true then. */
static bool site_keep(site_ctx *x, const char *file, char *key)
{
	bool kept = key && cache_reuse(x->job->cache, file, key, x->job->out_dir);
	g_free(key);
	if (kept)
		site_kept(x, file);
	return kept;
}

static bool site_emit(site_ctx *x, xslt_sheet *sheet, xmlDocPtr doc, const char *file)
{
	/* The page document is everything the theme sees (with the UI strings,
	 * in every key): same document, same theme, same page — link the
	 * previous one instead of making it. */
	if (site_keep(x, file, x->job->cache ? cache_key(x->job->cache, "page", doc) : NULL)) {
		xmlFreeDoc(doc);
		return true;
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

/* A checksum that starts with the world (site_world_sum): every key of
 * an output that reads it. */
static GChecksum *site_world_checksum(site_ctx *x)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)x->world, -1);
	return sum;
}

/* An item page reads the world (every front matter, file and setting) and
 * the bodies of its own group only: its key sums those, so an unchanged
 * page is known without building its document. */
static char *site_item_key(site_ctx *x, const content_group *g, const char *lang)
{
	if (!x->job->cache)
		return NULL;
	GChecksum *sum = site_world_checksum(x);
	g_checksum_update(sum, (const guchar *)lang, (gssize)strlen(lang) + 1);
	g_checksum_update(sum, (const guchar *)content_kind_name(g->kind), -1);
	g_checksum_update(sum, (const guchar *)g->slug, (gssize)strlen(g->slug) + 1);
	for (guint i = 0; i < g->items->len; i++) {
		const content_item *it = g->items->pdata[i];
		g_checksum_update(sum, (const guchar *)it->lang, (gssize)strlen(it->lang) + 1);
		g_checksum_update(sum, it->body_sum, sizeof it->body_sum);
	}
	return cache_key_sum(x->job->cache, "item-page", sum);
}

/* The city a PDF is about: its kit's, study's or diagnosis's city; NULL for
 * a system's flyer. */
static const char *site_download_city(const model *m, const site_download *d)
{
	int k = !g_strcmp0(d->kind, "kit")          ? KIND_KIT
	        : !g_strcmp0(d->kind, "report")     ? KIND_STUDY
	        : !g_strcmp0(d->kind, "diagnostic") ? KIND_DIAGNOSTIC
	                                            : -1;
	const content_group *g = k < 0 ? NULL : content_group_find(m->set, k, d->slug);
	return g && g->items->len ? yt_str(((content_item *)g->items->pdata[0])->fm, "city") : NULL;
}

/* <document href lang kind slug city bytes>title</document> */
static void site_download_xml(site_ctx *x, xmlNodePtr parent, const site_download *d)
{
	xmlNodePtr e = site_text(parent, "document", d->title);
	char size[32];
	snprintf(size, sizeof size, "%ld", d->bytes);
	xmltext_set(e, "href", d->href);
	xmltext_set(e, "lang", d->lang);
	xmltext_set(e, "kind", d->kind);
	xmltext_set(e, "slug", d->slug);
	xmltext_set(e, "city", site_download_city(x->job->model, d));
	xmltext_set(e, "bytes", size);
}

bool site_item_page(site_ctx *x, const content_group *g, const char *lang)
{
	char *path = model_page_path(g->kind, g->slug, lang);
	char *file = site_index_of(path);
	if (site_keep(x, file, site_item_key(x, g, lang))) {
		g_free(file);
		g_free(path);
		return true;
	}
	site_item_alt alt = {g, g_ptr_array_new_with_free_func(g_free)};
	xmlNodePtr page;
	xmlDocPtr doc = site_page_doc(x, content_kind_name(g->kind), lang, path,
	                              site_item_alt_fn, &alt, &page);
	xmlAddChild(page, model_item(x->job->model, g, lang, doc, true));
	xmlNodePtr dl = xmlNewChild(page, NULL, BAD_CAST "downloads", NULL);
	/* Its own PDFs; a city's page also offers its kits, reports and
	 * diagnoses. */
	for (guint i = 0; x->job->downloads && i < x->job->downloads->len; i++) {
		site_download *d = x->job->downloads->pdata[i];
		if (!g_strcmp0(d->slug, g->slug) ||
		    (g->kind == KIND_CITY && !g_strcmp0(site_download_city(x->job->model, d), g->slug)))
			site_download_xml(x, dl, d);
	}
	bool ok = site_write(x, x->page, doc, file);
	g_free(file);
	g_free(path);
	g_ptr_array_free(alt.paths, TRUE);
	return ok;
}

/* A list page reads the world (the items' front matter, not their bodies)
 * and the sizes of the PDFs it offers. */
static char *site_list_key(site_ctx *x, const char *layout, const char *file)
{
	if (!x->job->cache)
		return NULL;
	GChecksum *sum = site_world_checksum(x);
	g_checksum_update(sum, (const guchar *)layout, (gssize)strlen(layout) + 1);
	g_checksum_update(sum, (const guchar *)file, (gssize)strlen(file) + 1);
	for (guint i = 0; x->job->downloads && i < x->job->downloads->len; i++) {
		const site_download *d = x->job->downloads->pdata[i];
		g_checksum_update(sum, (const guchar *)&d->bytes, sizeof d->bytes);
	}
	return cache_key_sum(x->job->cache, "list-page", sum);
}

/* A page listing items of some kinds: home, catalogue lists, downloads. */
bool site_list_page(site_ctx *x, const char *layout, const char *lang,
                    const char *sub, const content_kind *kinds, int nkinds,
                    xslt_sheet *sheet, const char *file_name)
{
	char *path = g_strdup_printf("%s/%s", lang, sub);
	char *file = g_strconcat(path, file_name, NULL);
	if (site_keep(x, file, site_list_key(x, layout, file))) {
		g_free(file);
		g_free(path);
		return true;
	}
	GPtrArray *alt = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(alt, g_strdup(sub));
	xmlNodePtr page;
	xmlDocPtr doc = site_page_doc(x, layout, lang, path, site_same_alt_fn, alt, &page);
	for (int k = 0; k < nkinds; k++) {
		xmlNodePtr list = xmlNewChild(page, NULL, BAD_CAST "list", NULL);
		xmltext_set(list, "kind", content_kind_name(kinds[k]));
		GPtrArray *groups = model_sorted_groups(x->job->model, kinds[k], lang);
		for (guint i = 0; i < groups->len; i++)
			xmlAddChild(list, model_item(x->job->model, groups->pdata[i], lang, doc, false));
		g_ptr_array_free(groups, TRUE);
	}
	xmlNodePtr dl = xmlNewChild(page, NULL, BAD_CAST "downloads", NULL);
	for (guint i = 0; x->job->downloads && i < x->job->downloads->len; i++)
		site_download_xml(x, dl, x->job->downloads->pdata[i]);
	bool ok = site_write(x, sheet, doc, file);
	g_free(file);
	g_free(path);
	g_ptr_array_free(alt, TRUE);
	return ok;
}

/* The root pages are in the default language and link to every language. */
bool site_root_page(site_ctx *x, const char *layout, const char *file)
{
	xmlNodePtr page;
	const char *lang = x->c->default_lang;
	GPtrArray *alt = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(alt, g_strdup(""));
	xmlDocPtr doc = site_page_doc(x, layout, lang, "", site_same_alt_fn, alt, &page);
	/* A 404 page is served at any depth: link through the base URL. */
	if (!strcmp(layout, "notfound"))
		xmltext_set(page, "root", x->c->base_url);
	bool ok = site_emit(x, x->page, doc, file);
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

/* The key of an output that reads the world only. */
static char *site_world_key(site_ctx *x, const char *kind)
{
	return x->job->cache ? cache_key_sum(x->job->cache, kind, site_world_checksum(x)) : NULL;
}

/* sitemap.xml lists every page with its real translations as alternates;
 * fallback pages are left out (they repeat another language's text). */

bool site_sitemap(site_ctx *x)
{
	const site_config *c = x->c;
	/* Both read the world only (pages, languages, base URL). */
	bool robots_kept = site_keep(x, "robots.txt", site_world_key(x, "robots"));
	if (site_keep(x, "sitemap.xml", site_world_key(x, "sitemap")) && robots_kept)
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

/* Copies themes/NAME/assets/ into the site's assets/. */
static bool site_copy_tree(const char *from, const char *to, diag_list *d)
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
		if (g_file_test(src, G_FILE_TEST_IS_SYMLINK)) {
			/* never followed */
		} else if (g_file_test(src, G_FILE_TEST_IS_DIR)) {
			ok = site_copy_tree(src, dst, d);
		} else {
			GError *err = NULL; /* a FIFO or device is refused, not read */
			ok = outfile_copy(src, dst, &err);
			if (!ok) {
				diag_error(d, src, 0, 0, NULL, "%s", err->message);
				g_error_free(err);
			}
		}
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
	GPtrArray *alt = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(alt, g_strdup("self-assessment/"));
	char *path = g_strdup_printf("%s/self-assessment/", lang);
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
	char *file = g_strconcat(path, "index.html", NULL);
	bool ok = site_emit(x, x->page, doc, file);
	g_free(file);
	g_free(path);
	g_ptr_array_free(alt, TRUE);
	return ok;
}

bool site_copy_assets(const char *theme_dir, const char *out_dir, diag_list *d)
{
	char *assets = g_build_filename(theme_dir, "assets", NULL);
	char *dst = g_build_filename(out_dir, "assets", NULL);
	bool ok = site_copy_tree(assets, dst, d);
	g_free(assets);
	g_free(dst);
	return ok;
}

/* Everything an item page reads besides its own bodies: every file's front
 * matter, site.yaml, the other files under content/ (media, the diagnosis
 * model) by size and time, the PDFs listed for download. Any change here
 * makes every item page again; a body edit makes only its own pages. */
char *site_world_sum(const site_job *job)
{
	const content_set *set = job->model->set;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	content_iter i = content_iter_start(set);
	for (const content_item *it; (it = content_iter_next(&i));) {
		g_checksum_update(sum, (const guchar *)it->relpath, (gssize)strlen(it->relpath) + 1);
		g_checksum_update(sum, it->head_sum, sizeof it->head_sum);
	}
	char *config = g_build_filename(set->root, "site.yaml", NULL), *text;
	gsize len;
	if (g_file_get_contents(config, &text, &len, NULL)) {
		g_checksum_update(sum, (const guchar *)text, (gssize)len);
		g_free(text);
	}
	g_free(config);
	const site_config *c = job->model->config;
	for (size_t i = 0; i < c->nlangs; i++) /* --lang picks the languages built */
		g_checksum_update(sum, (const guchar *)(c->langs[i].build ? "+" : "-"), 1);
	GList *files = g_list_sort(g_hash_table_get_keys(set->files), (GCompareFunc)strcmp);
	for (GList *f = files; f; f = f->next) {
		struct stat st;
		char *path = g_build_filename(set->root, f->data, NULL);
		if (!g_str_has_suffix(f->data, ".md") && stat(path, &st) == 0) {
			char buf[96];
			snprintf(buf, sizeof buf, "%lld %lld.%09ld", (long long)st.st_size,
			         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
			g_checksum_update(sum, (const guchar *)f->data, (gssize)strlen(f->data) + 1);
			g_checksum_update(sum, (const guchar *)buf, (gssize)strlen(buf) + 1);
		}
		g_free(path);
	}
	g_list_free(files);
	for (guint i = 0; job->downloads && i < job->downloads->len; i++) {
		const site_download *d = job->downloads->pdata[i];
		const char *v[] = {d->href, d->title, d->lang, d->kind, d->slug};
		for (size_t k = 0; k < G_N_ELEMENTS(v); k++)
			g_checksum_update(sum, (const guchar *)(v[k] ? v[k] : ""), (gssize)strlen(v[k] ? v[k] : "") + 1);
	}
	char *out = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return out;
}
