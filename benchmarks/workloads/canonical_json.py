"""Canonical JSON: ``bm.dumps``, ``bm.to_dict``, ``bm.loads`` and ``bm.validate`` against
the standard library's ``json`` (the floor), the pydantic model and the JSON Schema
validators: the rows of one workload."""

from __future__ import annotations

from collections.abc import Iterator

from ..harness.report import Row
from ..harness.timing import Timing


def comparison_rows(workload: str, t: dict[str, Timing]) -> Iterator[Row]:
    """The ratios of one workload."""
    best = {name: timing.best for name, timing in t.items()}
    yield Row(workload, "dumps", best["bm.dumps"], "json.dumps(dict) floor", best["json.dumps"])
    yield Row(workload, "dumps", best["bm.dumps"], "pydantic dump_json", best["pydantic.dump_json"])
    yield Row(workload, "to_dict", best["bm.to_dict"], "json.dumps(dict) floor", best["json.dumps"])
    yield Row(workload, "loads", best["bm.loads"], "json.loads floor", best["json.loads"])
    yield Row(
        workload,
        "loads",
        best["bm.loads"],
        "pydantic validate_json",
        best["pydantic.validate_json"],
    )
    yield Row(
        workload,
        "dumps + loads",
        best["bm.dumps"] + best["bm.loads"],
        "pydantic dump + validate",
        best["pydantic.dump_json"] + best["pydantic.validate_json"],
        target=1.0,
    )
    yield Row(
        workload,
        "validate",
        best["bm.validate"],
        "pydantic validate_json",
        best["pydantic.validate_json"],
        target=2.0,
    )
    if "fastjsonschema" in best:
        yield Row(
            workload, "validate", best["bm.validate"], "fastjsonschema", best["fastjsonschema"]
        )
    yield Row(workload, "validate", best["bm.validate"], "jsonschema", best["jsonschema"])
