"""HTML copy: the text content, with every character's place in the source.

The standard library's ``html.parser`` is used because it reports the exact source position of every
event (text runs, entities, comments, tags), which is what mapping findings back to line and column
needs, and because it never gives up on malformed markup. Entities are decoded one by one (parsing
with ``convert_charrefs=False``), so ``&amp;`` becomes ``&`` and a span ending on it ends after it.

Scripts, styles, templates and code are not prose and are skipped. Block elements separate
paragraphs; as on the page, a line break in the source is a space and ``<br>`` breaks a line, so each
paragraph is one line of the analysed text however the HTML is wrapped. Text inside a ``<figure>``
(its ``<figcaption>``, a credit line) is printed with its photo and is recorded in
``Document.photo_captions``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Callable

from newslint.document import Document, line_starts
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


class _ProseParser(HTMLParser):
    def __init__(self, builder: ProseBuilder, start: int, end: int, *, comments_only: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.base = start
        self.chunk = builder.source[start:end]
        self.line_starts = line_starts(self.chunk)
        self.comments_only = comments_only
        self.open: list[str] = []  # only the elements that matter: skipped ones, figure, figcaption

    def source_offset(self) -> int:
        """Offset in the source of the event being handled."""
        line, column = self.getpos()
        return self.base + self.line_starts[line - 1] + column

    @property
    def skipping(self) -> bool:
        return self.comments_only or any(tag in SKIPPED for tag in self.open)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCKS and not self.skipping:
            self.builder.block_break()
        if tag == "br" and not self.skipping:
            self.builder.line_break()
        if tag in VOID:
            return
        if tag in SKIPPED or tag in ("figure", "figcaption"):
            self.open.append(tag)
            if tag == "figure" and not self.skipping:
                self.builder.open_caption()

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            # Close it and anything left open inside it (malformed markup is common in copy).
            while self.open:
                closed = self.open.pop()
                if closed == "figure" and not self.skipping:
                    self.builder.close_caption()
                if closed == tag:
                    break
        if tag in BLOCKS and not self.skipping:
            self.builder.block_break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # A line break in HTML source is a space on the page: lines come from blocks and <br> only.
            self.builder.add(data.replace("\n", " "), self.source_offset())

    def _reference(self, raw_start: str) -> None:
        start = self.source_offset()
        match = _REFERENCE.match(self.builder.source, start)
        raw = match.group() if match else raw_start
        if not self.skipping:
            self.builder.add(html.unescape(raw), start, start + len(raw))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def handle_comment(self, data: str) -> None:
        start = self.source_offset()
        close = self.builder.source.find("-->", start)
        end = close + 3 if close >= 0 else start + 4 + len(data)
        self.builder.comment(start, end, data)


_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][-.a-zA-Z0-9]*);?")


def extract_html(builder: ProseBuilder, start: int, end: int, *, comments_only: bool = False) -> None:
    """Feed the prose of ``builder.source[start:end]`` (HTML) into the builder."""
    parser = _ProseParser(builder, start, end, comments_only=comments_only)
    parser.feed(parser.chunk)
    parser.close()
    while parser.open:  # figures left open by malformed markup still end their caption
        if parser.open.pop() == "figure":
            builder.close_caption()
    builder.block_break()


def read_html(path: str, source: str, parse: Callable | None = None) -> Document:
    builder = ProseBuilder(source)
    extract_html(builder, 0, len(source))
    return builder.document(path, parse)


__all__ = ["extract_html", "read_html"]
