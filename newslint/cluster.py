"""``--dask-scheduler ADDRESS``: lint an archive on an existing Dask cluster (``pip install newslint[dask]``).

Files go to the workers in batches; each worker process builds one Linter per recipe (the model loads
once per worker) and reads the files itself, so the paths must be readable on the workers (a shared
file system or the same machine); text read from standard input travels with its batch. Results come
back batch by batch in the order given, with a bounded number of batches in flight, and the command
line writes them exactly as a local run would.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import deque
from dataclasses import replace
from typing import Any, Iterable, Iterator

from newslint.engine import Linter, Source
from newslint.parallel import LinterRecipe
from newslint.report import Failure, FileResult

BATCH_SIZE = 50  # stories per task: large enough to amortise scheduling, small enough to spread the work
BATCHES_IN_FLIGHT_PER_WORKER = 4
CONNECT_TIMEOUT = 30  # seconds to reach the scheduler before the run is a usage error


class ClusterError(Exception):
    """The cluster cannot be used (no distributed installed, scheduler unreachable): a usage error."""


def _worker_linter(recipe: LinterRecipe, key: str) -> Linter:
    """The Linter for this recipe in this worker process, built on first use and kept on the worker."""
    from distributed import get_worker

    worker: Any = get_worker()
    linters = worker.__dict__.setdefault("_newslint_linters", {})
    if key not in linters:
        linters[key] = recipe.build()
    return linters[key]


def _lint_batch(batch: list[Source], recipe: LinterRecipe, key: str) -> list[FileResult]:
    linter = _worker_linter(recipe, key)
    return [linter.lint(source) for source in batch]


def _for_a_worker(source: Source) -> Source:
    """Workers run in folders of their own: a file is sent by its absolute path."""
    if source.text is not None or source.data is not None or source.path == "-":
        return source
    return replace(source, path=os.path.abspath(source.path))


def _as_given(result: FileResult, path: str) -> FileResult:
    """The result named by the path as the command line was given it, as a local run names it."""
    if result.path == path:
        return result
    return replace(
        result,
        path=path,
        findings=tuple(replace(finding, path=path) for finding in result.findings),
        failures=tuple(Failure(path, failure.message) for failure in result.failures),
    )


def _batches(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for source in sources:
        batch.append(source)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def lint_on_dask(address: str, sources: Iterable[Source], recipe: LinterRecipe,
                 batch_size: int = BATCH_SIZE) -> Iterator[FileResult]:
    """Connect now (a bad address is an error before anything runs); the results come as they are read."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--dask-scheduler needs the dask extra: pip install '.[dask]' in newslint's folder") \
            from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except OSError as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    key = hashlib.sha256(pickle.dumps(recipe)).hexdigest()  # one Linter per distinct configuration per worker
    return _stream(client, sources, recipe, key, batch_size)


def _stream(client: Any, sources: Iterable[Source], recipe: LinterRecipe, key: str,
            batch_size: int) -> Iterator[FileResult]:
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        in_flight: deque[tuple[list[Source], Any]] = deque()

        def results_of(batch: list[Source], future: Any) -> Iterator[FileResult]:
            for source, result in zip(batch, future.result(), strict=True):
                yield _as_given(result, source.path)

        for batch in _batches(sources, batch_size):
            in_flight.append((batch, client.submit(_lint_batch, [_for_a_worker(s) for s in batch], recipe, key,
                                                   pure=False)))
            if len(in_flight) >= workers * BATCHES_IN_FLIGHT_PER_WORKER:
                yield from results_of(*in_flight.popleft())
        while in_flight:
            yield from results_of(*in_flight.popleft())
    finally:
        client.close()
