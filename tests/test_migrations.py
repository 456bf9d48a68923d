"""Model versions (``briefmodel.migrations``): documents written for model 1 (golden copies
under ``tests/golden/model-1/``, as briefmodel wrote them before model 2) read as the
current model and migrate to what briefmodel writes now; a newer model is refused with
both versions named; every step of the table is there; the schema of each version ships
and judges the documents of its version."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import briefmodel as bm
from briefmodel.migrations import MIGRATIONS, MODEL_VERSION, model_version, schema_of_version

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MODEL_1 = sorted((TESTS / "golden" / "model-1").glob("*.json"))
#: Where each model-1 golden document is now, as briefmodel writes it today.
NOW = {
    path.name: next(
        found
        for found in (ROOT / "examples" / path.name, TESTS / "corpus" / "should_pass" / path.name)
        if found.exists()
    )
    for path in MODEL_1
}


def _data(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def test_there_are_model_1_documents_of_every_part_of_the_model() -> None:
    assert len(MODEL_1) >= 6
    assert all(_data(path)["schema"] == "briefmodel/1" for path in MODEL_1)


@pytest.mark.parametrize("path", MODEL_1, ids=lambda p: p.stem)
def test_a_model_1_document_reads_as_the_same_brief_today(path: Path) -> None:
    brief = bm.load(path)
    assert brief == bm.load(NOW[path.name])
    assert bm.validate(path).ok
    assert bm.loads(path.read_bytes()) == brief
    assert bm.from_dict(_data(path)) == brief
    assert bm.dumps(brief).startswith('{"schema":"briefmodel/2",')


@pytest.mark.parametrize("path", MODEL_1, ids=lambda p: p.stem)
def test_migrating_gives_what_briefmodel_writes_now(path: Path) -> None:
    data = _data(path)
    kept = copy.deepcopy(data)
    migrated = bm.migrate(data)
    assert data == kept  # the data given is left as it was
    assert migrated == _data(NOW[path.name])
    assert bm.migrate(migrated) == migrated  # the current model: as it is


@pytest.mark.parametrize("path", MODEL_1, ids=lambda p: p.stem)
def test_each_version_s_schema_accepts_its_documents(path: Path) -> None:
    data = _data(path)
    jsonschema.Draft202012Validator(schema_of_version(1)).validate(data)
    jsonschema.Draft202012Validator(schema_of_version(MODEL_VERSION)).validate(bm.migrate(data))
    with pytest.raises(jsonschema.ValidationError):  # and not the other version's
        jsonschema.Draft202012Validator(schema_of_version(MODEL_VERSION)).validate(data)


def test_the_current_schema_is_the_one_json_schema_gives() -> None:
    assert schema_of_version(MODEL_VERSION) == bm.json_schema()
    assert schema_of_version(1)["$id"] == "urn:briefmodel:schema:brief:1"
    assert schema_of_version(1)["$defs"]["brief"]["properties"]["schema"] == {
        "const": "briefmodel/1"
    }
    with pytest.raises(bm.OptionError):
        schema_of_version(MODEL_VERSION + 1)


def test_a_step_for_every_version_before_the_current_one() -> None:
    assert sorted(MIGRATIONS) == list(range(1, MODEL_VERSION))


def test_a_newer_model_is_refused_naming_both_versions() -> None:
    data = {**_data(MODEL_1[0]), "schema": f"briefmodel/{MODEL_VERSION + 1}"}
    with pytest.raises(bm.ValidationError) as raised:
        bm.migrate(data)
    (problem,) = raised.value.problems
    assert (problem.code, problem.path) == ("schema.newer-model", "/schema")
    assert f"briefmodel/{MODEL_VERSION + 1}" in problem.message
    assert f"briefmodel/{MODEL_VERSION}" in problem.message
    report = bm.validate(json.dumps(data))
    assert [p.code for p in report.problems] == ["schema.newer-model"]
    with pytest.raises(bm.ValidationError, match="upgrade briefmodel"):
        bm.loads(json.dumps(data))


@pytest.mark.parametrize("stamp", [None, "briefmodel/0", "briefmodel/01", "briefmodel/x", 1])
def test_data_that_says_no_model_is_not_migrated(stamp: Any) -> None:
    data = {**_data(MODEL_1[0]), "schema": stamp}
    assert model_version(data) is None
    with pytest.raises(bm.ValidationError) as raised:
        bm.migrate(data)
    assert [p.code for p in raised.value.problems] == ["schema.version"]
    assert [p.code for p in bm.validate(data).problems] == ["schema.version"]


def test_a_model_1_document_with_a_fault_is_reported_where_the_fault_is() -> None:
    data = _data(TESTS / "golden" / "model-1" / "port-fees.json")
    data["sections"][1]["blocks"][0]["type"] = "chart"
    report = bm.validate(data)
    assert [(p.code, p.path) for p in report.problems] == [
        ("node.unknown-type", "/sections/1/blocks/0/type")
    ]
