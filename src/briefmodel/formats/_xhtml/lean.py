"""The lean paths' body (NewsML-G2's :mod:`..newsml._lean`, ninjs's :mod:`..ninjs._lean`):
briefmodel's own XHTML body, exactly as :class:`.BodyWriter` and :class:`.BodyText` write
it, read into the canonical JSON of its sections; and the checks of single elements that
NewsML-G2's item metadata shares.

Every function raises :class:`~briefmodel._generated.Doubt` at anything the writer would
not have written (an element out of its place, an attribute not counted, text where the
writer writes none, a value in another spelling)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from lxml import etree

from ..._generated import Doubt
from .._safe_xml import BM, XML_ID
from .names import XHTML

__all__ = ["Body", "RichText", "bare", "blank", "empty", "integer", "leaf", "words"]

#: XML's white space, the only one the writer indents with.
_WS = " \t\r\n"
_CANONICAL_INT = re.compile(r"-?[1-9][0-9]{0,17}|0")


def blank(element: etree._Element, ws: str = _WS) -> None:
    """Doubt unless the texts between ``element``'s children are white space (where the
    writer indents; none with ``ws=""``)."""
    text = element.text
    if text is not None and text.strip(ws):
        raise Doubt
    for child in element:
        tail = child.tail
        if tail is not None and tail.strip(ws):
            raise Doubt


def bare(element: etree._Element) -> None:
    """Doubt unless ``element`` has no text beside its children (where the writer does
    not indent)."""
    if element.text is not None:
        raise Doubt
    for child in element:
        if child.tail is not None:
            raise Doubt


def leaf(element: etree._Element, attributes: int) -> str:
    """The text of an element the writer writes with text only, and ``attributes``
    attributes."""
    if len(element) or len(element.attrib) != attributes:
        raise Doubt
    return element.text or ""


def empty(element: etree._Element, attributes: int) -> None:
    """Doubt unless ``element`` has nothing in it, and ``attributes`` attributes."""
    if len(element) or len(element.attrib) != attributes or element.text is not None:
        raise Doubt


def integer(value: str | None) -> int:
    """An integer as the writer writes one (``str(n)``)."""
    if value is None or _CANONICAL_INT.fullmatch(value) is None:
        raise Doubt
    return int(value)


def words(value: str) -> list[str]:
    """Words joined by single spaces (``bm:basis``, ``bm:align``), as the writer joins them."""
    found = value.split(" ")
    if not value or "" in found or any(w.strip(_WS) != w for w in found):
        raise Doubt
    return found


_H = "{" + XHTML + "}"
_B = "{" + BM + "}"
_REF = _B + "ref"
_SECTION = _H + "section"
_LI = _H + "li"
_MENTION = "mention-"  # (the prefix of mention ids, when no section id starts so)
_OL = _H + "ol"
_ROLE = _B + "role"
_SOURCE = _B + "source"
_HEADING = {level: _H + f"h{level}" for level in range(1, 7)}
_GROUPS = {_H + "thead": ("head", 2), _H + "tfoot": ("foot", 3), _H + "tbody": ("body", 4)}


class RichText:
    """What reads rich text, for the lean bodies of XHTML (here) and HTML, and the inline
    nodes both write alike: each subclass says in ``INLINES`` which method reads the
    inline node of each tag."""

    __slots__ = ()

    INLINES: ClassVar[dict[str, Callable[[Any, etree._Element], dict[str, Any]]]]

    def rich(self, element: etree._Element) -> Any:
        """Rich text in canonical JSON's shape: a string, or a list of strings and nodes."""
        if not len(element):
            return element.text or ""
        text = element.text
        parts: list[Any] = [text] if text else []
        inlines = self.INLINES
        for child in element:
            parts.append(inlines[child.tag](self, child))
            tail = child.tail
            if tail:
                parts.append(tail)
        return parts

    # The inline nodes both write alike: no attribute, the writer's content.

    def emphasis(self, element: etree._Element) -> dict[str, Any]:
        if len(element.attrib):
            raise Doubt
        return {"type": "emphasis", "content": self.rich(element)}

    def strong(self, element: etree._Element) -> dict[str, Any]:
        if len(element.attrib):
            raise Doubt
        return {"type": "strong", "content": self.rich(element)}

    def code(self, element: etree._Element) -> dict[str, Any]:
        text = leaf(element, 0)
        if not text:
            raise Doubt
        return {"type": "code", "text": text}

    def line_break(self, element: etree._Element) -> dict[str, Any]:
        empty(element, 0)
        return {"type": "line-break"}


