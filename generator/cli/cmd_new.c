/* cmd_new: kitgen new KIND NAME — a page with every front-matter key, and
 * values for the required ones that let it build at once. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"
#include "build/out.h"
#include "core/suggest.h"
#include "load/schema.h"

/* Whether content/cities/ has NAME in some language (NAME.LANG.md). */
static bool kg_city_exists(const char *content, const char *name)
{
	char *dir = g_build_filename(content, content_kind_dir(KIND_CITY), NULL);
	char *prefix = g_strconcat(name, ".", NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *n;
	bool found = false;
	while (d && !found && (n = g_dir_read_name(d)))
		if (g_str_has_prefix(n, prefix) && g_str_has_suffix(n, ".md")) {
			const char *lang = n + strlen(prefix), *dot = strchr(lang, '.');
			found = dot > lang && dot == n + strlen(n) - 3; /* NAME.LANG.md */
		}
	if (d)
		g_dir_close(d);
	g_free(prefix);
	g_free(dir);
	return found;
}

/* Studies, kits and diagnoses are named CITY-YEAR (maputo-2013): the city
 * and year from the name, when that city exists. Owned strings. */
static void kg_guess_city(const char *content, const char *slug, char **city, char **year)
{
	size_t n = strlen(slug);
	bool dated = n > 5 && slug[n - 5] == '-' && g_ascii_isdigit(slug[n - 4]) &&
	             g_ascii_isdigit(slug[n - 3]) && g_ascii_isdigit(slug[n - 2]) &&
	             g_ascii_isdigit(slug[n - 1]);
	char *name = dated ? g_strndup(slug, n - 5) : g_strdup(slug);
	if (dated)
		*year = g_strdup(slug + n - 4);
	if (kg_city_exists(content, name))
		*city = name;
	else
		g_free(name);
}

/* A diagnosis needs a value for every indicator of the model: the lowest
 * of each range (no, for yes/no), marked TODO. NULL without a model. */
static char *kg_placeholder_values(const char *content)
{
	char *path = g_build_filename(content, "diagnostics", "model.yaml", NULL);
	diag_list *d = diag_new();
	yt_node *root = yt_parse_file(path, d);
	const yt_node *fields = root ? yt_get(root, "fields") : NULL;
	GString *out = g_string_new(NULL);
	for (size_t i = 0; fields && fields->kind == YT_SEQ && i < fields->count; i++) {
		const yt_node *inds = yt_get(fields->items[i], "indicators");
		for (size_t j = 0; inds && inds->kind == YT_SEQ && j < inds->count; j++) {
			const yt_node *ind = inds->items[j];
			const char *id = yt_str(ind, "id"), *unit = yt_str(ind, "unit");
			const yt_node *range = yt_get(ind, "range");
			const char *name = yt_lang_str(yt_get(ind, "name"), "en");
			if (!id)
				continue;
			bool yesno = unit && !strcmp(unit, "yes/no");
			if (unit && name && strstr(name, unit))
				unit = NULL; /* "Adult literacy rate (%)" says it already */
			const char *lo = range && range->kind == YT_SEQ && range->count &&
			                                 range->items[0]->kind == YT_SCALAR
			                         ? range->items[0]->value
			                         : "0";
			g_string_append_printf(out, "  %s: %s # TODO: %s%s%s%s\n", id, yesno ? "no" : lo,
			                       name ? name : id, unit ? " (" : "", unit ? unit : "",
			                       unit ? ")" : "");
		}
	}
	yt_free(root);
	diag_free(d);
	g_free(path);
	return out->len ? g_string_free(out, FALSE) : (g_string_free(out, TRUE), NULL);
}

/* A BCP 47 tag as site.yaml's languages use them: 2 or 3 letters, then
 * subtags of 1 to 8 letters or digits (pt-BR, zh-Hant). */
static bool kg_lang_code_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	if (n < 2 || n > 3)
		return false;
	for (s += n; *s == '-'; s += n) {
		s++;
		n = 0;
		while (g_ascii_isalnum(s[n]))
			n++;
		if (n < 1 || n > 8)
			return false;
	}
	return !*s;
}

/* Writes a new file; never over one that appeared since it was looked
 * for. */
static bool kg_write_new(const char *file, const char *text, GError **err)
{
	char *dir = g_path_get_dirname(file);
	int fd = g_mkdir_with_parents(dir, 0755) == 0
	                 ? open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644)
	                 : -1;
	size_t len = strlen(text);
	bool ok = fd >= 0 && write(fd, text, len) == (ssize_t)len;
	int e = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok)
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "cannot write %s: %s",
		            file, g_strerror(e));
	g_free(dir);
	return ok;
}

static gboolean kg_append_id(gpointer key, gpointer value, gpointer out)
{
	(void)value;
	g_string_append_printf(out, "%s%s", ((GString *)out)->len ? ", " : "", (char *)key);
	return FALSE;
}

