/* test_style: the default theme's print style with the private fonts and a
 * fixed date, as the paginator's test programs set it up. */
#ifndef KITGEN_TEST_STYLE_H
#define KITGEN_TEST_STYLE_H

#include <stdlib.h>
#include "print/print.h"

/* NULL, with the style file's problems printed, when it does not load. */
static inline print_style *test_style_load(void)
{
	diag_list *d = diag_new();
	print_style *s = print_style_load("themes/default/print/style.yaml", d);
	if (!s || d->errors) {
		diag_print(d, stderr, 0);
		if (s)
			print_style_free(s);
		s = NULL;
	} else {
		print_style_set_fonts(s, "fonts/fonts.conf", "build/fontcache");
		setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	}
	diag_free(d);
	return s;
}

#endif
