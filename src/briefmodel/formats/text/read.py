"""The reader: plain text in the layout of a web brief, read leniently (:func:`read`),
examined for :func:`briefmodel.validate` (:func:`examine`) and recognised (:func:`sniff`)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ... import _options
from ...errors import OptionError, ParseError, Problem, ValidationError, warn
from ...model import Brief, Section
from .. import UNDATED
from ._furniture import _dropped, _furniture
from ._lines import _chunks, _decode, _fail, _lines
from ._marks import _MARKER
from ._structure import _item_list, _List, _Reader
from ._titles import ROLES, looks_like_title, normalise, role_for

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
    :class:`~briefmodel.ValidationError` naming its lines. Text that is empty, binary or
    not UTF-8 raises :class:`~briefmodel.ParseError` naming the line.
    """
    id = _options.optional_text("id", id)
    created = _options.created(created)
    language = _options.text("language", language)
    roles = _options.roles(roles)
    brief, content, empty = _read(data, id=id, created=created, language=language, roles=roles)
    if strict and content:
        raise ValidationError(
            attrs.evolve(p, severity="error", message=p.message + " (strict=False drops it)")
            for p in content
        )
    if not strict and (content or empty):
        dropped = sorted(content + empty, key=lambda p: p.line or 0)
        shown = "; ".join(f"line {p.line}: {p.message}" for p in dropped)
        warn(f"dropped {shown}")
    return brief


def examine(data: str | bytes, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a text for :func:`briefmodel.validate`: the page furniture dropped
    as warnings, and the brief read leniently."""
    if xsd is not None:
        raise OptionError("xsd", "applies to XML documents, not to text")
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
