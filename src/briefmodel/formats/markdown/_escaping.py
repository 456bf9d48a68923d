"""Escaping for the writer: text, link destinations, titles and code spans written so
that they read back as exactly themselves (no character of the brief's text becomes
markup)."""

from __future__ import annotations

import re

#: Characters escaped with a backslash wherever they are in text.
_ALWAYS = re.compile(
    r"[\\`*_\[\]<{]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)"
)
#: What would start a block at the beginning of a line.
_LINE_START = re.compile(r"[#>+=\-~]|[0-9]{1,9}(?=[.)])")
#: Characters written as numeric character references wherever they are: line breaks.
_BREAKS = re.compile("[\n\r]")


def _edge_space(char: str) -> bool:
    """True for a character Markdown strips at the edges of a line or block."""
    return char.isspace() and char != "\x85"


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


def _escape(
    text: str, *, start: bool = False, end: bool = False, block: bool = False, heading: bool = False
) -> str:
    """``text`` as Markdown text that reads back as itself.

    ``start`` and ``end`` say that white space at that end would be lost (it is written
    as character references); ``block`` that the text begins a line (where ``#``, ``>``,
    ``-``, ``1.``… would start a block); ``heading`` that it is in a heading (``#`` is
    escaped everywhere).
    """
    out = _ALWAYS.sub(_backslash, text)
    if heading and "#" in out:
        out = out.replace("#", "\\#")
    if "\n" in out or "\r" in out:
        out = _BREAKS.sub(lambda m: _ref(m.group()), out)
    if (start or block) and out:
        lead = 0
        if start:
            while lead < len(out) and _edge_space(out[lead]):
                lead += 1
        if lead:
            out = "".join(_ref(c) for c in out[:lead]) + out[lead:]
        elif block:
            found = _LINE_START.match(out)
            if found is not None:
                if found.group()[0].isdigit():
                    out = out[: found.end()] + "\\" + out[found.end() :]
                else:
                    out = "\\" + out
    if end and out:
        trail = len(out)
        while trail > 0 and _edge_space(out[trail - 1]):
            trail -= 1
        if trail < len(out):
            out = out[:trail] + "".join(_ref(c) for c in out[trail:])
    if out.endswith("!"):
        out = out[:-1] + "\\!"  # before a link it would make an image
    return out


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group()


_BARE_URL = re.compile(r"[A-Za-z0-9\-._~:/?#@!$'*+,;=%]+")


def _destination(url: str) -> str:
    """A link destination: as it is when it is plain, else in angle brackets, which hold
    any character once escaped."""
    if _BARE_URL.fullmatch(url):
        return url
    out = re.sub(r"[\\<>]|&(?=#?[A-Za-z0-9]+;)", lambda m: "\\" + m.group(), url)
    return "<" + _BREAKS.sub(lambda m: _ref(m.group()), out) + ">"


def _title(title: str) -> str:
    out = re.sub(r'[\\"]|&(?=#?[A-Za-z0-9]+;)', lambda m: "\\" + m.group(), title)
    return ' "' + _BREAKS.sub(lambda m: _ref(m.group()), out) + '"'


def _code_span(text: str) -> str | None:
    """A code span holding exactly ``text``, or None when no code span can (a line
    break inside, which a code span turns into a space)."""
    if "\n" in text or "\r" in text:
        return None
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = text.strip(" ") != "" and (
        text[0] == "`" or text[-1] == "`" or (text[0] == " " and text[-1] == " ")
    )
    return f"{fence} {text} {fence}" if pad else f"{fence}{text}{fence}"
