"""SIGTERM and SIGHUP handled as Ctrl-C is: each raises :class:`Interrupted` (a
:class:`KeyboardInterrupt`) in the main process, so that the same code stops the
workers, removes the temporary files and prints the summary; the exit status is
128 plus the signal's number (130, 143, 129)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["STOPPING", "Interrupted", "exit_status", "signal_name"]

#: The signals that stop a run, where the platform has them: SIGINT (Ctrl-C), SIGTERM
#: (``kill``, a service manager), SIGHUP (the terminal went away).
STOPPING: tuple[int, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

#: Those that are handled here; SIGINT already raises KeyboardInterrupt.
_HANDLED = tuple(number for number in STOPPING if number != signal.SIGINT)


class Interrupted(KeyboardInterrupt):
    """A run stopped by the signal ``signum``: handled wherever Ctrl-C is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_status(error: BaseException) -> int:
    """The exit status of a run stopped by ``error``: 128 plus the signal's number."""
    return 128 + getattr(error, "signum", signal.SIGINT)


def signal_name(error: BaseException) -> str | None:
    """``"SIGTERM"`` for a run that SIGTERM stopped, ``None`` for Ctrl-C."""
    number = getattr(error, "signum", signal.SIGINT)
    return None if number == signal.SIGINT else signal.Signals(number).name


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Interrupted`, once: a
    second one, while the run winds down, is let pass. Signals set to be ignored (as
    ``nohup`` sets SIGHUP) or handled by the program that calls :func:`main` are left
    alone, and so is every signal outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised: list[int] = []

    def interrupt(signum: int, frame: FrameType | None) -> None:
        if not raised:
            raised.append(signum)
            raise Interrupted(signum)

    installed = [number for number in _HANDLED if signal.getsignal(number) is signal.SIG_DFL]
    for number in installed:
        signal.signal(number, interrupt)
    try:
        yield
    finally:
        for number in installed:
            signal.signal(number, signal.SIG_DFL)
