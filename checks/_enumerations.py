"""Reading the lists that name a group's members ("Aurora, Colo.; Oak Creek, Wis. and Newtown, Conn.").

Lists are read from the raw text, name by name. A list names a counted group when it follows the
count directly (``enumeration_after``) or comes later after the count's own words
(``enumeration_later``, from the ``anchored_lists`` of the text).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from ._group_counts import ANCHOR_PREPOSITIONS, GroupCount, is_plural_noun
from ._lazy_pattern import LazyPattern, lazy
from ._number_words import numbers_in, tokenise
from ._phrases import load_sections


# A NamedTuple, not a frozen dataclass: building a dataclass costs about a millisecond at import, which
# every run that lints a story pays.
class Enumeration(NamedTuple):
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


class _ListWords(NamedTuple):
    region_abbreviations: frozenset[str]
    regions: frozenset[str]  # casefolded
    joined_names: tuple[str, ...]
    abbreviation_suffix: LazyPattern  # ", Colo."
    region_suffix: LazyPattern  # ", Maryland": compiled only for a list that may hold one (160 names)


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
        abbreviation_suffix=lazy(rf",{_LIST_SPACE}(?:{_alternation(abbreviations)})(?![\w.])"),
        region_suffix=lazy(rf",{_LIST_SPACE}(?:{_alternation(regions)})(?![\w])"),
    )


_CAPITALISED_WORD = lazy(r"[A-Z][\w'’&.-]*")
_NAME_CONNECTORS = lazy(
    r"\s+(?:(?:of|de|da|del|della|di|du|des|la|le|van|von|der|den|al|el|bin|ibn|y|upon|on|the)\s+)*(?=[A-Z])"
)
# Abbreviations that a name goes on after ("St. Louis", "J. Thomas Manger", "Mt. Hood").
_CONTINUING_ABBREVIATION = lazy(
    r"(?:[A-Z]|St|Ste|Mt|Ft|Pt|Dr|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Sgt|Capt|Maj|Cmdr|Adm|Mr|Mrs|Ms|Messrs|Prof"
    r"|Rev|Pres|Gens)\."
)
# An age, a party and state, or a name's suffix after a name: "John Smith, 24," "Joe Lieberman, I-Conn.",
# "John Smith, Jr.", "Ann Lee, M.D."; a generation ("Ed Pell, III") only after a name of two words, so that the
# opera's "acts I, II, III and IV" stay four.
_PERSONAL_SUFFIX = lazy(rf",{_LIST_SPACE}(?:\d{{1,3}}(?=[,;)\s])|[RDI]-[A-Z][\w.]*"
                        r"|(?:Jr|Sr|M\.D|Ph\.D|D\.D\.S|R\.N|Esq)\.)")
_GENERATION = lazy(rf",{_LIST_SPACE}(?:II|III|IV)(?![\w.])")
# A comma and a name right after a list item: in a list parted by semicolons, part of the item.
_QUALIFIER = lazy(rf",{_LIST_SPACE}(?=(?:the\s+)?[A-Z])")
_SEPARATOR = lazy(rf"(?P<punct>[;,])?(?P<space>{_LIST_SPACE})?(?:(?P<conj>and|or){_LIST_SPACE})?", re.I)
# What may follow a complete list; a spaced hyphen closes a list set off by dashes ("members - A and B - played").
_LIST_CLOSE = lazy(r"\s*(?:$|[.,;:)!?\"”’—–]|--)|[ \t]+-[ \t]")
# After a list ending in an abbreviation's full stop: a new sentence, or the end of the line.
_SENTENCE_AFTER_ABBREVIATION = lazy(r"\s+[A-Z]|\s*\n")
# A verb in the past tense or an auxiliary right after the last item: "… and Lyme worked all night".
_VERB_AFTER = lazy(r"[ \t]+(?:[a-z]{2,}ed|were|was|have|had|are|will|fought|spent|came|went|ran|held|kept|stood"
                   r"|said|told|began|brought|took|made|met)\b")
_LIST_GOES_ON = lazy(r",\s+(?:the\s+)?[A-Z]")
_EXAMPLES_FOLLOW = lazy(
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
        if suffix is None and len(name.split()) >= 2:
            suffix = _GENERATION.match(text, end)
        if suffix is None and merge_regions and name not in words.regions:
            suffix = words.region_suffix.match(text, end)
        if suffix is None:
            return end
        end = suffix.end()


def read_enumeration(text: str, position: int, *, verb_may_follow: bool = False) -> Enumeration | None:
    """A complete list of two or more names starting exactly at ``position``, or None.

    The list must end with "and"/"or" before its last item and be followed by punctuation, so that
    "Israel and Lebanon said" or "Aurora, Newtown and others" are not read as a whole group; with
    ``verb_may_follow`` (a list the words before it anchor: "the firefighters from Camden, Hope and Lyme
    worked all night"), a verb may follow it too.
    """
    readings = [r for r in (_read_list(text, position, merge, verb_may_follow=verb_may_follow)
                            for merge in (True, False)) if r is not None]
    if not readings:
        # "Ashford, Kent; Brill, Bucks. and Crane, Devon": semicolons part the items, commas stay inside them.
        semicolons = _read_list(text, position, True, semicolons=True, verb_may_follow=verb_may_follow)
        readings = [semicolons] if semicolons is not None else []
    if not readings:
        return None
    first = readings[0]
    return Enumeration(first.start, first.end, first.items, frozenset(len(r.items) for r in readings))


def _read_list(text: str, position: int, merge_regions: bool, *, semicolons: bool = False,
               verb_may_follow: bool = False) -> Enumeration | None:
    """A list of names; with ``semicolons``, one whose items are parted by semicolons and may hold commas."""
    items: list[tuple[int, int]] = []
    punctuation: set[str] = set()
    cursor = position
    final = False
    while True:
        end = _read_item(text, cursor, merge_regions)
        if end is None:
            return None
        while semicolons and (qualifier := _QUALIFIER.match(text, end)) is not None:
            following = _read_item(text, qualifier.end(), merge_regions)
            if following is None:
                break
            end = following  # "Ashford, Kent": the place and what locates it
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
            if semicolons and separator.group("punct") == ",":
                return None
        if separator.group("conj"):
            final = True
        elif not separator.group("space"):
            return None
        cursor = separator.end()
        if _read_name(text, cursor) is None:
            return None
    if len(items) < 2 or len(punctuation) > 1 or (semicolons and ";" not in punctuation):
        return None
    end = items[-1][1]
    if not _LIST_CLOSE.match(text, end) and not (
        text[end - 1] == "." and _SENTENCE_AFTER_ABBREVIATION.match(text, end)
    ) and not (verb_may_follow and _VERB_AFTER.match(text, end)):
        return None
    if _LIST_GOES_ON.match(text, end) or _EXAMPLES_FOLLOW.match(text, end):
        return None  # the list may go on, or it gives examples rather than the whole group
    names = tuple(_display_name(text[s:e], last=i == len(items) - 1) for i, (s, e) in enumerate(items))
    return Enumeration(position, end, names, frozenset({len(names)}))


def _display_name(item: str, *, last: bool = True) -> str:
    """The item as written, without a sentence's full stop ("Spain." -> "Spain", "Conn." stays)."""
    name = " ".join(item.split()).rstrip(",;")
    if not last:
        return name  # only the last item can end a sentence
    last_word = name.rsplit(" ", 1)[-1]
    abbreviation = last_word in _list_words().region_abbreviations or bool(re.search(r"[.-]", last_word[:-1])) \
        or last_word.rstrip(".") in {"Co", "Corp", "Inc", "Ltd", "Jr", "Sr", "Bros", "Dept", "Univ"}
    return name[:-1] if last_word.endswith(".") and not abbreviation else name


# What sets a list off from its count: a colon, a parenthesis, a comma or a dash ("boroughs - Manhattan, …"
# with a spaced hyphen, as typed where a dash is meant).
_APPOSITION = lazy(r"\s*(?::|\(|—|–|--|,)\s*|[ \t]+-[ \t]+")


# A count and its list with a passive verb or a time between them, still one statement: "Two lifeguards were
# hired: A, B and C", "four seniors this year, A, B and C".
_VERB_THEN_COLON = lazy(r"\s+(?:were|are|have\s+been|will\s+be)\s+[a-z]+(?:ed|en)\s*:\s*")
_TIME_THEN_COMMA = lazy(r"\s+(?:this|last|next)\s+(?:year|season|term|week|month|spring|summer|fall|autumn|winter)"
                        r"\s*(?::|,)\s*")

# A qualifier, then a colon or a dash: "the five finalists for the city's first poet laureate: A, B and C",
# "Three communities in Harbor County — A, B, C and D — will …". Only when
# the qualifier counts and names nothing the list could name instead ("finalists from three towns:",
# "finalists from towns across the county:") and has no verb, whose subject or object the list may be
# ("finalists for the prize were chosen by the panel:", "finalists for the prize include a debut novelist:").
_QUALIFIER_THEN_COLON = lazy(r"\s+(?:for|of|in|at|on|to|with|from|under)\s+(?P<words>[^:.;!?,()\n\d—–-]{1,80}?)"
                             r"(?:\s*:\s*|\s*(?:—|–|--)\s*|[ \t]+-[ \t]+)")
_VERB_WORDS = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                         "can", "could", "may", "might", "must", "should", "do", "does", "did", "by", "include",
                         "includes", "said", "says", "named", "chose", "picked"})


