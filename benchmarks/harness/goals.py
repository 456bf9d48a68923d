"""Issue 14's goals ("As fast as pydantic"), each the row of a run that measures it: the
summary printed at the end of the report and given in ``--json`` as ``goals``.

A goal names its row by the role of the workload (``example``, ``large``: the generated
brief of ``--sections`` sections, gen-1000 by default), the operation and the
reference, with the issue's target (the rows carry the same). The batch speed-up is
measured by ``run.py --cli`` only: the in-process run shows it as ``run --cli``, and
``--cli --to html`` fills it in (showing the in-process goals as ``run.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (this module imports nothing else: run.py --cli uses it too, and
    from .report import Row  # must not load lxml or pydantic before its children run)

#: The batch goal's conversion: 10,000 briefs JSON → HTML (``run.py --cli --to html``).
BATCH_BRIEFS = 10_000
#: What the goals not measured by a run say, by where they are measured.
ELSEWHERE = {"batch": "run --cli", "in-process": "run.py"}
#: The name of the large workload when a run has none (``run.py --cli``).
LARGE = "gen-1000"


@dataclass
class Goal:
    """One of the issue's goals and what this run measured of it."""

    goal: str
    target: str
    measured: str
    status: str
    ratio: float | None = None

    def as_json(self) -> dict[str, Any]:
        """The goal as ``--json`` gives it."""
        return {
            "goal": self.goal,
            "target": self.target,
            "measured": self.measured,
            "ratio": self.ratio,
            "status": self.status,
        }


#: Each goal as (workload role, operation, reference, target): the row that measures it,
#: in the issue's order, and at most what its ratio may be (the rows carry the same
#: targets: tests/benchmarks/test_run.py). "start-up" is the start-up rows' workload;
#: "import briefmodel" is against its goal in seconds; "batch" is measured by --cli and
#: must reach at least its target.
GOALS: tuple[tuple[str, str, str, float], ...] = (
    ("large", "dumps + loads", "pydantic dump + validate", 1.0),
    ("example", "dumps + loads", "pydantic dump + validate", 1.5),
    ("large", "validate", "pydantic validate_json", 1.2),
    ("example", "validate", "pydantic validate_json", 2.0),
    ("large", "newsml loads", "lxml parse + extract floor", 1.6),
    ("example", "ninjs loads", "bm.loads canonical JSON", 1.3),
    ("example", "ninjs dumps", "bm.dumps canonical JSON", 1.3),
    ("start-up", "import briefmodel", "100 ms goal", 1.0),
    ("start-up", "--version", "check-jsonschema --version", 0.5),
    ("start-up", "validate one.json", "check-jsonschema --schemafile", 1.0),
    ("batch", "JSON → HTML, --jobs 2", "--jobs 1", 1.8),
    ("large", "memory of a loaded brief", "pydantic model", 0.6),
)


def issue_goals(
    rows: Sequence[Row],
    names: Mapping[str, str],
    batch: Mapping[str, Any] | None = None,
    skipped: Sequence[str] = (),
) -> list[Goal]:
    """The goals, from the ``rows`` of a run whose workloads of each role are ``names``
    (role to workload name); ``batch``: the speed-up (``ratio``) and ``briefs`` of a
    ``--cli --to html`` run."""
    by_key = {(row.workload, row.metric, row.reference_name): row for row in rows}
    goals = []
    for role, metric, reference, target in GOALS:
        if role == "batch":
            goals.append(_batch(metric, reference, target, batch))
            continue
        workload = names.get(role, LARGE if role == "large" else role)
        label = f"{workload} {metric}"
        if metric == "import briefmodel":  # an absolute goal: the time against it
            wanted = "≤ 100 ms"
        else:
            label += f" vs {reference}"
            wanted = f"≤ {target:g}x"
        row = by_key.get((workload, metric, reference))
        if row is None:
            said = any(line.startswith(f"{workload}: {metric}") for line in skipped)
            goals.append(Goal(label, wanted, "-", "skipped" if said else ELSEWHERE["in-process"]))
            continue
        measured = f"{row.ours * 1000:.0f} ms" if metric == "import briefmodel" else ""
        status = "PASS" if row.ratio <= target else "MISS"
        goals.append(Goal(label, wanted, measured or f"{row.ratio:.2f}x", status, row.ratio))
    return goals


def _batch(metric: str, reference: str, target: float, batch: Mapping[str, Any] | None) -> Goal:
    briefs = BATCH_BRIEFS if batch is None else int(batch["briefs"])
    label = f"batch of {briefs:,} briefs {metric} vs {reference}"
    if batch is None:
        return Goal(label, f"≥ {target:g}x", "-", ELSEWHERE["batch"])
    ratio = float(batch["ratio"])
    return Goal(
        label, f"≥ {target:g}x", f"{ratio:.2f}x", "PASS" if ratio >= target else "MISS", ratio
    )


def render_goals(goals: Sequence[Goal]) -> str:
    """The summary as the report prints it."""
    header = Goal("goal", "target", "measured", "")
    lines = [header, *goals]
    width = [max(len(getattr(g, name)) for g in lines) for name in ("goal", "target", "measured")]
    out = ["", "Issue 14 goals"]
    for g in lines:
        cells = (g.goal.ljust(width[0]), g.target.ljust(width[1]), g.measured.rjust(width[2]))
        out.append(("  " + "  ".join((*cells, g.status))).rstrip())
    met = sum(g.status == "PASS" for g in goals)
    judged = sum(g.status in ("PASS", "MISS") for g in goals)
    out.append(f"  met {met} of the {judged} measured in this run (of {len(goals)})")
    return "\n".join(out) + "\n"
