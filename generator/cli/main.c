/* main: the kitgen command line — options, help, dispatch to cmd_*.c. The
 * commands print diagnostics and decide the exit status; nothing below
 * them does. The help texts come from the two tables below (docs/kitgen.1
 * says the same at length). */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <libxml/parser.h>
#include "cli/cli.h"
#include "core/suggest.h"
#include "site/xslt.h"
#include "print/print.h"

/* Every option, once: the parser's entries and the help are made from it. */
typedef struct {
	const char *name;
	char short_name;
	GOptionArg arg;
	size_t offset; /* of the field in kg_options */
	const char *arg_name, *doc;
} kg_option;

#define KG_OPT(name, s, arg, field, argname, doc) \
	{name, s, arg, offsetof(kg_options, field), argname, doc}

static const kg_option options[] = {
	KG_OPT("content", 0, G_OPTION_ARG_STRING, content, "DIR", "the catalogue (default: content)"),
	KG_OPT("theme", 0, G_OPTION_ARG_STRING, theme, "DIR",
	       "the theme (default: themes/default, or the installed one)"),
	KG_OPT("out", 0, G_OPTION_ARG_STRING, out, "DIR", "where output goes (default: out)"),
	KG_OPT("fonts", 0, G_OPTION_ARG_STRING, fonts, "DIR",
	       "private fontconfig for PDFs (default: fonts, or the installed one)"),
	KG_OPT("lang", 0, G_OPTION_ARG_STRING, lang, "LIST", "languages to build or write, e.g. ko,en"),
	KG_OPT("output", 'o', G_OPTION_ARG_STRING, output, "FILE", "where the PDF or PO file goes"),
	KG_OPT("strict", 0, G_OPTION_ARG_NONE, strict, NULL, "warnings fail the run"),
	KG_OPT("only", 0, G_OPTION_ARG_STRING, only, "site|pdf",
	       "build the website or the PDFs; keep the other half"),
	KG_OPT("pdf-standard", 0, G_OPTION_ARG_STRING, pdf_standard, "NAME",
	       "ua1-a2a: PDF/UA-1 and PDF/A-2a (default); none: no standard"),
	KG_OPT("zip", 0, G_OPTION_ARG_STRING, zip, "FILE",
	       "also write the whole site as a ZIP that works from file:// (offline copy)"),
	KG_OPT("jobs", 'j', G_OPTION_ARG_INT, jobs, "N", "threads and PDF workers (default: one per core)"),
	KG_OPT("force", 0, G_OPTION_ARG_NONE, force, NULL,
	       "make every output again (ignore the build cache)"),
	KG_OPT("from", 0, G_OPTION_ARG_STRING, from, "LANG",
	       "new: start a translation from the page in LANG (marked translation: draft)"),
	KG_OPT("drafts", 0, G_OPTION_ARG_NONE, drafts, NULL, "include pages marked draft: true"),
	KG_OPT("translations", 0, G_OPTION_ARG_NONE, translations, NULL,
	       "list missing and outdated translations"),
	KG_OPT("json", 0, G_OPTION_ARG_NONE, json, NULL, "print JSON (diagnose: the scores; list, check --translations)"),
	KG_OPT("port", 0, G_OPTION_ARG_INT, port, "N", "port to serve on (default: 8080; 0: any free one)"),
	KG_OPT("bind", 0, G_OPTION_ARG_STRING, bind, "ADDR",
	       "address to serve on (default: 127.0.0.1, this machine only)"),
	KG_OPT("allow-remote", 0, G_OPTION_ARG_NONE, allow_remote, NULL,
	       "let --bind name an address other machines reach"),
	KG_OPT("quiet", 'q', G_OPTION_ARG_NONE, quiet, NULL, "print only problems; no progress bar"),
	KG_OPT("verbose", 'v', G_OPTION_ARG_NONE, verbose, NULL, "list every output written"),
	KG_OPT("version", 0, G_OPTION_ARG_NONE, version, NULL, "print the version"),
};

typedef struct {
	const char *name, *args, *summary;
	const char *about;   /* a paragraph for `kitgen help NAME` */
	const char *options; /* the options it reads, by name */
} kg_command;

