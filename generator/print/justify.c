/* print justify: the paginator's own justification of Pango's lines. Latin
 * lines stretch their word spaces; lines of Chinese, Japanese or Korean
 * also stretch the gaps between characters, as CJK typesetting does
 * (JLREQ, KLREQ); lines holding an address or a formula stay flush; pairs
 * of full-width punctuation lose half a width ("halt" of the font). */
#include "print_int.h"

#include <hb-ot.h>
#include <string.h>

#define PS ((double)PANGO_SCALE)
/* A line that ends at a soft hyphen and overflows may narrow its spaces to
 * this share of their width (Pango 1.50 sometimes breaks there without
 * counting the hyphen); beyond it the caller breaks elsewhere. */
#define PRINT_JUSTIFY_SHRINK 0.75

bool print_is_cjk(gunichar u)
{
	return (u >= 0x1100 && u <= 0x11FF) || (u >= 0x2E80 && u <= 0x2FDF) ||
	       (u >= 0x3000 && u <= 0x30FF) || (u >= 0x3130 && u <= 0x318F) ||
	       (u >= 0x3190 && u <= 0x9FFF) || (u >= 0xA960 && u <= 0xA97F) ||
	       (u >= 0xAC00 && u <= 0xD7FF) || (u >= 0xF900 && u <= 0xFAFF) ||
	       (u >= 0xFF00 && u <= 0xFF60) || (u >= 0x20000 && u <= 0x3FFFF);
}

/* Full-width punctuation whose glyph is half blank: closing marks (blank
 * after the ink) and opening brackets (blank before it). */
static bool print_cjk_closing(gunichar u)
{
	static const gunichar c[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D,
	                             0x300F, 0x3011, 0x3015, 0x3009, 0x300B, 0xFF3D,
	                             0xFF5D, 0x3017, 0x3019};
	for (size_t i = 0; i < G_N_ELEMENTS(c); i++)
		if (u == c[i])
			return true;
	return false;
}

static bool print_cjk_opening(gunichar u)
{
	static const gunichar c[] = {0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008,
	                             0x300A, 0xFF3B, 0xFF5B, 0x3016, 0x3018};
	for (size_t i = 0; i < G_N_ELEMENTS(c); i++)
		if (u == c[i])
			return true;
	return false;
}

void print_cjk_punct(print_itext *t)
{
	const char *s = t->text->str, *end = s + t->text->len;
	gunichar prev = 0;
	const char *prev_at = NULL;
	for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		/* a closing mark before another mark gives up its blank half; an
		 * opening bracket after another opening one gives up its own */
		const char *at = NULL;
		if (print_cjk_closing(prev) && (print_cjk_closing(u) || print_cjk_opening(u)))
			at = prev_at;
		else if (print_cjk_opening(prev) && print_cjk_opening(u))
			at = p;
		if (at) {
			PangoAttribute *a = pango_attr_font_features_new("halt");
			a->start_index = (guint)(at - s);
			a->end_index = (guint)(g_utf8_next_char(at) - s);
			pango_attr_list_insert(t->attrs, a);
		}
		prev = u;
		prev_at = p;
	}
}

/* Byte ranges of tokens that justification must not pull apart: web and
 * mail addresses and formulas. */
static bool print_flush_token(const char *s, const char *e)
{
	if (g_strstr_len(s, e - s, "://") || (e - s > 4 && !g_ascii_strncasecmp(s, "www.", 4)))
		return true;
	bool at = false, dot = false;
	for (const char *p = s; p < e; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		at |= u == '@';
		dot |= u == '.';
		if (u == '=' || u == 0x00D7 || u == 0x00F7 || u == 0x00B1 || u == 0x2212 ||
		    (u >= 0x2200 && u <= 0x22FF) || u == 0x221A)
			return true;
	}
	return at && dot;
}

static GArray *print_flush_ranges(const char *text)
{
	GArray *r = NULL;
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *s = p;
		while (*p && *p != ' ')
			p++;
		if (p > s && print_flush_token(s, p)) {
			if (!r)
				r = g_array_new(FALSE, FALSE, sizeof(int));
			int v[2] = {(int)(s - text), (int)(p - text)};
			g_array_append_vals(r, v, 2);
		}
	}
	return r;
}

typedef struct {
	PangoGlyphInfo *g;     /* the cluster's last glyph, visually */
	gunichar ch;
	bool joined;           /* a word joiner stands before it */
} print_cluster;

static bool print_is_space(gunichar u)
{
	return u == ' ' || u == 0x00A0;
}

