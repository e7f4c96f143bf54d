"""Suppression and baselines in a newsroom's real workflow: `git commit` with the pre-commit hook installed.

A throwaway repository installs the hook from a committed snapshot of this checkout (pre-commit builds
its own environment from it) with ``args: [--baseline, newslint-baseline.json]``. A staged story with a
finding fails the commit; after an inline suppression, or a baseline entry, the same commit passes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_precommit import git, make_repo

# Slow: real `git commit` runs through the real pre-commit. `pytest -m "not e2e"` skips it.
pytestmark = pytest.mark.e2e

PROMO_STORY = "Discuss as:\n\nThe council met on Monday and approved the budget.\n"
BASELINE = "newslint-baseline.json"


def commit(repo: Path, home: Path, message: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, capture_output=True, text=True,
                          env=environment)


@pytest.fixture
def newsroom(tmp_path: Path, hook_source: Path) -> Path:
    repo = make_repo(tmp_path / "newsroom")
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_source, check=True, capture_output=True,
                              text=True).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hook_source}\n"
        f"    rev: {revision}\n"
        "    hooks:\n"
        "      - id: newslint\n"
        f"        args: [--baseline, {BASELINE}]\n"
    )
    (repo / BASELINE).write_text(json.dumps({"version": 1, "findings": []}))
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, check=True, capture_output=True)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "newsroom setup")
    return repo


def test_an_inline_suppression_lets_the_commit_through(newsroom: Path, pre_commit_home: Path) -> None:
    (newsroom / "story.md").write_text("# Budget\n\n" + PROMO_STORY)
    git(newsroom, "add", "story.md")
    failing = commit(newsroom, pre_commit_home, "story")
    assert failing.returncode != 0, failing.stdout + failing.stderr
    assert "story.md:3:1: warning promo-text" in failing.stdout + failing.stderr

    (newsroom / "story.md").write_text("# Budget\n\n<!-- newslint: ignore promo-text -->\n" + PROMO_STORY)
    git(newsroom, "add", "story.md")
    passing = commit(newsroom, pre_commit_home, "story")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    last = subprocess.run(["git", "log", "--format=%s", "-1"], cwd=newsroom, capture_output=True, text=True).stdout
    assert last.strip() == "story"


def test_a_baseline_entry_lets_the_commit_through_and_new_findings_still_fail(
        newsroom: Path, pre_commit_home: Path) -> None:
    (newsroom / "story.txt").write_text(PROMO_STORY)
    git(newsroom, "add", "story.txt")
    assert commit(newsroom, pre_commit_home, "story").returncode != 0

    written = subprocess.run([sys.executable, "-m", "newslint", "--write-baseline", BASELINE, "story.txt"],
                             cwd=newsroom, capture_output=True, text=True)
    assert written.returncode == 0, written.stderr
    git(newsroom, "add", BASELINE, "story.txt")
    passing = commit(newsroom, pre_commit_home, "story with a baseline")
    assert passing.returncode == 0, passing.stdout + passing.stderr

    (newsroom / "story.txt").write_text("A new lede.\n\n" + PROMO_STORY + "\nAdvertisement\n")
    git(newsroom, "add", "story.txt")
    failing = commit(newsroom, pre_commit_home, "an edit")
    assert failing.returncode != 0
    output = failing.stdout + failing.stderr
    assert "story.txt:7:1: warning promo-text" in output and "story.txt:3:" not in output
