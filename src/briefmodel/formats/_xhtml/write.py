"""The body of a brief written as XHTML: :class:`BodyWriter` builds it as an lxml tree
(NewsML-G2 embeds it in its own), :class:`BodyText` writes the very same XML as text,
several times faster (ninjs). Both are tables of small rules keyed by node type."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NoReturn

from lxml import etree

from ...model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Brief,
    Citation,
    Code,
    Emphasis,
    Figure,
    ItemList,
    Judgment,
    LineBreak,
    Link,
    Mention,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    TableRow,
)
from .._safe_xml import BM, XML_ID, XML_LANG, sub_text
from .names import (
    BODY_NAMESPACES,
    XHTML,
    B,
    H,
    mention_prefix,
)

__all__ = ["BodyText", "BodyWriter"]

_WS = re.compile(r"\s+")


class BodyWriter:
    """Writes the body of a brief; remembers the ids it gave mentions, by entity."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.prefix = mention_prefix(brief)
        self.mentions: dict[str, list[str]] = {}

    # -- the body ------------------------------------------------------------------

    def body(self) -> etree._Element:
        b = self.brief
        html = etree.Element(H + "html", nsmap=BODY_NAMESPACES)
        html.set("lang", b.language)
        html.set(XML_LANG, b.language)
        head = etree.SubElement(html, H + "head")
        sub_text(head, H + "title", b.headline)
        body = etree.SubElement(html, H + "body")
        for section in b.sections:
            self.section(body, section, 2)
        return html

    def section(self, parent: etree._Element, section: Section, level: int) -> None:
        element = etree.SubElement(parent, H + "section")
        if section.id is not None:
            element.set("id", section.id)
        if section.role is not None:
            element.set(B + "role", section.role)
        if section.title is not None:
            sub_text(element, H + f"h{min(level, 6)}", section.title)
        self.blocks(element, section.blocks)
        for child in section.sections:
            self.section(element, child, level + 1)

    def blocks(self, parent: etree._Element, blocks: tuple[Any, ...]) -> None:
        for block in blocks:
            _BLOCK_WRITERS[type(block)](self, parent, block)

    def paragraph(self, parent: etree._Element, block: Paragraph) -> None:
        self.rich(etree.SubElement(parent, H + "p"), block.content)

    def item_list(self, parent: etree._Element, block: ItemList) -> None:
        element = etree.SubElement(parent, H + ("ol" if block.ordered else "ul"))
        for item in block.items:
            li = etree.SubElement(element, H + "li")
            self.rich(li, item.content)
            self.blocks(li, item.blocks)

    def quote(self, parent: etree._Element, block: Quote) -> None:
        if block.attribution is not None:
            parent = etree.SubElement(parent, H + "figure", {"class": "quote"})
        element = etree.SubElement(parent, H + "blockquote")
        if block.source_ref is not None:
            element.set(B + "source", block.source_ref)
        self.rich(etree.SubElement(element, H + "p"), block.content)
        if block.attribution is not None:
            sub_text(parent, H + "figcaption", block.attribution)

    def judgment(self, parent: etree._Element, block: Judgment) -> None:
        element = etree.SubElement(parent, H + "aside", {"class": "judgment"})
        if block.confidence is not None:
            element.set(B + "confidence", block.confidence)
        if block.likelihood is not None:
            element.set(B + "likelihood", block.likelihood)
        if block.basis:
            element.set(B + "basis", " ".join(block.basis))
        self.rich(etree.SubElement(element, H + "p"), block.statement)

    def figure(self, parent: etree._Element, block: Figure) -> None:
        element = etree.SubElement(parent, H + "figure")
        etree.SubElement(element, H + "img", src=block.src, alt=block.alt)
        if block.caption:
            self.rich(etree.SubElement(element, H + "figcaption"), block.caption)
        if block.credit is not None:
            sub_text(element, H + "small", block.credit, **{"class": "credit"})

    def table(self, parent: etree._Element, block: Table) -> None:
        element = etree.SubElement(parent, H + "table")
        if block.align:
            element.set(B + "align", " ".join(block.align))
        if block.caption:
            self.rich(etree.SubElement(element, H + "caption"), block.caption)
        # XHTML 1's order: the footer before the body.
        for tag, rows in (("thead", block.head), ("tfoot", block.foot), ("tbody", block.body)):
            if rows:
                group = etree.SubElement(element, H + tag)
                for row in rows:
                    self.row(etree.SubElement(group, H + "tr"), row)

    def row(self, element: etree._Element, row: TableRow) -> None:
        for cell in row.cells:
            tag = "td" if cell.header is None else "th"
            td = etree.SubElement(element, H + tag)
            if cell.header not in (None, "auto"):
                td.set("scope", cell.header)
            if cell.colspan != 1:
                td.set("colspan", str(cell.colspan))
            if cell.rowspan != 1:
                td.set("rowspan", str(cell.rowspan))
            self.rich(td, cell.content)

    def rich(self, element: etree._Element, content: tuple[Any, ...]) -> None:
        last: etree._Element | None = None
        for node in content:
            if type(node) is str:
                if last is None:
                    element.text = node
                else:
                    last.tail = node
                continue
            last = _INLINE_WRITERS[type(node)](self, element, node)

    def emphasis(self, parent: etree._Element, node: Emphasis) -> etree._Element:
        element = etree.SubElement(parent, H + "em")
        self.rich(element, node.content)
        return element

    def strong(self, parent: etree._Element, node: Strong) -> etree._Element:
        element = etree.SubElement(parent, H + "strong")
        self.rich(element, node.content)
        return element

    def code(self, parent: etree._Element, node: Code) -> etree._Element:
        return sub_text(parent, H + "code", node.text)

    def line_break(self, parent: etree._Element, node: LineBreak) -> etree._Element:
        return etree.SubElement(parent, H + "br")

    def link(self, parent: etree._Element, node: Link) -> etree._Element:
        element = etree.SubElement(parent, H + "a", href=node.href)
        if node.title is not None:
            element.set("title", node.title)
        self.rich(element, node.content)
        return element

    def mention(self, parent: etree._Element, node: Mention) -> etree._Element:
        ids = self.mentions.setdefault(node.ref, [])
        ident = f"{self.prefix}{sum(map(len, self.mentions.values()))}"
        ids.append(ident)
        element = etree.SubElement(parent, H + "span", {XML_ID: ident})
        self.rich(element, node.content)
        return element

    def citation(self, parent: etree._Element, node: Citation) -> etree._Element:
        element = etree.SubElement(parent, H + "cite")
        element.set(B + "source", node.ref)
        return element


