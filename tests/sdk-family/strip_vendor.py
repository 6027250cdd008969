#!/usr/bin/env python3
"""Replace the bodies of third-party <script>/<style> blocks that openapi-generator's html2
page inlines (jQuery, Bootstrap, marked, prettify, json-schema-ref-parser, JSON schema
view, webfont loader, the big stylesheet) with a one-line marker, in place.

Blocks that carry API content stay untouched: the `defs[...]` models script, the
`schemaWrapper` request/response schema scripts, and the small page scripts."""
import re
import sys

LIMIT = 8000  # page scripts written by the template are all far smaller than this


def keep(body: str) -> bool:
    return len(body) < LIMIT or "defs[" in body or "schemaWrapper" in body


def label(body: str) -> str:
    head = body.strip().splitlines()[0] if body.strip() else ""
    m = re.search(r"/\*!?\s*(.{0,60})", head)
    text = (m.group(1) if m else head[:60]).replace("*/", "").strip()
    return re.sub(r"[^\w .,:@()/-]", "", text)


def strip(html: str) -> str:
    def repl(m):
        tag, attrs, body = m.group(1), m.group(2), m.group(3)
        if keep(body):
            return m.group(0)
        if tag == "script":
            marker = f"/* third-party library removed by strip_vendor.py ({len(body)} bytes): {label(body)} */"
        else:
            marker = f"/* stylesheet removed by strip_vendor.py ({len(body)} bytes) */"
        return f"<{tag}{attrs}>\n{marker}\n</{tag}>"

    return re.sub(r"<(script|style)([^>]*)>(.*?)</\1>", repl, html, flags=re.S)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(strip(text))
