"""The briefing document model.

Every class is a frozen, slotted, keyword-only attrs class: a brief is an immutable
value that is safe to share between threads, to hash and to cache; change one with
:func:`attrs.evolve`. Building one by hand is meant to be pleasant: lists are accepted
wherever tuples are stored, and a plain ``str`` wherever rich text is expected.

>>> from datetime import datetime, timezone
>>> import briefmodel as bm
>>> brief = bm.Brief(
...     id="urn:example:brief:1",
...     headline="Harbour Talks Settle Pilot Fees",
...     created=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
...     sections=[bm.Section(role="key-points", blocks=[
...         bm.ItemList(items=["Fees fall by a tenth", "Talks end early"]),
...     ])],
... )
>>> [bm.plain_text(item.content) for item in brief.key_points]
['Fees fall by a tenth', 'Talks end early']
>>> brief.word_count
13

Field values are checked when an object is built; a value a field cannot hold raises
:class:`~briefmodel.ModelError`. Rules that relate fields to each other (references,
unique ids, URL schemes, XML-safe text) are checked by :func:`briefmodel.validate`.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import Any, Literal, TypeAlias, TypeVar, Union

import attrs

from .. import _patterns
from .._patterns import Shape
from ..errors import ModelError

__all__ = [
    "Agent",
    "Block",
    "Brief",
    "Citation",
    "Code",
    "Confidence",
    "Correction",
    "Emphasis",
    "Entity",
    "EntityKind",
    "Figure",
    "FrozenMap",
    "Inline",
    "ItemList",
    "JsonValue",
    "Judgment",
    "Likelihood",
    "LineBreak",
    "Link",
    "ListItem",
    "Mention",
    "Paragraph",
    "Quote",
    "Related",
    "RichText",
    "Rights",
    "Section",
    "Signal",
    "Source",
    "Status",
    "Strong",
    "Subject",
    "plain_text",
]

Status = Literal["usable", "withheld", "canceled"]
Confidence = Literal["low", "moderate", "high"]
Likelihood = Literal[
    "almost-no-chance",
    "very-unlikely",
    "unlikely",
    "roughly-even-chance",
    "likely",
    "very-likely",
    "almost-certain",
]
EntityKind = Literal["person", "organization", "place", "event", "other"]
Signal = Literal["update", "correction", "retraction"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]

STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
CONFIDENCES: tuple[str, ...] = Confidence.__args__  # type: ignore[attr-defined]
LIKELIHOODS: tuple[str, ...] = Likelihood.__args__  # type: ignore[attr-defined]
ENTITY_KINDS: tuple[str, ...] = EntityKind.__args__  # type: ignore[attr-defined]
SIGNALS: tuple[str, ...] = Signal.__args__  # type: ignore[attr-defined]
RELIABILITIES: tuple[str, ...] = Reliability.__args__  # type: ignore[attr-defined]

T = TypeVar("T")

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


# --------------------------------------------------------------------------------------
# Immutable JSON values (extensions, identifiers).


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


def freeze_json(value: Any, where: str = "value") -> JsonValue:
    """Turn a JSON value (dicts, lists, scalars) into its immutable form."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value  # type: ignore[no-any-return]
    if kind is float:
        if not math.isfinite(value):
            raise ModelError(
                where, (), "parse.non-finite-number", f"{value!r} is not a finite number"
            )
        return value  # type: ignore[no-any-return]
    if isinstance(value, Mapping):
        for key in value:
            if type(key) is not str:
                raise ModelError(where, (), "schema.type", f"object key {key!r} is not a string")
        return FrozenMap({k: freeze_json(v, f"{where}[{k!r}]") for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze_json(v, f"{where}[{i}]") for i, v in enumerate(value))
    raise ModelError(where, (), "schema.type", f"{kind.__name__} is not a JSON value")


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


# --------------------------------------------------------------------------------------
# Rich text


def rich_text(value: RichTextLike) -> RichText:
    """Normalise rich text: a tuple of strings and inline nodes, adjacent strings joined.

    Accepts a plain ``str``, one inline node, or any iterable of those.

    >>> rich_text(["Talks ", "ended", Strong(content="early")])
    ('Talks ended', Strong(content=('early',)))
    >>> rich_text("")
    ()
    """
    return _normalise(value)


def _normalise(value: Any) -> RichText:
    kind = type(value)
    if kind is tuple and len(value) == 1:  # the common case: one string or one node
        only = type(value[0])
        if (only is str and value[0]) or only in INLINE_TYPES:
            return value  # type: ignore[no-any-return]
    if kind is str:
        return (value,) if value else ()
    if kind in INLINE_TYPES:
        return (value,)
    if kind is not tuple:
        value = _tuple(value)
    out: list[Any] = []
    for item in value:
        kind = type(item)
        if kind is str:
            if not item:
                continue
            if out and type(out[-1]) is str:
                out[-1] += item
                continue
        elif kind not in INLINE_TYPES:
            raise ModelError(
                "rich text",
                (),
                "schema.type",
                f"expected a string or an inline node, got {kind.__name__}",
            )
        out.append(item)
    return tuple(out)


def plain_text(content: RichText) -> str:
    """The text of rich text without its markup.

    Line breaks become newlines; a citation contributes no text.

    >>> plain_text(("See ", Link(href="https://example.org", content="the notice"), "."))
    'See the notice.'
    """
    parts: list[str] = []
    for node in content:
        if type(node) is str:
            parts.append(node)
        else:
            parts.append(node._plain())  # type: ignore[union-attr]
    return "".join(parts)


# Validators of fields whose node types are defined further down.
_BLOCKS_ONLY: Callable[..., None]
_SECTIONS_ONLY: Callable[..., None]


@attrs.frozen(kw_only=True)
class Emphasis:
    """Emphasised text (``em``)."""

    content: RichText = attrs.field(converter=rich_text)

    def _plain(self) -> str:
        return plain_text(self.content)


@attrs.frozen(kw_only=True)
class Strong:
    """Strongly emphasised text (``strong``)."""

    content: RichText = attrs.field(converter=rich_text)

    def _plain(self) -> str:
        return plain_text(self.content)


@attrs.frozen(kw_only=True)
class Code:
    """A fragment of code or another literal string, shown verbatim."""

    text: str = attrs.field(validator=_text())

    def _plain(self) -> str:
        return self.text


@attrs.frozen(kw_only=True)
class LineBreak:
    """A hard line break inside a paragraph or list item."""

    def _plain(self) -> str:
        return "\n"


@attrs.frozen(kw_only=True)
class Link:
    """A hyperlink. With empty ``content`` the address itself is shown."""

    href: str = attrs.field(validator=_text())
    content: RichText = attrs.field(default=(), converter=rich_text)
    title: str | None = attrs.field(default=None, validator=_text(optional=True))

    def _plain(self) -> str:
        return plain_text(self.content) if self.content else self.href


@attrs.frozen(kw_only=True)
class Mention:
    """A mention of an entity: ``ref`` is the :attr:`Entity.id` it names."""

    ref: str = attrs.field(
        validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID}
    )
    content: RichText = attrs.field(converter=rich_text)

    def _plain(self) -> str:
        return plain_text(self.content)


