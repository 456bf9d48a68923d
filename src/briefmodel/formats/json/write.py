"""Writing canonical JSON: the data of a brief, and its text, deterministic and compact
or indented."""

from __future__ import annotations

import json
from typing import Any

from ... import _converter, _generated, _options
from ..._options import MAX_INDENT
from ...model import Brief

__all__ = ["MAX_INDENT", "to_dict", "write"]


@_options.writer
def to_dict(brief: Brief) -> dict[str, Any]:
    """The canonical JSON data of ``brief`` (plain dicts, lists, strings and numbers)."""
    return _data(brief)


def _data(brief: Brief) -> dict[str, Any]:
    try:  # the generated path
        return _generated.writer()(brief)
    except _generated.Doubt:  # a float in the extensions: the general path
        return _converter.converter.unstructure(brief)  # type: ignore[no-any-return]


@_options.writer
def write(brief: Brief, *, indent: int | None = None) -> str:
    """Write ``brief`` as canonical JSON: compact, or indented by ``indent`` spaces
    (0 to :data:`MAX_INDENT`; any other value is an :class:`~briefmodel.OptionError`, since
    a huge indent would take memory without bound)."""
    indent = _options.indent(indent)
    if indent is None:
        import orjson  # (imported when first used, as by the reader)

        try:  # the generated path, orjson's text being the json module's for what it holds
            return orjson.dumps(_generated.writer()(brief)).decode()
        except (_generated.Doubt, TypeError):  # a float, a lone surrogate
            pass
    return json.dumps(
        _data(brief),
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        separators=(",", ": ") if indent is not None else (",", ":"),
    )
