/* cmd_list: kitgen list [KIND] — the names an author types (kitgen kit
 * NAME, a link, a reference), with titles and languages. */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include "cli/cli.h"
#include "core/json.h"
#include "core/suggest.h"

/* The title a reader of lang sees, else the slug. Borrowed. */
static const char *kg_title(const content_group *g, const site_config *c, const char *lang)
{
	const content_item *it = content_group_pick(g, c, lang);
	const char *t = it ? yt_str(it->fm, "title") : NULL;
	return t ? t : g->slug;
}

static void kg_list_json(const content_set *s, const site_config *c, const char *lang,
                         int only)
{
	GString *out = g_string_new("{");
	for (int k = 0; k < KIND_COUNT; k++) {
		if (only >= 0 && k != only)
			continue;
		g_string_append_printf(out, "%s\n  \"%s\": [", out->len > 1 ? "," : "",
		                       content_kind_dir(k));
		GPtrArray *groups = s->groups[k];
		for (guint i = 0; i < groups->len; i++) {
			const content_group *g = groups->pdata[i];
			g_string_append_printf(out, "%s\n    {\"name\": ", i ? "," : "");
			json_append_str(out, g->slug);
			g_string_append(out, ", \"title\": ");
			json_append_str(out, kg_title(g, c, lang));
			g_string_append(out, ", \"languages\": [");
			for (guint j = 0; j < g->items->len; j++)
				g_string_append_printf(out, "%s\"%s\"", j ? ", " : "",
				                       ((content_item *)g->items->pdata[j])->lang);
			g_string_append(out, "]}");
		}
		g_string_append(out, groups->len ? "\n  ]" : "]");
	}
	g_string_append(out, "\n}\n");
	fputs(out->str, stdout);
	g_string_free(out, TRUE);
}

static void kg_list_text(const content_set *s, const site_config *c, const char *lang, int only)
{
	for (int k = 0; k < KIND_COUNT; k++) {
		if (only >= 0 && k != only)
			continue;
		GPtrArray *groups = s->groups[k];
		size_t width = 0;
		for (guint i = 0; i < groups->len; i++)
			width = MAX(width, strlen(((content_group *)groups->pdata[i])->slug));
		printf("%s%s (%u)\n", only < 0 && k ? "\n" : "", content_kind_dir(k), groups->len);
		for (guint i = 0; i < groups->len; i++) {
			const content_group *g = groups->pdata[i];
			GString *langs = g_string_new(NULL);
			for (guint j = 0; j < g->items->len; j++)
				g_string_append_printf(langs, "%s%s", j ? " " : "",
				                       ((content_item *)g->items->pdata[j])->lang);
			printf("  %-*s  %s  [%s]\n", (int)width, g->slug, kg_title(g, c, lang), langs->str);
			g_string_free(langs, TRUE);
		}
	}
}

int cmd_list(const kg_options *o, int argc, char **argv)
{
	int only = -1;
	if (argc > 3)
		return kg_usage_error("list", "name one kind at most, not '%s' too", argv[3]);
	if (argc == 3 && (only = content_kind_from_name(argv[2])) < 0) {
		static const char *const kinds[] = {"systems", "cities", "studies", "pages", "kits", "system", "city", "study", "page", "kit", "diagnostic",
		                                    "diagnostics", NULL};
		const char *s = suggest_closest(argv[2], kinds, (size_t)-1);
		return kg_usage_error("list", "unknown kind '%s'%s%s%s; use systems, cities, studies, "
		                      "pages, kits or diagnostics", argv[2], s ? " (did you mean '" : "",
		                      s ? s : "", s ? "'?)" : "");
	}
	diag_list *d = diag_new();
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	site_config *c = config_load(site_yaml, d);
	g_free(site_yaml);
	content_set *s = c ? content_load(o->content, c, o->jobs, NULL, d) : NULL;
	int status = s ? 0 : 1;
	if (s) {
		const char *lang = o->lang && !strchr(o->lang, ',') ? o->lang : c->default_lang;
		(o->json ? kg_list_json : kg_list_text)(s, c, lang, only);
	}
	/* Listing goes on despite problems in the files: they are counted. */
	if (s && (d->errors || d->warnings))
		fprintf(stderr, "kitgen: %d error%s and %d warning%s in the content; "
		        "'kitgen check' shows them\n", d->errors, d->errors == 1 ? "" : "s",
		        d->warnings, d->warnings == 1 ? "" : "s");
	else if (!s) {
		diag_sort(d);
		diag_print(d, stderr, kg_colour());
	}
	content_free(s);
	config_free(c);
	diag_free(d);
	return status;
}
