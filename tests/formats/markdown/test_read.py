"""The reader: Markdown written by people is read (headline, sections, defaults for
missing metadata), what the model cannot hold is a loss with its line, and sniffing."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.formats import markdown

from ._support import UTC

PEOPLE = Path(__file__).resolve().parent


def test_people_markdown_is_read() -> None:
    brief = bm.load(PEOPLE / "harbour-notes.md")
    assert brief.headline == "Harbour Pilots Agree New Fee Schedule"
    assert (
        brief.subheadline
        == "Smaller vessels pay less from April; large carriers want the same deal."
    )
    assert brief.created == datetime(2026, 3, 2, tzinfo=UTC)
    assert [a.name for a in brief.authors] == ["Dana Reyes"]
    assert brief.keywords == ("ports", "shipping")
    assert brief.id.startswith("urn:briefmodel:markdown:sha256:")
    titles = [s.title for s in brief.all_sections()]
    assert titles == [None, "Flash Points", "Analysis", "Outlook"]
    intro = brief.sections[0].blocks[0]
    assert isinstance(intro, bm.Paragraph)
    assert bm.Strong(content="three weeks") in intro.content
    assert "late on Sunday" in bm.plain_text(intro.content)  # a soft break is a space
    points = brief.sections[1].blocks[0]
    assert isinstance(points, bm.ItemList)
    assert len(points.items) == 3
    nested = points.items[2].blocks[0]
    assert isinstance(nested, bm.ItemList)
    assert nested.ordered
    quote = brief.sections[2].blocks[0]
    assert isinstance(quote, bm.Quote)
    assert quote.attribution == "Pilots' association chair"
    links = [n for _, n in brief.walk() if isinstance(n, bm.Link)]
    assert links[0].title == "Notice of 1 March"
    assert links[1] == bm.Link(href="https://example.org/fees")
    figure = brief.sections[2].sections[0].blocks[1]
    assert isinstance(figure, bm.Figure)
    assert figure.alt.startswith("Pilot boat")


def test_the_hashed_id_follows_the_text() -> None:
    text = "---\ncreated: 2026-01-01T00:00:00Z\n---\n# Hello\n\nWorld.\n"
    assert bm.loads(text, "markdown").id == bm.loads(text, "markdown").id
    other = bm.loads(text.replace("World", "Earth"), "markdown")
    assert other.id != bm.loads(text, "markdown").id


def test_html_is_a_loss_with_its_line_and_a_pipe_table_is_a_table() -> None:
    path = PEOPLE / "with-html.md"
    with pytest.raises(bm.ValidationError) as caught:
        markdown.read(path.read_text("utf-8"), created=datetime(2026, 1, 1, tzinfo=UTC))
    lost = [(p.code, p.line) for p in caught.value.problems]
    assert lost == [("markdown.dropped", 5), ("markdown.dropped", 11), ("markdown.dropped", 11)]
    with pytest.warns(bm.BriefmodelWarning, match="HTML"):
        brief = markdown.read(
            path.read_text("utf-8"), strict=False, created=datetime(2026, 1, 1, tzinfo=UTC)
        )
    table = brief.sections[0].blocks[1]
    assert table == bm.Table(
        head=[
            bm.TableRow(cells=[bm.TableCell(content=h, header="col") for h in ("Item", "Change")])
        ],
        body=[bm.TableRow(cells=["Roads", "+4%"])],
    )
    assert bm.plain_text(brief.sections[0].blocks[2].content) == "Spending on parks is unchanged."


def test_missing_created_is_the_given_date_or_the_documented_default() -> None:
    """As for plain text: the same document always gives the same brief."""
    from briefmodel.formats import UNDATED

    text = "# Hello\n\nWorld.\n"
    assert bm.loads(text, "markdown").created == UNDATED
    assert bm.loads(text, "markdown") == bm.loads(text, "markdown", strict=False)
    given = datetime(2026, 5, 1, 9, tzinfo=timezone.utc)
    assert bm.loads(text, "markdown", created=given).created == given
    dated = "---\ncreated: 2026-01-01T00:00:00Z\n---\n" + text
    assert bm.loads(dated, "markdown", created=given).created.year == 2026
    assert bm.loads(dated, "markdown", created=given).created != given


def test_missing_headline_is_an_error() -> None:
    with pytest.raises(bm.ValidationError, match="no headline"):
        bm.loads("---\ncreated: 2026-01-01T00:00:00Z\n---\nJust text.\n", "markdown")


def test_sniffing() -> None:
    assert markdown.sniff("---\nid: x\n---\n# H\n")
    assert markdown.sniff("# Headline\n")
    assert not markdown.sniff("<html>")
    assert not markdown.sniff('{"schema": "briefmodel/2"}')


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize("created", ["2026-01-01", 5, datetime(2026, 1, 1)])
def test_a_created_option_that_is_not_an_aware_datetime_is_a_type_error(
    fmt: str, created: object
) -> None:
    # The Markdown reader called .isoformat() on it: AttributeError for a str or an int.
    with pytest.raises(
        bm.OptionError, match=r"created: expected (None or )?a datetime with a time zone"
    ):
        bm.loads("A headline\n\nA paragraph.\n", format=fmt, created=created)


def test_a_bad_level_says_which_levels_there_are() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads("# Head\n\n## Deep {level=5}\n\nText.\n", "markdown")
    assert caught.value.problems[0].message == (
        "'level=5': expected a level from 7 to 999 (levels 1 to 6 are written as # to ######)"
    )


def test_bytes_that_are_not_utf8_are_named_with_their_offset() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(b"# Head\n\nCaf\xe9\n", "markdown")
    assert caught.value.problem.message == "the document is not UTF-8 (byte 0xe9 at offset 11)"


def test_an_undated_brief_s_own_front_matter_reads_back_exactly() -> None:
    brief = bm.Brief(
        id="urn:example:undated",
        headline="Tide tables",
        created=None,
        keywords=["tide", "tide"],
        sections=[bm.Section(blocks=[bm.Paragraph(content="High water at six.")])],
    )
    written = bm.dumps(brief, "markdown")
    assert "created" not in written
    assert bm.loads(written, "markdown") == brief
