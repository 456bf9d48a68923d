"""Every error briefmodel raises on bad input, and the problems it reports.

A :class:`Problem` is data: a severity, a stable code, a message a person
understands and a location (a JSON Pointer into the canonical JSON, and for text
input a line and column). Validation collects problems into a :class:`Report`;
the exceptions below carry them when an operation cannot go on.

>>> import briefmodel as bm
>>> report = bm.validate('{"schema": "briefmodel/2"}')
>>> report.ok
False
>>> [p.code for p in report.errors][:2]
['schema.required', 'schema.required']
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

import attrs

__all__ = [
    "MAX_PROBLEMS",
    "BriefmodelError",
    "BriefmodelWarning",
    "ModelError",
    "OptionError",
    "ParseError",
    "PatchError",
    "Problem",
    "ProfileError",
    "Report",
    "Severity",
    "ValidationError",
    "WriteError",
    "pointer",
]

Severity = Literal["error", "warning"]


class Invalid(ValueError):
    """A value a structuring hook refuses: the problem code, and where below the value."""

    def __init__(self, code: str, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path


#: How many problems a report, a :class:`ValidationError` or a reader's list of losses
#: holds. Beyond them, one last problem (code ``problems.more``) says how many more there
#: are, so that a document with a million faults is reported as fast as one with a
#: hundred: readers stop describing (and validation stops explaining) what they would
#: not list anyway.
MAX_PROBLEMS = 100
#: The code of the problem that counts the problems not listed.
MORE_CODE = "problems.more"
MORE_MEANING = (
    "More problems than a report lists (MAX_PROBLEMS, 100): how many more, as an error if any "
    'of them is one, else a warning ("at least" when checking stopped early).'
)


def pointer(path: Iterable[str | int]) -> str:
    """Format a path of keys and indexes as a JSON Pointer (RFC 6901).

    >>> pointer(["sections", 0, "title"])
    '/sections/0/title'
    >>> pointer(["extensions", "a/b~c"])
    '/extensions/a~1b~0c'
    """
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with (or worth a look in) a document.

    ``path`` is a JSON Pointer into the canonical JSON form of the brief (``""`` for
    the whole document); ``line`` and ``column`` are set for problems found in text
    (a JSON syntax error, an XML schema error), counted from 1.
    """

    severity: Severity
    code: str
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path or "/"
        if self.line is not None:
            where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
            if self.path:
                where += f" ({self.path})"
        return f"{where}: {self.severity} {self.code}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The problem as plain data, for machine-readable reports."""
        data: dict[str, object] = {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "path": self.path,
        }
        if self.line is not None:
            data["line"] = self.line
        if self.column is not None:
            data["column"] = self.column
        return data


@attrs.frozen(kw_only=True)
class _More(Problem):
    """The last problem of a capped list: how many more errors and warnings there are
    (``exact`` False when checking stopped early, so that there may be more still)."""

    errors: int = 0
    warnings: int = 0
    exact: bool = True


def _more(errors: int, warnings: int, *, exact: bool = True) -> _More:
    count = errors + warnings
    what = "problem" + ("" if count == 1 else "s")
    if exact:
        message = f"and {count} more {what}, not listed (only the first {MAX_PROBLEMS} are)"
    else:
        message = f"and at least {count} more {what}, not listed: checking stopped early"
    return _More(
        severity="error" if errors else "warning",
        code=MORE_CODE,
        message=message,
        errors=errors,
        warnings=warnings,
        exact=exact,
    )


