/* publish: compose, transform, paginate. */
#include <string.h>
#include <sys/stat.h>
#include "publish.h"

void site_download_free(site_download *d)
{
	g_free(d->href);
	g_free(d->title);
	g_free(d->lang);
	g_free(d->kind);
	g_free(d->slug);
	g_free(d);
}

bool publish_open(publish_job *job)
{
	char *xsl = g_build_filename(job->theme_dir, "print", "document.xsl", NULL);
	char *yaml = g_build_filename(job->theme_dir, "print", "style.yaml", NULL);
	job->sheet = xslt_load(xsl, job->d);
	job->style = job->sheet ? print_style_load(yaml, job->d) : NULL;
	if (job->style)
		print_style_set_fonts(job->style, job->fonts_conf, job->fonts_cache);
	g_free(xsl);
	g_free(yaml);
	if (!job->downloads)
		job->downloads = g_ptr_array_new_with_free_func((GDestroyNotify)site_download_free);
	return job->sheet && job->style;
}

void publish_close(publish_job *job)
{
	xslt_free(job->sheet);
	print_style_free(job->style);
	job->sheet = NULL;
	job->style = NULL;
}

/* A full <item> of kind/slug as lang reads it, appended to parent. */
static void publish_add(publish_job *job, xmlNodePtr parent, content_kind k,
                        const char *slug, const char *lang, bool full)
{
	content_group *g = content_group_find(job->model->set, k, slug);
	if (g)
		xmlAddChild(parent, model_item(job->model, g, lang, parent->doc, full));
}

/* The input of the print XSLT: the document's own item, with the items it
 * presents (a kit's city and systems; a report's city and proposals). */
static xmlDocPtr publish_compose(publish_job *job, const char *layout, content_group *g,
                                 const char *lang)
{
	xmlNodePtr page;
	xmlDocPtr doc = model_page_new(job->model, layout, lang, job->generator, &page, NULL);
	xmlNodePtr item = model_item(job->model, g, lang, doc, true);
	xmlAddChild(page, item);
	content_item *it = content_group_pick(g, job->model->config, lang);
	const char *city = yt_str(it->fm, "city");
	xmlNodePtr related = xmlNewChild(page, NULL, BAD_CAST "related", NULL);
	if (city)
		publish_add(job, related, KIND_CITY, city, lang, true);
	const yt_node *list = yt_get(it->fm, g->kind == KIND_KIT ? "systems" : "proposed");
	for (size_t i = 0; list && list->kind == YT_SEQ && i < list->count; i++)
		if (list->items[i]->kind == YT_SCALAR)
			publish_add(job, related, KIND_SYSTEM, list->items[i]->value, lang,
			            g->kind == KIND_KIT);
	/* A kit may present what a diagnosis recommends instead of a list. */
	const char *dx = g->kind == KIND_KIT ? yt_str(it->fm, "recommend") : NULL;
	GPtrArray *rec = dx && !list ? model_recommended(job->model, dx, 3) : NULL;
	for (guint i = 0; rec && i < rec->len; i++)
		publish_add(job, related, KIND_SYSTEM, rec->pdata[i], lang, true);
	if (rec)
		g_ptr_array_free(rec, TRUE);

	return doc;
}

static content_kind publish_kind(const char *layout)
{
	if (!strcmp(layout, "kit"))
		return KIND_KIT;
	if (!strcmp(layout, "report"))
		return KIND_STUDY;
	if (!strcmp(layout, "diagnostic"))
		return KIND_DIAGNOSTIC;
	return KIND_SYSTEM;
}

bool publish_one(publish_job *job, const char *layout, const char *slug, const char *lang,
                 const char *pdf_path)
{
	content_kind k = publish_kind(layout);
	content_group *g = content_group_find(job->model->set, k, slug);
	if (!g) {
		diag_error(job->d, NULL, 0, 0, "see kitgen check for the names",
		           "there is no %s named '%s'", content_kind_name(k), slug);
		return false;
	}
	xmlDocPtr in = publish_compose(job, layout, g, lang);
	char *what = g_strdup_printf("%s %s (%s)", layout, slug, lang);
	xmlDocPtr print = xslt_apply_doc(job->sheet, in, what, job->d);
	xmlFreeDoc(in);
	g_free(what);
	if (!print)
		return false;
	char *dir = g_path_get_dirname(pdf_path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	int before = job->d->errors;
	bool ok = print_render(print, job->base_dir, job->style, pdf_path, job->d) == 0 &&
	          job->d->errors == before;
	xmlFreeDoc(print);
	job->documents += ok;
	return ok;
}

static bool publish_group(publish_job *job, const char *out_dir, const char *layout,
                          content_group *g, const char *lang)
{
	content_item *it = content_group_item(g, lang);
	if (!it)
		return true; /* documents exist only in languages with the content */
	char *href = g_strdup_printf("pdf/%s/%s-%s.pdf", lang, layout, g->slug);
	char *path = g_build_filename(out_dir, href, NULL);
	bool ok = publish_one(job, layout, g->slug, lang, path);
	if (ok) {
		site_download *dl = g_new0(site_download, 1);
		struct stat st;
		const char *title = yt_str(it->fm, "title");
		dl->href = href;
		dl->title = g_strdup(title ? title : g->slug);
		dl->lang = g_strdup(lang);
		dl->kind = g_strdup(layout);
		dl->slug = g_strdup(g->slug);
		dl->bytes = stat(path, &st) == 0 ? (long)st.st_size : 0;
		g_ptr_array_add(job->downloads, dl);
	} else {
		g_free(href);
	}
	g_free(path);
	return ok;
}

bool publish_all(publish_job *job, const char *out_dir)
{
	static const struct {
		const char *layout;
		content_kind kind;
	} docs[] = {{"kit", KIND_KIT},
	            {"report", KIND_STUDY},
	            {"flyer", KIND_SYSTEM},
	            {"diagnostic", KIND_DIAGNOSTIC}};
	const site_config *c = job->model->config;
	bool ok = true;
	for (size_t l = 0; l < c->nlangs; l++) {
		if (!c->langs[l].build)
			continue;
		for (size_t k = 0; k < G_N_ELEMENTS(docs); k++) {
			GPtrArray *groups = job->model->set->groups[docs[k].kind];
			for (guint i = 0; i < groups->len; i++)
				ok &= publish_group(job, out_dir, docs[k].layout, groups->pdata[i],
				                    c->langs[l].code);
		}
	}
	return ok;
}
