"""Front matter written by others: YAML between ``---`` lines, read with PyYAML's safe
loader (libyaml's when PyYAML has it); TOML between ``+++`` lines, read with tomllib
(tomli before Python 3.11); and Pelican's ``Key: value`` header lines. Each gives its
values as Python data, the document's line of each top-level key, and each error as a
:class:`~briefmodel.ParseError` naming the document's line.

What is built is bounded: front matter longer than :data:`MAX_CHARS` is refused before it
is parsed, and YAML's values are counted before they are built, an alias each time it is
used, so that a few aliases of aliases (a "billion laughs") are refused at once rather
than standing for billions of values."""

from __future__ import annotations

import base64
import math
import re
import sys
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ._parser import _refuse

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

if TYPE_CHECKING:
    import yaml

#: Front matter longer than this (in characters) is refused before YAML or TOML reads it.
MAX_CHARS = 1024 * 1024
#: The most values YAML front matter may stand for, an alias counted each time it is used.
MAX_VALUES = 100_000
#: How deep YAML front matter may nest.
MAX_DEPTH = 32

_Values = tuple[dict[str, Any], dict[str, int]]


def _text(lines: list[str], start: int, end: int) -> str:
    """The lines from index ``start`` up to ``end`` (the fences left out), refused when
    they are longer than :data:`MAX_CHARS`."""
    size = sum(len(line) + 1 for line in lines[start:end])
    if size > MAX_CHARS:
        raise _refuse(
            "parse.too-large",
            f"the front matter is {size:,} characters; the limit is {MAX_CHARS:,}",
            start,
        )
    return "\n".join(line.rstrip("\r") for line in lines[start:end])


# ======================================================================================
# YAML


