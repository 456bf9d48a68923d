"""The ``briefmodel`` command line: validate, convert, list formats and print schemas.

Run it as ``briefmodel COMMAND …`` or ``python -m briefmodel COMMAND …``:

- ``validate PATH…`` checks documents (files, directories, glob patterns or ``-`` for
  stdin) and lists every problem, one a line, in the ``FILE:LINE:COLUMN: severity
  code: message`` form editors understand (or ``FILE: POINTER: severity code:
  message`` when the problem has no line), then a summary; ``--format json`` gives a
  machine-readable report instead, ``--format github`` annotations for GitHub Actions.
- ``convert IN… -o OUT`` reads briefs in one format and writes them in another: one
  file to a file (or stdin to stdout), or many files, directories and globs to an
  output directory, keeping their names, in parallel with ``--jobs N``. Every output
  is written atomically and never over an input; one bad file does not stop a batch.
- ``formats`` lists what can be read and written; ``schema`` prints the JSON Schema of
  canonical JSON or briefmodel's NewsML-G2 profile (XSD).

Formats are looked up in the format registry (:func:`briefmodel.formats`), so a
format added there, built in or plugged in, works here without a change.

Exit status: 0 when every document is valid or converted (warnings allowed), 1 when a
document is invalid or cannot be read or written, 2 for a usage error, 130 when
interrupted.

The conversion of one file is :func:`convert_file`; it and its result
(:class:`ConvertResult`) pickle, so the same function runs in worker processes here
and on a distributed engine (Dask, say: see the docs' recipes).
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import inspect
import io
import json
import os
import re
import shutil
import signal
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from importlib import resources
from pathlib import Path, PurePath
from typing import IO, Any

import attrs
from lxml import etree

from .. import __version__
from .._api import dumps
from .._files import write_atomically
from .._schema import json_schema
from ..errors import (
    BriefmodelError,
    BriefmodelWarning,
    ParseError,
    Problem,
    Report,
    ValidationError,
)
from ..formats import Format, by_name, detect, formats
from ..model import Brief
from ..rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES
from ..validation import validate

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "ConvertResult",
    "build_parser",
    "convert_file",
    "format_github",
    "format_problem",
    "main",
]

#: Every document valid or converted (warnings allowed).
EXIT_OK = 0
#: A document is invalid or unreadable, or an output could not be written.
EXIT_INVALID = 1
#: The command line itself is wrong.
EXIT_USAGE = 2
#: Stopped with Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: The file name that stands for standard input or standard output.
STDIO = "-"
#: How standard input is named in reports.
STDIN_NAME = "<stdin>"
#: The format written to standard output when neither ``-t`` nor a suffix says.
DEFAULT_OUTPUT_FORMAT = "json"
#: Files a worker process converts per task: enough to make the hand-over cheap, few
#: enough that an interrupted run stops soon.
CHUNK = 16
#: Tasks in flight per worker process: the input is read ahead by this much, no more.
AHEAD = 3
#: Seconds between two redraws of the progress bar.
PROGRESS_EVERY = 0.1

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_GLOB = re.compile(r"[*?\[]")
#: briefmodel's NewsML-G2 profile: the main XSD first, then the ones it imports.
_PROFILE = "newsml-profile.xsd"


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


# --------------------------------------------------------------------------------------
# Output helpers


def format_problem(name: str, problem: Problem) -> str:
    """One problem as a line of the human report.

    ``FILE:LINE:COLUMN: severity code: message`` when the problem has a line (its
    JSON Pointer, if any, follows the message), else ``FILE: POINTER: severity code:
    message`` (``/`` standing for the whole document).

    >>> format_problem("a.json", Problem(severity="error", code="parse.syntax",
    ...                message="not valid JSON", line=3, column=7))
    'a.json:3:7: error parse.syntax: not valid JSON'
    >>> format_problem("a.json", Problem(severity="warning", code="section.empty",
    ...                message="the section is empty", path="/sections/0"))
    'a.json: /sections/0: warning section.empty: the section is empty'
    """
    message = " ".join(problem.message.splitlines())
    if problem.line is None:
        return f"{name}: {problem.path or '/'}: {problem.severity} {problem.code}: {message}"
    where = f"{name}:{problem.line}:"
    if problem.column is not None:
        where += f"{problem.column}:"
    line = f"{where} {problem.severity} {problem.code}: {message}"
    if problem.path:
        line += f" (at {problem.path})"
    return line


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(name: str, problem: Problem) -> str:
    """One problem as a GitHub Actions workflow command, which annotates the file.

    ``::error file=FILE,line=LINE,col=COLUMN,title=CODE::message`` (``::warning`` for a
    warning; no ``line`` when the problem has none). The JSON Pointer, if any, ends the
    message; values are escaped as GitHub asks (``%``, line breaks, and ``:`` and ``,``
    in the properties).

    >>> format_github("a.json", Problem(severity="error", code="parse.syntax",
    ...               message="not valid JSON", line=3, column=7))
    '::error file=a.json,line=3,col=7,title=parse.syntax::not valid JSON'
    >>> format_github("a.json", Problem(severity="warning", code="section.empty",
    ...               message="the section is empty", path="/sections/0"))
    '::warning file=a.json,title=section.empty::the section is empty (at /sections/0)'
    """
    properties = [f"file={_escape_property(name)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={_escape_property(problem.code)}")
    message = problem.message + (f" (at {problem.path})" if problem.path else "")
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(message)}"


def _print_problems(stream: IO[str], name: str, problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(format_problem(name, problem), file=stream)


def _error(message: str) -> None:
    print(f"briefmodel: error: {message}", file=sys.stderr)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _tolerant_streams() -> None:
    """Let text that the terminal's encoding cannot show come out escaped, not crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="backslashreplace")