@attrs.frozen(kw_only=True)
class Citation:
    """A citation of a source: ``ref`` is the :attr:`Source.id` it cites."""

    ref: str = attrs.field(
        validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID}
    )

    def _plain(self) -> str:
        return ""


Inline = Union[Emphasis, Strong, Code, LineBreak, Link, Mention, Citation]
RichText = tuple[str | Inline, ...]
#: What rich text fields accept: a string, one inline node, or a sequence of those.
RichTextLike: TypeAlias = Union[str, Inline, Iterable[Union[str, Inline]]]
INLINE_TYPES: tuple[type, ...] = (
    Emphasis,
    Strong,
    Code,
    LineBreak,
    Link,
    Mention,
    Citation,
)


# --------------------------------------------------------------------------------------
# Blocks


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of rich text."""

    content: RichText = attrs.field(converter=rich_text)


def _blocks(value: Any) -> tuple[Block, ...]:
    return _tuple(value)


def _list_items(value: Any) -> tuple[ListItem, ...]:
    items = _tuple(value)
    if all(type(item) is ListItem for item in items):
        return items
    return tuple(item if type(item) is ListItem else ListItem(content=item) for item in items)


@attrs.frozen(kw_only=True)
class ListItem:
    """One item of an :class:`ItemList`: rich text, optionally followed by blocks.

    >>> ListItem(content="Minerals", blocks=[ItemList(items=["lithium", "cobalt"])]).content
    ('Minerals',)
    """

    content: RichText = attrs.field(default=(), converter=rich_text)
    blocks: tuple[Block, ...] = attrs.field(
        default=(), converter=_blocks, validator=lambda *a: _BLOCKS_ONLY(*a)
    )


@attrs.frozen(kw_only=True)
class ItemList:
    """A bulleted (``ordered=False``) or numbered (``ordered=True``) list.

    Items may be given as strings or rich text; they are stored as :class:`ListItem`.
    """

    items: tuple[ListItem, ...] = attrs.field(default=(), converter=_list_items)
    ordered: bool = attrs.field(default=False, validator=_bool)


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation, with who said it and optionally the :class:`Source` it comes from."""

    content: RichText = attrs.field(converter=rich_text)
    attribution: str | None = attrs.field(default=None, validator=_text(optional=True))
    source_ref: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )


