"""``briefmodel convert`` between a JSON Lines file and a folder of files, both ways:
a ``.jsonl`` file split into one file per brief (named after its id), and a batch of
files joined into one ``.jsonl`` file (or standard output), both read as they go."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from .._files import write_atomically
from ..errors import ParseError, Problem
from ..formats import Format, by_name, detect
from ..formats.jsonl import lines
from ._common import EXIT_INVALID, EXIT_OK, STDIO, UsageError
from ._signals import exit_status, signal_name
from ._sources import _Sources
from ._streams import _cannot_write, _same_file, _write_stdout_bytes, unwritable
from ._terms import cli_problem
from .conversion import _converted, _converted_brief, _Settings
from .reports import _convert_lines, _plural

__all__ = ["file_name", "join", "split", "streamed_format"]

#: The most characters of a brief's id an output's name is made of.
MAX_NAME = 120

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(brief_id: str, suffix: str) -> str:
    """The name of the file a brief of a JSON Lines file is written to: its id, each
    run of characters other than ASCII letters, digits, ``.``, ``_`` and ``-`` made one
    ``-`` (no folder, no hidden file, no ``..``), at most :data:`MAX_NAME` characters.

    >>> file_name("urn:example:brief:harbour-talks", ".html")
    'urn-example-brief-harbour-talks.html'
    >>> file_name("../../etc/passwd", ".md")
    'etc-passwd.md'
    >>> file_name("…", ".json")
    'brief.json'
    """
    stem = _UNSAFE.sub("-", brief_id).strip("-.")[:MAX_NAME].rstrip("-.")
    return (stem or "brief") + suffix


def streamed_format(name: str, given: str | None) -> Format | None:
    """The format of ``name`` if it is read or written as a stream (JSON Lines): named
    by ``given`` (``-f``, ``-t``), else by the suffix."""
    if given:
        fmt = by_name(given)
    else:
        try:
            fmt = detect(name)
        except Exception:  # noqa: BLE001 - no format claims the name: not a stream
            return None
    return fmt if fmt.streams else None


def _on_line(problems: tuple[Problem, ...], number: int) -> Iterator[Problem]:
    for problem in problems:
        yield cli_problem(attrs.evolve(problem, line=number))


def _summary(count: int, what: str, outcomes: list[tuple[bool, bool]]) -> str:
    converted = sum(ok for ok, _ in outcomes)
    lossy = sum(lost for _, lost in outcomes)
    failed = len(outcomes) - converted
    return f"{_plural(count, what)}, {converted} converted ({lossy} with losses), {failed} failed"


def _shown(
    args: argparse.Namespace, ok: bool, problems: tuple[Problem, ...]
) -> tuple[Problem, ...]:
    """What is reported of a document: every problem if it failed, else its warnings
    (none with ``--quiet``)."""
    if not ok:
        return problems
    return () if args.quiet else tuple(p for p in problems if p.severity == "warning")


def _finish(
    args: argparse.Namespace,
    what: str,
    outcomes: list[tuple[bool, bool]],
    stop: BaseException | None,
) -> int:
    failed = any(not ok for ok, _ in outcomes)
    status = exit_status(stop) if stop is not None else EXIT_INVALID if failed else EXIT_OK
    if not args.quiet or stop is not None:
        summary = _summary(len(outcomes), what, outcomes)
        if stop is not None:
            by = signal_name(stop)
            summary = f"interrupted{f' by {by}' if by else ''} after {summary}"
        print(summary, file=sys.stderr)
    return status


def split(
    args: argparse.Namespace, source: str, outdir: str, target: Format, settings: _Settings
) -> int:
    """Write each brief of the JSON Lines file ``source`` into ``outdir`` as ``target``,
    named after its id; a line that cannot be read or written is reported by its number
    and the others are written (exit status 1 if any failed)."""
    if not target.suffixes:
        raise UsageError(f"the {target.name} format has no file suffix to name outputs with")
    line_settings = attrs.evolve(settings, source_format="json", root=outdir)
    outcomes: list[tuple[bool, bool]] = []
    planned: dict[str, int] = {}
    stop: KeyboardInterrupt | None = None
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        problem = Problem(
            severity="error",
            code="parse.unreadable",
            message=f"cannot read {source}: {error.strerror or error}",
        )
        for line in _convert_lines(source, [problem]):
            print(line, file=sys.stderr)
        return EXIT_INVALID
    try:
        with handle:
            for number, data in lines(handle):
                ok, lost = _split_line(
                    args, source, number, data, outdir, target, line_settings, planned
                )
                outcomes.append((ok, lost))
    except ParseError as error:  # a line too long: nothing after it is read
        for line in _convert_lines(source, (cli_problem(p) for p in error.problems)):
            print(line, file=sys.stderr)
        outcomes.append((False, False))
    except KeyboardInterrupt as error:
        stop = error
    return _finish(args, "brief", outcomes, stop)


def _split_line(
    args: argparse.Namespace,
    source: str,
    number: int,
    data: bytes,
    outdir: str,
    target: Format,
    settings: _Settings,
    planned: dict[str, int],
) -> tuple[bool, bool]:
    """Line ``number`` converted and written: (written, with losses)."""
    payload, problems, brief = _converted_brief(data, target, settings)
    output = ""
    if payload is not None and brief is not None:
        name = file_name(brief.id, target.suffixes[0])
        output = os.path.join(outdir, name)
        key = os.path.normcase(name)
        if key in planned:
            message = f"{output} is already the output of line {planned[key]}"
            payload = None
            problems = (
                *problems,
                Problem(severity="error", code="convert.same-output", message=message),
            )
        else:
            planned[key] = number
    if payload is not None:
        try:
            write_atomically(output, payload, sync=settings.sync, root=outdir)
        except OSError as error:
            payload, problems = None, (*problems, *unwritable(output, error))
    ok = payload is not None
    for line in _convert_lines(source, _on_line(_shown(args, ok, problems), number)):
        print(line, file=sys.stderr)
    return ok, ok and any(p.code.endswith(".dropped") for p in problems)


def join(
    args: argparse.Namespace, sources: _Sources, output: str, target: Format, settings: _Settings
) -> int:
    """Write every document of ``sources`` as a line of the JSON Lines file ``output``
    (or standard output), in the order found; a document that cannot be read is
    reported and left out (exit status 1). The file is written in full or not at all."""
    inputs = (path for kind, path, _ in sources.roots if kind == "file")
    if output != STDIO and (
        sources.holds(output) or any(_same_file(path, output) for path in inputs)
    ):
        raise UsageError(f"refusing to overwrite the input file {output!r}; choose another -o")
    if any(kind == "stdin" for kind, _, _ in sources.roots):
        raise UsageError("standard input (-) cannot be part of a batch: it has no name")
    outcomes: list[tuple[bool, bool]] = []

    def converted() -> Iterator[bytes]:
        for found in sources:
            problems: tuple[Problem, ...]
            if found.problem is not None:
                payload, problems = None, (found.problem,)
            else:
                payload, problems = _converted(Path(found.path), target, settings)
            ok = payload is not None
            if found.problem is None or found.problem.severity == "error":
                outcomes.append((ok, ok and any(p.code.endswith(".dropped") for p in problems)))
            shown = _shown(args, ok, problems)
            for line in _convert_lines(found.path, (cli_problem(p) for p in shown)):
                print(line, file=sys.stderr)
            if payload is not None:
                yield payload

    stop: KeyboardInterrupt | None = None
    try:
        if output == STDIO:
            for payload in converted():
                _write_stdout_bytes(payload)
        else:
            write_atomically(output, converted(), sync=settings.sync)
    except KeyboardInterrupt as error:
        stop = error
        if output != STDIO:
            print(f"{output} is not written", file=sys.stderr)
    except OSError as error:
        return _cannot_write(output, error)
    return _finish(args, "file", outcomes, stop)
