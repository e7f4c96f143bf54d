"""A page's lines as orphan-caption sees them: what each line is, and the runs of lines between blank lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newslint.document import Document, Line

from ._captions import (
    SET_OFF_POSITION,
    TERMINAL,
    caption_evidence,
    caption_words,
    is_copy,
    is_file_name,
    is_headline,
    is_residue,
    is_short_description,
    reads_as_a_brief,
)
from ._credits import (
    CreditWords,
    attached_credit,
    credit_strength,
    is_agency,
    is_institution,
    is_photo_agency,
    is_picture_lead,
    without_widget_tail,
)
from ._lazy_pattern import lazy

MAX_CAPTION_LINES = 4  # a caption hard-wrapped in a .txt story; a longer run of lines is copy

Kind = Literal["strong", "weak", "residue", "attached", "marker", "file-name"]

# Where a person stands in a picture, set off as only a caption sets it: "Jo Lee, right, with …", "(left)".
# Not "from left" ("a challenge from left and right") and not "(R)" (a party).
_POSITIONED = re.compile(rf"{SET_OFF_POSITION}|\((?:left|right|centre|center|second from (?:left|right))\)"
                         r"|^(?:from (?:left|right)|left to right)\s*[,:]", re.I)


@dataclass(frozen=True)
class PageLine:
    line: Line
    run: int  # lines in one run follow each other with no blank line between them
    kind: Kind | None  # None: a line that may be copy, or a caption standing beside a credit


def caption_part(text: str, credit: str) -> str:
    """The caption of a line that carries its credit: the line without the credit (at its start, else its last
    occurrence: "A CAPE store opens. (AP)") and the credit's brackets."""
    line = without_widget_tail(text)
    before, found, after = line.rpartition(credit)
    if found and (not after.strip(" )].") or not line.startswith(credit)):
        return f"{before} {after}".strip(" |-–—()[]")  # the credit at the end ("… the quay. (Reuters)")
    return line[len(credit):].strip(" |-–—()[]") if found else line


# The wire's own caption openings, which point at the picture they sit under: "In this Jan. 9, 2014, file photo,
# …", "In this photo taken Monday, …", "In this image made from video, …", "This undated photo provided by the
# police shows …". Each names the picture's date or kind, or how it was made or came: "In this famous photo, Ali
# stands over Liston" (an obituary's copy), "In this photo finish", "In this market, the picture from Washington
# …", "This picture shows the scale of the problem" are figures of speech, and "This photo shows how it has
# changed, Ruiz said" reports what a picture shows (copy about it).
_PICTURE = r"(?:photo(?:graph)?|image|picture|frame grab|video grab|still image|screenshot|screen grab)(?![-\w])"
_PICTURE_WORDS = r"(?:(?:\d{1,4},?|[\w’'&]+\.?)\s+){0,6}?"  # commas only in a date's figures
_PICTURE_KIND = r"(?:file|handout|undated|aerial|(?:19|20)\d\d,?)\s+"
_PICTURED_BY = (r"(?:taken|made|provided|released|obtained|posted|shot|distributed|supplied|made available"
                r"|from\s+(?:a\s+)?(?:video|surveillance|security|drone|dashcam|body)|courtesy\s+of)\b")
_FILE_LABEL = r"(?:[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3},\s+File\s*[-–—]\s*)?(?:FILE\s*[-–—:]\s*)?"
_IN_THIS_PICTURE = lazy(
    rf"^{_FILE_LABEL}In this\s+{_PICTURE_WORDS}{_PICTURE_KIND}{_PICTURE},"
    rf"|^{_FILE_LABEL}In this\s+{_PICTURE_WORDS}{_PICTURE},?\s+{_PICTURED_BY}"
)
_THIS_PICTURE_SHOWS = lazy(
    rf"^{_FILE_LABEL}This\s+(?:{_PICTURE_WORDS}{_PICTURE_KIND}{_PICTURE},?\s+(?:{_PICTURED_BY}[^.]{{0,150}}?\s)?"
    rf"|{_PICTURE_WORDS}{_PICTURE},?\s+{_PICTURED_BY}[^.]{{0,150}}?\s)shows?\b"
)
_REPORTED = re.compile(r"\b(?:said|says|according to)\b")
# A sentence ends after a word of three lower-case letters or more: "Jan. 9", "Inc. Chairman", "St. Anne" go on.
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z\"“])")


# "1. The Salt Road, by Ana Ruiz. … (Harbor House)": a numbered list's entry, whose brackets hold a publisher,
# a party or a team, not a credit.
_LIST_ITEM = re.compile(r"^\d{1,3}[.)]\s")


def is_marker(text: str) -> bool:
    """ "Image caption …", "Image copyright …", "Caption: …": labels a page scraper left in front of captions;
    and the wire's caption opening ("In this file photo, …"), which no story's copy uses."""
    return caption_words().marker.match(text) is not None or is_wire_caption(text)


def is_wire_caption(text: str) -> bool:
    """ "In this Jan. 9, 2014, file photo, …", "This undated photo provided by … shows …": a caption by its words,
    whose first sentence reports no one (a second one may: "… Apple said Jobs is resigning")."""
    # Both open the line with "In this" or "This", or with a file label ("FILE - In this …"): any other line is
    # neither, and the patterns stay uncompiled on a story without one.
    opening = text.startswith(("In this", "This")) or "File" in text or "FILE" in text
    if not opening or not (_IN_THIS_PICTURE.match(text) or _THIS_PICTURE_SHOWS.match(text)):
        return False
    return _REPORTED.search(_SENTENCE_BREAK.split(text, maxsplit=1)[0]) is None


