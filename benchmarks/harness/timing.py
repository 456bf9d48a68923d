"""How operations are measured: per-call times ``timeit``-style (:func:`measure`), the
memory a loaded object keeps (:func:`retained_bytes`, by ``tracemalloc``), and the
cProfile of ``--profile`` (:func:`profile`)."""

from __future__ import annotations

import cProfile
import gc
import io
import math
import pstats
import statistics
import timeit
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import briefmodel as bm

from .briefs import Workload


@dataclass
class Timing:
    """Per-call times of one operation in seconds."""

    best: float
    median: float
    number: int
    repeat: int


def measure(
    func: Callable[[], object], *, repeat: int, min_time: float, collect: bool = False
) -> Timing:
    """Time ``func`` like :mod:`timeit`: calibrate the loop count, then repeat.

    The garbage collector is off while timing, as in :mod:`timeit`, unless ``collect``.
    """
    timer = timeit.Timer(func, setup=gc.enable if collect else "pass")
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= min_time:
            break
        number = max(number + 1, math.ceil(number * min_time * 1.2 / max(elapsed, 1e-9)))
    # The calibration loop that reached min_time is the first sample: slow operations
    # (jsonschema on the large brief) then cost ``repeat`` calls, not ``repeat + 1``.
    samples = [elapsed, *timer.repeat(repeat=repeat - 1, number=number)]
    per_call = [t / number for t in samples]
    return Timing(min(per_call), statistics.median(per_call), number, repeat)


def retained_bytes(build: Callable[[], object]) -> int:
    """Bytes traced by :mod:`tracemalloc` that the object ``build()`` returns keeps alive."""
    build()  # warm caches so that they are not counted
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = build()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return after - before


def profile(workload: Workload, *, calls: int, top: int = 15) -> str:
    """cProfile of ``bm.loads`` and ``bm.dumps`` on ``workload``, sorted both ways."""
    out = io.StringIO()
    for name, func in (
        ("bm.loads", lambda: bm.loads(workload.text)),
        ("bm.dumps", lambda: bm.dumps(workload.brief)),
    ):
        func()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(calls):
            func()
        profiler.disable()
        for key in ("cumulative", "tottime"):
            out.write(f"=== {name} on {workload.name} ({calls} calls), top {top} by {key}\n")
            stats = pstats.Stats(profiler, stream=out)
            stats.strip_dirs().sort_stats(key).print_stats(top)
    return out.getvalue()
