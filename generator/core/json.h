/* json: the few pieces of JSON kitgen writes (--json outputs, data for the
 * theme's scripts), escaped so that it is also safe inside a <script>. */
#ifndef KITGEN_JSON_H
#define KITGEN_JSON_H

#include <glib.h>

/* Appends s (NULL: "") as a JSON string: quotes, backslashes and control
 * characters escaped, '<' as \u003c so "</script>" never appears. */
void json_append_str(GString *j, const char *s);

#endif
