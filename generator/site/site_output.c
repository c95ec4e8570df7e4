/* site_output: the site's outputs behind output.h — what each makes,
 * planned as tasks and run on the build's threads. */
#include <string.h>
#include "build/jobs.h"
#include "site/site_int.h"
#include "site/search.h"
#include "model/model_reads.h"

/* One page to make: a list page (layout set), or an item page (g set). */
typedef struct {
	const char *layout, *lang, *sub, *file;
	const content_kind *kinds;
	int nkinds;
	bool feed;
	int page; /* of a paged list; 0 or 1: its first */
	const content_group *g;
} site_task;

typedef struct {
	site_ctx *ctx; /* one per thread: each with its own stylesheets */
	GArray *tasks;
} site_run;

static bool site_run_task(void *shared, int thread, size_t i)
{
	site_run *r = shared;
	site_ctx *x = &r->ctx[thread];
	const site_task *t = &g_array_index(r->tasks, site_task, i);
	if (t->g)
		return site_item_page(x, t->g, t->lang);
	if (!strcmp(t->layout, "self-assessment"))
		return site_self_assessment(x, t->lang);
	return site_list_page(x, t->layout, t->lang, t->sub, t->page > 1 ? t->page : 1, t->kinds,
	                      t->nkinds, t->feed ? x->feed : x->page, t->file);
}

static void site_add(GArray *tasks, site_task t)
{
	g_array_append_val(tasks, t);
}

/* The site's state from its outputs' plans to site_close: the kinds each
 * list shows, each output's tasks, and (made when the first emits, once
 * the PDFs it lists are there) the book of reads and one set of stylesheets
 * per thread. */
typedef enum { SITE_LISTS, SITE_FEEDS, SITE_PAGES, SITE_OUTPUTS } site_output;

struct site_session {
	content_kind home[KIND_COUNT], each[KIND_COUNT], feed[KIND_COUNT];
	int nhome, nfeed;
	GArray *tasks[SITE_OUTPUTS]; /* site_task */
	site_ctx *ctx;               /* n of them, NULL until the first emit */
	int n;
	reads_book *book;
	model_shown *lists;
	bool ok;
};

static struct site_session *site_session_of(site_job *job)
{
	if (job->session)
		return job->session;
	struct site_session *s = g_new0(struct site_session, 1);
	/* Which kinds each list shows, from the table: the home page, each
	 * kind's own list, the feed. */
	for (int k = 0; k < KIND_COUNT; k++) {
		s->each[k] = (content_kind)k;
		if (kinds_get(k)->home)
			s->home[s->nhome++] = (content_kind)k;
		if (kinds_get(k)->feed)
			s->feed[s->nfeed++] = (content_kind)k;
	}
	for (int o = 0; o < SITE_OUTPUTS; o++)
		s->tasks[o] = g_array_new(FALSE, TRUE, sizeof(site_task));
	char *settings = g_build_filename(job->theme_dir, "site", "settings.xml", NULL);
	s->lists = model_shown_load(settings); /* what lists show, and how many a page */
	g_free(settings);
	job->session = s;
	return s;
}

/* Stylesheets are compiled here, in one thread, one set per worker. */
static bool site_session_ready(site_job *job)
{
	struct site_session *s = site_session_of(job);
	if (s->ctx)
		return s->ok;
	const site_config *c = job->model->config;
	s->n = job->jobs > 0 ? job->jobs : 1;
	s->ctx = g_new0(site_ctx, s->n);
	s->book = job->cache ? reads_book_new(site_read_value, job) : NULL;
	char *page_xsl = g_build_filename(job->theme_dir, "site", "page.xsl", NULL);
	char *feed_xsl = g_build_filename(job->theme_dir, "site", "feed.xsl", NULL);
	s->ok = true;
	for (int i = 0; i < s->n && s->ok; i++) {
		s->ctx[i] = (site_ctx){.job = job, .c = c, .book = s->book,
		                      .lists = s->lists};
		s->ctx[i].page = xslt_load(page_xsl, job->model->strings, job->d);
		s->ctx[i].feed = s->ctx[i].page ? xslt_load(feed_xsl, job->model->strings, job->d) : NULL;
		s->ok = s->ctx[i].page && s->ctx[i].feed;
	}
	g_free(page_xsl);
	g_free(feed_xsl);
	return s->ok;
}

