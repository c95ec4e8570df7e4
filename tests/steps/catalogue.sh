# tests/steps/catalogue.sh: the golden catalogue, the real one built and checked, the theme contract.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).

# Golden: a fixture catalogue must give exactly the committed pages (PDFs
# and the theme's copied assets are checked elsewhere).
golden() {
	"$KITGEN" build --content tests/golden/catalogue/content --out "$tmp/golden" -q &&
	diff -rq -x pdf -x assets tests/golden/catalogue/expected "$tmp/golden/site"
}
step "golden catalogue" golden

# Reader text in en and ko states facts and cites them: it never speaks of
# "the article" or "the catalogue" (fixture: tests/content-lint/bad).
step "content lint: no 'the article' or 'the catalogue' in reader text" sh tests/content-lint/check.sh content
# The unit tests score against a copy of the catalogue's diagnosis model
# (their expectations are computed from it by hand): the two stay equal.
step "unit tests' diagnosis model is the catalogue's" \
	cmp content/diagnostics/model.yaml tests/unit/fixtures/diagnose/catalogue/diagnostics/model.yaml

# The real catalogue builds without warnings, every page is well-formed
# HTML and every link, anchor, image and alternate resolves.
base=$(sed -n 's/^base_url: *//p' content/site.yaml)
real() {
	# Partner-language documents are draft translations: they are warned
	# about (errors with --strict); so is the example domain of base_url
	# (the PDFs leave the address out); nothing else may be.
	"$KITGEN" build --out "$tmp/a" -q 2>"$tmp/real.err" &&
	grep -q ": warning: base_url '$base' is not a public address" "$tmp/real.err" &&
	! grep -v "documents are unfinished\|= hint: have the translations reviewed\|warning: base_url '$base' is not a public address\|= hint: set base_url in site.yaml" "$tmp/real.err" | grep . &&
	! "$KITGEN" check --strict -q >/dev/null 2>&1 &&
	# 160 KB: the Amharic diagnosis page with its radar chart (92 KB of glyph
	# outlines for wrapped Ethiopic labels) weighs 153 KB
	"$B/sitecheck" --base-url "$base" --max-weight 160 "$tmp/a/site"
}
step "catalogue builds and checks clean" real

# docs/theme.md names every element and attribute a theme receives and the
# classes the paginator acts on.
step "theme: docs/theme.md describes what templates receive" sh tests/theme/contract.sh "$KITGEN" "$tmp/a/site"
