"""Explaining a document that failed (``briefmodel._explaining``): the JSON Schema validator
looks only where the converter failed, and explaining stops once it has seen enough.

Each shortcut must change nothing for a document with fewer problems than a report
lists: the problems are exactly those of the full JSON Schema run, combined with the
structuring problems as before. That is checked on every document of the failing corpus
and on valid briefs broken at random places in random ways. Then the work is counted:
the schema validator visits a number of objects that grows with the faults found (and no
more than the first :data:`~briefmodel.errors.MAX_PROBLEMS` of them), not with the
document.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import briefmodel as bm
from briefmodel import _converter, _schema
from briefmodel._converter import explaining_converter, structuring_problems
from briefmodel.errors import MAX_PROBLEMS, MORE_CODE, Problem
from briefmodel.formats import json as json_format
from briefmodel.model import Brief
from briefmodel.testing import briefs
from tests._profiles import examples

ROOT = Path(__file__).resolve().parent.parent
FAILING = sorted((ROOT / "tests" / "corpus" / "should_fail").glob("*.json"))


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def full_explanation(data: Any) -> list[Problem]:
    """What explaining did before it looked only where structuring failed: the whole
    document through the JSON Schema, then the structuring problems it did not explain."""
    not_json = [
        Problem(severity="error", code=bad.code, message=bad.message, path=bm.pointer(bad.path))
        for bad in _converter.not_json(data)
    ]
    if not_json:
        return not_json
    problems = _schema.schema_problems(data)
    try:
        explaining_converter.structure(data, Brief)
    except Exception as error:  # noqa: BLE001
        explained = [p.path for p in problems]
        return problems + [
            found
            for found in structuring_problems(error)
            if not any(_related(found.path, path) for path in explained)
        ] or [Problem(severity="error", code="structure.invalid", message=str(error))]
    return problems


def _loaded(path: Path) -> Any:
    """The data of a document that does not structure (not one that fails only to parse
    or only the rules)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        json_format.from_dict(data)
    except ValueError:
        return None
    except bm.BriefmodelError:
        return data
    return None


CORPUS = [
    pytest.param(data, id=path.name)
    for path in FAILING
    if path.name != "expected.json" and isinstance(data := _loaded(path), dict)
]


@pytest.mark.parametrize("data", CORPUS)
def test_each_failing_document_is_explained_as_by_the_full_schema_run(data: Any) -> None:
    assert json_format.explain(data) == full_explanation(data)


# --------------------------------------------------------------------------------------
# Valid briefs broken at random

_BAD_VALUES = st.sampled_from(
    [None, 5, -1, 10**20, 1.5, True, "", " ", "x y", "2026-02-30T00:00:00Z", [], [5], {}, {"a": 1}]
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


@st.composite
def broken(draw: st.DrawFn) -> Any:
    """The canonical JSON of a valid brief with one to four faults planted in it: a value
    replaced, a field removed, an unknown field added, a block's type changed."""
    data = json.loads(bm.dumps(draw(briefs(max_sections=3))))
    for _ in range(draw(st.integers(1, 4))):
        places = _places(data)[1:]
        if not places:
            break
        *parent_path, last = draw(st.sampled_from(places))
        parent = data
        for part in parent_path:
            parent = parent[part]
        how = draw(st.sampled_from(["replace", "remove", "add", "retype"]))
        if how == "replace":
            parent[last] = draw(_BAD_VALUES)
        elif how == "remove" and isinstance(parent, dict):
            del parent[last]
        elif how == "add" and isinstance(parent, dict):
            parent["unknown_" + str(last)] = draw(_BAD_VALUES)
        elif how == "retype" and isinstance(parent, dict) and "type" in parent:
            parent["type"] = draw(st.sampled_from(["chart", "paragraph", "mention", "link"]))
        else:
            parent[last] = draw(_BAD_VALUES)
    return data


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken())
def test_a_broken_brief_is_explained_as_by_the_full_schema_run(data: Any) -> None:
    try:
        json_format.from_dict(copy.deepcopy(data))
    except bm.BriefmodelError:
        pass
    else:
        return  # the fault planted happened to be harmless (a None where None is read)
    expected = full_explanation(data)
    if len(expected) <= MAX_PROBLEMS:
        assert json_format.explain(data) == expected


# --------------------------------------------------------------------------------------
# Counting the work