class Body(RichText):
    """Reads one body. A mention's entity id is in ``refs``, by the mention's id (NewsML-G2:
    from the inlineRefs), or with ``refs=None`` in the span's ``bm:ref`` (ninjs);
    ``grouped`` gathers the ids of the mentions read by entity id, in document order
    (as the writer writes the inlineRefs). ``indented``: whether white space may stand
    between elements where the writer indents (NewsML-G2's ``pretty=True``); ninjs's body
    is never indented, so there it is doubt."""

    __slots__ = ("count", "grouped", "ids", "key_points", "refs", "ws")

    def __init__(self, refs: dict[str, str] | None, *, indented: bool = True) -> None:
        self.refs = refs
        self.ws = _WS if indented else ""  # (str.strip("") strips nothing)
        self.grouped: dict[str, list[str]] = {}
        self.count = 0  # mentions read
        #: The sections' ids (what the prefix of mention ids keeps clear of).
        self.ids: list[str] = []
        #: Whether a section's role is ``key-points`` (whose list items are key points).
        self.key_points = False

    def section(self, element: etree._Element, level: int) -> dict[str, Any]:
        if element.tag != _SECTION:
            raise Doubt
        part: dict[str, Any] = {}
        taken = 0
        ident = element.get("id")
        if ident is not None:
            part["id"], taken = ident, 1
            self.ids.append(ident)
        role = element.get(_ROLE)
        if role is not None:
            part["role"], taken = role, taken + 1
            if role == "key-points":
                self.key_points = True
        if len(element.attrib) != taken:
            raise Doubt
        text = element.text
        if text is not None and text.strip(self.ws):
            raise Doubt
        blocks: list[Any] = []
        sections: list[Any] = []
        heading = _HEADING[min(level, 6)]
        first = True
        for child in element:
            tail = child.tail
            if tail is not None and tail.strip(self.ws):
                raise Doubt
            tag = child.tag
            if tag == _SECTION:
                sections.append(self.section(child, level + 1))
            elif sections:
                raise Doubt
            elif first and tag == heading:
                if len(child) or len(child.attrib):
                    raise Doubt
                part["title"] = child.text or ""
            else:
                blocks.append(_BLOCKS[tag](self, child))
            first = False
        if blocks:
            part["blocks"] = blocks
        if sections:
            part["sections"] = sections
        return part

    # -- blocks ----------------------------------------------------------------------

    def paragraph(self, element: etree._Element) -> dict[str, Any]:
        if len(element.attrib):
            raise Doubt
        return {"type": "paragraph", "content": self.rich(element)}

    def item_list(self, element: etree._Element) -> dict[str, Any]:
        if len(element.attrib):
            raise Doubt
        text = element.text
        if text is not None and text.strip(self.ws):
            raise Doubt
        items: list[Any] = []
        for li in element:
            if li.tag != _LI or len(li.attrib):
                raise Doubt
            tail = li.tail
            if tail is not None and tail.strip(self.ws):
                raise Doubt
            items.append(self.list_item(li) if len(li) else li.text or "")
        return {"type": "item-list", "items": items, "ordered": element.tag == _OL}

    def list_item(self, element: etree._Element) -> Any:
        text = element.text
        parts: list[Any] = [text] if text else []
        blocks: list[Any] = []
        for child in element:
            tag = child.tag
            if blocks or tag in _BLOCKS:
                if child.tail is not None:
                    raise Doubt
                blocks.append(_BLOCKS[tag](self, child))
                continue
            parts.append(_INLINES[tag](self, child))
            tail = child.tail
            if tail:
                parts.append(tail)
        if not blocks:
            return parts
        item: dict[str, Any] = {"blocks": blocks}
        if parts:
            item["content"] = parts
        return item

    def only_paragraph(self, element: etree._Element) -> Any:
        """The rich text of the one ``<p>`` in ``element`` (a quote, a judgment)."""
        blank(element, self.ws)
        if len(element) != 1:
            raise Doubt
        p = element[0]
        if p.tag != _H + "p" or len(p.attrib):
            raise Doubt
        return self.rich(p)

    def quote(self, element: etree._Element) -> dict[str, Any]:
        quote: dict[str, Any] = {"type": "quote", "content": self.only_paragraph(element)}
        source = element.get(_B + "source")
        if source is not None:
            quote["source_ref"] = source
        if len(element.attrib) != (source is not None):
            raise Doubt
        return quote

    def judgment(self, element: etree._Element) -> dict[str, Any]:
        if element.get("class") != "judgment":
            raise Doubt
        judgment: dict[str, Any] = {
            "type": "judgment",
            "statement": self.only_paragraph(element),
        }
        taken = 1
        for key in ("confidence", "likelihood", "basis"):
            value = element.get(_B + key)
            if value is not None:
                judgment[key] = words(value) if key == "basis" else value
                taken += 1
        if len(element.attrib) != taken:
            raise Doubt
        return judgment

    def figure(self, element: etree._Element) -> dict[str, Any]:
        blank(element, self.ws)
        children = list(element)
        if element.get("class") == "quote":
            if len(element.attrib) != 1 or len(children) != 2:
                raise Doubt
            quote, caption = children
            if quote.tag != _H + "blockquote" or caption.tag != _H + "figcaption":
                raise Doubt
            found = self.quote(quote)
            found["attribution"] = leaf(caption, 0)
            if not found["attribution"]:
                raise Doubt
            return found
        if len(element.attrib) or not children or children[0].tag != _H + "img":
            raise Doubt
        image = children[0]
        src, alt = image.get("src"), image.get("alt")
        if not src or not alt:
            raise Doubt
        empty(image, 2)
        figure: dict[str, Any] = {"type": "figure", "src": src, "alt": alt}
        rest = children[1:]
        if rest and rest[0].tag == _H + "figcaption":
            caption = rest.pop(0)
            if len(caption.attrib):
                raise Doubt
            figure["caption"] = self.rich(caption)
            if not figure["caption"]:
                raise Doubt
        if rest:
            credit = rest.pop(0)
            if credit.tag != _H + "small" or credit.get("class") != "credit" or rest:
                raise Doubt
            figure["credit"] = leaf(credit, 1)
        return figure

    def table(self, element: etree._Element) -> dict[str, Any]:
        table: dict[str, Any] = {"type": "table"}
        align = element.get(_B + "align")
        if align is not None:
            table["align"] = words(align)
        if len(element.attrib) != (align is not None):
            raise Doubt
        bare(element)
        order = 0
        for child in element:
            tag = child.tag
            if tag == _H + "caption" and not order:
                if len(child.attrib):
                    raise Doubt
                table["caption"] = self.rich(child)
                if not table["caption"]:
                    raise Doubt
                order = 1
                continue
            key, rank = _GROUPS[tag]
            if rank <= order or len(child.attrib) or not len(child):
                raise Doubt
            order = rank
            bare(child)
            table[key] = [self.row(row) for row in child]
        return table

    def row(self, element: etree._Element) -> dict[str, Any]:
        if element.tag != _H + "tr" or len(element.attrib):
            raise Doubt
        bare(element)
        cells: list[dict[str, Any]] = []
        for td in element:
            cell: dict[str, Any] = {}
            taken = 0
            if td.tag == _H + "th":
                scope = td.get("scope")
                if scope is None:
                    cell["header"] = "auto"
                elif scope == "auto":
                    raise Doubt
                else:
                    cell["header"], taken = scope, 1
            elif td.tag != _H + "td":
                raise Doubt
            for span in ("colspan", "rowspan"):
                value = td.get(span)
                if value is not None:
                    cell[span] = integer(value)
                    if cell[span] == 1:
                        raise Doubt
                    taken += 1
            if len(td.attrib) != taken:
                raise Doubt
            content = self.rich(td)
            if content != "":
                cell["content"] = content
            cells.append(cell)
        return {"cells": cells}

    # -- rich text -------------------------------------------------------------------

    def link(self, element: etree._Element) -> dict[str, Any]:
        href = element.get("href")
        if not href:
            raise Doubt
        link: dict[str, Any] = {"type": "link", "href": href}
        title = element.get("title")
        if title is not None:
            link["title"] = title
        if len(element.attrib) != 1 + (title is not None):
            raise Doubt
        content = self.rich(element)
        if content:
            link["content"] = content
        return link

    def mention(self, element: etree._Element) -> dict[str, Any]:
        ident = element.get(XML_ID)
        refs = self.refs
        if ident is None or len(element.attrib) != (1 if refs is not None else 2):
            raise Doubt
        if ident != _MENTION + str(self.count):  # (before its content: the writer's order)
            raise Doubt
        self.count += 1
        ref = refs[ident] if refs is not None else element.get(_REF)
        if not ref:
            raise Doubt
        ids = self.grouped.get(ref)
        if ids is None:
            self.grouped[ref] = [ident]
        else:
            ids.append(ident)
        return {"type": "mention", "ref": ref, "content": self.rich(element)}

    def citation(self, element: etree._Element) -> dict[str, Any]:
        ref = element.get(_SOURCE)
        if ref is None or len(element) or len(element.attrib) != 1 or element.text is not None:
            raise Doubt
        return {"type": "citation", "ref": ref}


_BLOCKS: dict[str, Callable[[Body, etree._Element], dict[str, Any]]] = {
    _H + "p": Body.paragraph,
    _H + "ul": Body.item_list,
    _H + "ol": Body.item_list,
    _H + "blockquote": Body.quote,
    _H + "aside": Body.judgment,
    _H + "figure": Body.figure,
    _H + "table": Body.table,
}
_INLINES: dict[str, Callable[[Body, etree._Element], dict[str, Any]]] = {
    _H + "em": Body.emphasis,
    _H + "strong": Body.strong,
    _H + "code": Body.code,
    _H + "br": Body.line_break,
    _H + "a": Body.link,
    _H + "span": Body.mention,
    _H + "cite": Body.citation,
}
Body.INLINES = _INLINES
