"""The options every feed writer takes, and the one-brief ``write`` made from a
format's ``write_feed``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from ... import _options
from ...model import Brief
from ._entries import Channel, Entry, channel, entries

__all__ = ["FeedWriter", "one_brief", "writes_feeds"]

#: A format's renderer: the entries and the feed's metadata to the document's text.
FeedWriter = Callable[[list[Entry], Channel], str]


_WRITE_FEED = """``briefs`` as a feed, an entry each in the order given: see
:func:`briefmodel.feed`, which calls this with the same options."""


def writes_feeds(render: FeedWriter) -> Callable[..., str]:
    """``write_feed(briefs, *, title, …)`` for a format whose documents ``render``
    writes: the briefs made entries and the options checked, as ``bm.feed`` takes them."""

    def write_feed(
        briefs: Iterable[Brief],
        *,
        title: str,
        id: str | None = None,
        url: str | None = None,
        link: str | None = None,
        subtitle: str | None = None,
        language: str | None = None,
        author: str | None = None,
        updated: datetime | None = None,
    ) -> str:
        found = entries(briefs)
        options: dict[str, Any] = {"title": title, "id": id, "url": url, "link": link}
        options["subtitle"] = subtitle
        options.update(language=language, author=author, updated=updated)
        return render(found, channel(found, **options))

    write_feed.__module__ = render.__module__
    write_feed.__doc__ = _WRITE_FEED
    return write_feed


def one_brief(write_feed: Callable[..., str]) -> Callable[..., str]:
    """A format's ``write(brief, **options)``: a feed of that brief alone, titled by its
    headline unless ``title=`` says otherwise (the other options as ``write_feed``'s)."""

    @_options.writer
    def write(
        brief: Brief,
        *,
        title: str | None = None,
        id: str | None = None,
        url: str | None = None,
        link: str | None = None,
        subtitle: str | None = None,
        language: str | None = None,
        author: str | None = None,
        updated: datetime | None = None,
    ) -> str:
        """``brief`` as a feed of one entry, titled by its headline unless ``title=``
        says otherwise; the other options as :func:`briefmodel.feed` takes them."""
        options: dict[str, Any] = {"id": id, "url": url, "link": link, "subtitle": subtitle}
        options.update(language=language, author=author, updated=updated)
        return write_feed([brief], title=brief.headline if title is None else title, **options)

    return write
