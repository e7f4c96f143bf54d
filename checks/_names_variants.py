"""When one spelling of a name looks like a slip of the keyboard for another.

A copy editor does not flag every pair of similar names: "Reid" and "Reed" are both real surnames.
What gives a misspelling away is the *kind* of difference. Reporters transpose letters, double or
undouble them, swap one vowel for another, drop a letter, add or drop a final letter, write Mac for
Mc, or lose an accent. They rarely get the first letter wrong, and a difference on a very short name
says little. This module names the pattern a pair follows, or says there is none.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, Iterable, Iterator

VOWELS: Final = frozenset("aeiouy")
# Below this length one changed letter makes a different name too often ("Dan"/"Don", "Kerr"/"Carr").
MIN_LENGTH: Final = 4
# A dropped letter in the middle of a short name is as often another name ("Johnson"/"Johnston" is 7).
MIN_LENGTH_DROPPED: Final = 6
# Jaro-Winkler floor, a sanity gate on top of the patterns: it favours names that agree at the start.
# Only for short names: from six letters on, Jaro's greedy matching alone can sink a one-letter slip
# under it when the changed vowel recurs ("Howard"/"Haward" scores 0.84), and the patterns suffice.
MIN_JARO_WINKLER: Final = 0.85
MAX_LENGTH_JARO_WINKLER: Final = 5

# Letters that sound the same, which reporters writing from a voice recording confuse ("Kovac"/"Kovak").
SOUND_ALIKE: Final = ({"c", "k"}, {"s", "z"})
MIN_LENGTH_SOUND_ALIKE: Final = 5

PATTERN_DIACRITICS: Final = "missing diacritics"
PATTERN_MAC: Final = "Mc/Mac"
# A letter dropped from a five-letter name ("Brown"/"Bown"), or a doubled one undoubled in a
# four-letter name ("Hill"/"Hil"): a slip only when the story shows one person is meant, so the
# check asks for more evidence than for the other patterns.
PATTERN_SHORT_DROPPED: Final = "dropped letter (short name)"
# The doubling on the wrong letter ("Phillipe"/"Philippe", "Harisson"/"Harrison").
PATTERN_MOVED_DOUBLE: Final = "doubling moved"
# Demonyms add a final "i" to a country's name ("Israel"/"Israeli", "Iraq"/"Iraqi"): never a slip.
_DEMONYM_ENDINGS: Final = frozenset("i")
# Slavic surnames take a final "a" for a woman: "Ivanov"/"Ivanova", "Kovalenkov"/"Kovalenkova", "Putin"/"Putina".
_FEMININE_STEMS: Final = ("ov", "ev", "in", "yn")
# Polish and Czech surnames change their last vowel for a woman: "Kowalski"/"Kowalska", "Novotný"/"Novotná".
_FEMININE_ENDINGS: Final = {frozenset("ia"): ("sk", "ck", "dzk"), frozenset("ya"): ("sk", "ck", "n", "t")}
# Longer names than this are not names (a hostile input's 10 MB "word"): they are never compared.
MAX_NAME_LENGTH: Final = 40


# Bounds for the memo tables: a long-running process (an editor plugin) lints many stories.
_MEMO_SIZE: Final = 1 << 16


@lru_cache(maxsize=_MEMO_SIZE)
def fold(name: str) -> str:
    """Case-folded, with accents removed: the form two spellings are compared in."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


# "Omar al-Hashimi", "Nabil el-Arabi", "Nabil ad-Darwish": the article joined to a surname, in lower case.
ARABIC_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "ed", "er", "es", "et")


def without_article(key: str) -> str | None:
    """ "hashimi" for the key "al-hashimi"; None for a surname with no article."""
    article, hyphen, rest = key.partition("-")
    return rest if hyphen and rest and article in ARABIC_ARTICLES else None


def has_diacritics(name: str) -> bool:
    return fold(name) != name.casefold().replace("’", "'")


@lru_cache(maxsize=_MEMO_SIZE)
def misspelling_pattern(first: str, second: str) -> str | None:
    """The misspelling pattern that turns one form into the other, or None if they are not variants.

    Forms that differ only in case, or by a final "s" (a plural, or a possessive without its
    apostrophe), are the same name and have no pattern.
    """
    if first.casefold() == second.casefold():
        return None
    a, b = fold(first), fold(second)
    # "al-Qahtani" and "Qahtanni": the article is written or left out, so the slip is in the rest.
    bare_a, bare_b = without_article(a) or a, without_article(b) or b
    if (bare_a, bare_b) != (a, b):
        if bare_a == bare_b:
            return None
        a, b = bare_a, bare_b
    if a == b:
        return PATTERN_DIACRITICS
    if _mac_to_mc(a) == _mac_to_mc(b):
        return PATTERN_MAC
    shorter, longer = sorted((a, b), key=len)
    if len(longer) == MIN_LENGTH and len(shorter) == MIN_LENGTH - 1 and shorter in _undoubled(longer):
        return PATTERN_SHORT_DROPPED  # "Hill"/"Hil", "Peel"/"Pel": as strict as a five-letter name
    if len(shorter) < MIN_LENGTH or shorter[0] != longer[0] or len(longer) > MAX_NAME_LENGTH:
        return None
    # Imported here: the credits and captions of orphan-caption read names through this package without rapidfuzz.
    from rapidfuzz.distance import OSA, JaroWinkler

    if len(shorter) <= MAX_LENGTH_JARO_WINKLER and JaroWinkler.similarity(a, b) < MIN_JARO_WINKLER:
        return None
    if len(a) == len(b) and _moved_double(a, b):
        return PATTERN_MOVED_DOUBLE
    if OSA.distance(a, b) != 1:
        return None
    if len(a) == len(b):
        return _same_length_pattern(a, b)
    return _one_letter_more_pattern(shorter, longer)


