"""The text the reader takes: decoded, checked (size, line length, control characters)
and cut into chunks of non-blank lines; what is not text is a :class:`~briefmodel.ParseError`.

Read leniently, the control characters of a wire story (the SOH, STX, ETX and EOT that
frame an ANPA 1312 or IPTC 7901 transmission, its SYN fill and BEL alerts, DEL and the
C1 controls) are removed, one ``repair.control-chars`` warning a kind, and the
transmission header between SOH and STX is dropped but for its header lines
(``Slug: …``; ``repair.wire-header``); text whose NUL bytes are more than one character
in :data:`NUL_SHARE` is binary however it is read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import ParseError, Problem
from .._decoding import decode
from ._stories import _HEADER

#: Text larger than this (in characters) is refused.
MAX_BYTES = 64 * 1024 * 1024
#: A line longer than this (in characters) is refused: the input is not text.
MAX_LINE = 100_000

#: Text with more NUL characters than one in this many is binary data (UTF-16, an
#: image…), refused however it is read.
NUL_SHARE = 100

#: The control characters refused when reading strictly: C0 but tab, line feed, vertical
#: tab, form feed and carriage return (which are layout).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
#: What reading leniently removes: those, DEL and the C1 controls.
_STRIPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

#: The names of the C0 controls (ASCII, as wire transmissions use them), and DEL.
_C0 = "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN"
_NAMES = dict(enumerate(f"{_C0} ETB CAN EM SUB ESC FS GS RS US".split(" "))) | {0x7F: "DEL"}


def _fail(line: int | None, message: str, code: str = "parse.not-text") -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message, line=line))


def _decode(data: str | bytes, *, lenient: bool = False) -> tuple[str, Problem | None]:
    """The text of ``data``, and (read leniently) the repair of bytes that are not UTF-8
    (``formats/_decoding.py``)."""
    repair = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, repair = decode(bytes(data), lenient=lenient)
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"read() takes str or bytes, not {type(data).__name__}")
    return (text[1:] if text.startswith("\ufeff") else text), repair


def _named(char: str) -> str:
    """``U+0002 (STX)``: a control character as a message names it."""
    name = _NAMES.get(ord(char))
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _lines(text: str, *, lenient: bool = False) -> tuple[list[str], list[Problem]]:
    """The lines of ``text``, and (read leniently) the warnings for the control
    characters removed from them."""
    if len(text) > MAX_BYTES:
        raise _fail(None, f"the text is {len(text):,} characters; the limit is {MAX_BYTES:,}")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    binary = text.count("\0") * NUL_SHARE > len(text)
    seen: dict[str, list[int]] = {}  # control character -> [first line, count]
    framing: list[Problem] = []
    unframed = False
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise _fail(number, f"the line is {len(line)} characters long (at most {MAX_LINE})")
        bad = _CONTROL.search(line)
        if bad is not None and not lenient:
            raise _fail(number, _refusal(bad.group(), binary))
        if binary and "\0" in line:
            raise _fail(number, _refusal("\0", binary))
        if lenient and not unframed and "\x01" in line:  # the first SOH only
            unframed = True
            lines, framed = _unframed(lines, number - 1)
            framing.extend([framed] if framed is not None else [])
            line = lines[number - 1]
        if lenient and _STRIPPED.search(line) is not None:
            for char in _STRIPPED.findall(line):
                seen.setdefault(char, [number, 0])[1] += 1
            lines[number - 1] = _STRIPPED.sub("", line)
    return lines, [*framing, *(_removed(char, line, count) for char, (line, count) in seen.items())]


def _unframed(lines: list[str], start: int) -> tuple[list[str], Problem | None]:
    """``lines`` without the transmission header of a wire story, from the SOH on line
    ``start`` (0-based) to the next STX, but for its header lines; the lines as they are
    when no STX follows (the text is not framed as a wire story)."""
    out = list(lines)
    dropped: list[str] = []
    index, column = start, lines[start].index("\x01") + 1
    while True:
        line = lines[index]
        end = line.find("\x02", column)
        piece = line[column : end if end >= 0 else len(line)]
        text = _STRIPPED.sub("", piece).strip()
        if text and _HEADER.fullmatch(text) is None:
            dropped.append(text)
            out[index] = line[:column] + (line[end:] if end >= 0 else "")
        if end >= 0:
            break
        index, column = index + 1, 0
        if index == len(lines):
            return lines, None
    if not dropped:
        return out, None
    shown = "; ".join(dropped)
    shown = repr(shown if len(shown) <= 60 else shown[:59] + "…")
    return out, Problem(
        severity="warning",
        code="repair.wire-header",
        message=f"the wire story's transmission header ({shown}) between SOH and STX is dropped",
        line=start + 1,
    )


def _refusal(char: str, binary: bool) -> str:
    """Why a line holding the control character ``char`` is refused."""
    if binary:
        what = "a NUL byte" if char == "\0" else f"the control character {_named(char)}"
        return f"the line holds {what}: this is binary data, not text"
    return (
        f"the line holds the control character {_named(char)}: this is binary data, or a "
        "wire story's framing (strict=False removes the control characters and reads it)"
    )


def _removed(char: str, line: int, count: int) -> Problem:
    times = "once" if count == 1 else f"{count} times"
    return Problem(
        severity="warning",
        code="repair.control-chars",
        message=f"the control character {_named(char)} is removed ({times}, first here)",
        line=line,
    )


def _chunks(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its number."""
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            chunk.append((number, line))
        elif chunk:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
