"""Markdown: briefmodel's own Markdown round-trips, Markdown written by people is read,
text is escaped, the output is plain CommonMark, and bad input fails cleanly."""

from __future__ import annotations

import contextlib
import re
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.formats import markdown
from briefmodel.formats.markdown._escaping import _escape
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
PEOPLE = Path(__file__).resolve().parent
UTC = timezone.utc


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


# -- round trips --------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES + SHOULD_PASS, ids=lambda p: p.name)
def test_files_round_trip(path: Path) -> None:
    _round_trip(bm.load(path))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_generated_briefs_round_trip(brief: bm.Brief) -> None:
    _round_trip(brief)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


# -- Markdown written by people -------------------------------------------------------


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


def test_html_and_tables_are_losses_with_lines() -> None:
    path = PEOPLE / "with-html.md"
    with pytest.raises(bm.ValidationError) as caught:
        markdown.read(path.read_text("utf-8"), created=datetime(2026, 1, 1, tzinfo=UTC))
    lost = [(p.code, p.line) for p in caught.value.problems]
    assert lost == [
        ("markdown.dropped", 5),
        ("markdown.dropped", 7),
        ("markdown.dropped", 11),
        ("markdown.dropped", 11),
    ]
    with pytest.warns(bm.BriefmodelWarning, match="a table"):
        brief = markdown.read(
            path.read_text("utf-8"), strict=False, created=datetime(2026, 1, 1, tzinfo=UTC)
        )
    assert bm.plain_text(brief.sections[0].blocks[1].content) == "Spending on parks is unchanged."


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


def test_bad_front_matter_names_the_line() -> None:
    for text, line in [
        ('---\nid: "x"\nthis is not yaml\n---\n# H\n', 3),
        ('---\nid: "x"\nid: "y"\n---\n# H\n', 3),
        ('---\ncreated: "2026-01-01T00:00:00Z"\nsources: ["x"\n---\n# H\n', 3),
        ("---\nid: x\n# H\n", 1),
    ]:
        with pytest.raises(bm.ParseError) as caught:
            bm.loads(text, "markdown")
        assert caught.value.problem.line == line, text


def test_a_bad_front_matter_value_names_its_line() -> None:
    text = '---\nid: "x"\ncreated: "yesterday"\n---\n# H\n'
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "markdown")
    assert [p.line for p in caught.value.problems] == [3]


def test_unknown_front_matter_key_strict_and_lenient() -> None:
    text = '---\ncreated: "2026-01-01T00:00:00Z"\nmood: "calm"\n---\n# H\n\nText.\n'
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "markdown")
    assert caught.value.problems[0].line == 3
    with pytest.warns(bm.BriefmodelWarning):
        brief = bm.loads(text, "markdown", strict=False)
    assert brief.extensions["briefmodel:unknown"] == {"/mood": "calm"}


# -- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"# H\n\xff\xfe binary", "parse.encoding"),
        ("# H\n\nA\x00B\n", "parse.syntax"),
        ("# H\n\n" + ">" * 5000 + " deep\n", "parse.too-deep"),
        ("# H\n\n" + "".join("  " * i + "- x\n" for i in range(200)), "parse.too-deep"),
    ],
)
def test_bad_input_is_a_parse_error_naming_the_line(data: str | bytes, code: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(data, "markdown")
    assert caught.value.problem.code == code
    assert caught.value.problem.line is not None


def test_deep_images_and_brackets_do_not_hang_or_crash() -> None:
    for text in ("# H\n\n" + "![" * 3000 + "x" + "](u)" * 3000, "# H\n\n" + "[" * 50000):
        document = "---\ncreated: 2026-01-01T00:00:00Z\n---\n" + text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", bm.BriefmodelWarning)
            # either read (what cannot be held dropped) or refused: never a crash or a hang
            with contextlib.suppress(bm.BriefmodelError):
                bm.loads(document, "markdown", strict=False)


# -- files and the command line -------------------------------------------------------


def test_load_and_dump_by_suffix(tmp_path: Path) -> None:
    brief = bm.load(EXAMPLES[0])
    for name in ("brief.md", "brief.markdown"):
        bm.dump(brief, tmp_path / name)
        assert (tmp_path / name).read_text("utf-8").startswith("---\n")
        assert bm.load(tmp_path / name) == brief


def test_sniffing() -> None:
    assert markdown.sniff("---\nid: x\n---\n# H\n")
    assert markdown.sniff("# Headline\n")
    assert not markdown.sniff("<html>")
    assert not markdown.sniff('{"schema": "briefmodel/1"}')


def test_cli_converts_both_ways(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXAMPLES[0]
    md = tmp_path / "out.md"
    back = tmp_path / "back.json"
    assert main(["convert", str(source), "-o", str(md)]) == 0
    assert main(["convert", str(md), "-o", str(back)]) == 0
    assert bm.load(back) == bm.load(source)
    capsys.readouterr()


def test_escape_keeps_text_literal() -> None:
    for text in ["1. a", "- a", "# a", "> a", "  a  ", "a!", "&amp;", "\n", "x\r"]:
        written = _escape(text, start=True, end=True, block=True)
        tokens = MarkdownIt("commonmark").parse(written)
        inline = next(t for t in tokens if t.type == "inline")
        assert "".join(c.content for c in inline.children or []) == text, text
        assert re.match(r"[^ \t]", written)
