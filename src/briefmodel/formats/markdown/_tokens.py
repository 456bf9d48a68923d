"""The markdown-it token walk: :class:`_Reader` turns the token stream of a document into
the headline, the subheadline and the sections, block by block and inline, in one pass,
and keeps the losses (``markdown.dropped``), the repairs (what reading Markdown written by
people had to assume) and the errors it meets with their lines.

The sections are canonical JSON data (what ``bm.to_dict`` gives of them), which the reader
(``read.py``) builds into the brief with its metadata in one call of the canonical JSON
reader: the generated builder for a brief the model holds, and the general path, whose
problems have JSON Pointers, for one it does not. :meth:`_Reader.line_of` turns such a
pointer into the line of the block it is in, so that the reader's problems still name
their lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from markdown_it.token import Token

from ...errors import Problem, ProblemLog, loss_message
from ...model import (
    Citation,
    Code,
    Emphasis,
    Figure,
    ItemList,
    Link,
    ListItem,
    Mention,
    Paragraph,
    Section,
    Strong,
)
from .._roles import role_for
from ._nodes import LINE_BREAK, TAGS, plain_text
from ._parser import (
    _ENTITY,
    _IDIOM_BREAK,
    _IDIOM_CODE,
    _IDIOM_EM,
    _IDIOM_STRONG,
    _SOURCE,
    MAX_NESTING,
    _refuse,
)
from ._quote_tokens import blockquote
from ._table_tokens import TABLE_FENCE, table, table_fence

#: The problem code of what a Markdown document holds that the model has no place for.
LOSS_CODE = "markdown.dropped"
#: The codes of where the headline of Markdown written by people was found, read leniently.
HEADLINE_FROM_HEADING = "repair.headline-from-heading"
HEADLINE_FROM_FIRST_LINE = "repair.headline-from-first-line"


class _Reader:
    """One Markdown document being read: its losses, repairs and errors, from tokens.

    ``people`` says the document was not written by briefmodel: section roles are inferred
    from titles, and the headline is the front matter's ``title`` (given as ``title``)
    before a ``#`` heading; read leniently, it is else the first ``#`` heading even after
    text, else the first heading or the first line of text, each a repair."""

    def __init__(
        self, *, strict: bool, offset: int = 0, people: bool = False, title: str | None = None
    ) -> None:
        self.strict = strict
        self.offset = offset  # lines of front matter before the body
        self.people = people
        self.title = title
        self.losses = ProblemLog()
        self.repairs = ProblemLog()
        self.errors = ProblemLog()
        self.line = 0  # the line of the block being read
        #: The line of each node built, by the node's identity, for :meth:`line_of`.
        self.lines: dict[int, int] = {}

    def lose(
        self,
        what: str,
        line: int | None = None,
        *,
        problem: str = "has no place in the model",
        instead: tuple[str, str] = ("drops it", "is dropped"),
    ) -> None:
        if not self.losses.room():  # counted, not described
            self.losses.skip("error" if self.strict else "warning")
            return
        self.losses.append(
            Problem(
                severity="error" if self.strict else "warning",
                code=LOSS_CODE,
                message=loss_message(what, problem, instead, strict=self.strict),
                line=line if line is not None else self.line,
            )
        )

    def repair(self, code: str, message: str, line: int | None = None) -> None:
        """What reading leniently had to assume, as a warning (nothing, reading strictly)."""
        if not self.strict:
            self.repairs.append(
                Problem(
                    severity="warning",
                    code=code,
                    message=message,
                    line=line if line is not None else self.line,
                )
            )

    def fail(self, code: str, message: str, line: int | None = None) -> None:
        self.errors.append(
            Problem(
                severity="error",
                code=code,
                message=message,
                line=line if line is not None else self.line,
            )
        )

    def build(self, cls: type, **fields: Any) -> dict[str, Any]:
        """A node of the model as canonical JSON data: its ``type`` tag (for a block or
        an inline node) and its fields but those that are None, at the current line."""
        node = {k: v for k, v in fields.items() if v is not None}
        tag = TAGS.get(cls)
        if tag is not None:
            node["type"] = tag
        self.lines[id(node)] = self.line
        return node

    def line_of(self, pointer: str, document: dict[str, Any]) -> int | None:
        """The line of the innermost node built on the way to ``pointer`` in
        ``document`` (the brief's data): where a problem of the model's is."""
        found = None
        node: Any = document
        for step in pointer.split("/")[1:]:
            key = step.replace("~1", "/").replace("~0", "~")
            if type(node) is dict and key in node:
                node = node[key]
            elif type(node) is list and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                break
            found = self.lines.get(id(node), found)
        return found

    def at(self, token: Token) -> int:
        line = (token.map[0] + 1 if token.map else 0) + self.offset
        self.line = line
        if token.level >= MAX_NESTING - 1:
            raise _refuse("parse.too-deep", f"blocks nest more than {MAX_NESTING} deep", line)
        return line

    # -- the document -----------------------------------------------------------------

    def body(self, tokens: list[Token]) -> tuple[str | None, str | None, list[dict[str, Any]]]:
        headline: str | None = None
        subheadline: str | None = None
        roots: list[dict[str, Any]] = []
        stack: list[tuple[int, dict[str, Any]]] = []
        plan = self.plan(tokens)
        shift = 1 if plan.shift else 0
        index = 0
        count = len(tokens)
        while index < count:
            token = tokens[index]
            line = self.at(token)
            if index == plan.first_line:
                headline, rest = self.first_line(tokens[index + 1].children or [])
                index += 3
                if rest:
                    roots.append(_implicit([self.build(Paragraph, content=rest)]))
                    stack.append((2, roots[-1]))
                continue
            if token.type == "heading_open":
                inline = tokens[index + 1]
                level = int(token.tag[1])
                index += 3
                if index - 3 == plan.heading:
                    headline = self.heading_text(inline) or None
                    if headline is None:
                        self.fail("schema.min-length", "the headline ('# …') is empty", line)
                    subheadline, index = self.subheadline(tokens, index)
                    continue
                attributes = self.attributes(inline.meta.get("attributes"), _SECTION_KEYS)
                level = max(level + shift, 2)
                if "level" in attributes:
                    level = attributes["level"]
                while stack and stack[-1][0] >= level:
                    stack.pop()
                title = self.heading_text(inline) or None
                role = attributes.get("role")
                if role is None and self.people and title is not None:
                    role = role_for(title)
                section = self.build(
                    Section, title=title, id=attributes.get("id"), role=role, blocks=[], sections=[]
                )
                (stack[-1][1]["sections"] if stack else roots).append(section)
                stack.append((level, section))
                continue
            if not stack:  # text before the first section's heading
                roots.append(_implicit([]))
                stack.append((2, roots[-1]))
            blocks, index = self.blocks(tokens, index, None, one=True)
            stack[-1][1]["blocks"].extend(blocks)
        return headline, subheadline, roots

    def plan(self, tokens: list[Token]) -> _Plan:
        """Where the headline is: a ``#`` heading as the first block (briefmodel's own
        Markdown, and people's without a title in the front matter), one equal to the
        front matter's title, or (people's, read leniently) the fallbacks, each a repair;
        and whether ``#`` headings are sections, a level above ``##``."""
        first = tokens[0] if tokens else None
        first_h1 = first is not None and first.type == "heading_open" and first.tag == "h1"
        if not self.people:
            return _Plan(heading=0 if first_h1 else None)
        headings = [i for i, t in enumerate(tokens) if t.type == "heading_open" and t.level == 0]
        if self.title is not None:
            same = first_h1 and _words(tokens[1]) == " ".join(self.title.split())
            sections = headings[1:] if same else headings
            return _Plan(
                heading=0 if same else None,
                shift=any(tokens[i].tag == "h1" for i in sections),
            )
        if first_h1 or self.strict:
            return _Plan(heading=0 if first_h1 else None)
        if headings and tokens[headings[0]].tag == "h1":  # after text: still the headline
            at = headings[0]
        elif first is not None and first.type == "paragraph_open":
            if _figure_like(tokens[1].children or []):
                return _Plan()
            self.repair(
                HEADLINE_FROM_FIRST_LINE,
                "the document has no '# …' headline: its first line is taken as the headline",
                self.at(first),
            )
            return _Plan(first_line=0)
        elif headings and headings[0] == 0:  # a lower heading first, and no '#' one
            at = 0
        else:
            return _Plan()
        self.repair(
            HEADLINE_FROM_HEADING,
            "the document's headline is taken from this heading"
            + (" (text before it stays the first section's)" if at else ""),
            self.at(tokens[at]),
        )
        return _Plan(heading=at)

    def first_line(self, children: list[Token]) -> tuple[str | None, list[Any]]:
        """The first line of a paragraph as the headline, and the rest of its text."""
        cut = next(
            (i for i, c in enumerate(children) if c.type in ("softbreak", "hardbreak")),
            len(children),
        )
        headline = " ".join(plain_text(self.rich(children[:cut], 0)).split()) or None
        return headline, self.rich(children[cut + 1 :], 0)

    def heading_text(self, inline: Token) -> str:
        return plain_text(self.rich(inline.children or [], 0))

    def subheadline(self, tokens: list[Token], index: int) -> tuple[str | None, int]:
        """A paragraph of emphasized text alone, right after the headline."""
        if index + 2 < len(tokens) and tokens[index].type == "paragraph_open":
            children = tokens[index + 1].children or []
            if (
                len(children) >= 3
                and children[0].type == "em_open"
                and children[-1].type == "em_close"
                and all(c.type in ("text", "softbreak") for c in children[1:-1])
            ):
                text = "".join(c.content or " " for c in children[1:-1])
                return text, index + 3
        return None, index

    def attributes(self, text: str | None, known: dict[str, str]) -> dict[str, Any]:
        """An attribute list: ``#id``, ``.role`` and ``key=value`` words."""
        found: dict[str, Any] = {}
        for word in (text or "").split():
            if word.startswith("#"):
                key, value = "id", word[1:]
            elif word.startswith("."):
                key, value = "role", word[1:]
            else:
                key, _, value = word.partition("=")
            if key not in known:
                self.lose(f"the attribute {word[:40]!r}")
                continue
            if known[key] == "int":
                if not value.isdigit() or not 6 < int(value) < 1000:
                    self.fail(
                        "schema.type",
                        f"{word[:40]!r}: expected a level from 7 to 999 (levels 1 to 6 are "
                        "written as # to ######)",
                    )
                    continue
                found[key] = int(value)
            elif known[key] == "list":
                found[key] = value.split(",") if value else []
            else:
                found[key] = value
        return found

    # -- blocks ------------------------------------------------------------------------

    def blocks(
        self, tokens: list[Token], index: int, close: str | None, *, one: bool = False
    ) -> tuple[list[Any], int]:
        """The blocks from ``index`` to the token ``close`` (past it), or one block."""
        out: list[Any] = []
        while index < len(tokens):
            token = tokens[index]
            if token.type == close:
                return out, index + 1
            self.at(token)
            reader = _BLOCK_READERS.get(token.type)
            if reader is None:
                index = self.skip(tokens, index)
            else:
                block, index = reader(self, tokens, index)
                if block is not None:
                    out.append(block)
            if one:
                break
        return out, index

    def skip(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        if token.type == "html_block":
            text = " ".join(token.content.split())
            self.lose(f"HTML ({text[:40]!r})")
        elif token.type == "heading_open":
            self.lose("a heading inside a list or quote")
        elif token.type != "hr":
            self.lose(f"a {token.type}")
        if token.nesting == 1:  # a container we do not read: skip to its end
            depth = 0
            while index < len(tokens):
                depth += tokens[index].nesting
                index += 1
                if depth == 0:
                    break
            return index
        return index + 1

    def paragraph(self, tokens: list[Token], index: int) -> tuple[Any, int]:
        inline = tokens[index + 1]
        empty = _EMPTY.get(inline.content)
        if empty is not None:
            return self.build(empty[0], **empty[1]), index + 3
        children = inline.children or []
        figure = self.figure(children)
        if figure is not None:
            return figure, index + 3
        return self.build(Paragraph, content=self.rich(children, 0)), index + 3

    def figure(self, children: list[Token]) -> Any:
        if not _figure_like(children):
            return None
        image = children[0]
        src = str(image.attrs.get("src", ""))
        alt = plain_text(self.rich(image.children or [], 0))
        if not alt:
            self.lose(f"an image without alternative text ({src[:40]!r})")
            return None
        title = image.attrs.get("title")
        return self.build(
            Figure,
            src=src,
            alt=alt,
            caption=self.rich(children[2:], 0),
            credit=str(title) if title else None,
        )

    def code_block(self, tokens: list[Token], index: int) -> tuple[Any, int]:
        token = tokens[index]
        if token.type == "fence" and token.info.strip() == TABLE_FENCE:
            return table_fence(self, token), index + 1
        text = token.content.rstrip("\n")
        if not text.strip():
            return None, index + 1
        return self.build(Paragraph, content=[self.build(Code, text=text)]), index + 1

    def item_list(self, tokens: list[Token], index: int) -> tuple[Any, int]:
        ordered = tokens[index].type == "ordered_list_open"
        close = tokens[index].type.replace("_open", "_close")
        index += 1
        items: list[dict[str, Any]] = []
        while tokens[index].type == "list_item_open":
            self.at(tokens[index])
            index += 1
            content: list[Any] = []
            if tokens[index].type == "paragraph_open":
                inline = tokens[index + 1]
                children = inline.children or []
                if inline.content == "{}":
                    index += 3
                elif not _figure_like(children):
                    content = self.rich(children, 0)
                    index += 3
            blocks, index = self.blocks(tokens, index, "list_item_close")
            items.append(self.build(ListItem, content=content, blocks=blocks))
        assert tokens[index].type == close
        return self.build(ItemList, items=items, ordered=ordered), index + 1

    # -- inline ------------------------------------------------------------------------

    def rich(self, children: list[Token], index: int, close: str | None = None) -> list[Any]:
        return self.inline(children, index, close, 0)[0]

    def inline(
        self, children: list[Token], index: int, close: str | None, in_link: int
    ) -> tuple[list[Any], int]:
        out: list[Any] = []
        count = len(children)
        while index < count:
            token = children[index]
            kind = token.type
            if kind == close:
                return _joined(out), index + 1
            index += 1
            if kind == "text" or kind == "text_special":
                out.append(token.content)
            elif kind == "softbreak":
                out.append(" ")
            elif kind == "hardbreak":
                out.append(LINE_BREAK)
            elif kind == "code_inline":
                if token.content:
                    out.append({"type": "code", "text": token.content})
            elif kind == "em_open" or kind == "strong_open":
                inner, index = self.inline(children, index, kind[:-5] + "_close", in_link)
                tag = "emphasis" if kind == "em_open" else "strong"
                out.append({"type": tag, "content": inner})
            elif kind == "link_open":
                inner, index = self.inline(children, index, "link_close", in_link + 1)
                node = self.link(token, str(token.attrs.get("href", "")), inner)
                if node is not None:
                    out.append(node)
            elif kind == "image":
                node = self.image(token, in_link)
                if node is not None:
                    out.append(node)
            elif kind == "html_inline":
                self.lose(f"inline HTML ({token.content[:40]!r})")
            else:
                self.lose(f"a {kind}")
        return _joined(out), index

    def link(self, token: Token, href: str, content: list[Any]) -> Any:
        if href.startswith(_ENTITY):
            return self.build(Mention, ref=href[len(_ENTITY) :], content=content)
        if href.startswith(_SOURCE):
            return self.build(Citation, ref=href[len(_SOURCE) :])
        if token.markup == "autolink":
            return self.build(Link, href=href)
        title = token.attrs.get("title")
        return self.build(Link, href=href, content=content, title=str(title) if title else None)

    def image(self, token: Token, in_link: int) -> Any:
        src = str(token.attrs.get("src", ""))
        children = token.children or []
        idiom = _IMAGE_IDIOMS.get(src)
        if idiom is not None:
            return idiom(self, children, in_link)
        if src.startswith((_ENTITY, _SOURCE)) or in_link:
            content, _ = self.inline(children, 0, None, in_link + 1)
            return self.link(token, src, content)
        self.lose(f"an image inside text ({src[:40]!r})")
        return None


@attrs.frozen(kw_only=True)
class _Plan:
    """Where a document's headline is: the index of the heading token that is the
    headline, or of the paragraph whose first line is; and whether ``#`` headings are
    sections a level above ``##`` (when the front matter's title is the headline)."""

    heading: int | None = None
    first_line: int | None = None
    shift: bool = False


def _words(inline: Token) -> str:
    """The words of a heading, without reading its markup (nor reporting its losses)."""
    kept = ("text", "text_special", "code_inline", "softbreak", "hardbreak")
    return " ".join(
        "".join(c.content or " " for c in inline.children or [] if c.type in kept).split()
    )


def _implicit(blocks: list[Any]) -> dict[str, Any]:
    """The untitled section of the text before the first section's heading."""
    return {"blocks": blocks, "sections": []}


def _figure_like(children: list[Token]) -> bool:
    """Whether a paragraph is a figure: an image (not an idiom), then nothing or a line
    break and the caption."""
    if not children or children[0].type != "image":
        return False
    src = str(children[0].attrs.get("src", ""))
    if src.startswith(("#bm:", _ENTITY, _SOURCE)):
        return False
    return len(children) == 1 or children[1].type == "hardbreak"


def _joined(nodes: list[Any]) -> list[Any]:
    out: list[Any] = []
    for node in nodes:
        if type(node) is str and out and type(out[-1]) is str:
            out[-1] += node
        elif node != "":
            out.append(node)
    return out


#: The paragraphs that stand for what Markdown cannot show: empty blocks (each built
#: anew, at its line).
_EMPTY: dict[str, tuple[type, dict[str, Any]]] = {
    "{}": (Paragraph, {"content": []}),
    "{.list}": (ItemList, {"items": [], "ordered": False}),
    "{.ordered-list}": (ItemList, {"items": [], "ordered": True}),
}
_SECTION_KEYS = {"id": "str", "role": "str", "level": "int"}

_BLOCK_READERS: dict[str, Callable[[_Reader, list[Token], int], tuple[Any, int]]] = {
    "paragraph_open": _Reader.paragraph,
    "bullet_list_open": _Reader.item_list,
    "ordered_list_open": _Reader.item_list,
    "blockquote_open": blockquote,
    "code_block": _Reader.code_block,
    "fence": _Reader.code_block,
    "table_open": table,
}
_IMAGE_IDIOMS: dict[str, Callable[[_Reader, list[Token], int], Any]] = {
    _IDIOM_EM: lambda r, c, n: r.build(Emphasis, content=r.inline(c, 0, None, n)[0]),
    _IDIOM_STRONG: lambda r, c, n: r.build(Strong, content=r.inline(c, 0, None, n)[0]),
    _IDIOM_CODE: lambda r, c, n: r.build(Code, text=plain_text(r.inline(c, 0, None, n)[0])),
    _IDIOM_BREAK: lambda r, c, n: LINE_BREAK,
}
