# tests/steps/catalogue.sh: the golden catalogue, the real one built and checked, the theme contract.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).

# Golden: a fixture catalogue must give exactly the committed pages (PDFs
# and the theme's copied assets are checked elsewhere).
golden() {
	"$KITGEN" build --content tests/golden/catalogue/content --out "$tmp/golden" -q &&
	diff -rq -x pdf -x assets tests/golden/catalogue/expected "$tmp/golden/site"
}
step "golden catalogue" golden

# The real catalogue builds without warnings, every page is well-formed
# HTML and every link, anchor, image and alternate resolves.
base=$(sed -n 's/^base_url: *//p' content/site.yaml)
real() {
	"$KITGEN" build --strict --out "$tmp/a" -q &&
	"$B/sitecheck" --base-url "$base" --max-weight 150 "$tmp/a/site"
}
step "catalogue builds and checks clean" real

# docs/theme.md names every element and attribute a theme receives and the
# classes the paginator acts on.
step "theme: docs/theme.md describes what templates receive" sh tests/theme/contract.sh "$KITGEN" "$tmp/a/site"
