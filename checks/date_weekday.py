"""date-weekday: a weekday written with a date that falls on another day of the week."""

from __future__ import annotations

from typing import Iterator, Mapping

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._dates import WEEKDAY_NAMES, YearReading, full_dates, infer_year, make_date, weekday_dates


def _styled_like(weekday: int, written: str) -> str:
    """The weekday's name in the style the story used: "Tues." stays abbreviated, "Tuesday" spelled out."""
    name = WEEKDAY_NAMES[weekday]
    if written in WEEKDAY_NAMES:
        return name
    return {"Tuesday": "Tues.", "Thursday": "Thurs."}.get(name, name[:3] + ".")


@check("date-weekday", severity="warning")
def date_weekday(document: Document, options: Mapping[str, object]) -> Iterator[Problem]:
    """A weekday named with a date that falls on another day of the week.

    What it does
    ------------
    Finds a weekday written next to a date that falls on another day of the week. Reads AP and
    day-first styles: "Tuesday, Jan. 28, 2013", "Tues. Jan. 29th", "Monday (Jan. 28)",
    "Monday, 28 January 2013". A date
    without a year takes its year from the story's other full dates; when the story gives no year, or
    its dates leave the year open (they lie more than a year apart, or the weekday would be right in
    one of the story's years), the check stays silent. Ranges ("Monday-Wednesday, Jan. 28-30") are
    skipped, and so is an abbreviation that is part of a name or ends a sentence ("told the Baltimore
    Sun. Jan. 6 was the deadline"); a weekday written out in full is always read.

    Why is this bad?
    ----------------
    A wrong weekday is a factual error readers spot at once, and it leaves them unsure which of the
    two the story meant: the day of the week or the date.

    Example
    -------
    ``The hearing is set for Tuesday, Jan. 28, 2013.`` — Jan. 28, 2013 was a Monday.
    """
    # Each distinct full date votes once, and each month-day is read once: a long file with many dates
    # then costs no more than the sum of its dates, not their product.
    references = sorted(set(full_dates(document.text)))
    readings: dict[tuple[int, int], YearReading | None] = {}
    for found in weekday_dates(document.text):
        if found.year is not None:
            years, reading = [found.year], found.year
        else:
            month_day = (found.month, found.day)
            if month_day not in readings:
                readings[month_day] = infer_year(found.month, found.day, references)
            inferred = readings[month_day]
            if inferred is None:
                continue
            years, reading = [inferred.year, *sorted(inferred.also_possible)], inferred.year
        dates = [d for d in (make_date(y, found.month, found.day) for y in years) if d is not None]
        if not dates or any(d.weekday() == found.weekday for d in dates):
            continue
        actual = make_date(reading, found.month, found.day)
        if actual is None:  # Feb. 29 in a year that has none: a different error, not this check's
            continue
        written = document.text[found.start:found.end]
        year_note = "" if found.year is not None else f" (taking the year {reading} from the story's dates)"
        yield Problem(
            found.start,
            found.end,
            f'"{written}": {actual:%B} {actual.day}, {actual.year} was a {WEEKDAY_NAMES[actual.weekday()]}, '
            f"not a {WEEKDAY_NAMES[found.weekday]}{year_note}",
            suggestion=_styled_like(actual.weekday(), found.weekday_text) + document.text[found.weekday_end:found.end],
        )
