"""Which part of an HTML page is the story: lint the article, not the page.

A saved web page holds far more than the story: menus, a header, share buttons, related links, a footer.
An editor checking the story wants none of them reported. :func:`article_scope` reads the page once into a
light tree of elements (tag, class/id words, source span, how much text, how much of it prose and how much
link text) and picks the story's region:

1. ``<article>``, ``<main>``, ``[role=main]``, ``[itemprop=articleBody]`` or an element whose class or id
   names an article body, when it holds most of the page's prose (the deepest such element that does);
2. else the deepest element that holds most of the page's prose (``<p>`` text and long runs of text,
   link text not counted), widened while its parent adds little more text (a lead photo, the headline);
3. else the whole ``<body>``.

A fragment with no ``<body>``, ``<html>``, ``<head>``, ``<title>`` or ``<nav>`` (copy exported from a CMS) is
not a page: all of it is read. Several stories in the region (an infinite scroll) leave the one whose headline
the ``<title>`` gives; a briefing whose title gives none of them is read whole.

Inside a region found by 1 or 2 the story's copy is linted, furniture in it too ("Read more:" or a stray credit
in a paragraph is what newslint is for); the template's widgets that a CMS prints inside the story's element and
names by their class (a share bar, related links, comments) are left out. Where the region is ``<main>`` or the
body, the page furniture inside it is left out: ``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<form>``
and elements whose class or id names a menu, share bar, related links, comments, a newsletter box and the like;
so is the furniture a region found by 2 took in when it was widened to the headline (a sidebar beside the
paragraphs). The ``<title>`` is the story's headline and is always kept.

The plan also lists the captions printed with their photo outside a ``<figure>``: a ``<figcaption>``, or
an element whose class or id names a caption or credit, in an element that also holds an ``<img>``.

The tree is built with the standard library's ``html.parser``, as the reader is; every step is linear in
the size of the page (an end tag closes open elements through a count of what is open, never a scan).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from newslint.document import line_starts
from newslint.readers.linear_feed import feed_linearly

_SKIPPED = frozenset({"script", "style", "template", "noscript", "svg", "math", "textarea", "select", "object",
                      "iframe", "head"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer",
                       "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
                       "section", "table", "ul", "figcaption", "li"})
_PROSE_TAGS = frozenset({"p", "blockquote", "dd"})
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
_FURNITURE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "share", "sharing", "social", "related", "comment", "comments",
    "footer", "header", "sidebar", "promo", "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "cookie",
    "cookies", "banner", "advert", "advertisement", "ads", "ad", "masthead", "toolbar", "widget", "recommended",
    "recommendations", "trending", "popular", "outbrain", "taboola", "signup", "login", "skip", "topbar",
})
# The template's widgets a CMS prints inside the story's own element (WordPress's share and related-posts
# blocks, a live blog's share bar per entry): furniture named by its class, not copy. An <aside> or a sidebar
# inside the story is left in (a fact box or a pull quote is copy), and so is "Read more: …" in a paragraph.
_WIDGET_WORDS = frozenset({
    "share", "sharing", "sharedaddy", "social", "related", "relatedposts", "comment", "comments", "newsletter",
    "subscribe", "signup", "outbrain", "taboola", "recommended", "recommendations", "advert", "advertisement",
    "ads", "ad", "promo", "trending", "popular", "toolbar", "widget", "breadcrumb", "breadcrumbs", "nav",
    "navigation", "menu", "login", "cookie", "cookies",
})
_BODY_WORDS = ("article-body", "articlebody", "story-body", "storybody", "entry-content", "post-content",
               "article-content", "story-content", "article__body", "post-body", "content-body", "article-text")
_INLINE = frozenset({"b", "i", "em", "strong", "span", "a", "q", "cite", "small", "mark", "abbr", "time", "sub",
                     "sup", "u", "font"})
_CAPTION_WORDS = re.compile(r"caption|credit|cutline|photographer")
_MOST = 0.8  # the share of the page's prose the story's region must hold


@dataclass(eq=False)
class _Element:
    tag: str
    words: str  # class, id, role and itemprop, lower case
    start: int
    parent: "_Element | None"
    depth: int = 0
    end: int = -1
    text: int = 0  # characters of text inside, all of it
    own_prose: int = 0  # prose directly in this element (paragraph text and long runs, links not counted)
    story: int = 0  # prose inside, page furniture inside not counted
    has_image: bool = False
    has_headline: bool = False  # an <h1> inside
    words_text: int = 0  # text outside links and page furniture
    in_figure: bool = False
    furniture: bool = False
    under_furniture: bool = False  # this element or one around it is furniture
    semantic: bool = False
    block: "_Element | None" = None  # the element whose text this element's text is: itself, or the block around
    heading: str = ""  # the text of an <h1> or <h2> (its first 200 characters)
    widget: bool = False  # its class or id names a template's widget: a share bar, related links, comments

    def classify(self) -> None:
        tokens = set(re.split(r"[^a-z0-9]+", self.words)) - {""}
        story_body = any(word in self.words for word in _BODY_WORDS)
        self.furniture = self.tag in _FURNITURE_TAGS or (bool(tokens & _FURNITURE_WORDS) and not story_body)
        self.widget = bool(tokens & _WIDGET_WORDS) and not story_body
        self.semantic = self.tag in ("article", "main") or "role=main" in self.words or story_body
        parent = self.parent
        self.under_furniture = self.furniture or (parent is not None and parent.under_furniture)
        self.in_figure = parent is not None and (parent.in_figure or parent.tag == "figure")
        self.depth = parent.depth + 1 if parent is not None else 0
        self.block = parent.block if parent is not None and self.tag in _INLINE and parent.block else self


@dataclass(frozen=True)
class ScopePlan:
    """Source spans (start, end) to lint, spans inside them to leave out, and captions printed with a photo."""

    regions: tuple[tuple[int, int], ...]
    excluded: tuple[tuple[int, int], ...] = ()
    captions: tuple[tuple[int, int], ...] = ()
    rule: str = "page"


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.starts = line_starts(source)
        self.root = _Element("#root", "", 0, None)
        self.current = self.root
        self.open_counts: dict[str, int] = {}
        self.skip_depth = 0
        self.link_depth = 0
        self.title: tuple[int, int] | None = None
        self.title_text = ""
        self.open_heading: _Element | None = None
        self.elements: list[_Element] = []

    def _here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _push(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        words = " ".join(f"{name}={value}" if name in ("role", "itemprop") else (value or "")
                         for name, value in attrs if name in ("class", "id", "role", "itemprop")).lower()
        element = _Element(tag, words, self._here(), self.current)
        element.classify()
        self.elements.append(element)
        self.current = element
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if tag in _SKIPPED:
            self.skip_depth += 1
        if tag == "a":
            self.link_depth += 1

    def _pop(self, end: int) -> None:
        element = self.current
        element.end = end
        if element is self.open_heading:
            self.open_heading = None
        self.open_counts[element.tag] -= 1
        if element.tag in _SKIPPED:
            self.skip_depth -= 1
        if element.tag == "a":
            self.link_depth -= 1
        if element.tag == "title" and self.title is None:
            self.title = (element.start, end)
        assert element.parent is not None
        self.current = element.parent

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "picture", "video"):
            self.current.has_image = True
        if tag in _VOID:
            return
        if tag in _CLOSES_P and self.current.tag == "p":
            self._pop(self._here())
        if tag == "li" and self.current.tag == "li":
            self._pop(self._here())
        self._push(tag, attrs)
        if tag in ("h1", "h2") and self.open_heading is None:
            self.open_heading = self.current

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "picture", "video"):
            self.current.has_image = True

    def handle_endtag(self, tag: str) -> None:
        if not self.open_counts.get(tag):
            return  # a stray end tag
        offset = self._here()
        close = self.source.find(">", offset)
        end = close + 1 if close >= 0 else len(self.source)
        while self.current.tag != tag:
            self._pop(offset)
        self._pop(end)

    def handle_data(self, data: str) -> None:
        if self.skip_depth and not (self.current.tag == "title"):
            return
        length = len(data.strip())
        if not length:
            return
        if self.current.tag == "title" and len(self.title_text) < _HEADING_CHARACTERS:
            self.title_text += data
        if self.open_heading is not None and len(self.open_heading.heading) < _HEADING_CHARACTERS:
            self.open_heading.heading += data
        self.current.text += length
        if self.link_depth:
            return
        self.current.words_text += length
        block = self.current.block or self.current
        if block.tag in _PROSE_TAGS or (length >= 80 and re.search(r"[.!?]", data)):
            self.current.own_prose += length

    def finish(self) -> _Element:
        self.close()
        while self.current is not self.root:
            self._pop(len(self.source))
        self.root.end = len(self.source)
        # Totals bottom-up: elements were appended in document order, so children come after their parents.
        for element in reversed(self.elements):
            element.story += element.own_prose
            element.has_headline = element.has_headline or element.tag == "h1"
            parent = element.parent
            if parent is not None:
                parent.text += element.text
                parent.has_headline = parent.has_headline or element.has_headline
                if not element.furniture:
                    parent.story += element.story
                    parent.words_text += element.words_text
                parent.has_image = parent.has_image or (element.has_image and element.tag != "figure")
        return self.root


_PAGE_TAGS = frozenset({"html", "head", "title", "nav"})
_HEADING_CHARACTERS = 200
_STORY_SHARE = 0.2  # of the page's prose: an <article> with less is a teaser or a card, not a story


def _stories_inside(region: _Element, elements: list[_Element], total: int) -> list[_Element]:
    """The outermost <article> elements inside ``region`` (or the region itself) that each hold a story's share
    of the page's prose, in document order."""
    found: list[_Element] = []
    for element in elements:
        if element.tag == "article" and region.start <= element.start < region.end and \
                not element.under_furniture and element.story >= _STORY_SHARE * total and \
                not (found and element.start < found[-1].end):
            found.append(element)
    return found


