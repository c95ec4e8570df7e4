#!/usr/bin/python3
"""pathops.py PDF: the number of path construction operators (m l c v y h
re) in the PDF's page contents and form XObjects, that is, what draws
shapes (fonts and images are not counted). Streams are read decoded
through qpdf --json."""
import base64
import json
import re
import subprocess
import sys

OPS = {b"m", b"l", b"c", b"v", b"y", b"h", b"re"}


def main():
    j = json.loads(subprocess.run(
        ["qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized",
         sys.argv[1]], check=True, capture_output=True, text=True).stdout)
    objs = j["qpdf"][1]
    contents = set()
    for v in objs.values():
        d = v.get("value") if isinstance(v, dict) else None
        if isinstance(d, dict) and d.get("/Type") == "/Page":
            c = d.get("/Contents")
            contents.update(c if isinstance(c, list) else [c])
    n = 0
    for k, v in objs.items():
        s = v.get("stream") if isinstance(v, dict) else None
        if not s or "data" not in s:
            continue
        d = s.get("dict", {})
        ref = k[len("obj:"):]
        if ref not in contents and d.get("/Subtype") != "/Form":
            continue
        data = base64.b64decode(s["data"])
        # strings and inline text are not operators
        data = re.sub(rb"\((?:\\.|[^\\)])*\)", b"()", data)
        n += sum(1 for t in data.split() if t in OPS)
    print(n)


if __name__ == "__main__":
    main()
