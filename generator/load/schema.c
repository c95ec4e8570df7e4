/* schema: what each kind's front matter may hold, checked with positions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "load/schema.h"
#include "core/suggest.h"
#include "load/media.h"

const schema_key *schema_keys(content_kind k) { return kinds_get(k)->keys; }

static bool schema_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isdigit(s[i]))
			return false;
	return true;
}

static bool schema_is_year(const char *s)
{
	return strlen(s) == 4 && schema_digits(s, 4);
}

static bool schema_is_date(const char *s)
{
	if (strlen(s) != 10 || !schema_digits(s, 4) || s[4] != '-' ||
	    !schema_digits(s + 5, 2) || s[7] != '-' || !schema_digits(s + 8, 2))
		return false;
	int y = atoi(s), m = atoi(s + 5), dd = atoi(s + 8);
	return g_date_valid_dmy((GDateDay)dd, (GDateMonth)m, (GDateYear)y);
}

static bool schema_is_id(const char *s)
{
	if (!*s)
		return false;
	for (const char *p = s; *p; p++)
		if (!g_ascii_islower(*p) && !g_ascii_isdigit(*p) && *p != '-')
			return false;
	return true;
}

/* A scalar's problem against a type, or NULL. Static strings. */
static const char *schema_scalar_problem(const schema_key *k, const yt_node *v)
{
	const char *s = v->value;
	switch (k->type) {
	case ST_TEXT:
		return *s ? NULL : "must not be empty";
	case ST_DATE:
		return schema_is_date(s) ? NULL : "must be a date YYYY-MM-DD";
	case ST_YEAR:
		return schema_is_year(s) ? NULL : "must be a year YYYY";
	case ST_DATE_YEAR:
		return schema_is_date(s) || schema_is_year(s) ? NULL
		                                                : "must be YYYY-MM-DD or YYYY";
	case ST_BOOL:
		/* Quoted, it is text: yt_is_true would read it as false. */
		return !v->quoted && (!strcmp(s, "true") || !strcmp(s, "false"))
		               ? NULL
		               : "must be true or false, without quotes";
	case ST_INT: {
		char *end;
		g_ascii_strtoll(s, &end, 10);
		return *s && !*end ? NULL : "must be a whole number";
	}
	case ST_REF:
		/* "diagnostics/maputo-2013" names the same page as "maputo-2013". */
		if (strchr(s, '/') && g_str_has_prefix(s, content_kind_dir(k->ref)) &&
		    s[strlen(content_kind_dir(k->ref))] == '/')
			s += strlen(content_kind_dir(k->ref)) + 1;
		return schema_is_id(s) ? NULL : "must be a name in lower-case letters, digits and hyphens";
	case ST_FIELD:
		return schema_is_id(s) ? NULL : "must be a name in lower-case letters, digits and hyphens";
	case ST_LANG:
		return *s && strlen(s) < 36 ? NULL : "must be a language code";
	default:
		return NULL;
	}
}

/* One entry of a list of maps against "key:type!,…": text, int, number,
 * month (YYYY-MM), email. */
