"""The front matter: written as ``key: JSON value`` lines (YAML too), and read back as the
subset of YAML people write (one key a line, values as JSON or plain scalars, lists as
``  - item`` lines), with the line of each key."""

from __future__ import annotations

import json
import re
from typing import Any

from ...errors import ParseError, ValidationError
from ..json import parse as parse_json
from ._parser import _refuse

# ======================================================================================
# Writing

#: Characters a YAML document cannot hold as they are, or that some readers take for line
#: breaks, and ``<`` (a renderer that does not know front matter would see HTML): written
#: as ``\\u`` escapes inside the JSON strings of the front matter.
_NOT_YAML = re.compile("[<\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _yaml_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _front_matter(meta: dict[str, Any]) -> str:
    """The front matter: ``key: JSON value`` lines, a list as a block sequence of JSON
    values. JSON values are YAML flow nodes, so this is YAML too."""
    lines = ["---"]
    for key, value in meta.items():
        if type(value) is list and value:
            lines.append(f"{key}:")
            lines.extend(f"  - {_yaml_json(item)}" for item in value)
        else:
            lines.append(f"{key}: {_yaml_json(value)}")
    lines.append("---")
    return "\n".join(lines)


# ======================================================================================
# Reading

# A value is taken whole and its trailing blanks stripped after: a lazy ``(.*?)[ \t]*$``
# backtracks over every run of blanks, quadratic in a line of spaces.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*:(?:[ \t]+(.*))?$")
_ITEM_LINE = re.compile(r"[ \t]+-(?:[ \t]+(.*))?$")
_COMMENT = re.compile(r"[ \t]#")
_JSON_START = re.compile(r'["\[{]|-?[0-9]|true$|false$|null$')
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Front-matter keys people use, and the fields they fill when the field itself is absent.
_ALIASES = {
    "title": "headline",
    "subtitle": "subheadline",
    "date": "created",
    "tags": "keywords",
    "author": "authors",
}


def _scalar(text: str, line: int) -> Any:
    """A front-matter value: JSON (a YAML flow node), else a YAML plain scalar (a string)."""
    if not text:
        return None
    if _JSON_START.match(text):
        try:  # as strictly as canonical JSON: no NaN, no key twice, no number beyond a double
            return parse_json(text)
        except (ParseError, ValidationError) as error:
            problem = error.problems[0]
            if problem.code == "parse.syntax":
                if text[0] == "[" and text.endswith("]") and "{" not in text:
                    return [_plain(part) for part in text[1:-1].split(",") if part.strip()]
                if text[0] not in '"[{':
                    return _plain(text)
            raise _refuse(
                problem.code,
                "the front-matter value is not a JSON value (write values as JSON, which YAML "
                f"reads too): {problem.message}" + (f" at {problem.path}" if problem.path else ""),
                line,
            ) from None
    return _plain(text)


def _plain(text: str) -> str:
    comment = _COMMENT.search(text)  # YAML: a comment starts at a '#' after a blank
    text = (text if comment is None else text[: comment.start()]).strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def _parse_front_matter(lines: list[str]) -> tuple[dict[str, Any], dict[str, int], int]:
    """The front matter's values, the line of each key, and the lines it takes (0: none)."""
    if not lines or lines[0].rstrip("\r \t") != "---":
        return {}, {}, 0
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    pending: str | None = None
    for index in range(1, len(lines)):
        line = lines[index].rstrip("\r")
        number = index + 1
        if line.rstrip() in ("---", "..."):
            return values, where, index + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM_LINE.match(line)
        if item is not None and pending is not None:
            values[pending].append(_scalar((item.group(1) or "").rstrip(" \t"), number))
            continue
        found = _KEY_LINE.match(line)
        if found is None:
            raise _refuse(
                "parse.syntax",
                "the front matter holds a line that is not 'key: value' or '  - item' "
                "(briefmodel reads a subset of YAML: one key a line, values as JSON)",
                number,
            )
        key, text = found.group(1), (found.group(2) or "").rstrip(" \t")
        if key in values:
            raise _refuse("parse.duplicate-key", f"the front matter has {key!r} twice", number)
        where[key] = number
        if text:
            values[key], pending = _scalar(text, number), None
        else:
            values[key], pending = [], key
    raise _refuse("parse.syntax", "the front matter is not closed by a '---' line", 1)
