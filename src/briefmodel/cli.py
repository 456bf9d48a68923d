"""The ``briefmodel`` command line: validate, convert and print the schema.

Run it as ``briefmodel COMMAND …`` or ``python -m briefmodel COMMAND …``:

- ``validate FILE…`` checks documents and lists every problem, one a line, in the
  ``FILE:LINE:COLUMN: severity code: message`` form editors understand (or
  ``FILE: POINTER: severity code: message`` when the problem has no line), then a
  summary; ``--format json`` gives a machine-readable report instead.
- ``convert IN -o OUT`` reads a brief in one format and writes it in another. The
  output is written atomically and never over the input.
- ``schema`` prints the JSON Schema of canonical JSON.

Formats are looked up in the format registry (:func:`briefmodel.formats`), so a
format added there, built in or plugged in, works here without a change.

Exit status: 0 when every document is valid (warnings allowed), 1 when a document is
invalid or cannot be read or written, 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__
from ._api import dumps
from ._files import write_atomically
from ._schema import json_schema
from .errors import BriefmodelError, ParseError, Problem, Report, ValidationError
from .formats import Format, by_name, detect, formats
from .rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES
from .validation import validate

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "format_problem",
    "main",
]

#: Every document valid (warnings allowed).
EXIT_OK = 0
#: A document is invalid or unreadable, or the output could not be written.
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

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")


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


def _emit(output: str, text: str) -> int:
    """Write ``text`` to the file ``output`` (atomically) or to stdout for ``-``."""
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError as error:
        _error(f"the output holds U+{ord(text[error.start]):04X}, which cannot be written as UTF-8")
        return EXIT_INVALID
    if output == STDIO:
        _write_stdout_bytes(payload if payload.endswith(b"\n") else payload + b"\n")
        return EXIT_OK
    try:
        write_atomically(output, payload)
    except OSError as error:
        _error(f"cannot write {output}: {error.strerror or error}")
        return EXIT_INVALID
    return EXIT_OK


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


def _takes_option(fmt: Format, name: str) -> bool:
    try:
        parameters = inspect.signature(fmt.write).parameters.values()
    except (TypeError, ValueError):  # pragma: no cover - a writer without a signature
        return True
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


# --------------------------------------------------------------------------------------
# Commands


def _validate_one(
    document: str | bytes | Path, args: argparse.Namespace, schemes: Sequence[str]
) -> Report:
    try:
        return validate(document, args.input_format, url_schemes=schemes, xsd=args.xsd)
    except TypeError as error:  # --xsd for a document that is not XML
        raise UsageError(f"--xsd: {error}") from None


def _cmd_validate(args: argparse.Namespace) -> int:
    schemes: Sequence[str] = args.url_schemes or sorted(DEFAULT_URL_SCHEMES)
    as_json = args.output_format == "json"
    stdin = _Stdin()
    results: list[tuple[str, Report]] = []
    for name in args.files:
        if name == STDIO:
            shown = STDIN_NAME
            report = _validate_one(stdin.read(), args, schemes)
        else:
            shown = name
            report = _validate_one(Path(name), args, schemes)
        results.append((shown, report))
        if not as_json:
            _print_problems(sys.stdout, shown, report.problems)
    invalid = sum(1 for _, report in results if not report.ok)
    warnings = sum(len(report.warnings) for _, report in results)
    if as_json:
        document = {
            "ok": invalid == 0,
            "files": [
                {
                    "path": shown,
                    "ok": report.ok,
                    "problems": [problem.to_dict() for problem in report.problems],
                }
                for shown, report in results
            ],
            "summary": {"files": len(results), "invalid": invalid, "warnings": warnings},
        }
        sys.stdout.write(json.dumps(document, indent=2) + "\n")
    elif not args.quiet:
        files = _plural(len(results), "file")
        print(f"{files}, {invalid} invalid, {_plural(warnings, 'warning')}")
    sys.stdout.flush()
    return EXIT_INVALID if invalid else EXIT_OK


def _output_format(args: argparse.Namespace) -> Format:
    if args.to_format:
        return by_name(args.to_format)
    if args.output == STDIO:
        return by_name(DEFAULT_OUTPUT_FORMAT)
    try:
        return detect(args.output)
    except ParseError:
        known = ", ".join(formats())
        raise UsageError(
            f"cannot tell the output format from the name {args.output!r}; "
            f"pass -t FORMAT (one of {known})"
        ) from None


def _cmd_convert(args: argparse.Namespace) -> int:
    source: str = args.input
    output: str = args.output
    target = _output_format(args)
    options: dict[str, Any] = {}
    if args.indent is not None:
        if not _takes_option(target, "indent"):
            raise UsageError(f"the {target.name} format does not take --indent")
        options["indent"] = args.indent
    if source != STDIO and output != STDIO and _same_file(source, output):
        raise UsageError(f"refusing to overwrite the input file {source!r}; choose another -o")
    shown = STDIN_NAME if source == STDIO else source
    document = _Stdin().read() if source == STDIO else Path(source)
    report = validate(document, args.input_format)
    if report.brief is None or not report.ok:
        _print_problems(sys.stderr, shown, report.problems)
        return EXIT_INVALID
    if not args.quiet:
        _print_problems(sys.stderr, shown, report.warnings)
    try:
        text = dumps(report.brief, target.name, **options)
    except (ParseError, ValidationError) as error:  # what the output format cannot hold
        _print_problems(sys.stderr, shown, error.problems)
        return EXIT_INVALID
    return _emit(output, text)


def _cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    return _emit(args.output, text)


# --------------------------------------------------------------------------------------
# The parser

_FORMATTER = argparse.RawDescriptionHelpFormatter

_MAIN_EPILOG = """\
examples:
  briefmodel validate brief.json
  briefmodel convert brief.json -o brief.pretty.json --indent 2
  briefmodel schema -o brief.schema.json

