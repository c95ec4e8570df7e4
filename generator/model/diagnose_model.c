/* diagnose_model: read model.yaml, check it as strictly as content. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/diagnose_int.h"
#include "core/json.h"

static bool dx_number(const yt_node *n, double *out)
{
	if (!n || n->kind != YT_SCALAR || !*n->value)
		return false;
	char *end;
	*out = g_ascii_strtod(n->value, &end);
	return !*end && isfinite(*out);
}

static double dx_req_number(const yt_node *map, const char *key, const char *path,
                            diag_list *d, double fallback)
{
	double v;
	const yt_node *n = yt_get(map, key);
	if (dx_number(n, &v))
		return v;
	diag_error(d, path, n ? n->line : map->line, n ? n->col : map->col,
	           "write a number", "'%s' must be a number", key);
	return fallback;
}

int dx_indicator_index(const dx_model *m, const char *id)
{
	for (size_t i = 0; id && i < m->nind; i++)
		if (!strcmp(m->ind[i].id, id))
			return (int)i;
	return -1;
}

double dx_normalise(const dx_indicator *ind, double v)
{
	double r;
	switch (ind->method) {
	case DX_YESNO:
		return v >= 0.5 ? 1.0 : 0.0;
	case DX_LOG:
		if (v <= ind->nmin)
			return 0.0;
		r = (log(v) - log(ind->nmin)) / (log(ind->nmax) - log(ind->nmin));
		break;
	default:
		r = (v - ind->nmin) / (ind->nmax - ind->nmin);
	}
	return r < 0 ? 0 : r > 1 ? 1 : r;
}

const char *dx_text(const yt_node *name, const site_config *c, const char *lang)
{
	const char *s = config_lang_text(c, name, lang);
	if (!s)
		s = yt_lang_str(name, "en");
	return s ? s : "";
}

/* A list of {indicator, min} conditions. */
static GArray *dx_conds(const dx_model *m, const yt_node *list, diag_list *d)
{
	GArray *a = g_array_new(FALSE, TRUE, sizeof(dx_cond));
	for (size_t i = 0; list && list->kind == YT_SEQ && i < list->count; i++) {
		const yt_node *c = list->items[i];
		dx_cond cond = {yt_str(c, "indicator"), 0};
		cond.min = dx_req_number(c, "min", m->path, d, 0);
		if (dx_indicator_index(m, cond.indicator) < 0)
			diag_error(d, m->path, c->line, c->col, "name an indicator of 'fields'",
			           "condition names unknown indicator '%s'",
			           cond.indicator ? cond.indicator : "");
		g_array_append_val(a, cond);
	}
	return a;
}

static void dx_check_sum(const char *path, const yt_node *at, double sum, const char *what,
                         diag_list *d)
{
	if (fabs(sum - 1.0) > 0.001)
		diag_error(d, path, at->line, at->col, "make the weights add up to 1",
		           "weights of %s sum to %.3f, not 1", what, sum);
}

/* The source an indicator names must be listed under 'sources'. */
static void dx_check_source(const dx_model *m, const yt_node *at, const char *source, diag_list *d)
{
	const yt_node *srcs = yt_get(m->root, "sources");
	for (size_t i = 0; srcs && srcs->kind == YT_SEQ && i < srcs->count; i++)
		if (!g_strcmp0(yt_str(srcs->items[i], "id"), source))
			return;
	diag_error(d, m->path, at->line, at->col, "name an id listed under 'sources'",
	           "unknown source '%s'", source ? source : "");
}

/* An item of a 'scoring: share' field (LOSI): yes/no, in one criterion,
 * weight 1/count (set once the field is read). */
static bool dx_load_item(dx_model *m, const yt_node *n, const yt_node *f, size_t field,
                         diag_list *d)
{
	dx_indicator *ind = &m->ind[m->nind];
	ind->id = yt_str(n, "id");
	ind->name = yt_get(n, "name");
	ind->unit = "yes/no";
	ind->source = yt_str(n, "source") ? yt_str(n, "source") : yt_str(f, "source");
	ind->field = field;
	ind->method = DX_YESNO;
	ind->lo = 0;
	ind->hi = 1;
	ind->group = -1;
	if (!ind->id || !ind->name) {
		diag_error(d, m->path, n->line, n->col, "give it an id and a name per language",
		           "item needs 'id' and 'name'");
		return false;
	}
	const char *group = yt_str(n, "group");
	for (size_t g = 0; g < m->ngroups; g++)
		if (m->groups[g].field == field && !g_strcmp0(m->groups[g].id, group))
			ind->group = (int)g;
	if (m->ngroups && ind->group < 0 && (group || yt_get(f, "groups")))
		diag_error(d, m->path, n->line, n->col, "name a criterion listed under 'groups'",
		           "item '%s' names unknown criterion '%s'", ind->id, group ? group : "");
	if (dx_indicator_index(m, ind->id) >= 0)
		diag_error(d, m->path, n->line, n->col, NULL, "indicator '%s' defined twice", ind->id);
	m->nind++;
	return true;
}

