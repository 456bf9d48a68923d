"""Hostile canonical JSON: numbers at and beyond the bounds every format round-trips
(integers within ±(2^53 - 1); no number that a double reads as zero or as infinity),
each refused at its JSON Pointer, and unknown keys, which JSON never drops silently:
errors when reading strictly, kept with a warning when not."""

from __future__ import annotations

import json
import warnings

import pytest
from benchmarks.workloads import hostile

import briefmodel as bm
from briefmodel.model import MAX_NUMBER
from tests._work import assert_linear, hostile_run

BASE = {
    "schema": "briefmodel/2",
    "id": "urn:example:hostile:numbers",
    "headline": "Numbers",
    "language": "en",
    "created": "2026-03-02T09:00:00Z",
    "sections": [{"blocks": [{"type": "paragraph", "content": ["x"]}]}],
}


def _text(**fields: object) -> str:
    return json.dumps({**BASE, **fields})


def _problems(text: str, *, strict: bool = True) -> list[bm.Problem]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(bm.BriefmodelError) as caught:
            bm.loads(text, "json", strict=strict)
    return list(caught.value.problems)


@pytest.mark.parametrize(
    "number",
    ["1e-400", "-1e-400", "0.1e-330", "2.4E-324", "0." + "0" * 400 + "1", "1" + "e-99999"],
)
def test_lossless_a_number_a_double_reads_as_zero_is_refused_at_its_pointer(number: str) -> None:
    text = _text(extensions={"x:a": ["ok", {"deep": "NUMBER"}]}).replace('"NUMBER"', number)
    (problem,) = _problems(text)
    assert (problem.code, problem.path) == ("parse.number-underflow", "/extensions/x:a/1/deep")
    assert "would be read as 0" in problem.message


@pytest.mark.parametrize("zero", ["0", "-0", "0.0", "0e5", "-0.000E-400", "0E+1"])
def test_lossless_zero_in_any_spelling_is_zero(zero: str) -> None:
    text = _text(extensions={"x:a": "NUMBER"}).replace('"NUMBER"', zero)
    assert bm.loads(text, "json").extensions["x:a"] == 0


@pytest.mark.parametrize(
    ("field", "value", "code", "at"),
    [
        ("version", MAX_NUMBER + 1, "schema.maximum", "/version"),
        ("version", 10**18, "schema.maximum", "/version"),
        ("version", 10**400, "schema.maximum", "/version"),
        ("version", 0, "schema.minimum", "/version"),
        ("extensions", {"x:a": MAX_NUMBER + 1}, "schema.maximum", "/extensions/x:a"),
        ("extensions", {"x:a": [-MAX_NUMBER - 1]}, "schema.minimum", "/extensions/x:a/0"),
        ("extensions", {"x:a": {"b": 1e300}}, "schema.maximum", "/extensions/x:a/b"),
    ],
)
def test_lossless_a_number_beyond_the_bounds_is_refused_at_its_pointer(
    field: str, value: object, code: str, at: str
) -> None:
    problems = _problems(_text(**{field: value}))
    assert [(p.code, p.path) for p in problems] == [(code, at)]
    # The model refuses it as the schema does.
    with pytest.raises(bm.BriefmodelError):
        bm.from_dict({**BASE, field: value})
    assert not bm.validate(_text(**{field: value}), "json").ok


def test_lossless_the_bounds_themselves_are_read_exactly() -> None:
    edges = [MAX_NUMBER, -MAX_NUMBER, float(MAX_NUMBER), 5e-324, -0.0, 2.2250738585072014e-308]
    brief = bm.loads(_text(version=MAX_NUMBER, extensions={"x:a": edges}), "json")
    assert brief.version == MAX_NUMBER
    assert list(brief.extensions["x:a"]) == edges
    assert bm.loads(bm.dumps(brief, "json"), "json") == brief


def test_lossless_an_unknown_key_is_an_error_or_kept_with_a_warning() -> None:
    document = {**BASE, "colour": "red"}
    document["sections"] = [{"blocks": [{"type": "paragraph", "content": ["x"], "style": "b"}]}]
    problems = _problems(json.dumps(document))
    assert {(p.code, p.path) for p in problems} == {
        ("schema.additional-properties", "/colour"),
        ("schema.additional-properties", "/sections/0/blocks/0/style"),
    }
    with pytest.warns(bm.BriefmodelWarning, match="/colour, /sections/0/blocks/0/style"):
        brief = bm.loads(json.dumps(document), "json", strict=False)
    assert dict(brief.extensions["briefmodel:unknown"]) == {
        "/colour": "red",
        "/sections/0/blocks/0/style": "b",
    }


@pytest.mark.parametrize("step", ["loads", "validate"])
@pytest.mark.parametrize("family", hostile.of_format("json"), ids=lambda f: f.name)
def test_hostile_json_costs_work_in_proportion_to_its_size(
    family: hostile.Family, step: str
) -> None:
    """Each family of the benchmark's hostile input of this format does about four times
    the work at four times the size, read or validated."""
    assert_linear(hostile_run(family, step), 3000)


def test_many_schema_faults_are_listed_up_to_the_cap_then_counted() -> None:
    """``"keywords": [1] * k`` took 3.5 s at k = 4000 (every fault explained): the report
    lists the first MAX_PROBLEMS and one problems.more, at k = 4000 as at 40,000."""
    import json

    import briefmodel as bm

    for k in (4000, 40_000):
        data = hostile._brief_with(keywords=[1] * k)
        report = bm.validate(json.loads(data))
        assert len(report.problems) == bm.errors.MAX_PROBLEMS + 1
        assert report.problems[-1].code == "problems.more"
        assert report.problems[0].path == "/keywords/0"
