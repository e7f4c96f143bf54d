"""Recognising photo captions by what captions are, not by a list of verbs.

A caption is a short description of a picture: one to three sentences or a noun phrase ("Water sampling
station, East Village."), about the people and things in view, often in the present tense ("Firefighters
battle …", "… is seen …"), often with a place and the date the picture was taken ("… in Riverton,
Oct. 10, 2024."), written in the third person and quoting no one at length. That is what
:func:`caption_evidence` weighs. Copy next to a credit differs: it reports speech ("said"), talks to the
reader ("you", "we"), continues an earlier paragraph ("But …", "He …"), or is a headline or subhead.

Where a picture stood, a page also leaves residue: "Photo", "Enlarge this image", "View full size
image", a gallery counter ("1 of 4"), an image file name ("harbour-0412.jpg") — :func:`is_residue`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._furniture import is_promotion
from ._lazy_pattern import LazyPattern, lazy
from ._phrases import alternation, load_sections, normalise

MAX_CAPTION_WORDS = 70
_SHORT_CAPTION_WORDS = 40  # beside a strong credit, a description this short needs no further evidence

_REPORTING = lazy(
    r"\b(?:said|says|told|tells|according to|asked|added|announced|reported|wrote|writes|explained|insisted"
    r"|recalled|argued|warned|noted|stated|declared)\b",
    re.I,
)
# The reader or the writer in person: copy and promotion, never a caption.
_PERSON = lazy(r"(?<!War )\bI\b(?=\s+[a-z’'])"
                     r"|\b(?:we|We|you|You|your|Your|our|Our|my|My|me|I'm|I’m|we're|we’re|you're|you’re)\b")
# A paragraph that continues the one before it.
_CONTINUES = lazy(
    r"^(?:And|But|Or|So|Yet|Still|Also|However|Meanwhile|Instead|Then|Now|He|She|It|They|His|Her|Its|Their|These"
    r"|Those|That|There|Here|This(?!\s+(?:photo|image|picture|undated|handout|file|frame|still|screenshot|screen"
    r"|video|illustration|artist|aerial|satellite|combination|composite)))\b"
)
# A wire dateline opens a story, not a caption: "WASHINGTON (AP) —", "LONDON, Jan. 5 -".
_DATELINE = lazy(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*)*(?:\s*\([^)]{1,30}\))?\s*(?:—|–|--|-\s)")
_URL = lazy(r"https?://|www\.|@\w")
_COPYRIGHT = lazy(r"©|\(c\)\s|\ball rights reserved\b", re.I)
def _date_pattern() -> str:
    from ._dates import MONTH_PATTERN  # imported when a caption is first weighed, not with the check

    return (rf"(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b\d{{4}}-\d\d-\d\d"
            rf"|\b(?:in|on|of|from)\s+"
            rf"(?:\d{{4}}|the\s+\d{{4}}s))")


_DATE = lazy(_date_pattern)
# Where a person stands, set off by commas as only a caption sets it: "Jo Lee, left, with …".
SET_OFF_POSITION = r",\s*(?:far\s+)?(?:left|right|centre|center|second from (?:left|right))\s*,"
_PICTURE_WORDS = lazy(
    r"\((?:left|right|centre|center|top|bottom|front|back|far (?:left|right)|(?:second|third) from (?:left|right)"
    rf"|L|R|C)\)|\bfrom (?:left|right)\b|\bleft to right\b|{SET_OFF_POSITION}"
    # A composite picture's parts: "… then and now. Left, the first station … Right, the new one."
    r"|(?:^|[.!?]\s+)(?-i:Left|Right|Top|Bottom|Inset)(?:,|:)\s+(?!(?:and|or|right|left)\b)"
    r"|\b(?:is|are|was|were) (?:seen|shown|pictured|photographed|displayed|depicted)\b"
    r"|\bpictured\b|\blooks? on\b|\bposes?\b|\bshown\b|\bseen here\b|\bin this (?:photo|image|picture)\b"
    # Not a figure of speech or a compound that names no picture in view ("picture books", "the big picture",
    # "photo ID", "a photo finish", "its public image").
    r"|(?<!\bbig )(?<!\bbigger )(?<!\bwhole )(?<!\bpublic )(?<!\bbrand )(?<!\bself-)(?<!\bmirror )"
    r"\b(?:photo|image|picture|screenshot|illustration|artist['’]s (?:concept|impression|rendering))\b"
    r"(?![-\s](?:books?|perfect|postcards?|ID|IDs|op|ops|opportunit(?:y|ies)|finish|problem|rights)\b)",
    re.I,
)
# A present-tense verb after its subject: "Mayor Jo Hart speaks", "A man sends", "Police take up positions".
# What follows the verb tells it from a plural noun ("crossings during", "orders for"): an object, a particle,
# or a preposition with its noun phrase.
_OBJECT = r"(?:(?:a|an|the|his|her|their|its|this)\b|[A-Z]|\d)"  # a whole word: "makes them" has no object "the"
_PRESENT = lazy(
    r"^(?:[\w'’.,-]+\s+){0,14}?(?:(?!(?:was|has|does|this|his|its|yes|thus|plus|always|perhaps|towards|whereas"
    r"|besides|sometimes|afterwards|news|series|species|means|less|unless|across|famous|various|previous)\s)"
    r"[a-z]{2,}(?<![su]s)(?<!ss)(?<!ous)(?<!ics)s|take|hold|stand|walk|wait|watch|look|gather|march|clash|pray|work"
    r"|play|sit|carry|attend|block|dance|arrive|leave|ride|line|pose|celebrate|protest|rest|inspect|search|greet"
    r"|visit|cross|queue|prepare|shop|fill|sort|collect|load|clear|survey)"
    rf"\s+(?:{_OBJECT}|up|out|off|down|past|through|away|back|into|onto|toward|towards|outside|inside|near"
    rf"|next\s+to|along|across|around|(?:to|with|at|on|in|during|after|before|for|from|as)\s+{_OBJECT})"
)
_IRREGULAR_PAST = (r"met|went|came|took|made|gave|began|got|found|left|saw|won|lost|held|ran|fell|rose|sold|paid"
                   r"|built|brought|thought|spoke|chose|drove|flew|grew|knew|led|kept|sent|spent|stood|struck"
                   r"|taught|threw|wore|hung|fought|sat|became|broke|bought|caught|felt|heard|meant|said|told|wrote"
                   # Never an adjective before a noun ("a lit candle" and "a bit of rest" keep lit and bit out).
                   r"|sang|swam|shot|lent|dealt|drew|ate|forgot|hid|rode|shook|slept|stole|swore|tore|woke|dug|fled"
                   r"|overcame|rang|sank|shone|slid|sought|sprang|swung|undertook|underwent|upheld|withdrew|froze"
                   r"|forgave|arose|awoke|bled|clung|crept|flung|knelt|leapt|mistook|overtook|retook|stank|strode|wept"
                   r"|withheld|wrung|drank|forbade|foresaw|misled|oversaw|rewrote|sped|strove")
# A plural subject and its verb: "Residents wade through a …", "Police take up positions".
_PLURAL_PRESENT = lazy(
    rf"\b(?:[A-Za-z]{{3,}}(?<!ss)s|[Pp]olice|[Pp]eople|[Cc]hildren|[Mm]en|[Ww]omen|[Cc]rowds?)\s+"
    rf"(?!(?:{_IRREGULAR_PAST}|are|were|have|had|will|would|can|could|may|might|should|must|do|did|by|of|in|on"
    rf"|at|to|for|and|or|but|the|an|from|with|over|under|than|that|which|who|per|into|as|after|before|since|last"
    rf"|this|next|each|every|more|most|less|such|both|all|its|their|our|your|were|also)\b)"
    rf"[a-z]{{2,}}(?<!ed)(?<!s)\s+(?:{_OBJECT}|up|out|off|down|past|through|away|back|into|onto|toward|towards"
    rf"|outside|inside|near|next\s+to|along|across|around|(?:to|with|at|on|in|during|after|before|for|from)\s+"
    rf"{_OBJECT})"
)
# A named person and a verb in -s: "… librarian Amara Quist reads …" (not the text's first word, which is
# capitalised anyway: "Evacuation orders …").
_NAMED_SUBJECT = lazy(r"(?<=\S\s)[A-Z][a-z]+\s+(?!(?:was|has|is|does|this|his|its|news|series)\b)"
                            r"[a-z]{3,}(?<![su]s)(?<!ss)(?<!ous)s\b")
# Another tense in the sentence: the -s word is then a plural noun, not a caption's present tense.
_OTHER_TENSE = lazy(rf"\b(?:was|were|had|will|would|has been|have been|{_IRREGULAR_PAST})\b")
# The past tense of a report: a caption describes what is in view, copy tells what happened.
_PAST = lazy(rf"\b(?:was|were|had|has been|have been|{_IRREGULAR_PAST}"
             rf"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeing )[a-z]{{3,}}ed(?=\s+(?:{_OBJECT}|by|to|in|on|at|through"
             rf"|up|out|off|down|into|over|for|with|from|after|across|around|as)\b))\b")
_PLURAL_SUBJECT = lazy(r"\b[A-Za-z]{3,}(?<!ss)s\s+(?!of\b|and\b|or\b|in\b|on\b|at\b|for\b|to\b)[a-z]{2,}\b")
# Anything that may be a finite verb: an auxiliary, a lower-case word in -s or -ed, a common irregular past.
_FINITE = lazy(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|shall|should|must|do|does|did"
    r"|[a-z]+(?<![su]s)(?<!ss)s|[a-z]{2,}ed|met|went|came|took|made|gave|began|got|found|left|saw|won|lost|held"
    r"|ran|fell|rose|sold|paid|built|brought|thought|spoke|chose|drove|flew|grew|knew|led|put|set|cut|hit|kept"
    r"|sent|spent|stood|struck|taught|threw|wore|hung|fought|sat|became|broke|bought|caught|felt|heard|meant"
    r"|read|said|told|wrote|sang|swam|shot)\b"
)
_CLOCK = lazy(r"\b\d{1,2}:\d\d\s*(?:[ap]\.?m\b|[ap]\.m\.|et|est|edt|gmt|bst|utc)", re.I)  # a timestamp
_SENTENCES = lazy(r"[.!?…](?=['\"’”)\]]*\s+[A-Z])")  # sentence breaks inside a paragraph
TERMINAL = lazy(r"[.!?…]['\"’”)\]]*$")  # a finished sentence's end


@dataclass(frozen=True)
class CaptionWords:
    residue: frozenset[str]
    lead: LazyPattern  # "Pictured:", "From left:", "In this photo", "FILE -"
    marker: LazyPattern  # "Image caption", "Image source,", "Caption:", "[caption id=…]"


@lru_cache(maxsize=1)
def caption_words() -> CaptionWords:
    words = load_sections("caption_words.txt")
    leads = words["caption-lead"]
    return CaptionWords(
        residue=frozenset(normalise(p) for p in words["residue"]),
        lead=lazy(r"^" + alternation(leads) + r"(?:\b|\s|:|$)", re.I),
        # A marker is a whole word or label ("Image caption …", not "Image captioning"); after a comma, the
        # credit's name follows ("Image source, Getty Images", not "Image source, format and size …").
        marker=lazy(r"^(?:" + "|".join(
            re.escape(p).replace(r"\ ", r"\s+") + (r"(?=\s*(?-i:[A-Z]))" if p.endswith(",") else "")
            for p in words["caption-marker"]) + r")(?:(?<=[:,])|(?=[\s,:\]]|$))", re.I),
    )


_GALLERY_COUNTER = lazy(r"^(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}\.?$", re.I)
_FILE_NAME = lazy(r"^[\w.,()\-]{1,120}\.(?:jpe?g|png|gif|webp|tiff?|bmp|avif)$", re.I)
GALLERY_PREFIX = lazy(r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}\.?\s+(?=[A-Z])")


def is_residue(line: str) -> bool:
    """What a page leaves where a picture stood: "Photo", "Enlarge this image", "1 of 4", "img_0412.jpg"."""
    if len(line) > 140:
        return False
    bare = normalise(line).strip(" .:•|·»›>()[]")
    return bare in caption_words().residue or _GALLERY_COUNTER.match(bare) is not None or is_file_name(line)


def is_plain_residue(line: str) -> bool:
    """Residue no menu prints: "Enlarge this image", "View full size image", "Photo 1 of 4" (not "Photo", nor a
    bare "1 of 10", which a listicle numbers its items with)."""
    bare = normalise(line).strip(" .:•|·»›>()[]")
    if not is_residue(line):
        return False
    counter = _GALLERY_COUNTER.match(bare)
    return bare[:1].isalpha() if counter else len(bare.split()) >= 2


def is_file_name(line: str) -> bool:
    return _FILE_NAME.match(line.strip()) is not None


def _unquoted(text: str) -> str:
    """The text without its quotations, so that a quoted title's words do not count as the caption's."""
    return re.sub(r"[\"“][^\"“”]{0,200}[\"”]", " ", text)


def is_headline(text: str) -> bool:
    """A headline or subhead: no full stop, and most words capitalised ("Related Topics", "From Haiti to Hollywood")."""
    if TERMINAL.search(text):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words:
        return True
    capitalised = sum(word[0].isupper() for word in words)
    small = sum(word.casefold() in {"a", "an", "the", "of", "to", "in", "on", "for", "and", "at", "by", "with",
                                    "from", "vs", "or"} for word in words)
    return capitalised + small >= len(words) and len(words) <= 15


def is_copy(text: str) -> bool:
    """Text that reads as a paragraph of copy, never as a caption: speech, the reader, a continuation."""
    bare = _unquoted(text)
    if _REPORTING.search(bare) or _PERSON.search(bare) or _URL.search(text):
        return True
    if re.search(r"[\"“”]", text) and len(text) - len(bare) > 60:
        return True  # a long quotation
    return _CONTINUES.match(text) is not None or _DATELINE.match(text) is not None


def caption_evidence(text: str) -> int:
    """How much ``text`` reads like a picture's description: 0 for not at all; -1 for something that cannot be
    one (copy, a headline, too long). Short text beside a credit needs no evidence; see :func:`is_caption`."""
    text = GALLERY_PREFIX.sub("", text.strip())
    words = text.split()
    opening = text[:1]
    if not (2 <= len(words) <= MAX_CAPTION_WORDS) or not (opening.isupper() or opening.isdigit()
                                                          or opening in "(\"“'‘"):
        return -1
    # A question is a headline's or a teaser's ("Will the tunnel open on time?"), never a picture's description.
    # A quotation alone is a pull quote; "Related: …" a link to another story.
    if not _unquoted(text).strip(" .,;:—–-") or is_promotion(text) or _COPYRIGHT.search(text):
        return -1  # and a copyright notice ("Images © 2025 Harbour Media. All rights reserved.") is the site's
    if is_copy(text) or is_headline(text) or _CLOCK.search(text) or is_residue(text) or \
            text.rstrip("'\"’” ").endswith((":", ",", ";", "?")):
        return -1
    if caption_words().lead.match(text):
        return 3
    evidence = 0
    if _DATE.search(text):
        evidence += 1
    if _PICTURE_WORDS.search(text):
        evidence += 1
    bare = _unquoted(text)
    if reads_present_tense(bare):
        evidence += 1
    elif len(words) >= 3 and not _FINITE.search(bare) and not _PLURAL_SUBJECT.search(bare) and TERMINAL.search(text):
        evidence += 1  # a noun phrase, no verb at all: "Water sampling station, East Village."
    return evidence


_ASIDE = lazy(r" ?\([^()]{1,30}\)")  # "(far left)", "(22)", "(BSE)": read the sentence around them
# Where people stand, whose "left" is no past tense: "from left", "left to right", "Jo Lee, left, greets …".
_STANDING = lazy(r"\b(?:(?:second|third)\s+)?from\s+(?:left|right)\b|\bleft\s+to\s+right\b"
                 r"|(?<=,\s)(?:far\s+)?(?:left|right)(?=\s*,)")


def reads_present_tense(text: str) -> bool:
    bare = _STANDING.sub(" ", _ASIDE.sub("", _unquoted(text)))
    present = _PRESENT.search(bare) is not None or _PLURAL_PRESENT.search(bare) is not None or \
        _NAMED_SUBJECT.search(bare) is not None
    return present and _OTHER_TENSE.search(bare) is None


def is_caption(text: str, *, beside_strong_credit: bool, framed: bool = False, figure: bool = False) -> bool:
    """Whether ``text``, standing next to a credit or residue, is that picture's caption.

    ``framed``: the credit and the text stand apart from the copy, with more of the figure (residue, another
    credit) or page furniture on their far sides. A short description there needs no further sign of being
    one, unless it tells of the past as copy does ("The river rose overnight.").

    ``figure``: the text is glued to its credit with the picture's residue beyond: a description of any tense
    ("The first ferry had two decks.") that is short and no copy is the caption."""
    evidence = caption_evidence(text)
    if evidence < 0:
        return False
    if not beside_strong_credit:
        return evidence >= 2
    bare = _unquoted(text)
    described = framed and _PAST.search(bare) is None
    sentences = len(_SENTENCES.findall(text)) + 1
    if figure and sentences <= 2 and len(text.split()) <= _SHORT_CAPTION_WORDS:
        return True
    if not TERMINAL.search(text):  # a fragment ("Firefighters reach the dog") must show that it describes
        return evidence >= 1 or (described and len(text.split()) >= 6 and _FINITE.search(bare) is not None) or \
            is_portrait_caption(text)
    if sentences <= 2 and len(text.split()) <= _SHORT_CAPTION_WORDS:
        return evidence >= 1 or described
    # Longer, or three sentences and more: copy as often as a caption.
    return evidence >= (1 if sentences <= 2 else 2)


# A portrait's caption: a person's name (two capitalised words or more), then who the person is ("Ines Varga,
# founder of Saltworks", "Mayor Jo Hart and her husband"), with no verb. Not a place and a time ("New York, in
# the rain", "Wimbledon, day three"); a newsroom role after the name is a byline's ("Jo Lee, staff writer").
_PORTRAIT = lazy(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*(?:,\s+|\s+and\s+)"
                 r"(?!(?:in|on|at|from|for|with|to|by|after|before|during|of|day|night|week|part|round|stage)\b)"
                 r"(?:(?:the|a|an|his|her|their)\s+)?[a-z]")
_NEWSROOM = lazy(r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff|critic|journalist"
                 r"|producer|photographer|author|blogger)s?\b", re.I)
_PORTRAIT_WORDS = 12


def is_portrait_caption(text: str) -> bool:
    """ "Ines Varga, founder of Saltworks": beside a photo credit, a name and who the person is."""
    return len(text.split()) <= _PORTRAIT_WORDS and len(text) <= 120 and _PORTRAIT.match(text) is not None and \
        _FINITE.search(_unquoted(text)) is None and _NEWSROOM.search(text) is None


def reads_as_a_brief(text: str) -> bool:
    """A news brief, not a caption: it opens with a dateline ("HOLTBY — …"), reports what someone said ("…,
    officials said."), or runs to two sentences or more ("… reopened on Thursday. Trains will run …")."""
    return _DATELINE.match(text) is not None or _REPORTING.search(_unquoted(text)) is not None or \
        _SENTENCES.search(text) is not None


def is_short_description(text: str) -> bool:
    """The caption part of a line that carries its own credit: short, and not a paragraph of copy."""
    text = GALLERY_PREFIX.sub("", text.strip())
    words = text.split()
    if not (1 <= len(words) <= MAX_CAPTION_WORDS) or _URL.search(text):
        return False
    bare = _unquoted(text)
    return not (_REPORTING.search(bare) or _PERSON.search(bare)) or len(words) <= 25


__all__ = ["GALLERY_PREFIX", "MAX_CAPTION_WORDS", "SET_OFF_POSITION", "TERMINAL", "caption_evidence", "caption_words",
           "is_caption", "is_copy", "is_file_name", "is_headline", "is_plain_residue", "is_portrait_caption",
           "is_residue", "is_short_description", "reads_as_a_brief", "reads_present_tense"]
