/* publish: compose, transform, paginate. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include "publish.h"
#include "build/workers.h"

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
	if (job->jobs < 1)
		job->jobs = 1;
	g_mutex_init(&job->lock);
	/* One stylesheet and one set of styles and fonts: each worker process
	 * has its own copy. */
	job->sheet = xslt_load(xsl, job->model->strings, job->d);
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
	g_mutex_clear(&job->lock);
}

/* A full <item> of kind/slug as lang reads it, appended to parent. */
static void publish_add(publish_job *job, xmlNodePtr parent, content_kind k,
                        const char *slug, const char *lang, bool full)
{
	content_group *g = content_group_find(job->model->set, k, slug);
	if (g && job->used)
		g_hash_table_add(job->used, g);
	if (g)
		xmlAddChild(parent, model_item(job->model, g, lang, parent->doc, full));
}

/* Numbers tables and figures in document order (table-n, figure-n), as
 * the theme captions them: counting them in XSLT (xsl:number level="any")
 * costs a walk back over the document for each, quadratic in its length. */
static void publish_number(xmlNodePtr n, int *tables, int *figures)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		char buf[16];
		if (!strcmp(name, "table") || !strcmp(name, "budget")) {
			snprintf(buf, sizeof buf, "%d", ++*tables);
			xmlSetProp(n, BAD_CAST "table-n", BAD_CAST buf);
		} else if (!strcmp(name, "image") || !strcmp(name, "timeline") ||
		           (!strcmp(name, "img") && xmlHasProp(n, BAD_CAST "media"))) {
			snprintf(buf, sizeof buf, "%d", ++*figures);
			xmlSetProp(n, BAD_CAST "figure-n", BAD_CAST buf);
		}
		publish_number(n->children, tables, figures);
	}
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
	content_group *dx_group = dx ? content_group_find(job->model->set, KIND_DIAGNOSTIC, dx) : NULL;
	if (job->used)
		g_hash_table_add(job->used, g);
	if (job->used && dx_group)
		g_hash_table_add(job->used, dx_group);
	GPtrArray *rec = dx && !list ? model_recommended(job->model, dx, 3) : NULL;
	for (guint i = 0; rec && i < rec->len; i++)
		publish_add(job, related, KIND_SYSTEM, rec->pdata[i], lang, true);
	if (rec)
		g_ptr_array_free(rec, TRUE);
	int tables = 0, figures = 0;
	publish_number(xmlDocGetRootElement(doc), &tables, &figures);
	return doc;
}

content_kind publish_layout_kind(const char *layout)
{
	if (!strcmp(layout, "kit"))
		return KIND_KIT;
	if (!strcmp(layout, "report"))
		return KIND_STUDY;
	if (!strcmp(layout, "diagnostic"))
		return KIND_DIAGNOSTIC;
	return KIND_SYSTEM;
}

/* Makes one PDF. rel: the PDF's path inside the site when the cache may
 * reuse it, else NULL; *key and *reused then say what the cache decided
 * (key owned by the caller). */
