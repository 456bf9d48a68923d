"""The arguments of the public functions, checked where they come in.

Every public function that reads, writes or validates (``bm.loads``, ``bm.dumps``,
``bm.validate`` …, and the readers and writers of the formats for the options they take)
checks its arguments before it does anything else: a value it does not accept, or an
option it has no use for, is an :class:`~briefmodel.OptionError` that names the argument
and says what is accepted, rather than an ``AttributeError`` from deep inside, or an
option silently ignored.

>>> flag("strict", "yes")
Traceback (most recent call last):
...
briefmodel.errors.OptionError: strict: expected True or False, got str 'yes'
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .errors import OptionError, Problem, ValidationError, pointer

__all__ = [
    "MAX_INDENT",
    "a_brief",
    "choice",
    "created",
    "css",
    "document",
    "flag",
    "format_name",
    "indent",
    "known",
    "optional_text",
    "path",
    "reader",
    "roles",
    "shallow_enough",
    "text",
    "url_schemes",
    "writer",
    "xsd",
    "zone",
]

if TYPE_CHECKING:
    from .model import Brief

F = TypeVar("F", bound=Callable[..., Any])

#: The most spaces ``indent=`` takes: enough to read any nesting, and few enough that a
#: deep brief written indented stays a small multiple of its compact size.
MAX_INDENT = 16


def _got(value: Any) -> str:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"got {type(value).__name__} {shown}"


def flag(name: str, value: Any) -> bool:
    """``value`` if it is ``True`` or ``False``."""
    if type(value) is not bool:
        raise OptionError(name, f"expected True or False, {_got(value)}")
    return value


def indent(value: Any, name: str = "indent") -> int | None:
    """``None`` (compact) or a number of spaces from 0 to :data:`MAX_INDENT`."""
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= MAX_INDENT:
        raise OptionError(
            name, f"expected None or a number of spaces from 0 to {MAX_INDENT}, {_got(value)}"
        )
    return value


def created(value: Any, name: str = "created") -> datetime | None:
    """``None`` or an aware :class:`~datetime.datetime` (one with a ``tzinfo``)."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise OptionError(
            name,
            "expected None or a datetime with a time zone, such as "
            f"datetime(2026, 1, 1, tzinfo=timezone.utc), {_got(value)}",
        )
    if value.utcoffset() is None:
        raise OptionError(
            name,
            "expected a datetime with a time zone, got one without: give it a tzinfo "
            "(for example timezone.utc)",
        )
    return value


def zone(value: Any, name: str = "timezone") -> tzinfo | None:
    """``None`` (UTC), a :class:`~datetime.tzinfo`, or the IANA name of a zone
    (``"Europe/Oslo"``): the zone lenient reading takes date-times without an offset in."""
    if value is None or isinstance(value, tzinfo):
        return value
    if isinstance(value, str):
        import zoneinfo  # (only for a zone given by name)

        try:
            return zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    raise OptionError(
        name,
        "expected None, a tzinfo or the IANA name of a time zone (such as 'Europe/Oslo'), "
        + _got(value),
    )


def text(name: str, value: Any) -> str:
    """A string (what the model makes of it is checked where it is used)."""
    if not isinstance(value, str):
        raise OptionError(name, f"expected a string, {_got(value)}")
    return value


def choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """One of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        shown = ", ".join(repr(c) for c in choices)
        raise OptionError(name, f"expected one of {shown}, {_got(value)}")
    return value


def optional_text(name: str, value: Any) -> str | None:
    """``None`` or a string (what the model makes of it is checked where it is used)."""
    if value is not None and not isinstance(value, str):
        raise OptionError(name, f"expected None or a string, {_got(value)}")
    return value


def roles(value: Any, name: str = "roles") -> Mapping[str, str]:
    """A mapping of strings to strings."""
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise OptionError(
            name, f"expected a mapping of titles to roles (str to str), {_got(value)}"
        )
    return value


def url_schemes(value: Any, name: str = "url_schemes") -> tuple[str, ...]:
    """One scheme name, or an iterable of them; given back as a tuple, so that an
    iterator can be read more than once."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        raise OptionError(
            name, f"expected a scheme name or an iterable of them, like ['https'], {_got(value)}"
        )
    schemes = tuple(value)
    for scheme in schemes:
        if not isinstance(scheme, str):
            raise OptionError(name, f"expected scheme names (strings), {_got(scheme)}")
    return schemes


def css(value: Any) -> str | bool | None:
    """The stylesheet of a page: ``True`` (the bundled one), ``False`` or ``None`` (none),
    or the text of one's own."""
    if value is None or type(value) is bool or isinstance(value, str):
        return value
    raise OptionError(
        "css",
        "expected True (the bundled stylesheet), None or False (none) or a stylesheet's "
        f"text, {_got(value)}",
    )


