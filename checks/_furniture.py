"""Page furniture's phrases (``promo_phrases.txt``): widget labels, cross-promotion lead-ins, calls to action.

promo-text reports furniture with them (with a newsroom's own phrases added); orphan-caption only asks
whether a line is furniture: to tell a picture set apart from the copy from a paragraph between
paragraphs, and to leave a promoted link to promo-text rather than call it a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._phrases import alternation, load_sections, normalise

# Decoration around widget labels: bullets, brackets, arrows, trailing colons and ellipses.
EDGE_JUNK = " \t•·*|>»›→←‹«<[](){}:.!…-–—"
LEAD_IN_SEPARATOR = r"\s*(?::|\||@|—|–|-\s)\s*"
_SENTENCE_ITEM_WORDS = 10  # a promoted title of this many words or more that ends with a full stop is a sentence
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
# A byline's or a timestamp's opening ("By Jo Lee", "Posted 3 June"): the page's furniture around a story.
BYLINE = re.compile(r"^(?:by|posted|published|updated)\b", re.I)
# "56 comments", "1.7K shares", "12 photos": a widget's counter.
_COUNTER = re.compile(r"^\d[\d,.]*\s*[km]?\s+(?:comments?|shares?|replies|photos|images|views|likes)$", re.I)


@dataclass(frozen=True)
class FurniturePhrases:
    labels: frozenset[str]
    list_labels: frozenset[str]  # labels a list of other stories' titles follows ("Related", "Read more:")
    label_suffix: re.Pattern[str]
    lead_in: re.Pattern[str]
    phrase: re.Pattern[str]
    call_to_action: re.Pattern[str]
    shop_link: re.Pattern[str]


@lru_cache(maxsize=32)
def furniture_phrases(extra_labels: tuple[str, ...], extra_lead_ins: tuple[str, ...],
                      extra_calls: tuple[str, ...]) -> FurniturePhrases:
    """The phrase tables, with a newsroom's own phrases added (promo-text's options); built once per set."""
    data = load_sections("promo_phrases.txt")
    labels = frozenset(normalise(p).strip(EDGE_JUNK) for p in (*data["label"], *extra_labels))
    lead_ins = [normalise(p) for p in (*data["lead-in"], *extra_lead_ins)]
    lead_in = re.compile(r"^" + alternation(lead_ins) + LEAD_IN_SEPARATOR + r"\S", re.I)
    calls = [*data["call-to-action"], *(re.escape(normalise(p)) for p in extra_calls)]
    call_to_action = re.compile(r"(?:" + "|".join(calls) + r")\b", re.I)
    label_suffix = re.compile(r"\b(?:" + "|".join(map(re.escape, data["label-suffix"])) + r")$", re.I)
    phrase = re.compile(r"(?:" + "|".join(data["phrase"]) + r")", re.I)
    shop_link = re.compile(r"(?:" + "|".join(data["shop-link"]) + r")")
    list_labels = frozenset(normalise(p).strip(EDGE_JUNK) for p in data["list-label"])
    return FurniturePhrases(labels, list_labels, label_suffix, lead_in, phrase, call_to_action, shop_link)


_SHOP_LINE = 160  # characters: a product's name and its button


def promoted_item(lead_in: re.Pattern[str], line: str) -> re.Match[str] | None:
    """The lead-in of a line that promotes another item ("Related: …", "Read more: …", "Watch: …"), up to the
    item's first character. Not a sentence that opens with the same word: lowercase after a dash ("More — many
    more — volunteers are needed"), a lowercase clause that ends as a sentence does ("Listen: nobody here
    wants a tax rise."), or a long item that does ("Gallery: Main Street Arts shows new work by … students
    through June 1."). A promoted item is a title: it opens with a capital, and ends with no full stop."""
    match = lead_in.match(line)
    if match is None or "@" in match.group():
        return match
    if not match.group()[-1].islower():
        # "Editor's pick: The jazz festival returns to Pier 3 with 14 bands. Free.": a listing's sentence.
        item = line[match.end() - 1:]
        return None if _SENTENCE_END.search(item) and len(item.split()) >= _SENTENCE_ITEM_WORDS else match
    dash = re.search(r"[—–-]\s*\S$", match.group()) is not None
    return None if dash or _SENTENCE_END.search(line) else match


def is_promotion(line: str) -> bool:
    """A line that promotes another item, or a product with its shop's link (promo-text reports either)."""
    phrases = furniture_phrases((), (), ())
    return promoted_item(phrases.lead_in, line.strip()) is not None or is_shop_link(line, phrases)


def is_shop_link(line: str, phrases: FurniturePhrases) -> bool:
    """ "Harbour Globe, 12 inch Buy Here": a product's name and a shop's button, on a line no longer than a title."""
    return len(line) <= _SHOP_LINE and phrases.shop_link.search(line.rstrip()) is not None


def is_widget(line: str) -> bool:
    """A whole line that is a widget's label or counter ("Share", "Print", "Related Topics", "56 comments")."""
    if len(line) > 60:
        return False
    bare = normalise(line).strip(EDGE_JUNK)
    return bare in furniture_phrases((), (), ()).labels or _COUNTER.match(bare) is not None


__all__ = ["BYLINE", "EDGE_JUNK", "FurniturePhrases", "furniture_phrases", "is_promotion", "is_shop_link", "is_widget",
           "promoted_item"]
