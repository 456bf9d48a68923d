"""Canonical JSON: the lossless form of a brief, described by ``schemas/brief.schema.json``.

Output is deterministic (the same brief gives the same bytes), compact by default and
indented with ``indent=`` (0 to 16 spaces). Reading is strict: every problem is reported with a JSON
Pointer, syntax errors with a line and column. With ``strict=False`` unknown fields
are kept under ``extensions`` (key ``briefmodel:unknown``, by JSON Pointer) instead.

>>> import briefmodel as bm
>>> text = '{"schema": "briefmodel/2", "id": "x", "headline": "Hi", '
>>> text += '"created": "2026-01-01T00:00:00Z", "sections": [{"blocks": []}]}'
>>> bm.loads(text, "json").headline
'Hi'
"""

from __future__ import annotations

from .. import Format
from .read import UNKNOWN_KEY as UNKNOWN_KEY
from .read import explain as explain
from .read import from_dict, parse, read
from .read import sniff as sniff
from .write import MAX_INDENT, to_dict, write

__all__ = ["FORMAT", "MAX_INDENT", "from_dict", "parse", "read", "to_dict", "write"]

FORMAT = Format(
    name="json",
    suffixes=(".json",),
    media_type="application/json",
    read=read,
    write=write,
    sniff=sniff,
    description="briefmodel canonical JSON (lossless)",
)