def _titled_by(story: _Element, elements: list[_Element], title: str) -> bool:
    """Whether the page's <title> holds the story's headline (its first <h1> or <h2>)."""
    heading = next((e.heading for e in elements if e.heading and story.start < e.start < story.end), "")
    return _normalised(heading) != "" and _normalised(heading) in _normalised(title)


def _normalised(text: str) -> str:
    return " ".join(html.unescape(text).casefold().split())


def _furniture_inside(region: _Element, elements: list[_Element], story: bool = True) -> list[tuple[int, int]]:
    """The outermost furniture elements inside ``region`` (elements are in document order). In the story's
    region (``story``: not the whole body), a ``<header>`` that holds the ``<h1>`` is the story's own: its
    headline and standfirst, not the site's."""
    spans: list[tuple[int, int]] = []
    for element in elements:
        if region.start < element.start < region.end and element.furniture and \
                not (story and element.tag == "header" and element.has_headline) and \
                not (spans and element.start < spans[-1][1]):
            spans.append((element.start, element.end))
    return spans


def _widgets_inside(region: _Element, elements: list[_Element]) -> list[tuple[int, int]]:
    """The outermost template widgets inside the story's own element."""
    spans: list[tuple[int, int]] = []
    for element in elements:
        if region.start < element.start < region.end and element.widget and not element.has_headline and \
                not (spans and element.start < spans[-1][1]):
            spans.append((element.start, element.end))
    return spans


