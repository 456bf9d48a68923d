"""The lean path of the HTML reader (``formats/html/_lean.py``) against the general
reader, which is the oracle: wherever the lean path accepts a page, the general reader
(with the lean path turned off) reads the same brief from it, and reports nothing lost.
Checked on every generated brief, on the corpus and the examples (which must all go the
lean way), and on thousands of mutants of their pages: attributes added, removed or
changed, elements renamed, duplicated or removed, text inserted, white space changed,
character references and comments put in."""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Iterator
from unittest import mock

import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel import _generated, _walks
from briefmodel.formats.html import _lean
from briefmodel.formats.html._parse import _parse
from briefmodel.testing import briefs

from .._lean import DOCUMENTS, agrees, general_read

read_module = importlib.import_module("briefmodel.formats.html.read")


def _lean_read(text: str) -> bm.Brief | None:
    """The lean path's brief of ``text`` (as read() takes it), or None where it doubts."""
    root, cut, stripped = _parse(text)
    if cut is not None or stripped:
        return None
    return _lean.read_own(root, text)


def _general(text: str) -> tuple[bm.Brief | None, list[str]]:
    return general_read(read_module, text)


def _agrees(text: str) -> bool:
    return agrees(_lean_read, read_module, text, "a page")  # type: ignore[arg-type]


def _briefs() -> Iterator[bm.Brief]:
    for path in DOCUMENTS:
        yield bm.loads(path.read_text(encoding="utf-8"), "json")


def _texts() -> Iterator[str]:
    """The pages of the corpus's briefs and of the examples: whole, without a stylesheet,
    and the article alone."""
    for brief in _briefs():
        yield bm.dumps(brief, "html")
        yield bm.dumps(brief, "html", css=None)
        yield bm.dumps(brief, "html", fragment=True)


def _written_plainly() -> list[str]:
    """The pages of :func:`_texts` that need nothing put back (no ``data-exact``, no
    ``<span class="char">``: those the general reader reads)."""
    return [t for t in _texts() if "data-exact=" not in t and 'class="char"' not in t]


# -- briefmodel's own pages go the lean way --------------------------------------------


@given(briefs())
def test_generated_briefs_read_alike_by_both_paths(brief: bm.Brief) -> None:
    text = bm.dumps(brief, "html")
    if not _agrees(text):
        # It doubts what the writer writes with data-exact or <span class="char">, and
        # what the generated path of canonical JSON doubts (a float 0 in extensions).
        if "data-exact=" in text or 'class="char"' in text:
            return
        with pytest.raises(Exception):  # noqa: B017, PT011 - doubt, of any kind
            _generated.builder()(bm.to_dict(brief))
    else:
        assert bm.loads(text, "html") == brief


def test_the_corpus_and_the_examples_go_the_lean_way() -> None:
    texts = _written_plainly()
    assert len(texts) >= 30
    for text in texts:
        assert _agrees(text), text[:200]


def test_a_page_read_the_lean_way_is_vouched_xml_safe_only_when_it_is() -> None:
    text = _written_plainly()[0]
    brief = _lean_read(text)
    assert brief is not None
    assert _walks.vouched(brief, "xml-safe")
    # A character reference to a control: read as it is, not one XML can carry.
    changed = text.replace("<p>", "<p>&#1;", 1)
    other = _lean_read(changed)
    assert other is not None
    assert not _walks.vouched(other, "xml-safe")
    assert _agrees(changed)


def test_read_takes_the_lean_path_for_strict_reading_only() -> None:
    text = _written_plainly()[0]
    calls: list[bm.Brief | None] = []

    def spy(root: object, page: str | bytes) -> bm.Brief | None:
        calls.append(_lean.read_own(root, page))  # type: ignore[arg-type]
        return calls[-1]

    with mock.patch.object(read_module, "read_own", spy):
        read_module.read(text)
        assert len(calls) == 1
        assert calls[0] is not None
        read_module.read(text, strict=False)  # (lenient reading: the general reader)
        read_module.read(text, id="urn:example:given")  # (a fallback given)
        with pytest.raises(bm.BriefmodelError):  # (a comment in the article: a loss)
            read_module.read(text.replace("<h1>", "<!-- c --><h1>"))
    assert len(calls) == 1


