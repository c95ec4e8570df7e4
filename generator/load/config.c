/* config: read and check site.yaml; resolve each language's fallback chain. */
#include <string.h>
#include <glib.h>
#include <unicode/uloc.h>
#include "load/config.h"
#include "core/suggest.h"
#include "core/limits.h"

/* The paper names the paginator knows (generator/print/style.c). */
static bool config_valid_paper(const char *s)
{
	static const char *const papers[] = {"a4", "a5", "letter", "legal"};
	for (size_t i = 0; s && i < G_N_ELEMENTS(papers); i++)
		if (!g_ascii_strcasecmp(s, papers[i]))
			return true;
	return false;
}

/* A language without a dir is written the way ICU knows it is (ar, fa,
 * he, ur: right to left). */
static const char *config_default_dir(const char *code)
{
	char id[ULOC_FULLNAME_CAPACITY];
	UErrorCode e = U_ZERO_ERROR;
	uloc_forLanguageTag(code, id, sizeof id, NULL, &e);
	return U_SUCCESS(e) && *id && uloc_isRightToLeft(id) ? "rtl" : "ltr";
}

static const char *config_req(const yt_node *map, const char *key, const char *file,
                              diag_list *d)
{
	const yt_node *n = yt_get(map, key);
	if (!n)
		diag_error(d, file, map->line, map->col, "see docs/content.md",
		           "missing required key '%s'", key);
	else if (n->kind != YT_SCALAR)
		diag_error(d, file, n->line, n->col, "write a single value, e.g. key: value",
		           "'%s' must be a single value, not a %s", key,
		           n->kind == YT_SEQ ? "list" : "map");
	return n && n->kind == YT_SCALAR ? n->value : NULL;
}

/* A language code as BCP 47 spells it: letters, digits, hyphens. */
static bool config_valid_code(const char *s)
{
	if (!s || !*s || strlen(s) > 35)
		return false;
	for (const char *p = s; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-')
			return false;
	return true;
}

/* Follows fallbacks breadth first — a language's own list before the lists
 * of the languages it names — each language once, so a cycle ends. */
static bool config_chain(site_config *c, size_t li, diag_list *d)
{
	GPtrArray *chain = g_ptr_array_new();
	g_ptr_array_add(chain, (gpointer)c->langs[li].code);
	for (size_t k = 0; k < chain->len; k++) {
		const char *code = chain->pdata[k];
		const cfg_language *l = NULL;
		for (size_t j = 0; j < c->nlangs; j++)
			if (!strcmp(c->langs[j].code, code))
				l = &c->langs[j];
		yt_node *lnode = NULL;
		for (size_t j = 0; j < yt_get(c->root, "languages")->count; j++) {
			yt_node *n = yt_get(c->root, "languages")->items[j];
			if (!g_strcmp0(yt_str(n, "code"), code))
				lnode = n;
		}
		yt_node *fb = lnode ? yt_get(lnode, "fallback") : NULL;
		if (!l || !fb || fb->kind != YT_SEQ)
			continue;
		for (size_t j = 0; j < fb->count; j++) {
			const char *f = fb->items[j]->value;
			if (!f)
				continue;
			if (!strcmp(f, c->langs[li].code) && k == 0) {
				diag_error(d, c->path, fb->items[j]->line, fb->items[j]->col,
				           "remove the language from its own fallback list",
				           "language '%s' falls back to itself", f);
				continue;
			}
			if (!config_language(c, f)) {
				/* Reported once, where this language's own list names it. */
				if (k == 0)
					diag_error(d, c->path, fb->items[j]->line, fb->items[j]->col,
					           "add the language to 'languages' or drop it",
					           "language '%s' falls back to '%s', which the site "
					           "does not define", c->langs[li].code, f);
				continue;
			}
			bool seen = false;
			for (size_t m = 0; m < chain->len; m++)
				seen |= !strcmp(chain->pdata[m], f);
			if (!seen)
				g_ptr_array_add(chain, (gpointer)f);
		}
	}
	g_ptr_array_add(chain, NULL);
	c->langs[li].chain = (const char **)g_ptr_array_free(chain, FALSE);
	return true;
}

/* Sitemaps, feeds and PDFs need the full address: https://host/path/. A
 * sub-path deploy writes it whole (https://example.gov/showcase/). */
static void config_check_base_url(const char *url, const yt_node *n, const char *path,
                                  diag_list *d)
{
	const char *host = g_str_has_prefix(url, "https://") ? url + 8
	                   : g_str_has_prefix(url, "http://") ? url + 7 : NULL;
	if (!host || !*host || *host == '/' || strpbrk(url, " \t\"<>\\"))
		diag_error(d, path, n->line, n->col,
		           "write the address the site is published at, e.g. "
		           "https://www.example.gov/showcase/",
		           "base_url must be an absolute http(s) URL, not '%s'", url);
	else if (!g_str_has_suffix(url, "/"))
		diag_error(d, path, n->line, n->col, "end it with '/'", "base_url must end with '/'");
}

/* The keys of site.yaml, each once: an unknown one is most likely a typo. */
static const char *const config_keys[] = {"title", "description", "organisation", "base_url",
                                          "default_language", "trusted_html", "languages",
                                          "fields", NULL};

/* A text every reader sees (title, a field's name) with no entry for lang:
 * its readers get another language's. */
static void config_check_langs(const site_config *c, const yt_node *map, const char *what,
                               diag_list *d)
{
	if (!map || map->kind != YT_MAP)
		return;
	for (size_t i = 0; i < c->nlangs; i++) {
		const char *code = c->langs[i].code;
		const char *t = yt_str(map, code);
		if (!t || !*t) {
			char *hint = g_strdup_printf("add '%s: …'; until then %s readers see another "
			                             "language's", code, c->langs[i].name ? c->langs[i].name : code);
			diag_warn(d, c->path, map->line, map->col, hint, "%s has no text in '%s'", what, code);
			g_free(hint);
		}
	}
}

/* Warnings (errors with --strict): unknown or empty keys. */
static void config_check_keys(const site_config *c, diag_list *d)
{
	const yt_node *root = c->root;
	for (size_t i = 0; i < root->count; i++) {
		const char *key = root->keys[i];
		const yt_node *v = root->items[i];
		if (!g_strv_contains(config_keys, key)) {
			const char *close = suggest_closest(key, config_keys, (size_t)-1);
			char *hint = close ? g_strdup_printf("did you mean '%s'?", close)
			                   : g_strdup("see site.yaml in docs/content.md");
			diag_warn(d, c->path, root->key_lines[i], root->key_cols[i], hint,
			          "unknown key '%s'", key);
			g_free(hint);
		} else if ((v->kind == YT_SCALAR && !*v->value) ||
		           (v->kind != YT_SCALAR && !v->count)) {
			diag_warn(d, c->path, root->key_lines[i], root->key_cols[i],
			          "give it a value or remove the line", "'%s' is empty", key);
		}
	}
}

void config_check_complete(const site_config *c, diag_list *d)
{
	const yt_node *root = c->root;
	yt_warn_placeholders(root, c->path, d);
	static const char *const texts[] = {"title", "description", "organisation"};
	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
		char *what = g_strdup_printf("'%s'", texts[i]);
		config_check_langs(c, yt_get(root, texts[i]), what, d);
		g_free(what);
	}
	for (size_t i = 0; i < c->nfields; i++) {
		char *what = g_strdup_printf("the name of field '%s'", c->fields[i].id);
		config_check_langs(c, c->fields[i].name, what, d);
		g_free(what);
	}
}

