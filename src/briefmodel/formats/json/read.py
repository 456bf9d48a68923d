"""Reading canonical JSON: strict parsing (UTF-8 only, no duplicate keys, no NaN or
Infinity) and the brief built from the data, every problem with its JSON Pointer."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from ... import _converter, _generated, _options, _walks
from ..._converter import iter_structuring_problems, not_json
from ..._schema import order_of_pointer, schema_problems_found
from ...errors import (
    MAX_PROBLEMS,
    ParseError,
    Problem,
    ValidationError,
    capped,
    pointer,
    tell,
)
from ...migrations import upgraded
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
    value = _quick_parse(data)  # (orjson, where it surely reads what the json module does)
    if value is _DOUBT or not _plainly_read(value, 0):
        return _parse(data, repairs=None)
    return value


def _plainly_read(value: Any, depth: int) -> bool:
    """Whether orjson surely read ``value`` as :func:`parse` reads it: no float (orjson
    reads a number too small for a double as 0 and an integer beyond 64 bits as a float,
    where :func:`parse` refuses the one and keeps the other an int) and nested no deeper
    than 100 (where the json module might run out of stack)."""
    kind = type(value)
    if kind is dict:
        return depth < 100 and all(_plainly_read(v, depth + 1) for v in value.values())
    if kind is list:
        return depth < 100 and all(_plainly_read(v, depth + 1) for v in value)
    return kind is not float


#: A key given twice in one object of another producer's JSON, read leniently: the last
#: value is read (as most JSON readers do).
DUPLICATE_KEY = "repair.duplicate-key"


def parse_lenient(data: str | bytes) -> tuple[Any, list[Problem]]:
    """Parse another producer's JSON text as :func:`parse` does, but read a key given
    twice in one object as most JSON readers do, by its last value: the value, and a
    ``repair.duplicate-key`` warning at each such key's pointer. What else :func:`parse`
    refuses is still refused."""
    repairs: list[Problem] = []
    return _parse(data, repairs=repairs), repairs


_DOUBT: Any = object()


def _quick_parse(data: str | bytes) -> Any:
    """``data`` parsed by orjson when that is surely what :func:`parse` gives, else
    ``_DOUBT``. orjson refuses what :func:`parse` refuses but a key given twice, of which
    it keeps the last value. So the colons of the text are counted against those of the
    parsed value written again: each key has its colon, and a string its own colons in
    both, unless one is written as an escape (``\\u003a``), which is doubt. (A number too
    small for a double, which orjson reads as 0, the generated builder doubts: it takes no
    float 0 in extensions.)"""
    import orjson  # (imported when first used: it takes 20 ms, which --version need not)

    if isinstance(data, str):
        text: str | bytes = data[1:] if data.startswith("\ufeff") else data
        escaped = "\\" in text and "\\u003" in text  # (one character is found fastest)
    else:
        text = bytes(data)
        text = text[3:] if text.startswith(b"\xef\xbb\xbf") else text
        escaped = b"\\" in text and b"\\u003" in text
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:  # (a lone surrogate in a str too)
        return _DOUBT
    try:
        again = orjson.dumps(value)
    except TypeError:  # (nested deeper than orjson writes, 254 levels, which it reads)
        return _DOUBT
    colons = text.count(":" if isinstance(text, str) else b":")  # type: ignore[arg-type]
    if escaped or colons != again.count(b":"):
        return _DOUBT
    return value


def _xml_safe(data: str | bytes) -> bool:
    """Whether every string of a JSON text orjson read is one XML 1.0 can carry: orjson
    takes no control character unescaped and no lone surrogate, so without a backslash
    the only others are U+FFFE and U+FFFF written as themselves."""
    if isinstance(data, str):
        return "\\" not in data and "\ufffe" not in data and "\uffff" not in data
    return b"\\" not in data and b"\xef\xbf\xbe" not in data and b"\xef\xbf\xbf" not in data


def _parse(data: str | bytes, *, repairs: list[Problem] | None) -> Any:
    """:func:`parse`; with ``repairs``, a duplicate key is one of them, not an error."""
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
        if repairs is not None:
            keys = {p.path: p for p in problems if p.code == _DUPLICATE}  # (once a key)
            repairs.extend(_lenient_keys(p) for p in keys.values())
            problems = [p for p in problems if p.code != _DUPLICATE]
            if keys and not problems:
                try:
                    value = _plain(value)
                except RecursionError:
                    raise ParseError(_TOO_DEEP) from None
        if problems:
            raise ParseError(problems[0]) if len(problems) == 1 else ValidationError(problems)
    return value


_DUPLICATE = "parse.duplicate-key"


def _plain(value: Any) -> Any:
    """``value`` with each object in which a key appeared twice a plain dict again."""
    kind = type(value)
    if kind is _Duplicated or kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    return value


def _lenient_keys(problem: Problem) -> Problem:
    """The repair of a duplicate key read leniently (its last value)."""
    message = problem.message + ": its last value is read"
    return Problem(severity="warning", code=DUPLICATE_KEY, message=message, path=problem.path)


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
                        code=_DUPLICATE,
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
    problem, each with its JSON Pointer (the first :data:`~briefmodel.errors.MAX_PROBLEMS`
    of them). Semantic rules are not run here; use :func:`briefmodel.validate` or
    :func:`briefmodel.loads` for those.
    """
    strict = _options.flag("strict", strict)
    try:  # the generated path, for a valid document of this model
        return _generated.builder()(data)
    except Exception:  # noqa: BLE001 - any doubt: the general path decides
        pass
    return _build(data, strict=strict, parsed=False)


