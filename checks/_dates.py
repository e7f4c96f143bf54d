"""Reading calendar dates in news copy: AP-style months and weekdays, full dates, weekday + date pairs.

Only what the date checks need: no NLP, a handful of regular expressions, and ``datetime.date`` for the
calendar arithmetic. Only ASCII digits are read as days and years.

The story's own year comes from its dateline (``dateline_date``: "LONDON 1996-08-30", "Jan. 28, 2013" on
a short line at the top) or from the dates it writes as its own (``written_dates`` marks each full date
``own`` unless the words around it make it a maturity, a term, a deadline or a future event: "bonds due
March 1, 2031", "will run until Dec. 31, 2030").
"""

from __future__ import annotations

import datetime
import re
from typing import Iterator, NamedTuple

from ._lazy_pattern import lazy

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
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9]|:[0-9])\b"
_YEAR = r"(?P<year>1[89][0-9][0-9]|20[0-9][0-9])(?![0-9])"
# The patterns compile on first use: orphan-caption imports this module for MONTH_PATTERN alone, and a story
# with no date never needs most of them.
# A range or a span ("Jan. 28-30", "Monday-Wednesday", "Jan. 28 to Feb. 2") names several days: the
# weekday cannot be checked against one of them.
_RANGE_AFTER = lazy(
    r"\s*(?:[-–—]|\b(?:to|through|thru|until|till)\b)\s*"
    r"(?:[0-9]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
    re.I,
)
_RANGE_BEFORE = lazy(r"(?:[-–—]|\b(?:to|through|thru|until|till))\s*$", re.I)
# Parallel lists ("Monday, Tuesday and Wednesday, March 9, 10 and 11", "Tuesday or Wednesday, Jan. 6"):
# which weekday goes with which day is the reader's to pair, not one weekday with the first date.
_WEEKDAY_LIST_BEFORE = lazy(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.?"
                            r"|Wed\.|Thu\.|Thurs\.?|Fri\.|Sat\.|Sun\.),?\s+(?:and|or|&)\s+$")
_LIST_WEEKDAY_REACH = 20
_DAY_LIST_AFTER = lazy(r"(?:,\s*[0-3]?[0-9](?:st|nd|rd|th)?\b)*,?\s+(?:and|or|&)\s+[0-3]?[0-9](?:st|nd|rd|th)?\b")
# "On Thursday, 30 May graduates of the academy …", "12 May Day marchers": a count before a month that is
# also a word, then a noun, not a date.
_WORD_AFTER_WORD_MONTH = lazy(
    r"\s+(?:Day\b|(?!(?:the|a|an|at|in|on|to|and|or|but|when|as|for|with|from|after|before|this|that|last|next"
    r"|until|by|is|was|will|he|she|they|we|it|his|her|their)\b)[a-z])")
# How far back a range word may stand before its second date ("through  "): the search looks no further,
# so that each date costs the same whatever its place in the text.
_RANGE_BEFORE_REACH = 40

