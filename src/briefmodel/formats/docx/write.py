"""The writer: a brief as a Word document in Word's built-in styles (python-docx's
template), one rule per node type for blocks and inline nodes, the brief itself in a
custom XML part, and the zip written the same way every time."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from ... import _options
from ...model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Agent,
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
    Source,
    Strong,
    Table,
    TableRow,
)
from ...rules import DANGEROUS_SCHEMES, url_scheme
from .. import json as json_format
from .._labels import CONFIDENCE_LABELS, LIKELIHOOD_LABELS, SIGNAL_LABELS, direction
from ._core import write_core
from ._package import (
    BRIEF_NS,
    CUSTOM_XML,
    CUSTOM_XML_PROPS,
    HYPERLINK,
    R,
    docx_module,
    repacked,
    w,
)
from ._styles import Styles, continue_style, list_style

#: The names of the bookmarks the writer sets: a source's item in the Sources list
#: (which citations link to) and a section's heading, each followed by its number.
SOURCE_BOOKMARK = "_bm_source_"
SECTION_BOOKMARK = "_bm_section_"
#: The heading of the list of sources.
SOURCES_TITLE = "Sources"
#: The column alignments as Word's w:jc values (``start`` and ``end`` as Word 2007's).
JUSTIFY = {"start": "left", "center": "center", "end": "right"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Marks of a run: italic, bold, and the character style (or None).
Marks = tuple[bool, bool, str | None]
_PLAIN: Marks = (False, False, None)


def followed(url: str) -> bool:
    """Whether a link to ``url`` is written as a hyperlink (not for a scheme that runs or
    embeds content, nor a relative address)."""
    scheme = url_scheme(url)
    return scheme is not None and scheme not in DANGEROUS_SCHEMES


def shown_time(when: datetime) -> str:
    """A date-time as the document shows it: ``2026-03-02 09:00 +01:00``."""
    offset = when.strftime("%z")
    zone = f"{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{when:%Y-%m-%d %H:%M} {zone}".strip()


class _Writer:
    """One brief being written into a python-docx document."""

    def __init__(self, brief: Brief, document: Any) -> None:
        self.brief = brief
        self.document = document
        self.part = document.part
        self.body = document.element.body
        self.end = self.body[-1]  # the w:sectPr: blocks go before it
        self.styles = Styles(
            document, rtl=direction(brief.language) == "rtl", language=brief.language
        )
        self.numbers = {source.id: n for n, source in enumerate(brief.sources, 1)}
        self.bookmarks = 0
        self.sections = 0
        self.in_link = 0
        self.level = 0  # how deep in lists the blocks being written are
        numbering = self.part.numbering_part.element
        self.numbering = numbering
        self.abstracts = {int(num.numId): int(num.abstractNumId.val) for num in numbering.num_lst}

    # -- the document ------------------------------------------------------------------

    def document_body(self) -> None:
        b = self.brief
        if b.status != "usable":
            self.paragraph_of("Status", [b.status.capitalize()])
        self.paragraph_of("Title", [b.headline])
        if b.subheadline is not None:
            self.paragraph_of("Subtitle", [b.subheadline])
        if b.authors:
            self.byline(b.authors)
        dates = [
            f"{label} {shown_time(when)}"
            for label, when in (
                ("Published", b.created),
                ("Updated", b.updated),
                ("Embargoed until", b.embargo_until),
            )
            if when is not None
        ]
        if dates:
            self.paragraph_of("Dates", [" · ".join(dates)])
        for correction in b.corrections:
            shown = SIGNAL_LABELS[correction.signal]
            if correction.date is not None:
                shown += f" ({shown_time(correction.date)})"
            self.paragraph_of("Correction", [f"{shown}: {correction.note}"])
        for section in b.sections:
            self.section(section, 1)
        if b.sources:
            self.paragraph_of("Sources Heading", [SOURCES_TITLE])
            number = self.new_list(True)
            for index, source in enumerate(b.sources, 1):
                self.source(source, index, number)

    def byline(self, authors: Sequence[Agent]) -> None:
        parts: list[Any] = ["By "]
        for index, author in enumerate(authors):
            if index:
                parts.append(" and " if index == len(authors) - 1 else ", ")
            name: Any = author.name
            if author.uri is not None and followed(author.uri):
                name = Link(href=author.uri, content=author.name)
            parts.append(name)
            details = [d for d in (author.role, author.affiliation) if d is not None]
            if details:
                parts.append(f" ({', '.join(details)})")
        self.paragraph_of("Byline", parts)

    def source(self, source: Source, index: int, number: int) -> None:
        title: Any = source.title
        if source.url is not None and followed(source.url):
            title = Link(href=source.url, content=source.title)
        parts = [title]
        parts += [f", {t}" for t in (source.publisher,) if t is not None]
        if source.published is not None:
            parts.append(f", {shown_time(source.published)}")
        p = self.paragraph_of("Source", parts, number=(number, 0))
        self.bookmark(p, f"{SOURCE_BOOKMARK}{index}")

    def section(self, section: Section, level: int) -> None:
        self.sections += 1
        if section.title is not None:
            p = self.paragraph_of(f"Heading {min(level, 9)}", [section.title])
            self.bookmark(p, f"{SECTION_BOOKMARK}{self.sections}")
        for block in section.blocks:
            _BLOCKS[type(block)](self, block)
        for child in section.sections:
            self.section(child, level + 1)

    # -- paragraphs --------------------------------------------------------------------

    def paragraph_of(
        self,
        style: str,
        content: Sequence[Any],
        *,
        number: tuple[int, int] | None = None,
        jc: str | None = None,
        into: Any = None,
    ) -> Any:
        """A new paragraph in ``style`` holding ``content`` (rich text), numbered by
        ``number`` (numId, ilvl), aligned by ``jc``, at the end of ``into`` (else of the
        body)."""
        p = self.body.makeelement(w("p"), {})
        ppr = p.makeelement(w("pPr"), {})
        ppr.append(ppr.makeelement(w("pStyle"), {w("val"): self.styles.id(style)}))
        if style == "Caption" and into is None:
            ppr.append(ppr.makeelement(w("keepNext"), {}))
        if number is not None:
            numpr = ppr.makeelement(w("numPr"), {})
            numpr.append(numpr.makeelement(w("ilvl"), {w("val"): str(number[1])}))
            numpr.append(numpr.makeelement(w("numId"), {w("val"): str(number[0])}))
            ppr.append(numpr)
        if jc is not None:
            ppr.append(ppr.makeelement(w("jc"), {w("val"): jc}))
        p.append(ppr)
        self.rich(p, content, _PLAIN)
        if into is not None:
            into.append(p)
        else:
            self.end.addprevious(p)
        return p

    def bookmark(self, p: Any, name: str) -> None:
        """A bookmark ``name`` around the content of paragraph ``p``."""
        start = p.makeelement(w("bookmarkStart"), {w("id"): str(self.bookmarks), w("name"): name})
        end = p.makeelement(w("bookmarkEnd"), {w("id"): str(self.bookmarks)})
        self.bookmarks += 1
        p[0].addnext(start)
        p.append(end)

    def new_list(self, ordered: bool) -> int:
        """The numId of a new list, numbered from 1, in the numbering of its level's
        built-in style."""
        style = self.document.styles[list_style(ordered, max(self.level, 1))]
        numid = int(style.element.pPr.numPr.numId.val)
        num = self.numbering.add_num(self.abstracts[numid])
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    # -- blocks ------------------------------------------------------------------------

    def paragraph(self, block: Paragraph) -> None:
        style = continue_style(self.level) if self.level else "Normal"
        self.paragraph_of(style, block.content)

    def item_list(self, block: ItemList) -> None:
        self.level += 1
        number = self.new_list(block.ordered)
        style = list_style(block.ordered, self.level)
        for item in block.items:
            self.paragraph_of(style, item.content, number=(number, 0))
            for child in item.blocks:
                _BLOCKS[type(child)](self, child)
        self.level -= 1

    def quote(self, block: Quote) -> None:
        self.paragraph_of("Quote", block.content)
        if block.attribution is not None or block.source_ref is not None:
            parts: list[Any] = ["— "]
            if block.attribution is not None:
                parts.append(block.attribution)
            if block.source_ref is not None:
                parts.append(Citation(ref=block.source_ref))
            self.paragraph_of("Quote Attribution", parts)

    def judgment(self, block: Judgment) -> None:
        shown = [
            labels[value]
            for labels, value in (
                (LIKELIHOOD_LABELS, block.likelihood),
                (CONFIDENCE_LABELS, block.confidence),
            )
            if value is not None
        ]
        if shown:
            self.paragraph_of("Judgment Assessment", [" · ".join(shown)])
        self.paragraph_of("Judgment", block.statement)
        if block.basis:
            parts: list[Any] = ["Based on "]
            parts += [Citation(ref=ref) for ref in block.basis]
            self.paragraph_of("Judgment Basis", parts)

    def figure(self, block: Figure) -> None:
        image: Any = block.alt
        if followed(block.src):
            image = Link(href=block.src, content=block.alt)
        self.paragraph_of("Figure", [image])
        if block.caption:
            self.paragraph_of("Caption", block.caption)
        if block.credit is not None:
            self.paragraph_of("Figure Credit", [block.credit])

    def table(self, block: Table) -> None:
        if block.caption:
            self.paragraph_of("Caption", block.caption)
        rows = [*block.head, *block.body, *block.foot]
        if not rows:
            return
        groups = [(block.head, True), (block.body, False), (block.foot, False)]
        width = max(1, max(_width(group) for group, _ in groups if group) if rows else 1)
        tbl = self.body.makeelement(w("tbl"), {})
        pr = tbl.makeelement(w("tblPr"), {})
        pr.append(pr.makeelement(w("tblStyle"), {w("val"): self.styles.id("Table Grid")}))
        if direction(self.brief.language) == "rtl":  # (before tblW: the schema's order)
            pr.append(pr.makeelement(w("bidiVisual"), {}))
        pr.append(pr.makeelement(w("tblW"), {w("w"): "0", w("type"): "auto"}))
        tbl.append(pr)
        grid = tbl.makeelement(w("tblGrid"), {})
        for _ in range(width):
            grid.append(grid.makeelement(w("gridCol"), {w("w"): str(9000 // width)}))
        tbl.append(grid)
        for group, header in groups:
            self.rows(tbl, group, header, block.align)
        self.end.addprevious(tbl)

    def rows(self, tbl: Any, rows: Sequence[TableRow], header: bool, align: Sequence[str]) -> None:
        """The rows of one group (head, body or foot), with a continuation cell (vMerge)
        wherever a cell above spans into the row, as Word's grid needs."""
        covered: dict[int, tuple[int, int]] = {}  # column -> (rows left, columns spanned)
        for row in rows:
            tr = tbl.makeelement(w("tr"), {})
            if header:
                trpr = tr.makeelement(w("trPr"), {})
                trpr.append(trpr.makeelement(w("tblHeader"), {}))
                tr.append(trpr)
            cells = list(row.cells)
            column = 0
            while cells or any(c >= column for c in covered):
                if column in covered:
                    left, span = covered[column]
                    self.cell(tr, None, span, "continue", _jc(align, column))
                    if left > 1:
                        covered[column] = (left - 1, span)
                    else:
                        del covered[column]
                    column += span
                    continue
                if not cells:
                    column = min(c for c in covered if c >= column)
                    continue
                cell = cells.pop(0)
                merge = "restart" if cell.rowspan > 1 else None
                self.cell(tr, cell, cell.colspan, merge, _jc(align, column))
                if cell.rowspan > 1:
                    covered[column] = (cell.rowspan - 1, cell.colspan)
                column += cell.colspan
            if not len(tr.findall(w("tc"))):
                self.cell(tr, None, 1, None, None)
            tbl.append(tr)

    def cell(self, tr: Any, cell: Any, span: int, merge: str | None, jc: str | None) -> None:
        tc = tr.makeelement(w("tc"), {})
        pr = tc.makeelement(w("tcPr"), {})
        if span > 1:
            pr.append(pr.makeelement(w("gridSpan"), {w("val"): str(span)}))
        if merge is not None:
            pr.append(pr.makeelement(w("vMerge"), {w("val"): merge} if merge == "restart" else {}))
        if cell is not None and cell.header is not None:
            shade = {w("val"): "clear", w("color"): "auto", w("fill"): "E7E6E6"}
            pr.append(pr.makeelement(w("shd"), shade))
        tc.append(pr)
        content = cell.content if cell is not None else ()
        self.paragraph_of("Normal", content, jc=jc, into=tc)
        tr.append(tc)

    # -- rich text ---------------------------------------------------------------------

    def rich(self, parent: Any, content: Sequence[Any], marks: Marks) -> None:
        for node in content:
            if type(node) is str:
                self.text(parent, node, marks)
            else:
                _INLINES[type(node)](self, parent, node, marks)

    def text(self, parent: Any, text: str, marks: Marks) -> None:
        """A run of ``text``: a tab as w:tab, a line feed as w:cr (a line break is w:br),
        the rest in w:t, white space kept."""
        r = self.run(parent, marks)
        piece: list[str] = []
        for char in text:
            if char in "\t\n":
                if piece:
                    self.t(r, "".join(piece))
                    piece = []
                r.append(r.makeelement(w("tab" if char == "\t" else "cr"), {}))
            else:
                piece.append(char)
        if piece:
            self.t(r, "".join(piece))

    def t(self, r: Any, text: str) -> None:
        t = r.makeelement(w("t"), {})
        t.text = text
        if text != text.strip() or "\r" in text:
            t.set(XML_SPACE, "preserve")
        r.append(t)

    def run(self, parent: Any, marks: Marks) -> Any:
        italic, bold, style = marks
        r = parent.makeelement(w("r"), {})
        if marks != _PLAIN:
            pr = r.makeelement(w("rPr"), {})
            if style is not None:
                pr.append(pr.makeelement(w("rStyle"), {w("val"): self.styles.id(style)}))
            if bold:
                pr.append(pr.makeelement(w("b"), {}))
            if italic:
                pr.append(pr.makeelement(w("i"), {}))
            r.append(pr)
        parent.append(r)
        return r

    def emphasis(self, parent: Any, node: Emphasis, marks: Marks) -> None:
        self.rich(parent, node.content, (True, marks[1], marks[2]))

    def strong(self, parent: Any, node: Strong, marks: Marks) -> None:
        self.rich(parent, node.content, (marks[0], True, marks[2]))

    def code(self, parent: Any, node: Code, marks: Marks) -> None:
        self.text(parent, node.text, (marks[0], marks[1], "HTML Code"))

    def line_break(self, parent: Any, node: LineBreak, marks: Marks) -> None:
        r = self.run(parent, marks)
        r.append(r.makeelement(w("br"), {}))

    def link(self, parent: Any, node: Link, marks: Marks) -> None:
        content = node.content or (node.href,)
        if self.in_link or not followed(node.href):  # Word's hyperlinks do not nest
            self.rich(parent, content, marks)
            return
        rid = self.part.relate_to(node.href, HYPERLINK, is_external=True)
        attributes = {f"{{{R}}}id": rid, w("history"): "1"}
        if node.title is not None:
            attributes[w("tooltip")] = node.title
        hyperlink = parent.makeelement(w("hyperlink"), attributes)
        parent.append(hyperlink)
        self.in_link += 1
        self.rich(hyperlink, content, (marks[0], marks[1], "Hyperlink"))
        self.in_link -= 1

    def mention(self, parent: Any, node: Mention, marks: Marks) -> None:
        style = marks[2] if marks[2] is not None else "Mention"
        self.rich(parent, node.content, (marks[0], marks[1], style))

    def citation(self, parent: Any, node: Citation, marks: Marks) -> None:
        number = self.numbers.get(node.ref)
        shown = f"[{number}]" if number is not None else "[?]"
        if self.in_link or number is None:
            self.text(parent, shown, (marks[0], marks[1], "Source Citation"))
            return
        hyperlink = parent.makeelement(
            w("hyperlink"), {w("anchor"): f"{SOURCE_BOOKMARK}{number}", w("history"): "1"}
        )
        parent.append(hyperlink)
        self.text(hyperlink, shown, (marks[0], marks[1], "Source Citation"))


