/* xmltext: one definition of what XML 1.0 cannot carry, for the YAML reader
 * (which refuses it where it is written) and the Markdown and raw-HTML
 * renderers (which drop it, as they drop anything a page cannot show). */
#include <string.h>
#include <glib.h>
#include "core/xmltext.h"

size_t xmltext_bad_at(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	if (u[0] && u[0] < 0x20 && u[0] != '\t' && u[0] != '\n' && u[0] != '\r')
		return 1;
	/* U+FFFE and U+FFFF: EF BF BE, EF BF BF. */
	if (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF))
		return 3;
	/* Bytes no UTF-8 has: cmark-gfm writes &#xFFFE; and &#xFFFF; as a lone
	 * FE and FF (utf8proc's encoding of them). */
	if (u[0] == 0xFE || u[0] == 0xFF)
		return 1;
	return 0;
}

char *xmltext_clean(const char *s)
{
	s = s ? s : "";
	GString *out = g_string_sized_new(strlen(s));
	for (const char *p = s; *p;) {
		size_t bad = xmltext_bad_at(p);
		if (bad)
			p += bad;
		else
			g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

void xmltext_set(xmlNodePtr e, const char *name, const char *value)
{
	if (value)
		xmlSetProp(e, BAD_CAST name, BAD_CAST value);
}
