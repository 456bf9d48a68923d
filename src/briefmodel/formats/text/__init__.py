"""Plain text: a brief as the text of a web brief, and such texts read back.

``bm.dumps(brief, "text")`` writes the layout of a brief copied from a web page: the
headline on the first line (the subheadline, if any, on the line below it), then each
section's title on a line of its own between blank lines, paragraphs one to a line,
bulleted items as ``  • item`` and numbered items as ``(1) item``, a lead-in paragraph
right above its numbered list. Everything else is dropped: the fidelity table of the
docs lists what survives, and :func:`losses` says what a given brief would lose.

``bm.loads(text, "text")`` reads text in that layout: the first line is the headline; a
short line without final punctuation, standing alone between blank lines, is a section
title, and the section's role is inferred from it (:data:`ROLES`); lines starting with
``•`` (or ``◦``, ``▪``, ``-``, ``*``) are bulleted items, deeper indentation nests them;
a run of paragraphs or lines starting ``(1)``, ``(2)``, ``(3)`` … is a numbered list;
page furniture at the end (:data:`FURNITURE`: "Source", "Related Articles", "Latest
Posts" …) is dropped.

Two escapes keep what the writer writes from being misread: a block whose first line
starts with a backslash is a paragraph, taken as written without the backslash (the
writer uses it for a paragraph that would look like a title or a list item), and a line
standing alone that starts with ``# `` is a section title whatever it looks like (for
a title that would not look like one).

Text carries no id, date or language: ``read`` takes them as options, and without them
the id is a ``urn:`` made from a hash of the words read and the creation date is
:data:`UNDATED`.

>>> import briefmodel as bm
>>> text = '''Ferry Fares Rise in Spring
...
... Key Takeaways
...
...   • Fares rise by a tenth from April
...   • Season tickets keep their price
...
... Outlook
...
... The operator reviews the fares again in autumn.
... '''
>>> brief = bm.loads(text, "text")
>>> [(s.title, s.role) for s in brief.sections]
[('Key Takeaways', 'key-points'), ('Outlook', 'outlook')]
>>> [bm.plain_text(item.content) for item in brief.key_points]
['Fares rise by a tenth from April', 'Season tickets keep their price']
>>> bm.dumps(brief, "text") == text
True
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

import attrs

from ...errors import BriefmodelWarning, ParseError, Problem, ValidationError, pointer
from ...model import (
    Block,
    Brief,
    Figure,
    ItemList,
    Judgment,
    ListItem,
    Paragraph,
    Quote,
    Section,
    plain_text,
)
from .. import UNDATED, Format

__all__ = [
    "BULLET",
    "FORMAT",
    "FURNITURE",
    "HASHED_ID_PREFIX",
    "MAX_BYTES",
    "MAX_LINE",
    "MAX_TITLE_CHARS",
    "MAX_TITLE_WORDS",
    "ROLES",
    "UNDATED",
    "examine",
    "looks_like_title",
    "losses",
    "normalise",
    "read",
    "role_for",
    "sniff",
    "write",
]

#: The bullet the writer puts before the items of an unordered list.
BULLET = "•"
#: The id of a brief read without ``id=``: this prefix and a hash of the words read.
HASHED_ID_PREFIX = "urn:briefmodel:text:sha256:"
#: Text larger than this (in characters) is refused.
MAX_BYTES = 64 * 1024 * 1024
#: A line longer than this (in characters) is refused: the input is not text.
MAX_LINE = 100_000
#: A section title has at most this many characters and words.
MAX_TITLE_CHARS = 100
MAX_TITLE_WORDS = 12

#: Section roles inferred from titles. Keys are titles as :func:`role_for` normalises
#: them: case-folded, white space collapsed, final ``:`` dropped, ’ as '.
ROLES: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "flash points",
            "flashpoints",
            "key points",
            "key takeaways",
            "takeaways",
            "highlights",
            "key facts",
            "main points",
            "at a glance",
            "what to know",
            "key judgments",
            "key judgements",
        ),
        "key-points",
    ),
    **dict.fromkeys(
        (
            "summary",
            "executive summary",
            "overview",
            "in brief",
            "synopsis",
            "bottom line",
            "bottom line up front",
            "bluf",
            "tl;dr",
        ),
        "summary",
    ),
    **dict.fromkeys(
        ("context", "background", "what happened", "the backstory", "backstory", "situation"),
        "context",
    ),
    **dict.fromkeys(
        (
            "analysis",
            "signal value",
            "assessment",
            "our assessment",
            "why it matters",
            "what it means",
            "significance",
            "commentary",
            "insight",
            "insights",
            "the signal",
        ),
        "analysis",
    ),
    **dict.fromkeys(
        ("implications", "consequences", "impact", "impacts", "ramifications", "so what"),
        "implications",
    ),
    **dict.fromkeys(
        (
            "outlook",
            "what's next",
            "what next",
            "what comes next",
            "what to watch",
            "looking ahead",
            "the road ahead",
            "forecast",
            "scenarios",
        ),
        "outlook",
    ),
    **dict.fromkeys(
        (
            "recommendations",
            "recommended actions",
            "what to do",
            "next steps",
            "policy options",
            "options",
        ),
        "recommendations",
    ),
}

#: Titles of the page furniture that a web page puts after the text (normalised as for
#: :data:`ROLES`); dropped when they end the text.
FURNITURE = frozenset(
    {
        "source",
        "sources",
        "related",
        "related articles",
        "related posts",
        "related stories",
        "related content",
        "latest posts",
        "latest articles",
        "latest news",
        "recent posts",
        "more from",
        "more stories",
        "read more",
        "read next",
        "see also",
        "share",
        "share this",
        "share this article",
        "share this post",
        "tags",
        "topics",
        "comments",
        "leave a comment",
        "leave a reply",
        "subscribe",
        "newsletter",
        "sign up",
        "follow us",
        "advertisement",
    }
)

_BULLETS = "•◦▪‣●-*"
#: A list marker: indentation, then a bullet or "(n)", then a space or the line's end.
_MARKER = re.compile(
    r"(?P<indent>[^\S\n]*)(?:(?P<bullet>[" + re.escape(_BULLETS) + r"])|\((?P<number>[0-9]{1,4})\))"
    r"(?:[^\S\n]+|$)"
)
#: What makes the writer escape a paragraph: a backslash, a hash, a bullet or "(n)" first.
_NEEDS_ESCAPE = re.compile(r"[\\#" + re.escape(_BULLETS) + r"]|\([0-9]+\)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CLOSERS = "\"'”’»)]›"
_FINAL = ".,;:…。，；：、"


# --------------------------------------------------------------------------------------
# Words


def normalise(text: str) -> str:
    """Text as this format holds it: runs of white space (line breaks included) become one
    space, and none is left at either end.

    >>> normalise("  Fares\\n rise\\t by a tenth ")
    'Fares rise by a tenth'
    """
    return " ".join(text.split())


def _key(title: str) -> str:
    return normalise(title).casefold().replace("’", "'").rstrip(":?!. ")


def role_for(title: str, roles: Mapping[str, str] = ROLES) -> str | None:
    """The role a section title implies, or None.

    >>> role_for("Flash Points"), role_for("KEY TAKEAWAYS:"), role_for("Inside the Room")
    ('key-points', 'key-points', None)
    """
    return roles.get(_key(title))


def looks_like_title(line: str) -> bool:
    """Whether a line standing alone between blank lines reads as a section title: short
    (:data:`MAX_TITLE_CHARS`, :data:`MAX_TITLE_WORDS`), with a letter, without final
    punctuation (``.`` ``,`` ``;`` ``:`` ``…``; ``?`` and ``!`` are allowed), not a list
    item, not a web address.

    >>> looks_like_title("Signal Value"), looks_like_title("What Comes Next?")
    (True, True)
    >>> looks_like_title("Talks resumed."), looks_like_title("  • Fares rise")
    (False, False)
    """
    text = normalise(line)
    if not text or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if _NEEDS_ESCAPE.match(text) or "://" in text or text.casefold().startswith("www."):
        return False
    if not any(c.isalpha() for c in text):
        return False
    end = text.rstrip(_CLOSERS)
    return bool(end) and end[-1] not in _FINAL


# --------------------------------------------------------------------------------------
# Writing


def _block_text(block: Block) -> str:
    """The one line a block other than a list is written as."""
    kind = type(block)
    if kind is Quote:
        assert isinstance(block, Quote)
        said = normalise(plain_text(block.content))
        if block.attribution and normalise(block.attribution):
            said = f"{said} — {normalise(block.attribution)}".lstrip()
        return said
    if kind is Judgment:
        assert isinstance(block, Judgment)
        return normalise(plain_text(block.statement))
    if kind is Figure:
        assert isinstance(block, Figure)
        return normalise(plain_text(block.caption)) or normalise(block.alt)
    assert isinstance(block, Paragraph)
    return normalise(plain_text(block.content))


def _item_text(item: ListItem) -> str:
    parts = [plain_text(item.content)]
    parts.extend(_block_text(b) for b in item.blocks if type(b) is not ItemList)
    return normalise(" ".join(parts))


def _list_lines(block: ItemList, indent: int) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, 1):
        marker = f"({number})" if block.ordered else BULLET
        text = _item_text(item)
        lines.append(" " * indent + marker + (" " + text if text else ""))
        for inner in item.blocks:
            if type(inner) is ItemList and inner.items:
                lines.extend(_list_lines(inner, indent + 4))
    return lines


def _paragraph_line(text: str) -> tuple[str, bool]:
    """The line a paragraph is written as, and whether it was escaped."""
    if _NEEDS_ESCAPE.match(text) or looks_like_title(text):
        return "\\" + text, True
    return text, False


def _title_line(title: str) -> str:
    if looks_like_title(title) and _key(title) not in FURNITURE:
        return title
    return "# " + title


def _section_chunks(section: Section) -> Iterator[list[str]]:
    title = normalise(section.title or "")
    if title:
        yield [_title_line(title)]
    lead_in: list[str] | None = None  # the last paragraph written, if it can lead in
    for block in section.blocks:
        if type(block) is ItemList:
            if not block.items:
                continue
            lines = _list_lines(block, 0 if block.ordered else 2)
            if block.ordered and lead_in is not None:
                yield lead_in + lines  # the seed's layout: the lead-in right above "(1)"
            else:
                if lead_in is not None:
                    yield lead_in
                yield lines
            lead_in = None
            continue
        text = _block_text(block)
        if not text:
            continue
        line, escaped = _paragraph_line(text)
        if lead_in is not None:
            yield lead_in
        lead_in = None if escaped else [line]
        if escaped:
            yield [line]
    if lead_in is not None:
        yield lead_in


def write(brief: Brief) -> str:
    """Write ``brief`` as plain text in the layout of a web brief (deterministic).

    Inline markup becomes its text, white space is collapsed (:func:`normalise`), nested
    sections follow their parent in document order; what text cannot hold is dropped
    (see :func:`losses`).
    """
    head = [normalise(brief.headline)]
    subheadline = normalise(brief.subheadline or "")
    if subheadline:
        head.append(subheadline)
    chunks = [head]
    for section in brief.all_sections():
        chunks.extend(_section_chunks(section))
    return "\n\n".join("\n".join(chunk) for chunk in chunks) + "\n"


def losses(brief: Brief) -> list[Problem]:
    """What writing ``brief`` as text drops, as ``text.dropped`` warnings with the JSON
    Pointer of each field (the id, the creation date and the language are never written:
    :func:`read` takes them as options).

    >>> import briefmodel as bm
    >>> brief = bm.Brief(id="urn:x:1", headline="Fares rise", genre="brief",
    ...     created=UNDATED, sections=[bm.Section(role="summary", blocks=[])])
    >>> for problem in losses(brief):
    ...     print(problem.path, problem.message)
    /genre the genre is not written
    /sections/0/role the role summary is not written (text infers roles from titles)
    """
    found: list[Problem] = []

    def lose(path: tuple[str | int, ...], message: str) -> None:
        found.append(
            Problem(severity="warning", code="text.dropped", message=message, path=pointer(path))
        )

    for field in attrs.fields(Brief):
        if field.name in ("id", "created", "language", "headline", "subheadline", "sections"):
            continue
        value = getattr(brief, field.name)
        if value != field.default and not (
            isinstance(field.default, attrs.Factory) and not value  # type: ignore[arg-type]
        ):
            lose((field.name,), f"the {field.name.replace('_', ' ')} is not written")
    for path, node in brief.walk():
        kind = type(node)
        if kind is Section:
            if node.id is not None:
                lose((*path, "id"), "the section id is not written")
            if node.role is not None and node.role != role_for(node.title or ""):
                lose(
                    (*path, "role"),
                    f"the role {node.role} is not written (text infers roles from titles)",
                )
        elif kind in _MARKUP:
            lose(path, f"the {kind.__name__.lower()} markup is written as its text")
        elif kind is Quote and node.source_ref is not None:
            lose((*path, "source_ref"), "the quote's source is not written")
        elif kind is Judgment and (node.confidence or node.likelihood or node.basis):
            lose(path, "the judgment's confidence, likelihood and basis are not written")
        elif kind is Figure:
            lose(path, "the figure is written as its caption (or its alt text)")
    return found


def _markup_types() -> frozenset[type]:
    from ...model import INLINE_TYPES

    return frozenset(t for t in INLINE_TYPES if t is not str)


_MARKUP = _markup_types()


# --------------------------------------------------------------------------------------
# Reading


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


def _fail(line: int | None, message: str, code: str = "parse.not-text") -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message, line=line))


def _decode(data: str | bytes) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise _fail(
                line,
                f"the input is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})",
                "parse.encoding",
            ) from None
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"read() takes str or bytes, not {type(data).__name__}")
    return text[1:] if text.startswith("\ufeff") else text


def _lines(text: str) -> list[str]:
    if len(text) > MAX_BYTES:
        raise _fail(None, f"the text is larger than {MAX_BYTES} characters")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise _fail(number, f"the line is {len(line)} characters long (at most {MAX_LINE})")
        bad = _CONTROL.search(line)
        if bad is not None:
            what = "a NUL byte" if bad.group() == "\0" else f"U+{ord(bad.group()):04X}"
            raise _fail(number, f"the line holds {what}: this is binary data, not text")
    return lines


def _chunks(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its number."""
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            chunk.append((number, line))
        elif chunk:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _indent(text: str) -> int:
    return len(text.expandtabs(4))


