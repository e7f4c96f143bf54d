"""The command-line contract: paths, formats, exit statuses and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import __version__
from newslint.cli import main

PROMO = "Discuss as:\n\nThe council met on Monday and approved the budget.\n"
CLEAN = "The council met on Monday and approved the budget.\n"


def run(*arguments: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(arguments), input=stdin)


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    (tmp_path / "promo.txt").write_text(PROMO, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_status_one_on_a_warning(stories: Path) -> None:
    result = run("--select", "promo-text", str(stories / "promo.txt"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{stories / 'promo.txt'}:1:1: warning promo-text ")


def test_clean_file_exits_zero_with_no_output(stories: Path) -> None:
    result = run("--select", "promo-text", str(stories / "clean.txt"))
    assert (result.exit_code, result.stdout) == (0, "")


def test_json_output_is_the_contract(stories: Path) -> None:
    result = run("--format", "json", "--select", "promo-text", str(stories / "promo.txt"))
    report = json.loads(result.stdout)
    assert report["version"] == 1 and report["errors"] == []
    [finding] = report["findings"]
    assert set(finding) == {"path", "line", "column", "end_line", "end_column", "check", "severity", "message",
                            "suggestion"}
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 1, 1, 12)
    assert finding["severity"] == "warning" and finding["suggestion"] is None


@pytest.mark.parametrize("fail_on, status", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_threshold(stories: Path, fail_on: str, status: int) -> None:
    assert run("--select", "promo-text", "--fail-on", fail_on, str(stories / "promo.txt")).exit_code == status


def test_directories_are_searched_for_copy(stories: Path) -> None:
    nested = stories / "desk" / "sport"
    nested.mkdir(parents=True)
    (nested / "match.md").write_text(PROMO, encoding="utf-8")
    (nested / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    (stories / ".git").mkdir()
    (stories / ".git" / "notes.txt").write_text(PROMO, encoding="utf-8")
    report = json.loads(run("--format", "json", "--select", "promo-text", str(stories)).stdout)
    assert sorted(Path(f["path"]).name for f in report["findings"]) == ["match.md", "promo.txt"]


def test_stdin(stories: Path) -> None:
    result = run("--select", "promo-text", "--stdin-filename", "desk/story.txt", "-", stdin=PROMO.encode())
    assert result.exit_code == 1 and result.stdout.startswith("desk/story.txt:1:1:")


def test_missing_file_is_reported_and_the_others_still_linted(stories: Path) -> None:
    result = run("--format", "json", "--select", "promo-text", str(stories / "gone.txt"), str(stories / "promo.txt"))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [e["path"] for e in report["errors"]] == [str(stories / "gone.txt")]
    assert "no such file" in report["errors"][0]["message"]
    assert len(report["findings"]) == 1
    assert "gone.txt: no such file" in result.stderr


def test_binary_file_gets_one_clear_message(stories: Path) -> None:
    (stories / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 50)
    result = run("--select", "promo-text", str(stories / "scan.txt"), str(stories / "promo.txt"))
    assert result.exit_code == 2
    assert result.stderr.count("scan.txt") == 1 and "binary" in result.stderr
    assert "promo.txt:1:1" in result.stdout


def test_directory_without_copy(stories: Path) -> None:
    (stories / "empty").mkdir()
    result = run(str(stories / "empty"))
    assert result.exit_code == 2 and "holds no copy" in result.stderr


def test_unreadable_file(stories: Path, monkeypatch) -> None:
    """Simulated: CI often runs as root, which can read a file whatever its permissions."""
    import builtins

    real_open = builtins.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    (stories / "locked.txt").write_text(PROMO)
    monkeypatch.setattr(builtins, "open", deny)
    result = run("--select", "promo-text", str(stories / "locked.txt"), str(stories / "promo.txt"))
    assert result.exit_code == 2 and "locked.txt: permission denied" in result.stderr
    assert "promo.txt:1:1" in result.stdout


@pytest.mark.parametrize(
    "encoded",
    [PROMO.encode("utf-8"), b"\xef\xbb\xbf" + PROMO.encode("utf-8"), PROMO.encode("utf-16"),
     PROMO.replace("\n", "\r\n").encode("utf-8"), PROMO.replace("\n", "\r").encode("utf-8")],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "crlf", "cr"],
)
def test_encodings_and_line_endings_give_the_same_positions(stories: Path, encoded: bytes) -> None:
    path = stories / "encoded.txt"
    path.write_bytes(encoded)
    report = json.loads(run("--format", "json", "--select", "promo-text", str(path)).stdout)
    assert [(f["line"], f["column"], f["end_column"]) for f in report["findings"]] == [(1, 1, 12)]


def test_windows_1252_is_read_with_a_notice(stories: Path) -> None:
    path = stories / "cp1252.txt"
    path.write_bytes("Discuss as:\n\nThe caf\u00e9 \u2013 \u201cclosed\u201d.\n".encode("cp1252"))
    result = run("--select", "promo-text", str(path))
    assert result.exit_code == 1
    assert "read as Windows-1252" in result.stderr and result.stderr.count("\n") == 1


def test_forced_encoding(stories: Path) -> None:
    path = stories / "latin.txt"
    path.write_bytes("Discuss as:\n\nNa\u00efve.\n".encode("latin-1"))
    result = run("--encoding", "latin-1", "--select", "promo-text", str(path))
    assert result.exit_code == 1 and result.stderr == ""


def test_empty_file_has_no_findings(stories: Path) -> None:
    (stories / "empty.txt").write_bytes(b"")
    assert run(str(stories / "empty.txt")).exit_code == 0


def test_inputs_are_never_modified(stories: Path) -> None:
    path = stories / "promo.txt"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    run(str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_list_checks_and_explain() -> None:
    listed = run("--list-checks").stdout
    assert "promo-text" in listed and "orphan-caption" in listed
    explained = run("--explain", "promo-text").stdout
    for heading in ("What it does", "Why is this bad?", "Example"):
        assert heading in explained
    assert run("--explain", "no-such-check").exit_code == 2


def test_version() -> None:
    assert __version__ in run("--version").stdout


def test_unknown_check_is_a_usage_error(stories: Path) -> None:
    result = run("--select", "no-such-check", str(stories / "promo.txt"))
    assert result.exit_code == 2 and "--select: unknown check 'no-such-check'" in result.stderr
    result = run("--ignore", "promo-txt", str(stories / "promo.txt"))
    assert result.exit_code == 2 and "unknown check 'promo-txt' (did you mean promo-text?)" in result.stderr


def test_no_paths_is_a_usage_error() -> None:
    assert run().exit_code == 2


def test_ignore_overrides_select(stories: Path) -> None:
    result = run("--select", "promo-text,date-weekday", "--ignore", "promo-text", str(stories / "promo.txt"))
    assert result.exit_code == 0 and "promo-text" not in result.output


def test_a_selection_that_leaves_no_check_is_an_error_not_a_silent_pass(stories: Path, tmp_path: Path) -> None:
    result = run("--select", "promo-text", "--ignore", "promo-text", str(stories / "promo.txt"))
    assert result.exit_code == 2 and "leave no check to run" in result.stderr
    (tmp_path / ".newslint.toml").write_text("select = []\n", encoding="utf-8")
    result = run("--config", str(tmp_path / ".newslint.toml"), str(stories / "promo.txt"))
    assert result.exit_code == 2 and "'select' is empty" in result.stderr


def test_run_without_nlp_checks_never_imports_spacy_or_the_name_check_s_fuzzy_matcher(stories: Path) -> None:
    # The one-article start-up is what bench/speed_vs_proselint.py weighs against proselint.
    code = (
        "import sys\nfrom newslint.cli import main\n"
        "try:\n    main(['--select', 'promo-text,orphan-caption', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(name for name in ('spacy', 'rapidfuzz') if name in sys.modules))\n"
    )
    output = subprocess.run([sys.executable, "-c", code, str(stories / "promo.txt")], capture_output=True, text=True)
    assert output.stdout.strip().splitlines()[-1] == "[]", output.stderr


def test_an_empty_selection_is_a_usage_error(stories: Path) -> None:
    result = run("--select", "", str(stories / "promo.txt"))
    assert result.exit_code == 2 and "names no check" in result.stderr


def test_a_failing_check_gives_exit_status_two_and_the_json_still_has_every_other_finding(
    stories: Path, monkeypatch
) -> None:
    import newslint.checks.orphan_caption as module

    def broken(*args, **kwargs):
        raise RuntimeError("pattern table missing")

    monkeypatch.setattr(module, "_compile", broken)
    result = run("--format", "json", "--select", "promo-text,orphan-caption", str(stories / "promo.txt"),
                 str(stories / "clean.txt"))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["check"] for f in report["findings"]] == ["promo-text"]
    assert [e["message"] for e in report["errors"]] == [
        "check orphan-caption failed: RuntimeError: pattern table missing"] * 2


def test_the_summary_counts_inputs_that_failed(tmp_path: Path) -> None:
    from newslint.formatters.text import summary
    from newslint.report import Failure, Report

    report = Report(files=1, errors=[Failure(str(tmp_path / "missing.txt"), "no such file or directory")])
    assert summary(report) == "1 file checked, no findings; 1 error"
    assert summary(Report(files=2)) == "2 files checked, no problems"


def test_a_forced_utf8_encoding_drops_the_byte_order_mark(tmp_path: Path) -> None:
    story = tmp_path / "bom.txt"
    story.write_bytes("\ufeffShare this article\n\nThe council met.\n".encode("utf-8"))
    result = run("--encoding", "utf-8", "--format", "json", str(story))
    found = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["column"], f["check"]) for f in found] == [(1, 1, "promo-text")]


def test_jsonl_written_to_a_file_still_says_what_it_found(tmp_path: Path, stories: Path) -> None:
    output = tmp_path / "out.jsonl"
    result = run("--format", "jsonl", "--output", str(output), str(stories / "promo.txt"))
    assert result.exit_code == 1 and f"jsonl report written to {output}" in result.stdout
    lines = output.read_text(encoding="utf-8").splitlines()
    assert f"{len(lines)} warning" in result.stdout or f"{len(lines)} warnings" in result.stdout
    result = run("--format", "jsonl", "--output", str(output), "--min-severity", "error", str(stories / "promo.txt"))
    assert output.read_text(encoding="utf-8") == "" and "no problems" in result.stdout  # only what was written
