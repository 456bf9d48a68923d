"""Validation: every problem of a document, in layers, as data.

:func:`validate` reads its input in the order parse → JSON Schema → structuring →
semantic rules and collects every problem it finds into a :class:`~briefmodel.Report`.
A document that fails a layer is not taken to the next one: its problems are
explained where they arise.

Valid documents take a fast path: strict structuring with the cattrs converter accepts
exactly what the schema accepts, so the JSON Schema validator (built once and reused)
runs only to explain a document that failed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from ._files import read_document
from .errors import ParseError, Report, ValidationError
from .formats import by_name, detect
from .formats import json as json_format
from .model import Brief
from .rules import DEFAULT_URL_SCHEMES, check

__all__ = ["validate"]


def validate(
    data: str | bytes | os.PathLike[str] | dict[str, Any] | Brief,
    format: str | None = None,
    *,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
) -> Report:
    """Check a document and report every problem in it.

    ``data`` is the document's text (``str`` or ``bytes``), a path to a file (any
    :class:`os.PathLike`; a plain ``str`` is always taken as text), canonical JSON
    data (a ``dict``) or a :class:`~briefmodel.Brief`. ``format`` names the format of
    text or a file; by default it comes from the file's suffix or is sniffed.
    ``url_schemes`` are the schemes links may use.

    >>> import briefmodel as bm
    >>> report = bm.validate({"schema": "briefmodel/1", "id": "x", "headline": "Hi",
    ...     "created": "2026-01-01T00:00:00Z", "sections": [{"blocks": [
    ...     {"type": "paragraph", "content": [{"type": "citation", "ref": "s9"}]}]}]})
    >>> report.ok, [(p.code, p.path) for p in report.problems]
    (False, [('ref.unknown-source', '/sections/0/blocks/0/content/0/ref')])
    """
    try:
        brief = _read(data, format)
    except (ParseError, ValidationError) as error:
        return Report(problems=error.problems)
    return Report(problems=tuple(check(brief, url_schemes=url_schemes)), brief=brief)


def _read(data: Any, format: str | None) -> Brief:
    if isinstance(data, Brief):
        return data
    if isinstance(data, os.PathLike):
        raw = read_document(data)
        return (by_name(format) if format else detect(data, raw)).read(raw)
    if isinstance(data, (str, bytes)):
        return (by_name(format) if format else detect(None, data)).read(data)
    return json_format.from_dict(data)
