"""Candidates first, model second: the words of a story that could be one name spelt two ways.

A misspelt name is a capitalised word a typical slip away from another capitalised word of the same
story ("Menger" and "Manger"), or from a name on the newsroom's list. Finding those pairs takes one
pass over the text and an index lookup per distinct word; most stories have none, and then the
check is done without the model. When there are some, only the sentences that hold them (and the
surnames that follow a given name among them) are parsed, in one ``nlp.pipe`` batch of bounded
pieces: the model's time and memory follow what the check can use, not the length of the story.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ._name_parts import MAX_NAME_WORD_LENGTH, Mention, spelling, strippable_words, without_possessive, word_list
from ._names_variants import ARABIC_ARTICLES, VariantIndex, fold, without_article

# A capitalised word not glued to the word before it ("U.S" pieces and "e.g.Smith" are not names); after an Arabic
# article it is a surname of its own ("al-Hashimi", "ad-Darwish").
CAPITALISED_WORD = re.compile(r"(?:(?<![\w'’\-.])" + "".join(rf"|(?<=\b{article}-)" for article in ARABIC_ARTICLES)
                              + r")[A-Z\u00C0-\u00DE][\w'’\-]+")
_LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'’\-]+\b")
# A piece of text handed to the model is at most this long: its memory and time per piece are bounded.
MAX_PIECE = 2_000
# Sentence ends: punctuation, closing quotes or brackets, then a space before a capital; or a newline.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*[ \t]+(?=[\"“‘'(\[]*[A-Z\u00C0-\u00DE0-9])|\n+")
_LAST_WORD = re.compile(r"(\S+)$")
# Words before a period that do not end a sentence ("Sen.", "Jan.", "St."): a piece must not cut a name.
_ABBREVIATIONS = frozenset({
    "st", "mt", "ft", "no", "nos", "vs", "v", "inc", "co", "corp", "ltd", "plc", "jr", "sr", "bros", "messrs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "maj",
    "sgt", "lt", "cpl", "pte", "adm", "rev", "fr", "hon", "dr", "mr", "mrs", "ms", "prof", "sen", "rep", "gov",
    "supt", "insp", "det", "cmdr", "capt", "pres", "est", "approx", "dept", "univ",
})


def lowercase_words(text: str) -> frozenset[str]:
    """Words the story writes in lowercase: a capitalised one of them is a common word, not a name."""
    return frozenset(match.group() for match in _LOWERCASE_WORD.finditer(text))


def _common_words() -> frozenset[str]:
    """Capitalised words that are never a person's name: days, titles, words that open a sentence."""
    return word_list("name_not_names.txt") | strippable_words() | word_list("name_sentence_words.txt")


