"""Building the prose a markup reader extracts, with its map back to the source.

Markdown and HTML are reduced to their prose before any check sees them. A reader feeds a
:class:`ProseBuilder` stretches of text with the source offsets they came from; the builder keeps
blocks apart with blank lines (so ``Document.blocks`` still finds paragraphs) and records the
:class:`~newslint.document.Segment` map that puts every finding back on its source line and column.
"""

from __future__ import annotations

from typing import Callable, Sequence

from newslint.document import Block, Document, Segment, SourceMap
from newslint.suppression import directives_in


class ProseBuilder:
    """Accumulates the analysed text of one markup document and its map back to the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._length = 0
        self._tail = ""  # the last two characters written, to know whether a block break is due
        self.segments: list[Segment] = []
        self.photo_captions: list[Block] = []
        self.comments: list[tuple[int, int, str]] = []  # (source start, source end, body)
        self.notices: list[str] = []  # markup that hides the rest of the file: an unclosed comment or script
        self._caption_starts: list[tuple[int, int]] = []  # (offset in text, index in _parts) of open captions
        self.emphasis: list[tuple[int, int]] = []  # spans of text set in italics (titles of works, often)
        self._emphasis_starts: list[int] = []

    @property
    def length(self) -> int:
        return self._length

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
        self._tail = (self._tail + text)[-2:]

    def add(self, text: str, source_start: int, source_end: int | None = None) -> None:
        """Text copied from ``source[source_start:]`` (or decoded from ``source[source_start:source_end]``)."""
        if not text:
            return
        if source_end == source_start + len(text):
            source_end = None
        self.segments.append(Segment(self._length, self._length + len(text), source_start, source_end))
        self._write(text)

    def add_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        """Text whose i-th character came from ``source[spans[i][0]:spans[i][1]]``; contiguous runs merge."""
        run_start = 0
        for index in range(1, len(text) + 1):
            if index < len(text) and spans[index][0] == spans[index - 1][1] and \
                    spans[index - 1][1] - spans[index - 1][0] == 1:
                continue
            self.add(text[run_start:index], spans[run_start][0], spans[index - 1][1])
            run_start = index

    def line_break(self) -> None:
        """A line break inside a block (a soft break in Markdown, ``<br>`` in HTML)."""
        if self._length and self._tail[-1:] != "\n":
            self._write("\n")

    def block_break(self) -> None:
        """End the current block: the next text starts a new paragraph."""
        if self._length and self._tail != "\n\n":
            self._write("\n" if self._tail[-1:] == "\n" else "\n\n")

    def open_caption(self) -> None:
        self._caption_starts.append((self._length, len(self._parts)))

    def close_caption(self) -> None:
        if not self._caption_starts:
            return
        start, first_part = self._caption_starts.pop()
        # Only the parts written since the caption opened: joining everything per caption is quadratic.
        text = "".join(self._parts[first_part:])
        stripped = text.strip()
        if stripped:
            left = start + text.index(stripped[0])
            self.photo_captions.append(Block(left, left + len(stripped), stripped))

    def open_emphasis(self) -> None:
        self._emphasis_starts.append(self._length)

    def close_emphasis(self) -> None:
        if self._emphasis_starts:
            start = self._emphasis_starts.pop()
            # Only the outermost of nested italics: each span is read whole, so nested ones would cost their depth.
            if self._length > start and not self._emphasis_starts:
                self.emphasis.append((start, self._length))

    def unclosed(self, source_offset: int, what: str, consequence: str) -> None:
        """``what`` opens at ``source_offset`` and never closes; ``consequence`` says what became of the rest."""
        line = self.source.count("\n", 0, source_offset) + 1
        self.notices.append(f"line {line}: {what} is never closed; {consequence}")

    def comment(self, source_start: int, source_end: int, body: str) -> None:
        self.comments.append((source_start, source_end, body))

    def document(self, path: str, parse: Callable | None) -> Document:
        while self._caption_starts:  # an unclosed <figure> still holds its caption
            self.close_caption()
        return Document(
            path,
            "".join(self._parts),
            source_map=SourceMap(self.source, self.segments),
            parse=parse,
            source=self.source,
            photo_captions=sorted(self.photo_captions, key=lambda block: block.start),
            emphasis=sorted(self.emphasis),
            suppressions=directives_in(self.source, self.comments, self._prose_lines()) if self.comments else (),
            notices=self.notices,
        )

    def _prose_lines(self) -> set[int]:
        """Source lines (1-based) holding prose that checks see: where an ``ignore`` comment can point."""
        text = "".join(self._parts)
        source_map = SourceMap(self.source, self.segments)
        lines: set[int] = set()
        for segment in self.segments:
            for offset in range(segment.text_start, segment.text_end):
                if not text[offset].isspace():
                    lines.add(source_map.position(offset)[0])
        return lines