def capped(
    problems: Iterable[Problem], limit: int = MAX_PROBLEMS, *, at_least: int | None = None
) -> list[Problem]:
    """At most ``limit`` of ``problems``, in their order, then one ``problems.more``
    counting the rest (and what earlier ``problems.more`` counted).

    ``at_least`` says that whoever found ``problems`` stopped looking before the end,
    having seen that many: the count then says "at least", and is there even when
    nothing is left out here. When there are too many, errors are listed before
    warnings: the first ``limit`` errors, then as many warnings as there is room for, so
    that a document whose thousand warnings come first still shows its errors.

    >>> listed = capped([Problem(severity="warning", code="w", message="w")] * 3
    ...                 + [Problem(severity="error", code="e", message="e")], limit=2)
    >>> [p.code for p in listed], listed[-1].severity
    (['w', 'e', 'problems.more'], 'warning')
    >>> listed[-1].message
    'and 2 more problems, not listed (only the first 100 are)'
    """
    real: list[Problem] = []
    errors = warnings = 0
    exact = at_least is None
    for problem in problems:
        if type(problem) is _More:
            errors += problem.errors
            warnings += problem.warnings
            exact = exact and problem.exact
        else:
            real.append(problem)
    if len(real) > limit:
        room = limit - sum(p.severity == "error" for p in real)
        kept: list[Problem] = []
        for problem in real:
            if problem.severity == "error":
                if len(kept) < limit:
                    kept.append(problem)
                    continue
                errors += 1
            elif room > 0:
                kept.append(problem)
                room -= 1
            else:
                warnings += 1
        real = kept
    if at_least is not None:  # the rest, as many as were seen: all errors if any is
        unseen = max(at_least - len(real) - errors - warnings, 0 if errors or warnings else 1)
        if errors or any(p.severity == "error" for p in real):
            errors += unseen
        else:
            warnings += unseen
    if errors or warnings:
        real.append(_more(errors, warnings, exact=exact))
    return real


class ProblemLog:
    """Problems gathered one at a time by a reader: the first :data:`MAX_PROBLEMS`
    kept, the rest only counted. :meth:`room` tells a caller whether describing one more
    is worth it, :meth:`skip` counts one without describing it; iterating gives the
    problems kept and then, if any was only counted, a ``problems.more``."""

    __slots__ = ("kept", "unlisted_errors", "unlisted_warnings")

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.unlisted_errors = 0
        self.unlisted_warnings = 0

    def room(self) -> bool:
        return len(self.kept) < MAX_PROBLEMS

    def append(self, problem: Problem) -> None:
        if type(problem) is _More:
            self.unlisted_errors += problem.errors
            self.unlisted_warnings += problem.warnings
        elif len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)
        else:
            self.skip(problem.severity)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def skip(self, severity: Severity, count: int = 1) -> None:
        if severity == "error":
            self.unlisted_errors += count
        else:
            self.unlisted_warnings += count

    def __len__(self) -> int:
        return len(self.kept) + self.unlisted_errors + self.unlisted_warnings

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems())

    def __add__(self, other: Iterable[Problem]) -> list[Problem]:
        return [*self, *other]

    def problems(self) -> list[Problem]:
        """What was gathered: the problems kept, then one ``problems.more`` if any was
        only counted."""
        if not (self.unlisted_errors or self.unlisted_warnings):
            return list(self.kept)
        return [*self.kept, _more(self.unlisted_errors, self.unlisted_warnings)]


def count_problems(problems: Iterable[Problem], severity: Severity | None = None) -> int:
    """How many problems ``problems`` stands for, counting those a ``problems.more``
    counts; only those of ``severity`` when it is given."""
    total = 0
    for problem in problems:
        if type(problem) is _More:
            if severity != "warning":
                total += problem.errors
            if severity != "error":
                total += problem.warnings
        elif severity is None or problem.severity == severity:
            total += 1
    return total


# Report holds the Brief it read, so it lives beside the model, in ._report: the model
# depends on these errors, and these errors not on the model. It is still
# briefmodel.errors.Report: type checkers see the class (and no __getattr__, so a
# misspelt name stays an error); at run time it is imported on first use.
if TYPE_CHECKING:
    from ._report import Report
else:

    def __getattr__(name: str) -> object:
        if name == "Report":
            from ._report import Report

            globals()["Report"] = Report
            return Report
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class BriefmodelError(Exception):
    """Base of every error briefmodel raises on bad input."""


class BriefmodelWarning(UserWarning):
    """Something was read or written as asked, but not as is: for example unknown
    fields kept under ``extensions`` by a lenient reader, or a relative link kept as text.

    ``problems`` are what the warning says, as data (each a warning :class:`Problem` with
    its code and place), when it comes from a reader or a repair.
    """

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = tuple(problems)


