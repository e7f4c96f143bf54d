"""A run in a real pseudo-terminal talks back; the same run redirected prints findings only."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLEAN = "The council met on Monday and approved the budget.\n"


def _run_in_terminal(arguments: list[str], cwd: Path, timeout: float = 60) -> tuple[int, str]:
    """Run newslint with stdout and stderr on a pseudo-terminal; returns (exit status, everything shown)."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "newslint", *arguments], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=secondary, stderr=secondary, env={**os.environ, "NO_COLOR": "1"})
    os.close(secondary)
    shown = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            shown.extend(chunk)
        elif process.poll() is not None:
            break
    os.close(primary)
    return process.wait(timeout=timeout), shown.decode("utf-8", "replace")


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    for number in range(25):
        (tmp_path / f"story{number:02}.txt").write_text(CLEAN)
    return tmp_path


def test_a_clean_batch_on_a_terminal_says_so_and_shows_progress(batch: Path) -> None:
    status, shown = _run_in_terminal(["--select", "promo-text", "."], batch)
    assert status == 0
    assert "25 files checked, no problems" in shown
    assert "newslint:" in shown and "file" in shown and "%|" in shown  # tqdm's bar on stderr


def test_findings_on_a_terminal_end_with_a_summary_counting_files_checked(batch: Path) -> None:
    (batch / "story03.txt").write_text("Share this article\n\n" + CLEAN)
    status, shown = _run_in_terminal(["--select", "promo-text", "."], batch)
    assert status == 1 and "1 warning in 1 file (25 files checked)" in shown


def test_quiet_on_a_terminal_shows_findings_only(batch: Path) -> None:
    (batch / "story03.txt").write_text("Share this article\n\n" + CLEAN)
    status, shown = _run_in_terminal(["--quiet", "--select", "promo-text", "."], batch)
    assert status == 1 and "files checked" not in shown and "%|" not in shown
    assert shown.strip().splitlines()[-1].startswith("story03.txt:1:1: warning promo-text")


def test_redirected_output_has_no_summary_and_no_progress_bar(batch: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newslint", "--select", "promo-text", "."], cwd=batch,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""


def test_statistics_and_min_severity(batch: Path) -> None:
    (batch / "story03.txt").write_text("Share this article\n\nShe was one of the 13 officials.\n")
    (batch / "story04.txt").write_text("Discuss as:\n\n" + CLEAN)

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "newslint", "--select", "promo-text,count-claim", *arguments,
                               "."], cwd=batch, capture_output=True, text=True, timeout=60)

    statistics = run("--statistics")
    assert statistics.returncode == 1
    assert statistics.stdout == "2  promo-text   warning\n1  count-claim  info\n"
    hidden = run("--min-severity", "warning", "--fail-on", "info")
    assert "count-claim" not in hidden.stdout and hidden.stdout.count("promo-text") == 2
    only_info = run("--min-severity", "error", "--fail-on", "warning")
    assert only_info.stdout == "" and only_info.returncode == 1  # hidden from the output, not from the verdict
    assert run("--statistics", "--format", "json").returncode == 2