static bool dx_load_indicator(dx_model *m, const yt_node *n, size_t field, diag_list *d)
{
	dx_indicator *ind = &m->ind[m->nind];
	ind->id = yt_str(n, "id");
	ind->name = yt_get(n, "name");
	ind->unit = yt_str(n, "unit");
	ind->source = yt_str(n, "source");
	ind->field = field;
	ind->group = -1;
	ind->weight = dx_req_number(n, "weight", m->path, d, 0);
	const yt_node *range = yt_get(n, "range"), *norm = yt_get(n, "normalise");
	if (!ind->id || !ind->name) {
		diag_error(d, m->path, n->line, n->col, "give it an id and a name per language",
		           "indicator needs 'id' and 'name'");
		return false;
	}
	if (!range || range->kind != YT_SEQ || range->count != 2 ||
	    !dx_number(range->items[0], &ind->lo) || !dx_number(range->items[1], &ind->hi) ||
	    ind->lo >= ind->hi) {
		diag_error(d, m->path, n->line, n->col, "write range: [low, high]",
		           "indicator '%s' needs a valid range", ind->id);
		return false;
	}
	const char *method = yt_str(norm, "method");
	if (!g_strcmp0(method, "yesno")) {
		ind->method = DX_YESNO;
	} else if (!g_strcmp0(method, "linear") || !g_strcmp0(method, "log")) {
		ind->method = !strcmp(method, "log") ? DX_LOG : DX_LINEAR;
		ind->nmin = dx_req_number(norm, "min", m->path, d, 0);
		ind->nmax = dx_req_number(norm, "max", m->path, d, 1);
		if (ind->nmax <= ind->nmin || (ind->method == DX_LOG && ind->nmin <= 0))
			diag_error(d, m->path, norm->line, norm->col,
			           "max must exceed min (and min > 0 for log)",
			           "indicator '%s': bad normalisation bounds", ind->id);
	} else {
		diag_error(d, m->path, norm ? norm->line : n->line, norm ? norm->col : n->col,
		           "method: linear, log or yesno", "indicator '%s': unknown normalisation",
		           ind->id);
		return false;
	}
	if (dx_indicator_index(m, ind->id) >= 0)
		diag_error(d, m->path, n->line, n->col, NULL, "indicator '%s' defined twice",
		           ind->id);
	m->nind++;
	return true;
}

/* The criteria of a share field: ids unique in the model, each with its
 * published number of items. */
static void dx_load_groups(dx_model *m, const yt_node *f, size_t field, diag_list *d)
{
	const yt_node *groups = yt_get(f, "groups");
	for (size_t g = 0; groups && groups->kind == YT_SEQ && g < groups->count; g++) {
		const yt_node *n = groups->items[g];
		dx_group *gr = &m->groups[m->ngroups];
		gr->id = yt_str(n, "id");
		gr->name = yt_get(n, "name");
		gr->field = field;
		double size = dx_req_number(n, "size", m->path, d, 0);
		gr->size = size >= 1 && size == floor(size) ? (size_t)size : 0;
		if (!gr->id || !gr->size || !strcmp(gr->id, "total")) {
			diag_error(d, m->path, n->line, n->col, "give it an id (not 'total') and a size",
			           "criterion needs 'id' and a whole 'size'");
			continue;
		}
		for (size_t h = 0; h < m->ngroups; h++)
			if (!strcmp(m->groups[h].id, gr->id))
				diag_error(d, m->path, n->line, n->col, NULL, "criterion '%s' defined twice",
				           gr->id);
		m->ngroups++;
	}
}

