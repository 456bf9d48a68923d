"""Hostile plain text, the character family: NUL and the other characters XML cannot
carry are refused at their line, as binary data, never read changed (the other readers
agree: none changes a character without a word); read leniently (``strict=False``,
``validate(lenient=True)``), a control character is removed with a word, a warning at
its line, and only text of many NULs is refused, as binary data; tab, vertical tab and
form feed are layout, white space between words. And the depth family: lists indented
past the bound are refused at their line, never a RecursionError."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.workloads import hostile

import briefmodel as bm
from briefmodel.rules import MAX_DEPTH
from tests._hang import HANG_SECONDS
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


@pytest.mark.parametrize("char", ["\x01", "\x08", "\x0e", "\x1f", "\x7f", "\x85"])
def test_lossless_read_leniently_a_control_character_is_removed_with_a_word(char: str) -> None:
    text = f"Headline\n\nFirst paragraph.\n\nSecond {char} paragraph.\n"
    report = bm.validate(text, "text", lenient=True)
    assert report.ok
    assert [(p.code, p.line) for p in report.warnings] == [("repair.control-chars", 5)]
    assert f"U+{ord(char):04X}" in report.warnings[0].message
    with pytest.warns(bm.BriefmodelWarning, match="line 5: the control character"):
        brief = bm.loads(text, "text", strict=False)
    assert brief.sections[0].blocks[1].content == ("Second paragraph.",)
    assert brief == report.brief


def test_lossless_text_of_many_nuls_is_binary_however_it_is_read() -> None:
    text = "Headline\n\nFirst paragraph.\n\nSecond \x00 paragraph.\n"  # one in 45
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, "text", strict=False)
    assert caught.value.problem.line == 5
    assert "NUL byte: this is binary data" in caught.value.problem.message
    report = bm.validate(text, "text", lenient=True)
    assert not report.ok
    assert [p.line for p in report.errors] == [5]
    utf16 = "Headline\n\nA paragraph.\n".encode("utf-16-le")  # UTF-8 too, a NUL a letter
    with pytest.raises(bm.ParseError, match="binary"):
        bm.loads(utf16, "text", strict=False)


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


@pytest.mark.parametrize("levels", [65, 331, 3000])
def test_lists_nested_past_the_bound_are_refused_at_their_line(levels: int, tmp_path: Path) -> None:
    # 331 indented bullets gave RecursionError from loads, validate and the command line
    # (the reader built the nested lists without a bound; 330 happened to fit the stack).
    text = "A headline\n\n" + "\n".join(" " * i + "\u2022 x" for i in range(levels))
    line = 3 + MAX_DEPTH  # the first bullet one level too deep
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, format="text")
    assert (caught.value.problem.code, caught.value.problem.line) == ("parse.too-deep", line)
    report = bm.validate(text, format="text")
    assert [(p.code, p.line) for p in report.problems] == [("parse.too-deep", line)]
    (tmp_path / "deep.txt").write_text(text, "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "briefmodel", "validate", str(tmp_path / "deep.txt")],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
    )
    assert run.returncode == 1
    assert "parse.too-deep" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_lists_nested_to_the_bound_are_read_and_judged_by_the_rules() -> None:
    text = "A headline\n\n" + "\n".join(" " * i + "\u2022 x" for i in range(MAX_DEPTH))
    report = bm.validate(text, format="text")
    assert [p.code for p in report.problems] == ["structure.too-deep"]
