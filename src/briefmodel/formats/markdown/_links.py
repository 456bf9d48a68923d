"""Finding where a link's or an image's label ends, in time that grows with the text, not
with its square: markdown-it-py's own helper scans from every ``[`` to the end of the
paragraph when nothing closes it (50,000 ``![`` took ten seconds).

:func:`parse_link_label` gives the same answer as ``markdown_it.helpers.parseLinkLabel``
and remembers it, per paragraph and end of the text scanned, for every ``[`` it scanned.
Scanning on from an enclosing ``[`` it then uses what it remembers of an inner ``[`` at
once: a label that closed is balanced, so the scan jumps past it; one that ran to the end
unclosed means that the enclosing one cannot close either; one that met a nested link
(which a link's label may not hold) means the enclosing link label meets it too. Both
scans walk the same tokens (markdown-it-py remembers each token's end in
``state.cache``), so nothing else can differ. :data:`HELPERS` is the set of helpers
the parser uses, this one in.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from markdown_it import helpers
from markdown_it.rules_inline import StateInline

__all__ = ["HELPERS", "no_label_closes", "parse_link_label"]

#: What a scan found when no ``]`` closed it: it ran to the end, or (for a link's label,
#: which may not hold a link) it met a nested link. A closed label is its ``]``'s index.
_RAN_OUT = -1
_MET_A_LINK = -2


def parse_link_label(state: StateInline, start: int, disableNested: bool = False) -> int:
    """The index of the ``]`` that ends the label opened at ``start``, or -1."""
    cache: dict[Any, int] = state.cache
    # A link's text is tokenized with posMax at its end, in the same state: what a scan
    # finds holds for the end it ran to.
    key = (_KEY, start, disableNested, state.posMax)
    found = cache.get(key)
    if found is None:
        found = _scan(state, start, disableNested, cache)
        cache[key] = found
    return found if found >= 0 else -1


_KEY = "briefmodel:label"  # the cache's own keys are positions (ints): no clash


def _scan(state: StateInline, start: int, nested_ends: bool, cache: dict[Any, int]) -> int:
    old = state.pos
    src, end = state.src, state.posMax
    skip = state.md.inline.skipToken
    state.pos = start + 1
    level = 1
    outcome = _RAN_OUT
    while state.pos < end:
        pos = state.pos
        marker = src[pos]
        if marker == "]":
            level -= 1
            if level == 0:
                outcome = pos
                break
        skip(state)
        if marker != "[":
            continue
        if state.pos != pos + 1:  # the "[" began a token of its own: a nested link
            if nested_ends:
                outcome = _MET_A_LINK
                break
            continue
        # A "[" of plain text opens a label of its own, which skipping it scanned when it
        # tried a link there; what that found decides this scan too.
        inner = cache.get((_KEY, pos, nested_ends, end))
        if inner is None and not nested_ends:
            inner = cache.get((_KEY, pos, True, end))
            if inner == _MET_A_LINK:  # a link's label stops there, an image's does not
                inner = None
        if inner is None:
            level += 1
        elif inner >= 0:  # balanced: on after its "]", at the same level
            state.pos = inner + 1
        else:  # it never closes, so neither does this one; or the same link stops both
            outcome = inner
            break
    state.pos = old
    return outcome


#: What no inline rule but the text rule reads, past the last ``]`` of a text: with no
#: ``]`` to close a label, ``[`` and ``!`` open nothing, and the rules that remain start at
#: a line end, an escape, a code span, emphasis, an autolink or HTML, or an entity.
_INERT = re.compile(r"[^\n\\`*_<&]*")
_LAST_CLOSE = "briefmodel:last-close"


def no_label_closes(state: StateInline, silent: bool) -> bool:
    """Inline rule (before ``link``): at a ``[`` or ``!`` after the last ``]`` of the text,
    where no link or image can open, the run of characters up to the next that another
    rule reads is text, taken at once.

    markdown-it-py gives the same tokens, one rule try at a time: for 1 MB of ``![`` it
    took ten seconds; this takes a hundredth of one.
    """
    pos = state.pos
    src = state.src
    if src[pos] != "[" and src[pos] != "!":
        return False
    cache: dict[Any, int] = state.cache
    key = (_LAST_CLOSE, state.posMax)
    last = cache.get(key)
    if last is None:
        last = cache[key] = src.rfind("]", 0, state.posMax)
    if pos < last:
        return False
    found = _INERT.match(src, pos, state.posMax)
    end = found.end() if found is not None else pos
    if end == pos:  # pragma: no cover - the pattern takes the "[" or "!" at least
        return False
    if not silent:
        state.pending += src[pos:end]
    state.pos = end
    return True


#: markdown-it-py's helpers (a module, as ``MarkdownIt.helpers`` is), with
#: :func:`parse_link_label` for its own.
HELPERS = ModuleType("briefmodel.formats.markdown._links.HELPERS")
HELPERS.parseLinkLabel = parse_link_label  # type: ignore[attr-defined]
HELPERS.parseLinkDestination = helpers.parseLinkDestination  # type: ignore[attr-defined]
HELPERS.parseLinkTitle = helpers.parseLinkTitle  # type: ignore[attr-defined]
