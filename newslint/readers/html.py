"""HTML copy: the text content, with every character's place in the source.

The standard library's ``html.parser`` is used because it reports the exact source position of every
event (text runs, entities, comments, tags), which is what mapping findings back to line and column
needs, and because it never gives up on malformed markup. Entities are decoded one by one (parsing
with ``convert_charrefs=False``), so ``&amp;`` becomes ``&`` and a span ending on it ends after it.

Scripts, styles, templates and code are not prose and are skipped. Block elements separate
paragraphs; as on the page, a line break in the source is a space and ``<br>`` breaks a line, so each
paragraph is one line of the analysed text however the HTML is wrapped. Text inside a ``<figure>``
(its ``<figcaption>``, a credit line) is printed with its photo and is recorded in
``Document.photo_captions``, as is a ``<figcaption>`` or caption/credit element beside an ``<img>``
outside a figure.

By default only the story is read (``html_scope="article"``): :mod:`newslint.readers.article_scope`
finds the page's article region and its ``<title>``, and menus, headers, footers and sidebars outside the
story are not linted. ``html_scope="page"`` reads the whole page.
"""

from __future__ import annotations

import datetime
import html
import re
from html.parser import HTMLParser
from typing import Callable

from newslint.document import Document, line_starts, publication_date
from newslint.readers.article_scope import ScopePlan, article_scope
from newslint.readers.linear_feed import feed_linearly
from newslint.readers.prose import ProseBuilder

