"""The report writers: a problem as a line of the text report (:func:`format_problem`)
or as a GitHub Actions annotation (:func:`format_github`), and the pieces of the summary
and of the JSON report that ``briefmodel validate`` streams."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from ..errors import Problem
from ._terminal import shown_name, shown_text

__all__ = ["format_github", "format_problem"]


def format_problem(name: str, problem: Problem) -> str:
    """One problem as a line of the human report.

    ``FILE:LINE:COLUMN: severity code: message`` when the problem has a line (its
    JSON Pointer, if any, follows the message), else ``FILE: POINTER: severity code:
    message`` (``/`` standing for the whole document). What a terminal would act on
    (line breaks, control characters, ANSI escapes, bidirectional overrides) is shown
    escaped as JSON escapes it, and a file name that holds any as a JSON string, so
    that a document or its name can neither forge a line nor drive the terminal.

    >>> format_problem("a.json", Problem(severity="error", code="parse.syntax",
    ...                message="not valid JSON", line=3, column=7))
    'a.json:3:7: error parse.syntax: not valid JSON'
    >>> format_problem("a.json", Problem(severity="warning", code="section.empty",
    ...                message="the section is empty", path="/sections/0"))
    'a.json: /sections/0: warning section.empty: the section is empty'
    >>> format_problem("a\\nb.json", Problem(severity="error", code="parse.syntax",
    ...                message="not \\x1b[1mJSON"))
    '"a\\\\nb.json": /: error parse.syntax: not \\\\u001b[1mJSON'
    """
    name, code, message = shown_name(name), shown_text(problem.code), shown_text(problem.message)
    path = shown_text(problem.path)
    if problem.line is None:
        return f"{name}: {path or '/'}: {problem.severity} {code}: {message}"
    where = f"{name}:{problem.line}:"
    if problem.column is not None:
        where += f"{problem.column}:"
    line = f"{where} {problem.severity} {code}: {message}"
    if path:
        line += f" (at {path})"
    return line


def _escape_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return shown_text(text)  # what GitHub leaves as it is, escaped as in the text report


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(name: str, problem: Problem) -> str:
    """One problem as a GitHub Actions workflow command, which annotates the file.

    ``::error file=FILE,line=LINE,col=COLUMN,title=CODE::message`` (``::warning`` for a
    warning; no ``line`` when the problem has none). The JSON Pointer, if any, ends the
    message; values are escaped as GitHub asks (``%``, line breaks, and ``:`` and ``,``
    in the properties), and what else a terminal would act on (control characters,
    ANSI escapes, bidirectional overrides) as the text report escapes it.

    >>> format_github("a.json", Problem(severity="error", code="parse.syntax",
    ...               message="not valid JSON", line=3, column=7))
    '::error file=a.json,line=3,col=7,title=parse.syntax::not valid JSON'
    >>> format_github("a.json", Problem(severity="warning", code="section.empty",
    ...               message="the section is empty", path="/sections/0"))
    '::warning file=a.json,title=section.empty::the section is empty (at /sections/0)'
    """
    properties = [f"file={_escape_property(name)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={_escape_property(problem.code)}")
    message = problem.message + (f" (at {problem.path})" if problem.path else "")
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(message)}"


def _print_problems(stream: IO[str], name: str, problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(format_problem(name, problem), file=stream)


#: How many losses of one file ``briefmodel convert`` prints as warnings; the rest are
#: counted on one line (as errors, with ``--strict``, every one is printed).
SHOWN_LOSSES = 5


def _convert_lines(name: str, problems: Iterable[Problem]) -> Iterator[str]:
    """The report lines of one converted file: each problem, except that the losses
    (``*.dropped`` warnings) after the first :data:`SHOWN_LOSSES` are only counted.

    >>> lost = [Problem(severity="warning", code="text.dropped", message=f"field {i} is not "
    ...         "written", path=f"/f{i}") for i in range(7)]
    >>> for line in _convert_lines("a.json", lost):
    ...     print(line)
    a.json: /f0: warning text.dropped: field 0 is not written
    a.json: /f1: warning text.dropped: field 1 is not written
    a.json: /f2: warning text.dropped: field 2 is not written
    a.json: /f3: warning text.dropped: field 3 is not written
    a.json: /f4: warning text.dropped: field 4 is not written
    a.json: … and 2 more losses, 7 in all (--strict lists each one, and writes nothing)
    """
    losses = 0
    for problem in problems:
        if problem.severity == "warning" and problem.code.endswith(".dropped"):
            losses += 1
            if losses > SHOWN_LOSSES:
                continue
        yield format_problem(name, problem)
    if losses > SHOWN_LOSSES:
        more = losses - SHOWN_LOSSES
        yield (
            f"{name}: … and {more} more loss{'' if more == 1 else 'es'}, {losses} in all "
            "(--strict lists each one, and writes nothing)"
        )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _summary(files: int, invalid: int, warnings: int) -> str:
    return f"{_plural(files, 'file')}, {invalid} invalid, {_plural(warnings, 'warning')}"


def _nested(value: object, depth: int) -> str:
    """``value`` as JSON indented by 2, to stand ``depth`` levels deep in a document."""
    return json.dumps(value, indent=2).replace("\n", "\n" + "  " * depth)
