"""``briefmodel convert``: one file to a file (or stdin to stdout), or a batch of files,
directories and globs into an output directory, planned so that no output is written
over an input or twice."""

from __future__ import annotations

import argparse
import inspect
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import Any

import attrs

from .._options import zone
from ..errors import OptionError, ParseError
from ..formats import Format, by_name, detect, formats
from . import _jsonl
from ._common import EXIT_INVALID, EXIT_OK, STDIN_NAME, STDIO, UsageError
from ._pool import CHUNK, _Job, _run_here, _run_pool
from ._progress import _Progress, _wants_progress
from ._signals import exit_status, signal_name
from ._sources import _claimed, _Sources, _suffixes
from ._streams import _emit_bytes, _is_folder, _same_file, _Stdin
from ._terms import cli_option, cli_problem, cli_problems
from .conversion import ConvertResult, _converted, _failure, _Settings
from .reports import _convert_lines, _plural, _print_problems

__all__ = ["DEFAULT_OUTPUT_FORMAT", "JOBS_PER_CPU"]

#: The format written to standard output when neither ``-t`` nor a suffix says.
DEFAULT_OUTPUT_FORMAT = "json"

#: The most worker processes per CPU that ``--jobs`` starts: converting is CPU-bound,
#: so more would only take memory and process slots.
JOBS_PER_CPU = 2