site_config *config_load(const char *path, diag_list *d)
{
	int before = d->errors;
	yt_node *root = yt_parse_file(path, d);
	if (!root)
		return NULL;
	if (root->kind != YT_MAP) {
		diag_error(d, path, root->line, root->col, NULL, "site.yaml must be a map of keys");
		yt_free(root);
		return NULL;
	}
	site_config *c = g_new0(site_config, 1);
	c->path = g_strdup(path);
	c->root = root;
	c->base_url = config_req(root, "base_url", path, d);
	c->default_lang = config_req(root, "default_language", path, d);
	c->trusted_html = yt_is_true(yt_get(root, "trusted_html"));
	limits_set(yt_get(root, "limits"), path, d);
	if (!yt_get(root, "title"))
		config_req(root, "title", path, d);
	if (c->base_url)
		config_check_base_url(c->base_url, yt_get(root, "base_url"), path, d);
	yt_node *langs = yt_get(root, "languages");
	if (!langs || langs->kind != YT_SEQ || langs->count == 0) {
		diag_error(d, path, root->line, root->col,
		           "list languages with code, name and dir",
		           "'languages' must be a non-empty list");
	} else {
		c->langs = g_new0(cfg_language, langs->count);
		for (size_t i = 0; i < langs->count; i++) {
			yt_node *n = langs->items[i];
			cfg_language *l = &c->langs[c->nlangs];
			l->code = yt_str(n, "code");
			l->name = yt_str(n, "name");
			l->dir = yt_str(n, "dir");
			if (!config_valid_code(l->code)) {
				diag_error(d, path, n->line, n->col,
				           "use a language code such as ko, en or zh-Hant",
				           "language needs a valid 'code'");
				continue;
			}
			/* Each language is a folder of the site (/en/): two entries
			 * with one code, or codes that differ only in case, would be
			 * built into the same folder and listed twice. */
			bool twice = false;
			for (size_t j = 0; j < c->nlangs && !twice; j++)
				twice = !g_ascii_strcasecmp(c->langs[j].code, l->code);
			if (twice) {
				const yt_node *cn = yt_get(n, "code");
				diag_error(d, path, cn->line, cn->col, "remove one of the two entries",
				           "language '%s' is listed twice", l->code);
				continue;
			}
			if (!l->dir)
				l->dir = config_default_dir(l->code);
			const yt_node *paper = yt_get(n, "paper");
			if (paper && (paper->kind != YT_SCALAR || !config_valid_paper(paper->value)))
				diag_error(d, path, paper->line, paper->col,
				           "use a4, a5, letter or legal (or leave it out: the "
				           "language's region decides, else A4)",
				           "unknown paper size '%s' for language '%s'",
				           paper->kind == YT_SCALAR ? paper->value : "(not a single value)",
				           l->code);
			else if (paper)
				l->paper = paper->value;
			if (strcmp(l->dir, "ltr") && strcmp(l->dir, "rtl")) {
				const yt_node *dn = yt_get(n, "dir") ? yt_get(n, "dir") : n;
				diag_error(d, path, dn->line, dn->col, NULL,
				           "dir must be ltr or rtl, not '%s'", l->dir);
			}
			if (!l->name)
				l->name = l->code;
			l->build = true;
			c->nlangs++;
		}
		for (size_t i = 0; i < c->nlangs; i++)
			config_chain(c, i, d);
	}
	if (c->default_lang && !config_language(c, c->default_lang))
		diag_error(d, path, yt_get(root, "default_language")->line,
		           yt_get(root, "default_language")->col, "name one of 'languages'",
		           "default language '%s' is not among the site's languages",
		           c->default_lang);
	yt_node *fields = yt_get(root, "fields");
	if (fields && fields->kind == YT_SEQ) {
		c->fields = g_new0(cfg_field, fields->count);
		for (size_t i = 0; i < fields->count; i++) {
			const char *id = yt_str(fields->items[i], "id");
			if (!id) {
				diag_error(d, path, fields->items[i]->line, fields->items[i]->col,
				           NULL, "a field needs an 'id'");
				continue;
			}
			c->fields[c->nfields].id = id;
			c->fields[c->nfields++].name = yt_get(fields->items[i], "name");
		}
	}
	if (d->errors > before) {
		config_free(c);
		return NULL;
	}
	config_check_keys(c, d);
	return c;
}

