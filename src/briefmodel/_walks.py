"""The generated walks over a brief: the rules' first pass (:func:`rule_walk`, which
:func:`briefmodel.rules.check` runs on every brief, from any reader) and the depth check
every writer makes (:func:`depth_walk`).

Each is a plain function per node class, written when first needed from the model's
``CHILDREN`` and the rules' table, that reaches the node's children by their fields
(no generic walk, no paths) and tests the rules that apply to the node: the commonest
by an expression written inline before their call. A brief whose texts a reader vouched
for (:func:`vouch`) is walked without gathering them, and one the rules' first pass
found nothing in is written without the depth check.
"""

from __future__ import annotations

import contextlib
import typing
import weakref
from collections.abc import Callable
from typing import Any

import attrs

from . import model as m

__all__ = ["Found", "depth_walk", "rule_walk", "vouch", "vouched"]


class Found(Exception):
    """What the generated rule walk raises at the first thing a rule finds."""


def _walker_source(cls: type, ns: dict[str, Any], *, rules: bool, texts: bool) -> str:
    """The source of ``walk_<Class>(o, depth, ctx, texts)``: the rules' first pass over a
    node of class ``cls`` and what it holds (see :func:`briefmodel.rules.check`), which
    raises :class:`Found` when a rule finds something, and gathers every text in ``texts``
    for one search for characters XML cannot carry; without ``rules``,
    ``walk_<Class>(o, depth)``, which raises :class:`Found` only where a node is too deep."""
    from .model.brief import CHILDREN
    from .rules import _FAST_RULES, _TEXT_FIELDS, MAX_DEPTH

    name = cls.__name__
    more = ", ctx, texts" if rules else ""  # (what every call passes on)
    lines = [f"def walk_{name}(o, depth{more}):", f"    if depth > {MAX_DEPTH}: raise Found"]
    checks = _FAST_RULES.get(cls, ()) if rules else ()
    for index, rule in enumerate(checks):
        ns[f"rule_{name}_{index}"] = rule.check
    if checks:
        tests = " or ".join(
            _rule_test(cls, rule.check, f"rule_{name}_{i}") for i, rule in enumerate(checks)
        )
        lines.append(f"    if {tests}: raise Found")
    for field, how in _TEXT_FIELDS[cls] if texts else ():
        if how == "one":
            lines += [f"    v = o.{field}", "    if v is not None: texts.append(v)"]
        elif how == "many":
            lines.append(f"    texts.extend(o.{field})")
        else:
            lines += [f"    v = o.{field}", "    if v: texts.extend(json_texts(v))"]
    types = {field.name: field.type for field in attrs.fields(cls)}
    for field, how in CHILDREN.get(cls, ()):
        kind = types[field]
        if how == "one":
            (inner,) = (a for a in typing.get_args(kind) if a is not type(None))
            lines += [
                f"    v = o.{field}",
                f"    if v is not None: walk_{inner.__name__}(v, depth + 1{more})",
            ]
        elif how == "many":
            (inner,) = typing.get_args(kind)[:1]
            each = f"walk_{inner.__name__}" if attrs.has(inner) else "walkers[type(c)]"
            lines.append(f"    for c in o.{field}: {each}(c, depth + 2{more})")
        else:
            base = "depth if not o.blocks else depth + 1" if cls is m.ListItem else "depth + 1"
            lines += [
                f"    v = o.{field}",
                f"    base = {base}",
                "    if len(v) == 1 and type(v[0]) is str:",
                f"        if base > {MAX_DEPTH}: raise Found",
                f"        {'texts.append(v[0])' if texts else 'pass'}",
                "    elif v:",
                f"        if base + 1 > {MAX_DEPTH}: raise Found",
                "        for c in v:",
                f"            if type(c) is str: {'texts.append(c)' if texts else 'pass'}",
                f"            else: walkers[type(c)](c, base + 1{more})",
            ]
    return "\n".join(lines) + "\n"


