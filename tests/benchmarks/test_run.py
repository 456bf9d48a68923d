"""Smoke tests of ``benchmarks/run.py``: it runs, reports every comparison, and compares
like with like. Nothing here asserts how fast anything is."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

from benchmarks.workloads.newsml_g2 import IPTC_TEXT

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "benchmarks" / "run.py"
# A tiny run: 40 sections (and 4 for the linearity check), two repeats of ~1 ms.
TINY = ["--quick", "--sections", "40", "--repeat", "2", "--min-time", "0.001"]
HAVE_NEWSMLG2 = importlib.util.find_spec("NewsMLG2") is not None
#: IPTC's text example, in the ``shared`` fixture's folder.
IPTC_EXAMPLE = "standards/newsml-g2/2.35/examples/LISTING_2_NewsML-G2_Text_Document.xml"
# Runs the script as __main__ with IPTC's library hidden, as if it were not installed.
WITHOUT_NEWSMLG2 = (
    "import runpy, sys; sys.modules['NewsMLG2'] = None; sys.argv = sys.argv[1:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def _run(*args: str, python: tuple[str, ...] = ()) -> str:
    done = subprocess.run(
        [sys.executable, *python, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def absent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where IPTC's example is not: the runs that do not need it are told to look there,
    so that what they print is the same whether ../shared is beside the project or not."""
    return tmp_path_factory.mktemp("no-iptc") / "absent.xml"


@pytest.fixture(scope="module")
def results(absent: Path) -> dict[str, Any]:
    return json.loads(_run(*TINY, "--json", "--iptc-example", str(absent)))  # type: ignore[no-any-return]


# The comparisons the benchmark exists to make, as (operation, reference, target); a
# target that differs between the example and the large workload is a dict.
EXPECTED: list[tuple[str, str, float | dict[str, float] | None]] = [
    ("dumps", "json.dumps(dict) floor", None),
    ("dumps", "pydantic dump_json", None),
    ("loads", "json.loads floor", None),
    ("loads", "pydantic validate_json", None),
    ("dumps + loads", "pydantic dump + validate", {"example": 1.5, "gen-40": 1.0}),
    ("validate", "pydantic validate_json", {"example": 2.0, "gen-40": 1.2}),
    ("validate", "fastjsonschema", None),
    ("validate", "jsonschema", None),
    ("memory of a loaded brief", "pydantic model", 0.6),
    ("newsml dumps", "lxml build + tostring floor", 1.5),
    ("newsml loads", "lxml parse + extract floor", 1.6),
    ("newsml read", "lxml parse + extract floor", None),
    ("html dumps", "jinja2 template render", 1.0),
    ("html loads", "lxml HTML parse + extract floor", None),
    ("html read", "lxml HTML parse + extract floor", None),
    ("ninjs dumps", "bm.dumps canonical JSON", {"example": 1.3, "gen-40": 1.5}),
    ("ninjs loads", "bm.loads canonical JSON", {"example": 1.3, "gen-40": 1.5}),
    ("text dumps", "bm.dumps canonical JSON", None),
    ("text loads", "bm.loads canonical JSON", None),
    # Markdown
    ("markdown dumps", "bm.dumps canonical JSON", None),
    ("markdown loads", "markdown-it-py commonmark parse", 1.5),
    ("markdown loads", "markdown-it-py parse, body only", None),
    ("markdown loads", "bm.loads canonical JSON", None),
]
# Ours against IPTC's newsmlg2 library, on every brief workload: no target (on large
# items newsmlg2 does not parse the body, which no reader of it can match).
NEWSMLG2_ROWS: list[tuple[str, str, float | dict[str, float] | None]] = [
    ("newsml dumps", "newsmlg2 to_xml_string", None),
    ("newsml loads", "newsmlg2 parse", None),
]
if HAVE_NEWSMLG2:
    EXPECTED += NEWSMLG2_ROWS
