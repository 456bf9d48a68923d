"""The text the reader takes: decoded, checked (size, line length, control characters)
and cut into chunks of non-blank lines; what is not text is a :class:`~briefmodel.ParseError`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import ParseError, Problem

#: Text larger than this (in characters) is refused.
MAX_BYTES = 64 * 1024 * 1024
#: A line longer than this (in characters) is refused: the input is not text.
MAX_LINE = 100_000

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _fail(line: int | None, message: str, code: str = "parse.not-text") -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message, line=line))


def _decode(data: str | bytes) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise _fail(
                line,
                f"the input is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})",
                "parse.encoding",
            ) from None
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"read() takes str or bytes, not {type(data).__name__}")
    return text[1:] if text.startswith("\ufeff") else text


def _lines(text: str) -> list[str]:
    if len(text) > MAX_BYTES:
        raise _fail(None, f"the text is {len(text):,} characters; the limit is {MAX_BYTES:,}")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise _fail(number, f"the line is {len(line)} characters long (at most {MAX_LINE})")
        bad = _CONTROL.search(line)
        if bad is not None:
            what = "a NUL byte" if bad.group() == "\0" else f"U+{ord(bad.group()):04X}"
            raise _fail(number, f"the line holds {what}: this is binary data, not text")
    return lines


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