class _Reader:
    """One read: sections built chunk by chunk, lists kept open across blank lines."""

    def __init__(self, roles: Mapping[str, str]) -> None:
        self.roles = roles
        self.sections: list[_Section] = []
        self.stack: list[_List] = []  # the open list, outermost first

    def section(self, line: int) -> _Section:
        if not self.sections:
            self.sections.append(_Section(title=None, line=line))
        return self.sections[-1]

    def chunk(self, chunk: list[tuple[int, str]]) -> None:
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
        else:
            self.body(chunk)

    def paragraph(self, number: int, text: str) -> None:
        if text:
            section = self.section(number)
            section.lines[len(section.blocks)] = number
            section.blocks.append(Paragraph(content=text))

    def body(self, chunk: list[tuple[int, str]]) -> None:
        lead: list[str] = []
        lead_line = chunk[0][0]
        for index, (number, line) in enumerate(chunk):
            found = _MARKER.match(line)
            if found is not None:
                if lead and (found.group("bullet") or int(found.group("number")) == 1):
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
        count = int(found.group("number")) if ordered else 0
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
        new = _List(ordered=ordered, indent=indent, items=[_Item([text])])
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


def _short(block: Paragraph | _List) -> bool:
    """Whether a block is what page furniture holds: links and short lines."""
    if isinstance(block, _List):
        return all(
            not item.lists and _short(Paragraph(content=normalise(" ".join(item.parts))))
            for item in block.items
        )
    words = plain_text(block.content).split()
    return len(words) <= MAX_TITLE_WORDS or all("://" in w or w.startswith("www.") for w in words)


