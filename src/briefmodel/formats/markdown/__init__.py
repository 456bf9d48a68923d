"""Markdown: a brief as CommonMark that people read and write, and Markdown read back.

``bm.dumps(brief, "markdown")`` writes CommonMark: a front-matter block with the metadata
the body does not show, ``# headline``, the subheadline as an emphasized paragraph,
sections as ``##``…``######`` headings (with ``{#id .role}`` attribute lists), paragraphs,
lists, block quotes, judgments, figures, emphasis, links, mentions
(``[text](#entity:ID)``) and citations (``[^1]``, a reference link to ``#source:ID``).
Every text is escaped, so that no character of the brief's text becomes markup, and
``bm.loads(text, "markdown")`` gives back an equal brief.

Markdown written by people is read too: its front matter as YAML (PyYAML's safe
loader), TOML (``+++``) or Pelican's header lines, with the keys of static-site
generators (``title``, ``date``, ``lastmod``, ``tags``, ``categories`` …) and dates in
their many spellings; the ``title`` or the first ``#`` heading is the headline, ``##``
and deeper headings are sections whose roles are inferred from their titles, paragraphs,
lists, quotes, emphasis, links, images and code are kept; missing metadata gets defaults
(``id=``, ``language=``, ``created=``, else an id hashed from the text, ``en``); what the
model cannot hold (HTML, tables) is reported as ``markdown.dropped`` with its line, and
what a lenient reading assumed as ``repair.*`` warnings (see :func:`read`). Parsing is
markdown-it-py's CommonMark, read from its token stream in one pass.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Ferry fares rise in spring",
...     created=datetime(2026, 3, 1, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Fares rise by *a tenth*.")])])
>>> text = bm.dumps(brief, "markdown")
>>> print(text)
---
id: "urn:example:1"
language: "en"
created: "2026-03-01T08:00:00+00:00"
---
<BLANKLINE>
# Ferry fares rise in spring
<BLANKLINE>
Fares rise by \\*a tenth\\*.
<BLANKLINE>
>>> bm.loads(text, "markdown") == brief
True
"""

from .. import Format
from .._sniff import markdown as sniff
from ._parser import MAX_NESTING
from ._tokens import LOSS_CODE as LOSS_CODE
from .read import MAX_BYTES, read
from .read import UNKNOWN_KEY as UNKNOWN_KEY
from .write import JUDGMENT_MARKER, write

__all__ = [
    "FORMAT",
    "JUDGMENT_MARKER",
    "MAX_BYTES",
    "MAX_NESTING",
    "read",
    "sniff",
    "write",
]

FORMAT = Format(
    name="markdown",
    suffixes=(".md", ".markdown"),
    media_type="text/markdown",
    read=read,
    write=write,
    sniff=sniff,
    description="CommonMark with a front matter (lossless for what briefmodel writes)",
)
