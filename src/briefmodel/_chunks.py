"""A brief cut into chunks for search and language-model pipelines: :func:`chunks`.

Each section's blocks are written as plain text (a list a line an item, a table a line a
row) and cut where the text breaks best within ``max_chars``: between blocks, then
between lines, then between sentences, then between words, and only where nothing else
fits, inside a word. A chunk never spans two sections, so its heading path is the same
from its first character to its last; each says where in the brief it comes from (the
JSON Pointers of its blocks in canonical JSON) and carries the brief's metadata and the
entities and sources its text mentions and cites.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Literal

import attrs

from . import model as m
from ._options import _got, a_brief, choice
from .errors import OptionError, pointer

__all__ = ["Chunk", "chunks"]

#: ``max_chars`` when none is given: about 350 tokens of English.
DEFAULT_MAX_CHARS = 1500
#: The fewest characters a chunk may be given.
MIN_MAX_CHARS = 20


@attrs.frozen(kw_only=True)
class Chunk:
    """One piece of a brief's body, with where it comes from and what it is about.

    ``text`` is the chunk's own text (at most ``max_chars`` characters);
    :meth:`in_context` puts the headline and the heading path before it, as an embedding
    model or a prompt wants it. ``pointers`` are the JSON Pointers, in the brief's
    canonical JSON, of the blocks its text is taken from (``pointer`` the first);
    ``entities`` and ``sources`` are the ids of the entities its text mentions and of the
    sources it cites, in order of first appearance.
    """

    index: int
    text: str
    headings: tuple[str, ...]
    section_id: str | None
    pointers: tuple[str, ...]
    brief_id: str
    headline: str
    language: str
    created: datetime | None
    updated: datetime | None
    subjects: tuple[str, ...]
    entities: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def pointer(self) -> str:
        """The JSON Pointer of the first block the chunk's text is taken from."""
        return self.pointers[0]

    def in_context(self) -> str:
        """The chunk's text after the brief's headline and its heading path.

        >>> import briefmodel as bm
        >>> brief = bm.Brief(
        ...     id="b1", headline="Port fees rise",
        ...     sections=[bm.Section(title="Outlook", blocks=[bm.Paragraph(content="More.")])],
        ... )
        >>> print(next(bm.chunks(brief)).in_context())
        Port fees rise
        Outlook
        <BLANKLINE>
        More.
        """
        return "\n".join((self.headline, *self.headings)) + "\n\n" + self.text

    def to_dict(self) -> dict[str, Any]:
        """The chunk as JSON data (dates in RFC 3339), as ``briefmodel chunks`` writes it."""
        return {
            "index": self.index,
            "text": self.text,
            "in_context": self.in_context(),
            "headings": list(self.headings),
            "section_id": self.section_id,
            "pointer": self.pointer,
            "pointers": list(self.pointers),
            "brief_id": self.brief_id,
            "headline": self.headline,
            "language": self.language,
            "created": self.created.isoformat() if self.created else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "subjects": list(self.subjects),
            "entities": list(self.entities),
            "sources": list(self.sources),
        }


def chunks(
    brief: m.Brief,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    overlap: int = 0,
    size_of: Literal["text", "in_context"] = "text",
) -> Iterator[Chunk]:
    """The chunks of ``brief``'s body, in reading order, each at most ``max_chars``
    characters; with ``overlap``, each chunk after the first of a section begins with up
    to that many characters of the one before (whole sentences or words).

    ``max_chars`` is the size of each chunk's ``text``; with ``size_of="in_context"``, of
    :meth:`Chunk.in_context` (the headline and headings before the text), as an embedding
    model sees it. The text of a section whose headings leave less than
    :data:`MIN_MAX_CHARS` still gets that many (and its overlap at most half of them).

    >>> import briefmodel as bm
    >>> brief = bm.Brief(
    ...     id="b1", headline="Port fees rise",
    ...     sections=[bm.Section(title="Outlook", blocks=[
    ...         bm.Paragraph(content="Fees rise in May. Carriers will pass them on."),
    ...     ])],
    ... )
    >>> [c.text for c in bm.chunks(brief, max_chars=30)]
    ['Fees rise in May.', 'Carriers will pass them on.']
    """
    a_brief(brief)
    checked_options(max_chars, overlap)
    in_context = choice("size_of", size_of, ("text", "in_context")) == "in_context"
    return _chunked(brief, max_chars, overlap, in_context)  # (checked now, not when iterated)


