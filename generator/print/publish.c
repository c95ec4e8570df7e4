/* publish: compose, transform, paginate. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include "publish.h"
#include "build/workers.h"
#include "model/chart.h"
#include "model/model_reads.h"

void site_download_free(site_download *d)
{
	g_free(d->href);
	g_free(d->title);
	g_free(d->lang);
	g_free(d->kind);
	g_free(d->slug);
	g_free(d);
}

/* A base URL no reader can open: unset, or a domain kept for examples and
 * tests (RFC 2606 and 6761: example.com/.net/.org, .example, .invalid,
 * .localhost, .test). A printed address or QR code to it would mislead. */
bool publish_offline(const char *base)
{
	if (!base || !*base)
		return true;
	const char *host = strstr(base, "://");
	host = host ? host + 3 : base;
	char *h = g_ascii_strdown(host, (gssize)strcspn(host, "/:?#"));
	static const char *const reserved[] = {"example.com", "example.net", "example.org",
	                                       "example", "invalid", "localhost", "test"};
	bool off = !*h;
	for (size_t i = 0; !off && i < G_N_ELEMENTS(reserved); i++) {
		size_t hl = strlen(h), rl = strlen(reserved[i]);
		off = hl >= rl && !strcmp(h + hl - rl, reserved[i]) &&
		      (hl == rl || h[hl - rl - 1] == '.');
	}
	g_free(h);
	return off;
}

bool publish_open(publish_job *job)
{
	const site_config *c = job->model->config;
	if (publish_offline(c->base_url))
		diag_warn(job->d, c->path, 0, 0,
		          "set base_url in site.yaml to where the site will be published",
		          "base_url '%s' is not a public address: the PDFs leave out the web "
		          "address and the QR code", c->base_url ? c->base_url : "");
	char *xsl = g_build_filename(job->theme_dir, "print", "document.xsl", NULL);
	char *yaml = g_build_filename(job->theme_dir, "print", "style.yaml", NULL);
	if (job->jobs < 1)
		job->jobs = 1;
	g_mutex_init(&job->lock);
	/* One stylesheet and one set of styles and fonts: each worker process
	 * has its own copy. */
	job->sheet = xslt_load(xsl, job->model->strings, job->d);
	job->style = job->sheet ? print_style_load(yaml, job->d) : NULL;
	if (job->style) {
		print_style_set_fonts(job->style, job->fonts_conf, job->fonts_cache);
		print_style_set_standard(job->style, job->pdf_standard);
		if (job->model->source_date >= 0)
			print_style_set_date(job->style, job->model->source_date);
	}
	g_free(xsl);
	g_free(yaml);
	char *settings = g_build_filename(job->theme_dir, "print", "settings.xml", NULL);
	job->shown = model_shown_load(settings); /* what documents show of related pages */
	g_free(settings);
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
	model_shown_free(job->shown);
	job->shown = NULL;
	g_mutex_clear(&job->lock);
}

/* A full <item> of kind/slug as lang reads it, appended to parent, with the
 * keys a document of layout shows of it (print/settings.xml). */
