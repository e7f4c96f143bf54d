import datetime

import pytest
from fixture_support import growth
from newslint.checks._dates import full_dates, infer_year, weekday_dates

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks


def lint(text: str) -> list:
    linter = Linter(load_checks(), Config(select=("date-weekday",)))
    return list(linter.lint(Source("story.txt", text=text)).findings)


@pytest.mark.parametrize(
    "written",
    ["Tuesday, Jan. 28, 2013", "Tues. Jan. 28, 2013", "Tue. Jan. 28th, 2013", "Tuesday (Jan. 28, 2013)",
     "Tuesday, 28 January 2013", "Tuesday the 28th of January 2013", "Tuesday, January 28, 2013",
     "Tuesday Jan 28, 2013"],
)
def test_ap_and_day_first_styles_are_read(written: str) -> None:
    [finding] = lint(f"The vote is {written}, officials said.\n")
    assert "was a Monday" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "The vote is Monday, Jan. 28, 2013.",
        "The vote is Tuesday, Jan. 28.",  # no year anywhere in the story
        "Sessions run Monday-Wednesday, Jan. 28-30, 2013.",
        "Sessions run Tuesday, Jan. 28 to Feb. 2, 2013.",
        "The Sun, Jan. 28, 2013, ran the story.",  # a newspaper's name, not "Sun." for Sunday
        "He met Wed Jan. 30, 2013.",  # bare "Wed" is not read as a weekday
        "The vote is Thursday, Feb. 29, 2013.",  # no such date: another problem, not this check's
    ],
)
def test_silent_cases(text: str) -> None:
    assert lint(text + "\n") == []


def test_the_year_of_a_yearless_date_comes_from_the_story() -> None:
    text = "The caption reads Jan. 28, 2013.\n\nUpdate, Tues. Jan. 29: more.\n\nUpdate, Wed. Jan. 29: more.\n"
    assert [f.line for f in lint(text)] == [5]


def test_a_weekday_right_in_any_of_the_storys_years_is_left_alone() -> None:
    # Jan. 28 was a Saturday in 2012 and a Monday in 2013; the story has dates in both years.
    text = "It began on Dec. 30, 2012, and ended Jan. 2, 2013.\n\nThe report came Saturday, Jan. 28.\n"
    assert lint(text) == []


def test_full_dates() -> None:
    text = "On Jan. 28, 2013 and 4 July 1996 and 1996-08-30, but not Jan. 28 or 2013-02-30."
    assert full_dates(text) == [datetime.date(2013, 1, 28), datetime.date(1996, 7, 4), datetime.date(1996, 8, 30)]


def test_weekday_dates_read_ordinals_and_abbreviations() -> None:
    [found] = weekday_dates("Update, Tues. Jan. 29th: the chief said")
    assert (found.weekday, found.month, found.day, found.year) == (1, 1, 29, None)


def test_infer_year_takes_the_nearest_year_and_gives_up_when_dates_disagree() -> None:
    reading = infer_year(12, 31, [datetime.date(2013, 1, 2)])
    assert reading is not None and reading.year == 2012
    assert infer_year(1, 14, [datetime.date(2012, 1, 5), datetime.date(2013, 1, 10)]) is None
    assert infer_year(1, 14, []) is None


