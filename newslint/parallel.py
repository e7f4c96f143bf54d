"""Linting many files at once: worker processes on this machine (``--jobs N``) or a Dask cluster.

Each worker builds its own Linter from a :class:`LinterRecipe` once and lints many sources with it, so
the spaCy model loads once per worker process. Results come back in the order the sources were given,
so a parallel run prints exactly what a one-process run prints.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks
from newslint.report import Failure, FileResult

if TYPE_CHECKING:
    from concurrent.futures import Future

    from newslint.baseline import Baseline
    from newslint.gitdiff import ChangedLines

# Files below this count are linted in this process: starting workers and loading the model in each
# costs more than it saves on a handful of stories.
PARALLEL_FROM = 8


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


def default_jobs(file_count: int) -> int:
    return available_cores() if file_count >= PARALLEL_FROM else 1


# One Linter per worker process, built by the pool's initializer: process-wide by design, since the
# point is to load the model once per process and reuse it for every file that process lints.
_worker_linter: Linter | None = None


def _start_worker(recipe: LinterRecipe) -> None:
    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once
    _worker_linter = recipe.build()


def _lint_in_worker(source: Source) -> FileResult:
    assert _worker_linter is not None, "the pool initializer builds the linter"
    return _worker_linter.lint(source)


def _crashed(source: Source) -> FileResult:
    message = "a worker process stopped unexpectedly while linting it, twice; not linted"
    return FileResult(source.path, failures=(Failure(source.path, message),), linted=False)


def lint_in_processes(sources: Iterable[Source], recipe: LinterRecipe, jobs: int) -> Iterator[FileResult]:
    """Each source's result, in order, linted by ``jobs`` worker processes.

    A worker that dies (a crash in a native library, the kernel's OOM killer) breaks the pool and loses
    every file in flight. Those are retried in a fresh pool one at a time, so that a file that kills its
    worker again is the only one reported as an error.
    """
    # Imported here: a run that stays in one process (most editors' runs) does not pay for them.
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[tuple[Source, int]] = deque((source, 0) for source in sources)  # (source, pools broken)
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    while pending:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(recipe,)) as pool:
            window: deque[tuple[Source, int, Future[FileResult]]] = deque()
            try:
                while pending or window:
                    while pending and len(window) < jobs * 4:  # bounded: an archive is never all in flight
                        if pending[0][1] and window:  # a file already lost once runs alone, so a crash is its own
                            break
                        source, breaks = pending.popleft()
                        if breaks >= 2:  # it was in flight both times a pool broke: give up on it, in order
                            done: Future[FileResult] = Future()
                            done.set_result(_crashed(source))
                            window.append((source, breaks, done))
                        else:
                            window.append((source, breaks, pool.submit(_lint_in_worker, source)))
                        if breaks:
                            break
                    source, breaks, future = window.popleft()
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        # Every file in flight is lost with the pool: back to the front, in order, for a new one.
                        lost = [(source, breaks), *((s, b) for s, b, _ in window)]
                        pending.extendleft(reversed([(s, b + 1) for s, b in lost]))
                        break
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
