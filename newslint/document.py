"""The Document: one input's text, built once and shared read-only by every check."""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence, TypeVar

if TYPE_CHECKING:  # spaCy is imported only when a check asks for the parsed Doc
    from spacy.tokens import Doc

    from newslint.suppression import Directive


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text between blank lines (a paragraph, a headline, a credit line): ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line of ``text``, stripped: ``text[start:end]``; ``index`` counts from 0."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the analysed text that is copied unchanged from ``source_start`` in the source.

    ``source_end`` is set only when the source spelling is longer than the text, as for an HTML
    entity (``&amp;`` becomes ``&``): a span ending with the segment then ends after the entity.
    """

    text_start: int
    text_end: int
    source_start: int
    source_end: int | None = None


def normalise_newlines(text: str) -> str:
    """CRLF and CR line endings as LF: every convention gives the same lines and columns."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts (lines end with ``\n``)."""
    return [0] + [match.end() for match in re.finditer("\n", text)]


class SourceMap:
    """Maps offsets in the analysed text to 1-based (line, column) in the source file.

    Plain text is analysed as it is, so the map is the identity. Markdown and HTML are reduced to
    prose first; their readers give the segments that say where each stretch of prose came from.
    """

    def __init__(self, source: str, segments: Sequence[Segment] | None = None) -> None:
        self._line_starts = line_starts(source)
        self._segments = list(segments) if segments is not None else [Segment(0, len(source), 0)]
        self._segment_starts = [s.text_start for s in self._segments]

    def source_offset(self, offset: int) -> int:
        if not self._segments:
            return 0
        index = max(bisect.bisect_right(self._segment_starts, offset) - 1, 0)
        segment = self._segments[index]
        return segment.source_start + min(offset - segment.text_start, segment.text_end - segment.text_start)

    def source_end_offset(self, offset: int) -> int:
        """The source offset just past the character before ``offset``: where a span ending there ends."""
        if not self._segments or offset <= 0:
            return self.source_offset(offset)
        index = max(bisect.bisect_right(self._segment_starts, offset - 1) - 1, 0)
        segment = self._segments[index]
        if offset >= segment.text_end:
            if segment.source_end is not None:
                return segment.source_end
            return segment.source_start + segment.text_end - segment.text_start
        return segment.source_start + max(offset - segment.text_start, 0)

    def position(self, offset: int) -> tuple[int, int]:
        return self._line_column(self.source_offset(offset))

    def end_position(self, offset: int) -> tuple[int, int]:
        """(line, column) just past the span that ends (exclusive) at ``offset``."""
        return self._line_column(self.source_end_offset(offset))

    def _line_column(self, source_offset: int) -> tuple[int, int]:
        line_index = bisect.bisect_right(self._line_starts, source_offset) - 1
        return line_index + 1, source_offset - self._line_starts[line_index] + 1


_Result = TypeVar("_Result")

_ISO_DATE = re.compile(r"\s*[\"']?([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")


_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
# "December 4, 2026", "Dec. 4, 2026", "4 December 2026", "Friday, 4 Dec 2026": how a CMS writes the date out.
# "Tues., Jan. 6, 2026" and "2nd of March 2015" too.
_WRITTEN_DATE = re.compile(r"\s*[\"']?(?:[A-Za-z]+\.?,?\s+)??"
                           r"(?:(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?"
                           r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[A-Za-z]+)\.?,?)\s+(?P<year>\d{4})\b")


def publication_date(value: str) -> datetime.date | None:
    """The calendar date an ISO 8601 value starts with ("2015-03-02", "2015-03-02T10:00:00Z"), or one written out
    in English ("March 2, 2015", "2 March 2015"); None for anything else."""
    match = _ISO_DATE.match(value)
    if match is not None:
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    elif (written := _WRITTEN_DATE.match(value)) is not None:
        named = (written.group("month") or written.group("month2")).casefold()
        if named not in _MONTHS:
            return None
        day = int(written.group("day") or written.group("day2"))
        year, month = int(written.group("year")), _MONTHS[named]
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None

# A blank line may hold any whitespace but a newline (a non-breaking space from a word processor too).
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


_NO_BREAK_SPACES = {0x00A0: " ", 0x202F: " ", 0x2007: " "}


