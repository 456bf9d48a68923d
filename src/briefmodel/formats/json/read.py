"""Reading canonical JSON: strict parsing (UTF-8 only, no duplicate keys, no NaN or
Infinity) and the brief built from the data, every problem with its JSON Pointer."""

from __future__ import annotations

import json
import math
import re
import warnings
from collections.abc import Iterator
from typing import Any

from ..._converter import converter, explaining_converter, not_json, structuring_problems
from ..._schema import schema_problems
from ...errors import BriefmodelWarning, ParseError, Problem, ValidationError, pointer
from ...model import Brief

UNKNOWN_KEY = "briefmodel:unknown"
_MAX_DIGITS = 4300  # what Python converts between text and int by default
_TOO_MANY_DIGITS = re.compile(rf"-?[0-9]{{{_MAX_DIGITS + 1},}}")


class _NonFinite(float):
    """Stands for NaN, Infinity or an overflowing number until it is reported by path."""


class _Underflow(float):
    """Stands for a number too small for a double (``1e-400``, read as 0) until it is
    reported by path."""

    text = ""


_NONZERO_DIGIT = re.compile(r"[1-9]")


class _Duplicated(dict[str, Any]):
    """An object in which a key appeared more than once."""

    duplicates: tuple[str, ...] = ()


class _Parse:
    """One parse: flags set by the hooks so that the happy path pays for no extra walk."""

    __slots__ = ("suspicious",)

    def __init__(self) -> None:
        self.suspicious = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.suspicious = True
            marked = _Duplicated(result)
            seen: set[str] = set()
            marked.duplicates = tuple(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
            return marked
        return result

    def constant(self, name: str) -> float:
        self.suspicious = True
        return _NonFinite(name)  # float() reads "NaN", "Infinity" and "-Infinity"

    def number(self, text: str) -> float:
        value = float(text)
        if math.isinf(value):
            self.suspicious = True
            return _NonFinite(value)
        if value == 0.0 and _NONZERO_DIGIT.search(text.partition("e")[0].partition("E")[0]):
            self.suspicious = True
            underflow = _Underflow(value)
            underflow.text = text
            return underflow
        return value


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = bytes(data)[: error.start].decode("utf-8", "replace")
        line, column = _position(prefix, len(prefix))
        raise ParseError(
            Problem(
                severity="error",
                code="parse.encoding",
                message=f"the input is not UTF-8 (byte 0x{bytes(data)[error.start]:02x} "
                f"at offset {error.start})",
                line=line,
                column=column,
            )
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def parse(data: str | bytes) -> Any:
    """Parse JSON text strictly: UTF-8 only, no duplicate keys, no NaN or Infinity, no
    number beyond the range of a double (too large, or so small it would be read as 0).

    Raises :class:`~briefmodel.ParseError` with the line and column, or the JSON Pointer
    of the offending value.
    """
    text = _decode(data)
    state = _Parse()
    try:
        value = json.loads(
            text,
            object_pairs_hook=state.pairs,
            parse_constant=state.constant,
            parse_float=state.number,
        )
    except json.JSONDecodeError as error:
        raise ParseError(
            Problem(
                severity="error",
                code="parse.syntax",
                message=f"not valid JSON: {error.msg}",
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    except RecursionError:
        raise ParseError(
            Problem(
                severity="error",
                code="parse.too-deep",
                message="the JSON nests too deeply to be read",
            )
        ) from None
    except ValueError:  # an integer with more digits than Python converts
        digits = _TOO_MANY_DIGITS.search(text)
        line, column = _position(text, digits.start()) if digits else (None, None)
        raise ParseError(
            Problem(
                severity="error",
                code="parse.too-large",
                message=f"a number has more than {_MAX_DIGITS} digits",
                line=line,
                column=column,
            )
        ) from None
    if state.suspicious:
        problems = list(_suspicious(value, ()))
        if problems:
            raise ParseError(problems[0]) if len(problems) == 1 else ValidationError(problems)
    return value


def _suspicious(value: Any, path: tuple[str | int, ...]) -> Iterator[Problem]:
    stack: list[tuple[tuple[str | int, ...], Any]] = [(path, value)]
    found: list[Problem] = []
    while stack:
        here, node = stack.pop()
        kind = type(node)
        if kind is _NonFinite:
            found.append(
                Problem(
                    severity="error",
                    code="parse.non-finite-number",
                    message="NaN, Infinity and numbers beyond the range of a double are not JSON",
                    path=pointer(here),
                )
            )
        elif kind is _Underflow:
            shown = node.text if len(node.text) <= 40 else node.text[:37] + "…"
            found.append(
                Problem(
                    severity="error",
                    code="parse.number-underflow",
                    message=f"{shown} is too small for a double: it would be read as 0",
                    path=pointer(here),
                )
            )
        elif kind is _Duplicated or kind is dict:
            for key in getattr(node, "duplicates", ()):
                found.append(
                    Problem(
                        severity="error",
                        code="parse.duplicate-key",
                        message=f"the key {key!r} appears more than once in this object",
                        path=pointer((*here, key)),
                    )
                )
            stack.extend(((*here, k), v) for k, v in node.items())
        elif kind is list:
            stack.extend(((*here, i), v) for i, v in enumerate(node))
    yield from sorted(found, key=lambda p: p.path)


def from_dict(data: Any, *, strict: bool = True) -> Brief:
    """Build a brief from canonical JSON data (dicts, lists, strings, numbers).

    Raises :class:`~briefmodel.ValidationError` with every schema and structuring
    problem, each with its JSON Pointer. Semantic rules are not run here; use
    :func:`briefmodel.validate` or :func:`briefmodel.loads` for those.
    """
    try:
        return converter.structure(data, Brief)
    except RecursionError:
        raise ParseError(
            Problem(
                severity="error", code="parse.too-deep", message="the document nests too deeply"
            )
        ) from None
    except Exception:  # noqa: BLE001 - any failure is explained below, with paths
        pass
    problems = explain(data)
    if not strict and problems and all(p.code == "schema.additional-properties" for p in problems):
        kept = ", ".join(p.path for p in problems)
        warnings.warn(
            f"unknown fields kept under extensions[{UNKNOWN_KEY!r}]: {kept}",
            BriefmodelWarning,
            stacklevel=4,
        )
        return from_dict(_keep_unknown(data, problems), strict=True)
    raise ValidationError(problems)


def explain(data: Any) -> list[Problem]:
    """Every problem that keeps ``data`` from being a brief: schema first, then structure."""
    problems = [
        Problem(severity="error", code=bad.code, message=bad.message, path=pointer(bad.path))
        for bad in not_json(data)
    ]
    if problems:
        return problems
    try:
        problems = schema_problems(data)
        explaining_converter.structure(data, Brief)
        if problems:
            return problems
    except RecursionError:
        return [
            Problem(
                severity="error", code="parse.too-deep", message="the document nests too deeply"
            )
        ]
    except Exception as error:  # noqa: BLE001 - every cattrs failure becomes problems
        # Structuring finds what the schema cannot say (a 30 February); what it finds at
        # or around a place the schema already explained is the same problem again.
        explained = [p.path for p in problems]
        return problems + [
            found
            for found in structuring_problems(error)
            if not any(_related(found.path, path) for path in explained)
        ] or [Problem(severity="error", code="structure.invalid", message=str(error))]
    return [  # pragma: no cover - the two converters accept the same documents
        Problem(severity="error", code="structure.invalid", message="the brief could not be built")
    ]


def _related(a: str, b: str) -> bool:
    """Whether one JSON Pointer is the other or lies inside it."""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def _keep_unknown(data: Any, problems: list[Problem]) -> Any:
    """A copy of ``data`` with the unknown fields moved under extensions by pointer."""
    data = json.loads(json.dumps(data))
    kept: dict[str, Any] = {}
    for problem in problems:
        *parents, last = [_unescape(p) for p in problem.path.split("/")[1:]]
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        kept[problem.path] = node.pop(last)
    extensions = data.setdefault("extensions", {})
    extensions[UNKNOWN_KEY] = {**extensions.get(UNKNOWN_KEY, {}), **kept}
    return data


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def read(data: str | bytes, *, strict: bool = True) -> Brief:
    """Read canonical JSON text into a brief (without running the semantic rules)."""
    return from_dict(parse(data), strict=strict)


def sniff(text: str) -> bool:
    """True when the text looks like a JSON object."""
    return text.lstrip("\ufeff \t\r\n")[:1] == "{"
