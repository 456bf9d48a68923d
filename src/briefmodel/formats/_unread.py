"""What a document of briefmodel's own holds that the brief read from it does not.

briefmodel's own documents are read exactly, so that writing the brief read gives the
document back. Whatever else the document holds is lost by reading it: an attribute or an
element the writer never writes, text where it writes none, a value other than the one
the writer derives from the brief (a link's address, a label, a date shown). :func:`unread`
finds each by comparing the document's tree with the tree the writer writes for the brief
read; the reader reports them as losses, each at its line.

What the reader has reported already is passed over (:data:`~._safe_xml.Lost`); what the document
lacks of what the writer writes (derived labels, say) loses nothing, so it is not
reported. Linear in the size of both trees (subtrees near the root that are the same to
the byte are passed over whole).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from typing import Any, NamedTuple

from lxml import etree

from .._converter import Invalid, parse_datetime
from ._safe_xml import DROPPED, MARKUP, TEXT, Lost, local_name, lost_text

__all__ = ["Unread", "named", "same", "unread"]


class Unread(NamedTuple):
    """One thing of the document that the brief read does not hold: at ``element`` (its
    line), said by ``what``; ``step`` is its XPath step below the element (``""`` for the
    element itself, ``"/@name"``, ``"/text()"``) and ``value`` what reading leniently
    keeps of it (``None`` for an element: its markup)."""

    element: etree._Element
    what: str
    step: str
    value: str | None
    line: int | None = None  # where it is, when not at the element's line (a text)


def unread(
    found: etree._Element,
    written: etree._Element,
    lost: Lost,
    *,
    name: Callable[[Any], str] = local_name,
) -> list[Unread]:
    """What ``found`` (the document's element) holds that ``written`` (the writer's, for
    the brief read from it) does not, in document order; ``name`` shows a tag or an
    attribute name in messages."""
    out: list[Unread] = []
    stack = [(found, written, 0)]
    while stack:
        here, there, depth = stack.pop()
        if depth < _SAME_DEPTH and _serialized(here) == _serialized(there):
            continue  # the same to the byte: nothing in it differs
        parts = lost.get(here, ())
        tag = name(here.tag)
        # A plain dict: a name lxml cannot look up (an HTML attribute named ``a{b``) is
        # still compared, where ``there.get`` raises ValueError.
        theirs = {str(key): str(value) for key, value in there.attrib.items()}
        for raw_key, raw_value in here.attrib.items():
            key, value = str(raw_key), str(raw_value)
            if "@" + key in parts:
                continue
            expected = theirs.get(key)
            if expected == value or (expected is not None and same(value, expected)):
                continue
            shown = f"{name(key)}={value[:60]!r}"
            out.append(
                Unread(
                    here,
                    f"the attribute {shown} of <{tag}>"
                    if expected is None
                    else f"the attribute {shown} of <{tag}>, which the brief read writes "
                    f"as {expected[:60]!r}",
                    f"/@{name(key)}",
                    value,
                )
            )
        # What the writer derives from a value already lost (a label, a link) differs
        # too: an element that lost an attribute or its text has its content compared
        # only where it pairs with the writer's.
        derived = any(part == TEXT or part.startswith("@") for part in parts)
        texts: list[tuple[str, int | None]] = []
        children: list[etree._Element] = []
        if TEXT not in parts and here.text:
            texts.append((here.text, _line(here)))
        _level(here, lost, texts, children)
        if derived or (
            not children and not len(there) and same((here.text or "").strip(), there.text or "")
        ):
            texts = []
        # Texts compare without their white space: the texts read are the writer's to
        # the character, and one that differs only so from the writer's loses nothing
        # (white space between elements is layout; a derived title or summary that
        # another tool reflowed says the same).
        others = [_bare(there.text)]
        others.extend(_bare(child.tail) for child in there)
        at = 0
        joined = "\x00".join(others)  # no text found spans two of them
        for text, line in texts:
            bare = _bare(text)
            if not bare:
                continue
            index = joined.find(bare, at)
            if index < 0:
                shown = " ".join(text.split())
                if line is not None:  # the line where the text itself begins
                    line += text[: len(text) - len(text.lstrip())].count("\n")
                what = f"the text {shown[:60]!r} in <{tag}>"
                out.append(Unread(here, what, "/text()", text, line))
            else:
                at = index + len(bare)
        pairs, extra = _align(children, list(there))
        for child in () if derived else extra:
            out.append(
                Unread(child, f"the <{name(child.tag)}>{lost_text(child)} in <{tag}>", "", None)
            )
        stack.extend((one, other, depth + 1) for one, other in reversed(pairs))
    out.sort(key=lambda u: u.line or _line(u.element) or 0)
    return out


def named(prefixes: dict[str, str]) -> Callable[[Any], str]:
    """A function that shows a tag or attribute name by the prefix of its namespace
    (``prefixes`` maps namespace URIs to prefixes such as ``"bm:"``, or ``""``)."""

    def name(tag: Any) -> str:
        if not isinstance(tag, str) or not tag.startswith("{"):
            return str(tag)
        uri, _, local = tag[1:].partition("}")
        prefix = prefixes.get(uri)
        return tag if prefix is None else prefix + local

    return name


_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")


def same(found: str, written: str) -> bool:
    """Whether two values are one written two ways: the same text, the same date-time
    (``Z`` or ``+00:00``, a zero fraction or none), or the same integer (``04`` or ``4``)."""
    if found == written:
        return True
    if _INTEGER.fullmatch(found) and _INTEGER.fullmatch(written):
        return int(found) == int(written)
    try:
        one, other = parse_datetime(found), parse_datetime(written)
    except Invalid:
        return False
    return one == other and one.utcoffset() == other.utcoffset()


#: How deep in the tree a subtree is first compared whole, as serialized: the common
#: case, an element as the writer writes it, is passed over at once (in C), while the
#: work stays linear (each level serializes the document at most once).
_SAME_DEPTH = 8


def _serialized(element: etree._Element) -> bytes:
    return etree.tostring(element, with_tail=False)


def _line(element: etree._Element) -> int | None:
    """The line ``element`` begins on, if the tree knows it."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def _bare(text: str | None) -> str:
    """``text`` without its white space."""
    return "".join(text.split()) if text else ""


