/* model: content items → XML, typed by the schema. */
#include <stdlib.h>
#include <string.h>
#include "model/model.h"
#include "model/diagram.h"
#include "core/xmltext.h"
#include "build/checked.h"
#include "model/derive.h"
#include "build/jobs.h"
#include "load/schema.h"
#include "build/reads.h"
#include "model/model_reads.h"

model *model_new(const site_config *c, const content_set *s, const i18n_set *strings,
                 media_set *media, diag_list *d)
{
	model *m = g_new0(model, 1);
	m->config = c;
	m->set = s;
	m->strings = strings;
	m->media = media;
	m->d = d;
	m->source_date = -1;
	m->dx_results = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	                                      (GDestroyNotify)dx_result_free);
	m->studies_by_lang = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                           (GDestroyNotify)g_hash_table_destroy);
	g_mutex_init(&m->lock);
	return m;
}

void model_free(model *m)
{
	if (!m)
		return;
	g_hash_table_destroy(m->dx_results);
	g_hash_table_destroy(m->studies_by_lang);
	if (m->by_relpath)
		g_hash_table_destroy(m->by_relpath);
	checked_free(m->checked);
	g_mutex_clear(&m->lock);
	dx_model_free(m->dx);
	g_free(m);
}

bool model_kind_has_page(content_kind k)
{
	return kinds_get(k)->url != NULL;
}

char *model_page_path(content_kind k, const char *slug, const char *lang)
{
	return g_strdup_printf("%s/%s%s/", lang, kinds_get(k)->url, slug);
}

static char *model_file_for(model *m, const char *dir, const char *name, const char *lang);
static bool model_has_override(model *m, const char *dir, const char *name, const char *lang);

/* Files named in front matter (image: …) are copied with the site: register
 * them now, before anything is written. A language's own file
 * (name.LANG.svg) stands for the file; a diagram drawn from the front
 * matter stands for both, unless the language has its own file. */
static void model_use_files(model *m, const content_item *it)
{
	for (const schema_key *k = schema_keys(it->kind); k->key; k++) {
		const char *name = k->type == ST_FILE ? yt_str(it->fm, k->key) : NULL;
		if (!name)
			continue;
		char *dir = g_path_get_dirname(it->relpath);
		if (!strcmp(k->key, "image") && diagram_in(it->fm) &&
		    !model_has_override(m, dir, name, it->lang)) {
			g_free(dir);
			continue;
		}
		char *rel = model_file_for(m, dir, name, it->lang);
		if (g_hash_table_contains(m->set->files, rel))
			media_use(m->media, rel);
		g_free(rel);
		g_free(dir);
	}
}

/* Scores every diagnosis; the model is needed only when there are some. */
static void model_diagnose(model *m)
{
	GPtrArray *groups = m->set->groups[KIND_DIAGNOSTIC];
	if (!groups->len)
		return;
	char *path = g_build_filename(m->set->root, "diagnostics", "model.yaml", NULL);
	if (!g_file_test(path, G_FILE_TEST_EXISTS))
		diag_error(m->d, path, 0, 0, "add the model: fields, indicators, stages",
		           "diagnoses need content/diagnostics/model.yaml");
	else
		m->dx = dx_model_load(path, m->d);
	g_free(path);
	for (guint i = 0; m->dx && i < groups->len; i++) {
		content_group *g = groups->pdata[i];
		for (guint j = 0; j < g->items->len; j++) {
			content_item *it = g->items->pdata[j];
			dx_result *r = dx_evaluate(m->dx, it, m->set, m->config, m->d);
			if (r)
				g_hash_table_insert(m->dx_results, it, r);
		}
	}
}

GPtrArray *model_recommended(model *m, const char *diagnosis, size_t max)
{
	if (g_str_has_prefix(diagnosis, "diagnostics/"))
		diagnosis += strlen("diagnostics/");
	content_group *g = content_group_find(m->set, KIND_DIAGNOSTIC, diagnosis);
	content_item *it = g ? content_group_pick(g, m->config, m->config->default_lang) : NULL;
	dx_result *r = it ? g_hash_table_lookup(m->dx_results, it) : NULL;
	if (!r)
		return NULL;
	GPtrArray *out = g_ptr_array_new();
	for (size_t i = 0; i < max && dx_result_system(r, i); i++)
		g_ptr_array_add(out, (gpointer)dx_result_system(r, i));
	return out;
}

