#!/usr/bin/python3
"""pdfcheck_fixtures.py GOOD.pdf OUTDIR: for each rule of pdfcheck, a copy
of a PDF that passes every rule, broken so that it fails that one rule:
OUTDIR/RULE.pdf. GOOD.pdf must have a heading below H1, a table with
header cells, a figure, a footnote, a link, ligature text and Korean
words in an English text (an English kit has: its sources are in Korean).
"""
import os
import re
import sys

import pikepdf


def elems(pdf, s):
    out = []

    def walk(k):
        if isinstance(k, pikepdf.Array):
            for x in k:
                walk(x)
        elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
            if str(k.S) == s:
                out.append(k)
            if "/K" in k:
                walk(k.K)
    walk(pdf.Root.StructTreeRoot.K)
    return out


def first_font(pdf):
    for page in pdf.pages:
        fonts = page.obj.Resources.get("/Font", {})
        for k in sorted(fonts.keys()):  # keys() is a set: its order varies
            f = fonts[k]
            if "/ToUnicode" in f:
                return f
    raise SystemExit("no font with a ToUnicode map")


def prepend(pdf, data):
    page = pdf.pages[0]
    content = page.obj.Contents.read_bytes()
    page.obj.Contents = pdf.make_stream(data + b"\n" + content)


def xmp_without(pdf, pattern):
    raw = pdf.Root.Metadata.read_bytes().decode("utf-8")
    raw = re.sub(pattern, "", raw, flags=re.S)
    pdf.Root.Metadata = pdf.make_stream(raw.encode("utf-8"))
    pdf.Root.Metadata.Type = pikepdf.Name.Metadata
    pdf.Root.Metadata.Subtype = pikepdf.Name.XML


def struct_tree(pdf):
    del pdf.Root["/StructTreeRoot"]


def tagged_content(pdf):
    prepend(pdf, b"0 0 0 rg 10 10 5 5 re f")


def headings(pdf):
    h2 = elems(pdf, "/H2")[0]
    h2.S = pikepdf.Name("/H4")


def figure_alt(pdf):
    del elems(pdf, "/Figure")[0]["/Alt"]


def note_id(pdf):
    del elems(pdf, "/Note")[0]["/ID"]


def th_scope(pdf):
    del elems(pdf, "/TH")[0]["/A"]


def lang(pdf):
    pdf.Root.Lang = pikepdf.String("en_GB!")


def lang_spans(pdf):
    """Text in Hangul left in its English element: the Spans' /Lang gone."""
    gone = 0
    for s in ("/Span", "/P", "/Note", "/TD"):
        for e in elems(pdf, s):
            if "/Lang" in e and str(e.Lang).lower().startswith("ko"):
                del e["/Lang"]
                gone += 1
    if not gone:
        raise SystemExit("no element in Korean: GOOD.pdf needs Hangul in a text of another language")


def display_doc_title(pdf):
    del pdf.Root["/ViewerPreferences"]


def title(pdf):
    xmp_without(pdf, r"<dc:title>.*?</dc:title>")


def xmp_ids(pdf):
    xmp_without(pdf, r"<pdfuaid:part>.*?</pdfuaid:part>")


def output_intent(pdf):
    del pdf.Root["/OutputIntents"]


def fonts_embedded(pdf):
    f = first_font(pdf)
    for d in ([f] if "/FontDescriptor" in f else list(f.DescendantFonts)):
        fd = d.FontDescriptor
        for k in ("/FontFile", "/FontFile2", "/FontFile3"):
            if k in fd:
                del fd[k]


def tounicode(pdf):
    del first_font(pdf)["/ToUnicode"]


def unmapped_glyphs(pdf):
    # every font of the first page: one alone may show its glyphs only
    # inside ActualText spans, which the rule rightly lets pass
    fonts = pdf.pages[0].obj.Resources.get("/Font", {})
    for k in sorted(fonts.keys()):
        f = fonts[k]
        if "/ToUnicode" not in f:
            continue
        cmap = f.ToUnicode.read_bytes().decode("latin-1")
        cmap = re.sub(r"\d+ beginbf(char|range).*?endbf(char|range)", "", cmap, flags=re.S)
        f.ToUnicode = pdf.make_stream(cmap.encode("latin-1"))


def clean_text(pdf):
    prepend(pdf, b"/Artifact BMC /Span << /ActualText <feff006600ad0066> >> BDC EMC EMC")


def annotations(pdf):
    for page in pdf.pages:
        for a in page.obj.get("/Annots", []):
            if "/F" in a:
                del a["/F"]


def transparency(pdf):
    res = pdf.pages[0].obj.Resources
    if "/ExtGState" not in res:
        res.ExtGState = pikepdf.Dictionary()
    res.ExtGState.Bad = pikepdf.Dictionary(BM=pikepdf.Name("/Dodge"))


FIXTURES = {
    "struct-tree": struct_tree, "tagged-content": tagged_content, "headings": headings,
    "figure-alt": figure_alt, "note-id": note_id, "th-scope": th_scope, "lang": lang, "lang-spans": lang_spans,
    "display-doc-title": display_doc_title, "title": title, "xmp-ids": xmp_ids,
    "output-intent": output_intent, "fonts-embedded": fonts_embedded,
    "tounicode": tounicode, "unmapped-glyphs": unmapped_glyphs, "clean-text": clean_text,
    "annotations": annotations, "transparency": transparency,
}


def main(argv):
    good, out = argv
    os.makedirs(out, exist_ok=True)
    for rule, spoil in FIXTURES.items():
        with pikepdf.open(good) as pdf:
            spoil(pdf)
            pdf.save(os.path.join(out, rule + ".pdf"))
    # "file": encrypted (pikepdf opens it with the empty password)
    with pikepdf.open(good) as pdf:
        pdf.save(os.path.join(out, "file.pdf"),
                 encryption=pikepdf.Encryption(owner="kitgen", user="", R=4))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
