"""The reader: a Word file checked and opened (:mod:`._package`), then read as
briefmodel's own (the brief embedded in it, when the document still shows what the
writer writes for that brief; else the text shown, with the embedded brief's metadata)
or as a document written by a person (:mod:`._body`, with its core properties as the
brief's metadata). The sniffer is in :mod:`briefmodel.formats._sniff`."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import attrs

from ... import _options, _patterns
from ...errors import ModelError, ParseError, Problem, ValidationError, settle_losses, tell
from ...model import Agent, Brief, Section
from .. import UNDATED
from .. import json as json_format
from ._body import Body
from ._core import AUTHOR_SEPARATOR, read_core
from ._package import BRIEF_TAG, CUSTOM_XML, opened, refuse, w
from ._signature import blocks, signature

#: The id of a document written by a person that gives none: a hash of its text.
HASHED_ID_PREFIX = "urn:briefmodel:docx:sha256:"
#: The code of an own document whose text was edited after briefmodel wrote it.
EDITED = "docx.edited"
#: The code of an own document whose embedded brief cannot be read.
META = "docx.meta"


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """Read a Word document into a brief (without running the semantic rules).

    briefmodel's own document is read exactly: the brief embedded in it, as long as the
    document shows what the writer writes for that brief. When a person has edited the
    text, the text shown wins: the headline, subheadline and sections are read from
    the document (headings keep their sections' ids and roles by their bookmarks,
    citations their sources by their links), the rest from the embedded brief, and a
    ``docx.edited`` warning says so.

    Any other Word document is read as far as the model holds it (see the package's
    docs); strictly (the default), whatever it holds that the model cannot (images,
    footnotes, comments, tracked changes, text boxes …) or that is read only by its look
    (a title or a heading without its style) is an error naming its paragraph; with
    ``strict=False`` those are warnings. ``id``, ``created`` and ``language`` fill what
    the document does not say.
    """
    id = _options.optional_text("id", id)
    created = _options.created(created)
    language = _options.optional_text("language", language)
    if isinstance(data, str):
        raise refuse(
            "a Word document is bytes, not text: pass the file's bytes (bm.load reads "
            "a .docx file as bytes)"
        )
    document = opened(data)
    embedded, problems = _embedded(document, strict=strict)
    if embedded is not None:
        return _own(document, embedded, strict=strict)
    if problems:
        if strict:
            raise ValidationError(problems)
        tell(problems, "read")
    return _foreign(document, strict=strict, id=id, created=created, language=language)


def _embedded(document: Any, *, strict: bool) -> tuple[Brief | None, list[Problem]]:
    """The brief briefmodel embedded in the document, if it did; else None, and why the
    part it wrote cannot be read (when it wrote one)."""
    from .._safe_xml import parse

    for rel in document.part.rels.values():
        if rel.reltype != CUSTOM_XML or rel.is_external:
            continue
        try:
            root = parse(rel.target_part.blob)
        except ParseError:
            continue
        if root.tag != BRIEF_TAG:
            continue
        try:
            return json_format.read(root.text or "", strict=strict), []
        except (ParseError, ValidationError) as error:
            problems = [
                Problem(
                    severity="error" if strict else "warning",
                    code=META,
                    message="the brief briefmodel embedded in the document cannot be read "
                    f"({p.message}){'' if strict else ': the document is read as text'}",
                    path=p.path,
                )
                for p in error.problems
            ]
            return None, problems
    return None, []


def _own(document: Any, embedded: Brief, *, strict: bool) -> Brief:
    """briefmodel's own document: the embedded brief, unless the text shown differs from
    what the writer writes for it."""
    from .write import written

    found = signature(document)
    expected = signature(written(embedded))
    if found == expected:
        return embedded
    first = next(
        (n for n, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b),
        min(len(found), len(expected)),
    )
    # (the paragraph it begins with, counted as losses count them: those of tables too)
    shown = list(blocks(document.element.body))
    paragraph = 1 + sum(
        1 if b.tag == w("p") else len(b.findall(f".//{w('p')}")) for b in shown[:first]
    )
    body = Body(document, strict=strict, own=embedded)
    sections = body.read()
    edited = Problem(
        severity="warning",
        code=EDITED,
        message=f"paragraph {paragraph}: the document was edited after briefmodel wrote it "
        "(from here on): "
        "its headline, subheadline and sections are read from the text shown, the rest from "
        "the brief briefmodel embedded in it",
    )
    settle_losses(body.losses + body.repairs, strict=strict)
    tell([edited], "read", said=edited.message)
    try:
        return attrs.evolve(
            embedded,
            headline=body.headline or embedded.headline,
            subheadline=body.subheadline,
            sections=sections or [Section()],
        )
    except ModelError as error:
        raise ValidationError([_problem(error)]) from None


def _foreign(
    document: Any,
    *,
    strict: bool,
    id: str | None,
    created: datetime | None,
    language: str | None,
) -> Brief:
    """A Word document written by a person: its body, and its core properties as the
    brief's metadata."""
    body = Body(document, strict=strict)
    sections = body.read()
    core = read_core(document)
    headline = body.headline
    if headline is None and "title" in core:
        headline = core["title"]
        body.number = 0
        body.repair(
            "repair.headline-from-properties",
            f"the document has no title paragraph: its title property {headline[:60]!r} is "
            "the headline",
        )
    if headline is None and body.first_text is not None:
        body.number, text = body.first_text
        headline = _first_line(text)
        body.repair(
            "repair.headline-from-first-line",
            f"the document has no title: the first line of its first paragraph, "
            f"{headline[:60]!r}, is the headline",
        )
    if headline is None:
        untitled = Problem(
            severity="error",
            code="schema.required",
            message="the document has no title (no paragraph in the Title style, none that "
            "looks like a title, no title property and no text)",
        )
        raise ValidationError([*body.losses, untitled])
    problems = body.losses + body.repairs
    if strict and problems:
        raise ValidationError(problems)
    fields: dict[str, Any] = {
        "id": id or core.get("identifier") or _hashed(document),
        "headline": headline,
        "subheadline": body.subheadline or core.get("subject"),
        "language": _language(core.get("language"), document) or language or "en",
        "created": core.get("created") or created or UNDATED,
        "authors": [
            Agent(name=name.strip())
            for name in core.get("creator", "").split(AUTHOR_SEPARATOR.strip())
            if name.strip()
        ],
        "keywords": [
            k.strip() for k in core.get("keywords", "").replace(";", ",").split(",") if k.strip()
        ],
        "genre": core.get("category"),
        "sections": sections or [Section()],
    }
    modified = core.get("modified")
    if modified is not None and fields["created"] is not None and modified > fields["created"]:
        fields["updated"] = modified
    try:
        brief = Brief(**fields)
    except ModelError as error:
        raise ValidationError([_problem(error)]) from None
    tell(problems, "read", ("loss or repair", "losses and repairs"))
    return brief


