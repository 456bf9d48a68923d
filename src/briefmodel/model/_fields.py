"""The validators and converters of the model's fields, each raising
:class:`~briefmodel.ModelError` naming ``Class.field``, and the resolution of field types."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

import attrs

from .. import _patterns
from .._patterns import Shape
from ..errors import ModelError
from .frozen import FrozenMap, JsonValue, freeze_json

# --------------------------------------------------------------------------------------
# Field validators and converters. Each raises ModelError naming Class.field.


def _fail(
    inst: object,
    attribute: attrs.Attribute[Any],
    code: str,
    message: str,
    *more: str | int,
) -> ModelError:
    return ModelError(type(inst).__name__, (attribute.name, *more), code, message)


def _text(shape: Shape | None = None, *, optional: bool = False) -> Callable[..., None]:
    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not str:
            if value is None and optional:
                return
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "schema.type",
                f"expected a string, got {type(value).__name__}",
            )
        if shape is None:
            if not value:
                raise ModelError(
                    type(inst).__name__,
                    (attribute.name,),
                    "schema.min-length",
                    "must not be empty",
                )
        elif shape.regex.match(value) is None:
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                shape.code,
                f"{value[:80]!r} is not {shape.description}",
            )

    return check


def _int(low: int, high: int | None = None, *, optional: bool = False) -> Callable[..., None]:
    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int:
            if value is None and optional:
                return
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "schema.type",
                f"expected an integer, got {type(value).__name__}",
            )
        if value < low or (high is not None and value > high):
            bound = f"from {low} to {high}" if high is not None else f"at least {low}"
            shown = str(value) if abs(value) < 10**30 else "the number"
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "schema.minimum" if value < low else "schema.maximum",
                f"{shown} is not {bound}",
            )

    return check


def _one_of(values: tuple[str, ...], *, optional: bool = False) -> Callable[..., None]:
    allowed = frozenset(values)

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if type(value) is not str or value not in allowed:
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "schema.enum",
                f"{value!r} is not one of {', '.join(values)}",
            )

    return check


def _aware(*, optional: bool = False) -> Callable[..., None]:
    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, datetime):
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "schema.type",
                f"expected a datetime, got {type(value).__name__}",
            )
        offset = value.utcoffset() if value.tzinfo is not None else None
        if offset is None:
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "datetime.naive",
                "the datetime has no time zone; give it a tzinfo (for example timezone.utc)",
            )
        try:
            value.astimezone(timezone.utc)
        except OverflowError:
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "datetime.invalid",
                "the date-time falls outside the years 1 to 9999 in UTC",
            ) from None
        if offset.seconds % 60 or offset.microseconds:
            raise ModelError(
                type(inst).__name__,
                (attribute.name,),
                "datetime.invalid",
                f"the UTC offset {offset} is not a whole number of minutes, which RFC 3339 "
                "(and so JSON and XML) cannot write",
            )

    return check


def _bool(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not bool:
        raise ModelError(
            type(inst).__name__,
            (attribute.name,),
            "schema.type",
            f"expected True or False, got {value!r}",
        )


def _tuple(value: Any) -> tuple[Any, ...]:
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[no-any-return]
    if kind is list:  # the common case, before the slower checks below
        return tuple(value)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ModelError(
            "sequence",
            (),
            "schema.type",
            f"expected a list or tuple, got {type(value).__name__}",
        )
    return tuple(value)


def _of(*classes: type) -> Callable[..., None]:
    """Validator: every element of the tuple is an instance of one of ``classes``."""
    names = " or ".join(c.__name__ for c in classes)

    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if type(item) not in classes:
                raise ModelError(
                    type(inst).__name__,
                    (attribute.name, index),
                    "schema.type",
                    f"expected {names}, got {type(item).__name__}",
                )

    return check


def _not_empty(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        raise ModelError(
            type(inst).__name__,
            (attribute.name,),
            "schema.min-items",
            "needs at least one item",
        )


def _strings(shape: Shape | None = None) -> Callable[..., None]:
    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if type(item) is not str:
                code, message = "schema.type", f"expected a string, got {type(item).__name__}"
            elif shape is not None and not shape.regex.match(item):
                code, message = shape.code, f"{item[:80]!r} is not {shape.description}"
            elif not item:
                code, message = "schema.min-length", "must not be empty"
            else:
                continue
            raise ModelError(type(inst).__name__, (attribute.name, index), code, message)

    return check


def _string_tuple(value: Any) -> tuple[Any, ...]:
    """A tuple of strings; a single string is taken as a one-element list."""
    if type(value) is str:
        return (value,)
    return _tuple(value)


def _extensions(value: Any) -> FrozenMap[JsonValue]:
    if type(value) is FrozenMap:
        return value
    if not isinstance(value, Mapping):
        raise ModelError("Brief", ("extensions",), "schema.type", "expected a mapping")
    frozen = freeze_json(value, "Brief.extensions")
    assert isinstance(frozen, FrozenMap)
    return frozen


def _identifiers(value: Any) -> FrozenMap[str]:
    if type(value) is FrozenMap:
        return value
    if not isinstance(value, Mapping):
        raise ModelError("Entity", ("identifiers",), "schema.type", "expected a mapping")
    return FrozenMap(value)


def _check_extensions(inst: object, attribute: attrs.Attribute[Any], value: FrozenMap[Any]) -> None:
    for key in value:
        if not _patterns.EXTENSION_KEY.regex.match(key):
            raise ModelError(
                type(inst).__name__,
                (attribute.name, key),
                _patterns.EXTENSION_KEY.code,
                f"{key!r} is not {_patterns.EXTENSION_KEY.description}",
            )


def _check_identifiers(
    inst: object, attribute: attrs.Attribute[Any], value: FrozenMap[Any]
) -> None:
    for key, item in value.items():
        if not _patterns.SCHEME_NAME.regex.match(key):
            raise ModelError(
                type(inst).__name__,
                (attribute.name, key),
                _patterns.SCHEME_NAME.code,
                f"{key!r} is not {_patterns.SCHEME_NAME.description}",
            )
        if type(item) is not str or not item:
            raise ModelError(
                type(inst).__name__,
                (attribute.name, key),
                "schema.type" if type(item) is not str else "schema.min-length",
                "expected a non-empty string",
            )


def _resolve(namespace: dict[str, Any]) -> None:
    """Resolve the field types of the attrs classes defined in a module's ``namespace``.

    With ``from __future__ import annotations`` every field type is a string; the rules
    and the converter need them as types. Each model module calls this last, with its
    ``globals()``: annotations resolve in the module that defines the class, so every name
    a field's annotation mentions must be imported there.
    """
    for obj in list(namespace.values()):
        if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == namespace["__name__"]:
            attrs.resolve_types(obj, namespace)
