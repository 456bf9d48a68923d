"""Word: a brief as a Word document (DOCX), and Word documents read back; python-docx
reads and writes them (the extra ``briefmodel[docx]``).

``bm.dumpb(brief, "docx")`` writes a document in Word's built-in styles: the headline in
Title, the subheadline in Subtitle, sections as Heading 1–9, lists in List Bullet and
List Number, quotes in Quote, tables in Table Grid with header rows and merged cells,
hyperlinks, citations as superscript numbers linked to the numbered Sources list, and
the core properties from the brief (:mod:`.write`). The brief itself travels in a custom
XML part, and the same brief always gives the same bytes.

``bm.loads(data, "docx")`` reads briefmodel's own document exactly while it shows what
the writer writes for its embedded brief, and by its text when a person has edited it
(``docx.edited``: the text wins); any other Word document as far as the model holds it,
its title and headings by style or look, lists, tables, links and quotes, its core
properties as metadata, losses reported by paragraph (:mod:`.read`). The page
``docs/formats/docx.md`` says it all, with examples.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Ferry fares rise in spring",
...     created=datetime(2026, 3, 1, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Fares rise by a tenth.")])])
>>> data = bm.dumpb(brief, "docx")
>>> bm.loads(data, "docx") == brief
True
"""

from __future__ import annotations

from .. import Format
from .._sniff import docx as sniff
from ._body import LOSS_CODE
from ._package import MAX_BYTES, MAX_PARTS, MAX_UNPACKED
from .read import EDITED, HASHED_ID_PREFIX, read
from .write import write

__all__ = [
    "EDITED",
    "FORMAT",
    "HASHED_ID_PREFIX",
    "LOSS_CODE",
    "MAX_BYTES",
    "MAX_PARTS",
    "MAX_UNPACKED",
    "MEDIA_TYPE",
    "read",
    "sniff",
    "write",
]

#: The media type of a Word document.
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


FORMAT = Format(
    name="docx",
    suffixes=(".docx",),
    media_type=MEDIA_TYPE,
    read=read,
    write=write,
    sniff=sniff,
    description="Word document (lossless for what briefmodel writes)",
    binary=True,
)
