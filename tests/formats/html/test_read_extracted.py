"""Other producers' pages read leniently with trafilatura: the article found among a
site's navigation, cookie banner, teasers and advertisements, its fields from JSON-LD
(an ``@graph``), its links read against the page's address, and each repair a warning
with its code and line. The pages are written for these tests, in the way news sites
write theirs; trafilatura is run, never imitated."""

from __future__ import annotations

import sys
from datetime import datetime, timezone

import pytest

import briefmodel as bm
from briefmodel.formats import UNDATED

from ._support import without_trafilatura

__all__ = ["without_trafilatura"]  # a fixture

pytest.importorskip("trafilatura")

UTC = timezone.utc

NEWS_SITE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<title>Night ferries return to the island | The Harbour Gazette</title>
<base href="https://gazette.example.net/news/">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Harbour Gazette", "url": "https://gazette.example.net/"},
  {"@type": "NewsArticle", "headline": "Night ferries return to the island",
   "datePublished": "2026-04-02T21:15:00+01:00", "dateModified": "2026-04-03 08:00",
   "author": [{"@type": "Person", "name": "Mira Quell"}, "Tomas Brandt"],
   "keywords": "ferries, island, night",
   "publisher": {"@type": "Organization", "name": "The Harbour Gazette"},
   "url": "https://gazette.example.net/news/night-ferries"}]}
</script>
</head>
<body>
<div class="cookie-banner"><p>We use cookies to count our readers.</p><button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main class="ad-slot"><div class="advert">Advertisement</div>
<article class="teaser"><h2><a href="/other">Bakery opens on Quay Street</a></h2></article>
<article class="story">
<h1>Night ferries return to the island</h1>
<p>The late ferry to the island runs again from Friday, after a winter in which the last
boat left the harbour before seven in the evening and commuters stayed in town.</p>
<p>The operator said the crossing would leave at half past ten, and that the
<a href="timetable" title="">new timetable</a> is posted at the
<a href="#map">pier</a> and on <a href="javascript:open()">its noticeboard</a>.</p>
<h2>What changes for riders</h2>
<p>Riders on the late boat pay the day fare, the council confirmed on Thursday, and the
<strong>monthly pass</strong> is valid on every crossing from the spring onwards.</p>
<ul><li>The last boat leaves at half past ten</li><li>Bicycles travel free after nine</li></ul>
<table><tr><th>Crossing</th><th>Leaves</th></tr><tr><td>Late</td><td>22:30</td></tr></table>
<blockquote><p>We have waited all winter for this boat, said a nurse who works
nights.</p></blockquote>
</article>
</main>
<footer><p>Copyright The Harbour Gazette</p></footer>
</body>
</html>
"""


def _read(page: str, **options: object) -> tuple[bm.Brief, list[bm.Problem]]:
    report = bm.validate(page, "html")
    assert report.ok, report.problems
    with pytest.warns(bm.BriefmodelWarning):
        brief = bm.loads(page, "html", strict=False, **options)
    assert report.brief == brief or options
    return brief, list(report.problems)


def _line(page: str, text: str) -> int:
    return page[: page.index(text)].count("\n") + 1


def test_the_article_is_found_among_a_site_s_furniture() -> None:
    brief, _ = _read(NEWS_SITE)
    words = brief.plain_text()
    assert "The late ferry to the island runs again" in words
    for furniture in ("cookies", "Sport", "Advertisement", "Bakery", "Copyright"):
        assert furniture not in words
    assert [s.title for s in brief.sections] == [None, "What changes for riders"]
    first, second = brief.sections
    assert [type(b) for b in second.blocks] == [bm.Paragraph, bm.ItemList, bm.Table, bm.Quote]
    assert first.blocks[0] == bm.Paragraph(
        content="The late ferry to the island runs again from Friday, after a winter in which "
        "the last boat left the harbour before seven in the evening and commuters stayed in town."
    )
    assert second.blocks[1] == bm.ItemList(
        items=["The last boat leaves at half past ten", "Bicycles travel free after nine"]
    )
    assert second.blocks[2] == bm.Table(
        head=[
            bm.TableRow(
                cells=[
                    bm.TableCell(content="Crossing", header="auto"),
                    bm.TableCell(content="Leaves", header="auto"),
                ]
            )
        ],
        body=[bm.TableRow(cells=["Late", "22:30"])],
    )
    assert bm.Strong(content="monthly pass") in second.blocks[0].content


def test_json_ld_in_a_graph_gives_the_fields() -> None:
    brief, problems = _read(NEWS_SITE)
    assert brief.id == "https://gazette.example.net/news/night-ferries"
    assert brief.headline == "Night ferries return to the island"
    assert brief.language == "en-GB"
    assert brief.created == datetime(2026, 4, 2, 20, 15, tzinfo=UTC)
    assert brief.updated == datetime(2026, 4, 3, 8, tzinfo=UTC)
    assert [a.name for a in brief.authors] == ["Mira Quell", "Tomas Brandt"]
    assert brief.publisher == bm.Agent(name="The Harbour Gazette")
    assert brief.keywords == ("ferries", "island", "night")
    script = _line(NEWS_SITE, '<script type="application/ld+json">')
    assert ("repair.date-naive", script) in [(p.code, p.line) for p in problems]


def test_links_are_read_against_the_page_s_base_and_repaired_with_warnings() -> None:
    brief, problems = _read(NEWS_SITE)
    paragraph = brief.sections[0].blocks[1]
    assert isinstance(paragraph, bm.Paragraph)
    links = [n for n in paragraph.content if isinstance(n, bm.Link)]
    assert links == [
        bm.Link(href="https://gazette.example.net/news/timetable", content="new timetable")
    ]
    text = bm.plain_text(paragraph.content)
    assert "at the pier and on its noticeboard." in " ".join(text.split())
    line = _line(NEWS_SITE, 'href="timetable"')
    repairs = [(p.code, p.line) for p in problems if p.code.startswith("repair.link")]
    assert repairs == [
        ("repair.link-resolved", line),
        ("repair.link-unlinked", line + 1),  # into the page itself (#map)
        ("repair.link-unlinked", line + 1),  # javascript:
    ]
    messages = [p.message for p in problems if p.code == "repair.link-unlinked"]
    assert "points into the page itself" in messages[0]
    assert "cannot be a link in a brief" in messages[1]
    assert ("repair.empty-title", line) in [(p.code, p.line) for p in problems]
    assert all(p.severity == "warning" for p in problems)


def test_a_canonical_link_is_the_base_without_a_base_element() -> None:
    page = NEWS_SITE.replace(
        '<base href="https://gazette.example.net/news/">',
        '<link rel="canonical" href="https://gazette.example.net/2026/04/ferries">',
    )
    brief, _ = _read(page)
    links = [n for _, n in brief.walk() if isinstance(n, bm.Link)]
    assert [link.href for link in links] == ["https://gazette.example.net/2026/04/timetable"]


def test_a_relative_link_without_any_page_address_is_its_text() -> None:
    page = NEWS_SITE.replace('<base href="https://gazette.example.net/news/">', "").replace(
        '"url": "https://gazette.example.net/news/night-ferries"', '"url": "night-ferries"'
    )
    brief, problems = _read(page)
    assert not [n for _, n in brief.walk() if isinstance(n, bm.Link)]
    assert any("has no page address" in p.message for p in problems)
    assert brief.id.startswith("urn:briefmodel:html:sha256:")


def test_a_title_loses_the_site_s_name_and_a_page_without_a_date_takes_created() -> None:
    page = """<!DOCTYPE html><html lang="en"><head>