def _furniture(sections: list[_Section]) -> int:
    """Where the page furniture at the end starts (``len(sections)`` if there is none):
    a furniture title followed only by furniture and short lines."""
    start = len(sections)
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section.forced or section.title is None or not all(map(_short, section.blocks)):
            break
        if _key(section.title) in FURNITURE:
            start = index
    return start


def _dropped(sections: list[_Section]) -> tuple[list[Problem], list[Problem]]:
    """Problems for the furniture dropped: (content lost, empty titles)."""
    content: list[Problem] = []
    empty: list[Problem] = []
    for section in sections:
        assert section.title is not None
        if _key(section.title) not in FURNITURE:
            content.append(
                Problem(
                    severity="warning",
                    code="text.dropped",
                    message=f"the line {section.title!r} in the page furniture",
                    line=section.line,
                )
            )
        if section.blocks:
            content.append(
                Problem(
                    severity="warning",
                    code="text.dropped",
                    message=f"the {len(section.blocks)} block(s) under {section.title!r} "
                    "in the page furniture",
                    line=section.line,
                )
            )
        elif _key(section.title) in FURNITURE:
            empty.append(
                Problem(
                    severity="warning",
                    code="text.dropped",
                    message=f"the empty page furniture {section.title!r}",
                    line=section.line,
                )
            )
    return content, empty


