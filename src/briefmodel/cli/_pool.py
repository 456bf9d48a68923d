"""Running a batch: in this process, or in worker processes that get files in chunks,
a few chunks ahead, and finish the file at hand on Ctrl-C. What a worker runs lives at
module level here, so that the pool can send it by name."""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .conversion import ConvertResult, _convert, _failure, _Settings

__all__ = ["AHEAD", "CHUNK"]

#: Files a worker process converts per task: enough to make the hand-over cheap, few
#: enough that an interrupted run stops soon.
CHUNK = 16

#: Tasks in flight per worker process: the input is read ahead by this much, no more.
AHEAD = 3

#: Set in a worker process by Ctrl-C: finish the file at hand, start no other.
_stopping = False


def _stop_soon(signum: int, frame: object) -> None:
    global _stopping
    _stopping = True


def _worker_started() -> None:
    """In each worker process: Ctrl-C ends the current file, never half-way through it
    (the main process sees the interrupt and stops handing out work)."""
    global _stopping
    _stopping = False
    signal.signal(signal.SIGINT, _stop_soon)


def _convert_chunk(settings: _Settings, jobs: Sequence[tuple[str, str]]) -> list[ConvertResult]:
    """Convert a few files in a worker process (until Ctrl-C)."""
    results: list[ConvertResult] = []
    for source, output in jobs:
        if _stopping:
            break
        results.append(_convert(source, output, settings))
    return results


_Job = tuple[str, str]


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
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)
    pending: deque[tuple[Sequence[_Job], Future[list[ConvertResult]] | None, ConvertResult | None]]
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
            results = future.result()
        except Exception as error:  # noqa: BLE001 - a worker that died, say: report its files
            message = f"the worker process failed: {type(error).__name__}: {error}"
            for source, output in batch:
                yield _failure(source, output, "convert.crashed", message)
            pending.popleft()
            return
        pending.popleft()
        yield from results
        if len(results) < len(batch):  # the worker was stopped by Ctrl-C: so is the batch
            raise KeyboardInterrupt

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
        pool.shutdown(wait=True, cancel_futures=True)
        for _, future, ready in pending:
            if ready is not None:
                yield ready
            elif future is not None and not future.cancelled() and future.exception() is None:
                yield from future.result()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
