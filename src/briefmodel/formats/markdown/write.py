"""The writer: a brief as briefmodel's CommonMark (described in the package's docs), a
table of small rules keyed by node type, each text escaped and each run of emphasis
checked to read back as itself."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from ... import _converter, _options
from ...model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Block,
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
    Paragraph,
    Quote,
    RichText,
    Section,
    Strong,
    Table,
)
from .. import json as json_format
from ._escaping import _code_span, _destination, _escape, _title
from ._front_matter import _front_matter
from ._parser import _ENTITY, _IDIOM_BREAK, _IDIOM_CODE, _IDIOM_EM, _IDIOM_STRONG, _MD, _SOURCE
from ._table_tokens import TABLE_FENCE
from ._tokens import _Reader

#: The first line of a judgment's block quote.
JUDGMENT_MARKER = "[!JUDGMENT]"

#: Fields of the brief shown by the body, not the front matter.
_BODY_FIELDS = frozenset({"schema", "headline", "subheadline", "sections"})


class _Writer:
    """One brief being written: citation labels and the inline state."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.labels = {source.id: f"^{n}" for n, source in enumerate(brief.sources, 1)}
        self.definitions = [
            f"[{self.labels[s.id]}]: {_SOURCE}{s.id}{_title(s.title)}" for s in brief.sources
        ]
        self.env: dict[str, Any] = {}
        if self.definitions:
            _MD.parse("\n".join(self.definitions), self.env)
        # The inline state: inside a link (links cannot nest: inner ones are images);
        # the idioms in place of emphasis (when delimiters would not read back); whether
        # a shortcut reference was just written (``[^1]`` must not run into ``[`` or ``(``).
        self.in_link = 0
        self.plain = False
        self.delimiters = False
        self.after_reference = False

    # -- the document ------------------------------------------------------------------

    def document(self) -> str:
        b = self.brief
        meta = {k: v for k, v in json_format.to_dict(b).items() if k not in _BODY_FIELDS}
        parts: list[str] = []
        subheadline = None
        if b.subheadline is not None:
            subheadline = self.inline_unit((Emphasis(content=b.subheadline),), strict=True)
            if subheadline is None:  # only a front-matter field can hold it exactly
                meta = {**meta, "subheadline": b.subheadline}
        parts.append(_front_matter(meta))
        parts.append("# " + _escape(b.headline, start=True, end=True, heading=True))
        if subheadline is not None:
            parts.append(subheadline)
        for index, section in enumerate(b.sections):
            implicit = (
                index == 0
                and section.title is None
                and section.id is None
                and section.role is None
                and bool(section.blocks)
                and not self.subheadline_like(section.blocks[0])
            )
            parts.extend(self.section(section, 2, heading=not implicit))
        if self.definitions:
            parts.append("\n".join(self.definitions))
        return "\n\n".join(parts) + "\n"

    def subheadline_like(self, block: Any) -> bool:
        """Whether a first paragraph would read as a subheadline (one emphasized text)."""
        content = block.content if type(block) is Paragraph else ()
        return (
            len(content) == 1
            and type(content[0]) is Emphasis
            and all(type(node) is str for node in content[0].content)
        )

    def section(self, section: Section, level: int, *, heading: bool = True) -> list[str]:
        parts: list[str] = []
        if heading:
            line = "#" * min(level, 6)
            if section.title is not None:
                line += " " + _escape(section.title, start=True, end=True, heading=True)
            attributes = []
            if section.id is not None:
                attributes.append("#" + section.id)
            if section.role is not None:
                attributes.append("." + section.role)
            if level > 6:
                attributes.append(f"level={level}")
            if attributes:
                line += " {" + " ".join(attributes) + "}"
            parts.append(line)
        lists: dict[bool, int] = {False: 0, True: 0}
        previous: Any = None
        for block in section.blocks:
            parts.append("\n".join(self.block(block, previous, lists)))
            previous = block
        for child in section.sections:
            parts.extend(self.section(child, level + 1))
        return parts

    def block(self, block: Any, previous: Any, lists: dict[bool, int]) -> list[str]:
        if type(block) is ItemList:
            # Two lists in a row are kept apart by changing the marker.
            if type(previous) is ItemList and previous.ordered == block.ordered:
                lists[block.ordered] += 1
            else:
                lists[block.ordered] = 0
            return self.item_list(block, lists[block.ordered] % 2)
        return _BLOCK_WRITERS[type(block)](self, block)

    # -- blocks ------------------------------------------------------------------------

    def paragraph(self, block: Paragraph) -> list[str]:
        if not block.content:
            return ["{}"]
        return self.lines(block.content)

    def item_list(self, block: ItemList, variant: int = 0) -> list[str]:
        if not block.items:  # Markdown has no empty list
            return ["{.ordered-list}" if block.ordered else "{.list}"]
        out: list[str] = []
        for number, item in enumerate(block.items, 1):
            marker = f"{number}{').'[variant == 0]} " if block.ordered else "-* "[variant] + " "
            lines = self.item(item)
            if not lines:
                out.append(marker.rstrip())
                continue
            pad = " " * len(marker)
            out.append(marker + lines[0])
            out.extend(pad + line if line else "" for line in lines[1:])
        return out

    def item(self, item: ListItem) -> list[str]:
        lines: list[str] = []
        if item.content:
            lines = self.lines(item.content)
        elif item.blocks and type(item.blocks[0]) is Paragraph:
            lines = ["{}"]  # the item's own (empty) text, before its paragraph
        lists: dict[bool, int] = {False: 0, True: 0}
        previous: Any = None
        for child in item.blocks:
            if lines:
                lines.append("")
            lines.extend(self.block(child, previous, lists))
            previous = child
        return lines

    def quote(self, block: Quote) -> list[str]:
        lines = self.lines(block.content) if block.content else ["{}"]
        if block.attribution is not None or block.source_ref is not None:
            cite = "— "
            if block.attribution is not None:
                cite += _escape(block.attribution, end=block.source_ref is None)
            if block.source_ref is not None:
                if block.attribution is not None:
                    cite += " "
                cite += self.citation_text(block.source_ref)
            lines += ["", cite]
        return _quoted(lines)

    def judgment(self, block: Judgment) -> list[str]:
        attributes = []
        if block.confidence is not None:
            attributes.append(f"confidence={block.confidence}")
        if block.likelihood is not None:
            attributes.append(f"likelihood={block.likelihood}")
        if block.basis:
            attributes.append("basis=" + ",".join(block.basis))
        lines = [JUDGMENT_MARKER + (" {" + " ".join(attributes) + "}" if attributes else "")]
        if block.statement:
            lines += ["", *self.lines(block.statement)]
        return _quoted(lines)

    def figure(self, block: Figure) -> list[str]:
        credit = _title(block.credit) if block.credit is not None else ""
        image = f"![{_escape(block.alt)}]({_destination(block.src)}{credit})"
        if not block.caption:
            return [image]
        return [image + "\\", *self.lines(block.caption)]

    def table(self, block: Table) -> list[str]:
        """A GFM pipe table when it holds the table exactly (one row of column headers, body
        rows of data cells as wide, no caption, footer or spans, each cell one line), checked
        by reading it back; else the table's canonical JSON in a ``briefmodel-table`` fence,
        which reads back as exactly the table too."""
        lines = self.pipe_table(block)
        if lines is not None and self.table_reads_back(lines, block):
            return lines
        data = _converter.converter.unstructure(block, Block)
        return [f"```{TABLE_FENCE}", json.dumps(data, ensure_ascii=False), "```"]

    def pipe_table(self, block: Table) -> list[str] | None:
        if len(block.head) != 1 or block.foot or block.caption:
            return None
        width = len(block.head[0].cells)
        if not width or len(block.align) not in (0, width):
            return None
        rows: list[list[str]] = []
        for number, row in enumerate((*block.head, *block.body)):
            if len(row.cells) != width:
                return None
            cells = []
            for cell in row.cells:
                if cell.colspan != 1 or cell.rowspan != 1:
                    return None
                if cell.header != ("col" if number == 0 else None):
                    return None
                text = self.inline_unit(cell.content, strict=True) if cell.content else ""
                if text is None or "\n" in text:
                    return None
                cells.append(_PIPE.sub(r"\1\\|", text))
            rows.append(cells)
        marks = [_DELIMITERS[a] for a in block.align] if block.align else ["---"] * width
        lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(marks) + " |"]
        lines.extend("| " + " | ".join(cells) + " |" for cells in rows[1:])
        return lines

    def table_reads_back(self, lines: list[str], block: Table) -> bool:
        try:
            tokens = _MD.parse("\n".join(lines), dict(self.env))
            reader = _Reader(strict=True)
            found, _ = reader.blocks(tokens, 0, None, one=True)
        except (RecursionError, ValueError):
            return False
        built = [_built(node, Block) for node in found]
        return built == [block] and not reader.losses and not reader.errors

    # -- inline ------------------------------------------------------------------------

    def lines(self, content: Sequence[Any]) -> list[str]:
        text = self.inline_unit(content)
        assert text is not None
        return text.split("\n")

    def inline_unit(self, content: Sequence[Any], *, strict: bool = False) -> str | None:
        """Rich text that fills a block from the start of a line, checked to read back as
        itself: when emphasis delimiters would not (what they do depends on their
        neighbours), it is written again with the image idioms; with ``strict``, None."""
        self.plain = False
        self.delimiters = False
        text = self.rich(content, line=True, edge_start=True, edge_end=True, block_end=True)
        if not self.delimiters or self.reads_back(text, content):
            return text
        if strict:
            return None
        self.plain = True
        text = self.rich(content, line=True, edge_start=True, edge_end=True, block_end=True)
        self.plain = False
        return text

    def reads_back(self, text: str, content: Sequence[Any]) -> bool:
        for line in text.split("\n"):
            if _RULE_LIKE.match(line):
                return False  # a line of delimiters alone would be a thematic break
        try:
            tokens = _MD.parseInline(text, dict(self.env))
            reader = _Reader(strict=True)
            found = reader.rich(tokens[0].children or [], 0)
        except (RecursionError, ValueError):
            return False
        return _built(found, RichText) == tuple(content) and not reader.losses and not reader.errors

    def rich(
        self,
        content: Sequence[Any],
        *,
        line: bool = False,
        edge_start: bool = False,
        edge_end: bool = False,
        block_end: bool = False,
    ) -> str:
        """Rich text as Markdown. ``line``: it starts a line (block markers are escaped);
        ``edge_start``/``edge_end``: white space at its ends would be lost (it is written
        as character references); ``block_end``: it ends the block (a line break there
        cannot be a hard break)."""
        out: list[str] = []
        last = len(content) - 1
        self.after_reference = False
        for index, node in enumerate(content):
            after_break = index > 0 and type(content[index - 1]) is LineBreak
            at_line = (line and index == 0) or after_break
            first = (edge_start and index == 0) or after_break
            final = edge_end and index == last
            if type(node) is str:
                escaped = _escape(
                    node,
                    start=first,
                    block=at_line,
                    end=final or (index < last and type(content[index + 1]) is LineBreak),
                )
                if self.after_reference and escaped[:1] in ("(", ":"):
                    escaped = "\\" + escaped
                out.append(escaped)
                self.after_reference = False
            elif type(node) is LineBreak:
                self.after_reference = False
                out.append(f"![]({_IDIOM_BREAK})" if block_end and index == last else "\\\n")
            else:
                pending = self.after_reference
                if type(node) is Code and out and out[-1].endswith("`"):
                    # two code spans in a row would make one run of backticks
                    piece = f"![{_escape(node.text)}]({_IDIOM_CODE})"
                else:
                    piece = _INLINE_WRITERS[type(node)](self, node)
                if pending and piece.startswith("["):
                    out[-1] += "[]"  # a collapsed reference, not the text of a full one
                out.append(piece)
                self.after_reference = type(node) is Citation and piece.endswith("]")
        return "".join(out)

    def delimited(self, node: Any, mark: str, idiom: str) -> str:
        self.after_reference = False
        if self.plain:
            return f"![{self.rich(node.content)}]({idiom})"
        self.delimiters = True
        inner = self.rich(node.content, edge_start=True, edge_end=True)
        self.after_reference = False
        return f"{mark}{inner}{mark}"

    def emphasis(self, node: Emphasis) -> str:
        return self.delimited(node, "*", _IDIOM_EM)

    def strong(self, node: Strong) -> str:
        return self.delimited(node, "**", _IDIOM_STRONG)

    def code(self, node: Code) -> str:
        self.after_reference = False
        span = _code_span(node.text)
        if span is None:
            return f"![{_escape(node.text)}]({_IDIOM_CODE})"
        return span

    def linked(self, content: Sequence[Any], href: str, title: str | None) -> str:
        bang = "!" if self.in_link else ""
        self.after_reference = False
        self.in_link += 1
        inner = self.rich(content)
        self.in_link -= 1
        self.after_reference = False
        return f"{bang}[{inner}]({_destination(href)}{_title(title) if title else ''})"

    def link(self, node: Link) -> str:
        return self.linked(node.content, node.href, node.title)

    def mention(self, node: Mention) -> str:
        return self.linked(node.content, _ENTITY + node.ref, None)

    def citation(self, node: Citation) -> str:
        return self.citation_text(node.ref)

    def citation_text(self, ref: str) -> str:
        label = self.labels.get(ref)
        if label is None or self.in_link:
            self.after_reference = False
            return f"{'!' if self.in_link else ''}[{label or '^?'}]({_SOURCE}{ref})"
        self.after_reference = True
        return f"[{label}]"


