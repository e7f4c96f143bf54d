"""Recognising photo credits: a credit line on its own, and a credit attached to the end or start of a caption.

A credit names who made or supplied a picture. Pages print it in a handful of shapes, and a credit is
recognised by its shape and its names, never by its position alone:

- a lead word and a name: "Photo: Jane Roe", "Photograph by Jane Roe/Reuters", "Photographer: …",
  "Credit: …", "Illustration by …", "Source: Reuters", "Courtesy of NASA", "Via Facebook", "© Jane Roe",
  "Mandatory Credit: …"; several of them in a row ("Animation by Jo Lee. Photo by Kim Ray/AFP");
- a chain of names joined by "/", "|" or "via", one of them an agency: "Jane Roe / Reuters",
  "Jane Roe | Bloomberg | Getty Images", "Bloomberg via Getty Images", "Jo Lee/for The Valley Courier";
- any of those in parentheses or brackets: "(AP Photo/Jane Roe)", "(Credit: Jo Lee/Outlet)", "[GETTY]";
- a news agency's name alone ("REUTERS", "The Associated Press"): a credit only beside a caption, because
  that is also how the second line of a byline reads.

:func:`credit_strength` judges a whole line; :func:`attached_credit` finds a credit glued to a caption
("… on Jan. 9, 2014. (AP Photo)", "… patient [GETTY]", "… Photograph: Jo Lee for the Courier",
"Jo Lee/Getty ImagesA crowd gathers …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ._lazy_pattern import LazyPattern, lazy
from ._name_parts import surname_rank
from ._phrases import alternation, load_sections

Strength = Literal["strong", "weak"]

_MAX_CREDIT_WORDS = 16
_MAX_CREDIT_LINE_WORDS = 30  # "Courtesy of X. See a larger version of the map." is still one credit line
# A name as credits write it: capitalised words, initials, particles, hyphens and apostrophes ("Jean-Luc
# de la Croix", "A. Name", "O'Neil"); a word may be a domain ("Shutterstock.com") or a number ("KGUN 9").
_PARTICLES = r"(?:de|da|do|dos|du|van|von|der|den|del|della|di|la|le|al|el|bin|ibn|y|and|&|of|the|for|in|on)"
_NAME_WORD = r"(?:[A-Z0-9][\w'’.&-]*|[a-z]+\.(?:com|org|net|co\.uk))"
_NAME = lazy(rf"^{_NAME_WORD}(?:[\s,]+(?:{_NAME_WORD}|{_PARTICLES}))*$")
_CHAIN_SEPARATOR = lazy(r"\s*[/|]\s*|\s+via\s+|\s*;\s*", re.I)
_SEGMENT_SEPARATOR = lazy(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])|\s*;\s+")
# Words a credit may hold in lower case: "Photo by ev on Unsplash", "courtesy of the family", "for the Courier".
_SMALL_WORDS = frozenset({
    "via", "on", "and", "of", "de", "da", "van", "von", "der", "la", "le", "for", "by", "cc", "courtesy", "the",
    "staff", "photographer", "photographers", "file", "files", "handout", "photo", "photos", "image", "images",
    "illustration", "graphic", "creative", "commons", "archive", "archives", "collection", "magazine", "library",
    "supplied", "pool", "contributor", "special", "to", "in", "at", "from", "with", "stock", "family", "picture",
    "pictures", "video", "animation", "screenshot", "screengrab", "still", "used", "permission",
    "provided", "credit", "vendors", "estate", "left", "right", "top", "bottom", "above", "below", "inset",
    "main", "cover", "artwork", "design", "map", "chart", "data", "footage", "reader", "readers", "viewer", "viewers",
})
# Positions that introduce one credit of several: "Left: Photo by …. Right: Courtesy …".
_POSITION = lazy(
    r"^(?:(?:top|bottom|far|centre|center|upper|lower)\s+)?(?:left|right|top|bottom|above|below|main|inset|"
    r"centre|center|cover|opposite)\s*(?::|-|–|—)\s*", re.I,
)
_SENTENCE_END = lazy(r"(?:[.!?…]|[.!?][\"'”’)\]])\s+|[\"'”’]\s+")


@dataclass(frozen=True)
class CreditWords:
    agencies: frozenset[str]  # casefolded; news organisations, which also sign bylines
    photo_agencies: frozenset[str]  # casefolded; sources that only ever credit pictures
    chain_only: frozenset[str]  # casefolded; broadcasters and generic picture sources, a credit beside a name only
    word_like_agencies: frozenset[str]  # casefolded; photo agencies whose one-word name is also a word ("Rex")
    lead: LazyPattern  # "Photo:", "Photograph by", "Credit", "Source:", "Courtesy of", "Via", "©"
    tail_lead: LazyPattern  # the same leads where they follow a caption on its line
    outlet_word: LazyPattern  # "… Times", "… Daily News": an outlet's name, known or not




def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold().strip(" .,")


@lru_cache(maxsize=16)
def credit_words(extra_agencies: tuple[str, ...] = ()) -> CreditWords:
    words = load_sections("caption_words.txt")
    # The lead and what joins it to the name: "Photo: X", "Photo by X", "Photo/X", "Photo courtesy of X",
    # "Credit X" (no colon) and "Courtesy X" (no "of").
    joiner = (r"(?:\s*:\s*|\s*/\s*|\s+(?:(?:provided|supplied|taken)\s+)?(?:by|via|from)\s*:?\s*"
              r"|\s+courtesy(?:\s+of)?\s*:?\s*|\s+credits?\s*:\s*|\s*©\s*)")  # "Photo © Jo Lee / Wild River"
    lead = alternation(words["credit-lead"])
    bare = alternation(words["credit-lead-bare"])
    return CreditWords(
        agencies=frozenset(re.sub(r"^the\s+", "", _key(a)) for a in (*words["agency"], *extra_agencies)),
        photo_agencies=frozenset(re.sub(r"^the\s+", "", _key(a)) for a in words["photo-agency"]),
        chain_only=frozenset(_key(a) for a in words["chain-only"]),
        word_like_agencies=frozenset(_key(a) for a in words["photo-agency-word"]),
        # "Credit...Jo Lee for The Times": the ellipsis a page's hidden label leaves behind.
        lead=lazy(rf"^(?:{lead}{joiner}|{bare}(?:\s*:\s*|\s*(?:\.\.\.|…)\s*|\s+|$)|©\s*|\(c\)\s+)", re.I),
        tail_lead=lazy(rf"(?:(?<!\S)|(?<=[a-z][.!?]))(?:{lead}{joiner}|{bare}(?:\s*:\s*|\s*(?:\.\.\.|…)\s*"
                       rf"|\s+(?=[A-Z]))|©\s*)", re.I),
        outlet_word=lazy(rf"^(?:the\s+)?(?:[A-Z][\w'’.-]*\s+(?:and\s+|of\s+(?:the\s+)?)?){{0,4}}"
                               rf"{alternation(words['outlet-word'])}$"),
    )


def _reads_as_a_sentence(text: str) -> bool:
    """ "Photographs by Jo Lee hang in the hall" is copy; "Photo by jo on Unsplash" is a credit."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return sum(word[0].islower() and word.casefold() not in _SMALL_WORDS for word in words) >= 2


