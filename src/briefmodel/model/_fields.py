"""The validators and converters of the model's fields, each raising
:class:`~briefmodel.ModelError` naming ``Class.field``, what the field accepts and what it
was given (``ItemList.items: expected a list of items …, got the str 'abc'``), and the
resolution of field types."""

from __future__ import annotations

import reprlib
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import attrs

from .. import _patterns
from .._patterns import Shape
from ..errors import ModelError
from .frozen import FrozenMap, JsonValue, freeze_json

# --------------------------------------------------------------------------------------
# How a message names what was given and what is accepted. Every message reads
# "expected WHAT, got WHAT": the type too when the type is wrong ("the str 'abc'"), the
# value alone when only the value is ("'abc'"), always short.

_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 80
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4
_SHORT.maxlevel = 2


def _digits(value: int) -> str:
    # str() refuses ints of more than 4300 digits; 14,000 bits are about 4,200 digits.
    return str(len(str(abs(value)))) if value.bit_length() < 14_000 else "thousands of"


def shown(value: Any) -> str:
    """A value as a message shows it, cut short (a long string, a huge number)."""
    if type(value) is int and abs(value) >= 10**30:
        return f"a number of {_digits(value)} digits"
    if attrs.has(type(value)):
        return _a(type(value).__name__)
    return _SHORT.repr(value)


