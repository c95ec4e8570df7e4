/* cmd_init: kitgen init DIR — a new catalogue: site.yaml, one system, one
 * city and one kit, each with TODOs where only the author knows the
 * answer. It builds at once; check --strict passes once they are filled. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "cli/cli.h"
#include "build/out.h"

static const char kg_site_yaml[] =
	"# The catalogue: what kitgen needs to know about the whole site\n"
	"# (docs/content.md lists every key).\n"
	"title:\n"
	"  ko: \"TODO: 사이트 이름\"\n"
	"  en: \"TODO: the site's name\"\n"
	"description:\n"
	"  ko: \"TODO: 한두 문장의 소개\"\n"
	"  en: \"TODO: one or two sentences for search engines and previews\"\n"
	"organisation:\n"
	"  ko: \"TODO: 발행 기관\"\n"
	"  en: \"TODO: the publishing organisation\"\n"
	"# Where the site will be published (sitemaps, feeds and PDFs print it):\n"
	"# an absolute address ending in '/', e.g. https://www.example.gov/showcase/\n"
	"base_url: https://TODO.invalid/\n"
	"default_language: ko\n"
	"# Raw HTML in Markdown is dropped unless the content is trusted.\n"
	"trusted_html: false\n"
	"languages:\n"
	"  - {code: ko, name: 한국어, dir: ltr, fallback: [en]}\n"
	"  - {code: en, name: English, dir: ltr, fallback: [ko]}\n"
	"# The fields that group systems.\n"
	"fields:\n"
	"  - id: citizen-services\n"
	"    name: {ko: 민원·시민 서비스, en: Citizen services}\n"
	"  - id: administration\n"
	"    name: {ko: 행정, en: Administration}\n";

int cmd_init(const kg_options *o, int argc, char **argv)
{
	if (argc != 3)
		return kg_usage_error("init", "name the folder of the new catalogue: kitgen init DIR");
	const char *dir = argv[2];
	char *content = g_build_filename(dir, "content", NULL);
	char *site = g_build_filename(content, "site.yaml", NULL);
	int status = 0;
	GError *err = NULL;
	if (g_file_test(site, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "kitgen: error: %s exists; a catalogue is already there\n"
		                "       = hint: kitgen new KIND NAME adds pages to it\n", site);
		status = 1;
	} else if (g_mkdir_with_parents(content, 0755) != 0) {
		fprintf(stderr, "kitgen: error: cannot make %s: %s\n", content, g_strerror(errno));
		status = 1;
	} else if (!out_write_file(site, kg_site_yaml, strlen(kg_site_yaml), &err)) {
		fprintf(stderr, "kitgen: error: %s\n", err->message);
		g_error_free(err);
		status = 1;
	}
	if (!status) {
		printf("%s\n", site);
		/* The first pages as `kitgen new` writes them, in English. */
		kg_options sub = *o;
		sub.content = content;
		sub.lang = "en";
		GDateTime *now = g_date_time_new_now_local();
		char *kit = g_strdup_printf("example-city-%d", g_date_time_get_year(now));
		g_date_time_unref(now);
		const char *pages[][2] = {{"city", "example-city"}, {"system", "example-system"},
		                          {"kit", kit}};
		for (size_t i = 0; i < G_N_ELEMENTS(pages) && !status; i++) {
			char *args[] = {"kitgen", "new", (char *)pages[i][0], (char *)pages[i][1], NULL};
			status = cmd_new(&sub, 4, args);
		}
		g_free(kit);
	}
	if (!status)
		printf("kitgen: a new catalogue in %s. Next:\n"
		       "  cd %s && kitgen check --strict   # lists the TODOs left to fill in\n"
		       "  kitgen serve                     # preview; pages reload as you edit\n",
		       dir, dir);
	g_free(site);
	g_free(content);
	return status;
}
