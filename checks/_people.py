"""Who is who: grouping a story's mentions into the people they refer to.

A Person groups the mentions that most likely refer to one individual: full names with the same
surname and compatible given names ("Thomas" / "Tom" / "J. Thomas"), and surname-only second
references linked to the full name they follow.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ._name_parts import Mention, given_names_compatible


@dataclass
class Person:
    """Mentions that most likely refer to one individual, in document order."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def has_given(self) -> bool:
        return any(m.has_given for m in self.mentions)

    @property
    def given_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.has_given]

    @property
    def first(self) -> Mention:
        return self.mentions[0]


def group_people(mentions: list[Mention]) -> list[Person]:
    """Link mentions into people: full names by surname and given names, then surname-only ones.

    A lone word that is some full name's given name ("Michelle" after "Michelle Obama") is a
    first-name reference, not a surname, and is left out.
    """
    full_surnames = {m.key for m in mentions if m.has_given}
    given_words = {w for m in mentions if m.has_given for w in m.given_words}
    people: list[Person] = []
    by_key: dict[str, list[Person]] = {}  # people with each surname, in the order they were made

    def new_person(mention: Mention) -> None:
        person = Person(mention.key, [mention])
        people.append(person)
        by_key.setdefault(mention.key, []).append(person)

    for mention in mentions:
        if not mention.has_given:
            continue
        for person in by_key.get(mention.key, ()):
            if any(given_names_compatible(mention, m) for m in person.given_mentions):
                person.mentions.append(mention)
                break
        else:
            new_person(mention)
    for mention in mentions:
        if mention.has_given or (mention.key in given_words and mention.key not in full_surnames):
            continue
        candidates = by_key.get(mention.key)
        if not candidates:
            new_person(mention)
            continue
        # The most recent full name before it; a surname used before any full name goes to the first.
        before = [p for p in candidates if p.first.start <= mention.start]
        target = before[-1] if before else candidates[0]
        bisect.insort(target.mentions, mention, key=lambda m: m.start)
    return people
