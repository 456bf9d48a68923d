"""Plain text: a brief as the text of a web brief, and such texts read back.

``bm.dumps(brief, "text")`` writes the layout of a brief copied from a web page: the
headline on the first line (the subheadline, if any, on the line below it), then each
section's title on a line of its own between blank lines, paragraphs one to a line,
bulleted items as ``  • item`` and numbered items as ``(1) item``, a lead-in paragraph
right above its numbered list. Everything else is dropped: the fidelity table of the
docs lists what survives, and :func:`losses` says what a given brief would lose.

``bm.loads(text, "text")`` reads text in that layout: the first line is the headline; a
short line without final punctuation, standing alone between blank lines, is a section
title, and the section's role is inferred from it (:data:`ROLES`); lines starting with
``•`` (or ``◦``, ``▪``, ``-``, ``*``) are bulleted items, deeper indentation nests them;
a run of paragraphs or lines starting ``(1)``, ``(2)``, ``(3)`` … is a numbered list;
page furniture at the end (:data:`FURNITURE`: "Source", "Related Articles", "Latest
Posts" …) is dropped.

Two escapes keep what the writer writes from being misread: a block whose first line
starts with a backslash is a paragraph, taken as written without the backslash (the
writer uses it for a paragraph that would look like a title or a list item), and a line
standing alone that starts with ``# `` is a section title whatever it looks like (for
a title that would not look like one).

Read with ``strict=False`` (and by ``validate(lenient=True)``), the reader also takes
news and wire stories as they come, each repair a ``repair.*`` warning at its line: the
control characters of a wire story removed (its transmission header between SOH and
STX dropped), ``Title:``/``Headline:``/``Slug:`` header lines giving the headline, lines
numbered ``1.`` or ``2)`` as a numbered list, a title ending in a colon (``Key
Points:``) as a section title, and ``Source:`` lines at the start or the end as the
brief's sources (see :func:`read`). The writer escapes what that reading would take
otherwise, so briefmodel's own text reads the same either way.

Text carries no id, date or language: ``read`` takes them as options, and without them
the id is a ``urn:`` made from a hash of the words read and the creation date is
:data:`UNDATED`.

>>> import briefmodel as bm
>>> text = '''Ferry Fares Rise in Spring
...
... Key Takeaways
...
...   • Fares rise by a tenth from April
...   • Season tickets keep their price
...
... Outlook
...
... The operator reviews the fares again in autumn.
... '''
>>> brief = bm.loads(text, "text")
>>> [(s.title, s.role) for s in brief.sections]
[('Key Takeaways', 'key-points'), ('Outlook', 'outlook')]
>>> [bm.plain_text(item.content) for item in brief.key_points]
['Fares rise by a tenth from April', 'Season tickets keep their price']
>>> bm.dumps(brief, "text") == text
True
"""

from __future__ import annotations

from .. import UNDATED, Format
from ._lines import MAX_BYTES, MAX_LINE, NUL_SHARE
from ._losses import losses
from ._marks import BULLET
from ._titles import (
    FURNITURE,
    MAX_TITLE_CHARS,
    MAX_TITLE_WORDS,
    ROLES,
    looks_like_title,
    normalise,
    role_for,
)
from .read import HASHED_ID_PREFIX, examine, read, sniff
from .write import write

__all__ = [
    "BULLET",
    "FORMAT",
    "FURNITURE",
    "HASHED_ID_PREFIX",
    "MAX_BYTES",
    "MAX_LINE",
    "MAX_TITLE_CHARS",
    "MAX_TITLE_WORDS",
    "NUL_SHARE",
    "ROLES",
    "UNDATED",
    "examine",
    "looks_like_title",
    "losses",
    "normalise",
    "read",
    "role_for",
    "sniff",
    "write",
]

FORMAT = Format(
    name="text",
    suffixes=(".txt", ".text"),
    media_type="text/plain",
    read=read,
    write=write,
    sniff=sniff,
    description="plain text in the layout of a web brief (lossy: see the fidelity table)",
    examine=examine,
    losses=losses,
)
