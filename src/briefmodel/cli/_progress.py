"""The progress bar of a batch: one line on stderr, redrawn now and then."""

from __future__ import annotations

import shutil
import sys
import time
from typing import IO

__all__ = ["PROGRESS_EVERY"]

#: Seconds between two redraws of the progress bar.
PROGRESS_EVERY = 0.1


class _Progress:
    """A one-line progress bar on stderr, redrawn at most every :data:`PROGRESS_EVERY`
    seconds; lines printed through :meth:`print` go above it."""

    def __init__(self, total: int | None, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        self._drawn = 0.0
        self._width = 0

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if now - self._drawn >= PROGRESS_EVERY or self.done == self.total:
            self._draw()
            self._drawn = now

    def print(self, line: str) -> None:
        self._clear()
        print(line, file=self.stream)
        self._draw()

    def close(self) -> None:
        self._draw()
        self._clear()

    def _draw(self) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        failed = f"  {self.failed} failed" if self.failed else ""
        if self.total:
            share = min(self.done / self.total, 1.0)
            counts = f" {self.done}/{self.total} {share:4.0%}{failed}"
            room = max(columns - len(counts) - 3, 10)
            filled = int(room * share)
            line = "[" + "#" * filled + "." * (room - filled) + "]" + counts
        else:
            line = f"{self.done} files{failed}"
        line = line[: max(columns - 1, 1)]
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def _clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def _wants_progress(choice: bool | None, quiet: bool) -> bool:
    """``--progress``/``--no-progress`` decide; by default only on a terminal, not quiet."""
    if choice is not None:
        return choice
    if quiet:
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())