def is_agency(text: str, words: CreditWords) -> bool:
    key = re.sub(r"^the\s+", "", _key(text))
    if key in words.agencies or key in words.photo_agencies:
        return True
    key = re.sub(r"\s+(?:photos?|images?|pictures?|staff|files?|pool)$", "", key)  # "AP Photo", "Reuters Staff"
    key = re.sub(r"\.(?:com|co\.uk|org|net)$", "", key)  # "istockphoto.com"
    return key in words.agencies or key in words.photo_agencies


# The client a photo agency shot for: "Lumen Network" in "Getty Images for Lumen Network".
_CLIENT = lazy(r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}")


def _is_picture_source(part: str, beside: list[str], words: CreditWords) -> bool:
    """In a chain: a photo agency with the client it shot for ("Getty Images for Lumen Network"), a source that
    credits only beside a name ("NPR", "Action Images"), or a source of pictures by its name ("Harbour Pictures")
    beside a photographer's name (a known surname last: "Local News / Community Photos" is a menu's path)."""
    agency, found, client = part.rpartition(" for ")
    if found and _CLIENT.fullmatch(client) and is_photo_agency(agency, words):
        return True
    photographer = any(len(other.split()) >= 2 and _is_name(other)
                       and surname_rank(other.split()[-1].split("-")[-1]) is not None for other in beside)
    return photographer and (_key(part) in words.chain_only or is_photo_agency(part, words))


def is_photo_agency(text: str, words: CreditWords) -> bool:
    key = _key(text)
    return key in words.photo_agencies or re.search(r"\s(?:photos?|images?|pictures?)$", key) is not None


# Capitalised function words mark a title ("Where Credit Is Due", "How To Turn Off …"), never a name.
_TITLE_WORD = lazy(r"\b(?:Is|Are|Was|How|What|Where|Why|When|Who|To|Off|Your|Our|My|It|Its|Keep|Less|More|Do|Does"
                   r"|Not|Can|Will|Be|Into|Up|Out|Now|Rules|Basics|Simple|Tips|Guide)\b")


def _is_name(part: str) -> bool:
    part = re.sub(r"^(?:for|by)\s+", "", part.strip(), flags=re.I)
    return len(part.split()) <= 7 and _NAME.match(part) is not None


def _is_filler(part: str) -> bool:
    """Parts of a chain that name no one: "File", "Files", "File 2013", "Pool", "Handout"."""
    return re.fullmatch(r"(?:file(?:s|\s+photo)?|pool|handout|staff|(?:file\s+)?\d{4})", part.strip(), re.I) is not None


