"""The lean path of the ninjs reader (``formats/ninjs/_lean.py``) against the general
reader, which is the oracle: wherever the lean path accepts a document, the general
reader (with the lean path turned off) reads the same brief from it, and reports nothing
lost or repaired. Checked on every generated brief, on the corpus and the examples (which
must all go the lean way), and on thousands of mutants of their documents: properties
deleted, added, duplicated, moved or given another value or type, keys given twice,
escapes and white space in the text, and the XHTML body's markup changed."""

from __future__ import annotations

import contextlib
import importlib
import json
import random
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any
from unittest import mock

import orjson
import pytest
from hypothesis import example, given

import briefmodel as bm
from briefmodel import _generated
from briefmodel.formats.json.read import _DOUBT, _quick_parse
from briefmodel.formats.ninjs import _lean
from briefmodel.testing import briefs

from .._lean import DOCUMENTS, agrees, general_read

read_module = importlib.import_module("briefmodel.formats.ninjs.read")


def _general(text: str | bytes) -> tuple[bm.Brief | None, list[str]]:
    return general_read(read_module, text)


def _agrees(text: str | bytes) -> bool:
    return agrees(_lean.read_own, read_module, text, "a document")


def _texts() -> Iterator[str]:
    """The documents of the corpus's dated briefs and of the examples, plain and indented."""
    for path in DOCUMENTS:
        brief = bm.loads(path.read_text(encoding="utf-8"), "json")
        if brief.created is not None:
            yield bm.dumps(brief, "ninjs")
            yield bm.dumps(brief, "ninjs", indent=2)


# -- briefmodel's own documents go the lean way ----------------------------------------


@given(briefs())
@example(
    bm.Brief(
        id="urn:example:brief:a",
        headline="A\\u003",  # (an escape's spelling, which the quick parse doubts)
        created=datetime(2000, 1, 1, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content=())])],
    )
)
def test_generated_briefs_read_alike_by_both_paths(brief: bm.Brief) -> None:
    text = bm.dumps(brief, "ninjs")
    if not _agrees(text):
        # It doubts an undated brief, and what the generated path of canonical JSON
        # doubts too (a float 0 in the extensions, say), or mention ids other than
        # mention-0, mention-1…
        if brief.created is None:
            return
        if any((s.id or "").startswith("mention-") for s in brief.all_sections()):
            return
        if _quick_parse(text) is _DOUBT:  # (what it parses with doubts too: "\\u003a" …)
            return
        with pytest.raises(Exception):  # noqa: B017, PT011 - doubt, of any kind
            _generated.builder()(bm.to_dict(brief))
    else:
        assert bm.loads(text, "ninjs") == brief


def test_the_corpus_and_the_examples_go_the_lean_way() -> None:
    texts = list(_texts())
    assert len(texts) >= 20
    for text in texts:
        assert _agrees(text), text[:200]
        assert _agrees(text.encode())


def test_read_takes_the_lean_path_for_own_documents_only() -> None:
    text = next(_texts())
    calls: list[bm.Brief | None] = []

    def spy(data: str | bytes) -> bm.Brief | None:
        calls.append(_lean.read_own(data))
        return calls[-1]

    with mock.patch.object(read_module, "read_own", spy):
        read_module.read(text)
        assert len(calls) == 1
        assert calls[0] is not None
        read_module.read(text, strict=False)  # (lenient reading: the general reader)
        read_module.read(text, id="urn:example:given")  # (a fallback given)
    assert len(calls) == 1
    for changed in (
        text.replace('"type":"text"', '"type":"text","type":"text"'),  # (a key twice)
        text.replace("<body>", "<body><!-- a comment -->"),  # (a loss)
        bm.dumps(bm.loads(text, "ninjs"), "ninjs", version="2.1"),  # (2.1: the general reader)
    ):
        assert _lean.read_own(changed) is None
        with contextlib.suppress(bm.BriefmodelError):
            read_module.read(changed)