static bool publish_render(publish_job *job, const char *layout, const char *slug,
                           const char *lang, const char *pdf_path, const char *rel,
                           char **key_out, bool *reused)
{
	content_kind k = publish_layout_kind(layout);
	content_group *g = content_group_find(job->model->set, k, slug);
	if (!g) {
		diag_error(job->d, NULL, 0, 0, "see kitgen check for the names",
		           "there is no %s named '%s'", content_kind_name(k), slug);
		return false;
	}
	xmlDocPtr in = publish_compose(job, layout, g, lang);
	/* The input document and the theme decide the PDF: reuse it if so. */
	char *key = rel && job->cache ? cache_key(job->cache, "pdf", in) : NULL;
	*reused = key && cache_reuse(job->cache, rel, key, job->base_dir);
	*key_out = key;
	if (*reused) {
		xmlFreeDoc(in);
		return true;
	}
	char *what = g_strdup_printf("%s %s (%s)", layout, slug, lang);
	xmlDocPtr print = xslt_apply_doc(job->sheet, in, what, job->d);
	xmlFreeDoc(in);
	g_free(what);
	if (!print)
		return false;
	char *dir = g_path_get_dirname(pdf_path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	g_unlink(pdf_path); /* never write through a link into the live site */
	int before = job->d->errors;
	bool ok = print_render(print, job->base_dir, job->style, pdf_path, job->d) == 0 &&
	          job->d->errors == before;
	xmlFreeDoc(print);
	return ok;
}

GHashTable *publish_sources(publish_job *job, const char *layout, const char *slug,
                            const char *lang)
{
	content_group *g = content_group_find(job->model->set, publish_layout_kind(layout), slug);
	GHashTable *used = g_hash_table_new(NULL, NULL);
	if (!g)
		return used;
	job->used = used;
	xmlFreeDoc(publish_compose(job, layout, g, lang));
	job->used = NULL;
	return used;
}

bool publish_one(publish_job *job, const char *layout, const char *slug, const char *lang,
                 const char *pdf_path)
{
	char *key = NULL;
	bool reused, ok = publish_render(job, layout, slug, lang, pdf_path, NULL, &key, &reused);
	g_free(key);
	if (ok)
		job->documents++;
	return ok;
}

typedef struct {
	const char *layout, *lang;
	content_group *g;
} publish_task;

typedef struct {
	publish_job *job;
	const char *out_dir;
	GArray *tasks;
	pid_t parent;
	bool ok;
} publish_run;

static char *publish_href(const publish_task *t)
{
	return g_strdup_printf("pdf/%s/%s-%s.pdf", t->lang, t->layout, t->g->slug);
}

/* Record of a task, for the parent: ok, cache key, reused, then (from a
 * worker process) each diagnostic the task added; fields end in NUL. */
static void publish_rec_str(GString *rec, const char *s)
{
	g_string_append(rec, s ? s : "");
	g_string_append_c(rec, '\0');
}

/* In a worker (or here): makes task i's PDF. */
static void publish_task_run(void *shared, size_t i, GString *rec)
{
	publish_run *r = shared;
	publish_job *job = r->job;
	const publish_task *t = &g_array_index(r->tasks, publish_task, i);
	size_t first = job->d->count;
	char *href = publish_href(t), *path = g_build_filename(r->out_dir, href, NULL), *key = NULL;
	bool reused = false;
	bool ok = publish_render(job, t->layout, t->g->slug, t->lang, path, href, &key, &reused);
	bool remote = getpid() != r->parent;
	publish_rec_str(rec, ok ? "1" : "0");
	publish_rec_str(rec, key);
	publish_rec_str(rec, reused ? "1" : "0");
	publish_rec_str(rec, remote ? "1" : "0");
	for (size_t k = first; remote && k < job->d->count; k++) {
		const diag_entry *e = &job->d->entries[k];
		char pos[48];
		snprintf(pos, sizeof pos, "%d %d %d", (int)e->severity, e->line, e->col);
		publish_rec_str(rec, pos);
		publish_rec_str(rec, e->file ? e->file : "\x01"); /* \x01: no file */
		publish_rec_str(rec, e->message);
		publish_rec_str(rec, e->hint ? e->hint : "\x01");
	}
	g_free(key);
	g_free(path);
	g_free(href);
}

static const char *publish_rec_next(const char **p, const char *end)
{
	if (*p >= end)
		return NULL;
	const char *s = *p;
	*p += strlen(s) + 1;
	return s[0] == '\x01' && !s[1] ? NULL : s;
}

/* In the parent: what task i did goes into the cache, the downloads, the
 * diagnostics and the progress. */
static void publish_task_done(void *shared, size_t i, const char *rec, size_t len)
{
	publish_run *r = shared;
	publish_job *job = r->job;
	const publish_task *t = &g_array_index(r->tasks, publish_task, i);
	const char *p = rec, *end = rec + len;
	const char *ok_s = publish_rec_next(&p, end), *key = publish_rec_next(&p, end);
	const char *reused = publish_rec_next(&p, end), *remote = publish_rec_next(&p, end);
	bool ok = ok_s && !strcmp(ok_s, "1");
	char *href = publish_href(t);
	if (remote && !strcmp(remote, "1")) {
		if (key && *key && job->cache)
			cache_note(job->cache, href, key, reused && !strcmp(reused, "1"));
		const char *pos;
		while ((pos = publish_rec_next(&p, end))) {
			int sev = 0, line = 0, col = 0;
			sscanf(pos, "%d %d %d", &sev, &line, &col);
			const char *file = publish_rec_next(&p, end), *msg = publish_rec_next(&p, end);
			const char *hint = publish_rec_next(&p, end);
			diag_add(job->d, (diag_severity)sev, file, line, col, hint, "%s", msg ? msg : "");
		}
	}
	if (job->on_output) /* progress (authoring): made, reused or failed */
		job->on_output(job->on_output_ctx, href);
	if (!ok) {
		r->ok = false;
		g_free(href);
		return;
	}
	content_item *it = content_group_item(t->g, t->lang);
	site_download *dl = g_new0(site_download, 1);
	struct stat st;
	const char *title = yt_str(it->fm, "title");
	char *path = g_build_filename(r->out_dir, href, NULL);
	dl->href = href;
	dl->title = g_strdup(title ? title : t->g->slug);
	dl->lang = g_strdup(t->lang);
	dl->kind = g_strdup(t->layout);
	dl->slug = g_strdup(t->g->slug);
	dl->bytes = stat(path, &st) == 0 ? (long)st.st_size : 0;
	g_ptr_array_add(job->downloads, dl);
	job->documents++;
	g_free(path);
}

static gint publish_cmp_download(gconstpointer a, gconstpointer b, gpointer config);

void publish_kept(publish_job *job, const char *out_dir)
{
	const site_config *c = job->model->config;
	for (size_t l = 0; l < c->nlangs; l++) {
		char *dir = g_build_filename(out_dir, "pdf", c->langs[l].code, NULL);
		GDir *d = g_dir_open(dir, 0, NULL);
		const char *n;
		while (d && (n = g_dir_read_name(d))) {
			char *name = g_strndup(n, strlen(n) - (g_str_has_suffix(n, ".pdf") ? 4 : 0));
			char *dash = strchr(name, '-');
			content_group *g = NULL;
			if (dash && g_str_has_suffix(n, ".pdf")) {
				*dash = '\0';
				g = content_group_find(job->model->set, publish_layout_kind(name), dash + 1);
			}
			content_item *it = g ? content_group_item(g, c->langs[l].code) : NULL;
			if (it) {
				site_download *dl = g_new0(site_download, 1);
				char *path = g_build_filename(dir, n, NULL);
				struct stat st;
				const char *title = yt_str(it->fm, "title");
				dl->href = g_strdup_printf("pdf/%s/%s", c->langs[l].code, n);
				dl->title = g_strdup(title ? title : g->slug);
				dl->lang = g_strdup(c->langs[l].code);
				dl->kind = g_strdup(name);
				dl->slug = g_strdup(g->slug);
				dl->bytes = stat(path, &st) == 0 ? (long)st.st_size : 0;
				g_ptr_array_add(job->downloads, dl);
				g_free(path);
			}
			g_free(name);
		}
		if (d)
			g_dir_close(d);
		g_free(dir);
	}
	g_ptr_array_sort_with_data(job->downloads, publish_cmp_download, (gpointer)job->model->config);
}

/* Downloads are listed in a fixed order, whatever order threads finished:
 * the site's languages in their order, then by file. */
static gint publish_cmp_download(gconstpointer a, gconstpointer b, gpointer config)
{
	const site_download *x = *(site_download *const *)a, *y = *(site_download *const *)b;
	const site_config *c = config;
	if (strcmp(x->lang, y->lang)) {
		const cfg_language *lx = config_language(c, x->lang), *ly = config_language(c, y->lang);
		return (int)(lx - c->langs) - (int)(ly - c->langs);
	}
	return strcmp(x->href, y->href);
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
	GArray *tasks = g_array_new(FALSE, TRUE, sizeof(publish_task));
	for (size_t l = 0; l < c->nlangs; l++) {
		if (!c->langs[l].build)
			continue;
		for (size_t k = 0; k < G_N_ELEMENTS(docs); k++) {
			GPtrArray *groups = job->model->set->groups[docs[k].kind];
			for (guint i = 0; i < groups->len; i++) {
				publish_task t = {docs[k].layout, c->langs[l].code, groups->pdata[i]};
				/* documents exist only in languages with the content */
				if (content_group_item(t.g, t.lang))
					g_array_append_val(tasks, t);
			}
		}
	}
	publish_run run = {job, out_dir, tasks, getpid(), true};
	size_t lost = 0;
	bool ok = workers_run(job->jobs, tasks->len, publish_task_run, publish_task_done, &run,
	                      &lost);
	if (!ok)
		diag_error(job->d, NULL, 0, 0, "run the build again; report it if it happens again",
		           "a PDF worker process stopped before finishing (%zu documents not made)",
		           lost);
	ok = ok && run.ok;
	g_ptr_array_sort_with_data(job->downloads, publish_cmp_download, (gpointer)job->model->config);
	g_array_free(tasks, TRUE);
	return ok;
}
