"""The body of a brief as XHTML, written and read.

The writer and the reader are tables of small rules keyed by node type (writing) and
element name (reading), and symmetric: sections become ``section`` elements with their
headings, blocks ``p``, ``ul``/``ol``, ``blockquote``, ``aside class="judgment"`` and
``figure``, inline nodes ``em``, ``strong``, ``code``, ``br``, ``a``, ``span`` (a
mention) and ``cite`` (a citation). What XHTML has no attribute for (a section's role, a
judgment's confidence…) is written in briefmodel's namespace ``BM``.

The reader also reads other producers' XHTML and NITF bodies: headings start sections,
``div`` and the like are opened in place, and markup the model has no node for is a
loss whose text is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from .._patterns import NODE_ID
from ..model import (
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
    ListItem,
    Mention,
    Paragraph,
    Quote,
    Section,
    Strong,
)
from ._xml import BM, XML_ID, XML_LANG, Reading, all_text, local_name, lost_text, sub_text

__all__ = ["BLOCK_CONTAINERS", "NITF", "XHTML", "BodyReader", "BodyWriter"]

#: The XHTML namespace.
XHTML = "http://www.w3.org/1999/xhtml"
#: The NITF namespace, of other producers' bodies.
NITF = "http://iptc.org/std/NITF/2006-10-18/"

_H = "{" + XHTML + "}"
_B = "{" + BM + "}"
_BODY_NAMESPACES: Any = {None: XHTML, "bm": BM}

_WS = re.compile(r"\s+")
_ID = NODE_ID.regex  # section, entity and source ids
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl2"})
#: Body elements whose children are read as blocks in their place.
_TRANSPARENT = frozenset(
    {"div", "article", "main", "header", "body", "body.content", "block", "hgroup", "center"}
)

#: XHTML elements whose children are blocks only: white space between them is layout.
BLOCK_CONTAINERS = frozenset(
    _H + tag
    for tag in ("html", "head", "body", "section", "ul", "ol", "figure", "blockquote", "aside")
)


class BodyWriter:
    """Writes the body of a brief; remembers the ids it gave mentions, by entity."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        taken = {s.id for s in brief.all_sections() if s.id}
        prefix = "mention-"
        while any(t.startswith(prefix) for t in taken):
            prefix = "_" + prefix
        self.prefix = prefix
        self.mentions: dict[str, list[str]] = {}

    # -- the body ------------------------------------------------------------------

    def body(self) -> etree._Element:
        b = self.brief
        html = etree.Element(_H + "html", nsmap=_BODY_NAMESPACES)
        html.set("lang", b.language)
        html.set(XML_LANG, b.language)
        head = etree.SubElement(html, _H + "head")
        sub_text(head, _H + "title", b.headline)
        body = etree.SubElement(html, _H + "body")
        for section in b.sections:
            self.section(body, section, 2)
        return html

    def section(self, parent: etree._Element, section: Section, level: int) -> None:
        element = etree.SubElement(parent, _H + "section")
        if section.id is not None:
            element.set("id", section.id)
        if section.role is not None:
            element.set(_B + "role", section.role)
        if section.title is not None:
            sub_text(element, _H + f"h{min(level, 6)}", section.title)
        self.blocks(element, section.blocks)
        for child in section.sections:
            self.section(element, child, level + 1)

    def blocks(self, parent: etree._Element, blocks: tuple[Any, ...]) -> None:
        for block in blocks:
            _BLOCK_WRITERS[type(block)](self, parent, block)

    def paragraph(self, parent: etree._Element, block: Paragraph) -> None:
        self.rich(etree.SubElement(parent, _H + "p"), block.content)

    def item_list(self, parent: etree._Element, block: ItemList) -> None:
        element = etree.SubElement(parent, _H + ("ol" if block.ordered else "ul"))
        for item in block.items:
            li = etree.SubElement(element, _H + "li")
            self.rich(li, item.content)
            self.blocks(li, item.blocks)

    def quote(self, parent: etree._Element, block: Quote) -> None:
        if block.attribution is not None:
            parent = etree.SubElement(parent, _H + "figure", {"class": "quote"})
        element = etree.SubElement(parent, _H + "blockquote")
        if block.source_ref is not None:
            element.set(_B + "source", block.source_ref)
        self.rich(etree.SubElement(element, _H + "p"), block.content)
        if block.attribution is not None:
            sub_text(parent, _H + "figcaption", block.attribution)

    def judgment(self, parent: etree._Element, block: Judgment) -> None:
        element = etree.SubElement(parent, _H + "aside", {"class": "judgment"})
        if block.confidence is not None:
            element.set(_B + "confidence", block.confidence)
        if block.likelihood is not None:
            element.set(_B + "likelihood", block.likelihood)
        if block.basis:
            element.set(_B + "basis", " ".join(block.basis))
        self.rich(etree.SubElement(element, _H + "p"), block.statement)

    def figure(self, parent: etree._Element, block: Figure) -> None:
        element = etree.SubElement(parent, _H + "figure")
        etree.SubElement(element, _H + "img", src=block.src, alt=block.alt)
        if block.caption:
            self.rich(etree.SubElement(element, _H + "figcaption"), block.caption)
        if block.credit is not None:
            sub_text(element, _H + "small", block.credit, **{"class": "credit"})

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
        element = etree.SubElement(parent, _H + "em")
        self.rich(element, node.content)
        return element

    def strong(self, parent: etree._Element, node: Strong) -> etree._Element:
        element = etree.SubElement(parent, _H + "strong")
        self.rich(element, node.content)
        return element

    def code(self, parent: etree._Element, node: Code) -> etree._Element:
        return sub_text(parent, _H + "code", node.text)

    def line_break(self, parent: etree._Element, node: LineBreak) -> etree._Element:
        return etree.SubElement(parent, _H + "br")

    def link(self, parent: etree._Element, node: Link) -> etree._Element:
        element = etree.SubElement(parent, _H + "a", href=node.href)
        if node.title is not None:
            element.set("title", node.title)
        self.rich(element, node.content)
        return element

    def mention(self, parent: etree._Element, node: Mention) -> etree._Element:
        ids = self.mentions.setdefault(node.ref, [])
        ident = f"{self.prefix}{sum(map(len, self.mentions.values()))}"
        ids.append(ident)
        element = etree.SubElement(parent, _H + "span", {XML_ID: ident})
        self.rich(element, node.content)
        return element

    def citation(self, parent: etree._Element, node: Citation) -> etree._Element:
        element = etree.SubElement(parent, _H + "cite")
        element.set(_B + "source", node.ref)
        return element


