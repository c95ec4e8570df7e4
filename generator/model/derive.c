/* derive: budgets and timelines of feasibility studies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/derive.h"
#include "model/model_reads.h"
#include "model/diagram.h"
#include "core/xmltext.h"
#include "load/i18n.h"
#include "build/workers.h"

chart_phase *derive_phases(const content_item *it, size_t *n)
{
	const yt_node *ph = yt_get(it->fm, "phases");
	*n = 0;
	if (!ph || ph->kind != YT_SEQ || !ph->count)
		return NULL;
	chart_phase *p = g_new0(chart_phase, ph->count);
	for (size_t i = 0; i < ph->count; i++) {
		const char *start = yt_str(ph->items[i], "start"), *months = yt_str(ph->items[i], "months");
		p[*n].name = yt_str(ph->items[i], "name");
		if (!p[*n].name || !start || !months ||
		    sscanf(start, "%4d-%2d", &p[*n].year, &p[*n].month) != 2)
			continue; /* schema_check reported it */
		p[*n].months = atoi(months);
		(*n)++;
	}
	return p;
}

char *derive_chart_path(const content_item *it)
{
	return g_strdup_printf("charts/%s.%s.svg", it->slug, it->lang);
}

static void derive_set_num(xmlNodePtr e, const char *k, double v)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.0f", v);
	xmltext_set(e, k, buf);
}

/* <budget currency total shown><phase n name … subtotal shown>
 *   <line item amount shown/></phase></budget> */
static void derive_budget(const content_item *it, const char *lang, xmlNodePtr item,
                          const chart_phase *p, size_t np)
{
	const yt_node *costs = yt_get(it->fm, "costs");
	const char *cur = yt_str(it->fm, "currency");
	if (!costs || costs->kind != YT_SEQ || !cur)
		return;
	/* Figures are shown in the content's language conventions when the
	 * page falls back, to match the text around them. */
	const char *fmt_lang = it->lang ? it->lang : lang;
	xmlNodePtr b = xmlNewChild(item, NULL, BAD_CAST "budget", NULL);
	xmltext_set(b, "currency", cur);
	double total = 0;
	for (size_t k = 0; k < np; k++) {
		xmlNodePtr ph = xmlNewChild(b, NULL, BAD_CAST "phase", NULL);
		char num[32];
		snprintf(num, sizeof num, "%zu", k + 1);
		xmltext_set(ph, "n", num);
		xmltext_set(ph, "name", p[k].name);
		double sub = 0;
		for (size_t i = 0; i < costs->count; i++) {
			const char *phase = yt_str(costs->items[i], "phase");
			const char *amount = yt_str(costs->items[i], "amount");
			if (!phase || !amount || (size_t)atoi(phase) != k + 1)
				continue;
			double a = g_ascii_strtod(amount, NULL);
			xmlNodePtr line = xmlNewChild(ph, NULL, BAD_CAST "line", NULL);
			xmltext_set(line, "item", yt_str(costs->items[i], "item"));
			derive_set_num(line, "amount", a);
			char *shown = i18n_format_currency(fmt_lang, a, cur);
			xmltext_set(line, "shown", shown);
			g_free(shown);
			sub += a;
		}
		derive_set_num(ph, "subtotal", sub);
		char *shown = i18n_format_currency(fmt_lang, sub, cur);
		xmltext_set(ph, "shown", shown);
		g_free(shown);
		total += sub;
	}
	derive_set_num(b, "total", total);
	char *shown = i18n_format_currency(fmt_lang, total, cur);
	xmltext_set(b, "shown", shown);
	g_free(shown);
}