_BLOCK_WRITERS: dict[type, Callable[[BodyWriter, etree._Element, Any], None]] = {
    Paragraph: BodyWriter.paragraph,
    ItemList: BodyWriter.item_list,
    Quote: BodyWriter.quote,
    Judgment: BodyWriter.judgment,
    Figure: BodyWriter.figure,
    Table: BodyWriter.table,
}
_INLINE_WRITERS: dict[type, Callable[[BodyWriter, etree._Element, Any], etree._Element]] = {
    Emphasis: BodyWriter.emphasis,
    Strong: BodyWriter.strong,
    Code: BodyWriter.code,
    LineBreak: BodyWriter.line_break,
    Link: BodyWriter.link,
    Mention: BodyWriter.mention,
    Citation: BodyWriter.citation,
}
assert set(_BLOCK_WRITERS) == set(BLOCK_TYPES)
assert set(_INLINE_WRITERS) == set(INLINE_TYPES)


# -- the body as text ------------------------------------------------------------------

_ROOT = f'<html xmlns="{XHTML}" xmlns:bm="{BM}"'
#: The bytes (UTF-8) of the C0 controls XML 1.0 cannot hold (all but tab, LF and CR),
#: and the bytes that are not those.
_NOT_XML_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))
_XML_BYTES = bytes(c for c in range(256) if c not in _NOT_XML_BYTES)
_NOT_XML_MESSAGE = (
    "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
)


def _not_xml(value: str) -> bool:
    """Whether ``value`` holds a character XML 1.0 cannot: a C0 control but tab, LF and
    CR, a lone surrogate, U+FFFE or U+FFFF (what lxml refuses). One fast pass."""
    try:
        data = value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    if data.translate(None, _XML_BYTES):
        return True
    return not value.isascii() and ("\ufffe" in value or "\uffff" in value)


def _text(value: str) -> str:
    """``value`` as XML character data, escaped as libxml2 does."""
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\r", "&#13;")
        )
    return value


def _attribute(value: str) -> str:
    """``value`` as a double-quoted XML attribute value, escaped as libxml2 does."""
    if (
        "&" in value
        or "<" in value
        or ">" in value
        or '"' in value
        or "\t" in value
        or "\n" in value
        or "\r" in value
    ):
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
            .replace("\t", "&#9;")
            .replace("\n", "&#10;")
            .replace("\r", "&#13;")
        )
    return value