_NEWSROOM_ROLE = lazy(r"for\s+[A-Z]|[Ss]pecial\s+to\s+(?:the\s+)?[A-Z]|(?:[A-Z][\w.&'’-]*\s+)+(?:STAFF|Staff)$"
                      r"|(?:[Ss]taff|[Cc]ontributing|STAFF|CONTRIBUTING)\s+(?:[Pp]hotographer|PHOTOGRAPHER)$")
# An agency's picture number at the end of a credit: "… /Shutterstock (12345678a)".
_IMAGE_ID = lazy(r"\s*\(\d{5,}[a-z]?\)$")


def chain_strength(text: str, words: CreditWords, *, roles: bool = True) -> Strength | None:
    """Names and agencies joined by "/", "|", "via" or ";", at least one of them an agency (or, with ``roles``,
    a newsroom role: "Special to the Courier", "Courier Staff")."""
    parts = [part.strip(" .,") for part in _CHAIN_SEPARATOR.split(text.strip()) if part.strip(" .,")]
    if not parts or len(parts) > 6:
        return None
    hyphened = re.fullmatch(r"(.+?)-((?:[A-Z][\w.&]*\s?)+)", parts[-1])
    if hyphened and _is_name(hyphened.group(1)) and is_agency(hyphened.group(2), words):
        return "strong"  # "Jo Lee-USA TODAY Sports": the sports wires' own join
    # "Jo Lee/for The Courier", "Jo Lee/Special to the Courier", "JO LEE/COURIER STAFF", "Jo Lee/Staff
    # Photographer": the outlet a photographer works for, or the role, is as good as an agency.
    # "… SHERIFF'S DEPT./CONTRIBUTED IMAGE", "Jo Lee/Courier staff photo": the kind of picture names it a photo,
    # beside a full name (not "News/Staff photo", a menu's path).
    agencies = [part for part in parts if is_agency(part, words) or len(parts) > 1 and (
        _is_picture_source(part, [other for other in parts if other != part], words) or
        roles and _NEWSROOM_ROLE.match(part) or _FILE_PHOTO.fullmatch(part) and _ONE_PICTURE.search(part)
        and any(len(other.split()) >= 2 for other in parts if other != part))]
    if not agencies and len(parts) == 2 and "/" in text and _is_name(parts[0]) and len(parts[1].split()) > 1 \
            and words.outlet_word.match(parts[1]):
        # "Kira Vessel / Dunmore Herald": an outlet no list knows. A byline reads the same under a headline, so
        # it is a credit beside a caption only.
        return "weak"
    if not agencies or not all(part in agencies or _is_filler(part) or _is_name(part) for part in parts):
        return None
    if len(parts) > 1:
        return "strong"
    # "Getty Images" alone is a credit; "Flickr" or "Getty" alone may be a menu item or a share button.
    if any(is_photo_agency(part, words) and len(part.split()) > 1 for part in agencies):
        return "strong"
    return "weak"


_SITE_COPYRIGHT = lazy(r"^(?:©|\(c\)|copyright)?\s*(?:\d{4}\b|©)|rights reserved|\b(?:inc|ltd|llc|plc|co|corp|"
                             r"limited|group|media group)\b\.?", re.I)
# "(File photo)", "(Courier file photo)", "(Submitted photo)": an outlet's name (capitalised, no verb) or a kind of
# picture before "photo".
_FILE_PHOTO = lazy(r"(?:(?:[Tt]he\s+)?(?!(?:See|View|Read|Click|Open|Tap|Watch)\b)[A-Z][\w.'’-]*\s+){0,4}"
                   r"(?i:file|submitted|contributed|staff|handout|courtesy)\s+(?i:photo|image|picture|photograph)s?")
_ONE_PICTURE = lazy(r"(?i:photo|image|picture|photograph)$")  # "Staff photos", plural, is a gallery's menu item
# Unbracketed, only the bare label: "File photo", "Submitted photo" (not "Our Favourite Staff Photos").
_BARE_FILE_PHOTO = lazy(r"(?:file|submitted|contributed|handout)\s+(?:photo|image|picture|photograph)", re.I)
_VIDEO_LEAD = lazy(r"^videos?\s*:", re.I)
_PLURAL_LEAD = lazy(r"^(?:photos|pictures|images|videos)\s*:", re.I)


_FILE_AND_YEAR = lazy(r"(?<=\w),\s+(?:(?:[A-Z][\w'’.-]*\s+){0,3}(?i:file|staff)(?:\s+(?i:photo))?(?:,\s+(?:19|20)\d\d)?"
                      r"|(?:19|20)\d\d)$")


