"""Reading Atom: every entry of a feed as a brief (:func:`read_all`), or the one entry
of a feed of one (:func:`read`), each through the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ... import _options
from ...model import Brief
from .._feeds._xml_read import read_xml, read_xml_all

__all__ = ["read", "read_all"]


@_options.reader
def read_all(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Iterator[Brief]:
    """Every entry of an Atom feed (or of any feed feedparser reads) as a brief, in the
    feed's order, read as the iterator is advanced (without the semantic rules).

    An entry briefmodel wrote is read back exactly from its article; another producer's
    is read from its content as another producer's page, its title, dates, id,
    language, authors and categories filling what the content does not say (``id``,
    ``created`` and ``language`` fill what the entry does not say either). Strictly, an
    entry that cannot be read raises when it is reached; with ``strict=False`` it is
    passed over with a warning naming it (``repair.item-passed-over``).
    """
    return read_xml_all(data, strict=strict, id=id, created=created, language=language)


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """The one entry of an Atom feed as a brief; a feed of none is a
    :class:`~briefmodel.ParseError` (``feed.empty``), one of several too
    (``feed.several``: :func:`briefmodel.load_all` reads each)."""
    return read_xml("Atom", data, strict=strict, id=id, created=created, language=language)
