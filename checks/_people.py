"""The people a story names: their mentions, found the way a copy editor finds them, and who is who.

A mention is a name as written ("J. Thomas Manger", "Mr Greig", "Menger" in "... said Menger."),
split into given names and a surname, with offsets into the document text. Mentions come from
spaCy's PERSON entities and from the cues editors rely on: a title or honorific before a capitalised
word, and an attribution ("said X", "X said"). A Person groups the mentions that most likely refer to
one individual: full names with the same surname and compatible given names ("Thomas" / "Tom" /
"J. Thomas"), and surname-only second references linked to the full name they follow.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Iterable, Iterator

from newslint.checks._names_variants import VariantIndex, fold
from newslint.checks._phrases import load_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslint.document import Document

# Lowercase words that belong inside a name ("Ludwig van Beethoven", "Osama bin Laden").
PARTICLES = frozenset({
    "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la", "le", "du", "bin", "ibn",
    "al", "ter", "ten",
})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A name of more words than this is more likely an organisation or a title run together.
MAX_NAME_WORDS = 5
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-]*$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_TOKEN = re.compile(r"\S+")
_ATTRIBUTION_BEFORE = re.compile(r"\b(?:said|says|told|added|asked|explained|according to)[ \t]+(?=[A-Z])")
_ATTRIBUTION_AFTER = re.compile(r"\b([A-Z][\w'’\-]+)[ \t]+(?:said|says|told|added|asked|explained)\b")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,13})\.?[ \t]+(?=[A-Z])")
# Entity labels that show a capitalised word is not a person.
_NOT_PERSON_LABELS = frozenset({
    "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME",
})


def spelling(name: str) -> str:
    """A name up to case and apostrophe style: what counts as the same spelling."""
    return name.casefold().replace("’", "'")


@dataclass(frozen=True, slots=True)
class NamePart:
    """One word of a name as written, at ``text[start:end]`` in the document."""

    text: str
    start: int
    end: int

    @property
    def is_initial(self) -> bool:
        return bool(_INITIAL.match(self.text))

    @property
    def is_particle(self) -> bool:
        return self.text in PARTICLES


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name as written: given names (may be empty) and a surname."""

    given: tuple[NamePart, ...]
    surname: NamePart
    cue: str  # "ner", "title" or "attribution": what showed this is a person

    @property
    def start(self) -> int:
        return (self.given[0] if self.given else self.surname).start

    @property
    def end(self) -> int:
        return self.surname.end

    @property
    def key(self) -> str:
        """The surname as spelt, up to case: "Peña" and "Pena" are two spellings."""
        return spelling(self.surname.text)

    @property
    def given_words(self) -> tuple[str, ...]:
        """Given names that are written out (not initials, not particles), folded."""
        return tuple(fold(p.text) for p in self.given if not p.is_initial and not p.is_particle)

    @property
    def has_given(self) -> bool:
        return any(not p.is_particle for p in self.given)


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


@cache
@cache
def word_list(name: str) -> frozenset[str]:
    """A packaged word list (checks/data/NAME), folded."""
    return frozenset(fold(entry) for entry in load_lines(name))


@cache
def nickname_groups() -> dict[str, frozenset[str]]:
    """Each given name (full or short form) mapped to every form it may take."""
    groups: dict[str, set[str]] = {}
    for line in word_list("name_nicknames.txt"):
        forms = set(line.split())
        for form in forms:
            groups.setdefault(form, set()).update(forms)
    return {form: frozenset(group) for form, group in groups.items()}


def _title_words() -> frozenset[str]:
    return word_list("name_titles.txt")


@cache
def _strippable_words() -> frozenset[str]:
    return word_list("name_titles.txt") | word_list("name_office_words.txt")


@cache
def _leading_words() -> frozenset[str]:
    """Words stripped from the front of a name: titles, offices, and words that open a sentence."""
    return _strippable_words() | word_list("name_sentence_words.txt")


def given_names_compatible(first: Mention, second: Mention) -> bool:
    """Whether two full names' given names can belong to one person ("J. Thomas", "Thomas", "Tom")."""
    words_a, words_b = first.given_words, second.given_words
    if set(words_a) & set(words_b):
        return True
    initials_a = {fold(p.text)[0] for p in first.given if not p.is_particle}
    initials_b = {fold(p.text)[0] for p in second.given if not p.is_particle}
    lead_a = fold(first.given[0].text)[0] if first.given else ""
    lead_b = fold(second.given[0].text)[0] if second.given else ""
    # "J. Manger" and "Thomas Manger" may be one person only when the initials say so.
    if (first.given and first.given[0].is_initial and lead_a in initials_b) or (
        second.given and second.given[0].is_initial and lead_b in initials_a
    ):
        return True
    nicknames = nickname_groups()
    for a in words_a:
        for b in words_b:
            if b in nicknames.get(a, ()):
                return True
            shorter, longer = sorted((a, b), key=len)
            if len(shorter) >= 3 and longer.startswith(shorter):  # "Chris" / "Christopher"
                return True
    return False