def _write_stdout_bytes(payload: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes: write the text
        sys.stdout.write(payload.decode("utf-8"))
    else:
        # A buffered write can stop short when the reader goes away (the next one
        # then raises BrokenPipeError), so write until everything is out.
        view = memoryview(payload)
        while view:
            written = buffer.write(view)
            view = view[written if written is not None else 0 :]
        buffer.flush()


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at devnull so the exit flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        fileno = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fileno)
        finally:
            os.close(devnull)


class _Progress:
    """A one-line progress bar on stderr, redrawn at most every :data:`PROGRESS_EVERY`
    seconds; lines printed through :meth:`print` go above it."""

    def __init__(self, total: int | None, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        self._drawn = 0.0
        self._width = 0

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if now - self._drawn >= PROGRESS_EVERY or self.done == self.total:
            self._draw()
            self._drawn = now

    def print(self, line: str) -> None:
        self._clear()
        print(line, file=self.stream)
        self._draw()

    def close(self) -> None:
        self._draw()
        self._clear()

    def _draw(self) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        failed = f"  {self.failed} failed" if self.failed else ""
        if self.total:
            share = min(self.done / self.total, 1.0)
            counts = f" {self.done}/{self.total} {share:4.0%}{failed}"
            room = max(columns - len(counts) - 3, 10)
            filled = int(room * share)
            line = "[" + "#" * filled + "." * (room - filled) + "]" + counts
        else:
            line = f"{self.done} files{failed}"
        line = line[: max(columns - 1, 1)]
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def _clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def _wants_progress(choice: bool | None, quiet: bool) -> bool:
    """``--progress``/``--no-progress`` decide; by default only on a terminal, not quiet."""
    if choice is not None:
        return choice
    if quiet:
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


# --------------------------------------------------------------------------------------
# Input and output files


class _Stdin:
    """Standard input, read once however often ``-`` is named."""

    def __init__(self) -> None:
        self._data: str | bytes | None = None

    def read(self) -> str | bytes:
        if self._data is None:
            buffer = getattr(sys.stdin, "buffer", None)
            self._data = buffer.read() if buffer is not None else sys.stdin.read()
        return self._data


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def _emit_bytes(output: str, payload: bytes) -> int:
    """Write ``payload`` to the file ``output`` (atomically) or to stdout for ``-``."""
    if output == STDIO:
        _write_stdout_bytes(payload if payload.endswith(b"\n") else payload + b"\n")
        return EXIT_OK
    try:
        write_atomically(output, payload)
    except OSError as error:
        _error(f"cannot write {output}: {error.strerror or error}")
        return EXIT_INVALID
    return EXIT_OK


def _emit(output: str, text: str) -> int:
    """Write ``text`` as UTF-8 to the file ``output`` (atomically) or to stdout for ``-``."""
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError as error:
        _error(f"the output holds U+{ord(text[error.start]):04X}, which cannot be written as UTF-8")
        return EXIT_INVALID
    return _emit_bytes(output, payload)


def _suffixes(source_format: str | None) -> frozenset[str]:
    """The suffixes of the files to pick from a directory: those of ``source_format``,
    else those any registered format claims."""
    if source_format:
        return frozenset(by_name(source_format).suffixes)
    return frozenset(suffix for name in formats() for suffix in by_name(name).suffixes)


def _claimed(name: str, suffixes: frozenset[str]) -> str | None:
    """The suffix of ``name`` (double first, as ``.ninjs.json``) that is in ``suffixes``."""
    path = PurePath(name)
    for suffix in ("".join(path.suffixes[-2:]).lower(), path.suffix.lower()):
        if suffix and suffix in suffixes:
            return suffix
    return None


def _unreadable(message: str) -> Problem:
    return Problem(severity="error", code="parse.unreadable", message=message)


@attrs.frozen
class _Found:
    """A document to read: named on the command line, matched by a glob or found in a
    directory. ``name`` is where it goes below an output directory; ``problem`` says
    why there is nothing to read (a glob that matches nothing, an empty directory)."""

    path: str
    name: str
    problem: Problem | None = None


class _Sources:
    """The documents the command line names, found lazily in the order given.

    A directory is walked recursively (in name order, hidden files and folders left
    out, the output directory ``skip`` too) for files whose suffix a format claims; a
    glob pattern (one that names no file) is expanded, ``**`` included; anything else
    is a file, read or reported as unreadable.
    """

    def __init__(self, names: Sequence[str], suffixes: frozenset[str], skip: str | None = None):
        self.suffixes = suffixes
        self.skip = os.path.realpath(skip) if skip else None
        self.roots: list[tuple[str, str, Sequence[str]]] = []  # (kind, path, matches)
        self.files: set[str] = set()  # real paths of the files named or matched
        self.folders: list[str] = []  # real paths of the directories walked
        for name in names:
            if name == STDIO:
                self.roots.append(("stdin", name, ()))
            elif os.path.isdir(name):
                self.roots.append(("dir", name, ()))
                self.folders.append(os.path.realpath(name))
            elif _GLOB.search(name) and not os.path.lexists(name):
                matches = sorted(glob.glob(name, recursive=True))
                self.roots.append(("glob", name, matches))
                for match in matches:
                    if os.path.isdir(match):
                        self.folders.append(os.path.realpath(match))
                    else:
                        self.files.add(os.path.realpath(match))
            else:
                self.roots.append(("file", name, ()))
                self.files.add(os.path.realpath(name))

    @property
    def batch(self) -> bool:
        """Whether there is more than one document, or may be."""
        return len(self.roots) > 1 or any(kind in ("dir", "glob") for kind, _, _ in self.roots)

    def __iter__(self) -> Iterator[_Found]:
        for kind, path, matches in self.roots:
            if kind in ("stdin", "file"):
                yield _Found(path, os.path.basename(path))
            elif kind == "dir":
                yield from self._walk(path, path)
            else:
                yield from self._matches(path, matches)

    def _matches(self, pattern: str, matches: Sequence[str]) -> Iterator[_Found]:
        if not matches:
            yield _Found(pattern, pattern, _unreadable(f"no file matches {pattern}"))
            return
        parts = PurePath(pattern).parts
        fixed = parts[: next(i for i, part in enumerate(parts) if _GLOB.search(part))]
        base = os.path.join(*fixed) if fixed else os.curdir
        for match in matches:
            if os.path.isdir(match):
                yield from self._walk(match, base)
            else:
                yield _Found(match, os.path.relpath(match, base))

    def _walk(self, top: str, base: str) -> Iterator[_Found]:
        errors: list[OSError] = []
        found = False
        for folder, folders, files in os.walk(top, onerror=errors.append):
            folders[:] = sorted(
                name
                for name in folders
                if not name.startswith(".") and not self._skipped(os.path.join(folder, name))
            )
            for name in sorted(files):
                if name.startswith(".") or not _claimed(name, self.suffixes):
                    continue
                path = os.path.join(folder, name)
                found = True
                yield _Found(path, os.path.relpath(path, base))
            yield from self._failures(errors)
        yield from self._failures(errors)
        if not found and not errors:
            claimed = ", ".join(sorted(self.suffixes))
            message = f"no document in {top} (no file ending in {claimed})"
            yield _Found(top, top, _unreadable(message))

    def _failures(self, errors: list[OSError]) -> Iterator[_Found]:
        while errors:
            error = errors.pop(0)
            where = str(error.filename)
            message = f"cannot read {where}: {error.strerror or error}"
            yield _Found(where, where, _unreadable(message))

    def _skipped(self, folder: str) -> bool:
        return self.skip is not None and os.path.realpath(folder) == self.skip

    def holds(self, path: str) -> bool:
        """Whether the existing file ``path`` is one of the documents named or found."""
        if not os.path.lexists(path):
            return False
        real = os.path.realpath(path)
        if real in self.files:
            return True
        for folder in self.folders:
            if not real.startswith(folder.rstrip(os.sep) + os.sep):
                continue
            inside = PurePath(os.path.relpath(real, folder)).parts
            parents = [os.path.join(folder, *inside[:i]) for i in range(1, len(inside))]
            if (
                not any(part.startswith(".") for part in inside)
                and not any(self._skipped(parent) for parent in parents)
                and _claimed(inside[-1], self.suffixes)
            ):
                return True
        return False


def _renamed(name: str, target: Format, claimed: frozenset[str]) -> str:
    """``name`` with the suffix a format claims (one of ``claimed``, else its last one)
    replaced by the target format's first suffix: ``a/b.ninjs.json`` to ``a/b.xml``."""
    if not target.suffixes:
        raise UsageError(f"the {target.name} format has no file suffix to name outputs with")
    suffix = _claimed(name, claimed) or PurePath(name).suffix
    stem = name[: len(name) - len(suffix)] if suffix else name
    return stem + target.suffixes[0]


# --------------------------------------------------------------------------------------
# Converting one document


def _is_loss(problem: Problem) -> bool:
    """Whether a problem reports something dropped on the way (``newsml.dropped``…)."""
    return problem.code.endswith(".dropped")


@attrs.frozen(kw_only=True)
class ConvertResult:
    """What became of one file: small, so that a batch of thousands can be reported.

    ``ok`` is true when the output was written. ``problems`` are every problem found
    in order, errors and warnings, losses included (as errors with ``strict``).
    """

    path: str
    output: str
    ok: bool
    problems: tuple[Problem, ...] = ()

    @property
    def losses(self) -> tuple[Problem, ...]:
        """What the input held that the output does not: the ``*.dropped`` problems."""
        return tuple(p for p in self.problems if _is_loss(p))

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity ``warning``."""
        return tuple(p for p in self.problems if p.severity == "warning")


@attrs.frozen(kw_only=True)
class _Settings:
    """How every document of a batch is converted: sent to each worker process."""

    to: str | None = None
    source_format: str | None = None
    strict: bool = False
    options: Mapping[str, Any] = attrs.field(factory=dict)
    url_schemes: tuple[str, ...] = tuple(sorted(DEFAULT_URL_SCHEMES))
    sync: bool = True


def _written(brief: Brief, target: Format, settings: _Settings) -> tuple[str, list[Problem]]:
    """The brief as text in the target format, and what that drops: the format's loss
    report, and any :class:`~briefmodel.BriefmodelWarning` while writing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", BriefmodelWarning)
        text = dumps(brief, target.name, **settings.options)
    report = target.losses
    losses = [p for p in report(brief) if _is_loss(p)] if report is not None else []
    for warning in caught:
        if issubclass(warning.category, BriefmodelWarning):
            message = f"not written as {target.name}: {warning.message}"
            losses.append(
                Problem(severity="warning", code=f"{target.name}.dropped", message=message)
            )
        else:  # not ours to judge: let it go on as it would have
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return text, losses


def _converted(
    document: str | bytes | Path, target: Format, settings: _Settings
) -> tuple[bytes | None, tuple[Problem, ...]]:
    """Read, check and write one document: the output's bytes (``None`` when it must not
    be written) and every problem found."""
    report = validate(document, settings.source_format, url_schemes=settings.url_schemes)
    problems = report.problems
    if report.brief is None or not report.ok:
        return None, problems
    try:
        text, losses = _written(report.brief, target, settings)
    except (ParseError, ValidationError) as error:  # what the output format cannot hold
        return None, (*problems, *error.problems)
    problems = (*problems, *losses)
    if settings.strict and any(_is_loss(p) for p in problems):
        return None, tuple(
            attrs.evolve(p, severity="error") if _is_loss(p) else p for p in problems
        )
    try:
        return text.encode("utf-8"), problems
    except UnicodeEncodeError as error:
        character = f"U+{ord(text[error.start]):04X}"
        message = f"the output holds {character}, which cannot be written as UTF-8"
        return None, (
            *problems,
            Problem(severity="error", code="text.not-xml-char", message=message),
        )


def _failure(path: str, output: str, code: str, message: str) -> ConvertResult:
    problem = Problem(severity="error", code=code, message=message)
    return ConvertResult(path=path, output=output, ok=False, problems=(problem,))


def _convert(source: str, output: str, settings: _Settings) -> ConvertResult:
    try:
        target = by_name(settings.to) if settings.to else detect(output)
    except ParseError as error:
        return ConvertResult(path=source, output=output, ok=False, problems=error.problems)
    if os.path.lexists(output) and _same_file(source, output):
        return _failure(
            source, output, "convert.overwrites-input", f"refusing to overwrite the input {source}"
        )
    problems: tuple[Problem, ...] = ()
    try:
        payload, problems = _converted(Path(source), target, settings)
        if payload is None:
            return ConvertResult(path=source, output=output, ok=False, problems=problems)
        try:
            write_atomically(output, payload, sync=settings.sync)
        except FileNotFoundError:  # its folder is not there yet (the first file in it)
            os.makedirs(os.path.dirname(output) or os.curdir, exist_ok=True)
            write_atomically(output, payload, sync=settings.sync)
    except OSError as error:
        message = f"cannot write {output}: {error.strerror or error}"
        unwritable = Problem(severity="error", code="convert.unwritable", message=message)
        return ConvertResult(path=source, output=output, ok=False, problems=(*problems, unwritable))
    except Exception as error:  # noqa: BLE001 - one file's bug must not stop a batch
        message = f"internal error: {type(error).__name__}: {error}"
        return _failure(source, output, "convert.crashed", message)
    return ConvertResult(path=source, output=output, ok=True, problems=problems)


def convert_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    to: str | None = None,
    *,
    source_format: str | None = None,
    strict: bool = False,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    sync: bool = True,
    **options: Any,
) -> ConvertResult:
    """Convert the file ``source`` into the file ``output``, as ``briefmodel convert``
    does for each file; never raises for bad input.

    ``to`` names the output format (default: from the output's suffix) and
    ``source_format`` the input's (default: from its suffix, else sniffed); ``options``
    are the writer's (``indent=2`` for JSON). The input is checked as by
    :func:`~briefmodel.validate` and only a valid one is written, atomically, creating
    the output's directory if needed, and never over the input. What the input held
    that the output cannot is a loss (a ``*.dropped`` warning); ``strict=True`` makes a
    loss an error and writes nothing. ``sync=False`` skips the :func:`os.fsync` before
    the output is renamed into place (much faster for many small files; an interrupted
    process still leaves no partial file). The function and its result pickle, so it
    runs as well in worker processes or on a distributed engine.

    >>> result = convert_file("no-such-brief.json", "brief.xml")
    >>> result.ok, [p.code for p in result.problems]
    (False, ['parse.unreadable'])
    """
    settings = _Settings(
        to=to,
        source_format=source_format,
        strict=strict,
        options=dict(options),
        url_schemes=tuple(sorted(url_schemes)),
        sync=sync,
    )
    return _convert(os.fspath(source), os.fspath(output), settings)


