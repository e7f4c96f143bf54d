"""Configuration files: discovery, schema, per-file-ignores and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

PROMO = "Discuss as:\n\nThe council met on Monday.\n"


def run(tmp_path: Path, monkeypatch, *arguments: str):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, list(arguments))


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text(PROMO)
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(PROMO)
    return tmp_path


def findings(result) -> list[tuple[str, str]]:
    return [(Path(f["path"]).name, f["check"]) for f in json.loads(result.stdout)["findings"]]


def test_newslint_toml_is_found_from_a_subfolder(newsroom: Path, monkeypatch) -> None:
    (newsroom / ".newslint.toml").write_text('ignore = ["promo-text"]\n')
    result = run(newsroom / "desk", monkeypatch, "--format", "json", "--select", "promo-text,orphan-caption",
                 "story.txt")
    assert result.exit_code == 0 and findings(result) == []


def test_pyproject_tool_table(newsroom: Path, monkeypatch) -> None:
    (newsroom / "pyproject.toml").write_text('[tool.newslint]\nselect = ["orphan-caption"]\n')
    result = run(newsroom, monkeypatch, "--format", "json", "desk/story.txt")
    assert findings(result) == []


def test_command_line_overrides_the_file(newsroom: Path, monkeypatch) -> None:
    (newsroom / ".newslint.toml").write_text('select = ["orphan-caption"]\nfail-on = "never"\n')
    result = run(newsroom, monkeypatch, "--format", "json", "--select", "promo-text", "--fail-on", "warning",
                 "desk/story.txt")
    assert result.exit_code == 1 and findings(result) == [("story.txt", "promo-text")]


def test_per_file_ignores(newsroom: Path, monkeypatch) -> None:
    (newsroom / ".newslint.toml").write_text(
        'select = ["promo-text"]\n[per-file-ignores]\n"archive/*" = ["promo-text"]\n'
    )
    result = run(newsroom, monkeypatch, "--format", "json", ".")
    assert findings(result) == [("story.txt", "promo-text")]


def test_explicit_config_file(newsroom: Path, monkeypatch) -> None:
    (newsroom / "strict.toml").write_text('select = ["promo-text"]\nfail-on = "never"\n')
    result = run(newsroom, monkeypatch, "--config", "strict.toml", "desk/story.txt")
    assert result.exit_code == 0 and "promo-text" in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        ("select = [\n", "not valid TOML"),
        ('colour = "red"\n', "unknown key(s) colour"),
        ('fail-on = "sometimes"\n', "'fail-on' must be one of"),
        ('select = "promo-text"\n', "'select' must be a list of check names"),
        ('select = ["promo-txt"]\n', "select: unknown check 'promo-txt' (did you mean promo-text?)"),
        ('ignore = ["name-speling"]\n', "ignore: unknown check 'name-speling' (did you mean name-spelling?)"),
        ('[per-file-ignores]\n"a/*" = ["count-clam"]\n',
         "per-file-ignores 'a/*': unknown check 'count-clam' (did you mean count-claim?)"),
        ('[checks.promo-txt]\nextra-labels = ["x"]\n',
         "[checks.promo-txt]: unknown check 'promo-txt' (did you mean promo-text?)"),
        ('[checks.promo-text]\nextra-label = ["x"]\n', "[checks.promo-text] has no option(s) extra-label"),
        ('[checks.promo-text]\nextra-labels = "Listen"\n',
         "[checks.promo-text] extra-labels must be a list of strings, not a string ('Listen')"),
        ('[checks.orphan-caption]\nextra-agencies = 5\n',
         "[checks.orphan-caption] extra-agencies must be a list of strings, not an integer (5)"),
        ('[checks.orphan-caption]\nextra-agencies = ["Desk Photo", 5]\n',
         "[checks.orphan-caption] extra-agencies must be a list of strings, not a list (['Desk Photo', 5])"),
        ('[checks.name-spelling]\nnames-file = ["a.txt"]\n',
         "[checks.name-spelling] names-file must be a file, not a list (['a.txt'])"),
        ('model = "no_such_model"\n', "model = 'no_such_model': no spaCy model package 'no_such_model' is installed"),
        ('model = "./models/none"\n', "model = './models/none': no model folder at"),
    ],
)
def test_invalid_configuration_is_one_clear_error(newsroom: Path, monkeypatch, content: str, message: str) -> None:
    (newsroom / ".newslint.toml").write_text(content)
    result = run(newsroom, monkeypatch, "desk/story.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newslint: error: {newsroom / '.newslint.toml'}: ")
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_missing_explicit_config(newsroom: Path, monkeypatch) -> None:
    result = run(newsroom, monkeypatch, "--config", "nope.toml", "desk/story.txt")
    assert result.exit_code == 2 and "nope.toml: no such configuration file" in result.stderr


def test_a_names_file_that_does_not_exist_is_one_clear_error(newsroom: Path, monkeypatch) -> None:
    (newsroom / ".newslint.toml").write_text('[checks.name-spelling]\nnames-file = "desk-names.txt"\n')
    result = run(newsroom, monkeypatch, "desk/story.txt")
    assert result.exit_code == 2
    assert "names-file = 'desk-names.txt': no such file" in result.stderr and result.stderr.count("\n") == 1


def test_the_readme_configuration_example_works_as_written(tmp_path: Path, monkeypatch) -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / ".newslint.toml").write_text(example, encoding="utf-8")
    (tmp_path / "story.txt").write_text((root / "fixtures" / "examples" / "story.txt").read_text(encoding="utf-8"))
    result = run(tmp_path, monkeypatch, "--format", "json", "story.txt")
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""  # no error and no notice: the configured model loads
    checks = {finding["check"] for finding in json.loads(result.stdout)["findings"]}
    assert checks == {"promo-text", "orphan-caption", "name-spelling"}  # as selected; the model ran


@pytest.mark.parametrize("pyproject, expected", [
    ("tool = 5\n", None),  # no [tool.newslint]: not newslint's configuration, and no crash
    ("[tool]\nnewslint = \"x\"\n", "[tool.newslint] must be a table"),
])
def test_a_malformed_pyproject_is_one_clear_line(tmp_path: Path, monkeypatch, pyproject: str,
                                                 expected: str | None) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "story.txt").write_text("The council met.\n", encoding="utf-8")
    result = run(tmp_path, monkeypatch, "story.txt")
    assert "Traceback" not in result.output and not isinstance(result.exception, TypeError)
    if expected is None:
        assert result.exit_code == 0
    else:
        assert result.exit_code == 2 and expected in result.stderr
