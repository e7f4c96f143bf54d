"""Output formats: SARIF (validated against the official schema), GitHub annotations, text extras, --output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newslint import cli
from newslint.cli import main
from newslint.finding import Finding, Severity
from newslint.formatters.github import ANNOTATIONS_PER_TYPE, escape_data, escape_property, format_github
from newslint.formatters.text import FormatOptions, format_text
from newslint.report import Report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
PROMO = "Discuss as:"


def run(*arguments: str):
    return CliRunner().invoke(main, list(arguments))


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(f"{PROMO}\n\nThe council met.\n\n{PROMO}\n")
    (tmp_path / "desk" / "b.md").write_text(f"# Budget\n\n- {PROMO}\n\n<!-- newslint: ignore promo-text -->\nBody.\n")
    (tmp_path / "desk" / "c.html").write_text("<p>Advertisement</p>\n")
    return tmp_path


def sarif(*arguments: str) -> dict:
    result = run("--format", "sarif", "--select", "promo-text,orphan-caption,unused-suppression", *arguments)
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


def test_sarif_for_a_multi_file_run_validates_against_the_official_schema(newsroom: Path) -> None:
    log = sarif("desk", "desk/missing.txt")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    [run_] = log["runs"]
    results = run_["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == \
        {"desk/a.txt", "desk/b.md", "desk/c.html"}
    assert {r["ruleId"] for r in results} == {"promo-text", "unused-suppression"}
    assert {r["level"] for r in results} == {"warning", "note"}
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["orphan-caption", "promo-text", "unused-suppression"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and "Why is this bad?" in rule["help"]["text"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    [notification] = run_["invocations"][0]["toolExecutionNotifications"]
    assert "no such file" in notification["message"]["text"]
    assert run_["invocations"][0]["executionSuccessful"] is False


def test_sarif_region_columns_are_code_points(newsroom: Path) -> None:
    (newsroom / "u.md").write_text(f"Caf\u00e9 \U0001F4F0 news\n\n- {PROMO}\n")
    [result] = sarif("u.md")["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 14}


def fingerprints(log: dict) -> list[str]:
    return [r["partialFingerprints"]["newslintFindingHash/v1"] for r in log["runs"][0]["results"]]


def test_sarif_fingerprints_survive_edits_above_and_tell_duplicates_apart(newsroom: Path) -> None:
    before = fingerprints(sarif("desk/a.txt"))
    assert len(before) == 2 and len(set(before)) == 2  # the same words twice: two identities
    path = newsroom / "desk" / "a.txt"
    path.write_text("A new lede paragraph.\n\nAnother.\n\n" + path.read_text())
    after = sarif("desk/a.txt")
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]] == [5, 9]
    assert fingerprints(after) == before


def test_github_annotations(newsroom: Path) -> None:
    result = run("--format", "github", "--select", "promo-text", "desk/a.txt")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::warning file=desk/a.txt,line=1,col=1,endLine=1,endColumn=12,title=newslint promo-text::")
    assert '"Discuss as:"' in first


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    finding = Finding("dir,1/a:b.txt", 1, 1, "promo-text", 1, 2, Severity.WARNING, "50% off:\nnow, today")
    output = format_github(Report(findings=[finding]))
    assert output == ("::warning file=dir%2C1/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=2,"
                      "title=newslint promo-text::50%25 off:%0Anow, today\n")


def many(count: int, severity: Severity) -> list[Finding]:
    return [Finding("a.txt", n, 1, "x", n, 2, severity, f"finding {n}") for n in range(1, count + 1)]


def test_github_overflow_is_summarised_never_dropped() -> None:
    report = Report(findings=many(13, Severity.WARNING) + many(11, Severity.INFO))
    lines = format_github(report).splitlines()
    assert sum(line.startswith("::warning ") for line in lines) == ANNOTATIONS_PER_TYPE
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(notices) == ANNOTATIONS_PER_TYPE  # 9 findings + the summary in the last slot
    summary = notices[-1]
    assert "title=newslint: more findings" in summary.replace("%3A", ":")
    assert summary.split("::", 2)[2].startswith("5 more newslint finding(s) not annotated")
    plain = [line for line in lines if not line.startswith("::")]
    assert len(plain) == 5  # 3 warnings + 2 notes, also printed as plain log lines
    for line in plain:
        assert line.split(": ", 1)[1] in summary.replace("%0A", "\n")


def test_github_under_the_limits_needs_no_summary() -> None:
    lines = format_github(Report(findings=many(10, Severity.WARNING) + many(10, Severity.INFO))).splitlines()
    assert len(lines) == 20 and all(line.startswith("::") for line in lines)
    assert not any("more newslint finding" in line for line in lines)


def test_show_source_excerpt_and_summary(newsroom: Path) -> None:
    result = run("--select", "promo-text", "--show-source", "desk/b.md", "desk/c.html")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'desk/b.md:3:3: warning promo-text "Discuss as:" looks like page furniture (a widget, menu or ad label), '
        'not copy',
        f"    - {PROMO}",
        "      ^" + "~" * 10,
        'desk/c.html:1:4: warning promo-text "Advertisement" looks like page furniture (a widget, menu or ad label), '
        "not copy",
        "    <p>Advertisement</p>",
        "       ^~~~~~~~~~~~~",
        "2 warnings in 2 files (2 files checked)",
    ]


def test_caret_under_a_tabbed_line() -> None:
    finding = Finding("t.txt", 1, 3, "x", 1, 5, Severity.INFO, "m")
    report = Report(findings=[finding], sources={"t.txt": ["\ta\tbc"]})
    text = format_text(report, FormatOptions(show_source=True, summary=True))
    assert text.splitlines()[1:] == ["        a   bc", "         ^~~~", "1 info in 1 file (1 file checked)"]


def test_summary_counts() -> None:
    findings = many(3, Severity.WARNING) + [Finding("b.txt", 1, 1, "x", 1, 1, Severity.INFO, "m"),
                                             Finding("b.txt", 2, 1, "x", 2, 1, Severity.ERROR, "m")]
    text = format_text(Report(findings=findings), FormatOptions(summary=True))
    assert text.splitlines()[-1] == "1 error, 3 warnings, 1 info in 2 files (2 files checked)"
    report = Report(findings=findings, files=7)
    assert format_text(report, FormatOptions(summary=True)).splitlines()[-1] == \
        "1 error, 3 warnings, 1 info in 2 files (7 files checked)"
    assert format_text(Report(files=3), FormatOptions(summary=True)) == "3 files checked, no problems\n"


def test_piped_text_has_no_summary_and_no_colour(newsroom: Path) -> None:
    result = run("--select", "promo-text", "desk/c.html")
    assert result.stdout.count("\n") == 1 and "\033[" not in result.stdout


@pytest.mark.parametrize("tty, no_color, expected", [(True, None, True), (True, "1", False), (False, None, False),
                                                     (True, "", True)])
def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch, tty, no_color, expected) -> None:
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: tty, raising=False)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert cli._use_color("auto") is expected
    assert cli._use_color("always") is True and cli._use_color("never") is False  # --color overrides both


def test_output_file_gets_the_report_and_the_terminal_a_summary(newsroom: Path) -> None:
    result = run("--format", "json", "--output", "report.json", "--select", "promo-text", "desk")
    assert result.exit_code == 1
    assert result.stdout == "4 warnings in 3 files (3 files checked); json report written to report.json\n"
    report = json.loads((newsroom / "report.json").read_text())
    assert len(report["findings"]) == 4


def test_output_to_an_unwritable_place_is_an_error(newsroom: Path) -> None:
    result = run("--output", "no/such/dir/report.txt", "--select", "promo-text", "desk")
    assert result.exit_code == 2 and "cannot be written" in result.stderr


def test_json_stays_one_object_with_everything_on(newsroom: Path) -> None:
    result = run("--format", "json", "--show-source", "--select", "promo-text,unused-suppression", "desk")
    payload = json.loads(result.stdout)  # raises if anything else is printed on stdout
    assert payload["version"] == 1 and len(payload["findings"]) == 5


def test_show_source_prints_the_suggestion_under_the_caret(tmp_path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    story = tmp_path / "story.txt"
    story.write_text("The vote is on Tuesday, Jan. 28, 2013.\n")
    result = CliRunner().invoke(main, ["--select", "date-weekday", "--show-source", str(story)])
    lines = result.stdout.splitlines()
    assert lines[1:4] == ["    The vote is on Tuesday, Jan. 28, 2013.", "                   ^" + "~" * 21,
                          "    suggestion: Monday, Jan. 28, 2013"]


def test_show_source_windows_a_very_long_line(tmp_path) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    story = tmp_path / "story.txt"
    story.write_text("The council met. " * 30 + "The vote is on Tuesday, Jan. 28, 2013. " + "It rained. " * 30 + "\n")
    result = CliRunner().invoke(main, ["--select", "date-weekday", "--show-source", str(story)])
    source, caret = result.stdout.splitlines()[1:3]
    assert len(source) < 140 and source.startswith("    …") and source.endswith("…")
    start = caret.index("^")
    assert source[start:start + 22] == "Tuesday, Jan. 28, 2013" and caret[start:].strip() == "^" + "~" * 21


GITLAB_SCHEMA = json.loads((Path(__file__).parent / "data" / "gitlab-code-quality.schema.json").read_text())


def test_gitlab_code_quality_validates_and_maps_severities(newsroom: Path) -> None:
    (newsroom / "desk" / "d.txt").write_text("Mayor Ann Lee said one of the 13 officials agreed.\n")
    result = run("--format", "gitlab", "--select", "promo-text,count-claim,unused-suppression", "desk",
                 str(newsroom / "desk" / "a.txt"))
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    jsonschema.Draft202012Validator(GITLAB_SCHEMA).validate(issues)
    assert {(i["check_name"], i["severity"]) for i in issues} == {
        ("promo-text", "major"), ("count-claim", "info"), ("unused-suppression", "info")}
    assert all(not i["location"]["path"].startswith("/") for i in issues)  # relative to the repository root
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # the same story named twice still gets distinct ones


def test_gitlab_fingerprints_survive_edits_above(newsroom: Path) -> None:
    def fingerprints() -> list[str]:
        return [i["fingerprint"] for i in json.loads(run("--format", "gitlab", "desk/a.txt").stdout)]

    before = fingerprints()
    story = newsroom / "desk" / "a.txt"
    story.write_text("A new first paragraph.\n\n" + story.read_text())
    assert fingerprints() == before and len(before) == 2