class ModelError(BriefmodelError, ValueError):
    """A model object was built with a value its field does not accept.

    Raised by the constructors of the model classes (and :func:`attrs.evolve`), so it
    is also a :class:`ValueError`. ``owner`` names the class, ``path`` the field (and
    index or key) within it, ``code`` the problem code validation reports for it.
    """

    def __init__(self, owner: str, path: tuple[str | int, ...], code: str, message: str) -> None:
        where = owner + "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in path)
        super().__init__(f"{where}: {message}")
        self.owner = owner
        self.path = path
        self.code = code
        self.message = message


class OptionError(BriefmodelError, TypeError, ValueError):
    """An argument a public function does not take: an option it has no such name for, a
    value it does not accept (``strict="yes"``, ``indent=-1``, ``created="2026-01-01"``),
    a format name that is not registered. A mistake in the call, not in a document.

    Raised before anything is read or written. ``option`` names the argument and the
    message says what is accepted. It is also a :class:`TypeError` and a
    :class:`ValueError` (a wrong argument is one or the other), so that code catching those
    goes on working. Like the other errors it carries one :class:`Problem`
    (``option.invalid``, or ``format.unknown`` for a format name).

    >>> import briefmodel as bm
    >>> try:
    ...     bm.loads("# A headline", "markdown", created="2026-01-01")
    ... except bm.OptionError as error:
    ...     print(error.option, "|", error.message[:44])
    created | expected None or a datetime with a time zone
    """

    def __init__(self, option: str, message: str, code: str = "option.invalid") -> None:
        self.option = option
        self.message = message
        self.problem = Problem(severity="error", code=code, message=message)
        super().__init__(f"{option}: {message}")

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem,)


class ParseError(BriefmodelError):
    """Input that is not well-formed, unsafe, or not the format it claims to be."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem,)


class ValidationError(BriefmodelError):
    """A document that was read but breaks the schema or a rule; carries every problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(capped(problems))
        listed = [p for p in self.problems if type(p) is not _More]
        errors = [p for p in listed if p.severity == "error"]
        total = count_problems(self.problems, "error" if errors else None)
        errors = errors or listed
        shown = "\n".join(f"  {p}" for p in errors[:10])
        more = f"\n  … and {total - len(errors[:10])} more" if total > len(errors[:10]) else ""
        count = f"{total} error" + ("s" if total != 1 else "")
        super().__init__(f"invalid brief ({count}):\n{shown}{more}")


def _listed(problems: tuple[Problem, ...]) -> str:
    """The first ten of ``problems``, a line each, then how many more there are."""
    shown = "\n".join(f"  {p}" for p in problems[:10])
    count = count_problems(problems)
    return shown + (f"\n  … and {count - 10} more" if count > 10 else "")


