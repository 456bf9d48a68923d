"""``briefmodel migrate``: rewrite canonical JSON files of an earlier model as the current
model, each atomically, or with ``--check`` say which need it and write nothing."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .._api import dumps, from_dict
from .._converter import MODEL_VERSION, SCHEMA_ID
from .._files import read_document, write_atomically
from ..errors import ParseError, Problem, ValidationError
from ..formats.json import parse
from ..migrations import migrate, model_version
from ._common import EXIT_INVALID, EXIT_OK, STDIO, UsageError
from ._sources import _Sources
from ._streams import unwritable
from ._terminal import shown_name
from ._terms import cli_problems
from .reports import _plural, _print_problems

#: The indent of a pretty-printed file: the spaces before its second line's key.
_INDENT = re.compile(rb"\A\{\r?\n( +)\"")


def _indent_of(raw: bytes) -> int | None:
    """How the file is laid out, to lay it out the same: the indent, or None (compact)."""
    found = _INDENT.match(raw)
    return len(found.group(1)) if found else None


def _one(path: str, check: bool) -> tuple[str, list[Problem]]:
    """What became of one file: ``migrated``, ``needs``, ``current`` or ``invalid``, and
    the problems to print."""
    try:
        raw = read_document(Path(path))
        data = parse(raw)
        version = model_version(data)
        if version == MODEL_VERSION:
            return "current", []
        upgraded = migrate(data)  # no version, or a newer one: ValidationError
        brief = from_dict(upgraded)  # and the rules: a migrated file is a valid brief
    except (ParseError, ValidationError) as error:
        return "invalid", list(error.problems)
    was = f"briefmodel/{version}"
    if check:
        message = f"stamped {was}: needs migrating to {SCHEMA_ID}"
        return "needs", [Problem(severity="error", code="schema.old-model", message=message)]
    text = dumps(brief, indent=_indent_of(raw)) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:  # (a WriteError too)
        return "invalid", list(unwritable(path, error))
    return "migrated", []


def _cmd_migrate(args: argparse.Namespace) -> int:
    if STDIO in args.files:
        raise UsageError("migrate rewrites files in place: name files or folders, not -")
    counts = {"migrated": 0, "needs": 0, "current": 0, "invalid": 0}
    for found in _Sources(args.files, frozenset({".json"})):
        if found.problem is not None:
            outcome, problems = "invalid", [found.problem]
            if found.problem.severity == "warning":  # a pipe in a folder: skipped
                _print_problems(sys.stdout, found.path, cli_problems(tuple(problems)))
                continue
        else:
            outcome, problems = _one(found.path, args.check)
        counts[outcome] += 1
        _print_problems(sys.stdout, found.path, cli_problems(tuple(problems)))
        if outcome == "migrated" and not args.quiet:
            print(f"{shown_name(found.path)}: migrated to {SCHEMA_ID}")
    if not args.quiet:
        files = sum(counts.values())
        done = f"{counts['needs']} to migrate" if args.check else f"{counts['migrated']} migrated"
        print(
            f"{_plural(files, 'file')}: {done}, {counts['current']} current, "
            f"{counts['invalid']} invalid"
        )
    failed = counts["invalid"] or (args.check and counts["needs"])
    return EXIT_INVALID if failed else EXIT_OK