static void schema_check_map(const content_item *it, const schema_key *k, const yt_node *map,
                             diag_list *d)
{
	char **fields = g_strsplit(k->values, ",", -1);
	for (size_t i = 0; i < map->count; i++) {
		bool known = false;
		for (char **f = fields; *f; f++)
			known |= !strncmp(*f, map->keys[i], strlen(map->keys[i])) &&
			         (*f)[strlen(map->keys[i])] == ':';
		if (!known)
			diag_warn(d, it->path, map->key_lines[i], map->key_cols[i], k->doc,
			          "unknown key '%s' in '%s'", map->keys[i], k->key);
	}
	for (char **f = fields; *f; f++) {
		char *colon = strchr(*f, ':');
		char *name = g_strndup(*f, (gsize)(colon - *f));
		bool required = g_str_has_suffix(colon, "!");
		char *type = g_strndup(colon + 1, strlen(colon + 1) - (required ? 1 : 0));
		const yt_node *v = yt_get(map, name);
		const char *problem = NULL;
		char *end = NULL;
		if (!v) {
			if (required)
				diag_error(d, it->path, map->line, map->col, k->doc,
				           "'%s' entry is missing '%s'", k->key, name);
		} else if (v->kind != YT_SCALAR || !*v->value) {
			problem = "must be a single value";
		} else if (!strcmp(type, "int")) {
			/* Phases and months: a plan spans at most 50 years. */
			long n = strtol(v->value, &end, 10);
			problem = *end || n < 1 || n > 600 ? "must be a whole number from 1 to 600" : NULL;
		} else if (!strcmp(type, "number")) {
			double n = g_ascii_strtod(v->value, &end);
			problem = *end || !isfinite(n) || n < 0 || n > 1e15
			                  ? "must be a number from 0 to 10^15"
			                  : NULL;
		} else if (!strcmp(type, "month")) {
			int y, m;
			char extra;
			problem = strlen(v->value) != 7 ||
			                  sscanf(v->value, "%4d-%2d%c", &y, &m, &extra) != 2 || m < 1 ||
			                  m > 12
			                  ? "must be a month YYYY-MM"
			                  : NULL;
		} else if (!strcmp(type, "email")) {
			problem = !strchr(v->value, '@') || strchr(v->value, ' ') ? "must be an e-mail address" : NULL;
		}
		if (problem)
			diag_error(d, it->path, v->line, v->col, k->doc, "'%s' in '%s' %s, not '%s'",
			           name, k->key, problem, v->kind == YT_SCALAR ? v->value : "…");
		g_free(type);
		g_free(name);
	}
	g_strfreev(fields);
}

/* The page a reference names must exist (in any language). */
static void schema_check_ref(const content_item *it, const schema_key *k,
                             const yt_node *v, const content_set *s, diag_list *d)
{
	const char *name = v->value, *dir = content_kind_dir(k->ref);
	if (g_str_has_prefix(name, dir) && name[strlen(dir)] == '/')
		name += strlen(dir) + 1;
	if (!schema_is_id(name) || content_group_find(s, k->ref, name))
		return;
	const char *close = content_closest_slug(s, k->ref, name);
	char *hint = close ? g_strdup_printf("did you mean '%s'?", close)
	                   : g_strdup_printf("write the NAME of a file in content/%s/",
	                                     content_kind_dir(k->ref));
	diag_error(d, it->path, v->line, v->col, hint, "%s '%s' names no %s", k->key,
	           name, content_kind_name(k->ref));
	g_free(hint);
}

static void schema_check_value(const content_item *it, const schema_key *k,
                               const yt_node *v, const content_set *s,
                               const site_config *c, diag_list *d)
{
	bool list = k->type == ST_IDS || k->type == ST_TEXTS || k->type == ST_REFS ||
	            k->type == ST_MAPS;
	if (list) {
		if (v->kind != YT_SEQ) {
			diag_error(d, it->path, v->line, v->col, "write [a, b] or one '- item' per line",
			           "'%s' must be a list", k->key);
			return;
		}
		for (size_t i = 0; i < v->count; i++) {
			const yt_node *e = v->items[i];
			bool want_map = k->type == ST_MAPS;
			if ((e->kind == YT_MAP) != want_map || e->kind == YT_SEQ) {
				diag_error(d, it->path, e->line, e->col, NULL, "'%s' items must be %s",
				           k->key, want_map ? "maps" : "plain values");
				continue;
			}
			if (want_map && k->values)
				schema_check_map(it, k, e, d);
			else if ((k->type == ST_IDS || k->type == ST_REFS) && !schema_is_id(e->value))
				diag_error(d, it->path, e->line, e->col,
				           "use lower-case letters, digits and hyphens",
				           "'%s' is not a valid name in '%s'", e->value, k->key);
			else if (k->type == ST_REFS)
				schema_check_ref(it, k, e, s, d);
		}
		return;
	}
	if (k->type == ST_NUMBERS) {
		if (v->kind != YT_MAP) {
			diag_error(d, it->path, v->line, v->col, "write 'indicator: number' lines",
			           "'%s' must be a map", k->key);
			return;
		}
		for (size_t i = 0; i < v->count; i++) {
			const yt_node *e = v->items[i];
			char *end = NULL;
			static const char *const words[] = {"yes", "no", "true", "false", NULL};
			if (e->kind == YT_SCALAR)
				g_ascii_strtod(e->value, &end);
			if (e->kind != YT_SCALAR || !*e->value ||
			    (end && *end && !g_strv_contains(words, e->value)))
				diag_error(d, it->path, e->line, e->col, "write a number, or yes or no",
				           "value of '%s' must be a number", v->keys[i]);
		}
		return;
	}
	if (v->kind != YT_SCALAR) {
		diag_error(d, it->path, v->line, v->col, k->doc, "'%s' must be a single value",
		           k->key);
		return;
	}
	const char *problem = schema_scalar_problem(k, v);
	if (problem) {
		diag_error(d, it->path, v->line, v->col, k->doc, "'%s' %s, not '%s'", k->key,
		           problem, v->value);
		return;
	}
	if (k->type == ST_ENUM) {
		char **vals = g_strsplit(k->values, "|", -1);
		if (!g_strv_contains((const char *const *)vals, v->value))
			diag_error(d, it->path, v->line, v->col, k->doc, "'%s' must be one of %s, not '%s'",
			           k->key, k->values, v->value);
		g_strfreev(vals);
	} else if (k->type == ST_FIELD && !config_field(c, v->value)) {
		diag_error(d, it->path, v->line, v->col, "see 'fields' in site.yaml",
		           "field '%s' is not defined in site.yaml", v->value);
	} else if (k->type == ST_REF) {
		schema_check_ref(it, k, v, s, d);
	} else if (k->type == ST_FILE) {
		char *rel = g_build_filename(it->relpath, "..", v->value, NULL);
		char *canon = g_canonicalize_filename(rel, "/");
		if (strstr(v->value, "..") || v->value[0] == '/' ||
		    !g_hash_table_contains(s->files, canon + 1)) {
			diag_error(d, it->path, v->line, v->col,
			           "put the file beside this page and give its name",
			           "'%s' names '%s', which is not a file beside this page", k->key,
			           v->value);
		} else {
			char *full = g_build_filename(s->root, canon + 1, NULL);
			media_check(full, canon + 1, c->trusted_html, d, it->path, v->line, v->col);
			g_free(full);
		}
		g_free(canon);
		g_free(rel);
	}
}

