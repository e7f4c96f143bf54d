"""Baselines: record today's findings, then report only new ones, matching by text not line number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

PROMO = "Discuss as:"
STORY = f"{PROMO}\n\nThe council met on Monday and approved the budget.\n"


def run(cwd: Path, monkeypatch, *arguments: str):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, ["--select", "promo-text,unused-suppression", *arguments])


def findings(result) -> list[tuple[int, str]]:
    return [(f["line"], f["check"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text(STORY)
    return tmp_path


def test_write_then_use_a_baseline(desk: Path, monkeypatch) -> None:
    written = run(desk, monkeypatch, "--write-baseline", "baseline.json", "desk")
    assert written.exit_code == 0 and written.stdout == ""
    assert "recorded 1 finding in baseline.json" in written.stderr
    entries = json.loads((desk / "baseline.json").read_text())["findings"]
    assert entries == [{"path": "desk/story.txt", "check": "promo-text", "message": entries[0]["message"],
                        "text": PROMO, "count": 1}]
    assert run(desk, monkeypatch, "--baseline", "baseline.json", "desk").exit_code == 0
    assert run(desk, monkeypatch, "desk").exit_code == 1  # without it, the finding is back


def test_baseline_survives_edits_above_and_reports_new_findings(desk: Path, monkeypatch) -> None:
    run(desk, monkeypatch, "--write-baseline", "baseline.json", "desk")
    (desk / "desk" / "story.txt").write_text(f"A new first line.\n\nAdvertisement\n\n{STORY}")
    result = run(desk, monkeypatch, "--format", "json", "--baseline", "baseline.json", "desk")
    assert result.exit_code == 1 and findings(result) == [(3, "promo-text")]


def test_duplicates_are_counted(desk: Path, monkeypatch) -> None:
    run(desk, monkeypatch, "--write-baseline", "baseline.json", "desk")
    (desk / "desk" / "story.txt").write_text(f"{STORY}\n{PROMO}\n")
    result = run(desk, monkeypatch, "--format", "json", "--baseline", "baseline.json", "desk")
    assert len(findings(result)) == 1 and result.exit_code == 1


def test_paths_are_relative_to_the_baseline_file(desk: Path, monkeypatch) -> None:
    run(desk, monkeypatch, "--write-baseline", "baseline.json", "desk/story.txt")
    result = run(desk / "desk", monkeypatch, "--baseline", "../baseline.json", "story.txt")
    assert result.exit_code == 0, result.output


def test_a_stale_entry_is_reported_as_unused(desk: Path, monkeypatch) -> None:
    run(desk, monkeypatch, "--write-baseline", "baseline.json", "desk")
    (desk / "desk" / "story.txt").write_text("The council met on Monday.\n")
    result = run(desk, monkeypatch, "--format", "json", "--baseline", "baseline.json", "desk")
    assert result.exit_code == 0 and findings(result) == [(1, "unused-suppression")]
    assert "baseline entry for promo-text 'Discuss as:' matches nothing" in result.stdout


def test_a_stale_entry_is_not_reported_for_a_check_that_did_not_run(desk: Path, monkeypatch) -> None:
    run(desk, monkeypatch, "--write-baseline", "baseline.json", "desk")
    (desk / "desk" / "story.txt").write_text("The council met on Monday.\n")
    result = CliRunner().invoke(main, ["--format", "json", "--select", "orphan-caption,unused-suppression",
                                       "--baseline", "baseline.json", "desk"])
    assert findings(result) == []


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not valid JSON (line 1, column 2"),
    ("[]", 'not a newslint baseline (expected an object with a "findings" list)'),
    ('{"version": 7, "findings": []}', "unsupported baseline version 7"),
    ('{"version": 1, "findings": [{"path": "a"}]}', "entry 1 must have exactly the keys"),
    ('{"version": 1, "findings": [{"path": "a", "check": "c", "message": "m", "text": "t", "count": 0}]}',
     "entry 1: count must be a positive whole number"),
    ('{"version": 1, "findings": [{"path": 1, "check": "c", "message": "m", "text": "t", "count": 1}]}',
     "entry 1: path, check, message and text must be strings"),
])
def test_an_invalid_baseline_is_one_clear_error(desk: Path, monkeypatch, content: str, problem: str) -> None:
    (desk / "bad.json").write_text(content)
    result = run(desk, monkeypatch, "--baseline", "bad.json", "desk")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"bad.json: {problem}" in result.stderr


def test_a_missing_baseline_is_an_error(desk: Path, monkeypatch) -> None:
    result = run(desk, monkeypatch, "--baseline", "nope.json", "desk")
    assert result.exit_code == 2 and "nope.json: no such baseline file" in result.stderr


def test_writing_and_reading_at_once_is_a_usage_error(desk: Path, monkeypatch) -> None:
    assert run(desk, monkeypatch, "--baseline", "a.json", "--write-baseline", "b.json", "desk").exit_code == 2


def test_the_baseline_file_is_stable_and_sorted(desk: Path, monkeypatch) -> None:
    (desk / "desk" / "b.txt").write_text(f"Advertisement\n\n{PROMO}\n\n{PROMO}\n")
    run(desk, monkeypatch, "--write-baseline", "one.json", "desk")
    run(desk, monkeypatch, "--write-baseline", "two.json", "desk")
    assert (desk / "one.json").read_text() == (desk / "two.json").read_text()
    entries = json.loads((desk / "one.json").read_text())["findings"]
    assert [(e["path"], e["text"], e["count"]) for e in entries] == [
        ("desk/b.txt", "Advertisement", 1), ("desk/b.txt", PROMO, 2), ("desk/story.txt", PROMO, 1)]