def _qualifier_then_colon(text: str, end: int) -> re.Match[str] | None:
    intro = _QUALIFIER_THEN_COLON.match(text, end)
    if intro is None:
        return None
    words = intro.group("words")
    if next(numbers_in(tokenise(words)), None) is not None or any(is_plural_noun(word) or word.casefold() in _VERB_WORDS
                                         or word.endswith(("ed", "ing")) for word in words.split()):
        return None
    return intro


def enumeration_after(text: str, count: GroupCount) -> Enumeration | None:
    """The list that directly follows a count and names its members ("three communities: A, B and C")."""
    intro = _APPOSITION.match(text, count.end) or _VERB_THEN_COLON.match(text, count.end) or \
        _TIME_THEN_COMMA.match(text, count.end) or _qualifier_then_colon(text, count.end)
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
_ANCHOR_PHRASE = lazy(rf"\b(?P<head>[\w-]+)\s+(?P<preposition>{'|'.join(sorted(ANCHOR_PREPOSITIONS))})\s+", re.I)
_THE_BEFORE_HEAD = lazy(r"\bthe\s+(?:[\w-]+\s+){0,2}$", re.I)
_THE_REACH = 120  # characters searched back from the head for its "the"


# Words before "the police chiefs from …" that make the list a part of the group: "two of the police
# chiefs from …", "including the police chiefs from …".
_SUBSET_BEFORE = lazy(r"\b(?:of|including|includes|included|like|as|also|both|except|but|only|even)\s*$", re.I)
_SUBSET_REACH = 20  # characters searched back from "the"
# Words earlier in the clause that pick some of the group out: "The first to arrive were the firefighters from …".
_SUBSET_IN_CLAUSE = lazy(r"\b(?:first|last|earliest|latest|some|several|most|many|few|only|other|others)\b"
                         r"[^.;:!?]*$", re.I)
