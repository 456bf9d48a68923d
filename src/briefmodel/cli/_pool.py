"""Running a batch: in this process, or in worker processes that get files in chunks,
a few chunks ahead, and finish the file at hand when the run is stopped (Ctrl-C,
SIGTERM, SIGHUP). What a worker runs lives at module level here, so that the pool can
send it by name."""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from types import FrameType
from typing import TYPE_CHECKING, Any

from ._signals import STOPPING, Interrupted
from .conversion import ConvertResult, _convert, _failure, _Settings

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["AHEAD", "CHUNK"]

#: Files a worker process converts per task: enough to make the hand-over cheap, few
#: enough that an interrupted run stops soon.
CHUNK = 16

#: Tasks in flight per worker process: the input is read ahead by this much, no more.
AHEAD = 3

#: In a worker process: set by the main process when the run stops.
_stop: Any = None

#: In a worker process: the signal it got itself (Ctrl-C reaches every process of the
#: terminal's group, a service manager's SIGTERM too), once it got one.
_stopped_by: int | None = None


def _stop_soon(signum: int, frame: FrameType | None) -> None:
    global _stopped_by
    _stopped_by = _stopped_by or signum


def _worker_started(stop: Any) -> None:
    """In each worker process: a signal that stops the run ends the current file, never
    half-way through it; so does the main process's ``stop``, set when it got the
    signal itself (the main process stops handing out work, and waits for the workers).
    A signal set to be ignored (SIGHUP under ``nohup``) stays ignored."""
    global _stop, _stopped_by
    _stop, _stopped_by = stop, None
    for number in STOPPING:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _stop_soon)


def _convert_chunk(
    settings: _Settings, jobs: Sequence[tuple[str, str]]
) -> tuple[list[ConvertResult], int | None]:
    """Convert a few files in a worker process, until the run stops: the results, and
    the signal that stopped this worker, if one did."""
    results: list[ConvertResult] = []
    for source, output in jobs:
        if _stopped_by is not None or (_stop is not None and _stop.is_set()):
            break
        results.append(_convert(source, output, settings))
    return results, _stopped_by


_Job = tuple[str, str]
_Chunk = tuple[list[ConvertResult], int | None]


def _run_here(
    plan: Iterable[_Job | ConvertResult], settings: _Settings
) -> Generator[ConvertResult, None, None]:
    for item in plan:
        yield item if isinstance(item, ConvertResult) else _convert(*item, settings)


def _run_pool(
    plan: Iterable[_Job | ConvertResult], settings: _Settings, jobs: int
) -> Generator[ConvertResult, None, None]:
    """Convert in ``jobs`` worker processes, in input order: files go out in chunks of
    :data:`CHUNK`, at most :data:`AHEAD` chunks a worker ahead of the results read back."""
    import multiprocessing  # (imported for --jobs, not with the command line)
    from concurrent.futures import ProcessPoolExecutor

    stop = multiprocessing.Event()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started, initargs=(stop,))
    pending: deque[tuple[Sequence[_Job], Future[_Chunk] | None, ConvertResult | None]]
    pending = deque()
    chunk: list[_Job] = []

    def send() -> None:
        if chunk:
            batch = tuple(chunk)
            pending.append((batch, pool.submit(_convert_chunk, settings, batch), None))
            chunk.clear()

    def collect() -> Iterator[ConvertResult]:
        batch, future, ready = pending[0]  # taken off once resolved, or an interrupt drains it
        if ready is not None:
            pending.popleft()
            yield ready
            return
        assert future is not None
        try:
            results, stopped_by = future.result()
        except Exception as error:  # noqa: BLE001 - a worker that died, say: report its files
            message = f"the worker process failed: {type(error).__name__}: {error}"
            for source, output in batch:
                yield _failure(source, output, "convert.crashed", message)
            pending.popleft()
            return
        pending.popleft()
        yield from results
        if stopped_by is not None or len(results) < len(batch):  # a worker got the signal
            raise Interrupted(stopped_by) if stopped_by else KeyboardInterrupt

    try:
        for item in plan:
            if isinstance(item, ConvertResult):
                send()
                pending.append(((), None, item))
            else:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    send()
            while len(pending) > AHEAD * jobs:
                yield from collect()
        send()
        while pending:
            yield from collect()
    except KeyboardInterrupt:
        # Let the files at hand be finished (whole), start no other, and report them.
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        for _, future, ready in pending:
            if ready is not None:
                yield ready
            elif future is not None and not future.cancelled() and future.exception() is None:
                yield from future.result()[0]
        raise
    finally:
        stop.set()  # and if the results stopped being read half-way: stop soon too
        pool.shutdown(wait=True, cancel_futures=True)