# -- mutants ---------------------------------------------------------------------------

_VALUES: tuple[Any, ...] = (
    "",
    " ",
    "x",
    "1",
    "main",
    "sub",
    "author",
    "keyword",
    "publisher",
    "key-point",
    "text/plain",
    "usable",
    "withheld",
    "3.1",
    "2026-03-02T09:00:00+01:00",
    "2026-03-02T08:00:00Z",
    "2026-03-02",
    "https://example.org/a b",
    "https://example.org/",
    "mention-0",
    0,
    1,
    4,
    4.0,
    -1,
    10**20,
    True,
    None,
    [],
    {},
    ["x"],
    {"name": "x"},
)
_KEYS = (
    "uri",
    "name",
    "literal",
    "rel",
    "role",
    "value",
    "contentType",
    "headlines",
    "relevance",
    "aliases",
    "identifiers",
    "exact",
    "rights",
    "entityOrder",
    "extensions",
    "corrections",
    "profile",
    "schema",
    "contentCreated",
    "representationType",
    "x",
)
# Changes of the XHTML body's text, each (old, new), the first place or a random one.
_MARKUP = (
    ("><", "> <"),
    ("><", ">\n<"),
    ("<p>", '<p class="x">'),
    ("<p>", "<p><!-- c -->"),
    ("<p>", "<p>&amp;"),
    ("</p>", "</p>x"),
    ("<section", "<div"),
    ("</section>", "</section><section/>"),
    ("<li>", "<li><p>x</p>"),
    (' xml:id="', ' id="'),
    (' bm:ref="', ' bm:other="'),
    (' bm:ref="', ' bm:ref="x'),
    ("mention-0", "mention-1"),
    ("mention-1", "mention-0"),
    ("<h2>", "<h3>"),
    ("<h3>", "<h2>"),
    ("<em>", "<i>"),
    ("<strong>", "<b>"),
    ('lang="', 'lang="x'),
    ("<title>", "<title>x"),
    ("<head>", "<head><meta/>"),
    ("<body>", '<body class="x">'),
    (' bm:role="', ' role="'),
    ("<th>", '<th scope="auto">'),
    ("<td>", '<td colspan="1">'),
    ("<table>", '<table bm:align="left  right">'),
    ("e", "&#101;"),
    ("a", "&#x61;"),
    ('"', "'"),
    ("<ul>", "<ol>"),
    ("<br/>", "<br></br>"),
    ("<cite ", '<cite class="x" '),
    ("<html ", '<?xml version="1.0"?><html '),
    ("xmlns:bm=", "xmlns:b2="),
)


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The paths of every object, array and value in a JSON value."""
    yield path
    if type(value) is dict:
        for key, item in value.items():
            yield from _nodes(item, (*path, key))
    elif type(value) is list:
        for index, item in enumerate(value):
            yield from _nodes(item, (*path, index))


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _mutate_data(doc: dict[str, Any], rng: random.Random) -> None:
    """One change of a parsed document (or of its metadata body's JSON), at random."""
    try:
        meta_at: int | None = 1
        meta = json.loads(doc["bodies"][1]["value"])
    except (LookupError, TypeError, ValueError):  # (a mutant already)
        meta_at, meta = None, None
    into_meta = meta_at is not None and type(meta) is dict and rng.random() < 0.3
    target = meta if into_meta else doc
    path = rng.choice(list(_nodes(target))[1:] or [()])
    parent = _at(target, path[:-1]) if path else target
    last = path[-1] if path else None
    kind = rng.randrange(6)
    if kind == 0 and path:  # delete it
        del parent[last]
    elif kind == 1 and path:  # another value (or type)
        old = parent[last]
        options = [*_VALUES]
        if type(old) is str:
            options += [old + " ", old[1:], old.upper(), old + "x"]
        elif type(old) is int and type(old) is not bool:
            options += [old + 1, float(old), str(old)]
        parent[last] = rng.choice(options)
    elif kind == 2:  # a property added to an object
        obj = _at(target, path) if type(_at(target, path)) is dict else parent
        if type(obj) is dict:
            obj[rng.choice(_KEYS)] = rng.choice(_VALUES)
    elif kind == 3 and type(parent) is list:  # an item duplicated
        parent.insert(rng.randrange(len(parent) + 1), parent[last])
    elif kind == 4 and type(parent) is list and len(parent) > 1:  # items swapped
        other = rng.randrange(len(parent))
        parent[last], parent[other] = parent[other], parent[last]
    elif kind == 5 and type(parent) is dict and len(parent) > 1:  # a key moved last
        parent[last] = parent.pop(last)
    if into_meta:
        doc["bodies"][1]["value"] = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))


