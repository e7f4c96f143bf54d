"""Finding the counts a story gives for groups ("one of the 13 officials") in its text.

No NLP: a count is a number (digits or words, "a dozen", read by ``_number_words``) followed by at
most two modifiers and a plural noun; word lists in ``data/count_nouns.txt`` keep out numbers that
measure rather than count ("50 metres", "three decades", "two goals"), and a frequency after the noun
makes a rate, not a group ("the 40 cars sold each day").

What is not a group count: a number glued to letters ("9th", "5km", "4²"); a number before a unit or an
age ("the 81 year-old", "a 12 mile-long line"); a spelled-out number capitalised inside a sentence, which
names something ("the Six Nations", "the film The Four Seasons of Lisbon"), and a number in a title ("the
book 20 Lessons"); counts in page furniture ("See all 57 stories") and in all-capital text (tables,
shouted headlines) are marked ``furniture``.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from ._dates import MONTH_WORDS
from ._lazy_pattern import lazy
from ._number_words import MULTIPLIERS, Token, is_numeral, numbers_in, read_number, tokenise, word_value
from ._phrases import load_sections

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
# Words in -est that are no superlative: "the three forest fires", "two interest groups", "five test sites".
_NOT_SUPERLATIVE = {"interest", "forest", "harvest", "protest", "honest", "modest", "west", "midwest", "guest",
                    "chest", "nest", "test", "rest", "pest", "quest", "request", "contest", "manifest", "arrest",
                    "conquest", "crest", "digest", "inquest", "unrest", "vest", "zest", "everest", "bequest"}


def _is_superlative(word: str) -> bool:
    word = word.casefold()
    return word in {"best", "worst", "most", "least"} or (
        len(word) >= 5 and word.endswith("est") and word not in _NOT_SUPERLATIVE and word.isalpha())
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
_APPROXIMATE_AFTER = lazy(
    r"\s*(?:or\s+(?:more|so|fewer|less|two|three|four|five|[0-9])|odd\b|plus\b|\+|to\s+[0-9]|-\s*[0-9])", re.I
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
    "present", "absent", "attending", "eligible", "available",  # "the five council members present voted"
}
ANCHOR_PREPOSITIONS = {"from", "of", "in", "at", "representing"}
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


@lru_cache(maxsize=None)
def _units() -> frozenset[str]:
    """Singular units and measures: a number before one measures ("the 81 year-old", "a 50 metre pool")."""
    return frozenset(word.casefold() for word in load_sections("count_nouns.txt")["unit"])


@lru_cache(maxsize=None)
def _title_words() -> frozenset[str]:
    """Words that introduce the title of a work or a name: "the film", "the book", "dubbed"."""
    return frozenset(word.casefold() for word in load_sections("count_nouns.txt")["title-lead"])


# Irregular plurals that also stand before another noun: "four crew members", "nine police officers".
_ATTRIBUTIVE_PLURALS = {"crew", "staff", "police", "personnel", "militia", "youth", "clergy", "aircraft"}
# A line of page furniture starts with one of these and is short: "See all 57 stories", "View 12 photos".
_FURNITURE_VERBS = {
    "see", "view", "show", "load", "browse", "read", "watch", "explore", "expand", "hide", "click", "tap", "get",
    "download", "share", "more", "back", "jump", "skip", "open", "play", "listen", "subscribe", "follow", "join",
    "sign", "discover", "find", "check", "visit", "try",
}
_FURNITURE_WORDS = 8  # words in a line of page furniture at most
_FURNITURE_ENDS = ("»", "›", ">", "→", "…")
# What ends a sentence, so that the next word starts one (its capital letter then says nothing).
_SENTENCE_OPENERS = {".", "!", "?", ":", ";", "\"", "“", "”", "‘", "'", "(", "[", "—", "–", "-", "•", "*", "|"}


# A NamedTuple, not a frozen dataclass: building a dataclass costs about a millisecond at import, which
# every run that lints a story pays.
class GroupCount(NamedTuple):
    """A number that states the size of a group, and how the story says it.

    ``start:end`` spans the count and its noun ("13 officials"), or the count alone when the noun is
    left out ("six of the 15 on board"). ``kind`` is "partitive" ("one of the 13 officials"), "among"
    ("among the 40 passengers"), "definite" ("the 13 officials", "all three communities") or "bare"
    ("police chiefs from three communities"). ``key`` names the group for comparing two mentions:
    the noun with the modifiers around the number ("other officials"). A ranking ("one of the top
    five insurers") is a window over a sequence with ``ranking_start`` at "top".
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
    ranking_start: int | None = None  # where "top" stands in "one of the top five insurers"
    furniture: bool = False  # in page furniture ("See all 57 stories") or all-capital text ("12,223 CONTRACTS")

    def quote(self, text: str) -> str:
        return " ".join(text[self.start:self.end].split())


_EMERGENCY_NUMBERS = frozenset({"911", "999"})
_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "o'clock"})  # lower case: "PM candidates"
# Abbreviated only: "the 12 Wall Street banks", "the nine Supreme Court justices" are groups.
_STREET_ABBREVIATIONS = frozenset({"St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Pl", "Pkwy", "Hwy", "Ter"})


