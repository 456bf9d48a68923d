"""What writing a brief as text drops, reported field by field and node by node
(:func:`losses`), each message saying what becomes of it."""

from __future__ import annotations

from collections.abc import Callable, Sized
from typing import Any

import attrs

from ... import _options
from ...errors import Problem, pointer
from ...model import (
    Brief,
    Citation,
    Code,
    Emphasis,
    Figure,
    ItemList,
    Judgment,
    LineBreak,
    Link,
    ListItem,
    Mention,
    Quote,
    Section,
    Strong,
    Table,
    plain_text,
)
from .. import UNDATED  # noqa: F401 (the doctest of losses uses it)
from ._titles import normalise, role_for

#: What each field of the brief that text does not write is called: (one, several) for
#: the fields that hold a list, else the noun alone.
_FIELD_NAMES: dict[str, str | tuple[str, str]] = {
    "version": "the version number",
    "updated": "the time of this version (updated)",
    "embargo_until": "the embargo time",
    "status": "the status",
    "urgency": "the urgency",
    "genre": "the genre",
    "authors": ("author", "authors"),
    "publisher": "the publisher",
    "entities": ("entity", "entities"),
    "subjects": ("subject", "subjects"),
    "keywords": ("keyword", "keywords"),
    "sources": ("source", "sources"),
    "related": ("related link", "related links"),
    "rights": "the rights statement",
    "corrections": ("correction", "corrections"),
    "extensions": ("extension", "extensions"),
}

#: The fields text writes, or takes from :func:`read`'s options.
_WRITTEN = frozenset(("id", "created", "language", "headline", "subheadline", "sections"))


def _field_loss(name: str, value: Any) -> str:
    noun = _FIELD_NAMES.get(name, f"the field {name}")
    if isinstance(noun, str):
        return f"{noun} is not written"
    one, several = noun
    count = len(value) if isinstance(value, Sized) else 1
    return f"the {one} is not written" if count == 1 else f"the {count} {several} are not written"


def _short(text: str) -> str:
    return repr(text) if len(text) <= 60 else repr(text[:57] + "…")


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _inline_loss(node: Any) -> str:
    """What becomes of an inline node in text, which holds only plain words."""
    kind = type(node)
    if kind is Emphasis:
        return "the emphasis is written as plain text"
    if kind is Strong:
        return "the strong emphasis is written as plain text"
    if kind is Code:
        return "the code is written as plain text"
    if kind is LineBreak:
        return "the line break is written as a space"
    if kind is Link:
        untitled = "; nor is its title" if node.title else ""
        if node.content:
            where = _short(node.href)
            return (
                f"the link is written as its text; its address ({where}) is not written{untitled}"
            )
        return f"the link is written as its address, as plain text{untitled}"
    if kind is Mention:
        ref = node.ref
        return f"the mention is written as its text; its reference to the entity {ref!r} is lost"
    assert kind is Citation
    return f"the citation of the source {node.ref!r} is not written (text has no place for it)"


@_options.writer
def losses(brief: Brief) -> list[Problem]:
    """What writing ``brief`` as text drops, as ``text.dropped`` warnings with the JSON
    Pointer of each field or node, each saying what becomes of it (the id, the creation
    date and the language are never written: :func:`read` takes them as options).

    >>> import briefmodel as bm
    >>> brief = bm.Brief(id="urn:x:1", headline="Fares rise", genre="brief",
    ...     keywords=["fares", "rail"], created=UNDATED,
    ...     sections=[bm.Section(role="summary", blocks=[])])
    >>> for problem in losses(brief):
    ...     print(problem.path, problem.message)
    /genre the genre is not written
    /keywords the 2 keywords are not written
    /sections/0/role the role 'summary' is not written (text infers roles from titles)
    """
    found: list[Problem] = []

    def lose(path: tuple[str | int, ...], message: str) -> None:
        found.append(
            Problem(severity="warning", code="text.dropped", message=message, path=pointer(path))
        )

    for field in attrs.fields(Brief):
        if field.name in _WRITTEN:
            continue
        value = getattr(brief, field.name)
        if value != field.default and not (
            isinstance(field.default, attrs.Factory) and not value  # type: ignore[arg-type]
        ):
            lose((field.name,), _field_loss(field.name, value))
    after_one = False  # whether a section before this one holds text (see project())
    for path, node in brief.walk():
        kind = type(node)
        if kind is Section:
            _section_losses(node, path, after_one, lose)
            after_one = after_one or bool(normalise(node.title or "") or node.blocks)
        elif kind in _INLINE:
            lose(path, _inline_loss(node))
        elif kind is ListItem and any(type(b) is not ItemList for b in node.blocks):
            lose((*path, "blocks"), "the item's other blocks are written as part of its text")
        elif kind is Quote:
            attributed = node.attribution and normalise(node.attribution)
            kept = "its text, then ' — ' and the attribution" if attributed else "its text"
            lose(path, f"the quote is written as a paragraph of {kept}")
            if node.source_ref is not None:
                lose(
                    (*path, "source_ref"), f"the quote's source {node.source_ref!r} is not written"
                )
        elif kind is Judgment:
            names = [name for name in ("confidence", "likelihood", "basis") if getattr(node, name)]
            lose(path, "the judgment is written as a paragraph of its statement" + _also(names))
        elif kind is Figure:
            captioned = bool(normalise(plain_text(node.caption)))
            names = [
                "image",
                *(["alt text"] if captioned else []),
                *(["credit"] * bool(node.credit)),
            ]
            shown = "caption" if captioned else "alt text"
            lose(path, f"the figure is written as a paragraph of its {shown}" + _also(names))
        elif kind is Table:
            lose(
                path,
                "the table is written as a line a row, its cells in aligned columns, and read "
                "back as one paragraph of its text; its header cells, spans and alignment are "
                "not written",
            )
    return found


def _section_losses(
    section: Section,
    path: tuple[str | int, ...],
    after_one: bool,
    lose: Callable[[tuple[str | int, ...], str], None],
) -> None:
    if after_one and not normalise(section.title or "") and section.blocks:
        lose(path, "the section has no title, so it is read back as part of the one before it")
    elif len(path) > 2:
        lose(path, "the section is written after its parent, as a section of its own")
    if section.id is not None:
        lose((*path, "id"), f"the section id {section.id!r} is not written")
    if section.role is not None and section.role != role_for(section.title or ""):
        lose(
            (*path, "role"),
            f"the role {section.role!r} is not written (text infers roles from titles)",
        )


def _also(names: list[str]) -> str:
    """``; its confidence and basis are not written``, or nothing."""
    if not names:
        return ""
    return f"; its {_and(names)} {'is' if len(names) == 1 else 'are'} not written"


_INLINE = frozenset((Emphasis, Strong, Code, LineBreak, Link, Mention, Citation))
