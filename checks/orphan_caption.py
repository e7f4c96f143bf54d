"""orphan-caption: photo credits and captions left in the body with no photo."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator, Literal

from newslint.document import Document, Line
from newslint.finding import Problem
from newslint.registry import check

from ._captions import (
    caption_words,
    is_caption,
    is_file_name,
    is_headline,
    is_plain_residue,
    is_residue,
    is_short_description,
    reads_present_tense,
)
from ._credits import CreditWords, attached_credit, credit_strength, credit_words, is_picture_lead

_SHORT_BELOW_CREDIT = 20  # words: most captions are shorter, a story's paragraph longer
_MAX_CAPTION_LINES = 4  # a caption hard-wrapped in a .txt story; a longer run of lines is copy

Kind = Literal["strong", "weak", "residue", "attached", "marker", "file-name"]


@dataclass(frozen=True)
class _Line:
    line: Line
    run: int  # lines in one run follow each other with no blank line between them
    kind: Kind | None


def _kind(text: str, words: CreditWords, first_line: bool) -> Kind | None:
    strength = credit_strength(text, words)
    if strength:
        return strength
    if caption_words().lead.match(text) is None and _is_marker(text):
        return "marker"
    if is_file_name(text):
        return "file-name"
    if is_residue(text):
        return "residue"
    credit = attached_credit(text, words)
    if credit is not None:
        rest = _caption_part(text, credit)
        # A headline ends without a full stop: "Council approves budget (AP)" is the wire's headline, not a caption.
        finished = re.search(r"[.!?…]['\"’”)\]]*$", rest) is not None or text.startswith(credit.split()[0])
        opens = rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“'‘(" or text.startswith(credit.split()[0])
        # A credit that can only be a picture's ("(Photo credit: Jo Lee)") makes a caption of a title too
        # ("Harbour at dusk (Photo: Jo Lee)"); so does a position only a picture has ("Jo Lee, right, with …").
        pictured = is_picture_lead(credit) or _POSITIONED.search(rest) is not None
        if rest and opens and is_short_description(rest) and (pictured or not is_headline(rest) and (
                finished or not first_line)):
            return "attached"
    return None


_BYLINE = re.compile(r"^(?:by|posted|published|updated)\b", re.I)
_POSITIONED = re.compile(r",\s*(?:left|right|centre|center|second from (?:left|right))\s*,|\((?:left|right|centre|"
                         r"center|L|R)\)|\bfrom left\b|\bleft to right\b", re.I)
def _caption_part(text: str, credit: str) -> str:
    """The caption of a line that carries its credit: the line without the credit and its brackets."""
    return _WIDGET_TAIL.sub("", " ".join(text.split())).replace(credit, " ", 1).strip(" |-–—()[]")


_SOURCE = re.compile(r"^[(\[]?\s*(?:image\s+|photo\s+)?sources?\b", re.I)
_WIDGET_TAIL = re.compile(r"\s+(?:less|more|close|expand|hide|show)$", re.I)
_MARKER = re.compile(r"^(?:image|photo|picture|media)\s+(?:caption|copyright)\b|^caption\s*:", re.I)


def _is_marker(text: str) -> bool:
    """ "Image caption …", "Image copyright …", "Caption: …": labels a page scraper left in front of captions."""
    return _MARKER.match(text) is not None


class _Walk:
    """The document's lines with what each one is, and the runs of lines between blank lines."""

    def __init__(self, document: Document, words: CreditWords) -> None:
        # Captions printed with their photo (HTML <figure>, Markdown image paragraphs) are not orphans.
        spans = [line for line in document.line_spans() if not document.is_photo_caption(line.start, line.end)]
        self.lines: list[_Line] = []
        self.runs: list[list[int]] = []  # indexes into self.lines, per run
        previous = -2
        for line in spans:
            if line.index != previous + 1:
                self.runs.append([])
            self.runs[-1].append(len(self.lines))
            self.lines.append(_Line(line, len(self.runs) - 1, _kind(line.text, words, not self.lines)))
            previous = line.index

    def candidates(self, position: int, step: int) -> list[list[int]]:
        """The caption candidates beside the line at ``position``, towards ``step``: the rest of its run on that side
        (or the neighbouring run across a blank line), as a whole when it is short, else its nearest line."""
        run = self.runs[self.lines[position].run]
        offset = run.index(position) if len(run) <= 2 * _MAX_CAPTION_LINES else None
        if offset is None:  # a long run (copy without blank lines): only the adjacent line can be the caption
            neighbour = position + step
            if 0 <= neighbour < len(self.lines) and self.lines[neighbour].run == self.lines[position].run:
                return [[neighbour]]
            side = self._across(position, step)
            return [side[:1] if step > 0 else side[-1:]] if side else []
        side = run[offset + 1:] if step > 0 else run[:offset]
        if not side:
            side = self._across(position, step)
        if not side:
            return []
        nearest = side[:1] if step > 0 else side[-1:]
        if len(side) <= _MAX_CAPTION_LINES:
            return [side, nearest] if len(side) > 1 else [side]
        return [nearest]

    def _across(self, position: int, step: int) -> list[int]:
        index = self.lines[position].run + step
        return self.runs[index] if 0 <= index < len(self.runs) else []

    def text(self, positions: list[int]) -> str:
        return " ".join(self.lines[p].line.text for p in positions)