static const kg_command commands[] = {
	{"build", "", "build the website and PDFs into OUT/site",
	 "Loads the catalogue, reports every problem as FILE:LINE:COL with the line\n"
	 "and a hint, and stops with status 1 without touching OUT/site when there\n"
	 "is an error. Otherwise writes the site and its PDFs into a staging folder\n"
	 "that replaces OUT/site in one rename. Outputs whose inputs did not change\n"
	 "are reused from the last build. On a terminal a progress bar shows the\n"
	 "count and the current output.",
	 "content theme out fonts lang strict drafts only pdf-standard zip jobs force quiet verbose"},
	{"serve", "", "build, serve OUT/site here, rebuild and reload on change",
	 "Builds as 'kitgen build' does, then serves OUT/site over HTTP on this\n"
	 "machine. Changes under the content and theme folders start a new build\n"
	 "(after 200 ms of quiet); open pages reload when it is done. When a build\n"
	 "fails, pages show its diagnostics until the next good build, and the last\n"
	 "good site stays in OUT/site. Ctrl-C stops.",
	 "content theme out fonts lang strict drafts only pdf-standard jobs port bind allow-remote quiet"},
	{"check", "", "check content; print translation coverage",
	 "Loads everything as build does and reports every problem, then prints\n"
	 "how many pages of each kind every language has. Writes nothing.",
	 "content theme lang strict drafts translations json quiet"},
	{"kit", "NAME", "one briefing kit as PDF",
	 "Writes the briefing kit kits/NAME as a PDF: -o FILE, or OUT/kit-NAME.LANG.pdf\n"
	 "in the default language or the one --lang names. Prints where it went.",
	 "content theme out fonts lang output pdf-standard strict drafts quiet"},
	{"report", "STUDY", "one F/S report as PDF",
	 "Writes the feasibility-study report studies/STUDY as a PDF: -o FILE, or\n"
	 "OUT/report-STUDY.LANG.pdf.",
	 "content theme out fonts lang output pdf-standard strict drafts quiet"},
	{"flyer", "SYSTEM", "one system flyer as PDF",
	 "Writes the one-page flyer of systems/SYSTEM as a PDF: -o FILE, or\n"
	 "OUT/flyer-SYSTEM.LANG.pdf.",
	 "content theme out fonts lang output pdf-standard strict drafts quiet"},
	{"diagnose", "FILE", "a diagnostic report as PDF",
	 "Writes the diagnostic report of a city's self-diagnosis as a PDF. FILE\n"
	 "is a diagnosis file, inside content/ or not, or the NAME of one in\n"
	 "content/diagnostics/. With --json, prints the scores instead.",
	 "content theme out fonts lang output pdf-standard json strict drafts quiet"},
	{"init", "DIR", "start a new catalogue in DIR",
	 "Writes DIR/content/site.yaml (Korean and English), a city, a system and a\n"
	 "kit, with TODO where only the author knows the answer. It builds at once;\n"
	 "'kitgen check --strict' lists the TODOs and passes once they are filled in.",
	 ""},
	{"list", "[KIND]", "the names of kits, studies, systems, cities, ...",
	 "Prints every page of the catalogue by kind (systems, cities, studies,\n"
	 "pages, kits, diagnostics, or the one KIND names): its NAME, its title in\n"
	 "the default language or the one --lang names, and its languages. With\n"
	 "--json, the same as JSON. Problems in the content are counted, not shown.",
	 "content lang json"},
	{"new", "KIND NAME", "write a new page with every front-matter key",
	 "KIND: system, city, study, page, kit or diagnostic. Writes\n"
	 "content/KIND-FOLDER/NAME.LANG.md (a system: systems/NAME/index.LANG.md)\n"
	 "with every key of the kind, commented, and values that build: a system's\n"
	 "field is the first field of site.yaml; a study, kit or diagnostic named\n"
	 "CITY-YEAR refers to that city when it exists. Prints what is left to fill in.",
	 "content theme lang from"},
	{"i18n", "export LANG | import LANG FILE", "UI strings as PO files for translators",
	 "export: the theme's UI strings of LANG as a PO file (stdout, or -o FILE).\n"
	 "import: a translated PO file back into the theme's i18n/LANG.yaml.",
	 "content theme output"},
	{"help", "[COMMAND]", "this text, or one command's options", NULL, ""},
};

static const kg_option *kg_find_option(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++)
		if (!strcmp(options[i].name, name))
			return &options[i];
	return NULL;
}