#: Set in a worker process by Ctrl-C: finish the file at hand, start no other.
_stopping = False


def _stop_soon(signum: int, frame: object) -> None:
    global _stopping
    _stopping = True


def _worker_started() -> None:
    """In each worker process: Ctrl-C ends the current file, never half-way through it
    (the main process sees the interrupt and stops handing out work)."""
    global _stopping
    _stopping = False
    signal.signal(signal.SIGINT, _stop_soon)


def _convert_chunk(settings: _Settings, jobs: Sequence[tuple[str, str]]) -> list[ConvertResult]:
    """Convert a few files in a worker process (until Ctrl-C)."""
    results: list[ConvertResult] = []
    for source, output in jobs:
        if _stopping:
            break
        results.append(_convert(source, output, settings))
    return results


# --------------------------------------------------------------------------------------
# Running a batch

_Job = tuple[str, str]


def _run_here(
    plan: Iterable[_Job | ConvertResult], settings: _Settings
) -> Generator[ConvertResult, None, None]:
    for item in plan:
        yield item if isinstance(item, ConvertResult) else _convert(*item, settings)


def _run_pool(
    plan: Iterable[_Job | ConvertResult], settings: _Settings, jobs: int
) -> Generator[ConvertResult, None, None]:
    """Convert in ``jobs`` worker processes, in input order: files go out in chunks of
    :data:`CHUNK`, at most :data:`AHEAD` chunks a worker ahead of the results read back."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)
    pending: deque[tuple[Sequence[_Job], Future[list[ConvertResult]] | None, ConvertResult | None]]
    pending = deque()
    chunk: list[_Job] = []

    def send() -> None:
        if chunk:
            batch = tuple(chunk)
            pending.append((batch, pool.submit(_convert_chunk, settings, batch), None))
            chunk.clear()

    def collect() -> Iterator[ConvertResult]:
        batch, future, ready = pending[0]  # taken off once resolved, or an interrupt drains it
        if ready is not None:
            pending.popleft()
            yield ready
            return
        assert future is not None
        try:
            results = future.result()
        except Exception as error:  # noqa: BLE001 - a worker that died, say: report its files
            message = f"the worker process failed: {type(error).__name__}: {error}"
            for source, output in batch:
                yield _failure(source, output, "convert.crashed", message)
            pending.popleft()
            return
        pending.popleft()
        yield from results
        if len(results) < len(batch):  # the worker was stopped by Ctrl-C: so is the batch
            raise KeyboardInterrupt

    try:
        for item in plan:
            if isinstance(item, ConvertResult):
                send()
                pending.append(((), None, item))
            else:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    send()
            while len(pending) > AHEAD * jobs:
                yield from collect()
        send()
        while pending:
            yield from collect()
    except KeyboardInterrupt:
        # Let the files at hand be finished (whole), start no other, and report them.
        pool.shutdown(wait=True, cancel_futures=True)
        for _, future, ready in pending:
            if ready is not None:
                yield ready
            elif future is not None and not future.cancelled() and future.exception() is None:
                yield from future.result()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _plan(sources: _Sources, outdir: str, target: Format) -> Iterator[_Job | ConvertResult]:
    """Each document with its output path, or the reason it is not converted: nothing
    to read, an output that another document of the batch writes, or an input."""
    planned: dict[str, str] = {}
    claimed = _suffixes(None)
    base = os.path.abspath(outdir)
    for found in sources:
        if found.problem is not None:
            yield ConvertResult(path=found.path, output="", ok=False, problems=(found.problem,))
            continue
        name = _renamed(found.name, target, claimed)
        output = os.path.join(outdir, name)
        key = os.path.normcase(os.path.normpath(os.path.join(base, name)))
        if key in planned:
            message = f"{output} is already the output of {planned[key]}"
            yield _failure(found.path, output, "convert.same-output", message)
        elif sources.holds(output):
            message = f"refusing to overwrite the input {output}"
            yield _failure(found.path, output, "convert.overwrites-input", message)
        else:
            planned[key] = found.path
            yield found.path, output


# --------------------------------------------------------------------------------------
# Argument types


def _url_scheme(value: str) -> str:
    scheme = value.strip().removesuffix(":").lower()
    if not _SCHEME.fullmatch(scheme):
        raise argparse.ArgumentTypeError(f"{value!r} is not a URL scheme (like https)")
    if scheme in DANGEROUS_SCHEMES:
        raise argparse.ArgumentTypeError(f"the {scheme!r} scheme is never allowed")
    return scheme


def _indent(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of spaces") from None
    if number < 0:
        raise argparse.ArgumentTypeError("the indent cannot be negative")
    return number


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes") from None
    if number < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return number or os.cpu_count() or 1


def _takes_option(fmt: Format, name: str) -> bool:
    try:
        parameters = inspect.signature(fmt.write).parameters.values()
    except (TypeError, ValueError):  # pragma: no cover - a writer without a signature
        return True
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


# --------------------------------------------------------------------------------------
# validate


def _validate_one(
    document: str | bytes | Path, args: argparse.Namespace, schemes: Sequence[str], xsd: Any
) -> Report:
    try:
        return validate(document, args.input_format, url_schemes=schemes, xsd=xsd)
    except TypeError as error:  # --xsd for a document that is not XML
        raise UsageError(f"--xsd: {error}") from None


def _xml_schema(path: str | None) -> etree.XMLSchema | None:
    """The XSD that ``--xsd`` names, built once for every document."""
    if path is None:
        return None
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser))
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise UsageError(f"--xsd: cannot use the XSD {path!r}: {error}") from None


def _validated(args: argparse.Namespace) -> Iterator[tuple[str, Report]]:
    """Each document the command line names, with its report, one at a time."""
    schemes: Sequence[str] = args.url_schemes or sorted(DEFAULT_URL_SCHEMES)
    xsd = _xml_schema(args.xsd)
    stdin = _Stdin()
    for found in _Sources(args.files, _suffixes(args.input_format)):
        if found.problem is not None:
            yield found.path, Report(problems=(found.problem,))
        elif found.path == STDIO:
            yield STDIN_NAME, _validate_one(stdin.read(), args, schemes, xsd)
        else:
            yield found.path, _validate_one(Path(found.path), args, schemes, xsd)


def _summary(files: int, invalid: int, warnings: int) -> str:
    return f"{_plural(files, 'file')}, {invalid} invalid, {_plural(warnings, 'warning')}"


def _nested(value: object, depth: int) -> str:
    """``value`` as JSON indented by 2, to stand ``depth`` levels deep in a document."""
    return json.dumps(value, indent=2).replace("\n", "\n" + "  " * depth)


def _cmd_validate(args: argparse.Namespace) -> int:
    # The JSON report is written file by file, laid out as json.dumps(report, indent=2)
    # would lay it out, so that thousands of files are never held at once.
    as_json = args.output_format == "json"
    files = invalid = warned = 0
    out = sys.stdout
    if as_json:
        out.write('{\n  "files": [')
    for shown, report in _validated(args):
        if as_json:
            entry = {
                "path": shown,
                "ok": report.ok,
                "problems": [problem.to_dict() for problem in report.problems],
            }
            out.write(("," if files else "") + "\n    " + _nested(entry, 2))
        elif args.output_format == "github":
            for problem in report.problems:
                print(format_github(shown, problem), file=out)
        else:
            _print_problems(out, shown, report.problems)
        files += 1
        invalid += not report.ok
        warned += len(report.warnings)
    if as_json:
        summary = {"files": files, "invalid": invalid, "warnings": warned}
        out.write(("\n  " if files else "") + "],\n")
        out.write(f'  "ok": {json.dumps(invalid == 0)},\n')
        out.write(f'  "summary": {_nested(summary, 1)}\n}}\n')
    elif not args.quiet:
        print(_summary(files, invalid, warned), file=out)
    out.flush()
    return EXIT_INVALID if invalid else EXIT_OK


# --------------------------------------------------------------------------------------
# convert


def _output_format(args: argparse.Namespace, output: str, batch: bool) -> Format:
    if args.to_format:
        return by_name(args.to_format)
    if batch:
        raise UsageError(f"pass -t FORMAT to say what to write into {output!r}")
    if output == STDIO:
        return by_name(DEFAULT_OUTPUT_FORMAT)
    try:
        return detect(output)
    except ParseError:
        known = ", ".join(formats())
        raise UsageError(
            f"cannot tell the output format from the name {output!r}; "
            f"pass -t FORMAT (one of {known})"
        ) from None


def _settings(args: argparse.Namespace, target: Format) -> _Settings:
    options: dict[str, Any] = {}
    if args.indent is not None:
        if not _takes_option(target, "indent"):
            raise UsageError(f"the {target.name} format does not take --indent")
        options["indent"] = args.indent
    return _Settings(
        to=target.name,
        source_format=args.input_format,
        strict=args.strict,
        options=options,
        sync=args.fsync,
    )


def _is_folder(output: str) -> bool:
    return os.path.isdir(output) or output.endswith(("/", os.sep))


def _cmd_convert(args: argparse.Namespace) -> int:
    output: str = args.output
    folder = output != STDIO and _is_folder(output)
    sources = _Sources(args.inputs, _suffixes(args.input_format), skip=output if folder else None)
    batch = sources.batch or folder
    if batch and output == STDIO:
        raise UsageError("several inputs are written into a directory: pass -o DIRECTORY")
    if batch and os.path.exists(output) and not os.path.isdir(output):
        raise UsageError(f"-o {output!r} is a file: several inputs go into a directory")
    target = _output_format(args, output, batch)
    settings = _settings(args, target)
    if batch:
        if any(kind == "stdin" for kind, _, _ in sources.roots):
            raise UsageError("standard input (-) cannot be part of a batch: it has no name")
        return _convert_batch(args, sources, output, target, settings)
    return _convert_single(args, args.inputs[0], output, target, settings)


def _convert_single(
    args: argparse.Namespace, source: str, output: str, target: Format, settings: _Settings
) -> int:
    if source != STDIO and output != STDIO and _same_file(source, output):
        raise UsageError(f"refusing to overwrite the input file {source!r}; choose another -o")
    shown = STDIN_NAME if source == STDIO else source
    document = _Stdin().read() if source == STDIO else Path(source)
    payload, problems = _converted(document, target, settings)
    if payload is None:
        _print_problems(sys.stderr, shown, problems)
        return EXIT_INVALID
    if not args.quiet:
        _print_problems(sys.stderr, shown, (p for p in problems if p.severity == "warning"))
    return _emit_bytes(output, payload)


def _convert_batch(
    args: argparse.Namespace, sources: _Sources, outdir: str, target: Format, settings: _Settings
) -> int:
    progress: _Progress | None = None
    if _wants_progress(args.progress, args.quiet):
        progress = _Progress(sum(1 for _ in sources), sys.stderr)
    say: Callable[[str], None] = progress.print if progress else _stderr_line
    plan = _plan(sources, outdir, target)
    results = _run_pool(plan, settings, args.jobs) if args.jobs > 1 else _run_here(plan, settings)
    files = converted = lossy = 0
    status = EXIT_OK
    try:
        for result in results:
            files += 1
            shown = result.problems if not result.ok else () if args.quiet else result.warnings
            for problem in shown:
                say(format_problem(result.path, problem))
            converted += result.ok
            lossy += bool(result.ok and result.losses)
            if progress:
                progress.advance(result.ok)
    except KeyboardInterrupt:
        status = EXIT_INTERRUPTED
    finally:
        results.close()  # the worker processes finish the files at hand, then stop
        if progress:
            progress.close()
    failed = files - converted
    if status == EXIT_OK and failed:
        status = EXIT_INVALID
    if not args.quiet or status == EXIT_INTERRUPTED:
        summary = f"{_plural(files, 'file')}, {converted} converted ({lossy} with losses), "
        summary += f"{failed} failed"
        if status == EXIT_INTERRUPTED:
            summary = f"interrupted after {summary}"
        print(summary, file=sys.stderr)
    return status


def _stderr_line(line: str) -> None:
    print(line, file=sys.stderr)


# --------------------------------------------------------------------------------------
# formats and schema


def _cmd_formats(args: argparse.Namespace) -> int:
    rows = []
    for name in formats():
        fmt = by_name(name)
        rows.append(
            {
                "name": fmt.name,
                "read": getattr(fmt, "read", None) is not None,
                "write": getattr(fmt, "write", None) is not None,
                "suffixes": list(fmt.suffixes),
                "media_type": fmt.media_type,
                "description": fmt.description,
            }
        )
    if args.output_format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    table = [("FORMAT", "READ", "WRITE", "SUFFIXES", "MEDIA TYPE", "DESCRIPTION")]
    table += [
        (
            str(row["name"]),
            "yes" if row["read"] else "no",
            "yes" if row["write"] else "no",
            " ".join(row["suffixes"]),  # type: ignore[arg-type]
            str(row["media_type"]),
            str(row["description"]),
        )
        for row in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_OK


def _profile_files() -> list[tuple[str, bytes]]:
    """briefmodel's NewsML-G2 profile: the main XSD, then the ones it imports."""
    folder = resources.files("briefmodel").joinpath("schemas")
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith("newsml-profile") and entry.name.endswith(".xsd")
    )
    names.sort(key=lambda name: name != _PROFILE)
    return [(name, folder.joinpath(name).read_bytes()) for name in names]