_compile = credit_words  # the word tables, built once per set of extra agencies


@dataclass(frozen=True)
class OrphanCaptionOptions:
    extra_agencies: tuple[str, ...] = ()  # photo agencies and outlets beyond the built-in list


def _credit_message(text: str) -> str:
    if _SOURCE.match(text):
        return f'"{_quote(text)}" is a source credit (of a photo, chart or video) with nothing to credit'
    return f'"{_quote(text)}" is a photo credit with no photo'


def _caption_message(text: str, beside: str) -> str:
    tense = "present-tense " if reads_present_tense(text) else ""
    return f"photo caption with no photo: a {tense}picture description next to {beside}"


@check("orphan-caption", severity="warning", options=OrphanCaptionOptions)
def orphan_caption(document: Document, options: OrphanCaptionOptions) -> Iterator[Problem]:
    """Photo credit lines and captions standing in the body with no photo.

    What it does
    ------------
    Finds photo credits that stand on a line of their own — "Jane Roe / Reuters", "Photo: John Doe, AP",
    "Photographer: Jo Lee/Getty Images", "(AP Photo/Jane Roe)", "Credit: NASA", "Courtesy of the family",
    "Via Facebook", "Source: Reuters", "© Jo Lee", "Jane Roe | Bloomberg | Getty Images" — and captions
    that carry their credit on the same line ("… on Jan. 9, 2014. (AP Photo)", "… [GETTY]",
    "… Photograph: Jo Lee for the Courier", "Jo Lee/Getty ImagesA crowd …"). Next to such a credit, or
    next to what a page leaves where a picture stood ("Photo", "Enlarge this image", "1 of 4"), it finds
    the caption: a short description of a picture, often in the present tense, often with a place or a
    date. "Image caption …" lines and image file names are reported wherever they stand.

    A news agency's name alone ("REUTERS") is reported only beside a caption, since a byline's second line
    reads the same. A sentence of copy that mentions Reuters or a photographer stays silent: a credit must
    be a line (or a line's end) of its own, and a caption must sit beside a credit or picture residue and
    read as a description — not as speech ("said"), not addressed to the reader, not continuing the
    paragraph before ("But …", "He …"), not a headline. Add a newsroom's own photo sources with the
    option ``extra-agencies``.

    Why is this bad?
    ----------------
    When copy is taken from a web page or a CMS, the photo stays behind and its caption and credit fall
    into the text, where they read as nonsense ("Jane Roe / Reuters") or as a sentence in the wrong tense
    in the middle of the story.

    Example
    -------
    ::

        The mayor opened the bridge on Saturday.

        Jane Roe / Reuters

        Mayor John Doe cuts the ribbon at the new bridge, May 4, 2024.

        Crews began work in 2022. (AP Photo/Kim Ray)

    Reports line 3 (a photo credit), line 5 (its caption) and line 7 (a caption with its credit).
    """
    words = _compile(options.extra_agencies)
    walk = _Walk(document, words)
    lines = walk.lines
    taken: set[int] = set()
    found: dict[int, Problem] = {}
    # The headline (the first line that is nothing else and no "Label:") is never a neighbour's caption; a
    # first line that ends in a full stop is no headline.
    opening = next((item for item in lines if item.kind is None and not item.line.text.endswith(":")), None)
    first_run = opening.run if opening and not re.search(r"[.!?…]['\"’”)\]]*$", opening.line.text) else -1

    def apart(position: int, credits: bool = True) -> bool:
        """Whether the line at ``position`` is no paragraph of copy: more of a figure (a credit, residue), or
        page furniture (a byline, a share button, "Related Topics"); not the headline, not the page's edge."""
        if not 0 <= position < len(lines) or lines[position].run == first_run:
            return False
        item = lines[position]
        text = item.line.text
        if item.kind in ("strong", "weak", "attached"):
            return credits
        return item.kind is not None or _BYLINE.match(text) is not None or " | " in text or (
            len(text.split()) <= 6 and re.search(r"[.!?…]['\"’”)\]]*$", text) is None)

    def caption_beside(position: int, strong: bool, sides: tuple[int, ...] = (-1, 1),
                       patterned: bool = False) -> list[int]:
        """The caption next to a credit or residue line: same paragraph first, then the page's usual side."""
        chosen: list[list[int]] = []
        for step in sides:
            for candidate in walk.candidates(position, step):
                if any(p in taken or lines[p].kind is not None or lines[p].run == first_run and lines[p].run !=
                       lines[position].run for p in candidate):
                    continue
                # Directly above or below a credit, with no blank line between them, even an agency's name
                # alone is the caption's credit.
                close = lines[candidate[0]].run == lines[position].run and lines[position].kind == "weak"
                beyond = candidate[-1] + 1 if step > 0 else candidate[0] - 1
                # A picture stands apart from the copy: residue or furniture behind the credit, and more of it (or
                # another picture) beyond the caption. A stack of credits is one picture's, so another credit
                # behind the credit is no frame.
                framed = strong and apart(position - step, credits=False) and apart(beyond)
                # Below a credit, across a blank line, stands the story's next paragraph as often as a caption
                # (a picture with only a credit, then the copy): there a paragraph longer than most captions must
                # show more than one sign.
                after = step > 0 and lines[candidate[0]].run != lines[position].run and not patterned and \
                    not framed and len(walk.text(candidate).split()) > _SHORT_BELOW_CREDIT
                if is_caption(walk.text(candidate), beside_strong_credit=(strong or close) and not after,
                              framed=framed, patterned=patterned):
                    chosen.append(candidate)
                    break
        same_run = [c for c in chosen if lines[c[0]].run == lines[position].run]
        if same_run:
            return same_run[0]
        return chosen[0] if chosen else []  # both sides read as captions: the one above is the usual place

    def report_caption(positions: list[int], beside: str) -> None:
        text = walk.text(positions)
        for p in positions:
            taken.add(p)
            found[p] = Problem(lines[p].line.start, lines[p].line.end, _caption_message(text, beside))

    # Lines that are credits, captions-with-credits, markers or file names whatever stands beside them.
    for position, item in enumerate(lines):
        line = item.line
        if item.kind == "strong":
            taken.add(position)
            found[position] = Problem(line.start, line.end, _credit_message(line.text))
        elif item.kind == "attached":
            taken.add(position)
            found[position] = Problem(line.start, line.end, "photo caption with its credit and no photo")
        elif item.kind == "marker":
            taken.add(position)
            found[position] = Problem(line.start, line.end, "photo caption or credit left by a web page, with no "
                                      "photo")
        elif item.kind == "file-name":
            taken.add(position)
            found[position] = Problem(line.start, line.end, f'"{_quote(line.text)}" is an image file name left '
                                      "where a photo stood")
    # The captions beside them, then the weaker signs: an agency's name or picture residue beside a caption.
    sides: dict[int, int] = {}  # credit → the side its caption stands on
    for position, item in enumerate(lines):
        if item.kind == "strong":  # a caption that carries its credit needs no neighbour
            # A chart's "Source:" sits under the chart's title, which reads like copy: ask for more evidence.
            caption = caption_beside(position, strong=_SOURCE.match(item.line.text) is None)
            if caption:
                report_caption(caption, "a credit")
                sides[position] = -1 if caption[0] < position else 1
    # A page prints its pictures alike: once two captions stand on one side of their credits, the line on that
    # side of another picture credit is its caption too, even when it tells of the past.
    usual = _usual_side(list(sides.values()))
    for position, item in enumerate(lines):
        if usual and item.kind == "strong" and position not in sides and _SOURCE.match(item.line.text) is None:
            caption = caption_beside(position, strong=True, sides=(usual,), patterned=True)
            if caption:
                report_caption(caption, "a credit, where this page prints its captions")
    for position, item in enumerate(lines):
        if item.kind == "residue" and not _beside(found, lines, position):
            # "Enlarge this image", "Photo": where a picture stood. "Photo" is also a menu's word, so beside it the
            # caption must show it describes a picture (a date, a place in view, the present tense); "Enlarge
            # this image" or "1 of 4" can be nothing else, and counts as a credit does.
            caption = caption_beside(position, strong=is_plain_residue(item.line.text))
            if caption:
                report_caption(caption, "what a page leaves where a photo stood")
        elif item.kind == "weak" and position not in taken:
            caption = caption_beside(position, strong=False)
            if caption or _beside(found, lines, position, kinds=("strong", "attached")):
                taken.add(position)
                found[position] = Problem(item.line.start, item.line.end, _credit_message(item.line.text))
                if caption:
                    report_caption(caption, "a credit")
    # A page often prints a caption twice (the picture and its enlarged view): the copy is a caption too.
    caption_lines = {" ".join(lines[p].line.text.split()): p for p in sorted(found, reverse=True)
                     if lines[p].kind is None}
    for p in sorted(found, reverse=True):  # … or once with its credit and once without it
        credit = attached_credit(lines[p].line.text, words) if lines[p].kind == "attached" else None
        if credit is not None:
            caption_lines.setdefault(" ".join(_caption_part(lines[p].line.text, credit).split()), p)
    ordered = sorted(caption_lines)
    for position, item in enumerate(lines):
        if position in found or item.kind is not None:
            continue
        text = " ".join(item.line.text.split())
        original = caption_lines.get(text)
        if original is None:
            original = _preview_of(text, ordered, caption_lines)
        if original is not None:
            found[position] = Problem(item.line.start, item.line.end, "photo caption with no photo: a copy of the "
                                      f"caption on line {_line_number(document, lines[original])}")
    for position in sorted(found):
        yield found[position]


