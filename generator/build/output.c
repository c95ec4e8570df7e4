/* output: order, plan and emit a build's outputs. */
#include <string.h>
#include <glib.h>
#include "build/output.h"

/* Whether a must come after b. */
static bool output_needs(const output *a, const output *b)
{
	for (const char *const *n = a->def->after; n && *n; n++)
		if (!strcmp(*n, b->def->name))
			return true;
	return false;
}

/* A stable topological sort: each round takes the first output (in the
 * given order) whose needs are all placed. n is a handful: quadratic is
 * fine and keeps the order easy to predict. */
bool output_order(output *outs, size_t n, diag_list *d)
{
	output *sorted = g_new(output, n);
	bool *placed = g_new0(bool, n);
	size_t done = 0;
	while (done < n) {
		size_t pick = n;
		for (size_t i = 0; i < n && pick == n; i++) {
			if (placed[i])
				continue;
			bool ready = true;
			for (size_t j = 0; j < n && ready; j++)
				ready = placed[j] || j == i || !output_needs(&outs[i], &outs[j]);
			if (ready)
				pick = i;
		}
		if (pick == n) {
			GString *names = g_string_new(NULL);
			for (size_t i = 0; i < n; i++)
				if (!placed[i])
					g_string_append_printf(names, "%s%s", names->len ? ", " : "",
					                       outs[i].def->name);
			diag_error(d, NULL, 0, 0, "an output's after list names one that names it",
			           "outputs wait for each other: %s", names->str);
			g_string_free(names, TRUE);
			g_free(sorted);
			g_free(placed);
			return false;
		}
		placed[pick] = true;
		sorted[done++] = outs[pick];
	}
	memcpy(outs, sorted, n * sizeof *outs);
	g_free(sorted);
	g_free(placed);
	return true;
}

int output_plan(output *outs, size_t n)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += outs[i].def->plan ? outs[i].def->plan(outs[i].self) : 0;
	return total;
}

bool output_emit(output *outs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!outs[i].def->emit(outs[i].self))
			return false;
	return true;
}