def _is_credit_name(text: str, words: CreditWords, *, explicit: bool = False, courtesy: bool = False) -> bool:
    """What follows a credit's lead: names, agencies and outlets, joined as credits join them ("Jo Lee/Reuters",
    "Jo Lee for the Courier", "NASA/ESA", "Aviation Safety Network; ICAO"), or a nested lead ("Illustration by
    Jo Lee"), or a short credit in lower case ("the family", "the vendors"). After a lead that can only
    introduce a picture's credit ("Photo credit:", ``explicit``), a web address or a user's handle is one too
    ("Photo credit: www.example.org/CityHall", "Photo credit: jlee via Flickr cc"). After "Courtesy of", whose
    picture it is may be said with a possessive ("Courtesy of the artist's estate", "… of Jo Lee's Instagram").
    A copyright notice may close the credit ("Credit: Jo Lee/Outlet © 2024 Owner")."""
    text = re.sub(r"\s+(?:©|\(c\))\s*(?:\d{4}\s+)?[A-Z][^©]{0,60}$", "", text.strip(" .,:"))
    text = _FILE_AND_YEAR.sub("", text)  # "Jo Lee, Courier file, 2011": when and from where the picture came
    if not text or len(text.split()) > _MAX_CREDIT_WORDS or (
            not explicit and re.search(r"https?://|www\.", text)):
        return False
    nested = words.lead.match(text)
    if nested and nested.end() < len(text):
        return _is_credit_name(text[nested.end():], words, explicit=explicit,
                               courtesy=courtesy or re.search(r"\bcourtesy\b", nested.group(), re.I) is not None)
    pieces = [p.strip(" .,") for p in re.split(r"\s*[/|;]\s*|\s+via\s+|\s+and\s+|\s+[-–—]\s+", text)
              if p.strip(" .,")]
    for piece in pieces:
        piece = re.sub(r"^(?:by|for|the)\s+", "", piece, flags=re.I)
        if is_agency(piece, words) or _is_filler(piece):
            continue
        owner = re.fullmatch(r"(.+?)['’]s\s+(\S+(?:\s+\S+){0,3})", piece)
        if owner and courtesy and _SOURCE_NOUN.search(owner.group(2)) and (_is_name(owner.group(1)) or all(
                word.casefold() in _SMALL_WORDS for word in owner.group(1).split())):
            continue  # "the museum's archive", "Jo Lee's Instagram page"; not "Jo Lee's generosity"
        if owner and _INSTITUTION.fullmatch(owner.group(2)) and _is_name(owner.group(1)):
            continue  # "Harlan County Sheriff's Office", "St. Mary's Hospital"
        if re.search(r"['’]s\b", piece):
            return False  # "Kim's Wedding Day" is a headline; a photographer's name has no possessive
        if courtesy and _OWNER_OF.fullmatch(piece):
            continue  # "the Whitlow family", "the town of Orrington", "the estate of Jo Lee"
        if _is_name(piece):
            continue
        if all(word.casefold() in _SMALL_WORDS for word in piece.split()):
            continue  # "courtesy of the vendors"
        handle = re.fullmatch(r"(\S{1,30})\s+on\s+(.{2,40})", piece)
        if handle and is_agency(handle.group(2), words):
            continue  # a user name on a photo site: "Photo by ev on Unsplash"
        if len(piece.split()) == 1 and re.fullmatch(r"[a-z][\w.-]{1,30}", piece):
            continue  # a user name: "Photo by jlee"
        if explicit and all(word[0].isupper() or word.casefold() in _SMALL_WORDS for word in piece.split()):
            continue  # "Compfight cc"
        return False
    return True


# What owns a picture's rights, besides a person or an agency.
_INSTITUTION = lazy(r"(?:Office|Department|Hospital|Museum|Library|Archives?|Foundation|Service|Bureau|Agency|"
                    r"Association|Society|League|Trust|Council|College|University|School|Church|Collection)")
_OWNER_OF = lazy(r"(?:the\s+)?(?:(?:[A-Z][\w'’.-]*\s+){1,3}(?:family|estate|collection|archives?)"
                 r"|(?:town|city|village|county|state|estate|family|office|department|university|people|friends)"
                 r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4})")


