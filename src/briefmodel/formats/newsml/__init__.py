"""IPTC NewsML-G2: a brief as a NewsML-G2 2.35 ``newsItem``, and news items read back.

The writer emits a ``newsItem`` that validates against IPTC's official XSD: metadata in
``itemMeta`` and ``contentMeta`` and the body as XHTML in ``inlineXML``. Mentions stay
linked to their entities through NewsML-G2's own ``inlineRef``. What the standard has no
element for (judgment confidence, source grading, section roles, extensions…) is written
in the briefmodel extension namespace :data:`BM`, where the XSD allows foreign
attributes and elements. The docs' NewsML-G2 page has the mapping, field by field.

The reader reads briefmodel's own items back to an equal brief, and text items from
other producers (XHTML or NITF bodies) as far as the model can hold them. What it cannot
hold is a loss: an error when reading strictly (the default), a warning with
``strict=False``, when it is kept under ``extensions["briefmodel:unknown"]``.

Input is untrusted: no DTD, no entity expansion, no network, no XInclude, bounded depth
and size (:func:`parse`).

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Grid operators agree reserve rules",
...     created=datetime(2026, 5, 4, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="The rules start in June.")])])
>>> xml = bm.dumps(brief, "newsml")
>>> xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\\n<newsItem')
True
>>> bm.loads(xml, "newsml") == brief
True
"""

from .. import Format
from .._safe_xml import BM, MAX_BYTES, parse
from .._sniff import newsml as sniff
from .._xhtml import NITF, XHTML
from ._vocab import ALIAS_ROLE as ALIAS_ROLE
from ._vocab import ENTITY_NATURES as ENTITY_NATURES
from ._vocab import IPTC_CATALOG as IPTC_CATALOG
from ._vocab import KEY_POINT_ROLE as KEY_POINT_ROLE
from ._vocab import NAR
from ._vocab import STANDARD_VERSION as STANDARD_VERSION
from ._vocab import SUMMARY_ROLE as SUMMARY_ROLE
from .profile import examine, profile_schema
from .read import UNKNOWN_KEY as UNKNOWN_KEY
from .read import read, read_all
from .write import write

__all__ = [
    "BM",
    "FORMAT",
    "MAX_BYTES",
    "NAR",
    "NITF",
    "XHTML",
    "examine",
    "parse",
    "profile_schema",
    "read",
    "read_all",
    "sniff",
    "write",
]

FORMAT = Format(
    name="newsml",
    suffixes=(".xml", ".newsml"),
    media_type="application/vnd.iptc.g2.newsitem+xml",
    read=read,
    write=write,
    sniff=sniff,
    description="IPTC NewsML-G2 2.35 newsItem (lossless for what briefmodel writes)",
    read_all=read_all,
    examine=examine,
)
