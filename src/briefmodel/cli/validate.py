"""``briefmodel validate``: check documents and list every problem, as text lines, one
JSON report (streamed file by file) or GitHub Actions annotations."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .._dates import naive_times_in
from .._files import read_document
from .._options import zone
from ..errors import (
    OptionError,
    ParseError,
    Problem,
    ProblemLog,
    ProfileError,
    Report,
    ValidationError,
    count_problems,
    listening,
)
from ..formats import by_name, detect
from ..formats.jsonl import lines
from ..profiles import Profile, as_profile
from ..rules import DEFAULT_URL_SCHEMES
from ..validation import validate
from ._common import EXIT_INVALID, EXIT_OK, STDIN_NAME, STDIO, UsageError
from ._jsonl import streamed_format
from ._sources import _Sources, _suffixes
from ._streams import _Stdin
from ._terms import cli_option, cli_problems
from .reports import _nested, _print_problems, _summary, format_github

if TYPE_CHECKING:
    from lxml import etree


def _validate_one(
    document: str | bytes | Path,
    args: argparse.Namespace,
    schemes: Sequence[str],
    xsd: Any,
    profile: Profile,
) -> Report:
    try:
        report = validate(
            document,
            args.input_format,
            url_schemes=schemes,
            xsd=xsd,
            profile=profile,
            lenient=args.lenient,
            timezone=args.timezone,
        )
    except OptionError as error:  # --xsd for a document that is not XML, or with --lenient
        raise UsageError(cli_option(error)) from None
    return Report(problems=cli_problems(report.problems), brief=report.brief)


def _xml_schema(path: str | None) -> etree.XMLSchema | None:
    """The XSD that ``--xsd`` names, built once for every document."""
    if path is None:
        return None
    from lxml import etree  # (for --xsd only)

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser))
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise UsageError(f"--xsd: cannot use the XSD {path!r}: {error}") from None


def _house_style(path: str | None) -> Profile:
    """The profile that ``--profile`` names, read once for every document."""
    try:
        return as_profile(path)
    except ProfileError as error:
        problems = "; ".join(
            (f"line {p.line}: " if p.line else f"{p.path}: " if p.path else "") + p.message
            for p in error.problems
        )
        raise UsageError(f"--profile {error.source}: {problems}") from None


def _validated(args: argparse.Namespace) -> Iterator[tuple[str, Report]]:
    """Each document the command line names, with its report, one at a time."""
    schemes: Sequence[str] = args.url_schemes or sorted(DEFAULT_URL_SCHEMES)
    xsd = _xml_schema(args.xsd)
    profile = _house_style(args.profile)
    stdin = _Stdin()
    for found in _Sources(args.files, _suffixes(args.input_format)):
        if found.problem is not None:
            yield found.path, Report(problems=(found.problem,))
        elif found.path == STDIO:
            try:
                data = stdin.read()
            except ParseError as error:  # too large, or closed
                yield STDIN_NAME, Report(problems=error.problems)
            else:
                yield STDIN_NAME, _validate_one(data, args, schemes, xsd, profile)
        elif streamed_format(found.path, args.input_format) is not None:
            yield found.path, _validate_lines(found.path, args, schemes, xsd, profile)
        else:
            report = _validate_one(Path(found.path), args, schemes, xsd, profile)
            if any(p.code in _SEVERAL for p in report.problems):
                report = _validate_each(found.path, args, schemes, profile)
            yield found.path, report


#: What a file of several briefs that bm.validate reads as one is refused with (a feed's
#: entries): such a file is then checked brief by brief.
_SEVERAL = frozenset({"feed.several"})


def _validate_each(
    path: str, args: argparse.Namespace, schemes: Sequence[str], profile: Profile
) -> Report:
    """A file of several briefs (a feed) checked brief by brief: what reading finds, and
    each brief's problems, each named by its brief (``brief 2: …``, counted from 0 as
    ``bm.load_all`` names them)."""
    log = ProblemLog()
    try:
        raw = read_document(path)
        fmt = by_name(args.input_format) if args.input_format else detect(path, raw)
        assert fmt.read_all is not None  # (it said the file holds several briefs)
        with listening() as heard, naive_times_in(zone(args.timezone)):
            for index, brief in enumerate(fmt.read_all(raw, strict=not args.lenient)):
                report = validate(brief, url_schemes=schemes, profile=profile)
                log.extend(
                    attrs.evolve(p, message=f"brief {index}: {p.message}")
                    for p in cli_problems(report.problems)
                )
        log.extend(cli_problems(tuple(heard)))
    except (ParseError, ValidationError) as error:  # (reading stops there)
        log.extend(cli_problems(error.problems))
    return Report(problems=tuple(log.problems()))


def _validate_lines(
    path: str, args: argparse.Namespace, schemes: Sequence[str], xsd: Any, profile: Profile
) -> Report:
    """A JSON Lines file checked a line at a time, each line as a document: one report
    of every line's problems, each on its line (the first hundred kept, the rest
    counted)."""
    log = ProblemLog()
    try:
        with open(path, "rb") as handle:
            for number, data in lines(handle):
                report = _validate_one(data, args, schemes, xsd, profile)
                log.extend(attrs.evolve(p, line=number) for p in report.problems)
    except OSError as error:
        message = f"cannot read {path}: {error.strerror or error}"
        log.append(Problem(severity="error", code="parse.unreadable", message=message))
    except ParseError as error:  # a line too long: nothing after it is read
        log.extend(cli_problems(error.problems))
    return Report(problems=tuple(log.problems()))


def _cmd_validate(args: argparse.Namespace) -> int:
    # The JSON report is written file by file, laid out as json.dumps(report, indent=2)
    # would lay it out, so that thousands of files are never held at once.
    as_json = args.report == "json"
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
        elif args.report == "github":
            for problem in report.problems:
                print(format_github(shown, problem), file=out)
        else:
            _print_problems(out, shown, report.problems)
        files += 1
        invalid += not report.ok
        warned += count_problems(report.problems, "warning")  # those not listed too
    if as_json:
        summary = {"files": files, "invalid": invalid, "warnings": warned}
        out.write(("\n  " if files else "") + "],\n")
        out.write(f'  "ok": {json.dumps(invalid == 0)},\n')
        out.write(f'  "summary": {_nested(summary, 1)}\n}}\n')
    elif not args.quiet:
        print(_summary(files, invalid, warned), file=out)
    out.flush()
    return EXIT_INVALID if invalid else EXIT_OK