def checked_options(max_chars: Any, overlap: Any) -> None:
    """An :class:`~briefmodel.OptionError` unless ``max_chars`` and ``overlap`` are what
    :func:`chunks` takes (the command line checks them before it reads anything)."""
    if type(max_chars) is not int or max_chars < MIN_MAX_CHARS:
        raise OptionError(
            "max_chars",
            f"expected a number of characters, at least {MIN_MAX_CHARS}, {_got(max_chars)}",
        )
    if type(overlap) is not int or not 0 <= overlap < max_chars // 2:
        raise OptionError(
            "overlap",
            f"expected a number of characters from 0 to less than half of max_chars "
            f"({max_chars // 2}), {_got(overlap)}",
        )


def _chunked(brief: m.Brief, max_chars: int, overlap: int, in_context: bool) -> Iterator[Chunk]:
    subjects = tuple(s.name or s.code or s.uri or "" for s in brief.subjects)
    index = 0
    for path, headings, section in _sections(brief.sections, ("sections",), ()):
        text = _SectionText(section, path)
        room, back = max_chars, overlap
        if in_context:  # (what Chunk.in_context puts before the text takes its room)
            room = max(max_chars - len("\n".join((brief.headline, *headings))) - 2, MIN_MAX_CHARS)
            back = min(overlap, room // 2 - 1)
        reached = 0  # (where the chunk before ended, white space and all)
        for start, end, until in _cuts(text, room, back):
            yield Chunk(
                index=index,
                text=text.text[start:end],
                headings=headings,
                section_id=section.id,
                pointers=text.pointers(start, end),
                brief_id=brief.id,
                headline=brief.headline,
                language=brief.language,
                created=brief.created,
                updated=brief.updated,
                subjects=subjects,
                entities=text.entities(start, end),
                # (a citation takes no text: it goes with the chunk it follows or begins)
                sources=text.sources(min(start, reached), until),
            )
            index += 1
            reached = until


def _sections(
    sections: tuple[m.Section, ...], path: tuple[str | int, ...], headings: tuple[str, ...]
) -> Iterator[tuple[tuple[str | int, ...], tuple[str, ...], m.Section]]:
    """Every section in reading order, with its path and its heading path."""
    for i, section in enumerate(sections):
        here = (*path, i)
        titles = (*headings, section.title) if section.title else headings
        yield here, titles, section
        yield from _sections(section.sections, (*here, "sections"), titles)


# -- a section's text ----------------------------------------------------------------

#: The kinds of places where text may be cut, best first: between blocks, between lines,
#: between sentences, between words. A place is where the text before it ends, before
#: the white space that follows.
_BLOCK, _LINE, _SENTENCE, _WORD = range(4)

#: The end of a sentence: its mark (and closing quotes or brackets), then white space, or
#: a mark of a script that writes none.
_SENTENCE_END = re.compile(r"[.!?…؟]['\")\]»”’]*(?=\s)|[。！？]")
#: Words after which a full stop ends no sentence.
_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "cf"),
        *("inc", "ltd", "co", "corp", "jr", "sr", "gen", "col", "lt", "sgt", "fig", "approx"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    )
)


#: The word before a full stop.
_LAST_WORD = re.compile(r"[^\s(\[\"'“‘]+$")