def _cmd_schema(args: argparse.Namespace) -> int:
    if args.kind == "json":
        text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        return _emit(args.output, text)
    profile = _profile_files()
    if args.output == STDIO:
        return _emit_bytes(STDIO, profile[0][1])
    if _is_folder(args.output):
        folder, main_name = args.output, profile[0][0]
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            _error(f"cannot write {folder}: {error.strerror or error}")
            return EXIT_INVALID
    else:
        folder, main_name = os.path.dirname(args.output), os.path.basename(args.output)
    status = EXIT_OK
    for index, (name, payload) in enumerate(profile):
        status = max(
            status, _emit_bytes(os.path.join(folder, main_name if index == 0 else name), payload)
        )
    return status


# --------------------------------------------------------------------------------------
# The parser

_FORMATTER = argparse.RawDescriptionHelpFormatter

_MAIN_EPILOG = """\
examples:
  briefmodel validate brief.json
  briefmodel validate briefs/ --format github
  briefmodel convert brief.json -o brief.xml
  briefmodel convert briefs/ -o out/ -t newsml --jobs 2
  briefmodel formats
  briefmodel schema -o brief.schema.json

exit status: 0 valid, 1 invalid or unreadable input, 2 usage error, 130 interrupted
"""

_VALIDATE_EPILOG = """\
examples:
  briefmodel validate brief.json other.json
  briefmodel validate briefs/                      # every brief below briefs/
  briefmodel validate 'drafts/**/*.xml'            # a glob, expanded here
  briefmodel validate --format json drafts/*.json > report.json
  briefmodel validate --format github briefs/      # annotations in GitHub Actions
  curl -s https://example.org/brief.json | briefmodel validate -f json -
  briefmodel validate --url-scheme https --url-scheme ftp brief.json

A directory is searched recursively for files whose suffix a format claims (see
briefmodel formats), hidden files and folders left out. Each problem is one line,
FILE:LINE:COLUMN: severity code: message when the line is known, else
FILE: POINTER: severity code: message (POINTER is a JSON Pointer into the canonical
JSON). A file that cannot be read is reported as invalid (parse.unreadable).

exit status: 0 every file valid (warnings allowed), 1 some file invalid, 2 usage error
"""