def _hashed_id(brief: Brief) -> str:
    digest = hashlib.sha256(normalise(brief.plain_text()).encode("utf-8", "surrogatepass"))
    return HASHED_ID_PREFIX + digest.hexdigest()[:32]


def _read(
    data: str | bytes,
    *,
    id: str | None,
    created: datetime | None,
    language: str,
    roles: Mapping[str, str],
) -> tuple[Brief, list[Problem], list[Problem]]:
    lines = _lines(_decode(data))
    chunks = _chunks(lines)
    head = next(chunks, None)
    if head is None:
        raise _fail(1, "the text is empty: it needs at least a headline on its first line")
    headline = normalise(head[0][1])
    subheadline = normalise(" ".join(line for _, line in head[1:])) or None
    reader = _Reader(roles)
    for chunk in chunks:
        reader.chunk(chunk)
    sections = reader.sections
    start = _furniture(sections)
    content, empty = _dropped(sections[start:])
    built = [
        Section(
            title=s.title,
            role=role_for(s.title, roles) if s.title else None,
            blocks=[_item_list(b) if isinstance(b, _List) else b for b in s.blocks],
        )
        for s in sections[:start]
    ]
    brief = Brief(
        id=id or "urn:pending",
        headline=headline,
        subheadline=subheadline,
        language=language,
        created=created or UNDATED,
        sections=built or [Section()],
    )
    if id is None:
        brief = attrs.evolve(brief, id=_hashed_id(brief))
    return brief, content, empty


