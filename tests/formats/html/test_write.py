"""HTML writing: briefmodel's own pages round-trip, the page has its landmarks, headings
and direction, a fragment is the article alone, the stylesheet is bundled, replaced or
left out, text is escaped and links are filtered.

Validity (the Nu checker), rendering (headless Chromium), the hostile corpus and the
JSON-LD interop check are in the other test files of this directory.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

import briefmodel as bm
from briefmodel.formats import html
from briefmodel.testing import briefs

from ._support import _minimal, _tree

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLES + SHOULD_PASS, ids=lambda p: p.name)
@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_every_example_round_trips(path: Path, fragment: bool) -> None:
    brief = bm.load(path)
    page = bm.dumps(brief, "html", fragment=fragment)
    assert bm.to_dict(bm.loads(page, "html")) == bm.to_dict(brief)


@given(briefs())
def test_generated_briefs_round_trip(brief: bm.Brief) -> None:
    page = bm.dumps(brief, "html")
    assert bm.loads(page, "html") == brief


def test_a_page_has_landmarks_headings_in_order_and_direction() -> None:
    brief = bm.load(ROOT / "examples" / "water-talks-ar.json")
    root = _tree(bm.dumps(brief, "html"))
    assert root.get("lang") == brief.language
    assert root.get("dir") == "rtl"
    assert root.find("body/main/article/header/h1").text == brief.headline
    levels = [int(e.tag[1]) for e in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_fragment_is_the_article_alone() -> None:
    fragment = bm.dumps(_minimal(), "html", fragment=True)
    assert fragment.startswith('<article class="brief"')
    assert fragment.endswith("</article>")


def test_css_is_bundled_replaced_or_left_out() -> None:
    brief = _minimal()
    assert html.default_css() in bm.dumps(brief, "html")
    mine = bm.dumps(brief, "html", css="body { color: teal }")
    assert "body { color: teal }" in mine
    assert html.default_css() not in mine
    assert "<style>" not in bm.dumps(brief, "html", css=None)
    # No stylesheet can close its element early.
    sneaky = _tree(bm.dumps(brief, "html", css="</style><script>alert(1)</script>"))
    assert [s.get("type") for s in sneaky.iter("script")] == ["application/ld+json"]
    (style,) = sneaky.iter("style")
    assert "alert(1)" in style.text


def test_every_text_is_escaped() -> None:
    hostile = '<script>alert("x")</script> & "quotes" \'apostrophes\''
    brief = _minimal(
        headline=hostile,
        subheadline=hostile,
        authors=[bm.Agent(name=hostile, role=hostile)],
        sections=[bm.Section(title=hostile, blocks=[bm.Paragraph(content=hostile)])],
    )
    page = bm.dumps(brief, "html")
    assert "<script>alert" not in page
    assert bm.loads(page, "html") == brief


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \tjavascript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "jav&#x61;script:alert(1)",
    ],
)
def test_links_with_dangerous_schemes_are_text_not_links(href: str) -> None:
    brief = _minimal(
        sections=[bm.Section(blocks=[bm.Paragraph(content=bm.Link(href=href, content="click"))])]
    )
    page = bm.dumps(brief, "html")
    root = _tree(page)
    assert [a.get("href") for a in root.iter("a")] == []
    # Such a brief is invalid (validation refuses the link), but the page still holds it
    # exactly: the address as data, not as a link.
    assert html.read(page) == brief


def test_dump_and_load_pick_html_by_suffix(tmp_path: Path) -> None:
    brief = bm.load(ROOT / "examples" / "port-fees.json")
    path = tmp_path / "brief.html"
    bm.dump(brief, path)
    assert bm.load(path) == brief
    assert bm.loads(path.read_text("utf-8"), None) == brief


def test_url_schemes_may_name_one_scheme() -> None:
    """A string is one scheme's name, not a set of one-letter schemes."""
    brief = bm.Brief(
        id="urn:example:schemes:1",
        headline="Ferry timetable",
        created=datetime(2026, 9, 1, 6, tzinfo=timezone.utc),
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[
                            bm.Link(href="https://example.org/t", content="timetable"),
                            bm.Link(href="mailto:desk@example.org", content="desk"),
                        ]
                    )
                ]
            )
        ],
    )
    page = bm.dumps(brief, "html", url_schemes="https", fragment=True)
    assert '<a href="https://example.org/t">timetable</a>' in page
    assert "mailto:" not in page.replace('data-href="mailto:', "")
    assert bm.loads(page, "html") == brief
    assert html.write(brief, url_schemes="HTTPS") == html.write(brief, url_schemes=["https"])


def test_section_ids_never_collide_with_the_footer_ids() -> None:
    """A section may be called what a source or entity anchor would be: ids stay unique
    and a citation still leads to its source."""
    brief = bm.Brief(
        id="urn:example:ids:1",
        headline="Quay works",
        created=datetime(2026, 9, 1, 6, tzinfo=timezone.utc),
        sections=[
            bm.Section(
                id="source-s1", blocks=[bm.Paragraph(content=["Works.", bm.Citation(ref="s1")])]
            ),
            bm.Section(
                id="entity-e1",
                blocks=[bm.Paragraph(content=[bm.Mention(ref="e1", content="Port")])],
            ),
        ],
        sources=[bm.Source(id="s1", title="Notice")],
        entities=[bm.Entity(id="e1", kind="organization", name="Port authority")],
    )
    assert bm.validate(bm.dumps(brief)).ok
    root = etree.fromstring(bm.dumps(brief, "html"), etree.HTMLParser())
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    (citation,) = root.iter("sup")
    (target,) = root.xpath("//*[@id=$id]", id=citation.find("a").get("href")[1:])
    assert target.get("data-source-id") == "s1"
    assert bm.loads(bm.dumps(brief, "html"), "html") == brief


@pytest.mark.parametrize(
    ("content", "label"),
    [
        ([bm.Emphasis(content=" ")], "https://example.org/a"),  # shows nothing: named by href
        ([bm.LineBreak()], "https://example.org/a"),
        ([bm.Link(href="https://example.org/b")], None),  # shows the inner address
        (["x"], None),
    ],
)
def test_a_link_that_shows_no_text_is_named_by_its_address_and_only_then(
    content: list[object], label: str | None
) -> None:
    # axe-core's label-content-name-mismatch: a name set while the link shows text (here a
    # link inside it, written as its address) would hide that text from speech input.
    brief = _minimal(
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(content=bm.Link(href="https://example.org/a", content=content))
                ]
            )
        ]
    )
    (link,) = [
        a
        for a in _tree(bm.dumps(brief, "html")).iter("a")
        if a.get("href") == "https://example.org/a"
    ]
    assert link.get("aria-label") == label
