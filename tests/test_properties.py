"""Property tests over text, Markdown, HTML and raw bytes: no crash, positions in bounds, valid UTF-8
JSON, and the same answer twice. Bounded and derandomised, so CI runs the same examples every time."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.formatters.json import format_json
from newslint.registry import load_checks
from newslint.report import Report

RULE_CHECKS = ("promo-text", "orphan-caption", "count-claim", "count-mismatch", "date-weekday", "unused-suppression")
PROFILE = settings(max_examples=60, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces of real copy's shape, and the characters that broke checks before (superscripts, long digit runs,
# brackets, entities), so the generated stories reach the checks' interesting paths.
WORDS = st.sampled_from([
    "The", "council", "met", "on", "Monday,", "Jan.", "28,", "2013.", "one", "of", "the", "13", "officials",
    "three", "communities:", "Aurora,", "Oak", "Creek", "and", "Newtown.", "Jane", "Roe", "/", "Reuters",
    "(AP", "Photo)", "Click", "here", "to", "subscribe", "Discuss", "as:", "Mr", "Menger", "Manger", "said",
    "5 km²", "H₂O", "⁴", "9" * 40, "((((", "****", "\"\"\"", "—", "\u00a0", "é", "Ünal", "😀", "\t", "[newslint:",
    "ignore", "promo-text]", "Tuesday,", "March", "3", "Photo:", "Getty", "Images", "|", "Advertisement",
])
PROSE = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map(" ".join)
LINES = st.lists(PROSE, max_size=12).map(lambda lines: "\n".join(lines))
MARKUP_PIECES = st.sampled_from([
    "<p>", "</p>", "<figure>", "<figcaption>", "</figcaption>", "</figure>", "<img src=a.jpg>", "<br>",
    "<!-- newslint: ignore promo-text -->", "<!--", "-->", "<script>", "</script>", "&amp;", "&#" + "9" * 30 + ";",
    "&#" + "9" * 5000 + ";",
    "&sup2;", "&#x1F600;", "<a", "<nav>", "</nav>", "<article>", "</article>", "\n\n", "# ", "- ", "> ",
    "![photo](a.jpg)", "```\n", "---\n", "*", "_", "[link](http://example.com)",
])
MARKUP = st.lists(st.one_of(MARKUP_PIECES, PROSE), max_size=40).map("".join)


def _linter(checks: tuple[str, ...] = RULE_CHECKS) -> Linter:
    return Linter(load_checks(), Config(select=checks))


LINTER = _linter()


def _assert_sound(source: Source) -> None:
    first = LINTER.lint(source)
    second = LINTER.lint(source)
    assert first == second  # deterministic
    assert not first.failures, first.failures  # no reader and no check failed on it
    lines = first.source_lines
    for finding in first.findings:
        assert 1 <= finding.line <= finding.end_line <= max(len(lines), 1), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
        assert finding.end_column <= len(lines[finding.end_line - 1]) + 1, finding
        if finding.line == finding.end_line:
            assert finding.column <= finding.end_column, finding
    report = Report()
    report.add(first)
    encoded = format_json(report.printable()).encode("utf-8")  # valid UTF-8 whatever the input held
    assert json.loads(encoded)["version"] == 1


@PROFILE
@given(LINES)
def test_plain_text(text: str) -> None:
    _assert_sound(Source("story.txt", text=text))


@PROFILE
@given(MARKUP)
def test_markdown(text: str) -> None:
    _assert_sound(Source("story.md", text=text))


@PROFILE
@given(MARKUP)
def test_html(text: str) -> None:
    _assert_sound(Source("story.html", text=text))


@PROFILE
@given(st.binary(max_size=400), st.sampled_from(["story.txt", "story.md", "story.html"]))
def test_raw_bytes(data: bytes, name: str) -> None:
    result = LINTER.lint(Source(name, data=data))
    assert result == LINTER.lint(Source(name, data=data))
    assert result.linted or result.failures  # read and linted, or one clear failure saying why


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_name_spelling_too(text: str) -> None:
    linter = _linter(("name-spelling",))
    result = linter.lint(Source("story.txt", text=text))
    assert result == linter.lint(Source("story.txt", text=text)) and not result.failures
