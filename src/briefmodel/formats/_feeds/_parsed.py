"""Atom and RSS feeds read by feedparser (the ``briefmodel[feeds]`` extra, imported when
a feed is read): each entry as :class:`~._reading.Found`.

The document is parsed first as every XML document briefmodel reads is
(:func:`briefmodel.formats._safe_xml.parse`: no DTD, no entities, bounded size and
depth), which also gives each entry its line. A document that is not well-formed is a
:class:`~briefmodel.ParseError` strictly; leniently it is a warning, and feedparser's
lenient parser reads what it can. feedparser reads the entries with its HTML
sanitizer and its resolving of relative links turned off, so that an entry's content
is given to the HTML reader as the feed holds it, and it never opens a URL.
"""

from __future__ import annotations

import email.utils
import io
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from ... import _patterns
from ...errors import Invalid, ParseError, Problem, tell
from .._extras import extra
from .._safe_xml import local_name, parse
from ._entries import Author
from ._reading import Found

__all__ = ["found_in", "when"]

#: The element of an entry, by the feed's root element.
_ENTRY = {"feed": "entry", "rss": "item", "RDF": "item"}


def _feedparser() -> Any:
    return extra("feedparser", needs="reading Atom and RSS feeds needs feedparser", name="feeds")


def when(value: Any) -> datetime | None:
    """A feed's date as an aware datetime: RFC 3339 (Atom, JSON Feed) or RFC 822 (RSS),
    in the offset it gives (UTC when it gives none); None for what is neither."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        found = _patterns.parse_datetime(text)
    except (Invalid, ValueError):
        try:
            found = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return found if found.utcoffset() is not None else found.replace(tzinfo=timezone.utc)


def _lines(data: bytes, strict: bool) -> list[int | None]:
    """The line of each entry, from the safe parse; leniently, a document that is not
    well-formed has none (a warning says so)."""
    try:
        root = parse(data)
    except ParseError as error:
        if strict or error.problem.code != "parse.syntax":
            raise
        tell([attrs_warning(error.problem)], "read")
        return []
    name = _ENTRY.get(local_name(root.tag), "entry")
    return [e.sourceline for e in root.iter() if local_name(e.tag) == name]  # type: ignore[misc]


def attrs_warning(problem: Problem) -> Problem:
    """A syntax error read past leniently, as the warning that says so."""
    return Problem(
        severity="warning",
        code="repair.malformed-feed",
        message=f"{problem.message}; feedparser's lenient parser reads what it can",
        line=problem.line,
        column=problem.column,
    )


def _content(entry: Any) -> tuple[str | None, bool]:
    """The entry's fullest content (HTML first) and whether it is plain text."""
    contents = list(entry.get("content") or ())
    contents.sort(key=lambda c: "html" not in (c.get("type") or ""))
    for content in contents:
        value = content.get("value")
        if isinstance(value, str):
            return value, (content.get("type") or "") == "text/plain"
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary")
    return (summary if isinstance(summary, str) else None), detail.get("type") == "text/plain"


def _authors(entry: Any) -> tuple[Author, ...]:
    found = [
        Author(name=a["name"].strip(), uri=a.get("href"))
        for a in entry.get("authors") or ()
        if isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip()
    ]
    if not found and isinstance(entry.get("author"), str) and entry["author"].strip():
        found.append(Author(name=entry["author"].strip()))
    return tuple(found)


def _found(entry: Any, line: int | None, language: str | None) -> Found:
    content, text = _content(entry)
    summary = entry.get("summary")
    categories = tuple(t["term"] for t in entry.get("tags") or () if isinstance(t.get("term"), str))
    detail = entry.get("title_detail") or {}
    return Found(
        id=entry.get("id") or entry.get("link") or None,
        title=" ".join(entry["title"].split()) if entry.get("title") else None,
        link=entry.get("link") or None,
        content=content,
        text=text,
        summary=summary if isinstance(summary, str) and summary != content else None,
        published=when(dict.get(entry, "published")),
        updated=when(dict.get(entry, "updated")),  # (not feedparser's fallback to published)
        authors=_authors(entry),
        categories=categories,
        language=detail.get("language") or language,
        line=line,
    )


def found_in(data: bytes, *, strict: bool) -> Iterator[Found]:
    """The entries of an Atom or RSS document, as feedparser reads them."""
    lines = _lines(data, strict)
    parsed = _feedparser().parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    language = parsed.feed.get("language") or None
    for index, entry in enumerate(parsed.entries):
        yield _found(entry, lines[index] if index < len(lines) else None, language)
