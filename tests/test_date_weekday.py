import datetime
from pathlib import Path

import pytest
from fixture_support import assert_fixture, fixture_paths

from newslint.checks._dates import full_dates, infer_year, weekday_dates
from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter
from newslint.registry import load_checks


@pytest.mark.parametrize("path", fixture_paths("date-weekday"), ids=lambda p: p.name)
def test_fixture(path: Path) -> None:
    assert_fixture(path, "date-weekday")


def lint(text: str) -> list:
    linter = Linter(load_checks(), Config(select=("date-weekday",)), notify=print)
    return linter.lint(Document.from_text("story.txt", text))


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
