#!/usr/bin/python3
"""structure.py REPORT.pdf SOURCE.md: the structure tree of a report is
what a screen reader needs.

- its headings, read from the tree with their text, are the PDF outline's
  entries in the same order and at the same depth, and the Markdown
  source's headings come in that order too;
- every table has header cells, each with a scope;
- every Figure has alternative text, and the source's image alt texts
  are among them; a chart's alt text names its values.
Prints what it found; exits 1 on the first kind of problem.
"""
import importlib.machinery
import importlib.util
import os
import re
import sys

import pikepdf

here = os.path.dirname(os.path.abspath(__file__))
loader = importlib.machinery.SourceFileLoader(
    "pdfcheck", os.path.join(here, "..", "tools", "pdfcheck"))
spec = importlib.util.spec_from_loader("pdfcheck", loader)
pdfcheck = importlib.util.module_from_spec(spec)
loader.exec_module(pdfcheck)


def mcid_texts(pdf):
    """(page objgen, mcid) -> the text shown inside it."""
    texts = {}
    seen = {}
    rep = pdfcheck.Report("-")
    for page in pdf.pages:
        obj = page.obj
        fonts = obj.get("/Resources", {}).get("/Font", pikepdf.Dictionary())
        stack, font = [], None
        for operands, op in pikepdf.parse_content_stream(obj):
            o = str(op)
            if o in ("BDC", "BMC"):
                props = operands[1] if o == "BDC" else None
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and \
                    "/MCID" in props else None
                actual = str(props.ActualText) if isinstance(props, pikepdf.Dictionary) and \
                    "/ActualText" in props else None
                stack.append([mcid, actual])
                cur = next((m for m, _ in reversed(stack) if m is not None), None)
                if actual is not None and cur is not None:
                    texts[(obj.objgen, cur)] = texts.get((obj.objgen, cur), "") + actual
            elif o == "EMC":
                if stack:
                    stack.pop()
            elif o == "Tf":
                f = fonts.get(str(operands[0]))
                font = pdfcheck.FontInfo(f, rep, seen) if f is not None else None
            elif o in ("Tj", "TJ", "'", '"') and font is not None and font.map:
                cur = next((m for m, _ in reversed(stack) if m is not None), None)
                if cur is None or any(a is not None for _, a in stack):
                    continue
                strings = list(operands[-1]) if o == "TJ" else [operands[-1]]
                t = "".join(font.map.get(c, "") for s in strings
                            if isinstance(s, pikepdf.String) for c in pdfcheck.codes(s, font.width))
                texts[(obj.objgen, cur)] = texts.get((obj.objgen, cur), "") + t
    return texts


def element_text(e, texts, page=None, depth=0):
    page = e.get("/Pg", page)
    k = e.get("/K")
    items = list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []
    out = ""
    for x in items:
        if isinstance(x, int) and page is not None:
            out += texts.get((page.objgen, int(x)), "")
        elif isinstance(x, pikepdf.Dictionary) and "/S" in x and depth < 50:
            out += element_text(x, texts, page, depth + 1)
        elif isinstance(x, pikepdf.Dictionary) and "/MCID" in x:
            out += texts.get((x.get("/Pg", page).objgen, int(x.MCID)), "")
    return out


def norm(s):
    return " ".join(s.replace("\u00ad", "").split())


def main(argv):
    pdf_path, src = argv
    pdf = pikepdf.open(pdf_path)
    texts = mcid_texts(pdf)
    els = pdfcheck.elements(pdf.Root.StructTreeRoot)
    heads = [(int(str(e.S)[2]), norm(element_text(e, texts)))
             for e in els if re.match(r"^/H[1-6]$", str(e.S))]
    outline = []
    with pdf.open_outline() as ol:
        def walk(items, depth):
            for it in items:
                outline.append((depth, norm(it.title)))
                walk(it.children, depth + 1)
        walk(ol.root, 1)
    problems = []
    # every outline entry is a heading of the tree, in the same order (the
    # tree has more: the cover's title, levels the outline leaves out)
    listed = [t for _, t in heads]
    rest = iter(listed)
    lost = [t for _, t in outline if not any(t == x for x in rest)]
    if lost or not outline:
        problems.append("the outline's %s are not the tree's headings %s in order"
                        % (lost[:3] or "(none)", listed[:6]))
    md = open(src, encoding="utf-8").read()
    want = [norm(re.sub(r"[*_`]", "", h)) for h in re.findall(r"^#{1,6} +(.*)$", md, re.M)]
    it = iter(t for _, t in heads)
    missing = [h for h in want if not any(h in t for t in it)]
    if missing:
        problems.append("the source's headings are not in the tree in order: %s" % missing[:3])
    tables = [e for e in els if str(e.S) == "/Table"]
    for i, t in enumerate(tables, 1):
        ths = [e for e in pdfcheck.elements(t) if str(e.S) == "/TH"]
        if not ths:
            problems.append("table %d has no TH" % i)
    alts = [str(e.get("/Alt", "")) for e in els if str(e.S) == "/Figure"]
    for alt in re.findall(r"!\[([^\]]+)\]\(", md):
        if norm(alt) not in [norm(a) for a in alts]:
            problems.append("no Figure has the alt text %r" % alt)
    # the timeline chart's alt text names every phase of the front matter
    phases = re.findall(r"^  - \{name: \"([^\"]+)\"", md, re.M)
    if phases and not any(all(ph in a for ph in phases) for a in alts):
        problems.append("no Figure's alt text names the phases %s" % phases)
    for p in problems:
        print("%s: %s" % (pdf_path, p))
    if problems:
        return 1
    print("%s: %d headings in outline order (%d in the outline), %d tables with TH, %d figures with alt text: %s"
          % (pdf_path, len(heads), len(outline), len(tables), len(alts), " | ".join(a[:60] for a in alts)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
