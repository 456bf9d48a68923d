"""The reader: plain text in the layout of a web brief, read leniently (:func:`read`),
examined for :func:`briefmodel.validate` (:func:`examine`) and recognised (:func:`sniff`)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ... import _options
from ...errors import OptionError, ParseError, Problem, ValidationError, tell
from ...model import Agent, Brief, Section, Source
from .. import UNDATED
from ._dateline import dated
from ._envelope import byline, envelope, headline_lines
from ._furniture import _dropped, _furniture
from ._lines import _chunks, _decode, _fail, _lines
from ._marks import _MARKER
from ._stories import _source, header, sources
from ._structure import _item_list, _List, _Reader
from ._titles import ROLES, looks_like_title, normalise, role_for

_Chunk = list[tuple[int, str]]

#: The id of a brief read without ``id=``: this prefix and a hash of the words read.
HASHED_ID_PREFIX = "urn:briefmodel:text:sha256:"


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
    lenient: bool,
) -> tuple[Brief, list[Problem], list[Problem], list[Problem]]:
    """The brief, and the problems of reading it: the page furniture dropped (content
    lost, empty titles) and (read leniently) the repairs made."""
    text, decoded = _decode(data, lenient=lenient)
    lines, repairs = _lines(text, lenient=lenient)
    repairs.extend([decoded] if decoded is not None else [])
    chunks = list(_chunks(lines))
    if not chunks:
        raise _fail(1, "the text is empty: it needs at least a headline on its first line")
    found: list[Source] = []
    authors: list[Agent] = []
    if lenient:
        chunks, top, skipped = envelope(chunks, framed=_framed(text))
        repairs.extend(skipped)
        chunks, headed = header(chunks)
        repairs.extend([headed] if headed is not None else [])
        head, body = chunks[0], chunks[1:]
        headline, under, lead, joined = headline_lines(head, top)
        repairs.extend(joined)
        body = [lead, *body] if lead else body
        if top.wire:
            body, authors, bylined = byline(body)
            repairs.extend(bylined)
        body, found, named = sources(body)
        repairs.extend(named)
        found = _merged([text for _, text in top.sources], found)
        story_date = dated(top.skipped, body) if created is None else None
        if story_date is not None:
            created = story_date.value
            repairs.extend(story_date.problems)
            body = [_as_text(chunk, story_date.line) for chunk in body]
    else:
        head, body = chunks[0], chunks[1:]
        headline, under = normalise(head[0][1]), head[1:]
    subheadline = normalise(" ".join(line for _, line in under)) or None
    reader = _Reader(roles, lenient=lenient)
    for index, chunk in enumerate(body, 1):
        reader.chunk(chunk, last=index == len(body))
    repairs.extend(reader.repairs)
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
        sources=found,
        authors=authors,
    )
    if id is None:
        brief = attrs.evolve(brief, id=_hashed_id(brief))
    return brief, content, empty, sorted(repairs, key=lambda p: p.line or 0)


def _as_text(chunk: _Chunk, line: int) -> _Chunk:
    """A chunk of one line, the dateline or date line on ``line``, read as a paragraph
    (escaped as the writer escapes one), not as a section title."""
    if len(chunk) == 1 and chunk[0][0] == line:
        return [(line, "\\" + chunk[0][1].strip())]
    return chunk


def _framed(text: str) -> bool:
    """Whether the text is framed as a wire story: an SOH in its first lines, an STX
    after it."""
    soh = text.find("\x01", 0, 512)
    return soh >= 0 and text.count("\n", 0, soh) < _FRAMED_LINES and text.find("\x02", soh) > 0


#: A wire story's SOH is on one of its first lines (after SYN fill, DEL padding).
_FRAMED_LINES = 3


def _merged(top: list[str], found: list[Source]) -> list[Source]:
    """The sources the top of a press release names, then those at the end of its text,
    each once, numbered anew."""
    merged: list[Source] = []
    for source in [_source(text, 1) for text in top] + found:
        if all((s.title, s.url) != (source.title, source.url) for s in merged):
            merged.append(attrs.evolve(source, id=f"s{len(merged) + 1}"))
    return merged


@_options.reader
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
    :class:`~briefmodel.ValidationError` naming its lines. Text that is empty or binary,
    or (read strictly) not UTF-8, raises :class:`~briefmodel.ParseError` naming the line.

    With ``strict=False`` the reader also takes news and wire stories as they come, and
    says each repair in the warning (``repair.*`` codes, each at its line, which
    ``bm.validate(..., lenient=True)`` reports):

    - bytes that are not UTF-8 are read as Windows-1252, or as Latin-1 when a byte is
      undefined there (``repair.encoding``, at the line of the first);
    - control characters (a wire story's SOH, STX, ETX, EOT, SYN fill, BEL; DEL and the
      C1 controls) are removed, one warning a kind, where reading strictly refuses them;
      text of more than one NUL in :data:`~briefmodel.formats.text.NUL_SHARE` characters
      is binary and refused either way;
    - ``Title:``, ``Headline:`` or ``Slug:`` header lines at the top give the headline;
    - wire copy's envelope (``ZCZC``, routing lines, a transmission header, keyword,
      version and slug lines) and a press release's labels (``MEDIA RELEASE …``, ``FOR
      IMMEDIATE RELEASE``, ``EMBARGOED …``; ``Source:`` lines give sources) before the
      headline are dropped, the headline the first line after them that reads as one; a
      headline that wraps is joined with its continuation, and a wire service's
      end-of-headline mark (`` =``, ``+``) removed (``formats/text/_envelope.py``);
    - without ``created=``, a wire filing time, a date line under the headline or a
      dateline (``AUSTIN, Texas, Feb. 1, 2017 /PRNewswire/ --``) gives the date
      (``repair.date-from-text``, ``formats/text/_dateline.py``);
    - lines numbered ``1.`` or ``2)`` that follow each other are a numbered list, as
      ``(1)``, ``(2)`` are;
    - a title ending in a colon (``Key Points:``) on the first line of its chunk is a
      section title, without the colon, when the title is known (:data:`ROLES`,
      :data:`FURNITURE`) or is title-cased and neither ends the text nor leads in to a
      list right under it;
    - ``Source:`` or ``Sources:`` lines (several sources parted by ``;``) at the start or
      the end are the brief's sources, an absolute web address in one its url.
    """
    id = _options.optional_text("id", id)
    created = _options.created(created)
    language = _options.text("language", language)
    roles = _options.roles(roles)
    brief, content, empty, repairs = _read(
        data, id=id, created=created, language=language, roles=roles, lenient=not strict
    )
    if strict and content:
        raise ValidationError(
            attrs.evolve(p, severity="error", message=p.message + " (strict=False drops it)")
            for p in content
        )
    if not strict and (content or empty or repairs):
        said = [_listed("repaired", repairs, _SHOWN), _listed("dropped", content + empty)]
        problems = sorted(repairs + content + empty, key=lambda p: p.line or 0)
        tell(problems, "read", said="; ".join(part for part in said if part))
    return brief


