"""Reading JSON Feed (1.0 and 1.1): every item of a feed as a brief (:func:`read_all`),
or the one item of a feed of one (:func:`read`), each through the HTML reader. JSON Feed
is JSON: it is parsed as canonical JSON is (strictly, with lines and columns), and its
items are read with no extra (feedparser does not read JSON Feed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ... import _options
from ...errors import ParseError, Problem, tell
from ...model import Brief
from .._agency import Fallbacks
from .._feeds._entries import Author
from .._feeds._parsed import when
from .._feeds._reading import Found, briefs_of, the_one
from ..json.read import parse, parse_lenient

__all__ = ["read", "read_all"]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _authors(value: Any) -> tuple[Author, ...]:
    """JSON Feed 1.1's ``authors`` (1.0's ``author`` too)."""
    found = value.get("authors")
    people = found if isinstance(found, list) else [value.get("author")]
    return tuple(
        Author(name=p["name"].strip(), uri=_text(p.get("url")))
        for p in people
        if isinstance(p, dict) and _text(p.get("name"))
    )


def _found(item: dict[str, Any], language: str | None) -> Found:
    html = _text(item.get("content_html"))
    text = _text(item.get("content_text"))
    tags = item.get("tags")
    return Found(
        id=_text(str(item["id"]) if isinstance(item.get("id"), (int, str)) else None),
        title=" ".join(item["title"].split()) if _text(item.get("title")) else None,
        link=_text(item.get("url")),
        content=html or text,
        text=html is None and text is not None,
        summary=_text(item.get("summary")),
        published=when(item.get("date_published")),
        updated=when(item.get("date_modified")),
        authors=_authors(item),
        categories=tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
        language=_text(item.get("language")) or language,
    )


def _items(data: str | bytes, strict: bool) -> list[Found]:
    if strict:
        feed = parse(data)
    else:
        feed, repairs = parse_lenient(data)
        tell(repairs, "repaired")
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        message = "a JSON Feed is an object whose items member is a list of items"
        raise ParseError(Problem(severity="error", code="parse.syntax", message=message, path=""))
    language = _text(feed.get("language"))
    return [_found(item, language) for item in items if isinstance(item, dict)]


@_options.reader
def read_all(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Iterator[Brief]:
    """Every item of a JSON Feed as a brief, in the feed's order, read as the iterator
    is advanced (without the semantic rules): as :func:`briefmodel.formats.atom.read_all`
    reads an Atom feed's entries (``content_html``, else ``content_text`` as paragraphs)."""
    fallbacks = Fallbacks.checked(id=id, created=created, language=language)
    return briefs_of(_items(data, strict), strict=strict, fallbacks=fallbacks)


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """The one item of a JSON Feed as a brief; a feed of none is a
    :class:`~briefmodel.ParseError` (``feed.empty``), one of several too
    (``feed.several``: :func:`briefmodel.load_all` reads each)."""
    items = read_all(data, strict=strict, id=id, created=created, language=language)
    return the_one(items, "JSON")
