"""--diff REF against real git repositories: only findings on added or changed lines are reported."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.gitdiff import _parse_diff, _unquote

PROMO = "Discuss as:"


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = tmp_path / "newsroom"
    path.mkdir()
    git(path, "init", "-q")
    git(path, "config", "user.email", "desk@example.com")
    git(path, "config", "user.name", "Desk")
    (path / "story.txt").write_text(f"{PROMO}\n\nThe council met on Monday.\n\nThe vote was close.\n")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "first draft")
    return path


def lint(repo: Path, monkeypatch, *arguments: str):
    monkeypatch.chdir(repo)
    return CliRunner().invoke(main, ["--format", "json", "--select", "promo-text", *arguments])


def lines(result) -> list[tuple[str, int]]:
    return [(Path(f["path"]).name, f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_only_the_changed_line_is_reported(repo: Path, monkeypatch) -> None:
    (repo / "story.txt").write_text(f"{PROMO}\n\nThe council met on Monday.\n\nAdvertisement\n")
    assert lines(lint(repo, monkeypatch, "story.txt")) == [("story.txt", 1), ("story.txt", 5)]
    result = lint(repo, monkeypatch, "--diff", "HEAD", "story.txt")
    assert result.exit_code == 1 and lines(result) == [("story.txt", 5)]


def test_an_unchanged_file_reports_nothing(repo: Path, monkeypatch) -> None:
    result = lint(repo, monkeypatch, "--diff", "HEAD", "story.txt")
    assert result.exit_code == 0 and lines(result) == []


def test_lines_moved_down_by_an_insertion_are_not_new(repo: Path, monkeypatch) -> None:
    (repo / "story.txt").write_text(f"A new lede.\n\n{PROMO}\n\nThe council met on Monday.\n\nThe vote was close.\n")
    assert lines(lint(repo, monkeypatch, "--diff", "HEAD", "story.txt")) == []


def test_untracked_and_staged_new_files_are_all_new(repo: Path, monkeypatch) -> None:
    (repo / "untracked.txt").write_text(f"{PROMO}\n")
    (repo / "staged.txt").write_text(f"Body.\n\n{PROMO}\n")
    git(repo, "add", "staged.txt")
    result = lint(repo, monkeypatch, "--diff", "HEAD", ".")
    assert lines(result) == [("staged.txt", 3), ("untracked.txt", 1)]


def test_an_unsaved_story_in_a_folder_that_does_not_exist_yet_is_all_new(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["--format", "json", "--select", "promo-text", "--diff", "HEAD",
                                       "--stdin-filename", "drafts/new/story.txt", "-"], input=f"{PROMO}\n")
    assert result.exit_code == 1 and lines(result) == [("story.txt", 1)]


def test_a_renamed_file_reports_only_its_changed_lines(repo: Path, monkeypatch) -> None:
    git(repo, "mv", "story.txt", "renamed.txt")
    text = (repo / "renamed.txt").read_text().replace("The vote was close.", "Advertisement")
    (repo / "renamed.txt").write_text(text)
    git(repo, "add", "-A")
    assert lines(lint(repo, monkeypatch, "--diff", "HEAD", "renamed.txt")) == [("renamed.txt", 5)]


def test_older_revisions_and_subfolders(repo: Path, monkeypatch) -> None:
    (repo / "desk").mkdir()
    (repo / "desk" / "late.md").write_text("# Late\n\nBody.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    (repo / "desk" / "late.md").write_text(f"# Late\n\nBody.\n\n{PROMO}\n")
    result = lint(repo / "desk", monkeypatch, "--diff", "HEAD~1", "late.md")
    assert lines(result) == [("late.md", 5)]


def test_markdown_positions_are_source_lines(repo: Path, monkeypatch) -> None:
    (repo / "a.md").write_text("---\ntitle: x\n---\n\n```\ncode\n```\n\nBody.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "md")
    (repo / "a.md").write_text(f"---\ntitle: x\n---\n\n```\ncode\n```\n\nBody.\n\n- {PROMO}\n")
    assert lines(lint(repo, monkeypatch, "--diff", "HEAD", "a.md")) == [("a.md", 11)]


def test_unknown_revision_is_a_clear_error(repo: Path, monkeypatch) -> None:
    result = lint(repo, monkeypatch, "--diff", "no-such-branch", "story.txt")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--diff no-such-branch: unknown revision" in result.stderr and result.stderr.count("\n") == 1


def test_outside_a_repository_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "loose.txt").write_text(f"{PROMO}\n")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # do not find a repository above tmp
    result = lint(tmp_path, monkeypatch, "--diff", "HEAD", "loose.txt")
    assert result.exit_code == 2 and "is not in a git repository" in result.stderr


def test_an_option_like_revision_is_not_passed_as_an_option(repo: Path, monkeypatch) -> None:
    result = lint(repo, monkeypatch, "--diff", "--output=/tmp/pwned", "story.txt")
    assert result.exit_code == 2 and "unknown revision" in result.stderr


def test_parse_diff_hunks_renames_and_deletions() -> None:
    diff = (
        "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -3 +3 @@\n-x\n+y\n@@ -10,0 +11,2 @@\n+p\n+q\n"
        "@@ -20,2 +22,0 @@\n-gone\n-gone\n"
        "diff --git a/old.md b/new.md\nsimilarity index 100%\nrename from old.md\nrename to new.md\n"
        "diff --git a/d.txt b/d.txt\ndeleted file mode 100644\n--- a/d.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        'diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"\n--- "a/caf\\303\\251.txt"\n'
        '+++ "b/caf\\303\\251.txt"\n@@ -1 +1 @@\n-a\n+b\n'
    )
    assert _parse_diff(diff) == {"a.txt": {3, 11, 12}, "new.md": set(), "café.txt": {1}}


def test_unquote() -> None:
    assert _unquote('"b/tab\\there.txt"') == "b/tab\there.txt"
    assert _unquote("b/plain.txt") == "b/plain.txt"
