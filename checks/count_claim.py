"""count-claim: a stated size of a group, which an editor should verify before publishing."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Mapping

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._count_analysis import CountReading, count_readings
from ._enumerations import loose_list_size_after, read_enumeration
from ._group_counts import GroupCount
from ._lazy_pattern import lazy
from ._phrases import load_sections

# Nouns a story uses to point back at people it has already counted under a more specific name.
_PEOPLE_IN_GENERAL = {"men", "women", "people", "persons", "individuals", "boys", "girls", "youths", "adults"}
# A count of the same size this close after a reported group points back at it: "killed three Palestinian
# militants … The three Palestinians opened fire … killed the three gunmen" is one group, one finding.
_BACK_REFERENCE_REACH = 400  # characters
# "won all four tests against Italy, Scotland, Ireland and Wales": the members named after a preposition.
# "its three plants, in Arden, Boyle and Westfield": also after a comma.
_PREPOSITION_BEFORE_LIST = lazy(r",?\s+(?:against|in|from|at|of|with|between|on|for|to|by)\s+")


@lru_cache(maxsize=None)
def _attempts() -> frozenset[str]:
    """What a player attempts (``data/count_nouns.txt``, [attempt]): "passes", "free throws", "faceoffs"."""
    return frozenset(word.casefold() for word in load_sections("count_nouns.txt")["attempt"])


def _is_tally(text: str, count: GroupCount) -> bool:
    """ "completed 17 of 22 passes": a part and a whole in figures, with no article, of what a player attempts is
    a record, not the size of a group ("47 of 73 inspectors general" is one)."""
    return count.kind == "partitive" and not count.definite and count.part_start is not None \
        and text[count.part_start].isdigit() and text[count.start].isdigit() and count.noun in _attempts()


def _states_group_size(count: GroupCount) -> bool:
    """Whether the wording presents the number as the size of a particular group.

    "one of the 13 officials", "among the 40 passengers", "one of the top five insurers" and "the 13
    officials" do; a bare "13 officials" is usually a plain tally and is left alone. "The two men" and
    "one of the two" mostly point back at people already named, so definite groups start at three.
    """
    if count.approximate or count.furniture or (count.part is not None and count.part > count.value):
        return False
    if count.window and not (count.ranking_start is not None and count.kind in {"partitive", "among"}):
        return False  # "the last nine games", "the top five teams"; but "one of the top five insurers" ranks
    smallest = 3 if count.definite else 2
    if count.kind == "partitive":
        return count.value >= smallest and (count.noun is not None or count.definite)
    if count.kind in {"among", "definite"}:
        return count.value >= smallest and count.noun is not None
    return False


def _named_by_list(text: str, reading: CountReading) -> bool:
    """The story names the members right after the count (count-mismatch compares the two; a list of any
    words of the same size, "the three aims – money, fame and beauty –", or of names after a preposition,
    "all four tests against Italy, Scotland, Ireland and Wales", confirms it), or names exactly as many
    further on: either way there is no bare count left to verify."""
    if reading.listed_after is not None:
        return True
    later = reading.listed_later
    if later is not None and reading.count.value in later.enumeration.sizes:
        return True
    count = reading.count
    preposition = _PREPOSITION_BEFORE_LIST.match(text, count.end, count.end + 20)
    if preposition is not None:
        named = read_enumeration(text, preposition.end())
        if named is not None and count.value in named.sizes:
            return True
    return loose_list_size_after(text, count) == count.value


@check("count-claim", severity="info")
def count_claim(document: Document, options: Mapping[str, object]) -> Iterator[Problem]:
    """A statement that a group has a stated number of members, to verify before publishing.

    What it does
    ------------
    Finds counts that give the size of a particular group: "one of the 13 officials", "two of the
    three suspects", "one of six executives indicted", "among the 40 passengers", "the 13
    officials", "all three communities", and rankings: "one of the top five insurers". Counts written
    as numerals or words ("thirteen", "a dozen") are read. Skipped, because an editor has nothing to
    verify there: money, percentages, dates, ages and measurements ("the 81 year-old", "a 50 metre
    pool"), times, addresses ("three of the 2 a.m. calls", "the 3 Elm St. tenants"), scores, a player's
    record ("completed 17 of 22 passes"), ordinals and numbers glued to letters ("the 9th annual awards", "5 km²"),
    names and titles ("the Six Nations", "the film The Four Seasons of Lisbon", "the book 20
    Lessons"), page furniture and all-capital text ("See all 57 stories", tables), estimates ("more
    than 100 people", "2.5 million cars"), rates ("the 600 babies born weekly"), windows over a sequence
    and rankings ("the last nine games", "the top five teams", "the five warmest summers"), and counts whose
    members the story names on the spot (after a colon, comma, parenthesis or dash: "the four members - John,
    Paul, George and Ringo - …"): a list of the same size confirms the count; a list of names of another size
    is a count-mismatch. A group so named is named for good: "The four, A, B, C and D, were arrested" …
    "Three of the four remain in jail" has nothing left to verify. Each group is reported once, at its first
    count: a later mention of it under another noun ("three Palestinian militants … the three gunmen") is not
    a second claim.

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
    last_reported: dict[int, int] = {}  # value -> where the latest mention of a reported group of that size ends
    named: set[tuple[int, str | None]] = set()  # groups whose members the story has listed
    latest_named: dict[int, bool] = {}  # size -> whether the latest group of that size was named by a list
    for reading in document.memo(count_readings):
        count = reading.count
        if _named_by_list(text, reading):  # "Three communities — A, B and C —": named, whatever its determiner
            named.add((count.value, count.noun))
            latest_named[count.value] = True
            continue
        # "The four, A, B, C and D, were arrested" … "Three of the four remain in jail": the group named before; not
        # when another group of four came between ("four people were hurt … Three of the four").
        if (count.value, count.noun) in named or (count.noun is None and latest_named.get(count.value, False)):
            continue
        latest_named[count.value] = False
        if not _states_group_size(count) or _is_tally(text, count):
            continue
        # "the three Islamic Taleban guards" … "the three guards" … "the three men": one group, one finding.
        group = (count.value, count.noun)
        recent = last_reported.get(count.value)
        already_counted = group in reported or (recent is not None and count.start - recent <= _BACK_REFERENCE_REACH) \
            or (count.definite and count.noun in _PEOPLE_IN_GENERAL and count.value in last_reported)
        reported.add(group)
        if already_counted and count.value not in last_reported:
            continue
        last_reported[count.value] = count.end
        if already_counted:
            continue
        start = count.ranking_start if count.ranking_start is not None else count.start
        quote = " ".join(text[start:count.end].split())
        if count.noun is None and count.part_start is not None:  # "six of the 15": the number alone says little
            start = count.part_start
            quote = " ".join(text[count.part_start:count.end].split())
        yield Problem(start, count.end, f'count to verify: "{quote}"')
