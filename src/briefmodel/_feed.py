"""``bm.feed``: many briefs as one Atom, RSS or JSON Feed document."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from datetime import datetime

from ._options import choice
from .model import Brief

__all__ = ["KINDS", "feed"]

#: The kinds of feed, and the format that writes each.
KINDS = {"atom": "atom", "rss": "rss", "json": "jsonfeed"}


def feed(
    briefs: Iterable[Brief],
    kind: str = "atom",
    *,
    title: str,
    url: str | None = None,
    link: str | None = None,
    id: str | None = None,
    subtitle: str | None = None,
    language: str | None = None,
    author: str | None = None,
    updated: datetime | None = None,
) -> str:
    """``briefs`` as one feed: Atom 1.0 (``kind="atom"``), RSS 2.0 (``"rss"``) or JSON
    Feed 1.1 (``"json"``), an entry per brief holding the whole brief (its HTML
    ``<article>``, which the feed's reader reads back to an equal brief) and its id,
    headline, subheadline, dates, authors, subjects, keywords, link, language and
    rights in the feed's own elements, for feed readers.

    The entries are in the order given, not sorted: a feed's order is the publisher's
    choice (newest first is usual: ``sorted(briefs, key=lambda b: b.updated or
    b.created, reverse=True)``), the same briefs always give the same text, and they
    read back in the same order.

    ``title`` is the feed's name; ``url`` its own address (Atom's ``rel="self"``, JSON
    Feed's ``feed_url``); ``link`` the site it is of (Atom's ``rel="alternate"``, RSS's
    ``<link>``, JSON Feed's ``home_page_url``); ``id`` Atom's feed id (by default
    ``url``, else a ``urn:`` made from the entries' ids); ``subtitle`` its description;
    ``language`` a BCP 47 tag (by default the briefs' when they share one); ``author``
    the feed's author (Atom wants one for each entry: entries whose brief names no
    author or publisher take it, and without it the feed's title); ``updated`` when
    the feed last changed (by default its newest entry's time; an Atom feed of no
    entries needs it).

    A bad option is an :class:`~briefmodel.OptionError` naming it; a brief that cannot
    be written (a character XML 1.0 cannot carry, or in Atom, an undated brief:
    ``feed.undated``) a :class:`~briefmodel.ValidationError` naming the brief by its
    index.

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> briefs = [bm.Brief(id=f"urn:example:lock-{n}", headline=f"Lock {n} reopens",
    ...                    created=datetime(2026, 5, n, tzinfo=timezone.utc),
    ...                    sections=[bm.Section()]) for n in (1, 2)]
    >>> atom = bm.feed(briefs, title="Canal notices", url="https://example.org/canal.atom")
    >>> atom.count("<entry>")
    2
    >>> import io
    >>> list(bm.formats.by_name("atom").read_all(atom)) == briefs
    True
    """
    name = KINDS[choice("kind", kind, KINDS)]
    module = importlib.import_module(f"{__package__}.formats.{name}")
    text: str = module.write_feed(
        briefs,
        title=title,
        url=url,
        link=link,
        id=id,
        subtitle=subtitle,
        language=language,
        author=author,
        updated=updated,
    )
    return text
