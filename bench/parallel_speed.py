"""Wall time of ``--jobs 2`` against ``--jobs 1`` (and of a local two-worker Dask cluster) on many stories.

Runs ``newslint --format json`` over the same folder of stories (the first ``--stories`` articles of
``--corpus``: Lee, where 97% of stories never need the model; CoNLL, where 10% do; or ``lee-no-model``,
Lee's stories that never need it, the worst case for a model worker that starts loading at once; copied
to a temporary folder, never into the project) with one process, with two worker
processes, and on a ``distributed.LocalCluster`` of two workers bound to 127.0.0.1; checks the three
outputs are byte-identical; reports the ratios with the machine's load average beside them (the
ratio only means something when both cores are free).

Beside them, the ratio Amdahl's law gives if a run's start (the interpreter, the engine) and the model's
load were a serial part: with ``S`` the time of one run on a single story that needs the model and ``T1``
the one-process time, ``S + (T1 - S) / 2``. A batch beats it when the model worker loads the model while the
lint workers go on with the other stories. No batch can beat ``S / T1``: the worker that needs the model pays
all of ``S`` before its first finding, however the rest is shared.

``--repeat K`` writes each story K times under K names: a batch K times as large, for how the ratio moves with
a batch's size (the serial part is paid once a run, whatever its size).

Run: ``python bench/parallel_speed.py [--stories 300] [--rounds 2] [--corpus lee|conll|lee-no-model] [--repeat 1]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from _corpus import CORPUS, require_corpus, write_result

# An installed newslint runs from compiled bytecode (pip compiles it at install). This checkout's editable
# install, where PYTHONDONTWRITEBYTECODE is set (as on these machines), would compile every module on every
# run: a serial cost both runs pay, which flatters the ratio. So the runs read and write bytecode in a
# throwaway folder (PYTHONPYCACHEPREFIX), filled by a first run before any is timed.
_ENVIRONMENT: dict[str, str] = {}


def timed(arguments: list[str], cwd: Path) -> tuple[float, bytes]:
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", *arguments, "."], cwd=cwd,
                          capture_output=True, timeout=3600, env=_ENVIRONMENT or None)
    return time.perf_counter() - began, done.stdout


# Invented: one story with a name spelled two ways, so that the run loads the model.
_MODEL_STORY = """Harbour board picks new chair

Marta Hendreson was elected chair of the harbour board on Tuesday.
Ms. Henderson, who has served on the board since 2019, said the vote was close.
"""


@lru_cache(maxsize=1)
def _deferring_linter() -> Any:
    from newslint.config import Config
    from newslint.parallel import LinterRecipe

    linter = LinterRecipe(Config()).build()
    assert linter.pipeline is not None
    linter.pipeline.defer = True  # asking for the model raises ModelElsewhere
    return linter


def _needs_model(path: Path) -> bool:
    from newslint.engine import Source
    from newslint.nlp import ModelElsewhere

    try:
        _deferring_linter().lint(Source(str(path)))
    except ModelElsewhere:
        return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corpus", choices=["lee", "conll", "lee-no-model"], default="lee")
    parser.add_argument("--repeat", type=int, default=1, help="write each story this many times")
    arguments = parser.parse_args()
    require_corpus()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "stories"
        work.mkdir()
        folder_of = {"lee": CORPUS / "clean" / "lee", "conll": CORPUS / "names" / "conll",
                     "lee-no-model": CORPUS / "clean" / "lee"}
        paths = sorted(folder_of[arguments.corpus].glob("*.txt"))
        if arguments.corpus == "lee-no-model":
            paths = [path for path in paths if not _needs_model(path)]
        paths = paths[: arguments.stories]
        for copy in range(arguments.repeat):
            prefix = f"{copy:03d}_" if arguments.repeat > 1 else ""
            for path in paths:
                (work / f"{prefix}{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        single = Path(folder) / "single"
        single.mkdir()
        (single / "story.txt").write_text(_MODEL_STORY, encoding="utf-8")
        _ENVIRONMENT.update(os.environ, PYTHONPYCACHEPREFIX=str(Path(folder) / "bytecode"))
        _ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)
        timed(["--jobs", "1"], single)  # compiles everything a run that loads the model imports
        load_before = os.getloadavg()
        best = {"one": float("inf"), "two": float("inf"), "dask": float("inf"), "serial": float("inf")}
        paired: list[float] = []  # --jobs 2 / --jobs 1, run by run: robust to load that comes and goes
        outputs: dict[str, bytes] = {}
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, worker_dashboard_address=None) as cluster:
            runs = {"one": ["--jobs", "1"], "two": ["--jobs", "2"],
                    "dask": ["--dask-scheduler", cluster.scheduler_address]}
            for _ in range(arguments.rounds):
                seconds_of = {}
                for name, options in runs.items():
                    seconds_of[name], outputs[name] = timed(options, work)
                    best[name] = min(best[name], seconds_of[name])
                paired.append(seconds_of["two"] / seconds_of["one"])
                best["serial"] = min(best["serial"], timed(["--jobs", "1"], single)[0])
        load_after = os.getloadavg()
    bound = best["serial"] + (best["one"] - best["serial"]) / 2
    identical = outputs["one"] == outputs["two"] == outputs["dask"]
    repeated = f", each {arguments.repeat} times" if arguments.repeat > 1 else ""
    body = "\n".join([
        f"Stories: {len(paths) * arguments.repeat} ({len(paths)} {arguments.corpus} articles{repeated}), "
        f"all checks; best of {arguments.rounds} rounds "
        "(wall time). The Dask cluster is started once, before the rounds, so its workers keep the model loaded "
        "from one round to the next. Every run reads compiled bytecode, as an installed newslint does.",
        f"Load average (1 min) before/after: {load_before[0]:.2f} / {load_after[0]:.2f} on {os.cpu_count()} cores.",
        "",
        "| run | seconds | ratio to --jobs 1 |",
        "|---|---|---|",
        f"| --jobs 1 | {best['one']:.2f} | 1.00 |",
        f"| --jobs 2 | {best['two']:.2f} | {best['two'] / best['one']:.2f} |",
        f"| Dask, 2 local workers | {best['dask']:.2f} | {best['dask'] / best['one']:.2f} |",
        "",
        f"Median of the paired ratios (--jobs 2 / --jobs 1, each round): {statistics.median(paired):.2f}.",
        "",
        f"Serial part S (one run on one story that needs the model): {best['serial']:.2f} s. The best two processes "
        f"could do if the model's load were serial, S + (T1 - S) / 2: {bound:.2f} s, a ratio of "
        f"**{bound / best['one']:.2f}**. No run of the batch can take less than S (the worker that needs the "
        f"model must start, load it and lint a story), however many workers share the rest: a floor of "
        f"S / T1 = **{best['serial'] / best['one']:.2f}**.",
        "",
        f"Outputs byte-identical: {identical}.",
        "",
    ])
    print(body)
    name = "parallel_speed" if arguments.corpus == "lee" else f"parallel_speed_{arguments.corpus}"
    if arguments.repeat > 1:
        name += f"_x{arguments.repeat}"
    print(f"written to {write_result(name, body)}")


if __name__ == "__main__":
    main()