typedef struct {
	model *m;
	GPtrArray *items; /* content_item* */
} model_load;

/* Placeholders left from a scaffold, in front matter and text: warnings,
 * so --strict (and check --strict) stop on an unfinished page. */
static void model_check_placeholders(const content_item *it, diag_list *d)
{
	yt_warn_placeholders(it->fm, it->path, d);
	size_t len;
	char *owned = NULL;
	const char *body = content_item_body(it, &len, &owned);
	int line = it->body_line;
	for (const char *p = body, *end = body ? body + len : NULL; p && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		char *text = g_strndup(p, (gsize)((nl ? nl : end) - p));
		const char *at = yt_find_todo(text);
		if (at)
			diag_warn(d, it->path, line, (int)(at - text) + 1,
			          "replace it with the real text before publishing",
			          "placeholder 'TODO' left in the text");
		g_free(text);
		p = nl ? nl + 1 : end;
	}
	g_free(owned);
}

/* Checks one page and renders its Markdown: independent of every other
 * page, so pages are spread over threads. */
static bool model_load_one(void *shared, int thread, size_t i)
{
	(void)thread;
	model_load *l = shared;
	content_item *it = l->items->pdata[i];
	model *m = l->m;
	schema_check(it, m->set, m->config, m->d);
	model_use_files(m, it);
	char **media = m->checked ? checked_lookup(m->checked, it) : NULL;
	for (char **f = media; f && *f; f++)
		media_use(m->media, *f);
	if (media)
		return true; /* checked clean before, and nothing it reads changed */
	/* Rendered here for its diagnostics only; model_item renders it again
	 * for the pages that are made, so no body is kept in memory. */
	/* Read once for both checks, dropped after (content_parse keeps no
	 * body). A file changed since loading stays NULL: reported below. */
	size_t len;
	char *owned = NULL;
	const char *text = it->body ? NULL : content_item_body(it, &len, &owned);
	if (text)
		it->body = g_strndup(text, len);
	g_free(owned);
	diag_list *own = diag_new();
	model_check_placeholders(it, own);
	GPtrArray *used = g_ptr_array_new_with_free_func(g_free);
	md_context ctx = {m->set, m->config, m->media, own, used, NULL};
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr toc, body = md_render(&ctx, it, doc, &toc);
	xmlFreeNode(body);
	xmlFreeNode(toc);
	xmlFreeDoc(doc);
	for (size_t k = 0; k < own->count; k++) {
		const diag_entry *e = &own->entries[k];
		diag_add(m->d, e->severity, e->file, e->line, e->col, e->hint, "%s", e->message);
	}
	if (m->checked && !own->count)
		checked_add(m->checked, it, used);
	g_ptr_array_free(used, TRUE);
	diag_free(own);
	if (text)
		g_clear_pointer(&it->body, g_free);
	return true;
}

/* The systems a kit presents: its list, or what its diagnosis recommends
 * (as publish.c composes it). Borrowed slugs, owned array. */
static GPtrArray *model_kit_systems(model *m, const content_item *kit)
{
	const yt_node *list = yt_get(kit->fm, "systems");
	if (list && list->kind == YT_SEQ) {
		GPtrArray *out = g_ptr_array_new();
		for (size_t i = 0; i < list->count; i++)
			if (list->items[i]->kind == YT_SCALAR)
				g_ptr_array_add(out, list->items[i]->value);
		return out;
	}
	const char *dx = yt_str(kit->fm, "recommend");
	GPtrArray *rec = dx ? model_recommended(m, dx, 3) : NULL;
	return rec ? rec : g_ptr_array_new();
}

/* A warning names the first few pages; "and N more" stands for the rest. */
#define MODEL_NAMES_SHOWN 5
static void model_names_more(GString *names, int n)
{
	if (n > MODEL_NAMES_SHOWN)
		g_string_append_printf(names, " and %d more", n - MODEL_NAMES_SHOWN);
}

