"""Briefs as feed entries, and a feed's own metadata: what the Atom, RSS and JSON Feed
writers render, each with its own rules, so that the three say the same thing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import attrs

from ... import _options, _patterns
from ...errors import OptionError, Problem, ValidationError
from ...model import Brief
from ...rules import url_scheme
from .._safe_xml import unwritable

__all__ = ["Author", "Category", "Channel", "Entry", "channel", "entries", "undated"]


@attrs.frozen(kw_only=True)
class Author:
    """An entry's or a feed's author: a name, and a URL where one is known."""

    name: str
    uri: str | None = None


@attrs.frozen(kw_only=True)
class Category:
    """An entry's category: a subject's code (with its scheme and name) or a keyword."""

    term: str
    scheme: str | None = None
    label: str | None = None


@attrs.frozen(kw_only=True)
class Entry:
    """One brief as a feed entry: what every feed format says of it."""

    id: str
    title: str
    #: The whole brief, as the HTML writer's ``<article>`` (read back exactly).
    content: str
    summary: str | None
    published: datetime | None
    #: This version's time: the brief's ``updated``, else its ``created``.
    updated: datetime | None
    authors: tuple[Author, ...]
    categories: tuple[Category, ...]
    language: str
    #: The brief's own web address: its id, when that is an ``http(s)`` URL.
    link: str | None
    rights: str | None


@attrs.frozen(kw_only=True)
class Channel:
    """The feed itself: its title, id, addresses, language, author and time."""

    title: str
    #: The feed's id (Atom's ``<id>``): ``id=``, else its own URL, else a ``urn:`` made
    #: from its entries' ids (so that the same briefs give the same feed).
    id: str
    #: The feed's own URL (Atom's ``rel="self"``, JSON Feed's ``feed_url``).
    url: str | None
    #: The site the feed is of (Atom's ``rel="alternate"``, RSS's ``<link>``, JSON
    #: Feed's ``home_page_url``).
    link: str | None
    subtitle: str | None
    language: str | None
    author: str | None
    #: When the feed last changed: ``updated=``, else its newest entry's time.
    updated: datetime | None


def _subject_scheme(uri: str | None) -> str | None:
    """The vocabulary a subject's concept URI belongs to: the URI up to its last ``/``
    or ``#`` (IPTC's ``http://cv.iptc.org/newscodes/mediatopic/``), for Atom's scheme."""
    if uri is None or url_scheme(uri) not in ("http", "https"):
        return None
    cut = max(uri.rfind("/"), uri.rfind("#"))
    return uri[: cut + 1] if cut > uri.find("//") + 1 else None


def _rights(brief: Brief) -> str | None:
    rights = brief.rights
    if rights is None:
        return None
    return rights.notice or (f"© {rights.holder}" if rights.holder else None)


def entry(brief: Brief) -> Entry:
    """``brief`` as a feed entry (its article written by the HTML writer)."""
    from ..html.write import write as write_html  # (the HTML writer: only when writing)

    people = brief.authors or ((brief.publisher,) if brief.publisher else ())
    categories = [
        Category(term=s.code or s.uri or s.name or "", scheme=_subject_scheme(s.uri), label=s.name)
        for s in brief.subjects
    ]
    categories.extend(Category(term=keyword) for keyword in brief.keywords)
    return Entry(
        id=brief.id,
        title=brief.headline,
        content=write_html(brief, fragment=True),
        summary=brief.subheadline,
        published=brief.created,
        updated=brief.updated or brief.created,
        authors=tuple(Author(name=p.name, uri=p.uri) for p in people),
        categories=tuple(categories),
        language=brief.language,
        link=brief.id if url_scheme(brief.id) in ("http", "https") else None,
        rights=_rights(brief),
    )


def _strings(value: Entry) -> Iterable[str]:
    for field in attrs.fields(Entry):
        item = getattr(value, field.name)
        if isinstance(item, str):
            yield item
        elif isinstance(item, tuple):
            for part in item:
                yield from (v for v in attrs.astuple(part) if isinstance(v, str))


def entries(briefs: Any) -> list[Entry]:
    """Each of ``briefs`` as an entry, in the order given. Something that is not a brief
    is an :class:`~briefmodel.OptionError` naming its index; a brief holding text that
    XML 1.0 cannot carry (a control character, a lone surrogate), a
    :class:`~briefmodel.ValidationError` naming the brief and the place (as
    :func:`briefmodel.validate` does), so that no feed, JSON Feed included, holds what
    some reader refuses."""
    if isinstance(briefs, (Brief, str, bytes)) or not isinstance(briefs, Iterable):
        raise OptionError("briefs", f"expected an iterable of briefs, got {type(briefs).__name__}")
    found: list[Entry] = []
    for index, brief in enumerate(briefs):
        if not isinstance(brief, Brief):
            raise OptionError(f"briefs[{index}]", f"expected a Brief, got {type(brief).__name__}")
        made = entry(_options.shallow_enough(brief))
        if any(_patterns.NOT_XML_CHAR.search(text) for text in _strings(made)):
            raise unwritable(brief, named=f"brief {index} ({brief.id}): ")
        found.append(made)
    return found


def _text_option(name: str, value: Any) -> str | None:
    text = _options.optional_text(name, value)
    if text is not None:
        if not text.strip():
            raise OptionError(name, "expected some text, got an empty string")
        if _patterns.NOT_XML_CHAR.search(text):
            raise OptionError(name, "holds a character XML 1.0 cannot carry")
    return text


def _url_option(name: str, value: Any) -> str | None:
    url = _text_option(name, value)
    if url is not None and url_scheme(url) not in ("http", "https"):
        raise OptionError(name, f"expected an http or https URL, got {url!r}")
    return url


def _hashed_id(found: Sequence[Entry]) -> str:
    digest = hashlib.sha256("\n".join(e.id for e in found).encode("utf-8", "surrogatepass"))
    return f"urn:briefmodel:feed:{digest.hexdigest()[:32]}"


def channel(found: Sequence[Entry], **options: Any) -> Channel:
    """The feed's metadata from ``bm.feed``'s options, each checked (an
    :class:`~briefmodel.OptionError` naming it), and what is not given made from the
    entries: the id (see :attr:`Channel.id`), the time (the newest entry's) and the
    language (the entries', when they share one)."""
    title = _text_option("title", options.get("title"))
    if title is None:
        raise OptionError("title", "a feed needs a title: pass title='…'")
    url = _url_option("url", options.get("url"))
    updated = _options.created(options.get("updated"), "updated")
    times = [e.updated for e in found if e.updated is not None]
    languages = {e.language for e in found}
    language = _text_option("language", options.get("language"))
    if language is not None and not _patterns.LANGUAGE.matches(language):
        raise OptionError("language", f"expected a BCP 47 language tag, got {language!r}")
    return Channel(
        title=title,
        id=_text_option("id", options.get("id")) or url or _hashed_id(found),
        url=url,
        link=_url_option("link", options.get("link")),
        subtitle=_text_option("subtitle", options.get("subtitle")),
        language=language or (languages.pop() if len(languages) == 1 else None),
        author=_text_option("author", options.get("author")),
        updated=updated or (max(times) if times else None),
    )


def undated(index: int, brief_id: str, kind: str, field: str) -> ValidationError:
    """Brief ``index`` has no date, which an entry of ``kind`` must carry (``field``)."""
    return ValidationError(
        [
            Problem(
                severity="error",
                code="feed.undated",
                message=f"brief {index} ({brief_id}) is undated, and an {kind} entry must say "
                f"when it was updated ({field}): give the brief a created date",
                path="/created",
            )
        ]
    )
