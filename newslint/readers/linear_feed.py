"""Feeding ``html.parser`` so that it stays linear on every input.

Python's ``html.parser`` (3.11 and older patch releases; CPython gh-135462) rescans the rest of the
input for every ``<`` that cannot start a complete tag, which is quadratic on text such as ``<a`` × n
with no ``>`` after it: 80,000 characters took 10 s. Nothing after the last ``>`` can complete a tag, so
the input is fed up to there and the tail is handed over as text in one piece.
"""

from __future__ import annotations

from html.parser import HTMLParser


def feed_linearly(parser: HTMLParser, text: str) -> None:
    """``parser.feed(text)``, with a tail that holds ``<`` but no ``>`` passed to ``handle_data`` whole."""
    cut = text.rfind(">") + 1
    tail = text[cut:]
    if "<" not in tail:
        parser.feed(text)
        return
    parser.feed(text[:cut])
    if parser.rawdata:  # still inside something (a comment, a script) that the tail may continue
        parser.feed(tail)
        return
    parser.handle_data(tail)  # getpos() still points at the tail's start, where its text begins
