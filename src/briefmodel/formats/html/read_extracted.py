"""Other producers' pages read leniently with trafilatura, which finds the article in a
page: which of its elements are the story, and which the navigation, cookie banners,
teasers of other stories and advertisements around it.

Why trafilatura: a page's markup does not say which ``<article>`` or ``<main>`` is the
story (sites put teasers in ``<article>`` elements and advertisements in ``<main>``).
trafilatura is the well-kept extractor that scores a page's blocks by their text and
links to tell; measured on 40 real pages its text had a recall and a precision of 80%
or more on all 40, where the elements alone found 21. It is an extra
(``pip install briefmodel[web]``) imported only when another producer's page is read
leniently, so that reading JSON, NewsML-G2 or briefmodel's own pages never loads it.

trafilatura is given the parsed page (a copy, without the elements that are never an
article's, such as scripts, forms, frames and navigation, and with each link's address
replaced by a token, so that its own rules for addresses do not apply and each link read
is traced to its element and line: see :mod:`._links`). Its XML is read into the model by a table of
small rules keyed by element name (:data:`_BLOCKS`, :data:`_INLINES`): ``head`` starts a
section, ``p`` is a paragraph, ``list``/``item`` a list, ``quote`` a quote, ``table``/
``row``/``cell`` a table, ``hi`` emphasis (``#b`` strong, ``#i`` emphasis, ``#t`` code),
``ref`` a link and ``lb`` a line break.
"""

from __future__ import annotations

import copy
import itertools
import warnings
from collections.abc import Callable
from typing import Any

from lxml import etree

from ...model import (
    Code,
    Emphasis,
    ItemList,
    LineBreak,
    Link,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    TableCell,
    TableRow,
)
from ._links import code_of, message, read_link
from ._parse import _NEVER_CONTENT, _class
from .read_blocks import _BlockReader

__all__ = ["EXTRACTOR_MISSING", "Extraction", "extract"]

EXTRACTOR_MISSING = "html.extractor-missing"
EXTRACTOR_FAILED = "html.extractor-failed"
BOILERPLATE = "html.boilerplate"

#: The classes of a subheadline's element (dek, standfirst…).
SUBHEADLINE_CLASSES = frozenset({"subheadline", "subtitle", "standfirst", "dek", "deck", "lede"})
#: The address each link of the page is given for trafilatura: this and its number.
_TOKEN = "https://link.briefmodel.invalid/"


class Extraction:
    """What trafilatura found in a page: its ``document`` (metadata and ``body``), and
    the links of the page by their tokens (``href``, ``title``, line)."""

    def __init__(self, document: Any, links: list[tuple[str, str | None, int | None]]) -> None:
        self.document = document
        self.links = links


def trafilatura() -> Any:
    """The trafilatura module, or ``None`` if it is not installed."""
    try:
        import trafilatura as module
    except ImportError:
        return None
    return module


#: The most elements of a page trafilatura is given: its time grows faster than the
#: page beyond (100 000 paragraphs took it half a minute), and article pages have far
#: fewer (a few thousand). A larger page's elements are read as strictly.
MOST_ELEMENTS = 40_000


class TooLarge(Exception):
    """A page with more elements than trafilatura is given (:data:`MOST_ELEMENTS`)."""


def extract(root: etree._Element) -> Extraction | Exception | None:
    """trafilatura's reading of the page ``root`` (which is left as it is): ``None`` if
    trafilatura is not installed, the exception if it failed or was not run
    (:class:`TooLarge`)."""
    module = trafilatura()
    if module is None:
        return None
    if next(itertools.islice(root.iter(), MOST_ELEMENTS, None), None) is not None:
        return TooLarge(f"the page has more than {MOST_ELEMENTS:,} elements")
    from lxml.html import HtmlElementClassLookup

    # trafilatura takes lxml.html's elements: the page's copy is made of them
    parser = root.getroottree().parser
    if parser is not None:
        parser.set_element_class_lookup(HtmlElementClassLookup())
    tree = copy.deepcopy(root)
    # what is never an article's (scripts, forms, frames, navigation…) is not shown to it
    etree.strip_elements(tree, *_NEVER_CONTENT, with_tail=False)
    links: list[tuple[str, str | None, int | None]] = []
    for a in tree.iter("a"):
        href = a.get("href")
        if href is None:
            continue
        line = a.sourceline
        links.append((href, a.get("title"), line if isinstance(line, int) else None))
        a.set("href", f"{_TOKEN}{len(links) - 1}")
    try:
        with warnings.catch_warnings():
            # its date libraries warn of what they cannot read (a zone's name): not ours
            warnings.simplefilter("ignore")
            document = _run(module, tree)
    except Exception as error:  # noqa: BLE001 - an extractor's fault must not end the reading
        return error
    if document is None or document.body is None:
        return Extraction(None, links)
    return Extraction(document, links)