def _street_follows(tokens: list[Token], first: int, index: int) -> bool:
    """ "the 3 Elm St. tenants", "40 Old Mill Rd. families": a house number, in figures, before one or two
    capitalised words and a street's abbreviation."""
    if not tokens[first].text.isdigit():
        return False
    for position in range(index, min(index + 3, len(tokens))):
        token = tokens[position]
        if not token.text[:1].isupper():
            return False
        if position > index and token.text in _STREET_ABBREVIATIONS:
            return True
    return False


def is_plural_noun(word: str) -> bool:
    lower = word.casefold().replace("’", "'")
    if lower.endswith("'s") or lower.endswith("s'"):
        lower = lower[:-2] if lower.endswith("'s") else lower[:-1]
    if lower in _STOPWORDS or not re.fullmatch(r"[a-z][a-z'-]*", lower):
        return False
    if lower in _IRREGULAR_PLURALS or lower.endswith("men"):
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


def base_noun(word: str) -> str:
    """A plural noun without its possessive ("officials'" -> "officials"), lower case."""
    return _base(word)


def _base(word: str) -> str:
    lower = word.casefold().replace("’", "'")
    if lower.endswith("'s"):
        return lower[:-2]
    return lower.rstrip("'")


def _is_modifier(token: Token) -> bool:
    lower = token.lower
    return (
        bool(re.fullmatch(r"[a-z][a-z-]*[a-z]|[A-Z][A-Za-z-]*|(?:[A-Z]\.){2,}", token.text, re.I))
        and (lower not in _STOPWORDS or token.text.isupper())
        and word_value(lower) is None
        and lower not in MULTIPLIERS
        and lower not in MONTH_WORDS
        and not is_plural_noun(token.text)
    )


def _noun_after(tokens: list[Token], index: int) -> tuple[int, list[str]] | None:
    """(index of the plural noun, modifiers before it) when a noun phrase starts at ``index``."""
    modifiers: list[str] = []
    for position in range(index, min(index + 3, len(tokens))):
        token = tokens[position]
        if is_plural_noun(token.text):
            return position, modifiers
        if not _is_modifier(token):
            return None
        modifiers.append(token.lower)
    return None


def _is_identifier_before(token: Token) -> bool:
    """"Flight 93", "Route 66", "No. 3": a capitalised word that names the number rather than counting."""
    return token.text[0].isupper() and token.lower not in _STOPWORDS and token.lower not in _QUANTIFIERS \
        and token.lower not in _PREMODIFIERS and token.lower not in _APPROXIMATE_BEFORE \
        and token.lower not in {"among", "amongst", "only", "nearly", "just"}