@attrs.frozen(kw_only=True)
class Judgment:
    """An analytic key judgment with its confidence and likelihood.

    ``likelihood`` uses the estimative-language scale of US ICD 203; ``basis`` lists the
    ids of the sources the judgment rests on.
    """

    statement: RichText = attrs.field(converter=rich_text)
    confidence: Confidence | None = attrs.field(
        default=None, validator=_one_of(CONFIDENCES, optional=True)
    )
    likelihood: Likelihood | None = attrs.field(
        default=None, validator=_one_of(LIKELIHOODS, optional=True)
    )
    basis: tuple[str, ...] = attrs.field(
        default=(),
        converter=_string_tuple,
        validator=_strings(_patterns.NODE_ID),
        metadata={"shape": _patterns.NODE_ID},
    )


@attrs.frozen(kw_only=True)
class Figure:
    """An image with its (required) alternative text, caption and credit."""

    src: str = attrs.field(validator=_text())
    alt: str = attrs.field(validator=_text())
    caption: RichText = attrs.field(default=(), converter=rich_text)
    credit: str | None = attrs.field(default=None, validator=_text(optional=True))


Block = Union[Paragraph, ItemList, Quote, Judgment, Figure]
BLOCK_TYPES: tuple[type, ...] = (Paragraph, ItemList, Quote, Judgment, Figure)
_BLOCKS_ONLY = _of(*BLOCK_TYPES)


@attrs.frozen(kw_only=True)
class Section:
    """A part of the body: an optional title and role, blocks, and nested sections.

    The ``title`` is what the author wrote ("Flash Points"); the ``role`` is what it
    means (``key-points``). Recommended roles: ``key-points``, ``summary``,
    ``context``, ``analysis``, ``implications``, ``outlook``, ``recommendations``.
    """

    id: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )
    title: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.LINE, optional=True),
        metadata={"shape": _patterns.LINE},
    )
    role: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )
    blocks: tuple[Block, ...] = attrs.field(
        default=(), converter=_blocks, validator=_of(*BLOCK_TYPES)
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_tuple, validator=lambda *a: _SECTIONS_ONLY(*a)
    )


_SECTIONS_ONLY = _of(Section)

# --------------------------------------------------------------------------------------
# Metadata


