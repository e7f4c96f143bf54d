"""Plain-text copy, and its inline suppressions: a line of its own such as ``[newslint: ignore promo-text]``.

Plain text has no comments, so a directive is a whole line in square brackets. The line is taken out of
the text the checks see (a paragraph around it reads as one), and the source map puts every finding
back on its line and column in the file as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from newslint.document import Document, Segment, SourceMap
from newslint.suppression import directives_in

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The whole line: "[newslint: ignore name-spelling]", with any indentation or trailing spaces.
_DIRECTIVE_LINE = re.compile(r"^[ \t]*\[(?P<body>[ \t]*newslint[ \t]*:[^\]\n]*)\][ \t]*(?:\n|$)", re.M | re.I)


def read_text(path: str, source: str, parse: Callable[[str], "Doc"] | None = None) -> Document:
    """``source`` has LF line endings already (see :func:`newslint.document.normalise_newlines`)."""
    if "newslint" not in source:  # the common case costs one substring search
        return Document(path, source, parse=parse)
    directives = list(_DIRECTIVE_LINE.finditer(source))
    if not directives:
        return Document(path, source, parse=parse)
    parts: list[str] = []
    segments: list[Segment] = []
    comments: list[tuple[int, int, str]] = []
    length = position = 0
    for match in directives:
        if match.start() > position:
            segments.append(Segment(length, length + match.start() - position, position))
            parts.append(source[position:match.start()])
            length += match.start() - position
        comments.append((match.start("body") - 1, match.end("body") + 1, match["body"]))
        position = match.end()
    if position < len(source):
        segments.append(Segment(length, length + len(source) - position, position))
        parts.append(source[position:])
    directive_lines = {source.count("\n", 0, match.start()) + 1 for match in directives}
    prose_lines = {number for number, line in enumerate(source.split("\n"), 1)
                   if line.strip() and number not in directive_lines}
    return Document(
        path,
        "".join(parts),
        source_map=SourceMap(source, segments),
        parse=parse,
        source=source,
        suppressions=directives_in(source, comments, prose_lines),
    )
