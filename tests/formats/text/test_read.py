"""The plain-text format: the seed's layout read into a brief, and briefs written in it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.formats import detect, text
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT.parent / "shared" / "seeds" / "tokyo-alignment.txt"
TEXTS = Path(__file__).resolve().parents[1] / "texts"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
WHEN = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def make(*sections: bm.Section, **fields: Any) -> bm.Brief:
    return bm.Brief(
        id=fields.pop("id", "urn:example:text"),
        headline=fields.pop("headline", "Ferry Fares Rise in Spring"),
        created=fields.pop("created", WHEN),
        sections=list(sections) or [bm.Section(blocks=[bm.Paragraph(content="Fares rise.")])],
        **fields,
    )


def structure(brief: bm.Brief) -> dict[str, Any]:
    data = bm.to_dict(brief)
    return {k: data[k] for k in ("headline", "subheadline", "sections") if k in data}


# --------------------------------------------------------------------------------------
# What text holds: the projection a brief goes through when written and read back


def _words(value: str) -> str:
    return " ".join(value.split())


def _block_text(block: Any) -> str:
    if type(block) is bm.Quote:
        said = _words(bm.plain_text(block.content))
        who = _words(block.attribution or "")
        return _words(f"{said} — {who}") if who else said
    if type(block) is bm.Judgment:
        return _words(bm.plain_text(block.statement))
    if type(block) is bm.Figure:
        return _words(bm.plain_text(block.caption)) or _words(block.alt)
    return _words(bm.plain_text(block.content))


def _merge_lists(blocks: list[Any]) -> list[Any]:
    """Adjacent bulleted lists read back as one list."""
    merged: list[Any] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if (
            type(block) is bm.ItemList
            and type(last) is bm.ItemList
            and not block.ordered
            and not last.ordered
        ):
            merged[-1] = bm.ItemList(items=[*last.items, *block.items])
        else:
            merged.append(block)
    return merged


def _project_list(block: bm.ItemList) -> bm.ItemList:
    items = []
    for item in block.items:
        words = [bm.plain_text(item.content)]
        words += [_block_text(b) for b in item.blocks if type(b) is not bm.ItemList]
        inner = [_project_list(b) for b in item.blocks if type(b) is bm.ItemList and b.items]
        items.append(bm.ListItem(content=_words(" ".join(words)), blocks=_merge_lists(inner)))
    return bm.ItemList(ordered=block.ordered, items=items)


def _project_blocks(blocks: tuple[Any, ...]) -> list[Any]:
    kept: list[Any] = []
    for block in blocks:
        if type(block) is bm.ItemList:
            if block.items:
                kept.append(_project_list(block))
        elif _block_text(block):
            kept.append(bm.Paragraph(content=_block_text(block)))
    return kept


def project(brief: bm.Brief) -> bm.Brief:
    """What of ``brief`` plain text holds (with the id, date and language given back)."""
    sections: list[tuple[str | None, list[Any]]] = []
    for section in brief.all_sections():
        title = _words(section.title or "") or None
        blocks = _project_blocks(section.blocks)
        if title is not None:
            sections.append((title, blocks))
        elif sections:
            sections[-1][1].extend(blocks)  # an untitled section continues the one before
        elif blocks:
            sections.append((None, blocks))
    return bm.Brief(
        id=brief.id,
        created=brief.created,
        language=brief.language,
        headline=_words(brief.headline),
        subheadline=_words(brief.subheadline or "") or None,
        sections=[
            bm.Section(
                title=title,
                role=text.role_for(title) if title else None,
                blocks=_merge_lists(blocks),
            )
            for title, blocks in sections
        ]
        or [bm.Section()],
    )


def round_trip(brief: bm.Brief) -> bm.Brief:
    written = text.write(brief)
    return text.read(written, id=brief.id, created=brief.created, language=brief.language)


@given(briefs())
def test_every_brief_reads_back_as_what_text_holds(brief: bm.Brief) -> None:
    assert round_trip(brief) == project(brief)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_read_back_as_what_text_holds(path: Path) -> None:
    brief = bm.load(path)
    again = round_trip(brief)
    assert again == project(brief)
    assert bm.validate(again).ok
    assert len(again.sections) >= 3  # the projection is not trivially empty


def test_writing_is_deterministic_and_ends_with_a_newline() -> None:
    brief = bm.load(EXAMPLES[0])
    first = bm.dumps(brief, "text")
    assert first == bm.dumps(brief, "text")
    assert first.endswith("\n")
    assert not first.endswith("\n\n")


# --------------------------------------------------------------------------------------
# The seed and the texts in tests/formats/texts


def test_the_seed_reads_into_its_structure() -> None:
    brief = bm.loads(SEED.read_text("utf-8"), "text")  # strictly, without a warning
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


def test_the_seed_validates_with_the_furniture_reported() -> None:
    report = bm.validate(SEED)
    assert report.ok
    assert [(p.code, p.line) for p in report.warnings] == [
        ("text.dropped", 28),
        ("text.dropped", 30),
        ("text.dropped", 32),
    ]
    assert "'Related Articles'" in report.warnings[1].message


def test_the_seed_reads_back_from_what_is_written() -> None:
    brief = bm.loads(SEED.read_text("utf-8"), "text")
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
# Escapes: what would be misread is written so that it is not


@pytest.mark.parametrize(
    "paragraph",
    [
        "Looks Like a Title",
        "• starts with a bullet",
        "- starts with a dash",
        "(1) starts like an item",
        "(12)",
        "\\ starts with a backslash",
        "# starts with a hash",
        "Sources",
    ],
)
def test_paragraphs_that_look_like_something_else_stay_paragraphs(paragraph: str) -> None:
    brief = make(bm.Section(title="Notes", blocks=[bm.Paragraph(content=paragraph)]))
    written = bm.dumps(brief, "text")
    assert "\n\\" + paragraph + "\n" in written
    assert round_trip(brief) == project(brief)
    assert bm.plain_text(round_trip(brief).sections[0].blocks[0].content) == paragraph


@pytest.mark.parametrize(
    "title",
    ["A title that ends with a full stop.", "Sources", "Latest Posts", "• Bulleted", "x " * 20],
)
def test_titles_that_do_not_look_like_titles_are_marked(title: str) -> None:
    brief = make(bm.Section(title=title, blocks=[]))
    written = bm.dumps(brief, "text")
    assert written.endswith("\n\n# " + " ".join(title.split()) + "\n")
    again = round_trip(brief)
    assert again.sections[0].title == " ".join(title.split())


def test_a_lead_in_is_written_right_above_its_numbered_list() -> None:
    brief = make(
        bm.Section(
            title="Steps",
            blocks=[
                bm.Paragraph(content="Three things happen next:"),
                bm.ItemList(ordered=True, items=["Ballots go out.", "Votes are counted."]),
                bm.ItemList(ordered=True, items=["A second list."]),
                bm.ItemList(items=["A bullet", "Another"]),
            ],
        )
    )
    assert bm.dumps(brief, "text").endswith(
        "Steps\n\nThree things happen next:\n(1) Ballots go out.\n(2) Votes are counted."
        "\n\n(1) A second list.\n\n  • A bullet\n  • Another\n"
    )
    assert round_trip(brief) == brief


# --------------------------------------------------------------------------------------
# Metadata text does not carry


def test_the_default_id_is_a_hash_of_the_words() -> None:
    source = SEED.read_text("utf-8")
    brief = bm.loads(source, "text")
    assert brief.id.startswith(text.HASHED_ID_PREFIX)
    assert brief.created == text.UNDATED
    assert brief.language == "en"
    rewrapped = source.replace("Rather than headline", "Rather than\nheadline")
    assert bm.loads(rewrapped, "text").id == brief.id
    changed = source.replace("low-drama", "calm")
    assert bm.loads(changed, "text").id != brief.id


def test_options_fill_what_text_does_not_carry() -> None:
    when = datetime(2026, 5, 1, 7, tzinfo=timezone(timedelta(hours=2)))
    brief = text.read(SEED.read_bytes(), id="urn:example:tokyo", created=when, language="en-GB")
    assert (brief.id, brief.created, brief.language) == ("urn:example:tokyo", when, "en-GB")
    custom = text.read(SEED.read_bytes(), roles={"inside the room": "context"})
    assert [s.role for s in custom.sections][:2] == [None, "context"]


def test_losses_name_what_writing_drops() -> None:
    brief = bm.load(ROOT / "examples" / "grid-outlook-judgments.json")
    found = text.losses(brief)
    assert found
    assert all(p.code == "text.dropped" for p in found)
    paths = {p.path for p in found}
    assert "/sources" in paths
    assert any(path.startswith("/sections/") for path in paths)
    assert text.losses(project(brief)) == []


# --------------------------------------------------------------------------------------
# Files, the command line, detection


def test_files_by_suffix(tmp_path: Path) -> None:
    brief = bm.load(EXAMPLES[-1])
    target = tmp_path / "brief.txt"
    bm.dump(brief, target)
    assert target.read_text("utf-8") == bm.dumps(brief, "text")
    assert structure(bm.load(target)) == structure(project(brief))


def test_command_line_converts_both_ways(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    as_json = tmp_path / "seed.json"
    assert main(["convert", str(seed), "-o", str(as_json), "-q"]) == 0
    brief = bm.load(as_json)
    assert brief.headline.startswith("Trump Signals")
    back = tmp_path / "back.txt"
    assert main(["convert", str(as_json), "-o", str(back)]) == 0
    assert bm.load(back) == bm.loads(SEED.read_text("utf-8"), "text")


def test_sniffing_is_conservative() -> None:
    assert text.sniff(SEED.read_text("utf-8"))
    assert text.sniff(bm.dumps(bm.load(EXAMPLES[-1]), "text"))
    for other in ("json", "html", "newsml"):
        assert not text.sniff(bm.dumps(bm.load(EXAMPLES[0]), other))
    assert not text.sniff("Just a sentence.\n\nAnd another one.\n")
    assert not text.sniff("Title\n\nSection\n\nA paragraph without any list.\n")
    assert detect(None, SEED.read_bytes()).name == "text"


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


def test_read_does_not_change_what_it_is_given() -> None:
    brief = bm.loads(SEED.read_text("utf-8"), "text")
    assert attrs.evolve(brief) == brief
