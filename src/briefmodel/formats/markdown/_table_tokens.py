"""Tables in Markdown: a GFM pipe table read into the model's table, and briefmodel's idiom
for a table a pipe table cannot hold (its canonical JSON in a ``briefmodel-table`` fence)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from ...errors import ParseError
from ...model import Table, TableCell, TableRow
from ..json import parse as parse_json

if TYPE_CHECKING:
    from ._tokens import _Reader

__all__ = ["TABLE_FENCE", "table", "table_fence"]

#: The fence of briefmodel's idiom for a table that a pipe table cannot hold.
TABLE_FENCE = "briefmodel-table"
#: The alignment of a pipe table's column, from the style markdown-it gives its cells.
_ALIGNMENTS = {"text-align:left": "start", "text-align:center": "center", "text-align:right": "end"}


def table(reader: _Reader, tokens: list[Token], index: int) -> tuple[Any, int]:
    """A GFM pipe table: its header row (cells that head their columns), its body rows
    and its columns' alignment."""
    head: list[dict[str, Any]] = []
    body: list[dict[str, Any]] = []
    align: list[str] = []
    rows = body
    index += 1
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            rows = head
        elif token.type == "tbody_open":
            rows = body
        elif token.type == "tr_open":
            cells = []
            index += 1
            while tokens[index].type != "tr_close":
                opening, inline = tokens[index], tokens[index + 1]
                if rows is head:
                    style = str(opening.attrs.get("style", ""))
                    align.append(_ALIGNMENTS.get(style, "default"))
                cells.append(
                    reader.build(
                        TableCell,
                        content=reader.rich(inline.children or [], 0),
                        header="col" if opening.type == "th_open" else None,
                    )
                )
                index += 3
            rows.append(reader.build(TableRow, cells=cells))
        index += 1
    if all(a == "default" for a in align):
        align = []
    return reader.build(Table, head=head, body=body, align=align), index + 1


def table_fence(reader: _Reader, token: Token) -> Any:
    """briefmodel's idiom for a table a pipe table cannot hold: its canonical JSON, which
    the brief is built with (what the model refuses in it is a problem at its line)."""
    try:
        data = parse_json(token.content)
    except ParseError as error:
        reader.fail(error.problem.code, f"the table's JSON: {error.problem.message}")
        return None
    if type(data) is not dict or data.get("type") != "table":
        reader.fail("schema.type", "the table's JSON is not a table (an object of type 'table')")
        return None
    reader.lines[id(data)] = reader.line
    return data
