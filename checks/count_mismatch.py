"""count-mismatch: a story that contradicts its own count of a group."""

from __future__ import annotations

from typing import Iterator, Mapping

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._count_analysis import CountReading, count_readings
from ._enumerations import Enumeration
from ._group_counts import GroupCount


def _named(enumeration: Enumeration) -> str:
    separator = "; " if any("," in item for item in enumeration.items) else ", "
    return separator.join(enumeration.items)


def _list_contradiction(reading: CountReading) -> tuple[Enumeration, str] | None:
    """The list that names the group, when it names a different number of members."""
    count, following = reading.count, reading.listed_after
    if following is not None:
        # A list that can be read two ways ("Armenia, Georgia and Azerbaijan") proves nothing.
        return (following, "") if following.size is not None and following.size != count.value else None
    # A list further on, after the words that introduced the count, may name only some members;
    # naming more than the count is a contradiction all the same.
    later = reading.listed_later
    if later is not None and later.size is not None and later.size > count.value:
        return later, " later"
    return None


# Determiners that point at one group whatever the sentence; "his", "their" or "the club's" point at
# a different owner's group each time they are used.
_GROUP_DETERMINERS = {"the", "all", "these", "those"}


def _same_group_key(count: GroupCount) -> str | None:
    """The group a definite mention refers to as a whole ("the 13 officials were …"), if it does."""
    if count.key is None or count.determiner not in _GROUP_DETERMINERS or not count.bare_reference or count.window:
        return None
    if count.value < 3:  # "the two men" is often a pair inside a larger group already counted
        return None
    return count.key


@check("count-mismatch", severity="warning")
def count_mismatch(document: Document, options: Mapping[str, object]) -> Iterator[Problem]:
    """A story that contradicts its own count of a group.

    What it does
    ------------
    Finds the places where a story gives a group's size and then contradicts it, in three ways.
    A count followed by a list of a different size: "police chiefs
    from three communities" whose list (set off by a colon, comma, parenthesis or dash, and read across
    a hard line wrap), right after the count or later after the same words
    ("the police chiefs from Aurora, Colo.; Oak Creek, Wis.; Newtown, Conn. and Tucson, Ariz."),
    names four. A part larger than its whole: "four of the three suspects". And one group given two
    sizes: "the 13 officials" and later "the 12 officials". Estimates ("more than 100 people",
    "a dozen"), lists of examples ("including Aurora and Newtown"), lists of fewer names further on
    (they may name only some members) and differently qualified groups ("the 12 other officials")
    are left alone.

    Why is this bad?
    ----------------
    Readers count. A story that says three and names four has one of them wrong, and it is the
    kind of error that ends in a correction notice.

    Example
    -------
    ``Police chiefs from three communities: Aurora, Oak Creek, Newtown and Tucson.`` — four named.
    """
    text = document.text
    readings = [r for r in document.memo(count_readings) if not r.count.approximate and not r.count.round_figure]
    for reading in readings:
        count = reading.count
        quote = count.quote(text)
        if count.kind == "partitive" and count.part is not None and count.part_start is not None \
                and count.part > count.value:
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
            yield Problem(
                count.start,
                count.end,
                f'"{quote}" but {len(enumeration.items)} are named{where} (line {line}): {_named(enumeration)}',
            )

    first_mention: dict[str, GroupCount] = {}
    for count in (reading.count for reading in readings):
        key = _same_group_key(count)
        if key is None:
            continue
        earlier = first_mention.setdefault(key, count)
        if earlier.value != count.value:
            line = document.position(earlier.start)[0]
            yield Problem(
                count.start,
                count.end,
                f'"{count.quote(text)}" but the story gave the group as "{earlier.quote(text)}" (line {line})',
            )
