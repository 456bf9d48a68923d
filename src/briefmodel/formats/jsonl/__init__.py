"""JSON Lines: one brief per line, each line a brief in compact canonical JSON.

A ``.jsonl`` (or ``.ndjson``) file holds many briefs, read and written as a stream:
:func:`briefmodel.load_all` reads it a line at a time, so that memory holds one brief
whatever the file's size, and :func:`briefmodel.dump_all` writes briefs as they come.
Blank lines are passed over, a byte-order mark at the start is allowed, and lines may
end in ``\\n`` or ``\\r\\n``; every problem names its line, and the JSON Pointer inside it.
JSON Lines is told by its suffix (or ``format="jsonl"``), never by content: its first
line alone is canonical JSON.

>>> import briefmodel as bm
>>> text = '{"schema": "briefmodel/2", "id": "x", "headline": "Hi", '
>>> text += '"created": "2026-01-01T00:00:00Z", "sections": [{"blocks": []}]}\\n'
>>> bm.loads(text, "jsonl").headline
'Hi'
"""

from __future__ import annotations

from .. import Format
from .._sniff import jsonl as sniff
from .read import MAX_LINE_BYTES, lines, read, read_all, read_line
from .write import write, write_all

__all__ = [
    "FORMAT",
    "MAX_LINE_BYTES",
    "lines",
    "read",
    "read_all",
    "read_line",
    "sniff",
    "write",
    "write_all",
]


FORMAT = Format(
    name="jsonl",
    suffixes=(".jsonl", ".ndjson"),
    media_type="application/jsonl",
    read=read,
    write=write,
    sniff=sniff,
    description="JSON Lines: one canonical JSON brief per line, read and written as a stream",
    read_all=read_all,
    write_all=write_all,
    streams=True,
    many=True,
)
