"""``briefmodel feed``: many briefs as one Atom, RSS or JSON Feed document
(:func:`briefmodel.feed`), written only when every brief named could be read."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from .._api import load_all
from .._feed import KINDS, feed
from ..errors import OptionError, ParseError, ValidationError, listening
from ..model import Brief
from ..rules import DEFAULT_URL_SCHEMES
from ._common import EXIT_INVALID, STDIO, UsageError
from ._sources import _Sources, _suffixes
from ._streams import _emit
from ._terms import cli_option, cli_problems
from .reports import _print_problems

__all__ = ["add_arguments", "kind_of"]

#: The kind of feed an output's suffix names (``.xml``: Atom, the default kind).
_BY_SUFFIX = {".atom": "atom", ".xml": "atom", ".rss": "rss", ".json": "json"}


def kind_of(output: str, given: str | None) -> str:
    """The kind of feed to write: ``--kind``, else the one the output's suffix names;
    Atom on standard output."""
    if given is not None:
        return given
    if output == STDIO:
        return "atom"
    kind = _BY_SUFFIX.get(Path(output).suffix.lower())
    if kind is None:
        raise UsageError(
            f"cannot tell the kind of feed from {output!r}: name it .atom, .rss, .json or "
            ".xml, or pass --kind atom|rss|json"
        )
    return kind


def _read(args: argparse.Namespace) -> Iterator[Brief | None]:
    """Each brief the command line names (every brief of a file that holds many), None
    for a file that could not be read (its problems printed on stderr)."""
    schemes = args.url_schemes or sorted(DEFAULT_URL_SCHEMES)
    for found in _Sources(args.files, _suffixes(args.input_format)):
        if found.path == STDIO:
            raise UsageError("a feed is made of files: standard input (-) has no brief list")
        if found.problem is not None:
            _print_problems(sys.stderr, found.path, (found.problem,))
            if found.problem.severity == "error":
                yield None
            continue
        try:
            with listening() as heard:
                briefs = list(
                    load_all(
                        found.path,
                        args.input_format,
                        strict=not args.lenient,
                        url_schemes=schemes,
                        timezone=args.timezone,
                    )
                )
        except (ParseError, ValidationError) as error:
            _print_problems(sys.stderr, found.path, cli_problems(error.problems))
            yield None
            continue
        _print_problems(sys.stderr, found.path, cli_problems(tuple(heard)))
        yield from briefs


def _newest_first(briefs: list[Brief]) -> list[Brief]:
    """Newest first, by the time of each brief's version; undated briefs last, and
    briefs of the same time in the order given."""
    dated = [b for b in briefs if (b.updated or b.created) is not None]
    dated.sort(key=lambda b: b.updated or b.created, reverse=True)  # type: ignore[arg-type, return-value]
    return dated + [b for b in briefs if (b.updated or b.created) is None]


def _cmd_feed(args: argparse.Namespace) -> int:
    kind = kind_of(args.output, args.kind)
    read = list(_read(args))
    if any(brief is None for brief in read):
        print("no feed written: some input could not be read", file=sys.stderr)
        return EXIT_INVALID
    briefs = [brief for brief in read if brief is not None]
    if args.newest_first:
        briefs = _newest_first(briefs)
    try:
        text = feed(
            briefs,
            kind,
            title=args.title,
            url=args.url,
            link=args.link,
            id=args.id,
            subtitle=args.subtitle,
            language=args.language,
            author=args.author,
        )
    except OptionError as error:
        raise UsageError(cli_option(error)) from None
    except ValidationError as error:
        _print_problems(sys.stderr, args.output, cli_problems(error.problems))
        return EXIT_INVALID
    return _emit(args.output, text)


def add_arguments(command: argparse.ArgumentParser) -> None:
    """The feed command's own options (its documents, ``--lenient`` and
    ``--url-scheme`` are the ones every command that reads many takes)."""
    command.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        default=STDIO,
        help="write the feed here (atomically; its suffix .atom, .xml, .rss or .json names "
        "the kind) instead of stdout",
    )
    command.add_argument(
        "--kind",
        choices=tuple(KINDS),
        help="atom (Atom 1.0), rss (RSS 2.0) or json (JSON Feed 1.1); default: by the "
        "output's suffix, atom on stdout",
    )
    command.add_argument("--title", required=True, help="the feed's title")
    command.add_argument("--url", metavar="URL", help="the feed's own address")
    command.add_argument("--link", metavar="URL", help="the site the feed is of")
    command.add_argument("--id", help="the feed's id (default: --url, else one made of the ids)")
    command.add_argument("--subtitle", help="what the feed is about")
    command.add_argument("--language", metavar="TAG", help="the feed's BCP 47 language tag")
    command.add_argument("--author", help="the feed's author (Atom: of briefs naming none)")
    command.add_argument(
        "--newest-first",
        action="store_true",
        help="order the entries newest first, by each brief's updated, else created time "
        "(default: in the order the inputs are named and found)",
    )
    command.set_defaults(handler=_cmd_feed)
