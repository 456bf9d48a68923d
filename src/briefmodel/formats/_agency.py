"""What the readers of agency formats (NewsML-G2, ninjs) share: what they repair reading
leniently, and the options that fill what a document does not say. (The repairs of the
rules' errors, for every format, are in :mod:`briefmodel._repairs`.)

Reading with ``strict=False``, a reader repairs what it can instead of refusing the
document, and says so: each repair is a warning whose code starts with ``repair.``, at
the element's line (XML) or the value's JSON Pointer (ninjs), reported with the reader's
losses. A headline that is missing is taken from what else names the item
(:data:`HEADLINE_FROM`, in that order), an empty element or string is passed over, a
date spelt loosely is read by :func:`briefmodel._dates.read_date`, and so on.

The fallback options ``id=``, ``created=`` and ``language=`` (:class:`Fallbacks`) are
used only when the document does not say; without ``created=``, an item with no date at
all is dated :data:`briefmodel.formats.UNDATED` when reading leniently.

>>> first_sentence("Ferries resume today. More sailings follow on Friday.")
'Ferries resume today'
>>> first_sentence("word " * 40)[-11:]
'word word …'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import attrs

from .. import _options
from .._dates import DATE_NAIVE as DATE_NAIVE
from .._dates import DATE_ONLY as DATE_ONLY
from .._dates import zone_name
from ..errors import Problem
from ..model import Paragraph, Section, plain_text, walk

__all__ = [
    "BODY_AS_TEXT",
    "DATE_NAIVE",
    "DATE_ONLY",
    "EMPTY",
    "ENVELOPE_UNWRAPPED",
    "HEADLINE_FROM",
    "ID_FROM_GUID",
    "ID_HASHED",
    "ITEM_PASSED_OVER",
    "OBJECT_AS_ARRAY",
    "UNDATED_CODE",
    "VALUE_CONVERTED",
    "Fallbacks",
    "assumed",
    "first_paragraph",
    "first_sentence",
    "repair",
]

#: The code of each fallback of a missing headline, in the order they are tried.
HEADLINE_FROM = {
    source: f"repair.headline-from-{source}"
    for source in ("title", "slugline", "description", "body")
}
#: An empty element (``<headline/>``) or an empty string in ninjs, passed over.
EMPTY = "repair.empty-ignored"
#: A ninjs document without a ``uri``, identified by its ``guid``.
ID_FROM_GUID = "repair.id-from-guid"
#: A ninjs object where an array is expected, read as an array of that one object.
OBJECT_AS_ARRAY = "repair.object-as-array"
#: An item with no date at all (and no ``created=``), dated UNDATED.
UNDATED_CODE = "repair.undated"
#: A ninjs value of the wrong JSON type that plainly is one of the right type (a number
#: where a string is expected, a string of digits where an integer is), converted.
VALUE_CONVERTED = "repair.value-converted"
#: A JSON document that wraps one ninjs object (an API's response), read as that object.
ENVELOPE_UNWRAPPED = "repair.envelope-unwrapped"
#: An item with no id at all (and no ``id=``), named by a hash of its headline, date and
#: text (:func:`briefmodel.formats._ids.hashed_id`).
ID_HASHED = "repair.id-hashed"
#: A NewsML-G2 body in a vocabulary that is neither XHTML nor NITF, read as its text.
BODY_AS_TEXT = "repair.body-as-text"
#: An item of a newsMessage (or of a JSON array of ninjs objects) that cannot be read.
ITEM_PASSED_OVER = "repair.item-passed-over"

#: The most characters of a headline taken from the body's first sentence.
HEADLINE_LIMIT = 120
#: A first sentence: up to a full stop (or ! or ?), with the quotes that close it, before
#: the capital or digit that starts the next one (or the end).
_SENTENCE = re.compile(r".*?[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ]|$)")


#: What reading a date assumed (its repair code), said of the date.
_ASSUMED = {
    DATE_NAIVE: "the date-time {value!r}{of} has no time zone and is read as {zone}",
    DATE_ONLY: "the date {value!r}{of} has no time and is read as midnight {zone}",
}


def assumed(code: str, value: str, of: str = "") -> str:
    """The message of a date read by assuming what ``code`` says: ``value`` as written,
    ``of`` what it is the date of (`` of <firstCreated>``)."""
    return _ASSUMED[code].format(value=value, of=of, zone=zone_name())


def repair(code: str, message: str, *, line: int | None = None, path: str = "") -> Problem:
    """The warning of one repair: at ``line`` (XML) or ``path`` (a JSON Pointer)."""
    return Problem(severity="warning", code=code, message=message, line=line, path=path)


def first_sentence(text: str, limit: int = HEADLINE_LIMIT) -> str:
    """The first sentence of ``text``, its white space tidied and a closing full stop
    dropped (as headlines have none); past ``limit`` characters, cut at a word and ended
    with an ellipsis. Empty if the text is."""
    words = " ".join(text[: limit * 8].split())  # (a sentence longer than that is cut)
    found = _SENTENCE.match(words)
    sentence = found.group(0) if found else words
    if len(sentence) > limit:
        cut = sentence[: limit - 1]
        space = cut.rfind(" ")
        return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + " …"
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    return sentence.strip()


def first_paragraph(sections: Iterable[Section]) -> str | None:
    """The plain text of the first paragraph of ``sections`` that has any, or None."""
    for section in sections:
        for _, node in walk(section):
            if type(node) is Paragraph:
                text = plain_text(node.content).strip()
                if text:
                    return text
    return None


@attrs.frozen(kw_only=True)
class Fallbacks:
    """What the caller says of a document that may not say it itself: the options
    ``id=``, ``created=`` and ``language=`` of the NewsML-G2 and ninjs readers, each
    used only when the document gives none."""

    id: str | None = None
    created: datetime | None = None
    language: str | None = None

    @classmethod
    def checked(cls, *, id: Any, created: Any, language: Any) -> Fallbacks:
        """The options as given to a reader, checked (:mod:`briefmodel._options`)."""
        return cls(
            id=_options.optional_text("id", id),
            created=_options.created(created),
            language=_options.optional_text("language", language),
        )


#: No fallback: what reading without the options does.
NONE = Fallbacks()