def _build(data: Any, *, strict: bool, parsed: bool) -> Brief:
    """:func:`from_dict`; ``parsed`` says that ``data`` comes from :func:`parse`, so
    holds nothing JSON cannot (which is then not looked for). A document of an earlier
    model is upgraded first (:mod:`briefmodel.migrations`)."""
    data = upgraded(data)
    try:
        return _converter.converter.structure(data, Brief)
    except RecursionError:
        raise ParseError(
            Problem(
                severity="error", code="parse.too-deep", message="the document nests too deeply"
            )
        ) from None
    except Exception:  # noqa: BLE001 - any failure is explained below, with paths
        pass
    if not strict:
        unknown = _unknown_fields(data, parsed=parsed)
        if unknown:
            kept = f"kept under extensions[{UNKNOWN_KEY!r}]"
            listed = ", ".join(p.path for p in unknown[:MAX_PROBLEMS])
            more = len(unknown) - MAX_PROBLEMS
            tell(
                [
                    Problem(
                        severity="warning",
                        code="repair.field-kept",
                        message=f"a field the model does not have, {kept}",
                        path=p.path,
                    )
                    for p in unknown[:MAX_PROBLEMS]
                ],
                "read",
                said=f"unknown fields {kept}: {listed}" + (f" and {more} more" if more > 0 else ""),
            )
            return _build(_keep_unknown(data, unknown), strict=True, parsed=parsed)
    raise ValidationError(_explain(data, parsed=parsed))


#: How many failures explaining a document looks for before it stops: enough to count
#: well past the problems listed, few enough that a file of a million faults is
#: explained in a fraction of a second.
EXPLAINED = 10 * MAX_PROBLEMS


def explain(data: Any) -> list[Problem]:
    """Every problem that keeps ``data`` from being a brief: schema first, then structure.

    The first :data:`~briefmodel.errors.MAX_PROBLEMS` are listed, then one
    ``problems.more`` counts the rest. A document with very many faults is explained
    only so far (:data:`EXPLAINED` failures): the count then says "at least".
    """
    return _explain(data, parsed=False)


