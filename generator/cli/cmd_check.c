/* cmd_check: kitgen check — every problem, and translation coverage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"
#include "core/json.h"

/* The state of one page in one language, as a reader of that language
 * meets it. */
typedef enum { TR_TRANSLATED, TR_DRAFT, TR_FALLBACK, TR_NOT_EXPECTED } tr_state;

typedef struct {
	int n[3];     /* translated, draft, fallback */
	int outdated; /* of translated and draft */
	GString *fallback_names, *outdated_lines, *outdated_json;
} tr_cell;

/* A translation (a file with a 'translation:' key) is outdated when a
 * source of the same page (a file without one) was updated after it: the
 * newer source, or NULL. */
static const content_item *kg_newer_source(const content_group *g, const content_item *it)
{
	const char *mine = yt_str(it->fm, "updated");
	if (!yt_get(it->fm, "translation") || !mine)
		return NULL;
	const content_item *newest = NULL;
	for (guint i = 0; i < g->items->len; i++) {
		const content_item *src = g->items->pdata[i];
		const char *theirs = yt_str(src->fm, "updated");
		if (!yt_get(src->fm, "translation") && theirs && strcmp(theirs, mine) > 0 &&
		    (!newest || strcmp(theirs, yt_str(newest->fm, "updated")) > 0))
			newest = src;
	}
	return newest;
}

/* Kits and diagnoses are made for one city's delegation: they are expected
 * in ko, en and the languages its city page is written in, not in all. */
static bool kg_expected(const kg_catalogue *k, const content_group *g, const char *lang)
{
	if (g->kind != KIND_KIT && g->kind != KIND_DIAGNOSTIC)
		return true;
	if (content_group_item(g, lang))
		return true;
	const content_item *any = g->items->pdata[0];
	const char *city = yt_str(any->fm, "city");
	const content_group *c = city ? content_group_find(k->set, KIND_CITY, city) : NULL;
	return !c || content_group_item(c, lang) != NULL;
}

static tr_state kg_state(const kg_catalogue *k, const content_group *g, const char *lang)
{
	const content_item *it = content_group_item(g, lang);
	if (!it)
		return kg_expected(k, g, lang) ? TR_FALLBACK : TR_NOT_EXPECTED;
	return !g_strcmp0(yt_str(it->fm, "translation"), "draft") ? TR_DRAFT : TR_TRANSLATED;
}

/* One kind × one language. */
static void kg_count(const kg_catalogue *k, GPtrArray *groups, const char *lang, tr_cell *cell)
{
	for (guint i = 0; i < groups->len; i++) {
		const content_group *g = groups->pdata[i];
		tr_state s = kg_state(k, g, lang);
		if (s == TR_NOT_EXPECTED)
			continue;
		cell->n[s]++;
		if (s == TR_FALLBACK)
			g_string_append_printf(cell->fallback_names, "%s%s",
			                       cell->fallback_names->len ? ", " : "", g->slug);
		const content_item *it = content_group_item(g, lang);
		const content_item *src = it ? kg_newer_source(g, it) : NULL;
		if (!src)
			continue;
		cell->outdated++;
		g_string_append_printf(cell->outdated_lines,
		                       "  outdated %s: %s (updated %s); %s is newer (updated %s)\n",
		                       lang, it->relpath, yt_str(it->fm, "updated"), src->relpath,
		                       yt_str(src->fm, "updated"));
		g_string_append_printf(cell->outdated_json, "%s{\"file\": ",
		                       cell->outdated_json->len ? ", " : "");
		json_append_str(cell->outdated_json, it->relpath);
		g_string_append_printf(cell->outdated_json, ", \"updated\": \"%s\", \"newer\": ",
		                       yt_str(it->fm, "updated"));
		json_append_str(cell->outdated_json, src->relpath);
		g_string_append_printf(cell->outdated_json, ", \"newer_updated\": \"%s\"}",
		                       yt_str(src->fm, "updated"));
	}
}

/* The compact overview of plain `kitgen check`: pages in the language /
 * pages expected in it, +N outdated. */