void schema_check(const content_item *it, const content_set *s, const site_config *c,
                  diag_list *d)
{
	const schema_key *keys = schema_keys(it->kind);
	const yt_node *fm = it->fm;
	for (size_t i = 0; i < fm->count; i++) {
		const schema_key *k = NULL;
		for (const schema_key *p = keys; p->key; p++)
			if (!strcmp(p->key, fm->keys[i]))
				k = p;
		if (!k) {
			const char *names[128];
			size_t n = 0;
			for (const schema_key *p = keys; p->key && n < G_N_ELEMENTS(names) - 1; p++)
				names[n++] = p->key;
			names[n] = NULL;
			const char *close = suggest_closest(fm->keys[i], names, n);
			char *hint = close ? g_strdup_printf("did you mean '%s'?", close)
			                   : g_strdup_printf("see the %s keys in docs/content.md, or "
			                                     "check the spelling",
			                                     content_kind_name(it->kind));
			diag_warn(d, it->path, fm->key_lines[i], fm->key_cols[i], hint,
			          "unknown key '%s'", fm->keys[i]);
			g_free(hint);
			continue;
		}
		schema_check_value(it, k, fm->items[i], s, c, d);
	}
	for (const schema_key *k = keys; k->key; k++)
		if (k->required && !yt_get(fm, k->key)) {
			char *hint = g_strdup_printf("add '%s: …' (%s) to the front matter", k->key,
			                             k->doc);
			diag_error(d, it->path, fm->line, fm->col, hint,
			           "missing required key '%s'", k->key);
			g_free(hint);
		}
	const yt_node *costs = yt_get(fm, "costs"), *phases = yt_get(fm, "phases");
	if (costs && costs->kind == YT_SEQ) {
		size_t nphases = phases && phases->kind == YT_SEQ ? phases->count : 0;
		if (!yt_get(fm, "currency"))
			diag_error(d, it->path, costs->line, costs->col,
			           "add 'currency: USD' (or the code the figures are in)",
			           "'costs' without 'currency'");
		for (size_t i = 0; i < costs->count; i++) {
			const yt_node *ph = yt_get(costs->items[i], "phase");
			long n = ph && ph->kind == YT_SCALAR ? strtol(ph->value, NULL, 10) : 0;
			if (ph && (n < 1 || (size_t)n > nphases))
				diag_error(d, it->path, ph->line, ph->col,
				           "number the phases from 1 in the order of 'phases'",
				           "cost line names phase %ld, but there %s %zu phase%s", n,
				           nphases == 1 ? "is" : "are", nphases, nphases == 1 ? "" : "s");
		}
	}
	if (yt_get(fm, "image") && !yt_get(fm, "image_alt"))
		diag_warn(d, it->path, yt_get(fm, "image")->line, yt_get(fm, "image")->col,
		          "describe the picture for readers who cannot see it",
		          "'image' without 'image_alt'");
}

