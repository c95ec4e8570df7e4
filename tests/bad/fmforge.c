/* fmforge: forges OUT/.cache/frontmatter.bin for tests/bad/outdir.sh the
 * way an attacker who can write OUT would: every "About" becomes "Pwned"
 * and the file is checksummed again, as kitgen before signed caches did
 * it (XXH3-64 of the rest, last 8 bytes).
 *
 *   cc -o fmforge fmforge.c -lxxhash && ./fmforge FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return 1;
	static unsigned char b[64 << 20];
	size_t n = fread(b, 1, sizeof b, f);
	fclose(f);
	if (n < 8)
		return 1;
	n -= 8;
	int hits = 0;
	for (size_t i = 0; i + 5 <= n; i++)
		if (!memcmp(b + i, "About", 5)) {
			memcpy(b + i, "Pwned", 5);
			hits++;
		}
	XXH64_hash_t h = XXH3_64bits(b, n);
	for (int i = 0; i < 8; i++)
		b[n + i] = (unsigned char)(h >> (8 * i));
	f = fopen(argv[1], "wb");
	if (!f || fwrite(b, 1, n + 8, f) != n + 8 || fclose(f) != 0)
		return 1;
	return hits ? 0 : 1;
}
