"""Bad and hostile input: one clear message, exit 2, the other files still linted, nothing overwritten."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixture_support import growth

from newslint.cli import main

PROMO = "Share this article\n\nThe council met on Monday.\n"


def run(*arguments: str, cwd: Path | None = None, monkeypatch=None):
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, list(arguments))


def run_process(*arguments: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """A real process, with a time limit: a regression that blocks must fail the test, not hang it."""
    return subprocess.run([sys.executable, "-m", "newslint", *arguments], cwd=cwd, capture_output=True,
                          timeout=timeout)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "story.txt").write_text(PROMO)
    return tmp_path


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newslint: error")]


@pytest.mark.parametrize("content, message", [
    (b'select = ["promo-text"]\n# caf\xe9\n', "not UTF-8 text"),
    (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    (b'max-file-size = "lots"\n', "'max-file-size' must be a positive number of bytes"),
    (b'encoding = "no-such-codec"\n', "'encoding' names no text encoding"),
    (b'model = "click"\n', "is not a spaCy pipeline"),
    (b'model = "os.path"\n', "is not a spaCy pipeline package name"),
])
def test_a_configuration_that_cannot_be_used_is_one_message(desk: Path, monkeypatch, content: bytes,
                                                             message: str) -> None:
    (desk / ".newslint.toml").write_bytes(content)
    result = run("story.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert _error_lines(result.stderr) == [line for line in result.stderr.splitlines()]
    assert len(_error_lines(result.stderr)) == 1 and message in result.stderr


def test_a_baseline_nested_too_deeply_is_one_message(desk: Path, monkeypatch) -> None:
    (desk / "baseline.json").write_text("[" * 5000 + "]" * 5000)
    result = run("--baseline", "baseline.json", "story.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "nested too deeply" in result.stderr


def test_an_unknown_encoding_is_one_usage_error_not_one_per_file(desk: Path, monkeypatch) -> None:
    (desk / "second.txt").write_text(PROMO)
    result = run("--encoding", "bogus", "story.txt", "second.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and result.stderr.count("bogus") == 1 and "unknown text encoding" in result.stderr
    assert run("--encoding", "rot13", "story.txt", cwd=desk, monkeypatch=monkeypatch).exit_code == 2


def test_an_encoding_that_raises_a_plain_unicode_error_is_a_message_for_that_file(desk: Path, monkeypatch) -> None:
    (desk / "odd.txt").write_bytes(b"\xff\xfe not punycode \x80")
    result = run("--format", "json", "--encoding", "punycode", "odd.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert json.loads(result.stdout)["errors"][0]["message"].startswith("not valid punycode")


def test_stdin_filename_without_stdin_is_a_usage_error(desk: Path, monkeypatch) -> None:
    result = run("--stdin-filename", "x.md", "story.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "no '-' was given" in result.stderr


def test_a_file_name_that_is_not_utf8_never_breaks_the_output(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(PROMO)
    for arguments in (["--format", "json"], ["--format", "sarif"], ["--format", "github"], [],
                      ["--output", "report.json", "--format", "json"]):
        done = run_process(*arguments, ".", cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        output = (tmp_path / "report.json").read_bytes() if "--output" in arguments else done.stdout
        text = output.decode("utf-8")  # valid UTF-8 whatever the file name held
        assert ("bad%EF%BF%BD.txt" if "sarif" in arguments else "bad\ufffd.txt") in text
        if "json" in arguments or "sarif" in arguments:
            json.loads(text)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_a_fifo_never_blocks_the_run(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "story.txt").write_text(PROMO)
    named = run_process("--format", "json", "pipe.txt", "story.txt", cwd=tmp_path)
    assert named.returncode == 2
    report = json.loads(named.stdout)
    assert [e["path"] for e in report["errors"]] == ["pipe.txt"] and "not a regular file" in report["errors"][0][
        "message"]
    assert [f["path"] for f in report["findings"]] == ["story.txt"]
    found = run_process("--format", "json", ".", cwd=tmp_path)  # found while recursing: skipped, said once
    assert found.returncode == 1 and b"pipe.txt: skipped: not a regular file" in found.stderr
    baseline = run_process("--baseline", "pipe.txt", "story.txt", cwd=tmp_path)
    assert baseline.returncode == 2 and b"not a regular file" in baseline.stderr


def test_an_unreadable_folder_is_said_and_the_rest_is_linted(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(PROMO)
    (tmp_path / "story.txt").write_text(PROMO)
    real_scandir = os.scandir

    def scandir(path="."):  # what a folder without read permission does (the tests run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["findings"]] == [str(tmp_path / "story.txt")]
    assert report["errors"] == [{"path": str(tmp_path / "locked"),
                                 "message": "folder cannot be read: Permission denied; its files were not linted"}]


def test_links_out_of_the_folder_are_not_followed_when_recursing(tmp_path: Path, monkeypatch) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Share this article\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "story.txt").write_text(PROMO)
    (tree / "leak.txt").symlink_to(outside / "secret.txt")
    (tree / "inside.txt").symlink_to(tree / "story.txt")  # a link that stays inside is fine
    (tree / "elsewhere").symlink_to(outside, target_is_directory=True)
    result = run("--format", "json", "tree", cwd=tmp_path, monkeypatch=monkeypatch)
    paths = sorted(f["path"] for f in json.loads(result.stdout)["findings"])
    assert paths == ["tree/inside.txt", "tree/story.txt"]
    assert "tree/leak.txt: skipped: a symbolic link out of the folder" in result.stderr
    assert "tree/elsewhere: skipped: a symbolic link to a folder" in result.stderr
    named = run("--format", "json", "tree/leak.txt", cwd=tmp_path, monkeypatch=monkeypatch)
    assert [f["path"] for f in json.loads(named.stdout)["findings"]] == ["tree/leak.txt"]  # named: read


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_an_output_that_is_an_input_is_refused_and_the_input_is_untouched(desk: Path, monkeypatch,
                                                                          option: str) -> None:
    before = (desk / "story.txt").read_bytes()
    result = run(option, "story.txt", "story.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "is one of the files being linted" in result.stderr
    result = run(option, "./story.txt", ".", cwd=desk, monkeypatch=monkeypatch)  # found by recursing, other spelling
    assert result.exit_code == 2
    assert (desk / "story.txt").read_bytes() == before


def test_reports_are_written_whole_even_with_a_reader_racing_the_writer(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    assert run("--format", "json", "--output", "report.json", "story.txt").exit_code == 1
    torn: list[str] = []
    stop = threading.Event()

    def read_repeatedly() -> None:
        for _ in range(20_000):  # bounded
            if stop.is_set():
                return
            try:
                json.loads((desk / "report.json").read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                torn.append(str(error))

    reader = threading.Thread(target=read_repeatedly)
    reader.start()
    try:
        for _ in range(25):
            run("--format", "json", "--output", "report.json", "story.txt")
    finally:
        stop.set()
        reader.join(timeout=30)
    assert torn == []
    assert [p.name for p in desk.iterdir() if p.name.startswith(".report.json")] == []  # no temporary left


def test_a_file_over_the_size_limit_is_one_error_and_the_others_are_linted(desk: Path, monkeypatch) -> None:
    (desk / ".newslint.toml").write_text('max-file-size = "1 KB"\n')
    (desk / "huge.txt").write_text("The council met. " * 200)
    result = run("--format", "json", "huge.txt", "story.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["errors"] == [{"path": "huge.txt", "message": "is 3.3 KB, over the 1 KB limit (max-file-size)"}]
    assert [f["path"] for f in report["findings"]] == ["story.txt"]
    piped = CliRunner().invoke(main, ["--format", "json", "-"], input="The council met. " * 200)
    assert piped.exit_code == 2 and "over the 1 KB limit" in json.loads(piped.stdout)["errors"][0]["message"]


@pytest.mark.parametrize("name, content", [
    ("story.docx", b"PK\x03\x04word/document.xml"),
    ("story.pdf", b"%PDF-1.7\n"),
    ("story.odt", b"PK\x03\x04mimetype"),
    ("story.rtf", b"{\\rtf1\\ansi The council met.}"),
    ("exported.txt", b"{\\rtf1\\ansi The council met.}"),  # an RTF file saved with the wrong suffix
])
def test_a_word_processor_file_is_one_clear_message(desk: Path, monkeypatch, name: str, content: bytes) -> None:
    (desk / name).write_bytes(content)
    result = run("--format", "json", name, "story.txt", cwd=desk, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["errors"] == [{"path": name, "message": "not plain text, Markdown or HTML: export the story as text"}]
    assert [f["path"] for f in report["findings"]] == ["story.txt"]


def test_many_suppression_comments_cost_linear_time() -> None:
    from newslint.config import Config
    from newslint.engine import Linter, Source
    from newslint.registry import load_checks

    linter = Linter(load_checks(), Config(select=("promo-text", "unused-suppression")))

    def lint(count: int) -> None:
        text = "<!-- newslint: ignore promo-text -->\n" * count + "Share this article\n"
        assert len(linter.lint(Source("story.md", text=text)).findings) == 0

    assert growth(lint, 1_000) < 10  # four times the input: about 4x when linear, 16x when quadratic


@pytest.mark.parametrize("name, text, notice", [
    ("story.html", "<p>Story.</p>\n<!-- a note\n<p>Share this article</p>\n",
     "story.html: line 2: a comment (<!--) is never closed; the text after it is linted as it stands"),
    ("story.md", "Story.\n\n<!-- a note\n\nShare this article\n",
     "story.md: line 3: a comment (<!--) is never closed; the text after it is linted as it stands"),
    ("story.html", "<p>Story.</p>\n<script>\nvar x = 1;\n<p>Share this article</p>\n",
     "story.html: line 2: <script> is never closed; the rest of the file is not read as copy"),
])
def test_markup_that_never_closes_is_said_with_its_line(tmp_path: Path, name: str, text: str, notice: str) -> None:
    (tmp_path / name).write_text(text)
    result = CliRunner().invoke(main, ["--select", "promo-text", str(tmp_path / name)])
    assert f"newslint: {tmp_path / name}: {notice.split(': ', 1)[1]}" in result.stderr


def test_a_character_reference_too_long_for_int_loses_nothing(desk: Path, monkeypatch) -> None:
    (desk / "a.html").write_text("<p>&#" + "9" * 5000 + ";</p>\n<p>Share this article</p>\n")
    (desk / "a.md").write_text("<div>&#" + "9" * 5000 + ";</div>\n\nShare this article\n")
    result = run("--format", "json", "story.txt", "a.html", "a.md", cwd=desk, monkeypatch=monkeypatch)
    report = json.loads(result.stdout)
    assert report["errors"] == [] and sorted({f["path"] for f in report["findings"]}) == ["a.html", "a.md",
                                                                                          "story.txt"]


@pytest.mark.parametrize("make", [
    lambda n: "<a" * n,  # html.parser rescans for every '<' with no '>' after it (CPython gh-135462)
    lambda n: "<figure>" * n + "A caption." + "</figure>" * n,
])
def test_the_html_reader_is_linear_on_pathological_markup(make) -> None:
    from newslint.readers import read_document

    assert growth(lambda n: read_document("x.html", make(n)), 2_000) < 9


def test_a_stream_over_the_limit_is_said_to_be_more_than_it_not_the_limit_itself() -> None:
    from newslint.reading import too_large

    limit = 10 * 1024 * 1024
    assert too_large(limit + 1, limit) == "is more than 10 MB, over the 10 MB limit (max-file-size)"
    assert too_large(15 * 1024 * 1024, limit) == "is 15 MB, over the 10 MB limit (max-file-size)"
