"""Hostile plain text, the character family: NUL and the other characters XML cannot
carry are refused at their line, as binary data, never read changed (the other readers
agree: none changes a character without a word); tab, vertical tab and form feed are
layout, white space between words."""

from __future__ import annotations

import pytest
from benchmarks.workloads import hostile

import briefmodel as bm
from tests._work import assert_linear, hostile_run


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0e", "\x1f"])
def test_lossless_a_character_xml_cannot_carry_is_refused_at_its_line(char: str) -> None:
    text = f"Headline\n\nFirst paragraph.\n\nSecond {char} paragraph.\n"
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, "text")
    assert caught.value.problem.line == 5
    assert "binary" in caught.value.problem.message
    report = bm.validate(text, "text")
    assert not report.ok
    assert [p.line for p in report.errors] == [5]


@pytest.mark.parametrize("space", ["\t", "\x0b", "\x0c"])
def test_lossless_tab_vertical_tab_and_form_feed_are_white_space_as_layout(space: str) -> None:
    """Plain text's layout (a form feed between pages, say), read as the white space
    between words it is, as runs of spaces are."""
    text = f"Headline\n\nFirst{space}paragraph.\n"
    brief = bm.loads(text, "text", strict=False)
    assert brief.sections[0].blocks[0].content == ("First paragraph.",)


@pytest.mark.parametrize("step", ["loads", "validate"])
@pytest.mark.parametrize("family", hostile.of_format("text"), ids=lambda f: f.name)
def test_hostile_text_costs_work_in_proportion_to_its_size(
    family: hostile.Family, step: str
) -> None:
    """Each family of the benchmark's hostile input of this format does about four times
    the work at four times the size, read or validated."""
    assert_linear(hostile_run(family, step), 3000)