def _lead_credit(text: str, words: CreditWords) -> Strength | None:
    """ "Photo: Jane Roe", "Photo by:", "Credit: NASA/ESA", "Courtesy of the family", "© Jane Roe"."""
    lead = words.lead.match(text)
    if not lead:
        return None
    rest = text[lead.end():].strip(" .,:")
    introduced = lead.group().casefold()
    if not rest:
        # "Photo by:" alone: the name went to the next line.
        return "strong" if re.search(r"\bby\b|(?:photo|image|picture)s?\s+credits?|credits?\s*:", introduced) else None
    if introduced.lstrip().startswith(("©", "(c)", "copyright")) or introduced.rstrip().endswith("©"):
        # "© 2024 Example Media. All rights reserved": the site's copyright line, which promo-text reports.
        if _SITE_COPYRIGHT.search(rest) or len(rest.split()) > 10 or _reads_as_a_sentence(rest):
            return None
        # The word with no colon ("Copyright Fight", a subhead) names the owner only beside a caption, unless it
        # is an agency's or a credit's chain ("Copyright Jo Lee/Outlet").
        if re.fullmatch(r"\s*copyright\s*", introduced) and not (is_agency(rest, words) or re.search(r"[/|]", rest)):
            return "weak"
        # "© Agence France-Presse" closes a wire story as often as it credits a picture: a credit beside a caption.
        if is_agency(rest, words) and not is_photo_agency(rest, words):
            return "weak"
        return "strong"
    if _TITLE_WORD.search(rest) or re.search(r"\s(?:By|Via|From|Taken|Provided|Supplied)\b(?!\s*:)", lead.group()) \
            and not re.search(r"[/|;]", rest):
        return None  # "Screenshot: How To Turn Off …", "Images Taken By Hubble": a headline, not a credit
    if not _is_credit_name(rest, words, explicit=is_picture_lead(introduced),
                           courtesy=re.search(r"\bcourtesy\b", introduced, re.I) is not None):
        return None
    named = re.search(r"[/|;]", rest) or is_agency(rest, words) or re.search(r"\b(?:by|courtesy)\b", rest, re.I)
    if ":" not in introduced and not re.search(r"\b(?:by|via|courtesy|of)\b|/", introduced):
        # "Credit X", "Via X", "Courtesy X" with no colon: a single unknown word must follow Via or Courtesy.
        if len(rest.split()) == 1 and not is_agency(rest, words) and not introduced.startswith(("via", "courtesy")):
            return None
    # "Credit Jo Lee/The Courier", "Credit Jo Lee for The Courier", "Via Facebook"; "Credit Card Debt" and "Via
    # Rail Canada" are subheads; so is "Courtesy Car Dispute", though "Courtesy Jo Lee" (a listed surname last)
    # is a credit.
    if re.fullmatch(r"(?:credit|via|courtesy)\s+", introduced) and len(rest.split()) > 1 and \
            not (named or re.search(r"\bfor\s+[A-Z]", rest)) and \
            not (introduced.startswith("courtesy") and surname_rank(rest.split()[-1]) is not None):
        return "weak"
    if introduced.startswith("submitted"):
        return "weak"  # "Submitted by Jo Lee": a reader's photo, or the sender of a community notice
    if _VIDEO_LEAD.match(text) and not named and not re.search(r"\bby\b", introduced):
        return None  # "Video: Harbour Festival Highlights" is a promo's title; "Video: Jo Lee/Reuters" a credit
    if _PLURAL_LEAD.match(text) and not named:
        return "weak"  # "Photos: Harbour Festival" is as often a gallery's link as its credit
    return "strong"


# A lead that introduces nothing but a picture's credit: "Photo:", "Photo by", "Image credit:", "Photograph
# courtesy of" (not "Photos:", a gallery's link as often, nor "Video:", a promo's label).
_PICTURE_LEAD = lazy(r"^\s*[(\[]?\s*(?:photo|image|picture|photograph|photographer|illustration)(?:\s+credits?)?"
                     r"\s*(?::|\bby\b|\bvia\b|\bcourtesy\b|/)", re.I)


def is_picture_lead(text: str) -> bool:
    return _PICTURE_LEAD.match(text) is not None


# A photo shoot's credits name a person: "Styling by Jo Lee", "Hair and makeup: Kim Ray" (not "Makeup by the
# numbers", a subhead).
def _shoot_credit_pattern() -> str:
    roles = alternation(load_sections("caption_words.txt")["shoot-role"])
    return (rf"^(?i:{roles})(?:\s+by|\s*:)\s+(?!(?:The|A|An)\s)"
            r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*(?:\s+(?:for|at|using|with)\s+\S.{0,40}?)?\.?$")


_SHOOT_CREDIT = lazy(_shoot_credit_pattern)


# A fashion shoot's credits name the maker of what is worn: "Blazer and vest by Harbour & Co. Shirt by Lisle."
# One garment alone ("Shirt by Carven.") reads as a subhead as often ("Ring by Friday"), so a credit lists two
# garments or more; one with a price ("Dress by Lisle, $460.") is a shopping feature's copy.
@lru_cache(maxsize=1)
def _garments() -> frozenset[str]:
    return frozenset(garment.casefold() for garment in load_sections("caption_words.txt")["wardrobe"])


def _is_garment(item: str) -> bool:
    """ "vest", "Wool coat", "bow ties": a garment of the list, after one word of material or colour at most."""
    words = item.casefold().split()
    for size in (2, 1):
        if len(words) - size in (0, 1) and len(words) >= size:
            worn = " ".join(words[-size:])
            if worn in _garments() or worn.endswith("s") and worn[:-1] in _garments():
                return words[0].isalpha() or len(words) == size
    return False


_MAKER = lazy(rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLES})){{0,4}}")
_WARDROBE_WORDS = 12  # one credit of a shoot's list


def _garments_credited(segment: str) -> int:
    """How many garments "Blazer and vest by Harbour & Co." credits to a maker; 0 for any other text (a price
    among them). Split with plain string operations, so that no pattern backtracks over a long list."""
    segment = segment.strip().rstrip(".")
    if len(segment.split()) > _WARDROBE_WORDS or " by " not in segment:
        return 0
    worn, _, maker = segment.partition(" by ")
    items = [item for item in re.split(r",\s*|\s+and\s+|\s*&\s*", worn) if item]
    if not items or not all(_is_garment(item) for item in items) or not _MAKER.fullmatch(maker):
        return 0
    return len(items)