/* A share field's items: each criterion holds exactly its size. */
static void dx_check_groups(dx_model *m, const yt_node *f, const dx_field *fd, diag_list *d)
{
	for (size_t g = 0; g < m->ngroups; g++) {
		if (m->groups[g].field != (size_t)(fd - m->fields))
			continue;
		size_t n = 0;
		for (size_t k = fd->first; k < fd->first + fd->count; k++)
			n += m->ind[k].group == (int)g;
		if (n != m->groups[g].size)
			diag_error(d, m->path, f->line, f->col, "each criterion must hold its published count",
			           "criterion '%s' has %zu items, not %zu", m->groups[g].id, n,
			           m->groups[g].size);
	}
}

static void dx_load_field(dx_model *m, const yt_node *f, size_t i, double *fsum, diag_list *d)
{
	dx_field *fd = &m->fields[m->nfields++];
	fd->id = yt_str(f, "id");
	fd->name = yt_get(f, "name");
	fd->shortname = yt_get(f, "short");
	fd->weight = dx_req_number(f, "weight", m->path, d, 0);
	fd->own = yt_is_true(yt_get(f, "own"));
	fd->first = m->nind;
	const char *scoring = yt_str(f, "scoring");
	fd->share = !g_strcmp0(scoring, "share");
	if (scoring && !fd->share)
		diag_error(d, m->path, f->line, f->col, "scoring: share, or leave it out",
		           "unknown scoring '%s'", scoring);
	*fsum += fd->weight;
	if (fd->share)
		dx_load_groups(m, f, i, d);
	const yt_node *ind = yt_get(f, "indicators");
	double isum = 0;
	for (size_t j = 0; ind && ind->kind == YT_SEQ && j < ind->count; j++) {
		bool ok = fd->share ? dx_load_item(m, ind->items[j], f, i, d)
		                    : dx_load_indicator(m, ind->items[j], i, d);
		if (ok) {
			isum += m->ind[m->nind - 1].weight;
			dx_check_source(m, ind->items[j], m->ind[m->nind - 1].source, d);
		}
	}
	fd->count = m->nind - fd->first;
	if (!fd->id || !fd->count) {
		diag_error(d, m->path, f->line, f->col, "give it an id and indicators",
		           "field needs 'id' and at least one indicator");
	} else if (fd->share) {
		for (size_t k = fd->first; k < m->nind; k++)
			m->ind[k].weight = 1.0 / (double)fd->count;
		dx_check_groups(m, f, fd, d);
	} else {
		dx_check_sum(m->path, f, isum, fd->id, d);
	}
}