class BodyText:
    """Writes the body of a brief as XHTML text: the very text ``etree.tostring`` gives of
    :class:`BodyWriter`'s body (same elements, attributes and their order, namespace
    declarations, escaping), written directly, several times faster.

    With ``refs`` mention spans also carry their entity's id in ``bm:ref`` after their
    ``xml:id`` (as ninjs bodies do). A brief holding a string XML cannot hold raises
    what lxml raises: ``ValueError``, or ``UnicodeEncodeError`` (a ``ValueError``) for a
    lone surrogate.

    Ids, roles and references are identifiers and judgments' scales are words, checked
    by the model: written as they are, with nothing to escape.
    """

    def __init__(self, brief: Brief, *, refs: bool = False) -> None:
        self.brief = brief
        self.refs = refs
        self.prefix = "mention-"  # of mention ids, as BodyWriter's once the ids are known
        self.mentions: dict[str, list[str]] = {}
        self.count = 0  # mentions written
        self.clash = False  # whether a section id starts with the prefix
        self.out: list[str] = []

    def body(self) -> str:
        """The XHTML document, ``<html>`` to ``</html>``, without an XML declaration."""
        text = self.write()
        if self.count and self.clash:  # a section id took the prefix: find a free one
            self.prefix, self.mentions, self.count = mention_prefix(self.brief), {}, 0
            text = self.write()
        return text

    def write(self) -> str:
        b = self.brief
        out = self.out = []
        language = _attribute(b.language)
        out.append(f'{_ROOT} lang="{language}" xml:lang="{language}">')
        out.append(f"<head><title>{_text(b.headline)}</title></head>")
        if b.sections:
            out.append("<body>")
            for section in b.sections:
                self.section(section, 2)
            out.append("</body></html>")
        else:
            out.append("<body/></html>")
        text = "".join(out)
        if _not_xml(text):  # the markup is XML: some string of the brief is not
            self.refuse()
        return text

    def refuse(self) -> NoReturn:
        """Raise what lxml raises for this brief: the lxml body refuses the first string
        XML cannot hold, in the order it sets them (``bm:ref`` values are identifiers,
        which the model checks)."""
        BodyWriter(self.brief).body()
        raise ValueError(_NOT_XML_MESSAGE)  # pragma: no cover - lxml refused it above

    def section(self, section: Section, level: int) -> None:
        out = self.out
        tag = "<section"
        if section.id is not None:
            tag += f' id="{section.id}"'
            if section.id.startswith("mention-"):
                self.clash = True
        if section.role is not None:
            tag += f' bm:role="{section.role}"'
        if section.title is not None:
            heading = f"h{level}" if level < 6 else "h6"
            out.append(f"{tag}><{heading}>{_text(section.title)}</{heading}>")
        elif section.blocks or section.sections:
            out.append(tag + ">")
        else:
            out.append(tag + "/>")
            return
        for block in section.blocks:
            _TEXT_BLOCKS[type(block)](self, block)
        for child in section.sections:
            self.section(child, level + 1)
        out.append("</section>")

    def element(self, start: str, end: str, content: tuple[Any, ...]) -> None:
        """An element of rich ``content``: ``start`` is its start tag without the ``>``,
        ``end`` its end tag."""
        if not content:
            self.out.append(start + "/>")
        elif len(content) == 1 and type(text := content[0]) is str:  # the common case
            if "&" in text or "<" in text or ">" in text or "\r" in text:
                text = _text(text)
            self.out.append(f"{start}>{text}{end}")
        else:
            self.out.append(start + ">")
            self.rich(content)
            self.out.append(end)

    def rich(self, content: tuple[Any, ...]) -> None:
        out = self.out
        for node in content:
            if type(node) is str:
                if "&" in node or "<" in node or ">" in node or "\r" in node:
                    node = _text(node)
                out.append(node)
            else:
                _TEXT_INLINES[type(node)](self, node)

    def paragraph(self, block: Paragraph) -> None:
        self.element("<p", "</p>", block.content)

    def item_list(self, block: ItemList) -> None:
        out = self.out
        if not block.items:
            out.append("<ol/>" if block.ordered else "<ul/>")
            return
        out.append("<ol>" if block.ordered else "<ul>")
        for item in block.items:
            if not item.blocks:
                self.element("<li", "</li>", item.content)
                continue
            out.append("<li>")
            self.rich(item.content)
            for child in item.blocks:
                _TEXT_BLOCKS[type(child)](self, child)
            out.append("</li>")
        out.append("</ol>" if block.ordered else "</ul>")

    def quote(self, block: Quote) -> None:
        out = self.out
        if block.attribution is not None:
            out.append('<figure class="quote">')
        if block.source_ref is not None:
            out.append(f'<blockquote bm:source="{block.source_ref}">')
        else:
            out.append("<blockquote>")
        self.element("<p", "</p>", block.content)
        out.append("</blockquote>")
        if block.attribution is not None:
            out.append(f"<figcaption>{_text(block.attribution)}</figcaption></figure>")

    def judgment(self, block: Judgment) -> None:
        tag = '<aside class="judgment"'
        if block.confidence is not None:
            tag += f' bm:confidence="{block.confidence}"'
        if block.likelihood is not None:
            tag += f' bm:likelihood="{block.likelihood}"'
        if block.basis:
            tag += f' bm:basis="{" ".join(block.basis)}"'
        self.out.append(tag + ">")
        self.element("<p", "</p>", block.statement)
        self.out.append("</aside>")

    def figure(self, block: Figure) -> None:
        out = self.out
        out.append(f'<figure><img src="{_attribute(block.src)}" alt="{_attribute(block.alt)}"/>')
        if block.caption:
            self.element("<figcaption", "</figcaption>", block.caption)
        if block.credit is not None:
            out.append(f'<small class="credit">{_text(block.credit)}</small>')
        out.append("</figure>")

    def table(self, block: Table) -> None:
        out = self.out
        start = f'<table bm:align="{" ".join(block.align)}"' if block.align else "<table"
        if not (block.caption or block.head or block.body or block.foot):
            out.append(start + "/>")
            return
        out.append(start + ">")
        if block.caption:
            self.element("<caption", "</caption>", block.caption)
        for tag, rows in (("thead", block.head), ("tfoot", block.foot), ("tbody", block.body)):
            if not rows:
                continue
            out.append(f"<{tag}>")
            for row in rows:
                if not row.cells:
                    out.append("<tr/>")
                    continue
                out.append("<tr>")
                for cell in row.cells:
                    name = "td" if cell.header is None else "th"
                    start = f"<{name}"
                    if cell.header not in (None, "auto"):
                        start += f' scope="{cell.header}"'
                    if cell.colspan != 1:
                        start += f' colspan="{cell.colspan}"'
                    if cell.rowspan != 1:
                        start += f' rowspan="{cell.rowspan}"'
                    self.element(start, f"</{name}>", cell.content)
                out.append("</tr>")
            out.append(f"</{tag}>")
        out.append("</table>")

    def emphasis(self, node: Emphasis) -> None:
        self.element("<em", "</em>", node.content)

    def strong(self, node: Strong) -> None:
        self.element("<strong", "</strong>", node.content)

    def code(self, node: Code) -> None:
        self.out.append(f"<code>{_text(node.text)}</code>")

    def line_break(self, node: LineBreak) -> None:
        self.out.append("<br/>")

    def link(self, node: Link) -> None:
        start = f'<a href="{_attribute(node.href)}"'
        if node.title is not None:
            start += f' title="{_attribute(node.title)}"'
        self.element(start, "</a>", node.content)

    def mention(self, node: Mention) -> None:
        ident = f"{self.prefix}{self.count}"
        self.count += 1
        self.mentions.setdefault(node.ref, []).append(ident)
        start = f'<span xml:id="{ident}"'
        if self.refs:
            start += f' bm:ref="{node.ref}"'
        self.element(start, "</span>", node.content)

    def citation(self, node: Citation) -> None:
        self.out.append(f'<cite bm:source="{node.ref}"/>')


_TEXT_BLOCKS: dict[type, Callable[[BodyText, Any], None]] = {
    Paragraph: BodyText.paragraph,
    ItemList: BodyText.item_list,
    Quote: BodyText.quote,
    Judgment: BodyText.judgment,
    Figure: BodyText.figure,
    Table: BodyText.table,
}
_TEXT_INLINES: dict[type, Callable[[BodyText, Any], None]] = {
    Emphasis: BodyText.emphasis,
    Strong: BodyText.strong,
    Code: BodyText.code,
    LineBreak: BodyText.line_break,
    Link: BodyText.link,
    Mention: BodyText.mention,
    Citation: BodyText.citation,
}
assert set(_TEXT_BLOCKS) == set(BLOCK_TYPES)
assert set(_TEXT_INLINES) == set(INLINE_TYPES)
