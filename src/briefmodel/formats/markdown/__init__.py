"""Markdown: a brief as CommonMark that people read and write, and Markdown read back.

``bm.dumps(brief, "markdown")`` writes CommonMark: a front-matter block with the metadata
the body does not show, ``# headline``, the subheadline as an emphasized paragraph,
sections as ``##``…``######`` headings (with ``{#id .role}`` attribute lists), paragraphs,
lists, block quotes, judgments, figures, emphasis, links, mentions
(``[text](#entity:ID)``) and citations (``[^1]``, a reference link to ``#source:ID``).
Every text is escaped, so that no character of the brief's text becomes markup, and
``bm.loads(text, "markdown")`` gives back an equal brief.

Markdown written by people is read too: the first ``#`` heading is the headline, ``##``
and deeper headings are sections, paragraphs, lists, quotes, emphasis, links, images and
code are kept; missing metadata gets defaults (an id hashed from the text, ``en``);
what the model cannot hold (HTML, tables) is reported as ``markdown.dropped`` with its
line. Parsing is markdown-it-py's CommonMark, read from its token stream in one pass.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Ferry fares rise in spring",
...     created=datetime(2026, 3, 1, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Fares rise by *a tenth*.")])])
>>> text = bm.dumps(brief, "markdown")
>>> print(text)
---
id: "urn:example:1"
language: "en"
created: "2026-03-01T08:00:00+00:00"
---
<BLANKLINE>
# Ferry fares rise in spring
<BLANKLINE>
Fares rise by \\*a tenth\\*.
<BLANKLINE>
>>> bm.loads(text, "markdown") == brief
True
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import attrs
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..._converter import SCHEMA_ID
from ...errors import BriefmodelWarning, ParseError, Problem, ValidationError
from ...model import (
    BLOCK_TYPES,
    INLINE_TYPES,
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
    Section,
    Strong,
    plain_text,
)
from .. import UNDATED, Format
from .. import json as json_format

__all__ = [
    "FORMAT",
    "JUDGMENT_MARKER",
    "MAX_BYTES",
    "MAX_NESTING",
    "read",
    "sniff",
    "write",
]

#: Documents larger than this are refused before parsing.
MAX_BYTES = 64 * 1024 * 1024
#: How deep blocks may nest (markdown-it-py's ``maxNesting``); deeper input is refused.
MAX_NESTING = 64
#: The first line of a judgment's block quote.
JUDGMENT_MARKER = "[!JUDGMENT]"
#: The problem code of what a Markdown document holds that the model has no place for.
LOSS_CODE = "markdown.dropped"
#: Where a lenient read keeps unknown front-matter keys (as the JSON reader does).
UNKNOWN_KEY = "briefmodel:unknown"
_HASHED_ID = "urn:briefmodel:markdown:sha256:"

#: The image addresses of the idioms for what Markdown's own syntax cannot say exactly.
_IDIOM_EM = "#bm:em"
_IDIOM_STRONG = "#bm:strong"
_IDIOM_CODE = "#bm:code"
_IDIOM_BREAK = "#bm:br"
_ENTITY = "#entity:"
_SOURCE = "#source:"

#: Fields of the brief shown by the body, not the front matter.
_BODY_FIELDS = frozenset({"schema", "headline", "subheadline", "sections"})


# ======================================================================================
# The parser


class _Parser(MarkdownIt):
    """CommonMark that keeps link addresses exactly as written (after unescaping): no
    percent-encoding and no refusal of schemes (the brief's rules check URLs)."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


#: A heading's trailing attribute list: ``{#id .role level=7}`` after a space (or alone).
_HEADING_ATTRIBUTES = re.compile(r"(?:^|[ \t])\{([^{}\\]*)\}[ \t]*$")


def _heading_attributes(state: StateCore) -> None:
    """Core rule (before inline parsing): move a heading's attribute list out of its text."""
    tokens = state.tokens
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.type == "inline" and tokens[index - 1].type == "heading_open":
            found = _HEADING_ATTRIBUTES.search(token.content)
            if found is not None:
                token.meta["attributes"] = found.group(1)
                token.content = token.content[: found.start()].rstrip(" \t")


_MD = _Parser("commonmark", {"maxNesting": MAX_NESTING})
_MD.core.ruler.before("inline", "briefmodel_attributes", _heading_attributes)


# ======================================================================================
# Writing: escaping

#: Characters escaped with a backslash wherever they are in text.
_ALWAYS = re.compile(
    r"[\\`*_\[\]<{]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)"
)
#: What would start a block at the beginning of a line.
_LINE_START = re.compile(r"[#>+=\-~]|[0-9]{1,9}(?=[.)])")
#: Characters written as numeric character references wherever they are: line breaks.
_BREAKS = re.compile("[\n\r]")


def _edge_space(char: str) -> bool:
    """True for a character Markdown strips at the edges of a line or block."""
    return char.isspace() and char != "\x85"


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


def _escape(
    text: str, *, start: bool = False, end: bool = False, block: bool = False, heading: bool = False
) -> str:
    """``text`` as Markdown text that reads back as itself.

    ``start`` and ``end`` say that white space at that end would be lost (it is written
    as character references); ``block`` that the text begins a line (where ``#``, ``>``,
    ``-``, ``1.``… would start a block); ``heading`` that it is in a heading (``#`` is
    escaped everywhere).
    """
    out = _ALWAYS.sub(_backslash, text)
    if heading and "#" in out:
        out = out.replace("#", "\\#")
    if "\n" in out or "\r" in out:
        out = _BREAKS.sub(lambda m: _ref(m.group()), out)
    if (start or block) and out:
        lead = 0
        if start:
            while lead < len(out) and _edge_space(out[lead]):
                lead += 1
        if lead:
            out = "".join(_ref(c) for c in out[:lead]) + out[lead:]
        elif block:
            found = _LINE_START.match(out)
            if found is not None:
                if found.group()[0].isdigit():
                    out = out[: found.end()] + "\\" + out[found.end() :]
                else:
                    out = "\\" + out
    if end and out:
        trail = len(out)
        while trail > 0 and _edge_space(out[trail - 1]):
            trail -= 1
        if trail < len(out):
            out = out[:trail] + "".join(_ref(c) for c in out[trail:])
    if out.endswith("!"):
        out = out[:-1] + "\\!"  # before a link it would make an image
    return out


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group()


_BARE_URL = re.compile(r"[A-Za-z0-9\-._~:/?#@!$'*+,;=%]+")


def _destination(url: str) -> str:
    """A link destination: as it is when it is plain, else in angle brackets, which hold
    any character once escaped."""
    if _BARE_URL.fullmatch(url):
        return url
    out = re.sub(r"[\\<>]|&(?=#?[A-Za-z0-9]+;)", lambda m: "\\" + m.group(), url)
    return "<" + _BREAKS.sub(lambda m: _ref(m.group()), out) + ">"


def _title(title: str) -> str:
    out = re.sub(r'[\\"]|&(?=#?[A-Za-z0-9]+;)', lambda m: "\\" + m.group(), title)
    return ' "' + _BREAKS.sub(lambda m: _ref(m.group()), out) + '"'


def _code_span(text: str) -> str | None:
    """A code span holding exactly ``text``, or None when no code span can (a line
    break inside, which a code span turns into a space)."""
    if "\n" in text or "\r" in text:
        return None
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = text.strip(" ") != "" and (
        text[0] == "`" or text[-1] == "`" or (text[0] == " " and text[-1] == " ")
    )
    return f"{fence} {text} {fence}" if pad else f"{fence}{text}{fence}"


# ======================================================================================
# Writing: the document


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
        return found == tuple(content) and not reader.losses and not reader.errors

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


def _quoted(lines: list[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


_BLOCK_WRITERS: dict[type, Callable[[_Writer, Any], list[str]]] = {
    Paragraph: _Writer.paragraph,
    ItemList: _Writer.item_list,
    Quote: _Writer.quote,
    Judgment: _Writer.judgment,
    Figure: _Writer.figure,
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

#: Characters a YAML document cannot hold as they are, or that some readers take for line
#: breaks, and ``<`` (a renderer that does not know front matter would see HTML): written
#: as ``\\u`` escapes inside the JSON strings of the front matter.
_NOT_YAML = re.compile("[<\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _yaml_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _front_matter(meta: dict[str, Any]) -> str:
    """The front matter: ``key: JSON value`` lines, a list as a block sequence of JSON
    values. JSON values are YAML flow nodes, so this is YAML too."""
    lines = ["---"]
    for key, value in meta.items():
        if type(value) is list and value:
            lines.append(f"{key}:")
            lines.extend(f"  - {_yaml_json(item)}" for item in value)
        else:
            lines.append(f"{key}: {_yaml_json(value)}")
    lines.append("---")
    return "\n".join(lines)


def write(brief: Brief) -> str:
    """Write ``brief`` as CommonMark with a front matter (see the module's docs).

    The same brief always gives the same text.
    """
    return _Writer(brief).document()


# ======================================================================================
# Reading: the front matter

_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_ITEM_LINE = re.compile(r"[ \t]+-(?:[ \t]+(.*?))?[ \t]*$")
_JSON_START = re.compile(r'["\[{]|-?[0-9]|true$|false$|null$')
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Front-matter keys people use, and the fields they fill when the field itself is absent.
_ALIASES = {
    "title": "headline",
    "subtitle": "subheadline",
    "date": "created",
    "tags": "keywords",
    "author": "authors",
}


def _refuse(code: str, message: str, line: int | None = None) -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message, line=line))


def _scalar(text: str, line: int) -> Any:
    """A front-matter value: JSON (a YAML flow node), else a YAML plain scalar (a string)."""
    if not text:
        return None
    if _JSON_START.match(text):
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as error:
            if text[0] == "[" and text.endswith("]") and "{" not in text:
                return [_plain(part) for part in text[1:-1].split(",") if part.strip()]
            if text[0] in '"[{':
                raise _refuse(
                    "parse.syntax",
                    f"the front-matter value is not a JSON value (write values as JSON, "
                    f"which YAML reads too): {error}",
                    line,
                ) from None
    return _plain(text)


def _plain(text: str) -> str:
    text = re.sub(r"[ \t]+#.*$", "", text).strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def _parse_front_matter(lines: list[str]) -> tuple[dict[str, Any], dict[str, int], int]:
    """The front matter's values, the line of each key, and the lines it takes (0: none)."""
    if not lines or lines[0].rstrip("\r \t") != "---":
        return {}, {}, 0
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    pending: str | None = None
    for index in range(1, len(lines)):
        line = lines[index].rstrip("\r")
        number = index + 1
        if line.rstrip() in ("---", "..."):
            return values, where, index + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM_LINE.match(line)
        if item is not None and pending is not None:
            values[pending].append(_scalar(item.group(1) or "", number))
            continue
        found = _KEY_LINE.match(line)
        if found is None:
            raise _refuse(
                "parse.syntax",
                "the front matter holds a line that is not 'key: value' or '  - item' "
                "(briefmodel reads a subset of YAML: one key a line, values as JSON)",
                number,
            )
        key, text = found.group(1), found.group(2) or ""
        if key in values:
            raise _refuse("parse.duplicate-key", f"the front matter has {key!r} twice", number)
        where[key] = number
        if text:
            values[key], pending = _scalar(text, number), None
        else:
            values[key], pending = [], key
    raise _refuse("parse.syntax", "the front matter is not closed by a '---' line", 1)


# ======================================================================================
# Reading: the body


class _Reader:
    """One Markdown document being read: its losses and errors, from tokens."""

    def __init__(self, *, strict: bool, offset: int = 0) -> None:
        self.strict = strict
        self.offset = offset  # lines of front matter before the body
        self.losses: list[Problem] = []
        self.errors: list[Problem] = []
        self.line = 0  # the line of the block being read

    def lose(self, what: str, line: int | None = None) -> None:
        self.losses.append(
            Problem(
                severity="error" if self.strict else "warning",
                code=LOSS_CODE,
                message=f"{what} has no place in the model"
                + ("; strict=False drops it with a warning" if self.strict else " and is dropped"),
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

    def build(self, cls: type, **fields: Any) -> Any:
        try:
            return cls(**fields)
        except ValueError as error:  # ModelError
            self.fail(getattr(error, "code", "schema.type"), str(error))
            return None

    def at(self, token: Token) -> int:
        line = (token.map[0] + 1 if token.map else 0) + self.offset
        self.line = line
        if token.level >= MAX_NESTING - 1:
            raise _refuse("parse.too-deep", f"blocks nest more than {MAX_NESTING} deep", line)
        return line

    # -- the document -----------------------------------------------------------------

    def body(self, tokens: list[Token]) -> tuple[str | None, str | None, list[Section]]:
        headline: str | None = None
        subheadline: str | None = None
        roots: list[dict[str, Any]] = []
        stack: list[tuple[int, dict[str, Any]]] = []
        index = 0
        count = len(tokens)
        while index < count:
            token = tokens[index]
            line = self.at(token)
            if token.type == "heading_open":
                inline = tokens[index + 1]
                level = int(token.tag[1])
                index += 3
                if level == 1 and headline is None and not roots:
                    headline = self.heading_text(inline) or None
                    if headline is None:
                        self.fail("schema.min-length", "the headline ('# …') is empty", line)
                    subheadline, index = self.subheadline(tokens, index)
                    continue
                attributes = self.attributes(inline.meta.get("attributes"), _SECTION_KEYS)
                level = max(level, 2)
                if "level" in attributes:
                    level = attributes["level"]
                while stack and stack[-1][0] >= level:
                    stack.pop()
                section: dict[str, Any] = {
                    "title": self.heading_text(inline) or None,
                    "id": attributes.get("id"),
                    "role": attributes.get("role"),
                    "blocks": [],
                    "sections": [],
                }
                (stack[-1][1]["sections"] if stack else roots).append(section)
                stack.append((level, section))
                continue
            if not stack:  # text before the first section's heading
                implicit: dict[str, Any] = {
                    "title": None,
                    "id": None,
                    "role": None,
                    "blocks": [],
                    "sections": [],
                }
                roots.append(implicit)
                stack.append((2, implicit))
            blocks, index = self.blocks(tokens, index, None, one=True)
            stack[-1][1]["blocks"].extend(blocks)
        sections = [s for s in (self.section(r) for r in roots) if s is not None]
        return headline, subheadline, sections

    def section(self, data: dict[str, Any]) -> Section | None:
        children = [s for s in (self.section(c) for c in data["sections"]) if s is not None]
        return self.build(Section, **{**data, "sections": children})  # type: ignore[no-any-return]

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
                    self.fail("schema.type", f"{word[:40]!r}: expected a level from 7")
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
            return empty, index + 3
        if _TABLE.match(inline.content):
            self.lose("a table")
            return None, index + 3
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
        text = tokens[index].content.rstrip("\n")
        if not text.strip():
            return None, index + 1
        return Paragraph(content=Code(text=text)), index + 1

    def item_list(self, tokens: list[Token], index: int) -> tuple[Any, int]:
        ordered = tokens[index].type == "ordered_list_open"
        close = tokens[index].type.replace("_open", "_close")
        index += 1
        items: list[ListItem] = []
        while tokens[index].type == "list_item_open":
            self.at(tokens[index])
            index += 1
            content: tuple[Any, ...] = ()
            if tokens[index].type == "paragraph_open":
                inline = tokens[index + 1]
                children = inline.children or []
                if inline.content == "{}":
                    index += 3
                elif not _figure_like(children):
                    content = self.rich(children, 0)
                    index += 3
            blocks, index = self.blocks(tokens, index, "list_item_close")
            item = self.build(ListItem, content=content, blocks=blocks)
            if item is not None:
                items.append(item)
        assert tokens[index].type == close
        return ItemList(items=items, ordered=ordered), index + 1

    def blockquote(self, tokens: list[Token], index: int) -> tuple[Any, int]:
        start = index
        line = self.at(tokens[index])
        children, end = self.blocks(tokens, index + 1, "blockquote_close")
        first = tokens[index + 1]
        if first.type == "paragraph_open":
            marker = _JUDGMENT.match(tokens[index + 2].content)
            if marker is not None:
                return self.judgment(tokens, start, marker.group(1), children[1:], line), end
        paragraphs = list(children)
        cite: tuple[Any, ...] | None = None
        last = self.last_paragraph(tokens, end - 1)
        if len(children) >= 2 and last is not None and _CITE.match(last.content):
            cite = self.rich(last.children or [], 0)
            paragraphs = paragraphs[:-1]
        content: list[Any] = []
        for block in paragraphs:
            if type(block) is not Paragraph:
                self.lose(f"a {type(block).__name__.lower()} inside a quote", line)
                continue
            if content:
                content.append(LineBreak())
            content.extend(block.content)
        attribution, source_ref = _attribution(cite) if cite is not None else (None, None)
        quote = self.build(
            Quote, content=content, attribution=attribution or None, source_ref=source_ref
        )
        return quote, end

    def last_paragraph(self, tokens: list[Token], close: int) -> Token | None:
        """The inline token of the paragraph that ends just before ``close``, if any."""
        if tokens[close - 1].type == "paragraph_close" and tokens[close - 1].level == (
            tokens[close].level + 1
        ):
            return tokens[close - 2]
        return None

    def judgment(
        self, tokens: list[Token], start: int, attributes: str | None, rest: list[Any], line: int
    ) -> Any:
        found = self.attributes(attributes, _JUDGMENT_KEYS)
        statement: list[Any] = []
        for block in rest:
            if type(block) is not Paragraph:
                self.lose(f"a {type(block).__name__.lower()} inside a judgment", line)
                continue
            if statement:
                statement.append(LineBreak())
            statement.extend(block.content)
        return self.build(Judgment, statement=statement, **found)

    # -- inline ------------------------------------------------------------------------

    def rich(self, children: list[Token], index: int, close: str | None = None) -> tuple[Any, ...]:
        return self.inline(children, index, close, 0)[0]

    def inline(
        self, children: list[Token], index: int, close: str | None, in_link: int
    ) -> tuple[tuple[Any, ...], int]:
        out: list[Any] = []
        count = len(children)
        while index < count:
            token = children[index]
            kind = token.type
            if kind == close:
                return tuple(_joined(out)), index + 1
            index += 1
            if kind == "text" or kind == "text_special":
                out.append(token.content)
            elif kind == "softbreak":
                out.append(" ")
            elif kind == "hardbreak":
                out.append(LineBreak())
            elif kind == "code_inline":
                if token.content:
                    out.append(Code(text=token.content))
            elif kind == "em_open" or kind == "strong_open":
                inner, index = self.inline(children, index, kind[:-5] + "_close", in_link)
                out.append(Emphasis(content=inner) if kind == "em_open" else Strong(content=inner))
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
        return tuple(_joined(out)), index

    def link(self, token: Token, href: str, content: tuple[Any, ...]) -> Any:
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


def _attribution(cite: tuple[Any, ...]) -> tuple[str | None, str | None]:
    """A quote's attribution paragraph: ``— Name`` and optionally a citation."""
    nodes = list(cite)
    source_ref = None
    if nodes and type(nodes[-1]) is Citation:
        source_ref = nodes.pop().ref
    text = plain_text(tuple(nodes))
    found = _CITE.match(text)
    if found is not None:
        text = text[found.end() :]
    if source_ref is not None and text.endswith(" "):
        text = text[:-1]  # the space before the citation
    return text or None, source_ref


#: The paragraphs that stand for what Markdown cannot show: empty blocks.
_EMPTY: dict[str, Any] = {
    "{}": Paragraph(content=()),
    "{.list}": ItemList(items=(), ordered=False),
    "{.ordered-list}": ItemList(items=(), ordered=True),
}
_TABLE = re.compile(
    r"[^\n]*\|[^\n]*\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\n|$)"
)
_JUDGMENT = re.compile(r"\[!JUDGMENT\](?:[ \t]+\{([^{}]*)\})?[ \t]*$", re.IGNORECASE)
_CITE = re.compile("(?:—|―|--) ")
_SECTION_KEYS = {"id": "str", "role": "str", "level": "int"}
_JUDGMENT_KEYS = {"confidence": "str", "likelihood": "str", "basis": "list"}

_BLOCK_READERS: dict[str, Callable[[_Reader, list[Token], int], tuple[Any, int]]] = {
    "paragraph_open": _Reader.paragraph,
    "bullet_list_open": _Reader.item_list,
    "ordered_list_open": _Reader.item_list,
    "blockquote_open": _Reader.blockquote,
    "code_block": _Reader.code_block,
    "fence": _Reader.code_block,
}
_IMAGE_IDIOMS: dict[str, Callable[[_Reader, list[Token], int], Any]] = {
    _IDIOM_EM: lambda r, c, n: Emphasis(content=r.inline(c, 0, None, n)[0]),
    _IDIOM_STRONG: lambda r, c, n: Strong(content=r.inline(c, 0, None, n)[0]),
    _IDIOM_CODE: lambda r, c, n: r.build(Code, text=plain_text(r.inline(c, 0, None, n)[0])),
    _IDIOM_BREAK: lambda r, c, n: LineBreak(),
}


# ======================================================================================
# Reading: the whole


def _decode(data: str | bytes) -> str:
    if isinstance(data, (bytes, bytearray)):
        if len(data) > MAX_BYTES:
            raise _refuse(
                "parse.too-large",
                f"the document is {len(data):,} bytes; the limit is {MAX_BYTES:,}",
            )
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as error:
            line = bytes(data).count(b"\n", 0, error.start) + 1
            raise _refuse(
                "parse.encoding", f"the document is not UTF-8 (byte {error.start})", line
            ) from None
    elif isinstance(data, str):
        text = data
        if len(text) > MAX_BYTES:
            raise _refuse("parse.too-large", f"the document is {len(text):,} characters")
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        raise _refuse(
            "parse.syntax",
            "the document holds a NUL character: it is binary, not Markdown",
            text.count("\n", 0, nul) + 1,
        )
    return text


def _fields(values: dict[str, Any], where: dict[str, int], reader: _Reader) -> dict[str, Any]:
    """Front-matter values as canonical JSON fields: people's aliases and dates."""
    data = dict(values)
    for alias, field in _ALIASES.items():
        if alias in data and field not in data:
            data[field] = data.pop(alias)
            where[field] = where[alias]
    authors = data.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list):
        data["authors"] = [{"name": a} if isinstance(a, str) else a for a in authors]
    if isinstance(data.get("keywords"), str):
        data["keywords"] = [k.strip() for k in data["keywords"].split(",") if k.strip()]
    for field in ("created", "updated", "embargo_until"):
        value = data.get(field)
        if isinstance(value, str) and _DATE_ONLY.fullmatch(value):
            data[field] = value + "T00:00:00Z"
    return data


def read(data: str | bytes, *, strict: bool = True, created: datetime | None = None) -> Brief:
    """Read Markdown into a brief (without running the semantic rules).

    briefmodel's own Markdown is read exactly; Markdown written by people as far as the
    model holds it. Strict by default: anything dropped is an error naming its line. With
    ``strict=False`` what is dropped is listed in one
    :class:`~briefmodel.BriefmodelWarning`. A document without a ``created`` date in its
    front matter takes ``created``, and without that
    :data:`~briefmodel.formats.UNDATED` (as plain text does: the same document always
    gives the same brief). ``bm.loads(text, "markdown", created=...)`` passes it on.
    """
    text = _decode(data)
    lines = text.split("\n")
    try:
        values, where, skip = _parse_front_matter(lines)
    except RecursionError:
        raise _refuse("parse.too-deep", "a front-matter value nests too deeply") from None
    body = "\n".join(lines[skip:]) if skip else text
    reader = _Reader(strict=strict, offset=skip)
    try:
        env: dict[str, Any] = {}
        tokens = _MD.parse(body, env)
        headline, subheadline, sections = reader.body(tokens)
    except RecursionError:
        raise _refuse("parse.too-deep", "the document nests too deeply to be read") from None
    fields = _fields(values, where, reader)
    notes: list[str] = []
    if headline is not None:
        fields["headline"] = headline
    elif "headline" not in fields:
        reader.fail("schema.required", "the document has no headline (a '# …' line)", 1)
    if subheadline is not None:
        fields["subheadline"] = subheadline
    if "created" not in fields:
        fields["created"] = (created or UNDATED).isoformat()
    if "id" not in fields:
        digest = hashlib.sha256(" ".join(body.split()).encode("utf-8", "surrogatepass"))
        fields["id"] = _HASHED_ID + digest.hexdigest()[:32]
    problems = sorted(reader.errors + reader.losses, key=lambda p: p.line or 0)
    if reader.errors or (strict and reader.losses):
        raise ValidationError(problems)
    fields["schema"] = SCHEMA_ID
    fields["sections"] = [{}]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            brief = json_format.from_dict(fields, strict=strict)
        notes.extend(str(w.message) for w in caught)
    except ValidationError as error:
        raise ValidationError(
            attrs.evolve(p, line=where.get(p.path.split("/")[1] if p.path else "", p.line))
            for p in error.problems
        ) from None
    try:
        brief = attrs.evolve(brief, sections=sections or [Section()])
    except ValueError as error:
        raise ValidationError(
            [
                Problem(
                    severity="error", code=getattr(error, "code", "schema.type"), message=str(error)
                )
            ]
        ) from None
    if reader.losses or notes:
        shown = [f"line {p.line}: {p.message}" for p in reader.losses[:5]] + notes
        more = f" (and {len(reader.losses) - 5} more)" if len(reader.losses) > 5 else ""
        warnings.warn(BriefmodelWarning("read with " + "; ".join(shown) + more), stacklevel=3)
    return brief


def sniff(text: str) -> bool:
    """True when the text looks like Markdown: a front matter or a ``#`` headline."""
    head = text.lstrip("\ufeff \t\r\n")[:200]
    return head.startswith(("---\n", "---\r\n", "# "))


FORMAT = Format(
    name="markdown",
    suffixes=(".md", ".markdown"),
    media_type="text/markdown",
    read=read,
    write=write,
    sniff=sniff,
    description="CommonMark with a front matter (lossless for what briefmodel writes)",
)
