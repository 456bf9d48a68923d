"""The reader: Markdown (briefmodel's own or written by people) decoded, its front matter
and body read into canonical JSON data, and the whole built into a brief in one call of
the canonical JSON reader (its generated builder, for a brief the model holds), with
losses reported. The sniffer that recognises Markdown is in
:mod:`briefmodel.formats._sniff`."""

from __future__ import annotations

import hashlib
import warnings
from datetime import datetime
from typing import Any, NoReturn

import attrs

from ... import _options
from ..._converter import SCHEMA_ID
from ...errors import Problem, ValidationError, tell
from ...model import Brief
from .. import UNDATED
from .. import json as json_format
from .._decoding import decode
from ._front_matter import _FrontMatter, read_front_matter
from ._keys import people_fields
from ._parser import _MD, NO_CHARACTER, _refuse
from ._tokens import LOSS_CODE, _Reader

#: Documents larger than this are refused before parsing.
MAX_BYTES = 64 * 1024 * 1024
#: Where a lenient read keeps unknown front-matter keys (as the JSON reader does).
UNKNOWN_KEY = "briefmodel:unknown"
_HASHED_ID = "urn:briefmodel:markdown:sha256:"


def _decode(data: str | bytes, *, lenient: bool = False) -> tuple[str, Problem | None]:
    """The text of ``data``, and (read leniently) the repair of bytes that are not UTF-8
    (``formats/_decoding.py``)."""
    repair = None
    if isinstance(data, (bytes, bytearray)):
        if len(data) > MAX_BYTES:
            raise _refuse(
                "parse.too-large",
                f"the document is {len(data):,} bytes; the limit is {MAX_BYTES:,}",
            )
        text, repair = decode(bytes(data), lenient=lenient, noun="the document")
    elif isinstance(data, str):
        text = data
        if len(text) > MAX_BYTES:
            raise _refuse(
                "parse.too-large",
                f"the document is {len(text):,} characters; the limit is {MAX_BYTES:,}",
            )
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
    return text, repair