def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str = "en",
    roles: Mapping[str, str] = ROLES,
) -> Brief:
    """Read plain text in the layout of a web brief.

    ``id``, ``created`` and ``language`` fill what text does not carry; without them the
    id is :data:`HASHED_ID_PREFIX` and a hash of the words read (the same words give the
    same id however they are wrapped) and the date is :data:`UNDATED`. ``roles`` maps
    normalised titles to section roles (:data:`ROLES` by default).

    Empty page furniture at the end ("Source", "Related Articles" …, with nothing under
    it) is dropped, with a ``text.dropped`` warning when ``strict=False``. Furniture that
    holds lines (links, headlines of other articles) is dropped only with
    ``strict=False``, with a warning; reading strictly raises
    :class:`~briefmodel.ValidationError` naming its lines. Text that is empty, binary or
    not UTF-8 raises :class:`~briefmodel.ParseError` naming the line.
    """
    brief, content, empty = _read(data, id=id, created=created, language=language, roles=roles)
    if strict and content:
        raise ValidationError(
            attrs.evolve(p, severity="error", message=p.message + " (strict=False drops it)")
            for p in content
        )
    if not strict and (content or empty):
        dropped = sorted(content + empty, key=lambda p: p.line or 0)
        shown = "; ".join(f"line {p.line}: {p.message}" for p in dropped)
        warnings.warn(f"dropped {shown}", BriefmodelWarning, stacklevel=2)
    return brief


def examine(data: str | bytes, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a text for :func:`briefmodel.validate`: the page furniture dropped
    as warnings, and the brief read leniently."""
    if xsd is not None:
        raise TypeError("xsd= applies to XML documents, not to text")
    try:
        brief, content, empty = _read(data, id=None, created=None, language="en", roles=ROLES)
    except ParseError as error:
        return [error.problem], None
    return sorted(content + empty, key=lambda p: p.line or 0), brief


def sniff(text: str) -> bool:
    """True only for text that clearly has this layout: no markup first, a headline line,
    then a section title standing alone, and a bulleted or numbered list further on."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body or body[0] in "{<[" or "\0" in body:
        return False
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks = list(_chunks(lines))
    if len(chunks) < 3 or len(chunks[0]) > 2:
        return False
    titles = sum(1 for c in chunks[1:] if len(c) == 1 and looks_like_title(c[0][1]))
    items = sum(
        1
        for c in chunks[1:]
        for _, line in c
        if (found := _MARKER.match(line)) is not None and found.group("bullet") in (None, "•")
    )
    return titles >= 1 and items >= 2


FORMAT = Format(
    name="text",
    suffixes=(".txt", ".text"),
    media_type="text/plain",
    read=read,
    write=write,
    sniff=sniff,
    description="plain text in the layout of a web brief (lossy: see the fidelity table)",
    examine=examine,
    losses=losses,
)