class _Lines:
    """Where each line of a text starts, found once, to read the line a count stands on in constant time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def around(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end


def find_group_counts(text: str) -> list[GroupCount]:
    """Every number in the text that states how many members a group has, in order."""
    tokens = tokenise(text)
    not_groups = _nouns_not_counting_groups()
    lines = _Lines(text)
    counts: list[GroupCount] = []
    for index, value, after in numbers_in(tokens):
        found = _group_count(text, tokens, index, after, value, not_groups)
        if found is not None:
            if not found.furniture and _is_furniture(text, lines, found):
                found = found._replace(furniture=True)
            counts.append(found)
    return counts


def _is_furniture(text: str, lines: _Lines, count: GroupCount) -> bool:
    """A count in a short line of page furniture ("See all 57 stories", "View 12 photos »")."""
    start, end = lines.around(count.start)
    if end - start > 12 * _FURNITURE_WORDS:
        return False  # settled before the line is copied: a story on one long line costs no more per count
    line = text[start:end].strip()
    if not line:
        return False
    words = line.split()
    if len(words) > _FURNITURE_WORDS:
        return False
    return words[0].casefold().strip("»›>") in _FURNITURE_VERBS or line.endswith(_FURNITURE_ENDS)


def _starts_sentence(tokens: list[Token], index: int, text: str) -> bool:
    """Whether ``tokens[index]`` is the first word of a sentence, a line or a quotation."""
    if index == 0:
        return True
    before = tokens[index - 1]
    return before.text in _SENTENCE_OPENERS or "\n" in text[before.end:tokens[index].start]


def _names_something(text: str, tokens: list[Token], first: int) -> bool:
    """A number that is part of a name or a title rather than a count: "the Six Nations", "the film The Four
    Seasons of Lisbon", "the book 20 Lessons", "a show called 24 Hours"."""
    number = tokens[first]
    if not is_numeral(number.text) and number.text[0].isupper() and not number.text.isupper() \
            and not _starts_sentence(tokens, first, text):
        return True  # a capitalised number word inside a sentence
    if first > 0 and tokens[first - 1].text == "The" and not _starts_sentence(tokens, first - 1, text):
        return True  # "the film The 39 Steps": a capitalised article inside a sentence opens a title
    # "the book 20 Lessons", "a show called 24 Hours", "the film “12 Angry Men”".
    lead = tokens[first - 1] if first > 0 else None
    if lead is not None and lead.text in {"The", "\"", "“", "'", "‘"} and first > 1:
        lead = tokens[first - 2]
    return lead is not None and lead.lower in _title_words()


