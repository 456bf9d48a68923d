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


def write(brief: Brief, *, indent: int | None = None) -> str:
    """Write ``brief`` as canonical JSON: compact, or indented by ``indent`` spaces."""
    return json.dumps(
        converter.unstructure(brief),
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        separators=(",", ": ") if indent is not None else (",", ":"),
    )
