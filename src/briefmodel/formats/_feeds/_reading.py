"""Feed entries, as a reader found them, read as briefs through the HTML reader.

An entry whose content is briefmodel's own ``<article>`` is read exactly, as the HTML
reader reads it. Another producer's entry is put in a page of its own (its title as the
``<h1>``, its dates as meta tags, its link as the base of relative links) that the HTML
reader reads as another producer's page, and the entry's metadata fill what that page
does not say: the id, the dates, the language, the authors and the categories (as
keywords, which are free tags, as feed categories are).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import attrs

from ...errors import ParseError, Problem, ValidationError, tell
from ...model import Agent, Brief
from ...rules import url_scheme
from .._agency import Fallbacks
from ._entries import Author

__all__ = ["Found", "briefs_of", "the_one"]

#: The start of the article the HTML writer writes for a brief.
_OWN = re.compile(r'\s*<article class="brief"[^>]* data-id="')


@attrs.frozen(kw_only=True)
class Found:
    """One entry of a feed as it was found, before it is read as a brief."""

    id: str | None = None
    title: str | None = None
    link: str | None = None
    #: The entry's content: HTML, or plain text when :attr:`text` says so.
    content: str | None = None
    text: bool = False
    summary: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[Author, ...] = ()
    categories: tuple[str, ...] = ()
    language: str | None = None
    #: The entry's line in the feed, where it has lines (XML).
    line: int | None = None


def _escaped(text: str) -> str:
    return html.escape(text, quote=True)


def _body(entry: Found) -> str:
    """The entry's content as HTML: its HTML as it is, plain text as paragraphs."""
    content = entry.content if entry.content is not None else entry.summary
    if content is None:
        return ""
    if entry.text:
        paragraphs = (p.strip() for p in re.split(r"\n\s*\n", content))
        return "".join(f"<p>{_escaped(p)}</p>" for p in paragraphs if p)
    return content


def _page(entry: Found, body: str) -> str:
    """Another producer's entry as a page of its own, for the HTML reader."""
    head = ['<!DOCTYPE html><html lang="', _escaped(entry.language or ""), '"><head>']
    head.append(f"<title>{_escaped(entry.title or '')}</title>")
    if entry.link is not None:
        head.append(f'<base href="{_escaped(entry.link)}">')
    for name, when in (
        ("article:published_time", entry.published),
        ("article:modified_time", entry.updated),
    ):
        if when is not None:
            head.append(f'<meta property="{name}" content="{when.isoformat()}">')
    heading = f"<h1>{_escaped(entry.title)}</h1>" if entry.title else ""
    return "".join(head) + f"</head><body><article>{heading}{body}</article></body></html>"


def _filled(brief: Brief, entry: Found) -> Brief:
    """``brief`` read from another producer's entry, with what the entry's metadata say
    and its HTML did not."""
    changes: dict[str, Any] = {}
    if entry.id:
        changes["id"] = entry.id
    if not brief.authors and entry.authors:
        changes["authors"] = tuple(
            Agent(name=a.name, uri=a.uri if url_scheme(a.uri or "") in ("http", "https") else None)
            for a in entry.authors
        )
    if not brief.keywords and entry.categories:
        changes["keywords"] = tuple(dict.fromkeys(c for c in entry.categories if c.strip()))
    if (
        brief.updated is None
        and entry.updated is not None
        and brief.created is not None
        and entry.updated > brief.created
    ):
        changes["updated"] = entry.updated
    return attrs.evolve(brief, **changes) if changes else brief


def _placed(problem: Problem, index: int, entry: Found) -> Problem:
    name = f"entry {index}" + (f" ({entry.id})" if entry.id else "")
    return attrs.evolve(problem, message=f"{name}: {problem.message}", line=entry.line)


def brief_of(entry: Found, index: int, *, strict: bool, fallbacks: Fallbacks) -> Brief:
    """Entry ``index`` of a feed as a brief (without the semantic rules); every problem,
    and every warning of a lenient read, names the entry (and its line)."""
    from ...errors import listening
    from ..html.read import read as read_html  # (the HTML reader: only when reading)

    body = _body(entry)
    with listening() as heard:
        try:
            if _OWN.match(body):
                brief = read_html(body, strict=strict)
            else:
                page = _page(entry, body)
                created = entry.published or entry.updated or fallbacks.created
                language = entry.language or fallbacks.language
                read = read_html(
                    page,
                    strict=strict,
                    id=entry.id or fallbacks.id,
                    created=created,
                    language=language,
                )
                brief = _filled(read, entry)
        except ParseError as error:
            raise ParseError(_placed(error.problem, index, entry)) from None
        except ValidationError as error:
            raise ValidationError([_placed(p, index, entry) for p in error.problems]) from None
    tell([_placed(p, index, entry) for p in heard], "read")
    return brief


def _passed_over(index: int, entry: Found, problems: tuple[Problem, ...]) -> Problem:
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    message = f"entry {index} is passed over: {first.message}{more}"
    said = Problem(
        severity="warning", code="repair.item-passed-over", message=message, line=entry.line
    )
    tell([said], "read", said=message)
    return said


def briefs_of(found: Iterable[Found], *, strict: bool, fallbacks: Fallbacks) -> Iterator[Brief]:
    """Each entry as a brief, in the feed's order. Strictly, an entry that cannot be read
    raises when it is reached; leniently, it is passed over with a warning naming it,
    and a feed none of whose entries could be read raises, listing why."""
    failed: list[Problem] = []
    yielded = False
    for index, entry in enumerate(found):
        try:
            brief = brief_of(entry, index, strict=strict, fallbacks=fallbacks)
        except (ParseError, ValidationError) as error:
            if strict:
                raise
            _passed_over(index, entry, error.problems)
            failed.extend(error.problems)
            continue
        yielded = True
        yield brief
    if failed and not yielded:
        raise ValidationError(failed)


def the_one(briefs: Iterator[Brief], kind: str) -> Brief:
    """The one brief of a feed read as one brief (``bm.load``); a feed of none or of
    several is a :class:`~briefmodel.ParseError` (``feed.several``: ``bm.load_all``
    reads each)."""
    first = next(briefs, None)
    if first is None:
        message = f"the {kind} feed holds no entry, and so no brief"
        raise ParseError(Problem(severity="error", code="feed.empty", message=message))
    if next(briefs, None) is not None:
        message = (
            f"the {kind} feed holds more than one entry: read it with bm.load_all, "
            "which yields a brief for each"
        )
        raise ParseError(Problem(severity="error", code="feed.several", message=message))
    return first
