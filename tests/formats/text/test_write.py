"""The plain-text writer: deterministic output, and the escapes that keep what it writes
from being misread (paragraphs that look like titles or items, titles that do not)."""

from __future__ import annotations

import pytest

import briefmodel as bm

from ._support import EXAMPLES, make, project, round_trip


def test_writing_is_deterministic_and_ends_with_a_newline() -> None:
    brief = bm.load(EXAMPLES[0])
    first = bm.dumps(brief, "text")
    assert first == bm.dumps(brief, "text")
    assert first.endswith("\n")
    assert not first.endswith("\n\n")


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
