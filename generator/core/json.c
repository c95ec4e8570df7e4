/* json: JSON strings. */
#include "core/json.h"

void json_append_str(GString *j, const char *s)
{
	g_string_append_c(j, '"');
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(j, '\\');
		if ((unsigned char)*p < 0x20)
			g_string_append_printf(j, "\\u%04x", *p);
		else if (*p == '<')
			g_string_append(j, "\\u003c");
		else
			g_string_append_c(j, *p);
	}
	g_string_append_c(j, '"');
}
