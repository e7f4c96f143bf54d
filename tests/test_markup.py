"""Markdown and HTML copy: only prose is checked, and every finding lands on its source line and column.

The ``story.*`` and ``malformed.*`` fixtures in ``fixtures/markup/`` are marked up with the word
"Menger": a marker check flags each occurrence in the analysed text, and the expected positions below
were worked out by hand from the source (front matter, code, URLs, attributes, scripts and comments
hold more "Menger"s, which must not be found). ``promo.*`` are linted through the real command line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter, Source
from newslint.finding import Problem
from newslint.readers import read_document
from newslint.readers.markdown import front_matter_lines
from newslint.registry import check

MARKUP = Path(__file__).resolve().parents[1] / "fixtures" / "markup"


@check("marker", severity="warning")
def marker(document: Document, options):
    """Flags the word Menger (and Menger's), wherever the prose holds it.

    What it does
    ------------
    Flags every "Menger" in the analysed text.

    Why is this bad?
    ----------------
    It is a test probe.

    Example
    -------
    ``Menger`` is flagged.
    """
    for match in re.finditer(r"Menger(?:’s)?", document.text):
        yield Problem(match.start(), match.end(), "marker")


def marked(path: Path) -> list[tuple[int, int, int, int]]:
    linter = Linter({"marker": marker}, Config(select=("marker",)))
    return [(f.line, f.column, f.end_line, f.end_column) for f in linter.lint(str(path)).findings]


def source_at(path: Path, line: int, column: int, end_column: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[line - 1][column - 1:end_column - 1]


STORY_MD = [
    (6, 9, 6, 15),     # ATX heading, before an entity
    (9, 33, 9, 39),    # after &ldquo;/&rdquo; entities, second line of a paragraph
    (18, 30, 18, 36),  # nested list item, inside **bold**
    (19, 22, 19, 28),  # ordered list nested two deep
    (21, 40, 21, 46),  # second paragraph of a list item
    (23, 21, 23, 27),  # link text (not its URL, title or the inline code after it)
    (25, 11, 25, 17),  # block quote (not the comment on the next line)
    (32, 3, 32, 9),    # table cell
    (34, 9, 34, 15),   # image alt text
    (34, 43, 34, 49),  # image title
    (38, 28, 38, 42),  # HTML block: text after a tag spanning two lines, ending on &rsquo;s
    (40, 21, 40, 27),  # setext heading
]
STORY_HTML = [
    (4, 16, 4, 22),    # <title>, not the <style> or <script> below it
    (10, 33, 10, 39),  # after a start tag spanning lines 9-10
    (11, 86, 11, 92),  # after &mdash; &ldquo; &rdquo; on the same line
    (17, 15, 17, 21),  # figcaption (not the img alt)
    (20, 29, 20, 44),  # after AT&T, &amp; and &#8212;, ending on &#x2019;s
    (21, 50, 21, 56),  # after a link whose start tag spans lines
]


@pytest.mark.parametrize("name, expected", [("story.md", STORY_MD), ("story.html", STORY_HTML)])
def test_every_prose_occurrence_at_its_exact_source_position(name: str, expected) -> None:
    path = MARKUP / name
    found = marked(path)
    assert found == expected
    for line, column, _, end_column in found:
        assert source_at(path, line, column, end_column).startswith("Menger")


@pytest.mark.parametrize("name, expected", [
    ("malformed.html", [(2, 31, 2, 37), (3, 28, 3, 34), (6, 47, 6, 53), (7, 38, 7, 44), (8, 16, 8, 22)]),
    ("malformed.md", [(4, 26, 4, 32), (6, 12, 6, 18)]),
])
def test_malformed_markup_is_still_linted(name: str, expected) -> None:
    assert marked(MARKUP / name) == expected


@pytest.mark.parametrize("name", ["promo.md", "promo.html"])
def test_promo_fixtures_through_the_command_line(name: str) -> None:
    path = MARKUP / name
    result = CliRunner().invoke(main, ["--format", "json", "--select", "promo-text", str(path)])
    assert result.exit_code == 1, result.output
    got = json.loads(result.stdout)["findings"]
    expected = json.loads((MARKUP / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in got] == \
        [(e["line"], e["column"], e["end_line"], e["end_column"]) for e in expected]
    for finding, entry in zip(got, expected, strict=True):
        assert entry["message_contains"] in finding["message"]


def test_markdown_text_keeps_paragraphs_apart_and_drops_non_prose() -> None:
    document = read_document("story.md", (MARKUP / "story.md").read_text(encoding="utf-8"))
    blocks = [block.text for block in document.blocks]
    assert blocks[0] == "Chief Menger & the council"
    assert "Deeper point: Menger" in blocks
    assert not any("code, not copy" in b or "indented code" in b or "example.com" in b for b in blocks)
    assert not any("title:" in b or "tags:" in b for b in blocks)


def test_html_text_content_only() -> None:
    document = read_document("story.html", (MARKUP / "story.html").read_text(encoding="utf-8"))
    assert "color: red" not in document.text and "var menger" not in document.text
    assert "Menger = 1" not in document.text  # <pre><code>
    assert "Menger at the podium" not in document.text  # attributes are not text content
    assert "AT&T and R&D — Menger’s budget, Menger." in document.text
    assert "Police chief Menger" in [block.text for block in document.blocks]


def test_figcaption_inside_a_figure_is_a_caption_with_its_photo() -> None:
    document = read_document("story.html", (MARKUP / "story.html").read_text(encoding="utf-8"))
    [caption] = document.photo_captions
    assert caption.text.startswith("Menger speaks, Jan. 28, 2013.") and caption.text.endswith("Jane Roe / Reuters")
    assert document.text[caption.start:caption.end] == caption.text
    credit = document.text.index("Jane Roe / Reuters")
    assert document.is_photo_caption(credit, credit + 18)
    body = document.text.index("The council met")
    assert not document.is_photo_caption(body, body + 15)


def test_a_figcaption_outside_a_figure_is_not_marked() -> None:
    document = read_document("x.html", "<p>Body.</p>\n<figcaption>Jane Roe / Reuters</figcaption>\n")
    assert document.photo_captions == ()


def test_markdown_image_alt_title_and_the_line_under_it_are_captions_with_a_photo() -> None:
    text = (
        "Body text.\n\n![Chief at the podium](a.jpg \"Speaking, Jan. 28\")\n"
        "Photo: Jane Roe / Reuters\n\nMore body.\n"
    )
    document = read_document("x.md", text)
    for words in ("Chief at the podium", "Speaking, Jan. 28", "Photo: Jane Roe / Reuters"):
        start = document.text.index(words)
        assert document.is_photo_caption(start, start + len(words)), words
    for words in ("Body text.", "More body."):
        start = document.text.index(words)
        assert not document.is_photo_caption(start, start + len(words)), words


def test_the_block_under_an_image_only_paragraph_is_its_caption() -> None:
    document = read_document("x.md", "![](a.jpg)\n\nJane Roe / Reuters\n\nBody.\n\n\n\nLater.\n")
    start = document.text.index("Jane Roe")
    assert document.is_photo_caption(start, start + 8)
    assert not document.is_photo_caption(document.text.index("Body."), document.text.index("Body.") + 5)


@pytest.mark.parametrize("lines, expected", [
    (["---", "title: x", "---", "Body"], 3),
    (["+++", "title = 'x'", "+++"], 3),
    (["---", "title: x", "...", "Body"], 3),
    (["---", "Body never closed"], 0),
    (["Body", "---"], 0),
    # A story that opens with a rule: prose between two rules is no metadata, and must be linted.
    (["---", "", "Share this article", "", "The council met.", "---", "Read more: x"], 0),
    (["---", "title: x", "tags:", "  - council", "- budget", "# a comment", "---"], 7),
    (["---", "Author Name: Jo Lee", "[extra]", "---", "Body"], 4),  # YAML keys may hold spaces; a TOML table
    (["---", "[Share this article](http://example.org/share)", "---", "Body"], 0),  # a link is prose
])
def test_front_matter(lines: list[str], expected: int) -> None:
    assert front_matter_lines(lines) == expected


def test_markup_is_chosen_by_suffix_including_stdin_filename() -> None:
    result = CliRunner().invoke(main, ["--format", "json", "--select", "promo-text", "--stdin-filename", "s.md", "-"],
                                input=b"```\nDiscuss as:\n```\n")
    assert json.loads(result.stdout)["findings"] == []
    result = CliRunner().invoke(main, ["--format", "json", "--select", "promo-text", "--stdin-filename", "s.txt", "-"],
                                input=b"```\nDiscuss as:\n```\n")
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [2]


def test_crlf_markdown_gives_the_same_positions() -> None:
    text = (MARKUP / "story.md").read_text(encoding="utf-8")
    linter = Linter({"marker": marker}, Config(select=("marker",)))
    findings = linter.lint(Source("story.md", text=text.replace("\n", "\r\n"))).findings
    assert [(f.line, f.column, f.end_line, f.end_column) for f in findings] == STORY_MD


def test_a_time_outside_the_story_does_not_date_it() -> None:
    """A teaser's <time> in the site's header dates another story; the story's own <time> dates it."""
    page = ("<html><body><header><a href='/old'>Archive <time datetime='2019-03-01'>March 1</time></a></header>"
            "<article><h1>Vote set</h1><p>By Jo Lee, <time datetime='2025-02-17'>Feb. 17</time></p>"
            "<p>The vote is on Tuesday, March 4, the clerk said.</p></article></body></html>")
    document = read_document("page.html", page)
    assert str(document.published) == "2025-02-17"
    teaser_only = page.replace("<time datetime='2025-02-17'>Feb. 17</time>", "Feb. 17")
    assert read_document("page.html", teaser_only).published is None


def test_a_no_break_space_is_a_space_to_the_checks() -> None:
    document = read_document("page.html", "<p>Evangelina&nbsp;Kowalczyk spoke.</p>")
    assert "Evangelina Kowalczyk" in document.text
    assert document.position(document.text.index("Kowalczyk")) == (1, 20)  # after "<p>Evangelina&nbsp;"


def test_italics_are_recorded_where_titles_of_works_are_set() -> None:
    markdown = read_document("x.md", "Her memoir, *Coach Ruiz: A Life*, came out.\n")
    page = read_document("x.html", "<p>Her memoir, <cite>Coach Ruiz: A Life</cite>, and <em>a word</em>.</p>")
    assert [markdown.text[a:b] for a, b in markdown.emphasis] == ["Coach Ruiz: A Life"]
    assert [page.text[a:b] for a, b in page.emphasis] == ["Coach Ruiz: A Life", "a word"]
    nested = read_document("x.html", "<p>" + "<i>" * 500 + "Coach Ruiz: A Life" + "</i>" * 500 + "</p>")
    assert [nested.text[a:b] for a, b in nested.emphasis] == ["Coach Ruiz: A Life"]  # the outermost only
