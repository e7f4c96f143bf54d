"""count-mismatch: a story that contradicts its own count of a group."""

from __future__ import annotations

import bisect
import itertools
from typing import Iterator, Mapping

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._count_analysis import ANY_GROUP, CountReading, count_readings, group_changes, stated_numbers
from ._enumerations import Enumeration
from ._group_counts import GroupCount, base_noun


def _named(enumeration: Enumeration) -> str:
    separator = "; " if any("," in item for item in enumeration.items) else ", "
    return separator.join(enumeration.items)


def _list_contradiction(reading: CountReading) -> tuple[Enumeration, str] | None:
    """The list that names the group, when it names a different number of members."""
    count, following = reading.count, reading.listed_after
    if following is not None:
        # A list that can be read two ways ("Armenia, Georgia and Azerbaijan") proves nothing; after a part of
        # the group ("Three of the five trustees, A, B and C, voted") the list may name the part.
        if following.size is None or following.size == count.value or following.size == count.part:
            return None
        return following, ""
    # A list further on, brought in by the words that introduced the count ("police chiefs from three
    # communities" … "the police chiefs from A, B, C and D"), names the group: naming more contradicts the
    # count, and so does naming fewer, unless the words before it make it a part ("including the …") or it
    # names half the group or less: "Delegates from 12 countries" … "the delegates from Chile, Peru and
    # Bolivia walked out" tells of some of them; "firefighters from four towns" … three named is a slip.
    later = reading.listed_later
    if later is None or later.enumeration.size is None or later.enumeration.size == count.value:
        return None
    if later.enumeration.size < count.value and (later.partial or 2 * later.enumeration.size <= count.value):
        return None
    return later.enumeration, " later"


# Determiners that point at one group whatever the sentence; "his", "their" or "the club's" point at
# a different owner's group each time they are used.
_GROUP_DETERMINERS = {"the", "all", "these", "those"}


def _group_mention(count: GroupCount) -> tuple[str, bool] | None:
    """(the group's key, whether the words after the noun narrow it) for a mention that gives the size of
    one particular group: "the 13 officials were …", "one of the 9 trustees who signed". None otherwise."""
    if count.key is None or count.determiner not in _GROUP_DETERMINERS or count.window or count.furniture:
        return None
    if count.value < 3:  # "the two men" is often a pair inside a larger group already counted
        return None
    if count.kind == "partitive":  # "one of the 9 trustees who signed": the group the story counts
        return count.key, not count.bare_reference
    # "The 14 passengers on the bus" then "the three passengers admitted overnight", "the 12 jurors in the Kast
    # trial" then "the six jurors hearing an assault case": a definite group narrowed by the words after its noun
    # is as often another group, or a part of one, as the group counted again (a review of 40 correct stories:
    # 8 false findings against 3 slips found). Only the whole group is compared.
    return (count.key, False) if count.bare_reference else None


def _contradicts(earlier: GroupCount, earlier_narrowed: bool, later: GroupCount, later_narrowed: bool) -> bool:
    """Whether two sizes of one group cannot both be right. A group narrowed by a clause ("the 9 trustees
    who signed") may be a part of the whole ("the 12 trustees"), but not larger than it ("the 8 trustees")."""
    if earlier.value == later.value or (earlier_narrowed and later_narrowed):
        return False
    if later_narrowed:
        return later.value > earlier.value
    if earlier_narrowed:
        return later.value < earlier.value
    return True


def _part_larger_than_whole(count: GroupCount) -> bool:
    """"Five of the four trustees"; not "20,000 of the three models", where the part counts something else."""
    return count.kind == "partitive" and count.part is not None and count.part_start is not None \
        and count.value < count.part <= 2 * count.value


