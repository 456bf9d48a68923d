"""The lean path's body (see :mod:`._lean`): the sections of an own ``article``, exactly
as :class:`~.write._Page` writes them (its blocks and inline nodes, their classes and
``data-*`` attributes in the writer's order, no text where it writes none), read into
canonical JSON data; and the small checks the header and footer share.

Every function raises :class:`~briefmodel._generated.Doubt` at anything the writer would
not have written. What depends on the whole page (the schemes its links may use, the
numbers of its sources, a table's name) is gathered here and checked by :mod:`._lean`
once the rest is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from ..._generated import Doubt
from ...rules import url_scheme
from .._xhtml.lean import RichText, bare, empty, integer, leaf, words
from ._escape import _UNWRITABLE
from .style import CONFIDENCE_LABELS, LIKELIHOOD_LABELS

__all__ = ["Body", "attributes", "bare", "empty", "integer", "leaf", "texts", "words"]


def attributes(element: etree._Element, *names: str | None) -> None:
    """Doubt unless ``element``'s attributes are ``names`` (those not None), in order."""
    if element.keys() != [name for name in names if name is not None]:
        raise Doubt


def texts(element: etree._Element) -> list[str]:
    """The texts of an element of mixed content: its text, then each child's tail."""
    return [element.text or "", *(child.tail or "" for child in element)]


def _shows_nothing(element: etree._Element) -> bool:
    """Whether rich text shows no visible character (as the writer's ``_blank`` says of
    the content an element holds: each text, code, citation number or address shown)."""
    return not _UNWRITABLE.sub("", "".join(map(str, element.itertext()))).strip()


_CELL = {"td": None, "th": "auto"}
_GROUPS = {"thead": ("head", 1), "tbody": ("body", 2), "tfoot": ("foot", 3)}


