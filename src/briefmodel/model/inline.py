"""Rich text: the inline nodes (:class:`Emphasis`, :class:`Link`, ...), the aliases
:data:`RichText` and :data:`Inline`, and :func:`rich_text` and :func:`plain_text`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, Union

import attrs

from .. import _patterns
from ..errors import ModelError
from ._fields import _refuse, _resolve, _text, got

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
    return _normalise(value, None, None)


#: What a rich text field accepts, and each item of a list given as rich text.
RICH_TEXT = "rich text (a str, an inline node, or a list of str and inline nodes)"
_INLINE_ITEM = (
    "a str or an inline node (Emphasis, Strong, Code, LineBreak, Link, Mention or Citation)"
)


def _normalise(value: Any, inst: object, attribute: attrs.Attribute[Any] | None) -> RichText:
    kind = type(value)
    if kind is tuple and len(value) == 1:  # the common case: one string or one node
        only = type(value[0])
        if (only is str and value[0]) or only in INLINE_TYPES:
            return value  # type: ignore[no-any-return]
    if kind is str:
        return (value,) if value else ()
    if kind in INLINE_TYPES:
        return (value,)
    if kind is not tuple and kind is not list:
        if isinstance(value, (bytes, Mapping)) or not isinstance(value, Iterable):
            raise _not_rich(inst, attribute, (), RICH_TEXT, value)
        value = tuple(value)
    out: list[Any] = []
    for index, item in enumerate(value):
        kind = type(item)
        if kind is str:
            if not item:
                continue
            if out and type(out[-1]) is str:
                out[-1] += item
                continue
        elif kind not in INLINE_TYPES:
            raise _not_rich(inst, attribute, (index,), _INLINE_ITEM, item)
        out.append(item)
    return tuple(out)


def _not_rich(
    inst: object,
    attribute: attrs.Attribute[Any] | None,
    where: tuple[int, ...],
    expected: str,
    value: Any,
) -> ModelError:
    if attribute is None:  # rich_text() called by itself
        message = f"expected {expected}, got {got(value)}"
        return ModelError("rich_text", where, "schema.type", message)
    return _refuse(inst, attribute, "schema.type", expected, got(value), *where)


def _to_rich_text(value: Any, inst: object, attribute: attrs.Attribute[Any]) -> RichText:
    return _normalise(value, inst, attribute)


if TYPE_CHECKING:

    def _rich(value: RichTextLike) -> RichText: ...

else:
    _rich = attrs.Converter(_to_rich_text, takes_self=True, takes_field=True)


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


@attrs.frozen(kw_only=True)
class Emphasis:
    """Emphasised text (``em``)."""

    content: RichText = attrs.field(converter=_rich)

    def _plain(self) -> str:
        return plain_text(self.content)


@attrs.frozen(kw_only=True)
class Strong:
    """Strongly emphasised text (``strong``)."""

    content: RichText = attrs.field(converter=_rich)

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
    content: RichText = attrs.field(default=(), converter=_rich)
    title: str | None = attrs.field(default=None, validator=_text(optional=True))

    def _plain(self) -> str:
        return plain_text(self.content) if self.content else self.href


@attrs.frozen(kw_only=True)
class Mention:
    """A mention of an entity: ``ref`` is the :attr:`Entity.id` it names."""

    ref: str = attrs.field(
        validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID}
    )
    content: RichText = attrs.field(converter=_rich)

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

_resolve(globals())
