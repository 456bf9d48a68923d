"""The scale benchmark of ``briefmodel convert`` (``benchmarks/workloads/cli_batch.py``,
``run.py --cli``): a smoke run, nothing here is about speed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def test_the_scale_benchmark_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # run from another folder, which it leaves empty
    script = Path(__file__).resolve().parent.parent.parent / "benchmarks" / "run.py"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            "--cli",
            "--small",
            "2",
            "--large",
            "6",
            "--speed",
            "6",
            "--repeat",
            "3",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert results["failed_runs"] == []
    memory, speedup = results["memory"], results["speedup"]
    assert (memory["small"]["briefs"], memory["large"]["briefs"]) == (2, 6)
    assert memory["small"]["peak_rss_mib"] > 10  # a whole Python process was measured
    assert memory["ratio"] == memory["large"]["peak_rss_mib"] / memory["small"]["peak_rss_mib"]
    assert [r["jobs"] for r in speedup["jobs_1"] + speedup["jobs_2"]] == [1, 1, 1, 2, 2, 2]
    assert speedup["ratio"] == speedup["best_1"] / speedup["best_2"]
    assert speedup["machine_ceiling"] > 0
    assert speedup["start_1"] > 0
    assert speedup["start_2"] > 0
    assert len(list(Path().iterdir())) == 0  # its temporary folder is gone


def test_to_html_it_gives_issue_14s_batch_goal(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parent.parent.parent / "benchmarks" / "run.py"
    sizes = ["--small", "2", "--large", "4", "--speed", "4", "--repeat", "1", "--to", "html"]
    command = [sys.executable, str(script), "--cli", *sizes, "--dir", str(tmp_path)]
    done = subprocess.run([*command, "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    goals = {goal["goal"]: goal for goal in results["goals"]}
    batch = goals["batch of 4 briefs JSON → HTML, --jobs 2 vs --jobs 1"]
    assert batch["ratio"] == results["speedup"]["ratio"]
    assert batch["target"] == "≥ 1.8x"
    assert batch["status"] == ("PASS" if batch["ratio"] >= 1.8 else "MISS")
    others = [goal for goal in results["goals"] if goal is not batch]
    assert len(others) == 11
    assert {goal["status"] for goal in others} == {"run.py"}
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert "\nIssue 14 goals\n" in text
    assert "batch of 4 briefs JSON → HTML, --jobs 2 vs --jobs 1" in text