def _group_count(
    text: str,
    tokens: list[Token],
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
    # Glued to letters or to other digits: "9th", "5km", "10am", "4²", "G7".
    if (adjacent_after and following is not None and following.text[0].isalnum()) or \
            (adjacent_before and before is not None and before.text[-1].isalnum()):
        return None
    # "13 of the officials": the number is the part; the whole is read from its own count.
    if following is not None and following.lower in {"of", "percent", "per"}:
        return None
    if before is not None and (before.lower in MONTH_WORDS or before.lower in {"aged", "age", "ages", "no", "number"}):
        return None
    # "Flight 93", "Route 66" on one line; a headline's last word above a paragraph that opens "Two lifeguards"
    # names nothing.
    if before is not None and _is_identifier_before(before) and before.text not in {"A", "An"} and \
            "\n" not in text[before.end:tokens[first].start]:
        return None
    # A spelt-out "one" is a pronoun or an article far more often than a count ("one official said").
    if value < 2:
        return None
    # "one of the 911 dispatchers", "three 999 calls": an emergency number, not a count.
    if tokens[first].text in _EMERGENCY_NUMBERS:
        return None

    # "the 81 year-old", "the 81 year old", "a 12 mile-long line": the number measures.
    if following is not None and following.lower.split("-")[0] in _units():
        return None
    # "the 2 a.m. calls", "the 11 o'clock flights": a time; "the 3 Elm St. tenants": an address.
    if following is not None and (following.text.replace("’", "'") in _CLOCK_WORDS
                                  or _street_follows(tokens, first, after)):
        return None
    if _names_something(text, tokens, first):
        return None

    noun = _noun_after(tokens, after)
    noun_token = tokens[noun[0]] if noun else None
    if noun_token is not None and _base(noun_token.text) in not_groups:
        return None
    if noun_token is None and following is not None and _base(following.text) in not_groups:
        return None
    if noun is not None and noun_token is not None and noun_token.lower in _ATTRIBUTIVE_PLURALS \
            and noun[0] + 1 < len(tokens) and is_plural_noun(tokens[noun[0] + 1].text) \
            and _base(tokens[noun[0] + 1].text) not in not_groups:
        noun = noun[0] + 1, [*noun[1], noun_token.lower]  # "four crew members", "nine police officers"
        noun_token = tokens[noun[0]]

    # Walk back over the determiner and the words that make this a partitive or "among" count.
    position = first - 1
    premodifiers: list[str] = []
    premodifier_start = start_of_number = tokens[first].start
    if position >= 0 and tokens[position].lower in _PREMODIFIERS:
        premodifiers.append(tokens[position].lower)
        premodifier_start = tokens[position].start
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
        x_number = _read_number_ending_at(text, tokens, position - 1)
        if x_number is not None:
            kind, part, part_start = "partitive", x_number[0], x_number[1]
        elif tokens[position - 1].lower in _QUANTIFIERS:
            kind = "partitive"
    elif position >= 0 and tokens[position].lower in {"among", "amongst"}:
        kind = "among"
    elif definite:
        kind = "definite"

    start = tokens[first].start
    if noun is not None and noun_token is not None:
        end = noun_token.end - (2 if noun_token.text.casefold().replace("’", "'").endswith("'s") else 0)
        end -= 1 if noun_token.text.endswith(("'", "’")) else 0
        if noun[0] + 1 < len(tokens) and tokens[noun[0] + 1].lower == "general":
            end = tokens[noun[0] + 1].end  # "73 inspectors general", "the 50 attorneys general"
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
    opens_clause = position < 0 or tokens[position].text in _CLAUSE_STOP or tokens[position].lower in _CLAUSE_OPENERS \
        or "\n" in text[tokens[position].end:tokens[position + 1].start]
    bare_reference = _is_bare_reference(tokens, next_index if next_index < len(tokens) else None, opens_clause)
    anchor = None
    if kind == "bare" and not definite and first >= 2:
        preposition, head = tokens[first - 1], tokens[first - 2]
        if preposition.lower in ANCHOR_PREPOSITIONS and is_plural_noun(head.text):
            anchor = (head.lower, preposition.lower)
    # "the five warmest summers", "the three busiest streets": a ranking, as "the top five" is.
    ranked = noun is not None and any(_is_superlative(word) for word in noun[1])
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
        window=bool(_WINDOW_WORDS.intersection(premodifiers)) or ranked,
        bare_reference=bare_reference,
        anchor=anchor,
        ranking_start=premodifier_start if premodifiers == ["top"] and premodifier_start != start_of_number
        else start_of_number if ranked else None,
        furniture=noun_token is not None and len(noun_token.text) > 1 and noun_token.text.isupper(),
    )


def _rate_follows(tokens: list[Token], index: int) -> bool:
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


