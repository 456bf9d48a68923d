"""Atom 1.0 (RFC 4287): many briefs as one feed, an ``<entry>`` per brief.

Each entry carries its brief whole, as the ``<article>`` the HTML writer writes, in a
``<content type="html">``, and says the same for feed readers with Atom's own elements:
``<id>`` the brief's id, ``<title>`` its headline, ``<summary>`` its subheadline,
``<published>`` and ``<updated>`` its dates, ``<author>`` its authors, ``<category>``
its subjects (``term`` the qcode, ``label`` the name, ``scheme`` the vocabulary of the
subject's URI) and keywords, ``<link rel="alternate">`` its id when that is a web
address, ``<rights>`` its rights notice, ``xml:lang`` its language. Write a feed with
:func:`briefmodel.feed` (``kind="atom"``); ``bm.dumps(brief, "atom")`` writes a feed of
one. Reading (:func:`read_all`, ``bm.load_all``) needs feedparser
(``briefmodel[feeds]``) and reads briefmodel's own entries back to equal briefs.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Canal tolls rise in May",
...     created=datetime(2026, 4, 2, 8, tzinfo=timezone.utc), authors=[bm.Agent(name="R. Ode")],
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Tolls rise by a twentieth.")])])
>>> xml = bm.feed([brief], "atom", title="Canal desk")
>>> '<title type="text">Canal tolls rise in May</title>' in xml
True
"""

from __future__ import annotations

from .. import Format
from .._sniff import atom as sniff
from .read import read, read_all
from .write import ATOM, write, write_feed

__all__ = ["ATOM", "FORMAT", "read", "read_all", "sniff", "write", "write_feed"]

FORMAT = Format(
    name="atom",
    suffixes=(".atom", ".xml"),
    media_type="application/atom+xml",
    read=read,
    write=write,
    sniff=sniff,
    description="Atom 1.0 feed: many briefs, each entry the brief's HTML article (lossless)",
    read_all=read_all,
    many=True,
)
