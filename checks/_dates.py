"""Reading calendar dates in news copy: AP-style months and weekdays, full dates, weekday + date pairs.

Only what the date checks need: no NLP, a handful of regular expressions, and ``datetime.date`` for the
calendar arithmetic.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Iterator

# Month spellings: full names, AP abbreviations (with or without their period) and "Sept.".
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Weekday spellings -> datetime.weekday() number. Three-letter forms must carry their period ("Sun." and
# "Sat."), because bare "Sun" and "Wed" are also ordinary words and newspaper names.
_WEEKDAYS = {
    "monday": 0, "mon.": 0, "tuesday": 1, "tues": 1, "tues.": 1, "tue.": 1,
    "wednesday": 2, "wed.": 2, "thursday": 3, "thurs": 3, "thurs.": 3, "thur.": 3, "thu.": 3,
    "friday": 4, "fri.": 4, "saturday": 5, "sat.": 5, "sunday": 6, "sun.": 6,
}

MONTH_WORDS = frozenset(_MONTHS)  # every spelling of a month, lower case, without a period

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
MONTH_PATTERN = _MONTH  # for other checks that recognise a written date (once per regex: it names a group)
_WEEKDAY = (
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.|(?:Tues|Thurs|Thur)\.?)"
)
# A day of the month, with an optional ordinal suffix, that is not the start of a longer number or time.
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)\b"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
# A range or a span ("Jan. 28-30", "Monday-Wednesday", "Jan. 28 to Feb. 2") names several days: the
# weekday cannot be checked against one of them.
_RANGE_AFTER = re.compile(
    r"\s*(?:[-–—]|\b(?:to|through|thru|until|till)\b)\s*"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
    re.I,
)
_RANGE_BEFORE = re.compile(r"(?:[-–—]|\b(?:to|through|thru|until|till))\s*$", re.I)
# How far back a range word may stand before its second date ("through  "): the search looks no further,
# so that each date costs the same whatever its place in the text.
_RANGE_BEFORE_REACH = 40

# An abbreviated weekday right after a capitalised word is part of a name ("the Baltimore Sun. Jan. 6 was
# …"), unless that word is one that leads into a date at the start of a sentence ("On Sun. Jan. 6").
# The word must be on the same line or the line before (a hard wrap), not across a blank line.
_NAME_BEFORE = re.compile(r"(?:(?<=\s)|^)(?P<word>[A-Z][\w'’&-]*|the|The|a|A)(?:[ \t]+\n?|\n)[ \t]*$")
_LEADS_INTO_A_DATE = {
    "on", "by", "from", "since", "until", "till", "through", "before", "after", "last", "next", "this",
    "every", "each", "early", "late", "updated", "update", "posted", "published", "dated", "starting",
    "beginning", "ending", "effective", "closed", "open", "opens", "due", "filed",
}
_NAME_REACH = 40  # characters searched back for the word before the weekday
# A date followed straight by a verb is the subject of its own sentence ("Sun. Jan. 6 was the deadline"):
# the period before it ended the previous sentence, so the abbreviation there was not a weekday.
_VERB_AFTER = re.compile(
    r"\s+(?:is|was|will|would|could|should|may|might|must|has|had|marks|marked|saw|sees|brought|brings"
    r"|became|becomes|remains|remained|falls|fell)\b"
)


def _renamed(pattern: str, suffix: str) -> str:
    """The pattern with its named groups renamed (``day`` -> ``day2``), to use it twice in one regex."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern)


# AP style puts a comma between day and year ("Jan. 28, 2013"); day-first dates often have none.
_MONTH_DAY_YEAR = rf"{_MONTH}\s+{_DAY}(?:,\s*{_YEAR})?"
_DAY_MONTH_YEAR = _renamed(rf"(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?", "2")

# "Tuesday, Jan. 29", "Tues. Jan. 29th, 2013", "Monday (Jan. 28)", "Monday, 28 January 2013",
# "Monday the 28th of January".
_WEEKDAY_DATE = re.compile(rf"\b{_WEEKDAY}(?:,\s*|\s+|\s*\(\s*)(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR})")
# Full dates that fix the story's year: "Jan. 28, 2013", "28 January 2013", "2013-01-28".
_FULL_DAY_MONTH_YEAR = _renamed(rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", "2")
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},\s*{_YEAR}|{_FULL_DAY_MONTH_YEAR}"
    r"|(?P<iso_year>1[89]\d\d|20\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)(?!\d))"
)


