"""PDF: a brief as a printable, tagged PDF document, written (never read).

``bm.dump(brief, "brief.pdf")`` (or ``bm.dumpb(brief, "pdf")``, or ``briefmodel convert
brief.json -o brief.pdf``) lays out the brief's HTML page in pages with WeasyPrint (the
``briefmodel[pdf]`` extra): A4 by default (``page_size="letter"``), the headline as a
running header from the second page on, page numbers, live links, a tagged PDF
(PDF/UA-1) with the brief's title, authors, description, keywords, language and dates as
its metadata, mirrored for a brief written right to left. The same brief gives the same
bytes.

A PDF is not read back: :func:`read` raises a :class:`~briefmodel.ParseError`
(``format.write-only``), so ``bm.load("brief.pdf")`` says to read the document it was
written from.
"""

from __future__ import annotations

from .. import Format
from .._sniff import pdf as sniff
from ._page import PAGE_SIZES
from .read import read
from .write import INSTALL, write

__all__ = ["FORMAT", "INSTALL", "PAGE_SIZES", "read", "sniff", "write"]


FORMAT = Format(
    name="pdf",
    suffixes=(".pdf",),
    media_type="application/pdf",
    read=read,
    write=write,
    sniff=sniff,
    description="PDF document of the HTML page, tagged (write-only; the pdf extra)",
    binary=True,
    write_only=True,
)