def _is_wardrobe_list(text: str) -> bool:
    """A shoot's credits for what is worn, as a list: two garments or more."""
    counts = [_garments_credited(segment) for segment in _SEGMENT_SEPARATOR.split(text) if segment.strip()]
    return bool(counts) and all(counts) and (len(counts) >= 2 or counts[0] >= 2)


# What a possessive after "Courtesy of" may own: a picture's source ("Jo Lee's Instagram page", "the museum's
# archive", "Jo Lee's mother"), or the rest of an institution's name ("Christie's Images", "McDonald's Corp.").
_SOURCE_NOUN = lazy(r"^(?-i:[A-Z])|\b(?:instagram|facebook|twitter|tiktok|youtube|flickr|family|estate|archives?"
                    r"|collection|website|page|account|feed|office|studio|foundation|museum|library|gallery"
                    r"|press office|mother|father|parents|son|daughter|wife|husband|sister|brother|grandmother"
                    r"|grandfather)\b", re.I)


def _segment_is_credit(segment: str, words: CreditWords) -> Strength | None:
    segment = _POSITION.sub("", segment.strip()).strip()
    if not segment:
        return None
    # A cheap test first: most lines hold neither "by" nor a colon, and never need the pattern compiled.
    if re.search(r"\sby\s|:", segment) and _SHOOT_CREDIT.match(segment) and not _TITLE_WORD.search(segment):
        return "strong"
    lead = _lead_credit(segment, words)
    if lead:
        return lead
    return chain_strength(segment, words)


def _unwrap(text: str) -> tuple[str, bool]:
    """The text inside one pair of parentheses or brackets around the whole of it, and whether there were any."""
    stripped = text.strip()
    if len(stripped) > 2 and (stripped[0], stripped[-1]) in (("(", ")"), ("[", "]")):
        inner = stripped[1:-1]
        if not re.search(r"[()\[\]]", inner):
            return inner.strip(), True
    return stripped, False


# Who hands out a picture (not a team, a school or a council, which a listing puts in brackets after a sentence).
_HANDOUT_SOURCE = lazy(r"Office|Department|Dept\.?|Museum|Library|Archives?|Collection|Foundation|Hospital|Police")


def is_institution(credit: str) -> bool:
    """ "Tallis County Sheriff's Office", "Fenwick Police Department": a picture's source, and a police blotter's
    or a listing's source after each item as often."""
    words = credit.strip(" ()[]").split()
    return len(words) >= 2 and _HANDOUT_SOURCE.fullmatch(words[-1]) is not None


# A gallery's credits in one list: "(Image credits: Jo Lee; Harbour Museum; Kim Ray; …)".
_CREDIT_LIST = lazy(r"^\s*[(\[]?\s*(?:photo|image|picture)s?\s+credits\s*:\s*(.+?)\s*[)\]]?\s*$", re.I)


def _is_credit_list(line: str, words: CreditWords) -> bool:
    """A plural credits lead, which only a picture's credits follow, then names or agencies split by ";", of any
    length."""
    listed = _CREDIT_LIST.match(line) if len(line) <= 2000 and ";" in line else None
    if listed is None:
        return False
    pieces = [piece.strip(" .,") for piece in listed.group(1).split(";")]
    named = sum(1 for piece in pieces if piece and len(piece.split()) <= 5 and _is_credit_name(piece, words))
    return len(pieces) >= 3 and named >= 0.8 * len(pieces)  # a user's handle may be in words ("… user Kim")


def credit_strength(line: str, words: CreditWords) -> Strength | None:
    """ "strong" for a line that is a photo credit wherever it stands; "weak" for one that is a credit only
    beside a caption (a news agency's name alone, a bare name in parentheses)."""
    if _is_credit_list(line, words) or " by " in line and _is_wardrobe_list(line):
        return "strong"
    if len(line) > 400 or len(line.split()) > _MAX_CREDIT_LINE_WORDS:
        return None
    line = _IMAGE_ID.sub("", " ".join(line.split()))
    text, wrapped = _unwrap(line)
    text = text.rstrip(" .")
    if not text:
        return None
    byline = re.match(r"^by\s+", text, re.I)
    if byline:
        # "By Jane Roe/WireImage" is a credit; "By Jane Roe" and "By Jane Roe, Reuters" are bylines.
        chain = chain_strength(text[byline.end():], words, roles=False)  # "By Courier Staff | More" is a byline
        return "strong" if chain == "strong" and re.search(r"[/|]", text) else None
    segments = [s for s in _SEGMENT_SEPARATOR.split(text) if s.strip()]
    first = _segment_is_credit(segments[0], words)
    if len(segments) == 1 or first is None:
        if first is None and len(segments) > 1:
            first = chain_strength(text, words)  # "SOURCE: A; B; C" splits on ";" as a chain would
        if first is None and "|" in text:
            pieces = [p for p in re.split(r"\s+\|\s+", text) if p.strip()]
            # "Text by Jo Lee | Photography by Kim Ray | Produced by Al Moss": one piece is a photo credit.
            if len(pieces) > 1 and any(_lead_credit(p, words) == "strong" for p in pieces) and \
                    all(re.match(r"^[\w ]{1,30}\bby\s+\S", p) or _lead_credit(p, words) for p in pieces):
                return "strong"
        if first is None and wrapped and _is_name(text) and len(text.split()) <= 4 and text[0].isupper():
            return "weak"  # "(Jo Lee)": a credit beside a caption, a parenthetical anywhere else
        if first is None and (wrapped and _FILE_PHOTO.fullmatch(text) or _BARE_FILE_PHOTO.fullmatch(text)):
            return "strong"  # "(File photo)", "(Courier file photo)", "Submitted photo"
        if first is None and wrapped and line.strip().startswith("[") and re.fullmatch(r"via\s+\S.{0,40}", text,
                                                                                         re.I):
            return "strong"  # "[via Outlet]"
        return first
    if first == "strong" and all(_segment_is_credit(s, words) for s in segments[1:]):
        return "strong"
    if first == "strong" and _lead_credit(_POSITION.sub("", segments[0].strip()), words) == "strong":
        # "Courtesy of TeleGeography. See a larger version of the map.": the credit, then the viewer's note.
        return "strong"
    return None