#: How htmldate looks for a page's date (trafilatura asks it): not by its extensive search,
#: which hands any date-like text to dateparser, which loads every locale it knows on the
#: first such page (seconds). The page's own JSON-LD, meta tags and ``<time>`` are read
#: first anyway, and htmldate's fast rules find dates in the markup and the URL.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def _run(module: Any, tree: etree._Element) -> Any:
    """trafilatura's ``bare_extraction`` of the tree, with what briefmodel reads of it."""
    return module.bare_extraction(
        tree,
        config=_config(module),
        with_metadata=True,
        date_extraction_params=dict(_DATE_SEARCH),
        include_comments=False,
        include_formatting=True,
        include_links=True,
        include_tables=True,
        include_images=False,
    )


_CONFIGS: dict[int, Any] = {}


def _config(module: Any) -> Any:
    """trafilatura's settings, but for one: its own reading of a page is taken however
    short the article (``MIN_EXTRACTED_SIZE``), where by default an article under 250
    characters is read again by other extractors, which give its text as one paragraph
    without its headings, lists and tables."""
    key = id(module)
    if key not in _CONFIGS:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        _CONFIGS[key] = config
    return _CONFIGS[key]


class _ExtractedPage(_BlockReader):
    """Reading trafilatura's XML of another producer's page into sections and blocks."""

    extraction: Extraction | None = None
    #: The article's subheadline, if trafilatura kept it as a paragraph classed as one.
    subheadline: str | None = None

    def extracted_sections(self, body: etree._Element, headline: str) -> list[Section]:
        """The sections of the article: one before its first heading (if it has text),
        then one at each heading; a first heading that says the headline is passed over."""
        sections: list[Section] = []
        title: str | None = None
        blocks: list[Any] = []
        started = False
        skipped = False
        for child in body:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "head":
                text = " ".join("".join(child.itertext()).split())  # type: ignore[arg-type]
                if not skipped and not sections and not blocks and text == headline:
                    skipped = True
                    continue
                if started or blocks:
                    sections.append(Section(title=title, blocks=blocks))
                title, blocks, started = text or None, [], True
                continue
            if tag == "p" and not sections and not blocks and not started and self.dek(child):
                continue
            block = self.extracted_block(child)
            if block is not None:
                blocks.append(block)
        if started or blocks:
            sections.append(Section(title=title, blocks=blocks))
        return sections

    def dek(self, element: etree._Element) -> bool:
        """Whether the paragraph is the article's subheadline (classed as one, as the
        page had it), which is then kept as :attr:`subheadline`."""
        if not {c.lower() for c in _class(element)} & SUBHEADLINE_CLASSES:
            return False
        text = " ".join("".join(element.itertext()).split())  # type: ignore[arg-type]
        self.subheadline = text or None
        return bool(text)

    def extracted_block(self, element: etree._Element) -> Any:
        tag = element.tag if isinstance(element.tag, str) else ""
        rule = _BLOCKS.get(tag, _ExtractedPage.x_paragraph)
        return rule(self, element)

    def x_rich(self, element: etree._Element) -> tuple[Any, ...]:
        content: list[Any] = []
        self.x_inline_into(element, content)
        return self.tidy(content)  # (another producer's page: white space collapsed)

    def x_inline_into(self, element: etree._Element, out: list[Any]) -> None:
        if element.text:
            out.append(element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            rule = _INLINES.get(tag)
            if rule is not None:
                node = rule(self, child)
                if type(node) is list:
                    out.extend(node)
                elif node is not None:
                    out.append(node)
            elif tag in _BLOCKS:  # a block inside text: its text, apart
                out.append(" ")
                self.x_inline_into(child, out)
                out.append(" ")
            else:
                self.x_inline_into(child, out)
            if child.tail:
                out.append(child.tail)

    def x_inner(self, element: etree._Element) -> list[Any]:
        content: list[Any] = []
        self.x_inline_into(element, content)
        return content

    # -- blocks ------------------------------------------------------------------------

    def x_paragraph(self, element: etree._Element) -> Any:
        content = self.x_rich(element)
        return self.build(element, Paragraph, content=content) if content else None

    def x_list(self, element: etree._Element) -> Any:
        items = [self.x_item(item) for item in element if item.tag == "item"]
        items = [i for i in items if i is not None]
        if not items:
            return None
        ordered = element.get("rend") == "ol"
        return self.build(element, ItemList, items=items, ordered=ordered)

    def x_item(self, element: etree._Element) -> Any:
        blocks: list[Any] = []
        text = etree.Element("p")  # the item's text, without its nested blocks
        text.text = element.text
        for child in element:
            if child.tag in _BLOCKS and child.tag != "p":
                block = self.extracted_block(child)
                if block is not None:
                    blocks.append(block)
                if child.tail and child.tail.strip():
                    blocks.append(Paragraph(content=" ".join(child.tail.split())))
            else:
                text.append(copy.copy(child))
        content = self.x_rich(text)
        if not content and not blocks:
            return None
        return self.build(element, ListItem, content=content, blocks=blocks)

    def x_quote(self, element: etree._Element) -> Any:
        parts = [c for c in element if c.tag in _BLOCKS]
        content: list[Any] = []
        if parts and not (element.text or "").strip():
            for part in parts:
                text = self.x_rich(part)
                if text:
                    if content:
                        content.append(LineBreak())
                    content.extend(text)
        else:
            content = list(self.x_rich(element))
        return self.build(element, Quote, content=content) if content else None

    def x_table(self, element: etree._Element) -> Any:
        rows = [self.x_row(row) for row in element.iter("row")]
        head: list[TableRow] = []
        while rows and not head and rows[0][1]:
            head.append(rows.pop(0)[0])
        body = [row for row, _ in rows if row.cells]
        if not head and not body:
            return None
        return self.build(element, Table, head=head, body=body)

    def x_row(self, element: etree._Element) -> tuple[TableRow, bool]:
        """A row, and whether all its cells are headers."""
        cells = [
            TableCell(
                content=self.x_rich(cell), header="auto" if cell.get("role") == "head" else None
            )
            for cell in element
            if cell.tag == "cell"
        ]
        header = bool(cells) and all(c.header is not None for c in cells)
        return TableRow(cells=cells), header

    def x_code_block(self, element: etree._Element) -> Any:
        text = "".join(element.itertext()).strip("\n")  # type: ignore[arg-type]
        return Paragraph(content=Code(text=text)) if text.strip() else None

    # -- inline ------------------------------------------------------------------------

    def x_hi(self, element: etree._Element) -> Any:
        rend = element.get("rend") or ""
        if rend == "#b":
            return self.build(element, Strong, content=self.x_inner(element))
        if rend == "#i":
            return self.build(element, Emphasis, content=self.x_inner(element))
        if rend == "#t":
            return self.x_code(element)
        return self.x_inner(element)  # underline, sub- and superscript: their text

    def x_code(self, element: etree._Element) -> Any:
        text = " ".join("".join(element.itertext()).split())  # type: ignore[arg-type]
        return Code(text=text) if text else None

    def x_lb(self, element: etree._Element) -> Any:
        return LineBreak()

    def x_ref(self, element: etree._Element) -> Any:
        """A link: the page's own, traced by its token, read by :func:`._links.read_link`
        (each repair a warning at its line); its text only if it cannot be a link."""
        content = self.x_inner(element)
        target = element.get("target") or ""
        links = self.extraction.links if self.extraction is not None else []
        number = target[len(_TOKEN) :] if target.startswith(_TOKEN) else ""
        if not number.isdigit() or int(number) >= len(links):
            return content
        href, title, line = links[int(number)]
        reading = read_link(href, title, self.base)
        for repair in reading.repairs:
            self.repair(code_of(repair), message(repair, href, reading.href), line)
        if reading.href is None:
            return content
        return self.build(element, Link, href=reading.href, title=reading.title, content=content)


_BLOCKS: dict[str, Callable[[_ExtractedPage, etree._Element], Any]] = {
    "p": _ExtractedPage.x_paragraph,
    "list": _ExtractedPage.x_list,
    "quote": _ExtractedPage.x_quote,
    "table": _ExtractedPage.x_table,
    "code": _ExtractedPage.x_code_block,
}
_INLINES: dict[str, Callable[[_ExtractedPage, etree._Element], Any]] = {
    "hi": _ExtractedPage.x_hi,
    "ref": _ExtractedPage.x_ref,
    "lb": _ExtractedPage.x_lb,
    "code": _ExtractedPage.x_code,
}