exit status: 0 valid, 1 invalid or unreadable input, 2 usage error, 130 interrupted
"""

_VALIDATE_EPILOG = """\
examples:
  briefmodel validate brief.json other.json
  briefmodel validate --format json drafts/*.json > report.json
  curl -s https://example.org/brief.json | briefmodel validate -f json -
  briefmodel validate --url-scheme https --url-scheme ftp brief.json

Each problem is one line, FILE:LINE:COLUMN: severity code: message when the line is
known, else FILE: POINTER: severity code: message (POINTER is a JSON Pointer into the
canonical JSON). A file that cannot be read is reported as invalid (parse.unreadable).

exit status: 0 every file valid (warnings allowed), 1 some file invalid, 2 usage error
"""

_CONVERT_EPILOG = """\
examples:
  briefmodel convert brief.json -o tidy.json --indent 2
  briefmodel convert - -f json -o - < brief.json

Formats come from the file suffixes unless -f/-t say; standard output gets canonical
JSON unless -t says otherwise, followed by a newline. The output file is replaced
atomically, and only when the input was read without errors; it is never the input.

exit status: 0 converted, 1 invalid or unreadable input or unwritable output, 2 usage error
"""

_SCHEMA_EPILOG = """\
examples:
  briefmodel schema > brief.schema.json
  briefmodel schema -o brief.schema.json
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
    check.add_argument("files", nargs="+", metavar="FILE", help="a document, or - for stdin")
    check.add_argument(
        "-f",
        "--from",
        dest="input_format",
        choices=names,
        metavar="FORMAT",
        help=f"read every file as FORMAT ({', '.join(names)}) instead of guessing",
    )
    check.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="report as text lines (default) or as one JSON object",
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
        help="read a brief in one format and write it in another",
        description="Read a brief, check it, and write it in another format.",
        epilog=_CONVERT_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    convert.add_argument("input", metavar="IN", help="the document to read, or - for stdin")
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=STDIO,
        help="the file to write, or - for stdout (default)",
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
        "-q", "--quiet", action="store_true", help="do not print warnings about the input"
    )
    convert.set_defaults(handler=_cmd_convert)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of canonical JSON",
        description="Print the JSON Schema (2020-12) of briefmodel's canonical JSON.",
        epilog=_SCHEMA_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    schema.add_argument(
        "-o", "--output", metavar="FILE", default=STDIO, help="write here instead of stdout"
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
