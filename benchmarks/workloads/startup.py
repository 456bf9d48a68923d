"""Start-up: what a fresh process pays before it does anything, measured as the CPU time
(user + system) of child processes, the median of several runs each:

* ``import briefmodel`` against the goal of 100 ms (and, as context, the interpreter
  alone, ``python -c pass``, and what the first use costs: ``import briefmodel`` then
  ``bm.load`` of one brief, since the package's names are imported when first used);
* ``briefmodel --version`` against ``check-jsonschema --version``;
* ``briefmodel validate one.json`` against ``check-jsonschema --schemafile <schema>
  one.json`` on the same file (``examples/port-fees.json``) and briefmodel's own schema
  (``schemas/brief.schema.json``), both of which must find it valid.

Every command runs as ``python -m …`` under the interpreter running the benchmark, so
that both sides pay the same interpreter and ``runpy``. The children run without
``PYTHONDONTWRITEBYTECODE`` and each command once untimed first, so that what is timed is
a start-up with its bytecode cached, as an installed package has it. The comparisons
with check-jsonschema are skipped, and say so, when it is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import briefmodel as bm

from ..harness.briefs import ROOT
from ..harness.report import Results, Row

#: ``import briefmodel`` may take at most this much CPU time, in seconds.
IMPORT_GOAL = 0.100
#: ``briefmodel --version`` against ``check-jsonschema --version``.
VERSION_TARGET = 0.5
#: ``briefmodel validate one.json`` against check-jsonschema on the same file.
VALIDATE_TARGET = 1.0
#: The document both validate.
ONE = ROOT / "examples" / "port-fees.json"
#: briefmodel's JSON Schema, as shipped (``bm.json_schema()`` is written out without it).
SCHEMA = ROOT / "schemas" / "brief.schema.json"

_NO_CHECK_JSONSCHEMA = "(check-jsonschema is not installed: pip install check-jsonschema)"


def have_check_jsonschema() -> bool:
    """Whether check-jsonschema can be run here."""
    try:
        return importlib.util.find_spec("check_jsonschema") is not None
    except ValueError:  # its entry in sys.modules is None: hidden, as the tests hide it
        return False


def cpu_seconds(command: Sequence[str], *, expect: int = 0) -> float:
    """The CPU time (user + system) that running ``command`` took, from the rusage of
    this process's children before and after it. A command that does not exit with
    ``expect`` stops the run: a start-up that fails is not measured."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, env=environ, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != expect:
        raise SystemExit(
            f"{' '.join(command)} exited with {done.returncode}: {done.stderr.decode()[-500:]}"
        )
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(command: Sequence[str], runs: int) -> float:
    """The median CPU time of ``runs`` runs of ``command``, after one untimed run."""
    cpu_seconds(command)  # caches the bytecode, warms the file system
    times = sorted(cpu_seconds(command) for _ in range(runs))
    middle = len(times) // 2
    return times[middle] if len(times) % 2 else (times[middle - 1] + times[middle]) / 2


def commands(schema: Path, one: Path = ONE) -> dict[str, list[str]]:
    """The commands measured, by name."""
    python = sys.executable
    return {
        "python -c pass": [python, "-c", "pass"],
        "import briefmodel": [python, "-c", "import briefmodel"],
        # (its names are imported when first used: this is what a first use costs)
        "import briefmodel, load one.json": [
            python,
            "-c",
            f"import briefmodel as bm; bm.load({str(one)!r})",
        ],
        "briefmodel --version": [python, "-m", "briefmodel", "--version"],
        "briefmodel validate": [python, "-m", "briefmodel", "validate", str(one)],
        "check-jsonschema --version": [python, "-m", "check_jsonschema", "--version"],
        "check-jsonschema validate": [
            python,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(schema),
            str(one),
        ],
    }


def measure_startup(
    results: Results, *, runs: int, progress: Callable[[str], None] | None = None
) -> None:
    """Time every start-up command ``runs`` times and add the start-up rows (or say why
    the comparisons with check-jsonschema are skipped)."""
    with tempfile.TemporaryDirectory(prefix="bm-startup-") as folder:
        schema = SCHEMA
        if not schema.is_file():
            schema = Path(folder) / "brief.schema.json"
            schema.write_text(json.dumps(bm.json_schema()), "utf-8")
        wanted = commands(schema)
        if not have_check_jsonschema():
            wanted = {k: v for k, v in wanted.items() if not k.startswith("check-jsonschema")}
        timings: dict[str, float] = {}
        for name, command in wanted.items():
            if progress is not None:
                progress(f"start-up: {name}")
            timings[name] = median_cpu(command, runs)
    results.startup = {"runs": runs, "cpu_s": timings}
    results.rows.extend(startup_rows(timings, results.skipped))
    results.notes.append(
        f"start-up rows: CPU time (user + system) of a child process, median of {runs} runs "
        "after one untimed run, bytecode cached; every command is python -m … under this "
        f"interpreter; both validators find {ONE.name} valid against {SCHEMA.name}"
    )


def startup_rows(timings: dict[str, float], skipped: list[str]) -> list[Row]:
    """The start-up rows, from the median CPU times by command name."""
    rows = [
        Row(
            "start-up",
            "import briefmodel",
            timings["import briefmodel"],
            f"{IMPORT_GOAL * 1000:g} ms goal",
            IMPORT_GOAL,
            target=1.0,
        ),
        Row(
            "start-up",
            "import briefmodel",
            timings["import briefmodel"],
            "python -c pass",
            timings["python -c pass"],
        ),
        Row(
            "start-up",
            "import briefmodel, bm.load(one.json)",
            timings["import briefmodel, load one.json"],
            "python -c pass",
            timings["python -c pass"],
        ),
    ]
    pairs = (
        ("--version", "briefmodel --version", "check-jsonschema --version", VERSION_TARGET),
        ("validate one.json", "briefmodel validate", "check-jsonschema validate", VALIDATE_TARGET),
    )
    for metric, ours, theirs, target in pairs:
        reference = theirs.replace("validate", "--schemafile")
        if theirs not in timings:
            skipped.append(f"start-up: {metric} vs {reference} {_NO_CHECK_JSONSCHEMA}")
            continue
        rows.append(
            Row("start-up", metric, timings[ours], reference, timings[theirs], target=target)
        )
    return rows
