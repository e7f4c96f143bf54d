"""count-claim: a stated size of a group, which an editor should verify before publishing."""

from __future__ import annotations

from typing import Iterator, Mapping

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._count_analysis import CountReading, count_readings
from ._group_counts import GroupCount

# Nouns a story uses to point back at people it has already counted under a more specific name.
_PEOPLE_IN_GENERAL = {"men", "women", "people", "persons", "individuals", "boys", "girls", "youths", "adults"}


def _states_group_size(count: GroupCount) -> bool:
    """Whether the wording presents the number as the size of a particular group.

    "one of the 13 officials", "among the 40 passengers" and "the 13 officials" do; a bare
    "13 officials" is usually a plain tally and is left alone. "The two men" and "one of the two"
    mostly point back at people already named, so definite groups start at three.
    """
    if count.approximate or count.window or (count.part is not None and count.part > count.value):
        return False
    smallest = 3 if count.definite else 2
    if count.kind == "partitive":
        return count.value >= smallest and (count.noun is not None or count.definite)
    if count.kind in {"among", "definite"}:
        return count.value >= smallest and count.noun is not None
    return False


def _named_by_list(reading: CountReading) -> bool:
    """The story names the members right after the count (count-mismatch compares the two), or names
    exactly as many further on: either way there is no bare count left to verify."""
    if reading.listed_after is not None:
        return True
    later = reading.listed_later
    return later is not None and reading.count.value in later.sizes


@check("count-claim", severity="info")
def count_claim(document: Document, options: Mapping[str, object]) -> Iterator[Problem]:
    """A statement that a group has a stated number of members, to verify before publishing.

    What it does
    ------------
    Finds counts that give the size of a particular group: "one of the 13 officials", "two of the
    three suspects", "one of six executives indicted", "among the 40 passengers", "the 13
    officials", "all three communities". Counts written as numerals or words ("thirteen",
    "a dozen") are read. Money, percentages, dates, ages, times, scores and measurements are not
    group counts and are skipped, as are estimates ("more than 100 people", "2.5 million cars"),
    rates ("the 600 babies born weekly", "the 40 cars sold each day"), windows over a sequence ("the
    last nine games") and counts whose members the story names, after a colon, comma, parenthesis or
    dash ("the four members - John, Paul, George and Ringo - …"): a list of the same size confirms the
    count; one of another size is a count-mismatch. Each group is reported once, at its first count.

    Why is this bad?
    ----------------
    Nothing is wrong yet: a group's size is a hard fact that is easy to get wrong and easy to check,
    so it belongs on the editor's list of things to verify before the story runs.

    Example
    -------
    ``Chief Jane Roe, one of the 13 officials who met the governor, said …`` — "13 officials".
    """
    text = document.text
    reported: set[tuple[int, str | None]] = set()
    for reading in document.memo(count_readings):
        count = reading.count
        if not _states_group_size(count) or _named_by_list(reading):
            continue
        # "the three Islamic Taleban guards" … "the three guards" … "the three men": one group, one finding.
        group = (count.value, count.noun)
        already_counted = group in reported or (
            count.definite and count.noun in _PEOPLE_IN_GENERAL and any(value == count.value for value, _ in reported)
        )
        reported.add(group)
        if already_counted:
            continue
        quote = count.quote(text)
        if count.noun is None and count.part_start is not None:  # "six of the 15": the number alone says little
            quote = " ".join(text[count.part_start:count.end].split())
        yield Problem(count.start, count.end, f'count to verify: "{quote}"')
