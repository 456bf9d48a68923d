"""A guard against a hang, not a time limit: a call that has not returned after
:data:`HANG_SECONDS` has stopped working, however loaded the machine is.

Tests hold no wall-clock bounds on real work (a shared or slow machine would fail them at
random): that reading is linear is shown by counting work or by the benchmark. What a test
must not do is hang the run, so a call that might hang (a parser on hostile input) runs in
a daemon thread and the test fails, saying what hung, if it is still running after
``HANG_SECONDS`` (a thread cannot be killed: it is left behind, and the run goes on).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

#: Seconds after which a call counts as hung: far beyond any real run of a test's work,
#: even on a loaded machine (subprocess guards use the same figure).
HANG_SECONDS = 300.0


@dataclass
class Returned:
    """What a guarded call gave: its value, or the exception it raised."""

    value: Any = None
    error: BaseException | None = None


def guarded(
    call: Callable[[], Any],
    what: str,
    *,
    seconds: float = HANG_SECONDS,
    poll: Callable[[], str | None] | None = None,
) -> Returned:
    """Run ``call`` in a daemon thread; fail the test if it is still running after
    ``seconds``. An exception it raises is returned, not raised (the test judges it).

    ``poll``, if given, is called every tenth of a second while ``call`` runs: a string
    it returns is a reason to stop waiting and fail at once (a reader blocked on a FIFO,
    say, which no amount of waiting would end).
    """
    box = Returned()

    def work() -> None:
        try:
            box.value = call()
        except BaseException as error:  # noqa: BLE001 - the caller judges it
            box.error = error

    thread = threading.Thread(target=work, daemon=True, name=f"guarded: {what}")
    thread.start()
    waited = 0.0
    while thread.is_alive() and waited < seconds:
        thread.join(0.1 if poll else seconds)
        waited += 0.1 if poll else seconds
        if poll is not None and thread.is_alive():
            reason = poll()
            if reason is not None:
                pytest.fail(f"{what}: {reason}")
    if thread.is_alive():
        pytest.fail(f"{what} is still running after {seconds:.0f} s: it hangs")
    return box