def month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").casefold()]


def weekday_number(name: str) -> int:
    key = name.casefold()
    return _WEEKDAYS[key] if key in _WEEKDAYS else _WEEKDAYS[key.rstrip(".")]


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when it does not exist (Feb. 30, or Feb. 29 outside a leap year)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class WeekdayDate:
    """A weekday written with a date: ``text[start:end]`` is e.g. "Tues. Jan. 29" (the year is optional)."""

    start: int
    end: int
    weekday: int
    weekday_text: str
    weekday_end: int
    month: int
    day: int
    year: int | None


def _group(match: re.Match[str], *names: str) -> str | None:
    return next((match.group(n) for n in names if match.group(n)), None)


def _required(match: re.Match[str], *names: str) -> str:
    """The first of these groups that matched, when the pattern guarantees that one of them does."""
    found = _group(match, *names)
    assert found is not None, names
    return found


def full_dates(text: str) -> list[datetime.date]:
    """Every complete, valid calendar date written in the text, in order."""
    dates = []
    for match in _FULL_DATE.finditer(text):
        if match.group("iso_year"):
            year, month, day = int(match.group("iso_year")), int(match.group("iso_month")), int(match.group("iso_day"))
        else:
            year = int(_required(match, "year", "year2"))
            month = month_number(_required(match, "month", "month2"))
            day = int(_required(match, "day", "day2"))
        date = make_date(year, month, day)
        if date is not None:
            dates.append(date)
    return dates


def weekday_dates(text: str) -> Iterator[WeekdayDate]:
    """Each weekday written next to a single date; spans and ranges are skipped."""
    for match in _WEEKDAY_DATE.finditer(text):
        if _RANGE_AFTER.match(text, match.end()) or _is_second_date_of_range(text, match.start()):
            continue
        if _is_abbreviation_in_name_or_sentence_end(text, match):
            continue
        year = _group(match, "year", "year2")
        yield WeekdayDate(
            start=match.start(),
            end=match.end(),
            weekday=weekday_number(match.group("weekday")),
            weekday_text=match.group("weekday"),
            weekday_end=match.end("weekday"),
            month=month_number(_required(match, "month", "month2")),
            day=int(_required(match, "day", "day2")),
            year=int(year) if year else None,
        )


def _is_second_date_of_range(text: str, start: int) -> bool:
    return _RANGE_BEFORE.search(text, max(start - _RANGE_BEFORE_REACH, 0), start) is not None


def _is_abbreviation_in_name_or_sentence_end(text: str, match: re.Match[str]) -> bool:
    """"the Baltimore Sun. Jan. 6 was …": "Sun." names a newspaper, or ends a sentence, not Sunday."""
    weekday = match.group("weekday")
    if not weekday.endswith("."):
        return False  # a weekday written out in full, or "Tues"/"Thurs" without a period, is still read
    start = match.start()
    before = _NAME_BEFORE.search(text, max(start - _NAME_REACH, 0), start)
    if before is not None and before.group("word").casefold() not in _LEADS_INTO_A_DATE:
        return True
    date_follows_period = text[match.end("weekday"):match.end("weekday") + 1].isspace()
    return date_follows_period and _VERB_AFTER.match(text, match.end()) is not None


def _nearest_year(month: int, day: int, reference: datetime.date) -> int | None:
    """The year that puts month/day closest to the reference date (Dec. 31 near Jan. 2, 2013 is 2012)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        date = make_date(year, month, day)
        if date is not None:
            candidates.append((abs((date - reference).days), year))
    return min(candidates)[1] if candidates else None


@dataclass(frozen=True, slots=True)
class YearReading:
    """How a yearless date is read: ``year`` is the one reading; ``also_possible`` are other years a
    reader might take (the story's own full-date years), under which a weekday would also be accepted."""

    year: int
    also_possible: frozenset[int]


def infer_year(month: int, day: int, references: list[datetime.date]) -> YearReading | None:
    """The year of a yearless date, from the story's full dates; None when it cannot be known.

    Each full date votes for the year that puts the yearless date nearest to it; the year is known
    only when every vote agrees. A story with dates a year or more apart therefore gives no year.
    """
    votes = {year for reference in references if (year := _nearest_year(month, day, reference)) is not None}
    if len(votes) != 1:
        return None
    (year,) = votes
    return YearReading(year, frozenset(reference.year for reference in references) - {year})
