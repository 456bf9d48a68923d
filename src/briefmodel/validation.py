"""Validation: every problem of a document, in layers, as data.

:func:`validate` reads its input in the order parse → JSON Schema → structuring →
semantic rules and collects every problem it finds into a :class:`~briefmodel.Report`.
A document that fails a layer is not taken to the next one: its problems are
explained where they arise.

Valid documents take a fast path: canonical JSON is parsed by orjson and built by the
generated code of :mod:`briefmodel._generated`, and what it doubts goes through strict
structuring with the cattrs converter, which accepts exactly what the schema accepts, so
the JSON Schema validator (built once and reused) runs only to explain a document that
failed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import tzinfo
from typing import Any

from . import _options
from ._dates import naive_times_in
from ._files import read_document
from ._repairs import repaired
from .errors import (
    OptionError,
    ParseError,
    Problem,
    Report,
    ValidationError,
    capped,
    listening,
)
from .formats import Format, by_name, detect, mismatch
from .formats import json as json_format
from .model import Brief
from .profiles import Profile, as_profile
from .rules import DEFAULT_URL_SCHEMES, check

__all__ = ["validate"]


def validate(
    data: str | bytes | os.PathLike[str] | dict[str, Any] | Brief,
    format: str | None = None,
    *,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    xsd: str | os.PathLike[str] | None = None,
    profile: Profile | str | os.PathLike[str] | Mapping[str, Any] | None = None,
    lenient: bool = False,
    timezone: tzinfo | str | None = None,
) -> Report:
    """Check a document and report every problem in it.

    ``data`` is the document's text (``str`` or ``bytes``), a path to a file (any
    :class:`os.PathLike`; a plain ``str`` is always taken as text), canonical JSON
    data (a ``dict``) or a :class:`~briefmodel.Brief`. ``format`` names the format of
    text or a file; by default it comes from the file's suffix or is sniffed.
    ``url_schemes`` are the schemes links may use. The report lists the first
    :data:`~briefmodel.errors.MAX_PROBLEMS` problems (errors before warnings), then one
    ``problems.more`` that counts the rest.

    XML (NewsML-G2) is first checked against an XML Schema, each problem with its line:
    briefmodel's NewsML-G2 profile by default, or the XSD file ``xsd`` names (IPTC's
    official one, say). A document that passes is read leniently, what the model cannot
    hold is reported as warnings, and then the semantic rules run as for JSON.

    ``profile`` is a house style checked after the rules: a :class:`~briefmodel.Profile`,
    the path of its TOML file, or its data as a dict (see :mod:`briefmodel.profiles`). A
    profile that cannot be used raises :class:`~briefmodel.ProfileError` before anything is
    read.

    ``lenient=True`` checks the document as ``bm.load(..., strict=False)`` reads it: what
    the reader and the repairs of lenient reading mend (a relative link kept as text, a
    naive date taken as UTC, or in ``timezone`` when given, a field the model does not
    know kept under ``extensions``) is reported as warnings with their codes
    (``repair.…``) and places, and only what cannot be mended is an error. See the table
    of repairs in the validation guide.

    >>> import briefmodel as bm
    >>> report = bm.validate({"schema": "briefmodel/2", "id": "x", "headline": "Hi",
    ...     "created": "2026-01-01T00:00:00Z", "sections": [{"blocks": [
    ...     {"type": "paragraph", "content": [{"type": "citation", "ref": "s9"}]}]}]})
    >>> report.ok, [(p.code, p.path) for p in report.problems]
    (False, [('ref.unknown-source', '/sections/0/blocks/0/content/0/ref')])
    """
    name = _options.format_name(format, optional=True)
    fmt = by_name(name) if name else None  # an unknown name is a mistake in the call
    url_schemes = _options.url_schemes(url_schemes)
    xsd = _options.xsd(xsd)
    house = as_profile(profile)
    if _options.flag("lenient", lenient):
        if xsd is not None:
            raise OptionError(
                "xsd",
                "checks a document as it is written; lenient=True checks it as it is "
                "repaired, so the two do not go together",
            )
        with naive_times_in(_options.zone(timezone)):
            return _validate_leniently(data, fmt, url_schemes, house)
    found: list[Problem] = []
    try:
        brief = _read(data, fmt, xsd, found)
    except (ParseError, ValidationError) as error:
        return Report(problems=tuple(capped((*found, *error.problems))))
    if brief is None:
        return Report(problems=tuple(capped(found)))
    return Report(
        problems=tuple(capped((*found, *check(brief, url_schemes=url_schemes, rules=house.rules)))),
        brief=brief,
    )


def _validate_leniently(
    data: Any, fmt: Format | None, url_schemes: tuple[str, ...], house: Profile
) -> Report:
    """The report of ``data`` read as :func:`briefmodel.load` reads it with
    ``strict=False``: every repair and loss a warning, what cannot be mended an error."""
    with listening() as heard:
        try:
            brief = _read_leniently(data, fmt)
        except (ParseError, ValidationError) as error:
            return Report(problems=tuple(capped((*heard, *error.problems))))
        brief, done, problems = repaired(
            brief, lambda b: check(b, url_schemes=url_schemes, rules=house.rules)
        )
    return Report(problems=tuple(capped((*heard, *done, *problems))), brief=brief)


def _read_leniently(data: Any, fmt: Format | None) -> Brief:
    if isinstance(data, Brief):
        return data
    raw, fmt = _document(data, fmt)
    if raw is None or fmt is None:
        return json_format.from_dict(data, strict=False)
    try:
        return fmt.read(raw, strict=False)
    except (ParseError, ValidationError) as error:
        hint = mismatch(fmt, raw, error.problems)  # clearly another format: say so first
        if hint is None:
            raise
        raise ValidationError((hint, *error.problems)) from None


def _document(data: Any, fmt: Format | None) -> tuple[str | bytes | None, Format | None]:
    """The text of ``data`` when it is a document (a path's content, or text itself) and
    its format (``fmt``, else found); ``(None, fmt)`` for data, a dict or a brief."""
    if isinstance(data, os.PathLike):
        raw = read_document(data)
        return raw, fmt or detect(data, raw)
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        text = _options.document(data)
        return text, fmt or detect(None, text)
    return None, fmt


def _read(data: Any, fmt: Format | None, xsd: Any, found: list[Problem]) -> Brief | None:
    raw, fmt = _document(data, fmt)
    if xsd is not None and (fmt is None or fmt.examine is None or raw is None):
        what = fmt.name if fmt is not None and raw is not None else type(data).__name__
        raise OptionError("xsd", f"applies to XML documents, not to {what}")
    if isinstance(data, Brief):
        return data
    if fmt is None or raw is None:
        return json_format.from_dict(data)
    try:
        if fmt.examine is None:
            return fmt.read(raw)
        problems, brief = fmt.examine(raw, xsd=xsd)
    except (ParseError, ValidationError) as error:
        hint = mismatch(fmt, raw, error.problems)  # clearly another format: say so first
        found.extend([hint] if hint is not None else ())
        raise
    hint = mismatch(fmt, raw, problems) if brief is None else None
    found.extend([hint, *problems] if hint is not None else problems)
    return brief
