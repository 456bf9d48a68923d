"""The front matter: written as ``key: JSON value`` lines (YAML too), and read back as the
subset of YAML people write (one key a line, values as JSON or plain scalars, lists as
``  - item`` lines), with the line of each key. What that subset does not read is read as
YAML, ``+++`` front matter as TOML, and Pelican's header lines as such (``_foreign``):
:func:`read_front_matter` says which, and whether it is briefmodel's own."""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from ...errors import ParseError, ValidationError
from ...model import Brief
from ..json import parse as parse_json
from ._foreign import pelican_values, toml_values, yaml_values
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


#: The model's fields: the keys of briefmodel's own front matter, which has no
#: ``created`` when the brief is undated.
_FIELDS = frozenset(field.name for field in attrs.fields(Brief))


@attrs.frozen(kw_only=True)
class _FrontMatter:
    """A document's front matter: its values, the document's line of each key, the lines
    it takes (0: none) and whether it is briefmodel's own (``key: JSON`` lines with the id
    and the language, which briefmodel always writes, and only the model's fields: an
    undated brief has no creation date), which is read exactly as written."""

    values: dict[str, Any] = attrs.field(factory=dict)
    where: dict[str, int] = attrs.field(factory=dict)
    skip: int = 0
    own: bool = False


def read_front_matter(lines: list[str]) -> _FrontMatter:
    """The front matter at the top of a document's ``lines``, if any: ``---`` (the subset
    of YAML that :func:`_parse_front_matter` reads, else YAML), ``+++`` (TOML) or Pelican's
    header lines."""
    fence = lines[0].rstrip("\r \t") if lines else ""
    if fence == "---":
        end = _closing(lines, ("---", "..."))
        try:
            values, where, skip, exact = _parse_front_matter(lines)
        except ParseError as error:
            if error.problem.code != "parse.syntax":
                raise
            values, where = yaml_values(lines, 1, end)
            return _FrontMatter(values=values, where=where, skip=end + 1)
        own = exact and {"id", "language"} <= values.keys() <= _FIELDS
        return _FrontMatter(values=values, where=where, skip=skip, own=own)
    if fence == "+++":
        end = _closing(lines, ("+++",))
        values, where = toml_values(lines, 1, end)
        return _FrontMatter(values=values, where=where, skip=end + 1)
    header = pelican_values(lines)
    if header is not None:
        values, where, skip = header
        return _FrontMatter(values=values, where=where, skip=skip)
    return _FrontMatter()


def _closing(lines: list[str], fences: tuple[str, ...]) -> int:
    """The index of the line that closes the front matter opened on the first line."""
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r \t") in fences:
            return index
    raise _refuse("parse.syntax", f"the front matter is not closed by a {fences[0]!r} line", 1)


def _parse_front_matter(
    lines: list[str],
) -> tuple[dict[str, Any], dict[str, int], int, bool]:
    """The front matter's values, the line of each key, the lines it takes (0: none), and
    whether every value was written as JSON (as briefmodel writes them)."""
    if not lines or lines[0].rstrip("\r \t") != "---":
        return {}, {}, 0, False
    exact = True
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    pending: str | None = None
    for index in range(1, len(lines)):
        line = lines[index].rstrip("\r")
        number = index + 1
        if line.rstrip() in ("---", "..."):
            return values, where, index + 1, exact
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM_LINE.match(line)
        if item is not None and pending is not None:
            text = (item.group(1) or "").rstrip(" \t")
            exact = exact and _JSON_START.match(text) is not None
            values[pending].append(_scalar(text, number))
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
            exact = exact and _JSON_START.match(text) is not None
            values[key], pending = _scalar(text, number), None
        else:
            values[key], pending = [], key
    raise _refuse("parse.syntax", "the front matter is not closed by a '---' line", 1)