dx_model *dx_model_load(const char *path, diag_list *d)
{
	int errors = d->errors;
	yt_node *root = yt_parse_file(path, d);
	if (!root)
		return NULL;
	dx_schema_check(path, root, d);
	dx_model *m = g_new0(dx_model, 1);
	m->path = g_strdup(path);
	m->root = root;
	m->requirements = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	m->systems = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	const yt_node *fields = yt_get(root, "fields");
	if (!fields || fields->kind != YT_SEQ || !fields->count) {
		diag_error(d, path, root->line, root->col, "see the comments in model.yaml",
		           "the model needs a list of 'fields'");
		dx_model_free(m);
		return NULL;
	}
	size_t total = 0, ngroups = 0;
	for (size_t i = 0; i < fields->count; i++) {
		const yt_node *ind = yt_get(fields->items[i], "indicators");
		const yt_node *groups = yt_get(fields->items[i], "groups");
		total += ind && ind->kind == YT_SEQ ? ind->count : 0;
		ngroups += groups && groups->kind == YT_SEQ ? groups->count : 0;
	}
	m->fields = g_new0(dx_field, fields->count);
	m->ind = g_new0(dx_indicator, total);
	m->groups = g_new0(dx_group, ngroups ? ngroups : 1);
	double fsum = 0;
	for (size_t i = 0; i < fields->count; i++)
		dx_load_field(m, fields->items[i], i, &fsum, d);
	dx_check_sum(path, fields, fsum, "the fields", d);
	const yt_node *stages = yt_get(root, "stages");
	m->stages = g_new0(dx_stage, stages && stages->kind == YT_SEQ ? stages->count : 1);
	for (size_t i = 0; stages && stages->kind == YT_SEQ && i < stages->count; i++) {
		const yt_node *s = stages->items[i];
		dx_stage *st = &m->stages[m->nstages++];
		st->id = yt_str(s, "id");
		st->name = yt_get(s, "name");
		st->min = dx_req_number(s, "min", path, d, 0);
		st->own = yt_is_true(yt_get(s, "own"));
		st->any = dx_conds(m, yt_get(s, "any"), d);
		st->all = dx_conds(m, yt_get(s, "all"), d);
		st->floor = dx_conds(m, yt_get(s, "floor"), d);
		if (i && st->min < m->stages[i - 1].min)
			diag_error(d, path, s->line, s->col, "order stages from lowest to highest",
			           "stage '%s' starts below the stage before it", st->id ? st->id : "");
		if (i && (st->min > 0 || st->floor->len) && !st->own)
			diag_error(d, path, s->line, s->col,
			           "add own: true (no published source sets these thresholds)",
			           "stage '%s': say whose threshold it is", st->id ? st->id : "");
	}
	if (!m->nstages)
		diag_error(d, path, root->line, root->col, NULL, "the model needs 'stages'");
	const yt_node *req = yt_get(root, "requirements");
	for (size_t i = 0; req && req->kind == YT_MAP && i < req->count; i++) {
		dx_cond *c = g_new0(dx_cond, 1);
		c->indicator = yt_str(req->items[i], "indicator");
		c->min = dx_req_number(req->items[i], "min", path, d, 0);
		if (dx_indicator_index(m, c->indicator) < 0)
			diag_error(d, path, req->items[i]->line, req->items[i]->col, NULL,
			           "requirement '%s' names unknown indicator", req->keys[i]);
		g_hash_table_insert(m->requirements, req->keys[i], c);
	}
	const yt_node *sys = yt_get(root, "systems");
	for (size_t i = 0; sys && sys->kind == YT_MAP && i < sys->count; i++) {
		dx_system *s = g_new0(dx_system, 1);
		s->has = yt_str(sys->items[i], "has");
		s->provides = yt_get(sys->items[i], "provides");
		if (s->has && dx_indicator_index(m, s->has) < 0)
			diag_error(d, path, sys->items[i]->line, sys->items[i]->col, NULL,
			           "system '%s': 'has' names unknown indicator '%s'", sys->keys[i], s->has);
		g_hash_table_insert(m->systems, sys->keys[i], s);
	}
	const yt_node *prio = yt_get(root, "priority");
	m->foundation = prio ? dx_req_number(prio, "foundation", path, d, 0.25) : 0.25;
	m->top = prio && yt_str(prio, "top") ? atoi(yt_str(prio, "top")) : 5;
	if (d->errors == errors)
		dx_reference_check(m, d);
	if (d->errors > errors) {
		dx_model_free(m);
		return NULL;
	}
	return m;
}

void dx_model_free(dx_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nstages; i++) {
		g_array_free(m->stages[i].any, TRUE);
		g_array_free(m->stages[i].all, TRUE);
		g_array_free(m->stages[i].floor, TRUE);
	}
	g_free(m->groups);
	g_free(m->stages);
	g_free(m->fields);
	g_free(m->ind);
	g_hash_table_destroy(m->requirements);
	g_hash_table_destroy(m->systems);
	yt_free(m->root);
	g_free(m->path);
	g_free(m);
}

static void dx_json_num(GString *j, double v)
{
	char buf[64];
	g_string_append(j, g_ascii_formatd(buf, sizeof buf, "%.17g", v));
}

static void dx_json_conds(GString *j, const GArray *a)
{
	g_string_append_c(j, '[');
	for (guint i = 0; i < a->len; i++) {
		const dx_cond *c = &g_array_index(a, dx_cond, i);
		g_string_append_printf(j, "%s{\"indicator\":", i ? "," : "");
		json_append_str(j, c->indicator);
		g_string_append(j, ",\"min\":");
		dx_json_num(j, c->min);
		g_string_append_c(j, '}');
	}
	g_string_append_c(j, ']');
}

static void dx_json_list(GString *j, const yt_node *list)
{
	g_string_append_c(j, '[');
	for (size_t i = 0; list && list->kind == YT_SEQ && i < list->count; i++) {
		if (i)
			g_string_append_c(j, ',');
		json_append_str(j, list->items[i]->value);
	}
	g_string_append_c(j, ']');
}

static gint dx_cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Keys of a table, sorted, so the JSON is the same on every run. */
static GPtrArray *dx_sorted_keys(GHashTable *t)
{
	GPtrArray *keys = g_ptr_array_new();
	GHashTableIter it;
	gpointer k;
	g_hash_table_iter_init(&it, t);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(keys, k);
	g_ptr_array_sort(keys, dx_cmp_str);
	return keys;
}

/* The model and the catalogue's systems (problems, requirements) as JSON,
 * everything the browser scorer needs to compute what dx_evaluate does. */
