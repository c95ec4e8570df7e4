/* cmd_check: kitgen check — every problem, and translation coverage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"

/* A translation (a file with a 'translation:' key) is outdated when a
 * source of the same page (a file without one) was updated after it. */
static bool kg_outdated(const content_group *g, const content_item *it)
{
	const char *mine = yt_str(it->fm, "updated");
	if (!yt_get(it->fm, "translation") || !mine)
		return false;
	for (guint i = 0; i < g->items->len; i++) {
		const content_item *src = g->items->pdata[i];
		const char *theirs = yt_str(src->fm, "updated");
		if (!yt_get(src->fm, "translation") && theirs && strcmp(theirs, mine) > 0)
			return true;
	}
	return false;
}

/* Pages per kind and language: translated (outdated), or missing. */
static void kg_coverage(const kg_catalogue *k, bool details)
{
	const site_config *c = k->config;
	printf("translation coverage: pages in the language / pages of the kind"
	       " (+N: outdated translations)\n");
	printf("%-12s", "kind");
	for (size_t i = 0; i < c->nlangs; i++)
		if (c->langs[i].build)
			printf(" %8s", c->langs[i].code);
	printf("\n");
	GString *list = g_string_new(NULL);
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		GPtrArray *groups = k->set->groups[kind];
		if (!groups->len)
			continue;
		printf("%-12s", content_kind_dir(kind));
		for (size_t i = 0; i < c->nlangs; i++) {
			if (!c->langs[i].build)
				continue;
			const char *code = c->langs[i].code;
			guint have = 0, old = 0;
			for (guint g = 0; g < groups->len; g++) {
				content_group *grp = groups->pdata[g];
				content_item *it = content_group_item(grp, code);
				have += it != NULL;
				if (it && kg_outdated(grp, it)) {
					old++;
					g_string_append_printf(list, "outdated %-8s %s\n", code, it->path);
				} else if (!it) {
					g_string_append_printf(list, "missing  %-8s %s/%s\n", code,
					                       content_kind_dir(kind), grp->slug);
				}
			}
			char cell[32];
			if (old)
				snprintf(cell, sizeof cell, "%u/%u+%u", have, groups->len, old);
			else
				snprintf(cell, sizeof cell, "%u/%u", have, groups->len);
			printf(" %8s", cell);
		}
		printf("\n");
	}
	for (size_t i = 0; i < c->nlangs; i++) {
		if (!c->langs[i].build)
			continue;
		GPtrArray *miss = i18n_missing(k->strings, c->langs[i].code);
		if (miss->len)
			printf("UI strings missing in %s: %u\n", c->langs[i].code, miss->len);
		g_ptr_array_free(miss, TRUE);
	}
	if (details && list->len)
		printf("\n%s", list->str);
	g_string_free(list, TRUE);
}

int cmd_check(const kg_options *o)
{
	diag_list *d = diag_new();
	kg_catalogue k = {0};
	bool ok = kg_load(&k, o, d);
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (k.set)
		kg_coverage(&k, o->translations);
	int status = !ok || d->errors || (o->strict && d->warnings);
	fprintf(stderr, "kitgen: %d error%s, %d warning%s\n", d->errors,
	        d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
	kg_catalogue_free(&k);
	diag_free(d);
	return status;
}

