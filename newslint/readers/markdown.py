"""Markdown copy: headings, paragraphs, list items, quotes, table cells and image alt text are prose;
front matter, code (fenced, indented and inline) and link destinations are not.

markdown-it-py (CommonMark, plus tables and strikethrough) parses the file. Its block tokens say which
source lines an inline run came from; within a line, the inline source is located exactly, and each
text token is aligned with it character by character, through entities (``&amp;``) and backslash
escapes, so that a finding lands on its source line and column.

Images are photos: their alt text, their title, the text sharing a paragraph with an image and the
block right under an image-only paragraph are captions printed with their photo
(``Document.photo_captions``). HTML blocks are read by the HTML reader (a ``<figure>`` is a figure
here too); ``<!-- newslint: ... -->`` comments anywhere are suppression directives.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newslint.document import Document, line_starts, publication_date
from newslint.readers.html import extract_html
from newslint.readers.prose import ProseBuilder

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def _lines(token: Token) -> list[int]:
    """The source lines ``[first, last)`` of a block token (markdown-it sets them on every block we read)."""
    assert token.map is not None, token.type
    return token.map


def front_matter_lines(lines: Sequence[str]) -> int:
    """How many lines at the top are YAML (``---``) or TOML (``+++``) front matter; 0 if none."""
    if not lines or lines[0].rstrip() not in _FRONT_MATTER_FENCES:
        return 0
    closers = _FRONT_MATTER_FENCES[lines[0].rstrip()]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            return index + 1
        if lines[index].strip() and not _METADATA_LINE.match(lines[index]):
            return 0  # prose between two rules ("Share this article"): a thematic break, not metadata
    return 0  # never closed: not front matter, just a thematic break


# What front matter holds: "key: value" or "key = value", a list item, an indented continuation, a TOML table,
# a comment.
_METADATA_LINE = re.compile(r"^(?:[\w\"'.-][\w\"' .-]{0,40}\s*[:=]|\s*-\s|\s+\S|\[[\w.\"' -]+\]\s*$|#)")


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.line_starts = line_starts(source)
        self.builder = ProseBuilder(source)
        self._line_cursor: dict[int, int] = {}  # per source line: where the last located run ended
        self._caption_below: int | None = None  # the line right under an image-only paragraph

    def read(self) -> ProseBuilder:
        skipped = front_matter_lines(self.lines)
        # Blank out the front matter (keeping line numbers) so its "---" lines are not read as rules.
        body = "\n" * skipped + "\n".join(self.lines[skipped:])
        for token in _PARSER.parse(body):
            if token.type == "inline" and token.map:
                self.inline(token)
            elif token.type == "html_block" and token.map:
                self.html_block(token)
            elif token.type in ("fence", "code_block", "hr"):
                self._caption_below = None
        self.builder.block_break()
        return self.builder

    # --- blocks -------------------------------------------------------------------------------

    def html_block(self, token: Token) -> None:
        first, last = _lines(token)
        start = self.line_starts[first]
        end = self.line_starts[last] if last < len(self.line_starts) else len(self.source)
        self.builder.block_break()
        # Nested in a list or quote, the source lines carry markers ("> ") that are not HTML: comments only.
        extract_html(self.builder, start, end, comments_only=token.level > 0)

    def inline(self, token: Token) -> None:
        content = token.content
        offsets = self.content_offsets(token)
        # The block right under a photo (at most one blank line between) is its caption or credit.
        caption = self._caption_below is not None and _lines(token)[0] - self._caption_below <= 1
        self._caption_below = None
        self.builder.block_break()
        if caption:
            self.builder.open_caption()
        children = token.children or []
        has_image = any(child.type == "image" for child in children)
        if has_image and not caption:
            self.builder.open_caption()  # text sharing a paragraph with a photo is its caption or credit
        self.walk(children, content, offsets, 0)
        if has_image or caption:
            self.builder.close_caption()
        image_only = has_image and all(
            child.type in ("image", "softbreak", "hardbreak") or (child.type == "text" and not child.content.strip())
            for child in children)
        self._caption_below = _lines(token)[1] if image_only else None
        self.builder.block_break()

    def content_offsets(self, token: Token) -> list[int]:
        """Source offset of each character of the inline token's content (plus one for its end)."""
        first_line = _lines(token)[0]
        offsets: list[int] = []
        content_lines = token.content.split("\n")
        for index, piece in enumerate(content_lines):
            number = min(first_line + index, len(self.lines) - 1)
            line, line_start = self.lines[number], self.line_starts[number]
            column = self._locate_in_line(number, line, piece, last=index == len(content_lines) - 1)
            if column + len(piece) <= len(line):
                offsets.extend(range(line_start + column, line_start + column + len(piece)))
            else:  # located only approximately: never point past the line's end
                offsets.extend(line_start + min(column + i, len(line)) for i in range(len(piece)))
            offsets.append(line_start + min(column + len(piece), len(line)))  # the "\n" or the end
        return offsets

    def _locate_in_line(self, number: int, line: str, piece: str, *, last: bool) -> int:
        cursor = self._line_cursor.get(number)
        if cursor is not None:  # a later cell of the same table row, say: search rightwards
            column = line.find(piece, cursor)
        elif not last and line.endswith(piece):
            column = len(line) - len(piece)
        else:
            # Markers ("- ", "> ", "1. ") come first and trailing ones ("#") last: the piece is the
            # rightmost occurrence, unless trailing markup repeats it, which rfind then still finds.
            column = line.rfind(piece)
        if column < 0:  # tabs expanded by the parser, say: fall back to the first character of text
            stripped = piece.strip()
            column = line.find(stripped) if stripped else -1
            if column < 0:
                column = len(line) - len(line.lstrip())
        self._line_cursor[number] = column + len(piece)
        return column

    # --- inline -------------------------------------------------------------------------------

    def walk(self, children: list[Token], content: str, offsets: list[int], cursor: int) -> int:
        skip_text = 0  # inside an autolink: its text is a URL
        for child in children:
            kind = child.type
            if kind == "text":
                cursor = self.text(child.content, content, offsets, cursor, emit=not skip_text)
            elif kind in ("softbreak", "hardbreak"):
                newline = content.find("\n", cursor)
                cursor = newline + 1 if newline >= 0 else cursor
                self.builder.line_break()
            elif kind == "code_inline":
                found = content.find(child.markup + child.content, cursor)
                if found >= 0:
                    cursor = found + len(child.markup) * 2 + len(child.content)
            elif kind == "html_inline":
                found = content.find(child.content, cursor)
                if found >= 0:
                    self.comments(child.content, offsets, found)
                    cursor = found + len(child.content)
            elif kind == "link_open":
                if child.markup == "autolink":
                    skip_text += 1
            elif kind == "link_close":
                if child.markup == "autolink":
                    skip_text -= 1
                    closing = content.find(">", cursor)
                    cursor = closing + 1 if closing >= 0 else cursor
                else:
                    cursor = _skip_link_tail(content, cursor)
            elif kind == "image":
                cursor = self.image(child, content, offsets, cursor)
            elif kind == "em_open":
                self.builder.open_emphasis()
            elif kind == "em_close":
                self.builder.close_emphasis()
        return cursor

    def image(self, token: Token, content: str, offsets: list[int], cursor: int) -> int:
        opening = content.find("![", cursor)
        cursor = opening + 2 if opening >= 0 else cursor
        self.builder.open_caption()
        cursor = self.walk(token.children or [], content, offsets, cursor)
        title = token.attrs.get("title")
        tail_end = _skip_link_tail(content, cursor)
        if title:
            found = content.find(str(title), cursor, tail_end)
            self.builder.line_break()
            if found >= 0:
                self.text(str(title), content, offsets, found)
        self.builder.close_caption()
        self.builder.line_break()
        return tail_end

    def text(self, text: str, content: str, offsets: list[int], cursor: int, *, emit: bool = True) -> int:
        found = content.find(text, cursor)
        if found >= 0 and "\n" not in content[cursor:found]:
            end = found + len(text)
            if emit and text and offsets[end - 1] - offsets[found] == len(text) - 1:
                self.builder.add(text, offsets[found])  # copied unchanged from one stretch of the source
                return end
            spans = [(found + i, found + i + 1) for i in range(len(text))]
        else:
            spans, end = _align(text, content, cursor)
        if emit and text:
            self.builder.add_spans(text, [(offsets[s], offsets[e - 1] + 1) for s, e in spans])
        return end

    def comments(self, raw: str, offsets: list[int], at: int) -> None:
        """An inline HTML token that is a comment (the parser isolates each one) may be a directive."""
        if raw.startswith("<!--") and raw.endswith("-->") and len(raw) >= 7:
            self.builder.comment(offsets[at], offsets[at + len(raw) - 1] + 1, raw[4:-3])


