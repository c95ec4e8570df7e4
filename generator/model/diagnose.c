/* diagnose: score a diagnosis and rank the catalogue's systems for it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/diagnose_int.h"
#include "core/xmltext.h"

void dx_result_free(dx_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nrecs; i++) {
		g_ptr_array_free(r->recs[i].problems, TRUE);
		g_ptr_array_free(r->recs[i].met, TRUE);
		g_ptr_array_free(r->recs[i].missing, TRUE);
		g_ptr_array_free(r->recs[i].unknown, TRUE);
	}
	g_free(r->recs);
	g_free(r->value);
	g_free(r->norm);
	g_free(r->field);
	g_free(r);
}

double dx_result_index(const dx_result *r) { return r->index; }

/* Reads the diagnosis's values: every indicator once, a number in range.
 * yes/no indicators also take true/false and yes/no. */
static bool dx_read_values(const dx_model *m, const content_item *it, dx_result *r,
                           diag_list *d)
{
	int errors = d->errors;
	const yt_node *values = yt_get(it->fm, "values");
	bool *seen = g_new0(bool, m->nind);
	for (size_t i = 0; values && values->kind == YT_MAP && i < values->count; i++) {
		int k = dx_indicator_index(m, values->keys[i]);
		const yt_node *v = values->items[i];
		if (k < 0) {
			diag_error(d, it->path, values->key_lines[i], values->key_cols[i],
			           "see the indicator ids in content/diagnostics/model.yaml",
			           "unknown indicator '%s'", values->keys[i]);
			continue;
		}
		const dx_indicator *ind = &m->ind[k];
		double x = NAN;
		if (v->kind == YT_SCALAR) {
			char *end;
			x = g_ascii_strtod(v->value, &end);
			if (*end || !*v->value)
				x = NAN;
			if (ind->method == DX_YESNO && (!strcmp(v->value, "true") || !strcmp(v->value, "yes")))
				x = 1;
			if (ind->method == DX_YESNO && (!strcmp(v->value, "false") || !strcmp(v->value, "no")))
				x = 0;
		}
		if (!isfinite(x) || x < ind->lo || x > ind->hi) {
			char *hint = g_strdup_printf("%s: a number from %g to %g", ind->id, ind->lo, ind->hi);
			diag_error(d, it->path, v->line, v->col, hint,
			           "value of '%s' is out of range: '%s'", ind->id,
			           v->kind == YT_SCALAR ? v->value : "…");
			g_free(hint);
			continue;
		}
		seen[k] = true;
		r->value[k] = x;
		r->norm[k] = dx_normalise(ind, x);
	}
	for (size_t k = 0; k < m->nind; k++)
		if (!seen[k] && (!values || dx_indicator_index(m, m->ind[k].id) >= 0)) {
			bool given = false;
			for (size_t i = 0; values && values->kind == YT_MAP && i < values->count; i++)
				given |= !strcmp(values->keys[i], m->ind[k].id);
			if (!given) {
				const yt_node *at = values ? values : it->fm;
				char *hint = g_strdup_printf("add '%s: …' under values (%s)", m->ind[k].id,
				                             m->ind[k].unit ? m->ind[k].unit : "number");
				diag_error(d, it->path, at->line, at->col, hint, "missing indicator '%s'",
				           m->ind[k].id);
				g_free(hint);
			}
		}
	g_free(seen);
	return d->errors == errors;
}

static bool dx_cond_holds(const dx_model *m, const dx_result *r, const dx_cond *c)
{
	int k = dx_indicator_index(m, c->indicator);
	return k >= 0 && r->value[k] >= c->min;
}