class Body(RichText):
    """Reads the sections of one article, and gathers what the page as a whole decides:
    ``urls`` (each address, and whether the page links to it), ``citations`` (each
    source id cited, and the number shown), ``schemes`` (of every ``href`` and ``src``)
    and ``tables`` (each table's name, in the writer's order)."""

    __slots__ = ("citations", "in_link", "schemes", "tables", "urls")

    def __init__(self) -> None:
        self.urls: list[tuple[str, bool]] = []
        self.citations: list[tuple[str, str]] = []
        self.schemes: set[str | None] = set()
        self.tables: list[str] = []
        self.in_link = 0  # how many links the text being read is inside

    def address(self, url: str | None, linked: bool) -> str:
        """An address the writer links to (``linked``) or shows as data."""
        if not url:
            raise Doubt
        if linked:
            self.schemes.add(url_scheme(url))
        self.urls.append((url, linked))
        return url

    def section(self, element: etree._Element, level: int) -> dict[str, Any]:
        part: dict[str, Any] = {}
        ident, role = element.get("id"), element.get("data-role")
        attributes(element, None if ident is None else "id", "class", role and "data-role")
        if element.get("class") != ("section" if role is None else f"section {role}"):
            raise Doubt
        if ident is not None:
            part["id"] = ident
        if role is not None:
            part["role"] = role
        bare(element)
        blocks: list[Any] = []
        sections: list[Any] = []
        first = True
        for child in element:
            tag = child.tag
            if tag == "section":
                sections.append(self.section(child, level))
            elif sections:
                raise Doubt
            elif first and tag == f"h{min(level, 6)}":
                part["title"] = leaf(child, 0)
                level += 1
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
        attributes(element)
        return {"type": "paragraph", "content": self.rich(element)}

    def item_list(self, element: etree._Element) -> dict[str, Any]:
        attributes(element)
        bare(element)
        items: list[Any] = []
        for li in element:
            if li.tag != "li":
                raise Doubt
            attributes(li)
            first = li[0] if len(li) else None
            if first is not None and first.tag == "span" and first.get("class") == "item":
                if li.text is not None or len(li) < 2:
                    raise Doubt
                attributes(first, "class")
                bare(li)
                item: dict[str, Any] = {"blocks": [_BLOCKS[c.tag](self, c) for c in list(li)[1:]]}
                content = self.rich(first)
                if content:
                    item["content"] = content
                items.append(item)
            else:
                items.append(self.rich(li))
        return {"type": "item-list", "items": items, "ordered": element.tag == "ol"}

    def figure(self, element: etree._Element) -> dict[str, Any]:
        kind = element.get("class")
        if kind == "quote":
            return self.quote(element)
        if kind != "figure":
            raise Doubt
        shown = element.get("data-src")
        attributes(element, "class", shown and "data-src")
        bare(element)
        children = list(element)
        if not children:
            raise Doubt
        first = children[0]
        if shown is None:
            if first.tag != "img" or first.get("loading") != "lazy":
                raise Doubt
            empty(first, 3)
            attributes(first, "src", "alt", "loading")
            src, alt = self.address(first.get("src"), True), first.get("alt", "")
        else:
            src = self.address(shown, False)
            if first.tag != "p" or first.get("class") != "missing-image":
                raise Doubt
            attributes(first, "class", "data-alt")
            alt = first.get("data-alt", "")
            if leaf(first, 2) != alt:
                raise Doubt
        figure: dict[str, Any] = {"type": "figure", "src": src, "alt": alt}
        if len(children) == 2:
            caption = children[1]
            if caption.tag != "figcaption":
                raise Doubt
            attributes(caption)
            found = list(caption)
            if found and found[0].tag == "span":
                span = found.pop(0)
                if span.get("class") != "caption":
                    raise Doubt
                attributes(span, "class")
                figure["caption"] = self.rich(span)
                if not figure["caption"]:
                    raise Doubt
            if found:
                small = found.pop()
                if small.tag != "small" or small.get("class") != "credit" or found:
                    raise Doubt
                figure["credit"] = leaf(small, 1)
            # The writer's texts: a space before the credit, none elsewhere.
            expected = {
                (True, False): ["", ""],
                (False, True): [" ", ""],
                (True, True): ["", " ", ""],
            }[("caption" in figure, "credit" in figure)]
            if texts(caption) != expected:
                raise Doubt
        elif len(children) != 1:
            raise Doubt
        return figure

    def quote(self, element: etree._Element) -> dict[str, Any]:
        source = element.get("data-source")
        attributes(element, "class", source and "data-source")
        bare(element)
        children = list(element)
        if not 1 <= len(children) <= 2 or children[0].tag != "blockquote":
            raise Doubt
        quote = children[0]
        attributes(quote)
        bare(quote)
        if len(quote) != 1 or quote[0].tag != "p":
            raise Doubt
        attributes(quote[0])
        found: dict[str, Any] = {"type": "quote", "content": self.rich(quote[0])}
        if source is not None:
            found["source_ref"] = source
        if len(children) == 2:
            caption = children[1]
            if caption.tag != "figcaption":
                raise Doubt
            attributes(caption)
            bare(caption)
            parts = list(caption)
            if parts and parts[0].tag == "span":
                span = parts.pop(0)
                if span.get("class") != "attribution":
                    raise Doubt
                found["attribution"] = leaf(span, 1)
            if source is not None:
                if len(parts) != 1 or self.citation(parts[0])["ref"] != source:
                    raise Doubt
            elif parts or "attribution" not in found:
                raise Doubt
        elif source is not None:
            raise Doubt
        return found

    def judgment(self, element: etree._Element) -> dict[str, Any]:
        confidence = element.get("data-confidence")
        likelihood = element.get("data-likelihood")
        basis = element.get("data-basis")
        attributes(
            element,
            "class",
            confidence and "data-confidence",
            likelihood and "data-likelihood",
            basis and "data-basis",
            "role",
            "aria-label",
        )
        if (
            element.get("class") != "judgment"
            or element.get("role") != "note"
            or element.get("aria-label") != "Analytic judgment"
        ):
            raise Doubt
        bare(element)
        children = list(element)
        judgment: dict[str, Any] = {"type": "judgment"}
        if likelihood is not None or confidence is not None:
            assessment = children.pop(0)
            if assessment.tag != "p" or assessment.get("class") != "assessment":
                raise Doubt
            attributes(assessment, "class")
            expected: list[tuple[str, str]] = []
            if likelihood is not None:
                judgment["likelihood"] = likelihood
                expected.append(("likelihood", LIKELIHOOD_LABELS[likelihood]))
            if confidence is not None:
                judgment["confidence"] = confidence
                expected.append(("confidence", CONFIDENCE_LABELS[confidence]))
            spans = [(s.get("class", ""), leaf(s, 1)) for s in assessment if s.tag == "span"]
            if spans != expected or len(assessment) != len(expected):
                raise Doubt
            if texts(assessment) != (["", ""] if len(expected) == 1 else ["", " · ", ""]):
                raise Doubt
        if not children:
            raise Doubt
        statement = children.pop(0)
        if statement.tag != "p" or statement.get("class") != "statement":
            raise Doubt
        attributes(statement, "class")
        judgment["statement"] = self.rich(statement)
        if basis is not None:
            judgment["basis"] = refs = words(basis)
            if len(children) != 1:
                raise Doubt
            cited = children[0]
            if cited.tag != "p" or cited.get("class") != "basis" or cited.text != "Based on ":
                raise Doubt
            attributes(cited, "class")
            if any(c.tail is not None for c in cited):
                raise Doubt
            if [self.citation(c)["ref"] for c in cited] != refs:
                raise Doubt
        elif children:
            raise Doubt
        return judgment

    def table(self, element: etree._Element) -> dict[str, Any]:
        attributes(element, "class", "role", "tabindex", "aria-label")
        if (
            element.get("class") != "table-scroll"
            or element.get("role") != "region"
            or element.get("tabindex") != "0"
            or len(element) != 1
        ):
            raise Doubt
        bare(element)
        self.tables.append(element.get("aria-label", ""))
        inner = element[0]
        align = inner.get("data-align")
        attributes(inner, "class", align and "data-align")
        if inner.tag != "table" or inner.get("class") != "table":
            raise Doubt
        bare(inner)
        table: dict[str, Any] = {"type": "table"}
        columns: list[str] = []
        if align is not None:
            table["align"] = columns = words(align)
        order = 0
        for child in inner:
            tag = child.tag
            if tag == "caption" and not order:
                attributes(child)
                table["caption"] = self.rich(child)
                if not table["caption"]:
                    raise Doubt
                continue
            key, rank = _GROUPS[tag]
            if rank <= order or not len(child):
                raise Doubt
            order = rank
            attributes(child)
            bare(child)
            table[key] = [self.row(row, columns) for row in child]
        return table

    def row(self, element: etree._Element, align: list[str]) -> dict[str, Any]:
        if element.tag != "tr":
            raise Doubt
        attributes(element)
        bare(element)
        cells: list[dict[str, Any]] = []
        column = 0
        for td in element:
            cell: dict[str, Any] = {}
            header = _CELL[td.tag]
            scope = td.get("scope")
            if scope is not None:
                if header is None or scope == "auto":
                    raise Doubt
                header = scope
            if header is not None:
                cell["header"] = header
            spans = {"colspan": 1, "rowspan": 1}
            for span in spans:
                value = td.get(span)
                if value is not None:
                    cell[span] = spans[span] = integer(value)
                    if spans[span] == 1:
                        raise Doubt
            shown = align[column] if column < len(align) else "default"
            kind = None if shown == "default" else f"align-{shown}"
            attributes(
                td,
                scope and "scope",
                "colspan" if "colspan" in cell else None,
                "rowspan" if "rowspan" in cell else None,
                kind and "class",
            )
            if td.get("class") != kind:
                raise Doubt
            column += spans["colspan"]
            content = self.rich(td)
            if content != "":
                cell["content"] = content
            cells.append(cell)
        return {"cells": cells}

    # -- rich text -------------------------------------------------------------------

    def link(self, element: etree._Element) -> dict[str, Any]:
        """A link the page follows: ``<a href>``, never inside another."""
        href, kind = element.get("href"), element.get("class")
        title, label = element.get("title"), element.get("aria-label")
        attributes(element, "href", kind and "class", title and "title", label and "aria-label")
        if self.in_link:
            raise Doubt
        link: dict[str, Any] = {"type": "link", "href": self.address(href, True)}
        if title is not None:
            link["title"] = title
        self.in_link += 1
        self.link_content(element, link, kind, "bare")
        self.in_link -= 1
        # A link must have a name: the writer names one whose text shows nothing.
        nameless = "content" in link and title is None and _shows_nothing(element)
        if label != (link["href"] if nameless else None):
            raise Doubt
        return link

    def link_content(
        self, element: etree._Element, link: dict[str, Any], kind: str | None, bare: str
    ) -> None:
        if kind == bare:  # (no content: the address is shown as its text)
            if leaf(element, len(element.attrib)) != link["href"]:
                raise Doubt
        elif kind is None or kind == "link":
            link["content"] = self.rich(element)
            if not link["content"]:
                raise Doubt
        else:
            raise Doubt

    def span(self, element: etree._Element) -> dict[str, Any]:
        kind = element.get("class")
        if kind == "mention":
            ref = element.get("data-entity")
            attributes(element, "class", "data-entity")
            return {"type": "mention", "ref": ref, "content": self.rich(element)}
        if kind not in ("link", "link bare"):
            raise Doubt
        # A link not followed (its scheme, or inside another): its address as data.
        href, title = element.get("data-href"), element.get("title")
        attributes(element, "class", "data-href", title and "title")
        if not href:
            raise Doubt
        if not self.in_link:
            self.address(href, False)
        link: dict[str, Any] = {"type": "link", "href": href}
        if title is not None:
            link["title"] = title
        self.link_content(element, link, kind, "link bare")
        return link

    def citation(self, element: etree._Element) -> dict[str, Any]:
        if element.tag != "sup" or element.get("class") != "citation" or len(element) != 1:
            raise Doubt
        attributes(element, "class")
        bare(element)
        inner = element[0]
        ref = inner.get("data-source")
        if ref is None:
            raise Doubt
        if self.in_link:
            if inner.tag != "span":
                raise Doubt
            attributes(inner, "data-source")
        else:
            if inner.tag != "a" or inner.get("href") != "#source:" + ref:
                raise Doubt
            attributes(inner, "href", "data-source")
            self.schemes.add(url_scheme(inner.get("href", "")))
        self.citations.append((ref, leaf(inner, len(inner.attrib))))
        return {"type": "citation", "ref": ref}


_BLOCKS: dict[str, Callable[[Body, etree._Element], dict[str, Any]]] = {
    "p": Body.paragraph,
    "ul": Body.item_list,
    "ol": Body.item_list,
    "aside": Body.judgment,
    "figure": Body.figure,
    "div": Body.table,
}
_INLINES: dict[str, Callable[[Body, etree._Element], dict[str, Any]]] = {
    "em": Body.emphasis,
    "strong": Body.strong,
    "code": Body.code,
    "br": Body.line_break,
    "a": Body.link,
    "span": Body.span,
    "sup": Body.citation,
}
Body.INLINES = _INLINES
