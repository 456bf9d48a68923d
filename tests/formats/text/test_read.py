"""The plain-text reader: the seed's layout and the texts in tests/formats/texts read into
briefs, page furniture, what text does not carry, sniffing, and text that is not usable."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest

import briefmodel as bm
from briefmodel.formats import detect, text

from ._support import EXAMPLES, TEXTS, structure

# --------------------------------------------------------------------------------------
# The seed and the texts in tests/formats/texts


def test_the_seed_reads_into_its_structure(seed: Path) -> None:
    brief = bm.loads(seed.read_text("utf-8"), "text")  # strictly, without a warning
    assert brief.headline == "Trump Signals Reinforced U.S.–Japan Alignment"
    assert [s.title for s in brief.sections] == [
        "Flash Points",
        "Inside the Room",
        "Signal Value",
        "Downstream Power Effects",
        "Implications",
    ]
    assert [s.role for s in brief.sections] == [
        "key-points",
        None,
        "analysis",
        None,
        "implications",
    ]
    assert len(brief.key_points) == 3
    assert bm.plain_text(brief.key_points[0].content).startswith("Tokyo session projected")
    flash = brief.sections[0].blocks
    assert [type(b) for b in flash] == [bm.ItemList]
    assert not flash[0].ordered
    lead, numbered = brief.sections[3].blocks
    assert type(lead) is bm.Paragraph
    assert bm.plain_text(lead.content).endswith("directions:")
    assert type(numbered) is bm.ItemList
    assert numbered.ordered
    assert len(numbered.items) == 3
    # The sentence after the third item stays with it.
    assert bm.plain_text(numbered.items[2].content).endswith("without a headline fight.")
    for section in brief.sections[1:3] + brief.sections[4:]:
        assert [type(b) for b in section.blocks] == [bm.Paragraph]
    report = bm.validate(brief)
    assert report.ok
    assert not report.problems


def test_the_seed_validates_with_the_furniture_reported(seed: Path) -> None:
    report = bm.validate(seed)
    assert report.ok
    assert [(p.code, p.line) for p in report.warnings] == [
        ("text.dropped", 28),
        ("text.dropped", 30),
        ("text.dropped", 32),
    ]
    assert "'Related Articles'" in report.warnings[1].message


def test_the_seed_reads_back_from_what_is_written(seed: Path) -> None:
    brief = bm.loads(seed.read_text("utf-8"), "text")
    written = bm.dumps(brief, "text")
    assert "\n(1) It gives" in written
    assert "\n  • Tokyo session" in written
    assert bm.loads(written, "text") == brief


FIXTURES = sorted(TEXTS.glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_texts_read_into_their_expected_structure(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    with pytest.warns(bm.BriefmodelWarning, match="page furniture"):
        brief = bm.loads(path.read_text("utf-8"), "text", strict=False)
    assert structure(brief) == expected
    assert bm.validate(brief).ok


def test_texts_cover_the_layouts_they_are_meant_to() -> None:
    assert len(FIXTURES) >= 3
    seen = {p.stem: structure(bm.load(p)) for p in FIXTURES if "grain" not in p.stem}
    nested = seen["transit-strike"]["sections"][1]["blocks"][0]["items"][0]
    assert nested["blocks"][0]["items"] == [
        "Split shifts now make up a third of rosters",
        "The union asks for a cap of one in five",
    ]
    # "(1) … (2) … (3)" as paragraphs of their own is one list, after its lead-in.
    kinds = [b["type"] for b in seen["harbour-dredging"]["sections"][2]["blocks"]]
    assert kinds == ["paragraph", "item-list", "paragraph"]


def test_furniture_with_lines_is_an_error_when_strict() -> None:
    path = TEXTS / "grain-corridor.txt"
    with pytest.raises(bm.ValidationError) as caught:
        bm.load(path)
    assert [(p.code, p.severity, p.line) for p in caught.value.problems] == [
        ("text.dropped", "error", 25),
        ("text.dropped", "error", 27),
    ]
    assert "strict=False" in str(caught.value)


@pytest.mark.parametrize(
    ("after", "said"),
    [("", "the block under"), ("A paragraph after the list.\n", "the 2 blocks under")],
)
def test_furniture_counts_its_blocks_in_words(after: str, said: str) -> None:
    source = "Rail Fares Freeze\n\nThe freeze holds.\n\nRelated Articles\n\n  • one\n  • two\n\n"
    report = bm.validate(source + after, "text")
    expected = f"{said} 'Related Articles' in the page furniture"
    assert [p.message for p in report.warnings] == [expected]


def test_furniture_in_the_middle_is_a_section() -> None:
    source = (
        "Rail Fares Freeze\n\nSources\n\nTwo ministers confirmed the freeze.\n\nOutlook\n\n"
        "The freeze is reviewed in a year, once parliament has passed the next budget.\n"
    )
    brief = bm.loads(source, "text")
    assert [(s.title, s.role) for s in brief.sections] == [
        ("Sources", None),
        ("Outlook", "outlook"),
    ]


# --------------------------------------------------------------------------------------
# Metadata text does not carry


def test_the_default_id_is_a_hash_of_the_words(seed: Path) -> None:
    source = seed.read_text("utf-8")
    brief = bm.loads(source, "text")
    assert brief.id.startswith(text.HASHED_ID_PREFIX)
    assert brief.created == text.UNDATED
    assert brief.language == "en"
    rewrapped = source.replace("Rather than headline", "Rather than\nheadline")
    assert bm.loads(rewrapped, "text").id == brief.id
    changed = source.replace("low-drama", "calm")
    assert bm.loads(changed, "text").id != brief.id


def test_options_fill_what_text_does_not_carry(seed: Path) -> None:
    when = datetime(2026, 5, 1, 7, tzinfo=timezone(timedelta(hours=2)))
    brief = text.read(seed.read_bytes(), id="urn:example:tokyo", created=when, language="en-GB")
    assert (brief.id, brief.created, brief.language) == ("urn:example:tokyo", when, "en-GB")
    custom = text.read(seed.read_bytes(), roles={"inside the room": "context"})
    assert [s.role for s in custom.sections][:2] == [None, "context"]


# --------------------------------------------------------------------------------------
# Detection


def test_sniffing_is_conservative() -> None:
    assert text.sniff(bm.dumps(bm.load(EXAMPLES[-1]), "text"))
    for other in ("json", "html", "newsml"):
        assert not text.sniff(bm.dumps(bm.load(EXAMPLES[0]), other))
    assert not text.sniff("Just a sentence.\n\nAnd another one.\n")
    assert not text.sniff("Title\n\nSection\n\nA paragraph without any list.\n")


def test_the_seed_is_sniffed_as_text(seed: Path) -> None:
    assert text.sniff(seed.read_text("utf-8"))
    assert detect(None, seed.read_bytes()).name == "text"


# --------------------------------------------------------------------------------------
# Text that is not usable


@pytest.mark.parametrize(
    ("data", "line", "code"),
    [
        ("", 1, "parse.not-text"),
        ("  \n\t\n\n", 1, "parse.not-text"),
        ("Headline\n\nSome\x00binary\n", 3, "parse.not-text"),
        ("Headline\n\n\x07bell\n", 3, "parse.not-text"),
        (b"Headline\n\n\xff\xfe text", 3, "parse.encoding"),
        ("Headline\n" + "x" * (text.MAX_LINE + 1), 2, "parse.not-text"),
    ],
)
def test_unusable_text_is_a_parse_error(data: str | bytes, line: int, code: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(data, "text")
    assert (caught.value.problem.code, caught.value.problem.line) == (code, line)
    assert code in bm.rules.CODES


def test_a_headline_alone_is_a_brief_with_an_empty_section() -> None:
    brief = bm.loads("Harbour Closed\n", "text")
    assert brief.sections == (bm.Section(),)
    assert [p.code for p in bm.validate(brief).warnings] == ["section.empty"]


def test_read_does_not_change_what_it_is_given(seed: Path) -> None:
    brief = bm.loads(seed.read_text("utf-8"), "text")
    assert attrs.evolve(brief) == brief
