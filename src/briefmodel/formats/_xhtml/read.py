"""The body of a brief read from XHTML, a table of small rules keyed by element name:
briefmodel's own bodies exactly, other producers' XHTML and NITF bodies leniently
(headings start sections, ``div`` and the like are opened in place, and markup the model
has no node for is a loss whose text is kept)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from ..._patterns import NODE_ID
from ...errors import Problem
from ...model import (
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
from ...rules import url_scheme
from .._safe_xml import MARKUP, XML_ID, all_text, line_of, local_name, lost_text
from .._tables import TableReading
from .names import (
    HEADINGS,
    NITF,
    TRANSPARENT,
    XHTML,
    B,
    H,
)

__all__ = ["BodyReader", "knows_root"]

_WS = re.compile(r"\s+")
_ID = NODE_ID.regex  # section, entity and source ids


class BodyReader(TableReading):
    """Reads a body into sections; ``mentions`` maps the ids of mention spans to entity
    ids, and ``headline`` is the brief's (a first heading repeating it is no title)."""

    align_attribute = B + "align"

    def __init__(self, root: etree._Element, *, strict: bool, own: bool) -> None:
        super().__init__(root, strict=strict, own=own)
        self.mentions: dict[str, str] = {}
        self.headline: str | None = None
        #: The web address relative links are read against, read leniently (the item's
        #: own, when it has one): None reads them as they are.
        self.base: str | None = None

    def xml_body(self, element: etree._Element) -> list[Section]:
        local = local_name(element.tag)
        if local == "html":
            found = element.find(H + "body")
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
                sections.append(self.section(child, first=not sections))
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
            elif local in HEADINGS:
                yield "heading", child
            elif local in TRANSPARENT:
                yield from self.children(child)
            else:
                reader = _BLOCK_READERS.get(local)
                block = self.block(child) if reader is None else reader(self, child)
                if block is not None:
                    yield "block", block
            tail = child.tail
            if tail and tail.strip():
                yield "block", Paragraph(content=self.clean(tail))

    def section(self, element: etree._Element, *, first: bool = False) -> Section:
        """A ``<section>``; the ``first`` of other producers' bodies titled by the brief's
        headline is untitled (the headline repeated atop the body)."""
        parts = list(self.children(element))
        title: str | None = None
        start = 0
        if parts and parts[0][0] == "heading":
            title = self.text(parts[0][1])
            start = 1
            if first and not self.own and title == self.headline:
                title = None
        end = start
        while end < len(parts) and parts[end][0] == "block":
            end += 1
        blocks = [part[1] for part in parts[start:end]]
        ident = element.get("id")
        if ident is not None and not _ID.match(ident):
            self.lose(element, f"the section id {ident!r}", keep=False, part="@id")
            ident = None
        section = self.build(
            element,
            Section,
            id=ident,
            title=title,
            role=element.get(B + "role"),
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
        self.lose_stray_text(element)
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
        source = element.get(B + "source")
        return self.build(
            element, Quote, content=content, attribution=attribution, source_ref=source
        )

    def judgment(self, element: etree._Element) -> Any:
        if element.get("class") != "judgment":
            return self.generic_container(element)
        self.lose_stray_text(element)
        p = element.find(H + "p")
        statement = self.rich(p) if p is not None else ()
        return self.build(
            element,
            Judgment,
            statement=statement,
            confidence=element.get(B + "confidence"),
            likelihood=element.get(B + "likelihood"),
            basis=(element.get(B + "basis") or "").split(),
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
        self.lose_stray_text(element)
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
                self.lose(
                    child, f"the markup <{local}> (its text is kept)", keep=False, part=MARKUP
                )
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
        if self.base is not None and url_scheme(href) is None and not href.startswith("#"):
            resolved = urljoin(self.base, href)
            if self.losses.room():
                said = f"the relative link {href[:60]!r} is read against the item's address"
                self.losses.append(
                    Problem(
                        severity="warning",
                        code="repair.link-resolved",
                        message=f"{said}, as {resolved[:80]!r}",
                        line=line_of(element),
                    )
                )
            href = resolved
        return self.build(
            element, Link, href=href, title=element.get("title"), content=self.inner(element)
        )

    def span(self, element: etree._Element) -> Any:
        ref = self.mentions.get(element.get(XML_ID) or element.get("id") or "")
        if ref is None:
            return _Flat(self.inner(element))
        return self.build(element, Mention, ref=ref, content=self.inner(element))

    def cite(self, element: etree._Element) -> Any:
        ref = element.get(B + "source")
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
    "table": BodyReader.table,
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


def knows_root(element: etree._Element, plain: tuple[str, ...] = ()) -> bool:
    """Whether a body whose root is ``element`` is one this reader reads: XHTML or NITF
    (in their namespaces, in none, or in one of ``plain``, ``{namespace}`` each: the
    document's own, which a body written without one is in), not another vocabulary (a
    producer's own ``<BODY><TEXT><P>``…, read leniently as text instead)."""
    if not isinstance(element.tag, str):
        return False
    namespace = etree.QName(element).namespace
    if namespace not in (None, XHTML, NITF) and "{" + namespace + "}" not in plain:
        return False
    local = local_name(element.tag)
    return local in _ROOTS or local in HEADINGS or local in TRANSPARENT or local in _BLOCK_READERS


_ROOTS = frozenset({"html", "nitf", "section"})
