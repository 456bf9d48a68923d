"""Writing canonical JSON: the data of a brief, and its text, deterministic and compact
or indented."""

from __future__ import annotations

import json
from typing import Any

from ..._converter import converter
from ...model import Brief


def to_dict(brief: Brief) -> dict[str, Any]:
    """The canonical JSON data of ``brief`` (plain dicts, lists, strings and numbers)."""
    return converter.unstructure(brief)  # type: ignore[no-any-return]


#: The most spaces ``indent=`` may ask for (here, in ninjs, and in ``--indent``).
MAX_INDENT = 16


def checked_indent(indent: object) -> int | None:
    """``indent`` if it is ``None`` or a number of spaces from 0 to :data:`MAX_INDENT`;
    else :class:`TypeError` (not a whole number) or :class:`ValueError` (out of range),
    since a huge indent would take memory without bound."""
    if indent is None:
        return None
    if not isinstance(indent, int) or isinstance(indent, bool):
        raise TypeError(f"indent= takes a number of spaces or None, not {type(indent).__name__}")
    if not 0 <= indent <= MAX_INDENT:
        raise ValueError(f"indent= takes 0 to {MAX_INDENT} spaces, not {indent}")
    return indent


def write(brief: Brief, *, indent: int | None = None) -> str:
    """Write ``brief`` as canonical JSON: compact, or indented by ``indent`` spaces
    (0 to :data:`MAX_INDENT`)."""
    return json.dumps(
        converter.unstructure(brief),
        ensure_ascii=False,
        allow_nan=False,
        indent=checked_indent(indent),
        separators=(",", ": ") if indent is not None else (",", ":"),
    )
