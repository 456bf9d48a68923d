"""HTML: a brief as a publishable, accessible page, and pages read back.

``bm.dumps(brief, "html")`` writes a complete HTML5 document (``fragment=True`` for the
``article`` alone): a ``header`` with the headline, subheadline, byline and dates, one
``section`` per section with headings at the right level, lists, quotes with their
attribution, figures, judgments whose confidence and likelihood are shown and
machine-readable, citations linked to the sources in the ``footer``, related links and
rights; schema.org JSON-LD, Open Graph and ``description`` meta tags in the ``head``;
``lang`` and ``dir`` from the brief's language; the bundled stylesheet (``css=`` to
replace it, ``css=None`` for none).

Every text is escaped and every link goes through the URL rules: a link whose scheme is
not allowed is written as plain text. What the reader needs to get the brief back
exactly is in ``data-*`` attributes, so ``bm.loads(html, "html")`` of briefmodel's own
page gives an equal brief.

The page is valid HTML (the W3C Nu HTML Checker finds no error) for every valid brief
whose language tag is registered (the checker looks subtags up in the IANA registry):
the characters HTML cannot carry as they are (a carriage return, DEL, C1 controls,
noncharacters) are written in text as an empty ``<span class="char" data-char="HEX">``
and left out of attribute values, and a value written otherwise than the brief holds it
(such a character left out, a URL made valid, a time to the millisecond, a private-use
language tag) keeps its exact value in the element's ``data-exact`` attribute, a JSON
object from attribute names to values.

Other article HTML is read best-effort: an ``h1`` headline, headings to sections,
paragraphs, lists, quotes, tables, figures and links; scripts, styles, navigation and
forms are dropped, with a loss report. Read with ``strict=False``, trafilatura (the
``briefmodel[web]`` extra) finds the article among a site's navigation, teasers and
advertisements, the page's JSON-LD, trafilatura and its meta tags give its fields,
relative links are read against the page's address, and each repair is a warning at
its line; ``created=``, ``id=`` and ``language=`` fill what the page does not say.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Ferry fares rise in spring",
...     created=datetime(2026, 3, 1, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Fares rise by a tenth.")])])
>>> page = bm.dumps(brief, "html", css=None)
>>> page.startswith("<!DOCTYPE html>")
True
>>> bm.loads(page, "html") == brief
True
"""

from .. import Format
from .._sniff import html as sniff
from ._parse import MAX_ATTRIBUTES, MAX_BYTES, parse
from .jsonld import json_ld
from .read import examine, read
from .read_blocks import UNKNOWN_KEY as UNKNOWN_KEY
from .redline import redline
from .style import (
    CONFIDENCE_LABELS,
    KIND_LABELS,
    LIKELIHOOD_LABELS,
    RTL_LANGUAGES,
    SIGNAL_LABELS,
    default_css,
    direction,
)
from .write import write

__all__ = [
    "CONFIDENCE_LABELS",
    "FORMAT",
    "KIND_LABELS",
    "LIKELIHOOD_LABELS",
    "MAX_ATTRIBUTES",
    "MAX_BYTES",
    "RTL_LANGUAGES",
    "SIGNAL_LABELS",
    "default_css",
    "direction",
    "examine",
    "json_ld",
    "parse",
    "read",
    "redline",
    "sniff",
    "write",
]

FORMAT = Format(
    name="html",
    suffixes=(".html", ".htm"),
    media_type="text/html",
    read=read,
    write=write,
    sniff=sniff,
    description="HTML5 page (lossless for what briefmodel writes)",
    examine=examine,
)
