"""How orphan-caption finds captions and credits on a page: first what is one wherever it stands, then the
captions beside credits and residue, then what a page prints twice."""

from __future__ import annotations

import bisect
import re

from newslint.document import Document
from newslint.finding import Problem

from ._caption_layout import Kind, PageLayout, PageLine, caption_part, is_wire_caption
from ._captions import TERMINAL, is_caption, is_plain_residue, reads_present_tense
from ._credits import CreditWords, attached_credit, is_agency
from ._furniture import BYLINE, is_widget
from ._lazy_pattern import lazy

_HEADLINE_WORDS = 25  # a headline, with its deck on the same line, is rarely longer
_SHORT_BELOW_CREDIT = 20  # words: most captions are shorter, a story's paragraph longer
_SOURCE = re.compile(r"^[(\[]?\s*(?:image\s+|photo\s+)?sources?\b", re.I)
# A picture's or a video's source: a platform, a channel, a camera's owner.
_PICTURE_SOURCE = re.compile(r"\b(?:youtube|facebook|instagram|twitter|tiktok|flickr|x\.com|vevo|photos?|images?|video"
                             r"|footage|screenshot|getty|shutterstock|istock|alamy|handout|file)\b", re.I)
_INSTITUTION = re.compile(r"\b(?:Board|Office|Bureau|Department|Dept|Council|Survey|Agency|Census|Commission"
                          r"|University|Institute|Association|Society|Authority|Administration|Ministry|Service"
                          r"|Center|Centre|Foundation|Fund|Bank|Reserve|Organi[sz]ation|Assessor|Clerk|District"
                          r"|County|City|State|Committee|Trust|Statistics|Registry|Police|Sheriff|Exchange|Markets?"
                          r"|Weather|Observatory)\b")
_FACT_BOX_LINES = 3
_FACT_BOX_WORDS = 20  # a table's row or a forecast's day ("Sunrise 6:38 a.m.; sunset 7:24 p.m. Tides at …")
_BULLETED_LINE = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s")
_CHAIN = lazy(r"\S\s*[/|]\s*\S")  # a name and its outlet: "Jo Lee / Dunmore Herald"
# A caption's own toggle ("Hide caption", "Close"), under the caption, not where the picture stood.
_CAPTION_TOGGLE = lazy(r"\b(?:caption|close|collapse|hide)\b", re.I)
_GALLERY_REPEATS = 3