def got(value: Any) -> str:
    """What a message says was given, when its type is wrong: ``the str 'abc'``, ``None``,
    ``True``, ``a Paragraph``."""
    kind = type(value)
    if value is None or kind is bool or attrs.has(kind):
        return shown(value)
    if kind is int and abs(value) >= 10**30:
        return f"an int of {_digits(value)} digits"
    return f"the {kind.__name__} {shown(value)}"


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _either(names: Iterable[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _refuse(
    inst: object,
    attribute: attrs.Attribute[Any],
    code: str,
    expected: str,
    given: str,
    *more: str | int,
    then: str = "",
) -> ModelError:
    """The error of a field ``attribute`` of ``inst`` (or of an item or key ``more``)."""
    message = f"expected {expected}, got {given}{then}"
    return ModelError(type(inst).__name__, (attribute.name, *more), code, message)


# --------------------------------------------------------------------------------------
# Field validators. Each raises ModelError naming Class.field.


def _text(shape: Shape | None = None, *, optional: bool = False) -> Callable[..., None]:
    kinds = shape.description if shape is not None else "a str"
    kinds += ", or None" if optional and shape is not None else " or None" if optional else ""

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not str:
            if value is None and optional:
                return
            raise _refuse(inst, attribute, "schema.type", kinds, got(value))
        if shape is None:
            if not value:
                raise _refuse(inst, attribute, "schema.min-length", "a non-empty str", "''")
        elif shape.regex.match(value) is None:
            raise _refuse(inst, attribute, shape.code, shape.description, shown(value))

    return check


def _int(low: int, high: int | None = None, *, optional: bool = False) -> Callable[..., None]:
    bound = f"from {low} to {high}" if high is not None else f"of at least {low}"
    wanted = f"an int {bound}" + (" or None" if optional else "")

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int:
            if value is None and optional:
                return
            raise _refuse(inst, attribute, "schema.type", wanted, got(value))
        if value < low or (high is not None and value > high):
            code = "schema.minimum" if value < low else "schema.maximum"
            raise _refuse(inst, attribute, code, f"an int {bound}", shown(value))

    return check


def _one_of(values: tuple[str, ...], *, optional: bool = False) -> Callable[..., None]:
    allowed = frozenset(values)
    wanted = ("None or " if optional else "") + "one of " + ", ".join(map(repr, values))

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if type(value) is not str or value not in allowed:
            given = shown(value) if type(value) is str else got(value)
            raise _refuse(inst, attribute, "schema.enum", wanted, given)

    return check


def _aware(*, optional: bool = False) -> Callable[..., None]:
    wanted = "an aware datetime" + (" or None" if optional else "")

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, datetime):
            hint = "; parse it first (datetime.fromisoformat)" if type(value) is str else ""
            raise _refuse(inst, attribute, "schema.type", wanted, got(value), then=hint)
        offset = value.utcoffset() if value.tzinfo is not None else None
        if offset is None:
            raise _refuse(
                inst,
                attribute,
                "datetime.naive",
                "an aware datetime",
                str(value),
                then=", which has no time zone; give it a tzinfo (for example timezone.utc)",
            )
        try:
            value.astimezone(timezone.utc)
        except OverflowError:
            raise _refuse(
                inst,
                attribute,
                "datetime.invalid",
                "a datetime within the years 1 to 9999 in UTC",
                str(value),
                then=", which falls outside them",
            ) from None
        if offset.seconds % 60 or offset.microseconds:
            raise _refuse(
                inst,
                attribute,
                "datetime.invalid",
                "a UTC offset of whole minutes (RFC 3339, and so JSON and XML, cannot write "
                "seconds)",
                f"the offset {offset}",
            )

    return check


def _bool(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not bool:
        raise _refuse(inst, attribute, "schema.type", "True or False", got(value))


def _one(cls: type) -> Callable[..., None]:
    """Validator: an instance of ``cls``, or None."""
    wanted = f"{_a(cls.__name__)} or None"

    def check(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and type(value) is not cls:
            raise _refuse(inst, attribute, "schema.type", wanted, got(value))

    return check


def _of(*classes: type) -> Callable[..., None]:
    """Validator: every element of the tuple is an instance of one of ``classes``."""
    wanted = _a(_either(c.__name__ for c in classes))

    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if type(item) not in classes:
                raise _refuse(inst, attribute, "schema.type", wanted, got(item), index)

    return check


def _not_empty(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        (item,) = typing.get_args(attribute.type)[:1] or (object,)
        raise _refuse(inst, attribute, "schema.min-items", f"at least one {item.__name__}", "none")


def _strings(shape: Shape | None = None) -> Callable[..., None]:
    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if type(item) is not str:
                code, wanted, given = "schema.type", "a str", got(item)
            elif shape is not None and not shape.regex.match(item):
                code, wanted, given = shape.code, shape.description, shown(item)
            elif not item:
                code, wanted, given = "schema.min-length", "a non-empty str", "''"
            else:
                continue
            raise _refuse(inst, attribute, code, wanted, given, index)

    return check


def _strings_of(values: tuple[str, ...]) -> Callable[..., None]:
    """Validator: every element of the tuple is one of ``values``."""
    allowed = frozenset(values)
    wanted = "one of " + ", ".join(map(repr, values))

    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if type(item) is not str or item not in allowed:
                given = shown(item) if type(item) is str else got(item)
                code = "schema.enum" if type(item) is str else "schema.type"
                raise _refuse(inst, attribute, code, wanted, given, index)

    return check


def _check_extensions(inst: object, attribute: attrs.Attribute[Any], value: FrozenMap[Any]) -> None:
    shape = _patterns.EXTENSION_KEY
    for key in value:
        if not shape.regex.match(key):
            raise _refuse(inst, attribute, shape.code, shape.description, shown(key), key)


def _check_identifiers(
    inst: object, attribute: attrs.Attribute[Any], value: FrozenMap[Any]
) -> None:
    shape = _patterns.SCHEME_NAME
    for key, item in value.items():
        if type(key) is not str or not shape.regex.match(key):
            given = shown(key) if type(key) is str else got(key)
            raise _refuse(inst, attribute, shape.code, shape.description, given, key)
        if type(item) is not str or not item:
            code = "schema.type" if type(item) is not str else "schema.min-length"
            raise _refuse(inst, attribute, code, "a non-empty str", got(item), key)


# --------------------------------------------------------------------------------------
# Field converters. They take the instance and the field (attrs.Converter) so that their
# errors name them; type checkers see each as the plain function of the value it is.


def _sequence(value: Any) -> tuple[Any, ...] | None:
    """``value`` as a tuple, or None if it is not a sequence (a str is not one here)."""
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[no-any-return]
    if kind is list:  # the common case, before the slower checks below
        return tuple(value)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return None
    return tuple(value)


def _list_of(attribute: attrs.Attribute[Any]) -> str:
    """What a tuple field accepts, said from its type: ``a list of Agent``."""
    (item,) = typing.get_args(attribute.type)[:1] or (object,)
    names = [t.__name__ for t in typing.get_args(item)] or [getattr(item, "__name__", "item")]
    return f"a list of {_either(names)}"


def _to_tuple(value: Any, inst: object, attribute: attrs.Attribute[Any]) -> tuple[Any, ...]:
    converted = _sequence(value)
    if converted is None:
        raise _refuse(inst, attribute, "schema.type", _list_of(attribute), got(value))
    return converted


def _to_string_tuple(value: Any, inst: object, attribute: attrs.Attribute[Any]) -> tuple[Any, ...]:
    """A tuple of strings; a single string is taken as a one-element list."""
    if type(value) is str:
        return (value,)
    converted = _sequence(value)
    if converted is None:
        raise _refuse(inst, attribute, "schema.type", "a list of str, or one str", got(value))
    return converted


def _to_extensions(
    value: Any, inst: object, attribute: attrs.Attribute[Any]
) -> FrozenMap[JsonValue]:
    if type(value) is FrozenMap:
        return value
    if not isinstance(value, Mapping):
        wanted = "a mapping of namespaced keys to JSON values"
        raise _refuse(inst, attribute, "schema.type", wanted, got(value))
    frozen = freeze_json(value, f"{type(inst).__name__}.{attribute.name}")
    assert isinstance(frozen, FrozenMap)
    return frozen


def _to_identifiers(value: Any, inst: object, attribute: attrs.Attribute[Any]) -> FrozenMap[str]:
    if type(value) is FrozenMap:
        return value
    if not isinstance(value, Mapping):
        raise _refuse(
            inst, attribute, "schema.type", "a mapping of scheme names to str", got(value)
        )
    return FrozenMap(value)


if TYPE_CHECKING:

    def _tuple(value: Any) -> tuple[Any, ...]: ...
    def _string_tuple(value: Any) -> tuple[Any, ...]: ...
    def _extensions(value: Any) -> FrozenMap[JsonValue]: ...
    def _identifiers(value: Any) -> FrozenMap[str]: ...

else:
    _tuple = attrs.Converter(_to_tuple, takes_self=True, takes_field=True)
    _string_tuple = attrs.Converter(_to_string_tuple, takes_self=True, takes_field=True)
    _extensions = attrs.Converter(_to_extensions, takes_self=True, takes_field=True)
    _identifiers = attrs.Converter(_to_identifiers, takes_self=True, takes_field=True)


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