def _front(front: _FrontMatter, reader: _Reader) -> tuple[dict[str, Any], dict[str, int]]:
    """The fields of the front matter and the line of each: briefmodel's own as written,
    people's through their keys (``_keys``)."""
    if front.own:
        return dict(front.values), dict(front.where)
    return people_fields(front.values, front.where, reader)


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str = "en",
) -> Brief:
    """Read Markdown into a brief (without running the semantic rules).

    briefmodel's own Markdown is read exactly; Markdown written by people as far as the
    model holds it. Strict by default: anything dropped is an error naming its line. With
    ``strict=False`` what is dropped, and what reading had to assume (the repairs below),
    is listed in one :class:`~briefmodel.BriefmodelWarning`, whose ``problems`` give each
    as a warning with its code and line.

    People's front matter is read whether it is YAML (``---``, with PyYAML's safe
    loader), TOML (``+++``) or Pelican's ``Title: …`` header lines, and their keys are
    the model's fields: ``title`` the headline; ``subtitle``, ``summary`` or
    ``description`` the subheadline; ``date``, ``published``, ``pubDate`` or
    ``publishDate`` the creation date; ``lastmod``, ``modified`` or ``updated`` the
    update; ``author`` and ``authors`` (names, or maps with a ``name``) the authors;
    ``tags``, ``keywords``, ``categories`` and ``category`` the keywords (the model's
    subjects need a vocabulary's code, which a category has not); ``lang`` the language;
    ``guid`` the id, and ``slug`` when there is no other; a ``publisher`` that is a name
    is the publisher's name, ``rights`` that are a line of text their notice. Dates are
    read in the common
    spellings (``2020-01-02 10:30``, ``+0100``, RFC 2822): a date alone is midnight UTC
    (``repair.date-only``), a date-time without an offset UTC (``repair.date-naive``,
    refused when reading strictly). Section roles are inferred from their titles (as for
    plain text). Read leniently, a document without a title in its front matter nor a
    ``#`` headline first takes its headline from its first ``#`` heading, even after text
    (``repair.headline-from-heading``), else from its first line
    (``repair.headline-from-first-line``); without a date key, the date in the page's
    address (a ``path``, ``url``, ``permalink`` or ``slug`` value such as
    ``2026/03/26/…``) is the creation date (``repair.date-from-path``); a key named as a
    field of the model whose value the field cannot take (Jekyll's ``version: 4.0.0``) is
    kept under ``extensions['briefmodel:unknown']`` (``repair.value-kept``), where
    reading strictly refuses it. Bytes that are not UTF-8 are refused
    strictly (``parse.encoding``); read leniently they are Windows-1252, or Latin-1
    when a byte is undefined there (``repair.encoding``).

    ``id``, ``created`` and ``language`` fill what the document does not say: without
    them the id is a hash of the text, the date :data:`~briefmodel.formats.UNDATED` (as
    plain text does: the same document always gives the same brief) and the language
    ``en``. ``bm.loads(text, "markdown", created=...)`` passes them on.
    """
    id = _options.optional_text("id", id)
    created = _options.created(created)
    language = _options.text("language", language)
    text, decoded = _decode(data, lenient=not strict)
    lines = text.split("\n")
    try:
        front = read_front_matter(lines)
    except RecursionError:
        raise _refuse("parse.too-deep", "a front-matter value nests too deeply") from None
    skip = front.skip
    body = "\n".join(lines[skip:]) if skip else text
    reader = _Reader(strict=strict, offset=skip, people=not front.own)
    if decoded is not None:
        reader.repairs.append(decoded)
    fields, where = _front(front, reader)
    if not front.own and isinstance(fields.get("headline"), str):
        reader.title = fields["headline"]
    try:
        env: dict[str, Any] = {}
        tokens = _MD.parse(body, env)
        for line, reference in env.get(NO_CHARACTER, ())[:1]:
            raise _refuse(
                "parse.syntax",
                f"the character reference {reference!r} stands for no character "
                "(CommonMark reads it as U+FFFD, replacing it)",
                line + skip,
            )
        headline, subheadline, sections = reader.body(tokens)
    except RecursionError:
        raise _refuse("parse.too-deep", "the document nests too deeply to be read") from None
    notes: list[str] = []
    said: list[Problem] = []
    if headline is not None:
        fields["headline"] = headline
    elif "headline" not in fields:
        reader.fail("schema.required", "the document has no headline (a '# …' line)", 1)
    if subheadline is not None:
        fields["subheadline"] = subheadline
    when = created or UNDATED
    if "created" not in fields and when is not None:
        fields["created"] = when.isoformat()
    if "language" not in fields:
        fields["language"] = language
    if "id" not in fields:
        if id is not None:
            fields["id"] = id
        elif not front.own and isinstance(fields.get("slug"), str) and fields["slug"].strip():
            fields["id"] = fields.pop("slug").strip()
            where["id"] = where["slug"]
        else:
            digest = hashlib.sha256(" ".join(body.split()).encode("utf-8", "surrogatepass"))
            fields["id"] = _HASHED_ID + digest.hexdigest()[:32]
    fields["schema"] = SCHEMA_ID
    fields["sections"] = sections or [{}]
    if reader.errors or (strict and reader.losses):
        _refuse_all(reader, fields, where, strict=strict)
    while True:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                brief = json_format.from_dict(fields, strict=strict)
            break
        except ValidationError as error:
            misfits = None if strict or front.own else _misfits(list(error.problems), fields, where)
            if not misfits:
                _refuse_all(reader, fields, where, strict=strict, found=error.problems)
            _keep(fields, misfits, where, reader)
    notes.extend(str(w.message) for w in caught)
    said.extend(
        _at_line(p, where, reader, fields)
        for w in caught
        for p in getattr(w.message, "problems", ())
    )
    _warn(reader, notes, said)
    return brief