/* No gap is opened after an opening bracket or quote, nor before a
 * closing one or a stop, comma or colon (full-width or Latin): they stay
 * with the character they belong to. */
static bool print_punct_opens(gunichar u)
{
	GUnicodeType t = g_unichar_type(u);
	return t == G_UNICODE_OPEN_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION;
}

static bool print_punct_closes(gunichar u)
{
	GUnicodeType t = g_unichar_type(u);
	return t == G_UNICODE_CLOSE_PUNCTUATION || t == G_UNICODE_FINAL_PUNCTUATION ||
	       t == G_UNICODE_OTHER_PUNCTUATION;
}

/* The visible clusters of ln in visual order. */
static GArray *print_line_clusters(PangoLayoutLine *ln, const char *text, int *natural)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(print_cluster));
	bool joined = false;
	*natural = 0;
	for (GSList *r = ln->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *gs = run->glyphs;
		int cw = 0;
		for (int i = 0; i < gs->num_glyphs; i++) {
			cw += gs->glyphs[i].geometry.width;
			*natural += gs->glyphs[i].geometry.width;
			if (i + 1 < gs->num_glyphs && gs->log_clusters[i + 1] == gs->log_clusters[i])
				continue;
			gunichar u = g_utf8_get_char(text + run->item->offset + gs->log_clusters[i]);
			if (cw == 0) {
				joined |= u == 0x2060;
			} else {
				print_cluster c = {&gs->glyphs[i], u, joined};
				g_array_append_val(a, c);
				joined = false;
			}
			cw = 0;
		}
	}
	return a;
}

/* What a gap between two CJK characters takes at most, as a share of
 * their em, where the line has word spaces to take the rest (Korean):
 * wider, a syllable stands apart and text extraction splits the word. */
#define PRINT_JUSTIFY_CJK_GAP 0.08

/* Gives each gap of the line its share of slack (Pango units; negative
 * narrows the spaces). False when there is no gap to take it. */
static bool print_line_spread(GArray *cl, int slack, bool cjk)
{
	int n = (int)cl->len, chars = 0, spaces = 0, em = 0;
	char *gap = g_new0(char, n); /* 0 none, 1 a space, 2 between characters */
	for (int k = 0; k + 1 < n; k++) {
		print_cluster *c = &g_array_index(cl, print_cluster, k);
		print_cluster *d = &g_array_index(cl, print_cluster, k + 1);
		if (print_is_space(c->ch))
			gap[k] = 1;
		else if (cjk && slack > 0 && !print_is_space(d->ch) && !d->joined &&
		         (print_is_cjk(c->ch) || print_is_cjk(d->ch)) &&
		         !print_punct_opens(c->ch) && !print_punct_closes(d->ch))
			gap[k] = 2;
		spaces += gap[k] == 1;
		chars += gap[k] == 2;
		if (print_is_cjk(c->ch))
			em = MAX(em, c->g->geometry.width);
	}
	/* the characters' gaps take an equal share, up to their cap when
	 * spaces can take what is left; the spaces share the rest */
	int for_chars = 0;
	if (chars > 0) {
		gint64 equal = (gint64)slack * chars / (chars + spaces);
		gint64 cap = spaces ? (gint64)(em * PRINT_JUSTIFY_CJK_GAP) * chars : equal;
		for_chars = (int)MIN(equal, cap);
	}
	int for_spaces = slack - for_chars;
	int seen[3] = {0, 0, 0}, given[3] = {0, 0, 0};
	const int total[3] = {0, spaces, chars}, amount[3] = {0, for_spaces, for_chars};
	for (int k = 0; k + 1 < n; k++) {
		int t = gap[k];
		if (!t)
			continue;
		/* rounded on the running sum: the shares add up to the amount */
		seen[t]++;
		int share = (int)((gint64)amount[t] * seen[t] / total[t]) - given[t];
		g_array_index(cl, print_cluster, k).g->geometry.width += share;
		given[t] += share;
	}
	g_free(gap);
	return spaces + chars > 0 && (spaces > 0 || for_spaces == 0);
}

static int print_space_width(GArray *cl)
{
	int w = 0;
	for (guint k = 0; k + 1 < cl->len; k++) {
		print_cluster *c = &g_array_index(cl, print_cluster, k);
		if (print_is_space(c->ch))
			w += c->g->geometry.width;
	}
	return w;
}

/* The position of run's baseline tag in its own font (HarfBuzz's BASE
 * table, or its fallback), as Pango 1.50 looks it up. */
