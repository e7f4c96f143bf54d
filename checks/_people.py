"""Who is who: grouping a story's mentions into the people they refer to.

A Person groups the mentions that most likely refer to one individual: full names with the same
surname and compatible given names ("Thomas" / "Tom" / "J. Thomas"), and surname-only second
references linked to the full name they follow.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterator

from ._name_parts import Mention, nickname_groups, spelling
from ._names_variants import fold, without_article

# Given names as short as this still count as a short form of a longer one ("Chris" / "Christopher").
_MIN_SHORT_FORM = 3


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


def _initials(mention: Mention) -> set[str]:
    return {fold(p.text)[0] for p in mention.given if not p.is_particle}


def _lead_initial(mention: Mention) -> str | None:
    """The letter of a leading initial ("J." in "J. Thomas Manger"), if the given names start with one."""
    if mention.given and mention.given[0].is_initial:
        return fold(mention.given[0].text)[0]
    return None


def _filed_under(mention: Mention) -> Iterator[tuple[str, str]]:
    """The keys a full name is filed under: what another full name must match to be compatible."""
    for word in mention.given_words:
        yield "word", word
        for length in range(_MIN_SHORT_FORM, len(word) + 1):
            yield "starts", word[:length]  # a longer name with this one as its short form
    for letter in _initials(mention):
        yield "initial", letter
    lead = _lead_initial(mention)
    if lead is not None:
        yield "lead", lead


def _looked_up_by(mention: Mention) -> Iterator[tuple[str, str]]:
    """The keys to look a full name up by: each matches the keys of a compatible name (see _filed_under)."""
    nicknames = nickname_groups()
    for word in mention.given_words:
        yield "word", word
        for form in nicknames.get(word, ()):
            yield "word", form
        for length in range(_MIN_SHORT_FORM, len(word)):
            yield "word", word[:length]  # an earlier name that is a short form of this one
        if len(word) >= _MIN_SHORT_FORM:
            yield "starts", word
    lead = _lead_initial(mention)
    if lead is not None:
        yield "initial", lead
    for letter in _initials(mention):
        yield "lead", letter


class _People:
    """The people of one surname, with an index that finds the first one a full name is compatible with.

    ``given_names_compatible`` is a union of relations that each compare one key (a given name, a short
    form, an initial), so every person is filed under its names' keys and a full name is looked up by
    its own: a look-up costs the same however many people share the surname.
    """

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.first_full_starts: list[int] = []  # start of each person's first full name, in order
        self._first_by_key: dict[tuple[str, str], int] = {}  # key -> the earliest person filed under it

    def add(self, mention: Mention) -> None:
        matches = [self._first_by_key[key] for key in _looked_up_by(mention) if key in self._first_by_key]
        if matches:
            index = min(matches)
            self.people[index].mentions.append(mention)
        else:
            index = len(self.people)
            self.people.append(Person(mention.key, [mention]))
            self.first_full_starts.append(mention.start)
        for key in _filed_under(mention):
            self._first_by_key.setdefault(key, index)


def group_people(mentions: list[Mention]) -> list[Person]:
    """Link mentions into people: full names by surname and given names, then surname-only ones.

    A full name joins the first person of its surname with a compatible given name. A surname-only
    mention joins the most recent person of its surname introduced before it (the first one, when it
    comes before them all). A lone word that is some full name's given name ("Michelle" after
    "Michelle Obama") is a first-name reference, not a surname, and is left out. Linear in the number
    of mentions: no mention is compared with every person of its surname.
    """
    full_surnames = {m.key for m in mentions if m.has_given}
    given_words = {w for m in mentions if m.has_given for w in m.given_words}
    # Given names as spelt: "García" alone is the "García" of "Ana María García Márquez" (a double surname's
    # first part), not a slip for "Luis Garcia", though the two fold to one word.
    spelt_given = {spelling(p.text) for m in mentions if m.has_given for p in m.given}
    # "Omar al-Hashimi" … "Hashimi": the surname without its article.
    bare_of = {bare: key for key in full_surnames if (bare := without_article(key)) is not None}
    by_key: dict[str, _People] = {}
    order: list[Person] = []  # people in the order they were made
    for mention in mentions:
        if not mention.has_given:
            continue
        group = by_key.setdefault(mention.key, _People())
        before = len(group.people)
        group.add(mention)
        if len(group.people) > before:
            order.append(group.people[-1])
    for mention in mentions:
        # A lone given name is a first-name reference ("Michelle"), unless the tagger did not read it
        # as a person and it is a slip away from a surname ("Borge's" after "Artur Borge", beside
        # "Borge Lind").
        first_name = (mention.key in given_words or mention.key in spelt_given) and mention.key not in full_surnames \
            and mention.cue != "variant"
        if mention.has_given or first_name:
            continue
        known = by_key.get(bare_of.get(mention.key, mention.key))
        if known is None:
            known = by_key[mention.key] = _People()
            person = Person(mention.key, [mention])
            known.people.append(person)
            known.first_full_starts.append(mention.start)
            order.append(person)
            continue
        # The most recent full name before it; a surname used before any full name goes to the first.
        index = max(bisect.bisect_right(known.first_full_starts, mention.start) - 1, 0)
        bisect.insort(known.people[index].mentions, mention, key=lambda m: m.start)
    return order
