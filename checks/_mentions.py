"""Finding the mentions of people in a document, the way a copy editor finds them.

Mentions come from spaCy's PERSON entities and from the cues editors rely on: a title or honorific
before a capitalised word, and an attribution ("said X", "X said"); once a story has introduced a
full name, a lone surname (or a word a slip away from it) is a second reference to that person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ._name_parts import (
    Mention,
    NamePart,
    mention_from_parts,
    name_parts,
    spelling,
    strippable_words,
    title_words,
    without_possessive,
    word_list,
)
from ._names_variants import VariantIndex, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newslint.document import Document

_ATTRIBUTION_BEFORE = re.compile(r"\b(?:said|says|told|added|asked|explained|according to)[ \t]+(?=[A-Z])")
_ATTRIBUTION_AFTER = re.compile(r"\b([A-Z][\w'’\-]+)[ \t]+(?:said|says|told|added|asked|explained)\b")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,13})\.?[ \t]+(?=[A-Z])")
# Entity labels that show a capitalised word is not a person.
_NOT_PERSON_LABELS = frozenset({
    "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME",
})


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
    titles = title_words()
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
    not_names = word_list("name_not_names.txt") | strippable_words()
    lowercase = _lowercase_words(text)
    non_person_spans = _entity_spans(doc, _NOT_PERSON_LABELS)
    titles = title_words()
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
        word = without_possessive(match.group())
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
    if not word[0].isupper() or word[-1] in ".,;:!?\"”)" or fold(word) in strippable_words():
        return None
    return NamePart(word, window + preceding.start(1), window + preceding.end(1))