void derive_study(const content_item *it, const char *lang, xmlNodePtr item)
{
	size_t np;
	chart_phase *p = derive_phases(it, &np);
	if (!np) {
		g_free(p);
		return;
	}
	xmlNodePtr tl = xmlNewChild(item, NULL, BAD_CAST "timeline", NULL);
	char *path = derive_chart_path(it);
	double w, h;
	chart_timeline_size(np, &w, &h);
	xmltext_set(tl, "media", path);
	derive_set_num(tl, "width", w);
	derive_set_num(tl, "height", h);
	g_free(path);
	for (size_t i = 0; i < np; i++) {
		xmlNodePtr e = xmlNewChild(tl, NULL, BAD_CAST "phase", NULL);
		char buf[32];
		snprintf(buf, sizeof buf, "%04d-%02d", p[i].year, p[i].month);
		xmltext_set(e, "start", buf);
		int end = p[i].year * 12 + p[i].month - 1 + p[i].months - 1;
		snprintf(buf, sizeof buf, "%04d-%02d", end / 12, end % 12 + 1);
		xmltext_set(e, "end", buf);
		snprintf(buf, sizeof buf, "%d", p[i].months);
		xmltext_set(e, "months", buf);
		xmltext_set(e, "name", p[i].name);
	}
	derive_budget(it, lang, item, p, np);
	g_free(p);
}

static char *derive_radar_path(const content_item *it)
{
	return g_strdup_printf("charts/diagnosis-%s.%s.svg", it->slug, it->lang);
}

void derive_diagnosis(const content_item *it, xmlNodePtr item)
{
	double w, h;
	chart_radar_size(&w, &h);
	xmlNodePtr e = xmlNewChild(item, NULL, BAD_CAST "radar", NULL);
	char *path = derive_radar_path(it);
	xmltext_set(e, "media", path);
	derive_set_num(e, "width", w);
	derive_set_num(e, "height", h);
	g_free(path);
}

/* The radar of each diagnosis, labelled in the translation's language. */
/* What drawing charts needs, made on first use: a build whose charts are
 * all cached loads no fonts. */
typedef struct {
	const char *out_dir, *conf, *font_cache;
	out_cache *cache;
	reads_book *book; /* what a chart reads (model_reads.h), NULL without a cache */
	fonts_ctx *fonts;
	PangoFontMap *fm;
	diag_list *d;
} derive_charts;

static PangoFontMap *derive_font_map(derive_charts *c)
{
	if (!c->fonts) {
		c->fonts = fonts_new(c->conf, c->font_cache, c->d);
		c->fm = c->fonts ? fonts_font_map(c->fonts) : NULL;
	}
	return c->fm;
}

/* Links the chart at media/rel from the previous build when what it reads
 * (names, tab-separated: model_reads.h) reads the same. */
static bool derive_chart_kept(derive_charts *c, const char *kind, const char *rel,
                              const char *names)
{
	if (!c->cache)
		return false;
	char *file = g_build_filename("media", rel, NULL);
	char *key = cache_key_reads(c->cache, kind, c->book, names);
	if (!key) {
		g_free(file);
		return false;
	}
	bool kept = cache_reuse(c->cache, file, key, c->out_dir);
	g_free(key);
	g_free(file);
	return kept;
}

/* The stage after the current one: its threshold is the radar's
 * reference ring, "Name ≥ 40" its legend. Nothing at the last stage. */
static void derive_next_stage(xmlNodePtr stages, const char *lang, double *ref, char **label)
{
	bool after = false;
	for (xmlNodePtr st = stages->children; st; st = st->next) {
		if (st->type != XML_ELEMENT_NODE)
			continue;
		if (after) {
			xmlChar *min = xmlGetProp(st, BAD_CAST "min"), *name = xmlGetProp(st, BAD_CAST "name");
			*ref = min ? g_ascii_strtod((const char *)min, NULL) : -1;
			char *num = i18n_format_decimal(lang, *ref, -1);
			*label = g_strdup_printf("%s ≥ %s", name ? (const char *)name : "", num);
			g_free(num);
			xmlFree(min);
			xmlFree(name);
			return;
		}
		after = xmlHasProp(st, BAD_CAST "current") != NULL;
	}
}

