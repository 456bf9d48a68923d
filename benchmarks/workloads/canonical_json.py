"""Canonical JSON: ``bm.dumps``, ``bm.to_dict``, ``bm.loads`` and ``bm.validate`` against
the standard library's ``json`` (the floor), the pydantic model and the JSON Schema
validators: the rows of one workload."""

from __future__ import annotations

from collections.abc import Iterator

from ..harness.report import Row
from ..harness.timing import Timing

#: bm.dumps + bm.loads against pydantic's model_dump_json + model_validate_json, by the
#: workload's role (issue 14: at most 1.0x on gen-1000, 1.5x on the 5-section example).
DUMPS_LOADS_TARGETS = {"example": 1.5, "large": 1.0}
#: bm.validate against pydantic's model_validate_json, by role (issue 14: at most 1.2x
#: on gen-1000, 2.0x on the example).
VALIDATE_TARGETS = {"example": 2.0, "large": 1.2}


def comparison_rows(workload: str, t: dict[str, Timing], role: str = "large") -> Iterator[Row]:
    """The ratios of one workload, with the targets of its ``role``."""
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
        target=DUMPS_LOADS_TARGETS.get(role),
    )
    yield Row(
        workload,
        "validate",
        best["bm.validate"],
        "pydantic validate_json",
        best["pydantic.validate_json"],
        target=VALIDATE_TARGETS.get(role),
    )
    if "fastjsonschema" in best:
        yield Row(
            workload, "validate", best["bm.validate"], "fastjsonschema", best["fastjsonschema"]
        )
    yield Row(workload, "validate", best["bm.validate"], "jsonschema", best["jsonschema"])
