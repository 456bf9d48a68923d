"""Words and titles: white space normalised, what reads as a section title, the roles
titles imply (:data:`ROLES`) and the titles of page furniture (:data:`FURNITURE`)."""

from __future__ import annotations

from collections.abc import Mapping

from ._marks import _NEEDS_ESCAPE

#: A section title has at most this many characters and words.
MAX_TITLE_CHARS = 100
MAX_TITLE_WORDS = 12

#: Section roles inferred from titles. Keys are titles as :func:`role_for` normalises
#: them: case-folded, white space collapsed, final ``:`` dropped, ’ as '.
ROLES: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "flash points",
            "flashpoints",
            "key points",
            "key takeaways",
            "takeaways",
            "highlights",
            "key facts",
            "main points",
            "at a glance",
            "what to know",
            "key judgments",
            "key judgements",
        ),
        "key-points",
    ),
    **dict.fromkeys(
        (
            "summary",
            "executive summary",
            "overview",
            "in brief",
            "synopsis",
            "bottom line",
            "bottom line up front",
            "bluf",
            "tl;dr",
        ),
        "summary",
    ),
    **dict.fromkeys(
        ("context", "background", "what happened", "the backstory", "backstory", "situation"),
        "context",
    ),
    **dict.fromkeys(
        (
            "analysis",
            "signal value",
            "assessment",
            "our assessment",
            "why it matters",
            "what it means",
            "significance",
            "commentary",
            "insight",
            "insights",
            "the signal",
        ),
        "analysis",
    ),
    **dict.fromkeys(
        ("implications", "consequences", "impact", "impacts", "ramifications", "so what"),
        "implications",
    ),
    **dict.fromkeys(
        (
            "outlook",
            "what's next",
            "what next",
            "what comes next",
            "what to watch",
            "looking ahead",
            "the road ahead",
            "forecast",
            "scenarios",
        ),
        "outlook",
    ),
    **dict.fromkeys(
        (
            "recommendations",
            "recommended actions",
            "what to do",
            "next steps",
            "policy options",
            "options",
        ),
        "recommendations",
    ),
}

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


def _key(title: str) -> str:
    return normalise(title).casefold().replace("’", "'").rstrip(":?!. ")


def role_for(title: str, roles: Mapping[str, str] = ROLES) -> str | None:
    """The role a section title implies, or None.

    >>> role_for("Flash Points"), role_for("KEY TAKEAWAYS:"), role_for("Inside the Room")
    ('key-points', 'key-points', None)
    """
    return roles.get(_key(title))


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
