/* cmd_new: kitgen new KIND NAME — a page with every front-matter key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli.h"
#include "out.h"
#include "schema.h"

int cmd_new(const kg_options *o, int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: kitgen new KIND NAME [--lang L]\n");
		return 2;
	}
	int kind = content_kind_from_name(argv[2]);
	const char *slug = argv[3];
	const char *lang = o->lang ? o->lang : "en";
	if (kind < 0) {
		fprintf(stderr, "kitgen: unknown kind '%s'; use system, city, study, page, kit "
		                "or diagnostic\n", argv[2]);
		return 2;
	}
	for (const char *p = slug; *p; p++)
		if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-') || !*slug) {
			fprintf(stderr, "kitgen: '%s': use lower-case letters, digits and hyphens\n",
			        slug);
			return 2;
		}
	char *file = kind == KIND_SYSTEM
	                     ? g_strdup_printf("%s/%s/%s/index.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang)
	                     : g_strdup_printf("%s/%s/%s.%s.md", o->content,
	                                       content_kind_dir(kind), slug, lang);
	int status = 0;
	if (g_file_test(file, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "kitgen: %s exists; not overwritten\n", file);
		status = 1;
	} else {
		char *text = schema_scaffold(kind, slug, lang);
		GError *err = NULL;
		if (!out_write_file(file, text, strlen(text), &err)) {
			fprintf(stderr, "kitgen: %s\n", err->message);
			g_error_free(err);
			status = 1;
		} else {
			printf("%s\n", file);
		}
		g_free(text);
	}
	g_free(file);
	return status;
}