/* "#   - {item: …, phase: 1, amount: 100000}": an entry of a list of maps,
 * from its "key:type!,…" spec, as a commented example. */
static void schema_map_example(GString *out, const schema_key *p)
{
	char **fields = g_strsplit(p->values, ",", -1);
	g_string_append(out, "#   e.g.\n#   - {");
	for (char **f = fields; *f; f++) {
		char *colon = strchr(*f, ':');
		if (!colon)
			continue;
		const char *type = colon + 1;
		const char *v = g_str_has_prefix(type, "int")      ? "1"
		                : g_str_has_prefix(type, "number") ? "100000"
		                : g_str_has_prefix(type, "month")  ? "2027-03"
		                : g_str_has_prefix(type, "email")  ? "name@city.gov"
		                                                   : "\"…\"";
		g_string_append_printf(out, "%s%.*s: %s", f == fields ? "" : ", ", (int)(colon - *f),
		                       *f, v);
	}
	g_string_append(out, "}\n");
	g_strfreev(fields);
}

/* Every key, commented; required keys get values that build: the hints
 * where kitgen new found them, else the key's example, else a placeholder
 * text starting with TODO (for text) — the page builds and shows it. Only
 * a reference no hint resolved (a study's city) is left empty: a build
 * then names the key, which is better than a city chosen at random. */
char *schema_scaffold_with(content_kind k, const char *slug, const char *lang,
                           const schema_hints *h)
{
	static const schema_hints none = {0};
	(void)lang; /* the headings come in it, through h */
	if (!h)
		h = &none;
	GString *out = g_string_new("---\n");
	for (const schema_key *p = schema_keys(k); p->key; p++) {
		g_string_append_printf(out, "# %s%s\n", p->doc, p->required ? " (required)" : "");
		if (!strcmp(p->key, "problems") && h->problems)
			g_string_append_printf(out, "#   one or more of: %s\n", h->problems);
		if (p->type == ST_MAPS && p->values)
			schema_map_example(out, p);
		const char *ex = p->example ? p->example : "";
		if (!strcmp(p->key, "title"))
			g_string_append_printf(out, "title: \"%s\"\n", slug);
		else if (p->required && p->type == ST_FIELD && h->field)
			g_string_append_printf(out, "%s: %s\n", p->key, h->field);
		else if (p->required && p->type == ST_REF && p->ref == KIND_CITY && h->city)
			g_string_append_printf(out, "%s: %s\n", p->key, h->city);
		else if (p->required && p->type == ST_REF)
			g_string_append_printf(out, "# TODO: the NAME of a file in content/%s/\n%s: \"\"\n",
			                       content_kind_dir(p->ref), p->key);
		else if (p->required && p->type == ST_YEAR && h->year)
			g_string_append_printf(out, "%s: %s\n", p->key, h->year);
		else if (p->required && p->type == ST_DATE)
			g_string_append_printf(out, "%s: %s\n", p->key, h->date ? h->date : "\"\"");
		else if (p->type == ST_NUMBERS && h->values)
			g_string_append_printf(out, "%s:\n%s", p->key, h->values);
		else if (p->required && p->type == ST_TEXT)
			g_string_append_printf(out, "%s: \"TODO: %s\"\n", p->key, p->doc);
		else if (p->required || p->example)
			g_string_append_printf(out, "%s: %s\n", p->key, ex);
		else
			g_string_append_printf(out, "# %s:\n", p->key);
	}
	g_string_append(out, "---\n\n");
	const char *const *sec = kinds_get(k)->sections; /* key, English pairs */
	for (size_t i = 0; sec && sec[2 * i]; i++)
		g_string_append_printf(out, "## %s\n\n\n",
		                       h->headings && h->headings[i] ? h->headings[i] : sec[2 * i + 1]);
	return g_string_free(out, FALSE);
}

char *schema_scaffold(content_kind k, const char *slug, const char *lang)
{
	return schema_scaffold_with(k, slug, lang, NULL);
}