<title>Library extends its opening hours — Northside Weekly</title>
<meta property="og:site_name" content="Northside Weekly">
</head><body><nav><a href="/">Front page</a></nav>
<div><p>The public library on the square will open until nine on weekdays from next
month, the trustees decided at their meeting, after a year of requests from students.</p>
<p>Saturday hours stay as they are, and the reading room keeps its quiet corner for those
who come to work rather than to borrow.</p></div></body></html>"""
    when = datetime(2026, 6, 1, 12, tzinfo=UTC)
    with pytest.warns(bm.BriefmodelWarning) as seen:
        brief = bm.loads(page, "html", strict=False, created=when, id="urn:example:library")
    assert len(seen) == 1
    assert brief.headline == "Library extends its opening hours"
    assert brief.created == when
    assert brief.id == "urn:example:library"
    assert brief.publisher == bm.Agent(name="Northside Weekly")
    assert "words are not read" in str(seen[0].message)
    report = bm.validate(page, "html")
    assert ("repair.undated", 1) in [(p.code, p.line) for p in report.problems]
    assert report.brief is not None
    assert report.brief.created == UNDATED
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "trafilatura", None)  # the <title> read by briefmodel
        report = bm.validate(page, "html")
    assert report.brief is not None
    assert report.brief.headline == "Library extends its opening hours"
    assert ("repair.title-site", 2) in [(p.code, p.line) for p in report.problems]


def test_a_date_only_meta_tag_is_a_repair_at_its_line() -> None:
    page = NEWS_SITE.replace('"datePublished": "2026-04-02T21:15:00+01:00", ', "").replace(
        "<title>", '<meta property="article:published_time" content="2 April 2026">\n<title>'
    )
    brief, problems = _read(page)
    assert brief.created == datetime(2026, 4, 2, tzinfo=UTC)
    assert ("repair.date-only", 4) in [(p.code, p.line) for p in problems]


def test_loads_passes_the_fallbacks_on_and_refuses_a_bad_one() -> None:
    with pytest.raises(bm.OptionError, match=r"^created: "):
        bm.loads(NEWS_SITE, "html", strict=False, created="yesterday")
    with pytest.raises(bm.OptionError, match=r"^id: "):
        bm.loads(NEWS_SITE, "html", strict=False, id=1)


def test_reading_strictly_is_as_it_was() -> None:
    # by the page's elements: its first <article> (a teaser), no JSON-LD, so no date
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(NEWS_SITE, "html")
    assert [p.code for p in caught.value.problems] == ["schema.required"]
    assert "created= gives one" in caught.value.problems[0].message


@pytest.mark.usefixtures("without_trafilatura")
def test_without_trafilatura_the_elements_are_read_with_one_warning() -> None:
    report = bm.validate(NEWS_SITE, "html")
    missing = [p for p in report.problems if p.code == "html.extractor-missing"]
    assert len(missing) == 1
    assert "briefmodel[web]" in missing[0].message
    assert report.brief is not None
    # the first <article> is a teaser: without trafilatura that is what is read
    assert report.brief.headline == "Night ferries return to the island"
    assert "Bakery" in report.brief.plain_text()


@pytest.mark.usefixtures("without_trafilatura")
def test_without_trafilatura_a_relative_image_is_read_against_the_page_s_address() -> None:
    page = """<!DOCTYPE html><html lang="en"><head>