# IPTC's text example, when it is there.
IPTC_ROWS = [
    ("newsml loads, lenient", "newsmlg2 parse", 0.1),
    ("newsml loads, lenient", "lxml.fromstring alone", None),
]
HAVE_CHECK_JSONSCHEMA = importlib.util.find_spec("check_jsonschema") is not None
# The start-up rows, on the "start-up" workload; those against check-jsonschema when it
# is installed.
STARTUP_ROWS = [
    ("import briefmodel", "100 ms goal", 1.0),
    ("import briefmodel", "python -c pass", None),
    ("--version", "check-jsonschema --version", 0.5),
    ("validate one.json", "check-jsonschema --schemafile", 1.0),
]
# Issue 14's goals, in order, as the summary names them on the tiny run, with their targets.
GOALS = [
    ("gen-40 dumps + loads vs pydantic dump + validate", "≤ 1x"),
    ("example dumps + loads vs pydantic dump + validate", "≤ 1.5x"),
    ("gen-40 validate vs pydantic validate_json", "≤ 1.2x"),
    ("example validate vs pydantic validate_json", "≤ 2x"),
    ("gen-40 newsml loads vs lxml parse + extract floor", "≤ 1.6x"),
    ("example ninjs loads vs bm.loads canonical JSON", "≤ 1.3x"),
    ("example ninjs dumps vs bm.dumps canonical JSON", "≤ 1.3x"),
    ("start-up import briefmodel", "≤ 100 ms"),
    ("start-up --version vs check-jsonschema --version", "≤ 0.5x"),
    ("start-up validate one.json vs check-jsonschema --schemafile", "≤ 1x"),
    ("batch of 10,000 briefs JSON → HTML, --jobs 2 vs --jobs 1", "≥ 1.8x"),
    ("gen-40 memory of a loaded brief vs pydantic model", "≤ 0.6x"),
]


def _target(target: float | dict[str, float] | None, workload: str) -> float | None:
    return target[workload] if isinstance(target, dict) else target


LINEAR = (
    "dumps",
    "loads",
    "validate",
    "newsml dumps",
    "newsml loads",
    "html dumps",
    "html loads",
    "ninjs dumps",
    "ninjs loads",
    "text dumps",
    "text loads",
    "markdown dumps",
    "markdown loads",
)


