"""The JSON Schema: generated from the model, checked in, strict, and in step with reading."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import briefmodel as bm
from briefmodel import _schema
from briefmodel._converter import converter
from briefmodel._schema import schema_problems
from briefmodel.testing import briefs

from ._tools import check_jsonschema
from .formats.json._support import MODEL_EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = Draft202012Validator(bm.json_schema())


def test_checked_in_schema_is_what_the_model_generates() -> None:
    checked_in = (ROOT / "schemas" / "brief.schema.json").read_text("utf-8")
    assert checked_in == _schema.render(_schema.generate()), (
        "schemas/brief.schema.json is stale: run python -m briefmodel._schema --write"
    )


def test_shipped_schema_is_the_checked_in_one() -> None:
    assert bm.json_schema() == json.loads((ROOT / "schemas" / "brief.schema.json").read_text())
    copy = bm.json_schema()
    copy["title"] = "changed"
    assert bm.json_schema()["title"] != "changed"


def test_schema_is_a_valid_2020_12_schema() -> None:
    schema = bm.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_object_is_closed() -> None:
    def objects(node: Any) -> list[dict[str, Any]]:
        found = []
        if isinstance(node, dict):
            # The tagged unions dispatch to closed definitions with if/then.
            if node.get("type") == "object" and "properties" in node and "allOf" not in node:
                found.append(node)
            for value in node.values():
                found.extend(objects(value))
        return found

    closed = objects(bm.json_schema()["$defs"])
    assert len(closed) >= 22
    assert all(node.get("additionalProperties") is False for node in closed)


def test_main_prints_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _schema.main([]) == 0
    assert json.loads(capsys.readouterr().out) == _schema.generate()


@given(briefs())
def test_every_written_brief_is_valid_against_the_schema(brief: bm.Brief) -> None:
    VALIDATOR.validate(bm.to_dict(brief))


# A document mutated at one random place: the fast reading path must never accept what the
# schema rejects, and validation must report the schema's problems.

_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 120)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.sampled_from(
        [
            "",
            "x",
            "en",
            "1x",
            "medtop:1",
            "paragraph",
            "item-list",
            "mention",
            "A",
            "high",
            "2026-01-01T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "https://example.org",
            "javascript:x",
            "two\nlines",
            "briefmodel/2",
            "a:b",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(
            st.sampled_from(["type", "content", "ref", "x", "blocks"]), inner, max_size=2
        )
    ),
    max_leaves=4,
)


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_locations(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_locations(value, (*path, index)))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    data = bm.to_dict(draw(briefs(max_sections=2)))
    path = draw(st.sampled_from(_locations(data)))
    if not path:  # a whole document that is not a brief (a str would be read as text)
        return draw(_values.filter(lambda value: not isinstance(value, str)))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = draw(_values)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["x", "type", "extra"]))] = draw(_values)
    else:
        parent.insert(path[-1], draw(_values))
    return data


@given(mutated_documents())
def test_reading_accepts_nothing_the_schema_rejects(data: Any) -> None:
    schema_errors = schema_problems(data)
    try:
        converter.structure(data, bm.Brief)
        structured = True
    except Exception:  # noqa: BLE001 - any refusal is fine here
        structured = False
    if structured:
        assert schema_errors == [], schema_errors
    report = bm.validate(data)
    if schema_errors:
        assert not report.ok
        # The schema's problems come first; structuring may add what the schema cannot say.
        assert report.problems[: len(schema_errors)] == tuple(schema_errors)
    for problem in report.problems:
        assert problem.path == "" or problem.path.startswith("/")


def test_check_jsonschema_accepts_a_written_brief(tmp_path: Path) -> None:
    brief = bm.loads(MODEL_EXAMPLE)
    good = tmp_path / "good.json"
    good.write_text(bm.dumps(brief), "utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(bm.dumps(brief).replace('"headline"', '"headlines"'), "utf-8")
    command = [check_jsonschema(), "--schemafile", str(ROOT / "schemas" / "brief.schema.json")]
    assert subprocess.run([*command, str(good)], capture_output=True).returncode == 0
    assert subprocess.run([*command, str(bad)], capture_output=True).returncode == 1