static void dx_score(const dx_model *m, dx_result *r)
{
	r->index = 0;
	for (size_t f = 0; f < m->nfields; f++) {
		const dx_field *fd = &m->fields[f];
		double s = 0;
		for (size_t k = fd->first; k < fd->first + fd->count; k++)
			s += m->ind[k].weight * r->norm[k];
		r->field[f] = 100.0 * s;
		r->index += fd->weight * r->field[f];
	}
	r->stage = 0;
	for (size_t i = 0; i < m->nstages; i++) {
		const dx_stage *st = &m->stages[i];
		/* The index is a sum of products: 55 may come out as 54.999…; a
		 * city exactly at a stage's minimum reaches it. */
		bool ok = r->index + 1e-9 >= st->min;
		bool any = st->any->len == 0;
		for (guint j = 0; j < st->any->len; j++)
			any |= dx_cond_holds(m, r, &g_array_index(st->any, dx_cond, j));
		for (guint j = 0; j < st->all->len; j++)
			ok &= dx_cond_holds(m, r, &g_array_index(st->all, dx_cond, j));
		if (!ok || !any)
			break; /* stages are climbed in order */
		r->stage = i;
	}
	r->stage_id = m->nstages ? m->stages[r->stage].id : NULL;
}

static bool dx_in(const yt_node *list, const char *id)
{
	for (size_t i = 0; list && list->kind == YT_SEQ && i < list->count; i++)
		if (!g_strcmp0(list->items[i]->value, id))
			return true;
	return false;
}

