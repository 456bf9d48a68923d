"""The XHTML body written as text (ninjs) against the lxml body (NewsML-G2): the same
bytes for every brief, and the same refusal of strings XML cannot hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

import briefmodel as bm
from briefmodel.formats._safe_xml import BM, XML_ID
from briefmodel.formats._xhtml import XHTML, BodyText, BodyWriter
from briefmodel.formats._xhtml.write import _not_xml
from briefmodel.testing import briefs

from ..._profiles import examples

CREATED = datetime(2025, 1, 2, 3, 4, tzinfo=timezone.utc)
ROOT = Path(__file__).resolve().parents[3]
ON_DISK = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)
#: Characters lxml refuses in text and attribute values, each of its two kinds.
NOT_XML = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe", "\uffff"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
#: Everything libxml2 escapes somewhere, and neighbours it leaves alone.
AWKWARD = "a&b<c>d\"e'f\tg\nh\ri\r\nj]]>k&amp;l\x7fm\x85n\u2028o\U0001f600p\u200fq "
#: The same on one line, for headlines and titles.
LINE = "a&b<c>d\"e'f\tg]]>k&amp;l\x7fm\x85n\u2028o\U0001f600p\u200fq"


def lxml_body(brief: bm.Brief, *, refs: bool) -> str:
    """The body as NewsML-G2 builds it, and as ninjs wrote it before the text writer:
    the lxml tree serialised, with ``bm:ref`` set on mention spans afterwards."""
    writer = BodyWriter(brief)
    root = writer.body()
    if refs:
        by_id = {ident: ref for ref, ids in writer.mentions.items() for ident in ids}
        for span in root.iter(f"{{{XHTML}}}span"):
            span.set(f"{{{BM}}}ref", by_id[span.get(XML_ID) or ""])
    return etree.tostring(root, encoding="unicode")


def assert_same(brief: bm.Brief) -> None:
    for refs in (False, True):
        writer = BodyText(brief, refs=refs)
        assert writer.body() == lxml_body(brief, refs=refs)
        tree = BodyWriter(brief)
        tree.body()
        assert writer.mentions == tree.mentions


def awkward_brief() -> bm.Brief:
    """Every node type, empty and full, with text and attribute values holding what needs
    escaping, headings deeper than h6, and a section id that moves the mention prefix."""
    deep = bm.Section(title="level 7", blocks=[bm.Paragraph(content="deep")])
    for level in range(6, 1, -1):
        deep = bm.Section(title=f"level {level}", sections=[deep])
    rich: list[Any] = [
        AWKWARD,
        bm.Emphasis(content=[AWKWARD, bm.Strong(content="s")]),
        bm.Emphasis(content=()),
        bm.Strong(content=()),
        bm.Code(text=AWKWARD),
        bm.LineBreak(),
        bm.Link(href='https://example.org/?a=1&b=<2>"', title=AWKWARD, content=AWKWARD),
        bm.Link(href="https://example.org/", content=()),
        bm.Mention(ref="e1", content=[AWKWARD, bm.Code(text="c")]),
        bm.Mention(ref="e2", content=()),
        bm.Mention(ref="e1", content="again"),
        bm.Citation(ref="s1"),
        "tail",
    ]
    blocks = [
        bm.Paragraph(content=rich),
        bm.Paragraph(content=()),
        bm.Paragraph(content=AWKWARD),
        bm.ItemList(items=[]),
        bm.ItemList(
            ordered=True,
            items=[
                bm.ListItem(content=()),
                bm.ListItem(content=AWKWARD),
                bm.ListItem(content=rich),
                bm.ListItem(
                    content="with blocks",
                    blocks=[bm.ItemList(items=["nested"]), bm.Paragraph(content="p")],
                ),
                bm.ListItem(blocks=[bm.Paragraph(content="only a block")]),
            ],
        ),
        bm.Quote(content=AWKWARD),
        bm.Quote(content=rich, attribution=AWKWARD, source_ref="s1"),
        bm.Quote(content=(), source_ref="s1"),
        bm.Judgment(statement=AWKWARD),
        bm.Judgment(statement=rich, confidence="high", likelihood="likely", basis=["s1", "s2"]),
        bm.Figure(src='https://example.org/a.png?x=1&y="2"', alt=AWKWARD),
        bm.Figure(src="https://example.org/b.png", alt="b", caption=rich, credit=AWKWARD),
    ]
    return bm.Brief(
        id="urn:example:xhtml:awkward",
        headline=LINE,
        language="en-GB",
        created=CREATED,
        entities=[
            bm.Entity(id="e1", kind="organization", name="One"),
            bm.Entity(id="e2", kind="person", name="Two"),
        ],
        sources=[
            bm.Source(id="s1", title="Source one", url="https://example.org/1"),
            bm.Source(id="s2", title="Source two"),
        ],
        sections=[
            bm.Section(),
            bm.Section(id="mention-notes", role="context"),
            bm.Section(id="_mention-x", title="x"),
            bm.Section(id="full", role="analysis", title=LINE, blocks=blocks),
            deep,
        ],
    )


@pytest.mark.parametrize("path", ON_DISK, ids=lambda p: p.name)
def test_text_body_is_the_lxml_body_for_briefs_on_disk(path: Path) -> None:
    assert_same(bm.load(path))


def test_text_body_is_the_lxml_body_for_awkward_text_and_every_node() -> None:
    brief = awkward_brief()
    assert_same(brief)
    text = BodyText(brief, refs=True).body()
    assert 'xml:id="__mention-0"' in text  # two section ids start with the first prefixes
    for escape in ("&amp;", "&lt;", "&gt;", "&quot;", "&#9;", "&#10;", "&#13;"):
        assert escape in text  # the awkward text needed them


def test_text_body_is_the_lxml_body_without_sections() -> None:
    brief = bm.Brief(
        id="urn:example:xhtml:empty",
        headline="H",
        language="de",
        created=CREATED,
        sections=[bm.Section()],
    )
    object.__setattr__(brief, "sections", ())  # what the model refuses, written all the same
    assert_same(brief)
    assert BodyText(brief).body().endswith("<body/></html>")


@settings(max_examples=examples(100))
@given(briefs())
def test_text_body_is_the_lxml_body_for_any_brief(brief: bm.Brief) -> None:
    assert_same(brief)


def test_ninjs_carries_the_lxml_body_and_reads_it_back() -> None:
    brief = awkward_brief()
    doc = json.loads(bm.dumps(brief, "ninjs"))
    main = next(body for body in doc["bodies"] if body["role"] == "main")
    assert main["value"] == lxml_body(brief, refs=True)
    assert bm.loads(bm.dumps(brief, "ninjs"), "ninjs").sections == brief.sections


def _refusal(write: Callable[[], object]) -> ValueError:
    try:
        write()
    except ValueError as error:
        return error
    raise AssertionError("not refused")


def _with(char: str) -> list[bm.Brief]:
    """Briefs holding ``char`` in each kind of place the model lets it into."""
    base = bm.Brief(
        id="urn:example:xhtml:bad",
        headline="Headline",
        language="en",
        created=CREATED,
        sections=[bm.Section(title="Fine", blocks=[bm.Paragraph(content="fine")])],
    )

    def body(*blocks: Any) -> bm.Brief:
        return attrs.evolve(base, sections=[*base.sections, bm.Section(blocks=blocks)])

    return [
        attrs.evolve(base, headline=f"a{char}b"),
        attrs.evolve(base, sections=[bm.Section(title=f"a{char}b")]),
        body(bm.Paragraph(content=f"a{char}b")),
        body(bm.Paragraph(content=["a", bm.Strong(content="s"), f"{char}b"])),
        body(bm.Paragraph(content=bm.Mention(ref="e1", content=f"a{char}"))),
        body(bm.Paragraph(content=bm.Code(text=char))),
        body(bm.Paragraph(content=bm.Link(href=f"https://x.org/{char}", content="a"))),
        body(bm.Paragraph(content=bm.Link(href="https://x.org/", title=char, content="a"))),
        body(bm.Figure(src="https://x.org/a.png", alt=f"a{char}")),
        body(bm.Figure(src="https://x.org/a.png", alt="a", credit=char)),
        body(bm.Quote(content="q", attribution=char)),
        body(bm.ItemList(items=[f"a{char}"])),
    ]


@pytest.mark.parametrize("char", NOT_XML + SURROGATES, ids=ascii)
def test_text_body_refuses_what_lxml_refuses(char: str) -> None:
    for brief in _with(char):
        expected = _refusal(lambda: lxml_body(brief, refs=True))  # noqa: B023
        got = _refusal(lambda: BodyText(brief, refs=True).body())  # noqa: B023
        assert type(got) is type(expected)  # UnicodeEncodeError for a lone surrogate
        assert str(got) == str(expected)
        # ninjs, whose body this is, refuses it as the rule does, at its place:
        with pytest.raises(bm.ValidationError) as refused:
            bm.dumps(brief, "ninjs")
        assert {p.code for p in refused.value.problems} == {"text.not-xml-char"}


def test_a_surrogate_after_a_control_character_is_refused_as_lxml_does() -> None:
    # lxml refuses the first bad string in document order, by its first bad character
    # kind: a control character in the headline wins over a later surrogate...
    brief = attrs.evolve(_with("\ud800")[2], headline="a\x01b")
    assert type(_refusal(lambda: BodyText(brief).body())) is ValueError
    # ...and a string holding both is refused for its surrogate.
    brief = attrs.evolve(brief, headline="a\x01\ud800")
    assert type(_refusal(lambda: BodyText(brief).body())) is UnicodeEncodeError


def test_not_xml_agrees_with_lxml_on_every_bmp_character_and_plane_ends() -> None:
    element = etree.Element("a")
    chars = [chr(c) for c in range(0x10000)]
    chars += [chr(plane * 0x10000 + low) for plane in range(1, 17) for low in (0, 0xFFFE, 0xFFFF)]
    for char in chars:
        try:
            element.text = f"x{char}"
            refused = False
        except ValueError:
            refused = True
        assert _not_xml(f"x{char}y") is refused, ascii(char)