# -- mutants ---------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)([^>]*)>")
_ATTRIBUTE = re.compile(r' ([a-z-]+)="([^"]*)"')
_NAMES = (
    "class",
    "id",
    "lang",
    "dir",
    "href",
    "src",
    "alt",
    "title",
    "role",
    "scope",
    "colspan",
    "data-id",
    "data-role",
    "data-entity",
    "data-source",
    "data-href",
    "data-src",
    "data-field",
    "data-exact",
    "data-char",
    "data-version",
    "data-status",
    "data-keywords",
    "data-align",
    "data-basis",
    "aria-label",
    "onclick",
)
_VALUES = (
    "",
    " ",
    "1",
    "01",
    "0",
    "-1",
    "x",
    "brief",
    "section",
    "section context",
    "mention",
    "link",
    "link bare",
    "char",
    "bare",
    "item",
    "quote",
    "figure",
    "judgment",
    "citation",
    "note",
    "en",
    "rtl",
    "usable",
    "withheld",
    "2026-03-02T09:00:00+01:00",
    "2026-03-02T09:00:00.000+01:00",
    "https://example.org/",
    "javascript:alert(1)",
    "#source:x",
    '{"href":"https://example.org/x"}',
    "[]",
    "[&quot;a&quot;]",
    "7F",
    "D",
)
_INSERTS = (
    "x",
    " ",
    "\n",
    "&amp;",
    "&#x27;",
    "&#39;",
    "&#1;",
    "&#x7f;",
    "&nbsp;",
    "&lt;b&gt;",
    "<!-- c -->",
    "<?p x?>",
    "<br>",
    "<b>",
    "</b>",
    "<span>",
    '<span class="char" data-char="D"></span>',
    "<p>",
    "</p>",
    "<section>",
    "</section>",
    '<article class="brief" data-id="x">',
    "<script>x</script>",
    "\u00a0",
    "\r",
)
_RENAMES = ("p", "span", "div", "section", "em", "strong", "b", "i", "li", "a", "sup", "h2", "h3")


def _mutate(text: str, rng: random.Random) -> str:
    """One change of ``text``, of a kind picked at random, at a tag picked at random."""
    tags = list(_TAG.finditer(text))
    tag = rng.choice(tags)
    start, end = tag.span()
    closing, name, rest = tag.groups()
    kind = rng.randrange(9)
    if kind == 0 and not closing:  # add an attribute
        new = f' {rng.choice(_NAMES)}="{rng.choice(_VALUES)}"'
        at = rng.choice([m.start() for m in _ATTRIBUTE.finditer(rest)] + [len(rest)])
        return text[: start + 1 + len(name) + at] + new + text[start + 1 + len(name) + at :]
    attributes = list(_ATTRIBUTE.finditer(rest))
    offset = start + 1 + len(closing) + len(name)
    if kind == 1 and attributes:  # remove an attribute
        found = rng.choice(attributes)
        return text[: offset + found.start()] + text[offset + found.end() :]
    if kind == 2 and attributes:  # change an attribute's value
        found = rng.choice(attributes)
        value = rng.choice((*_VALUES, found.group(2) + "x", found.group(2)[1:]))
        return text[: offset + found.start(2)] + value + text[offset + found.end(2) :]
    if kind == 3 and len(attributes) > 1:  # swap two attributes
        a, b = attributes[0], attributes[1]
        return text[: offset + a.start()] + b.group() + a.group() + text[offset + b.end() :]
    if kind == 4:  # rename the element (one tag: the other stays)
        new = rng.choice(_RENAMES)
        return text[: start + 1 + len(closing)] + new + text[start + 1 + len(closing) + len(name) :]
    if kind == 5:  # insert text or markup before or after the tag
        at = rng.choice((start, end))
        return text[:at] + rng.choice(_INSERTS) + text[at:]
    if kind == 6 and not closing:  # duplicate the tag (an element opened twice)
        return text[:end] + tag.group() + text[end:]
    if kind == 7:  # remove the tag
        return text[:start] + text[end:]
    # white space inside the tag, or a text's character changed
    if rng.random() < 0.5:
        return text[: end - 1] + rng.choice((" ", "  ", "\n", "/")) + text[end - 1 :]
    at = min(end + rng.randrange(1, 8), len(text) - 1)
    return text[:at] + rng.choice(("a", " ", "&", "<", "'", '"', "\u2028")) + text[at + 1 :]


def _mutants(count: int) -> Iterator[str]:
    rng = random.Random(20261207)
    texts = [bm.dumps(b, "html", css=None) for b in _briefs()]
    texts += [bm.dumps(b, "html", fragment=True) for b in _briefs()]
    texts = [t for t in texts if "data-exact=" not in t and 'class="char"' not in t]
    for _ in range(count):
        text = rng.choice(texts)
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            text = _mutate(text, rng)
        yield text


def test_no_mutant_is_accepted_by_the_lean_path_alone() -> None:
    counts = {"mutants": 0, "accepted": 0, "doubted": 0}
    for text in _mutants(6_000):
        counts["mutants"] += 1
        try:
            accepted = _agrees(text)
        except bm.BriefmodelError:  # (not HTML the safe parser reads: the general reader's)
            accepted = False
        counts["accepted" if accepted else "doubted"] += 1
    assert counts["mutants"] == 6_000
    # Most mutants are doubted; some are what the writer writes too (an attribute set to
    # its own value, a text changed inside a text…), and go the lean way.
    assert counts["doubted"] > counts["mutants"] // 2, counts
    assert counts["accepted"] > 300, counts
