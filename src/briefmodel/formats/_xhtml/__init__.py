"""The body of a brief as XHTML, written and read.

The writer and the reader are tables of small rules keyed by node type (writing) and
element name (reading), and symmetric: sections become ``section`` elements with their
headings, blocks ``p``, ``ul``/``ol``, ``blockquote``, ``aside class="judgment"`` and
``figure``, inline nodes ``em``, ``strong``, ``code``, ``br``, ``a``, ``span`` (a
mention) and ``cite`` (a citation). What XHTML has no attribute for (a section's role, a
judgment's confidence…) is written in briefmodel's namespace ``BM``.

:class:`BodyWriter` builds the body as an lxml tree (NewsML-G2 embeds it in its own);
:class:`BodyText` writes the very same XML as text, several times faster (ninjs).

The reader also reads other producers' XHTML and NITF bodies: headings start sections,
``div`` and the like are opened in place, and markup the model has no node for is a
loss whose text is kept.
"""

from .names import BLOCK_CONTAINERS, NITF, XHTML
from .read import BodyReader
from .write import BodyText, BodyWriter

__all__ = ["BLOCK_CONTAINERS", "NITF", "XHTML", "BodyReader", "BodyText", "BodyWriter"]
