"""Canonical JSON writing: shape, determinism and round trips."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel.testing import briefs

from ._support import MODEL_EXAMPLE


def test_the_model_example_reads_and_writes_back_in_the_same_shape() -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    assert brief.sections[1].blocks[1] == bm.Judgment(
        statement="Larger carriers will ask for the same terms.",
        confidence="moderate",
        likelihood="likely",
        basis=["s1"],
    )
    written = json.loads(bm.dumps(brief))
    original = json.loads(MODEL_EXAMPLE)
    # The writer's only differences: one-string rich text is a string, and the key order.
    original["sections"][0]["blocks"][0]["items"][1][1]["content"] = "the port director"
    assert written == original
    assert list(written)[:3] == ["schema", "id", "headline"]


@given(briefs())
def test_round_trip_and_determinism(brief: bm.Brief) -> None:
    text = bm.dumps(brief)
    again = bm.loads(text)
    assert again == brief
    assert bm.dumps(again) == text
    assert bm.loads(bm.dumps(brief, indent=2)) == brief
    assert bm.from_dict(bm.to_dict(brief)) == brief


def test_compact_by_default_indented_on_request() -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    compact = bm.dumps(brief)
    assert "\n" not in compact
    assert '": ' not in compact
    pretty = bm.dumps(brief, indent=2)
    assert pretty.startswith('{\n  "schema": "briefmodel/2",\n')
    assert json.loads(pretty) == json.loads(compact)


def test_absent_optional_fields_and_empty_tuples_are_left_out() -> None:
    brief = bm.Brief(
        id="x",
        headline="H",
        created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.ItemList(items=["a"])])],
    )
    assert bm.to_dict(brief) == {
        "schema": "briefmodel/2",
        "id": "x",
        "headline": "H",
        "language": "en",
        "created": "2026-01-01T00:00:00+00:00",
        "sections": [{"blocks": [{"type": "item-list", "ordered": False, "items": ["a"]}]}],
    }


def test_non_ascii_is_written_as_is() -> None:
    brief = bm.loads(MODEL_EXAMPLE.replace("Harbour Talks", "محادثات الميناء"))
    assert "محادثات الميناء" in bm.dumps(brief)


def test_dump_and_load_files(tmp_path: Path) -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    target = tmp_path / "brief.json"
    bm.dump(brief, target, indent=2)
    assert target.read_text("utf-8") == bm.dumps(brief, indent=2)
    assert bm.load(target) == brief
    assert bm.load(str(target)) == brief


def test_dump_refuses_lone_surrogates_before_writing(tmp_path: Path) -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    import attrs

    bad = attrs.evolve(brief, subheadline="\ud800")
    target = tmp_path / "bad.json"
    with pytest.raises(bm.ValidationError):
        bm.dump(bad, target)
    assert not target.exists()


def test_a_brief_too_deep_to_write_is_a_validation_error() -> None:
    section = bm.Section(blocks=[bm.Paragraph(content="Deepest.")])
    for _ in range(400):
        section = bm.Section(sections=[section])
    brief = bm.Brief(
        id="x", headline="H", created=datetime(2026, 1, 1, tzinfo=timezone.utc), sections=[section]
    )
    report = bm.validate(brief)
    assert [p.code for p in report.problems] == ["structure.too-deep"]
    with pytest.raises(bm.ValidationError, match=r"structure\.too-deep"):
        bm.dumps(brief)


def test_dumps_takes_a_brief() -> None:
    with pytest.raises(TypeError):
        bm.dumps({"schema": "briefmodel/2"})  # type: ignore[arg-type]


#: What indent= refuses: a huge one would take memory without bound (10**8 spaces a line).
WRONG_INDENTS = [
    (17, ValueError),
    (10**4, ValueError),  # 10**8 would be 100 MB a line
    (-1, ValueError),
    ("x", TypeError),  # json.dumps would write it, as text that is not JSON
    ("  ", TypeError),
    (2.0, TypeError),
    (True, TypeError),
]


@pytest.mark.parametrize(("wrong", "error"), WRONG_INDENTS)
def test_the_indent_is_bounded(wrong: object, error: type[Exception]) -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    with pytest.raises(error, match="indent: expected None or a number of spaces from 0 to 16"):
        bm.dumps(brief, indent=wrong)


def test_the_widest_indent() -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    assert bm.formats.json.MAX_INDENT == 16
    widest = bm.dumps(brief, indent=16)
    assert widest.startswith('{\n                "schema"')
    assert bm.loads(widest) == brief
    assert bm.dumps(brief, indent=0).startswith('{\n"schema"')
