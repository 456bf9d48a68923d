"""Canonical JSON reading: strict parsing, problems by line and JSON Pointer, lenient reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.formats import json as json_format

from ._support import MODEL_EXAMPLE


def test_load_of_a_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(bm.ParseError, match="cannot read"):
        bm.load(tmp_path / "nope.json")


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ('{"schema": "briefmodel/2",\n  "id": }', "parse.syntax", 2, 9),
        ("", "parse.syntax", 1, 1),
        ('{"a": 1,}', "parse.syntax", 1, 9),
    ],
)
def test_syntax_errors_have_line_and_column(text: str, code: str, line: int, column: int) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, "json")
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
        bm.loads(text, "json")
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
        bm.loads(text, "json")
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
    with pytest.raises(bm.OptionError, match="unknown format 'yaml'"):
        bm.loads(MODEL_EXAMPLE, format="yaml")
    assert "json" in bm.formats()


def test_url_schemes_when_loading() -> None:
    text = MODEL_EXAMPLE.replace("https://example.org/notice", "ftp://example.org/notice")
    with pytest.raises(bm.ValidationError, match=r"url\.scheme-not-allowed"):
        bm.loads(text, "json")
    schemes = {"https", "ftp"}
    assert bm.loads(text, url_schemes=schemes).sources[0].url == "ftp://example.org/notice"
    assert (
        bm.from_dict(json.loads(text), url_schemes=schemes).id
        == bm.loads(text, url_schemes=schemes).id
    )
