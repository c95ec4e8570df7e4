#!/bin/sh
# docs/theme.md names everything a theme receives and the paginator honours.
#   sh tests/theme/contract.sh KITGEN [SITE]
# Builds the site of content/ with stylesheets that list the elements and
# attributes of every page document they get (SITE: a built site whose
# pdf/ is linked in, so that download lists are not empty; without it the
# PDFs are built too), adds the names the print composition and the
# Markdown renderer write (publish.c, markdown.c) and the attributes and
# classes the paginator reads (print_prop, print_roles), and fails on each
# one the page does not name as `<element`, `@attribute` or a class row.
set -u
KITGEN=${1:-./kitgen}
SITE=${2:-}
doc=docs/theme.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp -r themes/default "$tmp/theme"
cat >"$tmp/theme/site/page.xsl" <<'XSL'
<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="utf-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//*">
      <xsl:value-of select="concat('element ', name(), '&#10;')"/>
      <xsl:for-each select="@*">
        <xsl:value-of select="concat('attribute ', name(), '&#10;')"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
cp "$tmp/theme/site/page.xsl" "$tmp/theme/site/feed.xsl"
if [ -n "$SITE" ] && [ -d "$SITE/pdf" ]; then
	mkdir -p "$tmp/out/site" && cp -r "$SITE/pdf" "$tmp/out/site/" &&
	"$KITGEN" build --only site --theme "$tmp/theme" --out "$tmp/out" -q || exit 1
else
	"$KITGEN" build --theme "$tmp/theme" --out "$tmp/out" -q || exit 1
fi
find "$tmp/out/site" \( -name index.html -o -name 404.html -o -name feed.xml \) \
	-exec cat {} + >"$tmp/names"
[ -s "$tmp/names" ] || { echo "no page documents were listed"; exit 1; }

# What the C writes into documents that the site run may not show: print
# composition (publish.c), every Markdown construct (markdown.c).
sed -n 's/.*xmlSetProp([a-z]*, BAD_CAST "\([a-z-]*\)".*/attribute \1/p
        s/.*xmlNewChild([^"]*"\([a-z-]*\)".*/element \1/p' generator/print/publish.c >>"$tmp/names"
sed -n 's/.*md_el([a-z]*, "\([a-z0-9]*\)").*/element \1/p
        s/.*md_text_child([^"]*"\([a-z0-9]*\)".*/element \1/p
        s/.*md_attr([a-z]*, "\([a-z-]*\)".*/attribute \1/p' generator/load/markdown.c >>"$tmp/names"
# What the paginator reads from the print document.
grep -oh 'print_prop([a-z]*, "[a-z-]*")' generator/print/*.c |
	sed 's/.*"\(.*\)")/attribute \1/' >>"$tmp/names"

missing=0
sort -u "$tmp/names" >"$tmp/sorted"
while read -r what name; do
	case $what in
	element) grep -q "<$name[ >/]" "$doc" || { echo "$doc: element <$name> is not described"; missing=$((missing + 1)); } ;;
	attribute) grep -qE "@$name([^a-z-]|\$)" "$doc" || { echo "$doc: attribute @$name is not described"; missing=$((missing + 1)); } ;;
	esac
done <"$tmp/sorted"

# The paginator's classes: each row of print_roles has its row in the table.
sed -n 's/^\t{"\([a-z ]*\)", "\([a-z-]*\)", PRINT_ROLE_.*/\1|\2/p' generator/print/style.c >"$tmp/roles"
[ -s "$tmp/roles" ] || { echo "print_roles not found in generator/print/style.c"; exit 1; }
while IFS='|' read -r tags cls; do
	for t in $tags; do
		grep -qE "^\|.*\`$t\`.*\| \`$cls\` \|" "$doc" ||
			{ echo "$doc: class $t.$cls (print_roles) is not in the table"; missing=$((missing + 1)); }
	done
done <"$tmp/roles"
echo "$(wc -l <"$tmp/sorted") names and $(wc -l <"$tmp/roles") paginator classes checked, $missing not described"
[ "$missing" = 0 ]
