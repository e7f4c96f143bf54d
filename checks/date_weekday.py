"""date-weekday: a weekday written with a date that falls on another day of the week."""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter
from typing import Iterator, Mapping

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._dates import (
    WEEKDAY_NAMES,
    WeekdayDate,
    WrittenDate,
    YearReading,
    dateline_date,
    infer_year,
    make_date,
    weekday_dates,
    written_dates,
    year_near,
)


def _styled_like(weekday: int, written: str) -> str:
    """The weekday's name in the style the story used: "Tues." stays abbreviated, "Tuesday" spelled out."""
    name = WEEKDAY_NAMES[weekday]
    if written in WEEKDAY_NAMES:
        return name
    return {"Tuesday": "Tues.", "Thursday": "Thurs."}.get(name, name[:3] + ".")


class _StoryTime:
    """When the story is told: its date (publication date or dateline), if known, and the full dates it
    writes as its own events (not maturities, terms, deadlines or future events)."""

    # A plain class, not a dataclass: building a dataclass costs every run a millisecond at import.
    __slots__ = ("date", "date_source", "own", "own_starts", "own_years")

    def __init__(self, date: datetime.date | None, date_source: str, own: tuple[WrittenDate, ...]) -> None:
        self.date, self.date_source, self.own = date, date_source, own
        self.own_starts = tuple(written.start for written in own)
        self.own_years = Counter(written.date.year for written in own)

    def own_years_outside(self, start: int, end: int) -> set[int]:
        """The years of the story's own dates, leaving out any written inside ``start:end``."""
        inside = self.own[bisect.bisect_left(self.own_starts, start):bisect.bisect_left(self.own_starts, end)]
        years = Counter(self.own_years)
        years.subtract(written.date.year for written in inside)
        return {year for year, count in years.items() if count > 0}


def _story_time(document: Document) -> _StoryTime:
    own = tuple(written for written in written_dates(document.text) if written.own)
    if document.published is not None:
        return _StoryTime(document.published, "the story's publication date", own)
    dateline = dateline_date(document.text)
    if dateline is not None:
        return _StoryTime(dateline, "the story's dateline", own)
    return _StoryTime(None, "", own)


def _wrong_year_note(found: WeekdayDate, story: _StoryTime, text: str) -> tuple[str, str] | None:
    """When the weekday is right in the story's own year, the written year may be the error:
    (the note for the message, the date written with the story's year)."""
    assert found.year is not None and found.year_start is not None
    if story.date is not None:
        year, where = story.date.year, f"the story is dated {story.date.year}"
    else:
        years = story.own_years_outside(found.start, found.end)
        if len(years) != 1:
            return None
        (year,) = years
        where = f"the story's other dates are in {year}"
    in_story_year = make_date(year, found.month, found.day)
    if year == found.year or in_story_year is None or in_story_year.weekday() != found.weekday:
        return None
    note = (f"; {in_story_year:%B} {in_story_year.day}, {year} was a {WEEKDAY_NAMES[found.weekday]}, "
            f"so the year may be the error ({where})")
    fixed = text[found.start:found.year_start] + str(year) + text[found.year_start + 4:found.end]
    return note, fixed


_PAST = re.compile(r"\b(?:was|were|had|began|came|went|struck|hit|fell|rose|died|won|lost|began|saw|took|left"
                   r"|[a-z]{3,}ed)\b")
_NOT_PAST = re.compile(r"\b(?:will|would|shall|is|are|am|be|scheduled|planned|plans|expected|upcoming|next|coming"
                       r"|until|by)\b", re.I)
_SENTENCE_MARK = re.compile(r"[.!?]\s")


