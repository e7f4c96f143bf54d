"""The reading of a document's group counts that count-claim and count-mismatch share, made once per document.

Each count found by ``_group_counts`` comes with the lists (``_enumerations``) that may name its
members. ``count_readings`` is asked for through ``document.memo(count_readings)``, so both checks
read the same analysis, in time proportional to the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._enumerations import Enumeration, anchored_lists, enumeration_after, enumeration_later
from ._group_counts import GroupCount, find_group_counts

if TYPE_CHECKING:
    from newslint.document import Document


@dataclass(frozen=True, slots=True)
class CountReading:
    """A group count with the lists that may name its members: ``listed_after`` right after the count
    ("three communities: A, B and C"), ``listed_later`` further on after the count's own words."""

    count: GroupCount
    listed_after: Enumeration | None
    listed_later: Enumeration | None


def count_readings(document: Document) -> tuple[CountReading, ...]:
    """Every group count in the document with its lists; use it as ``document.memo(count_readings)``,
    as count-claim and count-mismatch read the same document."""
    text = document.text
    counts = find_group_counts(text)
    # The lists brought in by a count's own words are looked for only when some count has such words.
    anchored = anchored_lists(text) if any(count.anchor is not None for count in counts) else {}
    return tuple(
        CountReading(count, enumeration_after(text, count), enumeration_later(anchored, count))
        for count in counts
    )