static const kg_command *kg_find_command(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* "  -j, --jobs N           threads…": the text in a column; a left part
 * too wide for it gets a line of its own. */
static void kg_print_row(FILE *f, const char *left, const char *text)
{
	if (strlen(left) > 22)
		fprintf(f, "  %s\n  %-22s %s\n", left, "", text);
	else
		fprintf(f, "  %-22s %s\n", left, text);
}

static void kg_print_option(FILE *f, const kg_option *p)
{
	char *left = p->short_name
	                     ? g_strdup_printf("-%c, --%s%s%s", p->short_name, p->name,
	                                       p->arg_name ? " " : "", p->arg_name ? p->arg_name : "")
	                     : g_strdup_printf("    --%s%s%s", p->name, p->arg_name ? " " : "",
	                                       p->arg_name ? p->arg_name : "");
	kg_print_row(f, left, p->doc);
	g_free(left);
}

static void kg_usage(FILE *f)
{
	fputs("usage: kitgen COMMAND [OPTIONS]\n\ncommands:\n", f);
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		char *left = g_strdup_printf("%s %s", commands[i].name, commands[i].args);
		kg_print_row(f, left, commands[i].summary);
		g_free(left);
	}
	fputs("\noptions:\n", f);
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++)
		kg_print_option(f, &options[i]);
	fputs("\n'kitgen help COMMAND' lists a command's options; 'man kitgen' says more.\n", f);
}

static void kg_command_help(FILE *f, const kg_command *c)
{
	fprintf(f, "usage: kitgen %s%s%s [OPTIONS]\n\n%c%s.\n", c->name, *c->args ? " " : "",
	        c->args, g_ascii_toupper(c->summary[0]), c->summary + 1);
	if (c->about)
		fprintf(f, "\n%s\n", c->about);
	char **names = g_strsplit(c->options, " ", -1);
	if (names[0] && *names[0])
		fputs("\noptions:\n", f);
	for (char **n = names; *n; n++) {
		const kg_option *p = **n ? kg_find_option(*n) : NULL;
		if (p)
			kg_print_option(f, p);
	}
	g_strfreev(names);
}

/* ", did you mean 'build'?" when name is close to a command; "" otherwise.
 * A static buffer: used at once, by one thread. */
static const char *kg_command_hint(const char *name)
{
	static char buf[96];
	const char *names[G_N_ELEMENTS(commands) + 1];
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		names[i] = commands[i].name;
	names[G_N_ELEMENTS(commands)] = NULL;
	const char *s = suggest_closest(name, names, (size_t)-1);
	if (s)
		snprintf(buf, sizeof buf, "; did you mean '%s'?", s);
	else
		buf[0] = '\0';
	return buf;
}

/* A usage error: one line, where to read more, status 2 (as the man page
 * says), never the whole usage text. cmd: the command, or NULL. */
int kg_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("kitgen: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nkitgen: see 'kitgen help%s%s'\n", cmd ? " " : "", cmd ? cmd : "");
	return 2;
}

/* `kitgen help [COMMAND]`, `kitgen [COMMAND] --help`. */
static int kg_help(const char *topic)
{
	const kg_command *c = topic ? kg_find_command(topic) : NULL;
	if (topic && !c)
		return kg_usage_error(NULL, "no command '%s'%s", topic, kg_command_hint(topic));
	if (c && strcmp(c->name, "help"))
		kg_command_help(stdout, c);
	else
		kg_usage(stdout);
	return 0;
}

/* A default folder: REL in the working folder when it is there (running
 * from the repository), else the installed one, PREFIX/share/kitgen/REL,
 * PREFIX found from where this executable is (PREFIX/bin/kitgen), so an
 * installed kitgen works from any folder and any PREFIX or DESTDIR. A
 * build with -DKITGEN_DATADIR=DIR looks there last. Owned. */
static char *kg_default_dir(const char *rel, GString *searched)
{
	g_string_append_printf(searched, "%s%s", searched->len ? ", " : "", rel);
	if (g_file_test(rel, G_FILE_TEST_IS_DIR))
		return g_strdup(rel);
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	if (exe) {
		char *bin = g_path_get_dirname(exe);
		char *dir = g_build_filename(bin, "..", "share", "kitgen", rel, NULL);
		char *canon = g_canonicalize_filename(dir, NULL);
		g_free(dir);
		g_free(bin);
		g_free(exe);
		g_string_append_printf(searched, ", %s", canon);
		if (g_file_test(canon, G_FILE_TEST_IS_DIR))
			return canon;
		g_free(canon);
	}
#ifdef KITGEN_DATADIR
	char *dir = g_build_filename(KITGEN_DATADIR, rel, NULL);
	g_string_append_printf(searched, ", %s", dir);
	if (g_file_test(dir, G_FILE_TEST_IS_DIR))
		return dir;
	g_free(dir);
#endif
	return g_strdup(rel); /* the error will name it */
}

