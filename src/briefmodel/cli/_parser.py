"""The argument parser of the ``briefmodel`` command: its commands, options, argument
types and help texts."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from .. import __version__
from .._chunks import DEFAULT_MAX_CHARS
from ..formats import formats
from ..formats.json import MAX_INDENT
from ..rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES
from ._common import STDIO
from ._pool import CHUNK
from .chunks import _cmd_chunks
from .convert import JOBS_PER_CPU, _cmd_convert
from .diff import _cmd_diff
from .feed import add_arguments as _feed_arguments
from .formats import _cmd_formats
from .migrate import _cmd_migrate
from .schema import _cmd_schema
from .validate import _cmd_validate

__all__ = ["build_parser"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")


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
    if not 0 <= number <= MAX_INDENT:
        raise argparse.ArgumentTypeError(f"the indent is 0 to {MAX_INDENT} spaces, not {number}")
    return number


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes") from None
    if number < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return number  # 0: one per CPU; the batch bounds it (see convert._workers)


_FORMATTER = argparse.RawDescriptionHelpFormatter

_MAIN_EPILOG = """\
examples:
  briefmodel validate brief.json
  briefmodel validate briefs/ --report github
  briefmodel convert brief.json -o brief.xml
  briefmodel convert briefs/ -o out/ -t newsml --jobs 2
  briefmodel diff old.json new.json --report html -o changes.html
  briefmodel migrate --check briefs/
  briefmodel chunks briefs/ --max-chars 1000 > chunks.jsonl
  briefmodel feed briefs/ -o feed.atom --title "Harbour desk"
  briefmodel formats
  briefmodel schema -o brief.schema.json