def format_name(value: Any, *, optional: bool) -> str | None:
    """The name of a format (a string), or ``None`` where the format may be found."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        accepted = "the name of a format" + (", or None to find it" if optional else "")
        raise OptionError(
            "format", f"expected {accepted} (such as 'json'), {_got(value)}", "format.unknown"
        )
    return value


def document(value: Any, name: str = "data") -> str | bytes:
    """A document to read: ``str`` or ``bytes`` (a ``bytearray`` or ``memoryview`` as
    bytes)."""
    if isinstance(value, (str, bytes)):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    hint = ": to read a file, use bm.load" if isinstance(value, os.PathLike) else ""
    raise OptionError(name, f"expected the document as str or bytes, {_got(value)}{hint}")


def path(value: Any, name: str = "path") -> str | os.PathLike[str]:
    """The path of a file: a string or an :class:`os.PathLike` (not a file descriptor)."""
    if not isinstance(value, (str, os.PathLike)):
        raise OptionError(name, f"expected the path of a file (str or Path), {_got(value)}")
    return value


def xsd(value: Any) -> Any:
    """``None``, the path of an XSD file, or an :class:`lxml.etree.XMLSchema`."""
    if value is not None and not isinstance(value, (str, os.PathLike)) and not _xml_schema(value):
        raise OptionError(
            "xsd", f"expected None, the path of an XSD file or an XMLSchema, {_got(value)}"
        )
    return value


def _xml_schema(value: object) -> bool:
    """Whether ``value`` is an :class:`lxml.etree.XMLSchema` (lxml is imported here, for
    an ``xsd=`` given, not with briefmodel)."""
    from lxml import etree

    return isinstance(value, etree.XMLSchema)


def reader(function: F) -> F:
    """A format's ``read(data, *, strict=True, …)`` that first checks its document
    (:func:`document`) and ``strict`` (:func:`flag`); its other options it checks itself."""

    @functools.wraps(function)
    def read(data: Any, *, strict: Any = True, **options: Any) -> Any:
        return function(document(data), strict=flag("strict", strict), **options)

    return cast(F, read)


def writer(function: F) -> F:
    """A format's ``write(brief, **options)`` (or any function of a whole brief) that
    first checks it was given a brief (:func:`a_brief`) that is not deeper than the model
    allows (:func:`shallow_enough`); its options it checks itself."""

    @functools.wraps(function)
    def write(brief: Any, /, **options: Any) -> Any:
        return function(shallow_enough(a_brief(brief)), **options)

    return cast(F, write)


def shallow_enough(brief: Brief) -> Brief:
    """``brief`` if no node of it sits deeper than :data:`~briefmodel.rules.MAX_DEPTH`
    levels, the most any format reads back; else a :class:`~briefmodel.ValidationError`
    (``structure.too-deep``) at the first node too deep. Every writer checks it first, so
    that none writes what no reader takes back (or recurses until Python's limit)."""
    from ._walks import Found, depth_walk, vouched
    from .model.brief import walk
    from .rules import MAX_DEPTH

    if vouched(brief, "shallow"):  # (the rules' first pass found nothing in it)
        return brief
    try:
        depth_walk()(brief, 0)
        return brief
    except Found:
        pass
    where = next(path for path, _ in walk(brief, down_to=MAX_DEPTH) if len(path) > MAX_DEPTH)
    raise ValidationError(
        [
            Problem(
                severity="error",
                code="structure.too-deep",
                message=f"the brief nests deeper than {MAX_DEPTH} levels here, more than "
                "any format reads back: it is not written",
                path=pointer(where),
            )
        ]
    )


def a_brief(value: Any, name: str = "brief") -> Any:
    """``value`` if it is a :class:`~briefmodel.Brief`."""
    from .model import Brief  # (the model imports the errors this module raises)

    if not isinstance(value, Brief):
        raise OptionError(name, f"expected a Brief, {_got(value)}")
    return value


_TAKEN: dict[Callable[..., Any], frozenset[str] | None] = {}


def known(function: Callable[..., Any], options: Mapping[str, Any], whose: str) -> None:
    """Refuse the options that ``function`` (a format's reader or writer) does not take,
    naming those it does; ``whose`` says whose they are (``"the json reader"``).

    >>> def write(brief, *, indent=None): ...
    >>> known(write, {"indnet": 2}, "the json writer")
    Traceback (most recent call last):
    ...
    briefmodel.errors.OptionError: indnet: the json writer takes no such option (it takes indent=)
    """
    if not options:
        return
    if function not in _TAKEN:
        try:
            parameters = list(inspect.signature(function).parameters.values())
        except (TypeError, ValueError):  # pragma: no cover - a callable without a signature
            parameters = []
        takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)
        _TAKEN[function] = (
            None
            if takes_any or not parameters
            else frozenset(p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY)
        )
    taken = _TAKEN[function]
    if taken is None:
        return
    for name in options:
        if name not in taken:
            accepted = ", ".join(f"{n}=" for n in sorted(taken)) or "no options"
            raise OptionError(name, f"{whose} takes no such option (it takes {accepted})")
