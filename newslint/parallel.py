"""Linting many files at once in worker processes on this machine (``--jobs N``); see also newslint.cluster.

Each worker builds its own Linter from a :class:`LinterRecipe` once and lints many sources with it.
Results come back in the order the sources were given, so a parallel run prints exactly what a
one-process run prints.

The spaCy model costs more to load than hundreds of stories cost to lint, and most stories never need it
(name-spelling parses only those with a candidate pair). So the lint workers never load it: a story that
asks for it is handed back and linted again, whole, by a *model worker*, a process of its own started
when the first such story turns up. While it loads, the lint workers go on with the other stories; once
idle it takes ordinary stories too. A second model worker starts only when many stories wait for one.
"""

from __future__ import annotations

import heapq
import os
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, Sized

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.nlp import ModelElsewhere
from newslint.registry import load_checks
from newslint.report import Failure, FileResult

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    from newslint.baseline import Baseline
    from newslint.gitdiff import ChangedLines

# The default (no --jobs) lints in this process a batch of fewer files or less text than this: below
# 64 KB (about 0.2 s of linting), starting workers (~50 ms: multiprocessing's imports, the forks, the pool's
# round trips) costs about what sharing the work out saves.
PARALLEL_FROM = 8
PARALLEL_FROM_BYTES = 64 * 1024
# Stories per task: enough to make the round trip to a worker negligible, few enough to share out the end.
CHUNK = 16
# Stories read ahead of the one to be printed next, and the text of those already linted that may be held
# for it: bounds memory on an archive, and wide enough that the lint workers need not wait while a model
# worker loads the model for the story at the front.
WINDOW = 1024
WINDOW_BYTES = 64 * 1024 * 1024
# Stories waiting for the model before another model worker starts (each loads the model anew).
MODEL_BACKLOG = 2 * CHUNK


@dataclass(frozen=True)
class LinterRecipe:
    """Everything a worker needs to build the Linter the command line built (all of it picklable)."""

    config: Config
    baseline: "Baseline | None" = None
    changed_lines: "ChangedLines | None" = None

    def build(self) -> Linter:
        return Linter(load_checks(), self.config, baseline=self.baseline, changed_lines=self.changed_lines)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(sources: Sequence[Source]) -> int:
    """One process per core for a batch large enough to gain from them, else 1."""
    if len(sources) < PARALLEL_FROM:
        return 1
    size = 0
    for source in sources:  # stops as soon as the batch is known to be large enough
        if source.text is not None:
            size += len(source.text)
        elif source.data is not None:
            size += len(source.data)
        else:
            try:
                size += os.stat(source.path).st_size
            except OSError:  # the lint reports it
                continue
        if size >= PARALLEL_FROM_BYTES:
            return available_cores()
    return 1


# One Linter per worker process, built by the pool's initializer: process-wide by design, since the
# point is to build it (and load the model, in a model worker) once per process.
_worker_linter: Linter | None = None


def _start_worker(recipe: LinterRecipe, defer_model: bool) -> None:
    import signal

    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once
    _worker_linter = recipe.build()
    if defer_model and _worker_linter.pipeline is not None:
        _worker_linter.pipeline.defer = True


def _lint_chunk(sources: list[Source]) -> list[FileResult | None]:
    """Each source's result; None for one that needs the model in a lint worker."""
    assert _worker_linter is not None, "the pool initializer builds the linter"
    results: list[FileResult | None] = []
    for source in sources:
        try:
            results.append(_worker_linter.lint(source))
        except ModelElsewhere:
            results.append(None)
    return results


def _crashed(source: Source) -> FileResult:
    message = "a worker process stopped unexpectedly while linting it, twice; not linted"
    return FileResult(source.path, failures=(Failure(source.path, message),), linted=False)


# Plain classes, not dataclasses: building a dataclass costs a millisecond at import, which every run pays.
class _Entry:
    __slots__ = ("index", "source", "breaks", "result")

    def __init__(self, index: int, source: Source) -> None:
        self.index = index  # place in the order given
        self.source = source
        self.breaks = 0  # pools that broke with it in flight
        self.result: FileResult | None = None


class _Pool:
    """A process pool and the chunks in flight on it (at most one per worker)."""

    __slots__ = ("executor", "workers", "in_flight")

    def __init__(self, executor: "ProcessPoolExecutor", workers: int) -> None:
        self.executor = executor
        self.workers = workers
        self.in_flight: dict[Future[list[FileResult | None]], list[_Entry]] = {}

    @property
    def has_room(self) -> bool:
        return len(self.in_flight) < self.workers