def _clean_word(token: str) -> tuple[str, int, bool]:
    """A token stripped of trailing punctuation: (word, characters kept, whether the name ends here)."""
    word = token.rstrip(",;:!?)\"”")
    ends = len(word) < len(token)
    if word.endswith(".") and not _INITIAL.match(word):
        word, ends = word[:-1], True
    return word, len(word), ends


def name_parts(text: str, start: int, end: int) -> list[NamePart]:
    """The run of name-shaped words from ``start``, stopping at ``end``, punctuation or a lowercase word."""
    parts: list[NamePart] = []
    for token in _TOKEN.finditer(text, start, end):
        word, kept, ends = _clean_word(token.group())
        if not word:
            break
        capitalised = word[0].isupper() and bool(_NAME_WORD.match(word.rstrip(".")))
        if not (capitalised or word in PARTICLES):
            break
        parts.append(NamePart(word, token.start(), token.start() + kept))
        if ends or word.endswith(("'s", "’s", "'", "’")) or len(parts) > MAX_NAME_WORDS + 2:
            break
    return parts


def _without_possessive(word: str) -> str:
    """ "Obama's" -> "Obama", "Jones'" -> "Jones": a possessive is the same name."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’")


def mention_from_parts(parts: list[NamePart], cue: str) -> Mention | None:
    """A Mention from a run of words, without its title, suffix and possessive; None if it is no name."""
    strippable = _strippable_words()
    leading = _leading_words()
    parts = list(parts)
    # "Sen. Tom Manger" is "Tom Manger"; so is "Then Manger" (a tagger's PERSON span) just "Manger".
    while len(parts) > 1 and fold(parts[0].text.rstrip(".")) in leading:
        parts.pop(0)
    while parts and parts[-1].is_particle:
        parts.pop()
    if len(parts) > 1 and fold(parts[-1].text.rstrip(".")) in SUFFIXES:
        parts.pop()
    if not parts or len(parts) > MAX_NAME_WORDS:
        return None
    last = parts[-1]
    trimmed = _without_possessive(last.text)
    if trimmed != last.text:
        last = NamePart(trimmed, last.start, last.start + len(trimmed))
    if last.is_initial or len(last.text) < 2 or not _NAME_WORD.match(last.text):
        return None
    # All-caps words are headline style: their case says nothing, and NER reads them poorly.
    if any(p.text.isupper() and not p.is_initial for p in parts):
        return None
    if fold(last.text) in strippable or any(fold(p.text.rstrip(".")) in strippable for p in parts[:-1]):
        return None
    return Mention(tuple(parts[:-1]), last, cue)


class _Spans:
    """Character spans kept sorted by start, so that an overlap query is a bisection, not a scan.

    A long story has thousands of mentions and entities; scanning them all for each new mention
    made finding mentions quadratic.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span shares a character with ``start..end``."""
        # A span that overlaps starts before ``end`` and, being no longer than the longest, after
        # ``start - longest``.
        low = bisect.bisect_right(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return any(self._ends[i] > start for i in range(low, high))


def _entity_spans(doc: "Doc", labels: Iterable[str]) -> _Spans:
    wanted = set(labels)
    return _Spans((e.start_char, e.end_char) for e in doc.ents if e.label_ in wanted)


def _lowercase_words(text: str) -> frozenset[str]:
    """Words the story writes in lowercase: a capitalised one of them is a common word, not a name."""
    return frozenset(m.group() for m in re.finditer(r"\b[a-z][a-z'’\-]+\b", text))


def _ner_mentions(doc: "Doc", text: str) -> Iterator[Mention]:
    labels: dict[str, list[str]] = {}
    for entity in doc.ents:
        labels.setdefault(entity.text, []).append(entity.label_)
    for entity in doc.ents:
        if entity.label_ != "PERSON":
            continue
        seen = labels[entity.text]
        if seen.count("PERSON") * 2 <= len(seen):
            continue  # "Sri Lanka" tagged PERSON once and GPE elsewhere: the tagger's slip
        mention = mention_from_parts(name_parts(text, entity.start_char, entity.end_char), "ner")
        if mention is not None:
            yield mention


def _cue_mentions(text: str) -> Iterator[Mention]:
    titles = _title_words()
    for match in _TITLE_BEFORE.finditer(text):
        if fold(match.group(1)) in titles:
            mention = mention_from_parts(name_parts(text, match.end(), len(text)), "title")
            if mention is not None:
                yield mention
    for match in _ATTRIBUTION_BEFORE.finditer(text):
        mention = mention_from_parts(name_parts(text, match.end(), len(text)), "attribution")
        if mention is not None:
            yield mention
    for match in _ATTRIBUTION_AFTER.finditer(text):
        mention = mention_from_parts([NamePart(match.group(1), match.start(1), match.end(1))], "attribution")
        if mention is not None:
            yield mention


def find_mentions(document: "Document") -> list[Mention]:
    """Every person mention in the document, in order, each name span once."""
    text = document.text
    doc = document.spacy_doc
    not_names = word_list("name_not_names.txt") | _strippable_words()
    lowercase = _lowercase_words(text)
    non_person_spans = _entity_spans(doc, _NOT_PERSON_LABELS)
    titles = _title_words()
    longer_non_person_spans = _Spans(
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in _NOT_PERSON_LABELS
        # "Ms Wolthuzen" (ORG) and "Wolthuzen's" are still one word with a label.
        and len([t for t in e if t.text not in ("'s", "’s") and fold(t.text.rstrip(".")) not in titles]) > 1
    )

    def plausible(mention: Mention) -> bool:
        words = [mention.surname, *mention.given]
        if any(fold(p.text.rstrip(".")) in not_names for p in words if not p.is_particle):
            return False
        if mention.has_given:
            return True
        # A lone capitalised word: a sentence-initial common word, or part of a place or body?
        surname = mention.surname.text
        if surname.casefold() in lowercase:
            return False
        # The tagger's PERSON, or the exact surname of someone the story introduced, outweighs a
        # place or organisation label on the same word ("Davenport had drawn ..." after "Lindsay
        # Davenport"); a title or attribution cue does not ("Reuters said").
        if mention.cue in ("ner", "second reference"):
            return True
        # The tagger labels an unfamiliar word as a place or body almost at random, so a label on
        # that one word alone does not outweigh a title ("Mr Wlfowitz") or the word's closeness to
        # a surname the story introduced; a label on a longer name ("Menger Foundation") does.
        if mention.cue in ("title", "variant"):
            return not longer_non_person_spans.overlaps(mention.surname.start, mention.surname.end)
        return not non_person_spans.overlaps(mention.surname.start, mention.surname.end)

    accepted: list[Mention] = []
    covered = _Spans()

    def accept(mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            if not covered.overlaps(mention.surname.start, mention.surname.end) and plausible(mention):
                accepted.append(mention)
                covered.add(mention.start, mention.end)

    accept([*_ner_mentions(doc, text), *_cue_mentions(text)])
    # Once a story has introduced "Aslan Maskhadov", a lone "Maskhadov" is him, whether or not the
    # tagger saw it; so is a lone word a slip away from his surname (the suspects this check is for).
    accept(_second_references(text, [m for m in accepted if m.has_given]))
    return sorted(accepted, key=lambda m: m.start)


_CAPITALISED_WORD = re.compile(r"(?<![\w'’\-.])[A-Z\u00C0-\u00DE][\w'’\-]+")


def _second_references(text: str, full_names: list[Mention]) -> Iterator[Mention]:
    """Lone capitalised words that are, or are a slip away from, the surname of a full name.

    A word right before one is taken as its given name only when the story gives that given name
    to someone ("Wal Pawik" after "Wal Pawlik"). A word that opens a sentence or clause ("Then",
    "But", "Meanwhile") is no given name, so the word after it stays a lone surname ("Then Kovak
    smiled"). Any other capitalised word before it makes it part of some longer name ("New
    Zaeland"), not a surname.
    """
    if not full_names:
        return
    surnames = {m.surname.text for m in full_names}
    spelt = {spelling(s) for s in surnames}
    surname_index = VariantIndex(surnames)
    given_names = {w for m in full_names for w in m.given_words}
    given_index = VariantIndex(given_names)
    sentence_words = word_list("name_sentence_words.txt")
    # A long story repeats its capitalised words: judge each distinct word once.
    cues: dict[str, str | None] = {}
    givens: dict[str, bool] = {}
    for match in _CAPITALISED_WORD.finditer(text):
        word = _without_possessive(match.group())
        # All capitals are headline style ("STANDS BY WEAH"), left out as in mention_from_parts.
        if not word or word.isupper() or _next_word_capitalised(text, match.end()):
            continue
        previous = _previous_capitalised_word(text, match.start())
        if previous is not None:
            folded = fold(previous.text)
            if folded not in given_names and folded in sentence_words:
                previous = None
            elif folded not in given_names:
                if previous.text not in givens:
                    givens[previous.text] = given_index.has_variant(previous.text)
                if not givens[previous.text]:
                    continue
        if word not in cues:
            if spelling(word) in spelt:
                cues[word] = "second reference"
            elif surname_index.has_variant(word):
                cues[word] = "variant"
            else:
                cues[word] = None
        cue = cues[word]
        if cue is None:
            continue
        given = (previous,) if previous is not None else ()
        yield Mention(given, NamePart(word, match.start(), match.start() + len(word)), cue)


def _next_word_capitalised(text: str, end: int) -> bool:
    following = re.match(r"[ \t]+([^\s]+)", text[end : end + 40])
    return bool(following and following.group(1)[0].isupper())


def _previous_capitalised_word(text: str, start: int) -> NamePart | None:
    """The capitalised word just before ``start`` in the same phrase, unless it is a title.

    A title before a surname ("Mr Menger") leaves it a surname-only reference.
    """
    window = max(start - 40, 0)
    preceding = re.search(r"([^\s]+)[ \t]+$", text[window:start])
    if not preceding:
        return None
    word = preceding.group(1)
    if not word[0].isupper() or word[-1] in ".,;:!?\"”)" or fold(word) in _strippable_words():
        return None
    return NamePart(word, window + preceding.start(1), window + preceding.end(1))


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
