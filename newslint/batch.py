"""Where a batch's results come from: this process, worker processes (``--jobs``) or a Dask cluster
(``--dask-scheduler``); and the progress bar a long batch shows on a terminal.

The process pool and the cluster client are imported only for a batch that uses them, so an editor's
run on one story pays for neither.
"""

from __future__ import annotations

import sys
from typing import Iterable, Iterator

from newslint.engine import Linter, Source
from newslint.report import FileResult

_PROGRESS_FROM = 20  # files: below this a batch is over before a bar would help


class ClusterUnavailable(Exception):
    """No Dask cluster to lint on: the extra is not installed, or the scheduler cannot be reached."""


def lint_all(sources: list[Source], linter: Linter, jobs: int | None,
             dask_scheduler: str | None) -> Iterator[FileResult]:
    """Each source's result, in order: here, in worker processes, or on a Dask cluster."""
    if dask_scheduler or (len(sources) > 1 and jobs != 1):
        from newslint.parallel import LinterRecipe, default_jobs, lint_in_processes

        recipe = LinterRecipe(linter.config, linter.baseline, linter.changed_lines)
        if dask_scheduler:
            from newslint.cluster import ClusterError, lint_on_dask

            try:
                return lint_on_dask(dask_scheduler, sources, recipe)
            except ClusterError as error:
                raise ClusterUnavailable(str(error)) from error
        jobs = jobs or default_jobs(sources)
        if jobs > 1:
            return lint_in_processes(sources, recipe, min(jobs, len(sources)))
    return (linter.lint(source) for source in sources)


def with_progress(items: Iterable[FileResult], total: int, enabled: bool) -> Iterator[FileResult]:
    """The items, with a progress bar on stderr for a long batch on a terminal (never in redirected output)."""
    if not enabled or total < _PROGRESS_FROM or not sys.stderr.isatty():
        return iter(items)
    import shutil

    from tqdm import tqdm  # imported only when a bar is shown

    # A terminal that reports no size (`script`, some CI consoles) would get an empty bar: assume 80 x 24.
    columns, rows = shutil.get_terminal_size((80, 24))
    return iter(tqdm(items, total=total, desc="newslint", unit="file", leave=False, file=sys.stderr,
                     ncols=min(columns or 80, 100), nrows=rows or 24))


__all__ = ["ClusterUnavailable", "lint_all", "with_progress"]
