"""What news and wire stories carry that a web brief's layout does not, read leniently:
header lines at the top (``Headline: …``, ``Slug: …``) that give the headline
(``repair.headline-from-header``), and ``Source:`` lines at the start or the end that
give the brief's sources (``repair.source-lines``)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ...errors import Problem
from ...model import Source
from ._marks import _BULLETS, _LENIENT_MARKER
from ._titles import FURNITURE, MAX_TITLE_WORDS, _key, colon_title, normalise

_Chunk = list[tuple[int, str]]

#: A header line: ``Title``, ``Headline`` or ``Slug`` (any case), a colon, its text.
_HEADER = re.compile(r"[^\S\n]*(?P<label>title|headline|slug)[^\S\n]*:(?P<value>.*)", re.I)
#: The header labels whose text is the headline; a slug's is, only without one of them.
_HEADLINE_LABELS = frozenset(("title", "headline"))

#: A source line: ``Source:`` or ``Sources:`` (any case, after a bullet if any), its text.
_SOURCE = re.compile(
    r"[^\S\n]*(?:[" + re.escape(_BULLETS) + r"][^\S\n]+)?(?P<label>sources?)[^\S\n]*:"
    r"(?P<value>.*)",
    re.I,
)
#: What may be a web address in a source's text.
_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"]+")


def _value(found: re.Match[str] | None) -> str:
    return normalise(found.group("value")) if found is not None else ""


def header(chunks: list[_Chunk]) -> tuple[list[_Chunk], Problem | None]:
    """``chunks`` with the header lines at the top made into the head chunk (the headline,
    then what the head chunk held after them), and the repair that says so; the chunks
    as they are, and None, when the text does not start with a header line."""
    found: list[tuple[int, str, str]] = []  # (line, label, text), in order
    for index, chunk in enumerate(chunks):
        for at, (number, line) in enumerate(chunk):
            match = _HEADER.fullmatch(line)
            if match is None or not _value(match):
                return _headed(chunks, index, at, found)
            found.append((number, match.group("label"), _value(match)))
    return _headed(chunks, len(chunks), 0, found)


def _headed(
    chunks: list[_Chunk], index: int, at: int, found: list[tuple[int, str, str]]
) -> tuple[list[_Chunk], Problem | None]:
    if not found:
        return chunks, None
    chosen = next((f for f in found if f[1].casefold() in _HEADLINE_LABELS), found[0])
    number, label, headline = chosen
    rest = chunks[index][at:] if at else []
    after = chunks[index + 1 :] if at else chunks[index:]
    others = [repr(f"{lab}: {text}") for line, lab, text in found if line != number]
    dropped = f"; the header {'line' if len(others) == 1 else 'lines'} {', '.join(others)} "
    dropped += "is dropped" if len(others) == 1 else "are dropped"
    message = f"the headline is the text of the header line {label + ':'!r}, {headline!r}"
    problem = Problem(
        severity="warning",
        code="repair.headline-from-header",
        message=message + (dropped if others else ""),
        line=number,
    )
    return [[(number, headline), *rest], *after], problem


#: A line under ``Sources:`` with more words than this is text, not a source.
_SOURCE_WORDS = 2 * MAX_TITLE_WORDS


def _source_texts(chunk: _Chunk) -> list[str] | None:
    """The sources a chunk of ``Source:`` lines names, or None when it is not one: every
    line a source line, or ``Sources:`` alone on the first line and a source a line under
    it (of at most :data:`_SOURCE_WORDS` words). Several sources on one line are parted
    by ``;``."""
    first = _SOURCE.fullmatch(chunk[0][1])
    if first is None:
        return None
    if _value(first):
        matches = [_SOURCE.fullmatch(line) for _, line in chunk]
        if not all(m is not None and _value(m) for m in matches):
            return None
        lines = [_value(m) for m in matches]
    else:
        lines = [_unmarked(line) for _, line in chunk[1:]]
        if not lines or any(len(line.split()) > _SOURCE_WORDS for line in lines):
            return None
    return [text for line in lines for part in line.split(";") if (text := normalise(part))]


def _unmarked(line: str) -> str:
    """A source given on a line of its own, under ``Sources:``, without its list marker."""
    found = _LENIENT_MARKER.match(line)
    return normalise(line[found.end() :] if found is not None else line)


def _source(text: str, number: int) -> Source:
    """A source of its text: an absolute web address in it is its url, the rest its title."""
    for candidate in _ADDRESS.finditer(text):
        url = candidate.group().rstrip(".,;:)]}>'’\"")
        parts = urlsplit(url)
        if parts.scheme and parts.netloc:
            before, after = text[: candidate.start()], text[candidate.start() + len(url) :]
            title = normalise(f"{before.rstrip(' (<[–—-,:')} {after.lstrip(' )>],.')}")
            return Source(id=f"s{number}", title=title or url, url=url)
    return Source(id=f"s{number}", title=text)


def _short_line(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _short(chunk: _Chunk) -> bool:
    return all(len(line.split()) <= MAX_TITLE_WORDS or "://" in line for _, line in chunk)


#: IPTC 7901's end of a message, which may follow a wire story's source line.
_END_OF_MESSAGE = "NNNN"


def _at_ends(chunks: list[_Chunk]) -> list[int]:
    """The chunks of source lines at the start or the end of the story: the first, or
    those that only more source lines and page furniture follow (a furniture title,
    then short lines; IPTC 7901's ``NNNN``)."""
    ends = [0] if chunks and _source_texts(chunks[0]) is not None else []
    short_after = False  # a short chunk after this one, with no furniture title between
    for index in range(len(chunks) - 1, 0, -1):
        chunk = chunks[index]
        if _source_texts(chunk) is not None:
            if not short_after:
                ends.append(index)
        elif len(chunk) == 1 and _key(chunk[0][1]) in FURNITURE:
            short_after = False
        elif len(chunk) == 1 and chunk[0][1].strip() == _END_OF_MESSAGE:
            continue
        elif _short(chunk):
            short_after = True
        else:
            break
    return sorted(ends)


def _joined(chunks: list[_Chunk]) -> tuple[list[_Chunk], list[list[int]]]:
    """The chunks with a ``Sources:`` line standing alone joined to the chunk after it,
    and the indexes in ``chunks`` of each chunk joined."""
    joined: list[_Chunk] = []
    parts: list[list[int]] = []
    for index, chunk in enumerate(chunks):
        if parts and len(parts[-1]) == 1 and len(joined[-1]) == 1:
            label = _SOURCE.fullmatch(joined[-1][0][1])
            if label is not None and not _value(label):
                joined[-1] = joined[-1] + chunk
                parts[-1].append(index)
                continue
        joined.append(chunk)
        parts.append([index])
    return joined, parts


def sources(chunks: list[_Chunk]) -> tuple[list[_Chunk], list[Source], list[Problem]]:
    """The body's chunks without the source lines at its start and end, the sources those
    name, and a repair for each chunk of them (a ``Sources:`` line standing alone, with
    the chunk under it)."""
    joined, parts = _joined(chunks)
    ends = _at_ends(joined)
    found: list[Source] = []
    repairs: list[Problem] = []
    for index in ends:
        chunk = joined[index]
        texts = _source_texts(chunk) or []
        start = len(found) + 1
        found.extend(_source(text, n) for n, text in enumerate(texts, start))
        label = _short_line(normalise(chunk[0][1]))
        count = "source" if len(texts) == 1 else f"{len(texts)} sources"
        repairs.append(
            Problem(
                severity="warning",
                code="repair.source-lines",
                message=f"the source lines ({label!r}) are read as the brief's {count}",
                line=chunk[0][0],
            )
        )
    taken = {part for index in ends for part in parts[index]}
    return [c for i, c in enumerate(chunks) if i not in taken], found, repairs


def misread(line: str) -> bool:
    """Whether reading leniently takes ``line``, first in its chunk, for more than the
    text of a paragraph: a numbered item (``1.``), a title ending in a colon, a source
    line. The writer escapes such a paragraph, so that its text reads back either way."""
    found = _LENIENT_MARKER.match(line)
    if found is not None and found.group("numeral") is not None:
        return True
    return colon_title(line) is not None or _SOURCE.fullmatch(line) is not None
