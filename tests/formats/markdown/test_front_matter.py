"""The front matter read back: bad lines, bad values and unknown keys name their line."""

from __future__ import annotations

import pytest

import briefmodel as bm
from tests._hang import guarded


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


_BLANKS = " \t" * 500_000


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("headline: a{}b", "a" + _BLANKS + "b"),
        ("headline: a{}", "a"),
        ("headline: a{}# a comment", "a"),
        ("headline: a{}b{}# a comment", "a" + _BLANKS + "b"),
    ],
)
def test_a_long_run_of_blanks_in_a_value_is_read_in_one_pass(line: str, headline: str) -> None:
    # A lazy value pattern before [ \t]*$, and the comment pattern [ \t]+#, backtracked
    # over every run of blanks: a million of them took hours, which only the guard reaches.
    text = "---\n" + line.format(_BLANKS, _BLANKS) + "\n---\n\nA paragraph.\n"
    returned = guarded(lambda: bm.loads(text, format="markdown"), "front matter of blanks")
    assert returned.error is None, returned.error
    assert returned.value.headline == headline


def test_a_long_run_of_blanks_in_a_list_item_is_read_in_one_pass() -> None:
    text = f"---\nheadline: H\nkeywords:\n  - a{_BLANKS}b{_BLANKS}\n---\n\nA paragraph.\n"
    returned = guarded(lambda: bm.loads(text, format="markdown"), "a front-matter item")
    assert returned.error is None, returned.error
    assert returned.value.keywords == ("a" + _BLANKS + "b",)
