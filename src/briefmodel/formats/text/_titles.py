"""Words and titles: white space normalised, what reads as a section title, the roles
titles imply (:data:`ROLES`, shared with the Markdown reader in
``formats/_roles.py``) and the titles of page furniture (:data:`FURNITURE`)."""

from __future__ import annotations

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