def _width(rows: Sequence[TableRow]) -> int:
    """The columns of a group of rows, counting those that cells above span into."""
    widest = 0
    below: list[int] = []  # for each row ahead, the columns spanned into it
    for index, row in enumerate(rows):
        spanned = below[index] if index < len(below) else 0
        width = spanned + sum(cell.colspan for cell in row.cells)
        widest = max(widest, width)
        for cell in row.cells:
            for ahead in range(index + 1, index + cell.rowspan):
                while len(below) <= ahead:
                    below.append(0)
                below[ahead] += cell.colspan
    return widest


def _jc(align: Sequence[str], column: int) -> str | None:
    return JUSTIFY.get(align[column]) if column < len(align) else None


_BLOCKS: dict[type, Callable[[_Writer, Any], None]] = {
    Paragraph: _Writer.paragraph,
    ItemList: _Writer.item_list,
    Quote: _Writer.quote,
    Judgment: _Writer.judgment,
    Figure: _Writer.figure,
    Table: _Writer.table,
}
_INLINES: dict[type, Callable[[_Writer, Any, Any, Marks], None]] = {
    Emphasis: _Writer.emphasis,
    Strong: _Writer.strong,
    Code: _Writer.code,
    LineBreak: _Writer.line_break,
    Link: _Writer.link,
    Mention: _Writer.mention,
    Citation: _Writer.citation,
}
assert set(_BLOCKS) == set(BLOCK_TYPES)
assert set(_INLINES) == set(INLINE_TYPES)


