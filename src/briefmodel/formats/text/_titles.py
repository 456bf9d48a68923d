"""Words and titles: white space normalised, what reads as a section title (and, read
leniently, a title that ends in a colon), the roles titles imply (:data:`ROLES`, shared
with the Markdown reader in ``formats/_roles.py``) and the titles of page furniture
(:data:`FURNITURE`)."""

from __future__ import annotations

from collections.abc import Mapping

from .._roles import ROLES as ROLES
from .._roles import _key as _key
from .._roles import role_for as role_for
from ._marks import _NEEDS_ESCAPE

#: A section title has at most this many characters and words.
MAX_TITLE_CHARS = 100
MAX_TITLE_WORDS = 12

#: Titles of the page furniture that a web page puts after the text (normalised as for
#: :data:`ROLES`); dropped when they end the text.
FURNITURE = frozenset(
    {
        "source",
        "sources",
        "related",
        "related articles",
        "related posts",
        "related stories",
        "related content",
        "latest posts",
        "latest articles",
        "latest news",
        "recent posts",
        "more from",
        "more stories",
        "read more",
        "read next",
        "see also",
        "share",
        "share this",
        "share this article",
        "share this post",
        "tags",
        "topics",
        "comments",
        "leave a comment",
        "leave a reply",
        "subscribe",
        "newsletter",
        "sign up",
        "follow us",
        "advertisement",
    }
)

_CLOSERS = "\"'”’»)]›"
_FINAL = ".,;:…。，；：、"


def normalise(text: str) -> str:
    """Text as this format holds it: runs of white space (line breaks included) become one
    space, and none is left at either end.

    >>> normalise("  Fares\\n rise\\t by a tenth ")
    'Fares rise by a tenth'
    """
    return " ".join(text.split())


def looks_like_title(line: str) -> bool:
    """Whether a line standing alone between blank lines reads as a section title: short
    (:data:`MAX_TITLE_CHARS`, :data:`MAX_TITLE_WORDS`), with a letter, without final
    punctuation (``.`` ``,`` ``;`` ``:`` ``…``; ``?`` and ``!`` are allowed), not a list
    item, not a web address.

    >>> looks_like_title("Signal Value"), looks_like_title("What Comes Next?")
    (True, True)
    >>> looks_like_title("Talks resumed."), looks_like_title("  • Fares rise")
    (False, False)
    """
    text = normalise(line)
    if not text or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if _NEEDS_ESCAPE.match(text) or "://" in text or text.casefold().startswith("www."):
        return False
    if not any(c.isalpha() for c in text):
        return False
    end = text.rstrip(_CLOSERS)
    return bool(end) and end[-1] not in _FINAL


#: Words this short may be lower case in a title ("What to Watch", "Inside the Room").
_SHORT_WORD = 3


def _title_cased(text: str) -> bool:
    """Whether ``text`` is written as a title: its first letter upper case, and no word
    longer than :data:`_SHORT_WORD` starting lower case (a script without case is not)."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    for word in text.split():
        first = next((c for c in word if c.isalpha()), "")
        if first.islower() and len(word) > _SHORT_WORD:
            return False
    return True


def colon_title(line: str, roles: Mapping[str, str] = ROLES) -> tuple[str, bool] | None:
    """The title a line ending in a colon would be read leniently as, and whether the
    title is known (a title of ``roles`` or of :data:`FURNITURE`); None when the line
    does not read as a title (a sentence leading in to a list, say).

    >>> colon_title("Key Points:"), colon_title("What Comes Next:")
    (('Key Points', True), ('What Comes Next', False))
    >>> colon_title("The plan rests on three conditions:") is None
    True
    """
    text = normalise(line)
    if not text.endswith(":"):
        return None
    stem = text[:-1].rstrip()
    if not looks_like_title(stem):
        return None
    known = _key(stem) in roles or _key(stem) in FURNITURE
    return (stem, known) if known or _title_cased(stem) else None