/* One warning per language (errors with --strict), since a delegation's
 * kit must not go out like that by accident. */
void model_check_unfinished(model *m, const content_group *only, const char *only_lang)
{
	const site_config *c = m->config;
	for (size_t l = 0; l < c->nlangs; l++) {
		const char *lang = c->langs[l].code;
		if (only_lang ? strcmp(lang, only_lang) : !c->langs[l].build)
			continue;
		GString *drafts = g_string_new(NULL), *mixed = g_string_new(NULL);
		int ndrafts = 0, nmixed = 0;
		for (int k = 0; k < KIND_COUNT; k++) {
			if (!kinds_get(k)->document) /* no PDF of their own (kinds.c) */
				continue;
			for (guint i = 0; i < m->set->groups[k]->len; i++) {
				content_group *g = m->set->groups[k]->pdata[i];
				content_item *it = content_group_item(g, lang);
				if (!it || (only && g != only))
					continue;
				if (!g_strcmp0(yt_str(it->fm, "translation"), "draft")) {
					if (ndrafts < MODEL_NAMES_SHOWN)
						g_string_append_printf(drafts, "%s%s %s", ndrafts ? ", " : "",
						                       content_kind_name(g->kind), g->slug);
					ndrafts++;
				}
				if (k != KIND_KIT)
					continue;
				GPtrArray *systems = model_kit_systems(m, it);
				guint away = 0;
				for (guint j = 0; j < systems->len; j++) {
					content_group *sg = content_group_find(m->set, KIND_SYSTEM, systems->pdata[j]);
					away += sg && !content_group_item(sg, lang);
				}
				if (away && nmixed < MODEL_NAMES_SHOWN)
					g_string_append_printf(mixed, "%skit %s (%u of %u systems)",
					                       nmixed ? ", " : "", g->slug, away, systems->len);
				nmixed += away > 0;
				g_ptr_array_free(systems, TRUE);
			}
		}
		model_names_more(drafts, ndrafts);
		model_names_more(mixed, nmixed);
		if (ndrafts || nmixed) {
			char *hint = g_strdup_printf("have the translations reviewed (then 'translation: "
			                             "reviewed'); 'kitgen check --translations' lists the "
			                             "pages of '%s'", lang);
			char *other = nmixed ? g_strdup_printf("; chapters in another language in %s",
			                                       mixed->str)
			                     : g_strdup("");
			diag_warn(m->d, NULL, 0, 0, hint, "'%s' documents are unfinished: %d draft%s%s%s%s%s",
			          lang, ndrafts, ndrafts == 1 ? "" : "s", ndrafts ? " (" : "",
			          drafts->str, ndrafts ? ")" : "", other);
			g_free(other);
			g_free(hint);
		}
		g_string_free(drafts, TRUE);
		g_string_free(mixed, TRUE);
	}
}

void model_load_bodies(model *m, int jobs)
{
	model_diagnose(m);
	model_load l = {m, g_ptr_array_new()};
	content_iter i = content_iter_start(m->set);
	for (content_item *it; (it = content_iter_next(&i));)
		g_ptr_array_add(l.items, it);
	jobs_run(jobs, l.items->len, model_load_one, &l);
	g_ptr_array_free(l.items, TRUE);
}

static const schema_key *model_key(content_kind k, const char *key)
{
	for (const schema_key *p = schema_keys(k); p->key; p++)
		if (!strcmp(p->key, key))
			return p;
	return NULL;
}

/* <KEY ref="cities/x/" slug="x">Title in lang</KEY> */
static xmlNodePtr model_ref(model *m, xmlNodePtr parent, const char *name,
                            content_kind kind, const char *slug, const char *lang)
{
	content_group *g = content_group_find(m->set, kind, slug);
	content_item *it = g ? content_group_pick(g, m->config, lang) : NULL;
	reads_use("pick|%s|%s|%s", content_kind_name(kind), slug, lang);
	if (it)
		model_read_fm(it, "title");
	const char *title = it ? yt_str(it->fm, "title") : slug;
	xmlNodePtr e = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST(title ? title : slug));
	xmltext_set(e, "slug", slug);
	xmltext_set(e, "kind", content_kind_name(kind));
	if (g && model_kind_has_page(kind)) {
		char *path = model_page_path(kind, slug, lang);
		xmltext_set(e, "path", path);
		g_free(path);
	}
	return e;
}