_CLAUSE_REACH = 80  # characters searched back from "the"


class AnchoredLists(NamedTuple):
    """For each (head, preposition), the lists brought in by "the … head preposition", in text order:
    ``starts`` holds where each phrase's "the" stands, ``lists`` the list that follows it, ``partial``
    whether the words before say it names only some of the group ("including the police chiefs from")."""

    starts: tuple[int, ...]
    lists: tuple[Enumeration, ...]
    partial: tuple[bool, ...]


class LaterList(NamedTuple):
    """A list further on that names a counted group; ``partial`` when it may name only some members."""

    enumeration: Enumeration
    partial: bool


def anchored_lists(text: str) -> dict[tuple[str, str], AnchoredLists]:
    """Every list in the text brought in by "the … head preposition", by (head, preposition)."""
    found: dict[tuple[str, str], list[tuple[int, Enumeration, bool]]] = {}
    for match in _ANCHOR_PHRASE.finditer(text):
        if not is_plural_noun(match.group("head")):
            continue
        the = _THE_BEFORE_HEAD.search(text, max(match.start() - _THE_REACH, 0), match.start())
        if the is None:
            continue
        enumeration = read_enumeration(text, match.end(), verb_may_follow=True)
        if enumeration is not None:
            key = (match.group("head").casefold(), match.group("preposition").casefold())
            partial = _SUBSET_BEFORE.search(text, max(the.start() - _SUBSET_REACH, 0), the.start()) is not None \
                or _SUBSET_IN_CLAUSE.search(text, max(the.start() - _CLAUSE_REACH, 0), the.start()) is not None
            found.setdefault(key, []).append((the.start(), enumeration, partial))
    return {
        key: AnchoredLists(tuple(e[0] for e in entries), tuple(e[1] for e in entries), tuple(e[2] for e in entries))
        for key, entries in found.items()
    }


