"""Positions in a client's own text: (line, column) in code points to offsets, and to UTF-16 units.

Findings carry 1-based lines and columns that count Unicode code points in the source text, whose
line breaks the Document normalised (CRLF and CR count as one break, like LF). Clients count
differently: LanguageTool's offsets are Java string indices and LSP positions default to
JavaScript's, both UTF-16 code units, in which a character outside the Basic Multilingual Plane
(most emoji) counts twice. This module needs nothing beyond the standard library, so the language
server can use it without the server's dependencies.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the breaks newslint.document.normalise_newlines counts
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (a Java or JavaScript string's length)."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


class ClientText:
    """One text as the client sent it, with its line starts and where its astral characters sit."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        """The code-point offset of a 1-based (line, column), clamped to the text."""
        index = min(max(line, 1), len(self._line_starts)) - 1
        return min(self._line_starts[index] + max(column, 1) - 1, len(self.text))

    def utf16(self, offset: int) -> int:
        """The UTF-16 offset of a code-point offset."""
        return offset + bisect.bisect_left(self._astral, offset)

    def line(self, number: int) -> str:
        """Line ``number`` (1-based), without its line break; "" past the end."""
        if not 1 <= number <= len(self._line_starts):
            return ""
        start = self._line_starts[number - 1]
        end = self._line_starts[number] if number < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def line_of(self, offset: int) -> str:
        """The line holding the code-point ``offset``, without its line break."""
        return self.line(bisect.bisect_right(self._line_starts, offset))
