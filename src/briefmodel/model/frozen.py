"""Immutable JSON values: :class:`FrozenMap`, :data:`JsonValue`, :func:`freeze_json` and
its inverse :func:`thaw`.

They hold a brief's ``extensions`` and an entity's ``identifiers``, so that a brief stays
hashable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar, Union

from ..errors import ModelError

T = TypeVar("T")


class FrozenMap(Mapping[str, T]):
    """An immutable, hashable mapping with its keys in sorted order.

    Used for :attr:`Brief.extensions` and :attr:`Entity.identifiers`, so that a brief
    stays hashable and its JSON is the same whatever order the keys were given in.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, T] | Iterable[tuple[str, T]] = ()) -> None:
        items = dict(data)
        self._data: dict[str, T] = {k: items[k] for k in sorted(items)}
        self._hash: int | None = None

    def __getitem__(self, key: str) -> T:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[type[FrozenMap[T]], tuple[dict[str, T]]]:
        return (type(self), (self._data,))


JsonValue = Union[str, int, float, bool, None, tuple["JsonValue", ...], FrozenMap["JsonValue"]]

#: The largest number a brief holds, 2**53 - 1: every integer up to it is exact in every
#: JSON reader (JavaScript's, and every one that reads numbers as doubles). Every number
#: of a brief (its version, the numbers in its extensions) lies within ±MAX_NUMBER.
MAX_NUMBER = 2**53 - 1


def number_problem(value: int | float) -> tuple[str, str] | None:
    """The code and message for a number a brief cannot hold; None for one it can."""
    if type(value) is float and not math.isfinite(value):
        return "parse.non-finite-number", f"{value!r} is not a finite number"
    if -MAX_NUMBER <= value <= MAX_NUMBER:
        return None
    shown = repr(value) if abs(value) < 10**30 else "the number"
    return (
        "schema.maximum" if value > 0 else "schema.minimum",
        f"{shown} is beyond ±{MAX_NUMBER:,} (2^53 - 1), where JSON readers stop agreeing",
    )


def freeze_json(value: Any, where: str = "value") -> JsonValue:
    """Turn a JSON value (dicts, lists, scalars) into its immutable form; every number
    within ±:data:`MAX_NUMBER`.

    ``where`` names the value in errors (``Brief.extensions['acme:desk']``).
    """
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value  # type: ignore[no-any-return]
    if kind is int or kind is float:
        problem = number_problem(value)
        if problem is not None:
            raise ModelError(where, (), *problem)
        return value  # type: ignore[no-any-return]
    if isinstance(value, Mapping):
        for key in value:
            if type(key) is not str:
                raise ModelError(
                    where, (), "schema.type", f"expected str keys, got the key {key!r:.80}"
                )
        return FrozenMap({k: freeze_json(v, f"{where}[{k!r}]") for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze_json(v, f"{where}[{i}]") for i, v in enumerate(value))
    raise ModelError(
        where,
        (),
        "schema.type",
        f"expected a JSON value (a str, int, float, bool, None, list or dict), "
        f"got the {kind.__name__} {value!r:.80}",
    )


def thaw(value: Any) -> Any:
    """A JSON value as the model holds it (frozen maps, tuples) as plain JSON data (dicts,
    lists): the inverse of :func:`freeze_json`, for the writers."""
    kind = type(value)
    if kind is FrozenMap:
        return {k: thaw(v) for k, v in value._data.items()}
    if kind is tuple:
        return [thaw(v) for v in value]
    return value


def holds_float(value: Any) -> bool:
    """Whether a JSON value as the model holds it has a float in it (the json module and
    orjson write floats differently: ``1e-05``, ``0.00001``)."""
    kind = type(value)
    if kind is float:
        return True
    if kind is tuple:
        return any(holds_float(item) for item in value)
    return kind is FrozenMap and any(holds_float(item) for item in value._data.values())
