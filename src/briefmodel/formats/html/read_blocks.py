"""The part of the reader that briefmodel's own page and other pages share: sections,
blocks (paragraphs, lists, quotes, judgments, figures, images) and rich text, read by
tables keyed by element name; what the model has no place for is a loss."""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from typing import Any

import attrs
from lxml import etree

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
from .._safe_xml import DROPPED, MARKUP, line_of, local_name, lost_text, where
from .._tables import TableReading
from ._links import RESOLVED, code_of, message, read_link
from ._parse import _HEADINGS, _NEVER_CONTENT, _class, _text

#: The extension under which reading leniently keeps what the model has no place for.
UNKNOWN_KEY = "briefmodel:unknown"


#: White space in other producers' text, collapsed to one space as a browser shows it.
_SPACES = re.compile(r"\s+")


class _BlockReader(TableReading):
    """What reading briefmodel's own page and other pages share: sections, blocks and rich
    text, each read by the method its element's name picks, and the losses of what the
    model cannot hold."""

    align_attribute = "data-align"

    loss_code = "html.dropped"

    #: The address that another page's relative links are read against (leniently).
    base: str | None = None

    def child(
        self, element: etree._Element, tag: str, cls: str | None = None
    ) -> etree._Element | None:
        for child in element:
            if child.tag == tag and (cls is None or cls in _class(child)):
                return child
        return None

    def lose(
        self,
        element: etree._Element,
        what: str,
        *,
        keep: bool = True,
        part: str = DROPPED,
        line: int | None = None,
        problem: str = "has no place in the model",
        instead: tuple[str, str] = ("drops it", "is dropped"),
    ) -> None:
        """A loss; what is kept of an unknown element (``strict=False``) is its markup
        without scripts, styles and the like, and without event handlers."""
        if keep and element.tag in _NEVER_CONTENT:
            keep = False
        elif (
            keep
            and not self.strict
            and any(
                node.tag in _NEVER_CONTENT
                or any(str(a).lower().startswith("on") for a in node.attrib)
                for node in element.iter()
            )
        ):
            super().lose(
                element, what, keep=False, part=part, line=line, problem=problem, instead=instead
            )
            self.unknown[where(element, positions=self.positions)] = _harmless(element)
            return
        super().lose(
            element, what, keep=keep, part=part, line=line, problem=problem, instead=instead
        )

    def repair(self, code: str, message: str, line: int | None) -> None:
        """A warning of what reading another page leniently made of what it found (a link
        read against the page's address, a date without its zone), at its line."""
        if not self.losses.room():
            self.losses.skip("warning")
            return
        self.losses.append(Problem(severity="warning", code=code, message=message, line=line))

    def keeps(self, step: str) -> bool:
        """Event handlers are not kept."""
        return not step.lower().startswith("/@on")

    def plain(self, element: etree._Element) -> str:
        """The text of a heading or a name, without that of scripts and the like in it
        (each a loss)."""
        for never in element.iter(*_NEVER_CONTENT):
            if never is not element:
                self.lose(never, f"the <{never.tag}> in <{element.tag}>", keep=False)
        return _text(element)

    # -- sections and blocks ---------------------------------------------------------

    def section(self, element: etree._Element) -> Section:
        title: str | None = None
        blocks: list[Any] = []
        sections: list[Section] = []
        for child in element:
            if child.tag in _HEADINGS and title is None and not blocks and not sections:
                title = self.plain(child)
            elif child.tag == "section":
                sections.append(self.section(child))
            else:
                block = self.block(child)
                if block is not None:
                    blocks.append(block)
        built = self.build(
            element,
            Section,
            id=element.get("id"),
            title=title,
            role=element.get("data-role"),
            blocks=blocks,
            sections=sections,
        )
        return built if built is not None else Section()

    def block(self, element: etree._Element) -> Any:
        reader = _BLOCK_READERS.get(element.tag)
        if reader is None and element.tag == "div" and "table-scroll" in _class(element):
            tables = [child for child in element if child.tag == "table"]
            if len(tables) == 1 and len(element) == 1:  # the writer's scrolling region
                self.lose_stray_text(element)
                return self.table(tables[0])
        if reader is None:
            self.lose(element, f"the <{local_name(element.tag)}>{lost_text(element)}", keep=False)
            return None
        return reader(self, element)

    def paragraph(self, element: etree._Element) -> Any:
        return self.build(element, Paragraph, content=self.rich(element))

    def item_list(self, element: etree._Element) -> Any:
        self.lose_stray_text(element)
        items: list[Any] = []
        for li in element:
            if li.tag != "li":
                self.lose(li, f"<{local_name(li.tag)}> in a list", keep=False)
                continue
            first = li[0] if len(li) else None
            if (
                self.own
                and first is not None
                and first.tag == "span"
                and "item" in _class(first)
                and not (li.text or "")
            ):
                blocks = [b for b in (self.block(c) for c in list(li)[1:]) if b is not None]
                items.append(self.build(li, ListItem, content=self.rich(first), blocks=blocks))
            else:
                content: list[Any] = []
                blocks = []
                self.inline_into(li, content, blocks)
                items.append(self.build(li, ListItem, content=self.tidy(content), blocks=blocks))
        return self.build(
            element,
            ItemList,
            items=[i for i in items if i is not None],
            ordered=element.tag == "ol",
        )

    def figure(self, element: etree._Element) -> Any:
        self.lose_stray_text(element)
        quote = self.child(element, "blockquote")
        caption = self.child(element, "figcaption")
        if quote is not None:
            attribution = None
            if caption is not None:
                span = self.child(caption, "span", "attribution")
                attribution = (
                    self.plain(span)
                    if span is not None
                    else (None if self.own else " ".join(self.plain(caption).split()) or None)
                )
            return self.quote(quote, attribution, element.get("data-source"))
        image = self.child(element, "img")
        caption_text: tuple[Any, ...] = ()
        credit = None
        if caption is not None:
            if self.own:
                span = self.child(caption, "span", "caption")
                caption_text = self.rich(span) if span is not None else ()
                small = self.child(caption, "small", "credit")
                credit = self.plain(small) if small is not None else None
            else:
                caption_text = self.rich(caption)
        if image is not None:
            src, alt = image.get("src"), image.get("alt")
        else:
            missing = self.child(element, "p", "missing-image")
            src, alt = (
                element.get("data-src"),
                missing.get("data-alt") if missing is not None else None,
            )
        src = self.image_address(image if image is not None else element, src)
        if not src or not alt:
            self.lose(element, "a figure without an image address or alternative text", keep=False)
            return None
        return self.build(element, Figure, src=src, alt=alt, caption=caption_text, credit=credit)

    def image(self, element: etree._Element) -> Any:
        src = self.image_address(element, element.get("src"))
        if not src or not element.get("alt"):
            self.lose(element, "an image without an address or alternative text", keep=False)
            return None
        return self.build(element, Figure, src=src, alt=element.get("alt"))

    def image_address(self, element: etree._Element, src: str | None) -> str | None:
        """An image's address; in another page read leniently, a relative one read
        against the page's address (a repair), and none for one that cannot be read so
        (the figure is then a loss)."""
        if not src or self.own or self.strict:
            return src
        reading = read_link(src, None, self.base)
        if reading.href is not None and RESOLVED in reading.repairs:
            self.repair(RESOLVED, message(RESOLVED, src, reading.href), line_of(element))
        return reading.href

    def quote(
        self, element: etree._Element, attribution: str | None = None, source: str | None = None
    ) -> Any:
        paragraphs = [c for c in element if c.tag == "p"]
        content: list[Any] = []
        if paragraphs and len(paragraphs) == len(element) and not (element.text or "").strip():
            for index, p in enumerate(paragraphs):
                if index:
                    content.append(LineBreak())
                content.extend(self.rich(p))
        else:
            content = list(self.rich(element))
        return self.build(
            element,
            Quote,
            content=content,
            attribution=attribution,
            source_ref=source or element.get("data-source"),
        )

    def judgment(self, element: etree._Element) -> Any:
        if "judgment" not in _class(element):
            self.lose(element, f"the <aside>{lost_text(element)}", keep=False)
            return None
        self.lose_stray_text(element)
        statement = self.child(element, "p", "statement")
        return self.build(
            element,
            Judgment,
            statement=self.rich(statement) if statement is not None else (),
            confidence=element.get("data-confidence"),
            likelihood=element.get("data-likelihood"),
            basis=(element.get("data-basis") or "").split(),
        )

    # -- rich text -------------------------------------------------------------------

    def rich(self, element: etree._Element) -> tuple[Any, ...]:
        content: list[Any] = []
        self.inline_into(element, content)
        return self.tidy(content)

    def tidy(self, content: list[Any]) -> tuple[Any, ...]:
        if self.own:
            return tuple(content)
        out = collapsed(content)
        if out and type(out[0]) is str:
            out[0] = out[0].lstrip()
        if out and type(out[-1]) is str:
            out[-1] = out[-1].rstrip()
        return tuple(n for n in out if n != "")

    def inline_into(
        self, element: etree._Element, out: list[Any], blocks: list[Any] | None = None
    ) -> None:
        if element.text:
            out.append(element.text)
        in_blocks = False
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if blocks is not None and (in_blocks or tag in _BLOCK_READERS):
                in_blocks = True
                block = self.block(child)
                if block is not None:
                    blocks.append(block)
            elif tag in _NEVER_CONTENT:
                self.lose(child, f"the <{tag}>", keep=False)
            else:
                reader = _INLINE_READERS.get(tag)
                node = reader(self, child) if reader is not None else self.unknown_inline(child)
                if type(node) is list:
                    out.extend(node)
                elif node is not None:
                    out.append(node)
            if child.tail:
                (out if not in_blocks else []).append(child.tail)

    def unknown_inline(self, element: etree._Element) -> list[Any]:
        tag = element.tag if isinstance(element.tag, str) else "?"
        if tag not in (
            "span",
            "font",
            "small",
            "sup",
            "sub",
            "abbr",
            "time",
            "cite",
            "mark",
            "u",
            "s",
        ):
            self.lose(element, f"the markup <{tag}> (its text is kept)", keep=False, part=MARKUP)
        inner: list[Any] = []
        self.inline_into(element, inner)
        return inner

    def inner(self, element: etree._Element) -> list[Any]:
        content: list[Any] = []
        self.inline_into(element, content)
        return content

    def em(self, element: etree._Element) -> Any:
        return self.build(element, Emphasis, content=self.inner(element))

    def strong(self, element: etree._Element) -> Any:
        return self.build(element, Strong, content=self.inner(element))

    def code(self, element: etree._Element) -> Any:
        text = self.plain(element)
        return self.build(element, Code, text=text) if text else None

    def br(self, element: etree._Element) -> Any:
        return LineBreak()

    def a(self, element: etree._Element) -> Any:
        href = element.get("href")
        if not href:
            return self.inner(element)
        if not self.own and not self.strict:
            reading = read_link(href, element.get("title"), self.base)
            for repair in reading.repairs:
                self.repair(code_of(repair), message(repair, href, reading.href), line_of(element))
            if reading.href is None:
                return self.inner(element)
            return self.build(
                element, Link, href=reading.href, title=reading.title, content=self.inner(element)
            )
        return self.link(element, href)

    def link(self, element: etree._Element, href: str) -> Any:
        bare = self.own and "bare" in _class(element)
        content = () if bare else self.inner(element)
        return self.build(element, Link, href=href, title=element.get("title"), content=content)

    def span(self, element: etree._Element) -> Any:
        classes = _class(element)
        if "mention" in classes and element.get("data-entity"):
            return self.build(
                element, Mention, ref=element.get("data-entity"), content=self.inner(element)
            )
        if "link" in classes and element.get("data-href"):
            return self.link(element, element.get("data-href", ""))
        return self.inner(element)

    def sup(self, element: etree._Element) -> Any:
        if "citation" in _class(element) and len(element) == 1:
            ref = element[0].get("data-source")
            if ref:
                return self.build(element, Citation, ref=ref)
        return self.unknown_inline(element)


