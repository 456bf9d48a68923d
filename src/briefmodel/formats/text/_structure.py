"""What one read builds, chunk by chunk: sections under their titles, paragraphs, and
bulleted and numbered lists nested by indentation and kept open across blank lines.

Read leniently, it also takes lines numbered ``1.`` or ``2)`` as numbered items
(``repair.numbered-lines``) and a title ending in a colon, on the first line of its
chunk, as a section title (``repair.colon-title``)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ...errors import Problem
from ...model import ItemList, ListItem, Paragraph
from ...rules import MAX_DEPTH
from ._lines import _fail
from ._marks import _LENIENT_MARKER, _MARKER, _count
from ._titles import colon_title, looks_like_title, normalise


@attrs.define
class _Item:
    parts: list[str]
    lists: list[_List] = attrs.Factory(list)


@attrs.define
class _List:
    ordered: bool
    indent: int
    items: list[_Item]


@attrs.define
class _Section:
    title: str | None
    line: int
    forced: bool = False
    blocks: list[Paragraph | _List] = attrs.Factory(list)
    lines: dict[int, int] = attrs.Factory(dict)  # block index -> line


def _indent(text: str) -> int:
    return len(text.expandtabs(4))


class _Reader:
    """One read: sections built chunk by chunk, lists kept open across blank lines; read
    leniently (``lenient``), with the repairs it made in :attr:`repairs`."""

    def __init__(self, roles: Mapping[str, str], *, lenient: bool = False) -> None:
        self.roles = roles
        self.lenient = lenient
        self.marker = _LENIENT_MARKER if lenient else _MARKER
        self.sections: list[_Section] = []
        self.stack: list[_List] = []  # the open list, outermost first
        self.repairs: list[Problem] = []

    def repair(self, code: str, line: int, message: str) -> None:
        self.repairs.append(Problem(severity="warning", code=code, message=message, line=line))

    def section(self, line: int) -> _Section:
        if not self.sections:
            self.sections.append(_Section(title=None, line=line))
        return self.sections[-1]

    def chunk(self, chunk: list[tuple[int, str]], *, last: bool = False) -> None:
        """Read one chunk; ``last`` when no chunk follows it."""
        number, first = chunk[0]
        stripped = first.strip()
        if stripped.startswith("\\"):
            self.stack = []
            text = normalise(" ".join(line for _, line in chunk).strip()[1:])
            self.paragraph(number, text)
        elif (
            len(chunk) == 1
            and (stripped.startswith("# ") or stripped == "#")
            and normalise(stripped[1:])
        ):
            self.stack = []
            self.sections.append(_Section(title=normalise(stripped[1:]), line=number, forced=True))
        elif len(chunk) == 1 and _MARKER.match(first) is None and looks_like_title(first):
            self.stack = []
            self.sections.append(_Section(title=normalise(first), line=number))
        elif self.lenient and (title := self.colon_title(chunk, last=last)) is not None:
            self.stack = []
            self.sections.append(_Section(title=title, line=number))
            self.repair(
                "repair.colon-title",
                number,
                f"the line {normalise(first)!r} is read as the section title {title!r}",
            )
            if chunk[1:]:
                self.body(chunk[1:])
        else:
            self.body(chunk)

    def colon_title(self, chunk: list[tuple[int, str]], *, last: bool) -> str | None:
        """The title the chunk's first line gives, if it ends in a colon and reads as a
        title: known (:func:`colon_title`), or title-cased with text after it that is not
        a list it would lead in to."""
        first = chunk[0][1]
        found = colon_title(first, self.roles) if _MARKER.match(first) is None else None
        if found is None:
            return None
        title, known = found
        if known:
            return title
        if len(chunk) == 1:
            return None if last else title
        return None if self.marker.match(chunk[1][1]) is not None else title

    def paragraph(self, number: int, text: str) -> None:
        if text:
            section = self.section(number)
            section.lines[len(section.blocks)] = number
            section.blocks.append(Paragraph(content=text))

    def body(self, chunk: list[tuple[int, str]]) -> None:
        lead: list[str] = []
        lead_line = chunk[0][0]
        for index, (number, line) in enumerate(chunk):
            found = self.marker.match(line)
            if found is not None:
                if lead and (found.group("bullet") or _count(found) == 1):
                    self.paragraph(lead_line, normalise(" ".join(lead)))
                    lead = []
                if not lead and self.item(found, number, line, across=index == 0):
                    continue
            if index == 0:
                self.stack = []  # a blank line, then text: the list is over
            if self.stack:
                self.stack[-1].items[-1].parts.append(line)
            else:
                if not lead:
                    lead_line = number
                lead.append(line)
        if lead:
            self.paragraph(lead_line, normalise(" ".join(lead)))

    def item(self, found: re.Match[str], number: int, line: str, *, across: bool) -> bool:
        """Take a marked line as a list item; False when it is text after all (a "(3)"
        that continues no list)."""
        indent = _indent(found.group("indent"))
        ordered = found.group("bullet") is None
        count = _count(found) if ordered else 0
        text = line[found.end() :]
        stack = self.stack
        if across:
            # After a blank line a list goes on only at a level it has, with the same kind
            # of marker and, for numbers, the next one.
            for depth, level in enumerate(stack):
                if (
                    level.indent == indent
                    and level.ordered == ordered
                    and (not ordered or count == len(level.items) + 1)
                ):
                    del stack[depth + 1 :]
                    level.items.append(_Item([text]))
                    return True
            del stack[:]
        while stack and indent < stack[-1].indent:
            stack.pop()
        if stack and indent == stack[-1].indent:
            level = stack[-1]
            if level.ordered == ordered and (not ordered or count != 1):
                level.items.append(_Item([text]))
                return True
            if ordered and count != 1:
                return False
            stack.pop()  # another kind of list at the same level: a sibling list
        elif ordered and count != 1:
            return False
        if len(stack) >= MAX_DEPTH:  # deeper would not be a brief, and would not be built
            raise _fail(
                number, f"the lists nest deeper than {MAX_DEPTH} levels here", "parse.too-deep"
            )
        new = _List(ordered=ordered, indent=indent, items=[_Item([text])])
        if found.groupdict().get("numeral") is not None:
            self.repair(
                "repair.numbered-lines",
                number,
                f"the lines numbered {found.group().strip()!r} and on are read as a numbered list",
            )
        if stack:
            stack[-1].items[-1].lists.append(new)
        else:
            section = self.section(number)
            section.lines[len(section.blocks)] = number
            section.blocks.append(new)
        stack.append(new)
        return True


def _item_list(block: _List) -> ItemList:
    return ItemList(
        ordered=block.ordered,
        items=[
            ListItem(
                content=normalise(" ".join(item.parts)),
                blocks=[_item_list(inner) for inner in item.lists],
            )
            for item in block.items
        ],
    )
