/* cmd_new: kitgen new KIND NAME — a page with every front-matter key, and
 * values for the required ones that let it build at once. */
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
	for (const char *p = slug; *p; p++)
		if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-') || !*slug) {
			fprintf(stderr, "kitgen: '%s': use lower-case letters, digits and hyphens\n",
			        slug);
			return 2;
		}
	if (strchr(lang, ',')) {
		fprintf(stderr, "kitgen: --lang: name one language for the new page\n");
		return 2;
	}
	char *file = kind == KIND_SYSTEM
	                     ? g_strdup_printf("%s/%s/%s/index.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang)
	                     : g_strdup_printf("%s/%s/%s.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang);
	if (g_file_test(file, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "kitgen: %s exists; not overwritten\n", file);
		g_free(file);
		return 1;
	}
	/* Values that build: the first field of site.yaml, the city the name
	 * says, today's date. */
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	diag_list *d = diag_new();
	site_config *c = config_load(site_yaml, d);
	g_free(site_yaml);
	char *city = NULL, *year = NULL;
	bool refers = kind == KIND_STUDY || kind == KIND_KIT || kind == KIND_DIAGNOSTIC;
	if (refers)
		kg_guess_city(o->content, slug, &city, &year);
	GDateTime *now = g_date_time_new_now_local();
	char *today = g_date_time_format(now, "%Y-%m-%d");
	if (!year)
		year = g_date_time_format(now, "%Y");
	g_date_time_unref(now);
	char *values = kind == KIND_DIAGNOSTIC ? kg_placeholder_values(o->content) : NULL;
	schema_hints hints = {.field = c && c->nfields ? c->fields[0].id : NULL,
	                      .city = city, .year = year, .date = today, .values = values};
	char *text = schema_scaffold_with(kind, slug, lang, &hints);
	GError *err = NULL;
	int status = 0;
	if (!out_write_file(file, text, strlen(text), &err)) {
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
		printf("kitgen: fill in %s (marked TODO)%s", todo->str,
		       kind == KIND_SYSTEM ? " and the six sections" : "");
		if (kind == KIND_SYSTEM && hints.field)
			printf("; 'field' is %s, the first field of site.yaml", hints.field);
		if (refers && city)
			printf("; 'city' is %s, from the name", city);
		if (kind == KIND_STUDY || kind == KIND_KIT || kind == KIND_DIAGNOSTIC)
			printf("; check '%s'", kind == KIND_STUDY ? "year" : "date");
		printf(".\n");
		if (refers && !city)
			printf("kitgen: set 'city' to the NAME of a file in %s/%s/ (a page named "
			       "CITY-YEAR gets it from its name): until then the build stops there.\n",
			       o->content, content_kind_dir(KIND_CITY));
		if (values)
			printf("kitgen: replace the placeholder 'values' (marked TODO) with the "
			       "city's own figures.\n");
		if (kind == KIND_KIT)
			printf("kitgen: list the 'systems' to present, or name a diagnosis in "
			       "'recommend'.\n");
		if (kind == KIND_STUDY)
			printf("kitgen: add the systems the study 'proposed', and its phases and costs "
			       "when known.\n");
		g_string_free(todo, TRUE);
	}
	g_free(text);
	g_free(today);
	g_free(values);
	g_free(year);
	g_free(city);
	config_free(c);
	diag_free(d);
	g_free(file);
	return status;
}
