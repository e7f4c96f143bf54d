"""Baselines and SARIF fingerprints name a problem by what it is, so edits above it change neither."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import main
from newslint.finding import without_line_numbers

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "story.txt"
# A Markdown story with a suppression that suppresses nothing, so unused-suppression is covered too.
MARKDOWN_TAIL = "\n<!-- newslint: ignore promo-text -->\nThe meeting ended at nine.\n"


def _run(cwd: Path, *arguments: str):
    result = CliRunner().invoke(main, list(arguments), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result


def _write_story(folder: Path, prefix: str = "") -> None:
    (folder / "story.md").write_text(prefix + EXAMPLE.read_text(encoding="utf-8") + MARKDOWN_TAIL, encoding="utf-8")


def test_line_references_are_not_part_of_a_problems_identity() -> None:
    assert without_line_numbers('"Kovak" may be a misspelling of "Kovac" (line 16)') == \
        '"Kovak" may be a misspelling of "Kovac"'
    assert without_line_numbers('"three businesses" but 4 are named (line 14): A, B') == \
        '"three businesses" but 4 are named: A, B'


def test_edits_above_every_kind_of_finding_keep_baselines_and_fingerprints(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write_story(tmp_path)
    before = json.loads(_run(tmp_path, "--format", "json", "story.md").stdout)["findings"]
    checks = {finding["check"] for finding in before}
    assert checks == {"promo-text", "orphan-caption", "count-mismatch", "count-claim", "date-weekday",
                      "name-spelling", "unused-suppression"}
    assert any("(line" in finding["message"] for finding in before)  # the messages that used to break keys
    sarif_before = json.loads(_run(tmp_path, "--format", "sarif", "story.md").stdout)
    _run(tmp_path, "--write-baseline", "baseline.json", "story.md")

    _write_story(tmp_path, prefix="Updated at 9 p.m. with the council's vote.\n\n")
    after = json.loads(_run(tmp_path, "--format", "json", "story.md").stdout)["findings"]
    assert [f["line"] for f in after] == [f["line"] + 2 for f in before]  # every finding moved down two lines
    absorbed = _run(tmp_path, "--format", "json", "--baseline", "baseline.json", "story.md")
    assert json.loads(absorbed.stdout)["findings"] == []  # each one still absorbed, none reported as unused
    sarif_after = json.loads(_run(tmp_path, "--format", "sarif", "story.md").stdout)

    def fingerprints(sarif: dict) -> list[tuple[str, str]]:
        return sorted((r["ruleId"], r["partialFingerprints"]["newslintFindingHash/v1"])
                      for r in sarif["runs"][0]["results"])

    assert fingerprints(sarif_after) == fingerprints(sarif_before)
    assert len(fingerprints(sarif_before)) == len(before)
