"""API envelopes around a ninjs object: a JSON document that is not ninjs itself but wraps
one ninjs object (``{"data": {"item": {…}}}``, ``{"item": {…}}``, ``{"data": {…}}``, as
news APIs answer), read leniently as that object.

The object is found by its shape, not by who wrote it: the envelope itself has none of the
properties that make a ninjs object, and exactly one object one or two levels in has more
of them than any other (at least two). A body written beside the object in the envelope
(an object of the envelope holding only a ``body_html``…) is read as its body when it
has none of its own. Each repair, and every problem found reading the object, is at its
JSON Pointer in the envelope.

>>> found = Envelope.of({"api_version": "2", "data": {"item": {"uri": "u", "type": "text"}}})
>>> found.at, found.item
('/data/item', {'uri': 'u', 'type': 'text'})
>>> Envelope.of({"uri": "u", "headlines": []}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from ...errors import Problem, pointer
from .._agency import ENVELOPE_UNWRAPPED, repair

__all__ = ["Envelope"]

#: The properties that make an object a ninjs object (as 1.x, 2.x and 3.x spell them).
_MARKERS = frozenset(
    {
        "uri",
        "guid",
        "type",
        "headline",
        "headlines",
        "body_html",
        "body_text",
        "body_xhtml",
        "bodies",
        "versioncreated",
        "versionCreated",
        "firstcreated",
        "firstCreated",
    }
)
#: The markers an envelope has none of (``type`` may name the answer's kind).
_NOT_ENVELOPE = _MARKERS - {"type"}
#: The properties of a body.
_BODY = re.compile(r"body_.+|bodies")


def _score(obj: dict[str, Any]) -> int:
    return len(obj.keys() & _MARKERS)


def _candidates(doc: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """The objects one and two levels into ``doc``, each with its path."""
    for key, value in doc.items():
        if type(value) is dict:
            yield (key,), value
            for inner, item in value.items():
                if type(item) is dict:
                    yield (key, inner), item


@attrs.frozen
class Envelope:
    """The ninjs object an envelope wraps, as read: ``item`` (with a body from beside it
    added), at the JSON Pointer ``at``; ``beside`` maps each property taken from beside
    it to the pointer of the object that held it."""

    item: dict[str, Any]
    at: str
    beside: dict[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, doc: dict[str, Any]) -> Envelope | None:
        """The ninjs object ``doc`` wraps, or None if it is not an envelope of one."""
        if doc.keys() & _NOT_ENVELOPE or any(_BODY.fullmatch(k) for k in doc):
            return None
        found = sorted(
            ((_score(obj), path, obj) for path, obj in _candidates(doc)),
            key=lambda c: -c[0],
        )
        if not found or found[0][0] < 2 or (len(found) > 1 and found[1][0] == found[0][0]):
            return None
        _, path, item = found[0]
        beside: dict[str, str] = {}
        if not any(_BODY.fullmatch(k) for k in item):
            for key, value in doc.items():
                if key == path[0] or type(value) is not dict or not value:
                    continue
                if all(_BODY.fullmatch(k) for k in value) and len(beside) == 0:
                    item = {**item, **value}
                    beside = {k: pointer((key,)) for k in value}
        return cls(item, pointer(path), beside)

    def repairs(self) -> list[Problem]:
        """The warnings of the unwrapping."""
        said = [
            repair(
                ENVELOPE_UNWRAPPED,
                "the document is not a ninjs object but wraps one: it is read as that object",
                path=self.at,
            )
        ]
        for key, where in self.beside.items():
            message = f"the {key} beside the wrapped object is read as its {key}"
            said.append(repair(ENVELOPE_UNWRAPPED, message, path=where + pointer((key,))))
        return said

    def moved(self, problems: Iterable[Problem]) -> list[Problem]:
        """``problems`` of the object read, their pointers in the envelope."""
        return [
            attrs.evolve(p, path=self.where(p.path or "")) if type(p) is Problem else p
            for p in problems
        ]

    def where(self, path: str) -> str:
        """The pointer in the envelope of ``path``, a pointer in the object read."""
        for key, holder in self.beside.items():
            mine = pointer((key,))
            if path == mine or path.startswith(mine + "/"):
                return holder + path
        return self.at + path