<link rel="canonical" href="https://gazette.example.net/news/boats">
</head><body><article><h1>Boats</h1><time datetime="2026-04-02T10:00:00Z">2 April</time>
<figure><img src="../img/boat.jpg" alt="The late boat at the pier"></figure>
<p>The <a href="/boats/late">late boat</a> waits.</p></article></body></html>"""
    report = bm.validate(page, "html")
    assert report.brief is not None
    figure = report.brief.sections[0].blocks[0]
    assert figure == bm.Figure(
        src="https://gazette.example.net/img/boat.jpg", alt="The late boat at the pier"
    )
    assert [(p.code, p.line) for p in report.problems] == [
        ("html.extractor-missing", None),
        ("repair.link-resolved", 4),
        ("repair.link-resolved", 5),
    ]


def test_a_page_too_large_for_trafilatura_is_read_by_its_elements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefmodel.formats.html import read_extracted

    monkeypatch.setattr(read_extracted, "MOST_ELEMENTS", 20)
    report = bm.validate(NEWS_SITE, "html")
    (skipped,) = [p for p in report.problems if p.code == "html.extractor-failed"]
    assert "more than 20 elements" in skipped.message
    assert report.brief is not None
    assert "Bakery" in report.brief.plain_text()  # the first <article>, a teaser


def test_a_description_that_only_begins_the_text_is_no_subheadline() -> None:
    page = NEWS_SITE.replace(
        '"keywords":',
        '"description": "The late ferry to the island runs again from Friday, after a…",'
        ' "keywords":',
    )
    page = page.replace("return to the island | The Harbour Gazette", "| Gazette | 2026")
    brief, _ = _read(page)
    assert brief.subheadline is None
    assert brief.headline == "Night ferries return to the island"  # JSON-LD's


def test_a_date_that_says_its_instant_is_taken_over_one_of_the_same_day_that_does_not() -> None:
    page = NEWS_SITE.replace('"datePublished": "2026-04-02T21:15:00+01:00", ', "").replace(
        "<title>",
        '<meta name="date" content="2026-04-02">\n'
        '<meta name="pubdate" content="2026-04-02T18:40:00-04:00">\n<title>',
    )
    brief, problems = _read(page)
    assert brief.created == datetime(2026, 4, 2, 22, 40, tzinfo=UTC)
    assert "repair.date-only" not in {p.code for p in problems}


def test_a_date_written_out_in_a_byline_is_the_last_place_looked() -> None:
    heading = "<h1>Night ferries return to the island</h1>"
    byline = '<div class="by_line_date">by Ann Reporter | April 03, 2026 07:45pm ET</div>'
    page = NEWS_SITE.replace('"datePublished": "2026-04-02T21:15:00+01:00", ', "")
    page = page.replace(heading, f"{heading}\n{byline}")
    brief, _ = _read(page)
    assert brief.created == datetime(2026, 4, 3, 23, 45, tzinfo=UTC)  # 7:45 pm in New York