def _told_as_past(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` tells of the past and of nothing still to come."""
    floor = max(0, start - _PASSAGE_BEFORE)
    before = [m.end() for m in _SENTENCE_MARK.finditer(text, floor, start)]
    after = _SENTENCE_MARK.search(text, end, end + _PASSAGE_AFTER)
    sentence = text[before[-1] if before else floor:after.start() if after else end + _PASSAGE_AFTER]
    return _PAST.search(sentence) is not None and _NOT_PAST.search(sentence) is None


# A year written out; not a count ("when 2000 people marched").
_YEAR_NAMED = re.compile(r"(?<![\d$£€.,])(?:19|20)\d\d(?![\d,])(?!\s+[a-z]+s\b)")
# A year that says when the passage's events happened, as the message may give it: "In 2024, …", "the 2024
# election"; not "the 2019 law applies", a year that names something else.
_EVENT_YEAR = re.compile(r"\b(?:in|during|since)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:elections?|season|race"
                         r"|vote|campaign|census|games|olympics|championships?|primar(?:y|ies)|playoffs|finals?)\b",
                         re.I)
_PASSAGE_BEFORE = 300  # characters: the sentence that holds the date and the one before it, about
_PASSAGE_AFTER = 150


def _years_named_near(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """The years written in the date's paragraph close to it ("In 2025, … on Sunday, Jan. 12"), and those of
    them that say when its events happened."""
    floor = max(0, start - _PASSAGE_BEFORE)
    paragraph = text.rfind("\n\n", floor, start)
    ceiling = text.find("\n\n", end, end + _PASSAGE_AFTER)
    passage = text[paragraph + 2 if paragraph >= 0 else floor:ceiling if ceiling >= 0 else end + _PASSAGE_AFTER]
    events = [int(a or b) for a, b in _EVENT_YEAR.findall(passage)]
    return [int(year) for year in _YEAR_NAMED.findall(passage)], events


_OPENING = 1  # the number of the opening's paragraphs: the headline and the lede count as one


class _Paragraphs:
    """Where each paragraph of the text starts, to tell which of the story's full dates frame a yearless one."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer(r"\n[^\S\n]*\n\s*", text))]

    def number(self, position: int) -> int:
        """The number of the paragraph at ``position``, the headline and the lede being one, the opening."""
        return max(bisect.bisect_right(self.starts, position) - 1, _OPENING)


# A correction names the wrong date it corrects: "…, not Wednesday, June 12", "…, not on Friday, May 3".
_CORRECTED = re.compile(r"\b(?:not|rather than|instead of)\s+(?:on\s+)?$", re.I)


@check("date-weekday", severity="warning")
def date_weekday(document: Document, options: Mapping[str, object]) -> Iterator[Problem]:
    """A weekday named with a date that falls on another day of the week.

    What it does
    ------------
    Finds a weekday written next to a date that falls on another day of the week. Reads AP and day-first styles:
    "Tuesday, Jan. 28, 2013", "Tues. Jan. 29th", "Monday (Jan. 28)", "Monday, 28 January 2013". A date without a
    year takes the story's year: first from its publication date (Markdown front matter ``date:``, an HTML ``<time
    datetime>`` or ``article:published_time``, ``--date`` or ``date = "…"`` in the configuration) or its dateline
    ("LONDON 1996-08-30", "Jan. 28, 2013" on a short line at the top), the year that puts the date nearest to it;
    else from the full dates the story writes as its own, which must all agree, and only where they frame the date:
    in the story's opening, or in the date's paragraph. Dates that are maturities, terms, deadlines or future events
    ("bonds due March 1, 2031", "until Dec. 31, 2030", "will vote on May 2, 2016") never give the year. When the
    story's dates leave the year open, or the weekday would be right in one of the story's own years (in a dated
    story, one next to its year: "born May 1, 1937" in an obituary of 2026 excuses nothing), the check stays silent.
    When a date written with its year is wrong but the weekday is right in the story's year ("Sunday, May 3, 2014"
    in a story dated 2015), the message says the year may be the error and suggests that year. A year the passage
    names near a date without one is as possible as the story's ("In the 2024 election, held Tuesday, Nov. 5"), and
    so is the year before for a date after the story's own told in the past tense ("a year that began with flooding
    on Sunday, Jan. 12" in a story of Jan. 2). Ranges ("Monday-Wednesday, Jan. 28-30"), parallel lists ("Monday and
    Tuesday, Jan. 5 and 6"), a count before a month that is a word ("Thursday, 30 May graduates"), and an
    abbreviation that is part of a name or ends a sentence ("told the Baltimore Sun. Jan. 6 was the deadline") and
    the wrong date a correction names ("It is Wednesday, June 11, not Wednesday, June 12") are skipped; a weekday
    written out in full is always read.

    Why is this bad?
    ----------------
    A wrong weekday is a factual error readers spot at once, and it leaves them unsure which of the
    two the story meant: the day of the week or the date.

    Example
    -------
    ``The hearing is set for Tuesday, Jan. 28, 2013.`` — Jan. 28, 2013 was a Monday.
    """
    text = document.text
    story = _story_time(document)
    # Each distinct own date votes once, and each month-day is read once: a long file with many dates
    # then costs no more than the sum of its dates, not their product.
    references = sorted({written.date for written in story.own})
    anchor = story.date  # when the story is told (its own event dates say when things happened, not this)
    own_years = frozenset(date.year for date in references)
    readings: dict[tuple[int, int], YearReading | None] = {}
    paragraphs = _Paragraphs(text)
    framed = {paragraphs.number(written.start) for written in story.own}  # paragraphs that hold an own date
    for found in weekday_dates(text):
        if _CORRECTED.search(text, max(0, found.start - 12), found.start):
            continue  # "It is Wednesday, June 11, not Wednesday, June 12": the wrong date a correction names
        note, suggestion = "", None
        if found.year is not None:
            years, reading = [found.year], found.year
        else:
            month_day = (found.month, found.day)
            if month_day not in readings:
                readings[month_day] = (
                    year_near(found.month, found.day, story.date, own_years, story.date_source,
                              frozenset(d.year for d in references if (d.month, d.day) == month_day))
                    if story.date is not None
                    else infer_year(found.month, found.day, references)
                )
            inferred = readings[month_day]
            # An undated story's full dates give a year only where they frame the date: in the story's opening or
            # the date's own paragraph. "The union's last strike, in 2011, ended on Saturday, Nov. 12, 2011" late
            # in a story says nothing of the year of its "Tuesday, Nov. 10".
            if story.date is None and not framed.intersection({_OPENING, paragraphs.number(found.start)}):
                continue
            if inferred is None:
                continue
            years, reading = [inferred.year, *sorted(inferred.also_possible)], inferred.year
            note = f" (taking the year {reading} from {inferred.source})"
            # "In the 2024 election, held Tuesday, Nov. 5": a year the passage names is as good as the story's,
            # and the one the message gives when it is the only one named.
            named, events = _years_named_near(text, found.start, found.end)
            years += named
            if len(set(events)) == 1 and make_date(events[0], found.month, found.day) is not None:
                reading, note = events[0], f" (taking the year {events[0]} from the passage)"
            # "It capped a year that began with flooding on Sunday, Jan. 12" in a story of Jan. 2: told in the past
            # tense, a date after the story's own can only be the year before.
            when = make_date(reading, found.month, found.day)
            if anchor is not None and when is not None and when > anchor and _told_as_past(text, found.start,
                                                                                           found.end):
                years.append(reading - 1)
        dates = [d for d in (make_date(y, found.month, found.day) for y in years) if d is not None]
        if not dates or any(d.weekday() == found.weekday for d in dates):
            continue
        actual = make_date(reading, found.month, found.day)
        if actual is None:  # Feb. 29 in a year that has none: a different error, not this check's
            continue
        if found.year is not None:
            wrong_year = _wrong_year_note(found, story, text)
            if wrong_year is not None:
                note, suggestion = wrong_year
        written = text[found.start:found.end]
        yield Problem(
            found.start,
            found.end,
            f'"{written}": {actual:%B} {actual.day}, {actual.year} was a {WEEKDAY_NAMES[actual.weekday()]}, '
            f"not a {WEEKDAY_NAMES[found.weekday]}{note}",
            suggestion=suggestion or _styled_like(actual.weekday(), found.weekday_text)
            + text[found.weekday_end:found.end],
        )
