"""Reading and writing briefs in any registered format."""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import stat
from collections.abc import Iterable, Iterator
from datetime import tzinfo
from pathlib import Path
from typing import IO, Any

import attrs

from . import _options
from ._dates import naive_times_in
from ._files import read_document, write_atomically
from ._repairs import repaired
from .errors import OptionError, ParseError, Problem, ValidationError, listening, tell
from .formats import Format, by_name, detect, formats, mismatch
from .formats import json as json_format
from .model import Brief
from .rules import DEFAULT_URL_SCHEMES, check

__all__ = [
    "dump",
    "dump_all",
    "dumpb",
    "dumps",
    "from_dict",
    "load",
    "load_all",
    "loads",
    "to_dict",
]


def dumps(brief: Brief, format: str = "json", **options: Any) -> str:
    """Write ``brief`` as text in ``format``.

    Options are the format's own; for ``json``, ``indent=`` pretty-prints. A format that
    cannot hold every brief (plain text) leaves out what it cannot hold without a word:
    ``bm.formats.by_name(format).losses(brief)`` lists it, field by field. A format whose
    documents are bytes (``pdf``, ``docx``) is written by :func:`dumpb` or :func:`dump`;
    here it is an :class:`~briefmodel.OptionError` that says so.

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> brief = bm.Brief(id="x", headline="Hi", created=datetime(2026, 1, 1, tzinfo=timezone.utc),
    ...                  sections=[bm.Section(blocks=[bm.Paragraph(content="Hello.")])])
    >>> bm.dumps(brief)[:60]
    '{"schema":"briefmodel/2","id":"x","headline":"Hi","language"'
    """
    fmt = by_name(format)
    if fmt.binary:
        raise OptionError(
            "format",
            f"a {fmt.name} document is bytes, not text: write it with "
            f"bm.dumpb(brief, {fmt.name!r}) or bm.dump(brief, path)",
            "format.binary",
        )
    written = _written(fmt, brief, options)
    assert isinstance(written, str)
    return written


def dumpb(brief: Brief, format: str = "json", **options: Any) -> bytes:
    """Write ``brief`` as the bytes of a document in ``format``: what :func:`dump` writes
    to a file, for any format (text in UTF-8; a PDF or a Word file as it is).

    Options are the format's own, as for :func:`dumps`. A brief whose text cannot be
    written as UTF-8 (a lone surrogate) is a :class:`~briefmodel.ValidationError`.

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> brief = bm.Brief(id="x", headline="Hi", created=datetime(2026, 1, 1, tzinfo=timezone.utc),
    ...                  sections=[bm.Section(blocks=[bm.Paragraph(content="Hello.")])])
    >>> bm.dumpb(brief, "markdown")[:3]
    b'---'
    """
    written = _written(by_name(format), brief, options)
    if isinstance(written, bytes):
        return written
    try:
        return written.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            [
                Problem(
                    severity="error",
                    code="text.not-xml-char",
                    message=f"the brief holds a lone surrogate (U+{ord(written[error.start]):04X}) "
                    "that cannot be written as UTF-8",
                )
            ]
        ) from None


def _written(fmt: Format, brief: Brief, options: dict[str, Any]) -> str | bytes:
    """The document the format's writer writes, its options checked first."""
    writer = fmt.write
    _options.known(writer, options, f"the {fmt.name} writer")
    return writer(brief, **options)


def loads(
    data: str | bytes,
    format: str | None = None,
    *,
    strict: bool = True,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    timezone: tzinfo | str | None = None,
    **options: Any,
) -> Brief:
    """Read a brief from text, checking it completely.

    The format is sniffed from the text unless ``format`` names it (as :func:`load` does
    for a file). When the text was read as the format named and is clearly another (ninjs
    given as ``format="json"``), the error says so first (``format.mismatch``). Other
    options are the
    reader's own: for plain text and Markdown, ``created=`` (and for text ``id=``,
    ``language=``) fill what the document does not say. Raises
    :class:`~briefmodel.ParseError` for text that is not well-formed and
    :class:`~briefmodel.ValidationError` (carrying every problem) for a document that
    breaks the schema or a rule. With ``strict=False`` unknown fields are kept under
    ``extensions`` instead of being errors, with a :class:`~briefmodel.BriefmodelWarning`.
    ``url_schemes`` are the schemes links may use (as in :func:`~briefmodel.validate`).
    Read leniently, what the rules refuse but a repair mends is mended, each repair told
    in the warning; a date-time without an offset is taken in ``timezone`` (a
    :class:`~datetime.tzinfo` or an IANA name such as ``"Europe/Oslo"``; UTC by default).
    """
    data = _options.document(data)
    fmt, strict, url_schemes = _reading(format, strict, url_schemes)
    zone = _options.zone(timezone)
    fmt = fmt or detect(None, data)
    brief = _read(fmt, data, strict=strict, zone=zone, **options)
    return _checked(brief, url_schemes, strict=strict)