def _align(text: str, content: str, cursor: int) -> tuple[list[tuple[int, int]], int]:
    """Where each character of a decoded text run came from in the raw inline content.

    Raw characters that are markup (``*``, ``[``) are stepped over; ``\\*`` and ``&amp;`` are matched to
    the character they stand for. A character that cannot be found is pinned to where the search is.
    """
    spans: list[tuple[int, int]] = []
    position, index = cursor, 0
    while index < len(text):
        char = text[index]
        probe = position
        matched = False
        while probe < len(content):
            raw = content[probe]
            # CommonMark always decodes a valid reference, so "&amp;" is one "&", never three letters.
            if raw == "&" and (reference := _REFERENCE.match(content, probe)):
                decoded = html.unescape(reference.group())
                if text.startswith(decoded, index):
                    spans.extend([(probe, reference.end())] * len(decoded))
                    position, index, matched = reference.end(), index + len(decoded), True
                    break
            if raw == "\\" and probe + 1 < len(content) and content[probe + 1] == char:
                spans.append((probe, probe + 2))
                position, index, matched = probe + 2, index + 1, True
                break
            if raw == char:
                spans.append((probe, probe + 1))
                position, index, matched = probe + 1, index + 1, True
                break
            probe += 1
        if not matched:
            pinned = min(position, len(content) - 1) if content else 0
            spans.extend([(pinned, pinned + 1)] * (len(text) - index))
            break
    return spans, position