/* The problem ids the catalogue's systems answer ("a, b, c", owned): what a
 * diagnosis or a system may name in 'problems'. NULL when there are none. */
static char *kg_problem_ids(const char *content, const site_config *c)
{
	if (!c)
		return NULL;
	diag_list *d = diag_new(); /* a broken page elsewhere is not this page's concern */
	content_set *set = content_load(content, c, 0, NULL, d);
	GTree *ids = g_tree_new((GCompareFunc)strcmp);
	content_iter it = content_iter_start(set);
	for (const content_group *g; set && (g = content_iter_next_group(&it));) {
		if (g->kind != KIND_SYSTEM)
			continue;
		for (guint i = 0; i < g->items->len; i++) {
			const yt_node *p = yt_get(((content_item *)g->items->pdata[i])->fm, "problems");
			for (size_t j = 0; p && p->kind == YT_SEQ && j < p->count; j++)
				if (p->items[j]->kind == YT_SCALAR)
					g_tree_insert(ids, p->items[j]->value, NULL);
		}
	}
	GString *out = g_string_new(NULL);
	g_tree_foreach(ids, kg_append_id, out);
	g_tree_destroy(ids);
	content_free(set);
	diag_free(d);
	return out->len ? g_string_free(out, FALSE) : (g_string_free(out, TRUE), NULL);
}

/* kitgen new KIND NAME --lang pt --from en: the page in en copied as the
 * start of its pt translation, marked translation: draft (whatever the
 * source said), for a translator to work through. */
static int kg_new_translation(const kg_options *o, int kind, const char *slug, const char *lang,
                              char *file)
{
	const kind_def *kd = kinds_get(kind);
	char *src = kd->folder_each
	                    ? g_strdup_printf("%s/%s/%s/index.%s.md", o->content, kd->dir, slug, o->from)
	                    : g_strdup_printf("%s/%s/%s.%s.md", o->content, kd->dir, slug, o->from);
	char *text = NULL;
	GError *err = NULL;
	int status = 0;
	if (!g_file_get_contents(src, &text, NULL, &err) || strncmp(text, "---\n", 4)) {
		fprintf(stderr, "kitgen: error: %s: %s\n", src,
		        err ? err->message : "no front matter to start from");
		status = 1;
	} else {
		/* Front matter without its translation line, then the draft mark. */
		char *end = strstr(text + 3, "\n---");
		GString *out = g_string_new("---\n");
		char *head = end ? g_strndup(text + 4, (gsize)(end - text - 3)) : g_strdup("");
		char **lines = g_strsplit(head, "\n", -1);
		g_free(head);
		for (char **l = lines; *l; l++)
			if (**l && !g_str_has_prefix(*l, "translation:"))
				g_string_append_printf(out, "%s\n", *l);
		g_strfreev(lines);
		g_string_append(out, "translation: draft\n");
		g_string_append(out, end ? end + 1 : "---\n");
		if (!kg_write_new(file, out->str, &err)) {
			fprintf(stderr, "kitgen: %s\n", err->message);
			status = 1;
		} else {
			printf("%s\nkitgen: translate the text of %s into '%s'; then set 'translation: "
			       "reviewed'.\n", file, src, lang);
		}
		g_string_free(out, TRUE);
	}
	if (err)
		g_error_free(err);
	g_free(text);
	g_free(src);
	g_free(file);
	return status;
}

