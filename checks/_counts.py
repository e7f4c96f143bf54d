"""Finding the counts a story gives for groups ("one of the 13 officials"), and the lists that name them.

Shared by count-claim and count-mismatch. No NLP: a count is a number (digits or words, "a dozen")
followed by at most two modifiers and a plural noun, read from a simple tokenisation of the text;
word lists in ``data/count_*.txt`` keep out numbers that measure rather than count ("50 metres",
"three decades", "two goals"), and a frequency after the noun makes a rate, not a group ("the 40 cars
sold each day"). Enumerations are read from the raw text, name by name. ``analyse_counts`` does the
whole reading once per text, for both checks, in time proportional to the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ._dates import MONTH_WORDS
from ._phrases import load_sections

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:[-'’][A-Za-z]+)*(?:['’]s|s['’])?|\S")

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD_STARTS = {*_UNITS, "a", "half", "dozen"}  # with the tens, every word a count can begin with
_CURRENCY = {"$", "£", "€", "¥", "₹", "us$", "a$", "c$", "nz$", "hk$", "rs", "usd", "aud", "eur", "gbp"}
# Words that glue a number to something else: "3-1", "24/7", "10:30", "13%", "No. 3".
_GLUE = {"-", "–", "—", "/", ":", "%", ".", "+", "#", "×", "x"}
_DETERMINERS = {"the", "all", "these", "those", "its", "their", "his", "her", "our", "your", "my", "both"}
# Before the number, inside the group's name: "the other 12 officials" is not "the 13 officials".
_PREMODIFIERS = {
    "other", "remaining", "first", "last", "top", "next", "final", "previous", "original", "same", "additional",
    "further", "entire", "full", "past", "latest", "initial", "only", "surviving", "current", "former", "new",
}
_WINDOW_WORDS = {"last", "past", "next", "first", "top", "final", "previous", "latest", "initial"}
# A number after these names a place in a sequence: "game 5 of the series", "stage 3 of the 21".
_SEQUENCE_WORDS = {"game", "stage", "round", "day", "week", "section", "article", "chapter", "rule", "level",
                   "leg", "part", "number", "no", "page", "step", "phase", "race", "match", "heat", "lap"}
_QUANTIFIERS = {"each", "all", "none", "most", "some", "several", "many", "half", "both", "any", "few", "either",
                "neither", "majority", "one", "every"}
# A number after these is an estimate or a bound, not a stated size ("more than 100 people").
_APPROXIMATE_BEFORE = {
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under", "than",
    "least", "most", "estimated", "upwards", "between", "perhaps", "maybe", "possibly",
    "potentially", "circa", "c.", "est", "just", "within", "below", "above", "barely", "only",
}
_APPROXIMATE_AFTER = re.compile(
    r"\s*(?:or\s+(?:more|so|fewer|less|two|three|four|five|\d)|odd\b|plus\b|\+|to\s+\d|-\s*\d)", re.I
)
# Words that stop a noun phrase: "the three were", "13 of them".
_STOPWORDS = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "nor", "as",
    "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "this", "that", "these",
    "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "us", "our", "you", "i",
    "who", "whom", "whose", "which", "what", "when", "where", "while", "why", "how", "than", "then", "also",
    "all", "each", "both", "some", "more", "most", "less", "least", "such", "so", "very", "too", "just", "only",
    "said", "says", "say", "told", "tells", "remain", "remains", "became", "become", "becomes", "seems", "seem",
    "got", "get", "gets", "went", "goes", "go", "came", "comes", "made", "makes", "took", "takes", "into",
    "onto", "about", "after", "before", "since", "until", "over", "under", "between", "among", "against",
    "through", "during", "without", "within", "per", "out", "up", "down", "off", "again", "ago", "away",
    "always", "sometimes", "perhaps", "thus", "yes", "plus", "unless", "whereas", "across", "besides",
    "afterwards", "towards", "nevertheless", "there", "here", "if", "because", "though", "although", "whether",
    "either", "neither", "yet", "still", "even", "ever", "never", "now", "later", "earlier", "yesterday",
    "today", "tomorrow", "tonight", "apiece", "percent", "cent", "times", "a.m", "p.m",
}
_IRREGULAR_PLURALS = {
    "people", "men", "women", "children", "police", "personnel", "staff", "crew", "cattle", "sheep",
    "aircraft", "clergy", "deer", "folk", "kin", "offspring", "militia", "infantry", "cavalry", "youth",
}
# After the noun, words that narrow the group to a subset ("the 12 officials who signed …", "the 38
# passengers on the second bus"): such a mention need not agree with a count of the whole group.
_RESTRICTING_WORDS = {
    "who", "whom", "whose", "that", "which", "where", "when", "whereby", "from", "in", "at", "on", "of",
    "with", "without", "for", "by", "aboard", "inside", "outside", "under", "among", "near", "across",
    "around", "during", "after", "before", "since", "behind", "beyond", "involved", "concerned", "still",
    "left", "remaining", "named", "listed", "accused", "charged", "to", "like", "such", "including",
}
_ANCHOR_PREPOSITIONS = {"from", "of", "in", "at", "representing"}
# A count followed in its clause by a frequency is a rate, not a group: "the 600 babies born weekly",
# "the 40 cars sold each day", "the 300 trucks that cross every year".
_RATE_WORDS = {"daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "quarterly", "biweekly",
               "fortnightly"}
_RATE_LEADS = {"a", "an", "each", "every", "per"}
_RATE_PERIODS = {"day", "week", "month", "year", "hour", "night", "minute", "season", "fortnight"}
# "a year" is a frequency only where it closes the clause ("sold a year."), and not after words that make
# it a stretch of time ("for a year."): "jailed a year ago", "given a year in jail" keep their count.
_NOT_A_RATE_BEFORE = {"for", "over", "within", "than", "after", "about", "nearly", "almost", "half", "last", "to",
                      "in", "under"}
_CLAUSE_ENDS = {",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "\"", "“", "”"}
_RATE_REACH = 10  # tokens after the count's noun


@lru_cache(maxsize=None)
def _nouns_not_counting_groups() -> frozenset[str]:
    return frozenset(word.casefold() for word in load_sections("count_nouns.txt")["not-a-group"])


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str  # casefolded once: every token is compared with the word lists several times


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), word, word.casefold()) for m in _TOKEN.finditer(text) for word in [m.group()]]


@dataclass(frozen=True, slots=True)
class GroupCount:
    """A number that states the size of a group, and how the story says it.

    ``start:end`` spans the count and its noun ("13 officials"), or the count alone when the noun is
    left out ("six of the 15 on board"). ``kind`` is "partitive" ("one of the 13 officials"), "among"
    ("among the 40 passengers"), "definite" ("the 13 officials", "all three communities") or "bare"
    ("police chiefs from three communities"). ``key`` names the group for comparing two mentions:
    the noun with the modifiers around the number ("other officials").
    """

    start: int
    end: int
    value: int
    noun: str | None
    key: str | None
    kind: str
    definite: bool
    determiner: str | None  # "the", "all", "their", "company's" …
    approximate: bool
    round_figure: bool  # "a dozen", "half a dozen": often meant loosely
    part: int | None  # the X of "X of the Y", when X is a number
    part_start: int | None
    window: bool  # "the last nine games", "Poland's top five brewers": a slice of a sequence
    bare_reference: bool  # nothing after the noun narrows the group ("the 13 officials were …")
    anchor: tuple[str, str] | None  # ("chiefs", "from") in "police chiefs from three communities"

    def quote(self, text: str) -> str:
        return " ".join(text[self.start:self.end].split())


def _word_value(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS and _UNITS[unit] < 10:
        return _TENS[tens] + _UNITS[unit]
    return None


def _read_number(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    """(value, index past the number) for a cardinal number starting at ``index``."""
    token = tokens[index]
    if not token.text[0].isdigit() and token.lower not in _NUMBER_WORD_STARTS \
            and token.lower.partition("-")[0] not in _TENS:
        return None  # most tokens: not a number, settled without building anything
    value: int | None
    words = [t.lower for t in tokens[index:index + 3]]
    if words[:2] == ["a", "dozen"]:
        return 12, index + 2
    if words == ["half", "a", "dozen"]:
        return 6, index + 3
    if token.text[0].isdigit():
        digits = token.text
        if "," in digits and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
            return None
        if "." in digits:  # "1.5" counts nothing unless a multiplier follows ("1.5 million")
            following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
            if following not in _MULTIPLIERS:
                return None
            return int(float(digits) * _MULTIPLIERS[following]), index + 2
        value = int(digits.replace(",", ""))
        if "," not in digits and len(digits) == 4 and 1000 <= value <= 2099:
            return None  # a year ("the 1996 Olympics")
    else:
        lower = token.lower
        value = 12 if lower == "dozen" else _word_value(lower)
        if value is None:
            return None
    end = index + 1
    while end < len(tokens) and tokens[end].lower in {*_MULTIPLIERS, "dozen"}:
        value *= 12 if tokens[end].lower == "dozen" else _MULTIPLIERS[tokens[end].lower]
        end += 1
    return value, end


def _is_plural_noun(word: str) -> bool:
    lower = word.casefold().replace("’", "'")
    if lower.endswith("'s") or lower.endswith("s'"):
        lower = lower[:-2] if lower.endswith("'s") else lower[:-1]
    if lower in _STOPWORDS or not re.fullmatch(r"[a-z][a-z'-]*", lower):
        return False
    if lower in _IRREGULAR_PLURALS or lower.endswith("men"):
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


def _base(word: str) -> str:
    lower = word.casefold().replace("’", "'")
    if lower.endswith("'s"):
        return lower[:-2]
    return lower.rstrip("'")


def _is_modifier(token: _Token) -> bool:
    lower = token.lower
    return (
        bool(re.fullmatch(r"[a-z][a-z-]*[a-z]|[A-Z][A-Za-z-]*|(?:[A-Z]\.){2,}", token.text, re.I))
        and (lower not in _STOPWORDS or token.text.isupper())
        and _word_value(lower) is None
        and lower not in _MULTIPLIERS
        and lower not in MONTH_WORDS
        and not _is_plural_noun(token.text)
    )


def _noun_after(tokens: list[_Token], index: int) -> tuple[int, list[str]] | None:
    """(index of the plural noun, modifiers before it) when a noun phrase starts at ``index``."""
    modifiers: list[str] = []
    for position in range(index, min(index + 3, len(tokens))):
        token = tokens[position]
        if _is_plural_noun(token.text):
            return position, modifiers
        if not _is_modifier(token):
            return None
        modifiers.append(token.lower)
    return None


def _is_identifier_before(token: _Token) -> bool:
    """"Flight 93", "Route 66", "No. 3": a capitalised word that names the number rather than counting."""
    return token.text[0].isupper() and token.lower not in _STOPWORDS and token.lower not in _QUANTIFIERS \
        and token.lower not in _PREMODIFIERS and token.lower not in _APPROXIMATE_BEFORE \
        and token.lower not in {"among", "amongst", "only", "nearly", "just"}


def find_group_counts(text: str) -> list[GroupCount]:
    """Every number in the text that states how many members a group has, in order."""
    tokens = _tokens(text)
    not_groups = _nouns_not_counting_groups()
    counts: list[GroupCount] = []
    index = 0
    while index < len(tokens):
        number = _read_number(tokens, index)
        if number is None:
            index += 1
            continue
        value, after = number
        found = _group_count(text, tokens, index, after, value, not_groups)
        if found is not None:
            counts.append(found)
        index = after
    return counts


def _group_count(
    text: str,
    tokens: list[_Token],
    first: int,
    after: int,
    value: int,
    not_groups: frozenset[str],
) -> GroupCount | None:
    before = tokens[first - 1] if first > 0 else None
    following = tokens[after] if after < len(tokens) else None
    adjacent_before = before is not None and before.end == tokens[first].start
    adjacent_after = following is not None and following.start == tokens[after - 1].end
    if before is not None and (before.lower in _CURRENCY or (adjacent_before and before.text in _GLUE)):
        return None
    if following is not None and following.text in _GLUE and (adjacent_after or following.text in {"%", "/", "-"}):
        return None
    # "13 of the officials": the number is the part; the whole is read from its own count.
    if following is not None and following.lower in {"of", "percent", "per"}:
        return None
    if before is not None and (before.lower in MONTH_WORDS or before.lower in {"aged", "age", "ages", "no", "number"}):
        return None
    if before is not None and _is_identifier_before(before) and before.text not in {"A", "An"}:
        return None
    # A spelt-out "one" is a pronoun or an article far more often than a count ("one official said").
    if value < 2:
        return None

    noun = _noun_after(tokens, after)
    noun_token = tokens[noun[0]] if noun else None
    if noun_token is not None and _base(noun_token.text) in not_groups:
        return None
    if noun_token is None and following is not None and _base(following.text) in not_groups:
        return None

    # Walk back over the determiner and the words that make this a partitive or "among" count.
    position = first - 1
    premodifiers: list[str] = []
    if position >= 0 and tokens[position].lower in _PREMODIFIERS:
        premodifiers.append(tokens[position].lower)
        position -= 1
    definite = False
    determiner: str | None = None
    if position >= 0 and (tokens[position].lower in _DETERMINERS or _is_possessive(tokens[position])):
        definite, determiner = True, tokens[position].lower
        position -= 1
    approximate = _is_approximate(text, tokens, first, after)
    kind = "bare"
    part: int | None = None
    part_start: int | None = None
    if position >= 1 and tokens[position].lower == "of":
        x_number = _read_number_ending_at(tokens, position - 1)
        if x_number is not None:
            kind, part, part_start = "partitive", x_number[0], x_number[1]
        elif tokens[position - 1].lower in _QUANTIFIERS:
            kind = "partitive"
    elif position >= 0 and tokens[position].lower in {"among", "amongst"}:
        kind = "among"
    elif definite:
        kind = "definite"

    start = tokens[first].start
    if noun_token is not None:
        end = noun_token.end - (2 if noun_token.text.casefold().replace("’", "'").endswith("'s") else 0)
        end -= 1 if noun_token.text.endswith(("'", "’")) else 0
        modifiers = noun[1]
        key = " ".join([*premodifiers, *modifiers, _base(noun_token.text)])
        next_index = noun[0] + 1
        noun_text: str | None = _base(noun_token.text)
    else:
        end = tokens[after - 1].end
        key = None
        next_index = after
        noun_text = None
    if _rate_follows(tokens, next_index):
        return None
    bare_reference = _is_bare_reference(tokens, next_index if next_index < len(tokens) else None)
    anchor = None
    if kind == "bare" and not definite and first >= 2:
        preposition, head = tokens[first - 1], tokens[first - 2]
        if preposition.lower in _ANCHOR_PREPOSITIONS and _is_plural_noun(head.text):
            anchor = (head.lower, preposition.lower)
    return GroupCount(
        start=start,
        end=end,
        value=value,
        noun=noun_text,
        key=key,
        kind=kind,
        definite=definite,
        determiner=determiner,
        approximate=approximate,
        round_figure=_is_round_figure(tokens, first),
        part=part,
        part_start=part_start,
        window=bool(_WINDOW_WORDS.intersection(premodifiers)),
        bare_reference=bare_reference,
        anchor=anchor,
    )


def _rate_follows(tokens: list[_Token], index: int) -> bool:
    """Whether a frequency ("weekly", "each day", "a year") follows ``index`` within the same clause."""
    for position in range(index, min(index + _RATE_REACH, len(tokens))):
        word = tokens[position].lower
        if word in _CLAUSE_ENDS:
            return False
        if tokens[position].text in _RATE_WORDS:  # lower case: "the Daily Telegraph" is a name
            return True
        if word in _RATE_LEADS and position + 1 < len(tokens) and tokens[position + 1].text in _RATE_PERIODS:
            if word not in {"a", "an"}:
                return True  # "each day", "every year", "per month"
            before = tokens[position - 1].lower if position > 0 else ""
            after = tokens[position + 2].lower if position + 2 < len(tokens) else ""
            if before not in _NOT_A_RATE_BEFORE and (after in _CLAUSE_ENDS or after in {"", "and", "or", "but"}):
                return True
    return False


def _is_bare_reference(tokens: list[_Token], index: int | None) -> bool:
    """Whether nothing after the group's noun narrows it: "the 13 officials met" is the whole group,
    "the 12 officials who signed" and "the 38 passengers rescued from the bus" may be a part."""
    if index is None:
        return True
    word = tokens[index].lower
    if word in _RESTRICTING_WORDS:
        return False
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    participle = word.endswith(("ed", "ing", "en")) or word in {"held", "hurt", "killed", "shot", "caught"}
    return not (participle and (following in _RESTRICTING_WORDS or following in {"by", "as", "while", "if"}))


def _is_round_figure(tokens: list[_Token], first: int) -> bool:
    """"a dozen", "half a dozen": a stated size, but one often meant loosely."""
    return tokens[first].lower in {"a", "half"} or (
        tokens[first].lower == "dozen" and first > 0 and tokens[first - 1].lower == "a")


def _is_possessive(token: _Token) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][\w-]*(?:['’]s|s['’])", token.text))


def _read_number_ending_at(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    """(value, start offset) of a number whose last token is ``index`` ("two" in "two of the three")."""
    for first in range(max(index - 2, 0), index + 1):
        number = _read_number(tokens, first)
        if number is not None and number[1] == index + 1:
            before = tokens[first - 1] if first > 0 else None
            if before is not None and (
                before.lower in _CURRENCY
                or (before.text in _GLUE and before.end == tokens[first].start)
                or before.lower in _SEQUENCE_WORDS
                or _is_identifier_before(before)
            ):
                return None  # "$5 of the 20", "Game 5 of the 7", "Article 5 of the …": not a part of a group
            return number[0], tokens[first].start
    return None


def _is_approximate(text: str, tokens: list[_Token], first: int, after: int) -> bool:
    before = [t.lower for t in tokens[max(first - 2, 0):first]]
    if before and before[-1] in _APPROXIMATE_BEFORE:
        return True
    # The upper end of a range: "two or three", "10 to 15", "between 10 and 20".
    if len(before) == 2 and before[-1] in {"or", "to", "and"} and _read_number(tokens, first - 2) is not None:
        return True
    if len(before) == 2 and before == ["as", "many"]:
        return True
    # "2.5 million cars", "140 million people": population-scale figures are estimates, not head counts.
    if any(t.lower in {"million", "billion"} for t in tokens[first:after]):
        return True
    return bool(_APPROXIMATE_AFTER.match(text, tokens[after - 1].end))


# ---------------------------------------------------------------------------------------------------
# Enumerations: "Aurora, Colo.; Oak Creek, Wis. and Newtown, Conn."


@dataclass(frozen=True, slots=True)
class Enumeration:
    """A closed list of names (``text[start:end]``), joined by commas or semicolons and a final and/or.

    ``sizes`` holds every size the list can be read as: "Armenia, Georgia and Azerbaijan" is three
    countries or two places ("Armenia" and "Georgia" as in "Tbilisi, Georgia"), so its sizes are {2, 3}.
    ``items`` are the names in the first reading.
    """

    start: int
    end: int
    items: tuple[str, ...]
    sizes: frozenset[int]

    @property
    def size(self) -> int | None:
        """The number of names, when the list can be read only one way."""
        return next(iter(self.sizes)) if len(self.sizes) == 1 else None


@dataclass(frozen=True)
class _ListWords:
    region_abbreviations: frozenset[str]
    regions: frozenset[str]  # casefolded
    joined_names: tuple[str, ...]
    abbreviation_suffix: re.Pattern[str]  # ", Colo."
    region_suffix: re.Pattern[str]  # ", Maryland"


# The space after a list's comma, which may be a hard line wrap but not a paragraph break.
_LIST_SPACE = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _list_words() -> _ListWords:
    sections = load_sections("count_lists.txt")
    abbreviations, regions = sections["region-abbreviation"], sections["region"]
    return _ListWords(
        region_abbreviations=frozenset(abbreviations),
        regions=frozenset(r.casefold() for r in regions),
        joined_names=tuple(sorted(sections["joined-name"], key=len, reverse=True)),
        abbreviation_suffix=re.compile(rf",{_LIST_SPACE}(?:{_alternation(abbreviations)})(?![\w.])"),
        region_suffix=re.compile(rf",{_LIST_SPACE}(?:{_alternation(regions)})(?![\w])"),
    )


_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’&.-]*")
_NAME_CONNECTORS = re.compile(
    r"\s+(?:(?:of|de|da|del|della|di|du|des|la|le|van|von|der|den|al|el|bin|ibn|y|upon|on|the)\s+)*(?=[A-Z])"
)
# Abbreviations that a name goes on after ("St. Louis", "J. Thomas Manger", "Mt. Hood").
_CONTINUING_ABBREVIATION = re.compile(
    r"(?:[A-Z]|St|Ste|Mt|Ft|Pt|Dr|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Sgt|Capt|Maj|Cmdr|Adm|Mr|Mrs|Ms|Messrs|Prof"
    r"|Rev|Pres|Gens)\."
)
# An age or a party and state after a name: "John Smith, 24," "Joe Lieberman, I-Conn.".
_PERSONAL_SUFFIX = re.compile(rf",{_LIST_SPACE}(?:\d{{1,3}}(?=[,;)\s])|[RDI]-[A-Z][\w.]*)")
_SEPARATOR = re.compile(rf"(?P<punct>[;,])?(?P<space>{_LIST_SPACE})?(?:(?P<conj>and|or){_LIST_SPACE})?", re.I)
# What may follow a complete list; a spaced hyphen closes a list set off by dashes ("members - A and B - played").
_LIST_CLOSE = re.compile(r"\s*(?:$|[.,;:)!?\"”’—–]|--)|[ \t]+-[ \t]")
# After a list ending in an abbreviation's full stop: a new sentence, or the end of the line.
_SENTENCE_AFTER_ABBREVIATION = re.compile(r"\s+[A-Z]|\s*\n")
_LIST_GOES_ON = re.compile(r",\s+(?:the\s+)?[A-Z]")
_EXAMPLES_FOLLOW = re.compile(
    r",?\s*(?:among others|and others|and so on|and so forth|etc\b|et al\b|for example|for instance)", re.I
)


def _read_name(text: str, position: int) -> int | None:
    """End of a capitalised name starting at ``position`` ("Oak Creek", "J. Thomas Manger of Montgomery County")."""
    for joined in _list_words().joined_names:
        if text.startswith(joined, position) and not text[position + len(joined):position + len(joined) + 1].isalnum():
            return position + len(joined)
    start = position
    if text.startswith("the ", position):
        position += 4
    match = _CAPITALISED_WORD.match(text, position)
    if match is None:
        return None
    end = match.end()
    while True:
        word = text[match.start():match.end()]
        if word.endswith(".") and not _CONTINUING_ABBREVIATION.fullmatch(word):
            break
        connector = _NAME_CONNECTORS.match(text, end)
        if connector is None:
            break
        following = _CAPITALISED_WORD.match(text, connector.end())
        if following is None or following.group().rstrip(".").casefold() in {"and", "or"}:
            break
        match, end = following, following.end()
    return end if end > start else None


def _read_item(text: str, position: int, merge_regions: bool) -> int | None:
    """End of one list item: a name plus what belongs to it (", Colo.", ", 24", ", R-Ariz.", and with
    ``merge_regions`` ", Maryland" after a place that is not itself a state or country)."""
    end = _read_name(text, position)
    if end is None:
        return None
    words = _list_words()
    name = text[position:end].removeprefix("the ").rstrip(".").casefold()
    while True:
        suffix = words.abbreviation_suffix.match(text, end) or _PERSONAL_SUFFIX.match(text, end)
        if suffix is None and merge_regions and name not in words.regions:
            suffix = words.region_suffix.match(text, end)
        if suffix is None:
            return end
        end = suffix.end()


def read_enumeration(text: str, position: int) -> Enumeration | None:
    """A complete list of two or more names starting exactly at ``position``, or None.

    The list must end with "and"/"or" before its last item and be followed by punctuation, so that
    "Israel and Lebanon said" or "Aurora, Newtown and others" are not read as a whole group.
    """
    readings = [r for r in (_read_list(text, position, merge) for merge in (True, False)) if r is not None]
    if not readings:
        return None
    first = readings[0]
    return Enumeration(first.start, first.end, first.items, frozenset(len(r.items) for r in readings))


def _read_list(text: str, position: int, merge_regions: bool) -> Enumeration | None:
    items: list[tuple[int, int]] = []
    punctuation: set[str] = set()
    cursor = position
    final = False
    while True:
        end = _read_item(text, cursor, merge_regions)
        if end is None:
            return None
        items.append((cursor, end))
        if final:
            break
        separator = _SEPARATOR.match(text, end)
        if separator is None or separator.end() == end:
            return None
        if not separator.group("punct") and not separator.group("conj"):
            return None
        if separator.group("punct"):
            punctuation.add(separator.group("punct"))
        if separator.group("conj"):
            final = True
        elif not separator.group("space"):
            return None
        cursor = separator.end()
        if _read_name(text, cursor) is None:
            return None
    if len(items) < 2 or len(punctuation) > 1:
        return None
    end = items[-1][1]
    if not _LIST_CLOSE.match(text, end) and not (
        text[end - 1] == "." and _SENTENCE_AFTER_ABBREVIATION.match(text, end)
    ):
        return None
    if _LIST_GOES_ON.match(text, end) or _EXAMPLES_FOLLOW.match(text, end):
        return None  # the list may go on, or it gives examples rather than the whole group
    names = tuple(_display_name(text[s:e]) for s, e in items)
    return Enumeration(position, end, names, frozenset({len(names)}))


def _display_name(item: str) -> str:
    """The item as written, without a sentence's full stop ("Spain." -> "Spain", "Conn." stays)."""
    name = " ".join(item.split()).rstrip(",;")
    last_word = name.rsplit(" ", 1)[-1]
    abbreviation = last_word in _list_words().region_abbreviations or bool(re.search(r"[.-]", last_word[:-1])) \
        or last_word.rstrip(".") in {"Co", "Corp", "Inc", "Ltd", "Jr", "Sr", "Bros", "Dept", "Univ"}
    return name[:-1] if last_word.endswith(".") and not abbreviation else name