class _Scheduler:
    """Shares the sources out between one pool of lint workers and up to ``jobs`` one-process model pools,
    keeping ``jobs`` chunks in flight: a model worker's chunk takes the place of a lint worker's."""

    def __init__(self, recipe: LinterRecipe, jobs: int, chunk: int) -> None:
        import multiprocessing

        self.recipe, self.jobs, self.chunk = recipe, jobs, chunk
        self.context: BaseContext = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.lint_pool: _Pool | None = None
        self.model_pools: list[_Pool] = []
        self.owner: dict[Future[list[FileResult | None]], _Pool] = {}
        self.regular: deque[_Entry] = deque()  # not yet sent anywhere, in order
        self.model_wait: list[tuple[int, _Entry]] = []  # need the model: a heap, so taken in order
        self.suspects: list[tuple[int, _Entry]] = []  # lost once with a broken pool: each runs alone
        self.held = 0  # characters of text in the results not yet yielded

    def _done(self, entry: _Entry, result: FileResult) -> None:
        entry.result = result
        self.held += sum(map(len, result.source_lines))

    def release(self, result: FileResult) -> None:
        self.held -= sum(map(len, result.source_lines))

    def _pool(self, workers: int, defer_model: bool) -> _Pool:
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(workers, mp_context=self.context, initializer=_start_worker,
                                       initargs=(self.recipe, defer_model))
        return _Pool(executor, workers)

    def _busy(self) -> int:
        return len(self.owner)

    def _idle_model_pool(self, may_start: bool) -> _Pool | None:
        for pool in self.model_pools:
            if not pool.in_flight:
                return pool
        if may_start and len(self.model_pools) < self.jobs:
            self.model_pools.append(self._pool(1, defer_model=False))
            return self.model_pools[-1]
        return None

    def _send(self, pool: _Pool, entries: list[_Entry]) -> None:
        future = pool.executor.submit(_lint_chunk, [entry.source for entry in entries])
        pool.in_flight[future] = entries
        self.owner[future] = pool

    def lint_here(self, linter: Linter, entry: _Entry) -> None:
        try:
            self._done(entry, linter.lint(entry.source))
        except ModelElsewhere:
            heapq.heappush(self.model_wait, (entry.index, entry))

    def _take(self, queue: list[tuple[int, _Entry]], count: int) -> list[_Entry]:
        return [heapq.heappop(queue)[1] for _ in range(min(count, len(queue)))]

    def submit(self) -> None:
        while self.suspects and (pool := self._idle_model_pool(may_start=True)) is not None:
            self._send(pool, self._take(self.suspects, 1))  # alone: if it crashes again, it is the one
        while self.model_wait:
            many = len(self.model_wait) >= MODEL_BACKLOG
            if (pool := self._idle_model_pool(may_start=not self.model_pools or many)) is None:
                break
            self._send(pool, self._take(self.model_wait, self.chunk))
        while self.regular and self._busy() < self.jobs:
            pool = self._idle_model_pool(may_start=False)  # a model worker never hands a story back
            if pool is None:
                if self.lint_pool is None:
                    self.lint_pool = self._pool(self.jobs, defer_model=True)
                if not self.lint_pool.has_room:
                    break
                pool = self.lint_pool
            self._send(pool, [self.regular.popleft() for _ in range(min(self.chunk, len(self.regular)))])

    def collect(self, future: "Future[list[FileResult | None]]") -> None:
        from concurrent.futures.process import BrokenProcessPool

        pool = self.owner.pop(future, None)
        if pool is None:  # in flight on a pool already found broken
            return
        entries = pool.in_flight.pop(future)
        try:
            results = future.result()
        except BrokenProcessPool:
            # A worker died (a crash in native code, the kernel's OOM killer): every chunk in flight on
            # this pool is lost. Each of its stories runs again alone, so that one that kills its worker
            # again is the only one reported, and given up.
            lost = [*entries, *(entry for chunk in pool.in_flight.values() for entry in chunk)]
            for other in pool.in_flight:
                del self.owner[other]
            pool.in_flight.clear()
            self._discard(pool)
            for entry in lost:
                entry.breaks += 1
                if entry.breaks >= 2:
                    self._done(entry, _crashed(entry.source))
                else:
                    heapq.heappush(self.suspects, (entry.index, entry))
            return
        for entry, result in zip(entries, results, strict=True):
            if result is None:
                heapq.heappush(self.model_wait, (entry.index, entry))
            else:
                self._done(entry, result)

    def _discard(self, pool: _Pool) -> None:
        pool.executor.shutdown(wait=False, cancel_futures=True)
        if pool is self.lint_pool:
            self.lint_pool = None
        else:
            self.model_pools.remove(pool)

    def wait(self) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait

        assert self.owner, "a story not yet printed is always in flight or about to be"
        done, _ = wait(list(self.owner), return_when=FIRST_COMPLETED)
        for future in done:
            self.collect(future)

    def close(self, cancel: bool) -> None:
        for pool in [*self.model_pools, *([self.lint_pool] if self.lint_pool else [])]:
            pool.executor.shutdown(wait=not cancel, cancel_futures=cancel)


def lint_in_processes(sources: Iterable[Source], recipe: LinterRecipe, jobs: int) -> Iterator[FileResult]:
    """Each source's result, in order, linted by ``jobs`` worker processes at a time.

    A worker that dies (a crash in native code, the kernel's OOM killer) loses the stories in flight on
    its pool; each runs again alone, and one that kills its worker a second time is reported as an error.
    """
    # A short batch goes in smaller chunks, so that every worker gets a share.
    chunk = max(1, min(CHUNK, len(sources) // (jobs * 4))) if isinstance(sources, Sized) else CHUNK
    scheduler = _Scheduler(recipe, jobs, chunk)
    # This process lints the first story itself before any lint worker starts: the workers, forked
    # after, inherit what it compiled (the checks' patterns, on first use) instead of each compiling it.
    here = recipe.build()
    if here.pipeline is not None:
        here.pipeline.defer = True
    pending = enumerate(sources)
    window: deque[_Entry] = deque()  # read, not yet yielded, in order
    exhausted = warmed = False
    try:
        while True:
            while not exhausted and len(window) < WINDOW and scheduler.held < WINDOW_BYTES:
                if (item := next(pending, None)) is None:
                    exhausted = True
                else:
                    window.append(_Entry(*item))
                    scheduler.regular.append(window[-1])
            if not warmed and scheduler.regular:
                scheduler.lint_here(here, scheduler.regular.popleft())
                warmed = True
            scheduler.submit()
            while window and (result := window[0].result) is not None:
                window.popleft()
                scheduler.release(result)
                yield result
            if exhausted and not window:
                break
            if window:
                scheduler.wait()
    except BaseException:  # Ctrl-C, or the caller stopped reading: nothing more is started
        scheduler.close(cancel=True)
        raise
    scheduler.close(cancel=False)