def kind_of(text: str, words: CreditWords, first_line: bool) -> Kind | None:
    strength = credit_strength(text, words)
    if strength:
        return strength
    if is_marker(text):
        return "marker"
    if is_file_name(text):
        return "file-name"
    if is_residue(text):
        return "residue"
    credit = attached_credit(text, words)
    if credit is not None:
        rest = caption_part(text, credit)
        # A headline ends without a full stop: "Council approves budget (AP)" is the wire's headline, not a caption.
        finished = TERMINAL.search(rest) is not None or text.startswith(credit.split()[0])
        opens = rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“'‘(" or text.startswith(credit.split()[0])
        # A credit that can only be a picture's ("(Photo credit: Jo Lee)") makes a caption of a title too
        # ("Harbour at dusk (Photo: Jo Lee)"), and so does a picture agency in brackets ("Jo Lee and Sam Park at
        # the Winter Ball [Rex]"; "Council Approves Budget (AP)" stays a wire headline); so does a position only a
        # picture has ("Jo Lee, right, with …").
        pictured = is_picture_lead(credit) or _POSITIONED.search(rest) is not None or \
            _bracketed_picture_agency(text, credit, words)
        # A credit in the middle of a line ("Expand (Photo: Jo Lee) Vials of …"), or after an unfinished
        # sentence, is a caption's only if the rest is no copy ("The bridge (photo: Jo Lee) reopened, the
        # council said.", "The deal was reported by NBC/Jo Lee").
        inline = not text.startswith(credit.split()[0]) and not _ends_with(text, credit)
        bare_tail = not finished and not text.rstrip().endswith((")", "]"))
        if (inline or bare_tail) and is_copy(rest):
            return None
        # "… arrested on Friday. (Tallis County Sheriff's Office)": a blotter's source, unless the sentence reads
        # as a picture's description ("Volunteers test a tracker on the dunes. (… Sheriff's Office)").
        if rest.rstrip("'\"’” ").endswith("?") and not text.rstrip().endswith((")", "]")) and \
                not text.startswith(credit.split()[0]):
            # "Which one called the race first? NPR": a question and its answer (not "…? [Splash]", nor a credit
            # glued in front: "Jo Lee/Getty ImagesShould the trophy …?")
            return None
        if is_institution(credit) and caption_evidence(rest) < 1:
            return None
        # "HOLTBY — The rail line reopened on Thursday. Trains will run … (Reuters)", "…, officials said. (AP)": a
        # wire brief's source, not a picture's credit ("(AP Photo)" names a picture, whatever the caption says).
        if (is_agency(credit, words) or words.outlet_word.match(credit)) and not is_photo_agency(credit, words) \
                and reads_as_a_brief(rest):
            return None
        if rest and opens and not _LIST_ITEM.match(rest) and is_short_description(rest) and (
                pictured or not is_headline(rest) and (
                    finished or not first_line)):
            return "attached"
    return None


def _bracketed_picture_agency(text: str, credit: str, words: CreditWords) -> bool:
    """A picture agency in brackets at the line's end: "[Rex]", "(Shutterstock)", "(REX)". An agency whose name is
    also a word may name a boat, a dog or a horse in parentheses ("Best in Show Border Collie (Rex)"), so there it
    must be written as a credit is: in capitals, or in square brackets."""
    line = text.rstrip()
    if not line.endswith((")", "]")) or not is_photo_agency(credit, words):
        return False
    return line.endswith("]") or credit.isupper() or " ".join(credit.split()).casefold() not in words.word_like_agencies


def _ends_with(text: str, credit: str) -> bool:
    return without_widget_tail(text).rstrip(" )].").endswith(credit.rstrip(" )]."))


class PageLayout:
    """The document's lines with what each one is, and the runs of lines between blank lines."""

    def __init__(self, document: Document, words: CreditWords) -> None:
        # Captions printed with their photo (HTML <figure>, Markdown image paragraphs) are not orphans.
        spans = [line for line in document.line_spans() if not document.is_photo_caption(line.start, line.end)]
        self.lines: list[PageLine] = []
        self.runs: list[list[int]] = []  # indexes into self.lines, per run
        previous = -2
        for line in spans:
            if line.index != previous + 1:
                self.runs.append([])
            self.runs[-1].append(len(self.lines))
            # Spacing collapsed: a run of spaces is no word, and no pattern should walk it once per position.
            self.lines.append(PageLine(line, len(self.runs) - 1, kind_of(" ".join(line.text.split()), words,
                                                                         not self.lines)))
            previous = line.index

    def candidates(self, position: int, step: int) -> list[list[int]]:
        """The caption candidates beside the line at ``position``, towards ``step``: the rest of its run on that side
        (or the neighbouring run across a blank line), as a whole when it is short, else its nearest line."""
        run = self.runs[self.lines[position].run]
        offset = run.index(position) if len(run) <= 2 * MAX_CAPTION_LINES else None
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
        if len(side) <= MAX_CAPTION_LINES:
            return [side, nearest] if len(side) > 1 else [side]
        return [nearest]

    def _across(self, position: int, step: int) -> list[int]:
        index = self.lines[position].run + step
        return self.runs[index] if 0 <= index < len(self.runs) else []

    def text(self, positions: list[int]) -> str:
        """The lines' text as one, its spacing collapsed."""
        return " ".join(word for p in positions for word in self.lines[p].line.text.split())


__all__ = ["MAX_CAPTION_LINES", "Kind", "PageLayout", "PageLine", "caption_part", "is_marker", "is_wire_caption",
           "kind_of"]