#: The repairs a warning of :func:`read` lists (then how many more there are).
_SHOWN = 5


def _listed(done: str, problems: list[Problem], shown: int | None = None) -> str:
    """``dropped line 28: …; line 30: …``, in the order of the lines (the first ``shown``
    of them, then a count of the rest), or nothing."""
    ordered = sorted(problems, key=lambda p: p.line or 0)
    listed = "; ".join(f"line {p.line}: {p.message}" for p in ordered[:shown])
    more = len(ordered) - len(ordered[:shown])
    return f"{done} {listed}" + (f" (and {more} more)" if more else "") if listed else ""


def examine(data: str | bytes, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a text for :func:`briefmodel.validate`: the page furniture dropped,
    as warnings, and the brief read without the repairs of ``strict=False`` (which
    ``validate(lenient=True)`` reports)."""
    if xsd is not None:
        raise OptionError("xsd", "applies to XML documents, not to text")
    try:
        brief, content, empty, repairs = _read(
            data, id=None, created=None, language="en", roles=ROLES, lenient=False
        )
    except ParseError as error:
        return [error.problem], None
    return sorted(content + empty + repairs, key=lambda p: p.line or 0), brief


def sniff(text: str) -> bool:
    """True only for text that clearly has this layout: no markup first, a headline line,
    then a section title standing alone, and a bulleted or numbered list further on; or
    for a wire story, framed by SOH (after any SYN) and STX (read it with ``strict=False``)."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body or body[0] in "{<[" or "\0" in body:
        return False
    if body.lstrip("\x16").startswith("\x01") and "\x02" in body:
        return True
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
