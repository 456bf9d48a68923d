"""The writer: briefmodel's own Markdown round-trips (every file, generated briefs,
every node type and idiom), text is escaped and the output is plain CommonMark."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

import briefmodel as bm
from briefmodel.testing import briefs

from ..._profiles import examples
from ._support import EXAMPLES, ROOT, UTC

SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:md:1",
        "headline": "Night buses return to the harbour line",
        "created": datetime(2026, 9, 1, 6, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Buses run every half hour.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


def _round_trip(brief: bm.Brief) -> str:
    text = bm.dumps(brief, "markdown")
    assert bm.loads(text, "markdown") == brief
    assert bm.dumps(brief, "markdown") == text  # deterministic
    return text


@pytest.mark.parametrize("path", EXAMPLES + SHOULD_PASS, ids=lambda p: p.name)
def test_files_round_trip(path: Path) -> None:
    _round_trip(bm.load(path))


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_generated_briefs_round_trip(brief: bm.Brief) -> None:
    _round_trip(brief)


@settings(max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_output_has_no_raw_html(brief: bm.Brief) -> None:
    """Every ``<`` of the brief's text is escaped: CommonMark finds no HTML in the output."""
    tokens = MarkdownIt("commonmark").parse(bm.dumps(brief, "markdown"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert "html_block" not in kinds
    assert "html_inline" not in kinds


def test_markup_characters_stay_text() -> None:
    nasty = "# *not* _em_ [link](x) <b>&amp; `code` \\ 1. - > {#id}"
    brief = _minimal(
        headline=nasty,
        sections=[
            bm.Section(
                title=nasty,
                blocks=[bm.Paragraph(content=nasty), bm.ItemList(items=[nasty, "  lead"])],
            )
        ],
    )
    text = _round_trip(brief)
    html = MarkdownIt("commonmark").render(text.split("---\n", 2)[2])
    assert "<em>" not in html
    assert "<b>" not in html
    assert "<code>" not in html
    assert html.count("<h1>") == 1
    assert html.count("<h2>") == 1


def test_every_node_type_and_idiom() -> None:
    brief = _minimal(
        subheadline="A dek",
        entities=[bm.Entity(id="p1", kind="person", name="Port Director")],
        sources=[
            bm.Source(id="s1", title="Notice", url="https://example.org/n"),
            bm.Source(id="S1", title="Other notice"),
        ],
        sections=[
            bm.Section(
                id="key",
                title="Key Points",
                role="key-points",
                blocks=[
                    bm.ItemList(items=["one", bm.ListItem(blocks=[bm.Paragraph(content="x")])]),
                    bm.ItemList(items=["two"]),
                    bm.ItemList(items=[], ordered=True),
                    bm.Paragraph(content=()),
                    bm.Quote(content="Said.", attribution="Chair", source_ref="s1"),
                    bm.Quote(content=(), source_ref="S1"),
                    bm.Judgment(
                        statement=["Likely ", bm.Citation(ref="s1"), bm.Citation(ref="S1")],
                        confidence="high",
                        likelihood="likely",
                        basis=["s1", "S1"],
                    ),
                    bm.Figure(
                        src="https://example.org/a b.png",
                        alt="A chart",
                        caption=["Source: ", bm.Strong(content="port")],
                        credit="Desk",
                    ),
                    bm.Paragraph(
                        content=[
                            bm.Mention(ref="p1", content="the director"),
                            bm.Link(
                                href="https://example.org/(x)",
                                title='say "hi"',
                                content=["in ", bm.Link(href="https://example.org/i")],
                            ),
                            bm.Code(text="a\nb"),
                            bm.Code(text="`"),
                            bm.Emphasis(content=bm.Emphasis(content="double")),
                            bm.LineBreak(),
                            "end",
                            bm.LineBreak(),
                        ]
                    ),
                ],
                sections=[
                    bm.Section(
                        sections=[
                            bm.Section(
                                sections=[
                                    bm.Section(
                                        sections=[
                                            bm.Section(
                                                sections=[bm.Section(title="Deep", blocks=[])]
                                            )
                                        ]
                                    )
                                ]
                            )
                        ]
                    )
                ],
            )
        ],
    )
    text = _round_trip(brief)
    assert "## Key Points {#key .key-points}" in text
    assert "[^1]: #source:s1" in text
    assert "> [!JUDGMENT] {confidence=high likelihood=likely basis=s1,S1}" in text
    assert "###### Deep {level=7}" in text
    assert "*A dek*" in text


def test_subheadline_that_emphasis_cannot_hold_goes_to_the_front_matter() -> None:
    brief = _minimal(subheadline="*")
    text = _round_trip(brief)
    assert 'subheadline: "*"' in text or "*\\**" in text
