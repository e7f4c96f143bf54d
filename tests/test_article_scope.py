"""Lint the article, not the page: which part of an HTML page newslint reads, and the option that widens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_support import growth, run_json

from newslint.config import ConfigError, parse_config
from newslint.readers import read_document
from newslint.readers.article_scope import article_scope

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def text_of(page: str, scope: str = "article") -> str:
    return read_document("page.html", page, html_scope=scope).text


PAGE = """<html><head><title>Tram line opens</title></head><body>
<header><nav><a href="/">Home</a> <a href="/signin">Sign in</a></nav></header>
<article><h1>Tram line opens</h1>
<p>The first trams on the new line carried about 4,000 passengers on Monday, the transit authority said.</p>
<p>The line cost 310 million euros and took four years to build, and trams will run every six minutes.</p>
<aside>Advertisement</aside>
</article>
<aside class="sidebar">Most popular</aside>
<footer>Privacy Policy</footer>
</body></html>"""


def test_the_story_and_its_headline_are_read_and_the_page_around_it_is_not() -> None:
    text = text_of(PAGE)
    assert text.startswith("Tram line opens")  # the <title>, the headline
    assert "4,000 passengers" in text and "Advertisement" in text  # furniture inside the story stays
    for furniture in ("Sign in", "Home", "Most popular", "Privacy Policy"):
        assert furniture not in text
    page = text_of(PAGE, "page")
    assert all(words in page for words in ("Sign in", "Most popular", "Privacy Policy", "4,000 passengers"))


def test_a_page_without_article_markup_is_scored_by_its_prose() -> None:
    page = (FIXTURES / "promo-text" / "page_without_article_element.html").read_text(encoding="utf-8")
    plan = article_scope(page)
    assert plan.rule == "prose"
    text = text_of(page)
    assert "hundredth birthday" in text and "Share this story" in text
    assert "Log in" not in text and "Trending now" not in text and "Terms of use" not in text


def test_main_keeps_the_story_and_drops_the_furniture_inside_it() -> None:
    page = ("<html><body><nav>Sign in</nav><main><p>" + "The council voted to keep the buses. " * 6 + "</p>"
            '<div class="share-tools">Share this article</div><p>' + "Trams run every six minutes. " * 6 +
            "</p></main><footer>Contact us</footer></body></html>")
    text = text_of(page)
    assert "The council voted" in text and "Trams run" in text
    assert "Share this article" not in text and "Sign in" not in text and "Contact us" not in text


def test_a_page_with_no_prose_is_read_whole_less_its_furniture() -> None:
    text = text_of("<html><body><nav>Sign in</nav><div>Jane Roe / Reuters</div></body></html>")
    assert "Jane Roe / Reuters" in text and "Sign in" not in text


def test_malformed_pages_are_still_read() -> None:
    for page in ("<p>&#" + "9" * 5000 + ";</p>", "<article><p>unclosed", "</div></article><p>Stray end tags.</p>",
                 "<figure>" * 3000 + "Caption"):
        read_document("x.html", page)


def test_html_scope_in_configuration_and_on_the_command_line(tmp_path: Path, monkeypatch) -> None:
    assert parse_config({"html-scope": "page"}).html_scope == "page"
    assert parse_config({}).html_scope == "article"
    with pytest.raises(ConfigError, match="html-scope"):
        parse_config({"html-scope": "everything"})
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_json("--select", "promo-text", str(page))["findings"][0]["message"].startswith('"Advertisement"')
    assert len(run_json("--select", "promo-text", "--html-scope", "page", str(page))["findings"]) == 3
    (tmp_path / ".newslint.toml").write_text('html-scope = "page"\n', encoding="utf-8")
    assert len(run_json("--select", "promo-text", str(page))["findings"]) == 3
    assert len(run_json("--select", "promo-text", "--html-scope", "article", str(page))["findings"]) == 1


def test_nested_figures_stay_linear() -> None:
    def read(n: int) -> None:
        read_document("x.html", "<figure>" * n + "A caption." + "</figure>" * n)

    assert growth(read, 2000) < 9


def test_a_page_that_leaves_out_its_body_tag_is_still_a_page() -> None:
    page = PAGE.replace("<body>", "").replace("</body>", "")
    text = text_of(page)
    assert "4,000 passengers" in text
    assert "Sign in" not in text and "Most popular" not in text and "Privacy Policy" not in text
    fragment = "<h2>Tram line opens</h2><p>The first trams carried 4,000 passengers.</p><p>Share this article</p>"
    assert "Share this article" in text_of(fragment)  # a CMS export: all of it is the story


def test_the_headline_does_not_bring_the_sidebar_beside_the_story_with_it() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in (
        "The first trams on the new line carried about 4,000 passengers on Monday, the transit authority said.",
        "The line cost 310 million euros and took four years to build, and trams will run every six minutes.",
        "Riders said the trams were quiet and on time, though the stops were crowded at the morning rush."))
    page = ("<html><body><div class='wrap'><h1>Tram line opens</h1><div class='content'>" + story +
            "<p>Read more: How the line was paid for</p></div><div class='sidebar'><p>Most popular</p></div>"
            "<div class='share-buttons'><p>Share this article</p></div></div></body></html>")
    text = text_of(page)
    assert "Tram line opens" in text and "4,000 passengers" in text
    assert "Read more: How the line was paid for" in text  # furniture inside the story is still read
    assert "Most popular" not in text and "Share this article" not in text


def _two_stories(title: str) -> str:
    first = "<p>" + "Judge Ana Kessler upheld the zoning decision on Tuesday, the court said. " * 3 + "</p>"
    second = "<p>" + "Coach Dan Kesler said the Hawks won in overtime on a late goal by the captain. " * 3 + "</p>"
    return (f"<html><head><title>{title}</title></head><body><main>"
            f"<article><h1>Court upholds zoning decision</h1>{first}</article>"
            f"<article><h2>Hawks edge Rovers in overtime</h2>{second}</article></main></body></html>")


def test_the_story_the_title_names_is_read_not_the_next_one_below_it() -> None:
    text = text_of(_two_stories("Court upholds zoning decision | Bay Courier"))
    assert "Kessler upheld" in text and "Dan Kesler" not in text
    briefing = text_of(_two_stories("Morning briefing | Bay Courier"))  # no one story is the page's: all are
    assert "Kessler upheld" in briefing and "Dan Kesler" in briefing


def test_the_story_header_inside_main_is_read_with_the_story() -> None:
    page = ("<html><body><header class='site'><nav>Sign in</nav></header><main><header><h1>Tram line opens</h1>"
            "<p class='dek'>The first trams ran on Wednesday, March 13, 2025.</p></header><p>" +
            "The council voted to keep the buses. " * 6 + "</p><div class='share-tools'>Share this article</div>"
            "</main></body></html>")
    text = text_of(page)
    assert "Tram line opens" in text and "Wednesday, March 13, 2025" in text
    assert "Sign in" not in text and "Share this article" not in text


def test_the_template_widgets_inside_the_story_element_are_left_out_and_its_copy_is_not() -> None:
    page = ("<html><body><article><h1>Tram line opens</h1><p>" + "The first trams carried 4,000 riders. " * 4 +
            "</p><p>Read more: How the line was paid for</p><div class='sharedaddy'><h3>Share this:</h3>"
            "<a>Twitter</a></div><div class='jp-relatedposts'><p>Related</p></div>"
            "<aside><p>Fact box: the line has 14 stops.</p></aside></article></body></html>")
    text = text_of(page)
    assert "Read more: How the line was paid for" in text and "Fact box" in text
    assert "Share this:" not in text and "Twitter" not in text and "Related" not in text
