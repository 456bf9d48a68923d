"""Reading other producers' pages: read best-effort, their header (headline, subheadline,
byline, dates) read and only what is dropped reported, one loss for each part dropped,
their id from their address or a hash of their content, and an error naming what is
missing."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import briefmodel as bm

from ._support import THIRD_PARTY, _losses, without_trafilatura

__all__ = ["without_trafilatura"]  # a fixture

UTC = timezone.utc


@pytest.mark.usefixtures("without_trafilatura")
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


@pytest.mark.usefixtures("without_trafilatura")
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
    with pytest.warns(bm.BriefmodelWarning, match=r"read with 5 losses: /: trafilatura is not"):
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


@pytest.mark.usefixtures("without_trafilatura")
def test_one_loss_is_one_loss() -> None:
    page = THIRD_PARTY.replace('<div class="share"><p>Share</p><p>this</p></div>', "")
    page = page.replace('<script>track("h1")</script>', "").replace(
        "<style>h2 { color: red }</style>", ""
    )
    with pytest.warns(
        bm.BriefmodelWarning, match=r"^read with 2 losses: /: .*; line 24: the <form>"
    ):
        bm.loads(page, "html", strict=False)


def test_lost_text_keeps_the_texts_of_blocks_apart() -> None:
    page = THIRD_PARTY.replace(
        '<form><input name="q"></form>',
        "<dl><dt>one</dt><dd>two</dd></dl><div><ul><li>three</li>"
        "<li>fo<b>ur</b></li></ul>five</div>",
    )
    messages = [p.message for p in _losses(page)]
    assert any("('one two')" in m for m in messages), messages
    page = THIRD_PARTY.replace('<form><input name="q"></form>', "<menu><li>a</li><li>b</li></menu>")
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


@pytest.mark.usefixtures("without_trafilatura")
def test_another_page_s_table_is_read_not_dropped() -> None:
    # As publishers write them: rows straight under <table>, a first row of <th>, a
    # spanning cell, a caption, layout white space.
    table = """<table>
      <caption>  Fares from
        May </caption>
      <tr><th>Route</th><th scope="col">Fare</th></tr>
      <tr><td>Harbour – Island</td><td>€4.20</td></tr>
      <tr><td colspan="2">Night boats <b>free</b></td></tr>
    </table>"""
    page = THIRD_PARTY.replace('<form><input name="q"></form>', table)
    with pytest.warns(bm.BriefmodelWarning, match="read with 4 losses") as seen:
        brief = bm.loads(page, "html", strict=False)
    assert "table" not in str(seen[0].message)
    (found,) = [b for s in brief.sections for b in s.blocks if type(b) is bm.Table]
    assert found == bm.Table(
        caption="Fares from May",
        body=[
            bm.TableRow(
                cells=[
                    bm.TableCell(content="Route", header="auto"),
                    bm.TableCell(content="Fare", header="col"),
                ]
            ),
            bm.TableRow(cells=["Harbour – Island", "€4.20"]),
            bm.TableRow(
                cells=[bm.TableCell(content=["Night boats ", bm.Strong(content="free")], colspan=2)]
            ),
        ],
    )
    assert bm.loads(bm.dumps(brief, "html"), "html") == brief
