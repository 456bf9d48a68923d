"""The body of a brief: the blocks (:class:`Paragraph`, :class:`ItemList` and its
:class:`ListItem`, :class:`Quote`, :class:`Judgment`, :class:`Figure`, :class:`Table` and
its :class:`TableRow` and :class:`TableCell`) and the :class:`Section` that holds them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Union

import attrs

from .. import _patterns
from ..errors import ModelError
from ._fields import (
    _bool,
    _int,
    _of,
    _one_of,
    _refuse,
    _resolve,
    _sequence,
    _string_tuple,
    _strings,
    _strings_of,
    _text,
    _tuple,
    got,
)
from .inline import RICH_TEXT, RichText, _rich
from .vocabularies import (
    ALIGNMENTS,
    CONFIDENCES,
    HEADERS,
    LIKELIHOODS,
    Alignment,
    Confidence,
    Header,
    Likelihood,
)

# Validators of fields whose node types are defined further down.
_BLOCKS_ONLY: Callable[..., None]
_SECTIONS_ONLY: Callable[..., None]


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of rich text."""

    content: RichText = attrs.field(converter=_rich)


#: What an ItemList's items may be.
_ITEMS = "a list of items (each a ListItem, or rich text: a str, an inline node or a list of those)"


#: What a TableRow's cells may be.
_CELLS = "a list of cells (each a TableCell, or rich text: a str, an inline node or a list)"


def _nodes_of_rich_text(cls: type, what: str) -> Any:
    """The converter of a field holding nodes of ``cls`` (list items, table cells), where
    rich text stands for a node that holds it; ``what`` says what the field takes."""

    def convert(value: Any, inst: object, attribute: attrs.Attribute[Any]) -> tuple[Any, ...]:
        nodes = _sequence(value)
        if nodes is None:
            raise _refuse(inst, attribute, "schema.type", what, got(value))
        if all(type(node) is cls for node in nodes):
            return nodes
        out = []
        for index, node in enumerate(nodes):
            if type(node) is not cls:
                try:
                    node = cls(content=node)
                except ModelError as error:  # said of this field's node, not of a cls
                    inner = error.path[1:]
                    expected = f"a {cls.__name__} or {RICH_TEXT}" if not inner else None
                    message = f"expected {expected}, got {got(node)}" if expected else error.message
                    raise ModelError(
                        type(inst).__name__, (attribute.name, index, *inner), error.code, message
                    ) from None
            out.append(node)
        return tuple(out)

    return attrs.Converter(convert, takes_self=True, takes_field=True)


@attrs.frozen(kw_only=True)
class ListItem:
    """One item of an :class:`ItemList`: rich text, optionally followed by blocks.

    >>> ListItem(content="Minerals", blocks=[ItemList(items=["lithium", "cobalt"])]).content
    ('Minerals',)
    """

    content: RichText = attrs.field(default=(), converter=_rich)
    blocks: tuple[Block, ...] = attrs.field(
        default=(), converter=_tuple, validator=lambda *a: _BLOCKS_ONLY(*a)
    )


if TYPE_CHECKING:

    def _list_items(value: Any) -> tuple[ListItem, ...]: ...

else:
    _list_items = _nodes_of_rich_text(ListItem, _ITEMS)


