"""Every error briefmodel raises on bad input, and the problems it reports.

A :class:`Problem` is data: a severity, a stable code, a message a person
understands and a location (a JSON Pointer into the canonical JSON, and for text
input a line and column). Validation collects problems into a :class:`Report`;
the exceptions below carry them when an operation cannot go on.

>>> import briefmodel as bm
>>> report = bm.validate('{"schema": "briefmodel/1"}')
>>> report.ok
False
>>> [p.code for p in report.errors][:2]
['schema.required', 'schema.required']
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

__all__ = [
    "BriefmodelError",
    "BriefmodelWarning",
    "ModelError",
    "ParseError",
    "Problem",
    "Report",
    "Severity",
    "ValidationError",
    "WriteError",
    "pointer",
]

Severity = Literal["error", "warning"]


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
    fields kept under ``extensions`` by a lenient reader."""


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
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.severity == "error"] or list(self.problems)
        shown = "\n".join(f"  {p}" for p in errors[:10])
        more = f"\n  … and {len(errors) - 10} more" if len(errors) > 10 else ""
        count = f"{len(errors)} error" + ("s" if len(errors) != 1 else "")
        super().__init__(f"invalid brief ({count}):\n{shown}{more}")


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


def settle_losses(losses: list[Problem], *, strict: bool, stacklevel: int) -> None:
    """What a format's reader does with what it could not hold, once it has read all.

    Reading strictly, the losses are a :class:`ValidationError`. Otherwise they are one
    :class:`BriefmodelWarning` listing the first five (each by its line, else its JSON
    Pointer) and counting the rest; ``stacklevel`` is :func:`warnings.warn`'s, counted
    from the caller, so that the warning points at the code that called ``bm.loads``.
    """
    if not losses:
        return
    if strict:
        raise ValidationError(losses)
    shown = "; ".join(
        f"{f'line {p.line}' if p.line is not None else p.path or '/'}: {p.message}"
        for p in losses[:5]
    )
    more = f" (and {len(losses) - 5} more)" if len(losses) > 5 else ""
    count = f"{len(losses)} loss" + ("" if len(losses) == 1 else "es")
    warnings.warn(BriefmodelWarning(f"read with {count}: {shown}{more}"), stacklevel=stacklevel + 1)