#: The inline nodes that hold rich text of their own.
_HOLDERS = (Emphasis, Strong, Link, Mention)


def collapsed(content: list[Any]) -> list[Any]:
    """Other producers' rich text with its white space as a browser shows it: each run
    of white space one space, also across the edges of emphasis and links (``<a> Home
    </a>`` is a link that reads ``Home``, the spaces moved out beside it), and none
    beside a line break."""
    out: list[Any] = []
    for node in content:
        if type(node) is str:
            out.append(_SPACES.sub(" ", node))
        elif isinstance(node, _HOLDERS):
            inner = collapsed(list(node.content))
            before = bool(inner) and type(inner[0]) is str and inner[0].startswith(" ")
            after = bool(inner) and type(inner[-1]) is str and inner[-1].endswith(" ")
            if before:
                inner[0] = inner[0].lstrip()
            if after:
                inner[-1] = inner[-1].rstrip()
            inner = [n for n in inner if n != ""]
            if before or (not inner and not isinstance(node, Link)):
                out.append(" ")
            if inner or isinstance(node, Link):
                out.append(
                    attrs.evolve(node, content=inner) if inner != list(node.content) else node
                )
            if after and inner:
                out.append(" ")
        else:
            out.append(node)
    merged: list[Any] = []
    for node in out:
        if type(node) is str and merged and type(merged[-1]) is str:
            merged[-1] = _SPACES.sub(" ", merged[-1] + node)
        else:
            merged.append(node)
    for index, node in enumerate(merged):
        if type(node) is str:
            if index and type(merged[index - 1]) is LineBreak:
                node = node.lstrip()
            if index + 1 < len(merged) and type(merged[index + 1]) is LineBreak:
                node = node.rstrip()
            merged[index] = node
    return [n for n in merged if n != ""]