/* name.LANG.ext beside name.ext: the picture drawn for that language. */
static char *model_override(const char *dir, const char *name, const char *lang)
{
	const char *dot = strrchr(name, '.');
	char *file = dot ? g_strdup_printf("%.*s.%s%s", (int)(dot - name), name, lang, dot)
	                 : g_strdup_printf("%s.%s", name, lang);
	char *rel = g_build_filename(dir, file, NULL);
	g_free(file);
	return rel;
}

static bool model_has_override(model *m, const char *dir, const char *name, const char *lang)
{
	char *rel = model_override(dir, name, lang);
	bool has = g_hash_table_contains(m->set->files, rel);
	g_free(rel);
	return has;
}

/* The file a page in lang shows for name: its override, else name. */
static char *model_file_for(model *m, const char *dir, const char *name, const char *lang)
{
	char *rel = model_override(dir, name, lang);
	if (g_hash_table_contains(m->set->files, rel))
		return rel;
	g_free(rel);
	return g_build_filename(dir, name, NULL);
}

/* The diagram kitgen draws from the page's front matter (derive writes
 * it), in the language of the text the page shows. */
static void model_diagram(xmlNodePtr item, const content_item *it)
{
	char *rel = diagram_media_path(it->slug, it->lang);
	xmlNodePtr e = xmlNewChild(item, NULL, BAD_CAST "image", NULL);
	xmltext_set(e, "media", rel);
	char buf[16];
	snprintf(buf, sizeof buf, "%.0f", DIAGRAM_W);
	xmltext_set(e, "width", buf);
	snprintf(buf, sizeof buf, "%.0f", DIAGRAM_H);
	xmltext_set(e, "height", buf);
	g_free(rel);
}

static void model_value(model *m, const content_item *it, const schema_key *k,
                        const yt_node *v, const char *lang, xmlNodePtr item)
{
	xmlNodePtr e;
	switch (k->type) {
	case ST_DATE:
	case ST_DATE_YEAR: {
		char *shown = i18n_format_date(lang, v->value);
		e = xmlNewTextChild(item, NULL, BAD_CAST k->key, BAD_CAST shown);
		xmltext_set(e, "value", v->value);
		g_free(shown);
		break;
	}
	case ST_FIELD: {
		model_read_catalogue(); /* the field's name in site.yaml */
		const cfg_field *f = config_field(m->config, v->value);
		const char *name = f ? config_lang_text(m->config, f->name, lang) : NULL;
		e = xmlNewTextChild(item, NULL, BAD_CAST k->key, BAD_CAST(name ? name : v->value));
		xmltext_set(e, "id", v->value);
		break;
	}
	case ST_REF:
		model_ref(m, item, k->key, k->ref, v->value, lang);
		break;
	case ST_REFS:
	case ST_IDS:
	case ST_TEXTS:
		e = xmlNewChild(item, NULL, BAD_CAST k->key, NULL);
		for (size_t i = 0; i < v->count; i++) {
			if (v->items[i]->kind != YT_SCALAR)
				continue;
			if (k->type == ST_REFS)
				model_ref(m, e, "v", k->ref, v->items[i]->value, lang);
			else
				xmlNewTextChild(e, NULL, BAD_CAST "v", BAD_CAST v->items[i]->value);
		}
		break;
	case ST_MAPS:
		e = xmlNewChild(item, NULL, BAD_CAST k->key, NULL);
		for (size_t i = 0; i < v->count; i++) {
			xmlNodePtr row = xmlNewChild(e, NULL, BAD_CAST "v", NULL);
			const yt_node *map = v->items[i];
			for (size_t j = 0; map->kind == YT_MAP && j < map->count; j++)
				if (map->items[j]->kind == YT_SCALAR)
					xmltext_set(row, map->keys[j], map->items[j]->value);
		}
		break;
	case ST_NUMBERS:
		e = xmlNewChild(item, NULL, BAD_CAST k->key, NULL);
		for (size_t i = 0; i < v->count; i++) {
			xmlNodePtr n = xmlNewTextChild(e, NULL, BAD_CAST "v",
			                               BAD_CAST(v->items[i]->value ? v->items[i]->value : ""));
			xmltext_set(n, "k", v->keys[i]);
		}
		break;
	case ST_FILE: {
		model_read_catalogue(); /* the file, its override, its size */
		model_read_fm(it, "diagram_steps");
		char *dir = g_path_get_dirname(it->relpath);
		char *rel = model_file_for(m, dir, v->value, it->lang);
		if (!strcmp(k->key, "image") && diagram_in(it->fm) &&
		    !model_has_override(m, dir, v->value, it->lang)) {
			model_diagram(item, it);
			g_free(rel);
			g_free(dir);
			break;
		}
		if (g_hash_table_contains(m->set->files, rel)) {
			const media_file *f = media_use(m->media, rel);
			e = xmlNewChild(item, NULL, BAD_CAST k->key, NULL);
			xmltext_set(e, "media", rel);
			char buf[16];
			if (f->width > 0) {
				snprintf(buf, sizeof buf, "%d", f->width);
				xmltext_set(e, "width", buf);
				snprintf(buf, sizeof buf, "%d", f->height);
				xmltext_set(e, "height", buf);
			}
		}
		g_free(rel);
		g_free(dir);
		break;
	}
	default:
		xmlNewTextChild(item, NULL, BAD_CAST k->key, BAD_CAST v->value);
	}
}