def written(brief: Brief) -> Any:
    """The python-docx document of ``brief``, before it is saved (the reader compares a
    file's text with it)."""
    docx = docx_module()
    document = docx.Document()
    _Writer(brief, document).document_body()
    return document


def _embed(document: Any, brief: Brief) -> None:
    """The brief's canonical JSON in a custom XML part (with its properties part, as
    Word keeps them), and the template's thumbnail and bibliography part left out."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rid)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == CUSTOM_XML:
            document.part.drop_rel(rid)
    root = etree.Element(f"{{{BRIEF_NS}}}brief", nsmap={"bm": BRIEF_NS})
    data = json_format.to_dict(brief)
    root.text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    item = Part(PackURI("/customXml/item1.xml"), "application/xml", blob, package)
    guid = hashlib.sha256(brief.id.encode("utf-8", "surrogatepass")).hexdigest().upper()
    item_id = f"{{{guid[:8]}-{guid[8:12]}-{guid[12:16]}-{guid[16:20]}-{guid[20:32]}}}"
    props = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'customXml" ds:itemID="{item_id}"><ds:schemaRefs><ds:schemaRef ds:uri="{BRIEF_NS}"/>'
        "</ds:schemaRefs></ds:datastoreItem>"
    ).encode()
    content_type = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
    item_props = Part(PackURI("/customXml/itemProps1.xml"), content_type, props, package)
    item.relate_to(item_props, CUSTOM_XML_PROPS)
    document.part.relate_to(item, CUSTOM_XML)


@_options.writer
def write(brief: Brief) -> bytes:
    """Write ``brief`` as a Word document (see the package's docs): the same brief always
    gives the same bytes. A text XML 1.0 cannot carry (a control character, a lone
    surrogate) is the rule's ``text.not-xml-char`` problem, at its place."""
    from .._safe_xml import writing_xml  # (lxml, which python-docx imports too)

    with writing_xml(brief):  # (python-docx's tree)
        document = written(brief)
        write_core(document.core_properties, brief)
        _embed(document, brief)
    out = io.BytesIO()
    document.save(out)
    return repacked(out.getvalue(), brief.updated or brief.created)
