"""orphan-caption: photo credits and captions left in the body with no photo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from newslint.document import Document
from newslint.finding import Problem
from newslint.registry import check

from ._caption_finder import CaptionFinder
from ._credits import credit_words

# The word tables, built once per set of extra agencies; a name of its own so that a test can make the check
# fail (tests/test_cli.py) without touching the shared credit module.
_compile = credit_words


@dataclass(frozen=True)
class OrphanCaptionOptions:
    extra_agencies: tuple[str, ...] = ()  # photo agencies and outlets beyond the built-in list


@check("orphan-caption", severity="warning", options=OrphanCaptionOptions)
def orphan_caption(document: Document, options: OrphanCaptionOptions) -> Iterator[Problem]:
    """Photo credit lines and captions standing in the body with no photo.

    What it does
    ------------
    Finds photo credits that stand on a line of their own — "Jane Roe / Reuters", "Photo: John Doe, AP",
    "Photographer: Jo Lee/Getty Images", "(AP Photo/Jane Roe)", "Credit: NASA", "Courtesy of the family",
    "Via Facebook", "Source: Reuters", "© Jo Lee", "Jane Roe | Bloomberg | Getty Images", "(File photo)",
    "Photo credit: www.example.org/Town", "Styling by Jo Lee", "Credit...Jo Lee for The Times" — and captions
    that carry their credit on the same line ("… on Jan. 9, 2014. (AP Photo)", "… [GETTY]",
    "… Photograph: Jo Lee for the Courier", "Jo Lee/Getty ImagesA crowd …"). Next to such a credit, or
    next to what a page leaves where a picture stood ("Photo", "Enlarge this image", "Photo 1 of 4"), it finds
    the caption: a short description of a picture, often in the present tense, often with a place or a
    date. Beside a credit that can only be a picture's, a short description needs no further sign when the
    picture stands apart from the copy, with residue or page furniture around it; below a credit, a
    paragraph longer than most captions needs two signs, since a picture with only a credit is often
    followed by the story's lede. "Image caption …", "Image source, …" lines, the wire's
    caption openings ("In this Jan. 9, 2014, file photo, …", "In this photo taken Monday, …", "This undated
    photo provided by the police shows …") and image file names are reported wherever they stand; a
    sentence that reports what a picture shows ("This photo shows how it has changed, Pell said") or uses
    a figure of speech ("In this picture-perfect town") is copy.

    A news agency's name alone ("REUTERS") and a name with an outlet no list knows ("Kira Vessel / Dunmore
    Herald") are reported only beside a caption, since a byline reads the same. A sentence of copy that
    mentions Reuters or a photographer stays silent: a credit must be a line (or a line's end) of its own,
    and a caption must sit beside a credit or picture residue and
    read as a description — not as speech ("said"), not addressed to the reader, not continuing the
    paragraph before ("But …", "He …"), not a headline. A subhead that opens with a credit's word
    ("Credit Card Debt", "Via Rail Canada", "Copyright Fight") is no credit: with no colon, such a lead needs
    a chain, an agency or "for The Outlet" after it; nor is a transcript's "[Laughter]", or the
    "(Publisher)" of a numbered list. Add a newsroom's own photo sources with the option
    ``extra-agencies``.

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
    yield from CaptionFinder(document, _compile(options.extra_agencies)).problems()


__all__ = ["OrphanCaptionOptions", "orphan_caption"]
