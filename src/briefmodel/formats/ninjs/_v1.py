"""Which ninjs version a document is written in (by its declared version, else by its
shape), and a ninjs 1.x document spelt as 2.x, with the 1.x JSON Pointer of each place."""

from __future__ import annotations

import re
from typing import Any

from ...errors import pointer
from ._vocab import _ONLY_V2, _ONLY_V3

#: ninjs 1.x content types of ``body_*`` and ``description_*`` by their suffix.
_V1_TYPES = {
    "text": "text/plain",
    "main": "text/plain",
    "html": "text/html",
    "richtext": "text/html",
    "xhtml": "application/xhtml+xml",
}
#: ninjs 1.x entity arrays and the 2.x property that holds them.
_V1_KINDS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "event": "events",
    "object": "objects",
}
_V1_GROUPS = {"headline": "headlines", "body": "bodies", "description": "descriptions"}
_V1_PATTERN = re.compile(r"(headline|body|description)_(.+)")
_V1_SCHEMA = re.compile(r"ninjs-schema_(\d+)\.")


def _declared(doc: dict[str, Any]) -> str | None:
    """The ninjs version a document declares in ``standard``/``$standard`` or ``$schema``."""
    for name in ("standard", "$standard"):
        standard = doc.get(name)
        if type(standard) is dict and type(standard.get("version")) is str:
            return str(standard["version"])
    schema = doc.get("$schema")
    found = _V1_SCHEMA.search(schema) if type(schema) is str else None
    return found.group(1) + "." if found else None


def _is_v1(doc: dict[str, Any]) -> bool:
    """Whether a document is ninjs 1.x: by its declared version, else by its shape (a
    string ``headline``, or a ``headline_*``, ``body_*`` or ``description_*`` key)."""
    declared = _declared(doc)
    if declared is not None:
        return declared.startswith("1.")
    return type(doc.get("headline")) is str or any(_V1_PATTERN.fullmatch(k) for k in doc)


def _v1_entry(group: str, suffix: str, value: Any) -> dict[str, Any]:
    """A 1.x ``headline_*``, ``body_*`` or ``description_*`` value as a 2.x entry: the
    suffix is its role, or its content type when it names one."""
    if group == "headline":
        return {"role": suffix, "value": value}
    entry: dict[str, Any] = {"value": value}
    kind = _V1_TYPES.get(suffix.rpartition("_")[2])
    entry["contenttype"] = kind or "text/plain"
    if suffix not in _V1_TYPES:
        entry["role"] = suffix
    return entry


def _v1_named(value: dict[str, Any], origin: dict[str, str], to: str, at: str) -> list[Any]:
    """A 1.x object keyed by name (``associations``, ``renditions``) as a 2.x array."""
    items: list[Any] = []
    for name, item in value.items():
        origin[f"{to}/{len(items)}"] = at + pointer((name,))
        if type(item) is dict:
            here = f"{to}/{len(items)}"
            item = {"name": name, **_v1_item(item, origin, here, at + pointer((name,)))}
            if to == "/renditions" and "mimetype" in item:
                item["contenttype"] = item.pop("mimetype")
                origin[f"{to}/{len(items)}/contenttype"] = at + pointer((name, "mimetype"))
        items.append(item)
    return items


def _v1_item(item: dict[str, Any], origin: dict[str, str], to: str, at: str) -> dict[str, Any]:
    """An associated 1.x object with its headline spelt as 2.x does."""
    headline = item.get("headline")
    if type(headline) is not str:
        return item
    origin[to + "/headlines/0"] = at + "/headline"
    item = {k: v for k, v in item.items() if k != "headline"}
    item["headlines"] = [{"value": headline}]
    return item


def _from_v1(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A ninjs 1.x document spelt as 2.x, and the JSON Pointer of each 2.x place in the
    1.x document (by pointer prefix)."""
    out: dict[str, Any] = {}
    origin: dict[str, str] = {}
    lists: dict[str, list[Any]] = {}

    def add(prop: str, entry: Any, at: str) -> None:
        items = lists.setdefault(prop, [])
        here = f"/{prop}/{len(items)}"
        origin[here] = origin[here + "/value"] = origin[here + "/role"] = at
        items.append(entry)

    for key, value in doc.items():
        at = pointer((key,))
        match = _V1_PATTERN.fullmatch(key)
        if key == "headline" and type(value) is str:
            add("headlines", {"role": "main", "value": value}, at)
        elif match is not None:
            group, suffix = match.groups()
            add(_V1_GROUPS[group], _v1_entry(group, suffix, value), at)
        elif key == "byline":
            out["by"] = value
            origin["/by"] = at
        elif key in ("subject", *_V1_KINDS) and type(value) is list:
            prop = "subjects" if key == "subject" else _V1_KINDS[key]
            out[prop] = []
            origin[f"/{prop}"] = at
            for index, item in enumerate(value):
                here = f"/{prop}/{index}"
                origin[here] = f"{at}/{index}"
                if type(item) is dict and type(item.get("code")) is str:
                    item = dict(item)
                    code, scheme = item.pop("code"), item.pop("scheme", None)
                    if type(scheme) is str:
                        item["uri"] = scheme + code
                        origin[here + "/uri"] = f"{at}/{index}/scheme"
                    else:
                        item["literal"] = code
                        origin[here + "/literal"] = f"{at}/{index}/code"
                out[prop].append(item)
        elif key in ("associations", "renditions") and type(value) is dict:
            out[key] = _v1_named(value, origin, "/" + key, at)
            origin["/" + key] = at
        elif key == "genre" and type(value) is list:
            out["genres"] = value
            origin["/genres"] = at
        elif key == "$schema" and type(value) is str and _V1_SCHEMA.search(value):
            continue
        elif key == "$standard":
            out["standard"] = value
            origin["/standard"] = at
        else:
            out[key] = value
    out.update(lists)
    return out, origin


def _is_v2(doc: dict[str, Any]) -> bool:
    """Whether a document spells its properties as ninjs 2.x does (in lower case)."""
    standard = doc.get("standard")
    if type(standard) is dict and type(standard.get("version")) is str:
        return bool(standard["version"].startswith(("1.", "2.")))
    keys = doc.keys()
    if keys & _ONLY_V3:
        return False
    if keys & _ONLY_V2:
        return True
    for name in ("bodies", "headlines", "descriptions"):
        items = doc.get(name)
        if type(items) is list:
            for item in items:
                if type(item) is dict and "contenttype" in item:
                    return True
    return False
