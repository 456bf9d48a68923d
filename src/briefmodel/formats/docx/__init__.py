"""Word: a brief as a DOCX document, and Word documents read back (``briefmodel[docx]``).

Placeholder docs, written in full below.
"""

from __future__ import annotations

from .. import Format
from .._sniff import docx as sniff
from .read import read
from .write import write

__all__ = ["FORMAT", "MEDIA_TYPE", "read", "sniff", "write"]

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
