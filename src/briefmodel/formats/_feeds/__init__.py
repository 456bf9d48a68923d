"""What the three feed formats (Atom 1.0, RSS 2.0, JSON Feed 1.1) share.

A feed holds many briefs, an entry each, as a NewsML-G2 ``newsMessage`` or a JSON Lines
file does. Each entry carries its brief in full, as the ``<article>`` the HTML writer
writes (``fragment=True``), which the HTML reader reads back exactly; the entry's own
elements (id, title, summary, dates, authors, categories, link, rights) say the same
for feed readers, which show them. :mod:`._entries` turns briefs into
:class:`~._entries.Entry` values that each writer renders with its own table of rules,
and :mod:`._reading` turns a feed's entries, as a reader finds them
(:class:`~._reading.Found`), back into briefs.
"""

from __future__ import annotations

from ._entries import Channel, Entry, channel, entries
from ._reading import Found, briefs_of, the_one

__all__ = ["Channel", "Entry", "Found", "briefs_of", "channel", "entries", "the_one"]