def _rule_test(cls: type, check: Callable[..., Any], name: str) -> str:
    """The test that the rule ``check`` (called ``name`` in the walk) finds something in a
    node ``o`` of class ``cls``: its call, after an expression written here for the
    commonest rules that is true where it surely finds nothing (a section with blocks, a
    mention of a known entity), so that a valid brief's nodes are passed without a call."""
    from . import rules

    surely_nothing = {
        rules.section_has_content: "o.blocks or o.sections",
        rules.list_has_items: "o.items",
        rules.block_has_text: "o.statement" if cls is m.Judgment else "o.content",
        rules.role_is_not_a_misspelling: "o.role is None or o.role in roles",
        rules.mention_names_an_entity: "o.ref in ctx.entity_ids",
        rules.ids_are_unique: "o.id is None",
        rules.header_cell_has_text: "o.header is None",
    }.get(check)
    if check in (rules.links_are_absolute, rules.link_schemes_are_allowed):
        # A URL that begins with an allowed scheme is absolute, and allowed.
        urls = rules._LINK_FIELDS.get(cls, ()) + rules._IDENTIFIER_FIELDS.get(cls, ())
        surely_nothing = " and ".join(
            f"(o.{f} is None or o.{f}.startswith(ctx.url_prefixes))" for f in urls
        )
    if check is rules.citation_names_a_source and cls is not m.Judgment:
        ref = "o.ref" if cls is m.Citation else "o.source_ref"
        surely_nothing = f"{ref} is None or {ref} in ctx.source_ids"
    if surely_nothing is None:
        return f"{name}(o, ctx)"
    return f"(not ({surely_nothing}) and {name}(o, ctx))"


def _json_texts(value: Any) -> list[str]:
    """Every key and string in a JSON value as the model holds it."""
    from .rules import _json_strings

    return [text for _, text in _json_strings(value, ())]


_WALKS: dict[tuple[bool, bool], Any] = {}  # the generated walks, once written


def _walk(*, rules: bool, texts: bool) -> Any:
    if (rules, texts) not in _WALKS:
        from .model.vocabularies import SECTION_ROLES

        names = [cls.__name__ for cls in m.MODEL_TYPES]
        ns: dict[str, Any] = {"Found": Found, "json_texts": _json_texts}
        ns["roles"] = frozenset(SECTION_ROLES)
        source = "".join(_walker_source(cls, ns, rules=rules, texts=texts) for cls in m.MODEL_TYPES)
        ns.update({n: cls for n, cls in zip(names, m.MODEL_TYPES, strict=True)})
        exec(compile(source, "<briefmodel: generated walk>", "exec"), ns)
        ns["walkers"] = {cls: ns[f"walk_{cls.__name__}"] for cls in m.MODEL_TYPES}
        _WALKS[rules, texts] = ns["walk_Brief"]
    return _WALKS[rules, texts]


def rule_walk(*, texts: bool = True) -> Callable[[m.Brief, int, Any, list[str]], None]:
    """``walk(brief, 0, ctx, found)``: the generated rules' first pass over a brief, with
    the rules' context, gathering its texts in ``found`` (not with ``texts=False``); it
    raises :class:`Found` at the first thing a rule finds."""
    return _walk(rules=True, texts=texts)  # type: ignore[no-any-return]


def depth_walk() -> Callable[[m.Brief, int], None]:
    """``walk(brief, 0)``, the generated walk that raises :class:`Found` where a node of a
    brief sits deeper than :data:`~briefmodel.rules.MAX_DEPTH`."""
    return _walk(rules=False, texts=False)  # type: ignore[no-any-return]


#: What was shown of a brief, for the walks not to show it again: ``xml-safe``, that XML
#: 1.0 can carry its every text (a reader built it from a text in which no character could
#: be otherwise), so the rules' first pass does not search them; ``shallow``, that no
#: node sits deeper than MAX_DEPTH (the rules' first pass found nothing in it), so the
#: writers do not walk it to see. By id, with a weak reference to the brief (without a
#: callback: no Python code runs when a brief is freed, where a signal's exception would
#: be lost), for the last :data:`_KEPT` briefs of each: a program reads a brief, checks
#: it and writes it, so it is asked of briefs just vouched for, and a brief no longer
#: kept is only shown again.
_VOUCHED: dict[str, dict[int, weakref.ref[m.Brief]]] = {"xml-safe": {}, "shallow": {}}
_KEPT = 64


def vouch(brief: m.Brief, what: str) -> m.Brief:
    """Say ``what`` (``xml-safe``, ``shallow``) of ``brief``, which has just been shown;
    ``brief`` is given back."""
    table = _VOUCHED[what]
    key = id(brief)
    table.pop(key, None)  # (the id of a brief gone: this one goes last, as the newest)
    table[key] = weakref.ref(brief)
    if len(table) > _KEPT:
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):  # (another thread)
            del table[next(iter(table))]
    return brief


def vouched(brief: m.Brief, what: str) -> bool:
    """Whether :func:`vouch` said ``what`` of this very brief (and it is still kept)."""
    ref = _VOUCHED[what].get(id(brief))
    return ref is not None and ref() is brief