class _SectionText:
    """The plain text of one section's blocks, with the places it may be cut, the block
    each character comes from, and where its mentions and citations are."""

    def __init__(self, section: m.Section, path: tuple[str | int, ...]) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[tuple[int, str]] = []  # (where a block's text begins, its pointer)
        self.breaks: list[tuple[int, int]] = []  # (offset, kind) of the places to cut
        self.mentions: list[tuple[int, int, str]] = []  # (start, end, entity id)
        self.citations: list[tuple[int, int, str]] = []  # (at, at, source id)
        for j, block in enumerate(section.blocks):
            if self.length:
                self.breaks.append((self.length, _BLOCK))
                self.add("\n\n")
            self.blocks.append((self.length, pointer((*path, "blocks", j))))
            _BLOCK_TEXT[type(block)](self, block)
        self.text = "".join(self.parts)
        self.breaks.extend(self._sentences())
        # Where blocks, mentions and citations are, in order, for bisect.
        self.block_starts = [at for at, _ in self.blocks]
        self.mentions.sort()  # (a mention in a mention is added first)
        self.mention_starts = [a for a, _, _ in self.mentions]
        self.longest_mention = max((b - a for a, b, _ in self.mentions), default=0)
        self.citation_at = [a for a, _, _ in self.citations]
        #: The offsets of each kind of place, in order.
        self.places: list[list[int]] = [[], [], [], []]
        for at, kind in sorted(set(self.breaks)):
            self.places[kind].append(at)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def line(self) -> None:
        self.breaks.append((self.length, _LINE))
        self.add("\n")

    def rich(self, content: m.RichText) -> None:
        for node in content:
            if type(node) is str:
                self.add(node)
            else:
                _INLINE_TEXT[type(node)](self, node)

    def _sentences(self) -> Iterator[tuple[int, int]]:
        text = self.text
        for found in _SENTENCE_END.finditer(text):
            at = found.start()
            if text[at] == ".":
                word = _LAST_WORD.search(text, max(0, at - 12), at)
                before = word.group().lower() if word else ""
                if len(before) == 1 or before.rstrip(".") in _ABBREVIATIONS:
                    continue
            yield found.end(), _SENTENCE
        for found in re.finditer(r"\s+", text):
            yield found.start(), _WORD

    def pointers(self, start: int, end: int) -> tuple[str, ...]:
        """The pointers of the blocks whose text (up to the next block's) meets
        ``[start, end)``."""
        first = max(bisect.bisect_right(self.block_starts, start) - 1, 0)
        last = bisect.bisect_left(self.block_starts, end)
        return tuple(p for _, p in self.blocks[first:last])

    def entities(self, start: int, end: int) -> tuple[str, ...]:
        """The entities of the mentions whose text meets ``[start, end)``."""
        low = bisect.bisect_left(self.mention_starts, start - self.longest_mention)
        high = bisect.bisect_right(self.mention_starts, end)
        ids = (
            ref
            for a, b, ref in self.mentions[low:high]
            if (a < end and b > start) or start <= a == b <= end
        )
        return tuple(dict.fromkeys(ids))

    def sources(self, start: int, end: int) -> tuple[str, ...]:
        """The sources cited in ``[start, end]`` (a citation takes no text)."""
        low = bisect.bisect_left(self.citation_at, start)
        high = bisect.bisect_right(self.citation_at, end)
        return tuple(dict.fromkeys(ref for _, _, ref in self.citations[low:high]))


