"""Linearity: the per-section time of the large generated brief against that of the
example and of the generated brief a tenth of its size (the same shape), a check for
work that grows faster than the document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..harness.briefs import Workload
from ..harness.report import Row
from ..harness.timing import Timing

#: Per-section cost of the large generated brief may be at most this many times that of
#: the generated brief a tenth of its size (the same shape): a check for superlinear work.
LINEARITY_TARGET = 1.5


#: The operations whose per-section time is compared across sizes, with their row names.
LINEAR_OPERATIONS = {
    "bm.dumps": "dumps",
    "bm.loads": "loads",
    "bm.validate": "validate",
    "newsml.dumps": "newsml dumps",
    "newsml.loads": "newsml loads",
    "html.dumps": "html dumps",
    "html.loads": "html loads",
    "ninjs.dumps": "ninjs dumps",
    "ninjs.loads": "ninjs loads",
    "text.dumps": "text dumps",
    "text.loads": "text loads",
    # ---- Markdown ----
    "markdown.dumps": "markdown dumps",
    "markdown.loads": "markdown loads",
}


def linearity_rows(
    workloads: Sequence[Workload], timings: dict[str, dict[str, Timing]]
) -> Iterator[Row]:
    """Per-section cost of the largest brief against the smaller ones."""
    by_role: dict[str, Workload] = {w.role: w for w in workloads}
    large = by_role.get("large")
    if large is None:
        return
    for role, target in (("example", None), ("scaling", LINEARITY_TARGET)):
        small = by_role.get(role)
        if small is None:
            continue
        for op in LINEAR_OPERATIONS:
            yield Row(
                "linearity",
                f"{LINEAR_OPERATIONS[op]} per section, {large.name}",
                timings[large.name][op].best / large.sections,
                f"per section, {small.name}",
                timings[small.name][op].best / small.sections,
                target=target,
            )
