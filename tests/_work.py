"""Counting work instead of timing it: how many lines of Python a call runs.

That a reader is linear is shown by the work it does at two sizes: reading four times the
input may take about four times the lines (a little less, for what any call costs), never
sixteen. Lines are counted with :func:`sys.settrace`, so work done inside C (lxml, the
``re`` and ``json`` modules) is not seen: the regular expressions are guarded by a
subprocess with a generous timeout instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

#: How much more work four times the input may take. Linear work gives at most 4 (what
#: every call costs makes it less); quadratic work gives about 16.
GROWTH = 5.0


def lines_run(call: Callable[[], Any]) -> int:
    """How many lines of Python ``call()`` runs (its exceptions are swallowed)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        call()
    except Exception:  # noqa: BLE001 - a refusal is work done too
        pass
    finally:
        sys.settrace(previous)
    return count


def growth(run: Callable[[int], Any], size: int) -> tuple[int, int]:
    """The lines ``run(size)`` and ``run(4 * size)`` take, after a first call at a
    quarter of ``size`` (which fills the caches every call shares)."""
    lines_run(lambda: run(max(1, size // 4)))
    return lines_run(lambda: run(size)), lines_run(lambda: run(4 * size))


def assert_linear(run: Callable[[int], Any], size: int) -> None:
    """That ``run`` does about four times the work for four times ``size``."""
    small, large = growth(run, size)
    assert large <= GROWTH * small, f"{small} lines at {size}, {large} at {4 * size}"


def hostile_run(family: Any, step: str) -> Callable[[int], Any]:
    """Reading (``loads``, leniently) or validating (``validate``) ``size`` bytes of a
    family of :mod:`benchmarks.workloads.hostile`, as a function of the size."""
    from benchmarks.workloads import hostile

    import briefmodel as bm

    def run(size: int) -> Any:
        data = family.build(size).encode("utf-8")
        if step == "loads":
            return hostile.read_leniently(family, data)
        return bm.validate(data, family.format)

    return run