@attrs.frozen(kw_only=True)
class Entity:
    """A person, organization, place or event named in the brief.

    ``identifiers`` maps a scheme to a value: ``{"wikidata": "Q1490"}``, a NewsML-G2
    qcode, an ISO 3166 country code for places.
    """

    id: str = attrs.field(validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID})
    kind: EntityKind = attrs.field(validator=_one_of(ENTITY_KINDS))
    name: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_string_tuple, validator=_strings()
    )
    identifiers: FrozenMap[str] = attrs.field(
        factory=FrozenMap, converter=_identifiers, validator=_check_identifiers
    )


@attrs.frozen(kw_only=True)
class Subject:
    """A controlled-vocabulary topic, by qcode (``medtop:20000763``), URI or both.

    ``relevance`` and ``confidence`` run from 0 to 100, as in NewsML-G2 and ninjs.
    """

    code: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.QCODE, optional=True),
        metadata={"shape": _patterns.QCODE},
    )
    name: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.LINE, optional=True),
        metadata={"shape": _patterns.LINE},
    )
    uri: str | None = attrs.field(default=None, validator=_text(optional=True))
    relevance: int | None = attrs.field(
        default=None,
        validator=_int(0, 100, optional=True),
        metadata={"range": (0, 100)},
    )
    confidence: int | None = attrs.field(
        default=None,
        validator=_int(0, 100, optional=True),
        metadata={"range": (0, 100)},
    )

    def __attrs_post_init__(self) -> None:
        if self.code is None and self.uri is None:
            raise ModelError(
                "Subject",
                ("code",),
                "subject.unidentified",
                "a subject needs a code or a uri",
            )


@attrs.frozen(kw_only=True)
class Source:
    """What the brief is based on, with optional Admiralty (NATO) grading.

    ``reliability`` grades the source from A (completely reliable) to F (cannot be
    judged); ``credibility`` grades the information from 1 (confirmed) to 6 (cannot be
    judged).
    """

    id: str = attrs.field(validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID})
    title: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    url: str | None = attrs.field(default=None, validator=_text(optional=True))
    publisher: str | None = attrs.field(default=None, validator=_text(optional=True))
    published: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
    accessed: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
    reliability: Reliability | None = attrs.field(
        default=None, validator=_one_of(RELIABILITIES, optional=True)
    )
    credibility: int | None = attrs.field(
        default=None, validator=_int(1, 6, optional=True), metadata={"range": (1, 6)}
    )


@attrs.frozen(kw_only=True)
class Related:
    """A related article, see-also link or earlier version (``rel`` says which)."""

    url: str = attrs.field(validator=_text())
    title: str | None = attrs.field(default=None, validator=_text(optional=True))
    rel: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )


@attrs.frozen(kw_only=True)
class Agent:
    """A person or organization in the byline or as publisher."""

    name: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    role: str | None = attrs.field(default=None, validator=_text(optional=True))
    uri: str | None = attrs.field(default=None, validator=_text(optional=True))
    affiliation: str | None = attrs.field(default=None, validator=_text(optional=True))


@attrs.frozen(kw_only=True)
class Rights:
    """Copyright holder, notice, licence and usage terms."""

    holder: str | None = attrs.field(default=None, validator=_text(optional=True))
    notice: str | None = attrs.field(default=None, validator=_text(optional=True))
    license_url: str | None = attrs.field(default=None, validator=_text(optional=True))
    usage_terms: str | None = attrs.field(default=None, validator=_text(optional=True))


@attrs.frozen(kw_only=True)
class Correction:
    """What changed in this version and why."""

    signal: Signal = attrs.field(validator=_one_of(SIGNALS))
    note: str = attrs.field(validator=_text())
    date: datetime | None = attrs.field(default=None, validator=_aware(optional=True))