def dump(
    brief: Brief, path: str | os.PathLike[str], format: str | None = None, **options: Any
) -> None:
    """Write ``brief`` to a file; the format comes from the suffix unless given.

    The file is written in full or not at all: the text goes to a temporary file in the
    same directory, which then replaces ``path``. It is never written through a link: a
    symbolic link at ``path`` (or a pipe, a socket, a device) raises
    :class:`~briefmodel.WriteError` (``output.symlink``, ``output.not-a-file``), and
    nothing is written; the folders of ``path`` are used as named.
    """
    target = Path(_options.path(path))
    name = _options.format_name(format, optional=True)
    fmt = by_name(name) if name else detect(target)
    write_atomically(target, dumpb(brief, fmt.name, **options))


def dump_all(
    briefs: Iterable[Brief],
    destination: str | os.PathLike[str] | IO[str] | IO[bytes],
    format: str = "jsonl",
) -> int:
    """Write ``briefs`` into one document, taking each from the iterable as it is
    written, and return how many were written.

    ``destination`` is the path of a file, written in full or not at all as by
    :func:`dump` (an error or a signal half-way leaves no partial file, and an existing
    file as it was), or an open stream, text or binary, written a line at a time (and
    not closed). ``format`` is one that holds many briefs: JSON Lines (``jsonl``), a
    line of compact canonical JSON for each brief, ``\n``-terminated, in UTF-8. A
    bad item names its index: an :class:`~briefmodel.OptionError` for what is not a
    brief, a :class:`~briefmodel.ValidationError` for a brief that cannot be written.

    >>> import io
    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> briefs = (bm.Brief(id=f"urn:x:{n}", headline=f"Brief {n}", sections=[bm.Section()],
    ...                    created=datetime(2026, 1, 1, tzinfo=timezone.utc)) for n in range(3))
    >>> stream = io.StringIO()
    >>> bm.dump_all(briefs, stream)
    3
    >>> len(stream.getvalue().splitlines())
    3
    """
    fmt = by_name(_options.format_name(format, optional=False) or "")
    if fmt.write_all is None and fmt.many:  # (a feed: its title and links are its own)
        raise OptionError(
            "format",
            f"a {fmt.name} feed is written with bm.feed(briefs, kind, title=…), "
            "which takes the feed's title and links",
        )
    if fmt.write_all is None:
        many = ", ".join(name for name in formats() if by_name(name).write_all)
        raise OptionError(
            "format",
            f"the {fmt.name} format holds one brief per document: dump_all writes {many}",
        )
    count = 0

    def counted() -> Iterator[bytes]:
        nonlocal count
        assert fmt.write_all is not None
        for chunk in fmt.write_all(briefs):
            yield chunk
            count += 1

    if isinstance(destination, (str, os.PathLike)):
        write_atomically(Path(destination), counted())
        return count
    write = getattr(destination, "write", None)
    if not callable(write):
        raise OptionError(
            "destination",
            "expected the path of a file (str or Path) or an open stream, "
            f"got {type(destination).__name__}",
        )
    text = isinstance(destination, io.TextIOBase) or hasattr(destination, "encoding")
    for chunk in counted():
        write(chunk.decode("utf-8") if text else chunk)
    return count


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    strict: bool = True,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    timezone: tzinfo | str | None = None,
    **options: Any,
) -> Brief:
    """Read a brief from a file; the format comes from the suffix, else from sniffing.

    Otherwise as :func:`loads`, reader options and ``timezone`` included.
    """
    fmt, strict, url_schemes = _reading(format, strict, url_schemes)
    zone = _options.zone(timezone)
    raw = read_document(_options.path(path))
    fmt = fmt or detect(path, raw)
    return _checked(
        _read(fmt, raw, strict=strict, zone=zone, **options), url_schemes, strict=strict
    )


