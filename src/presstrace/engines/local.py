"""The local engine: the per-article stage in worker processes, results back to the main process.

Only the main process writes to the database. Work is fed lazily with a bounded number of records
in flight, so memory stays flat on a folder of millions of files. A worker that dies (a C-level
crash in a parser on hostile input) breaks the pool: the records that were in flight are retried
one at a time in a fresh pool, and the one that kills it again is reported, not the whole batch.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TypeVar

from ..errors import InputError
from ..model import RawRecord

T = TypeVar("T")
Outcome = tuple[RawRecord, T | InputError]


def run_local(
    fn: Callable[[RawRecord], T], records: Iterable[RawRecord], workers: int
) -> Iterator[Outcome[T]]:
    """Yield ``(record, fn(record) or the InputError it raised)``, in completion order."""
    with Workers(workers) as pool:
        yield from pool.run(fn, records)


class Workers:
    """Worker processes kept across runs, so that the shards of a local sharded run share one
    pool: a worker loads the language model once, not once per shard.

    ``run`` yields like ``run_local``; one ``run`` at a time. With ``count`` 1 there are no
    processes and records are analysed in this one.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self._context = _context()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def run(
        self, fn: Callable[[RawRecord], T], records: Iterable[RawRecord]
    ) -> Iterator[Outcome[T]]:
        if self.count <= 1:
            for record in records:
                yield record, _guarded(fn, record)
            return
        yield from self._pooled(fn, iter(records))

    def _pooled(
        self, fn: Callable[[RawRecord], T], records: Iterator[RawRecord]
    ) -> Iterator[Outcome[T]]:
        task = partial(_guarded, fn)
        max_in_flight = self.count * 4
        in_flight: dict[Future[T | InputError], RawRecord] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(in_flight) < max_in_flight:
                    record = next(records, None)
                    if record is None:
                        exhausted = True
                        break
                    in_flight[self._started().submit(task, record)] = record
                if not in_flight:
                    return
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    record = in_flight.pop(future)
                    try:
                        yield record, future.result()
                    except BrokenProcessPool:
                        in_flight[future] = record
                        broken = True
                if broken:
                    self._started().shutdown(wait=False, cancel_futures=True)
                    self._pool = None  # a new pool for the records after these
                    stranded = list(in_flight.values())
                    in_flight.clear()
                    for record in stranded:
                        yield record, _isolated(task, record, self._context)
        finally:
            if in_flight:  # the caller stopped early, or failed: the rest is not wanted
                self.close()

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = _pool(self.count, self._context)
        return self._pool


def _guarded(fn: Callable[[RawRecord], T], record: RawRecord) -> T | InputError:
    """Call ``fn``; any exception becomes an InputError for this record alone."""
    try:
        return fn(record)
    except InputError as exc:
        return exc
    except Exception as exc:  # a bug or a parser choking on hostile input: one record's loss
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return InputError(
            "failed",
            f"internal error {type(exc).__name__}: {exc} (at {where.filename}:{where.lineno}); "
            "please report it with this input",
        )


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one (forked on Linux)."""
    return _pool(workers, _context())


def _context() -> multiprocessing.context.BaseContext:
    # fork is fast and safe on Linux here: workers run pure functions and share no locks.
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def _pool(workers: int, context: multiprocessing.context.BaseContext) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    )


def _die_with_parent(parent: int) -> None:
    """Worker start-up: end when the main process ends, even when it is killed (``kill -9``
    leaves a pool's workers waiting on their queue for ever otherwise)."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _isolated(
    task: Callable[[RawRecord], T | InputError],
    record: RawRecord,
    context: multiprocessing.context.BaseContext,
) -> T | InputError:
    """Run one record in a pool of its own, to tell the crashing record from its neighbours."""
    with _pool(1, context) as single:
        try:
            return single.submit(task, record).result()
        except BrokenProcessPool:
            return InputError(
                "crashed",
                "the extractor crashed on this input (a worker process died); it was skipped",
            )
