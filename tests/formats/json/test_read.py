"""Canonical JSON: shape, determinism, round trips and strict parsing."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel.formats import json as json_format
from briefmodel.testing import briefs

#: The example of MODEL.md, verbatim.
# ruff: noqa: E501
MODEL_EXAMPLE = """
{
  "schema": "briefmodel/1",
  "id": "urn:example:brief:harbour-talks",
  "headline": "Harbour Talks Settle Pilot Fees",
  "language": "en",
  "created": "2026-03-02T09:00:00+01:00",
  "sections": [
    {"title": "Key Points", "role": "key-points", "blocks": [
      {"type": "item-list", "ordered": false, "items": [
        "Fees fall by a tenth for vessels under 200 m",
        ["Talks were chaired by ", {"type": "mention", "ref": "p1", "content": ["the port director"]}]
      ]}
    ]},
    {"title": "Assessment", "role": "analysis", "blocks": [
      {"type": "paragraph", "content": ["Smaller operators gain most", {"type": "citation", "ref": "s1"}, "."]},
      {"type": "judgment", "statement": "Larger carriers will ask for the same terms.",
       "confidence": "moderate", "likelihood": "likely", "basis": ["s1"]}
    ]}
  ],
  "entities": [{"id": "p1", "kind": "person", "name": "Port Director"}],
  "sources": [{"id": "s1", "title": "Port authority notice", "url": "https://example.org/notice",
               "reliability": "B", "credibility": 2}]
}
"""


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
    assert pretty.startswith('{\n  "schema": "briefmodel/1",\n')
    assert json.loads(pretty) == json.loads(compact)


def test_absent_optional_fields_and_empty_tuples_are_left_out() -> None:
    brief = bm.Brief(
        id="x",
        headline="H",
        created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.ItemList(items=["a"])])],
    )
    assert bm.to_dict(brief) == {
        "schema": "briefmodel/1",
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


def test_load_of_a_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(bm.ParseError, match="cannot read"):
        bm.load(tmp_path / "nope.json")


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ('{"schema": "briefmodel/1",\n  "id": }', "parse.syntax", 2, 9),
        ("", "parse.syntax", 1, 1),
        ('{"a": 1,}', "parse.syntax", 1, 9),
    ],
)
def test_syntax_errors_have_line_and_column(text: str, code: str, line: int, column: int) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text)
    problem = caught.value.problem
    assert (problem.code, problem.line, problem.column) == (code, line, column)


def test_bad_utf8_names_the_byte() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(b'{"schema":\n "\xff"}')
    assert caught.value.problem.code == "parse.encoding"
    assert caught.value.problem.line == 2
    assert "0xff" in caught.value.problem.message


def test_utf8_bom_is_accepted() -> None:
    assert bm.loads("\ufeff" + MODEL_EXAMPLE).id == "urn:example:brief:harbour-talks"
    assert bm.loads(("\ufeff" + MODEL_EXAMPLE).encode()).id == "urn:example:brief:harbour-talks"


def test_duplicate_keys_are_reported_by_pointer() -> None:
    text = MODEL_EXAMPLE.replace('"title": "Assessment",', '"title": "Assessment", "title": "B",')
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text)
    assert caught.value.problem.code == "parse.duplicate-key"
    assert caught.value.problem.path == "/sections/1/title"


def test_several_parse_problems_are_all_reported() -> None:
    text = '{"a": NaN, "b": [Infinity, 1e999], "a": 2}'
    report = bm.validate(text)
    assert sorted((p.code, p.path) for p in report.problems) == [
        ("parse.duplicate-key", "/a"),
        ("parse.non-finite-number", "/b/0"),
        ("parse.non-finite-number", "/b/1"),
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400"])
def test_non_finite_numbers_are_refused(constant: str) -> None:
    text = MODEL_EXAMPLE.replace('"credibility": 2', f'"credibility": {constant}')
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text)
    assert caught.value.problem.code == "parse.non-finite-number"
    assert caught.value.problem.path == "/sources/0/credibility"


def test_huge_integers_are_a_parse_error_with_a_position() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads('{\n  "version": ' + "9" * 5000 + "}")
    problem = caught.value.problem
    assert (problem.code, problem.line, problem.column) == ("parse.too-large", 2, 14)
    assert "set_int_max_str_digits" not in problem.message


def test_python_values_json_cannot_hold_are_reported_by_pointer() -> None:
    data = json.loads(MODEL_EXAMPLE)
    data["urgency"] = 10**5000
    data["extensions"] = {"acme:a": {"b": [1, object()]}, "acme:c": float("inf"), "acme:d": {2: 1}}
    assert sorted((p.code, p.path) for p in bm.validate(data).problems) == [
        ("parse.non-finite-number", "/extensions/acme:c"),
        ("parse.too-large", "/urgency"),
        ("schema.type", "/extensions/acme:a/b/1"),
        ("schema.type", "/extensions/acme:d"),
    ]


def test_deep_nesting_is_a_parse_error() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads("[" * 100_000 + "]" * 100_000)
    assert caught.value.problem.code == "parse.too-deep"


def test_lenient_reading_keeps_unknown_fields_under_extensions() -> None:
    data = json.loads(MODEL_EXAMPLE)
    data["desk"] = "ports"
    data["sections"][0]["colour"] = ["blue"]
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(data))
    assert {p.path for p in caught.value.problems} == {"/desk", "/sections/0/colour"}
    with pytest.warns(bm.BriefmodelWarning, match="/desk, /sections/0/colour"):
        brief = bm.loads(json.dumps(data), strict=False)
    assert brief.extensions[json_format.UNKNOWN_KEY] == {
        "/desk": "ports",
        "/sections/0/colour": ("blue",),
    }
    # Other problems still fail in lenient mode.
    data["headline"] = 3
    with pytest.raises(bm.ValidationError):
        bm.loads(json.dumps(data), strict=False)


def test_loads_runs_the_rules() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(MODEL_EXAMPLE.replace('"ref": "p1"', '"ref": "p2"'))
    assert [p.code for p in caught.value.problems] == ["ref.unknown-entity"]
    assert "ref.unknown-entity" in str(caught.value)


def test_sniffing_and_unknown_formats() -> None:
    assert bm.loads(MODEL_EXAMPLE, format=None).id == "urn:example:brief:harbour-talks"
    with pytest.raises(bm.ParseError, match="cannot tell the format"):
        bm.loads("Words that are in no format.", format=None)
    with pytest.raises(bm.ParseError, match="unknown format 'yaml'"):
        bm.loads(MODEL_EXAMPLE, format="yaml")
    assert "json" in bm.formats()


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


def test_url_schemes_when_loading() -> None:
    text = MODEL_EXAMPLE.replace("https://example.org/notice", "ftp://example.org/notice")
    with pytest.raises(bm.ValidationError, match=r"url\.scheme-not-allowed"):
        bm.loads(text)
    schemes = {"https", "ftp"}
    assert bm.loads(text, url_schemes=schemes).sources[0].url == "ftp://example.org/notice"
    assert (
        bm.from_dict(json.loads(text), url_schemes=schemes).id
        == bm.loads(text, url_schemes=schemes).id
    )


def test_dumps_takes_a_brief() -> None:
    with pytest.raises(TypeError):
        bm.dumps({"schema": "briefmodel/1"})  # type: ignore[arg-type]