void site_close(site_job *job)
{
	struct site_session *s = job->session;
	if (!s)
		return;
	for (int i = 0; s->ctx && i < s->n; i++) {
		xslt_free(s->ctx[i].page);
		xslt_free(s->ctx[i].feed);
	}
	g_free(s->ctx);
	reads_book_free(s->book);
	model_shown_free(s->lists);
	for (int o = 0; o < SITE_OUTPUTS; o++)
		g_array_free(s->tasks[o], TRUE);
	g_free(s);
	job->session = NULL;
}

/* Enumerates one output's tasks: for every language built, the home page,
 * the kinds' lists, downloads and self-assessment (lists); the feed
 * (feeds); the page of every item whose kind has one (pages). */
static int site_plan(site_job *job, site_output o)
{
	struct site_session *s = site_session_of(job);
	const site_config *c = job->model->config;
	GArray *tasks = s->tasks[o];
	g_array_set_size(tasks, 0);
	for (size_t i = 0; i < c->nlangs; i++) {
		const char *lang = c->langs[i].code;
		if (!c->langs[i].build)
			continue;
		if (o == SITE_LISTS) {
			site_add(tasks, (site_task){.layout = "home", .lang = lang, .sub = "", .file = "index.html", .kinds = s->home, .nkinds = s->nhome});
			for (int k = 0; k < KIND_COUNT; k++) {
				const kind_def *kd = kinds_get(k);
				int pages = kd->list ? site_list_pages(job->model, s->lists, kd->list, (content_kind)k, lang) : 0;
				for (int p = 1; p <= pages; p++)
					site_add(tasks, (site_task){.layout = kd->list, .lang = lang, .sub = kd->url, .file = "index.html", .kinds = &s->each[k], .nkinds = 1, .page = p});
			}
			/* downloads are grouped by city */
			site_add(tasks, (site_task){.layout = "downloads", .lang = lang, .sub = "downloads/", .file = "index.html", .kinds = &s->each[KIND_CITY], .nkinds = 1});
			/* the search page: every page listed (what a reader without
			 * JavaScript gets), the results above it (assets/search.js) */
			site_add(tasks, (site_task){.layout = "search", .lang = lang, .sub = "search/", .file = "index.html", .kinds = s->feed, .nkinds = s->nfeed});
			if (job->model->dx)
				site_add(tasks, (site_task){.layout = "self-assessment", .lang = lang});
		} else if (o == SITE_FEEDS) {
			site_add(tasks, (site_task){.layout = "feed", .lang = lang, .sub = "", .file = "feed.xml", .kinds = s->feed, .nkinds = s->nfeed, .feed = true});
		} else {
			content_iter it = content_iter_start(job->model->set);
			for (const content_group *g; (g = content_iter_next_group(&it));)
				if (model_kind_has_page(g->kind))
					site_add(tasks, (site_task){.lang = lang, .g = g});
		}
	}
	return (int)tasks->len;
}

/* Makes (or keeps) one output's tasks on the build's threads. */
static bool site_emit_tasks(site_job *job, site_output o)
{
	if (!site_session_ready(job))
		return false;
	struct site_session *s = job->session;
	site_run run = {s->ctx, s->tasks[o]};
	return jobs_run(s->n, s->tasks[o]->len, site_run_task, &run);
}

static int site_lists_plan(void *job) { return site_plan(job, SITE_LISTS); }
static bool site_lists_emit(void *job) { return site_emit_tasks(job, SITE_LISTS); }
static int site_feeds_plan(void *job) { return site_plan(job, SITE_FEEDS); }
static bool site_feeds_emit(void *job) { return site_emit_tasks(job, SITE_FEEDS); }
static int site_pages_plan(void *job) { return site_plan(job, SITE_PAGES); }
static bool site_pages_emit(void *job) { return site_emit_tasks(job, SITE_PAGES); }