static gint dx_rec_cmp(gconstpointer a, gconstpointer b)
{
	const dx_rec *x = a, *y = b;
	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

/* Ranks every system of the catalogue (its default-language page carries
 * the problems and requirements). */
static void dx_recommend(const dx_model *m, const content_item *it, const content_set *s,
                         const site_config *c, dx_result *r)
{
	const yt_node *stated = yt_get(it->fm, "problems");
	size_t nstated = stated && stated->kind == YT_SEQ ? stated->count : 0;
	GPtrArray *systems = s->groups[KIND_SYSTEM];
	GArray *recs = g_array_new(FALSE, TRUE, sizeof(dx_rec));
	for (guint i = 0; i < systems->len; i++) {
		content_group *g = systems->pdata[i];
		content_item *sys = content_group_pick(g, c, c->default_lang);
		const yt_node *problems = yt_get(sys->fm, "problems"), *requires = yt_get(sys->fm, "requires");
		dx_rec rec = {.slug = g->slug, .problems = g_ptr_array_new(), .met = g_ptr_array_new(),
		              .missing = g_ptr_array_new(), .unknown = g_ptr_array_new()};
		size_t nsys = problems && problems->kind == YT_SEQ ? problems->count : 0;
		for (size_t p = 0; p < nsys; p++)
			if (dx_in(stated, problems->items[p]->value))
				g_ptr_array_add(rec.problems, problems->items[p]->value);
		if (nstated && nsys)
			rec.need = (double)rec.problems->len / (double)nstated +
			           0.5 * (double)rec.problems->len / (double)nsys;
		const dx_system *ds = g_hash_table_lookup(m->systems, g->slug);
		int has = ds ? dx_indicator_index(m, ds->has) : -1;
		rec.gap = has >= 0 ? 1.0 - r->norm[has] : 1.0;
		size_t assessed = 0;
		for (size_t q = 0; requires && requires->kind == YT_SEQ && q < requires->count; q++) {
			const char *id = requires->items[q]->value;
			const dx_cond *cond = g_hash_table_lookup(m->requirements, id);
			if (!cond) {
				g_ptr_array_add(rec.unknown, (gpointer)id);
				continue;
			}
			assessed++;
			g_ptr_array_add(dx_cond_holds(m, r, cond) ? rec.met : rec.missing, (gpointer)id);
		}
		/* Requirements the model cannot assess count as half met. */
		double known = (double)(assessed + rec.unknown->len);
		rec.readiness = known > 0 ? ((double)rec.met->len + 0.5 * rec.unknown->len) / known : 1.0;
		g_array_append_val(recs, rec);
	}
	/* A system that provides what other candidates need comes first. */
	for (guint i = 0; i < recs->len; i++) {
		dx_rec *a = &g_array_index(recs, dx_rec, i);
		const dx_system *ds = g_hash_table_lookup(m->systems, a->slug);
		for (guint j = 0; ds && ds->provides && j < recs->len; j++) {
			dx_rec *b = &g_array_index(recs, dx_rec, j);
			if (i == j || b->need <= 0)
				continue;
			for (guint k = 0; k < b->missing->len; k++)
				if (dx_in(ds->provides, b->missing->pdata[k])) {
					a->provides_to++;
					break;
				}
		}
		a->priority = a->need * a->gap * (0.5 + 0.5 * a->readiness) *
		              (1.0 + m->foundation * a->provides_to);
	}
	g_array_sort(recs, dx_rec_cmp);
	r->nrecs = recs->len;
	r->recs = (dx_rec *)g_array_free(recs, FALSE);
}

dx_result *dx_evaluate(const dx_model *m, const content_item *it, const content_set *s,
                       const site_config *c, diag_list *d)
{
	dx_result *r = g_new0(dx_result, 1);
	r->value = g_new0(double, m->nind);
	r->norm = g_new0(double, m->nind);
	r->field = g_new0(double, m->nfields);
	if (!dx_read_values(m, it, r, d)) {
		dx_result_free(r);
		return NULL;
	}
	dx_score(m, r);
	dx_recommend(m, it, s, c, r);
	return r;
}

const char *dx_result_stage(const dx_result *r)
{
	return r->stage_id;
}

const char *dx_result_system(const dx_result *r, size_t n)
{
	return n < r->nrecs && r->recs[n].priority > 0 ? r->recs[n].slug : NULL;
}

static void dx_setf(xmlNodePtr e, const char *k, const char *fmt, double v)
{
	char buf[64];
	g_ascii_formatd(buf, sizeof buf, fmt, v);
	xmltext_set(e, k, buf);
}

static void dx_ids(xmlNodePtr parent, const char *name, GPtrArray *ids, const char *prefix,
                   const i18n_set *strings, const char *lang)
{
	for (guint i = 0; i < ids->len; i++) {
		char *key = g_strconcat(prefix, ids->pdata[i], NULL);
		const char *label = i18n_get(strings, lang, key);
		xmlNodePtr e = xmlNewTextChild(parent, NULL, BAD_CAST name,
		                               BAD_CAST(strcmp(label, key) ? label : (char *)ids->pdata[i]));
		xmltext_set(e, "id", ids->pdata[i]);
		g_free(key);
	}
}

void dx_result_xml(const dx_model *m, const dx_result *r, const content_set *s,
                   const site_config *c, const i18n_set *strings, const char *lang,
                   xmlNodePtr item)
{
	xmlNodePtr dx = xmlNewChild(item, NULL, BAD_CAST "diagnosis", NULL);
	dx_setf(dx, "index", "%.1f", r->index);
	xmltext_set(dx, "stage", m->stages[r->stage].id);
	xmltext_set(dx, "stage-name", dx_text(m->stages[r->stage].name, c, lang));
	for (size_t f = 0; f < m->nfields; f++) {
		const dx_field *fd = &m->fields[f];
		xmlNodePtr fe = xmlNewChild(dx, NULL, BAD_CAST "field", NULL);
		xmltext_set(fe, "id", fd->id);
		xmltext_set(fe, "name", dx_text(fd->name, c, lang));
		dx_setf(fe, "score", "%.1f", r->field[f]);
		dx_setf(fe, "weight", "%.2f", fd->weight);
		for (size_t k = fd->first; k < fd->first + fd->count; k++) {
			const dx_indicator *ind = &m->ind[k];
			xmlNodePtr ie = xmlNewChild(fe, NULL, BAD_CAST "indicator", NULL);
			xmltext_set(ie, "id", ind->id);
			xmltext_set(ie, "name", dx_text(ind->name, c, lang));
			xmltext_set(ie, "unit", ind->unit);
			xmltext_set(ie, "method", ind->method == DX_YESNO ? "yesno" : ind->method == DX_LOG ? "log" : "linear");
			dx_setf(ie, "value", "%g", r->value[k]);
			dx_setf(ie, "score", "%.1f", 100.0 * r->norm[k]);
			dx_setf(ie, "weight", "%.2f", ind->weight);
			const yt_node *srcs = yt_get(m->root, "sources");
			for (size_t i = 0; srcs && srcs->kind == YT_SEQ && i < srcs->count; i++)
				if (!g_strcmp0(yt_str(srcs->items[i], "id"), ind->source))
					xmltext_set(ie, "source", yt_str(srcs->items[i], "name"));
		}
	}
	xmlNodePtr stages = xmlNewChild(dx, NULL, BAD_CAST "stages", NULL);
	for (size_t i = 0; i < m->nstages; i++) {
		xmlNodePtr st = xmlNewChild(stages, NULL, BAD_CAST "stage", NULL);
		xmltext_set(st, "id", m->stages[i].id);
		xmltext_set(st, "name", dx_text(m->stages[i].name, c, lang));
		dx_setf(st, "min", "%g", m->stages[i].min);
		if (i <= r->stage)
			xmltext_set(st, "reached", "true");
		if (i == r->stage)
			xmltext_set(st, "current", "true");
	}
	xmlNodePtr recs = xmlNewChild(dx, NULL, BAD_CAST "recommend", NULL);
	for (size_t i = 0, shown = 0; i < r->nrecs && shown < (size_t)m->top; i++) {
		const dx_rec *rec = &r->recs[i];
		if (rec->priority <= 0)
			break;
		shown++;
		content_group *g = content_group_find(s, KIND_SYSTEM, rec->slug);
		content_item *sys = g ? content_group_pick(g, c, lang) : NULL;
		xmlNodePtr e = xmlNewChild(recs, NULL, BAD_CAST "system", NULL);
		xmltext_set(e, "slug", rec->slug);
		char *path = g_strdup_printf("%s/systems/%s/", lang, rec->slug);
		xmltext_set(e, "path", path);
		g_free(path);
		xmltext_set(e, "title", sys ? yt_str(sys->fm, "title") : rec->slug);
		xmltext_set(e, "summary", sys ? yt_str(sys->fm, "summary") : NULL);
		dx_setf(e, "priority", "%.3f", rec->priority);
		dx_setf(e, "need", "%.2f", rec->need);
		dx_setf(e, "gap", "%.2f", rec->gap);
		dx_setf(e, "readiness", "%.2f", rec->readiness);
		if (rec->provides_to)
			dx_setf(e, "foundation", "%g", rec->provides_to);
		dx_ids(e, "problem", rec->problems, "problem.", strings, lang);
		dx_ids(e, "met", rec->met, "requirement.", strings, lang);
		dx_ids(e, "missing", rec->missing, "requirement.", strings, lang);
		dx_ids(e, "unknown", rec->unknown, "requirement.", strings, lang);
	}
}

char *dx_result_json(const dx_model *m, const dx_result *r)
{
	GString *j = g_string_new("{");
	char buf[64];
	g_string_append_printf(j, "\"index\":%s,\"stage\":\"%s\",\"fields\":{",
	                       g_ascii_formatd(buf, sizeof buf, "%.1f", r->index),
	                       m->stages[r->stage].id);
	for (size_t f = 0; f < m->nfields; f++)
		g_string_append_printf(j, "%s\"%s\":%s", f ? "," : "", m->fields[f].id,
		                       g_ascii_formatd(buf, sizeof buf, "%.1f", r->field[f]));
	g_string_append(j, "},\"recommend\":[");
	for (size_t i = 0, n = 0; i < r->nrecs && n < (size_t)m->top; i++) {
		if (r->recs[i].priority <= 0)
			break;
		g_string_append_printf(j, "%s{\"system\":\"%s\",\"priority\":%s}", n++ ? "," : "",
		                       r->recs[i].slug,
		                       g_ascii_formatd(buf, sizeof buf, "%.3f", r->recs[i].priority));
	}
	g_string_append(j, "]}");
	return g_string_free(j, FALSE);
}
