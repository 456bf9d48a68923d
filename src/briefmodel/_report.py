"""The outcome of validation, :class:`Report`: every problem found, and the brief read.

It is re-exported as ``briefmodel.errors.Report`` (and ``briefmodel.Report``); it lives
apart from the errors because it holds a :class:`~briefmodel.Brief`, and the model
depends on the errors.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .errors import Problem, ValidationError
from .model import Brief


@attrs.frozen(kw_only=True)
class Report:
    """The outcome of :func:`briefmodel.validate`: every problem found, in order.

    ``brief`` is the document as a :class:`~briefmodel.Brief` when it could be read
    (it may still carry semantic errors); ``None`` when parsing or structuring failed.
    """

    problems: tuple[Problem, ...] = ()
    brief: Brief | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity ``error``."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity ``warning``."""
        return tuple(p for p in self.problems if p.severity == "warning")

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def raise_for_errors(self) -> None:
        """Raise :class:`ValidationError` carrying the problems if any is an error."""
        if not self.ok:
            raise ValidationError(self.problems)
