/* po: write and read the small part of the PO format translators' tools
 * need (msgctxt, msgid, msgstr, comments, multi-line strings). */
#include <string.h>
#include <yaml.h>
#include "load/po.h"
#include "core/xmltext.h"

static void po_quote(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '"': g_string_append(out, "\\\""); break;
		case '\\': g_string_append(out, "\\\\"); break;
		case '\n': g_string_append(out, "\\n"); break;
		case '\t': g_string_append(out, "\\t"); break;
		default: g_string_append_c(out, *p);
		}
	}
	g_string_append(out, "\"\n");
}

char *po_export(const i18n_set *s, const char *lang)
{
	GString *out = g_string_new(NULL);
	g_string_append_printf(out,
	                       "# kitgen UI strings: English source, %s translation.\n"
	                       "# Translate each msgstr; keep {placeholders} as they are.\n"
	                       "msgid \"\"\nmsgstr \"\"\n"
	                       "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	                       "\"Language: %s\\n\"\n\n",
	                       lang, lang);
	GPtrArray *keys = i18n_keys(s);
	for (guint i = 0; i < keys->len; i++) {
		const char *k = keys->pdata[i];
		const char *src = i18n_own(s, "en", k), *tr = i18n_own(s, lang, k);
		g_string_append(out, "msgctxt ");
		po_quote(out, k);
		g_string_append(out, "msgid ");
		po_quote(out, src ? src : k);
		g_string_append(out, "msgstr ");
		po_quote(out, tr ? tr : "");
		g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

/* Parses one "..." string at p; appends its value to out. */
static bool po_unquote(const char *p, GString *out, const char **end)
{
	if (*p != '"')
		return false;
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			g_string_append_c(out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
		} else {
			g_string_append_c(out, *p);
		}
	}
	if (*p != '"')
		return false;
	*end = p + 1;
	return true;
}

/* A key or translation holds only what the theme's YAML may hold: UTF-8,
 * no control characters but tab and line breaks, no U+FFFE or U+FFFF (what
 * yt_parse refuses). An error at the string's line, where it starts. */
static bool po_text_ok(const GString *s, const char *what, const char *path, int line,
                       int col, diag_list *d)
{
	const char *bad;
	if (!g_utf8_validate(s->str, (gssize)s->len, &bad)) {
		diag_error(d, path, line, col, "save the file as UTF-8",
		           "%s holds the byte 0x%02X, which is not UTF-8", what, (unsigned char)*bad);
		return false;
	}
	for (size_t i = 0; i < s->len; i++) {
		size_t n = s->str[i] ? xmltext_bad_at(s->str + i) : 1;
		if (!n)
			continue;
		if (n == 1)
			diag_error(d, path, line, col, "remove the control character",
			           "%s holds control character 0x%02X", what, (unsigned char)s->str[i]);
		else
			diag_error(d, path, line, col, "remove the character",
			           "%s holds U+%s, which no page can hold", what,
			           (unsigned char)s->str[i + 2] == 0xBE ? "FFFE" : "FFFF");
		return false;
	}
	return true;
}

/* A key is names joined by dots ("nav.home"): none of them empty, or the
 * YAML written would hold a key "" that no theme looks up. */
static bool po_key_ok(const GString *key, const char *path, int line, int col, diag_list *d)
{
	const char *k = key->str;
	if (*k && *k != '.' && k[key->len - 1] != '.' && !strstr(k, ".."))
		return true;
	diag_error(d, path, line, col, "keep the msgctxt as kitgen exported it",
	           "msgctxt \"%s\" is not a key (names joined by dots)", k);
	return false;
}

GHashTable *po_read(const char *path, diag_list *d)
{
	char *text;
	gsize len;
	GError *err = NULL;
	if (!g_file_get_contents(path, &text, &len, &err)) {
		diag_error(d, NULL, 0, 0, NULL, "cannot read %s: %s", path, err->message);
		g_error_free(err);
		return NULL;
	}
	GHashTable *out = po_parse(text, len, path, d);
	g_free(text);
	return out;
}

GHashTable *po_parse(const char *data, size_t len, const char *path, diag_list *d)
{
	/* A NUL would end the text there and drop the rest unseen. */
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		int line = 1, col = 1;
		for (const char *p = data; p < nul; p++)
			*p == '\n' ? (line++, col = 1) : col++;
		diag_error(d, path, line, col, "remove the NUL byte; save the file as UTF-8 text",
		           "the file holds a NUL byte");
		return NULL;
	}
	char *text = g_strndup(data, len);
	GHashTable *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GString *fields[3] = {g_string_new(NULL), g_string_new(NULL), g_string_new(NULL)};
	int cur = -1, errors = d->errors;
	int at[3][2] = {{0, 0}, {0, 0}, {0, 0}}; /* line and column where each field starts */
	bool have[3] = {false, false, false};
	char **lines = g_strsplit(text, "\n", -1);
	for (int n = 0;; n++) {
		char *l = lines[n];
		if (l)
			g_strstrip(l);
		/* An entry ends at a blank line, a new msgctxt, or the end. */
		if (!l || !*l || g_str_has_prefix(l, "msgctxt ")) {
			if (have[0] && have[2] &&
			    po_key_ok(fields[0], path, at[0][0], at[0][1], d) &&
			    po_text_ok(fields[0], "msgctxt", path, at[0][0], at[0][1], d) &&
			    po_text_ok(fields[2], "msgstr", path, at[2][0], at[2][1], d))
				g_hash_table_replace(out, g_strdup(fields[0]->str), g_strdup(fields[2]->str));
			for (int i = 0; i < 3; i++) {
				g_string_truncate(fields[i], 0);
				have[i] = false;
			}
			cur = -1;
			if (!l)
				break;
			if (!*l)
				continue;
		}
		if (*l == '#')
			continue;
		static const char *const names[] = {"msgctxt ", "msgid ", "msgstr "};
		const char *p = l;
		for (int i = 0; i < 3; i++)
			if (g_str_has_prefix(l, names[i])) {
				cur = i;
				have[i] = true;
				p = l + strlen(names[i]);
				at[i][0] = n + 1;
				at[i][1] = (int)(p - l) + 1;
			}
		const char *end;
		if (cur < 0 || !po_unquote(p, fields[cur], &end) || *end) {
			diag_error(d, path, n + 1, (int)(p - l) + 1,
			           "write msgctxt, msgid and msgstr lines, each with a \"quoted\" string",
			           "not a PO line");
			cur = -1;
		}
	}
	g_strfreev(lines);
	for (int i = 0; i < 3; i++)
		g_string_free(fields[i], TRUE);
	g_free(text);
	if (d->errors > errors) {
		g_hash_table_destroy(out);
		return NULL;
	}
	return out;
}

