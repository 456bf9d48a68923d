"""The body of a brief as XHTML, written and read.

The writer and the reader are tables of small rules keyed by node type (writing) and
element name (reading), and symmetric: sections become ``section`` elements with their
headings, blocks ``p``, ``ul``/``ol``, ``blockquote``, ``aside class="judgment"`` and
``figure``, inline nodes ``em``, ``strong``, ``code``, ``br``, ``a``, ``span`` (a
mention) and ``cite`` (a citation). What XHTML has no attribute for (a section's role, a
judgment's confidence…) is written in briefmodel's namespace ``BM``.

:class:`BodyWriter` builds the body as an lxml tree (NewsML-G2 embeds it in its own);
:class:`BodyText` writes the very same XML as text, several times faster (ninjs).

The reader also reads other producers' XHTML and NITF bodies: headings start sections,
``div`` and the like are opened in place, and markup the model has no node for is a
loss whose text is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

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

__all__ = ["BLOCK_CONTAINERS", "NITF", "XHTML", "BodyReader", "BodyText", "BodyWriter"]

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


def _mention_prefix(brief: Brief) -> str:
    """The prefix of mention ids: ``mention-``, lengthened until no section id starts so."""
    taken = {s.id for s in brief.all_sections() if s.id}
    prefix = "mention-"
    while any(t.startswith(prefix) for t in taken):
        prefix = "_" + prefix
    return prefix


class BodyWriter:
    """Writes the body of a brief; remembers the ids it gave mentions, by entity."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.prefix = _mention_prefix(brief)
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
            self.prefix, self.mentions, self.count = _mention_prefix(self.brief), {}, 0
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
        text = element.text  # (lxml builds a new string at every access)
        if text and text.strip():
            yield "block", Paragraph(content=self.clean(text))
        for child in element:
            local = local_name(child.tag)
            if local == "section":
                yield "section", child
            elif local in _HEADINGS:
                yield "heading", child
            elif local in _TRANSPARENT:
                yield from self.children(child)
            else:
                reader = _BLOCK_READERS.get(local)
                block = self.block(child) if reader is None else reader(self, child)
                if block is not None:
                    yield "block", block
            tail = child.tail
            if tail and tail.strip():
                yield "block", Paragraph(content=self.clean(tail))

    def section(self, element: etree._Element) -> Section:
        parts = list(self.children(element))
        title: str | None = None
        start = 0
        if parts and parts[0][0] == "heading":
            title = self.text(parts[0][1])
            start = 1
        end = start
        while end < len(parts) and parts[end][0] == "block":
            end += 1
        blocks = [part[1] for part in parts[start:end]]
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
            sections=self.group(parts[end:]) if end < len(parts) else [],
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
            if self.own and not len(child):
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

    def text(self, element: etree._Element) -> str:
        """All the text of ``element`` (as :meth:`Reading.text`), without walking an
        element that has no children."""
        if len(element):
            return super().text(element)
        text = element.text or ""  # all of its text: it has no children
        return text if self.own else " ".join(text.split())

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
        text = element.text  # (lxml builds a new string at every access)
        if text:
            out.append(text)
        in_blocks = False
        for child in element:
            local = local_name(child.tag)
            if stop_at_blocks is not None and (in_blocks or local in _BLOCK_READERS):
                in_blocks = True
                block = self.block(child)
                if block is not None:
                    stop_at_blocks.append(block)
                tail = child.tail
                if tail and tail.strip():
                    stop_at_blocks.append(Paragraph(content=self.clean(tail)))
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
            tail = child.tail
            if tail:
                out.append(tail)

    def inner(self, element: etree._Element) -> list[Any]:
        if self.own and not len(element):
            text = element.text
            return [text] if text else []
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