@attrs.frozen(kw_only=True)
class Brief:
    """A briefing document: the root of the model.

    Required: ``id``, ``headline``, ``created`` (an aware datetime) and at least one
    section. See the model reference in the docs for every field.
    """

    id: str = attrs.field(
        validator=_text(_patterns.DOCUMENT_ID),
        metadata={"shape": _patterns.DOCUMENT_ID},
    )
    version: int = attrs.field(default=1, validator=_int(1), metadata={"range": (1, None)})
    headline: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    subheadline: str | None = attrs.field(default=None, validator=_text(optional=True))
    language: str = attrs.field(
        default="en",
        validator=_text(_patterns.LANGUAGE),
        metadata={"shape": _patterns.LANGUAGE},
    )
    created: datetime = attrs.field(validator=_aware())
    updated: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
    embargo_until: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
    status: Status = attrs.field(default="usable", validator=_one_of(STATUSES))
    urgency: int | None = attrs.field(
        default=None, validator=_int(1, 9, optional=True), metadata={"range": (1, 9)}
    )
    genre: str | None = attrs.field(default=None, validator=_text(optional=True))
    authors: tuple[Agent, ...] = attrs.field(default=(), converter=_tuple, validator=_of(Agent))
    publisher: Agent | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Agent)),
    )
    sections: tuple[Section, ...] = attrs.field(
        converter=_tuple,
        validator=[_of(Section), _not_empty],
        metadata={"min_items": 1},
    )
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_tuple, validator=_of(Entity))
    subjects: tuple[Subject, ...] = attrs.field(
        default=(), converter=_tuple, validator=_of(Subject)
    )
    keywords: tuple[str, ...] = attrs.field(
        default=(), converter=_string_tuple, validator=_strings()
    )
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple, validator=_of(Source))
    related: tuple[Related, ...] = attrs.field(default=(), converter=_tuple, validator=_of(Related))
    rights: Rights | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Rights)),
    )
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=_tuple, validator=_of(Correction)
    )
    extensions: FrozenMap[JsonValue] = attrs.field(
        factory=FrozenMap, converter=_extensions, validator=_check_extensions
    )

    @property
    def key_points(self) -> tuple[ListItem, ...]:
        """The list items of the first section whose role is ``key-points``."""
        for section in self.all_sections():
            if section.role == "key-points":
                return tuple(
                    item
                    for block in section.blocks
                    if type(block) is ItemList
                    for item in block.items
                )
        return ()

    def all_sections(self) -> Iterator[Section]:
        """Every section, nested ones included, in document order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.sections))

    def plain_text(self) -> str:
        """The brief as plain text: headline, subheadline, then every text block.

        Paragraphs and list items each get a line; section titles get lines of their own.
        """
        lines = [self.headline]
        if self.subheadline:
            lines.append(self.subheadline)
        for _, node in self.walk():
            text_of = _TEXT_OF.get(type(node))
            if text_of is not None:
                lines.append(text_of(node))
        return "\n".join(line for line in lines if line)

    @property
    def word_count(self) -> int:
        """Words in :meth:`plain_text`: runs of non-space characters with a letter or digit.

        A URL counts as one word; a dash standing alone does not count.
        """
        return len(_WORD.findall(self.plain_text()))

    def walk(self) -> Iterator[tuple[Path, Node]]:
        """Every node of the brief in document order, with its path.

        The path is a tuple of keys and indexes into the canonical JSON;
        :func:`briefmodel.pointer` turns it into a JSON Pointer. Nodes are the model
        objects (the brief itself first) and the plain strings inside rich text.

        >>> import briefmodel as bm
        >>> from datetime import datetime, timezone
        >>> b = bm.Brief(id="x", headline="H", created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        ...              sections=[bm.Section(blocks=[bm.Paragraph(content="Hi")])])
        >>> for path, node in b.walk():
        ...     print(repr(bm.pointer(path)), type(node).__name__)
        '' Brief
        '/sections/0' Section
        '/sections/0/blocks/0' Paragraph
        '/sections/0/blocks/0/content' str
        """
        return walk(self)


Path = tuple[str | int, ...]
Node = Any

#: The line of plain text each kind of node contributes to Brief.plain_text().
_TEXT_OF: dict[type, Callable[[Any], str]] = {
    Section: lambda node: node.title or "",
    Paragraph: lambda node: plain_text(node.content),
    Quote: lambda node: plain_text(node.content),
    ListItem: lambda node: plain_text(node.content),
    Judgment: lambda node: plain_text(node.statement),
    Figure: lambda node: plain_text(node.caption),
}
_WORD = re.compile(r"\S*[^\W_]\S*")

# How to reach the children of each node type: (field, kind), kind one of
# "one" (a node or None), "many" (a tuple of nodes), "rich" (rich text).
CHILDREN: dict[type, tuple[tuple[str, str], ...]] = {
    Brief: (
        ("authors", "many"),
        ("publisher", "one"),
        ("sections", "many"),
        ("entities", "many"),
        ("subjects", "many"),
        ("sources", "many"),
        ("related", "many"),
        ("rights", "one"),
        ("corrections", "many"),
    ),
    Section: (("blocks", "many"), ("sections", "many")),
    Paragraph: (("content", "rich"),),
    ItemList: (("items", "many"),),
    ListItem: (("content", "rich"), ("blocks", "many")),
    Quote: (("content", "rich"),),
    Judgment: (("statement", "rich"),),
    Figure: (("caption", "rich"),),
    Emphasis: (("content", "rich"),),
    Strong: (("content", "rich"),),
    Link: (("content", "rich"),),
    Mention: (("content", "rich"),),
}


def walk(root: Any, path: Path = ()) -> Iterator[tuple[Path, Node]]:
    """Every node under ``root`` (``root`` first) in document order, with its path."""
    stack: list[tuple[Path, Any]] = [(path, root)]
    pop, push = stack.pop, stack.append
    children = CHILDREN
    while stack:
        here, node = pop()
        yield here, node
        spec = children.get(type(node))
        if not spec:
            continue
        pending: list[tuple[Path, Any]] = []
        for name, kind in spec:
            value = getattr(node, name)
            if kind == "many":
                for index, child in enumerate(value):
                    pending.append(((*here, name, index), child))
            elif kind == "one":
                if value is not None:
                    pending.append(((*here, name), value))
            else:
                # Rich text: in JSON a lone string is the value itself, and a list item
                # without blocks is its content itself.
                base = here if type(node) is ListItem and not node.blocks else (*here, name)
                if len(value) == 1 and type(value[0]) is str:
                    pending.append((base, value[0]))
                else:
                    for index, child in enumerate(value):
                        pending.append(((*base, index), child))
        for entry in reversed(pending):
            push(entry)


def nodes(root: Any) -> Iterator[tuple[int, Node]]:
    """Every node under ``root`` with its depth, in no particular order (the fast walk).

    The depth is the length of the path :func:`walk` gives the same node: how deep it
    sits in the canonical JSON. This mirrors :func:`walk` step for step without building
    paths, which the rules' first pass over every valid brief cannot afford (sharing one
    traversal costs that pass 40%); a test checks that the two agree.
    """
    stack: list[tuple[int, Any]] = [(0, root)]
    pop, push = stack.pop, stack.append
    children = CHILDREN
    while stack:
        depth, node = pop()
        yield depth, node
        spec = children.get(type(node))
        if not spec:
            continue
        for name, kind in spec:
            value = getattr(node, name)
            if kind == "many":
                for child in value:
                    push((depth + 2, child))
            elif kind == "one":
                if value is not None:
                    push((depth + 1, value))
            else:
                base = depth if type(node) is ListItem and not node.blocks else depth + 1
                if len(value) == 1 and type(value[0]) is str:
                    push((base, value[0]))
                else:
                    for child in value:
                        push((base + 1, child))


def _resolve() -> None:
    module = sys.modules[__name__]
    for name in dir(module):
        obj = getattr(module, name)
        if isinstance(obj, type) and attrs.has(obj):
            attrs.resolve_types(obj, vars(module))


MODEL_TYPES: tuple[type, ...] = (
    Brief,
    Section,
    Paragraph,
    ItemList,
    ListItem,
    Quote,
    Judgment,
    Figure,
    Emphasis,
    Strong,
    Code,
    LineBreak,
    Link,
    Mention,
    Citation,
    Entity,
    Subject,
    Source,
    Related,
    Agent,
    Rights,
    Correction,
)
_resolve()