static char *dx_model_json(const dx_model *m, const content_set *s, const site_config *c)
{
	static const char *const methods[] = {"linear", "log", "yesno"};
	GString *j = g_string_new("{\"fields\":[");
	for (size_t f = 0; f < m->nfields; f++) {
		const dx_field *fd = &m->fields[f];
		g_string_append_printf(j, "%s{\"id\":", f ? "," : "");
		json_append_str(j, fd->id);
		g_string_append(j, ",\"weight\":");
		dx_json_num(j, fd->weight);
		g_string_append_printf(j, ",\"share\":%s,\"indicators\":[", fd->share ? "true" : "false");
		for (size_t k = fd->first; k < fd->first + fd->count; k++) {
			const dx_indicator *ind = &m->ind[k];
			g_string_append_printf(j, "%s{\"id\":", k > fd->first ? "," : "");
			json_append_str(j, ind->id);
			g_string_append_printf(j, ",\"method\":\"%s\",\"lo\":", methods[ind->method]);
			dx_json_num(j, ind->lo);
			g_string_append(j, ",\"hi\":");
			dx_json_num(j, ind->hi);
			g_string_append(j, ",\"nmin\":");
			dx_json_num(j, ind->nmin);
			g_string_append(j, ",\"nmax\":");
			dx_json_num(j, ind->nmax);
			g_string_append(j, ",\"weight\":");
			dx_json_num(j, ind->weight);
			g_string_append_printf(j, ",\"group\":%d}", ind->group);
		}
		g_string_append(j, "]}");
	}
	g_string_append(j, "],\"groups\":[");
	for (size_t g = 0; g < m->ngroups; g++) {
		g_string_append_printf(j, "%s{\"id\":", g ? "," : "");
		json_append_str(j, m->groups[g].id);
		g_string_append_printf(j, ",\"field\":%zu,\"size\":%zu}", m->groups[g].field,
		                       m->groups[g].size);
	}
	g_string_append(j, "],\"stages\":[");
	for (size_t i = 0; i < m->nstages; i++) {
		g_string_append_printf(j, "%s{\"id\":", i ? "," : "");
		json_append_str(j, m->stages[i].id);
		g_string_append(j, ",\"min\":");
		dx_json_num(j, m->stages[i].min);
		g_string_append(j, ",\"any\":");
		dx_json_conds(j, m->stages[i].any);
		g_string_append(j, ",\"all\":");
		dx_json_conds(j, m->stages[i].all);
		g_string_append(j, ",\"floor\":");
		dx_json_conds(j, m->stages[i].floor);
		g_string_append_printf(j, ",\"own\":%s}", m->stages[i].own ? "true" : "false");
	}
	g_string_append(j, "],\"requirements\":{");
	GPtrArray *keys = dx_sorted_keys(m->requirements);
	for (guint i = 0; i < keys->len; i++) {
		const dx_cond *cond = g_hash_table_lookup(m->requirements, keys->pdata[i]);
		if (i)
			g_string_append_c(j, ',');
		json_append_str(j, keys->pdata[i]);
		g_string_append(j, ":{\"indicator\":");
		json_append_str(j, cond->indicator);
		g_string_append(j, ",\"min\":");
		dx_json_num(j, cond->min);
		g_string_append_c(j, '}');
	}
	g_ptr_array_free(keys, TRUE);
	g_string_append(j, "},\"systems\":{");
	keys = dx_sorted_keys(m->systems);
	for (guint i = 0; i < keys->len; i++) {
		const dx_system *sys = g_hash_table_lookup(m->systems, keys->pdata[i]);
		if (i)
			g_string_append_c(j, ',');
		json_append_str(j, keys->pdata[i]);
		g_string_append(j, ":{\"has\":");
		if (sys->has)
			json_append_str(j, sys->has);
		else
			g_string_append(j, "null");
		g_string_append(j, ",\"provides\":");
		dx_json_list(j, sys->provides);
		g_string_append_c(j, '}');
	}
	g_ptr_array_free(keys, TRUE);
	g_string_append(j, "},\"foundation\":");
	dx_json_num(j, m->foundation);
	g_string_append_printf(j, ",\"top\":%d,\"catalogue\":[", m->top);
	GPtrArray *systems = s->groups[KIND_SYSTEM];
	for (guint i = 0; i < systems->len; i++) {
		content_group *g = systems->pdata[i];
		content_item *it = content_group_pick(g, c, c->default_lang);
		g_string_append_printf(j, "%s{\"slug\":", i ? "," : "");
		json_append_str(j, g->slug);
		g_string_append(j, ",\"problems\":");
		dx_json_list(j, yt_get(it->fm, "problems"));
		g_string_append(j, ",\"requires\":");
		dx_json_list(j, yt_get(it->fm, "requires"));
		g_string_append_c(j, '}');
	}
	g_string_append(j, "]}");
	return g_string_free(j, FALSE);
}