def _level(
    element: etree._Element,
    lost: Lost,
    texts: list[tuple[str, int | None]],
    children: list[etree._Element],
) -> None:
    """The texts (each with the line it begins on) and elements at ``element``'s level, as
    read: an element whose markup alone was lost has its content in its place, one
    dropped whole has only its tail."""
    for child in element:
        parts = lost.get(child)
        if not parts or (DROPPED not in parts and MARKUP not in parts):
            children.append(child)
        elif DROPPED not in parts:  # its markup: its content is read in its place
            if child.text:
                texts.append((child.text, _line(child)))
            _level(child, lost, texts, children)
        tail = child.tail
        if tail:
            after = child.getnext()
            begins = None if after is None else _line(after)
            if begins is not None:
                line: int | None = begins - tail.count("\n")
            else:  # where the child ends, as near as the tree says: its last element
                last = child
                while len(last):
                    last = last[-1]
                line = _line(last)
            texts.append((tail, line))


def _strong(element: etree._Element) -> tuple[Any, ...]:
    """What pairs an element with the writer's for sure: its tag, class, the start of its
    text and of its first child's, and how many children it has."""
    first = element[0] if len(element) else None
    return (
        element.tag,
        element.get("class"),
        (element.text or "")[:40],
        len(element),
        None if first is None else (first.tag, (first.text or "")[:40]),
    )


def _align(
    found: list[etree._Element], written: list[etree._Element]
) -> tuple[list[tuple[etree._Element, etree._Element]], list[etree._Element]]:
    """The document's elements paired with the writer's, in order, and those left over.

    First the elements that are surely the same (:func:`_strong`) are paired in order;
    then each element left over is paired with the first of the writer's left over
    between the same two pairs that has its tag (and class, if one has it); the rest
    are left over. Linear, but for the sorting of the pairs."""
    if len(found) == len(written) and all(
        one.tag == other.tag and one.get("class") == other.get("class")
        for one, other in zip(found, written, strict=True)
    ):  # the common case: the same elements, in the same order
        return list(zip(found, written, strict=True)), []
    positions: dict[tuple[Any, ...], deque[int]] = {}
    for index, element in enumerate(written):
        positions.setdefault(_strong(element), deque()).append(index)
    paired: dict[int, int] = {}  # index in found -> index in written
    after = 0
    for index, element in enumerate(found):
        queue = positions.get(_strong(element))
        while queue and queue[0] < after:
            queue.popleft()
        if queue:
            paired[index] = after = queue.popleft()
            after += 1
    taken = set(paired.values())
    extra: list[etree._Element] = []
    start = 0  # the first of the writer's that the next element may pair with
    gap: dict[Any, deque[int]] | None = None  # the writer's left over, up to the next pair
    for index, element in enumerate(found):
        if index in paired:
            start, gap = paired[index] + 1, None
            continue
        if gap is None:
            gap = {}
            end = next(
                (paired[i] for i in range(index + 1, len(found)) if i in paired), len(written)
            )
            for position in range(start, end):
                if position not in taken:
                    candidate = written[position]
                    gap.setdefault((candidate.tag, candidate.get("class")), deque()).append(
                        position
                    )
                    gap.setdefault(candidate.tag, deque()).append(position)
        choice = _first_free(gap.get((element.tag, element.get("class"))), taken)
        if choice is None:
            choice = _first_free(gap.get(element.tag), taken)
        if choice is None:
            extra.append(element)
            continue
        taken.add(choice)
        paired[index] = choice
    pairs = sorted(((i, j) for i, j in paired.items()), key=lambda pair: pair[0])
    return [(found[i], written[j]) for i, j in pairs], extra


def _first_free(queue: deque[int] | None, taken: set[int]) -> int | None:
    while queue:
        if queue[0] not in taken:
            return queue.popleft()
        queue.popleft()
    return None
