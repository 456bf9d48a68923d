"""ninjs: what the writer writes conforms to IPTC's official ninjs 3.1 and 2.1 schemas
(in ../shared/standards), and reads back to an equal brief."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from referencing import Registry, Resource

import briefmodel as bm
from briefmodel.formats import ninjs
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]


ON_DISK = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)


@pytest.fixture(scope="module")
def validators(shared: Path) -> dict[str, jsonschema.protocols.Validator]:
    """IPTC's ninjs 3.1 and 2.1 schemas, with the local GeoJSON copy: nothing fetched."""
    base = shared / "standards" / "ninjs" / "schemas"
    geo = json.loads((base / "GeoJSON.json").read_text("utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geo)
    )
    found: dict[str, jsonschema.protocols.Validator] = {}
    for version in ninjs.VERSIONS:
        schema = json.loads((base / f"ninjs-schema_{version}.json").read_text("utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        found[version] = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return found


def _conforms(text: str, version: str, validators: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    errors = [f"{e.json_path}: {e.message[:120]}" for e in validators[version].iter_errors(doc)]
    assert not errors, errors[:5]
    return doc


@pytest.mark.parametrize("version", ninjs.VERSIONS)
@pytest.mark.parametrize("path", ON_DISK, ids=lambda p: p.name)
def test_every_example_conforms_and_round_trips(
    path: Path, version: str, validators: dict[str, Any]
) -> None:
    brief = bm.load(path)
    text = bm.dumps(brief, "ninjs", version=version)
    _conforms(text, version, validators)
    back = bm.loads(text, "ninjs")
    assert bm.to_dict(back) == bm.to_dict(brief)
    assert back == brief


@given(briefs())
def test_generated_briefs_conform_and_round_trip(
    validators: dict[str, Any], brief: bm.Brief
) -> None:
    for version in ninjs.VERSIONS:
        text = bm.dumps(brief, "ninjs", version=version)
        _conforms(text, version, validators)
        back = bm.loads(text, "ninjs")
        assert back == brief
        assert bm.dumps(back) == bm.dumps(brief)
