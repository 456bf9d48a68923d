"""What changed between two versions of a brief: :func:`diff` gives the changes as RFC 6902
JSON Patch operations on canonical JSON, :func:`patch` applies such operations to a brief
and checks the result.

A diff is small for real edits. Lists (sections, blocks, list items, sources, keywords)
are matched item by item, by ``id`` where an item has one and by content otherwise, so an
inserted, removed or moved block or section is one operation, and an edit inside a block is
an operation on the field that changed, not a cascade of replacements down the list.
"""

from __future__ import annotations

import copy
import difflib
import json
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from typing import Any

from . import _options
from .errors import PatchError, Problem, pointer
from .formats import json as json_format
from .model import Brief

__all__ = ["aligned", "apply_operations", "describe", "diff", "matched", "patch"]

Operation = dict[str, Any]

#: The operations of RFC 6902, with the members each needs besides ``op`` and ``path``.
_NEEDS: dict[str, tuple[str, ...]] = {
    "add": ("value",),
    "remove": (),
    "replace": ("value",),
    "move": ("from",),
    "copy": ("from",),
    "test": ("value",),
}


# --------------------------------------------------------------------------------------
# Diff


def diff(old: Brief, new: Brief) -> list[Operation]:
    """The changes that make ``old`` into ``new``, as JSON Patch operations (RFC 6902) on
    their canonical JSON: ``patch(old, diff(old, new)) == new``, and ``diff(b, b) == []``.

    Items of a list are matched by ``id`` where they have one and by content otherwise,
    so that inserting, removing or moving a block or a section is one operation:

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> import attrs
    >>> from datetime import datetime, timezone
    >>> waited = bm.Paragraph(content="The bank waited.")
    >>> first = bm.Brief(id="x", headline="Rates held", sections=[bm.Section(blocks=[waited])],
    ...                  created=datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> lead = bm.Section(blocks=[bm.Paragraph(content="A new lead."), waited])
    >>> second = attrs.evolve(first, headline="Rates held again", sections=[lead])
    >>> for operation in bm.diff(first, second):
    ...     print(operation["op"], operation["path"], operation["value"])
    replace /headline Rates held again
    add /sections/0/blocks/0 {'type': 'paragraph', 'content': 'A new lead.'}
    """
    old, new = _a_brief(old, "old"), _a_brief(new, "new")
    operations: list[Operation] = []
    _changes(json_format.to_dict(old), json_format.to_dict(new), [], operations)
    return operations


def _a_brief(value: Any, name: str) -> Brief:
    """``value`` if it is a brief no deeper than any format reads back (an
    :class:`~briefmodel.OptionError` or a :class:`~briefmodel.ValidationError` if not)."""
    return _options.shallow_enough(_options.a_brief(value, name))