static int model_year_cmp(const void *a, const void *b)
{
	const content_item *x = *(content_item *const *)a, *y = *(content_item *const *)b;
	int c = g_strcmp0(yt_str(x->fm, "year"), yt_str(y->fm, "year"));
	return c ? c : strcmp(x->slug, y->slug);
}

/* The studies index of lang: "city/SLUG" or "system/SLUG" -> the studies
 * (content_item*) that name the city or propose the system, oldest first.
 * Made once per language, so a page finds its studies without scanning
 * them all (the scan grew as pages x studies). */
static GHashTable *model_studies_index(model *m, const char *lang)
{
	g_mutex_lock(&m->lock);
	GHashTable *index = g_hash_table_lookup(m->studies_by_lang, lang);
	if (!index) {
		index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                              (GDestroyNotify)g_ptr_array_unref);
		GPtrArray *studies = m->set->groups[KIND_STUDY];
		for (guint i = 0; i < studies->len; i++) {
			content_item *s = content_group_pick(studies->pdata[i], m->config, lang);
			GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
			if (yt_str(s->fm, "city"))
				g_ptr_array_add(keys, g_strconcat("city/", yt_str(s->fm, "city"), NULL));
			yt_node *prop = yt_get(s->fm, "proposed");
			for (size_t j = 0; prop && j < prop->count; j++)
				if (prop->items[j]->value)
					g_ptr_array_add(keys, g_strconcat("system/", prop->items[j]->value, NULL));
			for (guint k = 0; k < keys->len; k++) {
				GPtrArray *list = g_hash_table_lookup(index, keys->pdata[k]);
				if (!list) {
					list = g_ptr_array_new();
					g_hash_table_insert(index, g_strdup(keys->pdata[k]), list);
				}
				if (!list->len || list->pdata[list->len - 1] != s) /* named twice */
					g_ptr_array_add(list, s);
			}
			g_ptr_array_free(keys, TRUE);
		}
		GHashTableIter it;
		gpointer list;
		g_hash_table_iter_init(&it, index);
		while (g_hash_table_iter_next(&it, NULL, &list))
			g_ptr_array_sort(list, model_year_cmp);
		g_hash_table_insert(m->studies_by_lang, g_strdup(lang), index);
	}
	g_mutex_unlock(&m->lock);
	return index;
}

GPtrArray *model_studies_of(model *m, content_kind k, const char *slug, const char *lang)
{
	char *key = g_strconcat(k == KIND_CITY ? "city/" : "system/", slug, NULL);
	GPtrArray *found = g_hash_table_lookup(model_studies_index(m, lang), key);
	g_free(key);
	return found;
}

/* Studies that name this city (or propose this system), oldest first. */
static bool model_key_in(const char *const *keys, const char *key, const yt_node *fm);

