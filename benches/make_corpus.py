#!/usr/bin/env python3
"""Build an N-times corpus from tests/corpus for benchmarks (issue 13: a big input anyone
can regenerate).

    python3 benches/make_corpus.py N OUT_DIR      # e.g. 5 /tmp/corpus-5x

OUT_DIR gets docs/copy1 .. docs/copyN and a docs2rs.toml (one API, `purecloud`, reading
all of docs/, output into OUT_DIR/generated). Copy 1 is tests/corpus as it is; copy k > 1
renames everything that would otherwise merge with copy 1: models and API groups get a
`CopyK` prefix (`User` -> `Copy2User`, `UsersApi` -> `Copy2UsersApi`), operations a `copyK_`
word after the verb (`get_users` -> `get_copy2_users`) and paths a segment
(`/api/v2/users` -> `/api/v2/copy2/users`). The config's wire-name overrides are repeated
for every copy. tests/corpus's swagger.json is copied too (it describes copy 1).
"""

import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests/corpus"
DOCS = CORPUS / "purecloud-ruby-v29/docs"
VERBS = ("get", "post", "put", "patch", "delete", "head", "options")


def names():
    """Model and API group names (page stems) and operation names (anchors)."""
    stems = {p.stem for p in DOCS.glob("*.md") if p.stem != "index"}
    ops = set()
    for page in DOCS.glob("*Api.md"):
        ops.update(re.findall(r'<a name="([a-z0-9_]+)"', page.read_text(encoding="utf-8")))
    return stems, ops


def renamer(k, stems, ops):
    """Text of copy 1 -> text of copy k."""
    prefix = f"Copy{k}"

    def pascal(m):
        word = m.group(0)
        return prefix + word if word in stems else word

    def snake(m):
        word = m.group(0)
        if word in ops:
            verb, rest = word.split("_", 1)
            return f"{verb}_copy{k}_{rest}"
        return word

    def rename(text):
        text = re.sub(r"\b[A-Z][A-Za-z0-9]*\b", pascal, text)
        text = re.sub(r"\b(?:%s)_[a-z0-9_]+\b" % "|".join(VERBS), snake, text)
        return text.replace("/api/v2/", f"/api/v2/copy{k}/")

    return rename


def config(n, stems, ops):
    """tests/corpus/docs2rs.toml for docs/, with the wire names of every copy."""
    text = (CORPUS / "docs2rs.toml").read_text(encoding="utf-8")
    head, wire = text.split("[api.wire_names]\n", 1)
    head = head.replace('inputs = ["purecloud-ruby-v29/docs"]', 'inputs = ["docs"]')
    head = head.replace('dir = "generated/src"   # not committed (.gitignore)', 'dir = "generated"')
    head = f"# {n}x tests/corpus, built by benches/make_corpus.py.\n" + head
    lines = [line for line in wire.splitlines() if line.startswith('"')]
    out = [head, "[api.wire_names]\n"]
    for k in range(1, n + 1):
        rename = renamer(k, stems, ops) if k > 1 else (lambda s: s)
        for line in lines:
            key, value = line.split(" = ", 1)
            owner, field = key.strip('"').split(".", 1)
            out.append(f'"{rename(owner)}.{field}" = {value}\n')
    return "".join(out)


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), Path(sys.argv[2]).resolve()
    if REPO in out.parents or out == REPO:
        sys.exit("OUT_DIR must be outside the repository")
    stems, ops = names()
    shutil.rmtree(out / "docs", ignore_errors=True)
    for k in range(1, n + 1):
        dest = out / "docs" / f"copy{k}"
        dest.mkdir(parents=True)
        rename = renamer(k, stems, ops) if k > 1 else (lambda s: s)
        for page in sorted(DOCS.iterdir()):
            name = page.name if k == 1 or page.stem == "index" else rename(page.stem) + page.suffix
            (dest / name).write_text(rename(page.read_text(encoding="utf-8")), encoding="utf-8")
    (out / "docs2rs.toml").write_text(config(n, stems, ops), encoding="utf-8")
    shutil.copy(CORPUS / "purecloud-ruby-v29/swagger.json", out / "swagger.json")
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    print(f"{out}: {pages} pages ({n}x tests/corpus), docs2rs.toml, swagger.json")


if __name__ == "__main__":
    main()
