#!/usr/bin/python3
"""flyer_order.py [--raw] CONTENT FLYER.pdf...: a flyer's two columns read in
order. The flyer prints the first, third and last sections of its
system's page in two columns; in the text pdftotext takes from it (no
-layout), each section's heading comes after everything of the section
before it, its first words follow the heading, and its last words come
before the next heading. --raw: pdftotext -raw (the order of the
content, which is the order of the structure tree).
"""
import re
import subprocess
import sys

WORD = re.compile(r"\w+")


def sections(md):
    body = md.split("\n---\n", 1)[1] if md.startswith("---\n") else md
    out, cur = [], None
    for line in body.splitlines():
        m = re.match(r"^## +(.*)$", line)
        if m:
            cur = [m.group(1), []]
            out.append(cur)
        elif cur is not None and line.strip() and not line.startswith(("|", "!", "#", "[^")):
            text = re.sub(r"\[\^[^\]]+\]", "", line)
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            cur[1].append(re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text))
    return out


def letters(s):
    """Only the word characters: scripts without spaces (Chinese) and lines
    broken anywhere compare alike."""
    return "".join(WORD.findall(s))


def main(argv):
    raw = "--raw" in argv
    argv = [a for a in argv if a != "--raw"]
    content, pdfs = argv[0], argv[1:]
    bad = 0
    for pdf in pdfs:
        lang = pdf.split("/")[-2]
        slug = re.sub(r"^flyer-|\.pdf$", "", pdf.split("/")[-1])
        md = open("%s/systems/%s/index.%s.md" % (content, slug, lang), encoding="utf-8").read()
        secs = sections(md)
        if len(secs) < 3:
            continue
        chosen = [secs[0], secs[2], secs[-1]]
        cmd = ["pdftotext"] + (["-raw"] if raw else []) + ["-enc", "UTF-8", pdf, "-"]
        text = subprocess.run(cmd, check=True, capture_output=True).stdout.decode("utf-8")
        hay = letters(text.replace("\u00ad\n", ""))
        at, ok = 0, True
        for head, paras in chosen:
            first = letters(paras[0])[:12] if paras else ""
            last = letters(paras[-1])[-12:] if paras else ""
            for what, w in (("heading", letters(head)), ("first words", first),
                            ("last words", last)):
                i = hay.find(w, at) if w else at
                if i < 0:
                    print("%s: %s %r of section %r not found after the section before"
                          % (pdf, what, w, head))
                    ok = False
                    break
                at = i + len(w)
            if not ok:
                break
        if ok:
            print("%s: %d sections in order" % (pdf, len(chosen)))
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