def _refuse_all(
    reader: _Reader,
    fields: dict[str, Any],
    where: dict[str, int],
    *,
    strict: bool,
    found: tuple[Problem, ...] | None = None,
) -> NoReturn:
    """Raise every problem of the document: what reading met, and what the model refuses
    in what was read (``found``, else what building the brief finds), each at its line."""
    if found is None:
        try:
            json_format.from_dict(fields, strict=strict)
            found = ()
        except ValidationError as error:
            found = error.problems
    problems = [
        *reader.errors,
        *reader.losses,
        *(_at_line(p, where, reader, fields) for p in found),
    ]
    raise ValidationError(sorted(problems, key=lambda p: p.line or 0)) from None


#: The fields a brief cannot be without, whose value is never set aside.
_NEEDED = frozenset({"schema", "headline", "id", "sections", "extensions"})
#: Where a misfit is kept, by JSON Pointer.
VALUE_KEPT = "repair.value-kept"


def _misfits(
    problems: list[Problem], fields: dict[str, Any], where: dict[str, int]
) -> dict[str, Problem] | None:
    """People's front-matter keys named as the model's fields whose value the model
    cannot take (Jekyll's ``version: 4.0.0``), each with its first problem; None when a
    problem is elsewhere (it is not one of those)."""
    found: dict[str, Problem] = {}
    for problem in problems:
        if problem.severity != "error":
            continue
        key = problem.path.split("/")[1] if problem.path else ""
        if key not in fields or key in _NEEDED or key not in where:
            return None
        found.setdefault(key, problem)
    return found or None


def _keep(
    fields: dict[str, Any], misfits: dict[str, Problem], where: dict[str, int], reader: _Reader
) -> None:
    """The ``misfits`` moved from ``fields`` to ``extensions['briefmodel:unknown']`` (by
    JSON Pointer, as the JSON reader keeps unknown fields), each a repair at its line."""
    extensions = fields.setdefault("extensions", {})
    kept = extensions.setdefault(UNKNOWN_KEY, {}) if isinstance(extensions, dict) else None
    if not isinstance(kept, dict):
        raise ValidationError(misfits.values())
    for key, problem in misfits.items():
        value = fields.pop(key)
        kept["/" + key.replace("~", "~0").replace("/", "~1")] = value
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        reader.repair(
            VALUE_KEPT,
            f"the front-matter key {key!r} names a field of the model, but its value {shown} "
            f"is not one the field takes ({problem.message}): it is kept under "
            f"extensions[{UNKNOWN_KEY!r}]",
            where.get(key),
        )


def _at_line(
    problem: Problem, where: dict[str, int], reader: _Reader, fields: dict[str, Any]
) -> Problem:
    """``problem`` of the JSON reader (at a path of the fields) at its line: of the
    front-matter key it is about, or of the block of the body it is in."""
    key = problem.path.split("/")[1] if problem.path else ""
    line = where.get(key) if key != "sections" else reader.line_of(problem.path, fields)
    return attrs.evolve(problem, line=line if line is not None else problem.line)


def _warn(reader: _Reader, notes: list[str], said: list[Problem]) -> None:
    """One warning for what a lenient reading dropped and assumed, by line, and for what
    the JSON reader said (unknown keys kept under extensions: its ``notes``, and the
    problems its warnings carried)."""
    kept = sorted([*reader.losses.kept, *reader.repairs.kept], key=lambda p: p.line or 0)
    total = len(reader.losses) + len(reader.repairs)
    if not total and not notes:
        return
    shown = [
        f"line {p.line}: {p.message}" + ("" if p.code == LOSS_CODE else f" ({p.code})")
        for p in kept[:5]
    ]
    more = f" (and {total - 5} more)" if total > 5 else ""
    tell(
        [*reader.losses, *reader.repairs, *said],
        "read",
        said="read with " + "; ".join(shown + notes) + more,
    )