def _language(tag: str | None, document: Any) -> str | None:
    """The language of the core properties, else of the default style's runs, when it is
    a well-formed BCP 47 tag."""
    candidates = [tag]
    defaults = document.styles.element.find(w("docDefaults"))
    if defaults is not None:
        lang = defaults.find(f"{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
        if lang is not None:
            candidates.append(lang.get(w("val")))
    for candidate in candidates:
        if candidate and _patterns.LANGUAGE.matches(candidate):
            return candidate
    return None


#: The most characters of a headline taken from a paragraph's first line.
MAX_HEADLINE = 120


def _first_line(text: str) -> str:
    """The first line of ``text``, cut at a word before :data:`MAX_HEADLINE` characters."""
    line = " ".join(next(part for part in text.split("\n") if part.strip()).split())
    if len(line) <= MAX_HEADLINE:
        return line
    cut = line[:MAX_HEADLINE].rsplit(" ", 1)[0]
    return (cut or line[:MAX_HEADLINE]) + "…"


def _hashed(document: Any) -> str:
    text = " ".join(t.text or "" for t in document.element.body.iter(w("t")))
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass"))
    return HASHED_ID_PREFIX + digest.hexdigest()[:32]


def _problem(error: ModelError) -> Problem:
    return Problem(severity="error", code=error.code, message=str(error))
