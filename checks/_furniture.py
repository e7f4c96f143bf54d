"""Page furniture a picture often stands among: share and comment widgets, counters, "Related: …" links.

The phrases are promo-text's (``promo_phrases.txt``, sections ``label`` and ``lead-in``); orphan-caption asks
only whether a line is furniture: to tell a picture set apart from the copy from a paragraph between
paragraphs, and to leave a promoted link to promo-text rather than call it a caption.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._phrases import load_sections, normalise

# "56 comments", "1.7K shares", "12 photos": a widget's counter.
_COUNTER = re.compile(r"^\d[\d,.]*\s*[km]?\s+(?:comments?|shares?|replies|photos|images|views|likes)$", re.I)


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(normalise(label) for label in load_sections("promo_phrases.txt")["label"])


@lru_cache(maxsize=1)
def _lead_ins() -> re.Pattern[str]:
    phrases = sorted(load_sections("promo_phrases.txt")["lead-in"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\s*[:|@–—-]",
                      re.I)


def is_promotion(line: str) -> bool:
    """A line that promotes another item: "Related: …", "Read more: …", "Watch: …" (promo-text reports it)."""
    return _lead_ins().match(line.strip()) is not None


def is_widget(line: str) -> bool:
    """A whole line that is a widget's label or counter ("Share", "Print", "Related Topics", "56 comments")."""
    if len(line) > 60:
        return False
    bare = normalise(line).strip(" .:•|·»›>")
    return bare in _labels() or _COUNTER.match(bare) is not None


__all__ = ["is_promotion", "is_widget"]