static int po_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool po_emit(yaml_emitter_t *e, yaml_event_t *ev)
{
	return yaml_emitter_emit(e, ev) != 0;
}

/* Every libyaml call is checked: an event that failed to initialise holds
 * whatever was on the stack, and emitting it reads freed memory. */
static bool po_scalar(yaml_emitter_t *e, const char *s)
{
	yaml_event_t ev;
	size_t len = strlen(s);
	if (len > G_MAXINT ||
	    !yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)len, 1, 1,
	                                  YAML_ANY_SCALAR_STYLE))
		return false;
	return po_emit(e, &ev);
}

/* Emits keys[from, to) (sorted, sharing prefix of length plen) as a map. */
static bool po_map(yaml_emitter_t *e, char **keys, GHashTable *strings, guint from, guint to,
                   size_t plen, const char *lang, diag_list *d)
{
	yaml_event_t ev;
	bool ok = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	                                              YAML_BLOCK_MAPPING_STYLE) &&
	          po_emit(e, &ev);
	for (guint i = from; ok && i < to;) {
		const char *rest = keys[i] + plen, *dot = strchr(rest, '.');
		size_t seg = dot ? (size_t)(dot - rest) : strlen(rest);
		char *name = g_strndup(rest, seg);
		guint j = i;
		while (j < to && !strncmp(keys[j] + plen, name, seg) &&
		       (keys[j][plen + seg] == '.' || keys[j][plen + seg] == '\0'))
			j++;
		ok = po_scalar(e, name);
		if (ok && !dot && j == i + 1) {
			ok = po_scalar(e, g_hash_table_lookup(strings, keys[i]));
		} else if (ok && (!dot || keys[i][plen + seg] == '\0')) {
			diag_error(d, NULL, 0, 0, "rename one of the keys",
			           "%s: key '%s' is both a text and a group", lang, keys[i]);
			ok = false;
		} else if (ok) {
			ok = po_map(e, keys, strings, i, j, plen + seg + 1, lang, d);
		}
		g_free(name);
		i = j;
	}
	return ok && yaml_mapping_end_event_initialize(&ev) && po_emit(e, &ev);
}

static int po_write(void *data, unsigned char *buf, size_t size)
{
	g_string_append_len(data, (const char *)buf, (gssize)size);
	return 1;
}

char *po_to_yaml(GHashTable *strings, const char *lang, diag_list *d)
{
	guint n = 0;
	char **keys = g_new0(char *, g_hash_table_size(strings) + 1);
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, strings);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (*(const char *)v) /* empty: no translation, the key falls back */
			keys[n++] = k;
	qsort(keys, n, sizeof *keys, po_cmp);
	GString *out = g_string_new(NULL);
	g_string_append_printf(out, "# UI strings of the default theme, %s (imported from PO).\n",
	                       lang);
	yaml_emitter_t e;
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&e)) {
		g_free(keys);
		g_string_free(out, TRUE);
		return NULL;
	}
	yaml_emitter_set_output(&e, po_write, out);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1);
	int errors = d->errors;
	bool ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) && po_emit(&e, &ev) &&
	          yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
	          po_emit(&e, &ev) && po_map(&e, keys, strings, 0, n, 0, lang, d) &&
	          yaml_document_end_event_initialize(&ev, 1) && po_emit(&e, &ev) &&
	          yaml_stream_end_event_initialize(&ev) && po_emit(&e, &ev);
	if (!ok && d->errors == errors)
		diag_error(d, NULL, 0, 0, "check the PO file's strings",
		           "%s: the strings cannot be written as YAML (%s)", lang,
		           e.problem ? e.problem : "libyaml refused them");
	yaml_emitter_delete(&e);
	g_free(keys);
	/* What is written must read back as the theme reads it, or a build
	 * would fail on it later. */
	char *name = g_strdup_printf("i18n/%s.yaml (as imported)", lang);
	yt_node *again = ok ? yt_parse(out->str, out->len, name, 1, d) : NULL;
	g_free(name);
	ok = again != NULL;
	yt_free(again);
	if (!ok) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}