def _changes(old: Any, new: Any, path: list[str | int], into: list[Operation]) -> None:
    if _equal(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                into.append({"op": "remove", "path": pointer([*path, key])})
        for key, value in new.items():
            if key not in old:
                into.append({"op": "add", "path": pointer([*path, key]), "value": value})
            else:
                _changes(old[key], value, [*path, key], into)
    elif isinstance(old, list) and isinstance(new, list):
        _list_changes(old, new, path, into)
    else:
        into.append({"op": "replace", "path": pointer(path), "value": new})


def _identity(item: Any) -> tuple[str, str]:
    """What matches an item of one version with an item of the other: its id, or all of
    it."""
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return ("id", item["id"])
    return ("value", json.dumps(item, sort_keys=True, ensure_ascii=False))


def _comparable(old: Any, new: Any) -> bool:
    """Whether an item that changed in place is described by its changes: two objects of
    the same type of which at most one has an id, or any values that are not both
    objects (the change is one replacement either way)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return old.get("type") == new.get("type") and not ("id" in old and "id" in new)
    return True


def matched(old: list[Any], new: list[Any]) -> dict[int, int]:
    """Which item of ``old`` each item of ``new`` is (new index -> old index): the same
    item where the two versions share their start and end, then the longest common run
    of ids and contents, then the same id or content elsewhere (a move), then what is left
    of a replaced stretch, pair by pair, where the pair is comparable (an edit in place).
    An item of ``old`` that no item of ``new`` is was removed; one of ``new`` that is no
    item of ``old`` was added."""
    old_keys = [_identity(item) for item in old]
    new_keys = [_identity(item) for item in new]
    # What the two versions share at their start and end is matched first, so that among
    # equal items the ones in the same place are matched with each other.
    head = 0
    while head < min(len(old), len(new)) and old_keys[head] == new_keys[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(new)) - head
        and old_keys[len(old) - 1 - tail] == new_keys[len(new) - 1 - tail]
    ):
        tail += 1
    match: dict[int, int] = {j: j for j in range(head)}  # new index -> old index
    match.update({len(new) - 1 - k: len(old) - 1 - k for k in range(tail)})
    regions: list[tuple[range, range]] = []
    middle = difflib.SequenceMatcher(
        None, old_keys[head : len(old) - tail], new_keys[head : len(new) - tail], autojunk=False
    )
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        olds, news = range(head + i1, head + i2), range(head + j1, head + j2)
        if tag == "equal":
            match.update(zip(news, olds, strict=True))
        else:
            regions.append((olds, news))
    # Moved: the same id or the same content elsewhere in the list.
    unmatched: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for old_range, _ in regions:
        for i in old_range:
            unmatched[old_keys[i]].append(i)
    for _, new_range in regions:
        for j in new_range:
            pool = unmatched.get(new_keys[j])
            if pool:
                match[j] = pool.popleft()
    taken = set(match.values())
    # Changed in place: what is left of a replaced stretch, pair by pair.
    for old_range, new_range in regions:
        left = [i for i in old_range if i not in taken]
        right = [j for j in new_range if j not in match]
        for i, j in zip(left, right, strict=False):
            if _comparable(old[i], new[j]):
                match[j] = i
                taken.add(i)
    return match


def aligned(old: list[Any], new: list[Any]) -> list[tuple[int | None, int | None]]:
    """The items of two versions of a list in the order a reader meets them: each item of
    ``new`` with the item of ``old`` it is, ``(i, j)``; an added item as ``(None, j)``; a
    removed one as ``(i, None)``, just before the first item of ``new`` that follows it in
    ``old``. A moved item is both: removed where it was, added where it is."""
    match = matched(old, new)
    staying = _longest_increasing([match[j] for j in range(len(new)) if j in match])
    kept = {j: i for j, i in match.items() if i in staying}
    removed = [i for i in range(len(old)) if i not in staying]
    order: list[tuple[int | None, int | None]] = []
    for j in range(len(new)):
        i = kept.get(j)
        if i is not None:
            while removed and removed[0] < i:
                order.append((removed.pop(0), None))
        order.append((i, j))
    order.extend((i, None) for i in removed)
    return order


def _list_changes(
    old: list[Any], new: list[Any], path: list[str | int], into: list[Operation]
) -> None:
    match = matched(old, new)
    taken = set(match.values())
    # 1. Removed, from the end so that the indexes hold.
    for i in range(len(old) - 1, -1, -1):
        if i not in taken:
            into.append({"op": "remove", "path": pointer([*path, i])})
    current = [i for i in range(len(old)) if i in taken]
    # 2. Moved: those outside the longest run already in order, each put after the item
    # it follows in the new version.
    wanted = [match[j] for j in range(len(new)) if j in match]
    staying = _longest_increasing(wanted)
    for place, i in enumerate(wanted):
        if i in staying:
            continue
        start = current.index(i)
        current.pop(start)
        end = current.index(wanted[place - 1]) + 1 if place else 0
        current.insert(end, i)
        if start != end:
            into.append(
                {"op": "move", "from": pointer([*path, start]), "path": pointer([*path, end])}
            )
    # 3. Added, in order.
    for j, item in enumerate(new):
        if j not in match:
            into.append({"op": "add", "path": pointer([*path, j]), "value": item})
    # 4. Changed inside, at the place each item now has.
    for j in range(len(new)):
        if j in match:
            i = match[j]
            inside: list[Operation] = []
            _changes(old[i], new[j], [*path, j], inside)
            whole = {"op": "replace", "path": pointer([*path, j]), "value": new[j]}
            if len(inside) > 1 and _size(inside) > _size([whole]):
                inside = [whole]
            into.extend(inside)


def _longest_increasing(values: list[int]) -> set[int]:
    """The values of a longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # index into values of the smallest tail of each length
    before: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        before[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: set[int] = set()
    at = tails[-1] if tails else -1
    while at >= 0:
        kept.add(values[at])
        at = before[at]
    return kept


def _size(operations: list[Operation]) -> int:
    return len(json.dumps(operations, ensure_ascii=False))


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: ``true`` is not ``1``, and numbers are equal by value."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


# --------------------------------------------------------------------------------------
# Patch


def patch(brief: Brief, operations: Sequence[Mapping[str, Any]]) -> Brief:
    """``brief`` with the JSON Patch ``operations`` (RFC 6902) applied to its canonical
    JSON, checked as :func:`~briefmodel.from_dict` checks a brief.

    Every operation of the RFC is taken: ``add``, ``remove``, ``replace``, ``move``,
    ``copy`` and ``test``. The operations apply all or not at all: one that is malformed
    or cannot apply (its path does not exist, a ``test`` fails) raises
    :class:`~briefmodel.PatchError`, whose problem's path points into ``operations``
    (``/2/path``); a result that is not a valid brief raises
    :class:`~briefmodel.ValidationError`, with paths into the brief.

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> waited = bm.Paragraph(content="The bank waited.")
    >>> brief = bm.Brief(id="x", headline="Rates held", sections=[bm.Section(blocks=[waited])],
    ...                  created=datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> bm.patch(brief, [{"op": "replace", "path": "/headline", "value": "Rates cut"}]).headline
    'Rates cut'
    """
    from ._api import from_dict

    data = apply_operations(json_format.to_dict(_a_brief(brief, "brief")), operations)
    return from_dict(data)


def apply_operations(document: Any, operations: Sequence[Mapping[str, Any]]) -> Any:
    """``document`` (any JSON value, left as it is) with ``operations`` applied: the JSON
    Patch of RFC 6902 on plain data, as :func:`patch` applies it to a brief."""
    if isinstance(operations, (str, bytes, Mapping)) or not isinstance(operations, Sequence):
        raise PatchError(
            [_problem("", f"a JSON Patch is a list of operations, not {_kind(operations)}")]
        )
    steps = _steps(operations)
    document = copy.deepcopy(document)
    for index, (name, path, other, value) in enumerate(steps):
        try:
            document = _apply(document, name, path, other, value)
        except _Refused as refused:
            shown = f"{name} {_shown(path)}"
            raise PatchError(
                [_problem(f"/{index}", f"{shown}: {refused.message}", refused.code)]
            ) from None
    return document


class _Refused(Exception):
    def __init__(self, message: str, code: str = "patch.no-target") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _problem(path: str, message: str, code: str = "patch.malformed") -> Problem:
    return Problem(severity="error", code=code, message=message, path=path)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _shown(parts: list[str]) -> str:
    return pointer(parts) or '""'


def _steps(operations: Sequence[Any]) -> list[tuple[str, list[str], list[str] | None, Any]]:
    """Each operation checked for its shape (all of them, problems collected): its name,
    path, ``from`` and value."""
    problems: list[Problem] = []
    steps = []
    for index, operation in enumerate(operations):
        where = f"/{index}"
        if not isinstance(operation, Mapping):
            problems.append(_problem(where, f"an operation is an object, not {_kind(operation)}"))
            continue
        name = operation.get("op")
        if name not in _NEEDS:
            known = ", ".join(_NEEDS)
            said = f"{name!r}" if isinstance(name, str) else _kind(name)
            problems.append(
                _problem(
                    f"{where}/op",
                    f"{said} is not an operation (they are {known})"
                    if "op" in operation
                    else f"the operation has no op (one of {known})",
                )
            )
            continue
        needs = _NEEDS[name]
        parsed: dict[str, list[str]] = {}
        for member in ("path", "from"):
            if member == "path" or member in needs:
                try:
                    parsed[member] = _parse_pointer(operation.get(member), member)
                except ValueError as error:
                    problems.append(_problem(f"{where}/{member}", f"{name}: {error}"))
        complete = len(parsed) == 1 + ("from" in needs)
        if "value" in needs and "value" not in operation:
            problems.append(_problem(where, f"{name} needs a value"))
            complete = False
        if complete:
            value = copy.deepcopy(operation.get("value"))
            steps.append((name, parsed["path"], parsed.get("from"), value))
    if problems:
        raise PatchError(problems)
    return steps


def _parse_pointer(text: Any, member: str = "path") -> list[str]:
    """The reference tokens of a JSON Pointer (RFC 6901): ``"/a~1b/0"`` is ``["a/b", "0"]``."""
    if text is None:
        raise ValueError(f"the operation has no {member}")
    if not isinstance(text, str):
        raise ValueError(f"the {member} is a JSON Pointer (a string), not {_kind(text)}")
    if text == "":
        return []
    if not text.startswith("/"):
        raise ValueError(f"{text[:60]!r} is not a JSON Pointer (it starts with /)")
    parts = text[1:].split("/")
    for part in parts:
        stray = part.replace("~0", "").replace("~1", "")
        if "~" in stray:
            raise ValueError(f"{text[:60]!r}: a ~ is written ~0 in a JSON Pointer (and / as ~1)")
    return [part.replace("~1", "/").replace("~0", "~") for part in parts]


def _index(container: list[Any], token: str, *, adding: bool) -> int:
    if token == "-" and adding:
        return len(container)
    if not token.isdigit() or not token.isascii() or (token != "0" and token.startswith("0")):
        raise _Refused(f"{token!r} is not an index of a list", "patch.index")
    index = int(token)
    limit = len(container) + (1 if adding else 0)
    if index >= limit:
        count = len(container)
        raise _Refused(
            f"index {index} is past the end of the list ({count} item{'s' * (count != 1)})",
            "patch.index",
        )
    return index


def _parent(document: Any, path: list[str]) -> Any:
    node = document
    for depth, token in enumerate(path[:-1]):
        node = _child(node, token, path[: depth + 1])
    return node


def _child(node: Any, token: str, reached: list[str]) -> Any:
    if isinstance(node, dict):
        if token not in node:
            raise _Refused(f"{_shown(reached)} does not exist")
        return node[token]
    if isinstance(node, list):
        return node[_index(node, token, adding=False)]
    raise _Refused(f"{_shown(reached[:-1])} is {_kind(node)}, which holds nothing")


def _get(document: Any, path: list[str]) -> Any:
    node = document
    for depth, token in enumerate(path):
        node = _child(node, token, path[: depth + 1])
    return node


def _add(document: Any, path: list[str], value: Any) -> Any:
    if not path:
        return value
    parent = _parent(document, path)
    token = path[-1]
    if isinstance(parent, dict):
        parent[token] = value
    elif isinstance(parent, list):
        parent.insert(_index(parent, token, adding=True), value)
    else:
        raise _Refused(f"{_shown(path[:-1])} is {_kind(parent)}, which holds nothing")
    return document


def _remove(document: Any, path: list[str]) -> Any:
    if not path:
        raise _Refused("the whole document cannot be removed", "patch.malformed")
    parent = _parent(document, path)
    token = path[-1]
    if isinstance(parent, dict):
        if token not in parent:
            raise _Refused(f"{_shown(path)} does not exist")
        return parent.pop(token)
    if isinstance(parent, list):
        return parent.pop(_index(parent, token, adding=False))
    raise _Refused(f"{_shown(path[:-1])} is {_kind(parent)}, which holds nothing")


def _apply(document: Any, name: str, path: list[str], other: list[str] | None, value: Any) -> Any:
    if name == "add":
        return _add(document, path, value)
    if name == "remove":
        _remove(document, path)
        return document
    if name == "replace":
        if not path:
            return value
        parent = _parent(document, path)
        _get(document, path)  # it must exist
        key = _index(parent, path[-1], adding=False) if isinstance(parent, list) else path[-1]
        parent[key] = value
        return document
    if name == "test":
        if not _equal(_get(document, path), value):
            raise _Refused("the value there is not the one tested", "patch.test-failed")
        return document
    assert other is not None
    if name == "move":
        if path[: len(other)] == other and len(path) > len(other):
            raise _Refused(f"{_shown(other)} cannot be moved into itself", "patch.malformed")
        if path == other:
            _get(document, other)
            return document
        return _add(document, path, _remove(document, other))
    # copy
    return _add(document, path, copy.deepcopy(_get(document, other)))


# --------------------------------------------------------------------------------------
# The changes in words


def describe(old: Brief, operations: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each of ``operations`` in words, as it applies in turn to ``old``: what was added,
    removed, replaced or moved, where (its JSON Pointer), and a short account of the value
    (a block's type and opening words, a section's title, a string quoted).

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> waited = bm.Paragraph(content="The bank waited.")
    >>> brief = bm.Brief(id="x", headline="Rates held", sections=[bm.Section(blocks=[waited])],
    ...                  created=datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> for line in describe(brief, [{"op": "replace", "path": "/headline", "value": "Rates cut"},
    ...                              {"op": "remove", "path": "/sections/0/blocks/0"}]):
    ...     print(line)
    replace /headline: "Rates held" → "Rates cut"
    remove /sections/0/blocks/0: paragraph "The bank waited."
    """
    document = json_format.to_dict(_a_brief(old, "old"))
    lines = []
    for name, path, other, value in _steps(operations):
        where = _shown(path)
        if name == "add":
            line = f"add {where}: {_summary(value)}"
        elif name == "remove":
            line = f"remove {where}: {_summary(_get(document, path))}"
        elif name == "replace":
            line = f"replace {where}: {_summary(_get(document, path))} → {_summary(value)}"
        elif name in ("move", "copy"):
            assert other is not None
            line = f"{name} {_shown(other)} → {where}: {_summary(_get(document, other))}"
        else:
            line = f"test {where}: {_summary(value)}"
        lines.append(line)
        try:
            document = _apply(document, name, path, other, value)
        except _Refused as refused:
            raise PatchError(
                [_problem(f"/{len(lines) - 1}", f"{line}: {refused.message}", refused.code)]
            ) from None
    return lines


#: The fields whose strings are a node's text, for a short account of it.
_TEXT_FIELDS = ("content", "statement", "items", "caption", "alt", "text", "blocks")


def _words(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(filter(None, (_words(v) for v in value)))
    if isinstance(value, dict):
        return " ".join(filter(None, (_words(value[k]) for k in _TEXT_FIELDS if k in value)))
    return ""


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return json.dumps(text, ensure_ascii=False)


def _summary(value: Any) -> str:
    """A short account of a JSON value of a brief."""
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, list):
        return f"{len(value)} item{'s' * (len(value) != 1)}"
    if not isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value.get("type"), str):  # a block or an inline node
        words = _words(value)
        return f"{value['type']} {_quoted(words)}" if words else value["type"]
    if "blocks" in value or "sections" in value or "role" in value:
        if isinstance(value.get("title"), str):
            return f"section {_quoted(value['title'])}"
        return f"section {value['id']}" if isinstance(value.get("id"), str) else "section"
    for key in ("name", "title", "note", "qcode", "url"):
        if isinstance(value.get(key), str):
            kind = value.get("kind")
            return (f"{kind} " if isinstance(kind, str) else "") + _quoted(value[key])
    return f"{len(value)} field{'s' * (len(value) != 1)}"