# What sets a list off from its count: a colon, a parenthesis, a comma or a dash ("boroughs - Manhattan, …"
# with a spaced hyphen, as typed where a dash is meant).
_APPOSITION = re.compile(r"\s*(?::|\(|—|–|--|,)\s*|[ \t]+-[ \t]+")


def enumeration_after(text: str, count: GroupCount) -> Enumeration | None:
    """The list that directly follows a count and names its members ("three communities: A, B and C")."""
    intro = _APPOSITION.match(text, count.end)
    if intro is None:
        return None
    enumeration = read_enumeration(text, intro.end())
    if enumeration is None:
        return None
    if "(" in intro.group() and not text.startswith(")", enumeration.end):
        return None
    return enumeration


# "the police chiefs from ": the words that bring in a later list naming a counted group, found once per
# text. The head is any word before an anchor preposition; "the" must stand at most two words before it.
_ANCHOR_PHRASE = re.compile(rf"\b(?P<head>[\w-]+)\s+(?P<preposition>{'|'.join(sorted(_ANCHOR_PREPOSITIONS))})\s+", re.I)
_THE_BEFORE_HEAD = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}$", re.I)
_THE_REACH = 120  # characters searched back from the head for its "the"


@dataclass(frozen=True, slots=True)
class _AnchoredLists:
    """For each (head, preposition), the lists brought in by "the … head preposition", in text order:
    ``starts`` holds where each phrase's "the" stands, ``lists`` the list that follows it."""

    starts: tuple[int, ...]
    lists: tuple[Enumeration, ...]