_BLOCK_WRITERS: dict[type, Callable[[BodyWriter, etree._Element, Any], None]] = {
    Paragraph: BodyWriter.paragraph,
    ItemList: BodyWriter.item_list,
    Quote: BodyWriter.quote,
    Judgment: BodyWriter.judgment,
    Figure: BodyWriter.figure,
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


class BodyReader(Reading):
    """Reads a body into sections; ``mentions`` maps the ids of mention spans to entity
    ids, and ``headline`` is the brief's (a first heading repeating it is no title)."""

    def __init__(self, root: etree._Element, *, strict: bool, own: bool) -> None:
        super().__init__(root, strict=strict, own=own)
        self.mentions: dict[str, str] = {}
        self.headline: str | None = None

    def xml_body(self, element: etree._Element) -> list[Section]:
        local = local_name(element.tag)
        if local == "html":
            found = element.find(_H + "body")
            if found is None:
                found = next((c for c in element if local_name(c.tag) == "body"), None)
            if found is None:
                return []
            element = found
        elif local == "nitf":
            head = element.find(f"{{{NITF}}}body/{{{NITF}}}body.head")
            if head is not None:
                for part in head:
                    if local_name(part.tag) != "hedline":
                        self.lose(
                            part, f"the NITF <{local_name(part.tag)}>{lost_text(part)}", keep=False
                        )
            for end in element.iterfind(f"{{{NITF}}}body/{{{NITF}}}body.end"):
                self.lose(end, f"the NITF <body.end>{lost_text(end)}", keep=False)
            found = element.find(f"{{{NITF}}}body/{{{NITF}}}body.content")
            if found is None:
                return []
            element = found
        return self.section_children(element)

    def section_children(self, element: etree._Element) -> list[Section]:
        """Sections of a body: <section> elements, and headings that start sections."""
        return self.group(list(self.children(element)))

    def group(self, parts: list[tuple[str, Any]]) -> list[Section]:
        sections: list[Section] = []
        title: str | None = None
        blocks: list[Any] = []
        started = False
        for kind, child in [*parts, ("end", None)]:
            if kind == "block":
                blocks.append(child)
                continue
            if started or blocks:
                sections.append(Section(title=title, blocks=blocks))
            title, blocks, started = None, [], False
            if kind == "section":
                sections.append(self.section(child))
            elif kind == "heading":
                title, started = self.text(child) or None, True
                if not sections and title == self.headline:
                    title, started = None, False  # the headline repeated atop the body
        return sections

    def children(self, element: etree._Element) -> Iterator[tuple[str, Any]]:
        """The structure under a body element: ("section"|"heading", element) or
        ("block", block), with transparent containers opened in place."""
        if element.text and element.text.strip():
            yield "block", Paragraph(content=self.clean(element.text))
        for child in element:
            local = local_name(child.tag)
            if local == "section":
                yield "section", child
            elif local in _HEADINGS:
                yield "heading", child
            elif local in _TRANSPARENT:
                yield from self.children(child)
            else:
                block = self.block(child)
                if block is not None:
                    yield "block", block
            if child.tail and child.tail.strip():
                yield "block", Paragraph(content=self.clean(child.tail))

    def section(self, element: etree._Element) -> Section:
        parts = list(self.children(element))
        title: str | None = None
        if parts and parts[0][0] == "heading":
            title = self.text(parts.pop(0)[1])
        blocks: list[Any] = []
        while parts and parts[0][0] == "block":
            blocks.append(parts.pop(0)[1])
        ident = element.get("id")
        if ident is not None and not _ID.match(ident):
            self.lose(element, f"the section id {ident!r}", keep=False)
            ident = None
        section = self.build(
            element,
            Section,
            id=ident,
            title=title,
            role=element.get(_B + "role"),
            blocks=blocks,
            sections=self.group(parts),
        )
        return section if section is not None else Section()

    def block(self, element: etree._Element) -> Any:
        local = local_name(element.tag)
        reader = _BLOCK_READERS.get(local)
        if reader is None:
            self.lose(element, f"the body's <{local}>{lost_text(element)}", keep=False)
            return None
        return reader(self, element)

    def paragraph(self, element: etree._Element) -> Any:
        return self.build(element, Paragraph, content=self.rich(element))

    def item_list(self, element: etree._Element) -> Any:
        items: list[ListItem] = []
        for child in element:
            if local_name(child.tag) != "li":
                self.lose(child, f"<{local_name(child.tag)}> in a list", keep=False)
                continue
            if not len(child) and self.own:
                items.append(ListItem(content=child.text or ()))
                continue
            content: list[Any] = []
            blocks: list[Any] = []
            self.inline_into(child, content, stop_at_blocks=blocks)
            item = self.build(child, ListItem, content=self.tidy(content), blocks=blocks)
            if item is not None:
                items.append(item)
        return self.build(element, ItemList, items=items, ordered=local_name(element.tag) == "ol")

    def quote(self, element: etree._Element, attribution: str | None = None) -> Any:
        paragraphs = [c for c in element if local_name(c.tag) == "p"]
        content: list[Any] = []
        if len(paragraphs) == len(element) and not (element.text or "").strip():
            for index, p in enumerate(paragraphs):
                if index:
                    content.append(LineBreak())
                content.extend(self.rich(p))
        else:
            content = list(self.rich(element))
        source = element.get(_B + "source")
        return self.build(
            element, Quote, content=content, attribution=attribution, source_ref=source
        )

    def judgment(self, element: etree._Element) -> Any:
        if element.get("class") != "judgment":
            return self.generic_container(element)
        p = element.find(_H + "p")
        statement = self.rich(p) if p is not None else ()
        return self.build(
            element,
            Judgment,
            statement=statement,
            confidence=element.get(_B + "confidence"),
            likelihood=element.get(_B + "likelihood"),
            basis=(element.get(_B + "basis") or "").split(),
        )

    def generic_container(self, element: etree._Element) -> Any:
        self.lose(
            element, f"the body's <{local_name(element.tag)}>{lost_text(element)}", keep=False
        )
        return None

    def figure(self, element: etree._Element) -> Any:
        quote = next((c for c in element if local_name(c.tag) == "blockquote"), None)
        caption = next((c for c in element if local_name(c.tag) == "figcaption"), None)
        if quote is not None:
            attribution = self.text(caption) if caption is not None else None
            return self.quote(quote, attribution or None)
        image = next((c for c in element if local_name(c.tag) == "img"), None)
        if image is None:
            return self.generic_container(element)
        credit = next(
            (c for c in element if local_name(c.tag) == "small" and c.get("class") == "credit"),
            None,
        )
        for child in element:
            if child not in (image, caption, credit):
                self.lose(child, f"<{local_name(child.tag)}> in a figure", keep=False)
        return self.image(
            image,
            caption=self.rich(caption) if caption is not None else (),
            credit=self.text(credit) if credit is not None else None,
        )

    def image(self, element: etree._Element, caption: Any = (), credit: str | None = None) -> Any:
        if not element.get("alt") or not element.get("src"):
            self.lose(element, "an image without src or alternative text", keep=False)
            return None
        return self.build(
            element,
            Figure,
            src=element.get("src"),
            alt=element.get("alt"),
            caption=caption,
            credit=credit,
        )

    # -- rich text -------------------------------------------------------------------

    def rich(self, element: etree._Element) -> tuple[Any, ...]:
        if not len(element) and self.own:
            text = element.text
            return (text,) if text else ()
        content: list[Any] = []
        self.inline_into(element, content)
        return self.tidy(content)

    def tidy(self, content: list[Any]) -> tuple[Any, ...]:
        if self.own:
            return tuple(content)
        # Other producers' white space is layout: runs collapse, edges are trimmed.
        out: list[Any] = []
        for node in content:
            out.append(_WS.sub(" ", node) if type(node) is str else node)
        if out and type(out[0]) is str:
            out[0] = out[0].lstrip()
        if out and type(out[-1]) is str:
            out[-1] = out[-1].rstrip()
        return tuple(n for n in out if n != "")

    def inline_into(
        self, element: etree._Element, out: list[Any], stop_at_blocks: list[Any] | None = None
    ) -> None:
        if element.text:
            out.append(element.text)
        in_blocks = False
        for child in element:
            local = local_name(child.tag)
            if stop_at_blocks is not None and (in_blocks or local in _BLOCK_READERS):
                in_blocks = True
                block = self.block(child)
                if block is not None:
                    stop_at_blocks.append(block)
                if child.tail and child.tail.strip():
                    stop_at_blocks.append(Paragraph(content=self.clean(child.tail)))
                continue
            reader = _INLINE_READERS.get(local)
            if reader is None:
                self.lose(child, f"the markup <{local}> (its text is kept)", keep=False)
                self.inline_into(child, out)
            else:
                node = reader(self, child)
                if type(node) is _Flat:
                    out.extend(node)
                elif node is not None:
                    out.append(node)
            if child.tail:
                out.append(child.tail)

    def inner(self, element: etree._Element) -> list[Any]:
        content: list[Any] = []
        self.inline_into(element, content)
        if not self.own:  # other producers' line breaks and indentation are layout
            content = [_WS.sub(" ", n) if type(n) is str else n for n in content]
        return content

    def em(self, element: etree._Element) -> Any:
        return self.build(element, Emphasis, content=self.inner(element))

    def strong(self, element: etree._Element) -> Any:
        return self.build(element, Strong, content=self.inner(element))

    def code(self, element: etree._Element) -> Any:
        text = all_text(element)
        return self.build(element, Code, text=text) if text else None

    def br(self, element: etree._Element) -> Any:
        return LineBreak()

    def a(self, element: etree._Element) -> Any:
        href = element.get("href")
        if not href:
            return _Flat(self.inner(element))
        return self.build(
            element, Link, href=href, title=element.get("title"), content=self.inner(element)
        )

    def span(self, element: etree._Element) -> Any:
        ref = self.mentions.get(element.get(XML_ID) or element.get("id") or "")
        if ref is None:
            return _Flat(self.inner(element))
        return self.build(element, Mention, ref=ref, content=self.inner(element))

    def cite(self, element: etree._Element) -> Any:
        ref = element.get(_B + "source")
        if ref is None:
            return _Flat(self.inner(element))
        return self.build(element, Citation, ref=ref)


class _Flat(list[Any]):
    """Inline content whose own markup means nothing to the model: spliced in place."""


_BLOCK_READERS: dict[str, Callable[[BodyReader, etree._Element], Any]] = {
    "p": BodyReader.paragraph,
    "ul": BodyReader.item_list,
    "ol": BodyReader.item_list,
    "blockquote": BodyReader.quote,
    "aside": BodyReader.judgment,
    "figure": BodyReader.figure,
    "img": BodyReader.image,
}
_INLINE_READERS: dict[str, Callable[[BodyReader, etree._Element], Any]] = {
    "em": BodyReader.em,
    "i": BodyReader.em,
    "strong": BodyReader.strong,
    "b": BodyReader.strong,
    "code": BodyReader.code,
    "br": BodyReader.br,
    "a": BodyReader.a,
    "span": BodyReader.span,
    "cite": BodyReader.cite,
}
