"""HTML: briefmodel's own pages round-trip, other pages are read best-effort, text is
escaped and links are filtered.

Validity (the Nu checker), rendering (headless Chromium), the hostile corpus and the
JSON-LD interop check are in the other ``test_html_*`` files.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from lxml import etree

import briefmodel as bm
from briefmodel.formats import html
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
UTC = timezone.utc


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:html:1",
        "headline": "Night buses return to the harbour line",
        "created": datetime(2026, 9, 1, 6, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Buses run every half hour.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


def _tree(page: str) -> etree._Element:
    return html.parse(page)


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


def test_json_ld_cannot_close_its_script_element() -> None:
    brief = _minimal(headline="</script><script>alert(1)</script>")
    page = bm.dumps(brief, "html")
    root = _tree(page)
    (script,) = root.iter("script")
    data = json.loads(script.text)
    assert data["headline"] == brief.headline
    assert data["@type"] == "NewsArticle"


def test_other_article_html_is_read_best_effort_with_losses() -> None:
    page = """<!DOCTYPE html><html lang="en-GB"><head><title>T</title>
    <meta property="article:published_time" content="2026-09-01T06:00:00Z">
    <script>var tracking = 1;</script></head><body><nav><a href="/">Home</a></nav>
    <article><h1>Harbour line buses   return</h1>
    <p>Buses run <b>every</b> half hour.</p>
    <h2>Routes</h2><ul><li>Quay to station</li><li>Station to hill</li></ul>
    <form><input name="q"></form>
    </article></body></html>"""
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(page, "html")
    assert {p.code for p in caught.value.problems} == {"html.dropped"}
    with pytest.warns(bm.BriefmodelWarning, match="form"):
        brief = bm.loads(page, "html", strict=False)
    assert brief.headline == "Harbour line buses return"
    assert brief.language == "en-GB"
    assert brief.created == datetime(2026, 9, 1, 6, tzinfo=UTC)
    assert [s.title for s in brief.sections] == [None, "Routes"]
    assert brief.sections[0].blocks == (
        bm.Paragraph(content=["Buses run ", bm.Strong(content="every"), " half hour."]),
    )
    assert brief.sections[1].blocks == (bm.ItemList(items=["Quay to station", "Station to hill"]),)
    assert "tracking" not in bm.dumps(brief)


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


def test_the_json_ld_description_is_the_meta_description() -> None:
    brief = bm.load(ROOT / "examples" / "port-fees.json")
    page = bm.dumps(brief, "html")
    root = etree.fromstring(page, etree.HTMLParser())
    (meta,) = root.xpath('//meta[@name="description"]/@content')
    assert html.json_ld(brief)["description"] == meta
    assert meta.strip()


# ======================================================================================
# Reading other producers' pages

THIRD_PARTY = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens | The Daily Example</title>
<link rel="canonical" href="https://news.example.org/2026/05/harbour-bridge">
<meta property="article:published_time" content="2026-05-04T08:00:00Z">
<meta property="article:modified_time" content="2026-05-04T10:30:00Z">
</head>
<body>
<nav><a href="/">Home</a></nav>
<main>
<article>
<header>
<h1>Harbour bridge reopens<script>track("h1")</script></h1>
<p class="standfirst">Repairs finished a week early.</p>
<p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>
<p><time datetime="2026-05-04T08:00:00Z">4 May 2026</time></p>
<div class="share"><p>Share</p><p>this</p></div>
</header>
<p>The bridge reopened on <em>Monday</em>.</p>
<h2>Traffic<style>h2 { color: red }</style></h2>
<p>Traffic is light.</p>
<form><input name="q"></form>
</article>
</main>
</body>
</html>
"""


def _losses(page: str) -> list[bm.Problem]:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(page, "html")
    return list(caught.value.problems)


def test_the_header_of_another_page_is_read_and_only_what_is_dropped_is_reported() -> None:
    losses = _losses(THIRD_PARTY)
    assert [(p.line, p.code) for p in losses] == [
        (15, "html.dropped"),  # the script in the h1
        (19, "html.dropped"),  # the share box in the header
        (22, "html.dropped"),  # the style in the h2
        (24, "html.dropped"),  # the form
    ]
    assert "<header>" in losses[1].message
    assert "'Share this'" in losses[1].message
    with pytest.warns(bm.BriefmodelWarning, match=r"read with 4 losses: line 15: "):
        brief = bm.loads(THIRD_PARTY, "html", strict=False)
    assert brief.id == "https://news.example.org/2026/05/harbour-bridge"
    assert brief.headline == "Harbour bridge reopens"
    assert brief.subheadline == "Repairs finished a week early."
    assert brief.authors == (bm.Agent(name="Jane Doe"),)
    assert brief.created == datetime(2026, 5, 4, 8, tzinfo=UTC)
    assert brief.updated == datetime(2026, 5, 4, 10, 30, tzinfo=UTC)
    assert [s.title for s in brief.sections] == [None, "Traffic"]
    assert not any("track" in s or "color" in s for s in _strings(brief))


