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

import functools
import os
from collections.abc import Iterable
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from . import _patterns
from ._converter import json_type_name
from ._files import read_document
from ._schema import json_schema
from .errors import ParseError, Problem, Report, ValidationError, pointer
from .formats import by_name, detect
from .formats import json as json_format
from .model import Brief
from .rules import DEFAULT_URL_SCHEMES, check

__all__ = ["schema_problems", "validate"]


@functools.lru_cache(maxsize=1)
def _validator() -> tuple[Draft202012Validator, dict[int, tuple[str, str, str]]]:
    schema = json_schema()
    validator = Draft202012Validator(schema)
    defs = schema["$defs"]
    # Failures inside these definitions get the definition's own code and wording.
    named: dict[int, tuple[str, str, str]] = {
        id(defs[shape.name]): (shape.code, shape.description, "pattern")
        for shape in _patterns.SHAPES
    }
    named[id(defs["rich-text"]["else"])] = (
        "schema.type",
        "rich text: a string, or an array of strings and inline nodes",
        "type",
    )
    for union, what in (("block", "a known block type"), ("inline", "a known inline type")):
        named[id(defs[union]["properties"]["type"])] = ("node.unknown-type", what, "enum")
    named[id(defs["subject"])] = ("subject.unidentified", "a subject with a code or a uri", "anyOf")
    return validator, named


_KEBAB = {
    "additionalProperties": "additional-properties",
    "minItems": "min-items",
    "minLength": "min-length",
    "anyOf": "any-of",
    "propertyNames": "property-names",
}


_EXPECTED = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
}


def _problem(error: SchemaError, named: dict[int, tuple[str, str, str]]) -> Iterable[Problem]:
    path = list(error.absolute_path)
    keyword = str(error.validator)
    schema: Any = error.schema
    expected: Any = error.validator_value
    instance: Any = error.instance
    if "propertyNames" in error.absolute_schema_path:
        path.append(instance)
    got = json_type_name(instance)
    if keyword == "required":
        for name in expected:
            if isinstance(instance, dict) and name not in instance:
                if name == "schema":
                    code, message = "schema.version", 'missing "schema": "briefmodel/1"'
                else:
                    code, message = "schema.required", f"missing required field {name!r}"
                yield Problem(
                    severity="error", code=code, message=message, path=pointer([*path, name])
                )
        return
    if keyword == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        for name in instance:
            if name not in allowed:
                yield Problem(
                    severity="error",
                    code="schema.additional-properties",
                    message=f"unknown field {name!r}",
                    path=pointer([*path, name]),
                )
        return
    if instance is None and keyword == "type":
        code, message = "schema.type", "null is not allowed here; leave the field out"
    elif named.get(id(schema), ("", "", ""))[2] == keyword:
        code, description, _ = named[id(schema)]
        shown = repr(instance)[:80] if isinstance(instance, str) else got
        message = f"{shown} is not {description}"
    elif keyword == "const" and path == ["schema"]:
        code, message = "schema.version", f'expected "briefmodel/1", got {instance!r}'
    elif keyword == "type":
        code = "schema.type"
        message = f"expected {_EXPECTED.get(expected, expected)}, got {got}"
    elif keyword == "enum":
        code = "schema.enum"
        message = f"{instance!r} is not one of {', '.join(map(str, expected))}"
    elif keyword == "minItems":
        code, message = "schema.min-items", "needs at least one item"
    elif keyword == "minLength":
        code, message = "schema.min-length", "must not be empty"
    else:
        code = f"schema.{_KEBAB.get(keyword, keyword)}"
        message = error.message
    yield Problem(severity="error", code=code, message=message, path=pointer(path))


def schema_problems(data: Any) -> list[Problem]:
    """Every problem the JSON Schema finds in ``data``, in document order."""
    validator, named = _validator()
    problems = [p for error in validator.iter_errors(data) for p in _problem(error, named)]
    unique = {(p.path, p.code, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: _order(p.path))


def _order(path: str) -> list[tuple[int, Any]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in path.split("/")[1:]]


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