def _is_bare_reference(tokens: list[Token], index: int | None, opens_clause: bool) -> bool:
    """Whether nothing after the group's noun narrows it: "the 13 officials met" is the whole group,
    "the 12 officials who signed" and "the 38 passengers rescued from the bus" may be a part.
    ``opens_clause``: the count's phrase may be its clause's subject, so an -ed word after it may be the verb."""
    if index is None:
        return True
    word = tokens[index].lower
    if word in _RESTRICTING_WORDS:
        return False
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if word in {"and", "or"} and is_plural_noun(following):
        return False  # "the 16 jurors and alternates": a group of more than the jurors
    if word.endswith("ing") and len(word) > 5 and word not in _ING_NOUNS:
        return False  # "the six jurors hearing an assault case": an -ing word alone is never the verb
    participle = word.endswith(("ed", "ing", "en")) or word in {"held", "hurt", "killed", "shot", "caught"}
    if not (participle and (following in _RESTRICTING_WORDS or following in {"by", "as", "while", "if"})):
        return True
    # "the 38 passengers rescued from the bus were taken …" narrows the group; in "The 11 jurors deliberated for
    # five hours." the -ed word is the sentence's own verb, and nothing after it is.
    # "chosen from the 35 players invited to the camp.": after a verb or a preposition the phrase is no subject.
    return opens_clause and word.endswith("ed") and not _finite_verb_follows(tokens, index + 1)


_FINITE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
           "must", "should", "said", "says", "told", "remain", "remained", "remains", "became", "become"}
_CLAUSE_STOP = {".", ";", "!", "?", ":"}
# -ing words that follow a plural noun as nouns ("the 12 jurors Monday morning", "the nine trustees nothing").
_ING_NOUNS = {"morning", "evening", "spring", "nothing", "something", "everything", "anything"}
_CLAUSE_OPENERS = {"and", "but", "then", "when", "while", "after", "before", "because", "as", "until", "since", "if",
                   "\"", "“", "—", "–", "(", ","}


def _finite_verb_follows(tokens: list[Token], index: int) -> bool:
    for position in range(index, min(index + _FINITE_REACH, len(tokens))):
        word = tokens[position].lower
        if word in _CLAUSE_STOP:
            return False
        if word in _FINITE:
            return True
    return True  # a long clause: read it as narrowed, as before


_FINITE_REACH = 20  # tokens


def _is_round_figure(tokens: list[Token], first: int) -> bool:
    """"a dozen", "half a dozen": a stated size, but one often meant loosely."""
    return tokens[first].lower in {"a", "half"} or (
        tokens[first].lower == "dozen" and first > 0 and tokens[first - 1].lower == "a")


def _is_possessive(token: Token) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][\w-]*(?:['’]s|s['’])", token.text))


def _read_number_ending_at(text: str, tokens: list[Token], index: int) -> tuple[int, int] | None:
    """(value, start offset) of a number whose last token is ``index`` ("two" in "two of the three")."""
    for first in range(max(index - 2, 0), index + 1):
        number = read_number(tokens, first)
        if number is not None and number[1] == index + 1:
            before = tokens[first - 1] if first > 0 else None
            if before is not None and (
                before.lower in _CURRENCY
                or (before.text in _GLUE and before.end == tokens[first].start)
                or before.lower in _SEQUENCE_WORDS
                or (_is_identifier_before(before) and "\n" not in text[before.end:tokens[first].start])
            ):
                return None  # "$5 of the 20", "Game 5 of the 7", "Article 5 of the …": not a part of a group
            return number[0], tokens[first].start
    return None


def _is_approximate(text: str, tokens: list[Token], first: int, after: int) -> bool:
    before = [t.lower for t in tokens[max(first - 2, 0):first]]
    if before and before[-1] in _APPROXIMATE_BEFORE:
        return True
    # The upper end of a range: "two or three", "10 to 15", "between 10 and 20".
    if len(before) == 2 and before[-1] in {"or", "to", "and"} and read_number(tokens, first - 2) is not None:
        return True
    if len(before) == 2 and before == ["as", "many"]:
        return True
    # "2.5 million cars", "140 million people": population-scale figures are estimates, not head counts.
    if any(t.lower in {"million", "billion"} for t in tokens[first:after]):
        return True
    return bool(_APPROXIMATE_AFTER.match(text, tokens[after - 1].end))