static hb_position_t print_run_baseline(PangoLayoutRun *run, hb_ot_layout_baseline_tag_t tag)
{
	PangoItem *item = run->item;
	hb_script_t script = (hb_script_t)g_unicode_script_to_iso15924(item->analysis.script);
	hb_language_t lang = hb_language_from_string(
		pango_language_to_string(item->analysis.language), -1);
	hb_tag_t st[HB_OT_MAX_TAGS_PER_SCRIPT], lt[HB_OT_MAX_TAGS_PER_LANGUAGE];
	unsigned int sn = HB_OT_MAX_TAGS_PER_SCRIPT, ln = HB_OT_MAX_TAGS_PER_LANGUAGE;
	hb_ot_tags_from_script_and_language(script, lang, &sn, st, &ln, lt);
	hb_position_t pos = 0;
	hb_ot_layout_get_baseline_with_fallback(pango_font_get_hb_font(item->analysis.font), tag,
	                                        HB_DIRECTION_LTR, sn ? st[sn - 1] : HB_TAG_NONE,
	                                        ln ? lt[ln - 1] : HB_TAG_NONE, &pos);
	return pos;
}

/* Pango 1.50 aligns the runs of a line on the baseline of its first run's
 * script: a line that starts with Hangul, Han or Devanagari lifts or
 * drops its Latin words (0.5 to 1.5 pt) and one that starts with a Latin
 * word does not, so the lines of one paragraph sit unevenly. Every run
 * goes back to its own font's roman baseline, as in every other line;
 * the shifts of superscripts and subscripts stay. */
static void print_line_roman(PangoLayoutLine *ln)
{
	PangoLayoutRun *first = NULL;
	for (GSList *r = ln->runs; r; r = r->next) {
		PangoLayoutRun *run = r->data;
		if (run->item->analysis.font &&
		    (!first || run->item->offset < first->item->offset))
			first = run;
	}
	if (!first)
		return;
	hb_script_t script = (hb_script_t)g_unicode_script_to_iso15924(first->item->analysis.script);
	hb_ot_layout_baseline_tag_t tag = hb_ot_layout_get_horizontal_baseline_tag_for_script(script);
	if (tag == HB_OT_LAYOUT_BASELINE_TAG_ROMAN)
		return;
	hb_position_t base = print_run_baseline(first, tag);
	for (GSList *r = ln->runs; r; r = r->next) {
		PangoLayoutRun *run = r->data;
		if (run->item->analysis.font && run != first)
			run->y_offset -= base - print_run_baseline(run, tag);
	}
}

int print_justify(PangoLayout *l, const char *text, double width, double indent,
                  bool justify)
{
	GArray *flush = justify ? print_flush_ranges(text) : NULL;
	int bad = -1, i = 0, count = pango_layout_get_line_count(l);
	for (GSList *s = pango_layout_get_lines(l); s; s = s->next, i++) {
		PangoLayoutLine *ln = s->data;
		print_line_roman(ln);
		int start = ln->start_index, end = start + ln->length;
		double in = i == 0 ? MAX(indent, 0) : MAX(-indent, 0);
		int avail = (int)((width - in) * PS);
		int natural = 0;
		GArray *cl = print_line_clusters(ln, text, &natural);
		bool hyphen = end >= 2 && !memcmp(text + end - 2, "\xc2\xad", 2);
		/* the last line of a paragraph, or one ended by a line break */
		bool last = i == count - 1 ||
		            (end >= 3 && !strncmp(text + end - 3, "\xe2\x80\xa8", 3)) ||
		            !strncmp(text + end, "\xe2\x80\xa8", 3);
		int slack = avail - natural;
		if (slack < 0 && hyphen && slack > -(int)PS * 8) {
			/* wider than its measure: narrow the spaces, within limits */
			if (!justify || print_space_width(cl) * (1 - PRINT_JUSTIFY_SHRINK) < -slack ||
			    !print_line_spread(cl, slack, false))
				bad = bad < 0 ? i : bad;
		} else if (slack < 0 && hyphen) {
			bad = bad < 0 ? i : bad;
		} else if (justify && !last && slack > 0) {
			bool keep = false;
			for (guint k = 0; flush && k < flush->len; k += 2)
				keep |= g_array_index(flush, int, k) < end &&
				        g_array_index(flush, int, k + 1) > start;
			int cjk = 0;
			for (guint k = 0; k < cl->len; k++)
				cjk += print_is_cjk(g_array_index(cl, print_cluster, k).ch);
			if (!keep)
				print_line_spread(cl, slack, cjk * 3 >= (int)cl->len);
		}
		g_array_free(cl, TRUE);
	}
	if (flush)
		g_array_free(flush, TRUE);
	return bad;
}
