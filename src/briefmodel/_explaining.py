"""What one explanation of a document that failed to structure has seen, so that
explaining it costs time in proportion to the document and its faults, not more.

Explaining a document runs the converter with detailed validation and then the JSON
Schema validator, which is slow (tens of microseconds a node). The converter's hooks
record in an :class:`Explaining` the objects and arrays that failed; the validator then
looks only there (:mod:`briefmodel._schema` skips a model object that structured, and
the items of an array that did), since the converter accepts exactly what the schema
accepts. The same record holds the budget: once ``limit`` failures are found, the hooks
stop structuring what is left (raising :class:`NotExamined`), and the explanation says
that it stopped early.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

__all__ = ["CURRENT", "Explaining", "NotExamined", "explaining", "items_with_notes", "watched"]

T = TypeVar("T")


class NotExamined(Exception):
    """A value the converter did not structure: the explanation's budget ran out."""


class Explaining:
    """One explanation: the ``id`` of every object and array that failed to structure
    (``failed``), the failures counted, and whether the budget of ``limit`` failures
    ran out (``stopped``).

    With an object, ``failed`` holds the arrays it holds: its constructor checks their
    items (the shapes of keywords, say), and may not have run. Only the first ``detail``
    failures are recorded so, and every object and array around one of them: the
    validator explains those, the rest are counted (``complete`` is then False).
    """

    __slots__ = ("detail", "failed", "failures", "limit", "stopped")

    def __init__(self, limit: int | None, detail: int | None) -> None:
        self.failed: set[int] = set()
        self.failures = 0
        self.limit = limit
        self.detail = detail
        self.stopped = False

    @property
    def complete(self) -> bool:
        """Whether every failure was recorded for the validator to explain."""
        return self.detail is None or self.failures <= self.detail

    def recording(self) -> tuple[int, int]:
        """What :meth:`failed_object` and :meth:`failed_array` compare with, taken
        before structuring a value."""
        return self.failures, len(self.failed)

    def failed_object(self, value: Any, error: BaseException, before: tuple[int, int]) -> None:
        """Record that structuring ``value`` (an object) raised ``error``."""
        if isinstance(error, ClassValidationError):
            self.count(sum(not isinstance(e, _GROUPS) for e in error.exceptions))  # leaves
        elif not isinstance(error, NotExamined):
            self.count(1)
        if self._records(before):
            self.failed.add(id(value))
            if type(value) is dict:
                for item in value.values():
                    if type(item) is list:
                        self.failed.add(id(item))

    def failed_array(self, value: list[Any], before: tuple[int, int]) -> None:
        """Record that an item of ``value`` failed (its failures counted already)."""
        if self._records(before):
            self.failed.add(id(value))

    def _records(self, before: tuple[int, int]) -> bool:
        # Around a failure recorded (the validator must reach it), or among the first.
        failures, recorded = before
        return len(self.failed) > recorded or self.detail is None or failures < self.detail

    def count(self, failures: int) -> None:
        self.failures += failures
        if self.limit is not None and self.failures >= self.limit:
            self.stopped = True


_GROUPS = (ClassValidationError, IterableValidationError, NotExamined)

#: The explanation under way in this context, if any (the converters' hooks consult it).
CURRENT: ContextVar[Explaining | None] = ContextVar("briefmodel_explaining", default=None)


@contextmanager
def explaining(limit: int | None, detail: int | None = None) -> Iterator[Explaining]:
    """Record what the explaining converter meets while the ``with`` block runs: every
    failure, or with ``limit`` until that many are found, the first ``detail`` of them
    for the validator to explain."""
    state = Explaining(limit, detail)
    token = CURRENT.set(state)
    try:
        yield state
    finally:
        CURRENT.reset(token)


# --------------------------------------------------------------------------------------
# The hooks of the explaining converter that record what fails


def items_with_notes(values: list[Any], each: Callable[[Any], Any], type_: Any) -> tuple[Any, ...]:
    """Structure every item, collecting failures with their index (detailed validation),
    until the explanation under way has seen enough (:mod:`briefmodel._explaining`)."""
    out = []
    errors: list[Exception] = []
    state = CURRENT.get()
    before = state.recording() if state is not None else (0, 0)
    for index, value in enumerate(values):
        if state is not None and state.stopped:
            errors.append(NotExamined())
            break
        counted = state.failures if state is not None else 0
        try:
            out.append(each(value))
        except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
            error.__notes__ = [  # type: ignore[attr-defined]  # Python 3.10 has no add_note
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring item @ index {index}", index, type_),
            ]
            errors.append(error)
            if state is not None and state.failures == counted:  # a value, not an object
                state.count(1)
    if errors:
        if state is not None:
            state.failed_array(values, before)
        raise IterableValidationError("While structuring rich text", errors, type_)
    return tuple(out)


def watched(structure: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    """A structuring hook of the explaining converter that records what fails in the
    explanation under way, and structures nothing once it has seen enough."""

    def watching(value: Any, type_: Any) -> T:
        state = CURRENT.get()
        if state is None:
            return structure(value, type_)
        if state.stopped:
            raise NotExamined()
        before = state.recording()
        try:
            return structure(value, type_)
        except Exception as error:
            state.failed_object(value, error, before)
            raise

    return watching