static void publish_add(publish_job *job, const char *layout, xmlNodePtr parent, content_kind k,
                        const char *slug, const char *lang, bool full)
{
	content_group *g = content_group_find(job->model->set, k, slug);
	if (g && job->used)
		g_hash_table_add(job->used, g);
	char *kind = g_strconcat("kind=", content_kind_name(k), NULL);
	const char *const *keys = model_shown_keys(job->shown, layout, kind, true);
	g_free(kind);
	if (g)
		xmlAddChild(parent, model_item_keys(job->model, g, lang, parent->doc, full, keys));
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
	if (publish_offline(job->model->config->base_url))
		xmlSetProp(page, BAD_CAST "web", BAD_CAST "no"); /* the theme leaves addresses out */
	xmlNodePtr item = model_item_keys(job->model, g, lang, doc, true,
	                                  model_shown_keys(job->shown, layout, "", true));
	xmlAddChild(page, item);
	content_item *it = content_group_pick(g, job->model->config, lang);
	const char *city = yt_str(it->fm, "city");
	xmlNodePtr related = xmlNewChild(page, NULL, BAD_CAST "related", NULL);
	if (city)
		publish_add(job, layout, related, KIND_CITY, city, lang, true);
	const yt_node *list = yt_get(it->fm, g->kind == KIND_KIT ? "systems" : "proposed");
	for (size_t i = 0; list && list->kind == YT_SEQ && i < list->count; i++)
		if (list->items[i]->kind == YT_SCALAR)
			publish_add(job, layout, related, KIND_SYSTEM, list->items[i]->value, lang,
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
		publish_add(job, layout, related, KIND_SYSTEM, rec->pdata[i], lang, true);
	if (rec)
		g_ptr_array_free(rec, TRUE);
	int tables = 0, figures = 0;
	publish_number(xmlDocGetRootElement(doc), &tables, &figures);
	return doc;
}

/* The kind whose PDF has this layout (kinds.c); a system's for others. */
content_kind publish_layout_kind(const char *layout)
{
	int k = kinds_by_document(layout);
	return k >= 0 ? (content_kind)k : KIND_SYSTEM;
}

/* A flyer's contact card with the QR code to its system's web page,
 * drawn into a file in the site's folder while the flyer is laid out
 * (named in the page's qr attribute), then removed: it is part of the
 * PDF, not of the site. Returns its path, or NULL when the site is
 * offline or it failed. */
static char *publish_qr(publish_job *job, xmlDocPtr in, const char *slug, const char *lang)
{
	const site_config *c = job->model->config;
	if (publish_offline(c->base_url))
		return NULL;
	char *name = g_strdup_printf(".contact-%s-%s.svg", lang, slug);
	char *path = g_build_filename(job->base_dir, name, NULL);
	char *url = g_strdup_printf("%s%s/systems/%s/", c->base_url, lang, slug);
	const char *lines[4] = {i18n_get(job->model->strings, lang, "print.contacts"),
	                        config_text(c, "organisation", lang), config_text(c, "title", lang),
	                        url};
	GError *err = NULL;
	/* the A4 measure; a 25 mm code is read by any phone at arm's length */
	if (chart_contact_svg(path, lang, lines, url, 162 * 72 / 25.4, 25 * 72 / 25.4, &err))
		xmlSetProp(xmlDocGetRootElement(in), BAD_CAST "qr", BAD_CAST name);
	else {
		diag_error(job->d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
		g_free(path);
		path = NULL;
	}
	g_free(url);
	g_free(name);
	return path;
}

static void publish_qr_done(char *path)
{
	if (path)
		g_unlink(path);
	g_free(path);
}

/* A flyer is one page, filled: the theme offers section sets (the page's
 * fit attribute, 0 the fullest) and type sizes (size, in tenths of a
 * point). For each set from the fullest, its smallest readable size is
 * tried; the first set that holds on one page is then set in the largest
 * size that still does (a binary search), so a short text is set large
 * and a long one loses its optional sections before it gets small.
 * Trial layouts report nothing. */
static const int publish_fit_min[] = {95, 90, 90, 85}; /* per set */
#define PUBLISH_FIT_MAX 130
#define PUBLISH_FIT_STEP 5

static xmlDocPtr publish_fit_try(publish_job *job, xmlDocPtr in, const char *what, int set,
                                 int size, bool keep)
{
	char buf[16];
	xmlNodePtr page = xmlDocGetRootElement(in);
	snprintf(buf, sizeof buf, "%d", set);
	xmlSetProp(page, BAD_CAST "fit", BAD_CAST buf);
	snprintf(buf, sizeof buf, "%d", size);
	xmlSetProp(page, BAD_CAST "size", BAD_CAST buf);
	diag_list *scratch = diag_new();
	xmlDocPtr print = xslt_apply_doc(job->sheet, in, what, scratch);
	print_layout *l = print ? print_layout_doc(print, job->base_dir, job->style, scratch) : NULL;
	bool one = l && l->n_pages == 1 && !scratch->errors;
	print_layout_free(l);
	diag_free(scratch);
	if (one && keep)
		return print;
	xmlFreeDoc(print);
	return one ? (xmlDocPtr)page : NULL; /* a non-NULL mark: it fits */
}

static xmlDocPtr publish_fit(publish_job *job, xmlDocPtr in, const char *what)
{
	size_t nsets = G_N_ELEMENTS(publish_fit_min);
	for (size_t set = 0; set < nsets; set++) {
		int lo = publish_fit_min[set];
		if (!publish_fit_try(job, in, what, (int)set, lo, false))
			continue;
		int hi = PUBLISH_FIT_MAX + PUBLISH_FIT_STEP; /* lo fits, hi does not */
		while (hi - lo > PUBLISH_FIT_STEP) {
			int mid = lo + (hi - lo) / 2 / PUBLISH_FIT_STEP * PUBLISH_FIT_STEP;
			if (publish_fit_try(job, in, what, (int)set, mid, false))
				lo = mid;
			else
				hi = mid;
		}
		xmlDocPtr print = publish_fit_try(job, in, what, (int)set, lo, true);
		if (print)
			return print;
	}
	/* nothing holds: the tightest, and the paginator's pages as they come */
	char buf[16];
	xmlNodePtr page = xmlDocGetRootElement(in);
	snprintf(buf, sizeof buf, "%zu", nsets - 1);
	xmlSetProp(page, BAD_CAST "fit", BAD_CAST buf);
	snprintf(buf, sizeof buf, "%d", publish_fit_min[nsets - 1]);
	xmlSetProp(page, BAD_CAST "size", BAD_CAST buf);
	return xslt_apply_doc(job->sheet, in, what, job->d);
}

/* Makes one PDF. rel: the PDF's path inside the site when the cache may
 * reuse it, else NULL; *key and *reused then say what the cache decided
 * (key owned by the caller). */
static bool publish_render(publish_job *job, const char *layout, const char *slug,
                           const char *lang, const char *pdf_path, const char *rel,
                           char **key_out, bool *reused)
{
	int k = kinds_by_document(layout);
	content_group *g = k >= 0 ? content_group_find(job->model->set, k, slug) : NULL;
	if (!g) {
		diag_error(job->d, NULL, 0, 0, "see kitgen check for the names",
		           "there is no %s named '%s'", k >= 0 ? content_kind_name(k) : layout, slug);
		return false;
	}
	xmlDocPtr in = publish_compose(job, layout, g, lang);
	/* The input document, the theme and the date the PDF carries decide
	 * the PDF: reuse it if so. */
	char *kind = g_strdup_printf("pdf date %" G_GINT64_FORMAT, job->model->source_date);
	char *key = rel && job->cache ? cache_key(job->cache, kind, in) : NULL;
	g_free(kind);
	*reused = key && cache_reuse(job->cache, rel, key, job->base_dir);
	*key_out = key;
	if (*reused) {
		xmlFreeDoc(in);
		return true;
	}
	char *what = g_strdup_printf("%s %s (%s)", layout, slug, lang);
	char *qr = !strcmp(layout, "flyer") ? publish_qr(job, in, slug, lang) : NULL;
	xmlDocPtr print = !strcmp(layout, "flyer") ? publish_fit(job, in, what)
	                                           : xslt_apply_doc(job->sheet, in, what, job->d);
	xmlFreeDoc(in);
	g_free(what);
	if (!print) {
		publish_qr_done(qr);
		return false;
	}
	char *dir = g_path_get_dirname(pdf_path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	g_unlink(pdf_path); /* never write through a link into the live site */
	int before = job->d->errors;
	bool ok = print_render(print, job->base_dir, job->style, pdf_path, job->d) == 0 &&
	          job->d->errors == before;
	xmlFreeDoc(print);
	publish_qr_done(qr);
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
			int k = -1;
			if (dash && g_str_has_suffix(n, ".pdf")) {
				*dash = '\0';
				k = kinds_by_document(name);
			}
			if (k >= 0)
				g = content_group_find(job->model->set, k, dash + 1);
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

/* Every document to make: the PDF layout of each kind that has one
 * (kinds.c), in every language built that has the content. */
static GArray *publish_tasks(const publish_job *job)
{
	const site_config *c = job->model->config;
	GArray *tasks = g_array_new(FALSE, TRUE, sizeof(publish_task));
	for (size_t l = 0; l < c->nlangs; l++) {
		if (!c->langs[l].build)
			continue;
		content_iter i = content_iter_start(job->model->set);
		for (content_group *g; (g = content_iter_next_group(&i));) {
			publish_task t = {kinds_get(g->kind)->document, c->langs[l].code, g};
			/* documents exist only in languages with the content */
			if (t.layout && content_group_item(g, t.lang))
				g_array_append_val(tasks, t);
		}
	}
	return tasks;
}

bool publish_all(publish_job *job, const char *out_dir)
{
	GArray *tasks = publish_tasks(job);
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

static int publish_plan(void *self)
{
	const publish_output *o = self;
	if (!o->make)
		return 0;
	GArray *tasks = publish_tasks(o->job);
	int n = (int)tasks->len;
	g_array_free(tasks, TRUE);
	return n;
}

static bool publish_emit(void *self)
{
	const publish_output *o = self;
	if (o->make)
		return publish_all(o->job, o->out_dir);
	publish_kept(o->job, o->out_dir);
	return true;
}

/* PDFs read the model and the media, which are written before any output. */
const output_def publish_pdf_output = {"pdf", NULL, publish_plan, publish_emit};
