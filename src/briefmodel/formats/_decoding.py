"""Bytes as text, for the readers of text written by people (plain text, Markdown).

UTF-8 is the encoding these formats are read in, and reading strictly refuses what is
not UTF-8 (``parse.encoding``, at the line of the first byte that is not). Documents
written by other producers are often in the encoding of an older system: wire copy and
press releases in Windows-1252 or Latin-1. Read leniently, text that is not UTF-8 is
decoded as Windows-1252, or as Latin-1 when it holds a byte Windows-1252 leaves
undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), and the repair is said (``repair.encoding``,
at the line of the first byte that is not UTF-8).

>>> decode("Caf\\xe9 cr\\xe8me".encode("latin-1"), lenient=True)[0]
'Café crème'
"""

from __future__ import annotations

from ..errors import ParseError, Problem

__all__ = ["ENCODING_REPAIR", "decode"]

#: The code of the repair: text that is not UTF-8 decoded as Windows-1252 or Latin-1.
ENCODING_REPAIR = "repair.encoding"


def decode(data: bytes, *, lenient: bool, noun: str = "the input") -> tuple[str, Problem | None]:
    """``data`` as text, and the repair made (None when it is UTF-8). ``noun`` names the
    input in messages (``the document``). Strictly, bytes that are not UTF-8 raise
    :class:`~briefmodel.ParseError` (``parse.encoding``) naming the line."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        if not lenient:
            raise ParseError(
                Problem(
                    severity="error",
                    code="parse.encoding",
                    message=f"{noun} is not UTF-8 ({byte})",
                    line=line,
                )
            ) from None
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:  # a byte Windows-1252 does not define
        text, encoding = data.decode("latin-1"), "Latin-1"
    return text, Problem(
        severity="warning",
        code=ENCODING_REPAIR,
        message=f"{noun} is not UTF-8 ({byte}) and is read as {encoding}",
        line=line,
    )
