"""Reading tables, as the HTML page and the XHTML bodies of NewsML-G2, ninjs and NITF hold
them: :class:`TableReading`, the part of a reader that turns a ``table`` element into a
:class:`~briefmodel.Table`, whatever the namespace of its elements."""

from __future__ import annotations

from typing import Any, ClassVar

from lxml import etree

from ..model import HEADERS, Table, TableCell, TableRow
from ._safe_xml import Reading, local_name

__all__ = ["TableReading"]

#: The groups of rows, by element name, and the Table field each fills.
_GROUPS = {"thead": "head", "tbody": "body", "tfoot": "foot"}


class TableReading(Reading):
    """A reader that reads tables: its elements are matched by local name, so the same
    code serves HTML and XHTML; ``align_attribute`` names where Table.align is written."""

    #: The attribute of the table that holds its columns' alignment, words by spaces.
    align_attribute: ClassVar[str]

    def rich(self, element: etree._Element) -> tuple[Any, ...]:  # pragma: no cover
        raise NotImplementedError  # each reader reads rich text its own way

    def table(self, element: etree._Element) -> Any:
        """A table: its caption, header, body and footer rows (rows outside a group are
        body rows), each cell's header scope and spans, and the columns' alignment."""
        self.lose_stray_text(element)
        caption: tuple[Any, ...] = ()
        rows: dict[str, list[TableRow]] = {"head": [], "body": [], "foot": []}
        for child in element:
            local = local_name(child.tag)
            if local == "caption":
                caption = self.rich(child)
            elif local in _GROUPS:
                self.lose_stray_text(child)
                for row in child:
                    if local_name(row.tag) != "tr":
                        self.lose(row, f"<{local_name(row.tag)}> in a table", keep=False)
                        continue
                    rows[_GROUPS[local]].append(self.table_row(row))
            elif local == "tr":
                rows["body"].append(self.table_row(child))
            elif local not in ("colgroup", "col"):
                self.lose(child, f"<{local}> in a table", keep=False)
        align = (element.get(self.align_attribute) or "").split()
        return self.build(
            element,
            Table,
            caption=caption,
            head=rows["head"],
            body=rows["body"],
            foot=rows["foot"],
            align=align,
        )

    def table_row(self, element: etree._Element) -> TableRow:
        self.lose_stray_text(element)
        cells = []
        for child in element:
            local = local_name(child.tag)
            if local not in ("td", "th"):
                self.lose(child, f"<{local}> in a table row", keep=False)
                continue
            header = None if local == "td" else child.get("scope") or "auto"
            if header not in (None, *HEADERS):
                self.lose(
                    child, f"the scope {header!r} of a header cell", keep=False, part="@scope"
                )
                header = "auto"
            cell = self.build(
                child,
                TableCell,
                content=self.rich(child),
                header=header,
                colspan=_span(child.get("colspan")),
                rowspan=_span(child.get("rowspan")),
            )
            if cell is not None:
                cells.append(cell)
        return TableRow(cells=cells)


def _span(value: str | None) -> Any:
    """A cell's colspan or rowspan: a number as a number (the model bounds it), absent as 1,
    anything else as it is, for the model to refuse."""
    if value is None:
        return 1
    return int(value) if value.strip().isdigit() and len(value) < 8 else value
