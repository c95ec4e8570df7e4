/* test_guard: files kept from the last build are linked into the new site
 * by several PDF worker processes at once; each must land even when
 * another process makes the folder it goes in at the same moment. */
#include "testutil.h"
#include <sys/wait.h>
#include <unistd.h>
#include "build/guard.h"

enum { RACE_PROCS = 6, RACE_ROUNDS = 150 };

/* Each round, RACE_PROCS processes link one file each into the same new
 * folder rN/pdf/en of the staging site, all started together. */
static void test_link_under_shares_new_folders(void **state)
{
	(void)state;
	char *live = tu_tmpdir(), *stage = tu_tmpdir();
	for (int p = 0; p < RACE_PROCS; p++) {
		for (int r = 0; r < RACE_ROUNDS; r++) {
			char *dir = g_strdup_printf("%s/r%d/pdf/en", live, r);
			char *file = g_strdup_printf("%s/f%d.pdf", dir, p);
			g_mkdir_with_parents(dir, 0755);
			assert_true(g_file_set_contents(file, "%PDF", -1, NULL));
			g_free(file);
			g_free(dir);
		}
	}
	int gate[2];
	assert_int_equal(pipe(gate), 0);
	pid_t kids[RACE_PROCS];
	for (int p = 0; p < RACE_PROCS; p++) {
		kids[p] = fork();
		assert_true(kids[p] >= 0);
		if (kids[p] == 0) {
			char go;
			close(gate[1]);
			if (read(gate[0], &go, 1) != 0) /* wait until the parent opens the gate */
				_exit(2);
			int failed = 0;
			for (int r = 0; r < RACE_ROUNDS; r++) {
				char rel[64];
				snprintf(rel, sizeof rel, "r%d/pdf/en/f%d.pdf", r, p);
				failed += !guard_link_under(live, stage, rel);
			}
			_exit(failed ? 1 : 0);
		}
	}
	close(gate[0]);
	close(gate[1]); /* all start at once */
	int failures = 0;
	for (int p = 0; p < RACE_PROCS; p++) {
		int status = 0;
		waitpid(kids[p], &status, 0);
		failures += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	assert_int_equal(failures, 0);
	/* every file is there, as a link to the live one */
	for (int r = 0; r < RACE_ROUNDS; r++) {
		for (int p = 0; p < RACE_PROCS; p++) {
			char *file = g_strdup_printf("%s/r%d/pdf/en/f%d.pdf", stage, r, p);
			GStatBuf st;
			assert_int_equal(g_stat(file, &st), 0);
			assert_int_equal(st.st_nlink, 2);
			g_free(file);
		}
	}
	tu_rmtree(live);
	tu_rmtree(stage);
	g_free(live);
	g_free(stage);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_link_under_shares_new_folders),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