def _counting_visits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the objects the JSON Schema validator checks against a model definition."""
    visits = [0]
    original = Draft202012Validator.VALIDATORS["$ref"]

    def counted(checker: Any, ref: str, instance: Any, schema: Any) -> Any:
        if isinstance(instance, dict):
            visits[0] += 1
        return original(checker, ref, instance, schema)

    monkeypatch.setitem(Draft202012Validator.VALIDATORS, "$ref", counted)
    _schema._pruning.cache_clear()
    return visits


def _example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "port-fees.json").read_text("utf-8"))


def _with_sections(count: int, broken_at: int | None) -> dict[str, Any]:
    data = _example()
    section = {"title": "Part", "blocks": [{"type": "paragraph", "content": "Text."}]}
    data["sections"] = [copy.deepcopy(section) for _ in range(count)]
    if broken_at is not None:
        data["sections"][broken_at]["blocks"][0]["content"] = 5
    return data


def test_one_fault_in_a_large_brief_is_explained_without_validating_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    visits = _counting_visits(monkeypatch)
    counts = []
    for size in (100, 10_000):
        visits[0] = 0
        problems = json_format.explain(_with_sections(size, broken_at=size // 2))
        assert [(p.code, p.path) for p in problems] == [
            ("schema.type", f"/sections/{size // 2}/blocks/0/content")
        ]
        counts.append(visits[0])
    _schema._pruning.cache_clear()
    assert counts[0] == counts[1] <= 10  # the brief, its section, its block: not the others


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(lambda k: {"keywords": [1] * k}, id="keywords"),
        pytest.param(
            lambda k: {"sections": [{"blocks": [{"type": f"chart-{i}"} for i in range(k)]}]},
            id="unknown block types",
        ),
        pytest.param(lambda k: {f"unknown-{i}": 1 for i in range(k)}, id="unknown fields"),
        pytest.param(
            lambda k: {
                "sources": [
                    {"id": f"s{i}", "title": "T", "published": "2026-02-30T00:00:00Z"}
                    for i in range(k)
                ]
            },
            id="impossible dates",
        ),
    ],
)
def test_many_faults_are_listed_up_to_the_cap_and_counted_at_a_cost_that_stops_growing(
    monkeypatch: pytest.MonkeyPatch, fault: Any
) -> None:
    visits = _counting_visits(monkeypatch)
    counts = []
    for k in (2_000, 50_000):
        visits[0] = 0
        data = {**_example(), **fault(k)}
        problems = json_format.explain(data)
        *listed, more = problems
        assert len(listed) == MAX_PROBLEMS
        assert MORE_CODE not in {p.code for p in listed}
        assert more.code == MORE_CODE
        assert more.severity == "error"
        assert "at least" in more.message
        counts.append(visits[0])
        with pytest.raises(bm.ValidationError) as raised:
            bm.loads(json.dumps(data))
        assert len(raised.value.problems) == MAX_PROBLEMS + 1
        report = bm.validate(json.dumps(data))
        assert len(report.problems) == MAX_PROBLEMS + 1
        assert not report.ok
    _schema._pruning.cache_clear()
    assert counts[0] == counts[1] <= 4 * MAX_PROBLEMS


def test_one_fault_more_than_the_cap_is_listed_as_one_more() -> None:
    data = {**_example(), "keywords": [1] * (MAX_PROBLEMS - 3)}
    data["sections"][0]["title"] = 7
    data["headline"] = 8
    data["urgency"] = 12
    data["language"] = 5
    problems = json_format.explain(data)
    assert len(problems) == MAX_PROBLEMS + 1
    assert [p.path for p in problems[:3]] == ["/headline", "/keywords/0", "/keywords/1"]
    assert problems[-1].code == MORE_CODE
    assert problems[-1].message.startswith("and at least 1 more problem, not listed")


def test_a_lenient_read_keeps_every_unknown_field_however_many() -> None:
    data = {**_example(), **{f"acme-{i}": i for i in range(3 * MAX_PROBLEMS)}}
    with pytest.warns(bm.BriefmodelWarning, match="and 200 more"):
        brief = bm.from_dict(data, strict=False)
    kept = brief.extensions["briefmodel:unknown"]
    assert len(kept) == 3 * MAX_PROBLEMS
    assert kept["/acme-299"] == 299