def test_json_output_has_every_comparison(results: dict[str, Any]) -> None:
    assert set(results["workloads"]) == {"example", "gen-4", "gen-40"}
    assert results["workloads"]["gen-40"]["sections"] == 40
    assert results["workloads"]["gen-4"]["sections"] == 4
    rows = {(r["workload"], r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    for workload in ("example", "gen-40"):
        for metric, reference, target in EXPECTED:
            row = rows[(workload, metric, reference)]
            assert row["target"] == _target(target, workload)
    linearity = [r for r in results["comparisons"] if r["workload"] == "linearity"]
    assert {(r["metric"], r["reference_name"]) for r in linearity} == {
        (f"{op} per section, gen-40", f"per section, {small}")
        for op in LINEAR
        for small in ("example", "gen-4")
    }
    assert {(r["target"], r["reference_name"]) for r in linearity} == {
        (None, "per section, example"),
        (1.5, "per section, gen-4"),
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
    assert set(results["timings"]["gen-4"]) == {
        "bm.dumps",
        "bm.loads",
        "bm.validate",
        "newsml.dumps",
        "newsml.loads",
        "html.dumps",
        "html.loads",
        "ninjs.dumps",
        "ninjs.loads",
        "text.dumps",
        "text.loads",
        "markdown.dumps",
        "markdown.loads",
    }
    for name in (
        "newsml.dumps",
        "lxml.newsml_write",
        "newsml.loads",
        "newsml.read",
        "html.dumps",
        "jinja2.render",
        "html.loads",
        "html.read",
        "lxml.html_read",
        "ninjs.dumps",
        "ninjs.loads",
        "text.dumps",
        "text.loads",
        "markdown.dumps",
        "markdown.loads",
        "markdown_it.parse",
        "markdown_it.parse(body)",
    ):
        assert 0 < ops[name]["best"] <= ops[name]["median"]
    assert ("newsmlg2.parse" in ops) is HAVE_NEWSMLG2
    for size in ("newsml_bytes", "html_bytes", "ninjs_bytes", "text_bytes", "markdown_bytes"):
        assert results["workloads"]["gen-40"][size] > results["workloads"]["gen-4"][size]
    assert all(value > 0 for value in results["memory"]["gen-40"].values())


def test_text_output_prints_every_row(absent: Path) -> None:
    out = _run(*TINY, "--iptc-example", str(absent))
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
            wanted = _target(target, workload)
            if wanted is None:
                assert row[6:] == ["-"]
            else:
                assert row[6:7] == [f"≤ {wanted:g}x"]
                assert row[7] in ("PASS", "MISS")
    assert sum(c[0] == "linearity" for c in cells) == 2 * len(LINEAR)
    assert "Targets met:" in out
    notes = out.split("Notes")[1]
    assert "fastjsonschema" in notes
    assert "the Jinja2 template renders the page" in notes
    assert "ninjs and Markdown read every workload back to an equal brief" in notes


def test_start_up_rows_and_goals_are_in_the_json(results: dict[str, Any]) -> None:
    rows = {(r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    expected = STARTUP_ROWS if HAVE_CHECK_JSONSCHEMA else STARTUP_ROWS[:2]
    for metric, reference, target in expected:
        row = rows[(metric, reference)]
        assert (row["workload"], row["target"]) == ("start-up", target)
    startup = results["startup"]
    assert startup["runs"] == 6  # three times --repeat
    assert set(startup["cpu_s"]) >= {"python -c pass", "import briefmodel", "briefmodel validate"}
    assert all(seconds > 0 for seconds in startup["cpu_s"].values())
    goals = results["goals"]
    assert [(g["goal"], g["target"]) for g in goals] == GOALS
    batch = goals[10]
    assert (batch["measured"], batch["status"]) == ("-", "run --cli")
    for goal in goals[:10] + goals[11:]:
        if HAVE_CHECK_JSONSCHEMA or "check-jsonschema" not in goal["goal"]:
            assert goal["status"] in ("PASS", "MISS"), goal
            assert goal["ratio"] > 0


def test_the_goals_targets_are_their_rows(results: dict[str, Any]) -> None:
    from benchmarks.harness.goals import GOALS as TABLE

    rows = {(r["workload"], r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    names = {"large": "gen-40", "example": "example", "start-up": "start-up"}
    for role, metric, reference, target in TABLE:
        row = rows.get((names.get(role, role), metric, reference))
        if row is not None:
            assert row["target"] == target, (role, metric)


def test_text_output_ends_with_the_goals(absent: Path) -> None:
    out = _run(*TINY, "--iptc-example", str(absent))
    summary = out.split("\nIssue 14 goals\n")[1].splitlines()
    assert summary[0].split() == ["goal", "target", "measured"]
    for (goal, target), line in zip(GOALS, summary[1:13], strict=True):
        assert line.strip().startswith(goal), line
        assert target in line
    assert summary[11].rstrip().endswith("run --cli")
    assert re.match(r"  met [0-9]+ of the [0-9]+ measured in this run \(of 12\)", summary[13])
    assert "Start-up (CPU time of a child process, median of 6)" in out


def test_without_check_jsonschema_its_rows_are_skipped_and_say_so(absent: Path) -> None:
    hidden = (
        "-c",
        WITHOUT_NEWSMLG2.replace("sys.modules['NewsMLG2']", "sys.modules['check_jsonschema']"),
    )
    results = json.loads(_run(*TINY, "--json", "--iptc-example", str(absent), python=hidden))
    reason = "(check-jsonschema is not installed: pip install check-jsonschema)"
    assert [line for line in results["skipped"] if line.startswith("start-up")] == [
        f"start-up: --version vs check-jsonschema --version {reason}",
        f"start-up: validate one.json vs check-jsonschema --schemafile {reason}",
    ]
    assert not [r for r in results["comparisons"] if "check-jsonschema" in r["reference_name"]]
    statuses = {g["goal"]: g["status"] for g in results["goals"]}
    assert statuses["start-up --version vs check-jsonschema --version"] == "skipped"
    assert statuses["start-up import briefmodel"] in ("PASS", "MISS")


def test_profile_reports_both_orders() -> None:
    out = _run("--profile", "--quick", "--sections", "20")
    for name in ("bm.loads", "bm.dumps"):
        for key in ("cumulative", "tottime"):
            assert f"=== {name} on gen-20 (3 calls), top 15 by {key}" in out


def test_breakdown_times_the_parts_of_each_operation() -> None:
    # (What it says of the times is not checked: a loaded machine may even make a part
    # found by difference negative. Its shape is: every table, every row, a number each.)
    out = _run("--breakdown", "--quick", "--sections", "20")
    tables = out.strip().split("\n\n")
    assert [t.splitlines()[0] for t in tables] == [
        f"{w}: {op}"
        for w in ("example", "gen-20")
        for op in ("newsml loads", "ninjs loads", "ninjs dumps")
    ]
    for table in tables:
        found = (
            re.fullmatch(r"  (\S.*?) +(-?[0-9.]+)(?: +-?[0-9.]+x)?", line)
            for line in table.splitlines()
        )
        rows = {m[1]: float(m[2]) for m in found if m}
        assert any(k.startswith("bm.") for k in rows), table
        assert any(k.startswith("bound") for k in rows), table
        measured = [k for k in rows if k.startswith(("parse", "build", "the body", "the JSON"))]
        assert len(measured) >= 2, table
        assert all(rows[k] > 0 for k in measured), table
        assert len(rows) >= 6, table


def test_without_the_iptc_example_its_rows_are_skipped_and_say_so(
    results: dict[str, Any], absent: Path
) -> None:
    assert "iptc-text" not in results["timings"]
    assert not [r for r in results["comparisons"] if r["workload"] == "iptc-text"]
    assert f"iptc-text: every row (IPTC's example is not at {absent})" in results["skipped"]


def test_iptc_example_rows(shared: Path) -> None:
    example = shared / IPTC_EXAMPLE
    assert example.resolve() == IPTC_TEXT.resolve()  # the default is the one in ../shared
    results = json.loads(_run(*TINY, "--json", "--iptc-example", str(example)))
    assert results["workloads"]["iptc-text"]["bytes"] == example.stat().st_size
    rows = {(r["workload"], r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    for metric, reference, target in IPTC_ROWS if HAVE_NEWSMLG2 else IPTC_ROWS[1:]:
        assert rows[("iptc-text", metric, reference)]["target"] == target
    assert set(results["timings"]["iptc-text"]) == {
        "newsml.loads(lenient)",
        "lxml.fromstring",
        *(["newsmlg2.parse"] if HAVE_NEWSMLG2 else []),
    }
    if HAVE_NEWSMLG2:  # every iptc-text row is measured: none is skipped
        assert not [line for line in results["skipped"] if line.startswith("iptc-text")]


REASON = "(newsmlg2 is not installed: pip install newsmlg2)"


def test_without_newsmlg2_its_rows_are_skipped_and_say_so(absent: Path) -> None:
    hidden = ("-c", WITHOUT_NEWSMLG2)
    results = json.loads(_run(*TINY, "--json", "--iptc-example", str(absent), python=hidden))
    assert results["environment"]["newsmlg2"] == "not installed"
    references = {r["reference_name"] for r in results["comparisons"]}
    assert not any(reference.startswith("newsmlg2") for reference in references)
    assert "lxml build + tostring floor" in references
    expected = [
        f"{workload}: {metric} vs {reference} {REASON}"
        for workload in ("example", "gen-40")
        for metric, reference, _ in NEWSMLG2_ROWS
    ]
    expected.append(f"iptc-text: every row (IPTC's example is not at {absent})")
    # (and the start-up rows against check-jsonschema, where it is not installed)
    assert [line for line in results["skipped"] if not line.startswith("start-up")] == expected
    text = _run(*TINY, "--iptc-example", str(absent), python=hidden)
    skipped = text.split("\nSkipped\n")[1].split("\n\n")[0]
    shown = [line for line in skipped.splitlines() if not line.startswith("  - start-up")]
    assert shown == [f"  - {line}" for line in expected]


def test_without_newsmlg2_its_iptc_example_row_is_skipped_and_says_so(shared: Path) -> None:
    example = shared / IPTC_EXAMPLE
    hidden = ("-c", WITHOUT_NEWSMLG2)
    results = json.loads(_run(*TINY, "--json", "--iptc-example", str(example), python=hidden))
    iptc = [line for line in results["skipped"] if line.startswith("iptc-text")]
    assert iptc == [f"iptc-text: newsml loads, lenient vs newsmlg2 parse {REASON}"]
    assert set(results["timings"]["iptc-text"]) == {"newsml.loads(lenient)", "lxml.fromstring"}
