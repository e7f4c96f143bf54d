"""newslint init: a starter configuration that lists every check and option and loads as written."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import main
from newslint.config import load_config
from newslint.registry import load_checks


def test_init_writes_a_starter_that_lists_every_check_and_option_and_loads(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / ".newslint.toml").read_text(encoding="utf-8")
    installed = load_checks()
    for name, check in installed.items():
        assert f"#   {name} " in text
        for key in check.options.specs:
            assert f"# {key} = " in text
    config = load_config(tmp_path / ".newslint.toml")  # valid TOML, valid schema, changes nothing
    assert config.select is None and config.ignore == () and config.check_options.keys() <= set(installed)
    (tmp_path / "story.txt").write_text("Share this article\n")
    assert CliRunner().invoke(main, ["story.txt"]).exit_code == 1


def test_init_refuses_to_overwrite(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.toml").write_text('select = ["promo-text"]\n')
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (tmp_path / ".newslint.toml").read_text() == 'select = ["promo-text"]\n'


def test_init_pyproject_adds_a_table_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "desk"\n')
    assert CliRunner().invoke(main, ["init", "--pyproject"]).exit_code == 0
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert data["project"] == {"name": "desk"} and "newslint" in data["tool"]
    load_config(tmp_path / "pyproject.toml")
    again = CliRunner().invoke(main, ["init", "--pyproject"])
    assert again.exit_code == 2 and "already has a [tool.newslint] table" in again.stderr


def test_a_file_named_like_a_command_is_linted_as_a_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "init").write_text("Share this article\n")
    result = CliRunner().invoke(main, ["./init"])
    assert result.exit_code == 1 and result.stdout.startswith("./init:1:1: warning promo-text")
    assert not (tmp_path / ".newslint.toml").exists()
