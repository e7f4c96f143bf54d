"""name-spelling: one person's name spelt two ways in one story."""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator

from newslint.document import Document
from newslint.finding import Problem
from newslint.options import FilePath
from newslint.registry import check

from ._candidates import find_candidates, lowercase_words
from ._mentions import entities, mentions_in
from ._name_parts import (
    Mention,
    NamePart,
    given_names_compatible,
    is_romanised_given,
    mention_from_parts,
    name_parts,
    spelling,
    surname_count,
    surname_rank,
)
from ._names_variants import (
    PATTERN_DIACRITICS,
    PATTERN_MAC,
    PATTERN_MOVED_DOUBLE,
    PATTERN_SHORT_DROPPED,
    VariantIndex,
    fold,
    has_diacritics,
    misspelling_pattern,
)
from ._people import Person, group_people

# Given names come in pairs that differ by their last letter and are two people: Paul/Paula,
# Louis/Louise, Francis/Frances. A given-name variant counts only if the change is further in.
_GIVEN_NAME_PATTERNS = frozenset({
    "transposed letters", "doubled letter", "dropped letter", "vowel swap", PATTERN_DIACRITICS,
    PATTERN_MOVED_DOUBLE,
})


# Of two spellings used equally often, the one the census list of surnames ranks this many times as
# common (an unlisted name ranks just below the list) is the right one: a slip seldom lands on a far
# more common name. A smaller lead decides only beside the full name's: "Hook" and "Hooke" are both
# common.
_DECISIVE_RATIO = 10
_SUPPORTING_RATIO = 3

# A first line of at most this many words, above more lines, is a headline.
_HEADLINE_WORDS = 20


class _Form:
    """One spelling of a surname in the story and every mention that uses it."""

    def __init__(self, key: str, people: tuple[Person, ...]) -> None:
        self.key = key
        self.people = people
        self.mentions: list[Mention] = sorted((m for p in people for m in p.mentions), key=lambda m: m.start)

    @property
    def written(self) -> str:
        return self.mentions[0].surname.text

    @property
    def first_start(self) -> int:
        return self.mentions[0].start

    @cached_property
    def with_given(self) -> list[Person]:
        return [p for p in self.people if p.has_given]


@dataclass(frozen=True)
class NameSpellingOptions:
    names_file: FilePath = ""  # the house list of names spelt right, one per line


@check("name-spelling", severity="warning", options=NameSpellingOptions, nlp_components=("ner",))
def name_spelling(document: Document, options: NameSpellingOptions) -> Iterator[Problem]:
    """A spelling of a person's name that is probably a misspelling of another in the same story.

    What it does
    ------------
    First, on the text alone, finds capitalised words that are a typical slip away from each other:
    transposed letters (anywhere, the end included: "Kowalksi"), a letter doubled or undoubled
    ("Feldmann", "Harison"), a doubling moved to the next letter ("Morissey"), a vowel swap, a
    dropped letter (in names of five letters too: "Bown"), a sound-alike letter (c/k, s/z), an
    added or dropped final letter, Mc/Mac, a missing accent. A story with no such pair (most
    stories) is done without the NLP model; otherwise only the sentences holding the pair are
    parsed. People are the model's PERSON entities and the words an editor reads as names whatever
    the model says: after a title or honorific ("Mr", "Sen.", "Police Chief"), in an attribution
    ("said X", "Glyn Davies said"), before a surname the story uses for a person, and lone
    second references; titles, suffixes and post-nominals ("Jr.", "II", "QC", "MP", "PhD") are not
    surnames. Two spellings are one person's when their given names agree ("Thomas", "Tom",
    "J. Thomas") or one is only ever a bare surname after the other's full name.

    Which spelling is reported follows the evidence: an accent over none, then the form more
    mentions use (so a misspelt introduction is reported, not the two right references after it),
    then, for a name written as often each way, the census list of surnames (a listed spelling far
    more common than the other; a smaller lead counts only when it is also the full name's, and a
    spelling the story also writes in lowercase has none). Even evidence is reported as a conflict
    with no suggestion: an introduction is misspelt as often as the one reference after it. A
    dropped letter in a five-letter name, or an undoubled one in a four-letter name ("Hil"), counts
    only when each spelling is one person's. Left alone: two people introduced with different
    given names ("Carl Lindqvist", "Anna Lindquist"), family members ("Barack and Michelle Obama",
    "Kovalenkov" and his wife "Kovalenkova"), a bare surname used only before a full name (in the body,
    not the headline), names after "the" ("the Mariners"), names in quoted or italic titles of works, a
    country and its people ("Israel", "Israeli"), a spelling the copy gives itself ("also spelled
    Hritsenko", "née Hansen", "Rowena Liddell, not Rowena Lidell", "born Lena Hartman", "Everybody
    writes Abernathy"), a company, body
    or place a letter from a surname ("Ford's former plant", "Ford's sales", "a Kroger store", "a member
    of Mensa", "Newburgh's waterfront", a headline's "Newburgh man elected"; a word used as a place once is
    that place in every bare mention), relatives side by side ("Kristen Moore and her sister, Kirsten
    Moore"), and romanised given names
    after the surname ("Kim Min-jun", "Kim Min-jin"). A nickname inside a name is passed over
    (William "Red" Ahern), and the first of a double surname ("García" of "Ana María García Márquez")
    or a surname without its article ("Hashimi" of "Omar al-Hashimi") alone is that person.

    With the option ``names-file`` (one canonical spelling per line, such as the newsroom's list of
    local officials; ``#`` starts a comment), any close variant of a listed name is reported, even
    when the story uses it only once.

    Why is this bad?
    ----------------
    A misspelt name is among the most common reasons for a correction notice, and a name spelt two
    ways leaves the reader unsure which one is right.

    Example
    -------
    ::

        Police Chief J. Thomas Manger said the meeting went well.
        "We listened more than we talked," said Menger.

    reports ``"Menger" may be a misspelling of "Manger" (line 1)``, with the suggestion ``Manger``.
    """
    house_names = _read_names_file(options.names_file)
    people = _people(document, house_names)
    if not people:
        return
    reported: set[int] = set()
    problems = [
        *_house_list_problems(people, house_names),
        *_surname_problems(document, people, {spelling(m.surname.text) for m in house_names}),
        *_given_name_problems(document, people),
    ]
    for problem in sorted(problems, key=lambda p: p.start):
        if problem.start not in reported:
            reported.add(problem.start)
            yield problem