@check("count-mismatch", severity="warning")
def count_mismatch(document: Document, options: Mapping[str, object]) -> Iterator[Problem]:
    """A story that contradicts its own count of a group.

    What it does
    ------------
    Finds the places where a story gives a group's size and then contradicts it, in three ways. A count followed by
    a list of a different size: right after the count ("three suspects, Tom Reyes and Ann Li", set off by a colon,
    comma, parenthesis or dash, and read across a hard line wrap; "the five finalists for the poetry award: A, B, C,
    D, E and F" when the words before the colon count and name nothing else), or further on, in another paragraph,
    after the same words ("firefighters from four towns" … "the firefighters from Ashford, Kent; Brill, Bucks. and
    Crane, Devon" names three); a later list that the words before it make a part ("including the firefighters from
    …", "the first to arrive were the firefighters from …") may name fewer, and after a part ("Three of the five
    trustees, A, B and C, voted") the list may name the part. A part larger than its whole: "four of the three
    suspects". And one group given two sizes: "the 13 officials" and later "the 12 officials", or "one of the 9
    trustees who signed" and later "the 8 trustees". A group's size changes only for the same group: the same noun
    with the same modifiers ("the 12 other officials", "the 12 senior officials" are other groups), the same
    determiner ("their 12 officials" is someone else's), and no word in between that the group changed ("two more
    publishers joined" before "all five publishers") or that members left or came ("Two have since resigned", "one
    juror was excused"); a later size stated in between is that part ("Seven trustees voted for it. The seven
    trustees said …", "By Friday, 12 had signed up. The 12 students …"). A name's suffix stays with its name in a
    list ("Dale Ostrow, Jr., Mina Cole and Petra Vance" is three); a time or an address is no group ("three of the 2
    a.m. calls"). Amounts of money, shares, percentages and measurements are never group sizes; neither are
    estimates ("more than 100 people", "a dozen") or lists of examples ("including Aurora and Newtown", "…, among
    others").

    Why is this bad?
    ----------------
    Readers count. A story that says three and names four has one of them wrong, and it is the
    kind of error that ends in a correction notice.

    Example
    -------
    ``Police chiefs from three communities: Aurora, Oak Creek, Newtown and Tucson.`` — four named.
    """
    text = document.text
    readings = [r for r in document.memo(count_readings)
                if not r.count.approximate and not r.count.round_figure and not r.count.furniture]
    for reading in readings:
        count = reading.count
        quote = count.quote(text)
        if _part_larger_than_whole(count):
            assert count.part_start is not None
            written = " ".join(text[count.part_start:count.end].split())
            yield Problem(
                count.part_start,
                count.end,
                f'"{written}": the part ({count.part}) is larger than the whole group ({count.value})',
            )
            continue
        contradiction = _list_contradiction(reading)
        if contradiction is not None:
            enumeration, where = contradiction
            line = document.position(enumeration.start)[0]
            start = count.start
            if count.part_start is not None and not where:  # "Three of the nine trustees, A, B, C and D": the part
                start = count.part_start
                quote = " ".join(text[start:count.end].split())
            yield Problem(
                start,
                count.end,
                f'"{quote}" but {len(enumeration.items)} are named{where} (line {line}): {_named(enumeration)}',
            )

    first_mention: dict[str, tuple[GroupCount, bool]] = {}
    for count in (reading.count for reading in readings):
        mention = _group_mention(count)
        if mention is None:
            continue
        key, narrowed = mention
        if key not in first_mention:
            first_mention[key] = count, narrowed
            continue
        earlier, earlier_narrowed = first_mention[key]
        if earlier.value == count.value:
            if earlier_narrowed and not narrowed:
                first_mention[key] = count, narrowed  # the whole group, now stated outright
            continue
        if _group_changed(document, count.noun, earlier.end, count.start) or \
                _size_given_between(document, count, earlier.end, count.start):
            first_mention[key] = count, narrowed
            continue
        if _contradicts(earlier, earlier_narrowed, count, narrowed):
            line = document.position(earlier.start)[0]
            yield Problem(
                count.start,
                count.end,
                f'"{count.quote(text)}" but the story gave the group as "{earlier.quote(text)}" (line {line})',
            )


def _size_given_between(document: Document, count: GroupCount, start: int, end: int) -> bool:
    """Whether the story gives the later size between two mentions ("Seven trustees voted for it", "By Friday,
    12 had signed up", "seven of the nine trustees"): "the seven trustees" after it is that part, not the whole
    group counted again."""
    noun = count.noun and base_noun(count.noun)
    places = document.memo(stated_numbers).get(count.value, ())
    index = bisect.bisect_left(places, (start,))
    # "11 witnesses testified" between "the 12 jurors" and "the 11 jurors" counts others: no part of the jurors.
    return any(counted in (None, noun) for _, counted in itertools.takewhile(lambda place: place[0] < end,
                                                                              places[index:]))


def _group_changed(document: Document, noun: str | None, start: int, end: int) -> bool:
    """Whether the story says between ``start`` and ``end`` that the group changed ("two more publishers")."""
    changes = document.memo(group_changes)
    for positions in (changes.get(noun or ANY_GROUP, ()), changes.get(ANY_GROUP, ())):
        index = bisect.bisect_left(positions, start)
        if index < len(positions) and positions[index] < end:
            return True
    return False