def _cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _workers(jobs: int, sources: _Sources) -> int:
    """The processes a batch runs in: ``--jobs`` (0: one per CPU), but at most
    :data:`JOBS_PER_CPU` per CPU, and one per :data:`~briefmodel.cli.CHUNK` files,
    since files go out that many at a time (counted only as far as that matters)."""
    wanted = min(jobs or _cpus(), JOBS_PER_CPU * _cpus())
    if wanted <= 1:
        return 1
    files = sum(1 for _ in itertools.islice(sources, wanted * CHUNK))
    return max(1, min(wanted, -(-files // CHUNK)))


def _skipped(result: ConvertResult) -> bool:
    """Whether a batch left the input out without a fault: a named pipe, a socket or a
    device found in a directory (an ``input.skipped`` warning, nothing written)."""
    return not result.ok and all(p.severity == "warning" for p in result.problems)


def _renamed(name: str, target: Format, claimed: frozenset[str]) -> str:
    """``name`` with the suffix a format claims (one of ``claimed``, else its last one)
    replaced by the target format's first suffix: ``a/b.ninjs.json`` to ``a/b.xml``."""
    if not target.suffixes:
        raise UsageError(f"the {target.name} format has no file suffix to name outputs with")
    suffix = _claimed(name, claimed) or PurePath(name).suffix
    stem = name[: len(name) - len(suffix)] if suffix else name
    return stem + target.suffixes[0]


def _outside(name: str) -> bool:
    """Whether ``name`` (a path below the output folder, named after an input's) leads
    out of it: absolute, or up with ``..`` (from a glob such as ``'in/*/../../x/*'``)."""
    normal = os.path.normpath(name)
    return os.path.isabs(normal) or PurePath(normal).parts[:1] == (os.pardir,)


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
        if _outside(name):
            message = f"{output} would be outside the output folder {outdir}"
            yield _failure(found.path, output, "output.outside", message)
        elif key in planned:
            message = f"{output} is already the output of {planned[key]}"
            yield _failure(found.path, output, "convert.same-output", message)
        elif sources.holds(output):
            message = f"refusing to overwrite the input {output}"
            yield _failure(found.path, output, "convert.overwrites-input", message)
        else:
            planned[key] = found.path
            yield found.path, output


def _takes_option(fmt: Format, name: str) -> bool:
    try:
        parameters = inspect.signature(fmt.write).parameters.values()
    except (TypeError, ValueError):  # pragma: no cover - a writer without a signature
        return True
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def _output_format(args: argparse.Namespace, output: str, batch: bool) -> Format:
    if args.to_format:
        return by_name(args.to_format)
    if batch:
        raise UsageError(f"use -t FORMAT to say what to write into {output!r}")
    if output == STDIO:
        return by_name(DEFAULT_OUTPUT_FORMAT)
    try:
        return detect(output)
    except OptionError:
        known = ", ".join(formats())
        raise UsageError(
            f"cannot tell the output format from the name {output!r}; "
            f"use -t FORMAT (one of {known})"
        ) from None


def _settings(args: argparse.Namespace, target: Format) -> _Settings:
    try:
        zone(args.timezone)  # an unknown zone is a mistake in the call: said before any work
    except OptionError as error:
        raise UsageError(cli_option(error)) from None
    options: dict[str, Any] = {}
    if args.indent is not None:
        if not _takes_option(target, "indent"):
            raise UsageError(f"the {target.name} format does not take --indent")
        options["indent"] = args.indent
    return _Settings(
        to=target.name,
        source_format=args.input_format,
        strict=args.strict,
        lenient=args.lenient,
        timezone=args.timezone,
        options=options,
        sync=args.fsync,
    )


def _cmd_convert(args: argparse.Namespace) -> int:
    output: str = args.output
    folder = output != STDIO and _is_folder(output)
    split = _jsonl_inputs(args.inputs, args.input_format)
    if split and folder:  # a JSON Lines file into a folder of files, one per brief
        target = _output_format(args, output, True)
        settings = _settings(args, target)
        return max(_jsonl.split(args, name, output, target, settings) for name in split)
    sources = _Sources(args.inputs, _suffixes(args.input_format), skip=output if folder else None)
    batch = sources.batch or folder
    joined = None if folder else _jsonl.streamed_format(output, args.to_format)
    if batch and joined is not None:  # a batch of files into one JSON Lines file
        return _jsonl.join(args, sources, output, joined, _settings(args, joined))
    if batch and output == STDIO:
        raise UsageError("several inputs are written into a directory: use -o DIRECTORY")
    if batch and os.path.exists(output) and not os.path.isdir(output):
        raise UsageError(f"-o {output!r} is a file: several inputs go into a directory")
    target = _output_format(args, output, batch)
    settings = _settings(args, target)
    if batch:
        if any(kind == "stdin" for kind, _, _ in sources.roots):
            raise UsageError("standard input (-) cannot be part of a batch: it has no name")
        return _convert_batch(args, sources, output, target, attrs.evolve(settings, root=output))
    return _convert_single(args, args.inputs[0], output, target, settings)


def _jsonl_inputs(inputs: list[str], given: str | None) -> list[str]:
    """The inputs, if each is a JSON Lines file (by ``-f`` or its suffix), to be split
    into a folder; none if none is. Some and not others is a mistake in the call."""
    streamed = [
        name
        for name in inputs
        if name != STDIO
        and not os.path.isdir(name)
        and _jsonl.streamed_format(name, given) is not None
    ]
    if streamed and len(streamed) < len(inputs):
        raise UsageError(
            f"{streamed[0]!r} is JSON Lines, split into a folder on its own: "
            "convert it apart from the other inputs"
        )
    return streamed


def _convert_single(
    args: argparse.Namespace, source: str, output: str, target: Format, settings: _Settings
) -> int:
    if source != STDIO and output != STDIO and _same_file(source, output):
        raise UsageError(f"refusing to overwrite the input file {source!r}; choose another -o")
    if target.binary and output == STDIO and sys.stdout.isatty():
        raise UsageError(
            f"a {target.name} document is bytes, not written to a terminal: "
            "pass -o FILE, or send standard output to a file or a pipe"
        )
    shown = STDIN_NAME if source == STDIO else source
    try:
        document = _Stdin().read() if source == STDIO else Path(source)
    except ParseError as error:  # standard input too large, or closed
        _print_problems(sys.stderr, shown, error.problems)
        return EXIT_INVALID
    payload, problems = _converted(document, target, settings)
    problems = cli_problems(problems)
    if payload is None:
        _print_lines(_convert_lines(shown, problems))
        return EXIT_INVALID
    if not args.quiet:
        _print_lines(_convert_lines(shown, (p for p in problems if p.severity == "warning")))
    return _emit_bytes(output, payload, text=not target.binary)


def _convert_batch(
    args: argparse.Namespace, sources: _Sources, outdir: str, target: Format, settings: _Settings
) -> int:
    progress: _Progress | None = None
    if _wants_progress(args.progress, args.quiet):
        progress = _Progress(sum(1 for _ in sources), sys.stderr)
    say: Callable[[str], None] = progress.print if progress else _stderr_line
    plan = _plan(sources, outdir, target)
    jobs = _workers(args.jobs, sources)
    results = _run_pool(plan, settings, jobs) if jobs > 1 else _run_here(plan, settings)
    # What became of each file, (converted, skipped, with losses), appended in one step,
    # so that a signal comes before a file is counted or after, never half-way through.
    outcomes: list[tuple[bool, bool, bool]] = []
    interrupted: KeyboardInterrupt | None = None  # Ctrl-C, or SIGTERM or SIGHUP (_signals)
    try:
        try:
            for result in results:
                left_out = _skipped(result)
                failing = not result.ok and not left_out
                outcomes.append((result.ok, left_out, bool(result.ok and result.losses)))
                shown = result.problems if failing else () if args.quiet else result.warnings
                for line in _convert_lines(result.path, (cli_problem(p) for p in shown)):
                    say(line)
                if progress:
                    progress.advance(not failing)
        except KeyboardInterrupt as error:
            interrupted = error
        finally:
            results.close()  # the worker processes finish the files at hand, then stop
            if progress:
                progress.close()
    except KeyboardInterrupt as error:  # another, while the workers wound down
        interrupted = interrupted or error
    files = len(outcomes)
    converted = sum(ok for ok, _, _ in outcomes)
    skipped = sum(left_out for _, left_out, _ in outcomes)
    lossy = sum(with_losses for _, _, with_losses in outcomes)
    failed = files - converted - skipped
    status = EXIT_INVALID if failed else EXIT_OK
    if interrupted is not None:
        status = exit_status(interrupted)
    if not args.quiet or interrupted is not None:
        summary = f"{_plural(files, 'file')}, {converted} converted ({lossy} with losses), "
        summary += f"{failed} failed" + (f", {skipped} skipped" if skipped else "")
        if interrupted is not None:
            by = signal_name(interrupted)
            summary = f"interrupted{f' by {by}' if by else ''} after {summary}"
        print(summary, file=sys.stderr)
    return status


def _stderr_line(line: str) -> None:
    print(line, file=sys.stderr)


def _print_lines(lines: Iterable[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)
