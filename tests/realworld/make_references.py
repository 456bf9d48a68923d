"""Regenerate the reference texts of the non-HTML documents of the real-world corpus.

Each document ``<folder>/<name>.<ext>`` of ``newsml/``, ``ninjs/``, ``markdown/`` and
``text/`` gets ``<folder>/<name>.ref.txt``: its body text, taken mechanically from the
document itself, without briefmodel (the HTML pages' references are their datasets' gold
texts, copied as found; see SOURCES.md):

* NewsML-G2: the text of every ``contentSet/inlineXML`` (its ``body`` when it holds one,
  XHTML or NITF), one line per block element;
* ninjs: ``body_text``, else ``body_html`` / ``body_xhtml`` (or TT's ``body_html5``)
  stripped of tags; for ninjs 2 and 3 the ``bodies`` entry in ``text/plain``, else the
  first one stripped of tags; an AP Media API response is read at ``data.item``, with the
  ``body_html`` of its ``nitf`` (when it carries one) stripped of tags; an item with no
  body has an empty reference;
* Markdown: the body after the front matter (YAML ``---``, TOML ``+++`` or Pelican's
  ``Key: value`` header lines), with link targets, images, emphasis, heading and list
  marks, HTML tags and Hugo shortcodes removed;
* plain text: the story, decoded as UTF-8 (Latin-1 when it is not), from the line that
  holds the manifest's headline to the end-of-text character (ETX, U+0003) of wire copy or
  the end of the file, without control characters: the transmission envelope before the
  headline (``ZCZC``, routing and selector lines, slugs) and the trailer after ETX are
  not story text.

Usage: ``python tests/realworld/make_references.py [CORPUS_DIR]`` (default: this folder).
Only the standard library is used.
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "div",
    "hl1",
    "hl2",
    "br",
    "pre",
    "blockquote",
    "table",
    "ul",
    "ol",
    "dt",
    "dd",
    "caption",
    "block",
}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _element_text(element: ET.Element) -> str:
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        block = _local(node.tag) in BLOCKS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(element)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def strip_tags(markup: str) -> str:
    """Text of an HTML or XML fragment: block tags become line breaks, entities decoded."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?i)</?(" + "|".join(sorted(BLOCKS)) + r")\b[^>]*>", "\n", markup)
    return _tidy(html.unescape(re.sub(r"<[^>]*>", "", markup)))


def newsml_text(raw: bytes) -> str:
    root = ET.fromstring(raw)
    texts = []
    for inline in root.iter(NAR + "inlineXML"):
        bodies = [e for e in inline.iter() if _local(e.tag) == "body"]
        for part in bodies[:1] or [inline]:
            texts.append(_element_text(part))
    return "".join(texts)


def _get(item: dict[str, Any], key: str) -> Any:
    for k, v in item.items():
        if k.lower() == key:
            return v
    return None


def ninjs_text(raw: bytes) -> str:
    doc = json.loads(raw)
    item = doc
    extra = ""
    if isinstance(doc.get("data"), dict) and isinstance(doc["data"].get("item"), dict):
        item = doc["data"]["item"]
        nitf = doc.get("nitf")
        if isinstance(nitf, dict) and isinstance(nitf.get("body_html"), str):
            extra = strip_tags(nitf["body_html"])
        elif isinstance(nitf, str):
            extra = strip_tags(nitf)
    if isinstance(_get(item, "body_text"), str):
        return _tidy(_get(item, "body_text")) + extra
    for key in ("body_html", "body_xhtml", "body_html5"):
        if isinstance(_get(item, key), str):
            return strip_tags(_get(item, key)) + extra
    bodies = _get(item, "bodies")
    if isinstance(bodies, list) and bodies:
        plain = [b for b in bodies if "plain" in str(_get(b, "contenttype") or "")]
        if plain:
            return _tidy(str(_get(plain[0], "value"))) + extra
        return strip_tags(str(_get(bodies[0], "value"))) + extra
    return extra


def markdown_body(text: str) -> str:
    text = text.lstrip("\ufeff")
    if text.startswith(("---", "+++")):
        fence = text[:3]
        end = text.find("\n" + fence, 3)
        text = text[end + 4 :] if end >= 0 else text
    else:
        lines = text.splitlines(keepends=True)
        i = 0
        while i < len(lines) and re.match(r"^[A-Za-z][\w-]*:\s|^\s{4}\S", lines[i]):
            i += 1
        text = "".join(lines[i:])
    return text


def markdown_text(raw: bytes) -> str:
    text = markdown_body(raw.decode("utf-8"))
    text = re.sub(r"\{\{[<%].*?[>%]\}\}", " ", text, flags=re.S)  # Hugo shortcodes
    text = re.sub(r"\{%.*?%\}", " ", text, flags=re.S)  # Liquid tags
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images: their alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links: their text
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # reference links
    text = re.sub(r"(?m)^\s*\[[^\]]+\]:\s*\S+.*$", "", text)  # link definitions
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(?m)^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+", "", text)
    text = re.sub(r"(?m)^\s*(```|~~~).*$", "", text)
    text = re.sub(r"(?m)^\s*([-*_]\s*){3,}$", "", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return _tidy(html.unescape(text))


def plain_text(raw: bytes, headline: str = "") -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = " ".join(headline.split())[:30]
    for i, line in enumerate(lines):
        if start and start in " ".join(CONTROL.sub(" ", line).split()):
            text = "\n".join(lines[i:])
            break
    text = text.split("\x03", 1)[0]
    return _tidy(CONTROL.sub(" ", text))


READERS = {
    "newsml": newsml_text,
    "ninjs": ninjs_text,
    "markdown": markdown_text,
    "text": plain_text,
}


def reference_path(document: Path) -> Path:
    return document.with_name(document.name.rsplit(".", 1)[0] + ".ref.txt")


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent
    manifest = json.loads((Path(__file__).resolve().parent / "manifest.json").read_text("utf-8"))
    made = 0
    for entry in manifest:
        if entry["format"] not in READERS:
            continue
        document = root / entry["path"]
        target = root / entry["text"]
        raw = document.read_bytes()
        if entry["format"] == "text":
            reference = plain_text(raw, entry["headline"])
        else:
            reference = READERS[entry["format"]](raw)
        target.write_text(reference, encoding="utf-8")
        made += 1
    print(f"{made} reference texts written under {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
