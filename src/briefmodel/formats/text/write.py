"""The writer: a brief as plain text in the layout of a web brief."""

from __future__ import annotations

from collections.abc import Iterator

from ... import _options
from ...model import (
    Block,
    Brief,
    Figure,
    ItemList,
    Judgment,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Table,
    plain_text,
)
from ._marks import _NEEDS_ESCAPE, BULLET
from ._stories import _SOURCE, misread
from ._titles import FURNITURE, _key, looks_like_title, normalise


def _block_text(block: Block) -> str:
    """The one line a block other than a list is written as."""
    kind = type(block)
    if kind is Quote:
        assert isinstance(block, Quote)
        said = normalise(plain_text(block.content))
        if block.attribution and normalise(block.attribution):
            said = f"{said} — {normalise(block.attribution)}".lstrip()
        return said
    if kind is Judgment:
        assert isinstance(block, Judgment)
        return normalise(plain_text(block.statement))
    if kind is Figure:
        assert isinstance(block, Figure)
        return normalise(plain_text(block.caption)) or normalise(block.alt)
    if kind is Table:
        assert isinstance(block, Table)
        rows = (" ".join(row) for row in _table_rows(block))
        return normalise(" ".join((plain_text(block.caption), *rows)))
    assert isinstance(block, Paragraph)
    return normalise(plain_text(block.content))


def _table_rows(block: Table) -> list[list[str]]:
    """Every row's cells, as text."""
    rows = (*block.head, *block.body, *block.foot)
    return [[normalise(plain_text(cell.content)) for cell in row.cells] for row in rows]


def _table_lines(block: Table) -> list[str]:
    """A table as lines: the caption, then a line a row, its cells in aligned columns."""
    caption = normalise(plain_text(block.caption))
    rows = _table_rows(block)
    columns = max((len(row) for row in rows), default=0)
    widths = [max((len(row[i]) for row in rows if i < len(row)), default=0) for i in range(columns)]
    lines = [caption] if caption else []
    for row in rows:
        line = "   ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        if line:
            lines.append(line)
    if lines and (
        # (a row whose first cells are empty begins with spaces: a bullet after them is one)
        any(_NEEDS_ESCAPE.match(line.lstrip()) or misread(line) for line in lines)
        or len(lines) == 1
    ):
        lines[0] = "\\" + lines[0]  # read back as the text of a paragraph, whatever it says
    return lines


def _item_text(item: ListItem) -> str:
    parts = [plain_text(item.content)]
    parts.extend(_block_text(b) for b in item.blocks if type(b) is not ItemList)
    return normalise(" ".join(parts))


def _list_lines(block: ItemList, indent: int) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, 1):
        marker = f"({number})" if block.ordered else BULLET
        text = _item_text(item)
        lines.append(" " * indent + marker + (" " + text if text else ""))
        for inner in item.blocks:
            if type(inner) is ItemList and inner.items:
                lines.extend(_list_lines(inner, indent + 4))
    return lines


def _paragraph_line(text: str) -> tuple[str, bool]:
    """The line a paragraph is written as, and whether it was escaped."""
    if _NEEDS_ESCAPE.match(text) or looks_like_title(text) or misread(text):
        return "\\" + text, True
    return text, False


def _title_line(title: str) -> str:
    if looks_like_title(title) and _key(title) not in FURNITURE and not _SOURCE.fullmatch(title):
        return title
    return "# " + title


def _section_chunks(section: Section) -> Iterator[list[str]]:
    title = normalise(section.title or "")
    if title:
        yield [_title_line(title)]
    lead_in: list[str] | None = None  # the last paragraph written, if it can lead in
    for block in section.blocks:
        if type(block) is ItemList:
            if not block.items:
                continue
            lines = _list_lines(block, 0 if block.ordered else 2)
            if block.ordered and lead_in is not None:
                yield lead_in + lines  # the seed's layout: the lead-in right above "(1)"
            else:
                if lead_in is not None:
                    yield lead_in
                yield lines
            lead_in = None
            continue
        if type(block) is Table:
            lines = _table_lines(block)
            if lines:
                if lead_in is not None:
                    yield lead_in
                lead_in = None
                yield lines
            continue
        text = _block_text(block)
        if not text:
            continue
        line, escaped = _paragraph_line(text)
        if lead_in is not None:
            yield lead_in
        lead_in = None if escaped else [line]
        if escaped:
            yield [line]
    if lead_in is not None:
        yield lead_in


@_options.writer
def write(brief: Brief) -> str:
    """Write ``brief`` as plain text in the layout of a web brief (deterministic).

    Inline markup becomes its text, white space is collapsed (:func:`normalise`), nested
    sections follow their parent in document order; what text cannot hold is dropped
    (see :func:`losses`).
    """
    head = [normalise(brief.headline)]
    subheadline = normalise(brief.subheadline or "")
    if subheadline:
        head.append(subheadline)
    chunks = [head]
    for section in brief.all_sections():
        chunks.extend(_section_chunks(section))
    return "\n\n".join("\n".join(chunk) for chunk in chunks) + "\n"