_MEDIA_TAGS = lazy(r"^(?:video|videos|slideshows?|photos?|pictures?|pics|gallery|audio|watch|listen|live|"
                         r"updated?|interactive|map|graphic|poll|quiz|podcast|opinion|analysis|exclusive|report|"
                         r"sponsored|ad|promoted)$", re.I)
# "[GETTY]", "[AFP/EPA]", "[Getty]", "[Jo Lee]"; not "[Laughter]" or "[Applause]": a transcript's notes are a
# closed set of words.
_BRACKET_TOKEN = lazy(r"^(?!(?i:laughter|applause|inaudible|crosstalk|cheers|cheering|booing|boos|music|silence"
                      r"|pause|sic|unintelligible|groans|coughs|singing|chanting|indiscernible|unclear)$)"
                      r"(?:[A-Z]{2,10}(?:\s*/\s*[A-Z]{2,10})*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")
_WIRE_TAIL = lazy(r"(?<=[a-z\d,]\s)((?:[A-Z]{2,}(?:[\s-][A-Z]{2,})*)"
                  r"(?:\s*/\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})+)$")
_GLUE_POINT = lazy(r"(?<=[a-z.])(?=[A-Z][a-z'’]|[AI]\s|\d)|(?<=[A-Z]{2})(?=[AI]\s|[A-Z][a-z]|\d)")


def _ends_as_a_credit(head: str, words: CreditWords) -> bool:
    parts = [part.strip() for part in re.split(r"\s*/\s*", head) if part.strip()]
    return is_agency(parts[-1], words) or (is_agency(parts[0], words) and len(parts[-1].split()) >= 2)