static bool derive_write_radars(const model *m, derive_charts *c)
{
	const char *out_dir = c->out_dir;
	diag_list *d = c->d;
	char *dx_path = g_build_filename(m->set->root, "diagnostics", "model.yaml", NULL), *dx_text = NULL;
	gsize dx_len = 0;
	g_file_get_contents(dx_path, &dx_text, &dx_len, NULL);
	g_free(dx_path);
	char *dx_sum = dx_text ? g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)dx_text, dx_len)
	                       : g_strdup("");
	char *kind = g_strconcat("radar ", dx_sum, NULL); /* the model's text */
	g_free(dx_sum);
	GPtrArray *groups = m->set->groups[KIND_DIAGNOSTIC];
	bool ok = true;
	for (guint i = 0; i < groups->len; i++) {
		content_group *g = groups->pdata[i];
		for (guint j = 0; j < g->items->len; j++) {
			content_item *it = g->items->pdata[j];
			dx_result *r = g_hash_table_lookup(m->dx_results, it);
			if (!r)
				continue;
			char *rel = derive_radar_path(it);
			/* scores and labels: every diagnosis (the scores compare
			 * them), the model (a file of the catalogue) and its text */
			if (derive_chart_kept(c, kind, rel, "catalogue\theads")) {
				g_free(rel);
				continue;
			}
			PangoFontMap *fm = derive_font_map(c);
			if (!fm) {
				g_free(rel);
				ok = false;
				continue;
			}
			/* Names and scores come from the same XML the pages use. */
			xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
			xmlNodePtr item = xmlNewDocNode(doc, NULL, BAD_CAST "item", NULL);
			xmlDocSetRootElement(doc, item);
			dx_result_xml(m->dx, r, m->set, m->config, m->strings, it->lang, item);
			GPtrArray *labels = g_ptr_array_new_with_free_func(xmlFree);
			GArray *scores = g_array_new(FALSE, FALSE, sizeof(double));
			double ref = -1;
			char *ref_label = NULL;
			for (xmlNodePtr f = item->children->children; f; f = f->next) {
				if (!xmlStrcmp(f->name, BAD_CAST "stages"))
					derive_next_stage(f, it->lang, &ref, &ref_label);
				if (xmlStrcmp(f->name, BAD_CAST "field"))
					continue;
				xmlChar *score = xmlGetProp(f, BAD_CAST "score");
				double v = g_ascii_strtod((const char *)score, NULL);
				g_array_append_val(scores, v);
				xmlFree(score);
				g_ptr_array_add(labels, xmlGetProp(f, BAD_CAST "short")); /* the chart's label */
			}
			char *path = g_build_filename(out_dir, "media", rel, NULL);
			GError *err = NULL;
			if (!chart_radar_svg(path, fm, it->lang, (const char *const *)labels->pdata,
			                     (const double *)scores->data, scores->len, ref, ref_label,
			                     &err)) {
				diag_error(d, it->path, 0, 0, NULL, "%s", err->message);
				g_error_free(err);
				ok = false;
			}
			g_free(path);
			g_free(rel);
			g_free(ref_label);
			g_array_free(scores, TRUE);
			g_ptr_array_free(labels, TRUE);
			xmlFreeDoc(doc);
		}
	}
	g_free(dx_text);
	g_free(kind);
	return ok;
}

/* The diagram of each system translation that describes one. */
static bool derive_write_diagrams(const model *m, derive_charts *c)
{
	GPtrArray *groups = m->set->groups[KIND_SYSTEM];
	bool ok = true;
	for (guint i = 0; i < groups->len; i++) {
		content_group *g = groups->pdata[i];
		for (guint j = 0; j < g->items->len; j++) {
			content_item *it = g->items->pdata[j];
			if (!diagram_in(it->fm))
				continue;
			char *rel = diagram_media_path(it->slug, it->lang);
			/* what diagram_svg reads */
			char *names = g_strdup_printf("fm|%1$s|diagram_back\tfm|%1$s|diagram_note\t"
			                              "fm|%1$s|diagram_steps\tfm|%1$s|diagram_title",
			                              it->relpath);
			PangoFontMap *fm = derive_chart_kept(c, "diagram", rel, names) ? NULL
			                                                               : derive_font_map(c);
			g_free(names);
			char *path = fm ? g_build_filename(c->out_dir, "media", rel, NULL) : NULL;
			GError *err = NULL;
			if (path && !diagram_svg(path, fm, it->lang, it->fm, &err)) {
				diag_error(c->d, it->path, 0, 0, NULL, "diagram: %s", err->message);
				g_error_free(err);
				ok = false;
			}
			g_free(path);
			g_free(rel);
		}
	}
	return ok;
}