_CONVERT_EPILOG = """\
examples:
  briefmodel convert brief.json -o brief.xml
  briefmodel convert brief.json -o tidy.json --indent 2
  briefmodel convert - -f json -t newsml < brief.json > brief.xml
  briefmodel convert briefs/ -o out/ -t newsml --jobs 2
  briefmodel convert a.json b.json 'more/**/*.json' -o out/ -t html --strict

Formats come from the file suffixes unless -f/-t say; standard output gets canonical
JSON unless -t says otherwise, followed by a newline. Several inputs, a directory or
a glob go into the directory -o names (created if needed), each under its name (a
directory's files under their path below it) with the suffix of -t: briefs/a/b.json
becomes out/a/b.xml. Each output is written atomically (a temporary file renamed into
place), only from an input read without errors, and never over an input.

A loss is what the input holds that the output cannot (a *.dropped warning);
--strict makes it a failure. A batch goes on past a failed file and ends with
N files, N converted (N with losses), N failed on stderr.

exit status: 0 all converted (losses allowed unless --strict), 1 some input invalid or
unreadable or some output unwritable, 2 usage error, 130 interrupted
"""

_FORMATS_EPILOG = """\
examples:
  briefmodel formats
  briefmodel formats --format json
"""

_SCHEMA_EPILOG = """\
examples:
  briefmodel schema > brief.schema.json
  briefmodel schema -o brief.schema.json
  briefmodel schema newsml -o xsd/        # the profile and the three XSDs it imports

The NewsML-G2 profile is four files: newsml-profile.xsd imports the other three by
their names. Standard output gets the main one; -o DIRECTORY (or a name ending in /)
gets all four, and -o FILE.xsd the main one with the other three beside it.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``briefmodel`` command."""
    names = formats()
    parser = argparse.ArgumentParser(
        prog="briefmodel",
        description="Validate and convert briefing documents.",
        epilog=_MAIN_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "validate",
        help="check documents and list every problem",
        description="Check documents and list every problem, one a line, then a summary.",
        epilog=_VALIDATE_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a document, a directory, a glob pattern, or - for stdin",
    )
    check.add_argument(
        "-f",
        "--from",
        dest="input_format",
        choices=names,
        metavar="FORMAT",
        help=f"read every file as FORMAT ({', '.join(names)}) instead of guessing "
        "(and pick its suffixes in directories)",
    )
    check.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json", "github"),
        default="text",
        help="report as text lines (default), as one JSON object, or as GitHub Actions annotations",
    )
    check.add_argument(
        "--url-scheme",
        dest="url_schemes",
        action="append",
        type=_url_scheme,
        metavar="SCHEME",
        help="a URL scheme links may use (repeat for more; default: "
        f"{', '.join(sorted(DEFAULT_URL_SCHEMES))})",
    )
    check.add_argument(
        "--xsd",
        metavar="XSD",
        help="check XML documents against this XML Schema (IPTC's NewsML-G2 XSD, say) "
        "instead of briefmodel's NewsML-G2 profile",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="print the problems only, no summary"
    )
    check.set_defaults(handler=_cmd_validate)

    convert = commands.add_parser(
        "convert",
        help="read briefs in one format and write them in another",
        description="Read briefs, check them, and write them in another format.",
        epilog=_CONVERT_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    convert.add_argument(
        "inputs",
        nargs="+",
        metavar="IN",
        help="a document, a directory, a glob pattern, or - for stdin",
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=STDIO,
        help="the file to write, - for stdout (default), or the directory of a batch",
    )
    convert.add_argument(
        "-f", "--from", dest="input_format", choices=names, metavar="FROM", help="input format"
    )
    convert.add_argument(
        "-t", "--to", dest="to_format", choices=names, metavar="TO", help="output format"
    )
    convert.add_argument(
        "--indent", type=_indent, metavar="N", help="pretty-print with N spaces (json)"
    )
    convert.add_argument(
        "--strict",
        action="store_true",
        help="fail a file whose output would lose anything the input holds",
    )
    convert.add_argument(
        "--fsync",
        action="store_true",
        help="in a batch, flush each output to disk before renaming it into place "
        "(slower; a single output always is)",
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="convert in N processes (0: one per CPU; default 1)",
    )
    convert.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal, not --quiet)",
    )
    convert.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print errors only: no warnings, no progress bar, no summary",
    )
    convert.set_defaults(handler=_cmd_convert)

    listing = commands.add_parser(
        "formats",
        help="list the formats that can be read and written",
        description="List the registered formats: what each reads and writes, its file "
        "suffixes and media type.",
        epilog=_FORMATS_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    listing.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="a table (default) or a JSON array",
    )
    listing.set_defaults(handler=_cmd_formats)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema, or the NewsML-G2 profile (XSD)",
        description="Print the JSON Schema (2020-12) of briefmodel's canonical JSON, or "
        "briefmodel's NewsML-G2 profile: the XML Schema of what it writes.",
        epilog=_SCHEMA_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    schema.add_argument(
        "kind",
        nargs="?",
        choices=("json", "newsml"),
        default="json",
        help="json: the JSON Schema (default); newsml: the NewsML-G2 profile XSD",
    )
    schema.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        default=STDIO,
        help="write here instead of stdout (for newsml, a directory gets all four files)",
    )
    schema.set_defaults(handler=_cmd_schema)
    return parser


def _exit_code(error: SystemExit) -> int:
    if error.code is None or isinstance(error.code, int):
        return error.code or EXIT_OK
    return EXIT_USAGE  # pragma: no cover - argparse exits with numbers only


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Never raises for bad input: problems are printed, errors are shown as one message.
    """
    _tolerant_streams()
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exit_:  # --help, --version and usage errors
            return _exit_code(exit_)
        handler: Callable[[argparse.Namespace], int] = args.handler
        try:
            status = handler(args)
        except UsageError as error:
            _error(str(error))
            return EXIT_USAGE
        except BriefmodelError as error:
            _error(str(error))
            return EXIT_INVALID
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_INVALID
