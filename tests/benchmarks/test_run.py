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
    ("newsml dumps", "lxml build + tostring floor", 1.5),
    ("newsml loads", "lxml parse + extract floor", 2.0),
    ("newsml read", "lxml parse + extract floor", None),
    ("html dumps", "jinja2 template render", 1.0),
    ("html loads", "lxml HTML parse + extract floor", None),
    ("html read", "lxml HTML parse + extract floor", None),
    ("ninjs dumps", "bm.dumps canonical JSON", 1.5),
    ("ninjs loads", "bm.loads canonical JSON", 1.5),
    ("text dumps", "bm.dumps canonical JSON", None),
    ("text loads", "bm.loads canonical JSON", None),
    # Markdown
    ("markdown dumps", "bm.dumps canonical JSON", None),
    ("markdown loads", "markdown-it-py commonmark parse", 1.5),
    ("markdown loads", "markdown-it-py parse, body only", None),
    ("markdown loads", "bm.loads canonical JSON", None),
]
# Ours against IPTC's newsmlg2 library, on every brief workload.
NEWSMLG2_ROWS = [
    ("newsml dumps", "newsmlg2 to_xml_string", 0.1),
    ("newsml loads", "newsmlg2 parse", 0.1),
]
if HAVE_NEWSMLG2:
    EXPECTED += NEWSMLG2_ROWS
# IPTC's text example, when it is there.
IPTC_ROWS = [
    ("newsml loads, lenient", "newsmlg2 parse", 0.1),
    ("newsml loads, lenient", "lxml.fromstring alone", None),
]
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
            assert row["target"] == target
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
            if target is None:
                assert row[6:] == ["-"]
            else:
                assert row[6:7] == [f"≤ {target:g}x"]
                assert row[7] in ("PASS", "MISS")
    assert sum(c[0] == "linearity" for c in cells) == 2 * len(LINEAR)
    assert "Targets met:" in out
    notes = out.split("Notes")[1]
    assert "fastjsonschema" in notes
    assert "the Jinja2 template renders the page" in notes
    assert "ninjs and Markdown read every workload back to an equal brief" in notes


def test_profile_reports_both_orders() -> None:
    out = _run("--profile", "--quick", "--sections", "20")
    for name in ("bm.loads", "bm.dumps"):
        for key in ("cumulative", "tottime"):
            assert f"=== {name} on gen-20 (3 calls), top 15 by {key}" in out


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
    assert results["skipped"] == expected
    text = _run(*TINY, "--iptc-example", str(absent), python=hidden)
    skipped = text.split("\nSkipped\n")[1].split("\n\n")[0]
    assert skipped.splitlines() == [f"  - {line}" for line in expected]


def test_without_newsmlg2_its_iptc_example_row_is_skipped_and_says_so(shared: Path) -> None:
    example = shared / IPTC_EXAMPLE
    hidden = ("-c", WITHOUT_NEWSMLG2)
    results = json.loads(_run(*TINY, "--json", "--iptc-example", str(example), python=hidden))
    iptc = [line for line in results["skipped"] if line.startswith("iptc-text")]
    assert iptc == [f"iptc-text: newsml loads, lenient vs newsmlg2 parse {REASON}"]
    assert set(results["timings"]["iptc-text"]) == {"newsml.loads(lenient)", "lxml.fromstring"}
