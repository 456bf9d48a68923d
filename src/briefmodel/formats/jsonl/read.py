"""Reading JSON Lines: a line at a time from a file, each line read as canonical JSON,
every problem named by its line (and its JSON Pointer inside the line)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

import attrs

from ... import _options
from ..._files import MAX_BYTES
from ...errors import ParseError, Problem, ValidationError, listening, tell
from ...model import Brief
from ..json import read as read_json

__all__ = ["MAX_LINE_BYTES", "lines", "read", "read_all", "read_line"]

#: The most bytes one line may hold (a brief, as any document: 64 MiB). A longer line
#: is refused with ``parse.too-large`` after reading no more than one byte past it.
MAX_LINE_BYTES = MAX_BYTES

_BOM = b"\xef\xbb\xbf"


def _too_long(number: int) -> ParseError:
    message = f"the line holds over {MAX_LINE_BYTES:,} bytes (64 MiB), the most a brief may hold"
    return ParseError(
        Problem(severity="error", code="parse.too-large", message=message, line=number)
    )


def lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """The lines of ``stream`` that hold something, each with its number (from 1),
    without its ``\\n`` or ``\\r\\n``; read one at a time, so that memory holds one line.

    A UTF-8 byte-order mark at the start is passed over, and so are blank lines (white
    space alone). A line longer than :data:`MAX_LINE_BYTES` is a
    :class:`~briefmodel.ParseError` (``parse.too-large``) naming it.

    >>> list(lines(io.BytesIO(b'{"a": 1}\\r\\n\\n  \\n{"b": 2}')))
    [(1, b'{"a": 1}'), (4, b'{"b": 2}')]
    """
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            raise _too_long(number)
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        line = line.rstrip(b"\n").rstrip(b"\r")
        if line.strip(b" \t\r"):
            yield number, line


def _on_line(problem: Problem, number: int) -> Problem:
    """``problem`` of a line's text, placed in the file: on line ``number`` (a column
    counted in the line is kept)."""
    return attrs.evolve(problem, line=number)


def read_line(
    number: int,
    data: bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """Line ``number`` of a JSON Lines file, read as canonical JSON (without running the
    semantic rules): as :func:`briefmodel.formats.json.read`, fallbacks included, but
    every problem, and every warning of a lenient read, is on line ``number``."""
    with listening() as heard:
        try:
            brief = read_json(data, strict=strict, id=id, created=created, language=language)
        except ParseError as error:
            raise ParseError(_on_line(error.problem, number)) from None
        except ValidationError as error:
            raise ValidationError([_on_line(p, number) for p in error.problems]) from None
    tell([_on_line(p, number) for p in heard], "read")
    return brief


def _stream(data: str | bytes | BinaryIO) -> BinaryIO:
    """``data`` to read a line at a time: an open binary file as it is, a document in
    memory wrapped."""
    if callable(getattr(data, "readline", None)) and not isinstance(data, (str, bytes)):
        return data
    document = _options.document(data)
    if isinstance(document, str):
        return io.BytesIO(document.encode("utf-8", "surrogatepass"))
    return io.BytesIO(document)


def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """The one brief of a JSON Lines document; one that holds none (blank lines alone)
    or several is a :class:`~briefmodel.ParseError` (``parse.syntax``, ``jsonl.several``:
    read such a file with :func:`briefmodel.load_all`)."""
    found = lines(_stream(_options.document(data)))
    first = next(found, None)
    if first is None:
        message = "the document is empty: a JSON Lines file holds a brief on each line"
        raise ParseError(Problem(severity="error", code="parse.syntax", message=message, line=1))
    brief = read_line(*first, strict=strict, id=id, created=created, language=language)
    second = next(found, None)
    if second is not None:
        message = (
            f"the file holds more than one brief (lines {first[0]} and {second[0]} …): "
            "read it with bm.load_all, which yields each"
        )
        raise ParseError(
            Problem(severity="error", code="jsonl.several", message=message, line=second[0])
        )
    return brief


class Briefs(Iterator[Brief]):
    """The briefs of a JSON Lines stream, read as they are reached; :attr:`line` is
    the line of the last one yielded."""

    def __init__(self, stream: BinaryIO, *, strict: bool, options: dict[str, Any]) -> None:
        self._lines = lines(stream)
        self._strict = strict
        self._options = options
        self._passed_over: list[Problem] = []
        self._yielded = False
        #: The line of the last brief yielded (0 before the first).
        self.line = 0

    def __iter__(self) -> Briefs:
        return self

    def __next__(self) -> Brief:
        while True:
            try:
                number, data = next(self._lines)
            except StopIteration:
                if self._passed_over and not self._yielded:
                    raise ValidationError(self._passed_over) from None
                raise
            try:
                brief = read_line(number, data, strict=self._strict, **self._options)
            except (ParseError, ValidationError) as error:
                if self._strict:
                    raise
                self._pass_over(number, error.problems)
                continue
            self.line = number
            self._yielded = True
            return brief

    def _pass_over(self, number: int, problems: tuple[Problem, ...]) -> None:
        first = problems[0]
        where = f" ({first.path})" if first.path else ""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        message = f"line {number} is passed over: {first.message}{where}{more}"
        said = Problem(
            severity="warning", code="repair.item-passed-over", message=message, line=number
        )
        tell([said], "read", said=message)
        self._passed_over.extend(problems)


def read_all(
    data: str | bytes | BinaryIO,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Briefs:
    """Every brief of a JSON Lines document or open binary file, read a line at a time
    as the iterator is advanced (each as by :func:`read_line`, without the semantic
    rules).

    Strictly, a bad line raises when it is reached, after the briefs before it were
    yielded. With ``strict=False`` a line that cannot be read even leniently is passed
    over with a :class:`~briefmodel.BriefmodelWarning` naming it
    (``repair.item-passed-over``); a document none of whose lines could be read raises,
    listing why. A document of blank lines alone holds no brief, and yields none.
    ``id``, ``created`` and ``language`` fill what a line does not say, as for
    :func:`read_line` (a fixed ``id`` is every brief's that has none).
    """
    options = {"id": id, "created": created, "language": language}
    return Briefs(_stream(data), strict=strict, options=options)
