"""What a run found and how it is told: a comparison :class:`Row`, the :class:`Results` of
a run (also as JSON), the versions measured (:func:`environment`), and the report
(:func:`render`)."""

from __future__ import annotations

import io
import platform
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..references.iptc_newsmlg2 import NewsMLG2
from .timing import Timing

if TYPE_CHECKING:
    from .goals import Goal


@dataclass
class Row:
    """One line of the report: our operation against a reference, with its target."""

    workload: str
    metric: str
    ours: float
    reference_name: str
    reference: float
    unit: str = "s"
    target: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours / self.reference

    @property
    def status(self) -> str:
        if self.target is None:
            return ""
        return "PASS" if self.ratio <= self.target else "MISS"


@dataclass
class Results:
    """Everything one run found."""

    settings: dict[str, Any]
    environment: dict[str, str]
    workloads: dict[str, dict[str, Any]] = field(default_factory=dict)
    timings: dict[str, dict[str, Timing]] = field(default_factory=dict)
    memory: dict[str, dict[str, int]] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Comparisons that could not be made, and why.
    skipped: list[str] = field(default_factory=list)
    #: The start-up commands' median CPU times (``workloads/startup.py``) and the runs.
    startup: dict[str, Any] = field(default_factory=dict)
    #: Issue 14's goals, each with what this run measured of it (``harness/goals.py``).
    goals: list[Goal] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "environment": self.environment,
            "workloads": self.workloads,
            "timings": {
                w: {op: asdict(t) for op, t in ops.items()} for w, ops in self.timings.items()
            },
            "memory": self.memory,
            "comparisons": [
                {
                    **asdict(row),
                    "ratio": row.ratio,
                    "status": row.status or None,
                }
                for row in self.rows
            ],
            "startup": self.startup,
            "goals": [goal.as_json() for goal in self.goals],
            "notes": self.notes,
            "skipped": self.skipped,
        }


def environment() -> dict[str, str]:
    """Versions of everything measured."""
    env = {"python": platform.python_version(), "platform": platform.platform()}
    for package in (
        "briefmodel",
        "attrs",
        "cattrs",
        "pydantic",
        "pydantic-core",
        "fastjsonschema",
        "jsonschema",
        "jinja2",
        "markupsafe",
        "markdown-it-py",
    ):
        env[package] = version(package)
    env["lxml"] = ".".join(map(str, etree.LXML_VERSION))
    env["libxml2"] = ".".join(map(str, etree.LIBXML_VERSION))
    env["newsmlg2"] = version("newsmlg2") if NewsMLG2 is not None else "not installed"
    return env


def _time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def _bytes(count: float) -> str:
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count:.0f} B"


def _amount(value: float, unit: str) -> str:
    return _bytes(value) if unit == "B" else _time(value)


def render(results: Results) -> str:
    """The human-readable report."""
    out = io.StringIO()
    env = results.environment
    out.write(
        f"briefmodel {env['briefmodel']} benchmark: Python {env['python']}, attrs "
        f"{env['attrs']}, cattrs {env['cattrs']}, pydantic {env['pydantic']}, "
        f"fastjsonschema {env['fastjsonschema']}, jsonschema {env['jsonschema']}, "
        f"lxml {env['lxml']} (libxml2 {env['libxml2']}), newsmlg2 {env['newsmlg2']}, "
        f"Jinja2 {env['jinja2']} (MarkupSafe {env['markupsafe']}), "
        f"markdown-it-py {env['markdown-it-py']}\n"
    )
    settings = results.settings
    out.write(
        f"best per-call time of {settings['repeat']} repeats of ≥ {settings['min_time']} s "
        f"(gc {'on' if settings['gc'] else 'off'} during timing); memory by tracemalloc\n\n"
    )
    out.write("Workloads\n")
    for name, info in results.workloads.items():
        if "sections" not in info:  # a NewsML-G2 document that is only read
            out.write(f"  {name:<9} {_bytes(info['bytes']):>8} NewsML-G2  {info['origin']}\n")
            continue
        out.write(
            f"  {name:<9} {info['sections']:>5} sections, {_bytes(info['bytes']):>8} "
            f"canonical JSON ({_bytes(info['pydantic_json_bytes'])} from pydantic), "
            f"{_bytes(info['newsml_bytes'])} NewsML-G2, {_bytes(info['html_bytes'])} HTML, "
            f"{_bytes(info['ninjs_bytes'])} ninjs, {_bytes(info['text_bytes'])} text, "
            f"{_bytes(info['markdown_bytes'])} Markdown  {info['origin']}\n"
        )
    out.write("\nTimings (best / median per call)\n")
    for workload, ops in results.timings.items():
        out.write(f"  {workload}\n")
        for op, timing in ops.items():
            out.write(
                f"    {op:<24} {_time(timing.best):>10} / {_time(timing.median):<10}"
                f" ({timing.number} calls x {timing.repeat})\n"
            )
    if results.startup:
        out.write(
            f"\nStart-up (CPU time of a child process, median of {results.startup['runs']})\n"
        )
        for command, seconds in results.startup["cpu_s"].items():
            out.write(f"    {command:<28} {_time(seconds):>10}\n")
    header = ("workload", "operation", "ours", "reference", "theirs", "ratio", "target", "")
    lines = [
        (
            row.workload,
            row.metric,
            _amount(row.ours, row.unit),
            row.reference_name,
            _amount(row.reference, row.unit),
            f"{row.ratio:.2f}x",
            f"≤ {row.target:g}x" if row.target is not None else "-",
            row.status,
        )
        for row in results.rows
    ]
    widths = [max(len(str(col)) for col in column) for column in zip(header, *lines, strict=True)]
    out.write("\nComparisons (ratio = ours / reference; lower is better)\n")
    for line in (header, *lines):
        cells = [
            str(cell).rjust(width) if index in (2, 4, 5) else str(cell).ljust(width)
            for index, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.write("  " + "  ".join(cells).rstrip() + "\n")
    missed = [row for row in results.rows if row.status == "MISS"]
    targets = [row for row in results.rows if row.target is not None]
    out.write(f"\nTargets met: {len(targets) - len(missed)} of {len(targets)}\n")
    if results.skipped:
        out.write("\nSkipped\n")
        for line in results.skipped:
            out.write(f"  - {line}\n")
    if results.notes:
        out.write("\nNotes\n")
        for note in results.notes:
            out.write(f"  - {note}\n")
    if results.goals:
        from .goals import render_goals

        out.write(render_goals(results.goals))
    return out.getvalue()
