"""People's front-matter keys as the model's fields: Hugo's, Jekyll's, Zola's, Pelican's
and Astro's names for the title, the dates, the authors and the tags, and their values
as the canonical JSON reader takes them (dates in RFC 3339, authors as agents, keywords
as a list)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from ..._converter import Invalid, parse_datetime
from ..._dates import DATE_NAIVE, DATE_ONLY, assumed_zone, read_date, zone_name
from ._foreign import jsonable
from ._tokens import _Reader

#: The fields people's keys fill: for each, the keys in the order they are looked at
#: (after the field's own name), case-folded. The first one present fills the field; the
#: others are kept under their own names (unknown fields, as the JSON reader has them),
#: unless they say the same. ``authors`` and ``keywords`` take every key of theirs.
#:
#: Categories are keywords: the model's subjects are concepts of a controlled vocabulary
#: (a qcode or a URI), which a category's name is not. A ``slug`` is the id only when
#: the document has none and ``id=`` gives none (the reader sees to that): it names the
#: page within its site, not in the world.
ALIASES: dict[str, tuple[str, ...]] = {
    "headline": ("title",),
    "subheadline": ("subtitle", "summary", "description"),
    "created": ("date", "published", "pubdate", "publishdate", "date_published"),
    "updated": ("lastmod", "modified", "updateddate", "last_modified_at", "date_modified"),
    "language": ("lang",),
    "id": ("guid",),
    "authors": ("author",),
    "keywords": ("tags", "categories", "category"),
}
_LISTS = frozenset({"authors", "keywords"})
_DATES = ("created", "updated", "embargo_until")
_AGENT_KEYS = {
    "url": "uri",
    "link": "uri",
    "homepage": "uri",
    "website": "uri",
    "organization": "affiliation",
    "organisation": "affiliation",
}
_UTC = timezone.utc


def people_fields(
    values: dict[str, Any], where: dict[str, int], reader: _Reader
) -> tuple[dict[str, Any], dict[str, int]]:
    """The fields of people's front matter, and the line of each; what reading had to
    assume is a repair of the ``reader`` (a date without a time or an offset), what it
    refuses one of its errors."""
    values, where = _lifted(values, where)
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    by_field: dict[str, list[str]] = {}
    for key in values:
        field = _FIELD_OF.get(key.casefold())
        if field is None:
            fields[key] = values[key]
            lines[key] = where.get(key, 1)
        else:
            by_field.setdefault(field, []).append(key)
    for field, keys in by_field.items():
        keys.sort(key=lambda k: _RANK[k.casefold()])
        lines[field] = where.get(keys[0], 1)
        if field in _LISTS:
            fields[field] = [(k.casefold(), values[k]) for k in keys]
            continue
        fields[field] = values[keys[0]]
        for other in keys[1:]:
            if values[other] != values[keys[0]]:  # said otherwise: kept, as an unknown key
                fields[other] = values[other]
                lines[other] = where.get(other, 1)
    if "created" not in fields:
        found = _date_from_path(values, where, reader)
        if found is not None:
            fields["created"], lines["created"] = found
    for field, value in list(fields.items()):
        line = lines.get(field)
        shape = _SHAPES.get(field)
        if field in _DATES:
            fields[field] = _date(value, line, reader)
        elif shape is not None:
            fields[field] = shape(value)
        else:
            fields[field] = jsonable(value, line)
    return fields, lines


#: The keys whose value is where the page is, which often holds its date
#: (``2026/03/26/…``, ``2019-05-15-…``): Zola's ``path``, Hugo's ``url``, Jekyll's
#: ``permalink``, a ``slug``.
_PATH_KEYS = ("path", "url", "permalink", "slug")
_PATH_DATE = re.compile(
    r"(?<![\d])(?P<y>\d{4})(?P<sep>[/-])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?![\d])"
)
#: The years a page's address may say (what else is a number, not a date).
_YEARS = range(1970, 2200)


def _date_from_path(
    values: dict[str, Any], where: dict[str, int], reader: _Reader
) -> tuple[str, int] | None:
    """The creation date a page's address gives when the front matter has no date key
    (``repair.date-from-path``, and ``repair.date-only``: the day's midnight UTC), and
    the line of its key; None when none does."""
    for name in _PATH_KEYS:
        for key, value in values.items():
            if key.casefold() != name or not isinstance(value, str):
                continue
            found = _PATH_DATE.search(value)
            if found is None or int(found.group("y")) not in _YEARS:
                continue
            try:
                day = date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
            except ValueError:
                continue
            line = where.get(key, 1)
            shown = repr(value if len(value) <= 40 else value[:39] + "…")
            reader.repair(
                "repair.date-from-path",
                f"the front matter gives no date: it is read from its {key} {shown}",
                line,
            )
            reader.repair(
                DATE_ONLY,
                f"the date {found.group()!r} has no time and is read as midnight UTC",
                line,
            )
            when = datetime(day.year, day.month, day.day, tzinfo=_UTC)
            return when.isoformat(), line  # RFC 3339: _date takes it as it is
    return None


def _lifted(values: dict[str, Any], where: dict[str, int]) -> tuple[dict[str, Any], dict[str, int]]:
    """Zola's ``[taxonomies]`` table (``tags``, ``categories``, ``authors``): the entries
    the model has a field for, as top-level keys (when there are none of that name)."""
    table = values.get("taxonomies")
    if not isinstance(table, dict):
        return values, where
    lifted = {k: v for k, v in table.items() if k.casefold() in _FIELD_OF and k not in values}
    if not lifted:
        return values, where
    rest = {k: v for k, v in table.items() if k not in lifted}
    values = {k: v for k, v in values.items() if k != "taxonomies" or rest}
    if rest:
        values["taxonomies"] = rest
    line = where.get("taxonomies", 1)
    return {**values, **lifted}, {**where, **dict.fromkeys(lifted, line)}


def _text(value: Any) -> Any:
    """One line of text: a value over several lines (YAML's ``>`` and ``|``) with its
    white space as single spaces; a number as written."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return jsonable(value, None)
    return " ".join(value.split()) if "\n" in value or "\r" in value else value


def _item(value: Any) -> Any:
    """An item of a list: one line of text, without blanks at either end."""
    text = _text(value)
    return text.strip() if isinstance(text, str) else text


def _keywords(values: list[tuple[str, Any]]) -> Any:
    """Every tag, keyword and category: lists, or text separated by commas."""
    found: list[Any] = []
    for _, value in values:
        items = value.split(",") if isinstance(value, str) else value
        for item in items if isinstance(items, list) else [items]:
            word = _item(item)
            if word not in found and word != "":
                found.append(word)
    return found


def _authors(values: list[tuple[str, Any]]) -> Any:
    """Every author: a name (under ``authors``, names separated by ``;``, or else by
    commas), a map with a name, or a list of those."""
    found: list[Any] = []
    for key, value in values:
        if isinstance(value, str) and key == "authors":
            value = value.split(";" if ";" in value else ",")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                if item.strip():
                    found.append({"name": _item(item)})
            elif isinstance(item, dict):
                agent = {_AGENT_KEYS.get(str(k).casefold(), str(k)): v for k, v in item.items()}
                found.append(jsonable(agent, None))
            else:
                found.append(jsonable(item, None))
    return found


def _publisher(value: Any) -> Any:
    """The publisher: a name, or a map with a name (its keys as for authors)."""
    if isinstance(value, str):
        return {"name": _item(value)}
    if isinstance(value, dict):
        return jsonable(
            {_AGENT_KEYS.get(str(k).casefold(), str(k)): v for k, v in value.items()}, None
        )
    return jsonable(value, None)


def _rights(value: Any) -> Any:
    """The rights: a line of text is their notice (``© 2024 Example Press``, ``CC BY 4.0``)."""
    return {"notice": _item(value)} if isinstance(value, str) else jsonable(value, None)


def _id(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _date(value: Any, line: int | None, reader: _Reader) -> Any:
    """A date as RFC 3339 text: as written when it is that already; else read in any
    common spelling (``2020-01-02 10:30``, ``+0100``, RFC 2822), a date alone as its
    midnight UTC, and a date-time without an offset as UTC (refused when reading
    strictly, as before), each a repair. Text that is no date is given back, for the JSON
    reader to say what is wrong."""
    if isinstance(value, datetime):
        shown = value.isoformat()
        when, assumed = value, None if value.utcoffset() is not None else DATE_NAIVE
        if assumed:
            when = value.replace(tzinfo=assumed_zone())
    elif isinstance(value, date):
        shown = value.isoformat()
        midnight = datetime(value.year, value.month, value.day, tzinfo=assumed_zone())
        when, assumed = midnight, DATE_ONLY
    elif isinstance(value, str):
        try:
            parse_datetime(value)
            return value
        except Invalid:
            pass
        reading = read_date(value)
        if reading is None:
            return value
        shown, when, assumed = value, reading.value, reading.repair
    else:
        return jsonable(value, line)
    if assumed == DATE_NAIVE and reader.strict:
        reader.fail(
            "datetime.naive",
            f"{shown[:40]!r} has no UTC offset; add one, such as 'Z' or '+01:00' "
            "(strict=False takes it as UTC, with a warning)",
            line,
        )
    elif assumed == DATE_NAIVE:
        reader.repair(
            DATE_NAIVE,
            f"the date-time {shown[:40]!r} has no UTC offset and is read as {zone_name()}",
            line,
        )
    elif assumed == DATE_ONLY:
        reader.repair(
            DATE_ONLY,
            f"the date {shown[:40]!r} has no time and is read as midnight {zone_name()}",
            line,
        )
    return when.isoformat()


_SHAPES: dict[str, Callable[[Any], Any]] = {
    "headline": _text,
    "subheadline": _text,
    "language": _text,
    "id": _id,
    "keywords": _keywords,
    "authors": _authors,
    "publisher": _publisher,
    "rights": _rights,
}
_FIELD_OF = {key: field for field, keys in ALIASES.items() for key in (field.casefold(), *keys)}
_RANK = {key: rank for keys in ALIASES.values() for rank, key in enumerate(keys, 1)} | {
    field.casefold(): 0 for field in ALIASES
}