def enumeration_later(anchored: Mapping[tuple[str, str], AnchoredLists], count: GroupCount) -> LaterList | None:
    """A later list introduced by the words that introduced the count: "police chiefs from three
    communities" … "the police chiefs from Aurora, Colo.; Oak Creek, Wis. and Newtown, Conn.".
    ``anchored`` is ``anchored_lists`` of the count's text."""
    if count.anchor is None:
        return None
    # "the police chiefs from …": the definite article says the list names the group already counted.
    lists = anchored.get(count.anchor)
    if lists is None:
        return None
    index = bisect.bisect_left(lists.starts, count.end)
    return LaterList(lists.lists[index], lists.partial[index]) if index < len(lists.lists) else None


# A list of any words (not only names) right after a count, set off by a colon, a dash or a parenthesis:
# "the three extrinsic aspirations – for money, fame, or beauty –". Read only to see that the story names
# the members on the spot (count-claim then has nothing left to verify), never to report a mismatch.
_LOOSE_INTRO = lazy(r"[^,.;:!?()\n–—-]{0,40}?(?:\s*(?::|\(|—|–|--)\s*|[ \t]+-[ \t]+)")  # "… of the festival –"
_LOOSE_CLOSE = lazy(r"[ \t]*(?:—|–|--|[ \t]-[ \t]|[);:.]|\n|$)")
_LOOSE_LEAD = lazy(r"(?:for|of|in|on|at|from|to|with|by|about|namely|such as|like)\s+", re.I)
_LOOSE_REACH = 160  # characters: a list named on the spot is short
_LOOSE_ITEM_WORDS = 4


# Or later in the count's sentence, after "were" or "are": "The five breeds most often involved were chow
# chows, Rottweilers, German shepherds, cocker spaniels and Dalmatians."
_COPULA_INTRO = lazy(r"[^.;:!?\n]{0,80}?\b(?:were|are)\s+", re.I)


def loose_list_size_after(text: str, count: GroupCount) -> int | None:
    """How many items a short list of any words names right after the count (or after "were"/"are" later in
    its sentence), if one does."""
    intro = _LOOSE_INTRO.match(text, count.end, count.end + 60)
    if intro is None:
        intro = _COPULA_INTRO.match(text, count.end, count.end + 100)
    if intro is None:
        return None
    window = text[intro.end():intro.end() + _LOOSE_REACH]
    close = next((m for m in _LOOSE_CLOSE.finditer(window) if m.start() > 0), None)
    if close is None or ("(" in intro.group() and not close.group().strip().startswith(")")):
        return None
    body = window[:close.start()]
    lead = _LOOSE_LEAD.match(body)
    if lead is not None:
        body = body[lead.end():]
    pieces = [piece.strip() for piece in body.split(",")]
    last = pieces[-1]
    final = re.match(r"(?:and|or)\s+(.+)", last)
    if final is not None and len(pieces) > 1:
        pieces[-1] = final.group(1)
    else:
        joined = re.fullmatch(r"(.+?)\s+(?:and|or)\s+(.+)", last)
        if joined is None:
            return None
        pieces[-1:] = [joined.group(1), joined.group(2)]
    if len(pieces) < 2 or any(not piece or len(piece.split()) > _LOOSE_ITEM_WORDS for piece in pieces):
        return None
    return len(pieces)
