"""Text from documents and file names made safe to print: a line break, a control
character, an ANSI escape sequence or a bidirectional override in a name or a message
can neither start a line of its own nor drive the terminal. Each is shown escaped as
JSON escapes it (``\\n``, ``\\u001b``, ``\\u202e``), and a file name that holds one is
shown as a JSON string, in quotes, so that it reads back exactly."""

from __future__ import annotations

import re

#: What a terminal acts on rather than shows: C0 and C1 control characters (line breaks,
#: ESC that starts ANSI sequences, CSI, DEL), the line and paragraph separators, the
#: bidirectional marks, embeddings, overrides and isolates (which reorder what follows,
#: as in "Trojan Source"), and lone surrogates (undecodable bytes of a file name).
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return _SHORT.get(character) or f"\\u{ord(character):04x}"


def shown_text(text: str) -> str:
    """``text`` with every character a terminal would act on escaped (as JSON does).

    >>> shown_text("two\\nlines, \\x1b[31mred\\x1b[0m, \\u202eevil")
    'two\\\\nlines, \\\\u001b[31mred\\\\u001b[0m, \\\\u202eevil'
    """
    return UNSAFE.sub(_escape, text)


def shown_name(name: str) -> str:
    """A file name as it is, or, when it holds a character :func:`shown_text` escapes
    (or begins with a quote), as a JSON string in double quotes, which reads back to it.

    >>> shown_name("briefs/a.json")
    'briefs/a.json'
    >>> shown_name("a\\nb.json")
    '"a\\\\nb.json"'
    """
    if not UNSAFE.search(name) and not name.startswith('"'):
        return name
    return '"' + shown_text(name.replace("\\", "\\\\").replace('"', '\\"')) + '"'
