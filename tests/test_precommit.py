"""The pre-commit hook, driven by the real pre-commit against a throwaway repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Slow: builds the hook's environment with the real pre-commit. `pytest -m "not e2e"` skips it.
pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
PROMO_STORY = "Discuss as:\n\nThe council met on Monday and approved the budget.\n"
CLEAN_STORY = "The council met on Monday and approved the budget.\n"


def git(repo: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True)


def make_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q")
    git(path, "config", "user.email", "desk@example.com")
    git(path, "config", "user.name", "Desk")
    return path


def snapshot_of_this_checkout(tmp: Path) -> Path:
    """A committed copy of the working tree: pre-commit installs hooks from a git repository."""
    snapshot = tmp / "newslint-src"
    shutil.copytree(ROOT, snapshot, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info",
                                                                  "build", "dist", ".pytest_cache"))
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "snapshot")
    return snapshot


def try_repo(repo: Path, source: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(source), "newslint", "--files", *files],
        cwd=repo, capture_output=True, text=True, env=environment,
    )


def test_hook_fails_on_promo_text_and_passes_on_clean_copy(tmp_path: Path, hook_source: Path,
                                                           pre_commit_home: Path) -> None:
    repo = make_repo(tmp_path / "copy")
    (repo / "promo.txt").write_text(PROMO_STORY)
    (repo / "clean.txt").write_text(CLEAN_STORY)
    git(repo, "add", "-A")

    failing = try_repo(repo, hook_source, pre_commit_home, "promo.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "promo.txt:1:1: warning promo-text" in failing.stdout

    passing = try_repo(repo, hook_source, pre_commit_home, "clean.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