@dataclass(frozen=True)
class Candidates:
    """What a story gives the check to look at: its candidate words and the pieces of text holding them.

    ``words`` are the spellings (case-folded, see ``spelling``) of capitalised words that are a slip
    away from another one or from a listed name, and of the surnames that follow them; ``pieces`` are
    the ``(start, end)`` spans to parse, each at most ``MAX_PIECE`` characters, in text order.
    """

    words: frozenset[str]
    pieces: tuple[tuple[int, int], ...]

    def __bool__(self) -> bool:
        return bool(self.words)

    def concern(self, mention: Mention) -> bool:
        """Whether a mention's surname (with or without its article: "al-Hashimi") or one of its given names
        is a candidate word."""
        surname = spelling(mention.surname.text)
        return surname in self.words or without_article(surname) in self.words or any(
            spelling(part.text) in self.words for part in mention.given
        )


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word without possessive, start, end) for each capitalised word; headline capitals left out."""
    for match in CAPITALISED_WORD.finditer(text):
        word = without_possessive(match.group())
        if len(word) < 2 or len(word) > MAX_NAME_WORD_LENGTH or word.isupper():
            continue
        yield word, match.start(), match.start() + len(word)


def find_candidates(text: str, listed_surnames: Iterable[str] = ()) -> Candidates:
    """The candidate words of ``text`` and the pieces to parse; empty when no name can be misspelt.

    ``listed_surnames`` are the names file's surnames: a word that is one of them or a slip away from
    one is a candidate even when the story writes it only one way.
    """
    occurrences: dict[str, list[int]] = {}  # word -> starts
    followers: dict[str, set[str]] = {}  # word -> the capitalised words right after it ("Thomas" -> "Manger")
    previous: tuple[str, int] | None = None
    for word, start, end in _words(text):
        occurrences.setdefault(word, []).append(start)
        if previous is not None and text[previous[1] : start] in (" ", "\t"):
            followers.setdefault(previous[0], set()).add(word)
        previous = (word, end)
    if not occurrences:
        return Candidates(frozenset(), ())

    # A title or common word is a name where the story writes one before it ("John Major", "Tom Hill").
    common_words = _common_words()
    named = {after for before, afters in followers.items() if fold(before) not in common_words for after in afters}
    common = {word for word in occurrences if fold(word) in common_words and word not in named}
    lowercase: frozenset[str] | None = None
    index = VariantIndex(occurrences)
    paired: set[str] = set()
    for word in occurrences:
        if word in common:
            continue
        for other, _pattern in index.variants(word):
            if other in common and word not in named:
                continue  # a misspelt "John Mjor" still pairs with the title word "Major"
            if lowercase is None:
                lowercase = lowercase_words(text)
            if word.casefold() in lowercase and other.casefold() in lowercase:
                continue  # "There" / "Three": both common words the story also writes in lowercase
            paired.update((word, other))
    listed = {spelling(name) for name in listed_surnames}
    if listed:
        listed_index = VariantIndex(listed_surnames)
        paired.update(w for w in occurrences if spelling(w) in listed or listed_index.has_variant(w))
    if not paired:
        return Candidates(frozenset(), ())
    # The surname after a candidate given name ("Micheal Smith"), for its other mentions ("Smith said").
    words = set(paired)
    for word in paired:
        words.update(followers.get(word, ()))
    starts = sorted(start for word in words for start in occurrences[word])
    return Candidates(frozenset(spelling(w) for w in words), tuple(_pieces(text, starts)))


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group()[0] != "\n":
            before = _LAST_WORD.search(text, max(match.start() - MAX_NAME_WORD_LENGTH, 0), match.start())
            word = before.group(1) if before else ""
            # "J." in "J. Thomas Manger", "Sen.", "U.S.": an abbreviation, not the end of a sentence.
            if len(word) == 1 or "." in word or fold(word) in _ABBREVIATIONS:
                continue
        starts.append(match.end())
    return starts


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut at spaces into pieces of at most MAX_PIECE characters."""
    while end - start > MAX_PIECE:
        cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
        if cut <= start:
            cut = start + MAX_PIECE
        yield start, cut
        start = cut
    yield start, end


def _pieces(text: str, occurrence_starts: list[int]) -> Iterator[tuple[int, int]]:
    """The sentences holding the occurrences, neighbours joined up to MAX_PIECE, long ones cut."""
    sentence_starts = _sentence_starts(text)
    selected: list[tuple[int, int]] = []
    cut_up: dict[int, list[tuple[int, int]]] = {}  # a huge "sentence" -> its chunks, cut once
    for position in occurrence_starts:
        index = bisect.bisect_right(sentence_starts, position) - 1
        start = sentence_starts[index]
        end = sentence_starts[index + 1] if index + 1 < len(sentence_starts) else len(text)
        if end - start > MAX_PIECE:  # only the stretch around the word
            if index not in cut_up:
                cut_up[index] = list(_chunks(text, start, end))
            chunks = cut_up[index]
            start, end = chunks[bisect.bisect_right(chunks, (position, len(text))) - 1]
        if selected and selected[-1] == (start, end):
            continue
        selected.append((start, end))
    current: tuple[int, int] | None = None
    for start, end in selected:
        if current is not None and start <= current[1] and end - current[0] <= MAX_PIECE:
            current = (current[0], max(end, current[1]))
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current