def _people(document: Document, house_names: tuple[Mention, ...]) -> list[Person]:
    """The people whose names could be misspelt: candidates on the text first, the model only for them.

    A story with no two capitalised words a slip apart (and no word a slip from a listed name) has
    nothing to report, and is never parsed. Otherwise only the pieces holding candidate words go
    through the model, in one batch, and only mentions of candidate words are kept.
    """
    candidates = find_candidates(document.text, [name.surname.text for name in house_names])
    if not candidates:
        return []
    found = [entity for start, doc in document.parse_spans(candidates.pieces) for entity in entities(doc, start)]
    return group_people(mentions_in(document.text, found, candidates.concern, italics=document.emphasis))


def _read_names_file(path: str) -> tuple[Mention, ...]:
    """The house list's names, parsed like names in a story; a file that cannot be read raises ValueError.

    A run lints many stories with one list: the file is read again only when it changes.
    """
    if not path:
        return ()
    try:
        status = os.stat(path)
    except OSError as error:
        raise ValueError(f"names-file {path}: cannot read it ({error.strerror or error})") from error
    return _load_names_file(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=8)
def _load_names_file(path: str, mtime_ns: int, size: int) -> tuple[Mention, ...]:
    """``path`` as it was at ``mtime_ns`` and ``size``: the cache key that notices an edited file."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValueError(f"names-file {path}: cannot read it ({error.strerror or error})") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValueError(
            f"names-file {path}: not valid UTF-8 (byte 0x{data[error.start]:02x} on line {line}); save it as UTF-8"
        ) from error
    names = []
    for written in text.splitlines():
        entry = written.split("#", 1)[0].strip()
        if entry:
            mention = mention_from_parts(name_parts(entry, 0, len(entry)), "house")
            if mention is not None:
                names.append(mention)
    return tuple(names)


def _line_of(document: Document, offset: int) -> int:
    return document.position(offset)[0]


def _misspelt(suspect: NamePart, reference: str, where: str) -> Problem:
    return Problem(
        suspect.start, suspect.end, f'"{suspect.text}" may be a misspelling of "{reference}" ({where})',
        suggestion=reference,
    )


def _conflict(suspect: NamePart, reference: str, where: str) -> Problem:
    """Two spellings with even evidence: both are named and neither is suggested."""
    return Problem(
        suspect.start,
        suspect.end,
        f'"{suspect.text}" conflicts with "{reference}" ({where}): the same person\'s name is spelt two ways',
    )


def _house_list_problems(people: list[Person], house_names: tuple[Mention, ...]) -> Iterator[Problem]:
    if not house_names:
        return
    house_keys = {spelling(name.surname.text) for name in house_names}
    by_written: dict[str, list[int]] = {}  # positions in the list of each surname as written
    by_key: dict[str, list[int]] = {}  # ... and of each spelling
    for position, name in enumerate(house_names):
        by_written.setdefault(name.surname.text, []).append(position)
        by_key.setdefault(name.key, []).append(position)
    index = VariantIndex(by_written)
    concerning: dict[str, list[Mention]] = {}

    def concerned(surname: str) -> list[Mention]:
        """The listed names with this surname or a variant of it, in list order."""
        if surname not in concerning:
            listed = set(by_key.get(spelling(surname), ()))
            for written, _ in index.variants(surname):
                listed.update(by_written[written])
            concerning[surname] = [house_names[p] for p in sorted(listed)]
        return concerning[surname]

    for person in people:
        for mention in person.mentions:
            for name in concerned(mention.surname.text):
                same_surname = mention.key == spelling(name.surname.text)
                if same_surname:
                    yield from _house_given_name_problem(mention, name)
                    continue
                if mention.key in house_keys or misspelling_pattern(mention.surname.text, name.surname.text) is None:
                    continue
                # A listed "Thomas Manger" says nothing about an "Ann Menger": another person.
                if name.has_given and person.has_given and not any(
                    given_names_compatible(m, name) for m in person.given_mentions
                ):
                    continue
                yield _misspelt(mention.surname, name.surname.text, "names file")


def _house_given_name_problem(mention: Mention, name: Mention) -> Iterator[Problem]:
    if not (mention.has_given and name.has_given) or given_names_compatible(mention, name):
        return
    written, listed = _first_given(mention), _first_given(name)
    if written and listed and misspelling_pattern(written.text, listed.text) in _GIVEN_NAME_PATTERNS:
        if not _changes_last_letter(written.text, listed.text):
            yield _misspelt(written, listed.text, "names file")


def _forms(people: list[Person]) -> dict[str, _Form]:
    by_key: dict[str, list[Person]] = {}
    for person in people:
        by_key.setdefault(person.key, []).append(person)
    return {key: _Form(key, tuple(group)) for key, group in by_key.items()}


def _surname_problems(document: Document, people: list[Person], house_keys: set[str]) -> Iterator[Problem]:
    forms = sorted(_forms(people).values(), key=lambda f: f.first_start)
    headline_end = _headline_end(document)
    lowercase = lowercase_words(document.text)
    order = {form.written: position for position, form in enumerate(forms)}
    index = VariantIndex(order)
    for position, first in enumerate(forms):
        # Only the later forms a slip away: a long story names hundreds of people.
        later = sorted(order[name] for name, _ in index.variants(first.written) if order[name] > position)
        for second in (forms[p] for p in later):
            if first.key in house_keys or second.key in house_keys:
                continue  # the house list decides which spelling is right
            pattern = misspelling_pattern(first.written, second.written)
            if pattern is None:
                continue
            verdict = _judge(first, second, pattern, headline_end, lowercase)
            if verdict is None:
                continue
            suspect, reference, conflicting = verdict
            where = f"line {_line_of(document, reference.first_start)}"
            report = _conflict if conflicting else _misspelt
            for mention in suspect.mentions:
                yield report(mention.surname, reference.written, where)


def _headline_end(document: Document) -> int:
    """Where a headline (a short first line of a story of several lines) ends; 0 when there is none."""
    lines = document.line_spans()
    first, second = next(lines, None), next(lines, None)
    if first is None or second is None or len(first.text.split()) > _HEADLINE_WORDS:
        return 0
    return first.end


def _judge(
    first: _Form, second: _Form, pattern: str, headline_end: int, lowercase: frozenset[str]
) -> tuple[_Form, _Form, bool] | None:
    """(suspect, reference, whether the forms merely conflict), or None when they are two people.

    ``first`` is the form the story uses first; ``headline_end`` is where a headline ends. The
    evidence for a spelling, strongest first: an accent (lost in copy far more often than
    invented), how many mentions use it, and for a name written once each way, the full name over
    a bare surname. Even evidence is a conflict.
    """
    if first.with_given and second.with_given:
        # Both written with given names: one person when exactly one person of each spelling has
        # given names that agree. Only that person's mentions count: "Teo Varrga" beside
        # "Teo Varga" and his brother "Olek Varga" leaves the brother out.
        # One side must be a single person, so that the search stays linear in the other side.
        if len(first.with_given) > 1 and len(second.with_given) > 1:
            return None
        pairs = [(a, b) for a in first.with_given for b in second.with_given if _same_given_names(a, b)]
        if len(pairs) != 1:
            if pairs:
                return None
            # Two people ("Bob Hadlow", "Clarence Hadlowe"); but a bare "Hadlowe" after Bob's
            # introduction and before Clarence's can only be Bob, misspelt one way or the other.
            for introduced, other in ((first, second), (second, first)):
                between = _references_before_introduction(introduced, other)
                if between is not None:
                    earlier, later = sorted(between, key=lambda f: f.first_start)
                    return _judge(earlier, later, pattern, headline_end, lowercase)
            return None
        if len(first.with_given) > 1 or len(second.with_given) > 1:
            narrowed = sorted((_Form(first.key, (pairs[0][0],)), _Form(second.key, (pairs[0][1],))),
                              key=lambda f: f.first_start)
            first, second = narrowed
        surname_only: _Form | None = None
    elif first.with_given or second.with_given:
        # A surname never written with a given name, beside a full name it is a slip away from:
        # the strongest sign of a misspelt second reference.
        surname_only = second if first.with_given else first
        full = first if surname_only is second else second
        if any(headline_end <= m.start < full.first_start for m in surname_only.mentions) and not any(
            m.start > full.first_start for m in surname_only.mentions
        ):
            # A second reference follows the introduction. A bare surname used only before a full
            # name that is a slip away is more often someone else ("the prophet Mohammed" before
            # "Yuhanna Abdullah Muhammed"); one used after it too is the same person's (a market
            # report's "Halvorsen said" in the lead, "Ada Halvorsen" further down).
            return None
    else:
        return None  # two bare surnames: nothing says they are one person
    if pattern == PATTERN_SHORT_DROPPED and (len(first.people) > 1 or len(second.people) > 1):
        # "Brown"/"Bown": a dropped letter in a five-letter name is as often another name, unless
        # each spelling is one person's and no other person of either spelling is named.
        return None
    if pattern == PATTERN_DIACRITICS and has_diacritics(first.written) != has_diacritics(second.written):
        suspect = second if has_diacritics(first.written) else first
        return suspect, (first if suspect is second else second), False
    count_first, count_second = len(first.mentions), len(second.mentions)
    if count_first != count_second:
        suspect = first if count_first < count_second else second
        return suspect, (second if suspect is first else first), False
    # Once each way the story alone cannot tell: an introduction is misspelt as often as the
    # reference after it. Mc/Mac is a family's choice, which no list of surnames knows.
    if pattern != PATTERN_MAC:
        full_name = None if surname_only is None else (second if surname_only is first else first)
        favoured, lead = _census_lead(first, second, lowercase)
        if lead >= _DECISIVE_RATIO or (lead >= _SUPPORTING_RATIO and favoured is full_name):
            return (second if favoured is first else first), favoured, False
    return second, first, True


def _references_before_introduction(introduced: _Form, other: _Form) -> tuple[_Form, _Form] | None:
    """``introduced``'s one person and ``other``'s bare mentions between that person's introduction
    and the first full name ``other`` gives, as two forms; None when there are none."""
    if len(introduced.with_given) != 1:
        return None
    person = introduced.with_given[0]
    begins = person.given_mentions[0].start
    other_introduced = min(p.given_mentions[0].start for p in other.with_given)
    between = [m for m in other.mentions if not m.has_given and begins < m.start < other_introduced]
    if not between:
        return None
    return _Form(introduced.key, (person,)), _Form(other.key, (Person(other.key, between),))


def _same_given_names(a: Person, b: Person) -> bool:
    return any(given_names_compatible(x, y) for x in a.given_mentions for y in b.given_mentions)


def _census_lead(first: _Form, second: _Form, lowercase: frozenset[str]) -> tuple[_Form, float]:
    """The form the census list of surnames ranks as more common, and how many times as common.

    A spelling the story also writes in lowercase ("Fine" for "Fini", "Hook" for "Hooke") counts as
    unlisted: a slip that lands on a word is no rarer for the word's being a surname too.
    """
    unlisted = surname_count() + 1

    def rank(form: _Form) -> int:
        if form.written.casefold() in lowercase:
            return unlisted
        return surname_rank(form.written) or unlisted

    rank_first, rank_second = rank(first), rank(second)
    if rank_first <= rank_second:
        return first, rank_second / rank_first
    return second, rank_first / rank_second


def _first_given(mention: Mention) -> NamePart | None:
    return next((p for p in mention.given if not p.is_initial and not p.is_particle), None)


def _changes_last_letter(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if len(a) != len(b):
        return a.startswith(b) or b.startswith(a)
    return a[-1] != b[-1]


def _coordinated(document: Document, first: Person, second: Person) -> bool:
    """ "Paul Smith and Pual Smith" side by side, joined by "and", "&" or a comma, are two people."""
    starts = [m.start for m in second.mentions]
    for a in first.mentions:
        # Only the mention of ``second`` just after ``a`` or just before it can sit side by side with it.
        after = bisect.bisect_left(starts, a.end)
        for index in (after - 1, after):
            if 0 <= index < len(starts):
                b = second.mentions[index]
                earlier, later = sorted((a, b), key=lambda m: m.start)
                between = document.text[earlier.end : later.start]
                if between.strip() in {"and", "&", ",", ", and"} or _KIN_BETWEEN.fullmatch(between):
                    return True
    return False


# "Kristen Moore and her sister, Kirsten Moore", "Jon Pellow, whose twin brother John Pellow": relatives side by side.
_KIN_BETWEEN = re.compile(
    r"\s*,?\s*(?:and|&|with|or|,|whose|who\s+(?:is|was)|joined\s+by)?\s+(?:(?:his|her|their|the)\s+)?"
    r"(?:\w+\s+){0,2}?(?:sister|brother|wife|husband|son|daughter|mother|father|cousin|twin|partner|spouse|sibling"
    r"|niece|nephew|aunt|uncle|grandson|granddaughter|grandmother|grandfather|stepson|stepdaughter|stepmother"
    r"|stepfather|fiancée?|widow|widower)s?\s*,?\s*", re.I)


def _given_name_problems(document: Document, people: list[Person]) -> Iterator[Problem]:
    """Same surname, given names a slip apart ("Micheal" / "Michael"): one person, misspelt."""
    for form in _forms(people).values():
        if not any(not m.has_given or m.cue == "title" for m in form.mentions):
            # Copy names a person by surname alone or with a title somewhere; a "name" that is
            # only ever given whole is as often a company the tagger took for one ("Virgin Blue").
            continue
        full = form.with_given
        if len(full) < 2:
            continue
        # People of one surname filed by their first given name: each is compared only with the
        # earlier people whose given name is a slip away, never with all of them.
        by_given: dict[str, list[int]] = {}
        for position, person in enumerate(full):
            name = _first_given(person.given_mentions[0])
            if name is not None:
                by_given.setdefault(name.text, []).append(position)
        index = VariantIndex(by_given)
        for written_b, positions_b in by_given.items():
            for written_a, _pattern in index.variants(written_b):
                for position_b in positions_b:
                    for position_a in by_given[written_a]:
                        if position_a < position_b:
                            yield from _given_name_pair(document, full[position_a], full[position_b])


def _given_name_pair(document: Document, a: Person, b: Person) -> Iterator[Problem]:
    """``b`` is introduced after ``a``; their given names are a slip apart."""
    name_a, name_b = _first_given(a.given_mentions[0]), _first_given(b.given_mentions[0])
    if name_a is None or name_b is None or is_romanised_given(name_a.text) or is_romanised_given(name_b.text):
        return
    pattern = misspelling_pattern(name_a.text, name_b.text)
    if pattern not in _GIVEN_NAME_PATTERNS or _changes_last_letter(name_a.text, name_b.text):
        return
    if _coordinated(document, a, b):
        return
    count_a, count_b = len(a.given_mentions), len(b.given_mentions)
    if count_a == count_b:  # even evidence: the later one conflicts with the earlier
        suspect, reference, report = b, a, _conflict
    else:
        suspect, reference = (b, a) if count_b < count_a else (a, b)
        report = _misspelt
    suspect_key = fold((name_b if suspect is b else name_a).text)
    reference_name = name_a if reference is a else name_b
    where = f"line {_line_of(document, reference.given_mentions[0].start)}"
    for mention in suspect.given_mentions:
        part = _first_given(mention)
        if part is not None and fold(part.text) == suspect_key:
            yield report(part, reference_name.text, where)
