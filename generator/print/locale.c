/* print locale: what a document's language tag says about its layout —
 * writing direction and paper size — asked of ICU's locale data rather
 * than kept in our own tables. */
#include "print_int.h"

#include <stdlib.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>

/* BCP 47 (zh-Hant, en-US) to an ICU locale id (zh_Hant, en_US). */
static bool print_locale_id(const char *lang, char *out, int32_t n)
{
	if (!lang || !*lang)
		return false;
	UErrorCode e = U_ZERO_ERROR;
	uloc_forLanguageTag(lang, out, n, NULL, &e);
	return U_SUCCESS(e) && *out;
}

bool print_locale_rtl(const char *lang)
{
	char id[ULOC_FULLNAME_CAPACITY];
	/* ICU infers the script when the tag has none (ar -> Arab) */
	return print_locale_id(lang, id, sizeof id) && uloc_isRightToLeft(id);
}

/* Only a tag that names its region decides: ICU would infer one for a bare
 * "en" (US, so Letter), and the catalogue's languages are meant for
 * partner cities on A4. */
bool print_locale_paper(const char *lang, double *w, double *h)
{
	char id[ULOC_FULLNAME_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
	if (!print_locale_id(lang, id, sizeof id))
		return false;
	UErrorCode e = U_ZERO_ERROR;
	if (uloc_getCountry(id, region, sizeof region, &e) <= 0 || U_FAILURE(e))
		return false;
	int32_t mm_h = 0, mm_w = 0;
	ulocdata_getPaperSize(id, &mm_h, &mm_w, &e);
	if (U_FAILURE(e) || mm_w <= 0 || mm_h <= 0)
		return false;
	/* ICU gives whole millimetres: snap to the exact sizes it means */
	if (abs(mm_w - 216) <= 1 && abs(mm_h - 279) <= 1)
		return print_style_paper("Letter", w, h);
	if (abs(mm_w - 210) <= 1 && abs(mm_h - 297) <= 1)
		return print_style_paper("A4", w, h);
	*w = mm_w * 72.0 / 25.4;
	*h = mm_h * 72.0 / 25.4;
	return true;
}
