"""promo-text: page furniture and promotion left in the body of a story."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from newslint.document import Document, Line
from newslint.finding import Problem
from newslint.registry import check

from ._credits import credit_strength, credit_words
from ._furniture import BYLINE, EDGE_JUNK, FurniturePhrases, furniture_phrases, is_shop_link, promoted_item
from ._lazy_pattern import lazy
from ._phrases import normalise

_MAX_LEAD_IN_WORDS = 40
_MAX_SUFFIX_LABEL_WORDS = 4  # "PC Gamer Newsletter" is furniture; "Volunteers Revive Parish Newsletter" a headline
_SMALL_WORDS = frozenset({"a", "an", "the", "to", "of", "for", "and", "our", "your", "my"})
# Sentence starts: the start of a line, or after sentence-ending punctuation (and any closing quote).
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?…])[\"'”’)\]]*\s+|\s\|\s+)(?=\S)", re.M)
_SENTENCE_END = re.compile(r"[.!?…](?=[\"'”’)\]]*(?:\s|$))|\n|$")
_QUOTE_MARK = re.compile(r"[\"“”]")
_TEASER_WORDS = re.compile(r"(?:read more|continue reading|more)$", re.I)
_TEASER_DECORATION = " \t»›>.…"
_TITLE_END = lazy(r"[.:;,]['\"”’)]*$")  # prose, or a label of its own, ends so; a title does not
# A CMS's tag line: "Tags: ferries, harbour, council", "Filed under: Harbour, Transport | 3 Comments »". Its items
# are short; "Tags: Four fitted last July, three still transmitting" is a fact box's, "Filed under: Chapter 11" one.
_TAG_LINE = lazy(r"^(?:tags|tagged|filed\s+under)\s*:\s*(\S.*)$", re.I)
_TAG_WORDS = 3
# "Continued below... The council …": an ad slot's marker glued in front of a paragraph ("Continued below" alone on
# its line is a [label]).
_CONTINUED = re.compile(r"^\s*((?:[Ss]tory |[Aa]rticle )?[Cc]ontinue[sd]? below\s*(?:\.\.\.|…))\s*(?=\S)")

# A video or programme promo: "NBC's Jane Roe joins The Morning Show for an in-depth look at ...".
_PROMO_TAIL = (
    r"(?:to\s+|for\s+)(?:discuss|talk|break\s+down|explain|weigh\s+in|react|preview|analy[sz]e|share"
    r"|an?\s+(?:in[- ]depth|closer|exclusive|inside|deeper|first|quick)\s+look)"
)
_JOINS_SHOW = lazy(
    r"\bjoins\s+(?P<show>(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){0,6}?[A-Z][\w'’.&-]*)\s+" + _PROMO_TAIL
)
_BROADCASTER = lazy(
    r"\b(?:[A-Z]{2,5}|[A-Z][a-z]+ News)(?:'s|’s)\s|\b(?:correspondent|anchor|host|reporter|contributor|analyst"
    r"|editor|columnist|producer)\b",
    re.I,
)
_PROGRAMME_WORD = re.compile(r"\b(?:Rundown|Show|Today|Tonight|Live|Hour|Report|Morning|Press|Briefing|Podcast|"
                             r"Daily|Weekly|Nightly|Sunday|Minutes|Newshour|Hardball|Roundtable)\b")
_MAX_BLURB_WORDS = 60


def _event_time_pattern() -> str:
    """An event listing names its time or its day ("joins the library to discuss her new book at 7 p.m.
    Thursday", "joins the Rotary Club to talk about his book Dec. 10"); a video blurb does not."""
    from ._dates import MONTH_PATTERN  # the dates module's month spellings, imported when a blurb is first weighed

    return (r"\b\d{1,2}(?::\d\d)?\s*(?i:a\.m\.|p\.m\.|[ap]m\b)"
            r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!['’]s)"  # not "Monday's vote"
            rf"|\b{MONTH_PATTERN}\s+\d{{1,2}}\b")


_EVENT_TIME = lazy(_event_time_pattern)
# Words a story reports with: a call to action or a notice that someone is said to have given is copy ("Download
# the county's app …, the sheriff's office said", "… according to the co-op's website").
_REPORTED = re.compile(r"\b(?:said|says|told|wrote|writes|according to"
                       r"|(?:instructions?|website|notice|guidance|letter|message)"
                       r"\s+(?:says?|said|reads?|read))\b", re.I)
# A call to action for someone else's service is a listing's or a notice's copy: "Sign up for free skating
# lessons at the rink office", "Subscribe to the nursery's mailing list", "Get updates through the county app",
# "Sign up for alerts by texting SNOW to 55555". Not when the outlet speaks of its own ("our", "us").
_SOMEONE_ELSES = lazy(
    r"\bthe\s+(?:[\w-]+\s+)?(?:county|city|town|village|state|school|district|library|PTA|PTO|church|club|rink"
    r"|nursery|museum|park|parks|hospital|clinic|police|sheriff|fire|council|university|college|campus|center"
    r"|centre|department|agency|utility|transit|township|borough|parish|community|front|box|ticket|registration"
    r"|rec|recreation|senior|visitor|visitors|chamber|shelter|pantry|food|farm|market|theater|theatre|zoo"
    r"|festival|fair|league|team|studio|gym|pool|co-op|cooperative|association|society|foundation)"
    r"(?:['’]s|s['’])?\s+(?:[\w-]+\s+){0,2}?(?:office|desk|counter|app|website|site|hotline|line|list|newsletter"
    r"|alerts?|updates|portal|page|hall|booth|window)\b"
    r"|\bthe\s+(?-i:[a-z])[\w-]*['’]s\s+(?:[\w-]+\s+){0,2}?(?:list|newsletter|alerts?|updates|app|website|site|page"
    r"|program)\b"
    r"|\bby\s+(?:texting|calling|emailing|e-mailing|phoning|visiting|stopping by|writing to|contacting)\b",
    re.I,
)
# The outlet speaking of its own, or of the news it sells: "our newsletter", "breaking news alerts by texting NEWS".
_OURS = re.compile(r"\b(?:[Oo]ur|us|[Ww]e|news|headlines|stories)\b")
# Quotes are someone's words: "Please consider donating," the director said. How far back a call to action looks for
# the quotation mark that opened the paragraph's quote: bounded, so that each costs at most this many characters
# however long the line.
_QUOTE_LOOKBACK = 2000


@dataclass(frozen=True)
class PromoTextOptions:
    extra_labels: tuple[str, ...] = ()  # whole lines that are furniture
    extra_lead_ins: tuple[str, ...] = ()  # line starts followed by a separator ("Listen:")
    extra_calls_to_action: tuple[str, ...] = ()  # sentence starts ("Text JOIN to")


def _phrases(options: PromoTextOptions) -> FurniturePhrases:
    return furniture_phrases(options.extra_labels, options.extra_lead_ins, options.extra_calls_to_action)


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _line_problems(start: int, end: int, line: str, phrases: FurniturePhrases, headline: bool) -> Iterator[Problem]:
    """Whole-line furniture: a widget label, a cross-promotion lead-in, a teaser's "Read more"."""
    bare = normalise(line).strip(EDGE_JUNK)
    words = len(line.split())
    suffix_label = not headline and words <= _MAX_SUFFIX_LABEL_WORDS and phrases.label_suffix.search(bare) \
        and _names_a_brand(line.strip(EDGE_JUNK).split()[:-1])
    if bare in phrases.labels or suffix_label:
        yield Problem(start, end, f'"{_quote(line)}" looks like page furniture (a widget, menu or ad label), not copy')
        return
    if _is_tag_line(line):
        yield Problem(start, end, f'"{_quote(line)}" is a tag line left by the publishing system, not copy')
        return
    notice = phrases.phrase.search(line) if words <= _MAX_LEAD_IN_WORDS else None
    # Not a notice someone is quoted giving ("“If you spot an error in this post, …”", "… the moderators wrote"),
    # nor a photo credit ("Credit: Jo Lee/Outlet © 2024 Owner" is orphan-caption's).
    if notice and not _QUOTE_MARK.search(line, 0, notice.start()) and not _REPORTED.search(line) \
            and not _is_photo_credit(line):
        yield Problem(start, end, f'"{_quote(line)}" is a notice from the web page, not copy')
        return
    if is_shop_link(line, phrases):
        yield Problem(start, end, f'"{_quote(line)}" is a shop\'s link left from a product box, not copy')
        return
    lead_in = promoted_item(phrases.lead_in, line.lstrip(EDGE_JUNK.replace(":", "")))
    if len(line.split()) <= _MAX_LEAD_IN_WORDS and lead_in \
            and not _is_photo_credit(line):  # "Photos: Getty Images" is orphan-caption's
        yield Problem(start, end, f'"{_quote(line)}" is a cross-promotion line, not copy')
        return
    continued = _CONTINUED.match(line)
    if continued:  # only the widget's words: the paragraph glued after them is copy
        yield Problem(start + continued.start(1), start + continued.end(1),
                      f'"{continued.group(1)}" is an ad slot\'s marker left in the copy, not copy')
        return
    teaser = _teaser_tail(line)
    if teaser:
        left, right = teaser
        yield Problem(start + left, start + right,
                      f'"{line[left:right]}" is a teaser link left from a listing page, not copy')


_MIN_LISTED = 2  # one unfinished line under "Related" may be the story's next subhead; two are a list
_MAX_LISTED = 12
_MAX_TITLE_WORDS = 20


def _titles_listed_under(lines: list[Line], first: int, phrases: FurniturePhrases) -> list[Line]:
    """The other stories' titles right under a list's label ("Related" then "Ferry fares rise in May", "Pier
    reopens"): paragraphs whose every line is a title (no full stop at its end, as titles are written), two lines
    or more, up to the first paragraph of prose (a hard-wrapped sentence is one), a byline, a photo credit or
    furniture of its own. A single one is left alone: a story's subhead reads the same."""
    titles: list[Line] = []
    paragraph: list[Line] = []
    for position in range(first, min(len(lines), first + _MAX_LISTED)):
        line = lines[position]
        if not _is_listed_title(line.text, phrases):
            paragraph = []  # the paragraph this line belongs to is prose, or furniture of its own: the list ends
            break
        paragraph.append(line)
        following = lines[position + 1] if position + 1 < len(lines) else None
        if following is None or following.index != line.index + 1:  # a blank line closes the paragraph
            titles += paragraph
            paragraph = []
    return titles if len(titles) >= _MIN_LISTED else []


def _is_listed_title(text: str, phrases: FurniturePhrases) -> bool:
    if not (2 <= len(text.split()) <= _MAX_TITLE_WORDS) or _TITLE_END.search(text) or BYLINE.match(text) or \
            not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'"):
        return False
    # Furniture of its own (a label, a notice, a lead-in, a shop's link) keeps its own finding and ends the list.
    furniture = next(_line_problems(0, len(text), text, phrases, False), None) is not None or \
        phrases.call_to_action.match(text)
    return not furniture and not credit_strength(text, credit_words())


def _is_tag_line(line: str) -> bool:
    tags = _TAG_LINE.match(line) if ":" in line else None
    if tags is None:
        return False
    items = [item.strip(" »›") for item in re.split(r"\s*[,|]\s*", tags.group(1)) if item.strip(" »›")]
    return len(items) >= 2 and all(len(item.split()) <= _TAG_WORDS for item in items)


def _is_photo_credit(line: str) -> bool:
    """A line orphan-caption reports as a photo credit wherever it stands: one finding for one problem."""
    return credit_strength(line, credit_words()) == "strong"


def _names_a_brand(words: list[str]) -> bool:
    """ "Podcasts", "Axios newsletters", "to the VICE newsletter", "Jane's Gardening Newsletter": the suffix alone,
    or a brand's name before it, capitalised. "The bet on newsletters" and "Betting on newsletters" are subheads."""
    return not words or words[-1][:1].isupper() and all(
        word[:1].isupper() or word.lower() in _SMALL_WORDS for word in words)


def _teaser_tail(line: str) -> tuple[int, int] | None:
    """Where "Read more" ends a teaser cut short with an ellipsis ("… the council voted... Read more »").

    Found from the end of the line with string operations, not one backtracking pattern: a line of
    16,000 full stops must cost a pass over the line, not a pass per full stop.
    """
    right = len(line.rstrip(_TEASER_DECORATION))
    words = _TEASER_WORDS.search(line, max(0, right - len("continue reading")), right)
    if not words:
        return None
    before = line[: words.start()].rstrip(" \t")
    if before.endswith("..") or before.endswith("…"):
        return words.start(), words.end()
    return None


def _sentence_problems(document: Document, phrases: FurniturePhrases) -> Iterator[Problem]:
    """Calls to action addressed to the reader, wherever a sentence starts with one."""
    text = document.text
    for start in _SENTENCE_START.finditer(text):
        position = start.end()
        match = phrases.call_to_action.match(text, position)
        if not match or _in_quotation(text, position):
            continue
        sentence_end = _SENTENCE_END.search(text, match.end())
        end = sentence_end.end() if sentence_end else len(text)  # the pattern also matches at the end
        sentence = text[position:end].rstrip()
        if _REPORTED.search(sentence) or (_SOMEONE_ELSES.search(sentence) and not _OURS.search(sentence)):
            continue
        yield Problem(position, position + len(sentence),
                      f'"{_quote(sentence)}" is a call to action to readers, not copy')


def _in_quotation(text: str, position: int) -> bool:
    """Whether ``position`` is inside a quotation opened earlier in its paragraph."""
    floor = max(0, position - _QUOTE_LOOKBACK)
    paragraph = text.rfind("\n\n", floor, position)
    before = text[paragraph + 2 if paragraph >= 0 else floor:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _blurb_problems(document: Document) -> Iterator[Problem]:
    """Video and programme promo blurbs standing as a paragraph of their own."""
    for block in document.blocks:
        if len(block.text.split()) > _MAX_BLURB_WORDS or re.search(r"[\"“”]", block.text):
            continue
        joins = _JOINS_SHOW.search(block.text) if "joins" in block.text else None
        if not joins:
            continue
        subject = block.text[: joins.start()]
        if _EVENT_TIME.search(block.text):
            continue
        if _BROADCASTER.search(subject) or _PROGRAMME_WORD.search(joins.group("show")):
            yield Problem(block.start, block.end,
                          f'looks like a video promo blurb ("joins {_quote(joins.group("show"), 40)}"), not copy')


@check(
    "promo-text",
    severity="warning",
    options=PromoTextOptions,
)
def promo_text(document: Document, options: PromoTextOptions) -> Iterator[Problem]:
    """Stray promotional, widget and CMS text left in the body of a story.

    What it does
    ------------
    Finds text that belongs to the web page around a story rather than to the story: share and
    comment widget labels ("Discuss as:", "Share this article", "Comments"), calls to action
    ("Click here to subscribe", "Sign up for our newsletter", "Follow us on Twitter"),
    cross-promotion lines ("Read more: …", "ALSO READ: …", "RELATED: …", "Most popular") and the
    titles listed under a list's label ("Related stories", then two lines or more with no full stop),
    a teaser's "… Read more", ad markers ("Advertisement", "Continued below..." glued in front of a
    paragraph), the site's copyright line ("© 2025 Example Media. All rights reserved."), what blogs
    and syndicators leave ("The post … appeared first on …", "- See more at: …", "Tags: a, b, c")
    and promo blurbs for video or programmes ("NBC's Jane Roe joins The Morning Show for an in-depth
    look at …").

    Labels must fill a whole line and lead-ins must start one, so the same words inside a real
    sentence stay silent ("She said she would sign up for the course", "Subscribers rose 10%",
    "Also read the small print, the union said"). So do a call to action inside a quotation or in a
    sentence that reports it ("…, the sheriff's office said"), a call to action for someone else's
    service ("Sign up for free skating lessons at the rink office", "Subscribe to the nursery's mailing
    list"; not when it says "our"), an event listing with its day or date, and a sentence that opens with a
    lead-in's word ("Listen: nobody here wants a tax rise."). A photo credit ("Photos: Getty Images", "© Jo Lee")
    is left to orphan-caption. On an HTML page only the story is read by default (``--html-scope``),
    so the site's own menus and footer are not reported. The phrase lists are data
    (``newslint/checks/data/promo_phrases.txt``); add a newsroom's own with the options
    ``extra-labels`` (whole lines), ``extra-lead-ins`` (line starts followed by a colon) and
    ``extra-calls-to-action`` (sentence starts).

    Why is this bad?
    ----------------
    Copy pasted from a web page or a CMS export carries the page's furniture with it. Published
    in print or syndicated, "Discuss as:" or a video blurb is an error a reader sees at once.

    Example
    -------
    ::

        Discuss as:

        The council approved the budget on Tuesday.

        Click here to subscribe to our newsletter.

        ALSO READ: Five bridges that reopened first

    Reports line 1 (a comment-widget label), line 5 (a call to action) and line 7 (cross-promotion).
    """
    phrases = _phrases(options)
    flagged: set[int] = set()  # the lines (0-based) already reported: one finding per line of furniture
    story_with_headline = len(document.blocks) > 1
    lines = list(document.line_spans())
    for number, line in enumerate(lines):
        if line.index in flagged:
            continue  # a title already reported under its list's label
        headline = story_with_headline and number == 0
        for problem in _line_problems(line.start, line.end, line.text, phrases, headline):
            flagged.add(line.index)
            yield problem
        if line.index in flagged and normalise(line.text).strip(EDGE_JUNK) in phrases.list_labels:
            for title in _titles_listed_under(lines, number + 1, phrases):
                flagged.add(title.index)
                yield Problem(title.start, title.end, f'"{_quote(title.text)}" is a promoted link listed under '
                                                      f'"{_quote(line.text, 30)}", not copy')
    line_starts = document.line_starts
    for problem in (*_sentence_problems(document, phrases), *_blurb_problems(document)):
        first = bisect.bisect_right(line_starts, problem.start) - 1
        last = bisect.bisect_right(line_starts, max(problem.start, problem.end - 1)) - 1
        if first not in flagged:
            flagged.update(range(first, last + 1))
            yield problem