/* The theme and fonts a command needs are there; else says where they were
 * looked for (searched: the default places tried, "" when named by an
 * option), once, instead of every string and font that is then missing. */
static bool kg_found(const kg_options *o, const char *cmd, const char *theme_searched,
                     const char *fonts_searched)
{
	static const char *const need_theme[] = {"build", "serve", "check", "kit", "report",
	                                         "flyer", "diagnose", "i18n", NULL};
	static const char *const need_fonts[] = {"build", "serve", "kit", "report", "flyer",
	                                         "diagnose", NULL};
	if (g_strv_contains(need_theme, cmd) && !g_file_test(o->theme, G_FILE_TEST_IS_DIR)) {
		if (*theme_searched)
			fprintf(stderr, "kitgen: error: no theme found; looked in %s\n"
			        "       = hint: name one with --theme DIR, or reinstall kitgen\n",
			        theme_searched);
		else
			fprintf(stderr, "kitgen: error: --theme %s: no such folder\n", o->theme);
		return false;
	}
	char *conf = g_build_filename(o->fonts, "fonts.conf", NULL);
	bool fonts = g_file_test(conf, G_FILE_TEST_IS_REGULAR);
	g_free(conf);
	if (g_strv_contains(need_fonts, cmd) && !fonts) {
		if (*fonts_searched)
			fprintf(stderr, "kitgen: error: no fonts setup (fonts.conf) found; looked in %s\n"
			        "       = hint: name the folder with --fonts DIR, or reinstall kitgen\n",
			        fonts_searched);
		else
			fprintf(stderr, "kitgen: error: --fonts %s: no fonts.conf there\n", o->fonts);
		return false;
	}
	return true;
}

static int kg_run(kg_options *o, int argc, char **argv)
{
	if (o->version) {
		printf("kitgen %s\n", KITGEN_VERSION);
		return 0;
	}
	if (argc < 2) { /* a command is needed: the list of them, and status 2 */
		kg_usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!kg_find_command(cmd))
		return kg_usage_error(NULL, "unknown command '%s'%s", cmd, kg_command_hint(cmd));
	if (o->only && strcmp(o->only, "site") && strcmp(o->only, "pdf"))
		return kg_usage_error(cmd, "--only must be 'site' or 'pdf', not '%s'", o->only);
	/* Each job compiles the theme's stylesheets once: 100,000 jobs took
	 * minutes before the first page. */
	if (o->jobs < 0 || o->jobs > KG_MAX_JOBS)
		return kg_usage_error(cmd, "--jobs must be a number from 1 to %d, not %d", KG_MAX_JOBS,
		                      o->jobs);
	if (!strcmp(cmd, "help"))
		return kg_help(argc > 2 ? argv[2] : NULL);
	/* libxml2 must be initialised once, here, before any build thread uses it. */
	xmlInitParser();
	xslt_init();
	if (!strcmp(cmd, "build"))
		return cmd_build(o);
	if (!strcmp(cmd, "serve"))
		return cmd_serve(o);
	if (!strcmp(cmd, "check"))
		return cmd_check(o);
	if (!strcmp(cmd, "init"))
		return cmd_init(o, argc, argv);
	if (!strcmp(cmd, "list"))
		return cmd_list(o, argc, argv);
	if (!strcmp(cmd, "new"))
		return cmd_new(o, argc, argv);
	if (!strcmp(cmd, "i18n"))
		return cmd_i18n(o, argc, argv);
	if (kinds_by_document(cmd) >= 0 && strcmp(cmd, "diagnostic")) /* kinds.c: kit, report, flyer */
		return cmd_document(o, cmd, argc, argv);
	return cmd_document(o, "diagnostic", argc, argv); /* diagnose */
}

/* An option GOption would refuse: its name, to say which option was meant.
 * NULL when every --NAME of argv is known. */
static const char *kg_unknown_option(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) || !argv[i][2])
			continue;
		char *name = g_strndup(argv[i] + 2, strcspn(argv[i] + 2, "="));
		bool known = kg_find_option(name) != NULL;
		g_free(name);
		if (!known)
			return argv[i];
	}
	return NULL;
}