def load_all(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    strict: bool = True,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    timezone: tzinfo | str | None = None,
    **options: Any,
) -> Iterator[Brief]:
    """Every brief in a file, in order: the items of a NewsML-G2 ``newsMessage``, or the
    one brief of a document that holds one.

    Each brief is checked as by :func:`load` when the iterator reaches it. Strictly, a bad
    item raises there, after the good ones before it have been yielded. Read leniently
    (``strict=False``), an item that cannot be repaired is passed over with a
    :class:`~briefmodel.BriefmodelWarning` naming it, and the others are yielded; a file
    none of whose items could be read raises, listing why, rather than yielding nothing.
    Reader options (``created=`` …) and ``timezone`` are taken as :func:`load` takes them.

    A JSON Lines file (``.jsonl``, ``.ndjson``, or ``format="jsonl"``) is read a line at
    a time as the iterator is advanced, so that memory holds one brief whatever the
    file's size; every problem, and each brief passed over, is named by its line.
    """
    fmt, strict, url_schemes = _reading(format, strict, url_schemes)
    zone = _options.zone(timezone)
    path = _options.path(path)
    fmt = fmt or _streaming(path)
    if fmt is not None and fmt.streams and fmt.read_all is not None:
        yield from _streamed(path, fmt, strict, url_schemes, zone, options)
        return
    raw = read_document(path)
    fmt = fmt or detect(path, raw)
    if fmt.read_all is None:
        brief = _read(fmt, raw, strict=strict, zone=zone, **options)
        yield _checked(brief, url_schemes, strict=strict)
        return
    _options.known(fmt.read_all, options, f"the {fmt.name} reader")
    try:
        items = _each_in(zone, fmt.read_all(raw, strict=strict, **options))
        placed = ((f"brief {index}", None, brief) for index, brief in enumerate(items))
        yield from _each_checked(placed, url_schemes, strict)
    except (ParseError, ValidationError) as error:
        raise _hinted(error, mismatch(fmt, raw, error.problems)) from None


def _streaming(path: str | os.PathLike[str]) -> Format | None:
    """The format that the suffix of ``path`` names, if it is read as a stream."""
    try:
        fmt = detect(path)
    except OptionError:
        return None
    return fmt if fmt.streams else None


def _streamed(
    path: str | os.PathLike[str],
    fmt: Format,
    strict: bool,
    url_schemes: tuple[str, ...],
    zone: tzinfo | None,
    options: dict[str, Any],
) -> Iterator[Brief]:
    """The briefs of the file ``path`` in a format read as a stream (JSON Lines), each
    checked as it is reached; a problem the rules find is put on the brief's line."""
    assert fmt.read_all is not None
    _options.known(fmt.read_all, options, f"the {fmt.name} reader")
    with _opened(path) as handle:
        items = fmt.read_all(handle, strict=strict, **options)
        yield from _each_checked(_on_their_lines(zone, items), url_schemes, strict)


def _on_their_lines(
    zone: tzinfo | None, items: Iterator[Brief]
) -> Iterator[tuple[str, int | None, Brief]]:
    """Each brief of a stream with the line it was read from (the stream's ``line``)."""
    for brief in _each_in(zone, items):
        line: int | None = getattr(items, "line", None)
        yield f"line {line}", line, brief


def _each_checked(
    placed: Iterator[tuple[str, int | None, Brief]], url_schemes: tuple[str, ...], strict: bool
) -> Iterator[Brief]:
    """Each brief of ``placed`` (with its place in the file, ``brief 3`` or ``line 4``, and
    its line if it has one) checked as it is reached. Strictly, one that fails raises;
    leniently, it is passed over, and a file none of whose briefs pass raises, saying why."""
    passed_over: list[Problem] = []
    yielded = False
    for place, line, brief in placed:
        try:
            with _on_line(line):
                checked = _checked(brief, url_schemes, strict=strict)
        except ValidationError as error:
            if strict:
                raise
            passed_over.extend(_passed_over(place, brief, error))
            continue
        yielded = True
        yield checked
    if passed_over and not yielded:
        raise ValidationError(passed_over)


@contextlib.contextmanager
def _on_line(line: int | None) -> Iterator[None]:
    """Put the problems raised in the block, and those told, on ``line`` of the file."""
    if line is None:
        yield
        return
    placed = functools.partial(_placed, line=line)
    with listening() as heard:
        try:
            yield
        except ValidationError as error:
            raise ValidationError(map(placed, error.problems)) from None
    tell(map(placed, heard), "repaired", ("repair", "repairs"))