int cmd_new(const kg_options *o, int argc, char **argv)
{
	if (argc < 4)
		return kg_usage_error("new", "write 'kitgen new KIND NAME', KIND one of system, city, "
		                             "study, page, kit or diagnostic");
	int kind = content_kind_from_name(argv[2]);
	const char *slug = argv[3];
	const char *lang = o->lang ? o->lang : "en";
	if (kind < 0) {
		static const char *const kinds[] = {"system", "city", "study", "page", "kit",
		                                    "diagnostic", NULL};
		const char *s = suggest_closest(argv[2], kinds, (size_t)-1);
		return kg_usage_error("new", "unknown kind '%s'%s%s%s; use system, city, study, page, "
		                      "kit or diagnostic", argv[2], s ? " (did you mean '" : "",
		                      s ? s : "", s ? "'?)" : "");
	}
	/* The name and language become a path under content/: nothing else
	 * may reach it (an empty name, "..", a slash). */
	if (!content_valid_slug(slug)) {
		fprintf(stderr, "kitgen: '%s' is not a page name: use at most 100 lower-case "
		                "letters, digits and hyphens, not starting with a hyphen\n", slug);
		return 2;
	}
	if (strchr(lang, ',')) {
		fprintf(stderr, "kitgen: --lang: name one language for the new page\n");
		return 2;
	}
	if (!kg_lang_code_ok(lang)) {
		fprintf(stderr, "kitgen: --lang '%s' is not a language code (like en, ko or "
		                "pt-BR)\n", lang);
		return 2;
	}
	const kind_def *kd = kinds_get(kind);
	char *file = kd->folder_each
	                     ? g_strdup_printf("%s/%s/%s/index.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang)
	                     : g_strdup_printf("%s/%s/%s.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang);
	if (g_file_test(file, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "kitgen: %s exists; not overwritten\n", file);
		g_free(file);
		return 1;
	}
	if (o->from)
		return kg_new_translation(o, kind, slug, lang, file);
	/* Values that build: the first field of site.yaml, the city the name
	 * says, today's date. */
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	diag_list *d = diag_new();
	site_config *c = config_load(site_yaml, d);
	g_free(site_yaml);
	/* What the schema asks for that the catalogue or the name can give: a
	 * city it is about, a year or date, a diagnosis's values. */
	bool refers = false, values_key = false;
	const char *dated = NULL, *field = NULL;
	for (const schema_key *p = schema_keys(kind); p->key; p++) {
		refers |= p->required && p->type == ST_REF && p->ref == KIND_CITY;
		values_key |= p->type == ST_NUMBERS;
		if (p->required && (p->type == ST_YEAR || p->type == ST_DATE) && !dated)
			dated = p->key;
		if (p->required && p->type == ST_FIELD && !field)
			field = p->key;
	}
	size_t nsections = 0;
	while (kd->sections && kd->sections[2 * nsections])
		nsections++;
	/* The sections' headings in the page's language (the theme's UI
	 * strings, along the language's fallback chain). */
	char *i18n_dir = g_build_filename(o->theme, "i18n", NULL);
	diag_list *quiet = diag_new(); /* a theme without strings: English headings */
	i18n_set *strings = c ? i18n_load(i18n_dir, c, quiet) : NULL;
	g_free(i18n_dir);
	const char **headings = g_new0(const char *, nsections + 1);
	for (size_t i = 0; strings && i < nsections; i++)
		headings[i] = i18n_get(strings, lang, kd->sections[2 * i]);
	char *problems = kg_problem_ids(o->content, c);
	char *city = NULL, *year = NULL;
	if (refers)
		kg_guess_city(o->content, slug, &city, &year);
	GDateTime *now = g_date_time_new_now_local();
	char *today = g_date_time_format(now, "%Y-%m-%d");
	if (!year)
		year = g_date_time_format(now, "%Y");
	g_date_time_unref(now);
	char *values = values_key ? kg_placeholder_values(o->content) : NULL;
	schema_hints hints = {.field = c && c->nfields ? c->fields[0].id : NULL,
	                      .city = city, .year = year, .date = today, .values = values,
	                      .headings = headings, .problems = problems};
	char *text = schema_scaffold_with(kind, slug, lang, &hints);
	GError *err = NULL;
	int status = 0;
	if (c && !config_language(c, lang)) {
		g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		            "language '%s' is not defined in site.yaml; add it there first", lang);
		status = 1;
	}
	if (status || !kg_write_new(file, text, &err)) {
		fprintf(stderr, "kitgen: %s\n", err->message);
		g_error_free(err);
		status = 1;
	} else {
		printf("%s\n", file);
		/* What is left to the author, in the order of the file. */
		GString *todo = g_string_new(NULL);
		const char *last = NULL;
		for (const schema_key *p = schema_keys(kind); p->key; p++)
			if (p->required && p->type == ST_TEXT && strcmp(p->key, "title")) {
				if (last)
					g_string_append_printf(todo, "%s'%s'", todo->len ? ", " : "", last);
				last = p->key;
			}
		g_string_append_printf(todo, "%s'%s'", todo->len ? " and " : "", last);
		printf("kitgen: fill in %s (marked TODO)", todo->str);
		static const char *const count[] = {"", "one", "two", "three", "four", "five",
		                                    "six", "seven", "eight", "nine"};
		if (nsections)
			printf(" and the %s sections", nsections < G_N_ELEMENTS(count)
			                                       ? count[nsections] : "new");
		if (field && hints.field)
			printf("; '%s' is %s, the first field of site.yaml", field, hints.field);
		if (refers && city)
			printf("; 'city' is %s, from the name", city);
		if (dated)
			printf("; check '%s'", dated);
		printf(".\n");
		if (refers && !city)
			printf("kitgen: set 'city' to the NAME of a file in %s/%s/ (a page named "
			       "CITY-YEAR gets it from its name): until then the build stops there.\n",
			       o->content, content_kind_dir(KIND_CITY));
		if (values)
			printf("kitgen: replace the placeholder 'values' (marked TODO) with the "
			       "city's own figures.\n");
		if (kd->advice)
			printf("kitgen: %s\n", kd->advice);
		g_string_free(todo, TRUE);
	}
	g_free(text);
	g_free(headings);
	g_free(problems);
	i18n_free(strings);
	diag_free(quiet);
	g_free(today);
	g_free(values);
	g_free(year);
	g_free(city);
	config_free(c);
	diag_free(d);
	g_free(file);
	return status;
}
