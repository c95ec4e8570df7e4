/* cmd_i18n: kitgen i18n export|import — UI strings for translators (PO). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli/cli.h"
#include "build/outfile.h"
#include "build/out.h"
#include "load/po.h"

/* kitgen i18n export|import: the theme's UI strings and translators' PO. */
int cmd_i18n(const kg_options *o, int argc, char **argv)
{
	bool export = argc >= 4 && !strcmp(argv[2], "export");
	bool import = argc >= 5 && !strcmp(argv[2], "import");
	if (!export && !import)
		return kg_usage_error("i18n", "write 'kitgen i18n export LANG' or "
		                              "'kitgen i18n import LANG FILE'");
	const char *lang = argv[3];
	diag_list *d = diag_new();
	char *site_yaml = g_build_filename(o->content, "site.yaml", NULL);
	site_config *c = config_load(site_yaml, d);
	g_free(site_yaml);
	i18n_set *strings = NULL;
	int status = 1;
	if (c && !config_language(c, lang)) {
		diag_error(d, c->path, 0, 0, "add it to 'languages' first",
		           "language '%s' is not defined in site.yaml", lang);
	} else if (c) {
		for (size_t i = 0; i < c->nlangs; i++) /* warn about this language only */
			c->langs[i].build = !strcmp(c->langs[i].code, lang);
		char *dir = g_build_filename(o->theme, "i18n", NULL);
		strings = i18n_load(dir, c, d);
		char *text = NULL, *file = NULL;
		if (export) {
			text = po_export(strings, lang);
			file = o->output ? g_strdup(o->output) : NULL;
		} else {
			/* A PO file may hold only some of the strings (a translator
			 * sends back what changed): the strings it does not name stay
			 * as they are; an empty msgstr removes one. It used to replace
			 * the whole file, so a PO of one entry, or of none, wiped out
			 * every other translation. */
			GHashTable *t = po_read(argv[4], d);
			GPtrArray *keys = i18n_keys(strings);
			for (guint i = 0; t && i < keys->len; i++) {
				const char *own = i18n_own(strings, lang, keys->pdata[i]);
				if (own && !g_hash_table_contains(t, keys->pdata[i]))
					g_hash_table_insert(t, g_strdup(keys->pdata[i]), g_strdup(own));
			}
			text = t ? po_to_yaml(t, lang, d) : NULL;
			char *name = g_strdup_printf("%s.yaml", lang);
			file = g_build_filename(dir, name, NULL);
			g_free(name);
			if (t)
				g_hash_table_destroy(t);
		}
		GError *err = NULL;
		if (text && !file) {
			fputs(text, stdout);
			status = 0;
		} else if (text && import && !d->errors &&
		           g_file_set_contents_full(file, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
		                                    0644, &err)) {
			/* The theme's file is replaced whole (a new file renamed over
			 * it) or not at all: a failed import changes nothing. */
			printf("%s\n", file);
			status = 0;
		} else if (text && export && outfile_write_target(file, text, strlen(text), &err)) {
			printf("%s\n", file);
			status = 0;
		} else if (err) {
			diag_error(d, NULL, 0, 0, NULL, "%s", err->message);
			g_error_free(err);
		}
		g_free(text);
		g_free(file);
		g_free(dir);
	}
	diag_sort(d);
	diag_print(d, stderr, kg_colour());
	if (d->errors)
		status = 1;
	i18n_free(strings);
	config_free(c);
	diag_free(d);
	return status;
}

