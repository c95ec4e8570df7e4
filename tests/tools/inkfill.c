/* inkfill: how full a printed page is. Reads one page as a binary PGM
 * (pdftoppm -gray) on stdin and prints the share of the text area's
 * height, in percent, that holds drawn content: a pixel row is inked when
 * any pixel is darker than light grey, and blank runs shorter than the gap
 * (the space between blocks and lines) count as part of the content
 * around them, while a larger hole does not.
 *
 *   inkfill TOP_MM BOTTOM_MM GAP_MM < page.pgm
 *
 * TOP_MM and BOTTOM_MM are the page's top and bottom margins. */
#include <stdio.h>
#include <stdlib.h>

static int read_int(FILE *f)
{
	int c, v = 0;
	while ((c = getc(f)) != EOF) {
		if (c == '#')
			while ((c = getc(f)) != EOF && c != '\n')
				;
		else if (c >= '0' && c <= '9')
			break;
	}
	for (; c >= '0' && c <= '9'; c = getc(f))
		v = v * 10 + (c - '0');
	return v;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: inkfill TOP_MM BOTTOM_MM GAP_MM < page.pgm\n");
		return 2;
	}
	double top_mm = atof(argv[1]), bottom_mm = atof(argv[2]), gap_mm = atof(argv[3]);
	if (getchar() != 'P' || getchar() != '5') {
		fprintf(stderr, "inkfill: not a binary PGM\n");
		return 2;
	}
	int w = read_int(stdin), h = read_int(stdin), max = read_int(stdin);
	if (w <= 0 || h <= 0 || max != 255) {
		fprintf(stderr, "inkfill: unsupported PGM\n");
		return 2;
	}
	unsigned char *row = malloc((size_t)w);
	char *ink = calloc((size_t)h, 1);
	for (int y = 0; y < h; y++) {
		if (fread(row, 1, (size_t)w, stdin) != (size_t)w) {
			fprintf(stderr, "inkfill: short PGM\n");
			return 2;
		}
		for (int x = 0; x < w; x++)
			if (row[x] < 200) {
				ink[y] = 1;
				break;
			}
	}
	/* A4 portrait is 297 mm tall: pixels per mm from the image height. */
	double px_mm = h / 297.0;
	int top = (int)(top_mm * px_mm), bottom = h - (int)(bottom_mm * px_mm);
	int gap = (int)(gap_mm * px_mm), filled = 0, run = 0;
	int first = -1, last = -1;
	for (int y = top; y < bottom; y++)
		if (ink[y]) {
			first = first < 0 ? y : first;
			last = y;
		}
	/* blank runs inside the content: short ones are spacing */
	for (int y = top; y < bottom; y++) {
		if (first < 0 || y < first || y > last)
			continue;
		if (ink[y]) {
			if (run && run <= gap)
				filled += run;
			run = 0;
			filled++;
		} else
			run++;
	}
	printf("%.1f\n", 100.0 * filled / (bottom - top));
	free(row);
	free(ink);
	return 0;
}
