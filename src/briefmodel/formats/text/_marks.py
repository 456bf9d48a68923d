"""The marks of the layout: the bullet the writer writes, the list markers the reader
recognises (and, reading leniently, the ``1.`` and ``2)`` of other texts), and what makes
the writer escape a paragraph."""

from __future__ import annotations

import re

#: The bullet the writer puts before the items of an unordered list.
BULLET = "•"

_BULLETS = "•◦▪‣●-*"
#: A list marker: indentation, then a bullet or "(n)", then a space or the line's end.
_MARKER = re.compile(
    r"(?P<indent>[^\S\n]*)(?:(?P<bullet>[" + re.escape(_BULLETS) + r"])|\((?P<number>[0-9]{1,4})\))"
    r"(?:[^\S\n]+|$)"
)
#: A list marker read leniently: those, and a number followed by ``.`` or ``)``
#: (``1. text``, ``2) text``), as the ``numeral`` group.
_LENIENT_MARKER = re.compile(
    r"(?P<indent>[^\S\n]*)(?:(?P<bullet>[" + re.escape(_BULLETS) + r"])|\((?P<number>[0-9]{1,4})\)"
    r"|(?P<numeral>[0-9]{1,4})[.)])(?:[^\S\n]+|$)"
)


def _count(found: re.Match[str]) -> int:
    """The number of a numbered marker that ``_MARKER`` or ``_LENIENT_MARKER`` found."""
    return int(found.group("number") or found.groupdict()["numeral"])


#: What makes the writer escape a paragraph: a backslash, a hash, a bullet or "(n)" first.
_NEEDS_ESCAPE = re.compile(r"[\\#" + re.escape(_BULLETS) + r"]|\([0-9]+\)")