def _placed(problem: Problem, *, line: int) -> Problem:
    return problem if problem.line is not None else attrs.evolve(problem, line=line)


@contextlib.contextmanager
def _opened(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """``path`` open to read as a stream; :class:`~briefmodel.ParseError`
    (``parse.unreadable``) if it cannot be opened, or is a folder."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
        if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
            handle.close()
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
    except (OSError, ValueError) as error:  # ValueError: a name with a NUL in it
        shown = os.fspath(path)
        shown = shown if isinstance(shown, str) and shown.isprintable() else repr(shown)
        message = f"cannot read {shown}: {getattr(error, 'strerror', None) or error}"
        raise ParseError(
            Problem(severity="error", code="parse.unreadable", message=message)
        ) from None
    with handle:
        yield handle


def _each_in(zone: tzinfo | None, items: Iterator[Brief]) -> Iterator[Brief]:
    """``items``, each read with naive date-times taken in ``zone``, which holds only
    while an item is read (not in the caller's code between two)."""
    while True:
        with naive_times_in(zone):
            brief = next(items, None)
        if brief is None:
            return
        yield brief


def _passed_over(place: str, brief: Brief, error: ValidationError) -> list[Problem]:
    """Why the brief at ``place`` of a file read leniently (``brief 3``, ``line 4``) was
    passed over: told as one warning, and kept to raise if no brief of the file could be
    read."""
    first = error.problems[0]
    said = Problem(
        severity="warning",
        code="repair.item-passed-over",
        message=f"{place} ({brief.id}) is passed over: {first.path or '/'}: {first.message}"
        + (f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""),
    )
    tell([said], "read")
    return [attrs.evolve(p, message=f"{place} ({brief.id}): {p.message}") for p in error.problems]


def to_dict(brief: Brief) -> dict[str, Any]:
    """The canonical JSON data of ``brief``: plain dicts, lists, strings and numbers."""
    return json_format.to_dict(brief)


def from_dict(
    data: Any, *, strict: bool = True, url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES
) -> Brief:
    """Build a brief from canonical JSON data, checking it completely (like :func:`loads`)."""
    strict = _options.flag("strict", strict)
    url_schemes = _options.url_schemes(url_schemes)
    return _checked(json_format.from_dict(data, strict=strict), url_schemes, strict=strict)


def _reading(
    format: Any, strict: Any, url_schemes: Any
) -> tuple[Format | None, bool, tuple[str, ...]]:
    """The arguments every reading function takes, checked: the format named (None to
    find it), ``strict`` and ``url_schemes``."""
    name = _options.format_name(format, optional=True)
    return (
        by_name(name) if name else None,
        _options.flag("strict", strict),
        _options.url_schemes(url_schemes),
    )


def _read(
    fmt: Format, data: str | bytes, *, strict: bool, zone: tzinfo | None = None, **options: Any
) -> Brief:
    """``data`` read as ``fmt`` (naive date-times in ``zone``); if that fails and the text
    is clearly another format, the error says which."""
    _options.known(fmt.read, options, f"the {fmt.name} reader")
    try:
        with naive_times_in(zone):
            return fmt.read(data, strict=strict, **options)
    except (ParseError, ValidationError) as error:
        raise _hinted(error, mismatch(fmt, data, error.problems)) from None


def _hinted(error: ParseError | ValidationError, hint: Problem | None) -> BaseException:
    """``error``, saying first what ``hint`` says (the text is another format)."""
    if hint is None:
        return error
    if isinstance(error, ParseError):
        said = f"{error.problem.message}; {hint.message}"
        return ParseError(attrs.evolve(error.problem, message=said))
    return ValidationError((hint, *error.problems))


def _checked(brief: Brief, url_schemes: Iterable[str], *, strict: bool = True) -> Brief:
    """``brief`` if no rule finds an error in it; read leniently (not ``strict``), the
    errors :data:`~briefmodel._repairs.REPAIRS` knows are mended first and each repair
    is told (a :class:`~briefmodel.BriefmodelWarning`)."""
    if strict:
        problems = check(brief, url_schemes=url_schemes)
    else:
        brief, done, problems = repaired(brief, lambda b: check(b, url_schemes=url_schemes))
        if not any(p.severity == "error" for p in problems):
            tell(done, "repaired", ("repair", "repairs"))
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems)
    return brief
