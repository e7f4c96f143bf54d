"""The reading of a document's group counts that count-claim and count-mismatch share, made once per document.

Each count found by ``_group_counts`` comes with the lists (``_enumerations``) that may name its
members. ``count_readings`` is asked for through ``document.memo(count_readings)``, so both checks
read the same analysis, in time proportional to the text. ``group_changes`` (also memoised) says where a
story says a group changed ("two more publishers joined"), for count-mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._enumerations import Enumeration, LaterList, anchored_lists, enumeration_after, enumeration_later
from ._group_counts import GroupCount, base_noun, find_group_counts, is_plural_noun
from ._lazy_pattern import lazy
from ._number_words import numbers_in, tokenise

if TYPE_CHECKING:
    from newslint.document import Document


@dataclass(frozen=True, slots=True)
class CountReading:
    """A group count with the lists that may name its members: ``listed_after`` right after the count
    ("three communities: A, B and C"), ``listed_later`` further on after the count's own words."""

    count: GroupCount
    listed_after: Enumeration | None
    listed_later: LaterList | None


def count_readings(document: Document) -> tuple[CountReading, ...]:
    """Every group count in the document with its lists; use it as ``document.memo(count_readings)``,
    as count-claim and count-mismatch read the same document."""
    text = document.text
    counts = find_group_counts(text)
    # The lists brought in by a count's own words are looked for only when some count has such words.
    anchored = anchored_lists(text) if any(count.anchor is not None for count in counts) else {}
    return tuple(
        CountReading(count, enumeration_after(text, count), enumeration_later(anchored, count))
        for count in counts
    )


# Words that say a group has changed: "Two more publishers joined", "the other officials", "new members".
_CHANGE = lazy(
    r"\b(?:other|more|new|newly|additional|another|further|extra)\s+((?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)",
    re.I,
)
ANY_GROUP = "*"  # "two more joined": a change to whichever group was being counted
# Members leaving or joining, said of a number of them: "Two have since resigned", "One juror fell ill and was
# excused", "two hostages were freed"; not "She left early", "One driver said the left lane was closed" or "She
# said the branch hours were cut" (said of someone or something else).
_LEFT_OR_JOINED = lazy(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|both|several|some)\b"
    r"(?:[^\S\n]+(?!(?:said|says|told|tells|who|which|that)\b)[\w'’,-]+){0,6}?[^\S\n]+"
    r"(?:(?:has|have|had|also|since|later|then|and)[^\S\n]+){0,3}"
    r"(?:resign(?:ed|s)?|quit|(?<=have )left|(?<=has )left|(?<=had )left|died|retired|withdr[ae]wn?|dropped out"
    r"|stepped down|joined"
    r"|(?:was|were|been|got)[^\S\n]+(?:excused|freed|released|removed|dismissed|fired|expelled|ousted|dropped"
    r"|killed|added|elected|appointed|sworn in|hired|replaced|rescued|discharged|suspended|disqualified|cut))\b",
    re.I,
)


def group_changes(document: Document) -> dict[str, tuple[int, ...]]:
    """Where the story says a group changed, by the group's noun ("publishers") in text order; use it as
    ``document.memo(group_changes)``. A count of a group before such a place need not agree with one after."""
    found: dict[str, list[int]] = {}
    text = document.text
    for match in _CHANGE.finditer(text):
        noun = next((word for word in match.group(1).split() if is_plural_noun(word)), None)
        if noun is not None:
            found.setdefault(base_noun(noun), []).append(match.start())
        elif re.search(r"(?:[0-9]|\b(?:two|three|four|five|six|seven|eight|nine|ten|a few|several))\s+$",
                       text[max(match.start() - 12, 0):match.start()], re.I):
            found.setdefault(ANY_GROUP, []).append(match.start())
    for match in _LEFT_OR_JOINED.finditer(text):
        found.setdefault(ANY_GROUP, []).append(match.start())
    for positions in found.values():
        positions.sort()
    return {noun: tuple(positions) for noun, positions in found.items()}


# After a number, what makes it no head count: a time, a share, a sum ("at 7 p.m.", "7 percent", "$7").
_NOT_A_HEAD_COUNT_AFTER = frozenset({"a.m.", "p.m.", "a.m", "p.m", "percent", "%", "o'clock"})


def stated_numbers(document: Document) -> dict[int, tuple[tuple[int, str | None], ...]]:
    """Where each cardinal number stands in the text, by its value, in text order, with the plural noun it counts
    (None when it counts no noun: "Seven voted", "12 had signed up"); times, shares and sums are left out. Use it
    as ``document.memo(stated_numbers)``."""
    tokens = tokenise(document.text)
    found: dict[int, list[tuple[int, str | None]]] = {}
    for index, value, after in numbers_in(tokens):
        if index > 0 and tokens[index - 1].text in {"$", "£", "€"}:
            continue
        following = tokens[after] if after < len(tokens) else None
        if following is not None and following.lower in _NOT_A_HEAD_COUNT_AFTER:
            continue
        # "Seven trustees", "12 senior officials": the noun may stand a word or two on.
        noun = next((base_noun(t.text) for t in tokens[after:after + 3] if is_plural_noun(t.text)), None)
        found.setdefault(value, []).append((tokens[index].start, noun))
    return {value: tuple(places) for value, places in found.items()}
