"""The reader: Markdown (briefmodel's own or written by people) decoded, its front matter
and body read, and the whole built into a brief through the canonical JSON reader, with
losses reported; and the sniffer that recognises Markdown."""

from __future__ import annotations

import hashlib
import warnings
from datetime import datetime
from typing import Any

import attrs

from ... import _options
from ..._converter import SCHEMA_ID
from ...errors import Problem, ValidationError, warn
from ...model import Brief, Section
from .. import UNDATED
from .. import json as json_format
from ._front_matter import _ALIASES, _DATE_ONLY, _parse_front_matter
from ._parser import _MD, NO_CHARACTER, _refuse
from ._tokens import _Reader

#: Documents larger than this are refused before parsing.
MAX_BYTES = 64 * 1024 * 1024
#: Where a lenient read keeps unknown front-matter keys (as the JSON reader does).
UNKNOWN_KEY = "briefmodel:unknown"
_HASHED_ID = "urn:briefmodel:markdown:sha256:"


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
                "parse.encoding",
                f"the document is not UTF-8 (byte 0x{data[error.start]:02x} at offset "
                f"{error.start})",
                line,
            ) from None
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


@_options.reader
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
    created = _options.created(created)
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
    fields = _fields(values, where, reader)
    notes: list[str] = []
    if headline is not None:
        fields["headline"] = headline
    elif "headline" not in fields:
        reader.fail("schema.required", "the document has no headline (a '# …' line)", 1)
    if subheadline is not None:
        fields["subheadline"] = subheadline
    when = created or UNDATED
    if "created" not in fields and when is not None:
        fields["created"] = when.isoformat()
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
        shown = [f"line {p.line}: {p.message}" for p in reader.losses.kept[:5]] + notes
        more = f" (and {len(reader.losses) - 5} more)" if len(reader.losses) > 5 else ""
        warn("read with " + "; ".join(shown) + more)
    return brief


def sniff(text: str) -> bool:
    """True when the text looks like Markdown: a front matter or a ``#`` headline."""
    head = text.lstrip("\ufeff \t\r\n")[:200]
    return head.startswith(("---\n", "---\r\n", "# "))
