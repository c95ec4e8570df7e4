/* test_output: a new output format is one output_def (output.h): the
 * driver plans it, runs it after the outputs it reads, and stops at a
 * failure. The format here is deliberately trivial: a plain-text index of
 * every page title per language, written from the catalogue fixture, that
 * also lists a file another output writes first. */
#include "testutil.h"
#include "build/output.h"

typedef struct {
	const content_set *set;
	const site_config *config;
	const char *out_dir;
	GString *log; /* the names of the outputs emitted, in order */
	int planned;
} titles_format;

/* plan: one task per language built. */
static int titles_plan(void *self)
{
	titles_format *t = self;
	t->planned = 0;
	for (size_t i = 0; i < t->config->nlangs; i++)
		t->planned += t->config->langs[i].build;
	return t->planned;
}

/* emit: LANG/titles.txt, each page's title as that reader gets it, and
 * the line that the "stamp" output wrote before (it declares after). */
static bool titles_emit(void *self)
{
	titles_format *t = self;
	g_string_append(t->log, "titles ");
	char *stamp_path = g_build_filename(t->out_dir, "stamp.txt", NULL), *stamp = NULL;
	if (!g_file_get_contents(stamp_path, &stamp, NULL, NULL))
		stamp = g_strdup(""); /* stamp is not part of this build */
	g_free(stamp_path);
	bool ok = true;
	for (size_t i = 0; ok && i < t->config->nlangs; i++) {
		const char *lang = t->config->langs[i].code;
		GString *text = g_string_new(stamp);
		content_iter it = content_iter_start(t->set);
		for (const content_group *g; (g = content_iter_next_group(&it));) {
			const content_item *item = content_group_pick(g, t->config, lang);
			g_string_append_printf(text, "%s/%s\t%s\n", content_kind_dir(g->kind), g->slug,
			                       yt_str(item->fm, "title"));
		}
		char *dir = g_build_filename(t->out_dir, lang, NULL);
		g_mkdir_with_parents(dir, 0755);
		char *path = g_build_filename(dir, "titles.txt", NULL);
		ok = g_file_set_contents(path, text->str, (gssize)text->len, NULL);
		g_free(path);
		g_free(dir);
		g_string_free(text, TRUE);
	}
	g_free(stamp);
	return ok;
}

static const char *const titles_after[] = {"stamp", NULL};
static const output_def titles_output = {"titles", titles_after, titles_plan, titles_emit};

/* A second output the first one reads: writes stamp.txt. */
static int stamp_plan(void *self)
{
	(void)self;
	return 1;
}

static bool stamp_emit(void *self)
{
	titles_format *t = self;
	g_string_append(t->log, "stamp ");
	char *path = g_build_filename(t->out_dir, "stamp.txt", NULL);
	bool ok = g_file_set_contents(path, "made after stamp.txt\n", -1, NULL);
	g_free(path);
	return ok;
}

static const output_def stamp_output = {"stamp", NULL, stamp_plan, stamp_emit};

static bool failing_emit(void *self)
{
	titles_format *t = self;
	g_string_append(t->log, "failing ");
	return false;
}

typedef struct {
	tu_catalogue cat;
	char *out;
	diag_list *d; /* the catalogue's */
	titles_format fmt;
} fixture;

static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	*state = f;
	if (!tu_catalogue_open(&f->cat, "catalogue"))
		return -1;
	f->out = tu_tmpdir();
	f->d = f->cat.d;
	f->fmt = (titles_format){f->cat.set, f->cat.config, f->out, g_string_new(NULL), 0};
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	tu_rmtree(f->out);
	g_free(f->out);
	g_string_free(f->fmt.log, TRUE);
	tu_catalogue_close(&f->cat);
	g_free(f);
	return 0;
}

/* Listed before the output it reads, it still runs after it, and writes
 * its files: a title of each kind, in each language's pick. */
static void test_new_format_runs_after_what_it_reads(void **state)
{
	fixture *f = *state;
	output outs[] = {{&titles_output, &f->fmt}, {&stamp_output, &f->fmt}};
	assert_true(output_order(outs, 2, f->d));
	assert_int_equal(output_plan(outs, 2), (int)f->cat.config->nlangs + 1);
	assert_true(output_emit(outs, 2));
	assert_string_equal(f->fmt.log->str, "stamp titles ");
	char *path = g_build_filename(f->out, "en", "titles.txt", NULL), *text = NULL;
	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	assert_true(g_str_has_prefix(text, "made after stamp.txt\n"));
	assert_non_null(strstr(text, "pages/about\t"));
	assert_non_null(strstr(text, "cities/y\t"));
	g_free(text);
	g_free(path);
	assert_int_equal(f->d->count, 0);
}

/* Without its need in the build (kitgen build --only), it runs alone. */
static void test_missing_need_is_ignored(void **state)
{
	fixture *f = *state;
	output outs[] = {{&titles_output, &f->fmt}};
	assert_true(output_order(outs, 1, f->d));
	assert_true(output_emit(outs, 1)); /* no stamp: the text starts with the titles */
	assert_string_equal(f->fmt.log->str, "titles ");
}

/* Outputs that wait for each other are an error, not a hang. */
static void test_cycle_is_an_error(void **state)
{
	fixture *f = *state;
	static const char *const after_titles[] = {"titles", NULL};
	const output_def stamp_waits = {"stamp", after_titles, stamp_plan, stamp_emit};
	output outs[] = {{&titles_output, &f->fmt}, {&stamp_waits, &f->fmt}};
	assert_false(output_order(outs, 2, f->d));
	assert_diag(f->d, DIAG_ERROR, NULL, -1, -1, "outputs wait for each other: titles, stamp");
}

/* The first failure stops the build: what reads it is not emitted. */
static void test_failure_stops(void **state)
{
	fixture *f = *state;
	const output_def failing = {"stamp", NULL, stamp_plan, failing_emit};
	output outs[] = {{&titles_output, &f->fmt}, {&failing, &f->fmt}};
	assert_true(output_order(outs, 2, f->d));
	assert_false(output_emit(outs, 2));
	assert_string_equal(f->fmt.log->str, "failing ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_format_runs_after_what_it_reads, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_missing_need_is_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cycle_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_stops, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
