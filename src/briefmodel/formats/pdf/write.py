"""The writer: a brief as a PDF, its HTML page laid out in pages by WeasyPrint.

The page is :func:`briefmodel.formats.html.write`'s, with its bundled stylesheet, whose
``@media print`` part WeasyPrint applies (black on white, whole blocks, link addresses
written out); :mod:`._page` adds, after it in the page's ``style``, the page size,
margins, the running header and the page numbers. The PDF is tagged (PDF/UA-1,
WeasyPrint's ``pdf_variant="pdf/ua-1"``), its links are live, and its metadata comes
from the brief: title, authors, subject (the description), keywords (the keywords and
the subjects' names), language, and the creation and modification dates of the brief
itself, so that the same brief gives the same bytes. WeasyPrint fetches nothing (no
network request, no local file): a figure's image is left out, its alt text shown.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from ... import _options
from ...errors import OptionError
from ...model import Brief
from ...rules import DEFAULT_URL_SCHEMES
from .._extras import NEEDS_EXTRA, extra
from .._safe_xml import unwritable
from ..html.style import default_css, direction
from ..html.write import write as html_write
from ._page import PAGE_SIZES, stylesheet

__all__ = ["INSTALL", "LONGEST_RUN", "write"]

#: What to install for the PDF writer: the ``pdf`` extra (WeasyPrint).
INSTALL = "pip install 'briefmodel[pdf]'"


@_options.writer
def write(
    brief: Brief,
    *,
    page_size: str = "A4",
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
) -> bytes:
    """Write ``brief`` as a PDF: its HTML page in pages of ``page_size`` (``"A4"``,
    ``"A5"``, ``"letter"`` or ``"legal"``), links using only ``url_schemes`` as on the
    page. Needs WeasyPrint (:data:`INSTALL`); without it, an
    :class:`~briefmodel.OptionError` (``format.needs-extra``)."""
    page_size = _options.choice("page_size", page_size, PAGE_SIZES)
    schemes = _options.url_schemes(url_schemes)
    weasyprint = _weasyprint()
    css = default_css() + stylesheet(page_size, direction(brief.language))
    page = _breakable(html_write(brief, css=css, url_schemes=schemes))
    if not page.isascii():
        try:
            page.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, which no text of a PDF can be
            raise unwritable(brief) from None
    fetcher = weasyprint.URLFetcher(allowed_protocols=())  # (none: nothing is fetched)
    with _quiet():
        document = weasyprint.HTML(string=page, url_fetcher=fetcher).render(pdf_variant="pdf/ua-1")
        _describe(document.metadata, brief)
        pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=False)
    return pdf


#: The longest run of characters without a break that the page keeps as it is, and the
#: pieces a longer one is cut into by zero-width spaces.
LONGEST_RUN = 64
_PIECE = 32
_TEXT = re.compile(r">([^<]+)<")
_RUN = re.compile(rf"[^\s&]{{{LONGEST_RUN + 1},}}")


def _breakable(page: str) -> str:
    """The page with a zero-width space every few characters of each run of text longer
    than :data:`LONGEST_RUN` without a break (a long address, or a brief made to be slow):
    WeasyPrint breaks a word wider than its line in time that grows with the square of
    its length (a run of 40 000 letters took 20 s), and pieces that fit take none. Only
    the body's text is touched, not its markup, nor an entity (a run stops at ``&``)."""
    head, body_tag, body = page.partition("<body>")
    return head + body_tag + _TEXT.sub(_broken_text, body)


def _broken_text(found: re.Match[str]) -> str:
    return ">" + _RUN.sub(_broken_run, found[1]) + "<"


def _broken_run(found: re.Match[str]) -> str:
    run = found[0]
    return "\u200b".join(run[at : at + _PIECE] for at in range(0, len(run), _PIECE))


def _weasyprint() -> Any:
    """The weasyprint module; an :class:`~briefmodel.OptionError` without it (the extra
    not installed, or the system libraries it loads, Pango's, missing)."""
    try:
        needs = "writing a PDF needs WeasyPrint, which is not installed"
        return extra("weasyprint", needs=needs, name="pdf")
    except OSError as error:  # WeasyPrint is there, the Pango library it loads is not
        raise OptionError(
            "format",
            f"writing a PDF needs WeasyPrint, which cannot load its system libraries ({error}): "
            "install Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
            NEEDS_EXTRA,
        ) from None


def _describe(metadata: Any, brief: Brief) -> None:
    """Set the PDF's metadata that the page's ``head`` does not give WeasyPrint (it reads
    the title, the description, the generator and the language there)."""
    metadata.authors = [author.name for author in brief.authors]
    metadata.keywords = _keywords(brief)
    metadata.created = _w3c(brief.created)
    metadata.modified = _w3c(brief.updated or brief.created)


def _keywords(brief: Brief) -> list[str]:
    """The brief's keywords, then its subjects' names, each once."""
    names = [*brief.keywords, *(s.name for s in brief.subjects if s.name is not None)]
    return list(dict.fromkeys(names))


def _w3c(when: datetime | None) -> str | None:
    """A date-time as the W3C profile of ISO 8601 that WeasyPrint takes, to the second;
    None for none (an undated brief's PDF has no date rather than the time it was made)."""
    return None if when is None else when.isoformat(timespec="seconds")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep WeasyPrint's log of what it leaves out (an image it may not fetch, a CSS
    property it does not know) from the caller's logging while the PDF is made."""
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