_RULE_LIKE = re.compile(r"[ \t]*(?:[*_\-][ \t]*){3,}$")


#: A ``|`` that no backslash escapes, in a cell: escaped, as GFM tables need.
_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")
#: The delimiter row's cell for each alignment (GFM's are physical: start is left).
_DELIMITERS = {"default": "---", "start": ":--", "center": ":-:", "end": "--:"}


def _quoted(lines: list[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


_BLOCK_WRITERS: dict[type, Callable[[_Writer, Any], list[str]]] = {
    Paragraph: _Writer.paragraph,
    ItemList: _Writer.item_list,
    Quote: _Writer.quote,
    Judgment: _Writer.judgment,
    Figure: _Writer.figure,
    Table: _Writer.table,
}
_INLINE_WRITERS: dict[type, Callable[[_Writer, Any], str]] = {
    Emphasis: _Writer.emphasis,
    Strong: _Writer.strong,
    Code: _Writer.code,
    Link: _Writer.link,
    Mention: _Writer.mention,
    Citation: _Writer.citation,
}
assert set(_BLOCK_WRITERS) == set(BLOCK_TYPES)
assert set(_INLINE_WRITERS) | {LineBreak} == set(INLINE_TYPES)


@_options.writer
def write(brief: Brief) -> str:
    """Write ``brief`` as CommonMark with a front matter (see the module's docs).

    The same brief always gives the same text.
    """
    return _Writer(brief).document()


def _built(data: Any, kind: Any) -> Any:
    """The model's node (or rich text) of what the reader read, as canonical JSON data;
    None when the model refuses it (then it does not read back)."""
    try:
        return _converter.converter.structure(data, kind)
    except Exception:  # noqa: BLE001 - whatever the model refuses
        return None
