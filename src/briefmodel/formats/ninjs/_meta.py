"""The metadata body of briefmodel's own ninjs, checked before it is read: each part the
writer writes must have the shape it writes (an object of objects, a list of strings…),
else it is a ``ninjs.meta`` error and is not read; fields the model has no place for are
left out here (the comparison with what the writer writes, :mod:`._unread`, reports
them as losses)."""

from __future__ import annotations

from typing import Any

from ...errors import pointer

__all__ = ["checked"]

#: The parts that are objects of entries, each entry an object of these fields.
_ENTRIES = {
    "authors": frozenset({"role", "affiliation"}),
    "entities": frozenset({"aliases", "identifiers"}),
    "sources": frozenset({"publisher", "published", "accessed", "reliability", "credibility"}),
    "related": frozenset({"rel"}),
}
#: The parts that are one object of these fields (None: of any).
_OBJECTS: dict[str, frozenset[str] | None] = {
    "publisher": frozenset({"role", "affiliation"}),
    "rights": None,
    "extensions": None,
    "exact": None,
}
#: The parts that are lists, with the type of their items.
_LISTS: dict[str, type] = {"entityOrder": str, "corrections": dict}
_PLURALS: dict[type, str] = {dict: "objects", str: "strings"}


def checked(meta: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The metadata as the reader may use it, and the parts that do not have their shape,
    each as a JSON Pointer inside the metadata and what it should be."""
    out: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for key, value in meta.items():
        where = pointer((key,))
        if key in _ENTRIES:
            if type(value) is not dict:
                problems.append((where, "an object"))
                continue
            entries = {}
            for name, entry in value.items():
                if type(entry) is not dict:
                    problems.append((pointer((key, name)), "an object"))
                    continue
                entries[name] = {k: v for k, v in entry.items() if k in _ENTRIES[key]}
            out[key] = entries
        elif key in _OBJECTS:
            fields = _OBJECTS[key]
            if type(value) is not dict:
                problems.append((where, "an object"))
                continue
            out[key] = value if fields is None else {k: v for k, v in value.items() if k in fields}
        elif key in _LISTS:
            kind = _LISTS[key]
            if type(value) is not list or any(type(item) is not kind for item in value):
                problems.append((where, f"a list of {_PLURALS[kind]}"))
                continue
            out[key] = value
    entities = out.get("entities", {})
    for name, entry in entities.items():
        if "identifiers" in entry and type(entry["identifiers"]) is not dict:
            problems.append((pointer(("entities", name, "identifiers")), "an object"))
            del entry["identifiers"]
    return out, problems
