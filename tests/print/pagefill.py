#!/usr/bin/python3
"""pagefill.py INKFILL MIN PDF...: how full each page of a printed document
is, measured from the PDF; exits 1 when a page that should be full is not.

A page's fill is build/inkfill's: the share of the A4 text area's height
(margins 27 and 25 mm) that holds drawn content, on the page drawn by
pdftoppm at 36 dpi; blank runs up to 12 mm (about three lines: the space
between blocks) count as content, larger holes do not. Text, pictures and
drawn figures all count, whatever draws them.

Pages that may be short, by design:
- covers: pages without a page label in the bottom margin (pdftotext
  -bbox finds no word there): the front cover, a back cover;
- the page before a major part, and the page before a cover: the theme
  starts those on a new page (a major part is where the paginator names
  a destination kitgen-part-N, read from the PDF's name tree with qpdf);
- the last page.
Every other page must be at least MIN % full.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

FOOT_MM = 25  # the bottom margin, where the page label stands


def part_pages(pdf):
    """1-based numbers of the pages where a major part starts."""
    j = json.loads(subprocess.run(["qpdf", "--json", pdf], check=True,
                                  capture_output=True, text=True).stdout)
    objs = j["qpdf"][1]
    page_no = {p["object"]: i + 1 for i, p in enumerate(j["pages"])}

    def val(ref):
        v = objs.get("obj:" + ref, {}) if isinstance(ref, str) else {}
        return v.get("value", ref) if isinstance(v, dict) else ref

    cat = next(v["value"] for v in objs.values()
               if isinstance(v, dict) and isinstance(v.get("value"), dict)
               and v["value"].get("/Type") == "/Catalog")
    names = val(cat.get("/Names", {}))
    found = set()

    def walk(node):
        node = val(node)
        if not isinstance(node, dict):
            return
        for kid in node.get("/Kids", []):
            walk(kid)
        arr = node.get("/Names", [])
        for k in range(0, len(arr) - 1, 2):
            name, dest = arr[k], val(arr[k + 1])
            if isinstance(dest, dict):
                dest = dest.get("/D")
            if re.fullmatch(r"u:kitgen-part-\d+", str(name)) and dest:
                found.add(page_no.get(dest[0], 0))

    if isinstance(names, dict):
        walk(names.get("/Dests"))
    return found


def labelled_pages(pdf):
    """Pages with a word in the bottom margin (the page label)."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    out, n, h = set(), 0, 0.0
    for line in xml.splitlines():
        m = re.search(r'<page width="[\d.]+" height="([\d.]+)"', line)
        if m:
            n += 1
            h = float(m.group(1))
            continue
        m = re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)"', line)
        if m and float(m.group(1)) > h - FOOT_MM * 72 / 25.4:
            out.add(n)
    return out, n


def fills(inkfill, pdf, tmp):
    subprocess.run(["pdftoppm", "-gray", "-r", "36", pdf, os.path.join(tmp, "p")],
                   check=True)
    pages = sorted(f for f in os.listdir(tmp) if f.endswith(".pgm"))
    res = []
    for f in pages:
        with open(os.path.join(tmp, f), "rb") as fh:
            r = subprocess.run([inkfill, "27", "25", "12"], stdin=fh, check=True,
                               capture_output=True, text=True)
        res.append(float(r.stdout))
        os.unlink(os.path.join(tmp, f))
    return res


def main():
    inkfill, least, pdfs = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    bad = 0
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            parts = part_pages(pdf)
            labelled, n = labelled_pages(pdf)
            fill = fills(inkfill, pdf, tmp)
            for p in range(1, n + 1):
                cover = p not in labelled
                exempt = (cover or p == n or (p + 1) in parts or
                          (p + 1 <= n and (p + 1) not in labelled))
                if exempt:
                    continue
                checked += 1
                if fill[p - 1] < least:
                    print(f"{pdf}: page {p} is {fill[p - 1]:.0f} % full "
                          f"(at least {least:.0f} %)")
                    bad += 1
    print(f"{len(pdfs)} PDFs, {checked} pages held to {least:.0f} %: "
          f"{bad} below")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