class PatchError(BriefmodelError):
    """A JSON Patch that cannot be applied (:func:`~briefmodel.patch`): an operation that
    is malformed (``patch.malformed``), a path that does not exist (``patch.no-target``),
    a list index out of range (``patch.index``), a ``test`` that fails
    (``patch.test-failed``). Each problem's path points into the list of operations
    (``/2/path``); nothing is applied.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(capped(problems))
        super().__init__(f"the patch cannot be applied:\n{_listed(self.problems)}")


class ProfileError(BriefmodelError):
    """A house-style profile that cannot be used (:class:`~briefmodel.Profile`): TOML that
    does not parse (``profile.syntax``, with its line), or a table, a setting or a value
    it does not take, or a rule it names that no package registers (``profile.invalid``,
    its path the place in the profile: ``/headline/max_words``). Every problem at once;
    ``source`` names the profile (its file).
    """

    def __init__(self, problems: Iterable[Problem], source: str = "the profile") -> None:
        self.problems = tuple(capped(problems))
        self.source = source
        super().__init__(f"{source} cannot be used:\n{_listed(self.problems)}")


class WriteError(BriefmodelError, OSError):
    """A file briefmodel refuses to write: a symbolic link, or a pipe, a socket or a
    device, where the output goes (``output.symlink``, ``output.not-a-file``), or
    an output outside the folder it belongs in (``output.outside``).

    Also an :class:`OSError` (with ``errno``, ``strerror`` and ``filename``), as every
    other failure to write a file is.
    """

    def __init__(self, problem: Problem, filename: str, number: int) -> None:
        super().__init__(number, problem.message, filename)
        self.problem = problem

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem,)

    def __str__(self) -> str:
        return f"{self.problem.code}: {self.problem.message}"


def loss_message(
    what: str,
    problem: str = "has no place in the model",
    instead: tuple[str, str] = ("drops it", "is dropped"),
    *,
    strict: bool,
) -> str:
    """The message of a reader's loss: ``what`` (the thing, with its value) ``problem``,
    and what a lenient reading does ``instead``, said of ``strict=False`` and of itself.

    >>> loss_message("the <script> in <h1>", strict=True)
    'the <script> in <h1> has no place in the model; strict=False drops it with a warning'
    >>> loss_message("the urgency 12", "is not from 1 to 9", strict=False)
    'the urgency 12 is not from 1 to 9 and is dropped'
    """
    if strict:
        return f"{what} {problem}; strict=False {instead[0]} with a warning"
    return f"{what} {problem} and {instead[1]}"


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def warn(message: str, problems: Iterable[Problem] = ()) -> None:
    """Issue a :class:`BriefmodelWarning` that points at the code that called briefmodel
    (the first frame outside the package), however deep inside it the warning arises."""
    level = 2  # (1 is this function; 2, its caller)
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(BriefmodelWarning(message, problems), stacklevel=level)


#: Where what lenient reading repaired or dropped goes while :func:`listening`: a list
#: the caller reads (validation reports it); ``None``, the default, makes it a warning.
_LISTENER: contextvars.ContextVar[list[Problem] | None] = contextvars.ContextVar(
    "briefmodel_listener", default=None
)


@contextlib.contextmanager
def listening() -> Iterator[list[Problem]]:
    """Gather what readers and repairs :func:`tell` into a list, instead of warnings.

    >>> with listening() as heard:
    ...     tell([Problem(severity="warning", code="x.y", message="m", line=3)], "read")
    >>> [(p.code, p.line) for p in heard]
    [('x.y', 3)]
    """
    heard: list[Problem] = []
    token = _LISTENER.set(heard)
    try:
        yield heard
    finally:
        _LISTENER.reset(token)


def tell(
    problems: Iterable[Problem],
    done: str,
    what: tuple[str, str] = ("loss", "losses"),
    *,
    said: str | None = None,
) -> None:
    """Say what a lenient reader did not read as it was (``done`` is what it did: "read",
    "repaired"): to the list of :func:`listening`, else as one :class:`BriefmodelWarning`
    (pointing at the code that called briefmodel) that says ``said``, or by default lists
    the first five (each by its line, else its JSON Pointer) and counts the rest."""
    problems = list(problems)
    if not problems:
        return
    heard = _LISTENER.get()
    if heard is not None:
        heard.extend(problems)
        return
    if said is not None:
        warn(said, problems)
        return
    listed = [p for p in problems if type(p) is not _More]
    total = count_problems(problems)
    shown = "; ".join(
        f"{f'line {p.line}' if p.line is not None else p.path or '/'}: {p.message}"
        for p in listed[:5]
    )
    more = f" (and {total - len(listed[:5])} more)" if total > len(listed[:5]) else ""
    count = f"{total} {what[0] if total == 1 else what[1]}"
    warn(f"{done} with {count}: {shown}{more}", problems)


def settle_losses(losses: Iterable[Problem], *, strict: bool) -> None:
    """What a format's reader does with what it could not hold, once it has read all.

    Reading strictly, the losses are a :class:`ValidationError`. Otherwise they are
    :func:`tell`-ed: one :class:`BriefmodelWarning`, or the list of :func:`listening`.
    """
    losses = list(losses)
    if not losses:
        return
    if strict:
        raise ValidationError(losses)
    tell(losses, "read")
