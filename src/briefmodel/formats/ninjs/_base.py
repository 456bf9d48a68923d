"""The state of a ninjs document being read (its version, its losses, the errors
found, the fields of the brief) and the small tools the reader's rules share: JSON Pointers
in the document's spelling, typed values, losses and errors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..._converter import Invalid, json_type_name, parse_datetime
from ..._patterns import new_node_id
from ...errors import Problem, ProblemLog, loss_message, pointer
from ._v1 import _from_v1, _is_v1, _is_v2
from ._vocab import _CAMEL, _v2


def _json_type(value: Any) -> str:
    """How a value is called in JSON terms, with its article: 'a string', 'null'…"""
    return json_type_name(value)


class _ReaderBase:
    """One ninjs document being read: its version, what it has lost, errors found."""

    def __init__(self, doc: dict[str, Any], *, strict: bool) -> None:
        self.strict = strict
        #: For a ninjs 1.x document (read as 2.x): 2.x pointer prefixes to 1.x pointers.
        self.origin: dict[str, str] = {}
        self.v1 = _is_v1(doc)
        if self.v1:
            doc, self.origin = _from_v1(doc)
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

    # -- reporting and values ----------------------------------------------------------

    def key(self, name: str) -> str:
        return _v2(name) if self.v2 else name

    def at(self, *path: str | int) -> str:
        """The JSON Pointer of a place named by 3.x property names, in the document's
        spelling."""
        if not self.v2:
            return pointer(path)
        where = pointer(_v2(p) if type(p) is str and p in _CAMEL.values() else p for p in path)
        return self.in_v1(where) if self.origin else where

    def in_v1(self, where: str) -> str:
        """The 1.x pointer of a place in the document as read (spelt as 2.x)."""
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

    def typed(self, value: Any, kind: type, path: tuple[str | int, ...]) -> Any:
        """``value`` if it is of ``kind``, else None with a schema.type error."""
        if type(value) is kind:
            return value
        if kind is int and type(value) is float and value.is_integer():
            return int(value)
        names = {str: "a string", int: "an integer", list: "an array", dict: "an object"}
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
        if self.typed(value, str, path) is None:
            return None
        try:
            return parse_datetime(value)
        except Invalid as error:
            self.fail(path, error.code, error.message)
            return None

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