def _synthetic_story(size: int) -> str:
    """Paragraphs full of weekday dates, full dates and ranges, repeated to ``size`` characters."""
    paragraphs = [
        "The board met on Tuesday, Jan. 29, 2013, and again on Wed. Jan. 30 to settle the budget.",
        "Hearings run Monday-Wednesday, Feb. 4-6, 2013, and from Thursday, Feb. 7 through Feb. 9.",
        "Update, Tues. Jan. 29: the chief said talks resume Monday (Feb. 4) at 10 a.m.",
    ]
    text = "\n\n".join(paragraphs)
    return "\n\n".join([text] * (size // len(text) + 1)) + "\n"


def test_a_long_story_of_consistent_paragraphs_stays_silent() -> None:
    # Speed on long texts is measured in bench/counts_corpus.py, not asserted here (timings are noisy).
    assert lint(_synthetic_story(300_000)) == []


def test_a_range_far_before_a_date_does_not_hide_it() -> None:
    text = "Sessions run Monday-Wednesday, Jan. 28-30, 2013.\n\nThe vote is Tuesday, Jan. 28, 2013.\n"
    assert [f.line for f in lint(text)] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "It began Jan. 2, 2025.\n\nShe told the Baltimore Sun. Jan. 6 was the deadline.\n",
        "It began Jan. 2, 2025.\n\nHe wrote for the Toronto Sun. Jan. 6 was his last day.\n",
        "It began Jan. 2, 2025.\n\nShe read it in the Sun. Jan. 6 was the deadline.\n",
        "It began Jan. 2, 2025.\n\nThe paper comes out each Sat. Jan. 6 is the deadline.\n",
    ],
)
def test_an_abbreviated_weekday_in_a_name_or_at_a_sentence_end_is_not_read(text: str) -> None:
    assert lint(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It began Jan. 2, 2025.\n\nThe Baltimore Sun reported Sunday, Jan. 6, that talks failed.\n",
        "It began Jan. 2, 2025.\n\nOn Sun. Jan. 6, the council met.\n",
        "It began Jan. 2, 2025.\n\nThe council met Sun. Jan. 6 at noon.\n",
    ],
)
def test_weekdays_near_names_are_still_read(text: str) -> None:
    [finding] = lint(text)
    assert "was a Monday, not a Sunday" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "It began Jan. 2, 2025.\n\nUPDATE Sun. Jan. 6: the council met.\n",
        "It began Jan. 2, 2025.\n\nCouncil Update\n\nSun. Jan. 6: the council met.\n",
    ],
)
def test_a_date_leading_word_or_a_headline_before_the_weekday_is_not_a_name(text: str) -> None:
    assert len(lint(text)) == 1


def lint_source(source: Source, **config: object) -> list:
    linter = Linter(load_checks(), Config(select=("date-weekday",), **config))
    return list(linter.lint(source).findings)


BONDS = "The city sold bonds due March 1, 2031, to pay for the sea wall.\n\nThe council met on {weekday}, March 3.\n"
STORY = BONDS.format(weekday="Tuesday")


def test_maturities_and_future_events_never_give_the_year() -> None:
    # March 3 was a Monday in 2031 and a Tuesday in 2015: with no story date, the year is left open.
    assert lint(BONDS.format(weekday="Tuesday")) == []
    assert lint("It will open on Dec. 1, 2031.\n\nThe vote was Tuesday, March 3.\n") == []
    assert lint("The loan runs until June 30, 2031.\n\nThe vote was Tuesday, March 3.\n") == []


@pytest.mark.parametrize(
    ("source", "config"),
    [
        (Source("story.txt", text="HARBOR STORY\n\nRIVERTON 2015-02-27\n\n" + STORY), {}),
        (Source("story.txt", text="RIVERTON, Feb. 27, 2015 (City Wire) - " + STORY), {}),
        (Source("story.md", text="---\ntitle: Bonds\ndate: 2015-02-27\n---\n\n" + STORY), {}),
        (Source("story.md", text="+++\ndate = 2015-02-27T10:00:00Z\n+++\n\n" + STORY), {}),
        (Source("story.html", text='<meta property="article:published_time" content="2015-02-27T09:00:00Z">'
                                    "<p>" + STORY.replace("\n\n", "</p><p>") + "</p>"), {}),
        (Source("story.html", text='<header><time datetime="2015-02-27">Feb. 27</time></header>'
                                    "<p>" + STORY.replace("\n\n", "</p><p>") + "</p>"), {}),
        (Source("story.txt", text=STORY), {"date": datetime.date(2015, 2, 27)}),
    ],
    ids=["dateline", "wire dateline", "yaml front matter", "toml front matter", "meta", "time", "configuration"],
)
def test_the_storys_own_date_gives_the_year(source: Source, config: dict) -> None:
    assert lint_source(source, **config) == []  # Tuesday, March 3, 2015
    wrong = Source(source.path, text=(source.text or "").replace("Tuesday, March 3", "Monday, March 3"))
    [finding] = lint_source(wrong, **config)
    assert "March 3, 2015 was a Tuesday, not a Monday (taking the year 2015 from the story's" in finding.message