def _strings(brief: bm.Brief) -> list[str]:
    return [line for line in brief.plain_text().splitlines()] + [
        str(s.title) for s in brief.sections
    ]


def test_a_header_that_is_all_read_is_no_loss() -> None:
    page = THIRD_PARTY.replace('<div class="share"><p>Share</p><p>this</p></div>', "")
    page = page.replace('<script>track("h1")</script>', "").replace(
        "<style>h2 { color: red }</style>", ""
    )
    page = page.replace('<form><input name="q"></form>', "")
    assert bm.loads(page, "html").headline == "Harbour bridge reopens"


def test_one_loss_is_one_loss() -> None:
    page = THIRD_PARTY.replace('<div class="share"><p>Share</p><p>this</p></div>', "")
    page = page.replace('<script>track("h1")</script>', "").replace(
        "<style>h2 { color: red }</style>", ""
    )
    with pytest.warns(bm.BriefmodelWarning, match=r"^read with 1 loss: line 24: the <form>"):
        bm.loads(page, "html", strict=False)


def test_lost_text_keeps_the_texts_of_blocks_apart() -> None:
    page = THIRD_PARTY.replace(
        '<form><input name="q"></form>',
        "<table><tr><td>one</td><td>two</td></tr></table><div><ul><li>three</li>"
        "<li>fo<b>ur</b></li></ul>five</div>",
    )
    messages = [p.message for p in _losses(page)]
    assert any("('one two')" in m for m in messages), messages
    page = THIRD_PARTY.replace('<form><input name="q"></form>', "<dl><dt>a</dt><dd>b</dd></dl>")
    assert any("('a b')" in p.message for p in _losses(page))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="https://e.org/a">', "https://e.org/a"),
        ('<link rel="Canonical" href=" https://e.org/a ">', "https://e.org/a"),
        ('<meta property="og:url" content="https://e.org/og">', "https://e.org/og"),
        ('<link rel="canonical" href="javascript:alert(1)">', None),
        ('<link rel="canonical" href="/relative">', None),
        ("", None),
    ],
)
def test_the_id_of_another_page_is_its_address_or_a_hash_of_its_content(
    head: str, expected: str | None
) -> None:
    def page(text: str) -> str:
        return (
            f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>Title</h1>"
            f'<time datetime="2026-05-04T08:00:00Z">4 May</time><p>{text}</p></article>'
            "</body></html>"
        )

    first, again, other = (bm.loads(page(t), "html") for t in ("Text.", "Text.", "Other."))
    if expected is not None:
        assert first.id == again.id == other.id == expected
    else:
        assert first.id.startswith("urn:briefmodel:html:sha256:")
        assert first.id == again.id != other.id


def test_a_page_without_a_date_or_headline_is_an_error_naming_what_is_missing() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads("<!DOCTYPE html><html><body><p>Only text.</p></body></html>", "html")
    assert {p.code for p in caught.value.problems} == {"schema.required"}
    assert len(caught.value.problems) == 2


# ======================================================================================
# briefmodel's own page, damaged


def _own_page(**fields: Any) -> str:
    brief = _minimal(
        keywords=["buses"],
        extensions={"x:a": 1},
        entities=[
            bm.Entity(
                id="e1", kind="person", name="Ana", aliases=["A."], identifiers={"wikidata": "Q1"}
            )
        ],
        **fields,
    )
    return bm.dumps(brief, "html", css=None)


def _line_of(page: str, text: str) -> int:
    return page[: page.index(text)].count("\n") + 1


@pytest.mark.parametrize(
    ("attribute", "broken"),
    [
        ("data-keywords", "[&quot;buses&quot;"),
        ("data-keywords", "{}"),
        ("data-extensions", "[1]"),
        ("data-extensions", "{&quot;x:a&quot;: 1"),
        ("data-aliases", "&quot;A.&quot;"),
        ("data-identifiers", "[]"),
        ("data-identifiers", "[" * 100_000),
    ],
)
def test_broken_json_in_our_own_page_is_reported_not_read_as_empty(
    attribute: str, broken: str
) -> None:
    page = re.sub(rf'{attribute}="[^"]*"', f'{attribute}="{broken}"', _own_page(), count=1)
    assert f'{attribute}="{broken}"' in page
    (problem,) = _losses(page)
    assert attribute in problem.message
    assert problem.line == _line_of(page, f'{attribute}="')
    with pytest.warns(bm.BriefmodelWarning, match=attribute):
        brief = bm.loads(page, "html", strict=False)
    (kept,) = brief.extensions["briefmodel:unknown"].items()
    assert kept[0].endswith("/@" + attribute)
    assert kept[1] == html_unescape(broken)