@lru_cache(maxsize=8)
def _anchored_lists(text: str) -> dict[tuple[str, str], _AnchoredLists]:
    found: dict[tuple[str, str], list[tuple[int, Enumeration]]] = {}
    for match in _ANCHOR_PHRASE.finditer(text):
        if not _is_plural_noun(match.group("head")):
            continue
        the = _THE_BEFORE_HEAD.search(text, max(match.start() - _THE_REACH, 0), match.start())
        if the is None:
            continue
        enumeration = read_enumeration(text, match.end())
        if enumeration is not None:
            key = (match.group("head").casefold(), match.group("preposition").casefold())
            found.setdefault(key, []).append((the.start(), enumeration))
    return {
        key: _AnchoredLists(tuple(start for start, _ in entries), tuple(e for _, e in entries))
        for key, entries in found.items()
    }


def enumeration_later(text: str, count: GroupCount) -> Enumeration | None:
    """A later list introduced by the words that introduced the count: "police chiefs from three
    communities" … "the police chiefs from Aurora, Colo.; Oak Creek, Wis. and Newtown, Conn."."""
    if count.anchor is None:
        return None
    # "the police chiefs from …": the definite article says the list names the group already counted.
    lists = _anchored_lists(text).get(count.anchor)
    if lists is None:
        return None
    index = bisect.bisect_left(lists.starts, count.end)
    return lists.lists[index] if index < len(lists.lists) else None


# ---------------------------------------------------------------------------------------------------
# The analysis both count checks share, made once per text.


@dataclass(frozen=True, slots=True)
class CountReading:
    """A group count with the lists that may name its members: ``listed_after`` right after the count
    ("three communities: A, B and C"), ``listed_later`` further on after the count's own words."""

    count: GroupCount
    listed_after: Enumeration | None
    listed_later: Enumeration | None


@lru_cache(maxsize=8)
def analyse_counts(text: str) -> tuple[CountReading, ...]:
    """Every group count in the text with its lists; cached, as count-claim and count-mismatch read the
    same document."""
    return tuple(
        CountReading(count, enumeration_after(text, count), enumeration_later(text, count))
        for count in find_group_counts(text)
    )