SKIPPED = frozenset({"script", "style", "template", "noscript", "code", "pre", "kbd", "samp", "svg", "math",
                     "textarea", "select", "object", "iframe"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "title", "tr", "ul", "img", "picture", "video", "audio",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
_EMPHASIS = frozenset({"em", "i", "cite"})  # where the titles of works are set
# <meta> names that give the story's publication date (date-weekday reads the story's year from it).
PUBLISHED_META = frozenset({"article:published_time", "datepublished", "pubdate", "date"})


class _ProseParser(HTMLParser):
    def __init__(self, builder: ProseBuilder, start: int, end: int, *, comments_only: bool = False,
                 scope: ScopePlan | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.base = start
        self.chunk = builder.source[start:end]
        self.line_starts = line_starts(self.chunk)
        self.comments_only = comments_only
        self.open: list[str] = []  # only the elements that matter: skipped ones, figure, figcaption
        self.skip_started: int | None = None
        # How many of each are open, so that no event scans the stack (8,000 nested figures stay linear).
        self.open_counts: dict[str, int] = {}
        self.skipped_open = 0
        self.scope = _ScopeCursor(scope) if scope is not None else None
        self.published_meta: datetime.date | None = None  # <meta property="article:published_time">
        self.first_time: datetime.date | None = None  # the first <time datetime="…"> in the story's scope

    def source_offset(self) -> int:
        """Offset in the source of the event being handled."""
        line, column = self.getpos()
        return self.base + self.line_starts[line - 1] + column

    @property
    def skipping(self) -> bool:
        return self.comments_only or self.skipped_open > 0

    def _push(self, tag: str) -> None:
        self.open.append(tag)
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if tag in SKIPPED and not self.skipped_open:
            self.skip_started = self.source_offset()  # where a <script> that never closes began
        self.skipped_open += tag in SKIPPED

    def _pop(self) -> str:
        tag = self.open.pop()
        self.open_counts[tag] -= 1
        self.skipped_open -= tag in SKIPPED
        return tag

    def _kept(self, offset: int) -> bool:
        """Whether text at ``offset`` is linted: not skipped, and in the story's scope (when there is one)."""
        if self.skipping:
            return False
        if self.scope is None:
            return True
        self.scope.caption_at(offset, self.builder)
        return self.scope.contains(offset)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("meta", "time"):
            self._note_publication_date(tag, dict(attrs))
        if tag in BLOCKS and not self.skipping:
            self.builder.block_break()
        if tag == "br" and not self.skipping and (self.scope is None or self.scope.contains(self.source_offset())):
            self.builder.line_break()
        if tag in VOID:
            return
        if tag in _EMPHASIS and not self.skipping:
            self.builder.open_emphasis()
        if tag in SKIPPED or tag in ("figure", "figcaption"):
            self._push(tag)
            if tag == "figure" and not self.skipping:
                self.builder.open_caption()

    def _note_publication_date(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "meta" and self.published_meta is None:
            name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            if name.casefold() in PUBLISHED_META:
                self.published_meta = publication_date(attrs.get("content") or "")
        elif tag == "time" and self.first_time is None and (
                self.scope is None or self.scope.contains(self.source_offset())):
            # The story's own <time>: a teaser's in the site's header or sidebar dates another story.
            self.first_time = publication_date(attrs.get("datetime") or "")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _EMPHASIS and not self.skipping:
            self.builder.close_emphasis()
        if self.open_counts.get(tag):
            # Close it and anything left open inside it (malformed markup is common in copy).
            while self.open:
                closed = self._pop()
                if closed == "figure" and not self.skipping:
                    self.builder.close_caption()
                if closed == tag:
                    break
        if tag in BLOCKS and not self.skipping:
            self.builder.block_break()

    def handle_data(self, data: str) -> None:
        if self._kept(self.source_offset()):
            # A line break in HTML source is a space on the page: lines come from blocks and <br> only.
            self.builder.add(data.replace("\n", " "), self.source_offset())

    def _reference(self, raw_start: str) -> None:
        start = self.source_offset()
        match = _REFERENCE.match(self.builder.source, start)
        raw = match.group() if match else raw_start
        if self._kept(start):
            try:
                decoded = html.unescape(raw)
            except (ValueError, OverflowError):  # "&#99999…;" too long for int(): no character, not a crash
                decoded = "\ufffd"
            self.builder.add(decoded, start, start + len(raw))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def handle_comment(self, data: str) -> None:
        start = self.source_offset()
        close = self.builder.source.find("-->", start)
        end = close + 3 if close >= 0 else start + 4 + len(data)
        self.builder.comment(start, end, data)


class _ScopeCursor:
    """Walks a :class:`ScopePlan` in source order: each question costs O(1) amortised, since events come in order."""

    def __init__(self, plan: ScopePlan) -> None:
        self.regions = _merged(plan.regions)
        self.excluded = _merged(plan.excluded)
        self.captions = list(plan.captions)
        self._region = self._excluded = self._caption = 0
        self._caption_open = False

    def contains(self, offset: int) -> bool:
        while self._region < len(self.regions) and self.regions[self._region][1] <= offset:
            self._region += 1
        while self._excluded < len(self.excluded) and self.excluded[self._excluded][1] <= offset:
            self._excluded += 1
        inside = self._region < len(self.regions) and self.regions[self._region][0] <= offset
        left_out = self._excluded < len(self.excluded) and self.excluded[self._excluded][0] <= offset
        return inside and not left_out

    def caption_at(self, offset: int, builder: ProseBuilder) -> None:
        """Open and close the photo captions the plan found outside figures, as text reaches and leaves them."""
        while self._caption < len(self.captions) and self.captions[self._caption][1] <= offset:
            if self._caption_open:
                builder.close_caption()
                self._caption_open = False
            self._caption += 1
        if not self._caption_open and self._caption < len(self.captions) and \
                self.captions[self._caption][0] <= offset:
            builder.open_caption()
            self._caption_open = True

    def finish(self, builder: ProseBuilder) -> None:
        if self._caption_open:
            builder.close_caption()
            self._caption_open = False


def _merged(spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][-.a-zA-Z0-9]*);?")


def _say_what_was_never_closed(parser: "_ProseParser", builder: ProseBuilder, start: int) -> None:
    if parser.skipped_open and parser.skip_started is not None:
        tag = next((t for t in parser.open if t in SKIPPED), "element")
        builder.unclosed(parser.skip_started, f"<{tag}>", "the rest of the file is not read as copy")
    opened = parser.chunk.rfind("<!--")
    if opened >= 0 and parser.chunk.find("-->", opened + 4) < 0:
        builder.unclosed(start + opened, "a comment (<!--)", "the text after it is linted as it stands")


def extract_html(builder: ProseBuilder, start: int, end: int, *, comments_only: bool = False,
                 scope: ScopePlan | None = None) -> datetime.date | None:
    """Feed the prose of ``builder.source[start:end]`` (HTML) into the builder; return the publication date
    its ``<meta property="article:published_time">`` (or else its first ``<time datetime>``) gives."""
    parser = _ProseParser(builder, start, end, comments_only=comments_only, scope=scope)
    feed_linearly(parser, parser.chunk)
    parser.close()
    if not comments_only:
        _say_what_was_never_closed(parser, builder, start)
    if parser.scope is not None:
        parser.scope.finish(builder)
    while parser.open:  # figures left open by malformed markup still end their caption
        if parser.open.pop() == "figure":
            builder.close_caption()
    builder.block_break()
    return parser.published_meta or parser.first_time


def read_html(path: str, source: str, parse: Callable | None = None, *, html_scope: str = "article") -> Document:
    """A Document of an HTML file: the story's region (``html_scope="article"``, see ``article_scope``), or
    the whole page (``"page"``)."""
    builder = ProseBuilder(source)
    scope = article_scope(source)  # also finds the captions printed beside a photo outside any <figure>
    if html_scope == "page":
        scope = ScopePlan(((0, len(source)),), captions=scope.captions, rule="page")
    published = extract_html(builder, 0, len(source), scope=scope)
    document = builder.document(path, parse)
    document.published = published
    return document


__all__ = ["extract_html", "read_html"]