def html_unescape(text: str) -> str:
    import html as stdlib_html

    return stdlib_html.unescape(text)


def test_our_own_page_without_its_header_or_an_entity_name_is_an_error_not_a_crash() -> None:
    page = re.sub(r"<header>.*?</header>", "", _own_page(), count=1, flags=re.S)
    problems = _losses(page)
    assert [p.code for p in problems] == ["schema.required", "schema.required"]
    assert problems[0].line == _line_of(page, '<article class="brief"')
    page = re.sub(r'(<li id="entity[^>]*>).*?</li>', r"\1</li>", _own_page(), count=1, flags=re.S)
    (problem,) = _losses(page)
    assert problem.message.startswith("<li>: Entity.name: ")
    assert problem.line == _line_of(page, '<li id="entity')


def test_scripts_in_our_own_headings_are_never_read() -> None:
    page = _own_page(sections=[bm.Section(title="Routes", blocks=[bm.Paragraph(content="x")])])
    page = page.replace("<h1>Night", "<h1><script>evil()</script>Night")
    page = page.replace(">Routes</h2>", ">Routes<style>p{}</style></h2>")
    assert [p.message for p in _losses(page)] == [
        "the <script> in <h1> has no place in the model; strict=False drops it with a warning",
        "the <style> in <h2> has no place in the model; strict=False drops it with a warning",
    ]
    with pytest.warns(bm.BriefmodelWarning):
        brief = bm.loads(page, "html", strict=False)
    assert brief.headline == "Night buses return to the harbour line"
    assert brief.sections[0].title == "Routes"


def test_what_our_own_page_holds_beyond_the_model_is_kept_when_reading_leniently() -> None:
    page = _own_page()
    page = page.replace(
        "<header>", '<header><p class="kicker" onclick="x()">Late<script>s()</script> news</p>', 1
    )
    page = page.replace("</footer>", '<div class="extra">More <em>here</em></div></footer>', 1)
    assert len(_losses(page)) == 2
    with pytest.warns(bm.BriefmodelWarning, match="read with 2 losses"):
        brief = bm.loads(page, "html", strict=False)
    assert dict(brief.extensions["briefmodel:unknown"]) == {
        "/html/body/main/article/header/p[1]": '<p class="kicker">Late news</p>',
        "/html/body/main/article/footer/div": '<div class="extra">More <em>here</em></div>',
    }
    assert brief.extensions["x:a"] == 1
    # What is kept is written again, and read back the same.
    assert bm.loads(bm.dumps(brief, "html"), "html") == brief


# ======================================================================================
# validate() and the command line on HTML


def test_validate_reads_other_pages_leniently_and_our_own_strictly() -> None:
    report = bm.validate(THIRD_PARTY, "html")
    assert report.ok
    assert report.brief is not None
    assert [(p.severity, p.line) for p in report.problems] == [
        ("warning", 15),
        ("warning", 19),
        ("warning", 22),
        ("warning", 24),
    ]
    assert bm.validate(_own_page(), "html").problems == ()
    damaged = _own_page().replace("</footer>", "<div>More</div></footer>", 1)
    report = bm.validate(damaged, "html")
    assert not report.ok
    assert report.brief is None
    assert [(p.severity, p.code) for p in report.problems] == [("error", "html.dropped")]
    with pytest.raises(TypeError, match="xsd="):
        bm.validate(THIRD_PARTY, "html", xsd="x.xsd")


def test_the_command_line_validates_and_converts_another_page(tmp_path: Path) -> None:
    import subprocess
    import sys

    source = tmp_path / "page.html"
    source.write_text(THIRD_PARTY, encoding="utf-8")
    target = tmp_path / "brief.json"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "briefmodel", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    checked = run("validate", str(source))
    assert checked.returncode == 0, checked.stderr
    assert f"{source}:24: warning html.dropped: the <form>" in checked.stdout
    converted = run("convert", str(source), "-o", str(target))
    assert converted.returncode == 0, converted.stderr
    brief = bm.load(target)
    assert brief.headline == "Harbour bridge reopens"
    assert brief.id == "https://news.example.org/2026/05/harbour-bridge"
