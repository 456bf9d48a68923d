"""Reading a Word table: rows marked as header rows (w:tblHeader) its head and their
cells column headers, merged cells (w:gridSpan, w:vMerge) as spans, the first row's
alignment the columns', each cell's paragraphs joined by line breaks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...model import LineBreak, Table, TableCell, TableRow, plain_text, rich_text
from ._package import w
from ._signature import blocks

if TYPE_CHECKING:
    from ._body import Body

_JC = {"left": "start", "start": "start", "right": "end", "end": "end", "center": "center"}


def table(reader: Body, tbl: Any, caption: Any) -> Table:
    """A table: rows marked as header rows (w:tblHeader) its head, their cells column
    headers; merged cells (gridSpan, vMerge) as spans; the first body row's alignment (else
    the first row's) the columns' (another tool's left alignment alone says no more than
    the default)."""
    head: list[list[list[Any]]] = []
    body: list[list[list[Any]]] = []
    align: list[str] = []
    above: dict[int, list[Any]] = {}  # grid column -> the cell a vMerge continues
    for index, tr in enumerate(tbl.iterchildren(w("tr"))):
        trpr = tr.find(w("trPr"))
        header = trpr is not None and trpr.find(w("tblHeader")) is not None and not body
        cells: list[list[Any]] = []
        row_align: list[str] = []
        column = _grid_before(trpr)
        for tc in tr.iterchildren(w("tc")):
            pr = tc.find(w("tcPr"))
            span = _int_val(pr.find(w("gridSpan")) if pr is not None else None, 1)
            merge = pr.find(w("vMerge")) if pr is not None else None
            if (not header and not body) or index == 0:
                row_align.extend([_jc(tc)] * span)
            if merge is not None and merge.get(w("val"), "continue") == "continue":
                if column in above:
                    above[column][1] += 1
                column += span
                continue
            cell = [_cell(reader, tc), 1, span, "col" if header else None]
            if merge is not None:
                above[column] = cell
            else:
                above.pop(column, None)
            cells.append(cell)
            column += span
        if row_align and (index == 0 or (not header and not body)):
            align = row_align  # the first row's, unless a body row follows header rows
        (head if header else body).append(cells)
    if reader.own is None and all(a in ("start", "default") for a in align):
        align = []
    return Table(
        caption=caption,
        head=[_row(r) for r in head],
        body=[_row(r) for r in body],
        align=align if any(a != "default" for a in align) else (),
    )


def _cell(reader: Body, tc: Any) -> Any:
    parts: list[Any] = []
    for element in blocks(tc):
        if element.tag == w("tbl"):
            reader.lose("a table inside a table cell")
            continue
        reader.number += 1
        content = reader.inline.rich(list(reader.inline.pieces(element)))
        if reader.first_text is None and plain_text(content).strip():
            reader.first_text = (reader.number, plain_text(content))
        if parts and content:
            parts.append(LineBreak())
        parts.extend(content)
    return rich_text(parts)


def _jc(tc: Any) -> str:
    for p in tc.iter(w("p")):
        pr = p.find(w("pPr"))
        jc = pr.find(w("jc")) if pr is not None else None
        return _JC.get(jc.get(w("val"), ""), "default") if jc is not None else "default"
    return "default"


def _row(cells: list[list[Any]]) -> TableRow:
    """A row read: its cells as [content, rowspan, colspan, header]."""
    return TableRow(
        cells=[TableCell(content=c[0], rowspan=c[1], colspan=c[2], header=c[3]) for c in cells]
    )


def _grid_before(trpr: Any) -> int:
    return _int_val(trpr.find(w("gridBefore")) if trpr is not None else None, 0)


def _int_val(element: Any, default: int) -> int:
    value = element.get(w("val"), "") if element is not None else ""
    return int(value) if value.isdigit() and 0 < int(value) <= 1000 else default
