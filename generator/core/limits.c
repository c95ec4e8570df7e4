/* limits: one table of what kitgen will read, so that a small hostile file
 * cannot take the machine's time or memory, and an author who needs more
 * can raise a limit in site.yaml up to a bound that is still safe. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "core/limits.h"

#define LIMITS_DEFAULT                                                                   \
	{                                                                                \
		.image_pixels = 50000000,   /* 50 megapixels: a 8,000 x 6,000 photograph */  \
		.media_bytes = 100000000,   /* 100 MB */                                      \
		.page_bytes = 16000000,     /* 16 MB of Markdown, several books */            \
		.table_cells = 20000,                                                    \
		.headings = 1000,                                                        \
		.yaml_keys = 5000,                                                       \
		.word_chars = 1000,         /* a long URL; no language has such words */      \
		.depth = 200,               /* YAML nesting; Markdown deeper is flattened */ \
	}

static const kg_limits limits_default = LIMITS_DEFAULT;
static kg_limits limits_now = LIMITS_DEFAULT;

typedef struct {
	const char *key;
	size_t offset;
	long long min, max; /* what site.yaml may set */
} limits_bound;

static const limits_bound limits_bounds[] = {
	{"image_pixels", G_STRUCT_OFFSET(kg_limits, image_pixels), 10000, 250000000},
	{"media_bytes", G_STRUCT_OFFSET(kg_limits, media_bytes), 1000000, 2000000000},
	{"page_bytes", G_STRUCT_OFFSET(kg_limits, page_bytes), 65536, 64000000},
	{"table_cells", G_STRUCT_OFFSET(kg_limits, table_cells), 100, 1000000},
	{"headings", G_STRUCT_OFFSET(kg_limits, headings), 10, 100000},
	{"yaml_keys", G_STRUCT_OFFSET(kg_limits, yaml_keys), 100, 100000},
	{"word_chars", G_STRUCT_OFFSET(kg_limits, word_chars), 50, 10000},
	{"depth", G_STRUCT_OFFSET(kg_limits, depth), 8, 200},
	{NULL, 0, 0, 0}};

const kg_limits *limits_get(void)
{
	return &limits_now;
}

void limits_reset(void)
{
	limits_now = limits_default;
}

bool limits_set(const yt_node *node, const char *file, diag_list *d)
{
	kg_limits next = limits_default;
	int before = d->errors;
	if (node && node->kind != YT_MAP) {
		diag_error(d, file, node->line, node->col, "write limits: as a map, e.g. headings: 2000",
		           "'limits' must be a map of names to numbers");
		return false;
	}
	for (size_t i = 0; node && i < node->count; i++) {
		const limits_bound *b = limits_bounds;
		while (b->key && strcmp(b->key, node->keys[i]))
			b++;
		if (!b->key) {
			GString *names = g_string_new(NULL);
			for (const limits_bound *o = limits_bounds; o->key; o++)
				g_string_append_printf(names, "%s%s", names->len ? ", " : "", o->key);
			char *hint = g_strdup_printf("the limits are %s", names->str);
			diag_error(d, file, node->key_lines[i], node->key_cols[i], hint,
			           "unknown limit '%s'", node->keys[i]);
			g_free(hint);
			g_string_free(names, TRUE);
			continue;
		}
		const yt_node *v = node->items[i];
		char *end = NULL;
		errno = 0;
		long long n = v->kind == YT_SCALAR ? strtoll(v->value, &end, 10) : 0;
		if (v->kind != YT_SCALAR || !end || end == v->value || *end || errno ||
		    n < b->min || n > b->max) {
			diag_error(d, file, v->line, v->col, "write a whole number within the bounds",
			           "limit '%s' must be a number from %lld to %lld", b->key, b->min,
			           b->max);
			continue;
		}
		*(long long *)((char *)&next + b->offset) = n;
	}
	if (d->errors > before)
		return false;
	limits_now = next;
	return true;
}

/* Whether a line may break after (or at) u: spaces, ideographs, Hangul,
 * hyphens, scripts broken by dictionary (Thai). What the paginator lays out
 * as one box is the run between such characters. */
static bool limits_breaks(gunichar u)
{
	switch (g_unichar_break_type(u)) {
	case G_UNICODE_BREAK_SPACE:
	case G_UNICODE_BREAK_ZERO_WIDTH_SPACE:
	case G_UNICODE_BREAK_MANDATORY:
	case G_UNICODE_BREAK_CARRIAGE_RETURN:
	case G_UNICODE_BREAK_LINE_FEED:
	case G_UNICODE_BREAK_NEXT_LINE:
	case G_UNICODE_BREAK_IDEOGRAPHIC:
	case G_UNICODE_BREAK_HYPHEN:
	case G_UNICODE_BREAK_AFTER:
	case G_UNICODE_BREAK_BEFORE_AND_AFTER:
	case G_UNICODE_BREAK_COMPLEX_CONTEXT:
	case G_UNICODE_BREAK_HANGUL_L_JAMO:
	case G_UNICODE_BREAK_HANGUL_V_JAMO:
	case G_UNICODE_BREAK_HANGUL_T_JAMO:
	case G_UNICODE_BREAK_HANGUL_LV_SYLLABLE:
	case G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE:
	case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
		return true;
	default:
		return u == '/';
	}
}

/* Unicode's Stream-Safe Text Format (UAX #15) allows no more than 30
 * combining marks in a row; Pango shapes such a cluster as one glyph run,
 * and a paragraph of them costs far more than its length. */
#define LIMITS_MARKS 30

/* One character more of the text: 0, or why its word cannot be laid out. */
static int limits_step(limits_run *run, const char *p, long long max)
{
	gunichar u = g_utf8_get_char_validated(p, -1);
	if (u == (gunichar)-1 || u == (gunichar)-2 || limits_breaks(u)) {
		run->chars = run->marks = 0; /* a break, or not text (refused elsewhere) */
		return 0;
	}
	run->marks = g_unichar_ismark(u) ? run->marks + 1 : 0;
	if (run->marks > LIMITS_MARKS)
		return LIMITS_TOO_MANY_MARKS;
	return ++run->chars > max ? LIMITS_TOO_LONG : 0;
}

int limits_word_feed(limits_run *run, const char *s, long long max)
{
	int why = 0;
	for (const char *p = s ? s : ""; *p && !why; p = g_utf8_next_char(p))
		why = limits_step(run, p, max);
	return why;
}

int limits_long_word(const char *s, long long max, long long *at)
{
	limits_run run = {0, 0};
	const char *start = s ? s : "";
	for (const char *p = start; *p; p = g_utf8_next_char(p)) {
		if (run.chars == 0)
			*at = (long long)(p - start);
		int why = limits_step(&run, p, max);
		if (why)
			return why;
	}
	return 0;
}
