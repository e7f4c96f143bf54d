"""Inline suppression in Markdown and HTML, applied by the engine, and unused-suppression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.suppression import parse_comment

PROMO = "Discuss as:"


def lint(tmp_path: Path, name: str, text: str, *options: str) -> list[tuple[int, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "json", "--select", "promo-text,unused-suppression",
                                       *options, str(path)])
    assert result.exit_code in (0, 1), result.output
    return [(f["line"], f["check"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def lines_checks(findings) -> list[tuple[int, str]]:
    return [(line, check) for line, check, _ in findings]


def test_ignore_on_the_line_before(tmp_path: Path) -> None:
    text = f"<!-- newslint: ignore promo-text -->\n{PROMO}\n\n{PROMO}\n"
    assert lines_checks(lint(tmp_path, "s.md", text)) == [(4, "promo-text")]


def test_ignore_skips_blank_lines_to_the_next_text(tmp_path: Path) -> None:
    text = f"<!-- newslint: ignore promo-text -->\n\n{PROMO}\n"
    assert lint(tmp_path, "s.md", text) == []


def test_ignore_skips_lines_of_bare_tags_to_the_next_text(tmp_path: Path) -> None:
    text = f"<div>\n<!-- newslint: ignore promo-text -->\n<p\n  class='share'>\n{PROMO}</p>\n<p>{PROMO}</p>\n</div>\n"
    assert lines_checks(lint(tmp_path, "s.html", text)) == [(6, "promo-text")]


def test_ignore_sharing_a_line_with_text_applies_to_that_line(tmp_path: Path) -> None:
    text = f"<p>{PROMO}</p> <!-- newslint: ignore promo-text -->\n<p>{PROMO}</p>\n"
    assert lines_checks(lint(tmp_path, "s.html", text)) == [(2, "promo-text")]


def test_ignore_names_only_the_checks_it_names(tmp_path: Path) -> None:
    text = f"<!-- newslint: ignore orphan-caption -->\n{PROMO}\n"
    found = lint(tmp_path, "s.md", text, "--select", "orphan-caption")
    assert lines_checks(found) == [(1, "unused-suppression"), (2, "promo-text")]


def test_ignore_without_names_silences_every_check(tmp_path: Path) -> None:
    assert lint(tmp_path, "s.md", f"<!-- newslint: ignore -->\n{PROMO}\n") == []


def test_disable_enable_block(tmp_path: Path) -> None:
    text = (f"{PROMO}\n\n<!-- newslint: disable promo-text -->\n\n{PROMO}\n\nAdvertisement\n\n"
            f"<!-- newslint: enable promo-text -->\n\n{PROMO}\n")
    assert lines_checks(lint(tmp_path, "s.md", text)) == [(1, "promo-text"), (11, "promo-text")]


def test_disable_without_enable_runs_to_the_end(tmp_path: Path) -> None:
    text = f"{PROMO}\n\n<!-- newslint: disable promo-text -->\n\n{PROMO}\n\nAdvertisement\n"
    assert lines_checks(lint(tmp_path, "s.md", text)) == [(1, "promo-text")]


def test_file_ignore(tmp_path: Path) -> None:
    text = (
        f"<html><body><p>{PROMO}</p>\n<!-- newslint: file-ignore promo-text -->\n"
        "<p>Advertisement</p></body></html>\n"
    )
    assert lint(tmp_path, "s.html", text) == []


def test_unused_suppression_is_reported(tmp_path: Path) -> None:
    text = "<!-- newslint: ignore promo-text -->\nThe council met on Monday.\n"
    [(line, name, message)] = lint(tmp_path, "s.md", text)
    assert (line, name) == (1, "unused-suppression") and "'ignore promo-text' suppresses nothing" in message


def test_unused_suppression_is_info_and_does_not_fail_the_run(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text("<!-- newslint: ignore promo-text -->\nThe council met on Monday.\n")
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 0 and "info unused-suppression" in result.stdout


def test_unused_suppression_only_judges_checks_that_ran(tmp_path: Path) -> None:
    text = f"<!-- newslint: ignore orphan-caption -->\n{PROMO}\n"
    assert lines_checks(lint(tmp_path, "s.md", text)) == [(2, "promo-text")]  # orphan-caption not selected


@pytest.mark.parametrize("comment, expected", [
    ("<!-- newslint: ignore promo-txt -->", "unknown check 'promo-txt'"),
    ("<!-- newslint: ignroe promo-text -->", "not a newslint directive"),
    ("<!-- newslint: enable promo-text -->", "'enable' without a matching 'disable'"),
])
def test_broken_directives_are_reported(tmp_path: Path, comment: str, expected: str) -> None:
    findings = lint(tmp_path, "s.md", f"{comment}\n\nThe council met on Monday.\n")
    assert [(line, name) for line, name, _ in findings] == [(1, "unused-suppression")]
    assert expected in findings[0][2]


def test_unused_suppression_can_be_ignored_like_any_check(tmp_path: Path) -> None:
    text = "<!-- newslint: ignore promo-text -->\nThe council met on Monday.\n"
    assert lint(tmp_path, "s.md", text, "--ignore", "unused-suppression") == []


def test_explain_knows_the_engine_check() -> None:
    result = CliRunner().invoke(main, ["--explain", "unused-suppression"])
    assert result.exit_code == 0 and "Why is this bad?" in result.stdout


def test_plain_text_comments_are_not_directives(tmp_path: Path) -> None:
    text = f"<!-- newslint: ignore promo-text -->\n{PROMO}\n"
    assert lines_checks(lint(tmp_path, "s.txt", text)) == [(2, "promo-text")]


def test_ordinary_comments_and_code_are_not_directives(tmp_path: Path) -> None:
    text = f"<!-- ignore promo-text -->\n\n```\n<!-- newslint: ignore promo-text -->\n```\n{PROMO}\n"
    assert lines_checks(lint(tmp_path, "s.md", text)) == [(6, "promo-text")]


def test_directive_in_a_markdown_list_or_quote(tmp_path: Path) -> None:
    text = (
        f"- item\n  <!-- newslint: ignore promo-text -->\n  {PROMO}\n"
        f"\n> <!-- newslint: ignore promo-text -->\n> {PROMO}\n"
    )
    assert lint(tmp_path, "s.md", text) == []


@pytest.mark.parametrize("body, expected", [
    (" newslint: ignore name-spelling ", ("ignore", ("name-spelling",))),
    ("newslint: disable promo-text, orphan-caption", ("disable", ("promo-text", "orphan-caption"))),
    (" newslint:file-ignore", ("file-ignore", ())),
    (" NEWSLINT: IGNORE a b", ("ignore", ("a", "b"))),
    (" newslint: skip x", ("invalid", ("x",))),
    (" a comment about newslint: ignore x", None),
])
def test_parse_comment(body: str, expected) -> None:
    assert parse_comment(body) == expected


def test_plain_text_directives_are_lines_in_brackets(tmp_path: Path) -> None:
    text = (f"{PROMO}\n\n[newslint: ignore promo-text]\n{PROMO}\n\n[newslint: disable promo-text]\n{PROMO}\n"
            f"{PROMO}\n[newslint: enable promo-text]\n{PROMO}\n  [newslint: ignore promo-text]  \nThe vote.\n"
            "[newslint: ignroe promo-text]\n")
    findings = lint(tmp_path, "s.txt", text)
    assert lines_checks(findings) == [(1, "promo-text"), (10, "promo-text"), (11, "unused-suppression"),
                                      (13, "unused-suppression")]
    assert "not a newslint directive" in findings[-1][2]


def test_a_plain_text_directive_line_leaves_positions_and_paragraphs_exact(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Mayor Ann Lee spoke.\n[newslint: ignore promo-text]\nShe said one of the 13 officials\nagreed.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "json", "--select", "count-claim", str(story)])
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 21, 33)  # "13 officials", as written


def test_a_file_ignore_in_plain_text_silences_the_whole_file(tmp_path: Path) -> None:
    text = f"{PROMO}\n[newslint: file-ignore promo-text]\n\n{PROMO}\n"
    assert lint(tmp_path, "s.txt", text) == []
