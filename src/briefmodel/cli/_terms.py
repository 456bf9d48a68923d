"""Problems in the command line's terms: the library's problems advise Python callers
(``pass format=``, ``strict=False``), and here that advice becomes the option that does
the same (``--from FORMAT``), or goes when no option does."""

from __future__ import annotations

import re

import attrs

from ..errors import OptionError, Problem
from ..formats import formats

#: Python advice in a problem's message, and what the command line says instead.
_ADVICE: tuple[tuple[re.Pattern[str], str], ...] = (
    # "read it with format='json'": the option that names the input format.
    (re.compile(r"\bformat=(['\"]?)(\w+)\1"), r"--from \2"),
    # "strict=False drops it": the command line always reads strictly.
    (re.compile(r"[;,]? *\(?strict=False drops it(?: with a warning)?\)?"), ""),
    (re.compile(r"\bxsd="), "--xsd"),
    # "read it with bm.load_all, which yields each": a JSON Lines file into a folder.
    (
        re.compile(r"read it with bm\.load_all, which yields each"),
        "convert it into a folder (-o DIR/)",
    ),
    # "strict=False removes the control characters": the option that reads leniently.
    (re.compile(r"\bstrict=False\b"), "--lenient"),
)


def cli_problem(problem: Problem) -> Problem:
    """``problem`` with its advice said as command-line options."""
    message = problem.message
    if problem.code == "format.unknown" and "format=" in message:
        # "cannot tell the format of 'x'; pass format= one of …": the first part, then
        # the option to use.
        what = message.split(";", 1)[0]
        message = f"{what}; use --from FORMAT (one of {', '.join(formats())})"
    for pattern, replacement in _ADVICE:
        message = pattern.sub(replacement, message)
    return problem if message == problem.message else attrs.evolve(problem, message=message)


def cli_problems(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """Each of ``problems`` in the command line's terms."""
    return tuple(cli_problem(problem) for problem in problems)


#: The library's arguments that the command line sets, and the option that sets each.
_OPTIONS = {
    "format": "--from",
    "xsd": "--xsd",
    "indent": "--indent",
    "url_schemes": "--url-scheme",
    "strict": "--strict",
    "timezone": "--timezone",
    "max_chars": "--max-chars",
    "overlap": "--overlap",
    **{name: f"--{name}" for name in ("title", "url", "link", "id", "subtitle", "author")},
    "language": "--language",
}


def cli_option(error: OptionError) -> str:
    """An :class:`~briefmodel.OptionError`'s message said of the command-line option that
    gave the argument (``--xsd applies to XML documents …``).

    >>> cli_option(OptionError("xsd", "applies to XML documents, not to json"))
    '--xsd applies to XML documents, not to json'
    """
    flag = _OPTIONS.get(error.option, error.option)
    return cli_text(f"{flag} {error.problem.message}")


def cli_text(message: str) -> str:
    """A library error's message (a :class:`TypeError`'s, say) in the command line's terms."""
    for pattern, replacement in _ADVICE:
        message = pattern.sub(replacement, message)
    return message
