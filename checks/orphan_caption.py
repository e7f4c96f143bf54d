"""orphan-caption: photo credits and captions left in the body with no photo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

from newslint.document import Document, Line
from newslint.finding import Problem
from newslint.registry import check

from ._dates import MONTH_PATTERN
from ._phrases import load_sections

_MAX_CREDIT_WORDS = 14
_MAX_CAPTION_WORDS = 70
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|van|von|der|del|la|le|al|bin|ibn)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
# Captions often end in the date the picture was taken: "..., Jan. 28, 2013." or "..., 2013-01-28."
_ENDS_WITH_DATE = re.compile(rf"(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)[.)]?\s*$")
_QUOTES = re.compile(r"[\"“”]")
_REPORTING_VERB = re.compile(r"\b(?:said|says|told|added|according to|announced|reported)\b", re.I)


@dataclass(frozen=True)
class _Patterns:
    agencies: frozenset[str]  # casefolded, single-spaced
    photo_agencies: frozenset[str]  # sources that only ever credit pictures (never a byline)
    credit_lead: re.Pattern[str]
    caption_lead: re.Pattern[str]
    caption_marker: re.Pattern[str]
    caption_verb: re.Pattern[str]


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


@lru_cache(maxsize=16)
def _compile(extra_agencies: tuple[str, ...]) -> _Patterns:
    words = load_sections("caption_words.txt")
    return _Patterns(
        agencies=frozenset(" ".join(a.split()).casefold()
                           for a in (*words["agency"], *words["photo-agency"], *extra_agencies)),
        photo_agencies=frozenset(" ".join(a.split()).casefold() for a in words["photo-agency"]),
        credit_lead=re.compile(rf"^\(?{_alternation(words['credit-lead'])}\s*(?::|\bby\b|\bvia\b|/|\bcourtesy\b|$)",
                               re.I),
        caption_lead=re.compile(rf"^{_alternation(words['caption-lead'])}(?:\b|\s|:|$)", re.I),
        caption_marker=re.compile(rf"^{_alternation(words['caption-marker'])}(?:\b|\s|$)", re.I),
        caption_verb=re.compile(rf"\b{_alternation(words['caption-verb'])}\b", re.I),
    )


# The pieces of a credit line: "Jane Roe / Reuters", "Jane Roe | Bloomberg | Getty Images",
# "Paul Ames/AFP via Getty Images", "AP Photo/Evan Vance".
# Not "for": "Jane Roe for CNN" is as often a byline as a credit.
_CREDIT_SEPARATOR = re.compile(r"\s*[/|]\s*|\s+via\s+")
_BYLINE = re.compile(r"^by\s", re.I)
# Words a credit's tail may hold in lower case: "Photo by ev on Unsplash", "jiazi via Compfight cc".
_CREDIT_SMALL_WORDS = frozenset({"via", "on", "and", "of", "de", "da", "van", "von", "der", "la", "le", "for", "by",
                                 "cc", "courtesy", "the", "staff", "photographer", "file", "handout"})
_NAME_PART = re.compile(rf"^{_NAME}$")
_AGENCY_PHOTO = re.compile(r"^(?P<agency>.+?)\s+(?:photos?|images?|pictures?)$", re.I)
_PARENTHESES = re.compile(r"\(([^()]{1,100})\)")
_PHOTO_LEAD = re.compile(
    r"^(?:(?P<agency>[\w.&' -]{1,30}?)\s+)?(?:photo|image|picture)s?(?:\s+credit)?\s*(?::|/|\bby\b|\bvia\b)", re.I
)


def _is_agency(part: str, patterns: _Patterns) -> bool:
    key = " ".join(part.split()).casefold()
    if key in patterns.agencies:
        return True
    photo = _AGENCY_PHOTO.match(part)
    return photo is not None and " ".join(photo.group("agency").split()).casefold() in patterns.agencies


def _is_credit_parts(text: str, patterns: _Patterns) -> bool:
    """Names and agencies joined by separators, at least one of them an agency."""
    parts = [part for part in _CREDIT_SEPARATOR.split(text.strip().strip("().").strip()) if part]
    agencies = [part for part in parts if _is_agency(part, patterns)]
    return bool(agencies) and all(part in agencies or _NAME_PART.match(part) for part in parts)


def _is_parenthesised_credit(inner: str, patterns: _Patterns) -> bool:
    photo = _PHOTO_LEAD.match(inner.strip())
    if photo:
        return not photo.group("agency") or _is_agency(photo.group("agency"), patterns)
    return len(_CREDIT_SEPARATOR.split(inner.strip())) > 1 and _is_credit_parts(inner, patterns)


def _parenthesised_credit(line: str, patterns: _Patterns) -> re.Match[str] | None:
    return next((m for m in _PARENTHESES.finditer(line) if _is_parenthesised_credit(m.group(1), patterns)), None)


def _reads_as_a_sentence(tail: str) -> bool:
    """ "Photographs by Jo Lee hang in the hall" is copy; "Photo by jo on Unsplash" is a credit."""
    words = re.findall(r"[^\W\d_][\w'’-]*", tail)
    return sum(word[0].islower() and word.casefold() not in _CREDIT_SMALL_WORDS for word in words) >= 2


def _credit_strength(line: str, patterns: _Patterns) -> str | None:
    """ "strong" for a line that is a photo credit wherever it stands; "weak" for one that is a credit only
    beside a caption (a news agency's name alone, which is also how a byline's second line reads)."""
    if len(line.split()) > _MAX_CREDIT_WORDS or _BYLINE.match(line):
        return None
    lead = patterns.credit_lead.match(line)
    if lead:
        return None if _reads_as_a_sentence(line[lead.end():]) else "strong"
    whole = _PARENTHESES.fullmatch(line.strip())
    if whole and _is_parenthesised_credit(whole.group(1), patterns):
        return "strong"
    if not _is_credit_parts(line, patterns):
        return None
    if len(_CREDIT_SEPARATOR.split(line.strip())) > 1 or _is_photo_agency(line, patterns):
        return "strong"
    return "weak"


def _is_photo_agency(part: str, patterns: _Patterns) -> bool:
    key = " ".join(part.strip().strip("().").split()).casefold()
    return key in patterns.photo_agencies or bool(_AGENCY_PHOTO.match(part))


def _is_short_description(text: str) -> bool:
    """Short enough for a caption and not a quotation: with a photo credit attached, it is one."""
    return 0 < len(text.split()) <= _MAX_CAPTION_WORDS and not _QUOTES.search(text)


def _looks_like_caption(text: str, patterns: _Patterns) -> bool:
    """A short description of a picture: present tense, no quotes, no reporting verbs."""
    words = text.split()
    if not words or len(words) > _MAX_CAPTION_WORDS or _QUOTES.search(text):
        return False
    if patterns.caption_lead.match(text):
        return True
    if _REPORTING_VERB.search(text):
        return False
    verb = patterns.caption_verb.search(text)
    # The verb comes early, after the subject: "President Jane Roe meets with …".
    return verb is not None and len(text[: verb.start()].split()) <= 15 and (
        _ENDS_WITH_DATE.search(text) is not None or len(words) <= 45
    )


def _paragraph_towards(lines: list[Line], index: int, step: int) -> list[Line]:
    """The non-empty lines next to ``lines[index]`` in one direction, up to a blank line."""
    run: list[Line] = []
    position = index + step
    previous_number = lines[index].index
    while 0 <= position < len(lines) and abs(lines[position].index - previous_number) == 1:
        run.append(lines[position])
        previous_number = lines[position].index
        position += step
    return run if step > 0 else run[::-1]


def _caption_next_to(lines: list[Line], index: int, patterns: _Patterns, taken: set[int]) -> Iterator[Line]:
    """The caption paragraph directly above or below a credit line, if there is one."""
    for step in (1, -1):
        paragraph = _paragraph_towards(lines, index, step)
        if not paragraph:
            # A blank line separates them: the caption is the next paragraph over.
            neighbour = index + step
            if 0 <= neighbour < len(lines):
                paragraph = [lines[neighbour], *_paragraph_towards(lines, neighbour, step)]
                paragraph = paragraph if step > 0 else paragraph[::-1]
        # In copy without blank lines a "paragraph" is the whole story: look at the adjacent line alone.
        candidates = [paragraph, paragraph[:1] if step > 0 else paragraph[-1:]] if len(paragraph) > 1 else [paragraph]
        for candidate in candidates:
            text = " ".join(line.text for line in candidate)
            if candidate and not any(line.index in taken for line in candidate) and _looks_like_caption(text, patterns):
                yield from candidate
                break


@dataclass(frozen=True)
class OrphanCaptionOptions:
    extra_agencies: tuple[str, ...] = ()  # photo agencies and outlets beyond the built-in list


@check("orphan-caption", severity="warning", options=OrphanCaptionOptions)
def orphan_caption(document: Document, options: OrphanCaptionOptions) -> Iterator[Problem]:
    """Photo credit lines and captions standing in the body with no photo.

    What it does
    ------------
    Finds photo credits on a line of their own ("Jane Roe / Reuters", "Photo: John Doe, AP",
    "(AP Photo/Jane Roe)", "Jane Roe | Bloomberg | Getty Images", "Image caption …") and the
    caption paragraph that belongs to such a credit: a short description of a picture in the
    present tense, often ending in a place or a date, directly above or below the credit.
    A sentence of real copy that mentions Reuters or a photographer stays silent: a credit must
    be a short line of its own, and a caption must sit next to one. Add a newsroom's own photo
    sources with the option ``extra-agencies``.

    Why is this bad?
    ----------------
    When copy is taken from a web page or a CMS, the photo stays behind and its caption and
    credit fall into the text, where they read as nonsense ("Jane Roe / Reuters") or as a
    sentence in the wrong tense in the middle of the story.

    Example
    -------
    ::

        The mayor opened the bridge on Saturday.

        Jane Roe / Reuters

        Mayor John Doe cuts the ribbon at the new bridge, May 4, 2024.

    Reports line 3 (a photo credit) and line 5 (its caption).
    """
    patterns = _compile(options.extra_agencies)
    # Captions printed with their photo (HTML <figure>, Markdown image paragraphs) are not orphans.
    lines = [line for line in document.line_spans() if not document.is_photo_caption(line.start, line.end)]
    taken: set[int] = set()
    for index, line in enumerate(lines):
        strength = _credit_strength(line.text, patterns) if line.index not in taken else None
        if strength:
            captions = list(_caption_next_to(lines, index, patterns, taken | {line.index}))
            if strength == "weak" and not captions:
                continue
            taken.add(line.index)
            yield Problem(line.start, line.end, f'"{line.text}" is a photo credit with no photo')
            for caption in captions:
                taken.add(caption.index)
                yield Problem(caption.start, caption.end, "photo caption with no photo: a present-tense picture "
                              "description next to a credit")
        elif line.index not in taken and patterns.caption_marker.match(line.text):
            taken.add(line.index)
            yield Problem(line.start, line.end, "photo caption or credit left by a web page, with no photo")
        elif line.index not in taken and (credit := _parenthesised_credit(line.text, patterns)) and (
            _is_short_description(line.text[: credit.start()] + line.text[credit.end():])
        ):
            taken.add(line.index)
            yield Problem(line.start, line.end, "photo caption with its credit and no photo")
