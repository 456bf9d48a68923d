"""Smoke tests of ``benchmarks/run.py``: it runs, reports every comparison, and compares
like with like. Nothing here asserts how fast anything is."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"
# A tiny run: 40 sections (and 4 for the linearity check), two repeats of ~1 ms.
TINY = ["--quick", "--sections", "40", "--repeat", "2", "--min-time", "0.001"]


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """The benchmark script imported as a module."""
    spec = importlib.util.spec_from_file_location("briefmodel_benchmark_run", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves forward references through it
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    return json.loads(_run(*TINY, "--json"))  # type: ignore[no-any-return]


# The comparisons the benchmark exists to make, as (operation, reference, target).
EXPECTED = [
    ("dumps", "json.dumps(dict) floor", None),
    ("dumps", "pydantic dump_json", None),
    ("loads", "json.loads floor", None),
    ("loads", "pydantic validate_json", None),
    ("dumps + loads", "pydantic dump + validate", 1.0),
    ("validate", "pydantic validate_json", 2.0),
    ("validate", "fastjsonschema", None),
    ("validate", "jsonschema", None),
    ("memory of a loaded brief", "pydantic model", None),
]


def test_json_output_has_every_comparison(results: dict[str, Any]) -> None:
    assert set(results["workloads"]) == {"example", "gen-4", "gen-40"}
    assert results["workloads"]["gen-40"]["sections"] == 40
    assert results["workloads"]["gen-4"]["sections"] == 4
    rows = {(r["workload"], r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    for workload in ("example", "gen-40"):
        for metric, reference, target in EXPECTED:
            row = rows[(workload, metric, reference)]
            assert row["target"] == target
    linearity = [r for r in results["comparisons"] if r["workload"] == "linearity"]
    assert {(r["metric"], r["reference_name"]) for r in linearity} == {
        (f"{op} per section, gen-40", f"per section, {small}")
        for op in ("dumps", "loads", "validate")
        for small in ("example", "gen-4")
    }


def test_ratios_and_verdicts_are_consistent(results: dict[str, Any]) -> None:
    for row in results["comparisons"]:
        assert row["ours"] > 0
        assert row["reference"] > 0
        assert row["ratio"] == pytest.approx(row["ours"] / row["reference"])
        if row["target"] is None:
            assert row["status"] is None
        else:
            assert row["status"] == ("PASS" if row["ratio"] <= row["target"] else "MISS")


def test_timings_and_memory_are_recorded(results: dict[str, Any]) -> None:
    ops = results["timings"]["gen-40"]
    for name in ("bm.dumps", "bm.loads", "bm.validate", "pydantic.validate_json", "jsonschema"):
        assert 0 < ops[name]["best"] <= ops[name]["median"]
        assert ops[name]["repeat"] == 2
    assert set(results["timings"]["gen-4"]) == {"bm.dumps", "bm.loads", "bm.validate"}
    assert all(value > 0 for value in results["memory"]["gen-40"].values())


def test_text_output_prints_every_row() -> None:
    out = _run(*TINY)
    table = out.split("Comparisons")[1].split("Targets met:")[0]
    # Columns are separated by at least two spaces: workload, operation, ours,
    # reference, theirs, ratio, target and verdict.
    cells = [re.split(r"\s{2,}", line.strip()) for line in table.splitlines()[2:] if line]
    for workload in ("example", "gen-40"):
        for metric, reference, target in EXPECTED:
            matching = [
                c for c in cells if c[0] == workload and c[1] == metric and c[3] == reference
            ]
            assert len(matching) == 1, (workload, metric, reference)
            (row,) = matching
            assert re.fullmatch(r"[0-9.]+x", row[5])
            if target is None:
                assert row[6:] == ["-"]
            else:
                assert row[6:7] == [f"≤ {target:g}x"]
                assert row[7] in ("PASS", "MISS")
    assert sum(c[0] == "linearity" for c in cells) == 6
    assert "Targets met:" in out
    assert "fastjsonschema" in out.split("Notes")[1]


def test_profile_reports_both_orders() -> None:
    out = _run("--profile", "--quick", "--sections", "20")
    for name in ("bm.loads", "bm.dumps"):
        for key in ("cumulative", "tottime"):
            assert f"=== {name} on gen-20 (3 calls), top 15 by {key}" in out


def test_generated_brief_has_the_requested_shape(bench: ModuleType) -> None:
    brief = bench.generated_brief(12)
    report = bm.validate(brief)
    assert report.ok, report.problems
    assert report.warnings == ()
    assert len(brief.sections) == 12
    for section in brief.sections:
        assert section.title
        assert section.role
        paragraph, item_list = section.blocks
        kinds = {type(node) for node in paragraph.content}
        assert {bm.Mention, bm.Citation} <= kinds
        assert len(item_list.items) == 3


def test_pydantic_model_reads_the_same_json(bench: ModuleType) -> None:
    brief = bench.generated_brief(3)
    model = bench.PBrief.model_validate_json(bm.dumps(brief))
    assert len(model.sections) == 3

    def prune(value: Any) -> Any:  # pydantic writes empty arrays and default values
        if isinstance(value, dict):
            return {k: prune(v) for k, v in value.items() if v not in ([], {})}
        if isinstance(value, list):
            return [prune(v) for v in value]
        return value

    written = prune(json.loads(bench.pydantic_dumps(model)))
    assert written == {**bm.to_dict(brief), "version": 1, "status": "usable"}


def test_pydantic_model_and_fastjsonschema_reject_invalid_documents(bench: ModuleType) -> None:
    import pydantic

    samples = bench.invalid_documents()
    assert len(samples) >= 5
    notes: list[str] = []
    check = bench.compile_fastjsonschema(notes)
    for name, document in samples:
        assert not bm.validate(document).ok, name
        with pytest.raises(pydantic.ValidationError):
            bench.PBrief.model_validate_json(json.dumps(document))
        if check is not None:
            assert not bench._accepts(check, document), name