@attrs.frozen(kw_only=True)
class ItemList:
    """A bulleted (``ordered=False``) or numbered (``ordered=True``) list.

    Items may be given as strings or rich text; they are stored as :class:`ListItem`.
    """

    items: tuple[ListItem, ...] = attrs.field(default=(), converter=_list_items)
    ordered: bool = attrs.field(default=False, validator=_bool)


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation, with who said it and optionally the :class:`Source` it comes from."""

    content: RichText = attrs.field(converter=_rich)
    attribution: str | None = attrs.field(default=None, validator=_text(optional=True))
    source_ref: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )


@attrs.frozen(kw_only=True)
class Judgment:
    """An analytic key judgment with its confidence and likelihood.

    ``likelihood`` uses the estimative-language scale of US ICD 203; ``basis`` lists the
    ids of the sources the judgment rests on.
    """

    statement: RichText = attrs.field(converter=_rich)
    confidence: Confidence | None = attrs.field(
        default=None, validator=_one_of(CONFIDENCES, optional=True)
    )
    likelihood: Likelihood | None = attrs.field(
        default=None, validator=_one_of(LIKELIHOODS, optional=True)
    )
    basis: tuple[str, ...] = attrs.field(
        default=(),
        converter=_string_tuple,
        validator=_strings(_patterns.NODE_ID),
        metadata={"shape": _patterns.NODE_ID},
    )


@attrs.frozen(kw_only=True)
class Figure:
    """An image with its (required) alternative text, caption and credit."""

    src: str = attrs.field(validator=_text())
    alt: str = attrs.field(validator=_text())
    caption: RichText = attrs.field(default=(), converter=_rich)
    credit: str | None = attrs.field(default=None, validator=_text(optional=True))


#: The most columns or rows one table cell may span (HTML allows 1,000 columns).
MAX_SPAN = 1000


@attrs.frozen(kw_only=True)
class TableCell:
    """One cell of a :class:`TableRow`: rich text, and the columns and rows it spans.

    A header cell says what it heads in ``header``: its column (``col``), its row
    (``row``), a group of columns or rows (``colgroup``, ``rowgroup``), or ``auto`` for
    what its place implies (HTML's ``th`` without a ``scope``); a data cell has None.
    """

    content: RichText = attrs.field(default=(), converter=_rich)
    header: Header | None = attrs.field(default=None, validator=_one_of(HEADERS, optional=True))
    colspan: int = attrs.field(
        default=1, validator=_int(1, MAX_SPAN), metadata={"range": (1, MAX_SPAN)}
    )
    rowspan: int = attrs.field(
        default=1, validator=_int(1, MAX_SPAN), metadata={"range": (1, MAX_SPAN)}
    )


if TYPE_CHECKING:

    def _cells(value: Any) -> tuple[TableCell, ...]: ...

else:
    _cells = _nodes_of_rich_text(TableCell, _CELLS)


@attrs.frozen(kw_only=True)
class TableRow:
    """One row of a :class:`Table`: its cells, left to right (start to end)."""

    cells: tuple[TableCell, ...] = attrs.field(default=(), converter=_cells)


_ROWS = _of(TableRow)


@attrs.frozen(kw_only=True)
class Table:
    """A table: an optional caption, header rows, body rows and footer rows, and how each
    column's text is aligned (``start``, ``center``, ``end`` or ``default``, by column).

    >>> table = Table(caption="Fees by length", head=[TableRow(cells=[
    ...     TableCell(content="Length", header="col"),
    ...     TableCell(content="Fee", header="col")])],
    ...     body=[TableRow(cells=["under 150 m", "€410"])], align=["start", "end"])
    >>> [cell.content for cell in table.body[0].cells]
    [('under 150 m',), ('€410',)]
    """

    caption: RichText = attrs.field(default=(), converter=_rich)
    head: tuple[TableRow, ...] = attrs.field(default=(), converter=_tuple, validator=_ROWS)
    body: tuple[TableRow, ...] = attrs.field(default=(), converter=_tuple, validator=_ROWS)
    foot: tuple[TableRow, ...] = attrs.field(default=(), converter=_tuple, validator=_ROWS)
    align: tuple[Alignment, ...] = attrs.field(
        default=(), converter=_string_tuple, validator=_strings_of(ALIGNMENTS)
    )


Block = Union[Paragraph, ItemList, Quote, Judgment, Figure, Table]
BLOCK_TYPES: tuple[type, ...] = (Paragraph, ItemList, Quote, Judgment, Figure, Table)
_BLOCKS_ONLY = _of(*BLOCK_TYPES)


@attrs.frozen(kw_only=True)
class Section:
    """A part of the body: an optional title and role, blocks, and nested sections.

    The ``title`` is what the author wrote ("Flash Points"); the ``role`` is what it
    means (``key-points``). Recommended roles: ``key-points``, ``summary``,
    ``context``, ``analysis``, ``implications``, ``outlook``, ``recommendations``.
    """

    id: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )
    title: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.LINE, optional=True),
        metadata={"shape": _patterns.LINE},
    )
    role: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )
    blocks: tuple[Block, ...] = attrs.field(
        default=(), converter=_tuple, validator=_of(*BLOCK_TYPES)
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_tuple, validator=lambda *a: _SECTIONS_ONLY(*a)
    )


_SECTIONS_ONLY = _of(Section)
_resolve(globals())