# An abbreviated weekday right after a capitalised word is part of a name ("the Baltimore Sun. Jan. 6 was
# …"), unless that word is one that leads into a date at the start of a sentence ("On Sun. Jan. 6").
# The word must be on the same line or the line before (a hard wrap), not across a blank line.
_NAME_BEFORE = lazy(r"(?:(?<=\s)|^)(?P<word>[A-Z][\w'’&-]*|the|The|a|A)(?:[ \t]+\n?|\n)[ \t]*$")
_LEADS_INTO_A_DATE = {
    "on", "by", "from", "since", "until", "till", "through", "before", "after", "last", "next", "this",
    "every", "each", "early", "late", "updated", "update", "posted", "published", "dated", "starting",
    "beginning", "ending", "effective", "closed", "open", "opens", "due", "filed",
}
_NAME_REACH = 40  # characters searched back for the word before the weekday
# A date followed straight by a verb is the subject of its own sentence ("Sun. Jan. 6 was the deadline"):
# the period before it ended the previous sentence, so the abbreviation there was not a weekday.
_VERB_AFTER = lazy(
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
_WEEKDAY_DATE = lazy(rf"\b{_WEEKDAY}(?:,\s*|\s+|\s*\(\s*)(?:{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR})")
# Full dates that fix the story's year: "Jan. 28, 2013", "28 January 2013", "2013-01-28".
_FULL_DAY_MONTH_YEAR = _renamed(rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", "2")
_FULL_DATE = lazy(
    rf"\b(?:{_MONTH}\s+{_DAY},\s*{_YEAR}|{_FULL_DAY_MONTH_YEAR}"
    r"|(?P<iso_year>1[89][0-9][0-9]|20[0-9][0-9])-(?P<iso_month>[01][0-9])-(?P<iso_day>[0-3][0-9])(?![0-9]))"
)
# Every date above starts its month with one of these (or is an ISO date), every weekday its name: a text
# without them is answered without compiling the two large patterns, and most stories have neither.
_MAY_HOLD_A_DATE = lazy(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[0-9]{4}-")
_MAY_HOLD_A_WEEKDAY = lazy(r"Mon|Tue|Wed|Thu|Fri|Sat|Sun")


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


# A NamedTuple, not a frozen dataclass: building a dataclass costs about a millisecond at import, which
# every run that lints a story pays.
class WeekdayDate(NamedTuple):
    """A weekday written with a date: ``text[start:end]`` is e.g. "Tues. Jan. 29" (the year is optional)."""

    start: int
    end: int
    weekday: int
    weekday_text: str
    weekday_end: int
    month: int
    day: int
    year: int | None
    year_start: int | None  # where the year is written, when it is


def _group(match: re.Match[str], *names: str) -> str | None:
    return next((match.group(n) for n in names if match.group(n)), None)


def _required(match: re.Match[str], *names: str) -> str:
    """The first of these groups that matched, when the pattern guarantees that one of them does."""
    found = _group(match, *names)
    assert found is not None, names
    return found


class WrittenDate(NamedTuple):
    """A complete calendar date written at ``text[start:end]``. ``own`` is False when the words around it
    make it a maturity, a term, a deadline or a future event ("bonds due March 1, 2031"), which say
    nothing about the year the story is told in."""

    date: datetime.date
    start: int
    end: int
    own: bool


# Words that make the date after them a maturity, a term, a deadline or a future event. The first set
# counts anywhere in the few words before the date; the second only right before it ("arrested by police
# on Jan. 5, 2013" is a past event, "repaid by Jan. 5, 2031" a deadline).
_NOT_OWN_NEAR = frozenset({
    "due", "mature", "matures", "maturing", "maturity", "maturities", "expire", "expires", "expiring", "expiry",
    "expiration", "deadline", "deadlines", "scheduled", "slated", "planned", "plans", "plan", "will", "shall",
    "would", "next", "upcoming", "ends", "ending", "term", "terms", "valid", "redeemable", "callable", "payable",
    "repayable", "lasts", "extends", "extended", "expected", "target", "targets", "goal", "forecast",
    "starting", "beginning", "begins", "runs", "tenor", "renewal", "renew", "renewed",
})
_NOT_OWN_RIGHT_BEFORE = frozenset({"by", "until", "till", "through", "thru", "before", "to", "from"})
# After the date: "the Jan. 31, 2031 deadline", "March 1, 2031, maturity".
_NOT_OWN_AFTER = frozenset({"deadline", "maturity", "maturities", "expiry", "expiration", "target", "goal",
                            "bonds", "notes", "debentures", "treasuries"})
_WORD = lazy(r"[A-Za-z]+")
_CONTEXT_REACH = 50  # characters read on each side of a date: a few words, the same for every date
_SENTENCE_BREAK = lazy(r"[;!?]\s|[a-z]{2}\.\s|\n\s*\n")


def _is_own_date(text: str, start: int, end: int) -> bool:
    before = text[max(start - _CONTEXT_REACH, 0):start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    words_before = [w.casefold() for w in _WORD.findall(before)][-5:]
    if _NOT_OWN_NEAR.intersection(words_before):
        return False
    if words_before and words_before[-1] in _NOT_OWN_RIGHT_BEFORE:
        return False
    if len(words_before) >= 2 and words_before[-1] in {"on", "the"} and words_before[-2] in _NOT_OWN_RIGHT_BEFORE:
        return False
    words_after = [w.casefold() for w in _WORD.findall(text, end, min(end + 30, len(text)))][:2]
    return not _NOT_OWN_AFTER.intersection(words_after)


def written_dates(text: str) -> list[WrittenDate]:
    """Every complete, valid calendar date written in the text, in order, each marked ``own`` or not."""
    dates: list[WrittenDate] = []
    if not _MAY_HOLD_A_DATE.search(text):
        return dates
    for match in _FULL_DATE.finditer(text):
        if match.group("iso_year"):
            year, month, day = int(match.group("iso_year")), int(match.group("iso_month")), int(match.group("iso_day"))
        else:
            year = int(_required(match, "year", "year2"))
            month = month_number(_required(match, "month", "month2"))
            day = int(_required(match, "day", "day2"))
        date = make_date(year, month, day)
        if date is not None:
            dates.append(WrittenDate(date, match.start(), match.end(), _is_own_date(text, match.start(), match.end())))
    return dates


def full_dates(text: str) -> list[datetime.date]:
    """Every complete, valid calendar date written in the text, in order."""
    return [written.date for written in written_dates(text)]


# A dateline is a line among the first few of the story that is a date with little else: "LONDON
# 1996-08-30", "Jan. 28, 2013", "Posted on Jan. 28, 2013 by Jane Roe", "news.example.com / By: Jane Roe /
# 26 December 2017"; or a wire dateline opening the first paragraph: "WASHINGTON, Jan. 28, 2013 (Reuters) -".
# A sentence that happens to start with a date ("The board met on Jan. 5, 2012, and ...") is not one.
_DATELINE_LINES = 6
_DATELINE_LENGTH = 150
_DATELINE_WORDS = frozenset({
    "by", "on", "at", "updated", "update", "posted", "published", "last", "modified", "am", "pm", "a.m.", "p.m.",
    "et", "gmt", "bst", "edt", "est", "pst", "pdt", "cst", "cdt", "utc", "cet", "and", "of", "the", "from",
})
_PROSE_WORD = lazy(r"[a-z]+[,;:]?")
# "WASHINGTON, ", "HAVERLY, N.C., ", "SPRINGVALE, Ore., ": the wire's place in capitals, with its state or country.
_WIRE_PLACE = lazy(r"\s*[A-Z][A-Z .'’-]*[A-Z](?:,\s*[A-Z][A-Za-z.'’ -]{0,20})?,?\s*$")
_WIRE_DATE_END = lazy(r"\s*(?:\(|[-—–]|:)")


def _is_dateline(line: str, written: WrittenDate) -> bool:
    before, after = line[:written.start], line[written.end:]
    if _WIRE_PLACE.fullmatch(before) and _WIRE_DATE_END.match(after):
        return True
    if len(line) > _DATELINE_LENGTH:
        return False
    prose = [w for w in (before + " " + after).split() if _PROSE_WORD.fullmatch(w) and w.rstrip(",;:") not in
             _DATELINE_WORDS]
    return len(prose) <= 1


def dateline_date(text: str) -> datetime.date | None:
    """The date of the story's dateline at the top, if it has one that is not a maturity or a future event."""
    position, seen = 0, 0
    while seen < _DATELINE_LINES and position < len(text):
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        line = text[position:min(end, position + 10 * _DATELINE_LENGTH)].strip()
        if line:
            seen += 1
            for written in written_dates(line):
                if written.own and _is_dateline(line, written):
                    return written.date
        if newline < 0:
            break
        position = end + 1
    return None


def weekday_dates(text: str) -> Iterator[WeekdayDate]:
    """Each weekday written next to a single date; spans and ranges are skipped."""
    if not (_MAY_HOLD_A_WEEKDAY.search(text) and _MAY_HOLD_A_DATE.search(text)):
        return
    for match in _WEEKDAY_DATE.finditer(text):
        if _RANGE_AFTER.match(text, match.end()) or _is_second_date_of_range(text, match.start()):
            continue
        if _is_abbreviation_in_name_or_sentence_end(text, match):
            continue
        if _WEEKDAY_LIST_BEFORE.search(text, max(match.start() - _LIST_WEEKDAY_REACH, 0), match.start()) \
                or _DAY_LIST_AFTER.match(text, match.end()):
            continue
        year = _group(match, "year", "year2")
        if year is None and match.group("month2") in ("May", "March") and \
                _WORD_AFTER_WORD_MONTH.match(text, match.end()):
            continue
        year_group = "year" if match.group("year") else "year2"
        yield WeekdayDate(
            start=match.start(),
            end=match.end(),
            weekday=weekday_number(match.group("weekday")),
            weekday_text=match.group("weekday"),
            weekday_end=match.end("weekday"),
            month=month_number(_required(match, "month", "month2")),
            day=int(_required(match, "day", "day2")),
            year=int(year) if year else None,
            year_start=match.start(year_group) if year else None,
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


def _candidate_years(month: int, day: int, reference: datetime.date) -> list[tuple[int, int]]:
    """(days from the reference, year) for month/day in the reference's year and the years either side."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        date = make_date(year, month, day)
        if date is not None:
            candidates.append((abs((date - reference).days), year))
    return sorted(candidates)


def _nearest_year(month: int, day: int, reference: datetime.date) -> int | None:
    """The year that puts month/day closest to the reference date (Dec. 31 near Jan. 2, 2013 is 2012)."""
    candidates = _candidate_years(month, day, reference)
    return candidates[0][1] if candidates else None


class YearReading(NamedTuple):
    """How a yearless date is read: ``year`` is the one reading; ``also_possible`` are other years a
    reader might take (the story's own full-date years), under which a weekday would also be accepted.
    ``source`` says where the year came from, for the message: "the story's date" or "the story's dates"."""

    year: int
    also_possible: frozenset[int]
    source: str = "the story's dates"


# How far from the story's date a yearless date may fall and still be read in that year: half a year back,
# so that "Tuesday, March 3" in a story dated Sept. 1 may be last March or next; further ahead, since stories
# look ahead further than they look back without a year (a school calendar of Nov. 12 ends on "Friday, June
# 18" next year, 218 days on).
_NEAR_THE_STORY_DATE = 200
_AHEAD_OF_THE_STORY_DATE = 240


def _near_years(month: int, day: int, reference: datetime.date) -> set[int]:
    """The years other than the nearest in which month/day is still near the reference date."""
    near = set()
    for _, year in _candidate_years(month, day, reference)[1:]:
        date = make_date(year, month, day)
        assert date is not None, "a candidate year is one the date exists in"
        limit = _AHEAD_OF_THE_STORY_DATE if date > reference else _NEAR_THE_STORY_DATE
        if abs((date - reference).days) <= limit:
            near.add(year)
    return near


def year_near(month: int, day: int, anchor: datetime.date, others: frozenset[int] = frozenset(),
              source: str = "the story's date", written_in_full: frozenset[int] = frozenset()) -> YearReading | None:
    """The year of a yearless date in a story dated ``anchor`` (its publication date or dateline, named by
    ``source``): the year that puts the date nearest to it, also accepting a second year as near, and those of
    ``others`` (the years of the story's own dates) next to the story's year. A year further off is a past the
    story recalls ("born May 1, 1937"), which a yearless date does not take unless its own passage names it, or
    the story writes the same day in full in that year (``written_in_full``: "won on Nov. 5, 2024" … "Tuesday,
    Nov. 5")."""
    candidates = _candidate_years(month, day, anchor)
    if not candidates:
        return None
    year = candidates[0][1]
    near = _near_years(month, day, anchor)
    beside = {other for other in others if abs(other - anchor.year) <= 1} | written_in_full
    return YearReading(year, frozenset(near | beside) - {year}, source)


def infer_year(month: int, day: int, references: list[datetime.date]) -> YearReading | None:
    """The year of a yearless date, from the story's full dates; None when it cannot be known.

    Each full date votes for the year that puts the yearless date nearest to it; the year is known
    only when every vote agrees. A story with dates a year or more apart therefore gives no year.
    """
    votes = {year for reference in references if (year := _nearest_year(month, day, reference)) is not None}
    if len(votes) != 1:
        return None
    (year,) = votes
    near = {candidate for reference in references for candidate in _near_years(month, day, reference)}
    return YearReading(year, frozenset(near | {reference.year for reference in references}) - {year})