/* A timeline to draw: the study translation and where its chart goes. */
typedef struct {
	derive_charts *c;
	GPtrArray *items; /* content_item *, one per chart to draw */
	bool ok;
} derive_timelines;

/* In a worker: draws timeline i; the record is empty or the error. */
static void derive_timeline_run(void *shared, size_t i, GString *rec)
{
	derive_timelines *t = shared;
	const content_item *it = t->items->pdata[i];
	size_t np;
	chart_phase *p = derive_phases(it, &np);
	char *rel = derive_chart_path(it);
	char *path = g_build_filename(t->c->out_dir, "media", rel, NULL);
	PangoFontMap *fm = derive_font_map(t->c);
	GError *err = NULL;
	if (!fm)
		g_string_append(rec, "the fonts could not be loaded");
	else if (!chart_timeline_svg(path, fm, it->lang, p, np, &err)) {
		g_string_append(rec, err->message);
		g_error_free(err);
	}
	g_free(path);
	g_free(rel);
	g_free(p);
}

static void derive_timeline_done(void *shared, size_t i, const char *rec, size_t len)
{
	derive_timelines *t = shared;
	if (!len)
		return;
	const content_item *it = t->items->pdata[i];
	diag_error(t->c->d, it->path, 0, 0, NULL, "%.*s", (int)len, rec);
	t->ok = false;
}

bool derive_write_charts(const model *m, const char *out_dir, const char *fonts_conf,
                         const char *font_cache, out_cache *cache, int jobs, diag_list *d)
{
	derive_charts c = {.out_dir = out_dir, .conf = fonts_conf, .font_cache = font_cache,
	                   .cache = cache, .d = d,
	                   .book = cache ? reads_book_new(model_read_value, (void *)m) : NULL};
	GPtrArray *studies = m->set->groups[KIND_STUDY];
	bool ok = derive_write_radars(m, &c);
	ok = derive_write_diagrams(m, &c) && ok;
	/* Timelines are many in a large catalogue: drawn in worker processes,
	 * as cairo cannot draw text in two threads (see workers.h). */
	derive_timelines t = {&c, g_ptr_array_new(), true};
	for (guint i = 0; i < studies->len; i++) {
		content_group *g = studies->pdata[i];
		for (guint j = 0; j < g->items->len; j++) {
			content_item *it = g->items->pdata[j];
			size_t np;
			g_free(derive_phases(it, &np));
			char *rel = np ? derive_chart_path(it) : NULL;
			char *names = g_strdup_printf("fm|%s|phases", it->relpath); /* derive_phases */
			if (rel && !derive_chart_kept(&c, "timeline", rel, names))
				g_ptr_array_add(t.items, it);
			g_free(names);
			g_free(rel);
		}
	}
	size_t lost = 0;
	if (!workers_run(jobs, t.items->len, derive_timeline_run, derive_timeline_done, &t, &lost)) {
		diag_error(d, NULL, 0, 0, "run the build again; report it if it happens again",
		           "a chart worker process stopped before finishing (%zu charts not drawn)",
		           lost);
		ok = false;
	}
	ok = ok && t.ok;
	g_ptr_array_free(t.items, TRUE);
	if (c.fm)
		g_object_unref(c.fm);
	fonts_free(c.fonts);
	reads_book_free(c.book);
	return ok;
}