def _mutate_text(text: str, rng: random.Random) -> str:
    """One change of a document's text, at random: of the XHTML body in it, mostly."""
    try:
        doc = orjson.loads(text)
        value = doc["bodies"][0]["value"]
    except (orjson.JSONDecodeError, LookupError, TypeError):  # (a mutant already)
        return text + " "
    kind = rng.randrange(5)
    if kind <= 1 and type(value) is str:  # the body's markup
        old, new = rng.choice(_MARKUP)
        at = value.find(old) if rng.random() < 0.5 else value.rfind(old)
        if at >= 0:
            doc["bodies"][0]["value"] = value[:at] + new + value[at + len(old) :]
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if kind == 2 and type(doc) is dict and doc:  # a key twice (the second value other, or not)
        key = rng.choice(list(doc))
        value = rng.choice((doc[key], *_VALUES[:6]))
        twice = json.dumps({key: value}, ensure_ascii=False)[1:-1]
        return text[:-1] + "," + twice + "}"
    if kind == 3:  # an escape for a character
        at = rng.randrange(1, len(text) - 1)
        char = text[at]
        if char.isalnum() or char in " :,-":
            return text[:at] + f"\\u{ord(char):04x}" + text[at + 1 :]
        return text
    # white space, a BOM, a float spelling
    return rng.choice(
        (
            " " + text + "\n",
            "\ufeff" + text,
            text.replace('"urgency":', '"urgency": ', 1),
            text.replace(',"urgency":4', ',"urgency":4.0', 1),
            text.replace(',"urgency":4', ',"urgency":4e0', 1),
            text.replace('"version":"', '"version": "0', 1),
            text.replace('{"role":"main"', '{ "role" : "main"', 1),
            text.replace("\\u", "\\\\u", 1),
            text.replace("\\n", "\\u000b", 1),
            text.replace(".", "\\u0000.", 1),
        )
    )


def _mutants(count: int) -> Iterator[str]:
    rng = random.Random(20261207)
    texts = list(_texts())
    originals = set(texts)
    made = 0
    while made < count:
        original = rng.choice(texts)
        if rng.random() < 0.5:
            doc = orjson.loads(original)
            for _ in range(rng.choice((1, 1, 1, 2))):
                _mutate_data(doc, rng)
            text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        else:
            text = original
            for _ in range(rng.choice((1, 1, 2))):
                text = _mutate_text(text, rng)
        if text != original and text not in originals:  # (a change that changed something)
            made += 1
            yield text


def test_no_mutant_is_accepted_by_the_lean_path_alone() -> None:
    counts = {"mutants": 0, "accepted": 0, "doubted": 0}
    for text in _mutants(6_000):
        counts["mutants"] += 1
        counts["accepted" if _agrees(text) else "doubted"] += 1
    assert counts["mutants"] == 6_000
    # Most mutants are doubted; some are what the writer writes too (white space between
    # the document's tokens, a value set to its own, a key moved where it was…), and go
    # the lean way.
    assert counts["doubted"] > counts["mutants"] // 2, counts
    assert counts["accepted"] > 500, counts
