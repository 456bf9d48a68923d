"""The lean path of the NewsML-G2 reader (``formats/newsml/_lean.py``) against the general
reader, which is the oracle: wherever the lean path accepts an item, the general reader
(with the lean path turned off) reads the same brief from it, and reports nothing lost
or repaired. Checked on every generated brief, on the corpus and the examples (which
must all go the lean way), and on thousands of mutants of their items: elements
inserted, deleted, duplicated, moved or put in another namespace, attributes added,
removed or changed, texts changed, comments and text put between elements."""

from __future__ import annotations

import contextlib
import copy
import importlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from lxml import etree

import briefmodel as bm
from briefmodel import _generated
from briefmodel.formats._safe_xml import parse
from briefmodel.formats.newsml import _lean
from briefmodel.testing import briefs

from .._lean import DOCUMENTS, agrees, general_read
from ._support import B, H, N

read_module = importlib.import_module("briefmodel.formats.newsml.read")


def _lean_read(text: str | bytes) -> bm.Brief | None:
    """The lean path's brief of ``text`` (as read() takes it), or None where it doubts."""
    stripped: list[Any] = []
    root = parse(text, stripped=stripped)
    if stripped or not read_module._is_own(root):
        return None
    return _lean.read_own(root)


def _general(text: str | bytes) -> tuple[bm.Brief | None, list[str]]:
    return general_read(read_module, text)


def _agrees(text: str | bytes) -> bool:
    return agrees(_lean_read, read_module, text, "an item")


def _dated(path: Path) -> bm.Brief | None:
    brief = bm.loads(path.read_text(encoding="utf-8"), "json")
    return brief if brief.created is not None else None


def _texts() -> Iterator[str]:
    """The items of the corpus's dated briefs and of the examples, plain and indented."""
    for path in DOCUMENTS:
        brief = _dated(path)
        if brief is not None:
            yield bm.dumps(brief, "newsml")
            yield bm.dumps(brief, "newsml", pretty=True)


# -- briefmodel's own items go the lean way --------------------------------------------


@given(briefs(dated=True))
def test_generated_briefs_read_alike_by_both_paths(brief: bm.Brief) -> None:
    text = bm.dumps(brief, "newsml")
    if not _agrees(text):
        # It doubts only what the generated path of canonical JSON doubts too (a float 0
        # in the extensions, say), or mention ids other than mention-0, mention-1…
        if any((s.id or "").startswith("mention-") for s in brief.all_sections()):
            return
        with pytest.raises(Exception):  # noqa: B017, PT011 - doubt, of any kind
            _generated.builder()(bm.to_dict(brief))
    else:
        assert bm.loads(text, "newsml") == brief


def test_the_corpus_and_the_examples_go_the_lean_way() -> None:
    texts = list(_texts())
    assert len(texts) >= 20
    for text in texts:
        assert _agrees(text), text[:200]


@pytest.mark.parametrize("tag", ["newsThing", "newsMessage"])
def test_a_root_other_than_a_news_item_is_doubted(tag: str) -> None:
    text = next(_texts())
    other = text.replace("<newsItem ", f"<{tag} ", 1).replace("</newsItem>", f"</{tag}>")
    assert _lean_read(other) is None
    with pytest.raises(bm.BriefmodelError):
        bm.loads(other, "newsml")


def test_read_takes_the_lean_path_for_own_items_only() -> None:
    text = next(_texts())
    calls: list[bm.Brief | None] = []

    def spy(root: etree._Element) -> bm.Brief | None:
        calls.append(_lean.read_own(root))
        return calls[-1]

    with mock.patch.object(read_module, "read_own", spy):
        read_module.read(text)
        assert len(calls) == 1
        assert calls[0] is not None
        read_module.read(text, strict=False)  # (lenient reading: the general reader)
        read_module.read(text, id="urn:example:given")  # (a fallback given)
        for changed in (
            text.replace("<itemClass", "<!-- a comment --><itemClass"),  # (a loss)
            text.replace(">briefmodel<", ">another<"),  # (another producer's item)
        ):
            with contextlib.suppress(bm.BriefmodelError):
                read_module.read(changed)
    assert len(calls) == 1


# -- mutants ---------------------------------------------------------------------------

