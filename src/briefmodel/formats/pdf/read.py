"""The reader of a write-only format: a PDF is written from a brief, never read back.

A PDF holds the brief as laid-out pages, not as the structure the model needs (which
heading a line is, which source a citation points at), so briefmodel does not read one.
``bm.load("brief.pdf")`` and ``briefmodel convert brief.pdf …`` say so with a
:class:`~briefmodel.ParseError` (``format.write-only``) rather than guessing a brief from
the page's text: read the document the PDF was written from instead.
"""

from __future__ import annotations

from ... import _options
from ...errors import ParseError, Problem
from ...model import Brief

__all__ = ["read"]


@_options.reader
def read(data: str | bytes, *, strict: bool = True) -> Brief:
    """Refuse to read a PDF: a :class:`~briefmodel.ParseError` (``format.write-only``)."""
    raise ParseError(
        Problem(
            severity="error",
            code="format.write-only",
            message="a PDF is written from a brief, not read back: read the canonical JSON "
            "(or the other document) it was written from",
        )
    )
