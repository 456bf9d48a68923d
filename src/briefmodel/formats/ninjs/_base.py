"""The state of a ninjs document being read (its version, its losses, the errors
found, the fields of the brief) and the small tools the reader's rules share: JSON Pointers
in the document's spelling, typed values, losses and errors."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..._converter import Invalid, json_type_name, parse_datetime
from ..._dates import read_date
from ..._patterns import new_node_id
from ...errors import Problem, ProblemLog, loss_message, pointer
from .._agency import NONE, OBJECT_AS_ARRAY, VALUE_CONVERTED, Fallbacks, assumed, repair
from ._v1 import _from_v1, _is_v1, _is_v2
from ._vocab import _CAMEL, _v2

#: The array properties read, as each version spells them: an object found in their
#: place is read (leniently) as an array of that one object.
_ARRAYS = frozenset(
    {
        "headlines",
        "descriptions",
        "bodies",
        "people",
        "organisations",
        "places",
        "events",
        "objects",
        "subjects",
        "infoSources",
        "infosources",
        "genres",
        "associations",
        "renditions",
    }
)
_V1_ARRAYS = frozenset({"subject", "person", "organisation", "place", "event", "object", "genre"})


def _json_type(value: Any) -> str:
    """How a value is called in JSON terms, with its article: 'a string', 'null'…"""
    return json_type_name(value)


class _ReaderBase:
    """One ninjs document being read: its version, what it has lost, errors found."""

    def __init__(self, doc: dict[str, Any], *, strict: bool, fallbacks: Fallbacks = NONE) -> None:
        self.strict = strict
        #: What the caller gives for what the document does not say (id=, created=…).
        self.fallbacks = fallbacks
        #: Pointer prefixes of the document as read to those of the document as written:
        #: a ninjs 1.x document is read as 2.x, an object as an array of it (leniently).
        self.origin: dict[str, str] = {}
        self.v1 = _is_v1(doc)
        wrapped: dict[str, str] = {}
        if not strict:
            doc, wrapped = _as_arrays(doc, _V1_ARRAYS if self.v1 else _ARRAYS)
        if self.v1:
            doc, self.origin = _from_v1(doc)
            self.origin = {k: _unwrapped(v, wrapped) for k, v in self.origin.items()}
        else:
            self.origin = wrapped
        self.doc = doc
        self.v2 = self.v1 or _is_v2(doc)
        #: The description read as the headline (a document with no headline).
        self.headline_from: int | None = None
        #: Top-level properties already read (a title or slugline read as the headline).
        self.used: set[str] = set()
        self.losses = ProblemLog()
        self.errors = ProblemLog()
        self.unknown: dict[str, Any] = {}
        self.fields: dict[str, Any] = {}
        self.taken: set[str] = set()
        self.id_counters: dict[str, int] = {}  # for new_id
        self.meta: dict[str, Any] = {}
        self.meta_at: int | None = None
        self.own = False
        #: briefmodel's own XHTML body, as read (see :mod:`._unread`).
        self.own_body: Any = None
        #: The index of the body read, if any.
        self.body_at: int | None = None
        for where in wrapped.values():
            self.losses.append(
                repair(
                    OBJECT_AS_ARRAY,
                    "an object where an array is expected is read as an array of that object",
                    path=where,
                )
            )

    @property
    def repairs(self) -> bool:
        """Whether what can be repaired is (other producers' documents, read leniently)."""
        return not self.strict and not self.own

    def repair(self, path: tuple[str | int, ...] | str, code: str, message: str) -> None:
        """Report a repair (a warning with its ``repair.`` code) at ``path`` (3.x names, or
        a JSON Pointer as written)."""
        if self.losses.room():
            where = path if type(path) is str else self.at(*path)
            self.losses.append(repair(code, message, path=where))
        else:
            self.losses.skip("warning")

    # -- reporting and values ----------------------------------------------------------

    def key(self, name: str) -> str:
        return _v2(name) if self.v2 else name

    def at(self, *path: str | int) -> str:
        """The JSON Pointer of a place named by 3.x property names, in the document's
        spelling."""
        if not self.v2:
            where = pointer(path)
        else:
            where = pointer(_v2(p) if type(p) is str and p in _CAMEL.values() else p for p in path)
        return self.in_v1(where) if self.origin else where

    def in_v1(self, where: str) -> str:
        """The pointer, in the document as written, of a place in the document as read
        (a 1.x document is read spelt as 2.x; an object, leniently, as an array)."""
        prefix = where
        while prefix:
            if prefix in self.origin:
                return self.origin[prefix] + where[len(prefix) :]
            prefix = prefix.rpartition("/")[0]
        return where

    def lose(
        self,
        path: tuple[str | int, ...] | str,
        what: str,
        value: Any,
        *,
        keep: bool = True,
        problem: str = "has no place in the model",
        instead: tuple[str, str] = ("drops it", "is dropped"),
    ) -> None:
        """Record a loss at ``path`` (3.x names, or a JSON Pointer as written)."""
        where = path if type(path) is str else self.at(*path)
        if keep and not self.strict:
            self.unknown[where] = value
        if not self.losses.room():  # counted, not described
            self.losses.skip("error" if self.strict else "warning")
            return
        self.losses.append(
            Problem(
                severity="error" if self.strict else "warning",
                code="ninjs.dropped",
                message=loss_message(what, problem, instead, strict=self.strict),
                path=where,
            )
        )

    def fail(self, path: tuple[str | int, ...], code: str, message: str) -> None:
        self.errors.append(
            Problem(severity="error", code=code, message=message, path=self.at(*path))
        )

    def typed(
        self, value: Any, kind: type, path: tuple[str | int, ...], *, convert: bool = True
    ) -> Any:
        """``value`` if it is of ``kind``, else None with a schema.type error; reading
        leniently (and ``convert``), a value that plainly is one of ``kind`` is converted
        with a repair."""
        if type(value) is kind:
            return value
        if kind is int and type(value) is float and value.is_integer():
            return int(value)
        names = {str: "a string", int: "an integer", list: "an array", dict: "an object"}
        if convert and self.repairs:  # a number for a string, a string of digits for a number
            converted = _converted(value, kind)
            if converted is not None:
                message = (
                    f"{_json_type(value)} ({str(value)[:40]}) where ninjs has "
                    f"{names[kind]}: read as {converted!r}"
                )
                self.repair(path, VALUE_CONVERTED, message)
                return converted
        self.fail(path, "schema.type", f"expected {names[kind]}, got {_json_type(value)}")
        return None

    def get(self, obj: dict[str, Any], name: str, kind: type, *path: str | int) -> Any:
        value = obj.get(_v2(name) if self.v2 else name)
        if value is None or type(value) is kind:
            return value
        return self.typed(value, kind, (*path, name))

    def strings(
        self, obj: dict[str, Any], names: tuple[str, ...], path: tuple[str | int, ...]
    ) -> list[Any]:
        """``get(obj, name, str, *path)`` of each of ``names``, in one call."""
        v2 = self.v2
        values = []
        for name in names:
            value = obj.get(_v2(name) if v2 else name)
            if value is not None and type(value) is not str:
                value = self.typed(value, str, (*path, name))
            values.append(value)
        return values

    def text(self, value: str) -> str:
        return value if self.own else " ".join(value.split())

    def time(self, value: Any, *path: str | int) -> datetime | None:
        if self.typed(value, str, path, convert=False) is None:  # (a number is no date)
            return None
        try:
            return parse_datetime(value)
        except Invalid as error:
            if self.repairs:  # any common spelling, what it assumed said
                return self.loose_time(value, path, error)
            self.fail(path, error.code, error.message)
            return None

    def loose_time(
        self, value: str, path: tuple[str | int, ...], error: Invalid
    ) -> datetime | None:
        """``value`` read as a date in any common spelling
        (:func:`~briefmodel._dates.read_date`), what that assumed a repair at ``path``;
        None, and ``error``, if it is no date."""
        reading = read_date(value)
        if reading is None:
            self.fail(path, error.code, error.message)
            return None
        if reading.repair is not None:
            self.repair(path, reading.repair, assumed(reading.repair, value))
        return reading.value

    def build(self, path: tuple[str | int, ...], cls: type, value: Any, **fields: Any) -> Any:
        """``cls(**fields)``, or None with a loss (the model cannot hold the value)."""
        try:
            return cls(**fields)
        except ValueError as error:
            self.lose(path, f"the {cls.__name__.lower()} ({error})", value)
            return None

    def items(self, name: str) -> list[tuple[int, dict[str, Any]]]:
        """The objects of the array property ``name``, each with its index."""
        values = self.get(self.doc, name, list)
        if values is None:
            return []
        found = []
        for index, item in enumerate(values):
            if type(item) is dict or self.typed(item, dict, (name, index)) is not None:
                found.append((index, item))
        return found

    def rest(self, item: dict[str, Any], known: frozenset[str], *path: str | int) -> None:
        """Report the properties of ``item`` that were not read."""
        if not self.v2 and item.keys() <= known:
            return
        for key, value in item.items():
            name = _CAMEL.get(key, key) if self.v2 else key
            if name not in known:
                self.lose(self.at(*path) + pointer((key,)), f"the property {key!r}", value)

    def new_id(self, *candidates: Any) -> str:
        return new_node_id(candidates, self.taken, self.id_counters)


#: A whole number written as a string ("4"), as ninjs numbers are read leniently.
_DIGITS = re.compile(r"[+-]?[0-9]{1,18}")


def _converted(value: Any, kind: type) -> Any:
    """``value`` as the ``kind`` expected when it plainly is one (a number, or an array
    of one string, where a string is expected; a string of digits where an integer is),
    else None."""
    if kind is str and type(value) in (int, float):
        return str(value)
    if kind is str and type(value) is list and len(value) == 1 and type(value[0]) is str:
        return value[0]  # (an array of the one string)
    if kind is int and type(value) is str and _DIGITS.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _as_arrays(doc: dict[str, Any], names: frozenset[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """``doc`` with each object found as the value of an array property of ``names`` made
    an array of it, and the pointer of each such array's item to that of the object."""
    found = [key for key, value in doc.items() if key in names and type(value) is dict]
    if not found:
        return doc, {}
    out = dict(doc)
    wrapped: dict[str, str] = {}
    for key in found:
        out[key] = [doc[key]]
        wrapped[pointer((key, 0))] = pointer((key,))
    return out, wrapped


def _unwrapped(where: str, wrapped: dict[str, str]) -> str:
    """``where``, a pointer into a document whose objects were made arrays, in the
    document as written."""
    for inner, outer in wrapped.items():
        if where == inner or where.startswith(inner + "/"):
            return outer + where[len(inner) :]
    return where