exit status: 0 valid, 1 invalid or unreadable input, 2 usage error, 130 interrupted
"""

_VALIDATE_EPILOG = """\
examples:
  briefmodel validate brief.json other.json
  briefmodel validate briefs/                      # every brief below briefs/
  briefmodel validate 'drafts/**/*.xml'            # a glob, expanded here
  briefmodel validate --report json drafts/*.json > report.json
  briefmodel validate --report github briefs/      # annotations in GitHub Actions
  curl -s https://example.org/brief.json | briefmodel validate --from json -
  briefmodel validate --url-scheme https --url-scheme ftp brief.json
  briefmodel validate --profile house.toml briefs/   # and the newsroom's house style

A directory is searched recursively for files whose suffix a format claims (see
briefmodel formats), hidden files and folders left out. Each problem is one line,
FILE:LINE:COLUMN: severity code: message when the line is known, else
FILE: POINTER: severity code: message (POINTER is a JSON Pointer into the canonical
JSON). A file that cannot be read is reported as invalid (parse.unreadable).

A document is read up to 64 MiB, from a file, a pipe, a device or stdin; a larger one
is refused (parse.too-large). Directories and globs give regular files only: a named
pipe, socket or device found there is skipped with a warning (input.skipped); one
named on the command line, as <(command) names a pipe, is read. --format is the older
spelling of --report.

exit status: 0 every file valid (warnings allowed), 1 some file invalid, 2 usage error
"""

_DIFF_EPILOG = """\
examples:
  briefmodel diff brief-v1.json brief-v2.json
  briefmodel diff brief-v1.json brief-v2.json --report json > changes.json
  briefmodel diff brief-v1.xml brief-v2.xml --report html -o redline.html

Both versions are read and checked as validate checks them (an invalid one is reported,
and nothing is compared). The text report is one line a change, OP POINTER: what,
then the count; json is the JSON Patch (RFC 6902) that makes the old version into the
new one, which bm.patch applies; html is a redline page: the new version with what was
removed struck through and what was added underlined. Sections, blocks and list items
are matched by id or by content, so a block added, removed or moved is one change.

exit status: 0 compared (whether or not anything changed), 1 invalid or unreadable
input, 2 usage error
"""

_MIGRATE_EPILOG = """\
examples:
  briefmodel migrate briefs/                 # rewrite every brief of an earlier model
  briefmodel migrate --check briefs/         # in CI: fail while any file needs it

Canonical JSON files (.json; folders and globs as for validate) stamped with an earlier
model ("schema": "briefmodel/1") are upgraded to the current one, checked as validate
checks them, and rewritten atomically as canonical JSON, indented as they were. Files
of the current model are left as they are; a file that is not a brief of any model this
briefmodel knows is reported, and left as it is. With --check nothing is written: each
file that needs migrating is reported.

exit status: 0 done (with --check: nothing to migrate), 1 a file invalid or unwritable
(with --check: or a file to migrate), 2 usage error
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
N files, N converted (N with losses), N failed on stderr (and N skipped, when a
directory or glob held a named pipe, socket or device). Inputs are read as by
briefmodel validate: up to 64 MiB each.

exit status: 0 all converted (losses allowed unless --strict), 1 some input invalid or
unreadable or some output unwritable, 2 usage error, 130 interrupted
"""

_CHUNKS_EPILOG = """\
examples:
  briefmodel chunks brief.json
  briefmodel chunks briefs/ --max-chars 1000 --overlap 100 -o chunks.jsonl
  briefmodel chunks page.html --lenient --report json

Each brief is checked as briefmodel validate checks it; an invalid one is reported on
stderr and gives no chunks. A chunk holds at most --max-chars characters of one section,
cut between blocks, lines, sentences or words; each line of the output is one chunk as
JSON: its file, index, text, in_context (the headline and headings, then the text),
headings, section_id, pointer(s), the brief's id, headline, language, dates and subjects,
and the entities and sources its text mentions and cites.

exit status: 0 every brief chunked, 1 some input invalid or unreadable or the output
unwritable, 2 usage error, 130 interrupted
"""

_FEED_EPILOG = """\
examples:
  briefmodel feed briefs/ -o feed.atom --title "Harbour desk" --url https://example.org/feed.atom
  briefmodel feed a.json b.json -o feed.xml --title "Harbour desk" --newest-first
  briefmodel feed briefs/ -o feed.json --title "Harbour desk" --link https://example.org/

Each entry holds the whole brief (its HTML article), which briefmodel reads back: read a
feed with bm.load_all(path), a brief per entry. Every input is checked as briefmodel
validate checks it; if any cannot be read, no feed is written.

exit status: 0 feed written, 1 some input invalid or unreadable or the output
unwritable, 2 usage error, 130 interrupted
"""

_FORMATS_EPILOG = """\
examples:
  briefmodel formats
  briefmodel formats --report json
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


class _FormatNames:
    """The registered formats' names, as ``--from`` and ``--to`` take them: looked up when
    a value is checked or ``--help`` lists them, not when the parser is built, so that
    the plug-ins' entry points are not read for ``--version`` or a command that names no
    format."""

    def __contains__(self, name: object) -> bool:
        return name in formats()

    def __iter__(self) -> Iterator[str]:
        return iter(formats())


def _from_option(command: argparse.ArgumentParser, names: _FormatNames, what: str) -> None:
    """``-f/--from FORMAT``: the input format, the same option in every command."""
    command.add_argument(
        "-f",
        "--from",
        dest="input_format",
        choices=names,
        metavar="FORMAT",
        help=f"read every {what} as FORMAT (%(choices)s) instead of guessing from "
        "its suffix or content (and pick that format's suffixes in directories)",
    )


def _documents_argument(command: argparse.ArgumentParser, names: _FormatNames) -> None:
    """``PATH…`` and ``-f/--from FORMAT``: the documents a command reads, each a file, a
    directory, a glob or ``-``, the same in every command that reads many."""
    command.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a document, a directory, a glob pattern, or - for stdin",
    )
    _from_option(command, names, "file")


def _url_schemes_option(command: argparse.ArgumentParser) -> None:
    """``--url-scheme SCHEME``, repeated: the schemes links may use, the same option in
    every command that checks documents."""
    command.add_argument(
        "--url-scheme",
        dest="url_schemes",
        action="append",
        type=_url_scheme,
        metavar="SCHEME",
        help="a URL scheme links may use (repeat for more; default: "
        f"{', '.join(sorted(DEFAULT_URL_SCHEMES))})",
    )


def _lenient_option(command: argparse.ArgumentParser) -> None:
    """``--lenient``: read documents written by others as ``strict=False`` does, the same
    option in every command that reads them."""
    command.add_argument(
        "--lenient",
        action="store_true",
        help="read leniently: mend what can be mended (a relative link kept as text, a "
        "date without an offset taken as UTC …) and report each repair as a warning",
    )
    command.add_argument(
        "--timezone",
        metavar="ZONE",
        help="with --lenient, take date-times without an offset in this IANA time zone "
        "(Europe/Oslo; default: UTC)",
    )


def _old_report_option(command: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    """``--format``: the older spelling of ``--report``, still accepted (not in --help,
    so that ``--format`` is not taken for the documents' format)."""
    command.add_argument(
        "--format",
        dest="report",
        choices=choices,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``briefmodel`` command."""
    names = _FormatNames()
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
    _documents_argument(check, names)
    check.add_argument(
        "--report",
        dest="report",
        choices=("text", "json", "github"),
        default="text",
        help="report as text lines (default), as one JSON object, or as GitHub Actions annotations",
    )
    _old_report_option(check, ("text", "json", "github"))
    _url_schemes_option(check)
    _lenient_option(check)
    check.add_argument(
        "--xsd",
        metavar="XSD",
        help="check XML documents against this XML Schema (IPTC's NewsML-G2 XSD, say) "
        "instead of briefmodel's NewsML-G2 profile",
    )
    check.add_argument(
        "--profile",
        metavar="TOML",
        help="also check the house style this profile declares (see docs/profiles.md)",
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
    _from_option(convert, names, "input")
    convert.add_argument(
        "-t",
        "--to",
        dest="to_format",
        choices=names,
        metavar="FORMAT",
        help="write FORMAT instead of guessing from the name -o gives (default for "
        "standard output: json; needed for a batch)",
    )
    convert.add_argument(
        "--indent",
        type=_indent,
        metavar="N",
        help=f"pretty-print with N spaces, 0 to {MAX_INDENT} (json, ninjs)",
    )
    convert.add_argument(
        "--strict",
        action="store_true",
        help="fail a file whose output would lose anything the input holds",
    )
    _lenient_option(convert)
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
        help="convert in N processes (0: one per CPU; default 1), at most "
        f"{JOBS_PER_CPU} per CPU and one per {CHUNK} files (they go out {CHUNK} at a time)",
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

    changes = commands.add_parser(
        "diff",
        help="show what changed between two versions of a brief",
        description="Show what changed between two versions of a brief: as lines of text, "
        "as a JSON Patch, or as an HTML redline page.",
        epilog=_DIFF_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    changes.add_argument("old", metavar="OLD", help="the earlier version (- for stdin)")
    changes.add_argument("new", metavar="NEW", help="the later version (- for stdin)")
    _from_option(changes, names, "version")
    changes.add_argument(
        "--report",
        dest="report",
        choices=("text", "json", "html"),
        default="text",
        help="a line a change (default), the JSON Patch, or an HTML redline page",
    )
    _old_report_option(changes, ("text", "json", "html"))
    changes.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        default=STDIO,
        help="write here instead of stdout (atomically)",
    )
    _url_schemes_option(changes)
    changes.set_defaults(handler=_cmd_diff)

    upgrade = commands.add_parser(
        "migrate",
        help="rewrite briefs of an earlier model as the current one",
        description="Rewrite canonical JSON briefs of an earlier model as the current model, "
        "each file atomically; --check only says which need it.",
        epilog=_MIGRATE_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    upgrade.add_argument(
        "files", nargs="+", metavar="PATH", help="a canonical JSON file, a directory or a glob"
    )
    upgrade.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any file needs migrating (for CI)",
    )
    upgrade.add_argument(
        "-q", "--quiet", action="store_true", help="print the problems only, no summary"
    )
    upgrade.set_defaults(handler=_cmd_migrate)

    cut = commands.add_parser(
        "chunks",
        help="cut briefs into chunks for search and language models",
        description="Cut the bodies of briefs into chunks for search and language-model "
        "pipelines, each with its headings, its place in the brief and the brief's "
        "metadata: JSON Lines, a chunk a line.",
        epilog=_CHUNKS_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    _documents_argument(cut, names)
    cut.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"the most characters of a chunk's text (default {DEFAULT_MAX_CHARS})",
    )
    cut.add_argument(
        "--overlap",
        type=int,
        default=0,
        metavar="N",
        help="begin each chunk after a section's first with up to N characters of the one "
        "before, whole sentences or words (default 0)",
    )
    cut.add_argument(
        "--in-context",
        dest="size_of",
        action="store_const",
        const="in_context",
        default="text",
        help="count the headline and headings put before each chunk's text in --max-chars "
        "(the in_context of each chunk, as an embedding model sees it)",
    )
    cut.add_argument(
        "--report",
        dest="report",
        choices=("jsonl", "json"),
        default="jsonl",
        help="JSON Lines, a chunk a line (default), or one JSON array",
    )
    _old_report_option(cut, ("jsonl", "json"))
    cut.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        default=STDIO,
        help="write here instead of stdout (atomically)",
    )
    _url_schemes_option(cut)
    _lenient_option(cut)
    cut.set_defaults(handler=_cmd_chunks)

    syndicated = commands.add_parser(
        "feed",
        help="write briefs as an Atom, RSS or JSON Feed",
        description="Write many briefs as one feed: Atom 1.0, RSS 2.0 or JSON Feed 1.1, "
        "an entry per brief holding the whole brief.",
        epilog=_FEED_EPILOG,
        formatter_class=_FORMATTER,
        allow_abbrev=False,
    )
    _documents_argument(syndicated, names)
    _feed_arguments(syndicated)
    _url_schemes_option(syndicated)
    _lenient_option(syndicated)

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
        "--report",
        dest="report",
        choices=("text", "json"),
        default="text",
        help="a table (default) or a JSON array",
    )
    _old_report_option(listing, ("text", "json"))
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
