"""The reader of the XML feeds, Atom and RSS alike: feedparser finds the entries
(:mod:`._parsed`), the HTML reader reads each (:mod:`._reading`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ... import _options
from ...model import Brief
from .._agency import Fallbacks
from ._parsed import found_in
from ._reading import briefs_of, the_one

__all__ = ["read_xml", "read_xml_all"]


def _bytes(data: str | bytes) -> bytes:
    document = _options.document(data)
    if isinstance(document, str):
        return document.encode("utf-8", "surrogatepass")
    return document


def read_xml_all(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Iterator[Brief]:
    """Every entry of an Atom or RSS feed as a brief, in the feed's order."""
    fallbacks = Fallbacks.checked(id=id, created=created, language=language)
    return briefs_of(found_in(_bytes(data), strict=strict), strict=strict, fallbacks=fallbacks)


def read_xml(kind: str, data: str | bytes, **options: object) -> Brief:
    """The one entry of a feed of ``kind`` as a brief (:func:`._reading.the_one`)."""
    return the_one(read_xml_all(data, **options), kind)  # type: ignore[arg-type]
