#!/usr/bin/python3
"""words.py PDF SOURCE.md...: every word of the Markdown sources' text is
found in the PDF's extracted text (pdftotext -raw, lines broken at a soft
hyphen joined again) at least as many times as the sources hold it.

A word cut by an invisible character (a soft hyphen left inside a
ligature, say) or lost from the text layer is then missing or counted
too few times. The PDF may hold a word more often than the sources: the
contents list and running heads repeat headings, the theme adds labels.
"""
import collections
import re
import subprocess
import sys

WORD = re.compile(r"\w+")


def markdown_text(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)          # images: their alt is /Alt
    text = re.sub(r"\[\^[^\]]+\](?!:)", " ", text)             # footnote references
    text = re.sub(r"^\[\^[^\]]+\]:", " ", text, flags=re.M)    # footnote labels
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)       # links: their text
    text = re.sub(r"^\s*\|?\s*:?-{3,}.*$", " ", text, flags=re.M)  # table rules
    return text


def pdf_text(path, vocab):
    """The PDF's words, lines that end in a soft hyphen joined to the next.

    A word broken at the foot of a page is followed there by the page's
    footnotes, not by its second half: where a join makes no word of the
    sources but a source word starts with the first half, and its second
    half starts a line further on, that word is counted once (and the
    wrong join is not made)."""
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    line_starts = set(re.findall(r"^(\w+)", raw, flags=re.M))
    parts = raw.split("\u00ad\n")
    text, credit = [parts[0]], collections.Counter()
    for part in parts[1:]:
        head = re.search(r"(\w+)$", text[-1])
        tail = re.match(r"(\w+)", part)
        if head and tail and head.group(1) + tail.group(1) not in vocab:
            x = head.group(1)
            whole = sorted(w for w in vocab if w.startswith(x) and w[len(x):] in line_starts
                           and len(w) > len(x))
            if whole:
                credit[whole[0]] += 1
                text[-1] = text[-1][:-len(x)]
                text.append("\n")
        text.append(part)
    return collections.Counter(WORD.findall("".join(text))) + credit


def main(argv):
    pdf, sources = argv[0], argv[1:]
    want = collections.Counter()
    for s in sources:
        want.update(WORD.findall(markdown_text(s)))
    got = pdf_text(pdf, set(want))
    short = {w: (n, got[w]) for w, n in want.items() if got[w] < n}
    total = sum(want.values())
    if short:
        worst = sorted(short.items(), key=lambda kv: kv[1][1] - kv[1][0])[:12]
        print("%s: %d of %d distinct words found too few times (word: source, PDF): %s"
              % (pdf, len(short), len(want),
                 ", ".join("%s: %d, %d" % (w, a, b) for w, (a, b) in worst)))
        return 1
    print("%s: all %d words (%d distinct) found" % (pdf, total, len(want)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
