"""RSS 2.0: many briefs as one channel, an ``<item>`` per brief.

Each item carries its brief whole, as the ``<article>`` the HTML writer writes, in the
content module's ``<content:encoded>``, and says the same for feed readers with RSS's
own elements: ``<guid>`` the brief's id (a permalink when the id is the brief's web
address, then also its ``<link>``), ``<title>`` its headline, ``<description>`` its
subheadline, ``<pubDate>`` its creation date, Dublin Core's ``<dc:creator>`` its
authors, ``<category>`` its subjects (``domain`` the vocabulary of the subject's URI)
and keywords. RSS has no element for an item's update time, language or rights: those
the article carries, and the brief reads back whole. Write a channel with
:func:`briefmodel.feed` (``kind="rss"``); ``bm.dumps(brief, "rss")`` writes one of one
item. Reading (:func:`read_all`, ``bm.load_all``) needs feedparser (``briefmodel[feeds]``).

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Canal tolls rise in May",
...     created=datetime(2026, 4, 2, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Tolls rise by a twentieth.")])])
>>> xml = bm.feed([brief], "rss", title="Canal desk", link="https://example.org/")
>>> "<pubDate>Thu, 02 Apr 2026 08:00:00 +0000</pubDate>" in xml
True
"""

from __future__ import annotations

from .. import Format
from .._sniff import rss as sniff
from .read import read, read_all
from .write import CONTENT, DC, write, write_feed

__all__ = ["CONTENT", "DC", "FORMAT", "read", "read_all", "sniff", "write", "write_feed"]

FORMAT = Format(
    name="rss",
    suffixes=(".rss", ".xml"),
    media_type="application/rss+xml",
    read=read,
    write=write,
    sniff=sniff,
    description="RSS 2.0 feed: many briefs, each item the brief's HTML article (lossless)",
    read_all=read_all,
    many=True,
)
