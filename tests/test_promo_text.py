from pathlib import Path

import pytest
from fixture_support import growth, run_json

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks


def lint(text: str, **options) -> list:
    config = Config(select=("promo-text",), check_options={"promo-text": options} if options else {})
    linter = Linter(load_checks(), config)
    return list(linter.lint(Source("story.txt", text=text)).findings)


@pytest.mark.parametrize(
    "line",
    ["Discuss as:", "SHARE THIS ARTICLE", "Advertisement", "• Share on Facebook", "Related Stories »",
     "Read more: Bridge reopens after repairs", "Jane's Gardening Newsletter",
     "© 2024 Example Media. All rights reserved.",
     "Get the best stories delivered straight to your inbox", "5 min read"],
)
def test_furniture_lines_are_reported(line: str) -> None:
    assert [f.line for f in lint(f"The council met on Monday.\n\n{line}\n")] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "She said she would sign up for the course.",
        "Subscribers rose 10% last year.",
        "The share of voters who backed the plan fell.",
        "Comments made by the minister drew criticism.",
        "Police asked anyone with information to click on the force's website or call.",
        "Related charges were dropped on Friday.",
        "Watch officials closely, the auditor warned.",
        "Tap to pay is now accepted at all 2,000 city meters, officials said.",
        "Never miss a payment, and your score will climb, she said.",
        "Search\n\nRescuers resumed the search at dawn.",
        "Privacy\n\nThe bill also tightens rules on data brokers.",
    ],
)
def test_the_same_words_in_real_sentences_stay_silent(text: str) -> None:
    assert lint(f"Headline here\n\n{text}\n") == []


def test_a_line_is_reported_once_even_when_two_patterns_match_it() -> None:
    findings = lint("Spread the word! Like and share this article with your friends.\n")
    assert len(findings) == 1


def test_call_to_action_in_the_middle_of_a_paragraph_points_at_the_sentence() -> None:
    text = "Rain is forecast for Friday. Click here to get alerts on your phone. Roads may flood."
    [finding] = lint(text)
    assert (finding.line, finding.column) == (1, 30)
    assert text[finding.end_column - 2] == "."


def test_users_extend_the_phrase_lists_from_configuration() -> None:
    text = "The race starts at noon.\n\nListen to the Morning Briefing\n\nMore in our weekend edition: race results\n"
    assert lint(text) == []
    findings = lint(text, **{"extra-labels": ["Listen to the Morning Briefing"],
                             "extra-lead-ins": ["More in our weekend edition"]})
    assert [f.line for f in findings] == [3, 5]


def test_options_from_a_config_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".newslint.toml").write_text('[checks.promo-text]\nextra-calls-to-action = ["Text STORM to"]\n')
    story = tmp_path / "story.txt"
    story.write_text("The storm is moving east.\n\nText STORM to 55555 for updates.\n")
    monkeypatch.chdir(tmp_path)
    findings = run_json("--select", "promo-text", str(story))["findings"]
    assert [(f["line"], f["check"]) for f in findings] == [(3, "promo-text")]


def test_a_headline_ending_in_newsletter_is_not_furniture() -> None:
    assert lint("Church Volunteers Revive Parish Newsletter\n\nThe newsletter returns in May.\n") == []
    assert [f.line for f in lint("Body copy.\n\nPC Gamer Newsletter\n")] == [3]


@pytest.mark.parametrize(
    "sentence",
    ["Read more about the budget vote at our website.", "Click on the photo above to see more images.",
     "Tap to read the full report.", "Never miss a story: get our morning email."],
)
def test_more_calls_to_action(sentence: str) -> None:
    assert [f.line for f in lint(f"The council met on Monday.\n\n{sentence}\n")] == [3]


def promo_growth(make, small: int, factor: int = 4) -> float:
    """How much longer promo-text takes on ``make(factor * small)`` than on ``make(small)``."""
    linter = Linter(load_checks(), Config(select=("promo-text",)))
    return growth(lambda size: linter.lint(Source("x.txt", text=make(size))), small, factor)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "." * n,  # the teaser tail's "...Read more" once backtracked over every full stop
        lambda n: "Click here to subscribe.\n" * (n // 25),  # each finding once re-scanned every earlier one
        lambda n: "Read more... " * (n // 13),
        lambda n: "a." + " " * n + "b",
    ],
    ids=["full-stops", "calls-to-action", "teasers", "spaces"],
)
def test_work_grows_linearly_with_the_text(make) -> None:
    # Four times the text: about four times the work (a quadratic path is sixteen times).
    assert promo_growth(make, 20000) < 9


def test_a_teaser_tail_is_still_found() -> None:
    [finding] = lint("The council met.\n\nThe mayor said the budget would... Read more »\n")
    assert (finding.line, finding.column, finding.end_column) == (3, 36, 45)


def test_also_read_is_promotion_and_a_photo_credit_is_left_to_orphan_caption() -> None:
    text = ("Ferry crews returned on Monday.\n\nALSO READ: Five crossings that reopened first\n\n"
            "Photos: Getty Images\n\n© Lise Harrow\n\n© 2025 Example Media. All rights reserved.\n\n"
            "Also read the small print, the union told its members.\n")
    assert [f.line for f in lint(text)] == [3, 9]


def test_html_pages_lint_the_story_unless_asked_for_the_whole_page() -> None:
    page = FIXTURES_PROMO / "full_page.html"
    story = run_json("--select", "promo-text", str(page))["findings"]
    whole = run_json("--select", "promo-text", "--html-scope", "page", str(page))["findings"]
    assert [f["line"] for f in story] == [20, 22]
    assert {20, 22} < {f["line"] for f in whole} and len(whole) > len(story) + 4


FIXTURES_PROMO = Path(__file__).resolve().parents[1] / "fixtures" / "promo-text"


def test_an_ad_slot_marker_glued_to_a_paragraph_is_reported_without_the_paragraph() -> None:
    [finding] = lint("The council met.\n\nContinued below... The ferry resumed its crossings on Monday.\n")
    assert (finding.line, finding.column, finding.end_column) == (3, 1, 19)


def test_every_list_label_is_a_label() -> None:
    # The titles under a list's label are reported only after the label itself is.
    from newslint.checks._furniture import furniture_phrases

    phrases = furniture_phrases((), (), ())
    assert phrases.list_labels and phrases.list_labels <= phrases.labels
