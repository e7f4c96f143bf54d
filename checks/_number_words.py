"""Reading the numbers a story writes, as numerals or words ("13", "1,200", "thirteen", "a dozen").

The count checks read a simple tokenisation of the text (``tokenise``); ``read_number`` reads the
cardinal number that starts at a token, if one does.

Only ASCII digits are numerals: "²", "₂" and other characters that ``str.isdigit`` accepts are not
(``int`` cannot read them, and "km²" is not a count). A numeral longer than ``MAX_NUMERAL_DIGITS``
digits is not read at all: it is no head count, and ``int``/``float`` fail or overflow on it.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from ._lazy_pattern import lazy

_TOKEN = lazy(r"(?:[A-Za-z]\.){2,}|[0-9][0-9,]*(?:\.[0-9]+)?|[A-Za-z]+(?:[-'’][A-Za-z]+)*(?:['’]s|s['’])?|\S")
# Twelve digits reach a trillion: more than any group a story counts, few enough for int() and float().
MAX_NUMERAL_DIGITS = 12

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD_STARTS = {*_UNITS, "a", "half", "dozen"}  # with the tens, every word a count can begin with


# A NamedTuple, not a frozen dataclass: building a dataclass costs about a millisecond at import, which
# every run that lints a story pays.
class Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str  # casefolded once: every token is compared with the word lists several times


def tokenise(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), word, word.casefold()) for m in _TOKEN.finditer(text) for word in [m.group()]]


def is_numeral(text: str) -> bool:
    """Whether ``text`` starts with an ASCII digit ("²" and "٣" do not: only 0-9 are numerals here)."""
    return "0" <= text[:1] <= "9"


def word_value(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS and _UNITS[unit] < 10:
        return _TENS[tens] + _UNITS[unit]
    return None


def numbers_in(tokens: list[Token]) -> Iterator[tuple[int, int, int]]:
    """(index, value, index past the number) of every cardinal number in ``tokens``, in order."""
    index = 0
    while index < len(tokens):
        number = read_number(tokens, index)
        if number is None:
            index += 1
            continue
        yield index, number[0], number[1]
        index = number[1]


def read_number(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """(value, index past the number) for a cardinal number starting at ``index``."""
    token = tokens[index]
    numeral = is_numeral(token.text)
    if not numeral and token.lower not in _NUMBER_WORD_STARTS \
            and token.lower.partition("-")[0] not in _TENS:
        return None  # most tokens: not a number, settled without building anything
    value: int | None
    words = [t.lower for t in tokens[index:index + 3]]
    if words[:2] == ["a", "dozen"]:
        return 12, index + 2
    if words == ["half", "a", "dozen"]:
        return 6, index + 3
    if numeral:
        digits = token.text
        if sum(char.isdigit() for char in digits) > MAX_NUMERAL_DIGITS:
            return None
        if "," in digits and not re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", digits):
            return None
        if "." in digits:  # "1.5" counts nothing unless a multiplier follows ("1.5 million")
            following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
            if following not in MULTIPLIERS:
                return None
            return int(float(digits) * MULTIPLIERS[following]), index + 2
        value = int(digits.replace(",", ""))
        if "," not in digits and len(digits) == 4 and 1000 <= value <= 2099:
            return None  # a year ("the 1996 Olympics")
    else:
        lower = token.lower
        value = 12 if lower == "dozen" else word_value(lower)
        if value is None:
            return None
    end = index + 1
    while end < len(tokens) and tokens[end].lower in {*MULTIPLIERS, "dozen"}:
        value *= 12 if tokens[end].lower == "dozen" else MULTIPLIERS[tokens[end].lower]
        end += 1
    return value, end