def yaml_values(lines: list[str], start: int, end: int) -> _Values:
    """The YAML front matter on lines ``start`` to ``end`` (indexes, fences left out)."""
    text = _text(lines, start, end)
    import yaml  # here: only front matter that briefmodel's own reader does not read needs it

    loader = (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:  # nothing but comments
            return {}, {}
        _check(node, start)
        if not isinstance(node, yaml.MappingNode):
            raise _refuse(
                "parse.syntax",
                "the front matter is not a mapping of keys to values",
                node.start_mark.line + start + 1,
            )
        loader.flatten_mapping(node)  # merge keys (<<), counted above
        values: dict[str, Any] = {}
        where: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else None
            if name is None:
                raise _refuse(
                    "parse.syntax",
                    "a front-matter key is not text",
                    key.start_mark.line + start + 1,
                )
            values[name] = loader.construct_object(value, deep=True)
            where[name] = key.start_mark.line + start + 1
        return values, where
    except yaml.MarkedYAMLError as error:
        raise _refuse(
            "parse.syntax", f"the front matter is not YAML: {_said(error)}", _line(error, start)
        ) from None
    except yaml.YAMLError as error:
        raise _refuse("parse.syntax", f"the front matter is not YAML: {error}", start) from None
    except RecursionError:  # PyYAML's own parser, without libyaml's limit on nesting
        raise _refuse("parse.too-deep", "the front matter nests too deeply", start) from None
    finally:
        loader.dispose()


def _check(root: yaml.Node, start: int) -> None:
    """Refuse a node tree that stands for more than :data:`MAX_VALUES` values (aliases
    counted each time they are used), nests deeper than :data:`MAX_DEPTH`, or has a key
    twice in a mapping. Nothing is built: the count stops at the limit."""
    import yaml

    count = 1
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + start + 1
        if depth > MAX_DEPTH:
            raise _refuse(
                "parse.too-deep", f"the front matter nests more than {MAX_DEPTH} deep", line
            )
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            seen: set[tuple[str, str]] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if (key.tag, key.value) in seen:
                        raise _refuse(
                            "parse.duplicate-key",
                            f"the front matter has {str(key.value)[:40]!r} twice",
                            key.start_mark.line + start + 1,
                        )
                    seen.add((key.tag, key.value))
                children += (key, value)
        count += len(children)
        if count > MAX_VALUES:
            raise _refuse(
                "parse.too-large",
                f"the front matter stands for more than {MAX_VALUES:,} values (an alias "
                "counts each time it is used)",
                line,
            )
        stack.extend((child, depth + 1) for child in children)


def _said(error: yaml.MarkedYAMLError) -> str:
    said = str(error.problem or "it cannot be parsed")
    return f"{said} ({error.context})" if error.context else said


def _line(error: yaml.MarkedYAMLError, start: int) -> int:
    """The document's line of a YAML error: where the construct began when it is a scalar,
    a key or a flow collection that is never closed (YAML finds out at the end), else where
    the problem is."""
    mark = error.problem_mark
    context = str(error.context or "")
    if error.context_mark is not None and (
        mark is None or context.startswith(("while scanning", "while parsing a flow"))
    ):
        mark = error.context_mark
    return (mark.line if mark is not None else 0) + start + 1


# ======================================================================================
# TOML

#: A key of TOML (its first part, for a dotted key), or a table's header (``[`` first).
_TOML_KEY = re.compile(
    r"[ \t]*(\[?)\[?[ \t]*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+))[ \t]*[.=\]]"
)


def toml_values(lines: list[str], start: int, end: int) -> _Values:
    """The TOML front matter on lines ``start`` to ``end`` (indexes, fences left out)."""
    text = _text(lines, start, end)
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(at.group(1)) if at else end - start
        said = message[: at.start()].rstrip() if at else message
        raise _refuse(
            "parse.syntax", f"the front matter is not TOML: {said}", line + start
        ) from None
    where: dict[str, int] = {}
    in_table = False  # the keys of a table are not top-level keys
    for index in range(start, end):
        found = _TOML_KEY.match(lines[index])
        if found is None:
            continue
        header, *names = found.groups()
        if header or not in_table:
            where.setdefault(next(n for n in names if n is not None), index + 1)
        in_table = in_table or bool(header)
    return values, where


# ======================================================================================
# Pelican

_HEADER = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$")
#: The keys a Pelican header block may start with (one of them is needed, and a title).
_PELICAN_KEYS = frozenset(
    {
        "title",
        "date",
        "modified",
        "tags",
        "keywords",
        "category",
        "slug",
        "author",
        "authors",
        "summary",
        "lang",
        "status",
    }
)


def pelican_values(lines: list[str]) -> tuple[dict[str, Any], dict[str, int], int] | None:
    """Pelican's header lines at the very top (``Title: …``, ``Date: …``, an indented line
    continuing the one above), ended by a blank line: their values (text), the line of
    each key and the lines they take with the blank line; None when the document does not
    start so (a header block needs a title and to start with a key Pelican knows)."""
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    last: str | None = None
    taken = len(lines)
    for index, raw in enumerate(lines):
        line = raw.rstrip("\r")
        if not line.strip():
            taken = index + 1
            break
        if line[0] in " \t" and last is not None:
            values[last] = f"{values[last]} {line.strip()}".strip()
            continue
        found = _HEADER.match(line)
        if found is None or (index == 0 and found.group(1).lower() not in _PELICAN_KEYS):
            return None
        last = found.group(1).lower()
        if last in values:
            raise _refuse("parse.duplicate-key", f"the header has {last!r} twice", index + 1)
        values[last] = found.group(2).strip()
        where[last] = index + 1
    if "title" not in values:
        return None
    return values, where, taken


# ======================================================================================
# What is built, as JSON values


def jsonable(value: Any, line: int | None) -> Any:
    """A value YAML or TOML built, as a JSON value: dates as ISO 8601 text, tuples and
    sets as arrays, keys as text, binary as base64; NaN and infinities are refused."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _refuse(
                "parse.non-finite-number",
                f"the front matter holds {value!r}, which JSON cannot hold",
                line,
            )
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v, line) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(str(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [jsonable(item, line) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return str(value)
