/* main: the kitgen command line — options, help, dispatch to cmd_*.c. The
 * commands print diagnostics and decide the exit status; nothing below
 * them does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cli.h"
#include "xslt.h"

static const char usage[] =
	"usage: kitgen COMMAND [OPTIONS]\n"
	"\n"
	"commands:\n"
	"  build            build the website into OUT/site\n"
	"  check            check content; print translation coverage\n"
	"                   (--translations: list missing and outdated pages)\n"
	"  kit NAME         one briefing kit as PDF (--lang, -o FILE)\n"
	"  report STUDY     one F/S report as PDF (--lang, -o FILE)\n"
	"  flyer SYSTEM     one system flyer as PDF (--lang, -o FILE)\n"
	"  diagnose FILE    a diagnostic report as PDF (--lang, -o FILE); --json\n"
	"                   prints the scores. FILE: a diagnosis file or NAME\n"
	"  new KIND NAME    write a new page with every front-matter key\n"
	"  i18n export LANG [-o FILE]  UI strings as a PO file for translators\n"
	"  i18n import LANG FILE       a translated PO file into the theme\n"
	"                   KIND: system, city, study, page, kit, diagnostic\n"
	"  help [COMMAND]   this text\n"
	"\n"
	"options:\n"
	"  --content DIR    the catalogue (default: content)\n"
	"  --theme DIR      the theme (default: themes/default)\n"
	"  --out DIR        where output goes (default: out)\n"
	"  --fonts DIR      fontconfig setup for PDFs and charts (default: fonts)\n"
	"  --lang LIST      languages to build or write, e.g. ko,en\n"
	"  -o, --output FILE  where kit, report and flyer write the PDF\n"
	"  --strict         warnings fail the run\n"
	"  --quiet          print only problems\n"
	"  --verbose        say more about what is written\n"
	"  --version        print the version\n";

int main(int argc, char **argv)
{
	kg_options o = {.content = "content", .theme = "themes/default", .out = "out",
	                .fonts = "fonts"};
	GOptionEntry entries[] = {
		{"content", 0, 0, G_OPTION_ARG_STRING, &o.content, NULL, NULL},
		{"theme", 0, 0, G_OPTION_ARG_STRING, &o.theme, NULL, NULL},
		{"out", 0, 0, G_OPTION_ARG_STRING, &o.out, NULL, NULL},
		{"fonts", 0, 0, G_OPTION_ARG_STRING, &o.fonts, NULL, NULL},
		{"output", 'o', 0, G_OPTION_ARG_STRING, &o.output, NULL, NULL},
		{"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, NULL, NULL},
		{"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict, NULL, NULL},
		{"translations", 0, 0, G_OPTION_ARG_NONE, &o.translations, NULL, NULL},
		{"json", 0, 0, G_OPTION_ARG_NONE, &o.json, NULL, NULL},
		{"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, NULL, NULL},
		{"verbose", 'v', 0, G_OPTION_ARG_NONE, &o.verbose, NULL, NULL},
		{"version", 0, 0, G_OPTION_ARG_NONE, &o.version, NULL, NULL},
		{NULL, 0, 0, 0, NULL, NULL, NULL}};
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(usage, stdout);
			return 0;
		}
	GOptionContext *ctx = g_option_context_new(NULL);
	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_help_enabled(ctx, FALSE);
	GError *err = NULL;
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		fprintf(stderr, "kitgen: %s\n%s", err->message, usage);
		g_error_free(err);
		g_option_context_free(ctx);
		return 2;
	}
	g_option_context_free(ctx);
	if (o.version) {
		printf("kitgen %s\n", KITGEN_VERSION);
		return 0;
	}
	const char *cmd = argc > 1 ? argv[1] : "help";
	xslt_init();
	if (!strcmp(cmd, "build"))
		return cmd_build(&o);
	if (!strcmp(cmd, "check"))
		return cmd_check(&o);
	if (!strcmp(cmd, "new"))
		return cmd_new(&o, argc, argv);
	if (!strcmp(cmd, "i18n"))
		return cmd_i18n(&o, argc, argv);
	if (!strcmp(cmd, "kit") || !strcmp(cmd, "report") || !strcmp(cmd, "flyer"))
		return cmd_document(&o, cmd, argc, argv);
	if (!strcmp(cmd, "diagnose"))
		return cmd_document(&o, "diagnostic", argc, argv);
	if (!strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return 0;
	}
	fprintf(stderr, "kitgen: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
