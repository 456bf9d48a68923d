"""``briefmodel diff``: what changed between two versions of a brief, as lines of text, as
a JSON Patch (RFC 6902) or as an HTML redline page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .._changes import describe, diff
from ..errors import ParseError
from ..model import Brief
from ..rules import DEFAULT_URL_SCHEMES
from ..validation import validate
from ._common import EXIT_INVALID, STDIN_NAME, STDIO
from ._streams import _emit, _Stdin
from ._terminal import shown_text
from ._terms import cli_problems
from .reports import _plural, _print_problems


def _read(name: str, args: argparse.Namespace, schemes: list[str], stdin: _Stdin) -> Brief | None:
    """The brief in the file ``name`` (``-``: standard input), checked as ``validate``
    checks it; None, with its problems printed, if it is not a valid brief."""
    shown = STDIN_NAME if name == STDIO else name
    try:
        document = stdin.read() if name == STDIO else Path(name)
    except ParseError as error:  # standard input too large, or closed
        _print_problems(sys.stderr, shown, cli_problems(error.problems))
        return None
    report = validate(document, args.input_format, url_schemes=schemes)
    if report.brief is None or not report.ok:
        _print_problems(sys.stderr, shown, cli_problems(report.problems))
        return None
    return report.brief


def _cmd_diff(args: argparse.Namespace) -> int:
    stdin = _Stdin()
    schemes = args.url_schemes or sorted(DEFAULT_URL_SCHEMES)
    old = _read(args.old, args, schemes, stdin)
    new = _read(args.new, args, schemes, stdin)
    if old is None or new is None:
        return EXIT_INVALID
    if args.report == "html":
        from ..formats.html import redline  # (the HTML format: imported for this report only)

        return _emit(args.output, redline(old, new, url_schemes=schemes))
    operations = diff(old, new)
    if args.report == "json":
        return _emit(args.output, json.dumps(operations, ensure_ascii=False, indent=2) + "\n")
    lines = [shown_text(line) for line in describe(old, operations)]
    lines.append(_plural(len(operations), "change") if operations else "no changes")
    return _emit(args.output, "\n".join(lines) + "\n")
