/* diagnose_schema: the shape of model.yaml, checked before anything is
 * scored. An unquoted comma in a flow map ({ko: a, b}) silently cuts a
 * name and adds a key with no value; the key lists below catch that, and
 * every error names the file, line and column. Also the check that the
 * model reproduces the published values it cites ('reference'). */
#include <math.h>
#include <string.h>
#include "model/diagnose_int.h"

/* Keys each kind of map may hold; NULL-terminated. */
static const char *const k_root[] = {"version", "sources", "context", "reference", "draft",
                                     "fields", "stages", "requirements", "systems", "priority", NULL};
static const char *const k_source[] = {"id", "name", NULL};
static const char *const k_field[] = {"id", "weight", "own", "name", "short", "indicators",
                                      "scoring", "source", "groups", NULL};
static const char *const k_indicator[] = {"id", "name", "unit", "source", "range", "normalise",
                                          "weight", NULL};
static const char *const k_item[] = {"id", "group", "name", "source", NULL};
static const char *const k_normalise[] = {"method", "min", "max", NULL};
static const char *const k_group[] = {"id", "size", "name", NULL};
static const char *const k_stage[] = {"id", "name", "min", "own", "all", "any", "floor", NULL};
static const char *const k_cond[] = {"indicator", "min", NULL};
static const char *const k_system[] = {"has", "provides", NULL};
static const char *const k_priority[] = {"foundation", "top", NULL};
static const char *const k_context[] = {"egdi", NULL};
static const char *const k_egdi[] = {"source", "country", "year", "value", "bands", NULL};
static const char *const k_band[] = {"id", "min", NULL};
static const char *const k_reference[] = {"city", "year", "source", "field", "present",
                                          "published", NULL};

static bool dx_listed(const char *const *keys, const char *k)
{
	for (; *keys; keys++)
		if (!strcmp(*keys, k))
			return true;
	return false;
}