_FOR_HEAD = lazy(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*/\s*for\s+[A-Z]")


_INLINE_PICTURE_CREDIT = lazy(r"[(\[]\s*((?:AP\s+)?(?:photo|image|picture|photograph)(?:\s+credits?)?\s*(?::|\bby\b|/)"
                              r"[^()\[\]]{2,80}?)\s*[)\]]", re.I)


# What a picture viewer prints after its caption: "less", "Close", "Purchase Licensing Rights, opens new tab".
_WIDGET_TAIL = lazy(r"\s+(?:less|more|close|expand|hide|show|purchase licensing rights(?:,\s*opens new tab)?)$", re.I)


def without_widget_tail(line: str) -> str:
    """The line with its spacing collapsed and a picture viewer's trailing widget word taken off."""
    return _WIDGET_TAIL.sub("", " ".join(line.split()))


def _bracketed_tail(line: str) -> tuple[str, str, str] | None:
    """(opening bracket, inner text, text before) of a bracketed stretch that ends the line."""
    if not line.endswith((")", "]")):
        return None
    opening = "(" if line.endswith(")") else "["
    start = line.rfind(opening, max(0, len(line) - 82))
    if start <= 0 or re.search(r"[()\[\]]", line[start + 1:-1]):
        return None
    return opening, line[start + 1:-1].strip(), line[:start].rstrip()


# The author's name runs to the bracket: "… by Ines Varga (Harbor House)"; not "… led by Mayor Ana Ruiz. (Reuters)",
# a caption's finished sentence.
_BY_AUTHOR = lazy(r"\bby\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|&))*,?$")
# "Closed Sun", "Sat and Sun": the day, not The Sun.
_OPENING_DAYS = lazy(r"(?:\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\b|\b(?:[Cc]losed|[Oo]pen)\b)"
                     r"[^.]{0,40}\bSun\.?$")


# A full stop that ends no sentence: a clock's "a.m."/"p.m.", an initial.
_NO_SENTENCE_END = lazy(r"(?:\b[ap]\.m\.|(?<![\w.])[A-Z]\.)\s+$")


def attached_credit(line: str, words: CreditWords) -> str | None:
    """The credit at the end of a caption ("… (AP Photo)", "… [GETTY]", "… Photo: Jo Lee", "… Jo Lee/Getty
    Images") or glued to its start ("Jo Lee/Getty ImagesA crowd …", "Jo Lee/for The Courier A crowd …")."""
    if len(line) > 1200:  # a caption is a paragraph at most
        return None
    line = without_widget_tail(_IMAGE_ID.sub("", " ".join(line.split())))
    bracket = _bracketed_tail(line)
    if bracket:
        opening, inner, before = bracket
        # "The Salt Road by Ines Varga (Harbor House)": a book list's publisher, after its author.
        listing = _BY_AUTHOR.search(before) is not None
        if before and not listing and not _MEDIA_TAGS.match(inner) and (
            _segment_is_credit(inner, words)
            or (opening == "(" and _FILE_PHOTO.fullmatch(inner))  # "… in 2006. (Courier file photo)"
            or (opening == "[" and (_BRACKET_TOKEN.match(inner) or re.fullmatch(r"via\s+\S.{0,40}", inner, re.I)))
            # "… prospects. (Jo Lee)": a name in parentheses after a finished sentence.
            or (opening == "(" and before.endswith((".", "”", '"')) and _is_name(inner)
                and 2 <= len(inner.split()) <= 4 and "'" not in inner and "’" not in inner)
            # "… new clients. (Harlan County Sheriff's Office)": an institution that handed out the picture.
            or (opening == "(" and before.endswith(".") and _is_name(inner) and len(inner.split()) <= 6
                and is_institution(inner))
        ):
            return inner
    inline = _INLINE_PICTURE_CREDIT.search(line)
    if inline and _segment_is_credit(inline.group(1), words) == "strong":
        return inline.group(1)  # "Expand | Collapse (Photo: Jo Lee/Reuters) Vials of …": the credit mid-line
    for start in reversed([match.end() for match in _SENTENCE_END.finditer(line)]):
        if _NO_SENTENCE_END.search(line, max(0, start - 8), start):  # the stop's own word only: no rescan
            continue  # "10:00 p.m. Late News" (a listing), "Jo K. Lee": no sentence ends there
        tail = line[start:]
        if len(tail.split()) > _MAX_CREDIT_WORDS:
            break
        if _segment_is_credit(tail, words) or (
            # "… divisions. The Globe and Mail", "… in 2011. istockphoto.com": an outlet alone after the caption.
            len(tail.split()) <= 6 and not tail.endswith((".", "!", "?"))
            and (is_agency(tail, words) or words.outlet_word.match(tail) is not None and not _OPENING_DAYS.search(tail))
        ):
            return tail
    comma = line.rfind(", ")
    if comma > 0 and re.match(r"(?:photos?|images?|pictures?|photography)\s+by\s", line[comma + 2:], re.I) and \
            _segment_is_credit(line[comma + 2:], words) == "strong":
        return line[comma + 2:]  # "See more photos in the gallery, images by Jo Lee"
    # "… the new exam Photo: Getty Images": a lead word and colon after a caption that lost its full stop.
    for lead in words.tail_lead.finditer(line, max(0, len(line) - 160)):
        tail = line[lead.start():]
        if lead.start() > 0 and re.search(r":|\.\.\.|…", lead.group()) and tail[0].isupper() and \
                _segment_is_credit(tail, words):
            return tail
    # "… at the gala REUTERS/Ann Moss": the wire's capitals and its photographer, after a caption with no stop.
    wire = _WIRE_TAIL.search(line)
    if wire and chain_strength(wire.group(1), words) == "strong":
        return wire.group(1)
    pipe = line.rfind(" | ")
    if pipe > 0:
        tail = re.sub(r"\s+(?:close|open|expand|enlarge)$", "", line[pipe + 3:], flags=re.I)
        if chain_strength(tail, words):
            return tail
    # "Jo Lee/Getty ImagesA crowd …": a credit chain glued to the caption, where a capital or a digit follows a
    # letter with no space. The head must end as a credit ends (an agency: "…/Getty Images", "…/AP"), or open
    # with an agency and end with a full name ("REUTERS/Kim McKay"), so that a brand written in camel case
    # ("Reuters/LinkedIn data show …") is not cut in two; the longest such head is the credit.
    if "/" in line[:80]:
        heads = [line[: glue.start()] for glue in _GLUE_POINT.finditer(line, 0, 90)]
        for head in reversed(heads):
            if "/" in head and _ends_as_a_credit(head, words) and chain_strength(head, words) == "strong":
                return head
    if _FOR_HEAD.match(line):
        return line[: line.index("/")]  # "Jo Lee/for The Courier …": where the outlet's name ends is not known
    return None


__all__ = ["CreditWords", "Strength", "attached_credit", "chain_strength", "credit_strength",
           "credit_words", "is_agency", "is_institution", "is_photo_agency", "is_picture_lead",
           "without_widget_tail"]