_MAC = re.compile(r"^mac(?=\w)")


def _undoubled(name: str) -> set[str]:
    """``name`` with one letter of a doubled pair removed, for each doubled pair."""
    return {name[:i] + name[i + 1 :] for i in range(len(name) - 1) if name[i] == name[i + 1] and name[i].isalpha()}


def _moved_double(a: str, b: str) -> bool:
    """ "Phillipe" / "Philippe": each has one doubled letter, and undoubling both gives one spelling."""
    return a != b and bool(_undoubled(a) & _undoubled(b))


def _mac_to_mc(name: str) -> str:
    return _MAC.sub("mc", name)


def _same_length_pattern(a: str, b: str) -> str | None:
    differences = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differences) == 2:  # OSA distance 1 with two differing places: an adjacent swap
        return "transposed letters"
    (index,) = differences
    stems = _FEMININE_ENDINGS.get(frozenset((a[index], b[index]))) if index == len(a) - 1 else None
    if stems and a.endswith(stems, 0, index):
        return None  # "Kowalski"/"Kowalska", "Novotný"/"Novotná": husband and wife, not a slip
    if a[index] in VOWELS and b[index] in VOWELS:
        return "vowel swap"
    if {a[index], b[index]} in SOUND_ALIKE and len(a) >= MIN_LENGTH_SOUND_ALIKE:
        return "sound-alike letter"
    return None  # any other consonant for a consonant is as often another name ("Hart"/"Hunt", "Reid"/"Reed")


def _one_letter_more_pattern(shorter: str, longer: str) -> str | None:
    for index in range(len(longer)):
        if longer[:index] + longer[index + 1 :] != shorter:
            continue
        letter = longer[index]
        if index == len(longer) - 1 and letter == "s":
            return None  # "Obamas", "Williams"/"William": a plural, or another name, never a typo to flag
        if (index > 0 and longer[index - 1] == letter) or (index + 1 < len(longer) and longer[index + 1] == letter):
            return "doubled letter"
        if index == len(longer) - 1:
            if letter == "n" and longer[index - 1] in "aei":
                return None  # "Lanka"/"Lankan", "Korea"/"Korean": a demonym, not a slip
            if letter in _DEMONYM_ENDINGS and longer[index - 1] not in VOWELS:
                return None  # "Israel"/"Israeli", "Iraq"/"Iraqi"
            if letter == "a" and shorter.endswith(_FEMININE_STEMS):
                return None  # "Kovalenkov"/"Kovalenkova", "Petrov"/"Petrova": husband and wife, not a slip
            return "final letter"
        if not letter.isalpha():
            return None
        if len(longer) >= MIN_LENGTH_DROPPED:
            return "dropped letter"
        if len(longer) == MIN_LENGTH_DROPPED - 1:
            return PATTERN_SHORT_DROPPED
        return None
    return None


# A bucket of the index holds at most this many names. Real copy never comes near it (a bucket holds
# the names one deletion away from one string); a hostile list of near-identical names would make
# every look-up compare with all of them.
_BUCKET_SIZE: Final = 16


def _index_forms(name: str) -> set[str]:
    folded = fold(name)
    if not folded or len(folded) > MAX_NAME_LENGTH:
        return set()
    return {folded, _mac_to_mc(folded), without_article(folded) or folded}


def _deletion_keys(name: str) -> set[str]:
    """``name`` and every string one letter shorter: two names one edit apart share one of these."""
    keys = {name}
    keys.update(name[:i] + name[i + 1 :] for i in range(len(name)))
    return keys


class VariantIndex:
    """Names filed under their deletion neighbourhood, to find a word's variants without scanning.

    Every pattern relates two names that share a key: a name, or the name less one letter (a
    changed, dropped, added or transposed letter, and a doubling moved from one letter to another,
    all leave one string both can reach). Mc/Mac is filed under the Mc form too. A word is compared
    only with the few names that share a key with it, so a look-up costs the same in a short story
    and in a long one.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._buckets: dict[str, list[str]] = {}
        for name in dict.fromkeys(names):  # unique, in first-seen order
            for form in _index_forms(name):
                for key in _deletion_keys(form):
                    bucket = self._buckets.setdefault(key, [])
                    if len(bucket) < _BUCKET_SIZE and (not bucket or bucket[-1] != name):
                        bucket.append(name)

    def variants(self, word: str) -> Iterator[tuple[str, str]]:
        """(name, pattern) for each indexed name that ``word`` is a variant of (in no set order)."""
        seen: set[str] = set()
        for form in _index_forms(word):
            for key in _deletion_keys(form):
                for name in self._buckets.get(key, ()):
                    if name in seen:
                        continue
                    seen.add(name)
                    pattern = misspelling_pattern(word, name)
                    if pattern is not None:
                        yield name, pattern

    def has_variant(self, word: str) -> bool:
        return next(self.variants(word), None) is not None
