"""Lenient reading's repairs: what a rule's error becomes in a document read with
``strict=False``.

A document written by another producer often breaks a rule in a way that loses nothing
worth keeping when it is mended: a relative link nobody can follow, a ``javascript:``
link, a date of the version a few seconds before the first. Read strictly, such a
document is refused (a :class:`~briefmodel.ValidationError`). Read leniently, each error
a repair is known for is mended, and the repair is said as a warning with its own code
(``repair.…``) at the place of the error, so nothing changes without a word.

:data:`REPAIRS` is the table, keyed by the rule's code: each repair is a small function
that mends the canonical JSON data at the error's JSON Pointer and says what it did. An
error no repair is known for (a table that is not a grid, a brief nested too deep) still
refuses the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from . import _patterns
from .errors import Problem, ValidationError
from .model import Brief

__all__ = ["REPAIRS", "REPAIR_CODES", "Repair", "repaired"]

Data = dict[str, Any]


@attrs.define
class Place:
    """Where an error is, in the canonical JSON data being mended: the node's ``parent``
    (a dict or a list) and its ``key`` there, and the ``field`` of the node the error is
    in (``""`` when the error is the node itself); ``ids`` are the ids the brief uses."""

    parent: Any
    key: Any
    field: str
    problem: Problem
    ids: set[str]

    @property
    def node(self) -> Any:
        return self.parent[self.key]


#: A repair: what it did to the data at the place, as ``(code, message)``, or ``None``
#: when it does not apply there.
Mend = Callable[[Place], "tuple[str, str] | None"]


@attrs.frozen(kw_only=True)
class Repair:
    """How lenient reading mends one rule's error: the codes it may report, each with
    what it means, and the function that mends it."""

    rule: str
    codes: dict[str, str]
    mend: Mend


#: How many times repairs and the rules run in turn: a repair can bring another error to
#: light (a link inside a link), never more than a few deep.
_ROUNDS = 4


# --------------------------------------------------------------------------------------
# Links and URLs

#: Fields whose node is dropped, not the field, when its URL cannot be kept: a figure or
#: a related link is nothing without it.
_NODE_NEEDS_URL = {"figure": "src", "related link": "url", "subject": "uri"}


def _unwrapped(place: Place) -> None:
    """The inline node at ``place`` replaced by its content."""
    content = place.node.get("content") or []
    place.parent[place.key : place.key + 1] = [content] if isinstance(content, str) else content


def _drop_url(place: Place) -> tuple[str, str] | None:
    node, field, problem = place.node, place.field, place.problem
    if not isinstance(node, dict) or field not in node:
        return None
    shown = repr(node[field])[:60]
    if node.get("type") == "link" and field == "href":
        _unwrapped(place)
        return "repair.link-unlinked", f"the link to {shown} {_why(problem)}: its text is kept"
    kind = (
        "figure" if node.get("type") == "figure" else "related link" if _is_related(problem) else ""
    )
    if _is_uncoded_subject(problem, node):  # a subject is named by its code or its uri
        kind = "subject"
    if _NODE_NEEDS_URL.get(kind) == field and isinstance(place.parent, list):
        del place.parent[place.key]
        return "repair.url-dropped", f"the {kind} {shown} {_why(problem)}: it is left out"
    del node[field]
    return "repair.url-dropped", f"{shown} {_why(problem)}: it is left out"


def _is_related(problem: Problem) -> bool:
    parts = (problem.path or "").split("/")
    return len(parts) >= 3 and parts[-3] == "related"


def _is_uncoded_subject(problem: Problem, node: Data) -> bool:
    parts = (problem.path or "").split("/")
    return len(parts) >= 3 and parts[-3] == "subjects" and not node.get("code")


def _why(problem: Problem) -> str:
    if problem.code == "url.not-absolute":
        return "is relative and the document gives no base to resolve it against"
    return "has a scheme links may not use"


# --------------------------------------------------------------------------------------
# Ids, references and dates


def _rename_id(place: Place) -> tuple[str, str] | None:
    old = place.node.get(place.field)
    if not isinstance(old, str):
        return None
    number = 2
    while f"{old}-{number}" in place.ids:
        number += 1
    place.node[place.field] = new = f"{old}-{number}"
    place.ids.add(new)
    return "repair.id-renamed", f"the id {old!r} is another's too: this one is renamed {new!r}"


def _drop_reference(place: Place) -> tuple[str, str] | None:
    node = place.node
    if isinstance(place.parent, list) and isinstance(node, str):  # a judgment's basis entry
        del place.parent[place.key]
        return "repair.reference-dropped", f"the basis {node!r} names no source: it is left out"
    if not isinstance(node, dict):
        return None
    ref = node.get(place.field)
    if node.get("type") == "citation":
        del place.parent[place.key]
        return "repair.reference-dropped", f"the citation of {ref!r} names no source: left out"
    if node.get("type") == "mention":
        _unwrapped(place)
        return "repair.reference-dropped", f"the mention of {ref!r} names no entity: text kept"
    node.pop(place.field, None)  # a quote's source_ref
    return "repair.reference-dropped", f"the source {ref!r} is not one of the brief's: left out"


def _created_at_updated(place: Place) -> tuple[str, str]:
    brief = place.node
    created, brief["created"] = brief["created"], brief["updated"]
    return (
        "repair.created-moved",
        f"the brief is updated ({brief['updated']}) before it is created ({created}): "
        "it is taken as created then",
    )


def _drop_characters(place: Place) -> tuple[str, str] | None:
    holder, name = (place.node, place.field) if place.field else (place.parent, place.key)
    value = holder.get(name) if isinstance(holder, dict) else holder[name]
    if not isinstance(value, str):
        return None
    holder[name] = _patterns.NOT_XML_CHAR.sub("", value)
    return "repair.char-dropped", "characters XML cannot carry are left out of the text"


REPAIRS: dict[str, Repair] = {
    repair.rule: repair
    for repair in (
        Repair(
            rule="url.not-absolute",
            codes={
                "repair.link-unlinked": "A link that cannot be followed (relative with no base "
                "to resolve it against, or of a scheme links may not use) is kept as its text.",
                "repair.url-dropped": "A URL that cannot be kept (relative, or of a scheme not "
                "allowed) is left out: the field, or the figure or related link it belongs to.",
            },
            mend=_drop_url,
        ),
        Repair(rule="url.scheme-not-allowed", codes={}, mend=_drop_url),
        Repair(
            rule="id.duplicate",
            codes={
                "repair.id-renamed": "A section, entity or source whose id another already "
                "has is renamed (id-2, id-3 …); references keep naming the first.",
            },
            mend=_rename_id,
        ),
        Repair(
            rule="ref.unknown-source",
            codes={
                "repair.reference-dropped": "A citation, a quote's source_ref or a judgment's "
                "basis entry naming no source, or a mention naming no entity, is left out (a "
                "mention's text is kept).",
            },
            mend=_drop_reference,
        ),
        Repair(rule="ref.unknown-entity", codes={}, mend=_drop_reference),
        Repair(
            rule="datetime.order",
            codes={
                "repair.created-moved": "A brief updated before it was created (clocks that "
                "disagree) is taken as created when it was updated.",
            },
            mend=_created_at_updated,
        ),
        Repair(
            rule="text.not-xml-char",
            codes={
                "repair.char-dropped": "Characters XML cannot carry (C0 controls, lone "
                "surrogates, U+FFFE, U+FFFF) are left out of a text.",
            },
            mend=_drop_characters,
        ),
    )
}

#: Every code a repair reports, with what it means.
REPAIR_CODES: dict[str, str] = {
    code: meaning for repair in REPAIRS.values() for code, meaning in repair.codes.items()
}


# --------------------------------------------------------------------------------------
# Running them


def repaired(
    brief: Brief, check: Callable[[Brief], list[Problem]]
) -> tuple[Brief, list[Problem], list[Problem]]:
    """``brief`` with every error :data:`REPAIRS` knows mended: the brief, the repairs
    done (warnings, each at the place of its error) and the problems ``check`` still
    finds in it. A brief that a repair could not leave valid is given back as it was."""
    from .formats.json import from_dict, to_dict  # the formats import the API's layers

    problems = check(brief)
    done: list[Problem] = []
    for _ in range(_ROUNDS):
        mendable = [p for p in problems if p.severity == "error" and p.code in REPAIRS]
        if not mendable:
            break
        data = to_dict(brief)
        ids = set(_ids(data))
        order = {id(p): i for i, p in enumerate(mendable)}  # to tell them in document order
        mended = sorted(
            (
                (order[id(p)], r)
                for p in _deepest_last_first(mendable)
                if (r := _mend(data, p, ids))
            ),
            key=lambda pair: pair[0],
        )
        if not mended:
            break
        try:
            brief = from_dict(data)
        except ValidationError:  # a repair the model does not take: the errors stand
            break
        done.extend(repair for _, repair in mended)
        problems = check(brief)
    return brief, done, problems


def _steps(problem: Problem) -> list[str]:
    return [
        part.replace("~1", "/").replace("~0", "~") for part in (problem.path or "").split("/")[1:]
    ]


def _deepest_last_first(problems: Iterable[Problem]) -> list[Problem]:
    """The problems in reverse document order, a node's inner problems before its own, so
    that splicing a list does not move what is still to be mended."""

    def key(problem: Problem) -> tuple[tuple[int, int, str], ...]:
        steps = _steps(problem)
        if steps and not steps[-1].isdigit():
            steps = steps[:-1]  # the field: its node's place is what counts
        return tuple((0, int(s), "") if s.isdigit() else (1, 0, s) for s in steps)

    return sorted(problems, key=key, reverse=True)


def _mend(data: Data, problem: Problem, ids: set[str]) -> Problem | None:
    steps = _steps(problem)
    field = steps.pop() if steps and not steps[-1].isdigit() else ""
    parent: Any = {"": data}
    key: Any = ""
    try:
        for step in steps:
            parent = parent[key]
            key = int(step) if isinstance(parent, list) else step
        parent[key]  # the node is still there
    except (KeyError, IndexError, TypeError, ValueError):
        return None  # mended away with an ancestor
    said = REPAIRS[problem.code].mend(Place(parent, key, field, problem, ids))
    if said is None:
        return None
    code, message = said
    return Problem(severity="warning", code=code, message=message, path=problem.path)


def _ids(data: Any) -> Iterable[str]:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            found = value.get("id")
            if isinstance(found, str):
                yield found
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