int main(int argc, char **argv)
{
	kg_options o = {.content = "content", .out = "out", .port = 8080};
	GOptionEntry entries[G_N_ELEMENTS(options) + 1];
	const char *defaults[G_N_ELEMENTS(options)];
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		void *field = (char *)&o + options[i].offset;
		entries[i] = (GOptionEntry){options[i].name, options[i].short_name, 0, options[i].arg,
		                            field, NULL, NULL};
		defaults[i] = options[i].arg == G_OPTION_ARG_STRING ? *(const char **)field : NULL;
	}
	entries[G_N_ELEMENTS(options)] = (GOptionEntry){NULL, 0, 0, 0, NULL, NULL, NULL};
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return kg_help(i > 1 && argv[1][0] != '-' ? argv[1] : NULL);
	/* GOption reads "-j 2" but not "-j2": split a short option's value off. */
	GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; i < argc; i++) {
		const kg_option *so = NULL;
		for (size_t k = 0; i > 0 && argv[i][0] == '-' && argv[i][1] && argv[i][1] != '-' &&
		                   k < G_N_ELEMENTS(options); k++)
			if (options[k].short_name == argv[i][1] && options[k].arg != G_OPTION_ARG_NONE)
				so = &options[k];
		if (so && argv[i][2]) {
			g_ptr_array_add(args, g_strndup(argv[i], 2));
			g_ptr_array_add(args, g_strdup(argv[i] + 2));
		} else {
			g_ptr_array_add(args, g_strdup(argv[i]));
		}
	}
	argc = (int)args->len;
	/* GOption takes parsed options out of argv: its own copy of the list */
	argv = g_new0(char *, args->len + 1);
	memcpy(argv, args->pdata, args->len * sizeof *argv);
	GOptionContext *ctx = g_option_context_new(NULL);
	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_help_enabled(ctx, FALSE);
	GError *err = NULL;
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		const char *cmd = argc > 1 && kg_find_command(argv[1]) ? argv[1] : NULL;
		const char *bad = kg_unknown_option(argc, argv);
		if (bad) {
			char *name = g_strndup(bad + 2, strcspn(bad + 2, "="));
			const char *names[G_N_ELEMENTS(options) + 1];
			for (size_t i = 0; i < G_N_ELEMENTS(options); i++)
				names[i] = options[i].name;
			names[G_N_ELEMENTS(options)] = NULL;
			const char *s = suggest_closest(name, names, (size_t)-1);
			if (s)
				kg_usage_error(cmd, "unknown option '--%s'; did you mean '--%s'?", name, s);
			else
				kg_usage_error(cmd, "unknown option '--%s'", name);
			g_free(name);
		} else {
			kg_usage_error(cmd, "%s", err->message);
		}
		g_error_free(err);
		g_option_context_free(ctx);
		g_free(argv);
		g_ptr_array_free(args, TRUE);
		return 2;
	}
	g_option_context_free(ctx);
	/* The strings GOption set are ours to free; so are the defaults found. */
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		const char *v = options[i].arg == G_OPTION_ARG_STRING
		                        ? *(const char **)((char *)&o + options[i].offset)
		                        : NULL;
		if (v && v != defaults[i])
			g_ptr_array_add(owned, (char *)v);
	}
	GString *theme_paths = g_string_new(NULL), *font_paths = g_string_new(NULL);
	if (!o.theme)
		g_ptr_array_add(owned, (char *)(o.theme = kg_default_dir("themes/default", theme_paths)));
	if (!o.fonts)
		g_ptr_array_add(owned, (char *)(o.fonts = kg_default_dir("fonts", font_paths)));
	int status;
	if (o.pdf_standard && print_standard_parse(o.pdf_standard) < 0) {
		fprintf(stderr, "kitgen: unknown --pdf-standard '%s': write ua1-a2a or none\n",
		        o.pdf_standard);
		status = 2;
	} else {
		status = argc > 1 && !kg_found(&o, argv[1], theme_paths->str, font_paths->str)
		       ? 1
		       : kg_run(&o, argc, argv);
	}
	g_string_free(theme_paths, TRUE);
	g_string_free(font_paths, TRUE);
	g_ptr_array_free(owned, TRUE);
	g_free(argv);
	g_ptr_array_free(args, TRUE);
	return status;
}