void dx_model_xml(const dx_model *m, const content_set *s, const site_config *c,
                  const char *lang, xmlNodePtr parent)
{
	xmlNodePtr dm = xmlNewChild(parent, NULL, BAD_CAST "dxmodel", NULL);
	char buf[64];
	const yt_node *draft = yt_get(m->root, "draft");
	for (size_t i = 0; draft && draft->kind == YT_SEQ && i < draft->count; i++)
		if (!g_strcmp0(draft->items[i]->value, lang))
			xmlSetProp(dm, BAD_CAST "draft", BAD_CAST "true");
	for (size_t f = 0; f < m->nfields; f++) {
		const dx_field *fd = &m->fields[f];
		xmlNodePtr fe = xmlNewChild(dm, NULL, BAD_CAST "field", NULL);
		xmlSetProp(fe, BAD_CAST "id", BAD_CAST fd->id);
		xmlSetProp(fe, BAD_CAST "name", BAD_CAST dx_text(fd->name, c, lang));
		xmlSetProp(fe, BAD_CAST "weight", BAD_CAST g_ascii_formatd(buf, sizeof buf, "%g", fd->weight));
		for (size_t k = fd->first; k < fd->first + fd->count; k++) {
			const dx_indicator *ind = &m->ind[k];
			xmlNodePtr ie = xmlNewChild(fe, NULL, BAD_CAST "indicator", NULL);
			xmlSetProp(ie, BAD_CAST "id", BAD_CAST ind->id);
			xmlSetProp(ie, BAD_CAST "name", BAD_CAST dx_text(ind->name, c, lang));
			if (ind->unit)
				xmlSetProp(ie, BAD_CAST "unit", BAD_CAST ind->unit);
			xmlSetProp(ie, BAD_CAST "method",
			           BAD_CAST(ind->method == DX_YESNO ? "yesno" : ind->method == DX_LOG ? "log" : "linear"));
			xmlSetProp(ie, BAD_CAST "lo", BAD_CAST g_ascii_formatd(buf, sizeof buf, "%g", ind->lo));
			xmlSetProp(ie, BAD_CAST "hi", BAD_CAST g_ascii_formatd(buf, sizeof buf, "%g", ind->hi));
			if (ind->group >= 0) {
				xmlSetProp(ie, BAD_CAST "group", BAD_CAST m->groups[ind->group].id);
				xmlSetProp(ie, BAD_CAST "group-name",
				           BAD_CAST dx_text(m->groups[ind->group].name, c, lang));
			}
		}
	}
	for (size_t i = 0; i < m->nstages; i++) {
		xmlNodePtr st = xmlNewChild(dm, NULL, BAD_CAST "stage", NULL);
		xmlSetProp(st, BAD_CAST "id", BAD_CAST m->stages[i].id);
		xmlSetProp(st, BAD_CAST "name", BAD_CAST dx_text(m->stages[i].name, c, lang));
		if (m->stages[i].own)
			xmlSetProp(st, BAD_CAST "own", BAD_CAST "true");
	}
	GPtrArray *systems = s->groups[KIND_SYSTEM];
	for (guint i = 0; i < systems->len; i++) {
		content_group *g = systems->pdata[i];
		content_item *it = content_group_pick(g, c, lang);
		xmlNodePtr se = xmlNewChild(dm, NULL, BAD_CAST "system", NULL);
		xmlSetProp(se, BAD_CAST "slug", BAD_CAST g->slug);
		const char *title = yt_str(it->fm, "title");
		xmlSetProp(se, BAD_CAST "title", BAD_CAST(title ? title : g->slug));
		char *path = g_strdup_printf("%s/systems/%s/", lang, g->slug);
		xmlSetProp(se, BAD_CAST "path", BAD_CAST path);
		g_free(path);
	}
	char *json = dx_model_json(m, s, c);
	xmlNewTextChild(dm, NULL, BAD_CAST "json", BAD_CAST json);
	g_free(json);
}