/* keys: what the page shows (model_item_keys); "year" names the studies'
 * @year too. */
static void model_related_studies(model *m, const content_group *g, const char *lang,
                                  xmlNodePtr item, const char *const *keys, const yt_node *fm)
{
	/* which studies, in which order: made once per language, by whichever
	 * page asks first, so the page reads the result (model_reads.c) */
	reads_use("studies|%s|%s|%s", content_kind_name(g->kind), g->slug, lang);
	GPtrArray *found = model_studies_of(m, g->kind, g->slug, lang);
	if (found && found->len) {
		xmlNodePtr list = xmlNewChild(item, NULL, BAD_CAST "studies", NULL);
		for (guint i = 0; i < found->len; i++) {
			content_item *s = found->pdata[i];
			xmlNodePtr e = model_ref(m, list, "v", KIND_STUDY, s->slug, lang);
			if (!model_key_in(keys, "year", fm))
				continue;
			model_read_fm(s, "year");
			xmltext_set(e, "year", yt_str(s->fm, "year"));
		}
	}
}

/* Whether keys (NULL: all) names key for an item with front matter fm:
 * "a" names a; "a|b" names a, and b when fm has no a; "*" names every key
 * but those written "-c". */
static bool model_key_in(const char *const *keys, const char *key, const yt_node *fm)
{
	bool all = !keys;
	for (; keys && *keys; keys++) {
		all = all || !strcmp(*keys, "*");
		if (**keys == '-' && !strcmp(*keys + 1, key))
			return false;
		const char *bar = strchr(*keys, '|');
		size_t n = bar ? (size_t)(bar - *keys) : strlen(*keys);
		if (strlen(key) == n && !strncmp(*keys, key, n))
			return true;
		if (bar && !strcmp(bar + 1, key)) {
			char *first = g_strndup(*keys, n);
			bool none = !yt_get(fm, first);
			g_free(first);
			if (none)
				return true;
		}
	}
	return all;
}

static xmlNodePtr model_item_with(model *m, const content_group *g, const char *lang,
                                  xmlDocPtr doc, bool full, const char *const *keys);

xmlNodePtr model_item(model *m, const content_group *g, const char *lang, xmlDocPtr doc,
                      bool full)
{
	return model_item_with(m, g, lang, doc, full, NULL);
}

xmlNodePtr model_item_keys(model *m, const content_group *g, const char *lang, xmlDocPtr doc,
                           bool full, const char *const *keys)
{
	return model_item_with(m, g, lang, doc, full, keys);
}

static xmlNodePtr model_item_with(model *m, const content_group *g, const char *lang,
                                  xmlDocPtr doc, bool full, const char *const *keys)
{
	content_item *it = content_group_pick(g, m->config, lang);
	reads_use("pick|%s|%s|%s", content_kind_name(g->kind), g->slug, lang);
	reads_use("keys|%s", it->relpath);
	xmlNodePtr item = xmlNewDocNode(doc, NULL, BAD_CAST "item", NULL);
	xmltext_set(item, "kind", content_kind_name(g->kind));
	xmltext_set(item, "slug", g->slug);
	xmltext_set(item, "lang", it->lang);
	if (model_kind_has_page(g->kind)) {
		char *path = model_page_path(g->kind, g->slug, lang);
		xmltext_set(item, "path", path);
		g_free(path);
	}
	if (strcmp(it->lang, lang))
		xmltext_set(item, "fallback", "true");
	const yt_node *fm = it->fm;
	for (size_t i = 0; i < fm->count; i++) {
		const schema_key *k = model_key(g->kind, fm->keys[i]);
		/* weight only orders lists: they read the order (model_sorted_groups),
		 * no template reads the number, so a page is not made again for it */
		if (k && fm->items[i] && strcmp(k->key, "weight") && model_key_in(keys, k->key, fm)) {
			model_read_fm(it, k->key);
			model_value(m, it, k, fm->items[i], lang, item);
		}
	}
	if (!full)
		return item;
	reads_use("body|%s", it->relpath);
	model_read_catalogue(); /* the pages and files its links and pictures name */
	/* Its problems were reported when the catalogue was loaded; only a file
	 * changed since then is news (ctx.stale). */
	diag_list *quiet = diag_new();
	md_context ctx = {m->set, m->config, m->media, quiet, NULL, .stale = m->d};
	xmlNodePtr toc;
	xmlAddChild(item, md_render(&ctx, it, doc, &toc));
	xmlAddChild(item, toc);
	diag_free(quiet);
	if (g->kind == KIND_CITY || g->kind == KIND_SYSTEM)
		model_related_studies(m, g, lang, item, keys, it->fm);
	if (g->kind == KIND_STUDY)
		derive_study(it, lang, item);
	dx_result *dx = g->kind == KIND_DIAGNOSTIC ? g_hash_table_lookup(m->dx_results, it) : NULL;
	if (dx) {
		reads_use("heads"); /* scores read the model and every diagnosis */
		dx_result_xml(m->dx, dx, m->set, m->config, m->strings, lang, item);
		derive_diagnosis(it, item);
	}
	return item;
}