def test_the_files_own_date_comes_before_the_configured_one() -> None:
    source = Source("story.md", text="---\ndate: 2015-02-27\n---\n\n" + BONDS.format(weekday="Tuesday"))
    assert lint_source(source, date=datetime.date(2031, 2, 27)) == []


def test_a_weekday_right_in_the_storys_year_says_the_year_may_be_the_error() -> None:
    text = "RIVERTON, Feb. 27, 2015 (City Wire) - The race starts on Sunday, May 3, 2014, at the harbor.\n"
    [finding] = lint(text)
    assert finding.message == (
        '"Sunday, May 3, 2014": May 3, 2014 was a Saturday, not a Sunday; May 3, 2015 was a Sunday, '
        "so the year may be the error (the story is dated 2015)"
    )
    assert finding.suggestion == "Sunday, May 3, 2015"
    # Without a story date, the story's other dates say which year it is told in.
    [finding] = lint("The route changed on Jan. 12, 2015.\n\nThe race starts on Sunday, May 3, 2014.\n")
    assert "so the year may be the error (the story's other dates are in 2015)" in finding.message


def test_a_sentence_that_starts_with_a_date_is_not_a_dateline() -> None:
    from newslint.checks._dates import dateline_date

    assert dateline_date("Review\n\nThe board first met on Jan. 5, 2012, and its successor in 2013.\n") is None
    assert dateline_date("news.example.com / By: Jane Roe / 26 December 2017\n\nBody.") == datetime.date(2017, 12, 26)


def test_the_date_option_and_configuration_key(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(BONDS.format(weekday="Monday"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--select", "date-weekday", "story.txt"]).exit_code == 0
    result = runner.invoke(main, ["--select", "date-weekday", "--date", "2015-02-27", "story.txt"])
    assert result.exit_code == 1 and "March 3, 2015 was a Tuesday" in result.stdout
    (tmp_path / ".newslint.toml").write_text('date = "2015-02-27"\n', encoding="utf-8")
    assert runner.invoke(main, ["--select", "date-weekday", "story.txt"]).exit_code == 1
    (tmp_path / ".newslint.toml").write_text("date = 2015-02-27\n", encoding="utf-8")  # a TOML date
    assert runner.invoke(main, ["--select", "date-weekday", "story.txt"]).exit_code == 1
    (tmp_path / ".newslint.toml").write_text('date = "27 Feb 2015"\n', encoding="utf-8")
    result = runner.invoke(main, ["--select", "date-weekday", "story.txt"])
    assert result.exit_code == 2 and "'date' must be a date written YYYY-MM-DD" in result.stderr
    result = runner.invoke(main, ["--select", "date-weekday", "--date", "2015-02-30", "story.txt"])
    assert result.exit_code == 2




@pytest.mark.parametrize("one_line", [False, True], ids=["paragraphs", "one long line"])
def test_the_date_analysis_grows_in_proportion_to_the_text(one_line: bool) -> None:
    # A ratio of two runs in one test, never an absolute time (linear is 4x, quadratic 16x).
    linter = Linter(load_checks(), Config(select=("date-weekday",)))

    def lint(size: int) -> None:
        text = _synthetic_story(size)
        linter.lint(Source("story.txt", text=text.replace("\n", " ") if one_line else text))

    assert growth(lint, 50_000) < 8


@pytest.mark.parametrize(
    "text",
    ["The vote is Tuesday, Jan. ²⁸, 2013.", "The vote is Tuesday, Jan. ٢٨, ٢٠١٣.",
     "The vote is Tuesday, Jan. 28, " + "9" * 5000 + ".", "Tuesday, Jan. " + "2" * 5000],
    ids=["superscript", "arabic-indic", "long year", "long day"],
)
def test_digits_that_are_not_ascii_and_long_numbers_are_not_dates(text: str) -> None:
    linter = Linter(load_checks(), Config(select=("date-weekday",)))
    result = linter.lint(Source("story.txt", text=text))
    assert result.failures == () and result.findings == ()