void config_free(site_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nlangs; i++)
		g_free(c->langs[i].chain);
	g_free(c->langs);
	g_free(c->fields);
	yt_free(c->root);
	g_free(c->path);
	g_free(c);
}

bool config_select_languages(site_config *c, const char *list, diag_list *d)
{
	char **want = g_strsplit(list, ",", -1);
	bool ok = true;
	for (char **w = want; *w; w++)
		if (**w && !config_language(c, *w)) {
			diag_error(d, NULL, 0, 0, "see 'languages' in site.yaml",
			           "--lang names '%s', which the site does not define", *w);
			ok = false;
		}
	bool any = false;
	for (size_t i = 0; ok && i < c->nlangs; i++)
		any |= c->langs[i].build = g_strv_contains((const char *const *)want, c->langs[i].code);
	if (ok && !any) { /* a site of no language: only links to nowhere */
		diag_error(d, NULL, 0, 0, "see 'languages' in site.yaml", "--lang names no language");
		ok = false;
	}
	g_strfreev(want);
	return ok;
}

const cfg_language *config_language(const site_config *c, const char *code)
{
	for (size_t i = 0; i < c->nlangs; i++)
		if (!strcmp(c->langs[i].code, code))
			return &c->langs[i];
	return NULL;
}

const cfg_field *config_field(const site_config *c, const char *id)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (!strcmp(c->fields[i].id, id))
			return &c->fields[i];
	return NULL;
}

const char *config_lang_text(const site_config *c, const yt_node *n, const char *lang)
{
	if (!n)
		return NULL;
	if (n->kind == YT_SCALAR)
		return n->value;
	const cfg_language *l = config_language(c, lang);
	if (!l)
		return yt_str(n, lang);
	for (size_t i = 0; l->chain[i]; i++) { /* the language itself, then its fallbacks */
		const char *s = yt_str(n, l->chain[i]);
		if (s)
			return s;
	}
	return NULL;
}

const char *config_text(const site_config *c, const char *key, const char *lang)
{
	const yt_node *n = yt_get(c->root, key);
	const char *s = config_lang_text(c, n, lang);
	if (!s && n && n->kind == YT_MAP && n->count)
		s = n->items[0]->value;
	return s;
}