_XML = "{http://www.w3.org/XML/1998/namespace}"
_NAMESPACES = (N, H, B, "{urn:example:other}", "")
_VALUES = (
    "",
    " ",
    "1",
    "01",
    "0",
    "-1",
    "+2",
    "1.5",
    "x",
    "e1",
    "e1 e2",
    "e1  e2",
    " e1",
    "usable",
    "stat:withheld",
    "sig:correction",
    "ninat:text",
    "cpnat:person",
    "cpnat:poi",
    "nrol:alternate",
    "drol:summary",
    "bmdesc:key-point",
    "briefmodel",
    "auto",
    "row",
    "judgment",
    "quote",
    "credit",
    "en",
    "2026-03-02T09:00:00+01:00",
    "2026-03-02T08:00:00Z",
    "2026-03-02T09:00:00.000+01:00",
    "2026-03-02",
    "https://example.org/a b",
    "https://example.org/%zz",
    "https://example.org/",
    "mention-0",
    "mention-1",
    "a\tb",
    "{}",
    '{"a":1}',
    '{"a": 1}',
    "[1.0]",
    "null",
)
_ATTRIBUTES = (
    "id",
    "qcode",
    "uri",
    "literal",
    "role",
    "type",
    "href",
    "title",
    "class",
    "scope",
    "colspan",
    "date",
    "tag",
    "key",
    "idrefs",
    "version",
    "lang",
    _XML + "id",
    _XML + "lang",
    B + "text",
    B + "written",
    B + "uri",
    B + "href",
    B + "role",
    B + "source",
    B + "basis",
    "{urn:example:other}x",
)


def _elements(root: etree._Element) -> list[etree._Element]:
    return [element for element in root.iter() if isinstance(element.tag, str)]


def _mutate(root: etree._Element, rng: random.Random) -> None:
    """One change of ``root``'s tree, of a kind picked at random."""
    elements = _elements(root)
    if rng.random() < 0.02:  # the root's own name or namespace
        root.tag = rng.choice((N + "newsMessage", N + "newsThing", H + "newsItem", "newsItem"))
        return
    element = rng.choice(elements[1:])
    parent = element.getparent()
    assert parent is not None
    kind = rng.randrange(13)
    if kind == 0:  # delete an element (its tail stays)
        tail = element.tail
        previous = element.getprevious()
        parent.remove(element)
        if tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
    elif kind == 1:  # duplicate it
        element.addnext(copy.deepcopy(element))
    elif kind == 2:  # insert an element met elsewhere (without its children)
        other = rng.choice(elements)
        new = etree.Element(other.tag, dict(other.attrib))
        new.text = other.text
        parent.insert(rng.randrange(len(parent) + 1), new)
    elif kind == 3:  # add (or replace) an attribute
        element.set(rng.choice(_ATTRIBUTES), rng.choice(_VALUES))
    elif kind == 4 and element.attrib:  # change an attribute's value
        name = rng.choice(list(element.attrib))
        value = rng.choice((*_VALUES, element.get(name, "") + "x", element.get(name, "")[1:]))
        element.set(name, value)
    elif kind == 5 and element.attrib:  # remove an attribute
        del element.attrib[rng.choice(list(element.attrib))]
    elif kind == 6:  # change a text
        text = element.text or ""
        element.text = rng.choice(
            (*_VALUES, text + " ", " " + text, text[1:], text + "x", text.upper(), None, "\n  ")
        )
    elif kind == 7:  # a comment or a processing instruction
        node = etree.Comment("c") if rng.random() < 0.5 else etree.ProcessingInstruction("p", "x")
        parent.insert(rng.randrange(len(parent) + 1), node)
    elif kind == 8:  # text between elements
        element.tail = rng.choice(("x", " ", "\n    ", "\u00a0", ". "))
    elif kind == 9:  # into another namespace
        local = etree.QName(element).localname
        element.tag = rng.choice(_NAMESPACES) + local
    elif kind == 10 and element.getnext() is not None:  # swap with the next sibling
        following = element.getnext()
        assert following is not None
        following.addnext(element)
    elif kind == 11:  # rename to a tag met elsewhere
        element.tag = rng.choice(elements).tag
    else:  # move it into a sibling or its parent's parent
        target = rng.choice(elements)
        if element not in target.iterancestors() and target is not element:
            target.append(element)


def _mutants(count: int) -> Iterator[bytes]:
    rng = random.Random(20261207)
    roots = [parse(text) for text in _texts()]
    made = 0
    while made < count:
        root = copy.deepcopy(rng.choice(roots))
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            _mutate(root, rng)
        made += 1
        yield b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root)


def test_no_mutant_is_accepted_by_the_lean_path_alone() -> None:
    counts = {"mutants": 0, "accepted": 0, "doubted": 0}
    for text in _mutants(6_000):
        counts["mutants"] += 1
        try:
            accepted = _agrees(text)
        except bm.BriefmodelError:  # (not XML the safe parser reads: the general reader's)
            accepted = False
        counts["accepted" if accepted else "doubted"] += 1
    assert counts["mutants"] >= 5_000
    # Most mutants are doubted; some are what the writer writes too (white space where
    # it indents, an attribute set to its own value…), and go the lean way.
    assert counts["doubted"] > counts["mutants"] // 2, counts
    assert counts["accepted"] > 0, counts