def _harmless(element: etree._Element) -> str:
    """An element's markup without scripts, styles and the like, or event handlers."""
    copy = deepcopy(element)
    for found in list(copy.iter(*_NEVER_CONTENT)):
        parent = found.getparent()
        if found is copy or parent is None:
            continue
        if found.tail:
            previous = found.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + found.tail
            else:
                parent.text = (parent.text or "") + found.tail
        parent.remove(found)
    for found in copy.iter():
        for name in [a for a in found.attrib if str(a).lower().startswith("on")]:
            del found.attrib[name]
    return etree.tostring(copy, encoding="unicode", with_tail=False)


_BLOCK_READERS: dict[str, Callable[[_BlockReader, etree._Element], Any]] = {
    "p": _BlockReader.paragraph,
    "ul": _BlockReader.item_list,
    "ol": _BlockReader.item_list,
    "blockquote": _BlockReader.quote,
    "aside": _BlockReader.judgment,
    "figure": _BlockReader.figure,
    "img": _BlockReader.image,
    "table": _BlockReader.table,
}
_INLINE_READERS: dict[str, Callable[[_BlockReader, etree._Element], Any]] = {
    "em": _BlockReader.em,
    "i": _BlockReader.em,
    "strong": _BlockReader.strong,
    "b": _BlockReader.strong,
    "code": _BlockReader.code,
    "br": _BlockReader.br,
    "a": _BlockReader.a,
    "span": _BlockReader.span,
    "sup": _BlockReader.sup,
}