xmlDocPtr model_page_new(model *m, const char *layout, const char *lang,
                         const char *generator, xmlNodePtr *page_out, xmlNodePtr *site_out)
{
	const site_config *c = m->config;
	model_read_catalogue(); /* site.yaml's texts and languages */
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	/* Element and attribute names are kept once in the document's
	 * dictionary, not once a node: a list of 10,000 items has 300,000. */
	doc->dict = xmlDictCreate();
	xmlNodePtr page = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, page);
	const cfg_language *l = config_language(c, lang);
	xmltext_set(page, "layout", layout);
	xmltext_set(page, "lang", lang);
	xmltext_set(page, "dir", l ? l->dir : "ltr");
	if (l && l->paper)
		xmltext_set(page, "paper", l->paper);
	xmlNodePtr site = xmlNewChild(page, NULL, BAD_CAST "site", NULL);
	static const char *const texts[] = {"title", "description", "organisation"};
	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
		const char *t = config_text(c, texts[i], lang);
		xmlNewTextChild(site, NULL, BAD_CAST texts[i], BAD_CAST(t ? t : ""));
	}
	xmlNewTextChild(site, NULL, BAD_CAST "base-url", BAD_CAST c->base_url);
	xmlNewTextChild(site, NULL, BAD_CAST "default-lang", BAD_CAST c->default_lang);
	xmlNewTextChild(site, NULL, BAD_CAST "generator", BAD_CAST generator);
	*page_out = page;
	if (site_out)
		*site_out = site;
	return doc;
}

typedef struct {
	content_group *g;
	const char *title;
	long weight;
} model_sort_entry;

static gint model_sort_cmp(gconstpointer a, gconstpointer b, gpointer lang)
{
	const model_sort_entry *x = *(model_sort_entry *const *)a,
			       *y = *(model_sort_entry *const *)b;
	if (x->weight != y->weight)
		return x->weight < y->weight ? -1 : 1;
	int c = i18n_collate(lang, x->title, y->title);
	return c ? c : strcmp(x->g->slug, y->g->slug);
}

GPtrArray *model_sorted_groups(model *m, content_kind k, const char *lang)
{
	GPtrArray *groups = m->set->groups[k];
	reads_use("order|%s|%s", content_kind_name(k), lang);
	GPtrArray *entries = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < groups->len; i++) {
		content_item *it = content_group_pick(groups->pdata[i], m->config, lang);
		const char *w = yt_str(it->fm, "weight");
		model_sort_entry *e = g_new0(model_sort_entry, 1);
		e->g = groups->pdata[i];
		e->title = yt_str(it->fm, "title") ? yt_str(it->fm, "title") : it->slug;
		e->weight = w ? strtol(w, NULL, 10) : 1000000;
		g_ptr_array_add(entries, e);
	}
	g_ptr_array_sort_with_data(entries, model_sort_cmp, (gpointer)lang);
	GPtrArray *out = g_ptr_array_new();
	for (guint i = 0; i < entries->len; i++)
		g_ptr_array_add(out, ((model_sort_entry *)entries->pdata[i])->g);
	g_ptr_array_free(entries, TRUE);
	return out;
}