class Document:
    """One input to lint.

    ``text`` is what checks analyse (for plain text, the file's text with line endings normalised
    to ``\\n``; for Markdown and HTML, the prose only, one block per paragraph, heading, list item
    or caption, separated by blank lines). ``source`` is the file as read (line endings normalised)
    and ``source_map`` maps offsets in ``text`` back to it. ``spacy_doc`` is parsed on first use, so
    a run whose checks need no NLP never imports spaCy; ``parse_spans`` parses only given pieces.

    ``photo_captions`` are the spans of ``text`` that are captions or credits printed WITH their
    photo (an HTML ``<figcaption>`` inside a ``<figure>``, Markdown image alt text and the line
    right under an image): a caption check must not call them orphans. ``emphasis`` are the spans of
    ``text`` set in italics (Markdown ``*…*``, HTML ``<em>``, ``<i>``, ``<cite>``), where the titles of
    works often are. ``suppressions`` are the
    inline ``<!-- newslint: ... -->`` directives, applied by the engine, never by checks.

    ``published`` is the story's publication date when it is known: from the file itself (Markdown
    front matter ``date:``, an HTML ``<time datetime>`` or ``article:published_time``), else from
    ``--date`` or ``date`` in the configuration (set by the engine). date-weekday takes the story's year
    from it.
    """

    def __init__(
        self,
        path: str,
        text: str,
        *,
        source_map: SourceMap | None = None,
        parse: Callable[[str], "Doc"] | None = None,
        source: str | None = None,
        photo_captions: Sequence[Block] = (),
        emphasis: Sequence[tuple[int, int]] = (),
        suppressions: Sequence["Directive"] = (),
        published: datetime.date | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        self.path = path
        # A no-break space (HTML's &nbsp;, a word processor's) is a space to every check: "Evangelina&nbsp;
        # Kowalczyk" is a name like any other. Same length, so offsets and the source map are unchanged.
        self.text = text.translate(_NO_BREAK_SPACES)
        self.source = text if source is None else source
        self.source_map = source_map or SourceMap(self.source)
        self.photo_captions: tuple[Block, ...] = tuple(sorted(photo_captions, key=lambda block: block.start))
        self._caption_starts = [block.start for block in self.photo_captions]
        self._caption_reach = list(itertools.accumulate((block.end for block in self.photo_captions), max))
        self.emphasis: tuple[tuple[int, int], ...] = tuple(emphasis)  # italic spans of ``text``, in order
        self.suppressions: tuple["Directive", ...] = tuple(suppressions)
        self.published = published
        self.notices: tuple[str, ...] = tuple(notices)  # what the reader could not read, for a person to know
        self._parse = parse
        self._memo: dict[Callable[..., Any], Any] = {}

    @classmethod
    def from_text(cls, path: str, text: str, **kwargs) -> "Document":
        """A plain-text document; any line-ending convention gives the same lines and columns."""
        return cls(path, normalise_newlines(text), **kwargs)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset in ``text`` of the start of each line of ``text``."""
        return line_starts(self.text)

    @cached_property
    def blocks(self) -> list[Block]:
        """Paragraph-like blocks: text separated by blank lines, trimmed, empty ones dropped."""
        blocks = []
        position = 0
        for separator in [*_BLANK_LINES.finditer(self.text), None]:
            end = separator.start() if separator else len(self.text)
            chunk = self.text[position:end]
            stripped = chunk.strip()
            if stripped:
                start = position + chunk.index(stripped[0])
                blocks.append(Block(start, start + len(stripped), stripped))
            if separator:
                position = separator.end()
        return blocks

    def line_spans(self) -> Iterator[Line]:
        """Each non-empty line, stripped, with its offsets into ``text``."""
        for index, (start, line) in enumerate(zip(self.line_starts, self.lines, strict=True)):
            stripped = line.strip()
            if stripped:
                left = start + line.index(stripped[0])
                yield Line(index, left, left + len(stripped), stripped)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of an offset into ``text``."""
        return self.source_map.position(offset)

    def end_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) just past a span of ``text`` that ends (exclusive) at ``offset``."""
        return self.source_map.end_position(offset)

    def is_photo_caption(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` overlaps a caption printed with its photo."""
        # The captions starting before ``end`` are a prefix of the sorted list; one of them overlaps the span
        # exactly when the furthest end among them lies past ``start`` (nested figures included).
        index = bisect.bisect_left(self._caption_starts, end) - 1
        return index >= 0 and start < self._caption_reach[index]

    @cached_property
    def source_lines(self) -> list[str]:
        """The source file's lines (1-based line N is ``source_lines[N - 1]``), for excerpts."""
        return self.source.split("\n")

    def memo(self, analysis: Callable[["Document"], _Result]) -> _Result:
        """``analysis(self)``, computed once per document and shared by every check that asks for it.

        Checks that build on one analysis (both count checks read the same count readings) share it
        here rather than through module-level caches keyed on the text, which outlive the run and
        tie memory to the longest text seen.
        """
        if analysis not in self._memo:
            self._memo[analysis] = analysis(self)
        return self._memo[analysis]

    @cached_property
    def spacy_doc(self) -> "Doc":
        """The text run through the NLP pipeline, once per document."""
        if self._parse is None:
            raise RuntimeError("this Document was built without an NLP pipeline")
        return self._parse(self.text)

    def parse_spans(self, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, "Doc"]]:
        """Each ``text[start:end]`` run through the NLP pipeline, all in one ``nlp.pipe`` batch.

        Yields ``(start, doc)`` in the order given; the doc's character offsets count from ``start``.
        The docs are made lazily and nothing is kept, so a check that parses only the pieces it needs
        (and lets each doc go once read) holds one batch in memory, however long the text.
        """
        if self._parse is None:
            raise RuntimeError("this Document was built without an NLP pipeline")
        parse = self._parse
        spans = list(spans)
        texts = (self.text[start:end] for start, end in spans)
        pipe = getattr(parse, "pipe", None)  # newslint.nlp.Parser; a plain function parses one by one
        docs = pipe(texts) if pipe is not None else (parse(text) for text in texts)
        for (start, _end), doc in zip(spans, docs, strict=True):
            yield start, doc