/* The language chooser at the root and the 404 page. */
static int site_root_plan(void *job)
{
	(void)job;
	return 2;
}

static bool site_root_emit(void *job)
{
	if (!site_session_ready(job))
		return false;
	site_ctx *x = &((site_job *)job)->session->ctx[0];
	return site_root_page(x, "root", "index.html") && site_root_page(x, "notfound", "404.html");
}

/* sitemap.xml and robots.txt (not counted in the progress). */
static int site_sitemap_plan(void *job)
{
	(void)job;
	return 0;
}

static bool site_sitemap_emit(void *job)
{
	return site_session_ready(job) && site_sitemap(&((site_job *)job)->session->ctx[0]);
}

/* Every page lists the PDFs (downloads), and its key reads them. */
static const char *const site_after[] = {"pdf", NULL};

const output_def site_lists_output = {"lists", site_after, site_lists_plan, site_lists_emit};
const output_def site_feeds_output = {"feeds", site_after, site_feeds_plan, site_feeds_emit};
const output_def site_pages_output = {"pages", site_after, site_pages_plan, site_pages_emit};
const output_def site_root_output = {"root", site_after, site_root_plan, site_root_emit};
const output_def site_sitemap_output = {"sitemap", site_after, site_sitemap_plan,
                                        site_sitemap_emit};

/* The search index (search.c), made from the same model as the pages. */
static int site_search_plan(void *job)
{
	(void)job;
	return 0;
}

static bool site_search_emit(void *job_)
{
	site_job *job = job_;
	if (!site_session_ready(job))
		return false;
	search_job search = {.model = job->model, .downloads = job->downloads,
	                     .out_dir = job->out_dir, .book = job->session->book,
	                     .cache = job->cache, .cache_dir = job->cache_dir,
	                     .jobs = job->session->n, .d = job->d};
	return search_build(&search);
}

const output_def site_search_output = {"search", site_after, site_search_plan, site_search_emit};

/* ---- what the site's pages read ---------------------------------------- */

/* d as a page shows it: in a list, with its size in whole kilobytes
 * (docs/theme.md), so a PDF that changed by a few bytes makes no page
 * again (a size halfway between two is summed exactly, whichever way the
 * theme rounds it); on an item page, without size, slug or city. */
static void site_sum_download(const model *m, const site_download *d, bool listed,
                              GChecksum *sum)
{
	char size[64];
	snprintf(size, sizeof size, "%ld %ld", (d->bytes + 512) / 1024,
	         d->bytes % 1024 == 512 ? d->bytes : -1);
	const char *v[] = {d->href, d->title, d->lang, d->kind, d->slug, site_download_city(m, d),
	                   size};
	for (size_t k = 0; k < (listed ? G_N_ELEMENTS(v) : 4); k++)
		g_checksum_update(sum, (const guchar *)(v[k] ? v[k] : ""), (gssize)strlen(v[k] ? v[k] : "") + 1);
}

bool site_read_value(void *job_, const char *name, GChecksum *sum)
{
	const site_job *job = job_;
	bool all = !strcmp(name, "downloads");
	if (!all && !g_str_has_prefix(name, "dl|"))
		return model_read_value(job->model, name, sum);
	char **f = g_strsplit(name, "|", 3);
	int kind = all ? 0 : f[1] && f[2] ? content_kind_from_name(f[1]) : -1;
	for (guint i = 0; kind >= 0 && job->downloads && i < job->downloads->len; i++) {
		const site_download *d = job->downloads->pdata[i];
		if (all || site_download_on(job->model, d, kind, f[2]))
			site_sum_download(job->model, d, all, sum);
	}
	g_strfreev(f);
	return kind >= 0;
}
