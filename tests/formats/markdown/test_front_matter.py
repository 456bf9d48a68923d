"""The front matter read back: bad lines, bad values and unknown keys name their line."""

from __future__ import annotations

import pytest

import briefmodel as bm


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