def _usual_side(sides: list[int]) -> int:
    """The side of its credit a page prints captions on (-1 above, 1 below), when at least two agree; else 0."""
    above, below = sides.count(-1), sides.count(1)
    if max(above, below) >= 2 and min(above, below) == 0:
        return -1 if above else 1
    return 0


def _beside(found: dict[int, Problem], lines: list[_Line], position: int,
            kinds: tuple[Kind | None, ...] = ("strong", "attached", "weak", None)) -> bool:
    """Whether a line directly above or below (across one blank line at most) has been reported."""
    return any(0 <= p < len(lines) and p in found and lines[p].kind in kinds
               and abs(lines[p].run - lines[position].run) <= 1 for p in (position - 1, position + 1))


def _preview_of(text: str, ordered: list[str], caption_lines: dict[str, int]) -> int | None:
    """ "The mayor cuts the ribbon at the … Read More": the shortened caption of a picture viewer."""
    shortened = re.sub(r"\s*(?:\.\.\.|…)\s*(?:read more|more)?\s*$", "", text, flags=re.I)
    if shortened == text or len(shortened.split()) < 5:
        return None
    index = bisect.bisect_left(ordered, shortened)
    if index < len(ordered) and ordered[index].startswith(shortened):
        return caption_lines[ordered[index]]
    return None


def _line_number(document: Document, item: _Line) -> int:
    return document.position(item.line.start)[0]


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = ["OrphanCaptionOptions", "orphan_caption"]