def _captions(elements: list[_Element]) -> list[tuple[int, int]]:
    """Captions printed beside their photo outside a <figure>: the element beside them holds an <img>."""
    spans: list[tuple[int, int]] = []
    for element in elements:
        if element.in_figure or element.parent is None or not element.parent.has_image:
            continue
        if element.tag == "figcaption" or (_CAPTION_WORDS.search(element.words) and element.text <= 600):
            if not spans or element.start >= spans[-1][1]:
                spans.append((element.start, element.end))
    return spans


def article_scope(source: str) -> ScopePlan:
    """The story's region of an HTML page (see the module's documentation)."""
    builder = _TreeBuilder(source)
    try:
        feed_linearly(builder, source)
    except (ValueError, AssertionError):  # a character reference html.parser cannot decode: lint the page
        return ScopePlan(((0, len(source)),))
    builder.finish()
    elements = builder.elements
    captions = tuple(_captions(elements))
    title = (builder.title,) if builder.title else ()
    body = next((e for e in elements if e.tag == "body"), None)
    if body is None:
        # HTML5 lets a page leave out <body> (minifiers do): <html>, <head>, <title> or a <nav> make it a page.
        if not any(e.tag in _PAGE_TAGS for e in elements):  # a story exported from a CMS: all of it is the story
            return ScopePlan(((0, len(source)),), (), captions, "fragment")
        body = next((e for e in elements if e.tag == "html"), builder.root)
    total = body.story
    holding = [e for e in elements if body.start < e.start < body.end and not e.under_furniture and total
               and e.story >= _MOST * total]
    semantic = [e for e in holding if e.semantic]
    if semantic:
        region = max(semantic, key=lambda e: e.depth)
        rule = region.tag if region.tag in ("article", "main") else "story-body"
    elif holding:
        region = core = max(holding, key=lambda e: e.depth)
        # Widen to take in the headline or the lead photo above the paragraphs, never a column of links beside.
        while region.parent is not None and region.parent is not body and \
                not region.parent.under_furniture and \
                (region.parent.has_headline > region.has_headline or region.parent.has_image > region.has_image) and \
                region.parent.words_text <= region.words_text * 1.15 + 200:
            region = region.parent
        rule = "prose"
    else:
        return ScopePlan(((body.start, body.end), *title), tuple(_furniture_inside(body, elements, story=False)),
                         captions, "body")
    stories = _stories_inside(region, elements, total)
    if len(stories) > 1:
        # An infinite-scroll page, or the next story printed below the one read: the story whose headline the
        # page's <title> gives is the page's; the others are other stories, with other people in them. A
        # briefing's stories, none of them the title's, are all the page's.
        named = [story for story in stories if _titled_by(story, elements, builder.title_text)]
        if len(named) == 1:
            region, rule = named[0], "article"
    if region.tag == "main":
        excluded = tuple(_furniture_inside(region, elements))
    elif rule in ("article", "story-body"):
        excluded = tuple(_widgets_inside(region, elements))
    elif rule == "prose" and region is not core:
        # Widened to take in the headline: the share bar or sidebar beside the paragraphs is not the story's.
        excluded = tuple(span for span in _furniture_inside(region, elements)
                         if not core.start <= span[0] < core.end)
    else:
        excluded = ()
    regions = tuple(sorted({(region.start, region.end), *title}))
    return ScopePlan(regions, excluded, captions, rule)


__all__ = ["ScopePlan", "article_scope"]