static void kg_overview(const kg_catalogue *k)
{
	const site_config *c = k->config;
	printf("translations: pages in the language / pages expected in it (+N outdated);"
	       " 'kitgen check --translations' says which\n%-12s", "kind");
	for (size_t i = 0; i < c->nlangs; i++)
		if (c->langs[i].build)
			printf(" %8s", c->langs[i].code);
	printf("\n");
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		GPtrArray *groups = k->set->groups[kind];
		if (!groups->len)
			continue;
		printf("%-12s", content_kind_dir(kind));
		for (size_t i = 0; i < c->nlangs; i++) {
			if (!c->langs[i].build)
				continue;
			tr_cell cell = {.fallback_names = g_string_new(NULL),
			                .outdated_lines = g_string_new(NULL),
			                .outdated_json = g_string_new(NULL)};
			kg_count(k, groups, c->langs[i].code, &cell);
			char text[48];
			int have = cell.n[TR_TRANSLATED] + cell.n[TR_DRAFT];
			int all = have + cell.n[TR_FALLBACK];
			if (cell.outdated)
				snprintf(text, sizeof text, "%d/%d+%d", have, all, cell.outdated);
			else
				snprintf(text, sizeof text, "%d/%d", have, all);
			printf(" %8s", text);
			g_string_free(cell.fallback_names, TRUE);
			g_string_free(cell.outdated_lines, TRUE);
			g_string_free(cell.outdated_json, TRUE);
		}
		printf("\n");
	}
}

/* `check --translations`: a table per kind, language × state, then what
 * falls back and what is outdated, named. */
static void kg_report_translations(const kg_catalogue *k, bool json)
{
	const site_config *c = k->config;
	GString *j = g_string_new("{");
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		GPtrArray *groups = k->set->groups[kind];
		if (!groups->len)
			continue;
		if (json)
			g_string_append_printf(j, "%s\n  \"%s\": {", j->len > 1 ? "," : "",
			                       content_kind_dir(kind));
		else
			printf("%s%s (%u)\n  %-8s %10s %6s %9s %9s\n", kind ? "\n" : "",
			       content_kind_dir(kind), groups->len, "language", "translated", "draft",
			       "fallback", "outdated");
		GString *details = g_string_new(NULL);
		bool first = true;
		for (size_t i = 0; i < c->nlangs; i++) {
			if (!c->langs[i].build)
				continue;
			const char *code = c->langs[i].code;
			tr_cell cell = {.fallback_names = g_string_new(NULL),
			                .outdated_lines = g_string_new(NULL),
			                .outdated_json = g_string_new(NULL)};
			kg_count(k, groups, code, &cell);
			if (json) {
				g_string_append_printf(j, "%s\n    \"%s\": {\"translated\": %d, \"draft\": %d, "
				                       "\"fallback\": %d, \"outdated\": [%s], "
				                       "\"fallback_pages\": [",
				                       first ? "" : ",", code, cell.n[TR_TRANSLATED],
				                       cell.n[TR_DRAFT], cell.n[TR_FALLBACK],
				                       cell.outdated_json->str);
				char **names = g_strsplit(cell.fallback_names->str, ", ", -1);
				for (char **n = names; *n && **n; n++) {
					if (n != names)
						g_string_append(j, ", ");
					json_append_str(j, *n);
				}
				g_strfreev(names);
				g_string_append(j, "]}");
			} else {
				printf("  %-8s %10d %6d %9d %9d\n", code, cell.n[TR_TRANSLATED],
				       cell.n[TR_DRAFT], cell.n[TR_FALLBACK], cell.outdated);
				if (cell.fallback_names->len)
					g_string_append_printf(details, "  fallback %s: %s\n", code,
					                       cell.fallback_names->str);
				g_string_append(details, cell.outdated_lines->str);
			}
			first = false;
			g_string_free(cell.fallback_names, TRUE);
			g_string_free(cell.outdated_lines, TRUE);
			g_string_free(cell.outdated_json, TRUE);
		}
		if (json)
			g_string_append(j, "\n  }");
		else if (details->len)
			printf("\n%s", details->str);
		g_string_free(details, TRUE);
	}
	if (json)
		printf("%s\n}\n", j->str);
	g_string_free(j, TRUE);
}

int cmd_check(const kg_options *o)
{
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	bool ok = kg_load(&k, o, d);
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (k.set && o->translations)
		kg_report_translations(&k, o->json);
	else if (k.set)
		kg_overview(&k);
	for (size_t i = 0; k.strings && i < k.config->nlangs; i++) {
		if (!k.config->langs[i].build)
			continue;
		GPtrArray *miss = i18n_missing(k.strings, k.config->langs[i].code);
		if (miss->len && !o->json)
			printf("UI strings missing in %s: %u\n", k.config->langs[i].code, miss->len);
		g_ptr_array_free(miss, TRUE);
	}
	int status = !ok || d->errors || (o->strict && d->warnings);
	fflush(stdout); /* the report, then the verdict, even on one terminal */
	fprintf(stderr, "kitgen: %d error%s, %d warning%s%s\n", d->errors,
	        d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s",
	        status && !d->errors && ok ? " (--strict: warnings fail)" : "");
	kg_catalogue_free(&k);
	diag_free(d);
	return status;
}
