"""--jobs and --dask-scheduler: the same bytes as a one-process run, failures reported, Ctrl-C clean."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.nlp import ModelElsewhere
from newslint.parallel import LinterRecipe, available_cores, default_jobs, lint_in_processes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Every fixture story, twice over, in one folder tree: many files of every kind and check."""
    root = tmp_path_factory.mktemp("archive")
    for copy in ("a", "b"):
        shutil.copytree(FIXTURES, root / copy)
    return root


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newslint", *arguments], cwd=cwd, capture_output=True, timeout=300)


@pytest.mark.e2e
def test_two_jobs_print_exactly_what_one_job_prints(archive: Path) -> None:
    for output_format in ("text", "json", "jsonl"):
        one = _run("--jobs", "1", "--format", output_format, ".", cwd=archive)
        two = _run("--jobs", "2", "--format", output_format, ".", cwd=archive)
        assert one.returncode == two.returncode == 1
        assert two.stdout == one.stdout and len(one.stdout) > 1000


def test_results_come_back_in_the_order_given_and_a_crashing_file_is_its_own_error(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    names = [f"story{n:02}.txt" for n in range(12)]
    for name in names:
        (tmp_path / name).write_text("Share this article\n\nThe council met.\n")
    real_lint = Linter.lint

    def lint_or_die(self, source):  # a worker killed by the kernel (or a crash in native code) on one story
        if str(source.path).endswith("story05.txt"):
            os._exit(9)
        return real_lint(self, source)

    monkeypatch.setattr(Linter, "lint", lint_or_die)  # the fork-started workers inherit the patch
    recipe = LinterRecipe(Config(select=("promo-text",)))
    results = list(lint_in_processes([Source(str(tmp_path / name)) for name in names], recipe, jobs=2))
    assert [Path(r.path).name for r in results] == names
    crashed = [r for r in results if r.failures]
    assert [Path(r.path).name for r in crashed] == ["story05.txt"]
    assert "stopped unexpectedly" in crashed[0].failures[0].message
    assert all(len(r.findings) == 1 for r in results if not r.failures)


def test_a_story_that_kills_the_model_worker_is_its_own_error(tmp_path: Path, monkeypatch) -> None:
    names = [f"story{n:02}.txt" for n in range(12)]
    for name in names:
        (tmp_path / name).write_text("Share this article\n\nThe council met.\n")
    real_lint = Linter.lint

    def lint_or_die(self, source):
        if str(source.path).endswith("story05.txt"):
            if self.pipeline.defer:  # a lint worker hands the story on to the model worker ...
                raise ModelElsewhere
            os._exit(9)  # ... which it kills, every time
        return real_lint(self, source)

    monkeypatch.setattr(Linter, "lint", lint_or_die)
    recipe = LinterRecipe(Config(select=("promo-text", "name-spelling")))  # name-spelling: a pipeline
    results = list(lint_in_processes([Source(str(tmp_path / name)) for name in names], recipe, jobs=2))
    assert [Path(r.path).name for r in results] == names
    assert [Path(r.path).name for r in results if r.failures] == ["story05.txt"]
    assert all(len(r.findings) == 1 for r in results if not r.failures)


@pytest.mark.e2e
def test_only_one_process_loads_the_model_and_the_results_are_a_one_process_runs(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    import newslint.nlp

    plain = "Share this article\n\nThe council met on Monday and voted to repair the bridge.\n"
    named = "Mayor Ann Manger spoke on Monday. Later, Menger said the vote would wait.\n"
    sources = [Source(str(tmp_path / f"story{n:03}.txt")) for n in range(80)]
    for number, source in enumerate(sources):
        Path(source.path).write_text(named if number % 10 == 3 else plain)
    loaded_in = tmp_path / "loaded-in.txt"
    real_load = newslint.nlp._load

    def recorded_load(name, components):
        with loaded_in.open("a") as record:
            record.write(f"{os.getpid()}\n")
        return real_load(name, components)

    monkeypatch.setattr(newslint.nlp, "_load", recorded_load)  # the forked workers inherit the patch
    config = Config(select=("promo-text", "name-spelling"))
    parallel = list(lint_in_processes(sources, LinterRecipe(config), jobs=2))
    assert len(set(loaded_in.read_text().split())) == 1
    assert os.getpid() != int(loaded_in.read_text().split()[0])  # and not this one
    here = LinterRecipe(config).build()
    assert parallel == [here.lint(source) for source in sources]
    assert sum(1 for result in parallel for f in result.findings if f.check == "name-spelling") == 8


def test_the_default_is_one_process_for_a_light_batch(tmp_path: Path) -> None:
    stories = [tmp_path / f"story{n:02}.txt" for n in range(20)]
    for story in stories:
        story.write_text("The council met.\n" * 10)
    assert default_jobs([Source(str(story)) for story in stories[:4]]) == 1  # a handful of files
    assert default_jobs([Source(str(story)) for story in stories]) == 1  # 20 files, but 3 KB in all
    stories[0].write_text("The council met.\n" * 5000)
    assert default_jobs([Source(str(story)) for story in stories]) == available_cores()  # 80 KB


@pytest.mark.e2e
def test_ctrl_c_stops_a_parallel_run_cleanly(tmp_path: Path) -> None:
    # Stories that each hold a candidate misspelling, so every one is parsed: a run of many seconds.
    story = "Mayor Ann Manger spoke on Monday. Later, Menger said the vote would wait. " * 20 + "\n"
    for number in range(600):
        (tmp_path / f"story{number:03}.txt").write_text(story)
    process = subprocess.Popen([sys.executable, "-m", "newslint", "--jobs", "2", "."], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.5)  # the workers are loading the model or linting
    assert process.poll() is None, "the run ended before it could be interrupted: make it longer"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err and b"interrupted" in err


@pytest.mark.e2e
def test_a_dask_cluster_prints_exactly_what_a_local_run_prints(archive: Path) -> None:
    from distributed import LocalCluster

    local = _run("--format", "json", ".", cwd=archive)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, worker_dashboard_address=None) as cluster:
        remote = _run("--format", "json", "--dask-scheduler", cluster.scheduler_address, ".", cwd=archive)
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert remote.stdout == local.stdout


@pytest.mark.e2e
def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path, monkeypatch) -> None:
    import newslint.cluster

    monkeypatch.setattr(newslint.cluster, "CONNECT_TIMEOUT", 2)  # nothing listens there: do not wait 30 s
    (tmp_path / "s.txt").write_text("The council met.\n")
    result = CliRunner().invoke(main, ["--dask-scheduler", "tcp://127.0.0.1:9", str(tmp_path / "s.txt")])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.stderr
