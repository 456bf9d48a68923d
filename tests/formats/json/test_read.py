"""Canonical JSON reading: strict parsing, problems by line and JSON Pointer, lenient reading."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.formats import json as json_format

from ..._profiles import examples
from ._support import MODEL_EXAMPLE

json_read = importlib.import_module("briefmodel.formats.json.read")


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


# `parse` reads with orjson where that surely gives what the json module with strict hooks
# gives: the two ways must agree on every text, the value (with its types: an int stays an
# int) or the error.

_PIECES = (
    '"a"', '"\\u003a"', '"\\ud800"', '"\\ud83d\\ude00"', '"\ufffe"', "1", "-0", "0.0", "1e-400",
    "1e400", "2.5", "18446744073709551616", "-9223372036854775809", "9" * 30, "NaN",
    "Infinity", "true", "null", '{"k":', '{"k":1,"k":2}', '{"a:b":"c"}', "[", "]", "{", "}",
    ",", ":", " ", "\n", "\ufeff", '"', "\\", "\x01",
)  # fmt: skip

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=10,
)


def _typed(value: object) -> object:
    """``value`` with the type of every scalar beside it (1 and 1.0 and True differ)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, repr(value))


def _either(text: str | bytes, read: Callable[[str | bytes], object]) -> object:
    try:
        return _typed(read(text))
    except (bm.ParseError, bm.ValidationError) as error:
        return [(p.code, p.path, p.line, p.column, p.message) for p in error.problems]


@settings(max_examples=examples(4000))
@given(
    st.one_of(
        _values.map(lambda v: json.dumps(v, ensure_ascii=False)),
        _values.map(json.dumps),
        st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
    ),
    st.booleans(),
)
def test_parse_reads_as_the_json_module_with_strict_hooks(text: str, as_bytes: bool) -> None:
    data: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    strict = json_read._parse
    assert _either(data, json_read.parse) == _either(data, lambda d: strict(d, repairs=None))


@pytest.mark.parametrize(
    "text",
    [
        '["a", {"b": [1, 2]}]',
        '"x"',
        "[1.5]",
        "18446744073709551616",
        '{"a":1,"a":2}',
        "1e-400",
        "[" * 150 + "]" * 150,
    ],
)
def test_parse_reads_these_as_the_json_module_with_strict_hooks(text: str) -> None:
    strict = json_read._parse
    assert _either(text, json_read.parse) == _either(text, lambda d: strict(d, repairs=None))


@pytest.mark.parametrize("depth", [253, 254, 255, 300, 1000, 1100])
def test_json_nested_deeper_than_orjson_writes_is_read_as_the_general_path_reads_it(
    depth: int,
) -> None:
    # orjson reads 1,024 levels but writes 254: its check of what it read must not fail
    # on the way (a TypeError from bm.loads); the general path reads the extension, or
    # refuses a document too deep for the json module, as before.
    deep = "[" * depth + "]" * depth
    brief = bm.Brief(
        id="b", headline="H", sections=[bm.Section(blocks=[bm.Paragraph(content="x")])]
    )
    text = bm.dumps(brief).replace('"sections"', f'"extensions": {{"x:deep": {deep}}}, "sections"')
    if depth >= 1000:  # (beyond what the json module reads)
        with pytest.raises(bm.ParseError, match=r"parse\.too-deep"):
            bm.loads(text)
    else:
        read = bm.loads(text)
        assert read == bm.from_dict(json.loads(text))
        assert bm.loads(bm.dumps(read)) == read
    assert _either(deep, json_read.parse) == _either(
        deep, lambda d: json_read._parse(d, repairs=None)
    )