/* A language code as site.yaml writes them: "ko", "zh-Hant". */
static bool dx_lang_code(const char *k)
{
	size_t n = strspn(k, "abcdefghijklmnopqrstuvwxyz");
	if (n < 2 || n > 3)
		return false;
	for (k += n; *k == '-';) {
		size_t m = strspn(k + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (m < 2 || m > 8)
			return false;
		k += 1 + m;
	}
	return !*k;
}

/* Every key of a map is one of keys, and no value is empty. */
static void dx_keys(const char *path, const yt_node *map, const char *const *keys,
                    const char *what, diag_list *d)
{
	if (!map)
		return;
	if (map->kind != YT_MAP) {
		diag_error(d, path, map->line, map->col, "write it as key: value pairs",
		           "%s must be a map", what);
		return;
	}
	for (size_t i = 0; i < map->count; i++) {
		const yt_node *v = map->items[i];
		if (!dx_listed(keys, map->keys[i])) {
			GString *hint = g_string_new("known keys:");
			for (const char *const *k = keys; *k; k++)
				g_string_append_printf(hint, " %s", *k);
			g_string_append(hint, " (quote a text that contains a comma)");
			diag_error(d, path, map->key_lines[i], map->key_cols[i], hint->str,
			           "unknown key '%s' in %s", map->keys[i], what);
			g_string_free(hint, TRUE);
		} else if (v->kind == YT_SCALAR && !*v->value && !v->quoted) {
			diag_error(d, path, map->key_lines[i], map->key_cols[i], "give it a value or remove it",
			           "'%s' in %s is empty", map->keys[i], what);
		}
	}
}

/* A {LANG: text} map with ko and en, every text non-empty. */
static void dx_name(const char *path, const yt_node *owner, const yt_node *name, const char *id,
                    diag_list *d)
{
	if (!name) {
		diag_error(d, path, owner->line, owner->col, "add name: {ko: …, en: …}",
		           "'%s' has no name", id ? id : "?");
		return;
	}
	if (name->kind != YT_MAP) {
		diag_error(d, path, name->line, name->col, "write name: {ko: …, en: …}",
		           "the name of '%s' must be a map of languages", id ? id : "?");
		return;
	}
	for (size_t i = 0; i < name->count; i++) {
		const yt_node *v = name->items[i];
		if (!dx_lang_code(name->keys[i]))
			diag_error(d, path, name->key_lines[i], name->key_cols[i],
			           "a key here is a language code; quote a name that contains a comma",
			           "'%s' in the name of '%s' is not a language code", name->keys[i],
			           id ? id : "?");
		else if (v->kind != YT_SCALAR || !*v->value)
			diag_error(d, path, name->key_lines[i], name->key_cols[i], "write the name",
			           "the %s name of '%s' is empty", name->keys[i], id ? id : "?");
	}
	static const char *const needed[] = {"ko", "en"};
	for (size_t i = 0; i < G_N_ELEMENTS(needed); i++)
		if (!yt_get(name, needed[i]))
			diag_error(d, path, name->line, name->col, "every name is needed in ko and en",
			           "'%s' has no %s name", id ? id : "?", needed[i]);
}

static void dx_seq_maps(const char *path, const yt_node *seq, const char *const *keys,
                        const char *what, diag_list *d)
{
	for (size_t i = 0; seq && seq->kind == YT_SEQ && i < seq->count; i++)
		dx_keys(path, seq->items[i], keys, what, d);
}

void dx_schema_check(const char *path, const yt_node *root, diag_list *d)
{
	dx_keys(path, root, k_root, "the model", d);
	if (!root || root->kind != YT_MAP)
		return;
	dx_seq_maps(path, yt_get(root, "sources"), k_source, "a source", d);
	const yt_node *fields = yt_get(root, "fields");
	for (size_t i = 0; fields && fields->kind == YT_SEQ && i < fields->count; i++) {
		const yt_node *f = fields->items[i];
		dx_keys(path, f, k_field, "a field", d);
		dx_name(path, f, yt_get(f, "name"), yt_str(f, "id"), d);
		if (yt_get(f, "short"))
			dx_name(path, f, yt_get(f, "short"), yt_str(f, "id"), d);
		bool share = !g_strcmp0(yt_str(f, "scoring"), "share");
		const yt_node *groups = yt_get(f, "groups");
		dx_seq_maps(path, groups, k_group, "a criterion", d);
		for (size_t g = 0; groups && groups->kind == YT_SEQ && g < groups->count; g++)
			dx_name(path, groups->items[g], yt_get(groups->items[g], "name"),
			        yt_str(groups->items[g], "id"), d);
		const yt_node *ind = yt_get(f, "indicators");
		for (size_t j = 0; ind && ind->kind == YT_SEQ && j < ind->count; j++) {
			const yt_node *n = ind->items[j];
			dx_keys(path, n, share ? k_item : k_indicator,
			        share ? "an item of a 'scoring: share' field" : "an indicator", d);
			dx_name(path, n, yt_get(n, "name"), yt_str(n, "id"), d);
			if (!share)
				dx_keys(path, yt_get(n, "normalise"), k_normalise, "'normalise'", d);
		}
	}
	const yt_node *stages = yt_get(root, "stages");
	for (size_t i = 0; stages && stages->kind == YT_SEQ && i < stages->count; i++) {
		const yt_node *s = stages->items[i];
		dx_keys(path, s, k_stage, "a stage", d);
		dx_name(path, s, yt_get(s, "name"), yt_str(s, "id"), d);
		dx_seq_maps(path, yt_get(s, "all"), k_cond, "a condition", d);
		dx_seq_maps(path, yt_get(s, "any"), k_cond, "a condition", d);
		dx_seq_maps(path, yt_get(s, "floor"), k_cond, "a floor", d);
	}
	const yt_node *req = yt_get(root, "requirements");
	for (size_t i = 0; req && req->kind == YT_MAP && i < req->count; i++)
		dx_keys(path, req->items[i], k_cond, "a requirement", d);
	const yt_node *sys = yt_get(root, "systems");
	for (size_t i = 0; sys && sys->kind == YT_MAP && i < sys->count; i++)
		dx_keys(path, sys->items[i], k_system, "a system", d);
	dx_keys(path, yt_get(root, "priority"), k_priority, "'priority'", d);
	const yt_node *ctx = yt_get(root, "context");
	dx_keys(path, ctx, k_context, "'context'", d);
	const yt_node *egdi = yt_get(ctx, "egdi");
	dx_keys(path, egdi, k_egdi, "'context.egdi'", d);
	if (egdi)
		dx_name(path, egdi, yt_get(egdi, "country"), "context.egdi.country", d);
	dx_seq_maps(path, yt_get(egdi, "bands"), k_band, "an EGDI band", d);
	dx_keys(path, yt_get(root, "reference"), k_reference, "'reference'", d);
}

static bool dx_num(const yt_node *n, double *out)
{
	char *end;
	if (!n || n->kind != YT_SCALAR || !*n->value)
		return false;
	*out = g_ascii_strtod(n->value, &end);
	return !*end && isfinite(*out);
}

/* 'reference': for each count in 'present' ("total" or a criterion of
 * 'field'), present / size rounded to four decimals, as the survey prints
 * it, must be the value in 'published'. */
void dx_reference_check(const dx_model *m, diag_list *d)
{
	const yt_node *ref = yt_get(m->root, "reference");
	if (!ref)
		return;
	const char *fid = yt_str(ref, "field");
	const dx_field *fd = NULL;
	for (size_t f = 0; f < m->nfields; f++)
		if (!g_strcmp0(m->fields[f].id, fid))
			fd = &m->fields[f];
	if (!fd || !fd->share) {
		diag_error(d, m->path, ref->line, ref->col, "name a field with 'scoring: share'",
		           "reference: field '%s' is not a share field", fid ? fid : "");
		return;
	}
	const yt_node *present = yt_get(ref, "present"), *published = yt_get(ref, "published");
	for (size_t i = 0; present && present->kind == YT_MAP && i < present->count; i++) {
		const char *k = present->keys[i];
		size_t size = 0;
		if (!strcmp(k, "total"))
			size = fd->count;
		for (size_t g = 0; g < m->ngroups; g++)
			if (m->groups[g].field == (size_t)(fd - m->fields) && !strcmp(m->groups[g].id, k))
				size = m->groups[g].size;
		double n, want;
		const yt_node *p = yt_get(published, k);
		if (!size || !dx_num(present->items[i], &n) || n < 0 || n > (double)size ||
		    n != floor(n)) {
			diag_error(d, m->path, present->key_lines[i], present->key_cols[i],
			           "'total' or a criterion id, with a whole number of items",
			           "reference: bad count '%s'", k);
			continue;
		}
		if (!dx_num(p, &want)) {
			diag_error(d, m->path, present->key_lines[i], present->key_cols[i],
			           "add the published value under 'published'",
			           "reference: no published value for '%s'", k);
			continue;
		}
		char got[32], pub[32];
		g_ascii_formatd(got, sizeof got, "%.4f", n / (double)size);
		g_ascii_formatd(pub, sizeof pub, "%.4f", want);
		if (strcmp(got, pub))
			diag_error(d, m->path, p->line, p->col,
			           "the model must reproduce the values it cites",
			           "reference: %g of %zu items gives %s for '%s', published %s", n, size,
			           got, k, pub);
	}
}

const char *dx_egdi_band(const dx_model *m, double value)
{
	const yt_node *bands = yt_get(yt_get(yt_get(m->root, "context"), "egdi"), "bands");
	const char *best = NULL;
	double best_min = -1, min;
	for (size_t i = 0; bands && bands->kind == YT_SEQ && i < bands->count; i++)
		if (dx_num(yt_get(bands->items[i], "min"), &min) && value >= min && min > best_min) {
			best = yt_str(bands->items[i], "id");
			best_min = min;
		}
	return best;
}