def _cuts(text: _SectionText, max_chars: int, overlap: int) -> Iterator[tuple[int, int, int]]:
    """The start and end of each chunk of ``text``, its white space trimmed (and where it
    ended before it was trimmed): each as long
    as it may be, and cut where the text breaks best: between blocks, lines or sentences
    in the second half of ``max_chars`` (the best kind there), else at the last end of a
    sentence (a chunk less full rather than a sentence cut), else between words."""
    s, n = text.text, text.length
    places = text.places
    start = _skip_space(s, 0)
    while start < n:
        limit = start + max_chars
        if limit >= n:
            end = n
        else:
            end = (
                _best(places, start + max_chars // 2, limit)
                or _latest(places[:_WORD], start, limit)
                or _latest(places[_WORD:], start, limit)
                or limit
            )
        trimmed = end
        while trimmed > start and s[trimmed - 1].isspace():
            trimmed -= 1
        if trimmed > start:
            yield start, trimmed, _skip_space(s, end)
        if end >= n:
            return
        following = _skip_space(s, end)
        if overlap:
            back = _first(text.places, max(following - overlap, start + 1), end)
            following = min(_skip_space(s, back), following)
        start = following


def _best(places: list[list[int]], after: int, limit: int) -> int | None:
    """The last place in ``(after, limit]`` of the best kind found there, words aside."""
    for offsets in places[:_WORD]:
        i = bisect.bisect_right(offsets, limit)
        if i and offsets[i - 1] > after:
            return offsets[i - 1]
    return None


def _latest(places: list[list[int]], after: int, limit: int) -> int | None:
    """The last place of any of these kinds in ``(after, limit]``."""
    found = [o[i - 1] for o in places if (i := bisect.bisect_right(o, limit)) and o[i - 1] > after]
    return max(found, default=None)


def _first(places: list[list[int]], earliest: int, end: int) -> int:
    """Where an overlap of the text before ``end`` begins (after the place found): at
    the first end of a sentence (or line, or block) from ``earliest``, else of a word;
    ``end`` (no overlap) if none fits."""
    found = [
        offsets[i]
        for offsets in places[:_WORD]
        if (i := bisect.bisect_left(offsets, earliest)) < len(offsets) and offsets[i] < end
    ]
    if found:
        return min(found)
    words = places[_WORD]
    i = bisect.bisect_left(words, earliest)
    return words[i] if i < len(words) and words[i] < end else end


def _skip_space(s: str, at: int) -> int:
    while at < len(s) and s[at].isspace():
        at += 1
    return at


# -- blocks and inline nodes as text -------------------------------------------------


def _paragraph(t: _SectionText, block: m.Paragraph) -> None:
    t.rich(block.content)


def _item_list(t: _SectionText, block: m.ItemList, depth: int = 0) -> None:
    for number, item in enumerate(block.items, 1):
        if number > 1 or depth:
            t.line()
        t.add("  " * depth + (f"{number}. " if block.ordered else "- "))
        t.rich(item.content)
        for inner in item.blocks:
            if type(inner) is m.ItemList:
                _item_list(t, inner, depth + 1)
            else:
                t.add(" ")
                _BLOCK_TEXT[type(inner)](t, inner)


def _quote(t: _SectionText, block: m.Quote) -> None:
    t.add("“")
    t.rich(block.content)
    t.add("”")
    if block.attribution:
        t.add(f" — {block.attribution}")
    if block.source_ref:
        t.citations.append((t.length, t.length, block.source_ref))


def _judgment(t: _SectionText, block: m.Judgment) -> None:
    t.rich(block.statement)
    said = [
        w for w in (block.likelihood, block.confidence and f"{block.confidence} confidence") if w
    ]
    if said:
        t.add(f" ({', '.join(said).replace('-', ' ')})")
    t.citations.extend((t.length, t.length, ref) for ref in block.basis)


def _figure(t: _SectionText, block: m.Figure) -> None:
    if block.caption:
        t.rich(block.caption)
    else:
        t.add(block.alt)
    if block.credit:
        t.add(f" ({block.credit})")


def _table(t: _SectionText, block: m.Table) -> None:
    first = True
    if block.caption:
        t.rich(block.caption)
        first = False
    for row in (*block.head, *block.body, *block.foot):
        if not first:
            t.line()
        first = False
        for k, cell in enumerate(row.cells):
            if k:
                t.add(" | ")
            t.rich(cell.content)


def _content(t: _SectionText, node: Any) -> None:
    t.rich(node.content)


def _mention(t: _SectionText, node: m.Mention) -> None:
    start = t.length
    t.rich(node.content)
    t.mentions.append((start, t.length, node.ref))


def _citation(t: _SectionText, node: m.Citation) -> None:
    t.citations.append((t.length, t.length, node.ref))


_BLOCK_TEXT: dict[type, Any] = {
    m.Paragraph: _paragraph,
    m.ItemList: _item_list,
    m.Quote: _quote,
    m.Judgment: _judgment,
    m.Figure: _figure,
    m.Table: _table,
}
_INLINE_TEXT: dict[type, Any] = {
    m.Emphasis: _content,
    m.Strong: _content,
    m.Link: _content,
    m.Code: lambda t, node: t.add(node.text),
    m.LineBreak: lambda t, node: t.line(),
    m.Mention: _mention,
    m.Citation: _citation,
}