class CaptionFinder:
    """The orphaned captions and credits of one document, found in passes over its lines."""

    def __init__(self, document: Document, words: CreditWords) -> None:
        self.document = document
        self.words = words
        self.layout = PageLayout(document, words)
        self.lines = self.layout.lines
        self.taken: set[int] = set()  # lines that are some picture's caption or credit already
        self.found: dict[int, Problem] = {}
        # The headline (the first line that is nothing else and no "Label:") is never a neighbour's caption; a
        # first line that ends in a full stop, or runs longer than any headline, is no headline.
        opening = next((item for item in self.lines if item.kind is None and not item.line.text.endswith(":")), None)
        if opening is not None and not TERMINAL.search(opening.line.text) and \
                len(opening.line.text.split()) <= _HEADLINE_WORDS:
            self.first_run = opening.run
        else:
            self.first_run = -1
        # "Source: Harlow County Fair Board" under a fact box's list is copy, not a picture's credit.
        self.fact_box_sources = {p for p, item in enumerate(self.lines) if self._under_a_fact_box(p)}
        self.taken.update(self.fact_box_sources)
        self.gallery_credits = self._gallery_credits()

    def problems(self) -> list[Problem]:
        self._stand_alone()
        self._captions_beside_credits()
        self._weaker_signs()
        self._copies()
        return [self.found[position] for position in sorted(self.found)]

    # The passes, in order.

    def _stand_alone(self) -> None:
        """Lines that are credits, captions-with-credits, markers or file names whatever stands beside them."""
        for position, item in enumerate(self.lines):
            text = item.line.text
            if position in self.fact_box_sources:
                continue
            if item.kind == "strong" or position in self.gallery_credits:
                self._report(position, _credit_message(text))
            elif item.kind == "attached":
                self._report(position, "photo caption with its credit and no photo")
            elif item.kind == "marker" and is_wire_caption(text):
                self._report(position, "a wire photo's caption (\"In this photo …\", \"This photo … shows\"), "
                                       "with no photo")
            elif item.kind == "marker":
                self._report(position, "photo caption or credit left by a web page, with no photo")
            elif item.kind == "file-name":
                self._report(position, f'"{_quote(text)}" is an image file name left where a photo stood')

    def _captions_beside_credits(self) -> None:
        for position, item in enumerate(self.lines):
            if (item.kind == "strong" or position in self.gallery_credits) and position not in self.fact_box_sources:
                # A chart's "Source:" sits under the chart's title, which reads like copy: ask for more evidence.
                caption = self._caption_beside(position, strong=_SOURCE.match(item.line.text) is None)
                if caption:
                    self._report_caption(caption, "a credit")

    def _weaker_signs(self) -> None:
        """Picture residue beside a caption, and an agency's name beside a caption or a reported credit."""
        # A credit in brackets ("(AFP)") is a picture's before a bare name is ("AFP" under a headline signs the
        # story): where both stand beside one caption, the bracketed one takes it.
        order = sorted(range(len(self.lines)),
                       key=lambda p: not self.lines[p].line.text.lstrip().startswith(("(", "[")))
        for position in order:
            item = self.lines[position]
            if item.kind == "residue" and not self._beside_found(position):
                # "Enlarge this image", "Photo": where a picture stood. "Photo" is also a menu's word, so beside it
                # the caption must show it describes a picture (a date, a place in view, the present tense);
                # "Enlarge this image" or "Photo 1 of 4" can be nothing else, and counts as a credit does.
                caption = self._caption_beside(position, strong=is_plain_residue(item.line.text),
                                               below_first=_CAPTION_TOGGLE.search(item.line.text) is None)
                if caption:
                    self._report_caption(caption, "what a page leaves where a photo stood")
            elif item.kind == "weak" and position not in self.taken:
                caption = self._caption_beside(position, strong=False)
                if caption or self._beside_found(position, kinds=("strong", "attached")):
                    self._report(position, _credit_message(item.line.text))
                    if caption:
                        self._report_caption(caption, "a credit")

    def _copies(self) -> None:
        """A page often prints a caption twice (the picture and its enlarged view, or once with its credit and
        once without it): the copy is a caption too."""
        lines = self.lines
        caption_lines: dict[str, int] = {}  # a caption's text → its first line
        for p in sorted(self.found):
            text = lines[p].line.text
            credit = attached_credit(text, self.words) if lines[p].kind == "attached" else None
            if lines[p].kind is None:
                caption_lines.setdefault(" ".join(text.split()), p)
            elif credit is not None:
                caption_lines.setdefault(" ".join(caption_part(text, credit).split()), p)
        ordered = sorted(caption_lines)
        for position, item in enumerate(lines):
            if position in self.found or item.kind is not None:
                continue
            text = " ".join(item.line.text.split())
            original = caption_lines.get(text)
            if original is None:
                original = _preview_of(text, ordered, caption_lines)
            if original is not None:
                number = self.document.position(lines[original].line.start)[0]
                self.found[position] = _problem(item, f"photo caption with no photo: a copy of the caption on line "
                                                      f"{number}")
                # The copy's own credit beside it ("(Jo Lee)", "Reuters"), which alone proves nothing.
                for beside in (position - 1, position + 1):
                    if 0 <= beside < len(lines) and lines[beside].kind == "weak" and beside not in self.taken and \
                            abs(lines[beside].run - item.run) <= 1:
                        self._report(beside, _credit_message(lines[beside].line.text))

    # What the passes share.

    def _gallery_credits(self) -> set[int]:
        """"Jo Lee / Dunmore Herald" reads as a byline once; printed three times or more under pictures' captions,
        it is a gallery's credit. A live blog signs each entry so too, but its first signature stands under the
        headline, where a gallery's first credit has its caption above it."""
        repeats: dict[str, list[int]] = {}
        for position, item in enumerate(self.lines):
            if item.kind == "weak" and _CHAIN.search(item.line.text):
                repeats.setdefault(" ".join(item.line.text.split()), []).append(position)
        return {position for positions in repeats.values() if len(positions) >= _GALLERY_REPEATS
                and self._caption_beside(positions[0], strong=True, steps=(-1,)) for position in positions}

    def _under_a_fact_box(self, position: int) -> bool:
        """A "Source:" line that names no picture's source (no agency, no chain, no platform) right under a list
        item, or under three short lines or more (a table's cells, a list's items): the source of a fact box's
        figures. Under a sentence, or a title alone, it is left a credit: on real pages that is mostly a
        chart's, whose picture is gone (bench/captions_accuracy.py lost 5 credits to that rule)."""
        item = self.lines[position]
        text = item.line.text
        lead = _SOURCE.match(text)
        if item.kind != "strong" or lead is None or position == 0 or re.search(r"[/|]", text):
            return False
        named = text[lead.end():].strip(" :.()[]")
        if is_agency(named, self.words) or _PICTURE_SOURCE.search(named):
            return False
        # A body's data ("the Harlow County Fair Board", "U.S. Census Bureau; county assessor"), not a person's
        # name: "Source: Jo Lee" is most often a photographer's credit.
        if not (_INSTITUTION.search(named) or named[:1].islower() or ";" in named or named.startswith("The ")):
            return False
        above = self.lines[position - 1]
        if above.kind is not None or item.run - above.run > 1:
            return False
        if _BULLETED_LINE.match(above.line.text):
            return True
        # A table's cells or a list's items as a page renders them: three short lines one after another, most of
        # them figures or finished sentences (not a page's furniture: "Related Articles", "Tags: …").
        box = self.lines[max(0, position - _FACT_BOX_LINES):position]
        facts = sum(1 for line in box if re.search(r"\d", line.line.text) or TERMINAL.search(line.line.text))
        return len(box) == _FACT_BOX_LINES and facts >= _FACT_BOX_LINES - 1 and all(
            line.kind is None and len(line.line.text.split()) <= _FACT_BOX_WORDS and later.run - line.run <= 1
            and line.run != self.first_run for line, later in zip(box, [*box[1:], item], strict=True))

    def _caption_beside(self, position: int, strong: bool, below_first: bool = False,
                        steps: tuple[int, ...] = (-1, 1)) -> list[int]:
        """The caption next to a credit or residue line: same paragraph first, then the page's usual side."""
        lines, layout = self.lines, self.layout
        chosen: list[list[int]] = []
        for step in steps:
            for candidate in layout.candidates(position, step):
                if any(p in self.taken or lines[p].kind is not None or lines[p].run == self.first_run
                       and lines[p].run != lines[position].run for p in candidate):
                    continue
                text = layout.text(candidate)
                # Directly above or below a credit, with no blank line between them, even an agency's name
                # alone is the caption's credit.
                close = lines[candidate[0]].run == lines[position].run and lines[position].kind == "weak"
                beyond = candidate[-1] + 1 if step > 0 else candidate[0] - 1
                # A picture stands apart from the copy: residue or furniture below the credit, and more of it (or
                # another picture) above the caption. Only a caption above its credit is framed so: below one, a
                # lone picture credit is as often followed by the story's lede. A stack of credits is one
                # picture's, so another credit below the credit is no frame.
                framed = strong and step < 0 and self._apart(position + 1, credits=False) and self._apart(beyond)
                # Tighter still: the text glued to the credit above it (no blank line), the picture's residue under
                # the credit ("View full size image"). That is a figure's own layout, whatever the tense.
                figure = strong and step < 0 and lines[candidate[-1]].run == lines[position].run and \
                    self._opens_its_run(candidate[0]) and self._residue_below(position)
                # Below a credit, across a blank line, stands the story's next paragraph as often as a caption
                # (a picture with only a credit, then the copy): there a paragraph longer than most captions must
                # show more than one sign.
                after = step > 0 and lines[candidate[0]].run != lines[position].run and \
                    len(text.split()) > _SHORT_BELOW_CREDIT
                if is_caption(text, beside_strong_credit=(strong or close) and not after, framed=framed,
                              figure=figure):
                    chosen.append(candidate)
                    break
        same_run = [c for c in chosen if lines[c[0]].run == lines[position].run]
        if same_run:
            return same_run[0]
        if not chosen:
            return []
        # Both sides read as captions: above a credit is the usual place; under residue ("Enlarge this image"), where
        # the picture itself stood, the caption follows the picture.
        return chosen[-1] if below_first else chosen[0]

    def _opens_its_run(self, position: int) -> bool:
        """Whether a blank line (or the page's start) stands above the line at ``position``."""
        return position == 0 or self.lines[position - 1].run != self.lines[position].run

    def _residue_below(self, position: int) -> bool:
        """Whether picture residue stands right under the line at ``position`` (across one blank line at most)."""
        below = position + 1
        return below < len(self.lines) and self.lines[below].kind == "residue" and \
            self.lines[below].run - self.lines[position].run <= 1

    def _apart(self, position: int, credits: bool = True) -> bool:
        """Whether the line at ``position`` is no paragraph of copy: more of a figure (a credit, residue), or
        page furniture (a byline, a share button, "Related Topics", "56 comments"); not a subhead, not the
        headline, not the page's edge."""
        if not 0 <= position < len(self.lines) or self.lines[position].run == self.first_run:
            return False
        item = self.lines[position]
        text = item.line.text
        if item.kind in ("strong", "weak", "attached"):
            return credits
        return item.kind is not None or BYLINE.match(text) is not None or is_widget(text)

    def _beside_found(self, position: int,
                      kinds: tuple[Kind | None, ...] = ("strong", "attached", "weak", None)) -> bool:
        """Whether a line directly above or below (across one blank line at most) has been reported."""
        lines = self.lines
        return any(0 <= p < len(lines) and p in self.found and lines[p].kind in kinds
                   and abs(lines[p].run - lines[position].run) <= 1 for p in (position - 1, position + 1))

    def _report(self, position: int, message: str) -> None:
        self.taken.add(position)
        self.found[position] = _problem(self.lines[position], message)

    def _report_caption(self, positions: list[int], beside: str) -> None:
        text = self.layout.text(positions)
        tense = "present-tense " if reads_present_tense(text) else ""
        for p in positions:
            self._report(p, f"photo caption with no photo: a {tense}picture description next to {beside}")


def _problem(item: PageLine, message: str) -> Problem:
    return Problem(item.line.start, item.line.end, message)


def _credit_message(text: str) -> str:
    if _SOURCE.match(text):
        return f'"{_quote(text)}" is a source credit (of a photo, chart or video) with nothing to credit'
    return f'"{_quote(text)}" is a photo credit with no photo'


def _preview_of(text: str, ordered: list[str], caption_lines: dict[str, int]) -> int | None:
    """ "The mayor cuts the ribbon at the … Read More": the shortened caption of a picture viewer."""
    shortened = re.sub(r"\s*(?:\.\.\.|…)\s*(?:read more|more)?\s*$", "", text, flags=re.I)
    if shortened == text or len(shortened.split()) < 5:
        return None
    index = bisect.bisect_left(ordered, shortened)
    if index < len(ordered) and ordered[index].startswith(shortened):
        return caption_lines[ordered[index]]
    return None


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = ["CaptionFinder"]