def _explain(data: Any, *, parsed: bool) -> list[Problem]:
    found = (
        Problem(severity="error", code=bad.code, message=bad.message, path=pointer(bad.path))
        for bad in (() if parsed else not_json(data))
    )
    problems = list(itertools.islice(found, EXPLAINED + 1))
    if problems:
        stopped = len(problems) > EXPLAINED
        return capped(problems[:EXPLAINED], at_least=len(problems) if stopped else None)
    from ..._explaining import explaining

    with explaining(EXPLAINED, detail=MAX_PROBLEMS) as state:
        try:
            _converter.explaining_converter.structure(data, Brief)
        except RecursionError:
            return [_TOO_DEEP]
        except Exception as error:  # noqa: BLE001 - every cattrs failure becomes problems
            try:
                problems, complete = schema_problems_found(data, limit=MAX_PROBLEMS)
            except RecursionError:
                return [_TOO_DEEP]
            # Structuring finds what the schema cannot say (a 30 February); what it finds
            # at or around a place the schema already explained is the same problem again.
            explained = {p.path for p in problems}
            holding = _with_ancestors(explained)  # a place explained, or one holding it
            structural = iter_structuring_problems(error)
            seen = list(itertools.islice(structural, EXPLAINED))
            problems += [
                problem
                for problem in seen
                if problem.path not in holding and not _ancestors(problem.path) & explained
            ]
            if not problems:
                problems = [Problem(severity="error", code="structure.invalid", message=str(error))]
            if complete and state.complete and next(structural, None) is None:
                return capped(problems)
            # Explaining stopped early: there are at least as many as the failures seen.
            return capped(problems, at_least=max(len(problems), len(seen), state.failures))
    return [  # pragma: no cover - the two converters accept the same documents
        Problem(severity="error", code="structure.invalid", message="the brief could not be built")
    ]


def _unknown_fields(data: Any, *, parsed: bool) -> list[Problem]:
    """The fields of ``data`` the model does not have, in document order, when they are
    all that is wrong with it (else none): what reading leniently keeps aside.

    The converter finds every unknown field, and accepting exactly what the schema
    accepts, nothing else when it finds nothing else; the schema is not needed.
    """
    if not parsed and any(True for _ in not_json(data)):
        return []
    from ..._explaining import explaining

    for limit in (EXPLAINED, None):  # most documents have few, so look for a few first
        with explaining(limit) as state:
            try:
                _converter.explaining_converter.structure(data, Brief)
            except RecursionError:
                return []
            except Exception as error:  # noqa: BLE001 - every cattrs failure becomes problems
                unknown = list(iter_structuring_problems(error))
                if any(p.code != "schema.additional-properties" for p in unknown):
                    return []  # something else is wrong too
                if not state.stopped:
                    return sorted(unknown, key=lambda p: order_of_pointer(p.path))
    return []  # pragma: no cover - the converters fail alike


_TOO_DEEP = Problem(
    severity="error", code="parse.too-deep", message="the document nests too deeply"
)


def _ancestors(path: str) -> set[str]:
    """The JSON Pointers of the places that hold ``path``, the whole document ``""``
    included."""
    found = {""}
    index = path.find("/", 1)
    while index != -1:
        found.add(path[:index])
        index = path.find("/", index + 1)
    return found


def _with_ancestors(paths: Iterable[str]) -> set[str]:
    """The pointers ``paths`` and every place that holds one of them."""
    found: set[str] = set()
    for path in paths:
        found.add(path)
        found |= _ancestors(path)
    return found


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


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """Read canonical JSON text into a brief (without running the semantic rules).

    ``id``, ``created`` and ``language`` fill what the document does not say, as every
    reader takes them: a document with its own ``id`` keeps it.

    >>> text = '{"schema": "briefmodel/2", "headline": "Hi", "sections": [{}]}'
    >>> read(text, id="urn:example:given").id
    'urn:example:given'
    """
    fallbacks = {
        "id": _options.optional_text("id", id),
        "created": c.isoformat() if (c := _options.created(created)) else None,
        "language": _options.optional_text("language", language),
    }
    given = any(v is not None for v in fallbacks.values())
    document = _quick_parse(data)
    if document is not _DOUBT:  # the generated path, for a valid document of this model
        try:
            brief = _generated.builder()(_filled(document, fallbacks) if given else document)
        except Exception:  # noqa: BLE001 - any doubt: the general path decides
            pass
        else:
            return _walks.vouch(brief, "xml-safe") if not given and _xml_safe(data) else brief
    document = _filled(parse(data), fallbacks)
    return _build(document, strict=strict, parsed=True)


def _filled(document: Any, fallbacks: dict[str, Any]) -> Any:
    """``document`` with what it does not say taken from the reader's ``fallbacks``."""
    if isinstance(document, dict) and any(v is not None for v in fallbacks.values()):
        return {**{k: v for k, v in fallbacks.items() if v is not None}, **document}
    return document


def sniff(text: str) -> bool:
    """True when the text looks like a JSON object."""
    return text.lstrip("\ufeff \t\r\n")[:1] == "{"
