"""JSON Feed 1.1: many briefs as one feed, an item per brief.

Each item carries its brief whole, as the ``<article>`` the HTML writer writes, in
``content_html``, and says the same for feed readers with JSON Feed's own members:
``id`` the brief's id, ``url`` its id when that is a web address, ``title`` its
headline, ``summary`` its subheadline, ``date_published`` and ``date_modified`` its
dates, ``authors`` its authors, ``tags`` its subjects' codes and keywords,
``language`` its language. Write a feed with :func:`briefmodel.feed` (``kind="json"``);
``bm.dumps(brief, "jsonfeed")`` writes a feed of one. A JSON Feed is told from canonical
JSON and ninjs by its ``version``, so it may be named ``.json`` (or ``.feed.json``).

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Canal tolls rise in May",
...     created=datetime(2026, 4, 2, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Tolls rise by a twentieth.")])])
>>> text = bm.feed([brief], "json", title="Canal desk")
>>> bm.loads(text) == brief
True
"""

from __future__ import annotations

from .. import Format
from .._sniff import jsonfeed as sniff
from .read import read, read_all
from .write import VERSION, write, write_feed

__all__ = ["FORMAT", "VERSION", "read", "read_all", "sniff", "write", "write_feed"]

FORMAT = Format(
    name="jsonfeed",
    suffixes=(".feed.json", ".json"),
    media_type="application/feed+json",
    read=read,
    write=write,
    sniff=sniff,
    description="JSON Feed 1.1: many briefs, each item the brief's HTML article (lossless)",
    read_all=read_all,
    many=True,
)
