"""IPTC ninjs (News in JSON): a brief as a ninjs 3.1 (or 2.1) news object, and read back.

The writer builds plain dicts and calls :func:`json.dumps` once. The metadata goes to
ninjs's own properties (``headlines``, ``descriptions``, ``people``, ``subjects``,
``infoSources``, ``associations``, ``rightsInfo``…) and the body to ``bodies`` as XHTML,
written by the same rules as the NewsML-G2 body, so that sections, judgments, mentions
and citations survive. ninjs allows no property of its own at any level, so what it has
no place for (source grading, entity aliases, corrections, extensions…) goes into one
more body, of role :data:`META_ROLE` and content type :data:`META_TYPE`, whose value is
a JSON object: the *briefmodel metadata body*. The docs' ninjs page lists it field by
field.

The reader reads briefmodel's own ninjs back to an equal brief, and other producers'
ninjs 1.x, 2.x and 3.x as far as the model can hold it (a JSON array of them with
:func:`read_all`). What it cannot hold is a loss
(``ninjs.dropped``, with the JSON Pointer of the value): an error when reading strictly
(the default), a warning with ``strict=False``, when the value is kept under
``extensions["briefmodel:unknown"]``, keyed by its pointer.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Grid operators agree reserve rules",
...     created=datetime(2026, 5, 4, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="The rules start in June.")])])
>>> text = bm.dumps(brief, "ninjs")
>>> text[:55]
'{"uri":"urn:example:1","type":"text","version":"1","fir'
>>> bm.loads(text, "ninjs") == brief
True
"""

from __future__ import annotations

from .. import Format
from .._sniff import ninjs as sniff

# Every public name of the old module, importable from here as before: those in __all__,
# and the other constants (as `X as X`, outside __all__ as they were).
from ._vocab import AUTHOR_REL as AUTHOR_REL
from ._vocab import BODY_TYPE as BODY_TYPE
from ._vocab import KEY_POINT_ROLE as KEY_POINT_ROLE
from ._vocab import KEYWORD_REL as KEYWORD_REL
from ._vocab import KIND_PROPERTIES, META_ROLE, META_TYPE, SCHEMAS, VERSIONS
from ._vocab import PUBLISHER_ROLE as PUBLISHER_ROLE
from ._vocab import SUB_ROLES as SUB_ROLES
from ._vocab import UNKNOWN_KEY as UNKNOWN_KEY
from .read import examine, read, read_all
from .write import write

__all__ = [
    "FORMAT",
    "KIND_PROPERTIES",
    "META_ROLE",
    "META_TYPE",
    "SCHEMAS",
    "VERSIONS",
    "examine",
    "read",
    "read_all",
    "sniff",
    "write",
]

FORMAT = Format(
    name="ninjs",
    suffixes=(".ninjs", ".ninjs.json", ".json"),
    media_type="application/ninjs+json",
    read=read,
    write=write,
    sniff=sniff,
    read_all=read_all,
    description="IPTC ninjs 3.1 or 2.1 news object (lossless for what briefmodel writes)",
    examine=examine,
)
