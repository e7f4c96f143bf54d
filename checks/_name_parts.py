"""One person's name as written, split into its parts: given names and a surname.

A mention is a name as written ("J. Thomas Manger", "Mr Greig", "Menger" in "... said Menger."),
with offsets into the document text; ``name_parts`` reads the words of a name and
``mention_from_parts`` strips its title, suffix and possessive. ``given_names_compatible`` says
whether two given names can belong to one person ("Thomas" / "Tom" / "J. Thomas").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ._names_variants import ARABIC_ARTICLES, fold
from ._phrases import load_lines

# Lowercase words that belong inside a name ("Ludwig van Beethoven", "Osama bin Laden").
PARTICLES = frozenset({
    "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la", "le", "du", "bin", "ibn",
    "al", "ter", "ten",
})
# Suffixes written in ordinary case ("Jr.", "PhD"); the other post-nominals count only in capitals
# ("Smith QC", not a surname "Ao").
_MIXED_CASE_SUFFIXES = frozenset({"jr", "jnr", "sr", "snr", "esq", "phd", "dphil"})
# A name of more words than this is more likely an organisation or a title run together.
MAX_NAME_WORDS = 5
# No word of a name is longer than this (a hostile input's 10 MB "word" is not a name).
MAX_NAME_WORD_LENGTH = 40
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-]*$")
# "J.", "J", "K.J." and, before a surname, "LK" in "LK Advani": initials, not given names written out.
_INITIAL = re.compile(r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,3}|[A-Z]{2,3})$")
_TOKEN = re.compile(r"\S+")


ARABIC_ARTICLE = re.compile(rf"(?:{'|'.join(ARABIC_ARTICLES)})-(?=[A-Z])")
_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def is_romanised_given(word: str) -> bool:
    """ "Min-jun" of "Kim Min-jun", "Mei-ling" of "Chen Mei-ling": a romanised given name, written after the
    surname, its second syllable in lower case (no hyphenated surname's is). Twins "Min-jun" and "Min-jin"
    are not one name misspelt: such given names are never compared."""
    return _ROMANISED_GIVEN.fullmatch(word) is not None


def spelling(name: str) -> str:
    """A name up to case and apostrophe style: what counts as the same spelling."""
    return name.casefold().replace("’", "'")


@dataclass(frozen=True, slots=True)
class NamePart:
    """One word of a name as written, at ``text[start:end]`` in the document."""

    text: str
    start: int
    end: int
    capital_particle: bool = False  # "Van" of "Van der Berg said": a particle, capitalised to open the name

    @property
    def is_initial(self) -> bool:
        return bool(_INITIAL.match(self.text))

    @property
    def is_particle(self) -> bool:
        return self.capital_particle or self.text in PARTICLES


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name as written: given names (may be empty) and a surname."""

    given: tuple[NamePart, ...]
    surname: NamePart
    cue: str  # "ner", "title" or "attribution": what showed this is a person

    @property
    def start(self) -> int:
        # A surname written first ("Chen Mei-ling") starts the name; a given name first, it does.
        return min(self.given[0].start, self.surname.start) if self.given else self.surname.start

    @property
    def end(self) -> int:
        return max(self.given[-1].end, self.surname.end) if self.given else self.surname.end

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


@cache
def _surname_ranks() -> dict[str, int]:
    return {name: rank for rank, name in enumerate(load_lines("name_surnames.txt"), 1)}


def surname_count() -> int:
    return len(_surname_ranks())


def surname_rank(name: str) -> int | None:
    """The surname's rank among the 1990 US Census surnames (1 is the most common), or None if unlisted."""
    return _surname_ranks().get(re.sub(r"[^a-z]", "", fold(name)))


@cache
def _suffixes() -> frozenset[str]:
    return word_list("name_suffixes.txt")


def is_suffix(word: str) -> bool:
    """ "Jr.", "II", "QC", "MP", "Ph.D.": a word that follows a name and is not part of it."""
    plain = word.replace(".", "")
    folded = fold(plain)
    if folded not in _suffixes():
        return False
    return plain.isupper() or folded in _MIXED_CASE_SUFFIXES


def title_words() -> frozenset[str]:
    return word_list("name_titles.txt")


@cache
def strippable_words() -> frozenset[str]:
    return word_list("name_titles.txt") | word_list("name_office_words.txt")


@cache
def _leading_words() -> frozenset[str]:
    """Words stripped from the front of a name: titles, offices, roles, and words that open a sentence."""
    return strippable_words() | word_list("name_sentence_words.txt") | word_list("name_roles.txt")


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


# A nickname between given name and surname: William "Red" Ahern, Robert “Bobby” Carlsen, Ana (Nani) Ruiz.
_NICKNAME_OPENS = ("\"", "“", "‘", "'", "(")
_NICKNAME_CLOSES = ("\"", "”", "’", "'", ")")
_MAX_NICKNAME_WORDS = 3


def name_parts(text: str, start: int, end: int) -> list[NamePart]:
    """The run of name-shaped words from ``start``, stopping at ``end``, punctuation or a lowercase word; a
    nickname in quotes or brackets after a given name is passed over."""
    parts: list[NamePart] = []
    nickname_words = 0  # words of an open nickname so far
    for token in _TOKEN.finditer(text, start, end):
        raw = token.group()
        if nickname_words or (parts and raw.startswith(_NICKNAME_OPENS) and raw[1:2].isupper()):
            nickname_words += 1
            if raw.rstrip(",").endswith(_NICKNAME_CLOSES) and (nickname_words > 1 or len(raw) > 2):
                if raw.endswith(","):
                    break  # "William "Red", …": the name ended with the nickname
                nickname_words = 0
            elif nickname_words >= _MAX_NICKNAME_WORDS:
                break  # no closing mark in reach: a quotation, not a nickname
            continue
        word, kept, ends = _clean_word(raw)
        if not word:
            break
        capitalised = word[0].isupper() and bool(_NAME_WORD.match(word.rstrip(".")) or _INITIAL.match(word))
        if not (capitalised or word in PARTICLES or (parts and ARABIC_ARTICLE.match(word))):
            break
        parts.append(NamePart(word, token.start(), token.start() + kept))
        if ends or word.endswith(("'s", "’s", "'", "’")) or len(parts) > MAX_NAME_WORDS + 2:
            break
    return parts


def without_possessive(word: str) -> str:
    """ "Obama's" -> "Obama", "Jones'" -> "Jones": a possessive is the same name."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’")


def mention_from_parts(parts: list[NamePart], cue: str) -> Mention | None:
    """A Mention from a run of words, without its title, suffix and possessive; None if it is no name."""
    strippable = strippable_words()
    leading = _leading_words()
    parts = list(parts)
    # "Sen. Tom Manger" is "Tom Manger"; so is "Then Manger" (a tagger's PERSON span) just "Manger".
    while len(parts) > 1 and fold(parts[0].text.rstrip(".")) in leading:
        parts.pop(0)
    # "Sarah MacLeod QC", "Martin Luther King Jr.", "Sir John Smith KBE QC": the surname comes before.
    while len(parts) > 1 and (parts[-1].is_particle or is_suffix(parts[-1].text)):
        parts.pop()
    while parts and parts[-1].is_particle:
        parts.pop()
    if not parts or len(parts) > MAX_NAME_WORDS or any(len(p.text) > MAX_NAME_WORD_LENGTH for p in parts):
        return None
    last = parts[-1]
    trimmed = without_possessive(last.text)
    if trimmed != last.text:
        last = NamePart(trimmed, last.start, last.start + len(trimmed))
    if last.is_initial or len(last.text) < 2 or not _NAME_WORD.match(last.text):
        return None
    # All-caps words are headline style: their case says nothing, and NER reads them poorly.
    if any(p.text.isupper() and not p.is_initial for p in parts):
        return None
    if len(parts) == 2 and is_romanised_given(last.text) and not parts[0].is_initial and \
            fold(parts[0].text.rstrip(".")) not in strippable:
        return Mention((last,), parts[0], cue)  # "Chen Mei-ling": the surname first (not "Chef Mei-ling")
    if is_romanised_given(last.text):
        return None
    if any(fold(p.text.rstrip(".")) in strippable for p in parts[:-1]):
        return None
    # A title is a surname only after a given name ("John Major", "Tom Hill"; never "Mr President"),
    # or alone as the one who speaks ("Major told parliament").
    if fold(last.text) in strippable and not any(not p.is_initial and not p.is_particle for p in parts[:-1]):
        if not (cue == "attribution" and len(parts) == 1 and fold(last.text) in title_words()):
            return None
    given = parts[:-1]
    # "Van der Berg said", "De la Cruz said": a particle opening a bare surname is capitalised, and is no given
    # name ("Van Morrison" is: a particle is read so only before another, lower-case one).
    if len(given) >= 2 and given[0].text.casefold() in PARTICLES and given[0].text[0].isupper() and \
            given[1].text in PARTICLES:
        given[0] = NamePart(given[0].text, given[0].start, given[0].end, capital_particle=True)
    return Mention(tuple(given), last, cue)
