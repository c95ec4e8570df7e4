#!/usr/bin/python3
"""structure.py REPORT.pdf SOURCE.md: the structure tree of a report is
what a screen reader needs.

- its headings, read from the tree with their text, are the PDF outline's
  entries in the same order and at the same depth, and the Markdown
  source's headings come in that order too;
- every table has header cells, each with a scope;
- every Figure has alternative text, and the source's image alt texts
  are among them; a chart's alt text names its values;
- a paragraph of the source is one P, also where it runs on to the next
  page; a table of the source is one Table, also where it runs on: its
  header row once (the repeats are artifacts), every row in it.
structure.py --facts FLYER.pdf...: the flyers' key facts table has its
labels as header cells of their columns (TH, /Scope /Column) over the
values (TD).
With --split, a paragraph and a table must run across pages (the
document is made so), so that the last two checks have something to see.
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


def words(s):
    """Letters only: footnote marks, digits and punctuation aside."""
    s = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", s)   # links, images
    s = re.sub(r"\[\^[^\]]*\]|<[^>]+>", " ", s)          # footnote marks, tags
    return re.findall(r"[^\W\d_]+", norm(s).lower())


def pages_of(e, pages, page=None, depth=0):
    """The page numbers an element's content is on."""
    page = e.get("/Pg", page)
    k = e.get("/K")
    out = set()
    for x in list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []:
        if isinstance(x, int) and page is not None:
            out.add(pages.get(page.objgen))
        elif isinstance(x, pikepdf.Dictionary) and "/S" in x and depth < 50:
            out |= pages_of(x, pages, page, depth + 1)
        elif isinstance(x, pikepdf.Dictionary) and "/MCID" in x:
            out.add(pages.get(x.get("/Pg", page).objgen))
    return out


def contains(hay, needle):
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def source_blocks(md):
    """The source's plain paragraphs and its pipe tables (header, rows)."""
    body = md.split("---", 2)[2] if md.startswith("---") else md
    paras, tables = [], []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln for ln in block.strip().split("\n") if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith("|") for ln in lines) and len(lines) >= 2:
            cells = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines]
            tables.append((cells[0], [c for c in cells[2:]]))
        elif not re.match(r"^(#|\||[-*+>] |\d+[.)] |```|\[\^|!\[|<)", lines[0].lstrip()):
            paras.append(" ".join(lines))
    return paras, tables


def check_flow(pdf, els, texts, md, split):
    """Paragraphs and tables that run on to the next page stay one element."""
    problems = []
    pages = {p.objgen: i for i, p in enumerate(pdf.pages, 1)}
    paras, tables = source_blocks(md)
    ps = [(words(element_text(e, texts)), e) for e in els if str(e.S) == "/P"]
    checked = across = 0
    for para in paras:
        w = words(para)
        if len(w) < 16:
            continue
        head, tail = w[:6], w[-6:]
        hits = [(pw, e) for pw, e in ps if contains(pw, head)]
        if not hits:
            continue
        checked += 1
        if not any(contains(pw, tail) for pw, _ in hits):
            problems.append("the paragraph %r... is not one P: its end is in another"
                            % " ".join(head))
        elif any(len(pages_of(e, pages)) > 1 for pw, e in hits if contains(pw, tail)):
            across += 1
    tabs = [e for e in els if str(e.S) == "/Table"]
    t_across = 0
    for head, rows in tables:
        hw = [words(c) for c in head]
        found = None
        for t in tabs:
            trs = [e for e in pdfcheck.elements(t) if str(e.S) == "/TR"]
            th_rows = [tr for tr in trs if all(str(c.S) == "/TH" for c in pdfcheck.elements(tr)
                                               if str(c.S) in ("/TH", "/TD"))]
            if trs and [words(element_text(c, texts)) for c in pdfcheck.elements(trs[0])
                        if str(c.S) in ("/TH", "/TD")] == hw:
                found = (t, trs, th_rows)
                break
        if found is None:
            problems.append("no Table has the header %s" % head)
            continue
        t, trs, th_rows = found
        if len(th_rows) != 1:
            problems.append("the table headed %s has %d header rows, not 1" % (head, len(th_rows)))
        if len(trs) != len(rows) + 1:
            problems.append("the table headed %s has %d rows, the source %d"
                            % (head, len(trs) - 1, len(rows)))
        t_across += len(pages_of(t, pages)) > 1
    if split and not across:
        problems.append("no paragraph runs across pages: nothing shows they stay one P")
    if split and not t_across:
        problems.append("no table runs across pages: nothing shows it stays one Table")
    summary = ("%d paragraphs one P each (%d across pages), %d tables one Table each "
               "(%d across pages)" % (checked, across, len(tables), t_across))
    return problems, summary


def scope(e):
    attrs = e.get("/A")
    for a in attrs if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []:
        if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
            return str(a.Scope)
    return None


def check_facts(paths):
    bad = 0
    for path in paths:
        pdf = pikepdf.open(path)
        texts = mcid_texts(pdf)
        tables = [e for e in pdfcheck.elements(pdf.Root.StructTreeRoot) if str(e.S) == "/Table"]
        rows = [[c for c in pdfcheck.elements(tr) if str(c.S) in ("/TH", "/TD")]
                for tr in pdfcheck.elements(tables[0]) if str(tr.S) == "/TR"] if tables else []
        if len(rows) != 2:
            print("%s: the facts table has %d rows, not labels and values" % (path, len(rows)))
            bad += 1
            continue
        labels, values = rows
        wrong = ["%s %r" % (str(c.S)[1:], norm(element_text(c, texts)))
                 for c in labels if str(c.S) != "/TH" or scope(c) != "/Column"]
        wrong += ["%s %r" % (str(c.S)[1:], norm(element_text(c, texts)))
                  for c in values if str(c.S) != "/TD"]
        if wrong or len(labels) != len(values):
            print("%s: the facts labels are not TH with /Scope /Column over TD values: %s"
                  % (path, ", ".join(wrong[:4]) or "%d labels, %d values"
                     % (len(labels), len(values))))
            bad += 1
    print("%d of %d flyers: facts labels are column headers" % (len(paths) - bad, len(paths)))
    return 1 if bad else 0


def main(argv):
    if argv and argv[0] == "--facts":
        return check_facts(argv[1:])
    split = "--split" in argv
    pdf_path, src = [a for a in argv if a != "--split"]
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
    flow_problems, flow = check_flow(pdf, els, texts, md, split)
    problems += flow_problems
    for p in problems:
        print("%s: %s" % (pdf_path, p))
    if problems:
        return 1
    print("%s: %d headings in outline order (%d in the outline), %d tables with TH, %d figures with alt text: %s; %s"
          % (pdf_path, len(heads), len(outline), len(tables), len(alts),
             " | ".join(a[:60] for a in alts), flow))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