def _skip_link_tail(content: str, cursor: int) -> int:
    """Past the ``](destination "title")`` or ``][label]`` that follows a link's text."""
    if cursor < len(content) and content[cursor] == "]":
        cursor += 1
    if cursor < len(content) and content[cursor] == "(":
        depth, quote, index = 0, None, cursor
        while index < len(content):
            char = content[index]
            if char == "\\":
                index += 2
                continue
            if quote:
                if char == quote:
                    quote = None
            elif char in "\"'" and depth == 1:
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        return cursor
    if cursor < len(content) and content[cursor] == "[":
        closing = content.find("]", cursor)
        return closing + 1 if closing >= 0 else cursor
    return cursor


# The publication date in front matter: ``date: 2015-03-02`` (YAML) or ``date = 2015-03-02`` (TOML).
_FRONT_MATTER_DATE = re.compile(r"(?:date|published|publishdate|pubdate)\s*[:=](.*)", re.I)


def front_matter_date(lines: Sequence[str]) -> datetime.date | None:
    """The story's publication date from its front matter, if it gives one."""
    for line in lines[1:front_matter_lines(lines)]:
        match = _FRONT_MATTER_DATE.fullmatch(line.strip())
        if match is not None:
            return publication_date(match.group(1))
    return None


def read_markdown(path: str, source: str, parse: Callable | None = None) -> Document:
    reader = _Reader(source)
    document = reader.read().document(path, parse)
    document.published = front_matter_date(reader.lines)
    return document
