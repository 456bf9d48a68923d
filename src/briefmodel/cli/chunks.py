"""``briefmodel chunks``: the bodies of briefs cut into chunks for search and
language-model pipelines (:func:`briefmodel.chunks`), as JSON Lines, a chunk a line, or
as one JSON array."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._chunks import checked_options, chunks
from ..errors import OptionError, ParseError
from ..rules import DEFAULT_URL_SCHEMES
from ..validation import validate
from ._common import EXIT_INVALID, EXIT_OK, STDIN_NAME, STDIO, UsageError
from ._sources import _Sources, _suffixes
from ._streams import _emit, _Stdin
from ._terms import cli_option, cli_problems
from .reports import _print_problems


def _chunked(args: argparse.Namespace) -> Iterator[dict[str, Any] | None]:
    """Each chunk of each brief the command line names, as JSON data with its file; None
    for a document that is not a valid brief (its problems printed on stderr)."""
    schemes = args.url_schemes or sorted(DEFAULT_URL_SCHEMES)
    stdin = _Stdin()
    for found in _Sources(args.files, _suffixes(args.input_format)):
        shown = STDIN_NAME if found.path == STDIO else found.path
        if found.problem is not None:
            _print_problems(sys.stderr, shown, (found.problem,))
            yield None
            continue
        try:
            document = stdin.read() if found.path == STDIO else Path(found.path)
            report = validate(
                document,
                args.input_format,
                url_schemes=schemes,
                lenient=args.lenient,
                timezone=args.timezone,
            )
        except ParseError as error:  # standard input too large, or closed
            _print_problems(sys.stderr, shown, cli_problems(error.problems))
            yield None
            continue
        if report.brief is None or not report.ok:
            _print_problems(sys.stderr, shown, cli_problems(report.problems))
            yield None
            continue
        pieces = chunks(
            report.brief, max_chars=args.max_chars, overlap=args.overlap, size_of=args.size_of
        )
        for chunk in pieces:
            yield {"file": shown, **chunk.to_dict()}


def _cmd_chunks(args: argparse.Namespace) -> int:
    try:
        checked_options(args.max_chars, args.overlap)
    except OptionError as error:
        raise UsageError(cli_option(error)) from None
    invalid = False
    lines: list[str] = []
    streaming = args.output == STDIO and args.report == "jsonl"
    for chunk in _chunked(args):
        if chunk is None:
            invalid = True
            continue
        line = json.dumps(chunk, ensure_ascii=False)
        if streaming:  # (a chunk a line as it is made: a pipeline reads it at once)
            sys.stdout.write(line + "\n")
        else:
            lines.append(line)
    if args.report == "json":
        text = "[" + ",\n ".join(lines) + "]\n"
        status = _emit(args.output, text)
    elif not streaming:
        status = _emit(args.output, "".join(line + "\n" for line in lines))
    else:
        sys.stdout.flush()
        status = EXIT_OK
    return EXIT_INVALID if invalid else status
