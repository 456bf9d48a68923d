"""The root of the model, :class:`Brief`, and the walks over every node of a brief
(:func:`walk`, :func:`nodes`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import attrs

from .. import _patterns
from ._fields import (
    _aware,
    _check_extensions,
    _extensions,
    _int,
    _not_empty,
    _of,
    _one,
    _one_of,
    _resolve,
    _string_tuple,
    _strings,
    _text,
    _tuple,
)
from .blocks import (
    Figure,
    ItemList,
    Judgment,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
)
from .frozen import MAX_NUMBER, FrozenMap, JsonValue
from .inline import Citation, Code, Emphasis, LineBreak, Link, Mention, Strong, plain_text
from .metadata import Agent, Correction, Entity, Related, Rights, Source, Subject
from .vocabularies import STATUSES, Status


@attrs.frozen(kw_only=True)
class Brief:
    """A briefing document: the root of the model.

    Required: ``id``, ``headline`` and at least one section. ``created`` is when the
    brief was first created, an aware datetime; ``None`` says the brief is *undated* (a
    document read from others that gives no date), and every writer then leaves the date
    out rather than inventing one. See the model reference in the docs for every field.
    """

    id: str = attrs.field(
        validator=_text(_patterns.DOCUMENT_ID),
        metadata={"shape": _patterns.DOCUMENT_ID},
    )
    version: int = attrs.field(
        default=1, validator=_int(1, MAX_NUMBER), metadata={"range": (1, MAX_NUMBER)}
    )
    headline: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    subheadline: str | None = attrs.field(default=None, validator=_text(optional=True))
    language: str = attrs.field(
        default="en",
        validator=_text(_patterns.LANGUAGE),
        metadata={"shape": _patterns.LANGUAGE},
    )
    created: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
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
        validator=_one(Agent),
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
        validator=_one(Rights),
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
        # The nodes that give lines, in document order: sections and blocks only (inline
        # markup gives none, so it is not walked).
        stack: list[Any] = list(reversed(self.sections))
        pop, push = stack.pop, stack.extend
        text_of, children = _TEXT_OF, _LINE_CHILDREN
        while stack:
            node = pop()
            kind = type(node)
            lines.append(text_of[kind](node) if kind in text_of else "")
            for name in reversed(children.get(kind, ())):  # (the last field's nodes first)
                push(reversed(getattr(node, name)))
        return "\n".join(line for line in lines if line)

    @property
    def word_count(self) -> int:
        """Words in :meth:`plain_text`: runs of non-space characters with a letter or digit.

        A URL counts as one word; a dash standing alone does not count.
        """
        # Each run of non-space characters is looked at once: a pattern that finds the
        # words in one pass would try every start in a run of 20,000 "_" (six seconds).
        return sum(1 for run in self.plain_text().split() if _WORD_CHAR.search(run))

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
    Table: lambda node: plain_text(node.caption),
    TableCell: lambda node: plain_text(node.content),
}
#: Where the nodes of _TEXT_OF sit: the fields of each node that hold them, in order.
_LINE_CHILDREN: dict[type, tuple[str, ...]] = {
    Section: ("blocks", "sections"),
    ItemList: ("items",),
    ListItem: ("blocks",),
    Table: ("head", "body", "foot"),
    TableRow: ("cells",),
}
_WORD_CHAR = re.compile(r"[^\W_]")  # a letter or a digit

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
    Table: (("caption", "rich"), ("head", "many"), ("body", "many"), ("foot", "many")),
    TableRow: (("cells", "many"),),
    TableCell: (("content", "rich"),),
    Emphasis: (("content", "rich"),),
    Strong: (("content", "rich"),),
    Link: (("content", "rich"),),
    Mention: (("content", "rich"),),
}


def walk(root: Any, path: Path = (), *, down_to: int | None = None) -> Iterator[tuple[Path, Node]]:
    """Every node under ``root`` (``root`` first) in document order, with its path; with
    ``down_to``, only the nodes whose paths are at most that long and their children (what
    lies deeper is not walked, so that a brief nested far too deep costs no more than one
    at the limit)."""
    stack: list[tuple[Path, Any]] = [(path, root)]
    pop, push = stack.pop, stack.append
    children = CHILDREN
    while stack:
        here, node = pop()
        yield here, node
        spec = children.get(type(node))
        if not spec or (down_to is not None and len(here) > down_to):
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


MODEL_TYPES: tuple[type, ...] = (
    Brief,
    Section,
    Paragraph,
    ItemList,
    ListItem,
    Quote,
    Judgment,
    Figure,
    Table,
    TableRow,
    TableCell,
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
_resolve(globals())
